#!/usr/bin/env bash
# The pipeline's figures (issue 12). Part 1: post-processing time from "download complete" to
# "available" for one large movie (BENCH_SIZE_MB, default 1024), hardlinked into the library and
# copied onto another filesystem (bench/pipeline_import.py). Part 2: one `search_missing` run over
# a large wanted list (bench/pipeline_search.sh; BENCH_ITEMS, BENCH_GRAB there). A measurement, not
# a test: it prints numbers and fails only if the stack cannot run.
#
#   bench/pipeline.sh                          release build of lcarsd and lcars-fcgi
#   BENCH_BIN=.build/debug BENCH_SIZE_MB=256 bench/pipeline.sh
#
# Needs ffmpeg, opentracker and python3-libtorrent (scripts/install-deps.sh test) and user
# namespaces (unshare -Urm) for the copy case. Everything runs on 127.0.0.1 in /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${BENCH_BIN:-}" ]; then
  bin=$(cd "$BENCH_BIN" && pwd)
else
  swift build -c release --product lcarsd >&2
  swift build -c release --product lcars-fcgi >&2
  bin=$(swift build -c release --show-bin-path)
fi
LCARS_BIN_DIR=$bin python3 bench/pipeline_import.py
BENCH_BIN=$bin bench/pipeline_search.sh
