#!/usr/bin/env bash
# Two builds side by side on the same corpus: each serves from its own port at once (H2 in memory, the production
# options and compiler directives, its own AppCDS archive), and wrk measures 304 revalidations and the essay detail on
# each in alternating rounds, the order swapped from one round to the next, so that the machine's slow and fast
# minutes fall on both. This is how a change to the request path is judged here (README "Performance at scale").
#
#   bench/ab-http-bench.sh OLD_APP_DIR NEW_APP_DIR     (each a packaged target/quarkus-app)
#
# ROUNDS (default 8), SECONDS_PER_ROUND (8), CONNECTIONS (8), ESSAY (softmax), CONTENT_DIR (the repository's content/)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

[ $# -eq 2 ] || { echo "usage: $0 OLD_APP_DIR NEW_APP_DIR" >&2; exit 2; }
OLD=$(cd "$1" && pwd)
NEW=$(cd "$2" && pwd)
ROUNDS=${ROUNDS:-8}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-8}
CONNECTIONS=${CONNECTIONS:-8}
ESSAY=${ESSAY:-softmax}
CONTENT_DIR=$(cd "${CONTENT_DIR:-content}" && pwd)
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
WORK=$(mktemp -d)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

# launch NAME APP_DIR PORT
launch() {
  local cds=()
  [ -f "$2/app-cds.jsa" ] && cds=(-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto)
  # shellcheck disable=SC2086
  ESSAYS_SYNC_SECRET=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n') ESSAYS_CONTENT_DIR="$CONTENT_DIR" \
  ESSAYS_DB_URL="jdbc:h2:mem:$1;DB_CLOSE_DELAY=-1" PORT=$3 MALLOC_ARENA_MAX=2 \
    bash -c 'cd "$1" && shift && exec java "$@"' ab-launch "$2" $JAVA_OPTS $(jit_opts "$2") "${cds[@]}" \
    -jar quarkus-run.jar > "$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  until curl -sf "http://127.0.0.1:$3/q/health/ready" >/dev/null 2>&1; do
    kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "$1 died:"; tail -30 "$WORK/$1.log"; exit 1; }
    sleep 0.2
  done
}

# one at a time, so that the second's import does not share the cores with the first's
launch old "$OLD" 18301
launch new "$NEW" 18302
URI=/api/v1/essays/$ESSAY
etag() { curl -s -D - -o /dev/null "http://127.0.0.1:$1$URI" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r'; }
rate() { awk '/Requests\/sec/{printf "%.0f", $2}'; }
# round NAME PORT: one 304 round, then one detail round
round() {
  local tag
  tag=$(etag "$2")
  [ -n "$tag" ] || { echo "no ETag from $1"; exit 1; }
  local r304 rdetail
  r304=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_ROUND}s" -H "If-None-Match: $tag" "http://127.0.0.1:$2$URI" | rate)
  rdetail=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_ROUND}s" "http://127.0.0.1:$2$URI" | rate)
  echo "$1 $r304 $rdetail"
}
echo "warming both (three rounds each, not counted)"
for i in 1 2 3; do round new 18302 >/dev/null; round old 18301 >/dev/null; done
: > "$WORK/rounds"
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then order="new:18302 old:18301"; else order="old:18301 new:18302"; fi
  for o in $order; do
    line=$(round "${o%%:*}" "${o##*:}")
    echo "round $r $line" | tee -a "$WORK/rounds" | awk '{printf "round %s %-3s 304 %6s req/s, detail %6s req/s\n", $2, $3, $4, $5}'
  done
done
# median BUILD COLUMN: the median of that build's rounds in that column (4: 304s, 5: detail)
median() { awk -v b="$1" -v c="$2" '$3 == b { print $c }' "$WORK/rounds" | sort -n \
  | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)) }'; }
for b in old new; do echo "$b: 304 median $(median $b 4) req/s, detail median $(median $b 5) req/s ($ROUNDS rounds)"; done
