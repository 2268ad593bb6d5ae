// Inspecting a source without a session: hash, name, size and a magnet link for it.
#include "shim.hpp"

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/magnet_uri.hpp>
#include <libtorrent/torrent_info.hpp>

#include <cstdlib>

using namespace ctshim;

namespace {

/// Payload size: pad files (alignment filler in v2/hybrid torrents) are never written to disk.
std::int64_t payload_size(const lt::file_storage &files) {
    std::int64_t total = 0;
    for (const lt::file_index_t index : files.file_range()) {
        if (!(files.file_flags(index) & lt::file_storage::flag_pad_file)) total += files.file_size(index);
    }
    return total;
}

} // namespace

extern "C" int ct_inspect(const ct_source *source, ct_descriptor *out, ct_error *error) {
    *out = ct_descriptor{};
    out->total_size = -1;
    const int code = guarded(error, "inspecting the torrent", [&] {
        lt::add_torrent_params params;
        if (!params_from_source(source, params, error)) return error ? int(error->code) : int(CT_ERR_INVALID_ARGUMENT);
        copy_hash(hashes_of(params), out->info_hash);
        std::string name = params.ti ? params.ti->name() : params.name;
        if (!name.empty()) out->name = duplicate(name);
        if (params.ti) out->total_size = payload_size(params.ti->files());
        // A magnet the user gave is kept verbatim (trackers, peers); the others get one built.
        out->magnet = duplicate(source->kind == CT_SOURCE_MAGNET ? std::string(source->text)
                                : params.ti ? lt::make_magnet_uri(*params.ti)
                                            : lt::make_magnet_uri(params));
        return ok(error);
    });
    if (code != CT_OK) ct_free_descriptor(out);
    return code;
}

extern "C" void ct_free_descriptor(ct_descriptor *descriptor) {
    if (!descriptor) return;
    std::free(descriptor->name);
    std::free(descriptor->magnet);
    descriptor->name = descriptor->magnet = nullptr;
}
