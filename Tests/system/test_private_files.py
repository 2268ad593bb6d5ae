"""Secrets on disk (issue 11, defect 4): the data directory is its owner's only (0700), the
database and its -wal/-shm files 0600 — created so, and tightened at start on an older install —
while nginx still reaches the sockets inside and the API works."""
import stat

import requests


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def db_files(stack):
    data = stack.dir / "data"
    return [data / "lcars.db", data / "lcars.db-wal", data / "lcars.db-shm"]


def test_the_data_directory_and_database_are_private(stack, admin_token):
    assert stack.api("GET", "/api/auth/me", token=admin_token).status_code == 200   # written a session: WAL in use
    assert mode(stack.dir / "data") == 0o700
    for path in db_files(stack):
        assert path.exists(), path
        assert mode(path) == 0o600, f"{path.name}: {oct(mode(path))}"


def test_an_older_install_is_tightened_at_start(make_stack):
    s = make_stack()
    data = s.dir / "data"
    s.stop_daemon()
    data.chmod(0o755)
    for path in db_files(s):
        path.chmod(0o644)
    s.start_daemon()
    assert mode(data) == 0o700
    assert [oct(mode(p)) for p in db_files(s)] == [oct(0o600)] * 3
    # nginx → pool and nginx → lcarsd's event socket still work inside the private directory.
    token = s.login()
    assert s.api("GET", "/api/system/status", token=token).status_code == 200
    r = s.api("POST", "/api/events/ticket", token=token)
    assert r.status_code == 201, r.text
    with requests.get(s.base_url + r.json()["url"], stream=True, timeout=10) as events:
        assert events.status_code == 200
        assert events.headers["Content-Type"].startswith("text/event-stream")
