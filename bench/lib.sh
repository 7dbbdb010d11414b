# Shared by the benchmark scripts (sourced, not run): the production JVM options, starting and stopping the packaged
# service on H2 or on a throw-away PostgreSQL, and the synthetic corpus.
#
# JAVA_OPTS    JVM options for the service; default: the production options of the Dockerfile and README
# JIT_DIRECTIVES  1 (default): start the service with its compiler directives, as in production; 0: without them
# APP_PORT     port of the service under test (default 18080)
# PG_PORT      port of the throw-away PostgreSQL server (default 15432)

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
APP_PORT=${APP_PORT:-18080}
PG_PORT=${PG_PORT:-15432}
# the production options: the Dockerfile's JAVA_OPTS and MALLOC_ARENA_MAX (README "Performance at scale")
PROD_JAVA_OPTS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -Xms32m -XX:MaxNewSize=128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:InlineSmallCode=1000 -XX:MaxInlineLevel=9"
JAVA_OPTS=${JAVA_OPTS:-$PROD_JAVA_OPTS}
JIT_DIRECTIVES=${JIT_DIRECTIVES:-1}
APP_PID=""
PG_DIR=""

# jit_opts APP_DIR: the options that give the JVM the service's compiler directives (C1 only for start-up and import
# code; README "Performance at scale"): the file packaged beside quarkus-run.jar, else the source's; none if
# JIT_DIRECTIVES=0
jit_opts() {
  [ "$JIT_DIRECTIVES" = 0 ] && return 0
  local file
  file="$(cd "$1" 2>/dev/null && pwd)/compiler-directives.json"
  [ -f "$file" ] || file="$ROOT/src/main/jvm/compiler-directives.json"
  echo "-XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=$file"
}

# app_dir h2|postgresql -> the packaged application for that database
app_dir() {
  if [ "$1" = postgresql ]; then echo "$ROOT/target/quarkus-app-postgresql"; else echo "$ROOT/target/quarkus-app"; fi
}

# start_app DB CONTENT_DIR DATABASE_NAME LOG: launches the service, waits for readiness; sets READY_MS, RSS_READY_MB
start_app() {
  local db=$1 content=$2 name=$3 log=$4 dir url
  dir=$(app_dir "$db")
  # the archive Quarkus writes names the class path as the build ran it (quarkus-run.jar, relative), so the JVM only
  # maps it when started from the application's directory: anywhere else it warns and starts without it
  local cds=()
  [ -f "$dir/app-cds.jsa" ] && cds=(-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto)
  if [ "$db" = postgresql ]; then
    url="jdbc:postgresql://127.0.0.1:$PG_PORT/$name"
  else
    url="jdbc:h2:file:$WORK/$name;DB_CLOSE_ON_EXIT=FALSE"
  fi
  local started
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  ESSAYS_SYNC_SECRET=${ESSAYS_SYNC_SECRET:-bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')} \
  ESSAYS_DB_URL="$url" ESSAYS_DB_USER=${ESSAYS_DB_USER:-sa} ESSAYS_DB_PASSWORD=${ESSAYS_DB_PASSWORD:-} \
  ESSAYS_CONTENT_DIR="$content" PORT=$APP_PORT MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} \
    bash -c 'cd "$1" && shift && exec java "$@"' cds-launch "$dir" $JAVA_OPTS $(jit_opts "$dir") "${cds[@]}" -jar quarkus-run.jar > "$log" 2>&1 &
  APP_PID=$!
  until curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null 2>&1; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "service died:"; tail -50 "$log"; exit 1; fi
    sleep 0.05
  done
  READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
  RSS_READY_MB=$(rss_mb)
}

rss_mb() { echo $(( $(ps -o rss= -p "$APP_PID") / 1024 )); }

# waits until the startup import of the running service has logged its result (it may run after readiness)
wait_import() {
  local log=$1
  until grep -q -E 'Imported .*(release|unchanged)|Import of .* failed|problem\(s\) in the corpus' "$log"; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "service died:"; tail -50 "$log"; exit 1; }
    sleep 0.1
  done
}

stop_app() {
  [ -n "$APP_PID" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# start_pg: a throw-away PostgreSQL server in $WORK (Debian's postgresql package, installed if missing)
start_pg() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  PG_DIR=$WORK/pg
  mkdir -p "$PG_DIR"
  local as=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U sa --auth=trust >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=on" \
    -l "$PG_DIR/log" -w start >/dev/null
  PG_BIN=$bin
  PG_AS=("${as[@]}")
}

create_pg_db() { "${PG_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U sa "$1"; }

stop_pg() {
  [ -n "$PG_DIR" ] || return 0
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  PG_DIR=""
}

# synthetic_corpus N SEED -> prints the directory of a generated corpus (generated once into bench/out/)
synthetic_corpus() {
  local dir=$ROOT/bench/out/synthetic-$1-$2
  if [ ! -d "$dir/essays" ]; then
    mkdir -p "$ROOT/bench/out"
    python3 "$ROOT/bench/gen_corpus.py" "$dir" --essays "$1" --seed "$2" >/dev/null
  fi
  echo "$dir"
}

# import_line LOG -> the timing part of the import's log line
import_line() { grep -o -E 'Imported .*' "$1" | head -1 | sed -E 's/^Imported [^:]*: //'; }

# parse_app_args ARGS...: the options of the scripts that compare builds (index-bench.sh, render-bench.sh): --essays N,
# --rounds R, --launches L and APP_DIRs, into essays, rounds, launches and apps (default: target/quarkus-app); the
# caller sets the defaults first
parse_app_args() {
  apps=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --essays) essays=$2; shift 2 ;;
      --rounds) rounds=$2; shift 2 ;;
      --launches) launches=$2; shift 2 ;;
      *) apps+=("$(cd "$1" && pwd)"); shift ;;
    esac
  done
  [ ${#apps[@]} -gt 0 ] || apps=("$ROOT/target/quarkus-app")
}
