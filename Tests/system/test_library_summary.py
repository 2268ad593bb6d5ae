"""GET /api/library/summary through the real stack: counts by kind and status after adding
items, the newest additions, free space per mount without paths or secrets, for every role, and
still answering while lcarsd is down."""
import pytest

from conftest import sql

STAR_TREK, STELLAR, SHOW = 13475, 900001, 4242
PILOTS = "a1a1a1a1-0000-4000-8000-000000000001"
KINDS = {"movies", "shows", "episodes", "artists", "albums", "tracks"}


def summary(stack, token):
    r = stack.api("GET", "/api/library/summary", token=token)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.fixture(scope="module")
def empty(library_stack, lib_user):
    """The summary of the module's library before anything is added."""
    return summary(library_stack, lib_user)


@pytest.fixture(scope="module")
def added(library_stack, lib_user, empty):
    """Two movies, a show and an artist, added in that order by a `user`."""
    ids = {}
    for path, body in (("/api/movies", {"tmdb_id": STAR_TREK}), ("/api/movies", {"tmdb_id": STELLAR}),
                       ("/api/tv", {"tmdb_id": SHOW}), ("/api/artists", {"mbid": PILOTS})):
        r = library_stack.api("POST", path, token=lib_user, json=body, timeout=30)
        assert r.status_code == 201, r.text
        ids[body.get("tmdb_id", body.get("mbid"))] = r.json()["id"]
    return ids


def test_needs_a_token(library_stack):
    r = library_stack.api("GET", "/api/library/summary")
    assert r.status_code == 401 and r.json()["error"]["code"]


def test_empty_library_counts_zero(empty):
    assert set(empty["counts"]) == KINDS
    assert all(c == {"total": 0, "by_status": {}} for c in empty["counts"].values())
    assert empty["recent"] == []


def test_counts_follow_additions_and_statuses(library_stack, lib_user, added):
    sql(library_stack, "UPDATE movies SET status = 'available' WHERE id = ?", added[STELLAR])
    counts = summary(library_stack, lib_user)["counts"]
    assert counts["movies"] == {"total": 2, "by_status": {"missing": 1, "available": 1}}
    assert counts["shows"]["total"] == 1 and sum(counts["shows"]["by_status"].values()) == 1
    episodes = sql(library_stack, "SELECT COUNT(*) FROM episodes")[0][0]
    assert episodes > 0 and counts["episodes"] == {"total": episodes, "by_status": {"missing": episodes}}
    albums = sql(library_stack, "SELECT COUNT(*) FROM albums")[0][0]
    assert counts["artists"] == {"total": 1, "by_status": {}}
    assert albums > 0 and counts["albums"]["total"] == albums
    assert sum(counts["albums"]["by_status"].values()) == albums


def test_recent_additions_newest_first(library_stack, lib_user, added):
    # Same-second additions: make the order unambiguous.
    for n, (table, id_) in enumerate([("movies", added[STAR_TREK]), ("movies", added[STELLAR]),
                                      ("tv_shows", added[SHOW]), ("artists", added[PILOTS])]):
        sql(library_stack, f"UPDATE {table} SET added_at = ? WHERE id = ?", f"2026-01-0{n + 1} 10:00:00", id_)
    recent = summary(library_stack, lib_user)["recent"]
    assert [(r["type"], r["id"]) for r in recent] == [
        ("artist", added[PILOTS]), ("tv", added[SHOW]), ("movie", added[STELLAR]), ("movie", added[STAR_TREK])]
    assert recent[0]["title"] == "The Test Pilots" and recent[0]["added_at"] == "2026-01-04T10:00:00Z"
    trek = recent[3]
    assert trek["title"] == "Star Trek" and trek["poster"]
    assert set(trek) == {"type", "id", "title", "added_at", "poster"}


def test_recent_is_capped_at_ten(library_stack, lib_user, added):
    for n in range(12):
        sql(library_stack, "INSERT INTO movies (tmdb_id, title, year, added_at) VALUES (?, ?, 2000, ?)",
            990000 + n, f"Filler {n}", f"2026-06-{n + 10:02d} 10:00:00")
    recent = summary(library_stack, lib_user)["recent"]
    assert [r["title"] for r in recent] == [f"Filler {n}" for n in range(11, 1, -1)]
    assert all("poster" not in r for r in recent)   # none stored: left out
    sql(library_stack, "DELETE FROM movies WHERE tmdb_id >= 990000")


def test_mounts_carry_sizes_but_no_paths_or_secrets(library_stack, lib_user, lib_admin):
    for token in (lib_user, lib_admin):   # the same answer for every role
        r = library_stack.api("GET", "/api/library/summary", token=token)
        mounts = {m["name"]: m for m in r.json()["mounts"]}
        assert set(mounts) == {"local", "nas"}
        local, nas = mounts["local"], mounts["nas"]
        assert local["type"] == "local" and local["available"] is True
        assert 0 < local["free_bytes"] <= local["total_bytes"]
        assert nas == {"name": "nas", "type": "smb", "available": False}   # disabled: no sizes, no error text
        for secret in (str(library_stack.dir), "192.168.1.100", "/mnt/nas", '"pass"', "username", "password", "error"):
            assert secret not in r.text


def test_answers_while_lcarsd_is_down(library_stack, lib_user, added):
    library_stack.stop_daemon()
    try:
        body = summary(library_stack, lib_user)
        local = next(m for m in body["mounts"] if m["name"] == "local")
        assert local["available"] is True and local["free_bytes"] > 0   # the responder's own statvfs
        assert body["counts"]["movies"]["total"] == 2
    finally:
        library_stack.start_daemon()
