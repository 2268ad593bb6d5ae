"""Indexer and metadata traffic leaves by torrent.bind_interface when http.interface is empty: with
torrents bound to an interface that does not exist (a VPN that is down), searches and metadata
lookups fail without a single request leaving by the default route; an explicit http.interface
still wins. Local stand-ins on loopback only."""
import pytest

from conftest import Stack

VPN = "lcarsnone0"   # no such interface: whatever is bound to it cannot leave


@pytest.fixture(scope="module")
def sites():
    from fixture_indexers import FixtureIndexers
    s = FixtureIndexers().start()
    s.torznab("feed", releases=[("Star.Trek.2009.1080p.BluRay.x264-GRP", "11" * 20, 100, 10_000_000_000)])
    yield s
    s.stop()


def start(services, extra):
    return Stack({**services.settings(), "LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000, "LCARS_HTTP__RETRIES": 0,
                  "LCARS_INDEXERS__MIN_INTERVAL_MS": 0, "LCARS_TORRENT__BIND_INTERFACE": VPN, **extra}).start()


def only_the_fixture_feed(stack, token, sites):
    for row in stack.api("GET", "/api/indexers", token=token).json():
        assert stack.api("PUT", f"/api/indexers/{row['id']}", token=token, json={"enabled": False}).status_code == 200
    r = stack.api("POST", "/api/indexers", token=token, json={"name": "feed", "indexer_type": "torznab", "url": f"{sites.base}/tz/feed",
                                                             "api_key": "k" * 20})
    assert r.status_code == 201, r.text


def test_without_http_interface_traffic_is_bound_to_the_vpn_interface(services, sites):
    s = start(services, {})
    try:
        token = s.login()
        only_the_fixture_feed(s, token, sites)
        services.clear()
        sites.clear()
        r = s.api("GET", "/api/search/releases?q=star%20trek&type=movie", token=token, timeout=30)
        assert r.status_code == 200 and r.headers["X-Indexers-Failed"] == "1" and r.json() == [], r.text
        row = next(x for x in s.api("GET", "/api/indexers", token=token).json() if x["name"] == "feed")
        assert VPN in row["last_error"], row
        r = s.api("GET", "/api/search/tmdb/movies?q=star", token=token, timeout=30)
        assert r.status_code == 502 and VPN in r.json()["error"]["message"], r.text
        assert sites.requests == [] and services.requests == []   # nothing left by another route
    finally:
        s.stop()


def test_an_explicit_http_interface_wins(services, sites):
    s = start(services, {"LCARS_HTTP__INTERFACE": "lo"})
    try:
        token = s.login()
        only_the_fixture_feed(s, token, sites)
        r = s.api("GET", "/api/search/releases?q=star%20trek&type=movie", token=token, timeout=30)
        assert r.status_code == 200 and r.headers["X-Indexers-Failed"] == "0" and len(r.json()) == 1, r.text
        assert s.api("GET", "/api/search/tmdb/movies?q=star", token=token, timeout=30).status_code == 200
    finally:
        s.stop()
