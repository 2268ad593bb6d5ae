# Shared by the benchmarks (bench/api.sh, bench/library.sh): build, a throw-away installation on
# 127.0.0.1, the three processes, wrk runs and memory figures. Source it after setting `workers`
# and `seconds`; then call bench_prepare, fill the database if needed, and bench_start.
# Everything lives in a fresh /tmp/lcars-bench.XXXX (short: Unix socket paths must stay under
# 108 bytes), removed with every process it started when the script exits.

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Stops every process the benchmark started (bounded), then removes its directory.
bench_cleanup() {
  trap - EXIT INT TERM
  [ ${#pids[@]} -gt 0 ] && kill -TERM "${pids[@]}" 2>/dev/null || true
  # Bounded wait (5 s), then SIGKILL whatever is left: the pool master lets workers finish first.
  for _ in $(seq 50); do
    alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break; sleep 0.1
  done
  [ ${#pids[@]} -gt 0 ] && kill -KILL "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}

# bench_prepare: checks the tools, builds release binaries, writes the config, migrates the
# database and creates the `bench` admin. Leaves $bin, $tmp, $password and the cwd at $tmp.
bench_prepare() {
  for tool in wrk nginx curl python3; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/install-deps.sh test installs it)" >&2; exit 1; }
  done

  if [ -n "${BENCH_BIN:-}" ]; then   # already built binaries (e.g. a debug build), no build
    bin=$(cd "$BENCH_BIN" && pwd)
  else
    echo "building release..." >&2
    { swift build -c release --product lcarsd && swift build -c release --product lcars-fcgi; } >&2
    bin=$(swift build -c release --show-bin-path)
  fi

  tmp=$(mktemp -d /tmp/lcars-bench.XXXX)
  pids=()
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM

  # A temp copy of nginx/ and static/ as the render root, so the static files we add stay out of
  # the repo.
  mkdir -p "$tmp/root"
  cp -r nginx static "$tmp/root/"

  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  secret=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)
  sed "s/change-me-generate-a-secure-random-string/$secret/" config.example.toml > "$tmp/config.toml"
  # Every path the example sets points under ./data: override them all (the storage mount paths,
  # which have no env override, are relative and land in $tmp because we run from there).
  unset $(compgen -e LCARS_) 2>/dev/null || true   # the caller's own LCARS_* must not leak in
  # Started as a service is (systemd, make run): a shell's own OpenSSL overrides would make lcarsd
  # load the whole CA bundle at start (see Sources/CTorrent/certificates.cpp), ~1 MB of its memory.
  unset SSL_CERT_FILE SSL_CERT_DIR
  export LCARS_CONFIG=$tmp/config.toml
  export LCARS_SERVER__HOST=127.0.0.1 LCARS_SERVER__PORT=$port LCARS_SERVER__DATA_DIR=$tmp/d
  export LCARS_DATABASE__PATH=$tmp/d/lcars.db LCARS_TORRENT__DOWNLOAD_DIR=$tmp/d/downloads
  export LCARS_FCGI__SOCKET=$tmp/d/run/fcgi.sock LCARS_DAEMON__SOCKET=$tmp/d/run/lcarsd.sock
  export LCARS_FCGI__WORKERS=$workers
  # Nothing leaves the machine: the image routes would fetch posters and covers from TMDB and the
  # Cover Art Archive; here they are refused at once by a closed loopback port (the UI shows
  # placeholders).
  export LCARS_TMDB__IMAGE_BASE_URL=http://127.0.0.1:9/t/p LCARS_MUSICBRAINZ__COVER_ART_URL=http://127.0.0.1:9
  cd "$tmp"

  "$bin/lcarsd" migrate >/dev/null
  password=$("$bin/lcarsd" users add bench --admin --random-password)
  password=${password##* }
}

# bench_start: lcarsd, the pool and nginx; waits for a login. Sets $url, $auth and the pids.
bench_start() {
  { read -r nginx_conf; read -r url; } < <("$bin/lcarsd" render-nginx --root "$tmp/root")
  "$bin/lcarsd" serve 2>"$tmp/lcarsd.log" & lcarsd_pid=$!; pids+=($!)
  "$bin/lcars-fcgi" 2>"$tmp/fcgi.log" & pool_pid=$!; pids+=($!)
  nginx -c "$nginx_conf" -g 'daemon off;' 2>"$tmp/nginx.log" & nginx_pid=$!; pids+=($!)

  login() {
    curl -sf -X POST -H 'Content-Type: application/json' \
      -d "{\"username\":\"bench\",\"password\":\"$password\"}" "$url/api/auth/login"
  }
  body=""
  for _ in $(seq 100); do   # up to 10 s for the three to come up
    body=$(login 2>/dev/null) && break
    sleep 0.1
  done
  [ -n "$body" ] || { echo "bench: the stack did not come up; logs:" >&2; cat "$tmp"/*.log >&2; exit 1; }
  token=$(printf '%s' "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  auth="Authorization: Bearer $token"
  idle=$(printf '%s %s %s' "$(rss_tree "$pool_pid")" "$(rss_tree "$nginx_pid")" "$(rss_tree "$lcarsd_pid")")
  idle_pss=$(printf '%s %s %s' "$(pss_tree "$pool_pid")" "$(pss_tree "$nginx_pid")" "$(pss_tree "$lcarsd_pid")")
  idle_stack_pss=$(stack_pss)
}

# bench_twin API_PATH NAME: a static file with exactly the bytes of the API's answer, served by
# nginx's `location /` as /NAME (the ceiling the API could reach for an answer of that size).
bench_twin() {
  curl -sf -H "$auth" "$url$1" > "$tmp/root/static/$2"
  echo "GET $1 answers $(stat -c %s "$tmp/root/static/$2") bytes; /$2 has the same size" >&2
}

# bench_row LABEL CONNS API_RESULT STATIC_RESULT [STATIC_LABEL [FCGI_US]]: two table lines and the
# ratio; with FCGI_US (the `fcgi_us` of the API run) a last column: the workers' CPU per request.
bench_row() {
  local rps p50 p99 err cpu srps sp50 sp99 serr scpu ratio
  read -r rps p50 p99 err cpu <<<"$3"
  read -r srps sp50 sp99 serr scpu <<<"$4"
  ratio=$(awk -v a="$rps" -v b="$srps" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
  printf '%-34s %5s %10s %9s %9s %7s %5s %10s%s\n' "$1" "$2" "$rps" "$p50" "$p99" "$err" "$cpu" "$ratio" "${6:+ $(printf '%13s' "$6")}"
  printf '%-34s %5s %10s %9s %9s %7s %5s %10s\n' "  static ${5:-}" "$2" "$srps" "$sp50" "$sp99" "$serr" "$scpu" ""
}

# bench_header [fcgi]: with "fcgi", the column bench_row's FCGI_US fills.
bench_header() {
  printf '%-34s %5s %10s %9s %9s %7s %5s %10s%s\n' endpoint conns req/s p50_ms p99_ms errors cpu% api/static \
    "${1:+ fcgi_cpu_us/req}"
}

# CPU time (jiffies) the pool's workers have used: utime + stime of the live ones, plus cutime +
# cstime of the master, where the workers it reaped (recycled after fcgi.max_requests) are added.
pool_jiffies() {
  local total p j
  total=$(awk '{ print $16 + $17 }' "/proc/$pool_pid/stat" 2>/dev/null || echo 0)
  for p in $(pgrep -P "$pool_pid" || true); do
    j=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)
    total=$((total + ${j:-0}))
  done
  echo "$total"
}

# Memory (kB) of a process and its direct children (pool workers, nginx workers): `mem_tree PID
# status VmRSS` for resident memory, `mem_tree PID smaps_rollup Pss` for PSS. Summed VmRSS counts
# the shared Swift/Foundation libraries and the pages workers share with the master after fork()
# once per process; PSS splits them fairly.
mem_tree() {
  local total=0 p kb
  for p in "$1" $(pgrep -P "$1" || true); do
    kb=$(awk -v field="$3:" '$1 == field {print $2}' "/proc/$p/$2" 2>/dev/null || true)
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}
rss_tree() { mem_tree "$1" status VmRSS; }
pss_tree() { mem_tree "$1" smaps_rollup Pss; }
# PSS counting only the stack's own processes as sharers (bench/stack_pss.py): unlike Pss, not
# lowered by other programs that map the same libraries at the time (a build, another Swift
# program). Needs root (page frame numbers); "0 0 0" otherwise.
stack_pss() {
  python3 "$bench_dir/stack_pss.py" "$pool_pid" $(pgrep -P "$pool_pid" || true) -- \
    "$nginx_pid" $(pgrep -P "$nginx_pid" || true) -- "$lcarsd_pid"
}
rss_line() {  # label pool nginx lcarsd
  printf '%-24s pool(master+%s) %6d kB   nginx %6d kB   lcarsd %6d kB   total %6d kB\n' \
    "$1" "$workers" "$2" "$3" "$4" $(($2 + $3 + $4))
}
max_pool=0 max_nginx=0 max_lcarsd=0
sample_rss() {
  local a b c
  a=$(rss_tree "$pool_pid"); b=$(rss_tree "$nginx_pid"); c=$(rss_tree "$lcarsd_pid")
  ((a > max_pool)) && max_pool=$a; ((b > max_nginx)) && max_nginx=$b; ((c > max_lcarsd)) && max_lcarsd=$c
  true
}
# to_ms "1.23ms" -> 1.230 ; wrk prints us, ms or s.
to_ms() { awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /[^m]s$/) n*=1000; printf "%.3f", n }'; }

# Busy and total CPU jiffies of the whole machine (for "was the run CPU-bound?").
cpu_jiffies() { awk '/^cpu / { print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8 }' /proc/stat; }

# run_wrk PATH CONNS SAMPLE [LUA] sets result="req/s p50 p99 errors cpu%" and fcgi_us (the pool
# workers' CPU µs per request); SAMPLE=1 samples RSS
# during the run; LUA is a wrk script (e.g. one that picks a random page per request). Called in
# this shell (not in $(...)), so the samples and the wrk pid for cleanup stick.
run_wrk() {
  local path=$1 c=$2 sample=$3 script=${4:-} threads out
  threads=$(( c < 2 ? c : 2 ))
  local busy0 total0 busy1 total1 pool0 pool1 requests
  read -r busy0 total0 < <(cpu_jiffies)
  pool0=$(pool_jiffies)
  wrk -t "$threads" -c "$c" -d "${seconds}s" --latency -H "$auth" ${script:+-s "$script"} "$url$path" > "$tmp/wrk.out" &
  local wrk_pid=$!; pids+=($wrk_pid)
  if [ "$sample" = 1 ]; then
    for _ in $(seq $((seconds * 2))); do   # every 0.5 s, bounded by the run length
      kill -0 "$wrk_pid" 2>/dev/null || break
      sleep 0.5; sample_rss
    done
  fi
  wait "$wrk_pid"
  read -r busy1 total1 < <(cpu_jiffies)
  pool1=$(pool_jiffies)
  out=$(cat "$tmp/wrk.out")
  local rps p50 p99 non2xx sockerr
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
  # "Socket errors: connect 0, read 0, write 0, timeout 0" -> their sum
  sockerr=$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' <<<"$out")
  result="$rps $p50 $p99 $(( ${non2xx:-0} + ${sockerr:-0} )) $(( 100 * (busy1 - busy0) / (total1 - total0 + 1) ))"
  # The pool workers' CPU per request (µs; a jiffy is 10 ms): what the responder costs whatever
  # else the machine runs.
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  fcgi_us=$(awk -v j=$((pool1 - pool0)) -v n="${requests:-0}" 'BEGIN { printf "%d", (n > 0 ? j * 10000 / n : 0) }')
}

# bench_memory_report: resident memory at idle ($idle), at the 64-connection peak and now; PSS at
# idle (right after the first login, $idle_pss) and now.
bench_memory_report() {
  echo "Resident memory (VmRSS, summed over each process tree):"
  rss_line "idle" $idle
  rss_line "max during 64-conn API" "$max_pool" "$max_nginx" "$max_lcarsd"
  rss_line "after the runs" "$(rss_tree "$pool_pid")" "$(rss_tree "$nginx_pid")" "$(rss_tree "$lcarsd_pid")"
  echo "Proportional set size (Pss: shared pages divided among the processes sharing them):"
  rss_line "idle" $idle_pss
  rss_line "after the runs" "$(pss_tree "$pool_pid")" "$(pss_tree "$nginx_pid")" "$(pss_tree "$lcarsd_pid")"
  echo "PSS among the stack's processes only (bench/stack_pss.py: as on a machine running nothing else):"
  if [ "$idle_stack_pss" = "0 0 0" ]; then echo "  n/a (needs root for /proc/PID/pagemap)"; return; fi
  rss_line "idle" $idle_stack_pss
  rss_line "after the runs" $(stack_pss)
}

# bench_check_deaths: says so when a component died during the runs (its numbers are void).
bench_check_deaths() {
  # A component that died mid-run makes the numbers above meaningless (status answers faster with
  # lcarsd gone): say so, with its exit status and log.
  for name in lcarsd pool nginx; do
    pid_var=${name}_pid; pid=${!pid_var}
    if ! kill -0 "$pid" 2>/dev/null; then
      status=0; wait "$pid" || status=$?
      log=$tmp/$([ "$name" = pool ] && echo fcgi || echo "$name").log
      echo "WARNING: $name (pid $pid) exited during the benchmark with status $status; its log:"
      tail -n 20 "$log" | sed 's/^/  /'
    fi
  done
  # A worker the pool had to replace (crash) shows up here.
  grep -h -i -E 'died|error|warning' "$tmp"/fcgi.log "$tmp"/lcarsd.log "$tmp"/nginx.log 2>/dev/null | head -5 | sed 's/^/log: /' || true

}
