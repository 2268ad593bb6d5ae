"""YTS (JSON API), EZTV (get-torrents) and a generic RSS feed over real HTTP through the whole
stack (nginx → pool → IndexerManager → libcurl → local fixture sites in the sites' formats →
ranking): each answers its kind of search, and each one's empty answer, broken document, 5xx,
challenge page and timeout leaves a clear `last_error`, no garbage, and the others' results."""
import time
from urllib.parse import parse_qs, quote

import pytest

from conftest import Stack, sql

TIMEOUT_MS = 1000
KEY = "steady-torznab-key-0123456789"
H_STEADY = "5a" * 20
# YTS's list_movies.json (Inception): hashes as YTS sends them (upper case), read back in lower case.
YTS_720, YTS_1080, YTS_2160 = ("2D8B5E4F1A3C7B9D0E6F8A2C4B1D3E5F7A9C0B2D".lower(), "9E0F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B".lower(),
                               "AB12CD34EF56AB78CD90EF12AB34CD56EF78AB90".lower())
EZTV_720, EZTV_1080, EZTV_E23 = "c0ffee00" * 5, "deadbeef" * 5, "0000111122223333444455556666777788889999"
RSS_MAGNET = "1" * 40
# DefaultTrackers.list, as magnets built from a bare hash announce them (no per-indexer list is configured).
TRACKERS = ["udp://tracker.opentrackr.org:1337/announce", "udp://open.demonii.com:1337/announce",
            "udp://open.stealth.si:80/announce", "udp://tracker.torrent.eu.org:451/announce",
            "udp://exodus.desync.com:6969/announce", "udp://tracker.openbittorrent.com:6969/announce"]

# What each site is asked by (all free searches: GET /api/search/releases?...).
SEARCHES = {
    "yts": "imdb_id=tt1375666&type=movie",                        # YTS + feed + steady
    "eztv": "imdb_id=tt1520211&type=tv&season=11&episode=24",     # EZTV + feed + steady
    "rss": "q=" + quote("Series Title") + "&type=movie",          # feed + YTS (by words) + steady
}
NAMES = {"yts": "YTS", "eztv": "EZTV", "rss": "feed"}


@pytest.fixture(scope="module")
def sites():
    from fixture_indexers import FixtureIndexers
    s = FixtureIndexers().start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def ps(sites):
    s = Stack({"LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000, "LCARS_HTTP__RETRIES": 0, "LCARS_HTTP__CONTACT": "tests@example.org",
               "LCARS_INDEXERS__TIMEOUT_MS": TIMEOUT_MS, "LCARS_INDEXERS__MIN_INTERVAL_MS": 0}).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def admin(ps):
    return ps.login()


@pytest.fixture(scope="module")
def ids(ps, admin, sites):
    """YTS and EZTV (the built-in rows) moved to the fixture sites; 1337x and Rutracker off; an RSS
    feed and one steady Torznab indexer (the "others" every failure must leave answering)."""
    out = {}
    for row in ps.api("GET", "/api/indexers", token=admin).json():
        site = {"YTS": "yts", "EZTV": "eztv"}.get(row["name"])
        body = {"url": sites.site(site), "enabled": True} if site else {"enabled": False}
        r = ps.api("PUT", f"/api/indexers/{row['id']}", token=admin, json=body)
        assert r.status_code == 200, r.text
        out[row["name"]] = row["id"]
    assert {"YTS", "EZTV"} <= set(out)
    r = ps.api("POST", "/api/indexers", token=admin, json={"name": "feed", "indexer_type": "rss", "url": sites.site("rss") + "feed.xml"})
    assert r.status_code == 201, r.text
    out["feed"] = r.json()["id"]
    url = sites.torznab("steady", releases=[("Steady.Release.2010.1080p.WEB-DL.x264-STEADY", H_STEADY, 50, 4_000_000_000)])
    r = ps.api("POST", "/api/indexers", token=admin, json={"name": "steady", "indexer_type": "torznab", "url": url, "api_key": KEY})
    assert r.status_code == 201, r.text
    out["steady"] = r.json()["id"]
    return out


@pytest.fixture(autouse=True)
def healthy_sites(sites):
    """Every test starts (and leaves) with all three sites answering normally."""
    for name in ("yts", "eztv", "rss"):
        sites.site(name)
    yield
    for name in ("yts", "eztv", "rss"):
        sites.site(name)


def search(ps, admin, site):
    started = time.monotonic()
    r = ps.api("GET", "/api/search/releases?" + SEARCHES[site], token=admin, timeout=20)
    elapsed = time.monotonic() - started
    assert r.status_code == 200, r.text
    return r, elapsed


def rows(ps, admin):
    return {x["name"]: x for x in ps.api("GET", "/api/indexers", token=admin).json()}


def from_indexer(releases, name):
    return [x for x in releases if x["indexer"] == name or name in x.get("indexers", [])]


def by_hash(releases, h):
    found = [x for x in releases if x.get("info_hash") == h]
    assert len(found) == 1, (h, [x.get("info_hash") for x in releases])
    return found[0]


