// Non-variadic wrappers over libcurl's curl_easy_setopt / curl_easy_getinfo, which Swift cannot
// call directly (C variadics). Everything else of libcurl is used from Swift as it is.
#ifndef LCARS_CCURL_H
#define LCARS_CCURL_H
#include <curl/curl.h>

typedef size_t (*lcars_curl_data_callback)(char *data, size_t size, size_t count, void *context);

CURLcode lcars_curl_set_long(CURL *handle, CURLoption option, long value);
CURLcode lcars_curl_set_string(CURL *handle, CURLoption option, const char *value);
CURLcode lcars_curl_set_pointer(CURL *handle, CURLoption option, void *value);
CURLcode lcars_curl_set_callback(CURL *handle, CURLoption option, lcars_curl_data_callback callback);
CURLcode lcars_curl_get_long(CURL *handle, CURLINFO info, long *value);
CURLcode lcars_curl_get_double(CURL *handle, CURLINFO info, double *value);

#endif
