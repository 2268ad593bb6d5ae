#!/usr/bin/env bash
# Load with writes: 64 connections of mixed API reads and writes (bench/load_writes.lua: 70 %
# reads of downloads, movies, shows and the system status; 30 % writes: monitored flags of movies,
# tracks and albums, blocklist entries) through nginx -> FastCGI -> lcars-fcgi for 60 s, while
# lcarsd downloads 50 real torrents from a local seeder (bench/load_swarm.py, each torrent limited
# so that it is still downloading at the end) and writes their rows every second.
# The baseline is the same workload for the same time with the same 50 torrents paused (no row
# writes from lcarsd). Prints requests, errors (anything but 2xx, and socket errors), every
# "database is locked" / SQLITE_BUSY in any log (must be 0), p50/p99 latency and the ratios.
# A measurement: it fails only if the stack or the swarm cannot be started.
#
#   bench/load_writes.sh                                   fcgi.workers = 2, 60 s per run
#   BENCH_SECONDS=20 BENCH_TORRENTS=20 bench/load_writes.sh
#   BENCH_BIN=$(swift build --show-bin-path) bench/load_writes.sh   (no release build; debug figures)
#
# Everything runs on 127.0.0.1 (BitTorrent too: TCP only, no DHT/LSD/UPnP/NAT-PMP/PEX) in a fresh
# /tmp/lcars-bench.XXXX, removed with every process it started when the script exits.
set -euo pipefail
cd "$(dirname "$0")/.."

# Not LCARS_*: the programs reject any LCARS_ variable that does not name a config key.
workers=${BENCH_WORKERS:-2}
seconds=${BENCH_SECONDS:-60}
count=${BENCH_TORRENTS:-50}
size=$((2 * 1024 * 1024))
rate=$((16 * 1024))          # bytes/s per torrent: 2 MiB take 128 s, longer than a run
conns=64
here=$(pwd)

source bench/lib.sh
bench_prepare
python3 "$here/bench/library_data.py" "$tmp/d/lcars.db"

torrent_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export LCARS_TORRENT__ENABLE_DHT=false LCARS_TORRENT__ENABLE_LSD=false LCARS_TORRENT__ENABLE_UPNP=false \
  LCARS_TORRENT__ENABLE_NATPMP=false LCARS_TORRENT__ENABLE_PEX=false LCARS_TORRENT__ENABLE_UTP=false \
  LCARS_TORRENT__LISTEN_ADDRESS=127.0.0.1 LCARS_TORRENT__PORT_RANGE="$torrent_port,$torrent_port" \
  LCARS_TORRENT__STALLED_TIMEOUT_SECONDS=0 LCARS_TORRENT__SEEDING__RATIO_LIMIT=0 \
  LCARS_TORRENT__SEEDING__TIME_LIMIT_HOURS=0
bench_start

echo "starting $count torrents on a local seeder ($((size / 1048576)) MiB each, $((rate / 1024)) KiB/s each)..." >&2
python3 "$here/bench/load_swarm.py" --dir "$tmp/swarm" --count "$count" --size "$size" --rate "$rate" \
  --url "$url" --token "$token" --ready "$tmp/swarm.json" 2>"$tmp/swarm.log" & pids+=($!); swarm_pid=$!
for _ in $(seq 1800); do   # up to 180 s: content, 50 .torrent files, the seeder, 50 adds
  [ -f "$tmp/swarm.json" ] && break
  kill -0 "$swarm_pid" 2>/dev/null || { echo "bench: the swarm helper failed:" >&2; cat "$tmp/swarm.log" >&2; exit 1; }
  sleep 0.1
done
[ -f "$tmp/swarm.json" ] || { echo "bench: the swarm was not ready in 180 s" >&2; exit 1; }
ids=$(python3 -c 'import json, sys; print(" ".join(map(str, json.load(open(sys.argv[1]))["ids"])))' "$tmp/swarm.json")
export BENCH_DOWNLOADS=$count

# rows COND: how many downloads satisfy a Python condition on `d` (one row).
rows() {
  curl -sf -H "$auth" "$url/api/downloads" | python3 -c "import json, sys
print(sum(1 for d in json.load(sys.stdin) if $1))"
}
downloaded() { curl -sf -H "$auth" "$url/api/downloads" | python3 -c 'import json, sys; print(sum(d["downloaded_bytes"] for d in json.load(sys.stdin)))'; }

# run LABEL: the mixed workload; sets line (a table row), rps, p50 and p99.
run() {
  run_wrk "/" "$conns" 0 "$here/bench/load_writes.lua"
  local err cpu requests statuses
  read -r rps p50 p99 err cpu <<<"$result"
  requests=$(awk '/requests in/ {print $1}' "$tmp/wrk.out")
  statuses=$(awk '$1 == "status" {printf "%s%s:%s", sep, $2, $3; sep=" "}' "$tmp/wrk.out")
  line=$(printf '%-34s %9s %9s %9s %9s %7s %5s  %s' "$1" "$requests" "$rps" "$p50" "$p99" "$err" "$cpu" "$statuses")
}

echo >&2
echo "baseline: the workload with the $count torrents paused (${seconds}s)..." >&2
run "baseline: torrents paused"; base=$line; base_rps=$rps base_p50=$p50 base_p99=$p99

for id in $ids; do curl -sf -X POST -H "$auth" "$url/api/downloads/$id/resume" >/dev/null; done
for _ in $(seq 600); do   # up to 60 s for every torrent to be moving
  [ "$(rows 'd["status"] == "downloading" and d["download_speed"] > 0')" -ge "$count" ] && break
  sleep 0.1
done
before=$(downloaded)
echo "with the $count torrents downloading: $(rows 'd["download_speed"] > 0') moving (${seconds}s)..." >&2

# Sampled every 5 s during the loaded run: torrents still moving (their rows change every second).
: > "$tmp/moving"
( while sleep 5; do rows 'd["status"] == "downloading" and d["download_speed"] > 0' >> "$tmp/moving" 2>/dev/null || true; done ) &
sampler=$!; pids+=($sampler)
run "$count torrents downloading"; loaded=$line
kill "$sampler" 2>/dev/null || true
after=$(downloaded)
locked=$(cat "$tmp"/*.log 2>/dev/null | grep -c -i -E 'database is locked|database table is locked|SQLITE_BUSY' || true)

echo
echo "LCARS load with writes: $conns connections, ${seconds}s per run, fcgi.workers=$workers, $(nproc) CPUs, all through nginx on 127.0.0.1"
echo "workload: 70% reads (downloads list/one, movies page, show, system status), 30% writes (monitored flags, blocklist)"
printf '%-34s %9s %9s %9s %9s %7s %5s  %s\n' run requests req/s p50_ms p99_ms errors cpu% "statuses"
echo "$base"
echo "$loaded"
awk -v a="$rps" -v b="$base_rps" -v p="$p50" -v q="$base_p50" -v r="$p99" -v s="$base_p99" 'BEGIN {
  printf "loaded/baseline: req/s %.3f, p50 %.3f, p99 %.3f\n", (b > 0 ? a / b : 0), (q > 0 ? p / q : 0), (s > 0 ? r / s : 0) }'
echo "\"database is locked\" / SQLITE_BUSY lines in all logs: $locked"
echo "torrents moving during the loaded run (every 5 s): $(tr '\n' ' ' < "$tmp/moving")of $count;" \
  "downloaded during it: $(( (after - before) / 1024 )) KiB; still incomplete at the end: $(rows 'd["progress"] < 1')"
bench_check_deaths
