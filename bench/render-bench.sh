#!/usr/bin/env bash
# Reading, validating and rendering the synthetic corpus, then analysing its links, alone, for one or more builds of
# the service, alternately.
#
#   bench/render-bench.sh [--essays N] [--rounds R] [--launches L] [APP_DIR ...]   # default: target/quarkus-app,
#                                                                                   # 10,000 essays, 4 rounds, 2 launches
#
# For each of LAUNCHES and each APP_DIR in turn, starts one JVM with that build's classes (bench/RenderBench.java) and
# renders the corpus and analyses its links ROUNDS times in it: the first round is what a first launch pays (the JIT
# compilers start cold), the later ones an import into a running service. No database, no KaTeX (each formula gets a
# fixed MathML), no HTTP. Prints each round's and step's wall time and what the JIT compilers and the garbage collector
# spent during it. To compare two builds, copy each one's target/quarkus-app somewhere first.
# JVM options: the production ones plus -Xmx1g (SYNTHETIC_JAVA_OPTS, as in scale-bench.sh). Figures vary with the
# machine's hour; judge a change by alternating launches, not by one.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
essays=10000; rounds=4; launches=2
parse_app_args "$@"
JAVA_OPTS=${SYNTHETIC_JAVA_OPTS:-$PROD_JAVA_OPTS -Xmx1g}
WORK=$(mktemp -d /tmp/essays-render-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
python3 bench/gen_corpus.py "$WORK/corpus" --essays "$essays" --seed 1 >/dev/null
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); JAVA_OPTS=$JAVA_OPTS; $essays essays"
for launch in $(seq 1 "$launches"); do
  for app in "${apps[@]}"; do
    classes=$(ls "$app"/app/*.jar "$app"/lib/main/*.jar "$app"/lib/boot/*.jar | tr '\n' ':')
    echo "launch $launch, $app:"
    # shellcheck disable=SC2086
    MALLOC_ARENA_MAX=2 java $JAVA_OPTS -cp "$classes" bench/RenderBench.java "$WORK/corpus" "$rounds" | sed 's/^/  /'
  done
done
