"""Torrents for bench/load_writes.sh: COUNT single-file torrents seeded by one local libtorrent
seeder (Tests/system/swarm.py: loopback, TCP only, no DHT/LSD/UPnP/NAT-PMP/PEX), each limited to
RATE bytes/s so that lcarsd keeps downloading all of them for the whole measured run. Adds them
to LCARS by magnet (x.pe= the seeder, no tracker) and pauses them at once: they start moving when
the benchmark resumes them. Writes {"ids": [...], "peer": "host:port"} to --ready, then seeds until
SIGTERM.

    python3 bench/load_swarm.py --dir DIR --count 50 --size 2097152 --rate 16384 \\
        --url http://127.0.0.1:PORT --token TOKEN --ready FILE"""
import argparse
import json
import pathlib
import signal
import sys
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Tests/system"))
from swarm import Seeder, make_content, make_torrent  # noqa: E402


def call(url, token, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url + path, data=data, method=method,
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def main() -> int:
    p = argparse.ArgumentParser()
    for name in ("dir", "url", "token", "ready"):
        p.add_argument(f"--{name}", required=True)
    p.add_argument("--count", type=int, default=50)
    p.add_argument("--size", type=int, default=2 << 20)
    p.add_argument("--rate", type=int, default=16 << 10)
    a = p.parse_args()
    root = pathlib.Path(a.dir)
    seed_dir = root / "seed"

    def one(i):
        name = f"Load.Bench.{i:02d}.2024.mkv"
        make_content(seed_dir, {name: a.size}, seed=i + 1)
        return make_torrent(seed_dir / name, root / f"{name}.torrent", piece_size=32768)

    with ThreadPoolExecutor(2) as pool:
        torrents = list(pool.map(one, range(a.count)))
    # high_performance: libtorrent unchokes only 8 peers by default, and each torrent is a peer here.
    seeder = Seeder(torrents, upload_limit=a.rate, seed_mode=True, wait_announce=False, high_performance=True).start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        ids = []
        for t in torrents:
            d = call(a.url, a.token, "POST", "/api/downloads", {"magnet": t.magnet(trackers=[], peers=[seeder.peer])})
            call(a.url, a.token, "POST", f"/api/downloads/{d['id']}/pause")
            ids.append(d["id"])
        tmp = pathlib.Path(a.ready + ".new")
        tmp.write_text(json.dumps({"ids": ids, "peer": seeder.peer}))
        tmp.rename(a.ready)
        while not stop.wait(0.5):
            if not seeder.running():
                print("load_swarm: the seeder exited: " + seeder.stderr(), file=sys.stderr)
                return 1
    finally:
        seeder.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
