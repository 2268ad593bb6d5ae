# The two commands: `make run` and `make test` (see README.md).
.PHONY: run test test-unit test-system build bench bench-library bench-search bench-pipeline bench-ui fuzz clean

run:
	@scripts/run.sh

test:
	@scripts/test.sh

build:
	swift build

bench:
	@scripts/install-deps.sh bench
	bench/api.sh
	bench/torrent.sh

bench-library:
	bench/library.sh

bench-ui:
	bench/ui.sh

bench-search:
	bench/parser.sh
	bench/search.sh

bench-pipeline:
	bench/pipeline.sh

# Every fuzz subject for 60 s under libFuzzer + ASan (docs/fuzzing.md); FUZZ_SECONDS=n to change.
fuzz:
	bench/fuzz.sh

clean:
	rm -rf .build .build-* test-artifacts
