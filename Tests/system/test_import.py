"""Post-processing through the real stack (issue 12, point 3): a local swarm seeds real short
videos made with ffmpeg, lcarsd downloads them for a movie added from the TMDB stand-in, and
places them into the library — hardlinked next to the copy that keeps seeding, named by the
pattern, all or nothing. TCP on loopback only; no DHT, LSD, UPnP or NAT-PMP anywhere."""
import hashlib
import json
import pathlib
import subprocess

import pytest

from conftest import Stack, sql, wait_until
from test_downloads_swarm import EventLog
from swarm import LT_PYTHON, Seeder, Tracker, magnet_uri, make_torrent, sha256_files

LIBRARY = "data/library"


def make_video(path: pathlib.Path, seconds: int, size: str = "64x48") -> None:
    """A real MPEG-4 video of `seconds` (ffmpeg's test pattern), tiny."""
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc=size={size}:rate=5:duration={seconds}",
                    "-c:v", "mpeg4", "-q:v", "2", str(path)], check=True, timeout=120)


def make_audio(path: pathlib.Path, seconds: int) -> None:
    """A real FLAC file of a sine tone."""
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", "-c:a", "flac",
                    str(path)], check=True, timeout=120)


class MediaSwarm:
    """A tracker and a seeder for a folder whose files the test wrote (videos, junk)."""

    def __init__(self, directory: pathlib.Path, top: str):
        self.content = directory / "seed" / top
        self.content.mkdir(parents=True)
        self.dir, self.top = directory, top
        self.tracker = self.seeder = self.torrent = None

    def start(self):
        self.tracker = Tracker().start()
        self.torrent = make_torrent(self.content, self.dir / f"{self.top}.torrent", [self.tracker.announce_url], 16384)
        self.tracker.allow(*self.torrent.announce_hashes)
        self.seeder = Seeder([self.torrent]).start()
        return self

    def files(self):
        return sorted(str(p.relative_to(self.content)) for p in self.content.rglob("*") if p.is_file())

    def stop(self):
        if self.seeder:
            self.seeder.stop()
        if self.tracker:
            self.tracker.stop()


@pytest.fixture
def swarms(tmp_path):
    made = []

    def make(top, files):
        """`files`: {relative path: seconds of video, or bytes}."""
        sw = MediaSwarm(tmp_path / f"swarm{len(made)}", top)
        for rel, what in files.items():
            target = sw.content / rel
            if isinstance(what, bytes):
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(what)
            elif rel.endswith(".flac"):
                make_audio(target, what)
            else:
                make_video(target, *what) if isinstance(what, tuple) else make_video(target, what)
        made.append(sw.start())
        return sw

    yield make
    for sw in made:
        sw.stop()


