#!/usr/bin/env bash
# The search index build of the synthetic corpus, alone, for one or more builds of the service, alternately.
#
#   bench/index-bench.sh [--essays N] [--rounds R] [APP_DIR ...]     # default: target/quarkus-app, 10,000 essays, 3
#
# Imports the corpus once into an H2 file database (with the first APP_DIR), then, ROUNDS times and for each APP_DIR in
# turn, starts the service on a copy of that database with the stored search index deleted and the unchanged corpus:
# nothing is read, rendered or written, and the index is built from the release as a replica would on a release
# whose index nobody has stored yet. Prints each build's "built in" time and its GC total. To compare two builds, copy
# each one's target/quarkus-app somewhere first (their schemas must match: same migrations).
# JVM options: the production ones plus -Xmx1g (SYNTHETIC_JAVA_OPTS, as in scale-bench.sh). Figures vary with the
# machine's hour; judge a change by the alternating rounds, not by one run.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
essays=10000; rounds=3
parse_app_args "$@"
JAVA_OPTS=${SYNTHETIC_JAVA_OPTS:-$PROD_JAVA_OPTS -Xmx1g}
WORK=$(mktemp -d /tmp/essays-index-bench.XXXXXX)
trap 'stop_app; rm -rf "$WORK"' EXIT
python3 bench/gen_corpus.py "$WORK/corpus" --essays "$essays" --seed 1 >/dev/null
h2_jar=$(ls "${apps[0]}"/lib/main/com.h2database.h2-*.jar)

# run APP DB LOG: the service from APP on H2 database file DB until it is ready
run() {
  local app=$1 db=$2 log=$3
  ESSAYS_SYNC_SECRET=bench-secret-0123456789abcdef ESSAYS_DB_URL="jdbc:h2:file:$db" ESSAYS_CONTENT_DIR="$WORK/corpus" \
  PORT=$APP_PORT MALLOC_ARENA_MAX=2 bash -c 'cd "$1" && shift && exec java "$@"' launch "$app" $JAVA_OPTS $(jit_opts "$app") \
    -Xlog:gc:file="$log.gc" -jar quarkus-run.jar > "$log" 2>&1 &
  APP_PID=$!
  until curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "service died:"; tail -30 "$log"; exit 1; }
    sleep 0.1
  done
  stop_app
}

echo "importing $essays essays with ${apps[0]} ..."
mkdir "$WORK/db"
run "${apps[0]}" "$WORK/db/essays" "$WORK/import.log"
grep -o 'Imported .*' "$WORK/import.log" | cut -c1-200
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); JAVA_OPTS=$JAVA_OPTS; JIT_DIRECTIVES=$JIT_DIRECTIVES"
for round in $(seq 1 "$rounds"); do
  for app in "${apps[@]}"; do
    rm -rf "$WORK/copy"; cp -r "$WORK/db" "$WORK/copy"
    java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$WORK/copy/essays" -user sa -password "" \
      -sql "DELETE FROM search_index_file" >/dev/null
    run "$app" "$WORK/copy/essays" "$WORK/round.log"
    built=$(grep -o 'built in [0-9]* ms' "$WORK/round.log" || echo "no build logged")
    gc=$(awk '/Pause/ {sub("ms","",$NF); t+=$NF} END {printf "%.1f s", t/1000}' "$WORK/round.log.gc")
    echo "round $round, $app: index $built (GC $gc over the whole start)"
  done
done
