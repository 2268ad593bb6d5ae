"""The `cleanup_completed` job through the real stack: real torrents from a loopback swarm finish
seeding (a per-download time limit of 1.8 s), then a run started from the API removes the finished
downloads of imported items — with their files in the download directory — while a library
file hardlinked to one (standing in for the import) stays intact; a download whose item still
waits for its import, and one added by hand (the user's only copy), keep their rows and files. Hostile rows (a save path outside download_dir, a
symlinked folder) are never deleted through."""
import contextlib
import hashlib
import os

import pytest

from conftest import Stack, sql, wait_until
from swarm import LocalSwarm, make_content, make_torrent, magnet_uri
from test_downloads_swarm import EventLog

NEVER_ON_ITS_OWN = "0 0 0 1 1 *"
SEED_SECONDS = 0.0005   # hours: 1.8 s of seeding, then `completed`


@pytest.fixture(scope="module")
def cs():
    s = Stack({"LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000,
               "LCARS_TORRENT__SEEDING__RATIO_LIMIT": 0, "LCARS_TORRENT__SEEDING__TIME_LIMIT_HOURS": 0,
               "LCARS_TORRENT__RESUME_SAVE_INTERVAL_SECONDS": 1,
               "LCARS_SCHEDULER__CLEANUP_COMPLETED": NEVER_ON_ITS_OWN}).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def admin(cs):
    return cs.login()


def downloads(stack):
    return stack.dir / "data/downloads"


def movie(stack, tmdb_id, title, status):
    sql(stack, "INSERT INTO movies (tmdb_id, title, year, status) VALUES (?, ?, 2024, ?)", tmdb_id, title, status)
    return sql(stack, "SELECT id FROM movies WHERE tmdb_id = ?", tmdb_id)[0][0]


def add(stack, token, swarm):
    r = stack.api("POST", "/api/downloads", token=token, json={"magnet": swarm.magnet, "seed_time_limit_hours": SEED_SECONDS})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def link(stack, download_id, movie_id):
    """Links a finished download to its movie afterwards. Linked from the start, lcarsd would
    post-process these files (random bytes, no video: the import would fail the download); the
    import itself is tested in test_import.py and the whole chain in test_pipeline.py."""
    sql(stack, "UPDATE downloads SET media_type = 'movie', media_id = ? WHERE id = ?", movie_id, download_id)


def status_of(stack, token, download_id):
    r = stack.api("GET", f"/api/downloads/{download_id}", token=token)
    return r.json()["status"] if r.status_code == 200 else r.status_code


def run_cleanup(stack, token):
    r = stack.api("POST", "/api/system/jobs/cleanup_completed/run", token=token)
    assert r.status_code == 202, r.text

    def finished():
        jobs = {j["name"]: j for j in stack.api("GET", "/api/system/jobs", token=token).json()}
        job = jobs["cleanup_completed"]
        return not job["running"] and job["last_run"]

    return wait_until(finished, timeout=60, interval=0.2, what="the cleanup run to finish")


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_finished_downloads_go_with_their_files_and_the_library_copy_stays(cs, admin, tmp_path):
    imported_movie = movie(cs, 9001, "Clean Movie", "available")
    pending_movie = movie(cs, 9002, "Pending Movie", "processing")
    events = EventLog(cs, admin)
    try:
        with contextlib.ExitStack() as swarms:
            imported = swarms.enter_context(LocalSwarm(tmp_path / "a", {"Clean.Movie.2024/movie.mkv": 300_000}, seed=1))
            pending = swarms.enter_context(LocalSwarm(tmp_path / "b", {"Pending.Movie.2024/movie.mkv": 200_000}, seed=2))
            manual = swarms.enter_context(LocalSwarm(tmp_path / "c", {"Manual.Grab/file.bin": 100_000}, seed=3))
            ids = {"imported": add(cs, admin, imported), "pending": add(cs, admin, pending), "manual": add(cs, admin, manual)}
            for name, download_id in ids.items():
                wait_until(lambda: status_of(cs, admin, download_id) == "completed", timeout=90, interval=0.2,
                           what=f"the {name} download to finish seeding")
            link(cs, ids["imported"], imported_movie)
            link(cs, ids["pending"], pending_movie)
            for sw in (imported, pending, manual):
                assert sw.missing_or_wrong(downloads(cs)) == []

        # The import, as post-processing does it: a hardlink into the library, the item available.
        source = downloads(cs) / "Clean.Movie.2024/movie.mkv"
        library_file = cs.dir / "data/library/movie/Clean Movie (2024)/Clean Movie (2024).mkv"
        library_file.parent.mkdir(parents=True)
        os.link(source, library_file)
        content = sha256(library_file)
        sql(cs, "UPDATE movies SET file_path = ?, file_size = ? WHERE id = ?", str(library_file), 300_000, imported_movie)

        last = run_cleanup(cs, admin)
        assert last["status"] == "succeeded" and last["items"] == 1 and "error" not in last, last

        # The imported download is gone, with its files; the library copy stays.
        assert status_of(cs, admin, ids["imported"]) == 404
        wait_until(lambda: not source.exists(), timeout=15, what="libtorrent to delete the seeding copy")
        assert library_file.is_file() and sha256(library_file) == content and os.stat(library_file).st_nlink == 1
        assert sql(cs, "SELECT status, file_path FROM movies WHERE id = ?", imported_movie) == [("available", str(library_file))]

        # The download whose import is still pending, and the one added by hand (the user's only
        # copy), keep their rows and their files.
        for kept, sw in (("pending", pending), ("manual", manual)):
            assert status_of(cs, admin, ids[kept]) == "completed"
            assert sw.missing_or_wrong(downloads(cs)) == []

        lines = sql(cs, "SELECT download_id, message FROM activity WHERE event_type = 'download_cleaned' ORDER BY download_id")
        assert [d for d, _ in lines] == [ids["imported"]]
        assert all("download files deleted" in m for _, m in lines), lines
        wait_until(lambda: {e["id"] for e in events.named("download:removed")} == {ids["imported"]},
                   timeout=10, what="download:removed events")

        # Nothing left to clean: the next run is a success with 0 items, the pending one still kept.
        again = run_cleanup(cs, admin)
        assert again["status"] == "succeeded" and again["items"] == 0, again
        assert status_of(cs, admin, ids["pending"]) == "completed"
    finally:
        events.close()


