// Error filling, string ownership and info-hash conversions used by every part of the shim.
#include "shim.hpp"

#include <cstdlib>

namespace ctshim {

int fail(ct_error *error, ct_code code, const std::string &message) {
    if (error) {
        error->code = code;
        std::snprintf(error->message, sizeof error->message, "%s", message.c_str());
    }
    return code;
}

int ok(ct_error *error) {
    if (error) {
        error->code = CT_OK;
        error->message[0] = '\0';
    }
    return CT_OK;
}

char *duplicate(const std::string &text) {
    char *copy = static_cast<char *>(std::malloc(text.size() + 1));
    if (!copy) throw std::bad_alloc();
    std::memcpy(copy, text.c_str(), text.size() + 1);
    return copy;
}

ct_bytes copy_bytes(const std::vector<char> &buffer) {
    // malloc(0) may return NULL; one spare byte keeps "empty" distinct from "failed".
    auto *data = static_cast<uint8_t *>(std::malloc(buffer.size() + 1));
    if (!data) throw std::bad_alloc();
    if (!buffer.empty()) std::memcpy(data, buffer.data(), buffer.size());
    return ct_bytes{data, buffer.size()};
}

static const char hex_digits[] = "0123456789abcdef";

template <typename Digest>
static std::string digest_hex(const Digest &digest) {
    std::string out;
    out.reserve(2 * Digest::size());
    for (auto byte : digest) {
        const auto value = static_cast<unsigned char>(byte);
        out.push_back(hex_digits[value >> 4]);
        out.push_back(hex_digits[value & 0xf]);
    }
    return out;
}

// The one key of a torrent: its v1 hash whenever it has one (v1 and hybrid torrents: what a
// `btih` magnet, an indexer and the blocklist name), the full v2 hash for v2-only torrents.
// Not get_best(): for a hybrid it prefers the truncated v2 hash, so a torrent added by its v1
// magnet would change key once its metadata arrived.
std::string hash_hex(const lt::info_hash_t &hashes) {
    if (hashes.has_v1()) return digest_hex(hashes.v1);
    if (hashes.has_v2()) return digest_hex(hashes.v2);
    return {};
}

void copy_hash(const lt::info_hash_t &hashes, char out[CT_INFO_HASH_SIZE]) {
    std::snprintf(out, CT_INFO_HASH_SIZE, "%s", hash_hex(hashes).c_str());
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

template <typename Digest>
static bool parse_digest(const char *text, Digest &out) {
    for (std::size_t i = 0; i < Digest::size(); ++i) {
        const int high = hex_value(text[2 * i]), low = hex_value(text[2 * i + 1]);
        if (high < 0 || low < 0) return false;
        out[static_cast<int>(i)] = static_cast<char>(high << 4 | low);
    }
    return true;
}

bool parse_hash(const char *text, lt::info_hash_t &out) {
    if (!text) return false;
    const std::size_t length = std::strlen(text);
    if (length == 40) {
        lt::sha1_hash v1;
        if (!parse_digest(text, v1)) return false;
        out = lt::info_hash_t(v1);
        return true;
    }
    if (length == 64) {
        lt::sha256_hash v2;
        if (!parse_digest(text, v2)) return false;
        out = lt::info_hash_t(v2);
        return true;
    }
    return false;
}

bool find_torrent(ct_session *session, const char *info_hash, lt::torrent_handle &out, ct_error *error) {
    lt::info_hash_t hashes;
    if (!parse_hash(info_hash, hashes)) {
        fail(error, CT_ERR_INVALID_INFO_HASH,
             std::string("not a 40- or 64-digit hex info hash: \"") + (info_hash ? info_hash : "") + "\"");
        return false;
    }
    // The session indexes torrents by v1 hash and by truncated v2 hash, which get_best() yields.
    out = session->session.find_torrent(hashes.get_best());
    if (!out.is_valid()) {
        fail(error, CT_ERR_UNKNOWN_TORRENT, std::string("no torrent with info hash ") + info_hash + " in the session");
        return false;
    }
    return true;
}

ct_state state_of(lt::torrent_status::state_t state) {
    switch (state) {
    case lt::torrent_status::checking_files: return CT_STATE_CHECKING_FILES;
    case lt::torrent_status::downloading_metadata: return CT_STATE_DOWNLOADING_METADATA;
    case lt::torrent_status::downloading: return CT_STATE_DOWNLOADING;
    case lt::torrent_status::finished: return CT_STATE_FINISHED;
    case lt::torrent_status::seeding: return CT_STATE_SEEDING;
    case lt::torrent_status::checking_resume_data: return CT_STATE_CHECKING_RESUME_DATA;
    default: return CT_STATE_UNKNOWN;
    }
}

} // namespace ctshim

extern "C" void ct_free_bytes(ct_bytes *bytes) {
    if (!bytes) return;
    std::free(bytes->data);
    bytes->data = nullptr;
    bytes->length = 0;
}
