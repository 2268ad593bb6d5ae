// After a crash: finding the pieces that are on disk but not in the (older) resume data.
//
// libtorrent trusts resume data: a piece it does not list is downloaded again, even when the file
// already holds it (it checks files only when there is no resume data at all). Resume data is
// saved every few seconds or minutes, so after a kill -9 the files hold more than it says. This
// hashes exactly those pieces — the ones the resume data does not list whose bytes are all on disk
// — and adds the ones that match to the resume data, so nothing verified is fetched again.
#include "shim.hpp"

#include <libtorrent/hasher.hpp>
#include <libtorrent/read_resume_data.hpp>
#include <libtorrent/torrent_info.hpp>
#include <libtorrent/write_resume_data.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <map>

using namespace ctshim;

namespace {

/// The payload files of one torrent, opened read-only on first use and closed at the end.
class FileSet {
public:
    FileSet(const lt::add_torrent_params &params, std::string save_path)
        : params_(params), save_path_(std::move(save_path)) {}
    FileSet(const FileSet &) = delete;
    FileSet &operator=(const FileSet &) = delete;
    ~FileSet() {
        for (auto &entry : open_) if (entry.second >= 0) ::close(entry.second);
    }

    /// -1 when the file is missing or unreadable (its pieces then count as not on disk).
    int fd(lt::file_index_t file) {
        const auto found = open_.find(file);
        if (found != open_.end()) return found->second;
        const int fd = ::open(path(file).c_str(), O_RDONLY | O_CLOEXEC);
        open_[file] = fd;
        return fd;
    }

private:
    std::string path(lt::file_index_t file) const {
        const auto renamed = params_.renamed_files.find(file);
        if (renamed == params_.renamed_files.end()) return params_.ti->files().file_path(file, save_path_);
        return !renamed->second.empty() && renamed->second[0] == '/' ? renamed->second : save_path_ + "/" + renamed->second;
    }

    const lt::add_torrent_params &params_;
    const std::string save_path_;
    std::map<lt::file_index_t, int> open_;
};

/// Whether [offset, offset + size) is written data: not past the end of the file and without a
/// hole (libtorrent's files are sparse; a block never written reads as a hole, so most missing
/// pieces are skipped without reading them). Where the file system cannot tell, it says "data".
bool all_data(int fd, std::int64_t offset, std::int64_t size) {
    const off_t data = ::lseek(fd, offset, SEEK_DATA);
    if (data < 0) return errno == EINVAL;          // ENXIO: a hole up to the end of the file
    if (data != offset) return false;
    const off_t hole = ::lseek(fd, offset, SEEK_HOLE);
    if (hole < 0) return errno == EINVAL;
    return hole >= offset + size;
}

bool read_exactly(int fd, char *into, std::int64_t offset, std::int64_t size) {
    while (size > 0) {
        const ssize_t got = ::pread(fd, into, static_cast<std::size_t>(size), offset);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        into += got;
        offset += got;
        size -= got;
    }
    return true;
}

enum class Piece { not_on_disk, wrong, good };

/// Reads one piece from the files (pad files are zeros by definition) and compares its SHA-1
/// with the torrent's v1 piece hash.
Piece piece_on_disk(const lt::torrent_info &ti, FileSet &files, lt::piece_index_t piece, std::vector<char> &buffer) {
    const lt::file_storage &fs = ti.files();
    const int size = ti.piece_size(piece);
    buffer.assign(static_cast<std::size_t>(size), 0);
    std::int64_t at = 0;
    for (const lt::file_slice &slice : fs.map_block(piece, 0, size)) {
        if (!fs.pad_file_at(slice.file_index)) {
            const int fd = files.fd(slice.file_index);
            if (fd < 0 || !all_data(fd, slice.offset, slice.size)) return Piece::not_on_disk;
            if (!read_exactly(fd, buffer.data() + at, slice.offset, slice.size)) return Piece::not_on_disk;
        }
        at += slice.size;
    }
    lt::hasher hasher(buffer.data(), size);
    return hasher.final() == ti.hash_for_piece(piece) ? Piece::good : Piece::wrong;
}

/// Marks the pieces found on disk; returns how many were hashed and how many matched.
void recover_pieces(lt::add_torrent_params &params, const std::string &save_path, ct_resume_check &result) {
    const lt::torrent_info &ti = *params.ti;
    params.have_pieces.resize(ti.num_pieces(), false);
    FileSet files(params, save_path);
    std::vector<char> buffer;
    for (const lt::piece_index_t piece : ti.piece_range()) {
        if (params.have_pieces.get_bit(piece)) continue;
        const Piece found = piece_on_disk(ti, files, piece, buffer);
        if (found != Piece::not_on_disk) ++result.pieces_hashed;
        if (found != Piece::good) continue;
        params.have_pieces.set_bit(piece);
        params.unfinished_pieces.erase(piece);      // its blocks are all there now
        ++result.pieces_found;
    }
}

} // namespace

extern "C" int ct_resume_data_check_files(const uint8_t *resume_data, std::size_t resume_length, const char *save_path,
                                          ct_bytes *out, ct_resume_check *result, ct_error *error) {
    *out = ct_bytes{nullptr, 0};
    *result = ct_resume_check{};
    if (!save_path || !*save_path) return fail(error, CT_ERR_INVALID_ARGUMENT, "no save path given");
    return guarded(error, "checking the files against the resume data", [&] {
        lt::error_code ec;
        lt::add_torrent_params params = lt::read_resume_data(
            lt::span<const char>(reinterpret_cast<const char *>(resume_data), static_cast<std::ptrdiff_t>(resume_length)), ec);
        if (ec) return fail(error, CT_ERR_INVALID_RESUME_DATA, "resume data is unreadable (" + ec.message() + ")");
        if (params.ti && params.ti->is_valid() && !params.ti->v1()) {
            // v2-only: no flat piece hashes to compare with. Dropping just the piece list is not
            // enough (libtorrent then finds nothing), so the caller drops the resume data: added
            // from its .torrent or magnet alone, libtorrent hashes every file that exists.
            result->full_check = 1;
            return ok(error);
        }
        if (params.ti && params.ti->is_valid()) recover_pieces(params, save_path, *result);
        *out = copy_bytes(lt::write_resume_data_buf(params));
        return ok(error);
    });
}