def imported_movie(stack):
    """A movie post-processing has placed: the downloads linked to it may be cleaned."""
    tmdb_id = 9100 + sql(stack, "SELECT COUNT(*) FROM movies")[0][0]
    return movie(stack, tmdb_id, f"Imported {tmdb_id}", "available")


def completed_row(stack, torrent, save_path, name=None):
    """A finished download of an imported movie as lcarsd leaves it, written straight into the table."""
    sql(stack, "INSERT INTO downloads (info_hash, name, magnet, status, progress, save_path, torrent_file, media_type, media_id) "
               "VALUES (?, ?, ?, 'completed', 1, ?, ?, 'movie', ?)",
        torrent.info_hash, name or torrent.name, magnet_uri(torrent.info_hash), str(save_path), torrent.data, imported_movie(stack))
    return sql(stack, "SELECT id FROM downloads WHERE info_hash = ?", torrent.info_hash)[0][0]


def test_files_outside_the_download_directory_are_never_deleted(cs, admin, tmp_path):
    outside = tmp_path / "outside"
    sums = make_content(outside, {"Hostile Pack/a.bin": 50_000, "Linked Pack/b.bin": 40_000, "Dotted/c.bin": 30_000})
    hostile = make_torrent(outside / "Hostile Pack", tmp_path / "hostile.torrent")
    linked = make_torrent(outside / "Linked Pack", tmp_path / "linked.torrent")
    dotted = make_torrent(outside / "Dotted", tmp_path / "dotted.torrent")
    # 1. saved outside download_dir; 2. inside, but its folder is a symlink to one outside;
    # 3. a name that climbs out of download_dir.
    os.symlink(outside / "Linked Pack", downloads(cs) / "Linked Pack")
    rows = [completed_row(cs, hostile, outside), completed_row(cs, linked, downloads(cs)),
            completed_row(cs, dotted, downloads(cs), name=f"../../../..{outside}/Dotted")]

    last = run_cleanup(cs, admin)
    assert last["status"] == "failed" and last["items"] == 0, last
    assert last["error"].startswith("3 of 3 cleanups failed"), last["error"]
    assert "outside torrent.download_dir" in last["error"] and "leads outside" in last["error"]
    assert "is not a single file or folder name" in last["error"]

    for download_id in rows:
        assert status_of(cs, admin, download_id) == "completed"
    assert sql(cs, "SELECT COUNT(*) FROM activity WHERE event_type = 'download_cleaned' AND download_id IN (?, ?, ?)", *rows) == [(0,)]
    # libtorrent deletes asynchronously: give a wrong delete every chance to show before looking.
    with contextlib.suppress(AssertionError):
        wait_until(lambda: any(not (outside / rel).exists() for rel in sums), timeout=3, what="a file outside to vanish")
    assert all((outside / rel).is_file() for rel in sums)

    # The same refusal guards DELETE …?delete_files=true: 409, nothing done.
    r = cs.api("DELETE", f"/api/downloads/{rows[0]}?delete_files=true", token=admin)
    assert r.status_code == 409 and "outside torrent.download_dir" in r.json()["error"]["message"], r.text
    assert status_of(cs, admin, rows[0]) == "completed" and (outside / "Hostile Pack/a.bin").is_file()
    for download_id in rows:   # cleaned up by hand, files kept: the next tests start clean
        assert cs.api("DELETE", f"/api/downloads/{download_id}", token=admin).status_code == 200
    os.unlink(downloads(cs) / "Linked Pack")


def test_a_download_whose_files_cannot_be_named_is_kept(cs, admin):
    """A finished download lcarsd kept neither resume data nor a .torrent for (a magnet whose
    resume data never got saved): libtorrent could not be told which files are its, so the row
    stays — its files are not left behind unnamed — and the run says what to do."""
    orphan = downloads(cs) / "Orphan Pack"
    make_content(orphan, {"x.bin": 10_000})
    sql(cs, "INSERT INTO downloads (info_hash, name, magnet, status, progress, save_path, media_type, media_id) "
            "VALUES (?, 'Orphan Pack', ?, 'completed', 1, ?, 'movie', ?)",
        "e" * 40, magnet_uri("e" * 40), str(downloads(cs)), imported_movie(cs))
    download_id = sql(cs, "SELECT id FROM downloads WHERE info_hash = ?", "e" * 40)[0][0]
    last = run_cleanup(cs, admin)
    assert last["status"] == "failed" and last["items"] == 0, last
    assert "kept neither resume data nor its .torrent" in last["error"] and str(orphan) in last["error"], last["error"]
    assert status_of(cs, admin, download_id) == "completed" and (orphan / "x.bin").is_file()
