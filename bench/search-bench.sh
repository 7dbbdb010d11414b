#!/usr/bin/env bash
# Search and suggest latency (p50, p99), in process, on the real corpus and on a synthetic corpus.
#   bench/search-bench.sh                 # content/ and a synthetic corpus of 10,000 essays (seed 1)
#   ESSAYS=2000 SEED=7 bench/search-bench.sh
# The synthetic corpus is generated once into bench/out/ (git-ignored) and imported by the service like any
# content directory, which also validates it. Reports land in bench/out/search-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ESSAYS=${ESSAYS:-10000}
SEED=${SEED:-1}
SYNTHETIC=bench/out/synthetic-$ESSAYS-$SEED
if [ ! -d "$SYNTHETIC/essays" ]; then
  python3 bench/gen_corpus.py "$SYNTHETIC" --essays "$ESSAYS" --seed "$SEED"
fi
for corpus in content "$SYNTHETIC"; do
  echo "== $corpus"
  ./mvnw -q -B test -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.content="$corpus" -Dquarkus.log.level=INFO > "bench/out/search-$(basename "$corpus").log" 2>&1 \
    || { tail -50 "bench/out/search-$(basename "$corpus").log"; exit 1; }
  cat "bench/out/search-$(basename "$corpus").txt"
done
