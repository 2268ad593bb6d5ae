"""A local stand-in for TMDB (/tmdb/3), MusicBrainz (/mb/ws/2) and the Cover Art Archive (/caa),
answering from Tests/Fixtures/<service>/ in the services' documented JSON formats. Loopback only,
on a free port, in a thread of the test process, so tests can script failures (`fail`) and read
what arrived (`requests`)."""
import gzip
import json
import pathlib
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "Fixtures"
TMDB_KEY = "test-tmdb-key"
PROLIFIC = "b2b2b2b2-0000-4000-8000-000000000002"


def fixture_bytes(service, name):
    return (FIXTURES / service / name).read_bytes()


class Arrival:
    def __init__(self, path, query, headers, client_port):
        self.time = time.monotonic()
        self.client_port = client_port   # one per connection: LCARS processes keep their own
        self.path = path
        self.query = query
        self.headers = headers


class LoopbackServer:
    """An HTTP server on a free loopback port, served from a daemon thread; subclasses give `_handler()`."""

    def __init__(self):
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class FixtureServices(LoopbackServer):
    def __init__(self):
        self.requests: list[Arrival] = []
        self.faults: list[tuple[str, dict]] = []   # (path prefix, fault), consumed in order
        self.tv_version = 1
        super().__init__()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def settings(self, rate_limit_ms=50):
        return {"LCARS_TMDB__BASE_URL": self.base + "/tmdb/3", "LCARS_TMDB__API_KEY": TMDB_KEY,
                "LCARS_TMDB__IMAGE_BASE_URL": self.base + "/tmdb-img/t/p",
                "LCARS_MUSICBRAINZ__BASE_URL": self.base + "/mb/ws/2", "LCARS_MUSICBRAINZ__COVER_ART_URL": self.base + "/caa",
                "LCARS_MUSICBRAINZ__RATE_LIMIT_MS": rate_limit_ms, "LCARS_HTTP__CONTACT": "tests@example.org",
                "LCARS_HTTP__RETRY_BASE_MS": 50, "LCARS_HTTP__TIMEOUT_MS": 1500}

    def fail(self, prefix, status=None, body=b"", headers=None, delay=0.0, times=1):
        """The next `times` requests whose path starts with `prefix` get this answer instead."""
        with self.lock:
            for _ in range(times):
                self.faults.append((prefix, {"status": status, "body": body, "headers": headers or {}, "delay": delay}))

    def clear(self):
        with self.lock:
            self.faults.clear()
            self.requests.clear()

    def arrivals(self, prefix):
        with self.lock:
            return [r for r in self.requests if r.path.startswith(prefix)]

    def _take_fault(self, path):
        with self.lock:
            for i, (prefix, fault) in enumerate(self.faults):
                if path.startswith(prefix):
                    return self.faults.pop(i)[1]
        return None

    # ---- routing -------------------------------------------------------------------------

    def answer_request(self, method, path, query, headers, body):
        """Subclasses that need the method, headers or body override this; these services only GET."""
        if method != "GET":
            return 405, {"error": "GET only"}, {}
        return self.answer(path, query)

    def answer(self, path, query):
        """(status, JSON-able body or raw bytes, extra headers) for a request."""
        if path.startswith("/tmdb/3/"):
            return self.tmdb(path[len("/tmdb/3"):], query)
        if path.startswith("/mb/ws/2/"):
            return self.musicbrainz(path[len("/mb/ws/2"):], query)
        if path.startswith("/tmdb-img/t/p/"):
            return self.image("tmdb/images", path.rsplit("/", 1)[1])
        if m := re.fullmatch(r"/caa/release-group/([0-9a-f-]+)/front-500", path):
            return self.image("coverartarchive", f"front_{m[1]}.jpg")
        if path.startswith("/caa/release-group/"):
            return self.file("coverartarchive", f"release_group_{path.rsplit('/', 1)[1]}")
        return 404, {"error": "no such fixture route"}, {}

    def image(self, folder, name):
        """An image fixture with the Content-Type its bytes say; 404 (as TMDB/CAA answer) when there is none."""
        f = FIXTURES / folder / name
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", name) or not f.is_file():
            return 404, {"error": "Not Found"}, {}
        data = f.read_bytes()
        return 200, data, {"Content-Type": "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"}

    def file(self, service, name, missing=None):
        f = FIXTURES / service / f"{name}.json"
        if f.exists():
            return 200, json.loads(f.read_text()), {}
        if missing:
            return 404, json.loads((FIXTURES / service / f"{missing}.json").read_text()), {}
        return 404, {"error": "Not Found"}, {}

    def tmdb(self, path, query):
        if query.get("api_key") != TMDB_KEY:
            return 401, json.loads((FIXTURES / "tmdb/error_401.json").read_text()), {}
        if path == "/search/movie":
            return self.file("tmdb", "search_movie")
        if path == "/search/tv":
            return self.file("tmdb", "search_tv")
        if m := re.fullmatch(r"/movie/(\d+)", path):
            return self.file("tmdb", f"movie_{m[1]}", missing="error_404")
        if m := re.fullmatch(r"/tv/(\d+)", path):
            return self.file("tmdb", f"tv_{m[1]}", missing="error_404")
        if m := re.fullmatch(r"/tv/(\d+)/season/(\d+)", path):
            name = f"tv_{m[1]}_season_{m[2]}"
            if self.tv_version == 2 and (FIXTURES / "tmdb" / f"{name}_v2.json").exists():
                name += "_v2"
            return self.file("tmdb", name, missing="error_404")
        return self.file("tmdb", "error_404")

    def musicbrainz(self, path, query):
        if query.get("fmt") != "json":
            return 400, {"error": "this fixture only speaks fmt=json"}, {}
        if path == "/artist" and "query" in query:
            return self.file("musicbrainz", "search_artist")
        if path == "/release-group" and "query" in query:
            return self.file("musicbrainz", "search_release_group")
        if path == "/release-group" and "artist" in query:
            return self.browse_release_groups(query)
        if path == "/release" and "release-group" in query:
            status, body, _ = self.file("musicbrainz", f"browse_releases_{query['release-group']}")
            return 200, body if status == 200 else {"release-count": 0, "release-offset": 0, "releases": []}, {}
        if m := re.fullmatch(r"/(artist|release|release-group)/([0-9a-f-]{36})", path):
            return self.file("musicbrainz", f"{m[1].replace('-', '_')}_{m[2]}", missing="error_404")
        return self.file("musicbrainz", "error_404")

    def browse_release_groups(self, query):
        artist = query["artist"]
        offset, limit = int(query.get("offset", 0)), min(int(query.get("limit", 25)), 100)
        if artist == PROLIFIC:
            groups = [{"id": "c9c9c9c9-0000-4000-8000-%012d" % i, "title": f"Symphony No. {i}", "primary-type": "Album",
                       "secondary-types": [], "first-release-date": f"{1950 + i % 70}-01-01", "disambiguation": ""}
                      for i in range(1, 151)]
        else:
            status, body, _ = self.file("musicbrainz", f"browse_release_groups_{artist}")
            if status != 200:
                return 404, {"error": "Not Found"}, {}
            groups = body["release-groups"]
        types = query.get("type")
        if types:
            wanted = set(types.lower().split("|"))
            groups = [g for g in groups if (g["primary-type"] or "").lower() in wanted]
        return 200, {"release-group-count": len(groups), "release-group-offset": offset,
                     "release-groups": groups[offset:offset + limit]}, {}

    def _handler(self):
        services = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                with services.lock:
                    services.requests.append(Arrival(parts.path, query, {k.lower(): v for k, v in self.headers.items()},
                                                     self.client_address[1]))
                fault = services._take_fault(parts.path)
                if fault:
                    time.sleep(fault["delay"])
                    if fault["status"] is None:   # a pure delay: then answer normally
                        fault = None
                if fault:
                    status, body, headers = fault["status"], fault["body"], fault["headers"]
                else:
                    status, body, headers = services.answer_request("GET", parts.path, query, self.headers, b"")
                self.send(status, body, headers)

            def do_POST(self):
                parts = urlsplit(self.path)
                body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
                with services.lock:
                    services.requests.append(Arrival(parts.path, {}, {k.lower(): v for k, v in self.headers.items()},
                                                     self.client_address[1]))
                self.send(*services.answer_request("POST", parts.path, {}, self.headers, body))

            def send(self, status, body, headers):
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                gzipped = "gzip" in self.headers.get("Accept-Encoding", "")
                if gzipped:
                    data = gzip.compress(data)
                try:
                    self.send_response(status)
                    if not any(k.lower() == "content-type" for k in headers):
                        self.send_header("Content-Type", "application/json")
                    if gzipped:
                        self.send_header("Content-Encoding", "gzip")
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass   # the client gave up (timeout tests)

        return Handler
