"""List revalidation through the real stack (nginx → pool → SQLite): a list answers 200 with an ETag
and `Cache-Control: private, no-cache`; the tag sent back in If-None-Match gives 304 without a
body; after a change — through the API or written straight into SQLite, as lcarsd writes — the list
answers 200 with a new tag, whichever worker serves it. Odd If-None-Match values are read as
RFC 9110 says. Movie and show list items carry the list fields only."""
import pytest

from conftest import sql

STAR_TREK, STELLAR = 13475, 900001
HEADERS_LIST = ("/api/movies", "/api/tv", "/api/artists", "/api/albums", "/api/tracks")


@pytest.fixture(scope="module")
def movies(library_stack, lib_user):
    ids = {}
    for tmdb_id in (STAR_TREK, STELLAR):
        r = library_stack.api("POST", "/api/movies", token=lib_user, json={"tmdb_id": tmdb_id})
        assert r.status_code == 201, r.text
        ids[tmdb_id] = r.json()["id"]
    return ids


def get(stack, token, path, condition=None):
    return stack.api("GET", path, token=token, headers={"If-None-Match": condition} if condition is not None else None)


def test_200_tag_304_change_200_new_tag(library_stack, lib_user, movies):
    first = get(library_stack, lib_user, "/api/movies")
    assert first.status_code == 200
    tag = first.headers["ETag"]
    assert tag.startswith('"') and tag.endswith('"') and len(tag) == 34
    assert first.headers["Cache-Control"] == "private, no-cache"
    # Both workers answer the same bytes, so the same tag: ask several times.
    for _ in range(6):
        again = get(library_stack, lib_user, "/api/movies", tag)
        assert again.status_code == 304 and again.content == b""
        assert again.headers["ETag"] == tag

    # A change through the API.
    r = library_stack.api("PUT", f"/api/movies/{movies[STAR_TREK]}", token=lib_user, json={"monitored": False})
    assert r.status_code == 200, r.text
    changed = get(library_stack, lib_user, "/api/movies", tag)
    assert changed.status_code == 200 and changed.headers["ETag"] != tag
    assert {m["id"]: m["monitored"] for m in changed.json()["items"]}[movies[STAR_TREK]] is False

    # A change written by another process straight into SQLite (as lcarsd's post-processing does):
    # every worker notices it on its next request.
    tag = changed.headers["ETag"]
    sql(library_stack, "UPDATE movies SET status = 'available' WHERE id = ?", movies[STELLAR])
    for _ in range(6):
        answer = get(library_stack, lib_user, "/api/movies", tag)
        assert answer.status_code == 200 and answer.headers["ETag"] != tag
        assert {m["id"]: m["status"] for m in answer.json()["items"]}[movies[STELLAR]] == "available"


def test_search_pages_follow_a_change_at_once(library_stack, lib_user, movies):
    def found(text):
        return [m["id"] for m in get(library_stack, lib_user, "/api/movies?search=" + text).json()["items"]]
    for _ in range(4):   # both workers have ranked (and remembered) it
        assert found("nothing%20alik") == []
    sql(library_stack, "UPDATE movies SET title = 'Nothing Alike' WHERE id = ?", movies[STAR_TREK])
    try:
        for _ in range(4):
            assert found("nothing%20alik") == [movies[STAR_TREK]]
    finally:
        sql(library_stack, "UPDATE movies SET title = 'Star Trek' WHERE id = ?", movies[STAR_TREK])
    assert found("nothing%20alik") == []


@pytest.mark.parametrize("condition,status", [
    ("*", 304), ("W/{tag}", 304), ('"other", {tag}', 304), ('"other" , W/{tag}', 304),
    ('"other"', 200), ("{bare}", 200), ("", 200), ("garbage", 200), ("garbage {tag}", 200),
    ('"unterminated, {tag}', 200), ("{tag}x", 200), ("W/W/{tag}", 200), ("W/", 200), (",,,", 200),
])
def test_odd_if_none_match_values(library_stack, lib_user, movies, condition, status):
    tag = get(library_stack, lib_user, "/api/movies").headers["ETag"]
    r = get(library_stack, lib_user, "/api/movies", condition.format(tag=tag, bare=tag.strip('"')))
    assert r.status_code == status
    assert (r.content == b"") == (status == 304)


def test_every_list_carries_a_tag_and_items_do_not(library_stack, lib_user, movies):
    for path in HEADERS_LIST:
        r = get(library_stack, lib_user, path)
        assert r.status_code == 200 and "ETag" in r.headers and r.headers["Cache-Control"] == "private, no-cache", path
        assert get(library_stack, lib_user, path, r.headers["ETag"]).status_code == 304, path
    one = get(library_stack, lib_user, f"/api/movies/{movies[STAR_TREK]}")
    assert one.headers["Cache-Control"] == "no-store" and "ETag" not in one.headers
    assert get(library_stack, lib_user, f"/api/movies/{movies[STAR_TREK]}", "*").status_code == 200


def test_no_304_without_a_valid_token(library_stack, movies):
    assert library_stack.api("GET", "/api/movies", headers={"If-None-Match": "*"}).status_code == 401
    r = library_stack.api("GET", "/api/movies", token="not-a-token", headers={"If-None-Match": "*"})
    assert r.status_code == 401


def test_list_items_carry_the_card_fields(library_stack, lib_user, movies):
    item = {m["id"]: m for m in get(library_stack, lib_user, "/api/movies").json()["items"]}[movies[STAR_TREK]]
    assert set(item) == {"id", "tmdb_id", "title", "year", "poster_path", "status", "monitored", "quality_limit", "added_at"}
    assert item["poster_path"] == "/api/images/tmdb/w500/star-trek-2009.jpg" and item["added_at"].endswith("Z")
    full = get(library_stack, lib_user, f"/api/movies/{movies[STAR_TREK]}").json()
    assert {k: full[k] for k in item} == item   # the same values as the whole item
    assert "genres" in full and "overview" in full
