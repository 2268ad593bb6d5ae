#!/usr/bin/env bash
# `make bench-library`: the media API on a large library, through nginx -> FastCGI -> lcars-fcgi.
# Fills a fresh database with 20,000 movies, 1,000 shows x 100 episodes and 2,000 artists x 10
# albums x 12 tracks (bench/library_data.py, straight SQL), then measures with wrk at 1/16/64
# connections:
#   GET /api/movies?limit=50&page=k   a random page per request
#   GET /api/movies?search=...         a prefix search (FTS5), rotating through several queries
#   GET /api/tv/:id                    a random show with all 100 episodes
# each beside nginx serving a static file of the same size (api/static = the share of nginx's own
# ceiling the API reaches), the pool workers' CPU per API request (µs: unlike req/s, not moved by
# whatever else the machine runs), and the resident memory of the pool workers.
# Anchor: Radarr's /api/v3/movie takes ~20 s on large libraries (Radarr issue 9227).
# A measurement, not a test: it prints numbers and fails only if the stack cannot be started.
#
#   bench/library.sh                            fcgi.workers = 2, 5 s per run
#   BENCH_WORKERS=4 BENCH_SECONDS=10 bench/library.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Not LCARS_*: the programs reject any LCARS_ variable that does not name a config key.
workers=${BENCH_WORKERS:-2}     # 2 = this machine's CPU count
seconds=${BENCH_SECONDS:-5}
conns_list=(1 16 64)
here=$(pwd)

source bench/lib.sh
bench_prepare
python3 "$here/bench/library_data.py" "$tmp/d/lcars.db"
echo "database: $(( $(stat -c %s "$tmp/d/lcars.db") / 1048576 )) MiB" >&2
bench_start

# wrk scripts: a random movie page (400 pages of 50), a rotating search, a random show.
cat > "$tmp/pages.lua" <<'LUA'
math.randomseed(os.time())
request = function() return wrk.format("GET", "/api/movies?limit=50&page=" .. math.random(1, 400)) end
LUA
cat > "$tmp/search.lua" <<'LUA'
local queries = {"star%20tre", "dark%20riv", "golden", "lost%20emp", "silent%20harb", "iron%20front"}
local n = 0
request = function() n = n + 1; return wrk.format("GET", "/api/movies?search=" .. queries[n % #queries + 1]) end
LUA
cat > "$tmp/shows.lua" <<'LUA'
math.randomseed(os.time() + 1)
request = function() return wrk.format("GET", "/api/tv/" .. math.random(1, 1000)) end
LUA

bench_twin "/api/movies?limit=50&page=200" movies-page.json
bench_twin "/api/movies?search=star%20tre" movies-search.json
bench_twin "/api/tv/500" tv-show.json
curl -sf -H "$auth" "$url/api/movies?search=star%20tre" | python3 -c 'import json, sys; d = json.load(sys.stdin)
print("search \"star tre\": %d matches, %d in the answer" % (d["total"], len(d["items"])), file=sys.stderr)'

echo >&2
echo "LCARS library benchmark: 20,000 movies, 1,000 shows x 100 episodes, 2,000 artists x 10 albums x 12 tracks;"
echo "fcgi.workers=$workers, $(nproc) CPUs, ${seconds}s per run, wrk threads = min(conns, 2), all through nginx on 127.0.0.1"
bench_header fcgi
for c in "${conns_list[@]}"; do
  sample=0; [ "$c" = 64 ] && sample=1
  run_wrk "/api/movies" "$c" "$sample" "$tmp/pages.lua"; api=$result; api_us=$fcgi_us
  run_wrk "/movies-page.json" "$c" 0
  bench_row "GET /api/movies?limit=50&page=k" "$c" "$api" "$result" "/movies-page.json" "$api_us"
  run_wrk "/api/movies" "$c" "$sample" "$tmp/search.lua"; api=$result; api_us=$fcgi_us
  run_wrk "/movies-search.json" "$c" 0
  bench_row "GET /api/movies?search=..." "$c" "$api" "$result" "/movies-search.json" "$api_us"
  run_wrk "/api/tv" "$c" "$sample" "$tmp/shows.lua"; api=$result; api_us=$fcgi_us
  run_wrk "/tv-show.json" "$c" 0
  bench_row "GET /api/tv/:id (100 episodes)" "$c" "$api" "$result" "/tv-show.json" "$api_us"
done

echo
bench_memory_report
# RssFile is mostly the database file the workers read through a memory map (the kernel's page
# cache, shared and reclaimable); RssAnon is the workers' own memory.
echo "Pool workers (VmRSS each, after the runs):"
for p in $(pgrep -P "$pool_pid"); do
  printf '  worker %-8s %6s kB   (RssAnon %6s kB, RssFile %6s kB, RssShmem %5s kB)\n' "$p" \
    $(awk '$1 == "VmRSS:" || $1 == "RssAnon:" || $1 == "RssFile:" || $1 == "RssShmem:" {print $2}' /proc/$p/status)
done
bench_check_deaths
