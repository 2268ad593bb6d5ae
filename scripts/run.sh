#!/usr/bin/env bash
# `make run`: build, create ./data (config with a random secret, database, first admin), then run
# nginx + the lcars-fcgi pool + lcarsd in the foreground on http://HOST:PORT until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh run
swift build -c release --product lcarsd && swift build -c release --product lcars-fcgi   # not the fuzz driver
bin=$(swift build -c release --show-bin-path)

# data/ holds the database (password hashes, indexer keys), the config (jwt_secret) and the
# sockets: this user's only. nginx runs as this user too (as root: `user root`), so it still
# reaches the sockets. lcarsd also tightens an older data/ (0755) and lcars.db (0644) at start.
mkdir -p data
chmod 700 data
if [ ! -f data/config.toml ]; then
  secret=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)
  (umask 077; sed "s/change-me-generate-a-secure-random-string/$secret/" config.example.toml > data/config.toml)
  echo "created data/config.toml"
fi
chmod 600 data/config.toml
export LCARS_CONFIG=data/config.toml

"$bin/lcarsd" migrate
created=$("$bin/lcarsd" users add admin --admin --random-password --if-missing)
{ read -r nginx_conf; read -r url; } < <("$bin/lcarsd" render-nginx --root .)

pids=()
stop() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -gt 0 ] && kill -TERM "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  echo "LCARS stopped."
}
trap stop INT TERM EXIT

"$bin/lcarsd" serve & pids+=($!)
"$bin/lcars-fcgi" & pids+=($!)
nginx -c "$nginx_conf" -g 'daemon off;' & pids+=($!)

# Announce the address only once lcarsd answers (the pool and nginx start faster).
for _ in $(seq 50); do "$bin/lcarsd" ping >/dev/null 2>&1 && break; sleep 0.2; done
echo
echo "LCARS is up on $url  (Ctrl-C stops it)"
if [ -n "$created" ]; then
  echo "Admin login (shown once): ${created#created admin }" | sed 's/ with password /   password: /'
else
  echo "Admin login: admin (password shown on first run; reset: $bin/lcarsd users passwd admin --random-password)"
fi
wait -n
