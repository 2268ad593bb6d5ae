// Adding a torrent, optionally on top of saved resume data.
#include "shim.hpp"

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/error_code.hpp>
#include <libtorrent/read_resume_data.hpp>
#include <libtorrent/torrent_info.hpp>

#include <algorithm>

using namespace ctshim;

namespace {

bool same_torrent(const lt::info_hash_t &a, const lt::info_hash_t &b) {
    if (a.has_v1() && b.has_v1()) return a.v1 == b.v1;
    if (a.has_v2() && b.has_v2()) return a.v2 == b.v2;
    return false;
}

/// Resume data wins for progress and counters; the source fills in what the resume data lacks
/// (metadata, trackers and peers from a fresh magnet).
void merge_source(lt::add_torrent_params &resume, const lt::add_torrent_params &source) {
    if (!resume.ti && source.ti) resume.ti = source.ti;
    if (resume.name.empty()) resume.name = source.name;
    for (std::size_t i = 0; i < source.trackers.size(); ++i) {
        if (std::find(resume.trackers.begin(), resume.trackers.end(), source.trackers[i]) != resume.trackers.end()) continue;
        resume.trackers.push_back(source.trackers[i]);
        resume.tracker_tiers.resize(resume.trackers.size() - 1, 0);
        resume.tracker_tiers.push_back(i < source.tracker_tiers.size() ? source.tracker_tiers[i] : 0);
    }
    resume.peers.insert(resume.peers.end(), source.peers.begin(), source.peers.end());
}

int load_resume(const uint8_t *data, std::size_t length, const lt::add_torrent_params &source,
                lt::add_torrent_params &out, ct_error *error) {
    lt::error_code ec;
    out = lt::read_resume_data(
        lt::span<const char>(reinterpret_cast<const char *>(data), static_cast<std::ptrdiff_t>(length)), ec);
    if (ec) return fail(error, CT_ERR_INVALID_RESUME_DATA, "resume data is unreadable (" + ec.message() + ")");
    if (!same_torrent(hashes_of(out), hashes_of(source))) {
        return fail(error, CT_ERR_INVALID_RESUME_DATA,
                    "resume data belongs to " + hash_hex(hashes_of(out)) + ", not to " + hash_hex(hashes_of(source)));
    }
    merge_source(out, source);
    return CT_OK;
}

/// LCARS decides when torrents run: never auto-managed (the queue would resume paused ones),
/// duplicates are errors, PEX follows the session setting.
lt::torrent_flags_t flags_for(lt::torrent_flags_t flags, bool paused, bool pex) {
    namespace tf = lt::torrent_flags;
    flags &= ~(tf::auto_managed | tf::paused | tf::duplicate_is_error | tf::disable_pex);
    flags |= tf::duplicate_is_error;
    if (paused) flags |= tf::paused;
    if (!pex) flags |= tf::disable_pex;
    return flags;
}

} // namespace

extern "C" int ct_session_add(ct_session *session, const ct_source *source, const char *save_path,
                              const uint8_t *resume_data, std::size_t resume_length, int paused,
                              char out_info_hash[CT_INFO_HASH_SIZE], ct_error *error) {
    out_info_hash[0] = '\0';
    if (!save_path || !*save_path) return fail(error, CT_ERR_INVALID_ARGUMENT, "no save path given");
    return guarded(error, "adding the torrent", [&] {
        lt::add_torrent_params source_params;
        if (!params_from_source(source, source_params, error)) return int(error ? error->code : CT_ERR_INVALID_ARGUMENT);
        lt::add_torrent_params params;
        if (resume_data && resume_length > 0) {
            if (const int code = load_resume(resume_data, resume_length, source_params, params, error)) return code;
        } else {
            params = std::move(source_params);
        }
        // Filled before adding so that a duplicate error can name the torrent.
        const std::string hash = hash_hex(hashes_of(params));
        std::snprintf(out_info_hash, CT_INFO_HASH_SIZE, "%s", hash.c_str());
        params.save_path = save_path;
        params.flags = flags_for(params.flags, paused != 0, session->pex_enabled);

        lt::error_code ec;
        session->session.add_torrent(std::move(params), ec);
        if (ec == lt::errors::duplicate_torrent) {
            return fail(error, CT_ERR_DUPLICATE, "torrent " + hash + " is already in the session");
        }
        if (ec) return fail(error, CT_ERR_SESSION, "libtorrent refused torrent " + hash + " (" + ec.message() + ")");
        return ok(error);
    });
}
