"""Posters, backdrops and covers served from our origin (GET /api/images/…) through the real
stack: fetched once from the TMDB / Cover Art Archive stand-ins, cached under the data
directory, long cache headers, upstream failures mapped to the API's errors with nothing cached,
and hostile paths refused with nothing written outside the cache."""
import os

import pytest

from conftest import sql
from fixture_services import FIXTURES

STAR_TREK = 13475
FIRST_FLIGHT = "c3c3c3c3-0000-4000-8000-000000000101"
IMMUTABLE = "public, max-age=31536000, immutable"


def cache_dir(stack):
    return stack.dir / "data" / "cache" / "images"


def files_under(path):
    return sorted(str(p.relative_to(path)) for p in path.rglob("*") if p.is_file()) if path.exists() else []


def get(stack, path):
    return stack.session.get(stack.base_url + path, timeout=15)


def test_poster_is_fetched_once_then_served_from_the_cache(library_stack, lib_user, services):
    movie = library_stack.api("POST", "/api/movies", token=lib_user, json={"tmdb_id": STAR_TREK}).json()
    poster = movie["poster_path"]
    assert poster == "/api/images/tmdb/w500/star-trek-2009.jpg"
    upstream = "/tmdb-img/t/p/w500/star-trek-2009.jpg"
    before = len(services.arrivals(upstream))
    expected = (FIXTURES / "tmdb/images/star-trek-2009.jpg").read_bytes()
    answers = []
    for _ in range(2):
        r = get(library_stack, poster)   # no token: an <img> sends none
        assert r.status_code == 200 and r.content == expected
        assert r.headers["Content-Type"] == "image/jpeg" and r.headers["Cache-Control"] == IMMUTABLE
        assert "img-src 'self';" in r.headers["Content-Security-Policy"]
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        answers.append(r)
    assert len(services.arrivals(upstream)) == before + 1   # the second GET came from the cache
    # The miss was the pool's answer; the hit is nginx's own, from disk (a static file's
    # validators), so no responder is taken by an image already cached.
    assert "ETag" not in answers[0].headers and "ETag" in answers[1].headers and "Last-Modified" in answers[1].headers
    again = library_stack.session.get(library_stack.base_url + poster, headers={"If-None-Match": answers[1].headers["ETag"]}, timeout=15)
    assert again.status_code == 304 and again.content == b""
    cached = cache_dir(library_stack) / "tmdb/w500/star-trek-2009.jpg.jpg"
    assert cached.read_bytes() == expected
    assert os.stat(cache_dir(library_stack)).st_mode & 0o777 == 0o700


def test_type_comes_from_the_bytes(library_stack):
    for _ in range(2):   # fetched by the pool, then sent by nginx from the cache: the same type
        r = get(library_stack, "/api/images/tmdb/w342/quiet.jpg")   # a PNG under a .jpg name
        assert r.status_code == 200 and r.headers["Content-Type"] == "image/png" and r.content.startswith(b"\x89PNG")
    assert "tmdb/w342/quiet.jpg.png" in files_under(cache_dir(library_stack))


def test_album_cover_from_the_cover_art_archive(library_stack, lib_user, services):
    r = library_stack.api("POST", "/api/artists", token=lib_user, json={"mbid": "a1a1a1a1-0000-4000-8000-000000000001"}, timeout=30)
    assert r.status_code == 201, r.text
    album_id = next(a["id"] for a in r.json()["albums"] if a["mbid"] == FIRST_FLIGHT)
    album = library_stack.api("GET", f"/api/albums/{album_id}", token=lib_user).json()
    assert album["cover_path"] == f"/api/images/caa/{FIRST_FLIGHT}"
    upstream = f"/caa/release-group/{FIRST_FLIGHT}/front-500"
    before = len(services.arrivals(upstream))
    for _ in range(2):
        r = get(library_stack, album["cover_path"])
        assert r.status_code == 200 and r.headers["Content-Type"] == "image/jpeg" and r.headers["Cache-Control"] == IMMUTABLE
        assert r.content == (FIXTURES / f"coverartarchive/front_{FIRST_FLIGHT}.jpg").read_bytes()
    assert len(services.arrivals(upstream)) == before + 1


@pytest.mark.parametrize("size,fault,status,code", [
    ("w92", {"status": 500, "body": b"boom", "times": 3}, 502, "upstream_failed"),
    ("w154", {"status": 200, "body": b"<html>not an image</html>", "headers": {"Content-Type": "image/jpeg"}}, 502, "upstream_failed"),
    ("w185", {"status": 200, "body": b"\xff\xd8\xff" + b"\0" * 64, "headers": {"Content-Type": "text/html"}}, 502, "upstream_failed"),
    ("w300", {"status": 200, "body": b"\xff\xd8\xff" + b"\0" * (9 << 20), "headers": {"Content-Type": "image/jpeg"}}, 502, "upstream_failed"),
    ("w780", {"status": None, "delay": 3.0}, 504, "upstream_timeout"),
])
def test_upstream_failures_answer_errors_and_cache_nothing(library_stack, services, size, fault, status, code):
    # One size per case: each is its own cache entry, so every case really goes upstream.
    path = f"/api/images/tmdb/{size}/backdrop13475.jpg"
    services.fail(f"/tmdb-img/t/p/{size}/", **fault)
    r = get(library_stack, path)
    services.clear()
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code and r.json()["error"]["message"]
    assert r.headers["Cache-Control"] == "no-store"
    assert not any(f.startswith(f"tmdb/{size}/") for f in files_under(cache_dir(library_stack)))
    ok = get(library_stack, path)   # the next try fetches again and succeeds
    assert ok.status_code == 200 and ok.headers["Content-Type"] == "image/jpeg"


