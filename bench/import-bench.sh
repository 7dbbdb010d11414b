#!/usr/bin/env bash
# Times one import of a synthetic corpus by the prod jar, from an empty database, and prints the `Imported ...` line
# with its phases (read, validate and render / link analysis / write / load).
#
#   bench/import-bench.sh [--essays N] [--seed S] [--postgres JDBC_URL] [--no-build] [--log FILE]
#
# H2 by default (a fresh file database under a temp dir, target/quarkus-app/); with --postgres, the PostgreSQL build
# (target/quarkus-app-postgresql/) against an EMPTY database at JDBC_URL (user from ESSAYS_DB_USER, default postgres).
# --log FILE keeps the service's log, with the writer's time per table (DEBUG of io.essays.store) and the JVM's GC log.
# Run one measurement at a time on a shared machine; figures are approximate.
set -euo pipefail
cd "$(dirname "$0")/.."
essays=10000; seed=1; pg=""; build=1; keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --essays) essays=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --postgres) pg=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --log) keep=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
if [ "$build" = 1 ]; then
  if [ -n "$pg" ]; then ./mvnw -B -ntp -q package -DskipTests; else ./mvnw -B -ntp -q package -DskipTests -DskipPostgresBuild; fi
fi
python3 bench/gen_corpus.py "$work/corpus" --essays "$essays" --seed "$seed" >/dev/null
if [ -n "$pg" ]; then
  app=target/quarkus-app-postgresql
  db=(-Dquarkus.datasource.jdbc.url="$pg" -Dquarkus.datasource.username="${ESSAYS_DB_USER:-postgres}")
else
  app=target/quarkus-app
  db=(-Dquarkus.datasource.jdbc.url="jdbc:h2:file:$work/db")
fi
extra=()
[ -n "$keep" ] && extra=(-Dquarkus.log.category.\"io.essays.store\".level=DEBUG -Xlog:gc:file="$work/gc.log")
ESSAYS_SYNC_SECRET=bench-secret-0123456789abcdef java -Xmx2g "${extra[@]}" -Dquarkus.http.port="${PORT:-18180}" "${db[@]}" \
  -Dessays.content-dir="$work/corpus" -jar "$app/quarkus-run.jar" > "$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q -e 'Imported ' -e ERROR "$work/log" && break
  sleep 1
done
grep -e 'Imported ' -e ERROR "$work/log" | sed 's/.*(main) //'
[ -n "$keep" ] && { cat "$work/log"; echo "--- GC"; cat "$work/gc.log"; } > "$keep"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
