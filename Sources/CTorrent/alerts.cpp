// Draining libtorrent's alert queue into C structs that outlive the next pop_alerts().
#include "shim.hpp"

#include <libtorrent/alert_types.hpp>
#include <libtorrent/write_resume_data.hpp>

#include <cstdlib>

using namespace ctshim;

namespace {

ct_alert make_alert(ct_alert_kind kind, const lt::info_hash_t &hashes, const std::string &text = {}) {
    ct_alert out{};
    out.kind = kind;
    // Session-wide alerts (and torrents already gone) have no hash: leave "" rather than zeros.
    if (hashes.has_v1() || hashes.has_v2()) copy_hash(hashes, out.info_hash);
    if (!text.empty()) out.text = duplicate(text);
    return out;
}

/// The hash of the torrent an alert is about; empty once the torrent is gone from the session.
lt::info_hash_t hashes_of(const lt::torrent_alert &alert) {
    try {
        return alert.handle.info_hashes();
    } catch (...) {
        return {};
    }
}

std::string error_text(const lt::error_code &ec, const char *file) {
    std::string text = ec.message();
    if (file && *file) text += " (" + std::string(file) + ")";
    return text;
}

/// Converts the alerts LCARS uses; returns false for the rest.
bool convert(lt::alert *alert, ct_alert &out) {
    if (auto *a = lt::alert_cast<lt::add_torrent_alert>(alert)) {
        const lt::info_hash_t hashes = ctshim::hashes_of(a->params);
        if (a->error) out = make_alert(CT_ALERT_ADD_FAILED, hashes, a->error.message());
        else out = make_alert(CT_ALERT_ADDED, hashes, a->torrent_name());
    } else if (auto *a = lt::alert_cast<lt::metadata_received_alert>(alert)) {
        out = make_alert(CT_ALERT_METADATA_RECEIVED, hashes_of(*a), a->torrent_name());
    } else if (auto *a = lt::alert_cast<lt::torrent_finished_alert>(alert)) {
        out = make_alert(CT_ALERT_FINISHED, hashes_of(*a));
    } else if (auto *a = lt::alert_cast<lt::state_changed_alert>(alert)) {
        out = make_alert(CT_ALERT_STATE_CHANGED, hashes_of(*a));
        out.state = state_of(a->state);
    } else if (auto *a = lt::alert_cast<lt::torrent_error_alert>(alert)) {
        out = make_alert(CT_ALERT_TORRENT_ERROR, hashes_of(*a), error_text(a->error, a->filename()));
    } else if (auto *a = lt::alert_cast<lt::save_resume_data_alert>(alert)) {
        out = make_alert(CT_ALERT_RESUME_DATA, ctshim::hashes_of(a->params));
        const ct_bytes bytes = copy_bytes(lt::write_resume_data_buf(a->params));
        out.data = bytes.data;
        out.data_length = bytes.length;
    } else if (auto *a = lt::alert_cast<lt::save_resume_data_failed_alert>(alert)) {
        out = make_alert(CT_ALERT_RESUME_DATA_FAILED, hashes_of(*a), a->error.message());
    } else if (auto *a = lt::alert_cast<lt::torrent_removed_alert>(alert)) {
        out = make_alert(CT_ALERT_REMOVED, a->info_hashes);
    } else if (auto *a = lt::alert_cast<lt::torrent_deleted_alert>(alert)) {
        out = make_alert(CT_ALERT_FILES_DELETED, a->info_hashes);
    } else if (auto *a = lt::alert_cast<lt::torrent_delete_failed_alert>(alert)) {
        out = make_alert(CT_ALERT_DELETE_FAILED, a->info_hashes, a->error.message());
    } else if (auto *a = lt::alert_cast<lt::listen_failed_alert>(alert)) {
        out = make_alert(CT_ALERT_LISTEN_FAILED, {}, a->message());
    } else if (auto *a = lt::alert_cast<lt::listen_succeeded_alert>(alert)) {
        // One alert per socket type; TCP is the one peers connect to.
        if (a->socket_type != lt::socket_type_t::tcp) return false;
        out = make_alert(CT_ALERT_LISTEN_SUCCEEDED, {}, a->address.to_string());
        out.port = a->port;
    } else {
        return false;
    }
    return true;
}

} // namespace

extern "C" int ct_session_wait_for_alert(ct_session *session, int timeout_ms) {
    try {
        return session->session.wait_for_alert(lt::milliseconds(timeout_ms < 0 ? 0 : timeout_ms)) ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

extern "C" int ct_session_pop_alerts(ct_session *session, ct_alert **out, std::size_t *count, ct_error *error) {
    *out = nullptr;
    *count = 0;
    return guarded(error, "reading torrent alerts", [&] {
        std::vector<lt::alert *> alerts;
        session->session.pop_alerts(&alerts);
        // The alert objects die at the next pop_alerts(), so everything is copied out now.
        *out = convert_all<ct_alert>(alerts, *count, [](lt::alert *alert, ct_alert &slot) { return convert(alert, slot); },
                                     ct_free_alerts);
        return ok(error);
    });
}

extern "C" void ct_free_alerts(ct_alert *alerts, std::size_t count) {
    if (!alerts) return;
    for (std::size_t i = 0; i < count; ++i) {
        std::free(alerts[i].text);
        std::free(alerts[i].data);
    }
    std::free(alerts);
}
