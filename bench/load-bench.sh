#!/usr/bin/env bash
# Load-path benchmark: how long a replica takes to read a stored release into its snapshot, build the search index
# and hash the sync items, and what heap and RSS the loaded release costs.
#
#   bench/load-bench.sh                 # synthetic corpus of 10,000 essays (generated once, deterministic)
#   CONTENT=content bench/load-bench.sh # the real corpus
#
# Imports the corpus once into a fresh H2 file database (not timed here: see bench/http-bench.sh), then restarts the
# prod jar on that database with ESSAYS_IMPORT_ON_START=false, so the start does nothing but load the stored release.
# Prints the loader's log lines (database read, search index, sync hashes, total), RSS at ready, the live heap after a
# full GC and the top of the class histogram.
# Environment: HEAP (default 1g), PORT (18280), ESSAYS (10000), SEED (1), CONTENT (a directory instead of the
# synthetic corpus), SKIP_BUILD=1, KEEP=1 (keep the work directory).
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=${HEAP:-1g}
PORT=${PORT:-18280}
ESSAYS=${ESSAYS:-10000}
SEED=${SEED:-1}
WORK=$(mktemp -d /tmp/essays-load-bench.XXXXXX)
APP_PID=""

cleanup() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp -q package -DskipTests -DskipPostgresBuild
fi
if [ -n "${CONTENT:-}" ]; then
  CORPUS=$(cd "$CONTENT" && pwd)
else
  CORPUS="$WORK/corpus"
  python3 bench/gen_corpus.py "$CORPUS" --essays "$ESSAYS" --seed "$SEED"
fi

# start HEAP LOG [java options…]: starts the jar on the work database and waits until it answers ready
start() {
  local heap=$1 log=$2
  shift 2
  ESSAYS_SYNC_SECRET=load-bench-secret-0123456789abcdef java -Xmx"$heap" "$@" -Dquarkus.http.port="$PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$WORK/db;DB_CLOSE_ON_EXIT=FALSE" -Dessays.content-dir="$CORPUS" \
    -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
  APP_PID=$!
  until curl -sf "localhost:$PORT/q/health/ready" >/dev/null; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the service stopped; see $log" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.5
  done
}

stop() {
  kill "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

echo "== importing $CORPUS (not timed)"
start 2g "$WORK/import.log"
stop

echo "== loading the stored release (-Xmx$HEAP, no import)"
start "$HEAP" "$WORK/load.log" -Dessays.import-on-start=false
grep -E "Read release|Search index|Sync:|Serving corpus|started in" "$WORK/load.log" | sed 's/^.*\] (main) /  /'
echo "  RSS at ready: $(( $(ps -o rss= -p "$APP_PID") / 1024 )) MB"
jcmd "$APP_PID" GC.run >/dev/null
jcmd "$APP_PID" GC.heap_info | sed -n 2p | sed 's/^ */  heap after full GC: /'
jcmd "$APP_PID" GC.class_histogram | sed -n 3,15p
stop
