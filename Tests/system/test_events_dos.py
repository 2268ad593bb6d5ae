"""Issue 11: lcarsd's sockets under misuse by a local user. The events socket is 0666: half-sent
requests are closed after 10 s and connections over the cap (512) are turned away with 503, so
lcarsd keeps answering `ping`, the API's status and real event streams. The control socket has
the same limits; each control request carries a deadline; a 2 MB .torrent fits a frame.
Every wait is a client timeout well above what lcarsd promises, never a measured duration."""
import json
import re
import socket
import struct

from swarm import make_big_torrent
from test_daemon import frame, recv_exact
from test_downloads_api import open_events, read_events

HALF_SENT = 300


def events_sock(stack):
    return str(stack.dir / "data/run/lcarsd-events.sock")


def control_sock(stack):
    return str(stack.dir / "data/run/lcarsd.sock")


def connect(path, timeout=30):
    c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    c.connect(path)   # blocking: waits while the listen backlog is full instead of failing with EAGAIN
    c.settimeout(timeout)
    return c


def read_to_close(c):
    """Everything until the server closes; socket.timeout (30 s) if it never does."""
    data = b""
    while chunk := c.recv(4096):
        data += chunk
    return data


def call(path, cmd, args=None, timeout=10):
    with connect(path, timeout) as c:
        c.sendall(frame(json.dumps({"v": 1, "id": 1, "cmd": cmd, "args": args or {}}).encode()))
        return json.loads(recv_exact(c, struct.unpack(">I", recv_exact(c, 4))[0]))


def test_half_sent_requests_neither_stop_lcarsd_nor_stay_open(stack, admin_token):
    held = []
    try:
        for _ in range(HALF_SENT):
            c = connect(events_sock(stack))
            c.sendall(b"GET /api/events?ticket=x HTTP/1.1\r\nHost: lcars\r\n")   # the head never ends
            held.append(c)
        assert stack.cli("ping", check=False).returncode == 0
        status = stack.api("GET", "/api/system/status", token=admin_token).json()
        assert status["daemon"]["reachable"] is True
        _, stream = open_events(stack, admin_token)
        try:
            assert stream.status_code == 200
            assert read_events(stream, "system:status")[-1][0] == "system:status"
        finally:
            stream.close()
        # lcarsd hangs up on a half-sent request (10 s); the client would give up only after 30 s.
        for c in (held[0], held[-1]):
            assert read_to_close(c) == b""
    finally:
        for c in held:
            c.close()


def test_connections_over_the_cap_get_503_at_once(stack, admin_token):
    # The held connections are real, authorised streams: a connection that sent nothing would be
    # closed after 10 s, freeing its slot, however slowly a loaded machine opens the 512.
    request = f"GET /api/events HTTP/1.1\r\nHost: lcars\r\nAuthorization: Bearer {admin_token}\r\n\r\n".encode()
    held = []
    try:
        for _ in range(512):
            held.append(connect(events_sock(stack)))
            held[-1].sendall(request)
        assert recv_exact(held[0], 12) == b"HTTP/1.1 200" and recv_exact(held[-1], 12) == b"HTTP/1.1 200"
        extra = connect(events_sock(stack))
        answer = read_to_close(extra)
        assert answer.startswith(b"HTTP/1.1 503 ") and b'"code":"unavailable"' in answer
        assert stack.cli("ping", check=False).returncode == 0
        assert call(control_sock(stack), "status")["ok"] is True
    finally:
        for c in held:
            c.close()


def test_a_half_sent_control_frame_is_closed(stack):
    with connect(control_sock(stack)) as c:
        c.sendall(struct.pack(">I", 100) + b'{"v":1')
        assert read_to_close(c) == b""
    assert call(control_sock(stack), "ping")["ok"] is True


def test_an_expired_request_is_not_run(stack):
    magnet = "magnet:?xt=urn:btih:" + "e" * 40 + "&dn=expired"
    with connect(control_sock(stack)) as c:
        c.sendall(frame(json.dumps({"v": 1, "id": 3, "cmd": "downloads.add", "args": {"magnet": magnet},
                                    "deadline_ms": 1000}).encode()))   # long past
        late = json.loads(recv_exact(c, struct.unpack(">I", recv_exact(c, 4))[0]))
    assert late["ok"] is False and late["error"]["code"] == "expired"
    added = call(control_sock(stack), "downloads.add", {"magnet": magnet})
    assert added["ok"] is True and added["result"]["name"] == "expired"


def test_a_large_torrent_is_added_over_the_socket_and_refused_clearly_as_an_upload(stack, admin_token, tmp_path):
    torrent = make_big_torrent(tmp_path)
    assert len(torrent.data) > 1_500_000   # base64: over the old 1 MiB frame limit
    answer = call(control_sock(stack), "downloads.add", {"torrent": torrent.base64}, timeout=30)
    assert answer["ok"] is True, answer
    assert answer["result"]["info_hash"] == torrent.info_hash
    # Through the API an upload that large is refused by nginx first, saying so (not 503).
    r = stack.api("POST", "/api/downloads", token=admin_token, json={"torrent": torrent.base64})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"


def test_nginx_events_location_connects_quickly(stack):
    site = (stack.dir / "data/nginx/lcars-site.conf").read_text()
    events = re.search(r"location = /api/events \{(.*?)\}", site, re.S).group(1)
    assert re.search(r"^\s*proxy_connect_timeout 5s;", events, re.M)
