// libcurl for Swift: non-variadic wrappers over curl_easy_setopt / curl_easy_getinfo (Swift
// cannot call C variadics), and libcurl itself loaded on first use rather than at exec.
//
// Why loaded late: Debian's libcurl brings ~25 libraries with it (GnuTLS, Kerberos, LDAP, SSH,
// RTMP, p11-kit, ...), and loading them (relocations, GnuTLS's start-up) costs every process that
// links it megabytes before its first request. Responder workers that never fetch an image or
// ask TMDB, and lcarsd between its jobs, don't pay that. Only the header is used at build time.
#ifndef LCARS_CCURL_H
#define LCARS_CCURL_H
#include <curl/curl.h>
#include <stddef.h>

typedef size_t (*lcars_curl_data_callback)(char *data, size_t size, size_t count, void *context);

/// Loads libcurl (once per process) and runs curl_global_init. Returns 0 when libcurl is usable;
/// otherwise -1 with the reason in `error` (NUL-terminated, at most `capacity` bytes), the
/// same reason on every later call. Every other function here needs a 0 from this first.
int lcars_curl_load(char *error, size_t capacity);

CURL *lcars_curl_easy_init(void);
void lcars_curl_easy_cleanup(CURL *handle);
void lcars_curl_easy_reset(CURL *handle);
CURLcode lcars_curl_easy_perform(CURL *handle);
const char *lcars_curl_easy_strerror(CURLcode code);
struct curl_slist *lcars_curl_slist_append(struct curl_slist *list, const char *text);
void lcars_curl_slist_free_all(struct curl_slist *list);

CURLcode lcars_curl_set_long(CURL *handle, CURLoption option, long value);
CURLcode lcars_curl_set_string(CURL *handle, CURLoption option, const char *value);
CURLcode lcars_curl_set_pointer(CURL *handle, CURLoption option, void *value);
CURLcode lcars_curl_set_callback(CURL *handle, CURLoption option, lcars_curl_data_callback callback);
CURLcode lcars_curl_get_long(CURL *handle, CURLINFO info, long *value);
CURLcode lcars_curl_get_double(CURL *handle, CURLINFO info, double *value);

#endif
