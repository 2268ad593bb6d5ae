"""BitTorrent v2: hybrid torrents (v1+v2, what libtorrent 2.0 clients create by default) and v2-only
torrents download through the whole stack, added by magnet (metadata over the wire) and by
.torrent file. A torrent is keyed by its v1 hash when it has one, else by its full v2 hash: the
row lcarsd syncs, the API and the engine must agree on that key for the download to progress,
seed and complete. Local opentracker and libtorrent seeder on loopback, TCP only."""
import pytest

from conftest import wait_until
from swarm import LocalSwarm

FILES = {"Versioned Release/video.mkv": 1_500_000, "Versioned Release/notes.nfo": 2_345}


@pytest.fixture(scope="module")
def vstack():
    from conftest import Stack
    s = Stack({"LCARS_TORRENT__SEEDING__RATIO_LIMIT": 0, "LCARS_TORRENT__SEEDING__TIME_LIMIT_HOURS": 0,
               "LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000}).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def vtoken(vstack):
    return vstack.login()


@pytest.mark.parametrize("how", ["magnet", "torrent"])
@pytest.mark.parametrize("version", ["hybrid", "v2"])
def test_hybrid_and_v2_torrents_download_and_seed(vstack, vtoken, tmp_path, version, how):
    with LocalSwarm(tmp_path, FILES, version=version) as sw:
        key = sw.torrent.info_hash
        assert len(key) == (64 if version == "v2" else 40)
        body = {"magnet": sw.magnet} if how == "magnet" else {"torrent": sw.torrent.base64}
        r = vstack.api("POST", "/api/downloads", token=vtoken, json=body)
        assert r.status_code == 201, r.text
        d = r.json()
        assert d["info_hash"] == key

        def seeding():
            got = vstack.api("GET", f"/api/downloads/{d['id']}", token=vtoken).json()
            return got["status"] == "seeding" and got
        done = wait_until(seeding, timeout=60, interval=0.2, what=f"{version} by {how} to seed")
        assert done["progress"] == 1 and done["info_hash"] == key and done["name"] == "Versioned Release"
        assert done["downloaded_bytes"] == done["size_bytes"] == sum(FILES.values())
        assert sw.missing_or_wrong(vstack.dir / "data/downloads") == []
        # The same torrent by the other route is the same download: one key, not two rows.
        other = {"torrent": sw.torrent.base64} if how == "magnet" else {"magnet": sw.magnet}
        again = vstack.api("POST", "/api/downloads", token=vtoken, json=other)
        assert again.status_code == 409 and again.json()["error"]["details"]["id"] == d["id"], again.text
        assert vstack.api("DELETE", f"/api/downloads/{d['id']}?delete_files=true", token=vtoken).status_code == 200


def test_the_blocklist_takes_v2_hashes(vstack, vtoken):
    v2 = "ab" * 32
    r = vstack.api("POST", "/api/blocklist", token=vtoken, json={"info_hash": v2.upper(), "title": "A v2 release"})
    assert r.status_code == 201, r.text
    assert r.json()["info_hash"] == v2
    bad = vstack.api("POST", "/api/blocklist", token=vtoken, json={"info_hash": "ab" * 31, "title": "62 digits"})
    assert bad.status_code == 422, bad.text
