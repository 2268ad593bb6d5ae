"""The whole automatic pipeline through the real stack (issue 12): a monitored movie that is missing
is found by `search_missing` on a local Torznab indexer, downloaded from a real local swarm seeding
a real short video (ffmpeg), placed into the library by post-processing — hardlinked to the copy
that keeps seeding — and, once the seeding policy is met, `cleanup_completed` removes the seeding
copy while the library file stays. The failure path: the best-ranked release has no peers, stalls,
is blocklisted, and the next run grabs the other release, which ends in the library. Nobody calls
anything but the job runs. Loopback only: the built-in indexers are off (conftest)."""
import hashlib
import os

import pytest

from conftest import Stack, wait_until
from test_import import LIBRARY, swarms  # noqa: F401  (the fixture is used by name)

KEY = "torznab-secret-key-0123456789"
SEED_HOURS = 0.001      # 3.6 s of seeding, then the policy is met
STALL_S = 5
MB = 1_000_000   # sizes the feed reports: within the ranking's bounds for a 1 min runtime
NO_PEERS = "cd" * 20
TINY_REEL, SECOND_REEL = 900003, 900004   # TMDB stand-ins with a 1 min runtime (Tests/Fixtures/tmdb)


@pytest.fixture(scope="module")
def pipe(services, indexer_sites):
    s = Stack({**services.settings(), "LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000, "LCARS_HTTP__RETRIES": 0,
               "LCARS_INDEXERS__TIMEOUT_MS": 5000, "LCARS_INDEXERS__MIN_INTERVAL_MS": 0,
               "LCARS_TORRENT__STALLED_TIMEOUT_SECONDS": STALL_S,
               "LCARS_TORRENT__SEEDING__RATIO_LIMIT": 0, "LCARS_TORRENT__SEEDING__TIME_LIMIT_HOURS": SEED_HOURS})
    (s.dir / LIBRARY).mkdir(parents=True)
    s.start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def admin(pipe):
    return pipe.login()


@pytest.fixture(scope="module")
def feed(pipe, admin, indexer_sites):
    url = indexer_sites.torznab("pipeline", releases=[])
    r = pipe.api("POST", "/api/indexers", token=admin,
                 json={"name": "pipeline", "indexer_type": "torznab", "url": url, "api_key": KEY, "categories": ["movies"]})
    assert r.status_code == 201, r.text
    return lambda releases: indexer_sites.torznab("pipeline", releases=releases)


def add_movie(stack, token, tmdb_id):
    r = stack.api("POST", "/api/movies", token=token, json={"tmdb_id": tmdb_id})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def movie(stack, token, movie_id):
    return stack.api("GET", f"/api/movies/{movie_id}", token=token).json()


def run_job(stack, token, name):
    r = stack.api("POST", f"/api/system/jobs/{name}/run", token=token)
    assert r.status_code == 202, r.text

    def finished():
        j = next(j for j in stack.api("GET", "/api/system/jobs", token=token).json() if j["name"] == name)
        return not j["running"] and j.get("last_run", {}).get("finished_at") and j["last_run"]
    return wait_until(finished, timeout=60, interval=0.2, what=f"{name} to finish")


def downloads_of(stack, token, movie_id):
    return [d for d in stack.api("GET", "/api/downloads", token=token).json()
            if d.get("media_type") == "movie" and d.get("media_id") == movie_id]


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wait_available(stack, token, movie_id):
    return wait_until(lambda: (m := movie(stack, token, movie_id))["status"] == "available" and m,
                      timeout=120, interval=0.3, what="the movie to be available")


