// Parsing the three ways a torrent arrives (magnet, .torrent bytes, bare info hash).
#include "shim.hpp"

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/magnet_uri.hpp>
#include <libtorrent/torrent_info.hpp>

namespace ctshim {

static bool from_magnet(const char *uri, lt::add_torrent_params &out, ct_error *error) {
    lt::error_code ec;
    // Keeps tr= trackers, x.pe= peers, dn= name and ws= web seeds in the params.
    lt::parse_magnet_uri(uri, out, ec);
    if (ec) {
        fail(error, CT_ERR_INVALID_MAGNET, "libtorrent rejected the magnet link (" + ec.message() + ")");
        return false;
    }
    // An all-zero btih parses, but libtorrent refuses to add it later: refuse it here, where the
    // caller still gets "invalid magnet" and nothing is written.
    if (!out.info_hashes.has_v1() && !out.info_hashes.has_v2()) {
        fail(error, CT_ERR_INVALID_MAGNET, "the magnet link has no usable info hash (xt=urn:btih:… is all zeros)");
        return false;
    }
    return true;
}

static bool from_torrent_file(const uint8_t *bytes, std::size_t length, lt::add_torrent_params &out,
                              ct_error *error) {
    if (!bytes || length == 0) {
        fail(error, CT_ERR_INVALID_TORRENT, "the .torrent data is empty");
        return false;
    }
    lt::error_code ec;
    const lt::span<const char> buffer(reinterpret_cast<const char *>(bytes), static_cast<std::ptrdiff_t>(length));
    auto info = std::make_shared<lt::torrent_info>(buffer, ec, lt::from_span);
    if (ec) {
        fail(error, CT_ERR_INVALID_TORRENT, "libtorrent could not read the .torrent data (" + ec.message() + ")");
        return false;
    }
    out.ti = std::move(info);
    return true;
}

static bool from_info_hash(const char *text, lt::add_torrent_params &out, ct_error *error) {
    if (!parse_hash(text, out.info_hashes)) {
        fail(error, CT_ERR_INVALID_INFO_HASH,
             std::string("expected 40 (v1) or 64 (v2) hex digits, got \"") + text + "\"");
        return false;
    }
    return true;
}

bool params_from_source(const ct_source *source, lt::add_torrent_params &out, ct_error *error) {
    if (!source) return fail(error, CT_ERR_INVALID_ARGUMENT, "source is missing"), false;
    const bool text_source = source->kind == CT_SOURCE_MAGNET || source->kind == CT_SOURCE_INFO_HASH;
    if (text_source && !source->text) return fail(error, CT_ERR_INVALID_ARGUMENT, "source text is missing"), false;
    switch (source->kind) {
    case CT_SOURCE_MAGNET: return from_magnet(source->text, out, error);
    case CT_SOURCE_TORRENT_FILE: return from_torrent_file(source->bytes, source->length, out, error);
    case CT_SOURCE_INFO_HASH: return from_info_hash(source->text, out, error);
    }
    return fail(error, CT_ERR_INVALID_ARGUMENT, "unknown source kind " + std::to_string(source->kind)), false;
}

lt::info_hash_t hashes_of(const lt::add_torrent_params &params) {
    return params.ti ? params.ti->info_hashes() : params.info_hashes;
}

} // namespace ctshim
