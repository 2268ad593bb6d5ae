"""A real local BitTorrent swarm for system tests: Debian's opentracker, libtorrent seeders and
downloaders, generated content and torrents, magnet URIs.

Everything libtorrent runs in a subprocess under Debian's /usr/bin/python3 (which has
python3-libtorrent), never inside pytest's interpreter: tools/seeder.py, tools/leecher.py,
tools/mktorrent.py. Every session there has DHT, LSD, UPnP, NAT-PMP, PEX and uTP off and listens
only on the address it is given. Any process may run inside a network namespace (see netns.py):
pass `netns=` a `netns.Netns` or a namespace name.

This module uses only the standard library, so bench scripts can import it too."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import pathlib
import queue
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse

LT_PYTHON = os.environ.get("LCARS_TEST_LT_PYTHON", "/usr/bin/python3")  # has python3-libtorrent
TOOLS = pathlib.Path(__file__).resolve().parent / "tools"
OPENTRACKER = "/usr/bin/opentracker"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _prefix(netns) -> list[str]:
    """argv prefix that runs a command inside `netns` (a netns.Netns, a name, or None)."""
    if netns is None:
        return []
    name = netns if isinstance(netns, str) else netns.name
    return ["ip", "netns", "exec", name]


def _stop_process(proc: subprocess.Popen, timeout: float = 10.0) -> int | None:
    """SIGTERM, bounded wait, then SIGKILL. Returns the exit status."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    return proc.returncode


# ---------------------------------------------------------------------------------------------
# Content and torrents


def make_content(directory, files: dict[str, int], seed: int = 1) -> dict[str, str]:
    """Writes `files` ({relative path: size in bytes}) under `directory` with deterministic
    pseudo-random bytes (the same seed, path and size always give the same bytes). Returns
    {relative path: SHA-256 hex}."""
    root = pathlib.Path(directory)
    sums = {}
    for rel, size in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        rng = random.Random(f"{seed}:{rel}:{size}")
        h = hashlib.sha256()
        with open(path, "wb") as f:
            left = size
            while left > 0:
                chunk = rng.randbytes(min(left, 1 << 20))
                f.write(chunk)
                h.update(chunk)
                left -= len(chunk)
        sums[rel] = h.hexdigest()
    return sums


def sha256_files(directory, relpaths) -> dict[str, str | None]:
    """{relative path: SHA-256 hex, or None if the file is missing} for files under `directory`."""
    out = {}
    for rel in relpaths:
        path = pathlib.Path(directory) / rel
        if not path.is_file():
            out[rel] = None
            continue
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        out[rel] = h.hexdigest()
    return out


def magnet_uri(info_hash: str, name: str | None = None, trackers=(), peers=()) -> str:
    """magnet:?xt=urn:btih:HASH[&dn=NAME][&tr=URL...][&x.pe=HOST:PORT...]; a 64-digit (v2) hash
    is written as a SHA-256 multihash, xt=urn:btmh:1220HASH."""
    parts = [f"xt=urn:btmh:1220{info_hash}" if len(info_hash) == 64 else f"xt=urn:btih:{info_hash}"]
    if name:
        parts.append("dn=" + urllib.parse.quote(name, safe=""))
    parts += ["tr=" + urllib.parse.quote(t, safe="") for t in trackers]
    parts += ["x.pe=" + p for p in peers]
    return "magnet:?" + "&".join(parts)


class Torrent:
    """A .torrent file made by make_torrent."""

    def __init__(self, path: pathlib.Path, content: pathlib.Path, meta: dict, trackers: list[str]):
        self.path = path                       # the .torrent file
        self.content = content                 # the file or directory it was made from
        self.save_dir = content.parent         # what a seeder's save path must be
        self.info_hash: str = meta["info_hash"]  # v1 hex (v2 for v2-only torrents)
        self.info_hash_v2: str = meta["info_hash_v2"]
        self.name: str = meta["name"]
        self.total_size: int = meta["total_size"]
        self.piece_size: int = meta["piece_size"]
        self.num_pieces: int = meta["num_pieces"]
        self.trackers = trackers

    @property
    def data(self) -> bytes:
        return self.path.read_bytes()

    @property
    def base64(self) -> str:
        """The .torrent file, base64 (POST /api/downloads {"torrent": ...})."""
        return base64.b64encode(self.data).decode()

    @property
    def announce_hashes(self) -> list[str]:
        """The 20-byte hashes clients announce this torrent under: the v1 hash, and the v2 hash
        truncated to 20 bytes (a hybrid is announced under both; trackers speak 20-byte hashes)."""
        hashes = [self.info_hash] if len(self.info_hash) == 40 else []
        if self.info_hash_v2:
            hashes.append(self.info_hash_v2[:40])
        return hashes

    def magnet(self, trackers=None, peers=(), name=True) -> str:
        """Magnet URI with this torrent's trackers (or `trackers`), and x.pe= for `peers`
        ("host:port" strings, e.g. seeder.peer)."""
        return magnet_uri(self.info_hash, self.name if name else None,
                          self.trackers if trackers is None else trackers, peers)


