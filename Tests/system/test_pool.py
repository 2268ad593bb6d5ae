"""The pre-fork pool: workers that die are replaced, workers are recycled, SIGTERM is graceful."""
import concurrent.futures
import os
import signal
import time

import requests

from conftest import wait_until


def burst(stack, token, count):
    """`count` requests from 8 threads; returns the status codes (connection errors as 0)."""
    def one(_):
        try:
            return stack.api("GET", "/api/auth/me", token=token, timeout=10).status_code
        except requests.RequestException:
            return 0
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(count)))


def test_killed_worker_is_replaced_during_a_burst(make_stack):
    s = make_stack(workers=2)
    token = s.login()
    before = s.workers()
    assert len(before) == 2
    with concurrent.futures.ThreadPoolExecutor(1) as ex:
        running = ex.submit(burst, s, token, 300)
        time.sleep(0.2)
        os.kill(before[0], signal.SIGKILL)
        codes = running.result(timeout=120)
    # A request in the killed worker may fail (nginx answers 502); the rest are served.
    assert codes.count(200) >= len(codes) - 8
    wait_until(lambda: len(s.workers()) == 2 and before[0] not in s.workers(), what="a replacement worker")
    assert set(burst(s, token, 50)) == {200}
    assert s.procs["pool"].poll() is None


def test_workers_are_recycled_after_max_requests(make_stack):
    s = make_stack({"LCARS_FCGI__MAX_REQUESTS": 5}, workers=1)
    token = s.login()
    first = s.workers()
    assert len(first) == 1
    codes = [s.api("GET", "/api/auth/me", token=token).status_code for _ in range(12)]
    assert codes == [200] * 12
    wait_until(lambda: len(s.workers()) == 1, what="the pool to refill")
    assert s.workers() != first


def test_sigterm_stops_the_pool_cleanly(make_stack):
    s = make_stack(workers=2)
    workers = s.workers()
    master = s.procs["pool"]
    master.send_signal(signal.SIGTERM)
    assert master.wait(timeout=15) == 0
    assert not (s.dir / "data/run/lcars-fcgi.sock").exists()
    for pid in workers:
        assert not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z"
    # nginx now reports the responder as gone, in its own words: the API is down, not hanging.
    r = requests.get(s.base_url + "/api/auth/me", timeout=10)
    assert r.status_code == 502


def test_sigterm_lets_the_request_in_hand_finish(make_stack):
    # Hold the database's write lock so that a login (which writes its session) is stuck inside
    # the worker; SIGTERM the pool meanwhile; release the lock: the login must still succeed.
    import sqlite3
    s = make_stack(workers=1)
    lock = sqlite3.connect(s.dir / "data/lcars.db", isolation_level=None, timeout=5)
    lock.execute("BEGIN IMMEDIATE")
    with concurrent.futures.ThreadPoolExecutor(1) as ex:
        pending = ex.submit(s.api, "POST", "/api/auth/login", None, {"username": "admin", "password": s.admin_password})
        time.sleep(0.7)          # the request is now waiting on the lock (busy timeout: 5 s)
        s.procs["pool"].send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert not pending.done()
        lock.execute("COMMIT")
        r = pending.result(timeout=20)
    lock.close()
    assert r.status_code == 200 and r.json()["token"]
    assert s.procs["pool"].wait(timeout=15) == 0


def test_second_pool_refuses_a_socket_in_use(stack):
    import subprocess
    from conftest import clean_env
    r = subprocess.run([str(stack.bin / "lcars-fcgi"), "--config", str(stack.config)], capture_output=True, text=True,
                       env=clean_env(stack.env), timeout=20)
    assert r.returncode != 0
    assert "in use by another lcars-fcgi" in r.stderr
    assert stack.answers()


def test_systemd_socket_activation_uses_fd_3(make_stack):
    s = make_stack(workers=2, socket_activated=True)
    token = s.login()
    assert set(burst(s, token, 40)) == {200}
    master = s.procs["pool"].pid
    # After exec the master is lcars-fcgi itself, serving on the inherited descriptor 3.
    assert "lcars-fcgi" in open(f"/proc/{master}/cmdline").read()
    assert os.readlink(f"/proc/{master}/fd/3").startswith("socket:")
    assert len(s.workers()) == 2
    # The socket belongs to systemd: on SIGTERM the pool stops but leaves the socket file alone.
    s.procs["pool"].send_signal(signal.SIGTERM)
    assert s.procs["pool"].wait(timeout=15) == 0
    assert (s.dir / "data/run/lcars-fcgi.sock").exists()
