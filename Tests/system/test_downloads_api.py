"""/api/downloads and /api/events through nginx + the pool + lcarsd: bad input, roles, the daemon
being down, and the event stream's authentication. Real transfers are in test_downloads_swarm.py."""
import base64
import json
import sqlite3
import time

import requests


def download_rows(stack):
    with sqlite3.connect(stack.dir / "data/lcars.db") as db:
        return db.execute("SELECT COUNT(*) FROM downloads").fetchone()[0]


def error_code(r):
    return r.json()["error"]["code"]


def test_bad_adds_are_refused_and_nothing_is_written(stack, admin_token):
    before = download_rows(stack)
    cases = [
        ({"magnet": "magnet:?xt=urn:btih:zzzz"}, 400, "invalid_magnet"),
        ({"magnet": "http://example.invalid/file.torrent"}, 400, "invalid_magnet"),
        ({"magnet": ""}, 400, "invalid_magnet"),
        ({"magnet": "magnet:?xt=urn:btih:" + "0" * 40}, 400, "invalid_magnet"),
        ({"torrent": "%%% not base64 %%%"}, 400, "invalid_torrent"),
        ({"torrent": base64.b64encode(b"d8:announce3:foo4:info").decode()}, 400, "invalid_torrent"),   # truncated bencode
        ({"torrent": base64.b64encode(b"\x00" * 300).decode()}, 400, "invalid_torrent"),
        ({"magnet": "magnet:?xt=urn:btih:" + "a" * 40, "torrent": "AAAA"}, 400, "invalid_argument"),
        ({}, 400, "invalid_argument"),
        ({"magnet": 42}, 422, "validation_failed"),
        ({"magnet": "magnet:?xt=urn:btih:" + "a" * 40, "media_type": "movie"}, 422, "validation_failed"),
        ({"magnet": "magnet:?xt=urn:btih:" + "a" * 40, "media_type": "film", "media_id": 1}, 422, "validation_failed"),
        ({"magnet": "magnet:?xt=urn:btih:" + "a" * 40, "media_type": "movie", "media_id": 999999}, 404, "not_found"),
        ({"magnet": "magnet:?xt=urn:btih:" + "a" * 40, "seed_ratio_limit": -1}, 400, "invalid_argument"),
    ]
    for body, status, code in cases:
        r = stack.api("POST", "/api/downloads", token=admin_token, json=body)
        assert (r.status_code, error_code(r)) == (status, code), (body, r.text)
        assert r.json()["error"]["message"], body
    r = stack.api("POST", "/api/downloads", token=admin_token, data=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and error_code(r) == "malformed_json"
    # The parser's own reason reaches the user.
    r = stack.api("POST", "/api/downloads", token=admin_token, json={"magnet": "magnet:?xt=urn:btih:zzzz"})
    message = r.json()["error"]["message"]
    # said once (the structure issue): what, which input, what to do
    assert message.lower().count("invalid magnet link") == 1 and "xt=urn:btih:zzzz" in message, message
    assert download_rows(stack) == before


def test_unknown_ids_and_filters(stack, admin_token):
    for method, path in [("GET", "/api/downloads/999999"), ("DELETE", "/api/downloads/999999"),
                         ("POST", "/api/downloads/999999/pause"), ("POST", "/api/downloads/999999/resume"),
                         ("POST", "/api/downloads/999999/retry"), ("GET", "/api/downloads/999999/files"),
                         ("GET", "/api/downloads/abc"), ("POST", "/api/downloads/0/pause")]:
        r = stack.api(method, path, token=admin_token)
        assert r.status_code == 404 and error_code(r) == "not_found", (method, path, r.text)
    r = stack.api("GET", "/api/downloads?status=sleeping", token=admin_token)
    assert r.status_code == 400 and "queued, downloading" in r.json()["error"]["message"]
    assert stack.api("GET", "/api/downloads?status=failed", token=admin_token).json() == []
    r = stack.api("DELETE", "/api/downloads/1?delete_files=maybe", token=admin_token)
    assert r.status_code == 400


def test_roles_and_login(stack, admin_token):
    assert stack.api("GET", "/api/downloads").status_code == 401
    assert stack.api("POST", "/api/events/ticket").status_code == 401
    user = stack.login_new_user(admin_token, "dl-user", "download-user-pw")
    assert stack.api("GET", "/api/downloads", token=user).status_code == 200
    r = stack.api("DELETE", "/api/downloads/1", token=user)
    assert r.status_code == 403


def test_system_status_reports_daemon_downloads_and_vpn(stack, admin_token):
    body = stack.api("GET", "/api/system/status", token=admin_token).json()
    assert body["daemon"]["reachable"] is True
    assert set(body["downloads"]) == {"active", "queued", "seeding"}
    # No bind_interface: default routing, reported as connected by lcarsd (not a placeholder).
    assert body["vpn"] == {"enabled": False, "interface": "", "connected": True, "addresses": [], "bound": True}


def open_events(stack, token, timeout=10):
    r = stack.api("POST", "/api/events/ticket", token=token)
    assert r.status_code == 201, r.text
    ticket = r.json()
    assert ticket["url"] == "/api/events?ticket=" + ticket["ticket"] and ticket["expires_at"].endswith("Z")
    return ticket, requests.get(stack.base_url + ticket["url"], stream=True, timeout=timeout)


def read_events(response, want, timeout=15):
    """Reads SSE frames until an event named `want` arrives; returns (name, data) pairs read."""
    seen = []
    deadline = time.monotonic() + timeout
    name = None
    for raw in response.iter_lines(decode_unicode=True):
        if raw.startswith("event: "):
            name = raw[7:]
        elif raw.startswith("data: "):
            seen.append((name, json.loads(raw[6:])))
            if name == want:
                return seen
        if time.monotonic() > deadline:
            break
    raise AssertionError(f"no {want} event within {timeout}s; saw {[n for n, _ in seen]}")


def test_event_stream_needs_a_fresh_ticket(stack, admin_token):
    ticket, stream = open_events(stack, admin_token)
    try:
        assert stream.status_code == 200
        assert stream.headers["Content-Type"].startswith("text/event-stream")
        events = read_events(stream, "system:status")
        status = events[-1][1]
        assert status["vpn_connected"] is True and status["active_downloads"] >= 0
    finally:
        stream.close()
    # One use only; no ticket; a forged one; the login token in the URL is not accepted either.
    for url in [ticket["url"], "/api/events", "/api/events?ticket=forged", f"/api/events?ticket={admin_token}"]:
        r = requests.get(stack.base_url + url, timeout=5)
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized", url
    # An Authorization header works too (curl, fetch-based clients).
    with requests.get(stack.base_url + "/api/events", headers={"Authorization": f"Bearer {admin_token}"},
                      stream=True, timeout=10) as r:
        assert r.status_code == 200


def test_daemon_down_means_503_not_a_hang(make_stack):
    s = make_stack({"LCARS_DAEMON__IPC_TIMEOUT_MS": 500})
    token = s.login()
    s.stop_daemon()
    magnet = "magnet:?xt=urn:btih:" + "b" * 40
    for method, path, body in [("POST", "/api/downloads", {"magnet": magnet}), ("POST", "/api/downloads/1/pause", None),
                               ("DELETE", "/api/downloads/1", None)]:
        started = time.monotonic()
        r = s.api(method, path, token=token, json=body)
        assert r.status_code == 503 and error_code(r) == "daemon_unavailable", r.text
        assert time.monotonic() - started < 5
    assert s.api("GET", "/api/downloads", token=token).status_code == 200    # reads need no daemon
    status = s.api("GET", "/api/system/status", token=token).json()
    assert status["daemon"]["reachable"] is False and status["vpn"]["connected"] is None
    # The event stream is lcarsd's: nginx answers 502 when it is gone, and the pool is untouched.
    r = s.api("POST", "/api/events/ticket", token=token)
    assert r.status_code == 201
    assert requests.get(s.base_url + r.json()["url"], timeout=5).status_code == 502


def test_a_client_that_stops_reading_is_dropped_not_waited_for(stack, admin_token):
    """A stream client that never reads: lcarsd keeps answering everyone else and, once that
    client's unsent data passes the limit, disconnects it instead of buffering without bound."""
    import socket as sk
    path = str(stack.dir / "data/run/lcarsd-events.sock")
    slow = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    slow.setsockopt(sk.SOL_SOCKET, sk.SO_RCVBUF, 4096)
    slow.connect(path)
    slow.sendall(f"GET /api/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {admin_token}\r\n\r\n".encode())
    name = "x" * 2000    # big download:added events fill the buffers quickly
    slowest = 0.0
    try:
        for i in range(400):   # bounded: about 400 adds and removes
            magnet = f"magnet:?xt=urn:btih:{i + 1:040x}&dn={name}{i}"
            started = time.monotonic()
            r = stack.api("POST", "/api/downloads", token=admin_token, json={"magnet": magnet})
            assert r.status_code == 201, r.text
            slowest = max(slowest, time.monotonic() - started)
            assert stack.api("DELETE", f"/api/downloads/{r.json()['id']}", token=admin_token).status_code == 200
        assert slowest < 2.0, f"an add took {slowest:.2f}s while a client was not reading"
        # Now read: what was sent before the drop, then end of stream (the daemon closed it).
        slow.settimeout(10)
        received = 0
        while chunk := slow.recv(65536):
            received += len(chunk)
            assert received < 64 * 1024 * 1024
        assert 0 < received < 400 * 2 * len(name), received
    finally:
        slow.close()
    assert stack.cli("ping").returncode == 0


def test_the_activity_row_of_an_add_names_who_added_it(stack, admin_token):
    me = stack.api("GET", "/api/auth/me", token=admin_token).json()
    r = stack.api("POST", "/api/downloads", token=admin_token, json={"magnet": "magnet:?xt=urn:btih:" + "9" * 40 + "&dn=whose"})
    assert r.status_code == 201, r.text
    with sqlite3.connect(stack.dir / "data/lcars.db") as db:
        row = db.execute("SELECT user_id FROM activity WHERE event_type = 'download_added' AND download_id = ?", (r.json()["id"],)).fetchone()
    assert row == (me["id"],)