def trackers_of(magnet):
    return parse_qs(magnet.split("?", 1)[1])["tr"]


def test_yts_answers_a_movie_search_by_imdb_id(ps, admin, ids, sites):
    before = len(sites.arrivals("/yts/"))
    r, _ = search(ps, admin, "yts")
    asked = sites.arrivals("/yts/")[before:]
    assert [a.path for a in asked] == ["/yts/api/v2/list_movies.json"]
    assert asked[0].query["query_term"] == "tt1375666" and asked[0].query["limit"] == "50"
    assert (r.headers["X-Indexers-Asked"], r.headers["X-Indexers-Failed"]) == ("3", "0")   # YTS, feed, steady: EZTV is tv only
    releases = r.json()
    yts = from_indexer(releases, "YTS")
    assert sorted(x["info_hash"] for x in yts) == sorted([YTS_720, YTS_1080, YTS_2160])
    best = by_hash(releases, YTS_1080)
    assert best["title"] == "Inception (2010) [1080p] [BluRay] [x264] [YTS]" and best["indexers"] == ["YTS"]
    assert (best["quality"], best["source"], best["seeders"], best["leechers"], best["size_bytes"]) == ("1080p", "bluray", 1022, 170, 1986422374)
    assert best["uploaded_at"] == "2015-10-31T18:37:15Z" and best["rejected"] is False
    assert "download_url" not in best   # YTS's .torrent link is not offered: the magnet is
    for x in yts:   # a magnet built from YTS's hash, announcing the indexer's trackers
        assert x["magnet"].startswith(f"magnet:?xt=urn:btih:{x['info_hash']}&dn=Inception") and trackers_of(x["magnet"]) == TRACKERS
    assert best["score"] > by_hash(releases, YTS_720)["score"] and by_hash(releases, YTS_720)["rejected"] is False
    assert [c["code"] for c in by_hash(releases, YTS_2160)["rejections"]] == ["over_quality_limit"]   # default limit 1080p
    accepted = [x for x in releases if not x["rejected"]]
    assert releases[:len(accepted)] == accepted and releases.index(best) < releases.index(by_hash(releases, YTS_720))
    by_hash(releases, H_STEADY)
    assert rows(ps, admin)["YTS"].get("last_error") is None


def test_eztv_answers_an_episode_search_by_imdb_id(ps, admin, ids, sites):
    before = len(sites.arrivals("/eztv/"))
    r, _ = search(ps, admin, "eztv")
    asked = sites.arrivals("/eztv/")[before:]
    assert [a.path for a in asked] == ["/eztv/api/get-torrents"] and asked[0].query["imdb_id"] == "1520211"
    assert (r.headers["X-Indexers-Asked"], r.headers["X-Indexers-Failed"]) == ("3", "0")   # EZTV, feed, steady: YTS is movies only
    releases = r.json()
    eztv = from_indexer(releases, "EZTV")
    assert sorted(x["info_hash"] for x in eztv) == sorted([EZTV_720, EZTV_1080])   # S11E23 is filtered out
    hd = by_hash(releases, EZTV_1080)
    assert hd["title"] == "The Walking Dead S11E24 1080p WEB H264-CAKES" and hd["group"] == "CAKES"   # EZTV's tag is not the group
    assert (hd["quality"], hd["seeders"], hd["leechers"], hd["size_bytes"]) == ("1080p", 512, 80, 3113851289)   # numbers sent as strings
    assert hd["rejected"] is False and hd["score"] > by_hash(releases, EZTV_720)["score"]
    # An empty magnet_url: built from the hash with the indexer's trackers. A given one is kept as sent.
    assert hd["magnet"].startswith(f"magnet:?xt=urn:btih:{EZTV_1080}&") and trackers_of(hd["magnet"]) == TRACKERS
    assert trackers_of(by_hash(releases, EZTV_720)["magnet"]) == ["udp://tracker.example:1337/announce"]
    by_hash(releases, H_STEADY)
    assert rows(ps, admin)["EZTV"].get("last_error") is None


def test_rss_feed_answers_a_free_search(ps, admin, ids, sites):
    before_feed, before_yts = len(sites.arrivals("/rss/")), len(sites.arrivals("/yts/"))
    r, _ = search(ps, admin, "rss")
    assert [a.path for a in sites.arrivals("/rss/")[before_feed:]] == ["/rss/feed.xml"]
    assert [a.query["query_term"] for a in sites.arrivals("/yts/")[before_yts:]] == ["Series Title"]   # words when there is no IMDb id
    assert r.headers["X-Indexers-Failed"] == "0"
    releases = r.json()
    feed = from_indexer(releases, "feed")
    assert sorted(x["title"] for x in feed) == ["Series Title S02E04 1080p WEB H264-GRP", "Series Title S02E05 1080p WEB H264-GRP"]
    ep5 = by_hash(releases, RSS_MAGNET)
    assert ep5["magnet"].startswith(f"magnet:?xt=urn:btih:{RSS_MAGNET}&dn=Series+Title+S02E05")
    assert ep5["uploaded_at"] == "2024-03-02T06:10:00Z" and ep5["quality"] == "1080p"
    ep4 = next(x for x in feed if "S02E04" in x["title"])
    assert ep4.get("magnet") is None and ep4.get("info_hash") is None   # a .torrent enclosure only: fetched when downloaded
    assert ep4["download_url"] == "https://feed.example/torrents/222.torrent" and ep4["size_bytes"] == 1288490188
    assert len(from_indexer(releases, "YTS")) == 3
    assert rows(ps, admin)["feed"].get("last_error") is None


