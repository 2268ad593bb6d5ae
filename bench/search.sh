#!/usr/bin/env bash
# Search fan-out latency: GET /api/search/releases through nginx + the pool against 6 local
# Torznab indexers (50 releases each), one of which answers only after 5 s. Prints p50/p99 with and
# without the slow indexer and the per-indexer timeout: the slow one must cost about the timeout,
# never its 5 s. A measurement, not a test (bench/search_fanout.py does the work).
#
#   bench/search.sh                              30 searches each way, 1000 ms timeout, release build
#   BENCH_SEARCHES=10 BENCH_TIMEOUT_MS=500 bench/search.sh
#   BENCH_BIN_DIR=$(swift build --show-bin-path) bench/search.sh    debug binaries, no release build
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "bench: python3 is missing" >&2; exit 1; }
command -v nginx >/dev/null || { echo "bench: nginx is missing (make run installs it)" >&2; exit 1; }

if [ -z "${BENCH_BIN_DIR:-}" ]; then
  echo "building release..." >&2
  swift build -c release --product lcarsd >&2
  swift build -c release --product lcars-fcgi >&2
  BENCH_BIN_DIR=$(swift build -c release --show-bin-path)
fi
LCARS_BIN_DIR="$BENCH_BIN_DIR" exec python3 bench/search_fanout.py
