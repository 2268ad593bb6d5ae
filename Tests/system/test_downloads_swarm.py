"""Real BitTorrent transfers through the whole stack: a local opentracker and a libtorrent seeder
on loopback (tools/seeder.py), lcarsd downloading by magnet (metadata over the wire), driven
through nginx + the pool like a browser would. TCP only; no DHT, LSD, UPnP or NAT-PMP anywhere."""
import pathlib
import sqlite3
import threading
import time

import pytest
import requests

from conftest import wait_until
from swarm import LocalSwarm, magnet_uri

MB = 1024 * 1024
ALBUM = {"Album (2024)/01 - Opening.flac": 900_000, "Album (2024)/02 - Theme.flac": 700_000,
         "Album (2024)/Scans/cover.jpg": 65_000, "Album (2024)/notes.txt": 1_234}


def downloads_dir(stack) -> pathlib.Path:
    return stack.dir / "data/downloads"


def add(stack, token, **body):
    r = stack.api("POST", "/api/downloads", token=token, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def get(stack, token, download_id):
    r = stack.api("GET", f"/api/downloads/{download_id}", token=token)
    assert r.status_code == 200, r.text
    return r.json()


def wait_status(stack, token, download_id, statuses, timeout=60):
    return wait_until(lambda: (d := get(stack, token, download_id))["status"] in statuses and d,
                      timeout=timeout, interval=0.2, what=f"download {download_id} to be {statuses}")


@pytest.fixture(scope="module")
def dl_stack(request):
    from conftest import Stack
    # Seed forever unless a test says otherwise; save resume data often.
    s = Stack({"LCARS_TORRENT__SEEDING__RATIO_LIMIT": 0, "LCARS_TORRENT__SEEDING__TIME_LIMIT_HOURS": 0,
               "LCARS_TORRENT__RESUME_SAVE_INTERVAL_SECONDS": 1, "LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000}).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def dl_token(dl_stack):
    return dl_stack.login()


class EventLog:
    """Collects the SSE stream in a thread, for asserting which events arrived."""

    def __init__(self, stack, token):
        ticket = stack.api("POST", "/api/events/ticket", token=token).json()
        self.response = requests.get(stack.base_url + ticket["url"], stream=True, timeout=120)
        assert self.response.status_code == 200
        self.events: list[tuple[str, dict]] = []
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        import json
        name = None
        try:
            for line in self.response.iter_lines(decode_unicode=True):
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    self.events.append((name, json.loads(line[6:])))
        except Exception:   # closed by the test: the stream just ends
            pass

    def named(self, name, **match):
        return [d for n, d in self.events if n == name and all(d.get(k) == v for k, v in match.items())]

    def close(self):
        self.response.close()


def test_download_by_magnet_with_live_events(dl_stack, dl_token, tmp_path):
    events = EventLog(dl_stack, dl_token)
    try:
        with LocalSwarm(tmp_path, ALBUM) as sw:
            d = add(dl_stack, dl_token, magnet=sw.magnet)
            assert d["status"] in ("queued", "paused") and d["info_hash"] == sw.torrent.info_hash
            assert d["media_type"] is None and d["progress"] == 0
            done = wait_status(dl_stack, dl_token, d["id"], {"seeding"})
            assert done["progress"] == 1 and done["name"] == "Album (2024)"
            assert done["size_bytes"] == sum(ALBUM.values()) and done["downloaded_bytes"] == done["size_bytes"]
            assert done["completed_at"] and done["started_at"]
            assert sw.missing_or_wrong(downloads_dir(dl_stack)) == []

            files = dl_stack.api("GET", f"/api/downloads/{d['id']}/files", token=dl_token).json()
            assert sorted(f["path"] for f in files) == sorted(ALBUM)
            assert all(f["progress"] == 1 for f in files)

            # The same torrent again, as magnet or .torrent file: 409 naming the existing download.
            for body in ({"magnet": sw.magnet}, {"torrent": sw.torrent.base64}):
                r = dl_stack.api("POST", "/api/downloads", token=dl_token, json=body)
                assert r.status_code == 409 and r.json()["error"]["details"]["id"] == d["id"], r.text

            wait_until(lambda: events.named("download:completed", id=d["id"]), timeout=10, what="download:completed event")
            assert events.named("download:added")[0]["id"] == d["id"]
            assert events.named("download:status", id=d["id"], status="seeding")
            assert any(0 < p["progress"] <= 1 for p in events.named("download:progress", id=d["id"]))
            assert events.named("system:status")

            status = dl_stack.api("GET", "/api/system/status", token=dl_token).json()
            assert status["downloads"]["seeding"] >= 1
    finally:
        events.close()


def test_pause_resume_and_remove_with_and_without_files(dl_stack, dl_token, tmp_path):
    with LocalSwarm(tmp_path, {"Slow Show S01/E01.mkv": 3 * MB, "Slow Show S01/E02.mkv": 1 * MB},
                    upload_limit=400_000) as sw:
        d = add(dl_stack, dl_token, torrent=sw.torrent.base64)
        wait_until(lambda: get(dl_stack, dl_token, d["id"])["downloaded_bytes"] > 0, timeout=60, what="first bytes")

        r = dl_stack.api("POST", f"/api/downloads/{d['id']}/pause", token=dl_token)
        assert r.status_code == 200 and r.json()["status"] == "paused" and r.json()["paused_by"] == "user"
        time.sleep(2)   # whatever was in flight lands
        held = get(dl_stack, dl_token, d["id"])["downloaded_bytes"]
        time.sleep(3)
        again = get(dl_stack, dl_token, d["id"])
        assert again["status"] == "paused" and again["downloaded_bytes"] == held and again["download_speed"] == 0
        assert held < 4 * MB

        r = dl_stack.api("POST", f"/api/downloads/{d['id']}/resume", token=dl_token)
        assert r.status_code == 200 and r.json()["status"] in ("queued", "downloading") and r.json()["paused_by"] is None
        wait_until(lambda: get(dl_stack, dl_token, d["id"])["downloaded_bytes"] > held, timeout=30, what="progress after resume")
        r = dl_stack.api("POST", f"/api/downloads/{d['id']}/retry", token=dl_token)
        assert r.status_code == 409    # only failed downloads are retried

        content = downloads_dir(dl_stack) / "Slow Show S01"
        assert content.exists()
        r = dl_stack.api("DELETE", f"/api/downloads/{d['id']}?delete_files=true", token=dl_token)
        assert r.status_code == 200 and r.json() == {"success": True, "deleted_files": True}
        assert dl_stack.api("GET", f"/api/downloads/{d['id']}", token=dl_token).status_code == 404
        wait_until(lambda: not (content / "E01.mkv").exists() and not (content / "E02.mkv").exists(),
                   timeout=15, what="libtorrent to delete the files")

    with LocalSwarm(tmp_path / "keep", {"Kept/file.bin": 300_000}) as sw:
        d = add(dl_stack, dl_token, magnet=sw.magnet)
        wait_status(dl_stack, dl_token, d["id"], {"seeding"})
        r = dl_stack.api("DELETE", f"/api/downloads/{d['id']}", token=dl_token)
        assert r.json() == {"success": True, "deleted_files": False}
        time.sleep(1)
        assert sw.missing_or_wrong(downloads_dir(dl_stack)) == []    # files kept


def test_kill_9_restart_resumes_without_downloading_again(dl_stack, dl_token, tmp_path):
    size = 8 * MB
    with LocalSwarm(tmp_path, {"Big.Movie.2024.mkv": size}, upload_limit=600_000) as sw:
        d = add(dl_stack, dl_token, magnet=sw.magnet)
        wait_until(lambda: get(dl_stack, dl_token, d["id"])["progress"] >= 0.5, timeout=90, interval=0.2, what="50%")
        time.sleep(1.5)   # at least one periodic resume-data save after the 50% mark
        before_kill = get(dl_stack, dl_token, d["id"])["downloaded_bytes"]
        dl_stack.kill_daemon()
        uploaded_before = wait_until(lambda: sw.seeder.uploaded(sw.torrent.info_hash) or None, timeout=5, what="seeder counter")
        time.sleep(1)
        uploaded_before = sw.seeder.uploaded(sw.torrent.info_hash)

        with sqlite3.connect(dl_stack.dir / "data/lcars.db") as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            status, resume = db.execute("SELECT status, length(resume_data) FROM downloads WHERE id = ?", (d["id"],)).fetchone()
            assert status == "downloading" and resume and resume > 0

        dl_stack.start_daemon()
        after_restart = get(dl_stack, dl_token, d["id"])
        assert after_restart["status"] in ("queued", "downloading", "seeding")
        done = wait_status(dl_stack, dl_token, d["id"], {"seeding"}, timeout=90)
        assert done["downloaded_bytes"] == size
        assert sw.missing_or_wrong(downloads_dir(dl_stack)) == []
        time.sleep(1)
        fetched_after_restart = sw.seeder.uploaded(sw.torrent.info_hash) - uploaded_before
        # Pieces verified before the kill are not fetched again: well under the whole file.
        assert fetched_after_restart <= size - before_kill + 2 * MB, (fetched_after_restart, before_kill)
        assert fetched_after_restart < 0.75 * size
        with sqlite3.connect(dl_stack.dir / "data/lcars.db") as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert db.execute("SELECT COUNT(*) FROM downloads WHERE info_hash = ?", (sw.torrent.info_hash,)).fetchone()[0] == 1


def test_graceful_restart_keeps_paused_and_seeding_states(dl_stack, dl_token, tmp_path):
    with LocalSwarm(tmp_path, {"Restart/a.bin": 400_000, "Restart/b.bin": 100_000}) as sw:
        d = add(dl_stack, dl_token, magnet=sw.magnet)
        wait_status(dl_stack, dl_token, d["id"], {"seeding"})
        dl_stack.api("POST", f"/api/downloads/{d['id']}/pause", token=dl_token)
        dl_stack.stop_daemon()
        dl_stack.start_daemon()
        time.sleep(2)
        again = get(dl_stack, dl_token, d["id"])
        assert again["status"] == "paused" and again["paused_by"] == "user" and again["progress"] == 1
        r = dl_stack.api("POST", f"/api/downloads/{d['id']}/resume", token=dl_token)
        assert r.status_code == 200
        # Restored from resume data: no recheck from zero and no need to fetch anything again.
        wait_status(dl_stack, dl_token, d["id"], {"seeding"}, timeout=20)
        assert (dl_stack.dir / "data/torrent/session.state").exists()


def test_seeding_limits_end_in_completed(make_stack, tmp_path):
    s = make_stack({"LCARS_TORRENT__SEEDING__RATIO_LIMIT": 0, "LCARS_TORRENT__SEEDING__TIME_LIMIT_HOURS": 0})
    token = s.login()
    with LocalSwarm(tmp_path, {"Seeded/x.bin": 200_000}) as sw:
        # 0.0005 h = 1.8 s of seeding for this download only.
        d = add(s, token, magnet=sw.magnet, seed_time_limit_hours=0.0005)
        done = wait_status(s, token, d["id"], {"completed"}, timeout=60)
        assert done["progress"] == 1 and done["seeding_seconds"] >= 1 and done["completed_at"]
        assert sw.missing_or_wrong(downloads_dir(s)) == []      # files kept for post-processing
        r = s.api("GET", f"/api/downloads/{d['id']}/files", token=token)
        assert r.status_code == 409                              # out of the session
        with sqlite3.connect(s.dir / "data/lcars.db") as db:
            kinds = [r[0] for r in db.execute("SELECT event_type FROM activity WHERE download_id = ? ORDER BY id", (d["id"],))]
        assert kinds[0] == "download_added" and "download_completed" in kinds and kinds[-1] == "download_seeded"
        # Completed downloads can still be removed with their files.
        r = s.api("DELETE", f"/api/downloads/{d['id']}?delete_files=true", token=token)
        assert r.json() == {"success": True, "deleted_files": True}
        wait_until(lambda: not (downloads_dir(s) / "Seeded/x.bin").exists(), timeout=15, what="files deleted")


def test_seeding_disabled_stops_at_100_percent(make_stack, tmp_path):
    s = make_stack({"LCARS_TORRENT__SEEDING__ENABLED": "false"})
    token = s.login()
    with LocalSwarm(tmp_path, {"NoSeed/y.bin": 150_000}) as sw:
        d = add(s, token, magnet=sw.magnet)
        done = wait_status(s, token, d["id"], {"completed"}, timeout=60)
        assert done["progress"] == 1 and sw.missing_or_wrong(downloads_dir(s)) == []


def test_stalled_downloads_fail_and_can_be_retried(make_stack, tmp_path):
    s = make_stack({"LCARS_TORRENT__STALLED_TIMEOUT_SECONDS": 4})
    token = s.login()
    # Nobody has this torrent: no metadata ever arrives.
    lonely = add(s, token, magnet=magnet_uri("c" * 40, "Nobody Seeds This"))
    failed = wait_status(s, token, lonely["id"], {"failed"}, timeout=30)
    assert failed["error_message"].startswith("stalled: no metadata received for 4 s")

    # A seeder that goes away halfway: no progress and no seeds.
    with LocalSwarm(tmp_path, {"Half/z.bin": 4 * MB}, upload_limit=500_000) as sw:
        d = add(s, token, magnet=sw.magnet)
        wait_until(lambda: get(s, token, d["id"])["progress"] > 0.1, timeout=60, what="some progress")
        sw.seeder.stop()
        failed = wait_status(s, token, d["id"], {"failed"}, timeout=40)
        assert failed["error_message"].startswith("stalled: no download progress") and failed["progress"] < 1
        # Retry once the seeder is back: it finishes, keeping what it had.
        sw.restart_seeder(upload_limit=0)
        r = s.api("POST", f"/api/downloads/{d['id']}/retry", token=token)
        assert r.status_code == 200 and r.json()["status"] == "queued" and r.json()["error_message"] is None
        wait_status(s, token, d["id"], {"seeding"}, timeout=60)
        assert sw.missing_or_wrong(downloads_dir(s)) == []
