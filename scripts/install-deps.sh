#!/usr/bin/env bash
# Installs the Debian packages LCARS needs that are missing. `run` = what `make run` needs,
# `test` adds what `make test` needs (browser, load tool, systemd-analyze, a BitTorrent tracker and
# seeder, network namespaces and packet capture, Python test packages); `bench` adds the other
# BitTorrent clients bench/torrent.sh compares lcarsd with.
set -euo pipefail
profile=${1:-run}

run_pkgs=(pkg-config libfcgi-dev libsqlite3-dev libcurl4-openssl-dev libtorrent-rasterbar-dev libargon2-dev libxml2-dev nginx)
test_pkgs=(chromium chromium-driver wrk systemd procps curl opentracker python3-libtorrent iproute2 tcpdump)
bench_pkgs=(qbittorrent-nox transmission-cli jq util-linux)
pkgs=("${run_pkgs[@]}")
[ "$profile" = test ] && pkgs+=("${test_pkgs[@]}")
[ "$profile" = bench ] && pkgs+=("${test_pkgs[@]}" "${bench_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$profile" != run ]; then
  python3 -c 'import pytest, requests, selenium, schemathesis, openapi_spec_validator, yaml' 2>/dev/null || python3 -m pip install -q -r Tests/system/requirements.txt
fi
