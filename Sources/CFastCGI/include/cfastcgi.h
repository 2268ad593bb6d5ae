// Debian's libfcgi (libfcgi-dev), reentrant FCGX API only: one FCGX_Request per worker process.
#ifndef LCARS_CFASTCGI_H
#define LCARS_CFASTCGI_H
#include <fcgiapp.h>

/// Number of bytes read from the request body into buf (0 at end), or -1 on a stream error.
int lcars_fcgx_read(FCGX_Request *request, char *buf, int len);

/// Writes len bytes to the response; 0 on success, -1 when the web server went away.
int lcars_fcgx_write(FCGX_Request *request, const char *buf, int len);

/// The request's parameter array (NAME=value strings, NULL-terminated).
FCGX_ParamArray lcars_fcgx_params(FCGX_Request *request);
#endif
