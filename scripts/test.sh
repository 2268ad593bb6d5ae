#!/usr/bin/env bash
# `make test`: everything the project tests — Swift unit tests, then the system tests that run the
# real stack (nginx + lcars-fcgi + lcarsd) and a real headless browser.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test
swift build --build-tests
swift test --skip-build
mkdir -p test-artifacts
LCARS_BIN_DIR=$(swift build --show-bin-path) python3 -m pytest -q -rs Tests/system --junitxml=test-artifacts/system-tests.xml
