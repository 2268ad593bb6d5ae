"""Activity: adds, refreshes and deletes write rows (user, media, message); admins page through
them with type, limit and before."""
import pytest

STAR_TREK = 13475


def test_add_refresh_delete_are_recorded(library_stack, lib_admin, lib_user):
    r = library_stack.api("POST", "/api/movies", token=lib_user, json={"tmdb_id": STAR_TREK})
    id = r.json()["id"] if r.status_code == 201 else r.json()["error"]["existing_id"]
    assert library_stack.api("POST", f"/api/movies/{id}/refresh", token=lib_user).status_code == 200
    assert library_stack.api("DELETE", f"/api/movies/{id}", token=lib_admin).status_code == 200
    rows = library_stack.api("GET", "/api/system/activity?limit=3", token=lib_admin).json()
    assert [a["event_type"] for a in rows[:2]] == ["movie_deleted", "movie_refreshed"]
    deleted, refreshed = rows[0], rows[1]
    assert deleted["media_type"] == "movie" and deleted["media_id"] == id and deleted["username"] == "admin"
    assert deleted["message"] == "Deleted movie Star Trek" and deleted["created_at"].endswith("Z")
    assert refreshed["username"] == "libuser" and refreshed["message"] == "Refreshed movie Star Trek"


def test_paging_with_before_and_type(library_stack, lib_admin, lib_user):
    for tmdb_id in (900001, 900002):
        library_stack.api("POST", "/api/movies", token=lib_user, json={"tmdb_id": tmdb_id})
    everything = library_stack.api("GET", "/api/system/activity?limit=500", token=lib_admin).json()
    assert len(everything) >= 3 and [a["id"] for a in everything] == sorted((a["id"] for a in everything), reverse=True)
    first = library_stack.api("GET", "/api/system/activity?limit=2", token=lib_admin).json()
    second = library_stack.api("GET", f"/api/system/activity?limit=2&before={first[-1]['id']}", token=lib_admin).json()
    assert [a["id"] for a in first + second] == [a["id"] for a in everything[:4]]
    added = library_stack.api("GET", "/api/system/activity?type=movie_added&limit=500", token=lib_admin).json()
    assert added and all(a["event_type"] == "movie_added" for a in added)


@pytest.mark.parametrize("query", ["type=party", "limit=0", "limit=501", "before=x", "after=3"])
def test_bad_queries_are_400(library_stack, lib_admin, query):
    assert library_stack.api("GET", f"/api/system/activity?{query}", token=lib_admin).status_code == 400


def test_activity_is_admin_only(library_stack, lib_user):
    assert library_stack.api("GET", "/api/system/activity", token=lib_user).status_code == 403
    assert library_stack.api("GET", "/api/system/activity").status_code == 401
