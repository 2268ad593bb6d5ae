#!/usr/bin/env bash
# Torrent download benchmark (issue 3): one single-file torrent (1 GiB by default) served by a local
# libtorrent seeder (Tests/system/tools/seeder.py) and Debian's opentracker, downloaded in turn by
# lcarsd, qbittorrent-nox and transmission-cli, next to `cp` of the same file (the disk limit).
# Prints wall time, MB/s (10^6 bytes/s) and the fraction of cp's speed for each, every client's
# peak RSS (VmHWM; each runs fresh), and lcarsd's RSS with 100 idle seeding torrents.
# A measurement, not a test: it prints numbers and fails only if something cannot be started.
#
#   bench/torrent.sh
#   BENCH_SIZE_MIB=256 BENCH_SKIP_LCARSD=1 bench/torrent.sh
#
# Settings (environment; not LCARS_*): BENCH_SIZE_MIB (1024), BENCH_PIECE_KIB (1024),
# BENCH_TIMEOUT (600 s per client), BENCH_SKIP_LCARSD=1, BENCH_IDLE_TORRENTS (100),
# BENCH_CLIENTS ("cp lcarsd qbittorrent transmission": order and choice), BENCH_NETNS (1),
# BENCH_KEEP_LOGS=DIR (copy every log there before cleaning up), BENCH_LCARS_BIN=DIR (use the
# lcarsd / lcars-fcgi binaries there instead of building release).
#
# Network: everything runs in a private network namespace (unshare --net) whose loopback carries
# 127.0.0.1 and 10.231.255.1; tracker and seeder listen on 10.231.255.1, because transmission
# refuses peers on 127.0.0.0/8 ("martian" addresses). Traffic never leaves that loopback, and the
# namespace disappears with the script. Without namespaces (BENCH_NETNS=0, or not permitted) the
# swarm uses the host's 127.0.0.1 and transmission is skipped. Every client has DHT, LSD, PEX,
# UPnP/NAT-PMP and uTP off. Time = from handing the torrent over (API call; process start for
# transmission-cli, which has no API) until the client reports 100%, polled every 0.2 s; the file
# to copy is in the page cache, `cp` does not sync (nor do the clients), `cp+sync` does.
# Everything lives in /tmp/lcars-tbench.XXXX, removed with every process started here on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

