// Internal helpers shared by the shim's translation units. Never included from Swift.
#pragma once

#include "ctorrent.h"

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/info_hash.hpp>
#include <libtorrent/session.hpp>
#include <libtorrent/torrent_handle.hpp>
#include <libtorrent/torrent_status.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

struct ct_session {
    lt::session session;
    // PEX is a per-torrent flag in libtorrent; the session remembers the wish for new torrents.
    std::atomic<bool> pex_enabled{true};

    explicit ct_session(lt::session_params &&params) : session(std::move(params)) {}
};

namespace ctshim {

/// Fills `error` (which may be NULL) and returns `code`, so callers can `return fail(...)`.
int fail(ct_error *error, ct_code code, const std::string &message);
int ok(ct_error *error);

/// malloc'd copy the caller frees with free() (through a ct_free_* function).
char *duplicate(const std::string &text);

/// libtorrent's torrent state as the C enum (values 0 and 6 are unused/legacy there).
ct_state state_of(lt::torrent_status::state_t state);

/// malloc'd copy of a libtorrent buffer, released with ct_free_bytes.
ct_bytes copy_bytes(const std::vector<char> &buffer);

/// Lowercase hex of the v1 hash, or of the truncated v2 hash for v2-only torrents.
std::string hash_hex(const lt::info_hash_t &hashes);
void copy_hash(const lt::info_hash_t &hashes, char out[CT_INFO_HASH_SIZE]);

/// Parses 40 (v1) or 64 (v2) hex digits into the hash libtorrent indexes torrents by.
bool parse_hash(const char *text, lt::info_hash_t &out);

/// Finds a torrent by hex hash; fills `error` with CT_ERR_INVALID_INFO_HASH / CT_ERR_UNKNOWN_TORRENT.
bool find_torrent(ct_session *session, const char *info_hash, lt::torrent_handle &out, ct_error *error);

/// A calloc'd C array with one slot per item of `items`: `convert(item, slot)` fills a slot and
/// returns false to skip the item. If a conversion throws, the slots filled so far are handed to
/// `release(array, count)` and the exception goes on. `count` receives the number of slots used.
template <typename T, typename Items, typename Convert, typename Release>
T *convert_all(const Items &items, std::size_t &count, Convert &&convert, Release &&release) {
    // One spare slot: calloc(0) may return NULL, and a throwing convert may have half-filled it.
    auto *array = static_cast<T *>(std::calloc(items.size() + 1, sizeof(T)));
    if (!array) throw std::bad_alloc();
    std::size_t used = 0;
    try {
        for (const auto &item : items) {
            if (convert(item, array[used])) ++used;
        }
    } catch (...) {
        release(array, used + 1);
        throw;
    }
    count = used;
    return array;
}

/// Runs `body`, turning any escaping exception into CT_ERR_SESSION with the exception's text.
template <typename Body>
int guarded(ct_error *error, const char *what, Body &&body) {
    try {
        return body();
    } catch (const std::exception &exception) {
        return fail(error, CT_ERR_SESSION, std::string(what) + ": " + exception.what());
    } catch (...) {
        return fail(error, CT_ERR_SESSION, std::string(what) + ": unknown C++ exception");
    }
}

} // namespace ctshim

namespace ctshim {

/// Turns a magnet, .torrent bytes or bare info hash into add_torrent_params. On failure fills
/// `error` (CT_ERR_INVALID_MAGNET / _TORRENT / _INFO_HASH / _ARGUMENT) and returns false.
bool params_from_source(const ct_source *source, lt::add_torrent_params &out, ct_error *error);

/// The hashes of parsed params: the metadata's when present, else the magnet's / bare hash.
lt::info_hash_t hashes_of(const lt::add_torrent_params &params);

} // namespace ctshim

namespace ctshim {

/// Before the first session: lets OpenSSL find trust anchors in its hashed certificate directory
/// on demand instead of decoding the whole bundle file when the session starts (certificates.cpp).
void prefer_certificate_directory();

} // namespace ctshim