def test_a_monitored_movie_is_found_downloaded_placed_and_its_seeding_copy_cleaned(pipe, admin, feed, swarms):  # noqa: F811
    movie_id = add_movie(pipe, admin, TINY_REEL)
    assert movie(pipe, admin, movie_id)["status"] == "missing"
    top = "Tiny.Reel.The.Test.2024.1080p.WEB-DL.x264-LCARS"
    sw = swarms(top, {f"{top}.mp4": 24, "tiny.nfo": b"nfo " * 100})
    feed([(top, sw.torrent.info_hash, 40, 150 * MB, sw.torrent.magnet())])

    last = run_job(pipe, admin, "search_missing")
    assert last["status"] == "succeeded" and last["items"] >= 1, last
    placed = wait_available(pipe, admin, movie_id)

    expected = pipe.dir / LIBRARY / "movie/Tiny Reel - The Test (2024)/Tiny Reel - The Test (2024) - 1080p.mp4"
    source = pipe.dir / "data/downloads" / top / f"{top}.mp4"
    assert placed["file_path"] == str(expected)
    assert expected.read_bytes() == (sw.content / f"{top}.mp4").read_bytes()       # byte-identical
    assert expected.stat().st_ino == source.stat().st_ino                           # hardlinked to the seeding copy
    content = sha256(expected)

    # The seeding policy (3.6 s) ends the torrent: `completed`, and only then may the copy go.
    [d] = downloads_of(pipe, admin, movie_id)
    wait_until(lambda: downloads_of(pipe, admin, movie_id)[0]["status"] == "completed", timeout=60, interval=0.3,
               what="seeding to end by the policy")
    assert source.exists()
    cleaned = run_job(pipe, admin, "cleanup_completed")
    assert cleaned["status"] == "succeeded" and cleaned["items"] == 1, cleaned
    assert pipe.api("GET", f"/api/downloads/{d['id']}", token=admin).status_code == 404
    wait_until(lambda: not source.exists(), timeout=15, what="the seeding copy to be deleted")
    assert expected.is_file() and sha256(expected) == content and os.stat(expected).st_nlink == 1
    after = movie(pipe, admin, movie_id)
    assert after["status"] == "available" and after["file_path"] == str(expected)


def test_a_release_that_never_downloads_is_blocklisted_and_the_next_run_gets_the_other(pipe, admin, feed, swarms):  # noqa: F811
    movie_id = add_movie(pipe, admin, SECOND_REEL)
    title = movie(pipe, admin, movie_id)["title"]
    good_top = "Second.Reel.2024.720p.WEB-DL.x264-GOOD"
    sw = swarms(good_top, {f"{good_top}.mp4": 24})
    bad_title = "Second.Reel.2024.1080p.BluRay.x264-NOPEERS"
    # The best-ranked release (1080p, many seeders reported) has no tracker and no peers.
    feed([(bad_title, NO_PEERS, 900, 300 * MB, f"magnet:?xt=urn:btih:{NO_PEERS}&dn={bad_title}"),
          (good_top, sw.torrent.info_hash, 3, 100 * MB, sw.torrent.magnet())])

    run_job(pipe, admin, "search_missing")
    [bad] = downloads_of(pipe, admin, movie_id)
    assert bad["info_hash"] == NO_PEERS and movie(pipe, admin, movie_id)["status"] == "downloading"
    failed = wait_until(lambda: (x := downloads_of(pipe, admin, movie_id)[0])["status"] == "failed" and x,
                        timeout=STALL_S + 30, interval=0.3, what="the release without peers to stall")
    assert failed["error_message"].startswith("stalled"), failed
    assert movie(pipe, admin, movie_id)["status"] == "missing"
    listed = [e for e in pipe.api("GET", "/api/blocklist", token=admin).json() if e.get("info_hash") == NO_PEERS]
    assert len(listed) == 1 and "stalled" in listed[0]["reason"], listed

    run_job(pipe, admin, "search_missing")
    hashes = {d["info_hash"] for d in downloads_of(pipe, admin, movie_id)}
    assert hashes == {NO_PEERS, sw.torrent.info_hash}     # the blocklisted one was not grabbed again
    placed = wait_available(pipe, admin, movie_id)
    assert placed["file_path"].startswith(str(pipe.dir / LIBRARY / "movie/")) and " - 720p.mp4" in placed["file_path"]
    assert title.split(":")[0] in placed["file_path"]
    assert open(placed["file_path"], "rb").read() == (sw.content / f"{good_top}.mp4").read_bytes()
