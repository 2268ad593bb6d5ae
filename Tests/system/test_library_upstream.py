"""The HTTP client against misbehaving services, through the real stack: retries honouring
Retry-After, 503s and 5xx, timeouts, malformed JSON, rejected keys, refused connections, and
the MusicBrainz rate limit shared by every process."""
import threading
import time

from fixture_services import TMDB_KEY, fixture_bytes

PILOTS = "a1a1a1a1-0000-4000-8000-000000000001"


def error_of(r, status, code):
    assert r.status_code == status, r.text
    body = r.json()["error"]
    assert body["code"] == code, body
    assert TMDB_KEY not in body["message"]
    return body["message"]


def test_429_with_retry_after_is_waited_out(library_stack, lib_user, services):
    services.clear()
    services.fail("/tmdb/3/search/tv", status=429, body=b'{"status_code": 25}', headers={"Retry-After": "1"})
    started = time.monotonic()
    r = library_stack.api("GET", "/api/search/tmdb/tv?q=relay", token=lib_user)
    assert r.status_code == 200 and r.json()[0]["tmdb_id"] == 4242, r.text
    first, second = services.arrivals("/tmdb/3/search/tv")
    assert second.time - first.time >= 0.95 and time.monotonic() - started >= 0.95


def test_a_retry_after_longer_than_the_limit_fails_at_once(library_stack, lib_user, services):
    services.clear()
    services.fail("/tmdb/3/search/tv", status=429, headers={"Retry-After": "120"})
    started = time.monotonic()
    message = error_of(library_stack.api("GET", "/api/search/tmdb/tv?q=relay", token=lib_user), 502, "upstream_failed")
    assert time.monotonic() - started < 5 and "HTTP 429, Retry-After 120 s" in message
    assert len(services.arrivals("/tmdb/3/search/tv")) == 1


def test_musicbrainz_503_is_retried_then_reported(library_stack, lib_user, services):
    services.clear()
    body = fixture_bytes("musicbrainz", "error_503.json")
    services.fail("/mb/ws/2/artist", status=503, body=body, times=3)
    message = error_of(library_stack.api("GET", "/api/search/musicbrainz/artists?q=pilots", token=lib_user), 502, "upstream_failed")
    assert message == "MusicBrainz: GET /mb/ws/2/artist: HTTP 503 (after 3 attempts)"
    services.clear()
    services.fail("/mb/ws/2/artist", status=503, body=body, times=1)
    assert library_stack.api("GET", "/api/search/musicbrainz/artists?q=pilots", token=lib_user).status_code == 200
    assert len(services.arrivals("/mb/ws/2/artist")) == 2


def test_slow_answers_time_out_as_504(library_stack, lib_user, services):
    services.clear()
    services.fail("/tmdb/3/search/movie", delay=3.0)
    started = time.monotonic()
    message = error_of(library_stack.api("GET", "/api/search/tmdb/movies?q=star", token=lib_user), 504, "upstream_timeout")
    assert "TMDB: GET /tmdb/3/search/movie: no complete answer within 1.5 s" == message
    assert time.monotonic() - started < 3.0   # a timeout is not retried
    time.sleep(1.6)   # let the fixture thread finish its delayed answer


def test_malformed_json_is_502(library_stack, lib_user, services):
    services.clear()
    services.fail("/tmdb/3/movie/", status=200, body=b'{"id": 13475, "title": ')
    message = error_of(library_stack.api("POST", "/api/movies", token=lib_user, json={"tmdb_id": 424299}), 502, "upstream_failed")
    assert message.startswith("TMDB: GET /tmdb/3/movie/424299: unexpected answer: not valid JSON")
    services.fail("/mb/ws/2/artist/", status=200, body=b'{"name": "no id"}')
    message = error_of(library_stack.api("POST", "/api/artists", token=lib_user, json={"mbid": PILOTS.replace("a1", "a2")}),
                       502, "upstream_failed")
    assert 'the field "id" is missing' in message
    services.clear()


def test_a_rejected_tmdb_key_is_502_with_a_hint(library_stack, lib_user, services):
    services.clear()
    services.fail("/tmdb/3/search/movie", status=401, body=fixture_bytes("tmdb", "error_401.json"))
    message = error_of(library_stack.api("GET", "/api/search/tmdb/movies?q=star", token=lib_user), 502, "upstream_auth_failed")
    assert "tmdb.api_key" in message and "Invalid API key" in message


def test_unreachable_service_is_502(make_stack, services):
    from conftest import free_port
    s = make_stack({**services.settings(), "LCARS_TMDB__BASE_URL": f"http://127.0.0.1:{free_port()}/3", "LCARS_HTTP__RETRIES": 1})
    message = error_of(s.api("GET", "/api/search/tmdb/tv?q=x", token=s.login()), 502, "upstream_failed")
    assert message.startswith("TMDB: GET /3/search/tv: connection failed") and message.endswith("(after 2 attempts)")


def test_musicbrainz_limit_holds_across_processes(make_stack, services):
    """Two responder processes, four concurrent searches: MusicBrainz sees one request a second."""
    s = make_stack({**services.settings(rate_limit_ms=1000)}, workers=2)
    token = s.login()
    services.clear()
    results = []

    def search():
        results.append(s.api("GET", "/api/search/musicbrainz/artists?q=pilots", token=token, timeout=30).status_code)

    started = time.monotonic()
    threads = [threading.Thread(target=search) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [200] * 4
    arrivals = services.arrivals("/mb/ws/2/artist")
    # Each worker process keeps its own keep-alive connection: two client ports, two processes.
    assert len({a.client_port for a in arrivals}) >= 2
    times = sorted(a.time for a in arrivals)
    assert len(times) == 4
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 0.95, gaps
    assert time.monotonic() - started >= 3.0


def test_a_musicbrainz_turn_too_far_away_is_503_at_once(make_stack, services):
    """One MusicBrainz request per 2 s shared by six responders, six searches at once: the turns within
    the 5 s a responder may wait (0, 2, 4 s) are served; the others are answered at once with 503
    upstream_busy and Retry-After instead of holding a worker (the client timeout would catch a wait)."""
    import requests
    s = make_stack({**services.settings(rate_limit_ms=2000)}, workers=6)
    token = s.login()
    services.clear()
    results = []

    def search():
        try:
            r = s.api("GET", "/api/search/musicbrainz/artists?q=pilots", token=token, timeout=8)
            results.append((r.status_code, r.headers.get("Retry-After"), r.json()))
        except requests.RequestException as error:
            results.append(("no answer", None, str(error)))

    threads = [threading.Thread(target=search) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = [status for status, _, _ in results]
    assert set(statuses) == {200, 503} and statuses.count(200) >= 3, results
    for status, retry_after, body in results:
        if status == 503:
            assert body["error"]["code"] == "upstream_busy" and body["error"]["message"].startswith("MusicBrainz is busy")
            assert 5 < int(retry_after) <= 12 and body["error"]["details"]["retry_after"] == int(retry_after)
    assert len(services.arrivals("/mb/ws/2/artist")) == statuses.count(200)   # the refused ones asked nothing
