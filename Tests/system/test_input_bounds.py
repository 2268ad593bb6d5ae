"""Strings from clients are bounded at the API (issue 11, defect 3): an over-long field is a 400
naming the field and its limit, answered before anything is hashed or written."""
import os

import pytest

from conftest import Stack, sql


@pytest.fixture(scope="module")
def big_body_stack():
    """The default body limit (1 MiB), so that a 900 KB field reaches the responder."""
    s = Stack({"LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000}).start()
    yield s
    s.stop()


def db_bytes(stack):
    data = stack.dir / "data"
    return sum(os.path.getsize(data / name) for name in ["lcars.db", "lcars.db-wal"] if (data / name).exists())


def test_a_900_kb_login_name_is_refused_at_once_and_stores_nothing(big_body_stack):
    s = big_body_stack
    before = db_bytes(s)
    for _ in range(3):
        r = s.api("POST", "/api/auth/login", json={"username": "x" * 900_000, "password": "whatever-1"}, timeout=10)
        assert r.status_code == 400, r.text[:200]
        error = r.json()["error"]
        assert error["code"] == "field_too_long" and error["details"] == {"field": "username", "max_length": 64}
    assert sql(s, "SELECT COUNT(*) FROM login_failures") == [(0,)]
    assert db_bytes(s) == before


def test_over_long_fields_write_nothing(big_body_stack):
    s = big_body_stack
    token = s.login()
    count = sql(s, "SELECT COUNT(*) FROM indexers")
    r = s.api("POST", "/api/indexers", token=token,
              json={"name": "Jackett", "indexer_type": "torznab", "url": "http://127.0.0.1:9/api", "api_key": "k" * 300_000})
    assert r.status_code == 400 and r.json()["error"]["message"] == "api_key is longer than 256 characters"
    assert sql(s, "SELECT COUNT(*) FROM indexers") == count
    r = s.api("POST", "/api/blocklist", token=token, json={"title": "Bad.Release", "reason": "r" * 500_000})
    assert r.status_code == 400 and r.json()["error"]["details"]["field"] == "reason"
    assert sql(s, "SELECT COUNT(*) FROM blocklist") == [(0,)]


def test_query_parameters_are_bounded(big_body_stack):
    s = big_body_stack
    token = s.login()
    r = s.api("GET", "/api/movies?search=" + "s" * 5000, token=token)
    assert r.status_code == 400 and r.json()["error"]["code"] == "field_too_long"
    r = s.api("GET", "/api/movies?search=" + "s" * 201, token=token)
    assert r.status_code == 400 and "200" in r.json()["error"]["message"]
