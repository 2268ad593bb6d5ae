"""The API keeps its contract: schemathesis (4) generates requests for every operation of the document
the stack serves at GET /api/openapi.json and sends them to the real stack (nginx → pool → lcarsd),
whose TMDB, MusicBrainz, Cover Art Archive and indexers are the local fixture servers (the public
indexers point at them too, and are off). Every answer must be one the document lists for that
operation, with a body matching its schema: so no 500 anywhere, and 502–504 only where an outside
service is reached. Schema-invalid requests (the negative pass) must be refused with a 4xx.

Bounded: at most EXAMPLES requests per operation and mode, a fixed seed (derandomized Hypothesis, no
example database), no shrinking. Calls that would end the run are steered, not skipped: logins never
use the admin's name (no failed-login count for it), logout gets a session of its own, changes and
deletes of the admin's account go to a throwaway account instead, and indexer URLs always point at
the fixture server (nothing leaves loopback)."""
import json
import os
import time

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (content_type_conformance, negative_data_rejection,
                                               response_headers_conformance, response_schema_conformance,
                                               status_code_conformance)

from conftest import Stack

# CONTRACT_EXAMPLES and CONTRACT_SEED widen a run by hand (more examples, another seed) to look for more.
EXAMPLES = int(os.environ.get("CONTRACT_EXAMPLES", "25"))
SEED = os.environ.get("CONTRACT_SEED")
STAR_TREK, SHOW, PILOTS = 13475, 4242, "a1a1a1a1-0000-4000-8000-000000000001"
# lcarsd serves the event stream (an endless answer): its contract is test_daemon's and the browser tests'.
NOT_FUZZED = {("GET", "/api/events")}
# A refused request is a 4xx the document lists: nginx's 413/414 (body/URL too large) count too,
# a 5xx never does (schemathesis' default list accepts 5xx as a refusal).
CONFIG = SchemathesisConfig.from_dict({"checks": {"negative_data_rejection": {
    "expected-statuses": [400, 401, 403, 404, 405, 409, 410, 413, 414, 422, 429]}}})
