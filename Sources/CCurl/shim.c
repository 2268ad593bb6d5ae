#include "ccurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// libcurl's ABI is stable within soname 4; the Debian package ships it as libcurl.so.4.
#define LCARS_LIBCURL "libcurl.so.4"

static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[512];   // empty once libcurl is usable

#define RESOLVE(field, symbol)                                                                  \
    if (!(*(void **)&api.field = dlsym(library, symbol))) {                                      \
        snprintf(load_error, sizeof load_error, "%s has no %s: %s", LCARS_LIBCURL, symbol, dlerror()); \
        return;                                                                                   \
    }

static void load(void) {
    snprintf(load_error, sizeof load_error, "not loaded");
    // RTLD_LOCAL: libcurl's symbols (and its dependencies') stay out of the global namespace.
    void *library = dlopen(LCARS_LIBCURL, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(load_error, sizeof load_error, "cannot load %s (install the libcurl4 package): %s", LCARS_LIBCURL, dlerror());
        return;
    }
    RESOLVE(global_init, "curl_global_init")
    RESOLVE(easy_init, "curl_easy_init")
    RESOLVE(easy_cleanup, "curl_easy_cleanup")
    RESOLVE(easy_reset, "curl_easy_reset")
    RESOLVE(easy_perform, "curl_easy_perform")
    RESOLVE(easy_strerror, "curl_easy_strerror")
    RESOLVE(easy_setopt, "curl_easy_setopt")
    RESOLVE(easy_getinfo, "curl_easy_getinfo")
    RESOLVE(slist_append, "curl_slist_append")
    RESOLVE(slist_free_all, "curl_slist_free_all")
    CURLcode code = api.global_init(CURL_GLOBAL_ALL);
    if (code != CURLE_OK) {
        snprintf(load_error, sizeof load_error, "curl_global_init failed: %s", api.easy_strerror(code));
        return;
    }
    load_error[0] = '\0';
}

int lcars_curl_load(char *error, size_t capacity) {
    pthread_once(&load_once, load);
    if (load_error[0] == '\0') return 0;
    if (error && capacity > 0) snprintf(error, capacity, "%s", load_error);
    return -1;
}

CURL *lcars_curl_easy_init(void) { return api.easy_init(); }
void lcars_curl_easy_cleanup(CURL *handle) { api.easy_cleanup(handle); }
void lcars_curl_easy_reset(CURL *handle) { api.easy_reset(handle); }
CURLcode lcars_curl_easy_perform(CURL *handle) { return api.easy_perform(handle); }
const char *lcars_curl_easy_strerror(CURLcode code) { return api.easy_strerror(code); }
struct curl_slist *lcars_curl_slist_append(struct curl_slist *list, const char *text) { return api.slist_append(list, text); }
void lcars_curl_slist_free_all(struct curl_slist *list) { api.slist_free_all(list); }

CURLcode lcars_curl_set_long(CURL *handle, CURLoption option, long value) {
    return api.easy_setopt(handle, option, value);
}

CURLcode lcars_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return api.easy_setopt(handle, option, value);
}

CURLcode lcars_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return api.easy_setopt(handle, option, value);
}

CURLcode lcars_curl_set_callback(CURL *handle, CURLoption option, lcars_curl_data_callback callback) {
    return api.easy_setopt(handle, option, callback);
}

CURLcode lcars_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return api.easy_getinfo(handle, info, value);
}

CURLcode lcars_curl_get_double(CURL *handle, CURLINFO info, double *value) {
    return api.easy_getinfo(handle, info, value);
}
