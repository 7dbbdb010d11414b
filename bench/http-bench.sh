#!/usr/bin/env bash
# HTTP delivery benchmark: Essays API versus nginx serving the very same bytes as static files.
#
#   bench/http-bench.sh                 # real corpus (content/)
#   bench/http-bench.sh --synthetic     # plus a synthetic corpus of 10,000 cross-linked essays
#
# Installs wrk and nginx from Debian packages if missing, builds the service, starts it in prod mode on the embedded
# default (H2) with the production JVM options (bench/lib.sh), snapshots the exact response bytes of each benchmarked
# URL into files nginx serves on loopback, then runs wrk against both with identical settings after a warm-up. Prints
# req/s, p50 and p99 for both and the ratio. Before the warm-up it records the first seconds after readiness (req/s
# per second on the essay detail: the JIT warming up), and after the comparison the p99 of essay GETs under a mixed
# closed-loop load without and with 10% searches (bench/LoadMix.java).
# Service and nginx share the two cores with wrk, so one run varies by ±20%: each case runs ROUNDS times (default 3),
# the two servers alternately, and the round with the median ratio is printed with every round's ratio.
# Environment: DURATION (default 10s), WARMUP (5s), CONNECTIONS (8), THREADS (1), ROUNDS (3), MIX_SECONDS (20),
# SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-1}
MIX_SECONDS=${MIX_SECONDS:-20}
ROUNDS=${ROUNDS:-3}
NGINX_PORT=18081
WORK=$(mktemp -d /tmp/essays-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as www-data
source bench/lib.sh
NGINX_PID=""

cleanup() {
  stop_app
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need nginx; then
  echo "installing wrk and nginx-light ..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building ..."
  ./mvnw -q -B -ntp package -DskipTests
fi

# wrk_run NAME URL [header] -> prints "req/s p50 p99" (latencies in ms)
wrk_run() {
  local url=$1 header=${2:-}
  local args=(-t"$THREADS" -c"$CONNECTIONS" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  wrk "${args[@]}" -d"$WARMUP" "$url" >/dev/null
  wrk "${args[@]}" -d"$DURATION" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return substr(v,1,length(v)-2)/1000; if (v ~ /ms$/) return substr(v,1,length(v)-2)+0; if (v ~ /s$/) return substr(v,1,length(v)-1)*1000; return v }
    /Requests\/sec/ { rps=$2 }
    $1=="50%" { p50=ms($2) }
    $1=="99%" { p99=ms($2) }
    /Non-2xx or 3xx/ { bad=$NF }
    END { printf "%.0f %.3f %.3f %s\n", rps, p50, p99, (bad==""?0:bad) }'
}

start_nginx() {
  mkdir -p "$WORK/www" "$WORK/nginx"
  cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { application/json json; text/html html; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    etag on;
  }
}
CONF
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
  NGINX_PID=$!
  until curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/essay.json"; do sleep 0.1; done
}

# bench_corpus LABEL CONTENT_DIR
bench_corpus() {
  local label=$1 content=$2
  echo
  echo "== $label ($content)"
  start_app h2 "$content" "db-$RANDOM" "$WORK/app.log"
  wait_import "$WORK/app.log"
  IMPORT_MS=$(import_line "$WORK/app.log" | grep -o -E '[0-9]+ ms' | tail -1 | tr -d ' ms')
  local api="http://127.0.0.1:$APP_PORT/api/v1"
  local largest
  largest=$(ls -S "$content/essays" | sed -n 1p); largest=${largest%.md}   # sed, not head: no SIGPIPE under pipefail
  rm -rf "$WORK/www"; mkdir -p "$WORK/www"; chmod 755 "$WORK/www"
  curl -sf "$api/essays/$largest" -o "$WORK/www/essay.json"
  curl -sf "$api/essays" -o "$WORK/www/list.json"
  curl -sf "$api/essays/$largest/html" -o "$WORK/www/essay.html"
  [ -z "$NGINX_PID" ] && start_nginx
  local ngx="http://127.0.0.1:$NGINX_PORT"
  local app_etag ngx_etag
  app_etag=$(curl -sI "$api/essays/$largest" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')
  ngx_etag=$(curl -sI "$ngx/essay.json" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')
  cmp -s <(curl -s "$api/essays/$largest") "$WORK/www/essay.json" || { echo "snapshot mismatch"; exit 1; }
  printf "largest essay: %s (%s bytes JSON, %s bytes HTML); list: %s bytes\n" "$largest" \
    "$(stat -c %s "$WORK/www/essay.json")" "$(stat -c %s "$WORK/www/essay.html")" "$(stat -c %s "$WORK/www/list.json")"
  printf "launch to ready: %d ms; import: %s ms; RSS at ready: %d MB\n" "$READY_MS" "${IMPORT_MS:-?}" "$RSS_READY_MB"
  # the first seconds after readiness: one-second wrk runs on the essay detail while the JIT warms up
  local first=""
  for i in 1 2 3 4 5; do
    first="$first $(wrk -t"$THREADS" -c"$CONNECTIONS" -d1s "$api/essays/$largest" | awk '/Requests\/sec/{printf "%.0f", $2}')"
  done
  echo "first seconds after ready, essay detail req/s:$first"
  # JIT warm-up of every code path the cases use, on both servers, before anything is measured
  for url in "$api/essays/$largest" "$api/essays" "$api/essays/$largest/html" "$ngx/essay.json" "$ngx/list.json" "$ngx/essay.html"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
  done
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "If-None-Match: $app_etag" "$api/essays/$largest" >/dev/null
  printf "%-22s %12s %9s %9s %12s %9s %9s %7s\n" case "api req/s" "api p50" "api p99" "nginx req/s" "ngx p50" "ngx p99" ratio
  # each case runs ROUNDS times, service and nginx alternately; the figures printed are the round with the median ratio
  run_case() {
    local name=$1 app_url=$2 ngx_url=$3 app_header=${4:-} ngx_header=${5:-} target=$6
    local rounds=() r a_rps a_p50 a_p99 a_bad n_rps n_p50 n_p99 n_bad ratio
    for ((r = 0; r < ROUNDS; r++)); do
      read -r a_rps a_p50 a_p99 a_bad < <(wrk_run "$app_url" "$app_header")
      read -r n_rps n_p50 n_p99 n_bad < <(wrk_run "$ngx_url" "$ngx_header")
      ratio=$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN{printf "%.2f", a/n}')
      rounds+=("$ratio $a_rps $a_p50 $a_p99 $n_rps $n_p50 $n_p99")
      [ "$a_bad" = 0 ] && [ "$n_bad" = 0 ] || echo "   (non-2xx/3xx responses: api $a_bad, nginx $n_bad)"
    done
    read -r ratio a_rps a_p50 a_p99 n_rps n_p50 n_p99 < <(printf '%s\n' "${rounds[@]}" | sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p")
    local verdict
    verdict=$(awk -v r="$ratio" -v t="$target" 'BEGIN{print (r>=t) ? "ok" : "BELOW " t}')
    printf "%-22s %12s %8sms %8sms %12s %8sms %8sms %7s %s (ratios: %s)\n" "$name" "$a_rps" "$a_p50" "$a_p99" "$n_rps" \
      "$n_p50" "$n_p99" "$ratio" "$verdict" "$(printf '%s\n' "${rounds[@]}" | cut -d' ' -f1 | paste -sd' ')"
  }
  run_case "essay detail JSON" "$api/essays/$largest" "$ngx/essay.json" "" "" 0.8
  run_case "essay list JSON" "$api/essays" "$ngx/list.json" "" "" 0.8
  run_case "essay HTML fragment" "$api/essays/$largest/html" "$ngx/essay.html" "" "" 0.8
  run_case "304 revalidation" "$api/essays/$largest" "$ngx/essay.json" "If-None-Match: $app_etag" "If-None-Match: $ngx_etag" 1.0
  printf "RSS after run: %d MB\n" "$(rss_mb)"
  # p99 of essay GETs (detail, HTML, list, 304) under a mixed load, without and with 10% searches
  java bench/LoadMix.java "http://127.0.0.1:$APP_PORT" "$MIX_SECONDS" "$CONNECTIONS" 0 > "$WORK/mix0.txt"
  java bench/LoadMix.java "http://127.0.0.1:$APP_PORT" "$MIX_SECONDS" "$CONNECTIONS" 10 > "$WORK/mix10.txt"
  sed 's/^/   /' "$WORK/mix10.txt"
  local p0 p10
  p0=$(grep -o 'p99_ms=[0-9.]*' "$WORK/mix0.txt" | cut -d= -f2)
  p10=$(grep -o 'p99_ms=[0-9.]*' "$WORK/mix10.txt" | cut -d= -f2)
  printf "essay GET p99: %s ms without searches, %s ms with 10%% searches: %s x\n" "$p0" "$p10" \
    "$(awk -v a="$p10" -v b="$p0" 'BEGIN{printf "%.2f", a/b}')"
  printf "RSS after the mixed load: %d MB\n" "$(rss_mb)"
  stop_app
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); JAVA_OPTS=$JAVA_OPTS; JIT_DIRECTIVES=$JIT_DIRECTIVES; wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up; service and nginx on loopback"
bench_corpus "real corpus" "$ROOT/content"
if [ "${1:-}" = "--synthetic" ]; then
  bench_corpus "synthetic corpus, 10,000 essays" "$(synthetic_corpus 10000 1)"
fi
