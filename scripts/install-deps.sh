#!/usr/bin/env bash
# Installs the Debian packages LCARS needs that are missing. `run` = what `make run` needs (ffmpeg: lcarsd probes imported files with ffprobe),
# `test` adds what `make test` needs (browser, load tool, systemd-analyze, a BitTorrent tracker and
# seeder, network namespaces and packet capture, Python test packages); `bench` adds the other
# BitTorrent clients bench/torrent.sh compares lcarsd with.
set -euo pipefail
profile=${1:-run}

run_pkgs=(pkg-config libfcgi-dev libsqlite3-dev libcurl4-openssl-dev libtorrent-rasterbar-dev libargon2-dev libxml2-dev nginx ffmpeg)
test_pkgs=(chromium chromium-driver wrk systemd procps curl opentracker python3-libtorrent iproute2 tcpdump)
bench_pkgs=(qbittorrent-nox transmission-cli jq util-linux)
pkgs=("${run_pkgs[@]}")
[ "$profile" = test ] && pkgs+=("${test_pkgs[@]}")
[ "$profile" = bench ] && pkgs+=("${test_pkgs[@]}" "${bench_pkgs[@]}")

sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
apt_install() {
  echo "installing Debian packages: $*"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

# The Python test packages (Tests/system/requirements.txt: pytest, selenium, schemathesis …) come
# from PyPI, for the python3 that runs the tests. A python3 of its own (pyenv's, a venv: what the
# project's machines have) takes them as it is. Debian's own python3 has no pip until python3-pip
# is installed, and refuses pip installs as "externally managed" (PEP 668): there
# PIP_BREAK_SYSTEM_PACKAGES lets them in — Debian's pip puts them under /usr/local and leaves the
# packages apt installed alone (the libtorrent seeders run under /usr/bin/python3 and need nothing
# from PyPI). Elsewhere the variable changes nothing.
if [ "$profile" != run ]; then
  if ! python3 -c 'import pytest, requests, selenium, schemathesis, openapi_spec_validator, yaml, axe_selenium_python' 2>/dev/null; then
    python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
    PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install -q -r Tests/system/requirements.txt
  fi
fi
