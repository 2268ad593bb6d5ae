"""The real LCARS stack for system tests: lcarsd + the lcars-fcgi pool + nginx, on a temporary
data directory and a free loopback port. Binaries come from LCARS_BIN_DIR (scripts/test.sh sets it
to `swift build --show-bin-path`)."""
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import pytest
import requests

REPO = pathlib.Path(__file__).resolve().parents[2]
SECRET = "system-test-secret-0123456789abcdefghijklmnop"


def bin_dir() -> pathlib.Path:
    env = os.environ.get("LCARS_BIN_DIR")
    if env:
        return pathlib.Path(env)
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, capture_output=True, text=True, check=True)
    return pathlib.Path(out.stdout.strip())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env(extra=None):
    """The test's environment without stray LCARS_* overrides, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LCARS_")}
    env.update(extra or {})
    return env


def wait_until(predicate, timeout=15.0, interval=0.05, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def child_pids(pid: int) -> list[int]:
    try:
        text = pathlib.Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except FileNotFoundError:
        return []
    return [int(p) for p in text.split()]


# A schedule that never fires (1 January at midnight: a test never runs then, and a run missed
# while lcarsd was down is made up only after a first run). Every job's default in test stacks,
# so nothing searches or refreshes unless a test asks (POST /api/system/jobs/:name/run).
NEVER = "0 0 0 1 1 *"
JOBS = ("search_missing", "refresh_metadata", "check_new_episodes", "check_new_releases", "cleanup_completed")


class Stack:
    """One running LCARS installation. `settings` are LCARS_SECTION__KEY environment overrides,
    given to every process of the stack (which also exercises the override mechanism).

    By default no scheduled job fires and the built-in public indexers (1337x, EZTV, YTS,
    Rutracker) are disabled before lcarsd starts, so no test reaches an outside host; a test
    overrides a schedule in `settings` or passes `public_indexers=True` (and points them at a
    local fixture itself)."""

    def __init__(self, settings: dict[str, object] | None = None, workers: int = 2, public_indexers: bool = False):
        self.bin = bin_dir()
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="lcars-t", dir="/tmp"))
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.config = self.dir / "config.toml"
        text = (REPO / "config.example.toml").read_text()
        text = text.replace("change-me-generate-a-secure-random-string", SECRET)
        self.config.write_text(text.replace("./data", str(self.dir / "data")))
        torrent_port = free_port()
        # Every torrent session a test starts stays on loopback: no DHT/LSD/UPnP/NAT-PMP, TCP only.
        self.env = {"LCARS_SERVER__PORT": str(self.port), "LCARS_FCGI__WORKERS": str(workers),
                    "LCARS_TORRENT__ENABLE_DHT": "false", "LCARS_TORRENT__ENABLE_LSD": "false",
                    "LCARS_TORRENT__ENABLE_UPNP": "false", "LCARS_TORRENT__ENABLE_NATPMP": "false",
                    "LCARS_TORRENT__ENABLE_UTP": "false", "LCARS_TORRENT__LISTEN_ADDRESS": "127.0.0.1",
                    "LCARS_TORRENT__PORT_RANGE": f"{torrent_port},{torrent_port}",
                    # Images come only from the local stand-ins (services.settings() points these
                    # there); without them a closed loopback port refuses every fetch at once.
                    "LCARS_TMDB__IMAGE_BASE_URL": "http://127.0.0.1:9/t/p", "LCARS_MUSICBRAINZ__COVER_ART_URL": "http://127.0.0.1:9"}
        self.env.update({f"LCARS_SCHEDULER__{job.upper()}": NEVER for job in JOBS})
        self.public_indexers = public_indexers
        self.env.update({k: str(v) for k, v in (settings or {}).items()})
        self.procs: dict[str, subprocess.Popen] = {}
        self.logs: dict[str, object] = {}
        self.admin_user = "admin"
        self.admin_password = ""
        self.session = requests.Session()
        self.daemon_prefix: list[str] = []   # e.g. ["ip", "netns", "exec", NAME] to run lcarsd in a namespace

    def cli(self, *args, check=True, input=None, env=None):
        return subprocess.run([str(self.bin / "lcarsd"), *args, "--config", str(self.config)],
                              capture_output=True, text=True, check=check, input=input,
                              env=clean_env({**self.env, **(env or {})}), timeout=60)

    def spawn(self, name, argv):
        log = open(self.dir / f"{name}.log", "ab")
        self.logs[name] = log
        self.procs[name] = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=clean_env(self.env), cwd=self.dir)
        return self.procs[name]

    def start(self, socket_activated=False):
        self.cli("migrate")
        if not self.public_indexers:
            sql(self, "UPDATE indexers SET enabled = 0 WHERE indexer_type = 'public'")
        out = self.cli("users", "add", self.admin_user, "--admin", "--random-password").stdout
        self.admin_password = re.search(r"with password (\S+)", out).group(1)
        self.nginx_conf = self.cli("render-nginx", "--root", str(REPO)).stdout.splitlines()[0]
        self.start_daemon()
        self.start_pool(socket_activated)
        self.spawn("nginx", ["nginx", "-c", self.nginx_conf, "-g", "daemon off;"])
        wait_until(self.answers, what="nginx + pool to answer")
        return self

    def answers(self):
        try:
            return requests.get(self.base_url + "/api/auth/me", timeout=2).status_code == 401
        except requests.ConnectionError:
            return False

    def start_daemon(self):
        self.spawn("lcarsd", [*self.daemon_prefix, str(self.bin / "lcarsd"), "serve", "--config", str(self.config)])
        wait_until(lambda: self.cli("ping", check=False).returncode == 0, what="lcarsd to answer ping")

    def stop_daemon(self):
        proc = self.procs.pop("lcarsd")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0

    def kill_daemon(self):
        """SIGKILL: no shutdown work at all, as a power cut or the OOM killer would do it."""
        proc = self.procs.pop("lcarsd")
        proc.kill()
        proc.wait(timeout=10)

    def start_pool(self, socket_activated=False):
        pool = [str(self.bin / "lcars-fcgi"), "--config", str(self.config)]
        sock = self.dir / "data/run/lcars-fcgi.sock"
        if socket_activated:
            # systemd's own tool: it listens, and on the first connection execs the pool with the
            # listening socket as fd 3 and LISTEN_PID/LISTEN_FDS set, exactly as lcars-fcgi.socket does.
            sock.parent.mkdir(parents=True, exist_ok=True)
            env_args = [a for k, v in self.env.items() for a in ("-E", f"{k}={v}")]
            self.spawn("pool", ["systemd-socket-activate", "-l", str(sock), *env_args, *pool])
        else:
            self.spawn("pool", pool)
        wait_until(lambda: sock.exists(), what="the pool socket")

    @property
    def pool_master(self) -> int:
        return self.procs["pool"].pid

    def workers(self) -> list[int]:
        return child_pids(self.pool_master)

    def api(self, method, path, token=None, json=None, data=None, headers=None, timeout=10):
        h = dict(headers or {})
        if token:
            h["Authorization"] = f"Bearer {token}"
        return self.session.request(method, self.base_url + path, json=json, data=data, headers=h, timeout=timeout)

    def login(self, username=None, password=None) -> str:
        r = self.api("POST", "/api/auth/login", json={"username": username or self.admin_user,
                                                        "password": password or self.admin_password})
        assert r.status_code == 200, r.text
        return r.json()["token"]

    def login_new_user(self, admin_token, username, password) -> str:
        """Creates a user with the `user` role and returns its login token."""
        r = self.api("POST", "/api/users", token=admin_token, json={"username": username, "password": password, "role": "user"})
        assert r.status_code == 201, r.text
        return self.login(username, password)

    def log(self, name) -> str:
        return (self.dir / f"{name}.log").read_text(errors="replace")

    def stop(self):
        for name in ["nginx", "pool", "lcarsd"]:
            proc = self.procs.pop(name, None)
            if proc and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        for log in self.logs.values():
            log.close()
        if not os.environ.get("LCARS_KEEP_STACKS"):   # set it to read a failed test's logs afterwards
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def stack():
    # A generous address limit: every test logs in from 127.0.0.1. The limiter has its own stack.
    s = Stack({"LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000, "LCARS_FCGI__MAX_BODY_BYTES": 65536}).start()
    yield s
    s.stop()


@pytest.fixture
def make_stack():
    """Starts extra stacks with their own settings; stops them after the test."""
    made = []

    def make(settings=None, workers=2, socket_activated=False, daemon_prefix=None):
        s = Stack(settings, workers)
        s.daemon_prefix = list(daemon_prefix or [])
        made.append(s)
        return s.start(socket_activated)

    yield make
    for s in made:
        s.stop()


@pytest.fixture(scope="session")
def admin_token(stack):
    return stack.login()


@pytest.fixture
def artifacts_dir():
    path = REPO / "test-artifacts" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def services():
    """Local TMDB / MusicBrainz / Cover Art Archive (fixture_services.py)."""
    from fixture_services import FixtureServices
    s = FixtureServices().start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def indexer_sites():
    """Local stand-ins for the built-in sites and Torznab feeds (fixture_indexers.py)."""
    from fixture_indexers import FixtureIndexers
    s = FixtureIndexers().start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def library_stack(services):
    """A stack whose TMDB, MusicBrainz and Cover Art Archive are the local fixture services; one
    per test module, so that each module starts from an empty library."""
    s = Stack({**services.settings(), "LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000}).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def lib_admin(library_stack):
    return library_stack.login()


@pytest.fixture(scope="module")
def lib_user(library_stack, lib_admin):
    return library_stack.login_new_user(lib_admin, "libuser", "lib-user-pw")


def local_torznab(stack, token, sites, name, categories, releases=()):
    """Serves a Torznab feed `name` from the local indexer sites and registers it with the stack
    as an indexer for `categories`; returns a function that sets what the feed answers next."""
    url = sites.torznab(name, releases=releases)
    r = stack.api("POST", "/api/indexers", token=token, json={"name": name, "indexer_type": "torznab", "url": url,
                                                             "api_key": f"{name}-torznab-key-0123456789", "categories": categories})
    assert r.status_code == 201, r.text
    return lambda answer: sites.torznab(name, releases=answer)


def sql(stack, statement, *args):
    """Runs SQL on a stack's database directly (what lcarsd's post-processing would write)."""
    import sqlite3
    with sqlite3.connect(stack.dir / "data/lcars.db", timeout=10) as db:
        rows = db.execute(statement, args).fetchall()
    return rows
