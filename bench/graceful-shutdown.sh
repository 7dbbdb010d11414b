#!/usr/bin/env bash
# Graceful shutdown, measured: four curl loops read /api/v1/search (distinct queries, so nothing is cached) from the
# packaged H2 build on loopback, the service gets SIGTERM two seconds in, and every outcome is tallied as
# "<HTTP status> <curl exit code>": 200 0 = answered; 503 0 = refused during shutdown; 000 7 = connection refused
# (server gone); 000 52 / 000 56 = a connection the server accepted but closed without an answer.
# Usage: ./mvnw package -DskipTests && bench/graceful-shutdown.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18581}
WORK=$(mktemp -d)
PORT=$PORT ESSAYS_SYNC_SECRET=bench-graceful-shutdown-secret ESSAYS_DB_URL="jdbc:h2:file:$WORK/db;DB_CLOSE_ON_EXIT=FALSE" ESSAYS_CONTENT_DIR=src/test/resources/fixture \
  java -Xmx384m -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 0.2; done
for t in 1 2 3 4; do
  ( end=$((SECONDS + 6)); while [ $SECONDS -lt $end ]; do
      code=$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/api/v1/search?q=first$RANDOM") && rc=0 || rc=$?
      echo "$code $rc"; done > "$WORK/out.$t" ) &
done
sleep 2
T0=$(date +%s%N); kill -TERM $PID; wait $PID || true
echo "stopped $(( ($(date +%s%N) - T0) / 1000000 )) ms after SIGTERM"
wait
cat "$WORK"/out.* | sort | uniq -c
grep -E "GracefulShutdownFilter|Failed to register an accepted channel|stopped in" "$WORK/app.log" | cut -c1-160