EMPTY_CASES = ["yts", "eztv", "rss"]


@pytest.mark.parametrize("site", EMPTY_CASES)
def test_a_real_no_results_answer_is_an_empty_list_not_an_error(ps, admin, ids, sites, site):
    name = NAMES[site]
    sql(ps, "UPDATE indexers SET last_error = 'stale' WHERE name = ?", name)   # must be cleared: the site was asked and answered
    sites.site(site, "empty")
    before = len(sites.arrivals(f"/{site}/"))
    r, _ = search(ps, admin, site)
    assert len(sites.arrivals(f"/{site}/")) == before + 1
    assert r.headers["X-Indexers-Failed"] == "0"
    assert from_indexer(r.json(), name) == [] and by_hash(r.json(), H_STEADY)
    assert rows(ps, admin)[name].get("last_error") is None


# (site, mode, fixture options, the last_error it must leave)
FAILURES = [
    ("yts", "malformed", {}, "YTS: malformed JSON: not valid JSON"),
    ("eztv", "malformed", {}, "EZTV: malformed JSON: not valid JSON"),
    ("rss", "malformed", {}, "feed: malformed XML at line 8, column 52: the document ends before its elements are closed"),
    ("yts", "error", {}, "YTS: Invalid parameter: limit must be between 1 and 50"),
    ("yts", "fail", {}, "YTS: HTTP 503 (the site is failing)"),
    ("eztv", "fail", {}, "EZTV: HTTP 503 (the site is failing)"),
    ("rss", "fail", {}, "feed: HTTP 503 (the site is failing)"),
    ("yts", "challenge", {"status": 403}, "YTS: challenge page (Cloudflare) — cannot read results"),
    ("eztv", "challenge", {"status": 503}, "EZTV: challenge page (Cloudflare) — cannot read results"),
    ("rss", "challenge", {"status": 200}, "feed: challenge page (Cloudflare) — cannot read results"),
    ("yts", "ok", {"delay": 3}, "YTS: no answer within 1 s (indexers.timeout_ms); left out of the results"),
    ("eztv", "ok", {"delay": 3}, "EZTV: no answer within 1 s (indexers.timeout_ms); left out of the results"),
    ("rss", "ok", {"delay": 3}, "feed: no answer within 1 s (indexers.timeout_ms); left out of the results"),
]


@pytest.mark.parametrize("site, mode, options, message", FAILURES,
                         ids=[f"{s}-{'timeout' if o.get('delay') else m}" for s, m, o, _ in FAILURES])
def test_a_failing_site_says_why_and_the_others_still_answer(ps, admin, ids, sites, site, mode, options, message):
    name = NAMES[site]
    sql(ps, "UPDATE indexers SET last_error = NULL WHERE name = ?", name)
    sites.site(site, mode, **options)
    before = len(sites.arrivals(f"/{site}/"))
    r, elapsed = search(ps, admin, site)
    assert len(sites.arrivals(f"/{site}/")) == before + 1   # asked once (no retries), and it answered this way
    if options.get("delay"):   # held exactly until the deadline, not for the site's 3 s
        assert TIMEOUT_MS / 1000 - 0.1 < elapsed < TIMEOUT_MS / 1000 + 1.5, f"the search took {elapsed:.2f}s"
    else:   # a quick failure is not waited on until the deadline
        assert elapsed < TIMEOUT_MS / 1000, f"the search took {elapsed:.2f}s"
    assert r.headers["X-Indexers-Failed"] == "1"
    releases = r.json()
    assert from_indexer(releases, name) == []   # no garbage from a page that is not results
    assert all("Cut off" not in x["title"] and "Just a moment" not in x["title"] for x in releases)
    by_hash(releases, H_STEADY)   # the others' results are there
    others = {"yts": ["feed"], "eztv": ["feed"], "rss": ["YTS"]}[site]
    assert all(from_indexer(releases, o) for o in others), [x["indexer"] for x in releases]
    assert rows(ps, admin)[name].get("last_error") == message


def test_a_site_that_recovers_clears_its_error(ps, admin, ids, sites):
    """After the failures above, a normal answer again gives results and a null last_error."""
    sites.site("yts", "fail")
    search(ps, admin, "yts")
    assert rows(ps, admin)["YTS"]["last_error"] == "YTS: HTTP 503 (the site is failing)"
    sites.site("yts")
    r, _ = search(ps, admin, "yts")
    assert len(from_indexer(r.json(), "YTS")) == 3 and rows(ps, admin)["YTS"].get("last_error") is None
