#!/usr/bin/env bash
# Trains the AppCDS archive of the packaged application (run by Maven at package, after the Quarkus build; README
# "Performance at scale"):
#
#   src/build/appcds-training.sh APP_DIR CONTENT_DIR        # APP_DIR: target/quarkus-app
#
# Quarkus's own archive holds the classes loaded until the end of static initialisation: about 5,800 of the 16,500 that
# an unchanged start of the real corpus loads (Hibernate's boot, Flyway, H2, Lucene, the snapshot and the warm-up's
# request path all come later). This script imports CONTENT_DIR into a throw-away H2 database, then starts the service
# again on that database, now unchanged, with -XX:ArchiveClassesAtExit, waits until it is ready (the warm-up has sent
# the hot requests), and stops it: the JVM writes the archive of every class that start loaded as it exits. The
# archive becomes APP_DIR/app-cds.jsa once the JVM has mapped it with -Xshare:on (the build makes no archive of
# Quarkus's own when this script runs: application.properties, pom.xml). The first launch is not archived: its
# rendering classes (KaTeX on GraalJS, the Markdown pipeline) would double the archive for a path an unchanged start
# never takes.
#
# ESSAYS_DB_URL (with ESSAYS_DB_USER and ESSAYS_DB_PASSWORD) trains on another database instead, which the first
# launch imports into, so it must be a scratch one: that is how the PostgreSQL build is trained (bench/scale-bench.sh).
# KEEP_DB=DIR keeps the throw-away H2 database, CONTENT_DIR imported, in DIR once the training has succeeded (and
# removes DIR otherwise): the client and reader tests of `./mvnw verify` start on a copy of it instead of importing
# the corpus again (openapi/client-typescript/run-e2e.sh).
#
# It never fails the build: on any problem it says why and archives the classes of one start as far as it gets
# instead. JAVA_CMD names the JVM (an archive maps only into the JVM build that wrote it). Maven skips it with
# -Dappcds.training.skip, and Quarkus's build then makes its own archive.
set -uo pipefail
app=$(cd "${1:?application directory}" && pwd)
content=$(cd "${2:?content directory}" && pwd)
java=${JAVA_CMD:-java}
work=$(mktemp -d "${TMPDIR:-/tmp}/essays-appcds.XXXXXX")
db_url=${ESSAYS_DB_URL:-jdbc:h2:file:$work/db;DB_CLOSE_ON_EXIT=FALSE}
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
keep_db=${KEEP_DB:-}
[ -n "$keep_db" ] && rm -rf "$keep_db"
give_up() {
  echo "appcds-training: $1; archiving an untrained start instead" >&2
  [ -f "$2" ] && tail -20 "$2" >&2
  stop
  # the classes of a start as far as it gets, ready or not: the JVM archives what it loaded when it exits, whatever
  # its exit code
  launch "$work/static.log" "-XX:ArchiveClassesAtExit=$work/static.jsa"
  local deadline=$((SECONDS + 120))
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ] && ! grep -s -q 'Listening on' "$work/static.log"; do
    sleep 0.2
  done
  stop
  if [ -s "$work/static.jsa" ]; then
    rm -f "$app/app-cds.jsa"
    mv "$work/static.jsa" "$app/app-cds.jsa"
  else
    echo "appcds-training: no archive either; the service starts without one" >&2
  fi
  exit 0
}

# launch LOG [JVM options...]: the packaged service on the scratch database, from APP_DIR (the archive names the
# class path as quarkus-run.jar, relative), on a port the system picks
launch() {
  local log=$1
  shift
  (cd "$app" && ESSAYS_DB_URL="$db_url" ESSAYS_CONTENT_DIR="$content" \
    ESSAYS_SYNC_SECRET="appcds-training-$RANDOM$RANDOM$RANDOM" PORT=0 \
    exec "$java" -XX:+UseSerialGC -Xms32m -XX:MaxNewSize=128m "$@" -jar quarkus-run.jar) > "$log" 2>&1 &
  pid=$!
}

# ready LOG SECONDS: waits until the service reports ready and its startup import has logged its result
ready() {
  local log=$1 deadline=$((SECONDS + $2)) port="" status
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "$pid" 2>/dev/null || return 1
    # a corpus that does not import leaves nothing to serve: no start to train on
    grep -s -q -E 'problem\(s\) in the corpus|Import of ' "$log" && return 1
    [ -z "$port" ] && port=$(grep -s -o -m1 'Listening on: http://[^ ]*' "$log" | grep -o '[0-9]*$')
    if [ -n "$port" ] && grep -s -q 'Imported ' "$log"; then
      status=$( (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /q/health/ready HTTP/1.0\r\n\r\n' >&3 \
        && head -1 <&3) 2>/dev/null)
      [[ $status == *" 200"* ]] && return 0
    fi
    sleep 0.2
  done
  return 1
}

stop() {
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  pid=""
}

started=$SECONDS
launch "$work/import.log"
ready "$work/import.log" 300 || give_up "the first launch did not become ready" "$work/import.log"
stop
launch "$work/train.log" "-XX:ArchiveClassesAtExit=$work/app-cds.jsa"
ready "$work/train.log" 120 || give_up "the unchanged launch did not become ready" "$work/train.log"
stop
[ -s "$work/app-cds.jsa" ] || give_up "the JVM wrote no archive" "$work/train.log"
# the archive must map into this JVM with this class path, or it is not used
(cd "$app" && "$java" -Xshare:on "-XX:SharedArchiveFile=$work/app-cds.jsa" -cp quarkus-run.jar -version) \
  > "$work/check.log" 2>&1 || give_up "the archive does not map (-Xshare:on)" "$work/check.log"
rm -f "$app/app-cds.jsa"
mv "$work/app-cds.jsa" "$app/app-cds.jsa"
if [ -n "$keep_db" ] && [ -z "${ESSAYS_DB_URL:-}" ]; then
  mkdir -p "$keep_db" && cp "$work"/db.* "$keep_db"/
fi
echo "appcds-training: $app/app-cds.jsa trained on an unchanged start of $content" \
  "($(($(stat -c %s "$app/app-cds.jsa") / 1048576)) MB, $((SECONDS - started)) s)"
