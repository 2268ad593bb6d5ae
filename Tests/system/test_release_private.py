"""Private-tracker results through the real stack (nginx → pool → Torznab over HTTP → lcarsd): what
Prowlarr and Jackett return for private trackers carries a guid, a comments URL on the tracker's site
and only a .torrent link on Prowlarr's own address — no magnet, no info hash. Grabbing one fetches the
link (a real .torrent built here, v1, hybrid and v2-only; or a 302 to a magnet), checks the torrent's
hash against the blocklist, and hands it to lcarsd; the tracker's site is never asked. Passkeys in the
torrents' tracker URLs never appear in an answer. Public indexers are off; everything is on loopback."""
import pytest

from conftest import Stack, sql
from swarm import make_big_torrent, make_torrent

STAR_TREK = 13475
PASSKEY = "0123456789abcdef0123456789abcdef"
ANNOUNCE = f"http://127.0.0.1:1/announce/{PASSKEY}"   # a private tracker's announce URL (never reached)
PROWLARR_KEY = "prowlarr-secret-key-0123456789"
MAGNET_HASH = "6d" * 20


@pytest.fixture(scope="module")
def torrents(tmp_path_factory):
    """Real .torrent files with the passkey in their announce URL: name -> swarm.Torrent."""
    folder = tmp_path_factory.mktemp("private")
    made = {}
    for name, version in [("v1", "v1"), ("hybrid", "hybrid"), ("v2", "v2"), ("banned", "v1")]:
        content = folder / f"Star.Trek.2009.{name}.mkv"
        content.write_bytes(name.encode() * 40_000)
        made[name] = make_torrent(content, out=folder / f"{name}.torrent", trackers=[ANNOUNCE], version=version)
    made["large"] = make_big_torrent(folder)
    return made


@pytest.fixture(scope="module")
def sites(torrents):
    from fixture_indexers import FixtureIndexers
    s = FixtureIndexers().start()
    magnet = f"magnet:?xt=urn:btih:{MAGNET_HASH}&dn=Star.Trek.2009.720p&tr=" + ANNOUNCE.replace(":", "%3A").replace("/", "%2F")
    s.prowlarr("private", [
        ("Star.Trek.2009.1080p.BluRay.x264-V1", 50, 9_000_000_000, torrents["v1"].data),
        ("Star.Trek.2009.1080p.BluRay.x264-HYBRID", 40, 9_000_000_000, torrents["hybrid"].data),
        ("Star.Trek.2009.1080p.BluRay.x264-V2ONLY", 30, 9_000_000_000, torrents["v2"].data),
        ("Star.Trek.2009.1080p.BluRay.x264-BANNED", 20, 9_000_000_000, torrents["banned"].data),
        ("Star.Trek.2009.720p.WEB-DL.H264-MAGNET", 10, 3_000_000_000, magnet),
        ("Star.Trek.2009.720p.WEB-DL.H264-LARGE", 5, 3_000_000_000, torrents["large"].data),
    ])
    yield s
    s.stop()


@pytest.fixture(scope="module")
def ps(services, sites):
    s = Stack({**services.settings(), "LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000, "LCARS_HTTP__RETRIES": 0,
               "LCARS_INDEXERS__MIN_INTERVAL_MS": 0}).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def setup(ps, sites):
    """Every built-in site off; one Torznab indexer: the private tracker behind Prowlarr."""
    admin = ps.login()
    for row in ps.api("GET", "/api/indexers", token=admin).json():
        assert ps.api("PUT", f"/api/indexers/{row['id']}", token=admin, json={"enabled": False}).status_code == 200
    r = ps.api("POST", "/api/indexers", token=admin,
               json={"name": "private", "indexer_type": "torznab", "url": f"{sites.base}/tz/private", "api_key": PROWLARR_KEY})
    assert r.status_code == 201, r.text
    movie = ps.api("POST", "/api/movies", token=admin, json={"tmdb_id": STAR_TREK})
    assert movie.status_code == 201, movie.text
    found = ps.api("POST", f"/api/movies/{movie.json()['id']}/search", token=admin, timeout=30)
    assert found.status_code == 200, found.text
    return admin, movie.json()["id"], {x["title"].rsplit("-", 1)[1]: x for x in found.json()}


