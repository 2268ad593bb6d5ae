"""Shared by the swarm tools (run with Debian's /usr/bin/python3, which has python3-libtorrent):
one locked-down libtorrent session setup and JSON-line output."""
import json
import sys

import libtorrent as lt


def session(listen: str, port: int = 0, user_agent: str = "lcars-test", high_performance: bool = False,
            interface: str = "") -> "lt.session":
    """A session that talks only on `listen`:`port` over TCP: no DHT, LSD, UPnP, NAT-PMP, uTP or
    PEX, no bootstrap nodes, outgoing connections from the same address. `interface` (a device
    name) instead binds listening and outgoing sockets to that device (SO_BINDTODEVICE): binding to
    an address alone does not stop packets from taking another route when the device goes down.
    `high_performance` starts from libtorrent's high_performance_seed() preset."""
    host = f"[{listen}]" if ":" in listen else listen
    if interface:
        host, listen = interface, interface
    pack = dict(lt.high_performance_seed()) if high_performance else {}
    pack.update({
        "listen_interfaces": f"{host}:{port}",
        "outgoing_interfaces": listen,
        "enable_dht": False,
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        "enable_outgoing_utp": False,
        "enable_incoming_utp": False,
        "enable_outgoing_tcp": True,
        "enable_incoming_tcp": True,
        "dht_bootstrap_nodes": "",
        "enable_ip_notifier": False,
        "user_agent": user_agent,
        "announce_to_all_tiers": True,
        "announce_to_all_trackers": True,
        "allow_multiple_connections_per_ip": True,
        "alert_mask": lt.alert.category_t.error_notification | lt.alert.category_t.status_notification
        | lt.alert.category_t.tracker_notification,
    })
    return lt.session(pack)


def torrent_flags(extra: int = 0) -> int:
    f = lt.torrent_flags
    return f.disable_dht | f.disable_lsd | f.disable_pex | extra


def global_rate_limits_apply_to_local_peers(ses) -> None:
    """By default libtorrent exempts loopback/LAN peers from rate limits (they get the local peer
    class); put every address in the global class so upload/download limits hold on loopback."""
    ipf = lt.ip_filter()
    ipf.add_rule("0.0.0.0", "255.255.255.255", 1 << lt.session.global_peer_class_id)
    ipf.add_rule("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 1 << lt.session.global_peer_class_id)
    ses.set_peer_class_filter(ipf)


def emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def state_name(st) -> str:
    return str(st.state).split(".")[-1]