def make_torrent(content, out=None, trackers=(), piece_size: int = 0, version: str = "v1") -> Torrent:
    """Creates a .torrent for `content` (a file: single-file torrent; a directory: multi-file
    torrent) with libtorrent's create_torrent. `piece_size` 0 lets libtorrent pick (else a power of
    two >= 16 KiB); `version` is "v1" (default: every client reads it), "hybrid" or "v2"."""
    content = pathlib.Path(content).resolve()
    out = pathlib.Path(out) if out else content.parent / (content.name + ".torrent")
    argv = [LT_PYTHON, str(TOOLS / "mktorrent.py"), str(content), "--out", str(out),
            "--piece-size", str(piece_size), "--version", version]
    for t in trackers:
        argv += ["--tracker", t]
    r = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        raise RuntimeError(f"mktorrent failed ({r.returncode}): {r.stderr.strip()}")
    return Torrent(out, content, json.loads(r.stdout), list(trackers))


# ---------------------------------------------------------------------------------------------
# Tracker


class Tracker:
    """Debian's opentracker on `host`:`port` (default 127.0.0.1 and a free port; inside `netns`
    on that namespace's address). Debian builds it in whitelist mode: `allow(info_hash)` (or
    `allow=` at start) adds hashes and makes it reload (SIGHUP). HTTP and UDP on the same port.

        with Tracker() as tr:
            tr.allow(torrent.info_hash); tr.announce_url  # http://127.0.0.1:PORT/announce
    """

    def __init__(self, host: str = "127.0.0.1", port: int | None = None, netns=None, allow=()):
        self.host = host
        self.netns = netns
        self.port = port or (free_port(host) if netns is None else random.randint(20000, 60000))
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="lcars-tracker-", dir="/tmp"))
        self.proc: subprocess.Popen | None = None
        self._hashes: list[str] = [h.lower() for h in allow]

    @property
    def announce_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/announce"

    @property
    def udp_announce_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"udp://{host}:{self.port}/announce"

    def _write_whitelist(self):
        tmp = self.dir / "whitelist.txt.new"
        tmp.write_text("".join(h + "\n" for h in self._hashes))
        tmp.chmod(0o644)
        tmp.rename(self.dir / "whitelist.txt")

    def start(self, timeout: float = 10.0) -> "Tracker":
        # Run as root, opentracker chroots to tracker.rootdir and drops to `nobody`: the directory
        # and whitelist must be world-readable, and the whitelist path is relative to it.
        self.dir.chmod(0o755)
        self._write_whitelist()
        conf = self.dir / "opentracker.conf"
        conf.write_text(f"access.whitelist whitelist.txt\ntracker.rootdir {self.dir}\n")
        self.log = open(self.dir / "opentracker.log", "wb")
        argv = _prefix(self.netns) + [OPENTRACKER, "-f", str(conf), "-i", self.host,
                                      "-p", str(self.port), "-P", str(self.port)]
        self.proc = subprocess.Popen(argv, cwd=self.dir, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"opentracker exited with {self.proc.returncode}: {self.read_log()}")
            if _listening(self.host, self.port, self.netns):
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"opentracker did not listen on {self.host}:{self.port} within {timeout}s")

    def allow(self, *info_hashes: str) -> None:
        """Whitelists info hashes (hex) and makes opentracker reload the list."""
        self._hashes += [h.lower() for h in info_hashes]
        self._write_whitelist()
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGHUP)
            time.sleep(0.3)  # the reload runs in opentracker's accesslist thread

    def read_log(self) -> str:
        p = self.dir / "opentracker.log"
        return p.read_text(errors="replace") if p.exists() else ""

    def stop(self) -> None:
        if self.proc:
            _stop_process(self.proc, 5)
        if getattr(self, "log", None):
            self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def _listening(host: str, port: int, netns) -> bool:
    if netns is None:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            return False
    r = subprocess.run(_prefix(netns) + ["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True)
    return r.returncode == 0 and bool(r.stdout.strip())


# ---------------------------------------------------------------------------------------------
# libtorrent processes


class _JsonLineProcess:
    """A tool that prints JSON lines on stdout; a thread keeps reading them (the pipe never fills)."""

    def __init__(self, argv: list[str], netns=None, name: str = "tool"):
        self.argv = _prefix(netns) + argv
        self.netns = netns
        self.name = name
        self.proc: subprocess.Popen | None = None
        self.events: "queue.Queue[dict]" = queue.Queue()
        self.last_status: dict | None = None
        self.stderr_path: pathlib.Path | None = None

    def _spawn(self):
        fd, path = tempfile.mkstemp(prefix=f"lcars-{self.name}-", suffix=".log", dir="/tmp")
        self.stderr_path = pathlib.Path(path)
        with os.fdopen(fd, "wb") as err:
            self.proc = subprocess.Popen(self.argv, stdout=subprocess.PIPE, stderr=err, text=True, bufsize=1)
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        for line in self.proc.stdout:
            try:
                ev = json.loads(line)
            except ValueError:
                continue
            if ev.get("event") == "status":
                self.last_status = ev
            else:
                self.events.put(ev)

    def _wait_event(self, names: set[str], timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                ev = self.events.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None and self.events.empty():
                    time.sleep(0.2)  # let the reader thread drain the last lines
                    if self.events.empty():
                        raise RuntimeError(f"{self.name} exited with {self.proc.returncode}: {self.stderr()}")
                continue
            if ev.get("event") in names:
                return ev
            if ev.get("event") in ("error", "timeout"):
                raise RuntimeError(f"{self.name}: {ev}")
        raise TimeoutError(f"{self.name}: no {names} within {timeout}s; last status {self.last_status}")

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")[-4000:] if self.stderr_path else ""

    @property
    def pid(self) -> int:
        return self.proc.pid

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self, timeout: float = 10.0) -> int | None:
        """SIGTERM: the session shuts down cleanly (SIGKILL after `timeout`)."""
        rc = _stop_process(self.proc, timeout) if self.proc else None
        self._cleanup()
        return rc

    def kill(self) -> None:
        """SIGKILL, no goodbye to the tracker or peers."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._cleanup()

    def _cleanup(self):
        if self.stderr_path:
            self.stderr_path.unlink(missing_ok=True)
            self.stderr_path = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class Seeder(_JsonLineProcess):
    """A libtorrent session (tools/seeder.py under /usr/bin/python3) seeding `torrents`: Torrent
    objects (seeded from torrent.save_dir) or (torrent_path, save_dir) pairs.

    `upload_limit` (bytes/s per torrent, 0 = none; applies to loopback peers too) makes downloads
    last long enough to interrupt them. `seed_mode` skips the hash check at start.
    `high_performance` lifts libtorrent's limit of 8 unchoked peers (for many torrents at once). start() returns
    once every torrent is seeding and has announced to its trackers; then `port`, `peer`
    ("host:port" for x.pe=) and `status()` ({info_hash: {state, progress, uploaded, peers}})."""

    def __init__(self, torrents, host: str = "127.0.0.1", port: int = 0, upload_limit: int = 0,
                 seed_mode: bool = False, netns=None, wait_announce: bool = True, high_performance: bool = False):
        argv = [LT_PYTHON, str(TOOLS / "seeder.py"), "--listen", host, "--port", str(port)]
        if high_performance:   # libtorrent's high_performance_seed preset: every peer unchoked (many torrents)
            argv.append("--high-performance")
        for t in torrents:
            path, save = (t.path, t.save_dir) if isinstance(t, Torrent) else t
            argv += ["--torrent", f"{path}:{save}"]
        if upload_limit:
            argv += ["--upload-limit", str(upload_limit)]
        if seed_mode:
            argv.append("--seed-mode")
        if not wait_announce:
            argv.append("--no-wait-announce")
        super().__init__(argv, netns, "seeder")
        self.host = host
        self.port: int | None = None
        self.ready: dict | None = None

    def start(self, timeout: float = 60.0) -> "Seeder":
        self._spawn()
        try:
            self.ready = self._wait_event({"ready"}, timeout)
        except BaseException:
            self.stop()
            raise
        self.port = self.ready["port"]
        return self

    @property
    def peer(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    def status(self) -> dict[str, dict]:
        """Latest per-torrent status (updated every 0.5 s), keyed by info hash."""
        ev = self.last_status or self.ready or {"torrents": []}
        return {t["info_hash"]: t for t in ev["torrents"]}

    def uploaded(self, info_hash: str | None = None) -> int:
        """Payload bytes uploaded (for one torrent, or all), as of the latest status line."""
        st = self.status()
        return sum(t["uploaded"] for h, t in st.items() if info_hash is None or h == info_hash)


class Leecher(_JsonLineProcess):
    """A libtorrent downloader (tools/leecher.py under /usr/bin/python3): `magnet` or a .torrent
    path, saving into `save_dir`, on address `host` or bound to device `interface`. start() returns
    at once; wait_finished() blocks until every piece is verified and returns {"seconds",
    "downloaded"}."""

    def __init__(self, save_dir, magnet: str | None = None, torrent=None, host: str = "127.0.0.1",
                 timeout: float = 120.0, netns=None, interface: str = ""):
        argv = [LT_PYTHON, str(TOOLS / "leecher.py"), "--listen", host, "--save", str(save_dir),
                "--timeout", str(timeout)]
        if interface:
            argv += ["--interface", interface]
        argv += ["--magnet", magnet] if magnet else ["--torrent", str(getattr(torrent, "path", torrent))]
        super().__init__(argv, netns, "leecher")
        self.timeout = timeout

    def start(self) -> "Leecher":
        self._spawn()
        return self

    def wait_finished(self, timeout: float | None = None) -> dict:
        return self._wait_event({"finished"}, (timeout or self.timeout) + 10)


# ---------------------------------------------------------------------------------------------
# All of it at once


class LocalSwarm:
    """Content + tracker + torrent + seeder in one context manager:

        with LocalSwarm(tmp_path, {"album/01.flac": 3_000_000, "album/cover.jpg": 40_000}) as sw:
            add(sw.magnet)                      # tr= the tracker; no x.pe= (peers via the tracker)
            ...; assert sw.missing_or_wrong(download_dir) == []

    The top-level directory of `files` is the torrent (one directory: multi-file torrent; a single
    file: single-file torrent). Content lives under `directory`/seed. `upload_limit` (bytes/s)
    slows the seeder down; `host`/`netns` put tracker and seeder on a namespace's address."""

    def __init__(self, directory, files: dict[str, int], piece_size: int = 32768, upload_limit: int = 0,
                 host: str = "127.0.0.1", netns=None, seed: int = 1, version: str = "v1"):
        tops = {pathlib.PurePosixPath(rel).parts[0] for rel in files}
        if len(tops) != 1:
            raise ValueError(f"files must share one top-level name (the torrent), got {sorted(tops)}")
        self.dir = pathlib.Path(directory)
        self.seed_dir = self.dir / "seed"
        self.files = files
        self.piece_size, self.upload_limit, self.host, self.netns = piece_size, upload_limit, host, netns
        self.content_seed, self.version = seed, version
        self.tracker: Tracker | None = None
        self.seeder: Seeder | None = None
        self.torrent: Torrent | None = None
        self.sums: dict[str, str] = {}

    def start(self) -> "LocalSwarm":
        try:
            self.sums = make_content(self.seed_dir, self.files, self.content_seed)
            self.tracker = Tracker(self.host, netns=self.netns).start()
            top = next(iter({pathlib.PurePosixPath(rel).parts[0] for rel in self.files}))
            self.torrent = make_torrent(self.seed_dir / top, self.dir / f"{top}.torrent",
                                        [self.tracker.announce_url], self.piece_size, self.version)
            self.tracker.allow(*self.torrent.announce_hashes)
            self.seeder = Seeder([self.torrent], self.host, upload_limit=self.upload_limit, netns=self.netns).start()
        except BaseException:
            self.stop()
            raise
        return self

    @property
    def magnet(self) -> str:
        return self.torrent.magnet()

    def restart_seeder(self, upload_limit: int | None = None) -> Seeder:
        """A fresh seeder process for the same torrent (after seeder.stop() / .kill())."""
        if self.seeder:
            self.seeder.stop()
        limit = self.upload_limit if upload_limit is None else upload_limit
        self.seeder = Seeder([self.torrent], self.host, upload_limit=limit, netns=self.netns).start()
        return self.seeder

    def missing_or_wrong(self, download_dir) -> list[str]:
        """Relative paths whose file under `download_dir` is missing or has the wrong SHA-256."""
        got = sha256_files(download_dir, self.sums)
        return [rel for rel, h in self.sums.items() if got[rel] != h]

    def stop(self) -> None:
        if self.seeder:
            self.seeder.stop()
        if self.tracker:
            self.tracker.stop()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def make_big_torrent(folder):
    """A real .torrent of ~1.7 MB (over the old 1 MiB control frame once base64-encoded): 12,000
    one-byte files with long names — its size is metainfo, not data."""
    root = folder / "big"
    for i in range(12_000):
        sub = root / f"folder-{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{'a-rather-long-file-name-to-make-the-metainfo-large-' * 2}{i:05d}.bin").write_bytes(b"x")
    return make_torrent(root, out=folder / "big.torrent")
