// Per-torrent commands: pause, resume, remove, recheck, connect a peer, request resume data.
#include "shim.hpp"

#include <libtorrent/address.hpp>
#include <libtorrent/socket.hpp>

using namespace ctshim;

namespace {

/// Looks the torrent up and runs `command` on it, all exceptions caught.
template <typename Command>
int with_torrent(ct_session *session, const char *info_hash, ct_error *error, const char *what, Command &&command) {
    return guarded(error, what, [&] {
        lt::torrent_handle handle;
        if (!find_torrent(session, info_hash, handle, error)) return int(error ? error->code : CT_ERR_UNKNOWN_TORRENT);
        if (const int code = command(handle)) return code;
        return ok(error);
    });
}

// Flushed so the pieces the data claims are really on disk; with the info dict so that a torrent
// added by magnet comes back without fetching metadata again.
constexpr lt::resume_data_flags_t resume_flags = lt::torrent_handle::flush_disk_cache | lt::torrent_handle::save_info_dict;

} // namespace

extern "C" int ct_torrent_pause(ct_session *session, const char *info_hash, ct_error *error) {
    return with_torrent(session, info_hash, error, "pausing the torrent", [](lt::torrent_handle &handle) {
        handle.unset_flags(lt::torrent_flags::auto_managed);
        handle.pause();
        return 0;
    });
}

extern "C" int ct_torrent_resume(ct_session *session, const char *info_hash, ct_error *error) {
    return with_torrent(session, info_hash, error, "resuming the torrent", [](lt::torrent_handle &handle) {
        // A torrent stopped by an error (disk full, missing files) stays stopped until cleared.
        handle.clear_error();
        handle.resume();
        // Pausing sent "stopped" to the trackers and dropped every peer; without a fresh announce
        // libtorrent would wait out the tracker's min interval before finding peers again.
        handle.force_reannounce(0, -1, lt::torrent_handle::ignore_min_interval);
        return 0;
    });
}

extern "C" int ct_torrent_remove(ct_session *session, const char *info_hash, int delete_files, ct_error *error) {
    return with_torrent(session, info_hash, error, "removing the torrent", [&](lt::torrent_handle &handle) {
        session->session.remove_torrent(handle, delete_files ? lt::session::delete_files : lt::remove_flags_t{});
        return 0;
    });
}

extern "C" int ct_torrent_force_recheck(ct_session *session, const char *info_hash, ct_error *error) {
    return with_torrent(session, info_hash, error, "rechecking the torrent", [](lt::torrent_handle &handle) {
        handle.force_recheck();
        return 0;
    });
}

extern "C" int ct_torrent_connect_peer(ct_session *session, const char *info_hash, const char *ip, int port,
                                       ct_error *error) {
    return with_torrent(session, info_hash, error, "connecting a peer", [&](lt::torrent_handle &handle) {
        lt::error_code ec;
        const lt::address address = lt::make_address(ip ? ip : "", ec);
        if (ec || port <= 0 || port > 65535) {
            return fail(error, CT_ERR_INVALID_ARGUMENT,
                        std::string("peer ") + (ip ? ip : "") + ":" + std::to_string(port) + " is not an IP address and port");
        }
        handle.connect_peer(lt::tcp::endpoint(address, static_cast<unsigned short>(port)));
        return 0;
    });
}

extern "C" int ct_torrent_request_resume_data(ct_session *session, const char *info_hash, ct_error *error) {
    return with_torrent(session, info_hash, error, "requesting resume data", [](lt::torrent_handle &handle) {
        handle.save_resume_data(resume_flags);
        return 0;
    });
}

extern "C" int ct_session_request_resume_data_all(ct_session *session) {
    int requested = 0;
    std::vector<lt::torrent_handle> handles;
    try { handles = session->session.get_torrents(); } catch (...) { return 0; }
    for (auto &handle : handles) {
        try {
            handle.save_resume_data(resume_flags);
            ++requested;
        } catch (...) {
            // Removed meanwhile: no alert will come for it, so it is not counted.
        }
    }
    return requested;
}
