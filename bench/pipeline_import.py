"""bench/pipeline.sh, part 1: how long post-processing takes, from "download complete" to
"available", for one large movie — hardlinked into a library on the download's filesystem, and
copied into a library on another filesystem (a tmpfs in lcarsd's own user and mount namespace).
Measured on the live events lcarsd sends (download:completed → media:updated available), so the
figure is what a browser sees. Prints figures; asserts nothing."""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "Tests/system"))
from conftest import Stack, wait_until          # noqa: E402
from fixture_services import FixtureServices    # noqa: E402
from swarm import Seeder, Tracker, make_torrent  # noqa: E402
import requests                                  # noqa: E402

SIZE_MB = int(os.environ.get("BENCH_SIZE_MB", "1024"))
TOP = "Tiny.Reel.2024.1080p.WEB-DL.x264-LCARS"


def make_movie(folder: pathlib.Path) -> pathlib.Path:
    """A real 24 s video (moov first) padded with zeros to SIZE_MB: ffprobe reads it as the
    24 s video it is, the import moves SIZE_MB."""
    content = folder / TOP
    content.mkdir(parents=True)
    movie = content / f"{TOP}.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=5:duration=24", "-c:v", "mpeg4",
                    "-movflags", "+faststart", str(movie)], check=True)
    # Real blocks of pseudo-random bytes, not a sparse file: a copy must move every one of them.
    with open(movie, "ab") as f:
        chunk = os.urandom(1 << 20)
        while f.tell() < SIZE_MB * 1024 * 1024:
            f.write(chunk)
    return content


class Events:
    """The SSE stream, each event with the monotonic time it arrived."""

    def __init__(self, stack, token):
        ticket = stack.api("POST", "/api/events/ticket", token=token).json()
        self.response = requests.get(stack.base_url + ticket["url"], stream=True, timeout=600)
        self.seen: list[tuple[float, str, dict]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        name = None
        try:
            for line in self.response.iter_lines(decode_unicode=True):
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    self.seen.append((time.monotonic(), name, json.loads(line[6:])))
        except Exception:
            pass

    def first(self, name, **match):
        return next((t for t, n, d in self.seen if n == name and all(d.get(k) == v for k, v in match.items())), None)


def run(services, content, torrent, mode):
    stack = Stack({**services.settings(), "LCARS_TORRENT__SEEDING__RATIO_LIMIT": 0, "LCARS_TORRENT__SEEDING__TIME_LIMIT_HOURS": 0})
    lib = stack.dir / "data/library"
    lib.mkdir(parents=True)
    if mode == "copy":
        size = f"{SIZE_MB + 64}m"
        stack.daemon_prefix = ["unshare", "-Urm", "env", f"LIB={lib}", "sh", "-c",
                               f'mount -t tmpfs -o size={size} tmpfs "$LIB" && exec "$@"', "sh"]
    stack.start()
    try:
        token = stack.login()
        events = Events(stack, token)
        movie = stack.api("POST", "/api/movies", token=token, json={"tmdb_id": 900003}).json()
        download = stack.api("POST", "/api/downloads", token=token, json={"magnet": torrent.magnet(), "media_type": "movie",
                                                                       "media_id": movie["id"]}).json()
        started = time.monotonic()
        wait_until(lambda: events.first("media:updated", media_id=movie["id"], status="available"), timeout=1800, interval=0.05,
                   what="the movie to be available")
        complete = events.first("download:completed", id=download["id"])
        available = events.first("media:updated", media_id=movie["id"], status="available")
        placed = stack.api("GET", f"/api/movies/{movie['id']}", token=token).json()
        return {"mode": mode, "download_s": complete - started, "import_s": available - complete,
                "file_size": placed["file_size"], "path": placed["file_path"]}
    finally:
        stack.stop()


def main():
    services = FixtureServices().start()
    work = pathlib.Path(tempfile.mkdtemp(prefix="lcars-pipe", dir="/tmp"))
    tracker = seeder = None
    try:
        content = make_movie(work / "seed")
        tracker = Tracker().start()
        torrent = make_torrent(content, work / f"{TOP}.torrent", [tracker.announce_url])
        tracker.allow(*torrent.announce_hashes)
        seeder = Seeder([torrent], seed_mode=True).start()
        results = [run(services, content, torrent, mode) for mode in ("link", "copy")]
    finally:
        if seeder:
            seeder.stop()
        if tracker:
            tracker.stop()
        services.stop()
        subprocess.run(["rm", "-rf", str(work)])
    print(f"\nLCARS post-processing: one {SIZE_MB} MiB movie, download complete → available (live events), {os.cpu_count()} CPUs")
    print(f"{'placement':<32} {'import s':>9} {'MiB/s':>8} {'(download s)':>13}")
    for r in results:
        label = "hardlink (same filesystem)" if r["mode"] == "link" else "copy (tmpfs, another filesystem)"
        rate = r["file_size"] / 1048576 / r["import_s"] if r["import_s"] > 0 else float("inf")
        print(f"{label:<32} {r['import_s']:>9.3f} {rate:>8.0f} {r['download_s']:>13.1f}")


if __name__ == "__main__":
    main()
