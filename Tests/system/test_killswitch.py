"""The VPN kill switch, in network namespaces this test creates: lcarsd runs in a "near"
namespace bound to the "vpn" veth; tracker and seeder sit on the "far" side. The near namespace's
default route goes over a second link, "lan", so a client that leaked would still reach the
seeder that way. The vpn link goes down mid-download: torrents must pause within 2 s, and a
packet capture on lan (and lo) must show no BitTorrent, tracker or DHT traffic at all."""
import time

import pytest

import netns
from conftest import wait_until
from swarm import LocalSwarm

MB = 1024 * 1024


@pytest.fixture
def topology():
    reason = netns.unavailable()
    if reason:
        print(f"\nKILL-SWITCH TEST NOT RUN: {reason}")
        pytest.skip(reason)
    with netns.vpn_topology() as topo:
        yield topo


def test_vpn_drop_pauses_everything_and_leaks_nothing(topology, make_stack, tmp_path):
    topo = topology
    with LocalSwarm(tmp_path, {"Far Away/part1.bin": 3 * MB, "Far Away/part2.bin": 1 * MB},
                    upload_limit=300_000, host=topo.service_addr, netns=topo.far) as sw:
        s = make_stack({"LCARS_TORRENT__BIND_INTERFACE": topo.vpn_if, "LCARS_TORRENT__LISTEN_ADDRESS": ""},
                       daemon_prefix=topo.near.argv([]))
        token = s.login()
        status = s.api("GET", "/api/system/status", token=token).json()["vpn"]
        bound = status.pop("bound")   # true once libtorrent's listen socket on the interface is announced
        assert status == {"enabled": True, "interface": topo.vpn_if, "connected": True, "addresses": [topo.vpn_addr]}
        assert bound or wait_until(lambda: s.api("GET", "/api/system/status", token=token).json()["vpn"]["bound"],
                                   what="vpn.bound: the listen socket on the vpn interface")

        d = s.api("POST", "/api/downloads", token=token, json={"magnet": sw.magnet}).json()
        get = lambda: s.api("GET", f"/api/downloads/{d['id']}", token=token).json()
        wait_until(lambda: get()["downloaded_bytes"] > 200_000, timeout=60, what="download through the vpn link")

        with netns.Capture([topo.lan_if, "lo"], netns=topo.near) as cap:
            dropped = time.monotonic()
            topo.set_link("vpn", up=False)
            paused = wait_until(lambda: (x := get())["status"] == "paused" and x, timeout=10, interval=0.1,
                                what="torrents paused after the vpn dropped")
            took = time.monotonic() - dropped
            assert took <= 2.0, f"paused only after {took:.2f}s"
            assert paused["paused_by"] == "vpn" and "VPN interface" in paused["error_message"]
            vpn = s.api("GET", "/api/system/status", token=token).json()["vpn"]
            assert vpn["connected"] is False

            time.sleep(1)
            held = get()["downloaded_bytes"]
            time.sleep(6)   # long enough for reconnect attempts and a tracker re-announce
            assert get()["downloaded_bytes"] == held and get()["status"] == "paused"
        leaked = cap.lines("tcp or udp")
        assert leaked == [], f"traffic left by another route: {leaked[:10]}"

        topo.set_link("vpn", up=True)
        wait_until(lambda: get()["status"] in ("downloading", "seeding"), timeout=15, what="resume after the vpn came back")
        wait_until(lambda: get()["status"] == "seeding", timeout=90, what="download to finish over the vpn")
        assert sw.missing_or_wrong(s.dir / "data/downloads") == []
        assert s.api("GET", "/api/system/status", token=token).json()["vpn"]["connected"] is True


def test_missing_interface_holds_torrents_from_the_start(make_stack):
    s = make_stack({"LCARS_TORRENT__BIND_INTERFACE": "lcarsnone0", "LCARS_TORRENT__LISTEN_ADDRESS": ""})
    token = s.login()
    vpn = s.api("GET", "/api/system/status", token=token).json()["vpn"]
    assert vpn == {"enabled": True, "interface": "lcarsnone0", "connected": False, "addresses": [], "bound": False}
    r = s.api("POST", "/api/downloads", token=token, json={"magnet": "magnet:?xt=urn:btih:" + "d" * 40})
    assert r.status_code == 201
    body = r.json()
    assert body["status"] == "paused" and body["paused_by"] == "vpn"
    assert body["error_message"] == "waiting for the VPN: VPN interface lcarsnone0 does not exist"
    # A user's resume does not get around the kill switch.
    r = s.api("POST", f"/api/downloads/{body['id']}/resume", token=token)
    assert r.json()["status"] == "paused" and r.json()["paused_by"] == "vpn"
