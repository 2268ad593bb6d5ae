#!/usr/bin/env bash
# The release-name parser's accuracy on the fixture corpus (Tests/Fixtures/parser, see NOTE.md):
# all-fields-right % and field accuracy, per kind and per field, for the tuning part and the
# holdout part separately; then the tuning part's failures grouped by field. The holdout's
# failures are never printed: rules are written against the tuning part only.
#
#   bench/parser_accuracy.sh              debug build of lcarsd
#   PARSER_FAILURES=0 bench/parser_accuracy.sh   figures only
#   BENCH_BIN_DIR=.build/release bench/parser_accuracy.sh
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/parser_lcarsd.sh
corpus=Tests/Fixtures/parser

"$lcarsd" parse --score "$corpus/holdout.jsonl"
echo
if [ "${PARSER_FAILURES:-1}" = 1 ]; then
  "$lcarsd" parse --score "$corpus/tuning.jsonl" --failures
else
  "$lcarsd" parse --score "$corpus/tuning.jsonl"
fi

# PARSER_WRITE_THRESHOLD=1: record these figures (rounded down) as the regression test's floor.
if [ "${PARSER_WRITE_THRESHOLD:-0}" = 1 ]; then
  for part in tuning holdout; do "$lcarsd" parse --score "$corpus/$part.jsonl"; done | python3 -c '
import json, math, re, sys
out, part = {}, None
for line in sys.stdin:
    m = re.match(r"(\w+): (\d+) names .*\((\d+)\), field accuracy .*\((\d+)/(\d+)\)", line)
    if m:
        part = m.group(1); n = int(m.group(2))
        out[part] = {"cases": math.floor(int(m.group(3)) / n * 1000) / 1000,
                     "fields": math.floor(int(m.group(4)) / int(m.group(5)) * 1000) / 1000, "kinds": {}}
    m = re.match(r"\s+kind (\w+)\s+(\d+) names\s+all right\s+\S+%\s+\((\d+)\)", line)
    if m and part: out[part]["kinds"][m.group(1)] = math.floor(int(m.group(3)) / int(m.group(2)) * 1000) / 1000
json.dump(out, open(sys.argv[1], "w"), indent=2); open(sys.argv[1], "a").write("\n")
print("wrote", sys.argv[1])' "$corpus/accuracy-threshold.json"
fi
