#!/usr/bin/env bash
# The release-name parser's throughput: names parsed per second on one core, through
# `lcarsd parse` (stdin → one JSON object per line), over a generated set of 100k names that mixes
# movies, episodes, multi-episodes, packs, daily shows, anime and music in the shapes trackers use.
# Printed next to two baselines over the same file on the same core: `cat` (reading and writing the
# bytes) and `lcarsd parse` of empty lines (process, I/O and JSON encoding without parsing work).
# Last, the parse alone in-process (`lcarsd parse --bench 5`: the same names parsed five times in
# one process, best round; no process start, no I/O, no JSON), the figure the parser's
# 100,000 names/s target is about. A measurement, not a test.
#
#   bench/parser.sh                    100000 names, release build
#   BENCH_NAMES=20000 bench/parser.sh
set -euo pipefail
cd "$(dirname "$0")/.."

count=${BENCH_NAMES:-100000}
command -v python3 >/dev/null || { echo "bench: python3 is missing" >&2; exit 1; }
pin=(); command -v taskset >/dev/null && pin=(taskset -c 0)   # one core

if [ -z "${BENCH_BIN_DIR:-}" ]; then
  echo "building release..." >&2
  swift build -c release --product lcarsd >&2
  BENCH_BIN_DIR=$(swift build -c release --show-bin-path)
fi
lcarsd="$BENCH_BIN_DIR/lcarsd"

tmp=$(mktemp -d /tmp/lcars-parser-bench.XXXX)
trap 'rm -rf "$tmp"' EXIT

# Deterministic names from templates (seeded), so every run parses the same set.
python3 - "$count" > "$tmp/names.txt" <<'PY'
import random, sys
rng = random.Random(5)
words = ["the", "last", "star", "night", "city", "king", "dark", "river", "house", "game", "of", "blue", "storm",
         "dragon", "office", "walking", "dead", "moon", "ghost", "iron", "silent", "world", "little", "big", "lost"]
groups = ["GRP", "NTb", "FLUX", "RARBG", "YIFY", "CAKES", "KILLERS", "DIMENSION", "EVO", "SPARKS", "FGT", "TEPES"]
res = ["2160p", "1080p", "720p", "480p", "1080i"]
src = ["BluRay", "WEB-DL", "WEBRip", "HDTV", "DVDRip", "BDRip", "AMZN.WEB-DL", "NF.WEB-DL", "HDCAM", "BluRay.REMUX"]
codec = ["x264", "x265", "H.264", "HEVC", "XviD", "AV1", "h264"]
audio = ["DD5.1", "DDP5.1", "AAC2.0", "DTS-HD.MA.5.1", "TrueHD.7.1.Atmos", "AC3", "FLAC.2.0", ""]
def title(n, sep="."):
    return sep.join(rng.choice(words).capitalize() for _ in range(n))
def movie():
    parts = [title(rng.randint(1, 5)), str(rng.randint(1950, 2025)), rng.choice(res), rng.choice(src), rng.choice(audio), rng.choice(codec)]
    return ".".join(p for p in parts if p) + "-" + rng.choice(groups)
def episode():
    s, e = rng.randint(1, 20), rng.randint(1, 24)
    tag = rng.choice([f"S{s:02d}E{e:02d}", f"S{s:02d}E{e:02d}E{e+1:02d}", f"S{s:02d}E{e:02d}-E{e+2:02d}", f"{s}x{e:02d}", f"S{s:02d}"])
    return f"{title(rng.randint(1, 4))}.{tag}.{rng.choice(res)}.{rng.choice(src)}.{rng.choice(codec)}-{rng.choice(groups)}"
def spaced():
    return f"{title(rng.randint(1, 4), ' ')} ({rng.randint(1950, 2025)}) [{rng.choice(res)}] [{rng.choice(['BluRay', 'WEBRip'])}] [YTS.MX]"
def daily():
    return f"{title(2)}.{rng.randint(2000, 2025)}.{rng.randint(1, 12):02d}.{rng.randint(1, 28):02d}.{rng.choice(res)}.WEB.h264-{rng.choice(groups)}"
def anime():
    return f"[{rng.choice(['SubsPlease', 'Erai-raws', 'Judas'])}] {title(rng.randint(1, 4), ' ')} - {rng.randint(1, 1100):02d} ({rng.choice(res)}) [{rng.getrandbits(32):08X}].mkv"
def music():
    fmt = rng.choice(["FLAC 24bit-96kHz", "FLAC", "MP3 320kbps", "MP3 V0", "ALAC", "AAC 256", "WEB FLAC 16-44.1"])
    return f"{title(rng.randint(1, 3), ' ')} - {title(rng.randint(1, 4), ' ')} ({rng.randint(1960, 2025)}) [{fmt}]"
kinds = [movie] * 30 + [episode] * 30 + [spaced] * 10 + [daily] * 5 + [anime] * 10 + [music] * 15
n = int(sys.argv[1])
for _ in range(n):
    print(rng.choice(kinds)())
PY

python3 -c "import sys; sys.stdout.write('\n' * $count)" > "$tmp/empty.txt"

# Best of three runs of `command < input`, wall-clock nanoseconds.
run() {
  local input=$1; shift
  local best=""
  for _ in 1 2 3; do
    local t0=$(date +%s%N)
    "${pin[@]}" "$@" < "$input" > "$tmp/out"
    local t1=$(date +%s%N)
    local s=$(( t1 - t0 ))
    if [ -z "$best" ] || [ "$s" -lt "$best" ]; then best=$s; fi
  done
  echo "$best"
}
rate() { python3 -c "print(f'{$count / ($1 / 1e9):>12,.0f}')"; }
ms() { python3 -c "print(f'{$1 / 1e6:>9.1f}')"; }

cat_ns=$(run "$tmp/names.txt" cat)
empty_ns=$(run "$tmp/empty.txt" "$lcarsd" parse)
parse_ns=$(run "$tmp/names.txt" "$lcarsd" parse)
lines=$("$lcarsd" parse < "$tmp/names.txt" | wc -l)
[ "$lines" -eq "$count" ] || { echo "bench: lcarsd parse printed $lines lines for $count names" >&2; exit 1; }

echo "release-name parser, $count names ($(du -h "$tmp/names.txt" | cut -f1)), one core${pin:+ (taskset -c 0)}, best of 3"
printf '%-40s %9s ms %12s names/s\n' "cat (bytes in, bytes out)" "$(ms "$cat_ns")" "$(rate "$cat_ns")"
printf '%-40s %9s ms %12s names/s\n' "lcarsd parse, empty lines (no parsing)" "$(ms "$empty_ns")" "$(rate "$empty_ns")"
printf '%-40s %9s ms %12s names/s\n' "lcarsd parse, release names" "$(ms "$parse_ns")" "$(rate "$parse_ns")"
python3 -c "print(f'parsing alone: about {($parse_ns - $empty_ns) / $count / 1000:.1f} µs per name')"
printf '%-40s %s\n' "in-process parse (lcarsd parse --bench 5)" "$("${pin[@]}" "$lcarsd" parse --bench 5 < "$tmp/names.txt")"
