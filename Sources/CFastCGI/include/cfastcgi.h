// Debian's libfcgi (libfcgi-dev), reentrant FCGX API only: one FCGX_Request per worker process.
#ifndef LCARS_CFASTCGI_H
#define LCARS_CFASTCGI_H
#include <fcgiapp.h>

/// Number of bytes read from the request body into buf (0 at end), or -1 on a stream error.
int lcars_fcgx_read(FCGX_Request *request, char *buf, int len);


/// The whole response (head, then body) and the end of the request in one writev: the STDOUT
/// records, the empty STDOUT record and FCGI_END_REQUEST. libfcgi's own stream copies the output
/// into an 8 kB buffer and writes each full buffer, then the closing records: 3–6 write() calls
/// for a 20–40 kB answer. Nothing may be written through request->out before or after (the
/// stream is marked closed here). 0 on success, -1 when the web server went away.
int lcars_fcgx_respond(FCGX_Request *request, const char *head, int head_len, const char *body, int body_len);

/// Ends the request and closes the connection without libfcgi's lingering close: the rest of the
/// request's stdin is read (so no unread data makes the close a reset), then close(), instead of
/// shutdown() + poll() until the web server closes its side — a wait for nginx to be scheduled,
/// on every request, with the worker idle. Large leftovers (a refused upload) keep libfcgi's close.
void lcars_fcgx_finish(FCGX_Request *request);

/// The request's parameter array (NAME=value strings, NULL-terminated).
FCGX_ParamArray lcars_fcgx_params(FCGX_Request *request);
#endif
