#!/usr/bin/env bash
# The TypeScript client's tests and the reader's end-to-end tests against the packaged service with the real corpus.
# Run by `./mvnw verify` (exec-maven-plugin, integration-test phase, after the jar is built); skip with -De2e.skip.
# Needs node >= 20 with npm and Debian's chromium (CHROMIUM=/path overrides /usr/bin/chromium); never downloads a
# browser. Steps: npm ci for both packages, generated types up to date, tsc --strict, start the jar on a free port
# with an H2 file database under a temp dir, wait for /q/health/ready, node --test for the client, vite build and
# node --test (puppeteer-core) for the reader, stop the service on exit. SEED_DB=DIR starts on a copy of the H2
# database in DIR, which `./mvnw verify` points at the one its AppCDS training imported the same corpus into with the
# same jar (src/build/appcds-training.sh, KEEP_DB): the start is then an unchanged one, 20 s sooner than an import.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
client="$root/openapi/client-typescript"
reader="$root/docs/reader"
jar="$root/target/quarkus-app/quarkus-run.jar"
java_cmd="${JAVA_CMD:-java}"
chromium="${CHROMIUM:-/usr/bin/chromium}"

fail() { echo "run-e2e: $*" >&2; exit 1; }

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
  fail "node and npm are needed for the client and reader tests (node >= 20). Install them: apt-get install -y nodejs npm; or skip these tests with -De2e.skip"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || fail "node >= 20 is needed, found $(node --version). Install a newer nodejs, or skip with -De2e.skip"
[ -x "$chromium" ] ||
  fail "Chromium is needed at $chromium for the reader's browser tests. Install it: apt-get install -y chromium (or set CHROMIUM=/path/to/chromium); or skip with -De2e.skip"
[ -f "$jar" ] || fail "$jar is missing: run ./mvnw package first (./mvnw verify does)"

export PUPPETEER_SKIP_DOWNLOAD=1 npm_config_update_notifier=false
npm_ci() { (cd "$1" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error); }

echo "run-e2e: client: npm ci, generated types up to date, tsc --strict"
npm_ci "$client"
(cd "$client" && npm run --silent check-generated && npm run --silent build)
echo "run-e2e: reader: npm ci, tsc --strict"
npm_ci "$reader"
(cd "$reader" && npm run --silent typecheck)

work="$(mktemp -d "${TMPDIR:-/tmp}/essays-e2e.XXXXXX")"
service_pid=""
stop() {
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT
seeded=""
# only a seed written after the jar was built: one a training of this build made, never a stale one of an earlier build
if [ -n "${SEED_DB:-}" ] && [ -f "$SEED_DB/db.mv.db" ] && [ "$SEED_DB/db.mv.db" -nt "$jar" ]; then
  cp "$SEED_DB"/db.* "$work"/
  seeded=" (database: a copy of $SEED_DB)"
fi

port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
api="http://127.0.0.1:$port"
echo "run-e2e: starting the service on $api (log: $work/service.log)$seeded"
(
  cd "$root"
  export PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 ESSAYS_CONTENT_DIR="$root/content" \
    ESSAYS_DB_URL="jdbc:h2:file:$work/db;DB_CLOSE_ON_EXIT=FALSE" ESSAYS_REFRESH_INTERVAL=off \
    ESSAYS_SYNC_SECRET="e2e-$(node -p 'require("crypto").randomBytes(24).toString("hex")')"
  unset ESSAYS_ADMIN_TOKEN ESSAYS_CORS_ORIGINS
  exec "$java_cmd" -jar "$jar"
) >"$work/service.log" 2>&1 &
service_pid=$!

started=$SECONDS
ready() { node -e 'fetch(process.argv[1]).then(r => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))' "$api/q/health/ready"; }
until ready; do
  if ! kill -0 "$service_pid" 2>/dev/null; then
    cat "$work/service.log" >&2
    fail "the service exited before it was ready"
  fi
  if [ $((SECONDS - started)) -gt 240 ]; then
    tail -50 "$work/service.log" >&2
    fail "the service was not ready after 240 s"
  fi
  sleep 1
done
echo "run-e2e: service ready after $((SECONDS - started)) s"

echo "run-e2e: client tests (node --test)"
(cd "$client" && ESSAYS_API_URL="$api" node --test --test-reporter=spec dist/test/)

echo "run-e2e: reader build for $api and browser tests (node --test, puppeteer-core, $chromium)"
(cd "$reader" && VITE_ESSAYS_API="$api" npx --no-install vite build --logLevel warn)
(cd "$reader" && ESSAYS_API_URL="$api" CHROMIUM="$chromium" node --test --test-reporter=spec e2e/)
echo "run-e2e: screenshots in $reader/build/screenshots/"