def test_upstream_404_is_404(library_stack, services):
    r = get(library_stack, "/api/images/tmdb/w500/nothere.jpg")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = get(library_stack, "/api/images/caa/00000000-0000-4000-8000-000000000000")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    assert "tmdb/w500/nothere.jpg" not in files_under(cache_dir(library_stack))


@pytest.mark.parametrize("path", [
    "/api/images/tmdb/w501/star-trek-2009.jpg",          # size not allowed
    "/api/images/tmdb/w500/star-trek-2009.gif",          # extension not allowed
    "/api/images/tmdb/w500/..%2F..%2Flcars.db",          # encoded traversal
    "/api/images/tmdb/w500/.jpg",
    "/api/images/tmdb/w500/a.b.jpg",
    "/api/images/tmdb/w500/%2e%2e",
    "/api/images/tmdb/..%2F..%2F/x.jpg",
    "/api/images/tmdb/w500/" + "a" * 101 + ".jpg",
    "/api/images/caa/not-a-uuid",
    "/api/images/caa/..%2F..%2Fetc%2Fpasswd",
    "/api/images/caa/c3c3c3c3-0000-4000-8000-00000000010",   # one digit short
])
def test_hostile_or_invalid_paths_are_refused(library_stack, services, path):
    outside_before = sorted(p.name for p in (library_stack.dir / "data").iterdir())
    arrivals = len(services.requests)
    r = library_stack.session.get(library_stack.base_url + path, timeout=15)
    assert r.status_code in (400, 404), r.text
    assert r.json()["error"]["code"] in ("bad_request", "not_found")
    assert len(services.requests) == arrivals   # nothing was fetched
    assert sorted(p.name for p in (library_stack.dir / "data").iterdir()) == outside_before


@pytest.mark.parametrize("path", ["/api/images/tmdb/w500/../../../lcars.db", "/api/images/caa/../../lcars.db"])
def test_dot_segments_never_reach_a_file(library_stack, path):
    # Sent as is (nginx normalises "..": whatever route it lands on, it is not an image).
    import http.client
    conn = http.client.HTTPConnection("127.0.0.1", library_stack.port, timeout=10)
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    assert r.status in (400, 401, 404) and b"SQLite format" not in body


def test_media_objects_never_point_at_a_third_party(library_stack, lib_user):
    for listing in ("/api/movies", "/api/tv", "/api/albums"):
        body = library_stack.api("GET", listing, token=lib_user).text
        assert "http://" not in body and "https://" not in body
    summary = library_stack.api("GET", "/api/library/summary", token=lib_user).json()
    assert any(r.get("poster") == "/api/images/tmdb/w500/star-trek-2009.jpg" for r in summary["recent"])


def test_image_misses_are_limited_per_address_and_hits_never(library_stack, services):
    # From 127.0.0.2 (still loopback; a client address of its own, so no other test shares its
    # allowance): 20 misses a second with a burst of 200, then 429 with nothing fetched. Images
    # already cached are nginx's own and never counted; another address is not affected.
    import http.client
    import json

    def fetch(path, source="127.0.0.2"):
        conn = http.client.HTTPConnection("127.0.0.1", library_stack.port, timeout=10, source_address=(source, 0))
        try:
            conn.request("GET", path)
            r = conn.getresponse()
            return r.status, dict(r.getheaders()), r.read()
        finally:
            conn.close()

    cached = "/api/images/tmdb/w185/star-trek-2009.jpg"
    assert fetch(cached, "127.0.0.1")[0] == 200
    answers = []
    for i in range(1000):   # until the first refusal: the burst (200) plus what refilled meanwhile
        answers.append(fetch(f"/api/images/tmdb/w92/limit{i}.jpg"))
        if answers[-1][0] == 429:
            break
    assert answers[-1][0] == 429 and len(answers) > 200 and {a[0] for a in answers[:-1]} == {404}
    status, headers, body = answers[-1]
    assert json.loads(body)["error"]["code"] == "rate_limited" and headers["Retry-After"] == "1"
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Cache-Control"] == "no-store"
    fetched = len(services.arrivals("/tmdb-img/t/p/w92/limit"))
    assert fetched == len(answers) - 1   # a refused miss never went upstream
    assert fetch(cached)[0] == 200                   # a hit, while this address is over its limit
    assert fetch("/api/images/tmdb/w92/limit-other.jpg", "127.0.0.1")[0] == 404   # another address
