#!/usr/bin/env bash
# Pipeline benchmark, part 2: one `search_missing` run over a large wanted list.
# A fresh database gets BENCH_ITEMS (default 10,000) monitored missing movies (straight SQL); one
# local Torznab indexer (a Python server on 127.0.0.1, in the format Jackett renders) answers every
# search with a release named after the movie asked for (by its TMDB id, else the words); the built-in public indexers are off, every job's
# schedule never fires, `indexers.min_interval_ms` = 0 and `scheduler.search_limit` = BENCH_ITEMS.
# The run is started through the API and watched until it ends (at most BENCH_TIMEOUT s, default
# 900); printed: items searched, seconds, items/s, and lcarsd's peak resident memory (VmHWM).
#   default        the release is 2160p (over the 1080p limit): every item is searched, ranked and
#                  sent back to missing with the reason — the search path alone
#   BENCH_GRAB=1   the release is an acceptable 1080p magnet (no tracker, no peers): every item is
#                  grabbed and its torrent added to lcarsd's session as well
# A measurement, not a test: no assertions; it fails only if the stack cannot be started.
#
#   BENCH_BIN=$(swift build --show-bin-path) bench/pipeline_search.sh      (a debug build, no build)
#   BENCH_ITEMS=2000 BENCH_GRAB=1 bench/pipeline_search.sh
set -euo pipefail
cd "$(dirname "$0")/.."

workers=${BENCH_WORKERS:-2}
seconds=0
items=${BENCH_ITEMS:-10000}
timeout=${BENCH_TIMEOUT:-900}
grab=${BENCH_GRAB:-0}
here=$(pwd)

source bench/lib.sh
bench_prepare   # (it clears the caller's LCARS_* variables: the overrides come after)
never="0 0 0 1 1 *"
for job in SEARCH_MISSING REFRESH_METADATA CHECK_NEW_EPISODES CHECK_NEW_RELEASES CLEANUP_COMPLETED; do
  export "LCARS_SCHEDULER__$job=$never"
done
export LCARS_INDEXERS__MIN_INTERVAL_MS=0 LCARS_SCHEDULER__SEARCH_LIMIT=$items LCARS_HTTP__RETRIES=0
export LCARS_TORRENT__ENABLE_DHT=false LCARS_TORRENT__ENABLE_LSD=false LCARS_TORRENT__ENABLE_UPNP=false
export LCARS_TORRENT__ENABLE_NATPMP=false LCARS_TORRENT__LISTEN_ADDRESS=127.0.0.1

python3 - "$tmp/d/lcars.db" "$items" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE indexers SET enabled = 0 WHERE indexer_type = 'public'")
db.executemany("INSERT INTO movies (tmdb_id, title, year, monitored, status) VALUES (?, ?, 2000, 1, 'missing')",
               [(1_000_000 + n, f"Bench Movie {n}") for n in range(int(sys.argv[2]))])
db.commit()
PY

# The local Torznab indexer: caps, and one release per search named after the query.
indexer_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 - "$indexer_port" "$grab" "$here/Tests/Fixtures/indexers/torznab/caps.xml" <<'PY' 2>"$tmp/indexer.log" &
import hashlib, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse
from xml.sax.saxutils import escape, quoteattr
port, grab, caps = int(sys.argv[1]), sys.argv[2] == "1", open(sys.argv[3], "rb").read()

class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def do_GET(self):
        q = parse_qs(urlparse(self.path).query)
        if q.get("t", [""])[0] == "caps":
            return self.answer(caps)
        # Movie searches carry the TMDB id (the movies are 1,000,000 + n) and often no words.
        if "tmdbid" in q:
            name = f"Bench.Movie.{int(q['tmdbid'][0]) - 1_000_000}"
        else:
            name = ".".join(w for w in q.get("q", ["Bench Movie 0"])[0].split() if w != "2000")
        title = f"{name}.2000.{'1080p' if grab else '2160p'}.BluRay.x264-BENCH"
        h = hashlib.sha1(title.encode()).hexdigest()
        magnet = f"magnet:?xt=urn:btih:{h}&dn={title}"
        item = f"""<item><title>{escape(title)}</title><guid>bench-{h}</guid><size>8000000000</size>
<category>2000</category><torznab:attr name="category" value="2000" /><torznab:attr name="seeders" value="50" />
<torznab:attr name="peers" value="60" /><torznab:attr name="infohash" value="{h}" />
<torznab:attr name="magneturl" value={quoteattr(magnet)} /></item>"""
        self.answer(f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:torznab="http://torznab.com/schemas/2015/feed">
<channel><title>bench</title>{item}</channel></rss>""".encode())
    def answer(self, body):
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
PY
pids+=($!)

bench_start
curl -sf -H "$auth" -H 'Content-Type: application/json' -X POST "$url/api/indexers" \
  -d "{\"name\":\"bench\",\"indexer_type\":\"torznab\",\"url\":\"http://127.0.0.1:$indexer_port\",\"api_key\":\"bench-key-0123456789\",\"categories\":[\"movies\"]}" >/dev/null

job() { curl -sf -H "$auth" "$url/api/system/jobs" | python3 -c '
import json, sys
j = next(j for j in json.load(sys.stdin) if j["name"] == "search_missing")
last = j.get("last_run") or {}
print(int(j["running"]), last.get("items", 0), last.get("status", "-"))'; }

echo "search_missing over $items missing movies (grab=$grab), min_interval_ms=0, search_limit=$items" >&2
started=$(date +%s.%N)
curl -sf -H "$auth" -X POST "$url/api/system/jobs/search_missing/run" >/dev/null
read -r running done status < <(job)
while [ "$running" = 1 ]; do
  now=$(date +%s.%N)
  if awk -v a="$now" -v b="$started" -v t="$timeout" 'BEGIN { exit !(a - b > t) }'; then
    echo "bench: stopped watching after ${timeout}s (BENCH_TIMEOUT); the figures cover what was done" >&2
    break
  fi
  sleep 1
  read -r running done status < <(job)
done
ended=$(date +%s.%N)
echo >&2

elapsed=$(awk -v a="$ended" -v b="$started" 'BEGIN { printf "%.1f", a - b }')
rate=$(awk -v n="$done" -v s="$elapsed" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }')
peak=$(awk '$1 == "VmHWM:" {print $2}' "/proc/$lcarsd_pid/status")
rss=$(awk '$1 == "VmRSS:" {print $2}' "/proc/$lcarsd_pid/status")
grabbed=$(curl -sf -H "$auth" "$url/api/downloads" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
reason=$(curl -sf -H "$auth" "$url/api/system/activity?type=search_failed&limit=1" | python3 -c '
import json, sys; rows = json.load(sys.stdin); print(rows[0]["message"][:110] if rows else "-")')
echo "LCARS pipeline benchmark, part 2: search_missing, $(nproc) CPUs, binaries in $bin"
printf '%-28s %s\n' "items searched" "$done (run $status)" "seconds" "$elapsed" "items/s" "$rate" \
  "downloads added" "$grabbed" "a search_failed reason" "$reason" "lcarsd peak RSS (VmHWM)" "$peak kB" "lcarsd RSS after" "$rss kB"
bench_check_deaths
