"""A local stand-in for indexers, answering in the sites' real formats: Torznab (caps from
Tests/Fixtures/indexers/torznab/caps.xml, searches as Jackett renders them: RSS 2.0 with
torznab:attr seeders/peers/infohash/magneturl) under /tz/<name>/api, and 1337x's HTML pages
(Tests/Fixtures/indexers/1337x) under /1337x/, YTS's JSON API under /yts/, EZTV's under /eztv/ and a
generic RSS feed at /rss/feed.xml (Tests/Fixtures/indexers/<site>). Each Torznab indexer, and each of
YTS, EZTV and the feed, can be made slow, failing (503) or walled (a Cloudflare challenge page); the
last three can also answer "no results" or a document cut off. Private-tracker feeds as Prowlarr renders
them (`prowlarr`: guid, comments and a .torrent link only, no magnet or info hash) link downloads under
/prowlarr/<name>/dl/<n> that answer with the .torrent or with a 302 to a magnet. Loopback only, on a free
port, in a thread."""
import re
import time
from xml.sax.saxutils import escape, quoteattr

from fixture_services import FIXTURES, FixtureServices


def torznab_feed(name, releases):
    """releases: (title, info hash, seeders, size_bytes[, magnet]) — rendered as Jackett does. The
    magnet, when given, is served as is (a local swarm's, or one with no tracker at all)."""
    items = []
    for title, info_hash, seeders, size, *given in releases:
        magnet = given[0] if given else f"magnet:?xt=urn:btih:{info_hash}&dn={title}&tr=udp%3A%2F%2Ftracker.example%3A1337%2Fannounce"
        items.append(f"""    <item>
      <title>{escape(title)}</title>
      <guid>http://127.0.0.1/{name}/{info_hash}</guid>
      <pubDate>Tue, 05 Oct 2021 12:34:56 +0000</pubDate>
      <size>{size}</size>
      <category>2000</category>
      <torznab:attr name="category" value="2000" />
      <torznab:attr name="seeders" value="{seeders}" />
      <torznab:attr name="peers" value="{seeders + 7}" />
      <torznab:attr name="infohash" value="{info_hash}" />
      <torznab:attr name="magneturl" value={quoteattr(magnet)} />
    </item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:torznab="http://torznab.com/schemas/2015/feed">
  <channel>
    <title>{escape(name)}</title>
    <description>Jackett torznab feed</description>
{chr(10).join(items)}
  </channel>
</rss>
""".encode()


def prowlarr_feed(name, base, releases):
    """releases: (title, seeders, size_bytes) — rendered as Prowlarr does for a private tracker: a guid
    and a comments URL on the tracker's site, the download link on Prowlarr's own address (with its
    API key), the same link as the enclosure; no magneturl, no infohash."""
    items = []
    for n, (title, seeders, size) in enumerate(releases):
        link = escape(f"{base}/prowlarr/{name}/dl/{n}?apikey=prowlarr-secret-key-0123456789&file={title}")
        items.append(f"""    <item>
      <title>{escape(title)}</title>
      <guid>https://private.example/torrents.php?id={4700 + n}</guid>
      <prowlarrindexer id="3" type="private">PrivateHD</prowlarrindexer>
      <comments>https://private.example/torrents.php?id={4700 + n}</comments>
      <pubDate>Tue, 05 Oct 2021 12:34:56 +0000</pubDate>
      <size>{size}</size>
      <link>{link}</link>
      <category>2000</category>
      <enclosure url="{link}" length="{size}" type="application/x-bittorrent" />
      <torznab:attr name="category" value="2000" />
      <torznab:attr name="seeders" value="{seeders}" />
      <torznab:attr name="peers" value="{seeders + 3}" />
      <torznab:attr name="downloadvolumefactor" value="1" />
      <torznab:attr name="uploadvolumefactor" value="1" />
    </item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:torznab="http://torznab.com/schemas/2015/feed">
  <channel>
    <title>{escape(name)}</title>
    <description>Prowlarr torznab feed</description>
{chr(10).join(items)}
  </channel>
</rss>
""".encode()


# site -> (base path, the one address its provider asks under it)
SITE_ROUTES = {"yts": ("/yts/", "api/v2/list_movies.json"), "eztv": ("/eztv/", "api/get-torrents"), "rss": ("/rss/", "feed.xml")}


class FixtureIndexers(FixtureServices):
    """FixtureServices' server (arrivals, scripted faults, gzip) answering as indexers."""

    def __init__(self):
        self.indexers: dict[str, dict] = {}   # name -> {"releases": [...], "mode": ok|fail|challenge, "delay": s}
        self.sites = {name: {"mode": "ok", "delay": 0.0, "status": 200} for name in SITE_ROUTES}
        super().__init__()

    def site(self, name, mode="ok", delay=0.0, status=None):
        """How yts / eztv / rss answer from now on: ok | empty (the site's own "no results") |
        malformed (cut off mid-document) | error (YTS's status "error") | fail (503) | challenge
        (cloudflare.html with `status`, 403 by default, no cf-mitigated header: the page itself must
        give it away); after `delay` seconds. Returns the site's base URL."""
        self.sites[name] = {"mode": mode, "delay": delay, "status": status or (403 if mode == "challenge" else 200)}
        return f"http://127.0.0.1:{self.port}{SITE_ROUTES[name][0]}"

    def site_answer(self, name):
        spec = self.sites[name]
        if spec["delay"]:
            time.sleep(spec["delay"])
        mode, folder = spec["mode"], FIXTURES / "indexers" / name
        if mode == "fail":
            return 503, b"<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", {"Content-Type": "text/html"}
        if mode == "challenge":
            return spec["status"], (FIXTURES / "indexers/common/cloudflare.html").read_bytes(), {"Content-Type": "text/html; charset=UTF-8"}
        if name == "rss":
            feed = (folder / "feed.xml").read_bytes()
            body = {"ok": feed, "empty": re.sub(rb"\s*<item>.*?</item>", b"", feed, flags=re.S),
                    "malformed": feed[:feed.index(b"</title>", feed.index(b"<item>"))]}[mode]
            return 200, body, {"Content-Type": "application/rss+xml; charset=UTF-8"}
        ok = "list_movies.json" if name == "yts" else "get-torrents.json"
        if mode == "malformed" and name == "eztv":   # no such fixture: the real answer, cut off
            full = (folder / ok).read_bytes()
            body = full[:len(full) // 2]
        else:
            body = (folder / {"ok": ok, "empty": "empty.json", "malformed": "malformed.json", "error": "error.json"}[mode]).read_bytes()
        return 200, body, {"Content-Type": "application/json"}

    def torznab(self, name, releases=(), mode="ok", delay=0.0):
        self.indexers[name] = {"releases": list(releases), "mode": mode, "delay": delay}
        return f"http://127.0.0.1:{self.port}/tz/{name}"

    def prowlarr(self, name, releases):
        """A private tracker behind Prowlarr: releases are (title, seeders, size_bytes, download), where
        download is the .torrent's bytes or a magnet (its link then answers 302 to it)."""
        self.indexers[name] = {"releases": [r[:3] for r in releases], "mode": "ok", "delay": 0.0, "prowlarr": True,
                               "downloads": [r[3] for r in releases]}
        return f"http://127.0.0.1:{self.port}/tz/{name}"

    def prowlarr_download(self, path):
        """/prowlarr/<name>/dl/<n>: the .torrent, or a redirect to the magnet."""
        _, _, name, _, n = path.split("/")
        download = self.indexers[name]["downloads"][int(n)]
        if isinstance(download, str):
            return 302, b"", {"Location": download, "Content-Type": "text/plain"}
        return 200, download, {"Content-Type": "application/x-bittorrent"}

    @property
    def x1337_url(self):
        return f"http://127.0.0.1:{self.port}/1337x/"

    @property
    def rutracker_url(self):
        return f"http://127.0.0.1:{self.port}/rt/"

    def answer_request(self, method, path, query, headers, body):
        if path.startswith("/rt/forum/"):
            return self.rutracker_answer(method, path[len("/rt/forum/"):], headers, body)
        return super().answer_request(method, path, query, headers, body)

    def rutracker_answer(self, method, page, headers, body):
        """Rutracker's forum: login.php sets bb_session for the right credentials; other pages show
        the login form without it."""
        html = {"Content-Type": "text/html; charset=windows-1251"}
        if page == "login.php" and method == "POST":
            if b"login_username=rtuser" in body and b"login_password=rtsecretpw42" in body:
                return 302, b"", {"Location": "index.php", "Set-Cookie": "bb_ssl=1; path=/",
                                  "set-cookie": "bb_session=0-4242-abcdef; path=/; HttpOnly"}
            return 200, (FIXTURES / "indexers/rutracker/login.html").read_bytes(), html
        if "bb_session=0-4242-abcdef" not in headers.get("Cookie", ""):
            return 200, (FIXTURES / "indexers/rutracker/login.html").read_bytes(), html
        name = {"tracker.php": "search.html", "viewtopic.php": "topic.html"}.get(page)
        if name is None:
            return 404, b"not found", {"Content-Type": "text/plain"}
        return 200, (FIXTURES / f"indexers/rutracker/{name}").read_bytes(), html

    def answer(self, path, query):
        """(status, body, headers) in each site's format."""
        html = {"Content-Type": "text/html"}
        if path.startswith("/tz/"):
            return self.torznab_answer(path.split("/")[2], query)
        if path.startswith("/prowlarr/"):
            return self.prowlarr_download(path)
        for site, (base, route) in SITE_ROUTES.items():
            if path == base + route:
                return self.site_answer(site)
        if "category-search" in path:
            return 200, (FIXTURES / "indexers/1337x/search.html").read_bytes(), html
        if "/torrent/" in path:
            return 200, (FIXTURES / "indexers/1337x/detail.html").read_bytes(), html
        return 404, b"not found", {"Content-Type": "text/plain"}

    def torznab_answer(self, name, query):
        spec = self.indexers.get(name)
        if spec is None:
            return 404, b"no such indexer", {"Content-Type": "text/plain"}
        if spec["delay"]:
            time.sleep(spec["delay"])
        if spec["mode"] == "fail":
            return 503, b"<html><body>Service Unavailable</body></html>", {"Content-Type": "text/html"}
        if spec["mode"] == "challenge":
            return 403, (FIXTURES / "indexers/common/cloudflare.html").read_bytes(), {"Content-Type": "text/html", "cf-mitigated": "challenge"}
        if query.get("t") == "caps":
            return 200, (FIXTURES / "indexers/torznab/caps.xml").read_bytes(), {"Content-Type": "application/xml"}
        if spec.get("prowlarr"):
            return 200, prowlarr_feed(name, self.base, spec["releases"]), {"Content-Type": "application/rss+xml"}
        return 200, torznab_feed(name, spec["releases"]), {"Content-Type": "application/rss+xml"}
