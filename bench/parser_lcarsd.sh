# Sourced by the parser scripts (bench/parser_accuracy.sh, bench/parser_variants.sh): sets $lcarsd
# to the binary that parses, building it (debug) unless BENCH_BIN_DIR names one already built.
if [ -z "${BENCH_BIN_DIR:-}" ]; then
  swift build --product lcarsd >&2
  BENCH_BIN_DIR=$(swift build --show-bin-path)
fi
lcarsd="$BENCH_BIN_DIR/lcarsd"
