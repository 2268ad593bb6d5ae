#include "cfastcgi.h"
#include <errno.h>
#include <string.h>
#include <sys/uio.h>

int lcars_fcgx_read(FCGX_Request *request, char *buf, int len) {
    int n = FCGX_GetStr(buf, len, request->in);
    if (n < len && FCGX_GetError(request->in) != 0) return -1;
    return n;
}

FCGX_ParamArray lcars_fcgx_params(FCGX_Request *request) {
    return request->envp;
}

// FastCGI 1.0 record layout (the specification's FCGI_Header).
enum { version_1 = 1, type_end_request = 3, type_stdout = 6, header_len = 8 };
// Content per record: the largest multiple of 8 under the 16-bit length limit (no padding needed
// except after the last record).
#define RECORD_CONTENT 65528

static void put_header(unsigned char *h, int type, int request_id, int content_len, int padding_len) {
    h[0] = version_1;
    h[1] = (unsigned char)type;
    h[2] = (unsigned char)((request_id >> 8) & 0xff);
    h[3] = (unsigned char)(request_id & 0xff);
    h[4] = (unsigned char)((content_len >> 8) & 0xff);
    h[5] = (unsigned char)(content_len & 0xff);
    h[6] = (unsigned char)padding_len;
    h[7] = 0;
}

/// writev until everything is out (a Unix socket may take a large answer in parts).
static int writev_all(int fd, struct iovec *iov, int count) {
    while (count > 0) {
        ssize_t n = writev(fd, iov, count);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        while (count > 0 && (size_t)n >= iov->iov_len) {
            n -= (ssize_t)iov->iov_len;
            iov++;
            count--;
        }
        if (count > 0) {
            iov->iov_base = (char *)iov->iov_base + n;
            iov->iov_len -= (size_t)n;
        }
    }
    return 0;
}

// Answers are at most a few MB (fcgi answers are JSON pages): 64 records of 64 kB is 4 MB; beyond
// that, the output goes through libfcgi's stream as before.
#define MAX_RECORDS 64

int lcars_fcgx_respond(FCGX_Request *request, const char *head, int head_len, const char *body, int body_len) {
    long total = (long)head_len + (long)body_len;
    int records = (int)((total + RECORD_CONTENT - 1) / RECORD_CONTENT);
    FCGX_Stream *out = request->out;
    if (records > MAX_RECORDS) {
        // Too large for one writev here: libfcgi's stream.
        if (head_len > 0 && FCGX_PutStr(head, head_len, out) != head_len) return -1;
        if (body_len > 0 && FCGX_PutStr(body, body_len, out) != body_len) return -1;
        return 0;
    }
    // Per record: header, up to two content parts (the head's end and the body's start), padding.
    unsigned char headers[MAX_RECORDS + 2][header_len];
    static const unsigned char zeros[8];
    static const unsigned char end_body[8];   // appStatus 0, FCGI_REQUEST_COMPLETE, reserved
    struct iovec iov[MAX_RECORDS * 4 + 4];
    int n = 0;
    const char *parts[2] = { head, body };
    long lengths[2] = { head_len, body_len };
    int part = 0;
    long offset = 0;
    for (int r = 0; r < records; r++) {
        long content = total - (long)r * RECORD_CONTENT;
        if (content > RECORD_CONTENT) content = RECORD_CONTENT;
        int padding = (int)((8 - content % 8) % 8);
        put_header(headers[r], type_stdout, request->requestId, (int)content, padding);
        iov[n++] = (struct iovec){ headers[r], header_len };
        long left = content;
        while (left > 0) {
            while (offset == lengths[part]) { part++; offset = 0; }
            long take = lengths[part] - offset < left ? lengths[part] - offset : left;
            iov[n++] = (struct iovec){ (void *)(parts[part] + offset), (size_t)take };
            offset += take;
            left -= take;
        }
        if (padding > 0) iov[n++] = (struct iovec){ (void *)zeros, (size_t)padding };
    }
    // The end of stdout (an empty record), then FCGI_END_REQUEST with its 8-byte body.
    put_header(headers[records], type_stdout, request->requestId, 0, 0);
    iov[n++] = (struct iovec){ headers[records], header_len };
    put_header(headers[records + 1], type_end_request, request->requestId, 8, 0);
    iov[n++] = (struct iovec){ headers[records + 1], header_len };
    iov[n++] = (struct iovec){ (void *)end_body, sizeof end_body };
    int result = writev_all(request->ipcFd, iov, n);
    // The records libfcgi would write when the stream is closed are out: FCGX_Finish_r must not
    // write them again. (Its stderr stream, never written to, writes nothing at close.)
    out->wasFCloseCalled = 1;
    out->isClosed = 1;
    out->stop = out->rdNext = out->wrNext;
    if (result != 0) out->FCGI_errno = errno != 0 ? errno : EPIPE;
    return result;
}

// At most this much unread stdin is read away before the close; more keeps libfcgi's close.
#define DRAIN_LIMIT (1 << 20)

void lcars_fcgx_finish(FCGX_Request *request) {
    char sink[4096];
    long drained = 0;
    int complete = 0;
    if (request->in != NULL && FCGX_GetError(request->in) == 0) {
        for (;;) {
            int n = FCGX_GetStr(sink, sizeof sink, request->in);
            if (n <= 0) { complete = FCGX_GetError(request->in) == 0; break; }
            drained += n;
            if (drained > DRAIN_LIMIT) break;
        }
    }
    if (complete) FCGX_Detach(request);   // closed by FCGX_Finish_r with a plain close()
    FCGX_Finish_r(request);
}