CHECKS = [status_code_conformance, content_type_conformance, response_headers_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def contract(services, indexer_sites):
    stack = Stack({**services.settings(), "LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000,
                   "LCARS_HTTP__RETRIES": 0,
                   "LCARS_INDEXERS__TIMEOUT_MS": 1500, "LCARS_INDEXERS__MIN_INTERVAL_MS": 0}).start()
    try:
        yield Contract(stack, indexer_sites)
    finally:
        stack.stop()


class Contract:
    """The stack, a library to find, the served document, and the steering of dangerous calls."""

    def __init__(self, stack, sites):
        self.stack, self.sites = stack, sites
        self.token = stack.login()
        self.admin_id = self.call("GET", "/api/auth/me").json()["id"]
        self.feed_url = sites.torznab("contract", releases=[("Star.Trek.2009.1080p.BluRay.x264-GRP", "ab" * 20, 50, 8_000_000_000)])
        self.throwaway_id = None
        self.seed_library()
        served = requests.get(stack.base_url + "/api/openapi.json", timeout=10)
        assert served.status_code == 200 and served.headers["Content-Type"] == "application/json", served.text[:300]
        self.document = served.json()
        # Positive requests aim at the rows that exist; negative ones get the document as served.
        self.schemas = {GenerationMode.POSITIVE: schemathesis.openapi.from_dict(self.narrowed(self.document), config=CONFIG),
                        GenerationMode.NEGATIVE: schemathesis.openapi.from_dict(self.document, config=CONFIG)}
        for schema in self.schemas.values():
            schema.config.update(base_url=stack.base_url)

    def call(self, method, path, **kwargs):
        return self.stack.api(method, path, token=self.token, **kwargs)

    def seed_library(self):
        """Something for the ids to find: the fixture indexers, a movie, a show, an artist with an
        album whose tracks are loaded, a download (a magnet without trackers: it never connects),
        a blocklist entry and a second user."""
        for row in self.call("GET", "/api/indexers").json():
            url = {"1337x": self.sites.x1337_url, "Rutracker": self.sites.rutracker_url,
                   "YTS": self.sites.site("yts"), "EZTV": self.sites.site("eztv")}.get(row["name"], self.feed_url)
            assert self.call("PUT", f"/api/indexers/{row['id']}", json={"url": url, "enabled": False}).status_code == 200
        r = self.call("POST", "/api/indexers", json={"name": "contract", "indexer_type": "torznab", "url": self.feed_url,
                                                     "api_key": "contract-key-0123456789", "categories": ["movies", "tv", "music"]})
        assert r.status_code == 201, r.text
        for path, body in [("/api/movies", {"tmdb_id": STAR_TREK}), ("/api/tv", {"tmdb_id": SHOW}), ("/api/artists", {"mbid": PILOTS})]:
            r = self.call("POST", path, json=body, timeout=30)
            assert r.status_code == 201, r.text
        albums = self.call("GET", "/api/albums").json()["items"]
        for album in albums:
            assert self.call("GET", f"/api/albums/{album['id']}", timeout=30).status_code == 200
        r = self.call("POST", "/api/downloads", json={"magnet": "magnet:?xt=urn:btih:" + "cd" * 20 + "&dn=Contract.2024.1080p"})
        assert r.status_code == 201, r.text
        r = self.call("POST", "/api/blocklist", json={"title": "Bad.Release.2020.1080p-NOPE", "info_hash": "ef" * 20})
        assert r.status_code == 201, r.text
        self.throwaway()

    def throwaway(self) -> int:
        """A user account the run may change or delete (made again when it is gone)."""
        if self.throwaway_id and self.call("GET", f"/api/users/{self.throwaway_id}").status_code == 200:
            return self.throwaway_id
        name = f"throwaway{int(time.monotonic() * 1000) % 10**9}"
        r = self.call("POST", "/api/users", json={"username": name, "password": "throwaway-pw", "role": "user"})
        assert r.status_code == 201, r.text
        self.throwaway_id = r.json()["id"]
        return self.throwaway_id

    @staticmethod
    def narrowed(document):
        """The served document with the path ids narrowed to the few rows that exist, so that
        generated requests find items rather than 404 (for the positive pass only)."""
        doc = json.loads(json.dumps(document))
        params = doc["components"]["parameters"]
        params["Id"]["schema"]["maximum"] = 6
        params["Season"]["schema"]["maximum"] = 3
        params["Episode"]["schema"]["maximum"] = 4
        return doc

    @staticmethod
    def negated(case, location) -> bool:
        """Whether the negative pass made this part of the request invalid on purpose (for the
        headers: a missing or malformed Authorization, which must then stay as generated)."""
        components = case.meta.components if case.meta else {}
        return any(str(where.value) == location and info.mode == GenerationMode.NEGATIVE for where, info in components.items())

    def steer(self, case) -> dict:
        """Makes a generated call safe for the rest of the run; returns the headers to send."""
        method, path = case.method.upper(), case.operation.path
        headers = {} if self.negated(case, "header") else {"Authorization": f"Bearer {self.token}"}
        body = case.body if isinstance(case.body, dict) else None
        if path == "/api/auth/login" and body and isinstance(body.get("username"), str) and body["username"].lower() == "admin":
            body["username"] = "not-the-admin"
        elif path == "/api/auth/logout" and headers:
            headers["Authorization"] = f"Bearer {self.stack.login()}"
        elif path == "/api/users/{id}" and method in ("PUT", "DELETE") and str(case.path_parameters.get("id")) == str(self.admin_id):
            case.path_parameters["id"] = self.throwaway()
        elif path.startswith("/api/indexers") and body and "url" in body:
            body["url"] = self.feed_url
        return headers


# The deterministic checks come first (pytest keeps file order): every seeded row still exists.

def fill(path) -> str:
    return path.replace("{season}", "1").replace("{episode}", "1").replace("{id}", "1")


def error_code(response):
    assert response.headers.get("Content-Type", "").startswith("application/json"), response.text[:200]
    body = response.json()
    assert set(body) == {"error"} and {"code", "message"} <= set(body["error"]), body
    return body["error"]["code"]


def test_methods_a_path_does_not_have_are_405_with_allow(contract):
    """Every documented path answers the methods it lacks with 405 and `Allow` naming the ones it has."""
    for path, item in contract.document["paths"].items():
        if path == "/api/events":
            continue   # lcarsd's: the next test
        documented = {m.upper() for m in item if m in ("get", "post", "put", "delete", "patch")}
        for method in sorted({"GET", "POST", "PUT", "DELETE", "PATCH"} - documented):
            r = contract.call(method, fill(path), json={})
            assert r.status_code == 405, f"{method} {path}: {r.status_code} {r.text[:200]}"
            assert error_code(r) == "method_not_allowed"
            allow = r.headers.get("Allow", "")
            assert set(allow.replace(" ", "").split(",")) == documented, f"{method} {path}: Allow: {allow!r}"


def test_the_event_stream_answers_other_methods_405_with_allow(contract):
    """lcarsd's event server, through nginx (it sent its 405 without Allow)."""
    r = contract.call("POST", "/api/events", json={})
    assert r.status_code == 405 and error_code(r) == "method_not_allowed"
    assert r.headers.get("Allow") == "GET", r.headers


def test_nginx_refusals_are_json_too(contract):
    """A URL over nginx's 8 KB is 414 in the API's error shape (it was nginx's HTML page); TRACE
    never reaches the API, and nginx's own 405 (TRACE, a POST to a static file) is JSON too."""
    r = contract.call("GET", "/api/parse?title=" + "%C3%A9" * 2000)
    assert r.status_code == 414 and error_code(r) == "uri_too_long", r.text[:200]
    for method, path in (("TRACE", "/api/movies"), ("TRACE", "/"), ("POST", "/index.html")):
        r = contract.call(method, path)
        assert r.status_code == 405 and error_code(r) == "method_not_allowed", (method, path, r.text[:200])
        assert r.headers["X-Content-Type-Options"] == "nosniff"


def test_bodies_that_are_not_json_are_400(contract):
    """Every operation with a JSON body refuses one that is not JSON (or missing) with 400 malformed_json."""
    for path, item in contract.document["paths"].items():
        for method, op in item.items():
            if method not in ("post", "put") or "requestBody" not in op:
                continue
            for data in (b"{not json", b""):
                r = contract.stack.api(method.upper(), fill(path), token=contract.token, data=data,
                                       headers={"Content-Type": "application/json"})
                assert r.status_code == 400 and error_code(r) == "malformed_json", f"{method} {path} {data!r}: {r.status_code} {r.text[:200]}"


def test_admin_operations_refuse_a_user_with_403(contract):
    """What the document marks admin-only (it lists 403) answers a `user` 403; nothing else does."""
    name = f"contractuser{int(time.monotonic() * 1000) % 10**9}"
    user = contract.stack.login_new_user(contract.token, name, "contract-user-pw")
    for path, item in contract.document["paths"].items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "delete") or (method.upper(), path) in NOT_FUZZED or op.get("security") == []:
                continue
            if path == "/api/auth/logout":
                continue
            r = contract.stack.api(method.upper(), fill(path), token=user, json={}, timeout=30)
            assert (r.status_code == 403) == ("403" in op["responses"]), f"{method.upper()} {path} as a user: {r.status_code} {r.text[:200]}"


