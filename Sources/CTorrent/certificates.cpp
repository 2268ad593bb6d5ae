// Where the session's TLS context (HTTPS trackers and web seeds) finds trusted certificates.
//
// libtorrent asks OpenSSL for its default locations when a session starts. OpenSSL then decodes
// every certificate of the default bundle file at once (~140 on Debian: ~1.2 MB held for the
// session's life) and also keeps the default directory, where it looks an issuer up by its hash
// when a handshake needs it. Where that directory holds the hashed links (Debian's
// /etc/ssl/certs does, kept by update-ca-certificates), it alone trusts exactly the same
// certificates, so the bundle file is skipped: SSL_CERT_FILE is set to "", which OpenSSL reads
// as "no default file". A user's own SSL_CERT_FILE or SSL_CERT_DIR is left as it is.
#include "shim.hpp"

#include <openssl/x509.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <mutex>

namespace {

/// "5ad8a5d6.0": the name OpenSSL looks a certificate up by (8 hex digits of the subject hash).
bool is_hash_link(const char *name) {
    if (std::strlen(name) < 10) return false;
    for (int i = 0; i < 8; i++) if (!std::isxdigit(static_cast<unsigned char>(name[i]))) return false;
    return name[8] == '.' && std::isdigit(static_cast<unsigned char>(name[9]));
}

bool has_hash_links(const char *directory) {
    DIR *dir = opendir(directory);
    if (!dir) return false;
    bool found = false;
    while (const dirent *entry = readdir(dir)) {
        if (is_hash_link(entry->d_name)) { found = true; break; }
    }
    closedir(dir);
    return found;
}

} // namespace

namespace ctshim {

void prefer_certificate_directory() {
    static std::once_flag once;
    std::call_once(once, [] {
        const char *file_variable = X509_get_default_cert_file_env();   // "SSL_CERT_FILE"
        const char *dir_variable = X509_get_default_cert_dir_env();     // "SSL_CERT_DIR"
        if (std::getenv(file_variable) || std::getenv(dir_variable)) return;
        if (!has_hash_links(X509_get_default_cert_dir())) return;
        setenv(file_variable, "", 0);
    });
}

} // namespace ctshim
