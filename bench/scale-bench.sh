#!/usr/bin/env bash
# Start-up, import and memory at scale: the figures of the README's "Performance at scale" table.
#
#   bench/scale-bench.sh                         # real corpus, H2
#   bench/scale-bench.sh --synthetic             # and the synthetic corpus of 10,000 essays (gen_corpus.py, seed 1)
#   bench/scale-bench.sh --postgresql            # the same on a throw-away PostgreSQL server too
#   bench/scale-bench.sh --synthetic --postgresql
#
# For each corpus and database: a first launch into an empty database (so an empty formula cache: every formula is
# rendered to MathML), then two launches on the unchanged corpus; for each, launch-to-ready time, the import's own
# timing line and RSS at ready; then a 60 s mixed load (bench/LoadMix.java: essay detail, HTML, list, 304s and 10%
# searches over every essay) and RSS after it. Uses the packaged service (built unless SKIP_BUILD=1) with the
# production JVM options (JAVA_OPTS, see bench/lib.sh) and its AppCDS archive: the build trains the H2 application's
# (src/build/appcds-training.sh), and this script trains the PostgreSQL application's on a scratch database.
# The synthetic corpus runs in a bounded heap: SYNTHETIC_JAVA_OPTS, default the production options plus -Xmx1g.
# Environment: LOAD_SECONDS (60), LOAD_CONNECTIONS (8), SKIP_BUILD=1, ESSAYS (10000), SEED (1), ONLY_SYNTHETIC=1.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
LOAD_SECONDS=${LOAD_SECONDS:-60}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-8}
synthetic=0
databases=(h2)
for arg in "$@"; do
  case $arg in
    --synthetic) synthetic=1 ;;
    --postgresql) databases+=(postgresql) ;;
    *) echo "unknown option $arg"; exit 2 ;;
  esac
done
WORK=$(mktemp -d /tmp/essays-scale.XXXXXX)
chmod 755 "$WORK"
trap 'stop_app; stop_pg' EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building ..."
  skip_pg=true
  [[ " ${databases[*]} " == *" postgresql "* ]] && skip_pg=false
  ./mvnw -q -B -ntp package -DskipTests -DskipPostgresBuild=$skip_pg
fi
if [[ " ${databases[*]} " == *" postgresql "* ]]; then
  start_pg
  # the build trains the H2 application's AppCDS archive (the PostgreSQL build gets Quarkus's, cut at static
  # initialisation); the PostgreSQL one is trained here, on a scratch database
  create_pg_db appcds
  ESSAYS_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/appcds" ESSAYS_DB_USER=sa ESSAYS_DB_PASSWORD= \
    src/build/appcds-training.sh "$(app_dir postgresql)" "$ROOT/content"
fi

SYNTHETIC_JAVA_OPTS=${SYNTHETIC_JAVA_OPTS:-$JAVA_OPTS -Xmx1g}
REAL_JAVA_OPTS=$JAVA_OPTS
corpora=("$ROOT/content")
[ "${ONLY_SYNTHETIC:-0}" = 1 ] && corpora=()
[ "$synthetic" = 1 ] && corpora+=("$(synthetic_corpus "${ESSAYS:-10000}" "${SEED:-1}")")

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); java $(java -version 2>&1 | head -1 | cut -d'"' -f2); JAVA_OPTS=$JAVA_OPTS; JIT_DIRECTIVES=$JIT_DIRECTIVES"
n=0
for content in "${corpora[@]}"; do
  JAVA_OPTS=$REAL_JAVA_OPTS
  [ "$content" != "$ROOT/content" ] && JAVA_OPTS=$SYNTHETIC_JAVA_OPTS
  for db in "${databases[@]}"; do
    n=$((n + 1))
    name=essays$n
    [ "$db" = postgresql ] && create_pg_db "$name"
    echo
    echo "== $(basename "$content") on $db (JAVA_OPTS=$JAVA_OPTS)"
    for launch in 1 2 3; do
      kind=unchanged
      [ "$launch" = 1 ] && kind=first
      log=$WORK/$name-$launch.log
      start_app "$db" "$content" "$name" "$log"
      wait_import "$log"
      printf "%-9s launch: ready %6d ms, RSS at ready %4d MB; import: %s\n" "$kind" "$READY_MS" "$RSS_READY_MB" "$(import_line "$log")"
      if [ "$launch" = 1 ]; then
        grep -o -E '(Math|Search index for release [0-9]*|Sync): .*' "$log" | sed 's/^/          /'
        grep -o -E 'Serving corpus release .*' "$log" | head -1 | sed 's/^/          /'
      fi
      [ "$launch" -lt 3 ] && stop_app
    done
    # the service of the second unchanged launch is still running: load it
    java bench/LoadMix.java "http://127.0.0.1:$APP_PORT" "$LOAD_SECONDS" "$LOAD_CONNECTIONS" 10 > "$WORK/$name-load.txt"
    printf "after %d s of mixed load (%s req/s): RSS %d MB\n" "$LOAD_SECONDS" \
      "$(sed -n 1p "$WORK/$name-load.txt" | grep -o '[0-9]* req/s' | cut -d' ' -f1)" "$(rss_mb)"
    stop_app
  done
done