def grab(ps, setup, tag):
    admin, movie, releases = setup
    return ps.api("POST", f"/api/movies/{movie}/download", token=admin, json={"release_id": releases[tag]["id"]}, timeout=30)


def test_search_shows_the_links_masked(setup):
    releases = setup[2]
    assert sorted(releases) == ["BANNED", "HYBRID", "LARGE", "MAGNET", "V1", "V2ONLY"]
    for x in releases.values():
        assert x.get("magnet") is None and x.get("info_hash") is None and x["details_url"].startswith("https://private.example/")
        assert "/prowlarr/private/dl/" in x["download_url"] and PROWLARR_KEY not in x["download_url"]


@pytest.mark.parametrize("tag,version", [("V1", "v1"), ("HYBRID", "hybrid"), ("V2ONLY", "v2")])
def test_a_torrent_link_is_fetched_and_added(ps, setup, sites, torrents, tag, version):
    r = grab(ps, setup, tag)
    assert r.status_code == 201, r.text
    d = r.json()
    assert d["info_hash"] == torrents[version].info_hash and d["media_type"] == "movie"
    assert sql(ps, "SELECT media_id FROM downloads WHERE info_hash = ?", d["info_hash"]) == [(setup[1],)]
    assert sites.arrivals("/prowlarr/private/dl/")   # the link was fetched (the tracker's own page is not on loopback)
    assert PASSKEY not in r.text


def test_a_fetched_torrent_over_the_old_frame_limit_is_added(ps, setup, torrents):
    """A 1.7 MB .torrent (2.3 MB base64) was once refused by lcarsd's 1 MiB frame limit as a 503."""
    assert len(torrents["large"].data) > 1_500_000
    r = grab(ps, setup, "LARGE")
    assert r.status_code == 201, r.text
    assert r.json()["info_hash"] == torrents["large"].info_hash
    assert sql(ps, "SELECT COUNT(*) FROM downloads WHERE info_hash = ?", torrents["large"].info_hash) == [(1,)]


def test_a_blocklisted_torrent_is_refused_and_nothing_is_added(ps, setup, torrents):
    admin = setup[0]
    banned = torrents["banned"].info_hash
    r = ps.api("POST", "/api/blocklist", token=admin, json={"info_hash": banned, "title": "a name the feed never shows", "reason": "fake"})
    assert r.status_code == 201, r.text
    r = grab(ps, setup, "BANNED")
    assert r.status_code == 409 and r.json()["error"]["code"] == "blocklisted" and "fake" in r.json()["error"]["message"], r.text
    assert sql(ps, "SELECT COUNT(*) FROM downloads WHERE info_hash = ?", banned) == [(0,)]


def test_a_link_redirecting_to_a_magnet_adds_the_magnet(ps, setup):
    r = grab(ps, setup, "MAGNET")
    assert r.status_code == 201, r.text
    assert r.json()["info_hash"] == MAGNET_HASH
    assert sql(ps, "SELECT COUNT(*) FROM downloads WHERE info_hash = ?", MAGNET_HASH) == [(1,)]
    # The magnet keeps its passkey where lcarsd needs it, and never shows it.
    assert PASSKEY in sql(ps, "SELECT magnet FROM downloads WHERE info_hash = ?", MAGNET_HASH)[0][0]
    assert PASSKEY not in r.text


def test_no_answer_shows_a_passkey(ps, setup):
    admin = setup[0]
    listed = ps.api("GET", "/api/downloads", token=admin)
    assert listed.status_code == 200 and len(listed.json()) >= 4
    assert PASSKEY not in listed.text and "********cdef" in listed.text
    assert PROWLARR_KEY not in ps.api("GET", "/api/indexers", token=admin).text
