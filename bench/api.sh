#!/usr/bin/env bash
# `make bench`: throughput and latency of the API through nginx -> FastCGI -> lcars-fcgi, next to
# nginx serving a static file of the same size in the same run (the ceiling the API could reach
# on this machine), plus the resident memory of the whole stack at idle and under load.
# A measurement, not a test: it prints numbers and only fails if the stack cannot be started.
#
#   bench/api.sh                              fcgi.workers = 2, 10 s per run
#   BENCH_WORKERS=4 BENCH_SECONDS=5 bench/api.sh
#
# Everything runs on 127.0.0.1 in a fresh /tmp/lcars-bench.XXXX (short: Unix socket paths must
# stay under 108 bytes), which is removed with every process it started when the script exits.
set -euo pipefail
cd "$(dirname "$0")/.."

# Not LCARS_*: the programs reject any LCARS_ variable that does not name a config key.
workers=${BENCH_WORKERS:-2}     # 2 = this machine's CPU count
seconds=${BENCH_SECONDS:-10}
conns_list=(1 16 64)
source bench/lib.sh
bench_prepare
bench_start

for ep in auth/me system/status; do bench_twin "/api/$ep" "$(echo "$ep" | tr / -).json"; done

echo >&2
echo "LCARS API benchmark: fcgi.workers=$workers, $(nproc) CPUs, ${seconds}s per run, wrk threads = min(conns, 2), all through nginx on 127.0.0.1"
# cpu% = the whole machine's CPU busy during the run (wrk and nginx included).
bench_header
for c in "${conns_list[@]}"; do
  for ep in auth/me system/status; do
    sample=0; [ "$c" = 64 ] && sample=1
    twin=$(echo "$ep" | tr / -).json
    run_wrk "/api/$ep" "$c" "$sample"; api=$result
    run_wrk "/$twin" "$c" 0
    bench_row "GET /api/$ep" "$c" "$api" "$result" "/$twin"
  done
done

echo
bench_memory_report
bench_check_deaths