def operations():
    """(method, path) of every operation in docs/openapi.yaml, in document order (deletes last,
    so the rows the other calls look for exist as long as possible)."""
    import pathlib
    import yaml
    doc = yaml.safe_load((pathlib.Path(__file__).resolve().parents[2] / "docs/openapi.yaml").read_text())
    ops = [(method.upper(), path) for path, item in doc["paths"].items()
           for method in item if method in ("get", "post", "put", "delete") and (method.upper(), path) not in NOT_FUZZED]
    return sorted(ops, key=lambda op: op[0] == "DELETE")


def run(contract, method, path, mode):
    operation = contract.schemas[mode][path][method]
    strategy = operation.as_strategy(generation_mode=mode)
    checks = CHECKS + ([negative_data_rejection] if mode == GenerationMode.NEGATIVE else [])

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=SEED is None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), report_multiple_bugs=False)
    @given(case=strategy)
    def example(case):
        headers = contract.steer(case)
        response = case.call(headers=headers, timeout=20)
        assert response.status_code != 500, f"{method} {path} → 500:\n{case.as_curl_command(headers)}\n{response.text[:500]}"
        case.validate_response(response, checks=checks, headers=headers)

    if SEED is not None:
        example = seed(int(SEED))(example)
    example()


def has_inputs(contract, method, path) -> bool:
    item = contract.document["paths"][path]
    return bool(item.get("parameters") or item[method.lower()].get("parameters") or item[method.lower()].get("requestBody"))


