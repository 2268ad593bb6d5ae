"""lcarsd's control socket, and the API's behaviour when lcarsd is down."""
import json
import sqlite3
import socket
import struct

from conftest import REPO

# One migration per SQL file: the schema version a fresh stack must report.
# One migration per V*.sql file.
SCHEMA_VERSION = len(list((REPO / "Sources/Shared/Persistence/Migrations").glob("V*.sql")))

# Every SQL file under Migrations/ is one schema version.


def frame(payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + payload


def ipc(path, *frames, read=True):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
        c.settimeout(5)
        c.connect(str(path))
        for f in frames:
            c.sendall(f)
        if not read:
            return None
        answers = []
        for _ in frames:
            header = recv_exact(c, 4)
            if header is None:
                break
            answers.append(json.loads(recv_exact(c, struct.unpack(">I", header)[0])))
        return answers


def recv_exact(c, n):
    data = b""
    while len(data) < n:
        chunk = c.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def request(cmd, v=1, rid=7):
    return frame(json.dumps({"v": v, "id": rid, "cmd": cmd, "args": {}}).encode())


def sock(stack):
    return stack.dir / "data/run/lcarsd.sock"


def test_status_reports_daemon_and_database(stack, admin_token):
    body = stack.api("GET", "/api/system/status", token=admin_token).json()
    assert body["daemon"]["reachable"] is True and body["daemon"]["version"] == body["version"]
    with sqlite3.connect(stack.dir / "data/lcars.db") as db:
        applied = db.execute("SELECT COUNT(*) FROM grdb_migrations").fetchone()[0]
    assert body["uptime_seconds"] >= 0 and body["database_size_bytes"] > 0 and body["schema_version"] == applied == SCHEMA_VERSION
    assert set(body["downloads"]) == {"active", "queued", "seeding"}
    assert body["vpn"] == {"enabled": False, "interface": "", "connected": True, "addresses": [], "bound": True}
    mounts = {m["name"]: m for m in body["storage"]["mounts"]}
    assert mounts["nas"]["available"] is False and "disabled" in mounts["nas"]["error"]
    # lcarsd creates the default library directory (inside its data directory) at start.
    assert mounts["local"]["available"] is True and (stack.dir / "data/library").is_dir()


def test_status_counts_download_rows(make_stack):
    import sqlite3
    s = make_stack()
    db = sqlite3.connect(s.dir / "data/lcars.db")
    rows = [("a" * 40, "downloading"), ("b" * 40, "downloading"), ("c" * 40, "seeding"), ("d" * 40, "queued"), ("e" * 40, "failed")]
    db.executemany("INSERT INTO downloads (info_hash, name, media_type, media_id, magnet, status) VALUES (?, 'x', 'movie', 1, 'magnet:?', ?)", rows)
    db.commit()
    db.close()
    body = s.api("GET", "/api/system/status", token=s.login()).json()
    assert body["downloads"] == {"active": 2, "queued": 1, "seeding": 1}
    local = next(m for m in body["storage"]["mounts"] if m["name"] == "local")
    assert local["available"] is True and 0 < local["free_bytes"] <= local["total_bytes"]


def test_api_keeps_working_while_lcarsd_is_down(make_stack):
    s = make_stack()
    token = s.login()
    s.stop_daemon()
    r = s.api("GET", "/api/system/status", token=token, timeout=10)
    assert r.status_code == 200
    daemon = r.json()["daemon"]
    assert daemon["reachable"] is False and "not reachable" in daemon["error"]
    assert r.json()["uptime_seconds"] is None
    assert s.api("GET", "/api/auth/me", token=token).status_code == 200
    s.start_daemon()
    assert s.api("GET", "/api/system/status", token=token).json()["daemon"]["reachable"] is True


def test_ping_and_status_over_the_socket(stack):
    pong, status = ipc(sock(stack), request("ping", rid=1), request("status", rid=2))
    assert pong["ok"] and pong["id"] == 1 and pong["result"]["pong"] is True
    assert status["id"] == 2 and status["result"]["schema_version"] == SCHEMA_VERSION and status["result"]["pid"] > 0
    assert set(status["result"]["downloads"]) == {"active", "queued", "seeding"} and status["result"]["vpn"]["connected"] is True


def test_socket_mode_is_0660(stack):
    assert oct(sock(stack).stat().st_mode & 0o777) == "0o660"


def test_bad_requests_get_errors_and_the_connection_survives(stack):
    answers = ipc(sock(stack), frame(b"{garbage"), request("nope"), request("ping", v=99), request("ping"))
    assert [a["ok"] for a in answers] == [False, False, False, True]
    assert [a["error"]["code"] for a in answers[:3]] == ["bad_request", "unknown_command", "unsupported_version"]


def test_oversized_frame_is_refused_and_closed(stack):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
        c.settimeout(5)
        c.connect(str(sock(stack)))
        c.sendall(struct.pack(">I", 50 * 1024 * 1024) + b"x" * 100)
        answer = json.loads(recv_exact(c, struct.unpack(">I", recv_exact(c, 4))[0]))
        assert answer["error"]["code"] == "frame_too_large"
        assert c.recv(1) == b""  # closed by the daemon
    assert ipc(sock(stack), request("ping"))[0]["ok"]


def test_client_vanishing_mid_message_does_not_hurt(stack):
    for partial in [b"\x00\x00", struct.pack(">I", 100) + b'{"v":1', b"\xff" * 3]:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
            c.connect(str(sock(stack)))
            c.sendall(partial)
    assert ipc(sock(stack), request("ping"))[0]["ok"]
    assert stack.procs["lcarsd"].poll() is None


def test_second_daemon_refuses_to_start(stack):
    session_state = stack.dir / "data/torrent/session.state"
    before = session_state.stat().st_mtime_ns if session_state.exists() else None
    r = stack.cli("serve", check=False)
    assert r.returncode != 0 and "another lcarsd answers" in r.stderr
    assert ipc(sock(stack), request("ping"))[0]["ok"]
    # It refused before opening a torrent session or touching the sockets of the running one.
    assert (stack.dir / "data/run/lcarsd-events.sock").exists()
    assert (session_state.stat().st_mtime_ns if session_state.exists() else None) == before


def test_download_commands_refuse_bad_arguments(stack, admin_token):
    def call(cmd, args):
        payload = json.dumps({"v": 1, "id": 9, "cmd": cmd, "args": args}).encode()
        return ipc(sock(stack), frame(payload))[0]

    cases = [
        ("downloads.add", {"magnet": 5}, "invalid_argument"),
        ("downloads.add", {"magnet": "magnet:?xt=urn:btih:nothex"}, "invalid_magnet"),
        ("downloads.add", {"torrent": "!!!"}, "invalid_torrent"),
        ("downloads.add", {"magnet": "magnet:?xt=urn:btih:" + "e" * 40, "media": {"type": "movie", "id": 424242}}, "not_found"),
        ("downloads.get", {"id": "seven"}, "invalid_argument"),
        ("downloads.get", {}, "invalid_argument"),
        ("downloads.pause", {"id": 987654}, "not_found"),
        ("downloads.list", {"status": "sleeping"}, "invalid_argument"),
    ]
    for cmd, args, code in cases:
        answer = call(cmd, args)
        assert answer["ok"] is False and answer["error"]["code"] == code, (cmd, args, answer)
        assert answer["error"]["message"]
    assert call("downloads.list", {})["ok"] is True     # the connection and daemon are fine
