// Session lifetime, settings (listen/outgoing binding, limits, discovery), pause and saved state.
#include "shim.hpp"

#include <libtorrent/alert.hpp>
#include <libtorrent/ip_filter.hpp>
#include <libtorrent/session_params.hpp>
#include <libtorrent/settings_pack.hpp>

#include <memory>

using namespace ctshim;

namespace {

bool has_text(const char *text) { return text && *text; }

/// One listen_interfaces entry. IPv6 literals need brackets before the port.
std::string listen_entry(const std::string &host, int port) {
    const bool ipv6 = host.find(':') != std::string::npos;
    return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::string listen_interfaces(const ct_settings &s) {
    const int port = s.listen_port_first;
    // A device name binds every address of that device (and only those): the VPN case.
    if (has_text(s.bind_interface)) return listen_entry(s.bind_interface, port);
    if (has_text(s.listen_address)) return listen_entry(s.listen_address, port);
    return listen_entry("0.0.0.0", port) + "," + listen_entry("::", port);
}

bool validate(const ct_settings *s, ct_error *error) {
    if (!s) return fail(error, CT_ERR_INVALID_ARGUMENT, "settings are missing"), false;
    if (s->listen_port_first < 0 || s->listen_port_last > 65535 || s->listen_port_last < s->listen_port_first) {
        fail(error, CT_ERR_INVALID_ARGUMENT,
             "listen port range " + std::to_string(s->listen_port_first) + "..." +
                 std::to_string(s->listen_port_last) + " is not within 0...65535 with first <= last");
        return false;
    }
    if (s->max_connections < 2 || s->download_rate_limit < 0 || s->upload_rate_limit < 0) {
        fail(error, CT_ERR_INVALID_ARGUMENT, "max connections must be >= 2 and rate limits >= 0 (0 = unlimited)");
        return false;
    }
    return true;
}

lt::settings_pack make_pack(const ct_settings &s) {
    using sp = lt::settings_pack;
    lt::settings_pack pack;
    pack.set_str(sp::listen_interfaces, listen_interfaces(s));
    pack.set_int(sp::max_retry_port_bind, s.listen_port_last - s.listen_port_first);
    // Never silently move to a random port: a forwarded VPN port would stop working unnoticed.
    pack.set_bool(sp::listen_system_port_fallback, false);
    // A device name binds each peer socket to the device (SO_BINDTODEVICE, which needs
    // CAP_NET_RAW; without it, to the device's own address). A missing device makes connections
    // fail instead of leaving through the default route. Empty = default routing.
    pack.set_str(sp::outgoing_interfaces, has_text(s.bind_interface) ? s.bind_interface : "");

    pack.set_int(sp::connections_limit, s.max_connections);
    pack.set_int(sp::download_rate_limit, s.download_rate_limit);
    pack.set_int(sp::upload_rate_limit, s.upload_rate_limit);

    pack.set_bool(sp::enable_dht, s.enable_dht != 0);
    // Without DHT there is nothing to bootstrap; do not even resolve the default routers. With it,
    // restore libtorrent's routers explicitly, since an earlier apply may have cleared them.
    pack.set_str(sp::dht_bootstrap_nodes,
                 s.enable_dht ? lt::default_settings().get_str(sp::dht_bootstrap_nodes) : std::string());
    pack.set_bool(sp::enable_lsd, s.enable_lsd != 0);
    pack.set_bool(sp::enable_upnp, s.enable_upnp != 0);
    pack.set_bool(sp::enable_natpmp, s.enable_natpmp != 0);
    pack.set_bool(sp::enable_outgoing_utp, s.enable_utp != 0);
    pack.set_bool(sp::enable_incoming_utp, s.enable_utp != 0);
    pack.set_bool(sp::enable_outgoing_tcp, true);
    pack.set_bool(sp::enable_incoming_tcp, true);
    pack.set_str(sp::user_agent, has_text(s.user_agent) ? s.user_agent : "LCARS");

    // Only the categories the engine turns into ct_alerts (status: added/state/finished/listen;
    // storage: resume data, deletes; error: torrent and listen errors).
    pack.set_int(sp::alert_mask, lt::alert_category::status | lt::alert_category::storage |
                                     lt::alert_category::error);
    // Room for a resume-data alert per torrent on a large library without dropping any.
    pack.set_int(sp::alert_queue_size, 10000);
    // libtorrent 2.0 does disk I/O through mmap and the OS page cache (there is no cache_size any
    // more); a NAS has few cores, so keep the I/O and hashing threads modest.
    pack.set_int(sp::aio_threads, 4);
    pack.set_int(sp::hashing_threads, 2);
    // A peer we disconnected ourselves (pause, VPN drop) may be tried again after 5 s rather than
    // libtorrent's 60 s; failures still back off (the wait is multiplied by the failure count).
    pack.set_int(sp::min_reconnect_time, 5);
    // Quit quickly at shutdown even when a tracker does not answer the "stopped" announce.
    pack.set_int(sp::stop_tracker_timeout, 2);
    return pack;
}

/// libtorrent puts LAN and loopback peers in an unlimited "local" class by default. With
/// rate_limit_local_peers every peer is in the global class, so the configured limits hold for all.
void apply_peer_classes(lt::session &session, const ct_settings &s) {
    lt::ip_filter classes;
    const auto global = 1u << static_cast<std::uint32_t>(lt::session::global_peer_class_id);
    const auto local = 1u << static_cast<std::uint32_t>(lt::session::local_peer_class_id);
    const auto v4 = [&](const char *first, const char *last, std::uint32_t mask) {
        classes.add_rule(lt::make_address_v4(first), lt::make_address_v4(last), mask);
    };
    const auto v6 = [&](const char *first, const char *last, std::uint32_t mask) {
        classes.add_rule(lt::make_address_v6(first), lt::make_address_v6(last), mask);
    };
    v4("0.0.0.0", "255.255.255.255", global);
    v6("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", global);
    if (!s.rate_limit_local_peers) {
        // The same private ranges libtorrent treats as local out of the box.
        v4("10.0.0.0", "10.255.255.255", local);
        v4("172.16.0.0", "172.31.255.255", local);
        v4("192.168.0.0", "192.168.255.255", local);
        v4("169.254.0.0", "169.254.255.255", local);
        v4("127.0.0.0", "127.255.255.255", local);
        v6("fe80::", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", local);
        v6("fc00::", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", local);
        v6("::1", "::1", local);
    }
    session.set_peer_class_filter(classes);
}

/// PEX is per torrent in libtorrent 2.0; keep every torrent in line with the session setting.
void apply_pex(ct_session *session, bool enabled) {
    session->pex_enabled = enabled;
    for (auto &handle : session->session.get_torrents()) {
        if (enabled) handle.unset_flags(lt::torrent_flags::disable_pex);
        else handle.set_flags(lt::torrent_flags::disable_pex);
    }
}

/// What session state holds: never the settings, which come from the configuration each start.
constexpr lt::save_state_flags_t saved_state = lt::session::save_dht_state | lt::session::save_extension_state;

} // namespace

extern "C" ct_session *ct_session_create(const ct_settings *settings, const uint8_t *state,
                                         std::size_t state_length, ct_error *error) {
    if (!validate(settings, error)) return nullptr;
    prefer_certificate_directory();
    std::unique_ptr<ct_session> result;
    guarded(error, "starting the torrent session", [&] {
        lt::session_params params;
        if (state && state_length > 0) {
            params = lt::read_session_params(
                lt::span<const char>(reinterpret_cast<const char *>(state), static_cast<std::ptrdiff_t>(state_length)),
                saved_state);
        }
        params.settings = make_pack(*settings);
        auto session = std::make_unique<ct_session>(std::move(params));
        apply_peer_classes(session->session, *settings);
        session->pex_enabled = settings->enable_pex != 0;
        result = std::move(session); // only a fully set-up session leaves this function
        return ok(error);
    });
    return result.release();
}

extern "C" void ct_session_destroy(ct_session *session) {
    // ~session is noexcept: it waits for the network thread, closes files, sends tracker "stopped".
    delete session;
}

extern "C" int ct_session_apply_settings(ct_session *session, const ct_settings *settings, ct_error *error) {
    if (!validate(settings, error)) return error ? error->code : CT_ERR_INVALID_ARGUMENT;
    return guarded(error, "applying torrent settings", [&] {
        session->session.apply_settings(make_pack(*settings));
        apply_peer_classes(session->session, *settings);
        apply_pex(session, settings->enable_pex != 0);
        return ok(error);
    });
}

extern "C" void ct_session_pause(ct_session *session) {
    try { session->session.pause(); } catch (...) {}
}

extern "C" void ct_session_resume(ct_session *session) {
    try {
        session->session.resume();
        // As for one torrent: re-announce now rather than after the trackers' min interval.
        for (auto &handle : session->session.get_torrents()) {
            if (!(handle.flags() & lt::torrent_flags::paused)) handle.force_reannounce(0, -1, lt::torrent_handle::ignore_min_interval);
        }
    } catch (...) {}
}

extern "C" int ct_session_is_paused(ct_session *session) {
    try { return session->session.is_paused() ? 1 : 0; } catch (...) { return 0; }
}

extern "C" int ct_session_listen_port(ct_session *session) {
    try { return session->session.is_listening() ? session->session.listen_port() : 0; } catch (...) { return 0; }
}

extern "C" int ct_session_save_state(ct_session *session, ct_bytes *out, ct_error *error) {
    *out = ct_bytes{nullptr, 0};
    return guarded(error, "saving the session state", [&] {
        *out = copy_bytes(lt::write_session_params_buf(session->session.session_state(saved_state), saved_state));
        return ok(error);
    });
}