size_mib=${BENCH_SIZE_MIB:-1024}
piece_kib=${BENCH_PIECE_KIB:-1024}
timeout_s=${BENCH_TIMEOUT:-600}
idle_count=${BENCH_IDLE_TORRENTS:-100}
clients=${BENCH_CLIENTS:-cp lcarsd qbittorrent transmission}
[ "${BENCH_SKIP_LCARSD:-0}" = 1 ] && clients=${clients//lcarsd/}
lt_python=/usr/bin/python3   # Debian's, with python3-libtorrent
tools=$repo/Tests/system/tools

# --- outside the namespace: checks and the release build (SwiftPM may need the network) -------
if [ "${_BENCH_INSIDE:-}" != 1 ]; then
  for tool in opentracker qbittorrent-nox transmission-cli curl jq unshare ip; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
  done
  "$lt_python" -c 'import libtorrent' 2>/dev/null || { echo "bench: $lt_python cannot import libtorrent (python3-libtorrent)" >&2; exit 1; }
  export _BENCH_BIN=""
  if [ -n "${BENCH_LCARS_BIN:-}" ]; then
    _BENCH_BIN=$BENCH_LCARS_BIN
  elif [[ " $clients " == *" lcarsd "* ]]; then
    echo "building release..." >&2
    swift build -c release >&2
    _BENCH_BIN=$(swift build -c release --show-bin-path)
  fi
  if [ "${BENCH_NETNS:-1}" = 1 ] && unshare --net true 2>/dev/null; then
    _BENCH_INSIDE=1 exec unshare --net "$0" "$@"
  fi
  echo "bench: no private network namespace (BENCH_NETNS=0 or not permitted): host loopback, transmission skipped" >&2
  export _BENCH_INSIDE=0
fi
bin=$_BENCH_BIN
unset $(compgen -e LCARS_) 2>/dev/null || true   # the caller's own LCARS_* must not leak in
lcars_pids=() lcars_dir=""
if [ "$_BENCH_INSIDE" = 1 ]; then
  ip link set lo up
  ip addr add 10.231.255.1/32 dev lo
  peer_addr=10.231.255.1
else
  peer_addr=127.0.0.1
  clients=${clients//transmission/}
fi

tmp=$(mktemp -d /tmp/lcars-tbench.XXXX)
chmod 755 "$tmp"   # opentracker drops to `nobody` and must read its whitelist
if [ -n "$bin" ]; then   # a snapshot: a rebuild during the run must not swap the binaries
  mkdir -p "$tmp/bin"
  cp "$bin/lcarsd" "$bin/lcars-fcgi" "$tmp/bin/"
  for r in "$bin"/*.resources; do [ -d "$r" ] && cp -r "$r" "$tmp/bin/"; done
  bin=$tmp/bin
fi
pids=()
cleanup() {
  trap - EXIT INT TERM
  [ ${#pids[@]} -gt 0 ] && kill -TERM "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 50); do   # bounded: 5 s, then SIGKILL
    alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break; sleep 0.1
  done
  [ ${#pids[@]} -gt 0 ] && kill -KILL "${pids[@]}" 2>/dev/null || true
  # Inside our private namespace, anything still in it was started by this script (e.g. a child a
  # client forked): end it by pid.
  if [ "${_BENCH_INSIDE:-}" = 1 ]; then
    local me p
    me=$(readlink /proc/$$/ns/net)
    for p in /proc/[0-9]*; do
      p=${p#/proc/}
      [ "$p" = $$ ] || [ "$p" = "$BASHPID" ] && continue
      [ "$(readlink "/proc/$p/ns/net" 2>/dev/null)" = "$me" ] && kill -KILL "$p" 2>/dev/null
    done
  fi
  wait 2>/dev/null || true
  if [ -n "${BENCH_KEEP_LOGS:-}" ]; then
    mkdir -p "$BENCH_KEEP_LOGS" && find "$tmp" -maxdepth 3 \( -name '*.log' -o -name '*.out' -o -name '*.err' \) -exec cp {} "$BENCH_KEEP_LOGS/" \; || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
log() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }
# stop_pid PID: SIGTERM, up to 10 s, SIGKILL.
stop_pid() {
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
# kB value of FIELD (VmHWM, VmRSS, RssAnon, RssFile) in /proc/PID/status, 0 if gone.
proc_kb() { awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# show_log FILE: its error lines (or its last lines) on stderr.
show_log() { { grep -m 5 -i -E 'error|fatal|panic' "$1" || tail -n 5 "$1"; } 2>/dev/null | sed 's/^/  | /' >&2; }
mib() { awk -v k="${1:-0}" 'BEGIN { printf "%.0f", k / 1024 }'; }
# sample_mem PID: keeps the largest VmRSS and RssAnon seen since reset_mem (kB). libtorrent 2.0 maps
# the files it downloads (mmap), so VmRSS/VmHWM include file pages the kernel can drop at will;
# RssAnon is the process's own memory.
reset_mem() { max_rss=0 max_anon=0; }
sample_mem() {
  local r a
  r=$(proc_kb "$1" VmRSS); a=$(proc_kb "$1" RssAnon)
  ((r > max_rss)) && max_rss=$r
  ((a > max_anon)) && max_anon=$a
  return 0
}

# --- content, torrents, tracker, seeder -----------------------------------------------------
size=$((size_mib * 1048576))
mkdir -p "$tmp/seed" "$tmp/torrents"
log "writing ${size_mib} MiB of random data..."
head -c "$size" /dev/urandom > "$tmp/seed/bench.bin"

tracker_port=$(free_port)
announce=http://$peer_addr:$tracker_port/announce
log "hashing the torrent..."
"$lt_python" "$tools/mktorrent.py" --out "$tmp/torrents/bench.torrent" --tracker "$announce" \
  --piece-size $((piece_kib * 1024)) "$tmp/seed/bench.bin" > "$tmp/bench.json"
info_hash=$(jq -r .info_hash "$tmp/bench.json")
echo "$info_hash" > "$tmp/whitelist.txt"

if [[ " $clients " == *" lcarsd "* ]]; then
  # 100 small single-file torrents whose data lcarsd will find already in its download dir.
  mkdir -p "$tmp/idle-data"
  for i in $(seq -f '%03g' "$idle_count"); do head -c 262144 /dev/urandom > "$tmp/idle-data/idle-$i.bin"; done
  "$lt_python" "$tools/mktorrent.py" --out-dir "$tmp/torrents" --tracker "$announce" "$tmp/idle-data"/idle-*.bin \
    | jq -r .info_hash >> "$tmp/whitelist.txt"
fi
chmod 644 "$tmp/whitelist.txt"
mkdir -p "$tmp/tracker" && chmod 755 "$tmp/tracker" && mv "$tmp/whitelist.txt" "$tmp/tracker/"
printf 'access.whitelist whitelist.txt\ntracker.rootdir %s\n' "$tmp/tracker" > "$tmp/tracker/opentracker.conf"
(cd "$tmp/tracker" && exec opentracker -f opentracker.conf -i "$peer_addr" -p "$tracker_port" -P "$tracker_port") \
  > "$tmp/opentracker.log" 2>&1 & pids+=($!)

log "seeder: checking the data..."
"$lt_python" "$tools/seeder.py" --listen "$peer_addr" --high-performance --ready-timeout 300 \
  --torrent "$tmp/torrents/bench.torrent:$tmp/seed" > "$tmp/seeder.out" 2> "$tmp/seeder.err" & seeder_pid=$!; pids+=($!)
for _ in $(seq 3000); do   # up to 300 s (hash check of the whole file, then the first announce)
  grep -q '"event": "ready"' "$tmp/seeder.out" 2>/dev/null && break
  kill -0 "$seeder_pid" 2>/dev/null || die "the seeder exited: $(cat "$tmp/seeder.out" "$tmp/seeder.err")"
  sleep 0.1
done
grep -q '"event": "ready"' "$tmp/seeder.out" || die "the seeder was not ready in time"
seeder_port=$(grep -m1 '"event": "ready"' "$tmp/seeder.out" | jq -r .port)
log "seeder on $peer_addr:$seeder_port, tracker on $announce"

# --- the runs ----------------------------------------------------------------------------------
declare -A secs peak anon note
# record NAME T0 T1 [PEAK_KB [MAX_ANON_KB]]
record() { secs[$1]=$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f", b - a }'); peak[$1]=${4:-}; anon[$1]=${5:-}; }
verify() {  # verify FILE: same bytes as the seed
  cmp -s "$tmp/seed/bench.bin" "$1" || { log "WARNING: $1 is missing or differs from the seed"; return 1; }
}
settle() { sync; sleep 1; }

run_cp() {  # three runs each, the median counts
  local t0 t1 i sync_after name
  mkdir -p "$tmp/cp"
  for sync_after in 0 1; do
    name=cp; [ $sync_after = 1 ] && name=cp+sync
    local times=()
    for i in 1 2 3; do
      settle
      t0=$(now); cp "$tmp/seed/bench.bin" "$tmp/cp/bench.bin"; [ $sync_after = 1 ] && sync; t1=$(now)
      times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
      rm -f "$tmp/cp/bench.bin"
    done
    secs[$name]=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
    note[$name]="median of 3: ${times[*]} s"
  done
  rm -rf "$tmp/cp"; settle
}

run_qbittorrent() {
  local prof=$tmp/qbt dl=$tmp/qbt-dl port wport pid t0 t1 body progress="0"
  mkdir -p "$prof/qBittorrent/config" "$dl"
  port=$(free_port); wport=$(free_port)
  cat > "$prof/qBittorrent/config/qBittorrent.conf" <<EOF
[LegalNotice]
Accepted=true

[BitTorrent]
Session\\DHTEnabled=false
Session\\LSDEnabled=false
Session\\PeXEnabled=false
Session\\BTProtocol=TCP
Session\\Port=$port
Session\\UseRandomPort=false
Session\\Interface=lo
Session\\InterfaceName=lo
Session\\InterfaceAddress=127.0.0.1
Session\\DefaultSavePath=$dl
Session\\TempPathEnabled=false
Session\\QueueingSystemEnabled=false
Session\\AddTorrentPaused=false

[Network]
PortForwardingEnabled=false

[Preferences]
Connection\\UPnP=false
General\\Locale=en
WebUI\\Enabled=true
WebUI\\Address=127.0.0.1
WebUI\\Port=$wport
WebUI\\LocalHostAuth=false
WebUI\\HostHeaderValidation=false
WebUI\\CSRFProtection=false
EOF
  qbittorrent-nox --profile="$prof" --webui-port="$wport" > "$tmp/qbt.log" 2>&1 & pid=$!; pids+=($!)
  local api=http://127.0.0.1:$wport/api/v2
  for _ in $(seq 150); do curl -sf "$api/app/version" >/dev/null 2>&1 && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  curl -sf "$api/app/version" >/dev/null || { log "qbittorrent-nox did not answer: $(tail -5 "$tmp/qbt.log")"; stop_pid "$pid"; return 1; }
  # The same settings through the API as well, then read back what matters.
  curl -sf "$api/app/setPreferences" --data-urlencode \
    'json={"dht":false,"lsd":false,"pex":false,"upnp":false,"bittorrent_protocol":1,"current_network_interface":"lo","current_interface_address":"127.0.0.1","queueing_enabled":false}' >/dev/null
  curl -sf "$api/app/preferences" | jq -c '{dht, lsd, pex, upnp, bittorrent_protocol, current_network_interface, current_interface_address}' \
    | sed 's/^/bench: qbittorrent-nox: /' >&2
  reset_mem; settle
  t0=$(now)
  curl -sf -F "torrents=@$tmp/torrents/bench.torrent" -F "savepath=$dl" "$api/torrents/add" >/dev/null \
    || { log "qbittorrent-nox refused the torrent"; stop_pid "$pid"; return 1; }
  local deadline=$((SECONDS + timeout_s))
  for _ in $(seq $((timeout_s * 5))); do
    ((SECONDS < deadline)) || break
    body=$(curl -sf "$api/torrents/info?hashes=$info_hash" || echo '[]')
    progress=$(jq -r '.[0].progress // 0' <<<"$body")
    sample_mem "$pid"
    [ "$progress" = 1 ] && break
    sleep 0.2
  done
  t1=$(now)
  [ "$progress" = 1 ] || { log "qbittorrent-nox: timed out at $progress: $(jq -c '.[0] | {state, progress, num_seeds}' <<<"$body")"; stop_pid "$pid"; return 1; }
  record qbittorrent-nox "$t0" "$t1" "$(proc_kb "$pid" VmHWM)" "$max_anon"
  stop_pid "$pid"
  verify "$dl/bench.bin" || note[qbittorrent-nox]+=" FILE MISSING OR DIFFERENT"
  rm -rf "$prof" "$dl"; settle
}

run_transmission() {
  local cfg=$tmp/tr dl=$tmp/tr-dl pid t0 t1 done=0
  mkdir -p "$cfg" "$dl"
  cat > "$cfg/settings.json" <<EOF
{
  "dht-enabled": false, "lpd-enabled": false, "pex-enabled": false, "utp-enabled": false,
  "port-forwarding-enabled": false, "rpc-enabled": false, "blocklist-enabled": false,
  "bind-address-ipv4": "127.0.0.1", "bind-address-ipv6": "::1",
  "peer-port": $(free_port), "peer-port-random-on-start": false,
  "download-dir": "$dl", "incomplete-dir-enabled": false, "encryption": 0,
  "speed-limit-down-enabled": false, "speed-limit-up-enabled": false, "message-level": ${BENCH_TR_MSGLEVEL:-2}
}
EOF
  printf '#!/bin/sh\ndate +%%s.%%N > %s\n' "$cfg/done" > "$cfg/done.sh"; chmod +x "$cfg/done.sh"
  reset_mem; settle
  t0=$(now)
  transmission-cli -g "$cfg" -w "$dl" -f "$cfg/done.sh" "$tmp/torrents/bench.torrent" > "$tmp/tr.log" 2>&1 & pid=$!; pids+=($!)
  local deadline=$((SECONDS + timeout_s))
  for _ in $(seq $((timeout_s * 5))); do
    ((SECONDS < deadline)) || break
    sample_mem "$pid"
    [ -s "$cfg/done" ] && { done=1; break; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  [ $done = 1 ] || { log "transmission-cli did not finish: $(tr '\r' '\n' < "$tmp/tr.log" | grep -v '^ *$' | tail -3)"; stop_pid "$pid"; return 1; }
  t1=$(cat "$cfg/done")
  record transmission-cli "$t0" "$t1" "$(proc_kb "$pid" VmHWM)" "$max_anon"
  stop_pid "$pid"
  verify "$dl/bench.bin" || note[transmission-cli]+=" FILE MISSING OR DIFFERENT"
  rm -rf "$cfg" "$dl"; settle
}

# --- lcarsd: the stack as bench/api.sh starts it, torrent settings from the environment ------
# start_lcars NAME: a fresh stack under $tmp/NAME (download dir $tmp/NAME/downloads); sets
# lcars_pid, lcars_url, lcars_auth, lcars_dir.
start_lcars() {
  local d=$tmp/$1 port tport secret password body nginx_conf url
  lcars_dir=$d
  mkdir -p "$d/root" "$d/downloads"
  cp -r "$repo/nginx" "$repo/static" "$d/root/"
  port=$(free_port); tport=$(free_port)
  secret=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)
  sed "s/change-me-generate-a-secure-random-string/$secret/" "$repo/config.example.toml" > "$d/config.toml"
  lcars_env=(
    LCARS_CONFIG="$d/config.toml" LCARS_SERVER__HOST=127.0.0.1 LCARS_SERVER__PORT="$port"
    LCARS_SERVER__DATA_DIR="$d/d" LCARS_DATABASE__PATH="$d/d/lcars.db"
    LCARS_FCGI__SOCKET="$d/d/run/fcgi.sock" LCARS_DAEMON__SOCKET="$d/d/run/lcarsd.sock" LCARS_FCGI__WORKERS=2
    LCARS_TORRENT__DOWNLOAD_DIR="$d/downloads" LCARS_TORRENT__LISTEN_ADDRESS=127.0.0.1
    LCARS_TORRENT__ENABLE_UTP=false LCARS_TORRENT__ENABLE_DHT=false LCARS_TORRENT__ENABLE_PEX=false
    LCARS_TORRENT__ENABLE_LSD=false LCARS_TORRENT__ENABLE_UPNP=false LCARS_TORRENT__ENABLE_NATPMP=false
    LCARS_TORRENT__STATE_DIR="$d/d/torrent" LCARS_TORRENT__PORT_RANGE="$tport,$tport"
  )
  # Always in a subshell: `(lenv ...)`, or `lenv ... &` (then $! is the program's own pid).
  lenv() { cd "$d" && exec env "${lcars_env[@]}" "$@"; }
  (lenv "$bin/lcarsd" migrate >/dev/null)
  password=$(lenv "$bin/lcarsd" users add bench --admin --random-password); password=${password##* }
  { read -r nginx_conf; read -r url; } < <(lenv "$bin/lcarsd" render-nginx --root "$d/root")
  lenv "$bin/lcarsd" serve > "$d/lcarsd.log" 2>&1 & lcars_pid=$!; pids+=($!); lcars_pids=($!)
  lenv "$bin/lcars-fcgi" > "$d/fcgi.log" 2>&1 & pids+=($!); lcars_pids+=($!)
  lenv nginx -c "$nginx_conf" -g 'daemon off;' > "$d/nginx.log" 2>&1 & pids+=($!); lcars_pids+=($!)
  for _ in $(seq 100); do   # up to 20 s for lcarsd to answer on its control socket
    (lenv "$bin/lcarsd" ping >/dev/null 2>&1) && break
    kill -0 "$lcars_pid" 2>/dev/null || break
    sleep 0.2
  done
  if ! (lenv "$bin/lcarsd" ping >/dev/null 2>&1); then
    log "lcarsd did not come up:"; show_log "$d/lcarsd.log"; stop_lcars; return 1
  fi
  body=""
  for _ in $(seq 150); do   # up to 15 s
    body=$(curl -sf -X POST -H 'Content-Type: application/json' \
      -d "{\"username\":\"bench\",\"password\":\"$password\"}" "$url/api/auth/login" 2>/dev/null) && break
    sleep 0.1
  done
  if [ -z "$body" ]; then
    log "the lcars stack did not come up:"; for f in "$d"/*.log; do show_log "$f"; done; stop_lcars; return 1
  fi
  lcars_url=$url lcars_dir=$d
  lcars_auth="Authorization: Bearer $(jq -r .token <<<"$body")"
}
# add_torrent FILE: POST /api/downloads {"torrent": base64}; prints the download id.
add_torrent() {
  jq -n --rawfile t <(base64 -w0 "$1") '{torrent: $t}' > "$tmp/add.json"
  local out
  out=$(curl -s -w '\n%{http_code}' -X POST -H "$lcars_auth" -H 'Content-Type: application/json' \
    --data-binary @"$tmp/add.json" "$lcars_url/api/downloads")
  case "${out##*$'\n'}" in 200|201) ;; *) log "POST /api/downloads: ${out//$'\n'/ }"; return 1 ;; esac
  jq -r '.id // .download.id' <<<"${out%$'\n'*}"
}

run_lcarsd() {
  local id t0 t1 body progress=0 status=""
  start_lcars run || { note[lcarsd]="the stack did not start"; return 1; }
  reset_mem; settle
  t0=$(now)
  id=$(add_torrent "$tmp/torrents/bench.torrent") || {
    note[lcarsd]="POST /api/downloads failed"; show_log "$lcars_dir/lcarsd.log"; stop_lcars; return 1; }
  local deadline=$((SECONDS + timeout_s))
  for _ in $(seq $((timeout_s * 5))); do
    ((SECONDS < deadline)) || break
    body=$(curl -sf -H "$lcars_auth" "$lcars_url/api/downloads/$id" || echo '{}')
    progress=$(jq -r '(.progress // 0) | if . >= 1 then 1 else . end' <<<"$body")
    status=$(jq -r '.status // ""' <<<"$body")
    sample_mem "$lcars_pid"
    [ "$progress" = 1 ] && break
    kill -0 "$lcars_pid" 2>/dev/null || { status="lcarsd exited"; break; }
    [ "$status" = failed ] && break
    sleep 0.2
  done
  t1=$(now)
  if [ "$progress" != 1 ]; then
    log "lcarsd: not done (status $status): $body"; show_log "$lcars_dir/lcarsd.log"
    note[lcarsd]="did not finish ($status)"; stop_lcars; return 1
  fi
  record lcarsd "$t0" "$t1" "$(proc_kb "$lcars_pid" VmHWM)" "$max_anon"
  note[lcarsd]="status $status at 100%"
  verify "$lcars_dir/downloads/bench.bin" || note[lcarsd]+=" FILE MISSING OR DIFFERENT"
  stop_lcars
}
stop_lcars() {
  local p
  for p in "${lcars_pids[@]}"; do stop_pid "$p"; done
  lcars_pids=()
  mkdir -p "$tmp/logs"
  for p in "$lcars_dir"/*.log; do [ -f "$p" ] && mv "$p" "$tmp/logs/$(basename "$lcars_dir")-$(basename "$p")"; done
  rm -rf "$lcars_dir"; settle
}

idle_line=""
run_lcarsd_idle() {
  local f id ids=() n=0 body
  start_lcars idle || { idle_line="lcarsd idle: the stack did not start"; return 1; }
  mv "$tmp/idle-data"/idle-*.bin "$lcars_dir/downloads/"
  for f in "$tmp/torrents"/idle-*.torrent; do
    id=$(add_torrent "$f") || { idle_line="lcarsd: adding the idle torrents failed"; show_log "$lcars_dir/lcarsd.log"; stop_lcars; return 1; }
    ids+=("$id")
  done
  local deadline=$((SECONDS + 180))
  for _ in $(seq 900); do   # up to 180 s for all to be checked and seeding
    ((SECONDS < deadline)) || break
    body=$(curl -sf -H "$lcars_auth" "$lcars_url/api/downloads" || echo '[]')
    n=$(jq '[.[] | select((.progress // 0) >= 1)] | length' <<<"$body" 2>/dev/null || echo 0)
    [ "$n" -ge "${#ids[@]}" ] && break
    kill -0 "$lcars_pid" 2>/dev/null || break
    sleep 0.2
  done
  sleep 10   # settle: announces done, nothing downloading
  idle_line="lcarsd with $n/${#ids[@]} idle seeding torrents: VmRSS $(mib "$(proc_kb "$lcars_pid" VmRSS)") MiB (RssAnon $(mib "$(proc_kb "$lcars_pid" RssAnon)"), RssFile $(mib "$(proc_kb "$lcars_pid" RssFile)")), VmHWM $(mib "$(proc_kb "$lcars_pid" VmHWM)") MiB"
  stop_lcars
}

# --- run, report -------------------------------------------------------------------------------
log "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
order=()
for c in $clients; do
  case $c in
    cp) log "cp..."; run_cp; order+=(cp cp+sync) ;;
    qbittorrent) log "qbittorrent-nox..."; run_qbittorrent || note[qbittorrent-nox]+=" failed"; order+=(qbittorrent-nox) ;;
    transmission) log "transmission-cli..."; run_transmission || note[transmission-cli]+=" failed"; order+=(transmission-cli) ;;
    lcarsd) log "lcarsd..."; run_lcarsd || true; order+=(lcarsd)
            log "lcarsd with $idle_count idle torrents..."; run_lcarsd_idle || true ;;
    *) die "unknown client $c (BENCH_CLIENTS: cp lcarsd qbittorrent transmission)" ;;
  esac
done

echo
echo "Torrent download: $(numfmt --to=iec "$size") single file, ${piece_kib} KiB pieces, libtorrent seeder on $peer_addr:$seeder_port (loopback), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-18s %9s %9s %7s %10s %10s  %s\n' tool seconds MB/s "vs cp" "VmHWM MiB" "anon MiB" note
cp_secs=${secs[cp]:-}
for t in "${order[@]}"; do
  s=${secs[$t]:-}
  if [ -z "$s" ]; then printf '%-18s %9s %9s %7s %10s %10s  %s\n' "$t" - - - - - "${note[$t]:-}"; continue; fi
  mbs=$(awk -v b="$size" -v s="$s" 'BEGIN { printf "%.1f", b / 1e6 / s }')
  ratio=$(awk -v c="$cp_secs" -v s="$s" 'BEGIN { if (c > 0) printf "%.2f", c / s; else print "-" }')
  pk=-; [ -n "${peak[$t]:-}" ] && pk=$(mib "${peak[$t]}")
  an=-; [ -n "${anon[$t]:-}" ] && an=$(mib "${anon[$t]}")
  printf '%-18s %9s %9s %7s %10s %10s  %s\n' "$t" "$s" "$mbs" "$ratio" "$pk" "$an" "${note[$t]:-}"
done
[ -n "$idle_line" ] && echo "$idle_line"
echo "vs cp = cp's time / the tool's time. VmHWM = peak resident memory of the process (each starts fresh;"
echo "libtorrent 2.0 maps the files it writes, so this includes page-cache pages); anon = largest RssAnon"
echo "sampled every 0.2 s while downloading (the process's own heap)."
