#!/usr/bin/env bash
# Crash safety at length: lcarsd is killed with SIGKILL at random moments of a real download
# (a local rate-limited seeder: loopback, TCP only, no DHT/LSD/UPnP/NAT-PMP) and started again,
# many more times than Tests/system/test_crash_safety.py does in `make test`. Prints the bytes
# the seeder sent against the torrent's size (the excess per kill is what a kill costs), and
# checks the same bounds as the test: complete and correct file, row = engine, integrity ok.
#
#   bench/crash.sh                                  40 kills, 16 MiB at 128 KiB/s, a random seed
#   BENCH_KILLS=100 BENCH_SEED=1234 bench/crash.sh
#   LCARS_BIN_DIR=... bench/crash.sh                 binaries already built (default: swift build)
set -euo pipefail
cd "$(dirname "$0")/.."

kills=${BENCH_KILLS:-40}
size_mib=${BENCH_SIZE_MIB:-16}
rate_kib=${BENCH_RATE_KIB:-128}
seed=${BENCH_SEED:-$(( $(date +%s%N) % 1000000 ))}
# The kills take about kills x 2 s; the download must outlast them.
if (( size_mib * 1024 / rate_kib < kills * 3 )); then
  echo "bench: ${size_mib} MiB at ${rate_kib} KiB/s ends before $kills kills; raise BENCH_SIZE_MIB" >&2; exit 1
fi
if [ -z "${LCARS_BIN_DIR:-}" ]; then
  swift build >&2
  LCARS_BIN_DIR=$(swift build --show-bin-path)
fi
export LCARS_BIN_DIR
echo "LCARS crash safety: $kills x kill -9 during a ${size_mib} MiB download, seed $seed (BENCH_SEED=$seed replays it)"
exec python3 bench/crash_run.py "$kills" "$size_mib" "$rate_kib" "$seed"
