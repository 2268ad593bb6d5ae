// Building a .torrent from local files (tests, benchmarks, sharing a folder).
#include "shim.hpp"

#include <libtorrent/bencode.hpp>
#include <libtorrent/create_torrent.hpp>

#include <filesystem>
#include <iterator>

using namespace ctshim;

namespace {

bool valid_piece_size(int size) {
    // libtorrent wants 0 (choose automatically) or a power of two of at least one 16 KiB block.
    return size == 0 || (size >= 16 * 1024 && (size & (size - 1)) == 0);
}

} // namespace

extern "C" int ct_create_torrent(const char *path, const char *const *trackers, std::size_t tracker_count,
                                 int piece_size, ct_torrent_version version, ct_bytes *out, ct_error *error) {
    *out = ct_bytes{nullptr, 0};
    if (!path || !*path) return fail(error, CT_ERR_INVALID_ARGUMENT, "no path to make a torrent of");
    if (!valid_piece_size(piece_size)) {
        return fail(error, CT_ERR_INVALID_ARGUMENT,
                    "piece size " + std::to_string(piece_size) + " is not 0 or a power of two >= 16384");
    }
    return guarded(error, std::string("creating a torrent of ").append(path).c_str(), [&] {
        namespace fs = std::filesystem;
        // Trailing slashes would make the parent the directory itself.
        const fs::path root = fs::absolute(fs::path(path)).lexically_normal();
        const fs::path content = root.has_filename() ? root : root.parent_path();
        std::error_code exists_error;
        if (!fs::exists(content, exists_error)) {
            return fail(error, CT_ERR_IO, "no such file or directory: " + content.string());
        }
        lt::file_storage files;
        lt::add_files(files, content.string());
        if (files.num_files() == 0) return fail(error, CT_ERR_IO, content.string() + " contains no files");

        // v1 is what LCARS makes for itself (every client and indexer understands it, no pad files);
        // hybrid and v2-only are what libtorrent 2.0 clients make by default, and tests need both.
        const lt::create_flags_t flags = version == CT_TORRENT_V1 ? lt::create_torrent::v1_only
            : version == CT_TORRENT_V2 ? lt::create_torrent::v2_only : lt::create_flags_t{};
        lt::create_torrent torrent(files, piece_size, flags);
        for (std::size_t i = 0; i < tracker_count; ++i) torrent.add_tracker(trackers[i], static_cast<int>(i));
        torrent.set_creator("LCARS");
        lt::error_code ec;
        lt::set_piece_hashes(torrent, content.parent_path().string(), ec);
        if (ec) return fail(error, CT_ERR_IO, "hashing " + content.string() + " failed (" + ec.message() + ")");

        std::vector<char> buffer;
        lt::bencode(std::back_inserter(buffer), torrent.generate());
        *out = copy_bytes(buffer);
        return ok(error);
    });
}
