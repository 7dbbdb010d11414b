#!/usr/bin/env bash
# Sync and bundle sizes and latencies, in process over loopback HTTP, on the real corpus and (with --synthetic) on a
# generated one:
#   bench/sync-bench.sh                      # content/ only
#   bench/sync-bench.sh --synthetic          # and a synthetic corpus of 10,000 essays (seed 1): imported twice, minutes
#   ESSAYS=2000 SEED=7 bench/sync-bench.sh --synthetic
# Reports land in bench/out/sync-*.txt (see SyncBenchmark for what is measured).
set -euo pipefail
cd "$(dirname "$0")/.."
ESSAYS=${ESSAYS:-10000}
SEED=${SEED:-1}
corpora=(content)
if [ "${1:-}" = "--synthetic" ]; then
  SYNTHETIC=bench/out/synthetic-$ESSAYS-$SEED
  if [ ! -d "$SYNTHETIC/essays" ]; then
    python3 bench/gen_corpus.py "$SYNTHETIC" --essays "$ESSAYS" --seed "$SEED"
  fi
  corpora+=("$SYNTHETIC")
fi
mkdir -p bench/out
for corpus in "${corpora[@]}"; do
  echo "== $corpus"
  ./mvnw -q -B test -Dtest=SyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.content="$corpus" -Dquarkus.log.level=INFO > "bench/out/sync-$(basename "$corpus").log" 2>&1 \
    || { tail -50 "bench/out/sync-$(basename "$corpus").log"; exit 1; }
  cat "bench/out/sync-$(basename "$corpus").txt"
done
