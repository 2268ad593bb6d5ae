#!/usr/bin/env bash
# Fuzzing (docs/fuzzing.md): builds lcars-fuzz with AddressSanitizer and libFuzzer's coverage
# instrumentation, runs every subject (release, magnet, torrent, config, request, control) for a
# bounded time from the kept corpus (Tests/Fixtures/fuzz/<subject>), and prints per subject:
# executions per second, coverage (libFuzzer's edge count "cov" and feature count "ft"), the
# inputs it added and the crashes it found (goal: 0). A crash input (crash-, leak-, timeout-,
# oom-*) is copied to Tests/Fixtures/fuzz/crashes/<subject>/ so `make test` replays it once the
# defect is fixed (add its `.expected` outcome then). A measurement, not a test.
#
#   bench/fuzz.sh                         every subject, 60 s each
#   FUZZ_SECONDS=10 bench/fuzz.sh torrent magnet
#   FUZZ_MERGE=1 bench/fuzz.sh            also merge inputs that add coverage into the kept corpus
#   FUZZ_SKIP_BUILD=1 bench/fuzz.sh       reuse the last sanitized build (.build-fuzz)
#   FUZZ_STRICT=1 bench/fuzz.sh request   also treat an API answer 500 as a crash
#
# Why not `-sanitize=fuzzer`: it links libFuzzer's own main(), which clashes with the main every
# SwiftPM executable has. So the code gets ASan and the fuzzer's coverage instrumentation
# (-sanitize-coverage, Swift and the C/C++ shims alike: CTorrent, TOMLKit's toml++), and the link
# takes libFuzzer without its main (libclang_rt.fuzzer_no_main); lcars-fuzz's main calls
# LLVMFuzzerRunDriver when built with -DFUZZING. libtorrent, libfcgi and libcurl are system
# libraries: they run, uninstrumented (their bugs can crash, but do not guide the fuzzer).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
subjects=("$@")
[ ${#subjects[@]} -gt 0 ] || subjects=(release magnet torrent config request control)
scratch=.build-fuzz

if [ -z "${FUZZ_SKIP_BUILD:-}" ]; then
  toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
  runtime=$(ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -1)
  [ -n "$runtime" ] || { echo "bench: libclang_rt.fuzzer_no_main not found under $toolchain/lib/clang" >&2; exit 1; }
  coverage=edge,inline-8bit-counters,pc-table,trace-cmp,indirect-calls
  echo "building the sanitized fuzzer (first build: long)..." >&2
  swift build -c release --scratch-path "$scratch" --product lcars-fuzz \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=$coverage -Xswiftc -DFUZZING \
    -Xcc -fsanitize=address -Xcc -fsanitize-coverage=$coverage \
    -Xcxx -fsanitize=address -Xcxx -fsanitize-coverage=$coverage \
    -Xlinker --whole-archive -Xlinker "$runtime" -Xlinker --no-whole-archive -Xlinker -lstdc++ >&2
fi
fuzz="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/lcars-fuzz"

work=$(mktemp -d /tmp/lcars-fuzz.XXXX)
trap 'rm -rf "$work"' EXIT
# Swift's runtime keeps metadata caches for the life of the process: leak checks would only report those.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0}
export LCARS_FUZZ_STRICT=${FUZZ_STRICT:-0}
# Swift's own crash reporter would catch the signal first and hide libFuzzer's stack and input.
export SWIFT_BACKTRACE=enable=no

printf '%-8s %9s %8s %7s %7s %8s %8s %7s\n' subject execs exec/s cov ft corpus new crashes
total_crashes=0
for subject in "${subjects[@]}"; do
  kept=Tests/Fixtures/fuzz/$subject
  [ -d "$kept" ] || { echo "bench: no corpus $kept" >&2; exit 1; }
  mkdir -p "$work/$subject/new" "$work/$subject/artifacts"
  log=$work/$subject/log
  # New inputs go to the first directory; the kept corpus is only read.
  "$fuzz" "$subject" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/$subject/artifacts/" \
    "$work/$subject/new" "$kept" >"$log" 2>&1 || true
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  status=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$status")
  corpus=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$status")
  new=$(find "$work/$subject/new" -type f | wc -l)
  crashes=0
  for artifact in "$work/$subject/artifacts"/*; do
    [ -f "$artifact" ] || continue
    crashes=$((crashes + 1))
    mkdir -p "Tests/Fixtures/fuzz/crashes/$subject"
    cp "$artifact" "Tests/Fixtures/fuzz/crashes/$subject/"
    echo "  $subject: $(basename "$artifact") kept in Tests/Fixtures/fuzz/crashes/$subject/ — what happened:" >&2
    grep -E 'ERROR: AddressSanitizer|Fatal error|Assertion|deadly signal|ERROR: libFuzzer|SUMMARY|^ +#[0-9]+ .* in \$s' "$log" | head -8 | sed 's/^/    /' >&2
  done
  total_crashes=$((total_crashes + crashes))
  printf '%-8s %9s %8s %7s %7s %8s %8s %7s\n' "$subject" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corpus:-?}" "$new" "$crashes"
  if [ -n "${FUZZ_MERGE:-}" ] && [ "$new" -gt 0 ]; then
    "$fuzz" "$subject" -merge=1 "$kept" "$work/$subject/new" >"$work/$subject/merge.log" 2>&1 \
      && echo "  $subject: $(sed -n 's/.*MERGE-OUTER: \([0-9]*\) new files.*/\1/p' "$work/$subject/merge.log") inputs merged into $kept" >&2
  fi
  [ -z "${FUZZ_KEEP_LOGS:-}" ] || cp "$log" "/tmp/lcars-fuzz-$subject.log"
done
echo "crashes: $total_crashes (goal: 0); ${seconds} s per subject"