def start_stack(services, edit_config=None, daemon_prefix=()):
    s = Stack({**services.settings(), "LCARS_TORRENT__SEEDING__RATIO_LIMIT": 0, "LCARS_TORRENT__SEEDING__TIME_LIMIT_HOURS": 0,
               "LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000})
    (s.dir / LIBRARY).mkdir(parents=True)
    if edit_config:
        s.config.write_text(edit_config(s.config.read_text(), s))
    s.daemon_prefix = list(daemon_prefix)
    return s.start()


@pytest.fixture(scope="module")
def imp_stack(services):
    s = start_stack(services)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def imp_token(imp_stack):
    return imp_stack.login()


def add_movie(stack, token, tmdb_id):
    r = stack.api("POST", "/api/movies", token=token, json={"tmdb_id": tmdb_id})
    assert r.status_code == 201, r.text
    return r.json()


def add_download(stack, token, sw, media_type, media_id):
    r = stack.api("POST", "/api/downloads", token=token, json={"magnet": sw.torrent.magnet(), "media_type": media_type, "media_id": media_id})
    assert r.status_code == 201, r.text
    return r.json()


def movie(stack, token, movie_id):
    r = stack.api("GET", f"/api/movies/{movie_id}", token=token)
    assert r.status_code == 200, r.text
    return r.json()


def download(stack, token, download_id):
    return stack.api("GET", f"/api/downloads/{download_id}", token=token).json()


def activity(stack, token, kind):
    r = stack.api("GET", f"/api/system/activity?type={kind}&limit=500", token=token)
    assert r.status_code == 200, r.text
    return r.json()


def library_files(stack):
    root = stack.dir / LIBRARY
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_movie_is_hardlinked_into_the_library_and_keeps_seeding(imp_stack, imp_token, swarms):
    m = add_movie(imp_stack, imp_token, 900003)
    top = "Tiny.Reel.2024.1080p.WEB-DL.x264-LCARS"
    sw = swarms(top, {f"{top}.mp4": 24, "Sample/tiny.reel.sample.mp4": 30, "tiny.nfo": b"nfo " * 100, "setup.exe": b"MZ" * 5000})
    events = EventLog(imp_stack, imp_token)
    d = add_download(imp_stack, imp_token, sw, "movie", m["id"])

    done = wait_until(lambda: (x := movie(imp_stack, imp_token, m["id"]))["status"] == "available" and x,
                      timeout=90, interval=0.3, what="the movie to be available")
    expected = imp_stack.dir / LIBRARY / "movie/Tiny Reel - The Test (2024)/Tiny Reel - The Test (2024) - 1080p.mp4"
    assert done["file_path"] == str(expected)
    source = imp_stack.dir / "data/downloads" / top / f"{top}.mp4"
    assert done["file_size"] == source.stat().st_size == expected.stat().st_size
    assert expected.read_bytes() == (sw.content / f"{top}.mp4").read_bytes()
    assert expected.stat().st_ino == source.stat().st_ino            # a hardlink to the seeding copy
    assert library_files(imp_stack) == ["movie/Tiny Reel - The Test (2024)/Tiny Reel - The Test (2024) - 1080p.mp4"]
    assert download(imp_stack, imp_token, d["id"])["status"] == "seeding"   # the swarm gets its share back

    lines = [a for a in activity(imp_stack, imp_token, "media_imported") if a.get("media_type") == "movie" and a.get("media_id") == m["id"]]
    assert len(lines) == 1 and str(expected) in lines[0]["message"], lines

    # Every status change was a live event: processing, then available with the file.
    wait_until(lambda: events.named("media:updated", media_id=m["id"], status="available"), timeout=10, what="media:updated")
    events.close()
    assert events.named("media:updated", media_type="movie", media_id=m["id"], status="processing", file_path=None)
    assert events.named("media:updated", media_type="movie", media_id=m["id"], status="available", file_path=str(expected))


def test_a_sample_sized_video_fails_the_download_and_places_nothing(imp_stack, imp_token, swarms):
    m = add_movie(imp_stack, imp_token, 900004)
    top = "Second.Reel.2024.720p.WEB-DL-LCARS"
    sw = swarms(top, {f"{top}.mp4": 5})            # 5 s of a 1 min runtime: under a third
    before = library_files(imp_stack)
    d = add_download(imp_stack, imp_token, sw, "movie", m["id"])
    failed = wait_until(lambda: (x := download(imp_stack, imp_token, d["id"]))["status"] == "failed" and x,
                        timeout=90, interval=0.3, what="the download to fail")
    assert "import failed" in failed["error_message"] and "third of the 1 min runtime" in failed["error_message"], failed
    assert library_files(imp_stack) == before
    assert sha256_files(imp_stack.dir / "data/downloads", [f"{top}/{top}.mp4"]) == sha256_files(sw.content.parent, [f"{top}/{top}.mp4"])
    assert movie(imp_stack, imp_token, m["id"]).get("file_path") is None
    assert any(a.get("download_id") == d["id"] and "third" in a["message"] for a in activity(imp_stack, imp_token, "download_failed"))


def test_season_pack_fills_every_episode_it_holds(imp_stack, imp_token, swarms):
    r = imp_stack.api("POST", "/api/tv", token=imp_token, json={"tmdb_id": 4242})
    assert r.status_code == 201, r.text
    show = r.json()
    # TMDB says 44 min; these test videos last seconds: a stored runtime of 1 min keeps them no samples.
    sql(imp_stack, "UPDATE episodes SET runtime_minutes = 1 WHERE show_id = ?", show["id"])
    season = imp_stack.api("GET", f"/api/tv/{show['id']}/season/1", token=imp_token).json()
    episodes = {e["episode_number"]: e for e in (season["episodes"] if isinstance(season, dict) else season)}
    top = "Deep.Space.Relay.S01.720p.WEB-DL-LCARS"
    sw = swarms(top, {f"Deep.Space.Relay.S01E0{n}.720p.WEB-DL-LCARS.mp4": 21 + n for n in (1, 2, 3)}
                | {"Sample/deep.space.relay.s01e01.sample.mp4": 21, "Deep.Space.Relay.S01.nfo": b"nfo"})
    add_download(imp_stack, imp_token, sw, "episode", episodes[1]["id"])

    def season_now():
        body = imp_stack.api("GET", f"/api/tv/{show['id']}/season/1", token=imp_token).json()
        return {e["episode_number"]: e for e in (body["episodes"] if isinstance(body, dict) else body)}

    now = wait_until(lambda: (x := season_now()) and all(x[n]["status"] == "available" for n in (1, 2, 3)) and x,
                     timeout=90, interval=0.3, what="episodes 1-3 to be available")
    root = imp_stack.dir / LIBRARY
    for n in (1, 2, 3):
        expected = root / f"tv/Deep Space Relay/S01/Deep Space Relay - S01E0{n} - Episode 1.{n}.mp4"
        assert now[n]["file_path"] == str(expected)
        assert expected.read_bytes() == (sw.content / f"Deep.Space.Relay.S01E0{n}.720p.WEB-DL-LCARS.mp4").read_bytes()
    assert now[4]["status"] == "missing" and "file_path" not in now[4]
    assert not any("sample" in f.lower() for f in library_files(imp_stack))


def test_album_tracks_are_mapped_and_a_missing_one_leaves_it_partial(imp_stack, imp_token, swarms):
    r = imp_stack.api("POST", "/api/artists", token=imp_token, json={"mbid": "a1a1a1a1-0000-4000-8000-000000000001"})
    assert r.status_code == 201, r.text
    artist = r.json()
    album_id = next(a["id"] for a in artist["albums"] if a["mbid"] == "c3c3c3c3-0000-4000-8000-000000000101")
    album = imp_stack.api("GET", f"/api/albums/{album_id}", token=imp_token).json()   # loads the tracklist
    assert len(album["tracks"]) == 5
    top = f"{artist['name']} - First Flight (FLAC)"
    # Disc folders and numbers; "Ascent" (1-3) is not in the download.
    sw = swarms(top, {"CD1/01 - Preflight.flac": 3, "CD1/02 - Clearance.flac": 4, "CD2/01 - Cruise.flac": 5,
                      "CD2/02 - Final Approach.flac": 6, "cover.jpg": b"\xff\xd8" * 100, "rip.log": b"log"})
    add_download(imp_stack, imp_token, sw, "album", album_id)
    done = wait_until(lambda: (x := imp_stack.api("GET", f"/api/albums/{album_id}", token=imp_token).json())["status"] == "partial" and x,
                      timeout=90, interval=0.3, what="the album to be partial")
    tracks = {(t["disc_number"], t["track_number"]): t for t in done["tracks"]}
    root = imp_stack.dir / LIBRARY / "music" / artist["name"] / "First Flight"
    for (disc, number), name in {(1, 1): "CD1/01 - Preflight.flac", (1, 2): "CD1/02 - Clearance.flac",
                                 (2, 1): "CD2/01 - Cruise.flac", (2, 2): "CD2/02 - Final Approach.flac"}.items():
        t = tracks[(disc, number)]
        assert t["status"] == "available" and t["file_path"] == str(root / f"{t['title']}.flac"), t
        assert pathlib.Path(t["file_path"]).read_bytes() == (sw.content / name).read_bytes()
        assert t["audio_format"] == "flac"
    assert tracks[(1, 3)]["status"] == "missing" and "file_path" not in tracks[(1, 3)]
    line = [a for a in activity(imp_stack, imp_token, "media_imported") if a.get("media_type") == "album" and a.get("media_id") == album_id]
    assert len(line) == 1 and "4 of 5 tracks" in line[0]["message"] and "Ascent" in line[0]["message"], line


def bencode(value) -> bytes:
    if isinstance(value, int):
        return b"i%de" % value
    if isinstance(value, str):
        value = value.encode()
    if isinstance(value, bytes):
        return b"%d:%s" % (len(value), value)
    if isinstance(value, list):
        return b"l" + b"".join(bencode(v) for v in value) + b"e"
    return b"d" + b"".join(bencode(k) + bencode(value[k]) for k in sorted(value)) + b"e"


def hostile_torrent(directory: pathlib.Path, name: str, files: list[tuple[list[str], bytes]], tracker: str):
    """A v1 .torrent written by hand, with file paths no honest tool makes ("..", absolute,
    control characters). The seeder's libtorrent cleans them when it loads the torrent, so the
    content is written where it will look. Returns (torrent path, save dir, info hash)."""
    piece = 16384
    blob = b"".join(data for _, data in files)
    pieces = b"".join(hashlib.sha1(blob[i:i + piece]).digest() for i in range(0, len(blob), piece))
    info = {"name": name, "piece length": piece, "pieces": pieces,
            "files": [{"path": path, "length": len(data)} for path, data in files]}
    torrent = directory / f"{name}.torrent"
    torrent.write_bytes(bencode({"announce": tracker, "info": info}))
    listing = subprocess.run([LT_PYTHON, "-c", "import libtorrent as lt, sys, json; fs = lt.torrent_info(sys.argv[1]).files(); "
                              "print(json.dumps([fs.file_path(i) for i in range(fs.num_files())]))", str(torrent)],
                             capture_output=True, text=True, check=True)
    save = directory / "hostile-seed"
    for cleaned, (_, data) in zip(json.loads(listing.stdout), files):
        (save / cleaned).parent.mkdir(parents=True, exist_ok=True)
        (save / cleaned).write_bytes(data)
    return torrent, save, hashlib.sha1(bencode(info)).hexdigest()


def test_hostile_file_names_never_escape(imp_stack, imp_token, tmp_path):
    m = add_movie(imp_stack, imp_token, 900005)
    videos = []
    for seconds in (24, 22):
        make_video(tmp_path / f"v{seconds}.mp4", seconds)
        videos.append((tmp_path / f"v{seconds}.mp4").read_bytes())
    files = [(["..", "..", "..", "escape.mp4"], videos[0]), (["/tmp", "abs-escape.nfo"], b"absolute"),
             (["sub", "\x1b]0;title\x07 ..\\..\\x.mp4"], videos[1]), (["CON:*?.nfo"], b"x")]
    with Tracker() as tracker:
        torrent, save, info_hash = hostile_torrent(tmp_path, "Third.Reel.2024.WEB-DL-LCARS", files, tracker.announce_url)
        tracker.allow(info_hash)
        with Seeder([(torrent, save)]):
            r = imp_stack.api("POST", "/api/downloads", token=imp_token, json={
                "magnet": magnet_uri(info_hash, "Third.Reel.2024.WEB-DL-LCARS", [tracker.announce_url]),
                "media_type": "movie", "media_id": m["id"]})
            assert r.status_code == 201, r.text
            done = wait_until(lambda: (x := movie(imp_stack, imp_token, m["id"]))["status"] == "available" and x,
                              timeout=90, interval=0.3, what="the movie to be available")
    # The largest video was placed under the pattern's name, inside the library; nothing else.
    root = imp_stack.dir / LIBRARY
    placed = pathlib.Path(done["file_path"])
    assert placed.parent == root / "movie/Third Reel (2024)" and placed.name.startswith("Third Reel (2024)")
    assert placed.read_bytes() == videos[0]
    escaped = [p for p in imp_stack.dir.rglob("*escape*") if (imp_stack.dir / "data/downloads") not in p.parents]
    assert escaped == [] and not pathlib.Path("/tmp/escape.mp4").exists() and not pathlib.Path("/tmp/abs-escape.nfo").exists()
    assert not (imp_stack.dir / "escape.mp4").exists() and not (imp_stack.dir / "data/escape.mp4").exists()
    assert all(not any(ord(c) < 32 for c in f) for f in library_files(imp_stack))


def test_smb_mount_not_mounted_makes_the_placement_wait(services, swarms, tmp_path):
    share = tmp_path / "nas"          # an empty folder: nothing is mounted there
    share.mkdir()

    def nas_enabled(text, _):
        return text.replace('mount_point = "/mnt/nas"\nenabled = false', f'mount_point = "{share}"\nenabled = true')

    s = start_stack(services, nas_enabled)
    try:
        token = s.login()
        m = add_movie(s, token, 900006)
        top = "Fourth.Reel.2024.WEB-DL-LCARS"
        sw = swarms(top, {f"{top}.mp4": 24})
        d = add_download(s, token, sw, "movie", m["id"])
        wait_until(lambda: "import waits" in s.log("lcarsd"), timeout=90, what="lcarsd to hold the import")
        assert "is not mounted at" in s.log("lcarsd")
        assert movie(s, token, m["id"])["status"] == "processing"
        assert library_files(s) == [] and list(share.iterdir()) == []
        assert download(s, token, d["id"])["status"] == "seeding"
        # The share is given up (disabled): after a restart the waiting import is placed locally.
        s.stop_daemon()
        s.config.write_text(s.config.read_text().replace(f'mount_point = "{share}"\nenabled = true', f'mount_point = "{share}"\nenabled = false'))
        s.start_daemon()
        done = wait_until(lambda: (x := movie(s, token, m["id"]))["status"] == "available" and x,
                          timeout=60, interval=0.3, what="the movie to be available")
        assert done["file_path"].startswith(str(s.dir / LIBRARY)) and list(share.iterdir()) == []
    finally:
        s.stop()


def test_a_full_destination_rolls_back_and_fails_the_download(services, swarms):
    """The library is a 256 KiB tmpfs in lcarsd's own user and mount namespace: the hardlink
    fails (another filesystem), the copy runs out of space half-way."""
    if subprocess.run(["unshare", "-Urm", "true"], capture_output=True).returncode != 0:
        pytest.skip("user namespaces are not available here")
    holder = {}

    def remember(text, s):
        holder["lib"] = s.dir / LIBRARY
        return text

    mount = 'mount -t tmpfs -o size=256k tmpfs "$LIB" && exec "$@"'
    s = Stack({**services.settings(), "LCARS_TORRENT__SEEDING__RATIO_LIMIT": 0, "LCARS_TORRENT__SEEDING__TIME_LIMIT_HOURS": 0})
    lib = s.dir / LIBRARY
    lib.mkdir(parents=True)
    s.daemon_prefix = ["unshare", "-Urm", "env", f"LIB={lib}", "sh", "-c", mount, "sh"]
    s.start()
    try:
        token = s.login()
        m = add_movie(s, token, 900003)
        top = "Tiny.Reel.2024.1080p.WEB-DL.x264-LCARS"
        sw = swarms(top, {f"{top}.mp4": (24, "640x480")})
        size = (sw.content / f"{top}.mp4").stat().st_size
        assert size > 256 * 1024, size
        d = add_download(s, token, sw, "movie", m["id"])
        failed = wait_until(lambda: (x := download(s, token, d["id"]))["status"] == "failed" and x,
                            timeout=120, interval=0.3, what="the download to fail")
        assert "No space left on device" in failed["error_message"], failed
        # Nothing half-placed: lcarsd's tmpfs is empty again, seen through its own mount namespace
        # (/proc/PID/root), and the folder outside the namespace was never written either.
        inside = pathlib.Path(f"/proc/{s.procs['lcarsd'].pid}/root") / str(lib).lstrip("/")
        assert inside.is_dir() and list(inside.iterdir()) == []
        assert list(lib.iterdir()) == []
        assert "No space left on device" in s.log("lcarsd")
        assert sha256_files(s.dir / "data/downloads", [f"{top}/{top}.mp4"]) == sha256_files(sw.content.parent, [f"{top}/{top}.mp4"])
        assert movie(s, token, m["id"]).get("file_path") is None
    finally:
        s.stop()


def test_an_unknown_placeholder_stops_lcarsd_at_start_naming_the_key(services):
    s = Stack(services.settings())
    try:
        s.config.write_text(s.config.read_text().replace('movie_pattern = "movie/{title} ({year})/',
                                                         'movie_pattern = "movie/{titel} ({year})/'))
        s.cli("migrate")
        r = s.cli("serve", check=False)
        assert r.returncode != 0
        assert "storage.naming.movie_pattern" in r.stderr and "{titel}" in r.stderr, r.stderr
    finally:
        s.stop()


def test_an_import_interrupted_by_a_crash_is_placed_at_the_next_start(imp_stack, imp_token, swarms):
    """A movie left `processing` with its download complete (lcarsd killed mid-placement) is
    placed when lcarsd starts again; what was already placed is kept (idempotent)."""
    m = add_movie(imp_stack, imp_token, 900006)
    top = "Fourth.Reel.2024.720p.WEB-DL-LCARS"
    sw = swarms(top, {f"{top}.mp4": 24})
    d = add_download(imp_stack, imp_token, sw, "movie", m["id"])
    done = wait_until(lambda: (x := movie(imp_stack, imp_token, m["id"]))["status"] == "available" and x,
                      timeout=90, interval=0.3, what="the movie to be available")
    placed = pathlib.Path(done["file_path"])
    # As if lcarsd had died after placing the file but before recording it.
    imp_stack.kill_daemon()
    sql(imp_stack, "UPDATE movies SET status = 'processing', file_path = NULL, file_size = NULL WHERE id = ?", m["id"])
    before = placed.stat().st_ino
    imp_stack.start_daemon()
    again = wait_until(lambda: (x := movie(imp_stack, imp_token, m["id"]))["status"] == "available" and x,
                       timeout=60, interval=0.3, what="the movie to be available again")
    assert again["file_path"] == str(placed) and placed.stat().st_ino == before
    assert download(imp_stack, imp_token, d["id"])["status"] == "seeding"
    lines = [a for a in activity(imp_stack, imp_token, "media_imported") if a.get("media_type") == "movie" and a.get("media_id") == m["id"]]
    assert len(lines) == 2, lines
