#!/usr/bin/env bash
# `bench/ui.sh`: the web UI on a large library in headless chromium (Debian's chromium and
# chromedriver through selenium). Fills a fresh database with 20,000 movies, 1,000 shows and 2,000
# artists (bench/library_data.py), then for /movies and /dashboard, each loaded afresh:
#   fcp_ms     first contentful paint (Paint Timing API)
#   data_ms    the page's performance.mark when its data is on screen (lcars:movies:data,
#              lcars:dashboard:data)
#   bytes      bytes transferred for the page and everything it loaded (Resource Timing)
# and, on /movies, the longest main-thread task (Long Tasks API, tasks over 50 ms) while
# scrolling to the end of every page of the grid, page after page (Next, 48 movies a page) to the
# last (417 pages), or BENCH_PAGES pages.
# A measurement, not a test: it prints numbers and fails only if the stack cannot be started.
#
#   BENCH_BIN=.build/debug bench/ui.sh        already built binaries (else a release build)
#   BENCH_RUNS=5 BENCH_PAGES=40 bench/ui.sh    (BENCH_PAGES=0, the default: every page)
set -euo pipefail
cd "$(dirname "$0")/.."

# Not LCARS_*: the programs reject any LCARS_ variable that does not name a config key.
workers=${BENCH_WORKERS:-2}
seconds=1
here=$(pwd)

source bench/lib.sh
bench_prepare
python3 "$here/bench/library_data.py" "$tmp/d/lcars.db"
bench_start

token=$token url=$url runs=${BENCH_RUNS:-3} pages=${BENCH_PAGES:-0} python3 "$here/bench/ui_measure.py"