@pytest.mark.parametrize("method,path", operations(), ids=[f"{m} {p}" for m, p in operations()])
def test_operation_keeps_the_contract(contract, method, path):
    run(contract, method, path, GenerationMode.POSITIVE)
    if has_inputs(contract, method, path):
        run(contract, method, path, GenerationMode.NEGATIVE)


def test_what_the_contract_run_found_stays_fixed(contract):
    """What the contract run found: blocklist titles with a NUL or over their bound in code points (a 500: the
    table's CHECK failed), an unbounded blocklist `indexer` and a `media_id` of 0 (both stored), an
    unknown parameter of GET /api/parse and of GET /api/downloads (ignored), and a metadata search for a blank text (a form feed
    or line break: sent to TMDB / MusicBrainz)."""
    r = contract.call("POST", "/api/blocklist", json={"title": "Long.Indexer.2020", "indexer": "x" * 201})
    assert r.status_code == 422 and "indexer" in r.json()["error"]["message"], r.text
    r = contract.call("POST", "/api/blocklist", json={"title": "Zero.Media.2020", "media_type": "movie", "media_id": 0})
    assert r.status_code == 422 and "media_id" in r.json()["error"]["message"], r.text
    assert contract.call("POST", "/api/blocklist", json={"title": "Fine.Indexer.2020", "indexer": "x" * 200}).status_code == 201
    # Titles the table's CHECK (SQLite's length(): code points, up to a NUL) refused: those were 500s.
    for title in ("\u0000" + "\u00fd", "Title.With.A\u0000Nul"):
        r = contract.call("POST", "/api/blocklist", json={"title": title})
        assert r.status_code == 422 and "title" in r.json()["error"]["message"], (title[:20], r.text)
    # Bounds count code points, as the document's maxLength does: 600 of them in 300 letters is over 512.
    r = contract.call("POST", "/api/blocklist", json={"title": "e\u0301" * 300})
    assert r.status_code == 400 and error_code(r) == "field_too_long", r.text
    r = contract.call("GET", "/api/parse?title=Some.Movie.2020.1080p&tpye=video")
    assert r.status_code == 400 and "tpye" in r.json()["error"]["message"], r.text
    r = contract.call("GET", "/api/downloads?stauts=seeding")   # it was ignored: every download came back
    assert r.status_code == 400 and "stauts" in r.json()["error"]["message"], r.text
    for route in ("tmdb/movies", "tmdb/tv", "musicbrainz/artists", "musicbrainz/albums"):   # a blank text, not asked upstream
        r = contract.call("GET", f"/api/search/{route}?q=%0C%0A")
        assert r.status_code == 400 and error_code(r) == "bad_request", (route, r.text)
