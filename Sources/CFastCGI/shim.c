#include "cfastcgi.h"

int lcars_fcgx_read(FCGX_Request *request, char *buf, int len) {
    int n = FCGX_GetStr(buf, len, request->in);
    if (n < len && FCGX_GetError(request->in) != 0) return -1;
    return n;
}

int lcars_fcgx_write(FCGX_Request *request, const char *buf, int len) {
    int n = FCGX_PutStr(buf, len, request->out);
    return n == len ? 0 : -1;
}

FCGX_ParamArray lcars_fcgx_params(FCGX_Request *request) {
    return request->envp;
}
