#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz corpus (docs/fuzzing.md) into Tests/Fixtures/fuzz/<subject>/.

Seeds are real inputs: release names from the parser fixtures, magnets of the shapes indexers
list, small .torrent files (v1, multi-file, v2-only, hybrid), config.example.toml and variants,
API requests for every kind of route, and control-socket frames. Files the fuzzer added (named by
their SHA-1) are left alone; re-running rewrites only the seed-* files.
"""
import base64, hashlib, json, os, random, struct, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
REPO = os.path.join(ROOT, "..", "..", "..")


def write(subject, name, data):
    os.makedirs(os.path.join(ROOT, subject), exist_ok=True)
    with open(os.path.join(ROOT, subject, "seed-" + name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def release_names():
    names = []
    for file in ("tuning.jsonl", "holdout.jsonl"):
        with open(os.path.join(REPO, "Tests/Fixtures/parser", file), encoding="utf-8") as f:
            names += [json.loads(line)["name"] for line in f if line.strip()]
    random.Random(11).shuffle(names)
    for i, name in enumerate(sorted(set(names[:160]))):
        write("release", f"{i:03d}", name)


def bencode(value):
    if isinstance(value, int):
        return b"i%de" % value
    if isinstance(value, (bytes, str)):
        raw = value.encode() if isinstance(value, str) else value
        return b"%d:%s" % (len(raw), raw)
    if isinstance(value, list):
        return b"l" + b"".join(bencode(v) for v in value) + b"e"
    return b"d" + b"".join(bencode(k) + bencode(value[k]) for k in sorted(value, key=lambda k: k.encode() if isinstance(k, str) else k)) + b"e"


def torrents():
    piece = 16384
    data = bytes(random.Random(7).getrandbits(8) for _ in range(40000))
    pieces = b"".join(hashlib.sha1(data[i:i + piece]).digest() for i in range(0, len(data), piece))
    tracker = "http://127.0.0.1:6969/announce"
    v1 = {"announce": tracker, "info": {"name": "Sample.Release.2024.1080p", "piece length": piece, "length": len(data), "pieces": pieces}}
    write("torrent", "v1.torrent", bencode(v1))
    a, b = data[:30000], data[30000:]
    multi_pieces = b"".join(hashlib.sha1((a + b)[i:i + piece]).digest() for i in range(0, len(data), piece))
    multi = {"announce-list": [[tracker]], "comment": "fuzz seed", "created by": "lcars",
             "info": {"name": "Show.S01.720p", "piece length": piece, "pieces": multi_pieces,
                      "files": [{"length": len(a), "path": ["S01E01.mkv"]}, {"length": len(b), "path": ["extras", "notes.txt"]}]}}
    write("torrent", "multi.torrent", bencode(multi))
    small = data[:10000]   # one 16 KiB block: its SHA-256 is the merkle root
    tree = {"Album.FLAC.flac": {"": {"length": len(small), "pieces root": hashlib.sha256(small).digest()}}}
    v2 = {"announce": tracker, "info": {"name": "Album.FLAC.flac", "piece length": piece, "meta version": 2, "file tree": tree}}
    write("torrent", "v2.torrent", bencode(v2))
    hybrid = {"announce": tracker, "piece layers": {},
              "info": {"name": "Album.FLAC.flac", "piece length": piece, "meta version": 2, "file tree": tree,
                       "length": len(small), "pieces": hashlib.sha1(small).digest()}}
    write("torrent", "hybrid.torrent", bencode(hybrid))
    write("torrent", "truncated.torrent", bencode(v1)[:200])
    write("torrent", "not-a-dict.torrent", b"li1ei2ee")
    write("torrent", "deep-lists.torrent", b"d4:info" + b"l" * 200 + b"e" * 200 + b"e")


def magnets():
    v1 = hashlib.sha1(b"fuzz").hexdigest()
    v2 = hashlib.sha256(b"fuzz").hexdigest()
    b32 = base64.b32encode(bytes.fromhex(v1)).decode()
    tr = "&tr=udp%3A%2F%2Ftracker.example%3A1337%2Fannounce&tr=http%3A%2F%2Fu%3Ap%40127.0.0.1%2Fpasskey%2Fannounce"
    for name, text in {
        "btih-hex": f"magnet:?xt=urn:btih:{v1}&dn=Sample.Release.2024.1080p{tr}",
        "btih-base32": f"magnet:?xt=urn:btih:{b32}&dn=Sample",
        "btmh-v2": f"magnet:?xt=urn:btmh:1220{v2}&dn=Album",
        "hybrid": f"magnet:?xt=urn:btih:{v1}&xt=urn:btmh:1220{v2}&dn=Hybrid&x.pe=127.0.0.1:6881",
        "upper": f"MAGNET:?XT=URN:BTIH:{v1.upper()}&DN=Upper",
        "no-hash": "magnet:?dn=nothing&tr=http%3A%2F%2F127.0.0.1%2Fannounce",
        "bad-base32": "magnet:?xt=urn:btih:0000000000000000000000000000001!",
        "short-v2": "magnet:?xt=urn:btmh:1220abcd",
        "percent": f"magnet:?xt=urn:btih:{v1}&dn=%E2%9C%93%ZZ&tr=%",
        "so-params": f"magnet:?xt=urn:btih:{v1}&so=0-3,5&ws=http%3A%2F%2F127.0.0.1%2Fseed",
        "bare-hash": v1,
    }.items():
        write("magnet", name, text)


def configs():
    with open(os.path.join(REPO, "config.example.toml"), encoding="utf-8") as f:
        example = f.read().replace("change-me-generate-a-secure-random-string", "k" * 40)
    write("config", "example.toml", example)
    secret = 'jwt_secret = "0123456789abcdef0123456789abcdef"'
    for name, text in {
        "minimal.toml": f"[server]\n{secret}\n",
        "short-secret.toml": '[server]\njwt_secret = "short"\n',
        "unknown-key.toml": f"[server]\n{secret}\nprot = 8080\n",
        "wrong-type.toml": f"[server]\n{secret}\nport = \"eighty\"\n",
        "mounts.toml": f"[server]\n{secret}\n[[storage.mounts]]\nname = \"nas\"\ntype = \"smb\"\npath = \"/mnt/nas\"\nenabled = false\n",
        "ports.toml": f"[server]\n{secret}\n[torrent]\nport_range = [6881, 6889]\n[torrent.seeding]\nratio_limit = 2.5\n",
        "bad-toml.toml": f"[server\n{secret}\n",
        "inline.toml": f"server = {{ {secret}, port = 99999 }}\n",
        "dates.toml": f"[server]\n{secret}\nwhen = 1979-05-27T07:32:00Z\n",
    }.items():
        write("config", name, text)


def requests():
    json_ct = "Content-Type: application/json\n"
    admin = "Authorization: Bearer @admin\n"
    user = "Authorization: Bearer @user\n"
    magnet = "magnet:?xt=urn:btih:" + hashlib.sha1(b"fuzz").hexdigest() + "&dn=x"
    seeds = {
        "get-users-admin": f"GET /api/users HTTP/1.1\n{admin}\n",
        "get-users-anonymous": "GET /api/users HTTP/1.1\n\n",
        "get-users-as-user": f"GET /api/users HTTP/1.1\n{user}\n",
        "login": f"POST /api/auth/login HTTP/1.1\n{json_ct}\n" + '{"username":"fuzz-admin","password":"wrong-password"}',
        "login-not-json": f"POST /api/auth/login HTTP/1.1\n{json_ct}\n{{",
        "me": f"GET /api/auth/me HTTP/1.1\n{user}\n",
        "create-user": f"POST /api/users HTTP/1.1\n{admin}{json_ct}\n" + '{"username":"new","password":"long-enough-password","role":"user"}',
        "update-user": f"PUT /api/users/2 HTTP/1.1\n{admin}{json_ct}\n" + '{"role":"user"}',
        "get-user-bad-id": f"GET /api/users/%2F..%2F HTTP/1.1\n{admin}\n",
        "movies-list": f"GET /api/movies?page=2&per_page=5&sort=title&order=desc&status=wanted&q=star HTTP/1.1\n{user}\n",
        "movies-add": f"POST /api/movies HTTP/1.1\n{user}{json_ct}\n" + '{"tmdb_id":603,"quality_profile":"1080p"}',
        "movie-update": f"PUT /api/movies/1 HTTP/1.1\n{user}{json_ct}\n" + '{"monitored":false}',
        "tv-season": f"GET /api/tv/1/season/1 HTTP/1.1\n{user}\n",
        "episode-search": f"POST /api/tv/1/season/1/episode/2/search HTTP/1.1\n{user}\n",
        "artists-add": f"POST /api/artists HTTP/1.1\n{user}{json_ct}\n" + '{"musicbrainz_id":"5b11f4ce-a62d-471e-81fc-a69a8278c7da"}',
        "albums-list": f"GET /api/albums?artist_id=1 HTTP/1.1\n{user}\n",
        "tracks": f"GET /api/tracks?album_id=1 HTTP/1.1\n{user}\n",
        "downloads-add-magnet": f"POST /api/downloads HTTP/1.1\n{user}{json_ct}\n" + json.dumps({"magnet": magnet}),
        "downloads-add-torrent": f"POST /api/downloads HTTP/1.1\n{user}{json_ct}\n" + json.dumps({"torrent": base64.b64encode(b"d4:infod4:name1:xee").decode()}),
        "downloads-list": f"GET /api/downloads?status=downloading HTTP/1.1\n{user}\n",
        "download-delete": f"DELETE /api/downloads/1?delete_files=true HTTP/1.1\n{admin}\n",
        "parse": f"GET /api/parse?name=Show.S01E02.720p.WEB-DL.x264-GRP HTTP/1.1\n{user}\n",
        "search-releases": f"GET /api/search/releases?q=matrix&category=movie HTTP/1.1\n{user}\n",
        "search-tmdb": f"GET /api/search/tmdb/movies?query=matrix HTTP/1.1\n{user}\n",
        "search-musicbrainz": f"GET /api/search/musicbrainz/artists?query=nirvana HTTP/1.1\n{user}\n",
        "indexers-add": f"POST /api/indexers HTTP/1.1\n{admin}{json_ct}\n" + '{"name":"local","kind":"torznab","url":"http://127.0.0.1:9117/api","api_key":"k","enabled":false}',
        "indexers-list": f"GET /api/indexers HTTP/1.1\n{admin}\n",
        "blocklist-add": f"POST /api/blocklist HTTP/1.1\n{admin}{json_ct}\n" + json.dumps({"info_hash": hashlib.sha1(b"x").hexdigest(), "reason": "fake"}),
        "events-ticket": f"POST /api/events/ticket HTTP/1.1\n{user}\n",
        "system-status": f"GET /api/system/status HTTP/1.1\n{admin}\n",
        "activity": f"GET /api/system/activity?limit=5 HTTP/1.1\n{admin}\n",
        "release-grab": f"POST /api/movies/1/download HTTP/1.1\n{user}{json_ct}\n" + json.dumps({"magnet": magnet, "title": "Movie.2024.1080p"}),
        "body-too-short": f"POST /api/movies HTTP/1.1\n{user}{json_ct}Content-Length: 100\n\n{{}}",
        "body-too-large": f"POST /api/movies HTTP/1.1\n{user}{json_ct}Content-Length: 99999999\n\n{{}}",
        "negative-length": f"POST /api/movies HTTP/1.1\n{user}Content-Length: -5\n\n",
        "method-not-allowed": f"PATCH /api/movies HTTP/1.1\n{user}\n",
        "not-found": "GET /api/../../etc/passwd HTTP/1.1\n\n",
        "crlf": "GET /api/auth/me HTTP/1.1\r\nAuthorization: Bearer @user\r\n\r\n",
    }
    for name, text in seeds.items():
        write("request", name, text)


def frame(payload):
    raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return struct.pack(">I", len(raw)) + raw


def control():
    magnet = "magnet:?xt=urn:btih:" + hashlib.sha1(b"fuzz").hexdigest()
    seeds = {
        "ping": frame({"v": 1, "id": 1, "cmd": "ping", "args": {}}),
        "add-magnet": frame({"v": 1, "id": 2, "cmd": "downloads.add", "args": {"magnet": magnet, "media": {"type": "movie", "id": 1}}}),
        "add-torrent": frame({"v": 1, "id": 3, "cmd": "downloads.add", "args": {"torrent": base64.b64encode(b"d4:infod4:name1:xee").decode()}}),
        "list": frame({"v": 1, "id": 4, "cmd": "downloads.list", "args": {"status": "seeding"}}),
        "remove": frame({"v": 1, "id": 5, "cmd": "downloads.remove", "args": {"id": 9, "delete_files": True}}),
        "two-frames": frame({"v": 1, "id": 6, "cmd": "status", "args": {}}) + frame({"v": 2, "id": 7, "cmd": "ping"}),
        "response": frame({"v": 1, "id": 8, "ok": False, "error": {"code": "duplicate", "message": "m", "details": {"id": 1}}}),
        "not-json": frame(b"{\"v\":1,"),
        "partial": frame({"v": 1, "id": 9, "cmd": "ping", "args": {}})[:-3],
        "too-large": struct.pack(">I", (1 << 20) + 1) + b"{}",
        "empty-frame": struct.pack(">I", 0),
        "huge-id": frame(b'{"v":1,"id":99999999999999999999,"cmd":"downloads.get","args":{"id":1e300}}'),
    }
    for name, data in seeds.items():
        write("control", name, data)


if __name__ == "__main__":
    release_names(); torrents(); magnets(); configs(); requests(); control()
    print("seeds written under", os.path.normpath(ROOT), file=sys.stderr)
