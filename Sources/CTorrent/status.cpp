// Torrent status snapshots and file lists, copied into C structs.
#include "shim.hpp"

#include <libtorrent/torrent_info.hpp>
#include <libtorrent/torrent_status.hpp>

#include <cstdlib>

using namespace ctshim;

namespace {

/// Uploaded / downloaded; a torrent that was never downloaded here (we made or already had it)
/// compares against what it has, so seeding policies still see a meaningful ratio.
double ratio_of(const lt::torrent_status &s) {
    const std::int64_t base = s.all_time_download > 0 ? s.all_time_download : s.total_done;
    return base > 0 ? double(s.all_time_upload) / double(base) : 0.0;
}

std::int64_t eta_of(const lt::torrent_status &s) {
    const std::int64_t left = s.total_wanted - s.total_wanted_done;
    if (!s.has_metadata || left <= 0 || s.download_payload_rate <= 0) return -1;
    return (left + s.download_payload_rate - 1) / s.download_payload_rate;
}

/// The file's path in the torrent, for error messages; only torrents in error pay for the lookup.
std::string file_name(const lt::torrent_status &s, lt::file_index_t index) {
    const auto info = s.handle.torrent_file();
    if (info && index < info->files().end_file()) return info->files().file_path(index);
    return "file #" + std::to_string(static_cast<int>(index));
}

std::string error_of(const lt::torrent_status &s) {
    if (!s.errc) return {};
    std::string message = s.errc.message();
    if (s.error_file == lt::torrent_status::error_file_ssl_ctx) message += " (SSL context)";
    else if (s.error_file == lt::torrent_status::error_file_metadata) message += " (metadata)";
    else if (s.error_file == lt::torrent_status::error_file_exception) message += " (internal exception)";
    else if (s.error_file == lt::torrent_status::error_file_partfile) message += " (part file)";
    else if (s.error_file >= lt::file_index_t{0}) message += " (" + file_name(s, s.error_file) + ")";
    return message;
}

void fill(const lt::torrent_status &s, ct_torrent_status &out) {
    out = ct_torrent_status{};
    copy_hash(s.info_hashes, out.info_hash);
    out.name = duplicate(s.name);
    out.save_path = duplicate(s.save_path);
    const std::string error = error_of(s);
    out.error = error.empty() ? nullptr : duplicate(error);
    out.state = state_of(s.state);
    out.is_paused = (s.flags & lt::torrent_flags::paused) ? 1 : 0;
    out.has_metadata = s.has_metadata ? 1 : 0;
    out.progress = s.progress_ppm / 1e6;
    out.download_rate = s.download_payload_rate;
    out.upload_rate = s.upload_payload_rate;
    out.total_done = s.total_done;
    out.total_wanted = s.total_wanted;
    out.session_downloaded = s.total_payload_download;
    out.session_uploaded = s.total_payload_upload;
    out.all_time_downloaded = s.all_time_download;
    out.all_time_uploaded = s.all_time_upload;
    out.peers = s.num_peers;
    out.seeds = s.num_seeds;
    out.ratio = ratio_of(s);
    out.seeding_seconds = s.seeding_duration.count();
    out.active_seconds = s.active_duration.count();
    out.eta_seconds = eta_of(s);
}

// Only what fill() reads; skips the costly parts (peer lists, piece bitfields).
constexpr lt::status_flags_t status_flags = lt::torrent_handle::query_name | lt::torrent_handle::query_save_path;

} // namespace

extern "C" int ct_torrent_status_get(ct_session *session, const char *info_hash, ct_torrent_status *out,
                                     ct_error *error) {
    *out = ct_torrent_status{};
    const int code = guarded(error, "reading the torrent status", [&] {
        lt::torrent_handle handle;
        if (!find_torrent(session, info_hash, handle, error)) return int(error ? error->code : CT_ERR_UNKNOWN_TORRENT);
        fill(handle.status(status_flags), *out);
        return ok(error);
    });
    if (code != CT_OK) ct_free_status_fields(out);
    return code;
}

extern "C" void ct_free_status_fields(ct_torrent_status *status) {
    if (!status) return;
    std::free(status->name);
    std::free(status->save_path);
    std::free(status->error);
    status->name = status->save_path = status->error = nullptr;
}

extern "C" int ct_session_all_statuses(ct_session *session, ct_torrent_status **out, std::size_t *count,
                                       ct_error *error) {
    *out = nullptr;
    *count = 0;
    return guarded(error, "reading torrent statuses", [&] {
        // One round trip to the network thread for every torrent instead of one per torrent.
        const std::vector<lt::torrent_status> all =
            session->session.get_torrent_status([](const lt::torrent_status &) { return true; }, status_flags);
        *out = convert_all<ct_torrent_status>(
            all, *count, [](const lt::torrent_status &status, ct_torrent_status &slot) { return fill(status, slot), true; },
            ct_free_statuses);
        return ok(error);
    });
}

extern "C" void ct_free_statuses(ct_torrent_status *statuses, std::size_t count) {
    if (!statuses) return;
    for (std::size_t i = 0; i < count; ++i) ct_free_status_fields(&statuses[i]);
    std::free(statuses);
}

extern "C" int ct_torrent_files(ct_session *session, const char *info_hash, ct_file_entry **out, std::size_t *count,
                                ct_error *error) {
    *out = nullptr;
    *count = 0;
    return guarded(error, "listing the torrent's files", [&] {
        lt::torrent_handle handle;
        if (!find_torrent(session, info_hash, handle, error)) return int(error ? error->code : CT_ERR_UNKNOWN_TORRENT);
        const std::shared_ptr<const lt::torrent_info> info = handle.torrent_file();
        if (!info) return ok(error); // no metadata yet
        const lt::file_storage &files = info->files();
        const std::vector<std::int64_t> progress = handle.file_progress();
        std::vector<lt::file_index_t> all;
        for (const lt::file_index_t index : files.file_range()) all.push_back(index);
        *out = convert_all<ct_file_entry>(all, *count, [&](lt::file_index_t index, ct_file_entry &entry) {
            if (files.file_flags(index) & lt::file_storage::flag_pad_file) return false;
            const auto i = static_cast<std::size_t>(static_cast<int>(index));
            entry.index = static_cast<int>(index);
            entry.path = duplicate(files.file_path(index));
            entry.size = files.file_size(index);
            entry.bytes_done = i < progress.size() ? progress[i] : 0;
            return true;
        }, ct_free_files);
        return ok(error);
    });
}

extern "C" void ct_free_files(ct_file_entry *files, std::size_t count) {
    if (!files) return;
    for (std::size_t i = 0; i < count; ++i) std::free(files[i].path);
    std::free(files);
}
