"""TV shows through the real stack: add with every season (specials too), season and episode
monitoring, a refresh that adds S03E09 and keeps S03E01's file, deletion cascading to episodes."""
import pytest

from conftest import sql

SHOW = 4242


@pytest.fixture(scope="module")
def show(library_stack, lib_user, services):
    services.tv_version = 1
    r = library_stack.api("POST", "/api/tv", token=lib_user, json={"tmdb_id": SHOW, "quality_limit": "720p"})
    assert r.status_code == 201, r.text
    return r.json()


def test_add_creates_every_season_and_episode(show):
    assert show["title"] == "Deep Space Relay" and show["imdb_id"] == "tt4242424" and show["status"] == "continuing"
    assert show["year_start"] == 2020 and "year_end" not in show and show["quality_limit"] == "720p"
    seasons = {s["season_number"]: s for s in show["seasons"]}
    assert {n: s["episode_count"] for n, s in seasons.items()} == {0: 2, 1: 4, 2: 5, 3: 8}
    assert all(s["available_count"] == 0 for s in seasons.values())
    first = seasons[1]["episodes"][0]
    assert first["title"] == "Episode 1.1" and first["tmdb_id"] == 4242101 and first["status"] == "missing"
    assert first["still_path"].endswith("/w300/still-1-1.jpg") and first["runtime_minutes"] == 44
    assert all(not e["monitored"] for e in seasons[0]["episodes"])   # specials start unmonitored
    assert all(e["monitored"] for e in seasons[3]["episodes"])


def test_tmdb_tv_search_and_409(library_stack, lib_user, show):
    hits = library_stack.api("GET", "/api/search/tmdb/tv?q=deep%20space", token=lib_user).json()
    assert hits[0]["tmdb_id"] == SHOW and hits[0]["in_library"] is True and hits[0]["library_id"] == show["id"]
    r = library_stack.api("POST", "/api/tv", token=lib_user, json={"tmdb_id": SHOW})
    assert r.status_code == 409 and r.json()["error"]["existing_id"] == show["id"]
    assert library_stack.api("GET", "/api/search/tmdb/tv", token=lib_user).status_code == 400
    assert library_stack.api("GET", "/api/search/tmdb/tv?q=x&year=2000", token=lib_user).status_code == 400


def test_season_and_episode_monitoring(library_stack, lib_user, show):
    id = show["id"]
    episodes = library_stack.api("GET", f"/api/tv/{id}/season/2", token=lib_user).json()
    assert [e["episode_number"] for e in episodes] == [1, 2, 3, 4, 5]
    r = library_stack.api("PUT", f"/api/tv/{id}/season/2", token=lib_user, json={"monitored": False})
    assert r.status_code == 200 and not any(e["monitored"] for e in r.json())
    r = library_stack.api("PUT", f"/api/tv/{id}/season/2/episode/3", token=lib_user, json={"monitored": True})
    assert r.status_code == 200 and r.json()["monitored"] is True and r.json()["episode_number"] == 3
    assert [e["monitored"] for e in library_stack.api("GET", f"/api/tv/{id}/season/2", token=lib_user).json()] == \
        [False, False, True, False, False]
    assert library_stack.api("GET", f"/api/tv/{id}/season/0", token=lib_user).status_code == 200
    assert library_stack.api("GET", f"/api/tv/{id}/season/9", token=lib_user).status_code == 404
    assert library_stack.api("PUT", f"/api/tv/{id}/season/2/episode/99", token=lib_user, json={"monitored": True}).status_code == 404
    assert library_stack.api("PUT", f"/api/tv/{id}/season/2", token=lib_user, json={}).status_code == 422
    assert library_stack.api("GET", "/api/tv/99999/season/1", token=lib_user).status_code == 404


def test_show_list_and_update(library_stack, lib_user, show):
    page = library_stack.api("GET", "/api/tv?search=relay", token=lib_user).json()
    assert page["total"] == 1 and page["items"][0]["id"] == show["id"] and "seasons" not in page["items"][0]
    assert library_stack.api("GET", "/api/tv?status=continuing", token=lib_user).json()["total"] == 1
    assert library_stack.api("GET", "/api/tv?status=missing", token=lib_user).status_code == 400
    r = library_stack.api("PUT", f"/api/tv/{show['id']}", token=lib_user, json={"monitored": False})
    assert r.status_code == 200 and r.json()["monitored"] is False and len(r.json()["seasons"]) == 4


def test_refresh_adds_new_episodes_and_keeps_files(library_stack, lib_user, show, services):
    id = show["id"]
    sql(library_stack, "UPDATE episodes SET status = 'available', file_path = '/library/tv/s03e01.mkv', file_size = 1234 "
                       "WHERE show_id = ? AND season_number = 3 AND episode_number = 1", id)
    services.tv_version = 2
    try:
        r = library_stack.api("POST", f"/api/tv/{id}/refresh", token=lib_user)
    finally:
        services.tv_version = 1
    assert r.status_code == 200, r.text
    season3 = next(s for s in r.json()["seasons"] if s["season_number"] == 3)
    assert season3["episode_count"] == 9 and season3["available_count"] == 1
    e1, e9 = season3["episodes"][0], season3["episodes"][8]
    assert e1["file_path"] == "/library/tv/s03e01.mkv" and e1["file_size"] == 1234 and e1["status"] == "available"
    assert e1["title"] == "Episode 3.1 (Director's Cut)"
    assert e9["episode_number"] == 9 and e9["status"] == "missing"


def test_failed_lookup_halfway_writes_nothing(library_stack, lib_user, services):
    """TMDB fails on the third request of an add (season 1): no show, no episodes, no activity."""
    sql(library_stack, "DELETE FROM tv_shows WHERE tmdb_id = ?", SHOW)
    shows = sql(library_stack, "SELECT COUNT(*) FROM tv_shows")[0][0]
    episodes = sql(library_stack, "SELECT COUNT(*) FROM episodes")[0][0]
    activity = sql(library_stack, "SELECT COUNT(*) FROM activity")[0][0]
    services.fail(f"/tmdb/3/tv/{SHOW}/season/1", status=500, body=b"{}", times=5)
    r = library_stack.api("POST", "/api/tv", token=lib_user, json={"tmdb_id": SHOW})
    services.clear()
    assert r.status_code == 502 and r.json()["error"]["code"] == "upstream_failed", r.text
    assert f"/tv/{SHOW}/season/1" in r.json()["error"]["message"] and "api_key" not in r.json()["error"]["message"]
    assert sql(library_stack, "SELECT COUNT(*) FROM tv_shows")[0][0] == shows
    assert sql(library_stack, "SELECT COUNT(*) FROM episodes")[0][0] == episodes
    assert sql(library_stack, "SELECT COUNT(*) FROM activity")[0][0] == activity


def test_delete_cascades_to_episodes(library_stack, lib_admin, lib_user, services):
    r = library_stack.api("POST", "/api/tv", token=lib_user, json={"tmdb_id": SHOW})
    assert r.status_code == 201, r.text
    id = r.json()["id"]
    assert library_stack.api("DELETE", f"/api/tv/{id}", token=lib_user).status_code == 403
    assert library_stack.api("DELETE", f"/api/tv/{id}", token=lib_admin).json() == {"success": True}
    assert library_stack.api("GET", f"/api/tv/{id}", token=lib_user).status_code == 404
    assert sql(library_stack, "SELECT COUNT(*) FROM episodes WHERE show_id = ?", id)[0][0] == 0
