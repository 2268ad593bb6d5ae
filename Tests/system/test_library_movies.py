"""Movies through the real stack: TMDB search and add, 409s, lists with filters and FTS search,
updates, refresh, role rules and deletion with files (only inside the library mounts)."""
import os

import pytest

from conftest import sql

STAR_TREK, STELLAR, HARBOUR = 13475, 900001, 900002


@pytest.fixture(scope="module")
def movies(library_stack, lib_user):
    """The three fixture movies, added by a `user` (users may add)."""
    ids = {}
    for tmdb_id in (STAR_TREK, STELLAR, HARBOUR):
        r = library_stack.api("POST", "/api/movies", token=lib_user, json={"tmdb_id": tmdb_id})
        assert r.status_code == 201, r.text
        ids[tmdb_id] = r.json()["id"]
    return ids


def test_tmdb_search_flags_what_is_in_the_library(library_stack, lib_user, movies, services):
    r = library_stack.api("GET", "/api/search/tmdb/movies?q=star%20trek&year=2009", token=lib_user)
    assert r.status_code == 200, r.text
    by_id = {m["tmdb_id"]: m for m in r.json()}
    assert by_id[STAR_TREK]["in_library"] is True and by_id[STAR_TREK]["library_id"] == movies[STAR_TREK]
    assert by_id[STAR_TREK]["year"] == 2009 and by_id[STAR_TREK]["poster_path"] == "/api/images/tmdb/w342/star-trek-2009.jpg"
    sent = services.arrivals("/tmdb/3/search/movie")[-1]
    assert sent.query["query"] == "star trek" and sent.query["year"] == "2009"
    assert sent.headers["user-agent"] == "LCARS/0.1.0 ( tests@example.org )"
    assert "gzip" in sent.headers["accept-encoding"]


def test_added_movie_has_the_spec_fields(library_stack, lib_user, movies):
    m = library_stack.api("GET", f"/api/movies/{movies[STAR_TREK]}", token=lib_user).json()
    assert m["tmdb_id"] == STAR_TREK and m["imdb_id"] == "tt0796366" and m["title"] == "Star Trek"
    assert m["year"] == 2009 and m["runtime_minutes"] == 127 and m["genres"] == ["Science Fiction", "Action", "Adventure"]
    assert m["status"] == "missing" and m["monitored"] is True and m["quality_limit"] == "1080p"
    assert m["poster_path"] == "/api/images/tmdb/w500/star-trek-2009.jpg"
    assert m["backdrop_path"] == "/api/images/tmdb/w1280/backdrop13475.jpg" and m["added_at"].endswith("Z")
    no_imdb = library_stack.api("GET", f"/api/movies/{movies[STELLAR]}", token=lib_user).json()
    assert "imdb_id" not in no_imdb and "runtime_minutes" not in no_imdb and no_imdb["original_title"] == "Sternenreise"
    no_date = library_stack.api("GET", f"/api/movies/{movies[HARBOUR]}", token=lib_user).json()
    assert no_date["year"] == 0 and "overview" not in no_date


def test_adding_twice_is_409_with_the_existing_id(library_stack, lib_user, movies, services):
    before = len(services.arrivals("/tmdb/3/movie/"))
    r = library_stack.api("POST", "/api/movies", token=lib_user, json={"tmdb_id": STAR_TREK})
    assert r.status_code == 409 and r.json()["error"]["existing_id"] == movies[STAR_TREK]
    assert len(services.arrivals("/tmdb/3/movie/")) == before   # answered without asking TMDB


@pytest.mark.parametrize("body,status", [
    ({}, 422), ({"tmdb_id": "x"}, 422), ({"tmdb_id": -1}, 422), ({"tmdb_id": 5, "quality_limit": "4k"}, 422),
    ({"tmdb_id": 5, "monitored": "yes"}, 422), ({"tmdb_id": 999999}, 404),
])
def test_bad_adds_change_nothing(library_stack, lib_user, movies, body, status):
    total = library_stack.api("GET", "/api/movies", token=lib_user).json()["total"]
    r = library_stack.api("POST", "/api/movies", token=lib_user, json=body)
    assert r.status_code == status, r.text
    assert library_stack.api("GET", "/api/movies", token=lib_user).json()["total"] == total


def test_fts_prefix_original_title_and_ranking(library_stack, lib_user, movies):
    def search(text):
        r = library_stack.session.get(library_stack.base_url + "/api/movies", params={"search": text},
                                      headers={"Authorization": f"Bearer {lib_user}"})
        assert r.status_code == 200, r.text
        return [m["id"] for m in r.json()["items"]]
    assert search("star tre")[0] == movies[STAR_TREK]
    assert search("sternenr") == [movies[STELLAR]]
    # "star trek" is in Star Trek's title and in Stellar Voyage's overview: the title hit ranks first.
    assert search("star trek") == [movies[STAR_TREK], movies[STELLAR]]
    assert search("zzzz") == [] and search('"*)(') == []


def test_list_paging_and_filters(library_stack, lib_user, movies):
    r = library_stack.api("GET", "/api/movies?limit=2&page=2", token=lib_user).json()
    assert r["total"] == 3 and r["pages"] == 2 and r["page"] == 2 and len(r["items"]) == 1
    titles = [m["title"] for m in library_stack.api("GET", "/api/movies?limit=500", token=lib_user).json()["items"]]
    assert titles == sorted(titles, key=str.lower)
    assert library_stack.api("GET", "/api/movies?status=available", token=lib_user).json()["total"] == 0
    assert library_stack.api("GET", "/api/movies?status=missing&monitored=true", token=lib_user).json()["total"] == 3


@pytest.mark.parametrize("query", ["limit=501", "limit=0", "page=0", "page=x", "status=lost", "monitored=maybe", "sort=title"])
def test_bad_list_queries_are_400(library_stack, lib_user, movies, query):
    r = library_stack.api("GET", f"/api/movies?{query}", token=lib_user)
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_request", r.text


def test_update_and_refresh(library_stack, lib_user, movies):
    id = movies[HARBOUR]
    r = library_stack.api("PUT", f"/api/movies/{id}", token=lib_user, json={"monitored": False, "quality_limit": "2160p"})
    assert r.status_code == 200 and r.json()["monitored"] is False and r.json()["quality_limit"] == "2160p"
    assert library_stack.api("PUT", f"/api/movies/{id}", token=lib_user, json={"quality_limit": "8k"}).status_code == 422
    assert library_stack.api("PUT", "/api/movies/99999", token=lib_user, json={"monitored": True}).status_code == 404
    sql(library_stack, "UPDATE movies SET title = 'stale' WHERE id = ?", id)
    r = library_stack.api("POST", f"/api/movies/{id}/refresh", token=lib_user)
    assert r.status_code == 200 and r.json()["title"] == "Quiet Harbour" and r.json()["monitored"] is False
    assert library_stack.api("POST", "/api/movies/99999/refresh", token=lib_user).status_code == 404


def test_users_may_not_delete(library_stack, lib_user, movies):
    r = library_stack.api("DELETE", f"/api/movies/{movies[STAR_TREK]}", token=lib_user)
    assert r.status_code == 403
    assert library_stack.api("GET", f"/api/movies/{movies[STAR_TREK]}", token=lib_user).status_code == 200


def test_no_token_is_401(library_stack):
    for method, path in [("GET", "/api/movies"), ("POST", "/api/movies"), ("GET", "/api/search/tmdb/movies?q=x")]:
        assert library_stack.api(method, path).status_code == 401


def test_delete_files_only_inside_the_library(library_stack, lib_admin):
    # Movie rows (as post-processing leaves them) with a file inside the mount, outside it,
    # behind a symlinked directory and behind "..".
    library = library_stack.dir / "data/library/movie"
    library.mkdir(parents=True, exist_ok=True)
    outside = library_stack.dir / "outside"
    outside.mkdir(exist_ok=True)
    inside_file = library / "film.mkv"
    inside_file.write_bytes(b"x" * 10)
    secret = outside / "secret.mkv"
    secret.write_bytes(b"keep")
    os.symlink(outside, library / "escape")
    cases = [(str(inside_file), True), (str(secret), False), (str(library / "escape" / "secret.mkv"), False),
             (str(library / ".." / ".." / ".." / "outside" / "secret.mkv"), False)]
    for n, (path, removed) in enumerate(cases):
        sql(library_stack, "INSERT INTO movies (tmdb_id, title, year, file_path) VALUES (?, ?, 2000, ?)", 800000 + n, f"f{n}", path)
        id = sql(library_stack, "SELECT id FROM movies WHERE tmdb_id = ?", 800000 + n)[0][0]
        r = library_stack.api("DELETE", f"/api/movies/{id}?delete_files=true", token=lib_admin)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["success"] is True
        assert (body["deleted_files"] == [path]) == removed, body
        if not removed:
            assert body["refused_files"][0]["path"] == path
        assert library_stack.api("GET", f"/api/movies/{id}", token=lib_admin).status_code == 404
    assert not inside_file.exists() and secret.read_bytes() == b"keep"
    assert library_stack.api("DELETE", "/api/movies/1?delete_files=perhaps", token=lib_admin).status_code == 400
    assert library_stack.api("DELETE", "/api/movies/99999", token=lib_admin).status_code == 404


def test_missing_api_key_is_422_with_a_hint(make_stack, services):
    settings = {**services.settings(), "LCARS_TMDB__API_KEY": ""}
    s = make_stack(settings)
    token = s.login()
    for method, path, body in [("GET", "/api/search/tmdb/movies?q=star", None), ("POST", "/api/movies", {"tmdb_id": STAR_TREK})]:
        r = s.api(method, path, token=token, json=body)
        assert r.status_code == 422 and r.json()["error"]["code"] == "not_configured"
        assert "tmdb.api_key" in r.json()["error"]["message"]
