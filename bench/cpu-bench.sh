#!/usr/bin/env bash
# Where a first launch's CPU goes: one launch of the synthetic corpus into an empty H2 database, up to ready, with the
# process's CPU every second (percent of one core) and, at ready, the CPU of each kind of thread (main, fork-join
# workers, JIT compilers, the GC's VM thread, H2's own threads) summed from /proc, beside the import's timing line.
#
#   bench/cpu-bench.sh [APP_DIR] [extra JVM options ...]     # default target/quarkus-app; ESSAYS (10000), SEED (1)
#
# JVM options: the production ones plus -Xmx1g (as scale-bench.sh), then the extra ones (e.g.
# -XX:StartFlightRecording=filename=first.jfr,settings=profile for a profile of the same launch). Compare builds by
# running it alternately for each; one launch says little on this shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
APP=$(cd "${1:-target/quarkus-app}" && pwd)
shift || true
WORK=$(mktemp -d /tmp/essays-cpu-bench.XXXXXX)
chmod 755 "$WORK"
content=$(synthetic_corpus "${ESSAYS:-10000}" "${SEED:-1}")
# the marker property lets the sampler find this run's JVM among any others
JAVA_OPTS="$PROD_JAVA_OPTS -Xmx1g -Dbench.cpu.run=$WORK $*"
app_dir() { echo "$APP"; }
SAMPLER=""
trap '[ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null; stop_app; rm -rf "$WORK"' EXIT

( while sleep 1; do
    pid=$(pgrep -f "bench.cpu.run=$WORK" | head -1 || true)
    [ -n "$pid" ] && awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null
  done > "$WORK/cpu" ) &
SAMPLER=$!
start_app h2 "$content" first "$WORK/log"
kill "$SAMPLER"; SAMPLER=""
tck=$(getconf CLK_TCK)
echo "machine: $(nproc) cores; JAVA_OPTS=$JAVA_OPTS; JIT_DIRECTIVES=$JIT_DIRECTIVES"
echo "ready in $READY_MS ms, RSS $RSS_READY_MB MB"
echo "import: $(import_line "$WORK/log")"
grep -o -E 'Search index for .*|Sync: .*' "$WORK/log" || true
echo "CPU per second, % of one core: $(awk -v tck="$tck" 'NR > 1 {printf "%d ", 100 * ($1 - p) / tck} {p = $1}' "$WORK/cpu")"
echo "CPU by thread kind at ready:"
for task in /proc/"$APP_PID"/task/*; do
  # comm, then utime and stime (fields 14 and 15 of stat, after the parenthesised comm)
  name=$(cat "$task/comm")
  read -r -a stat < <(sed 's/.*) //' "$task/stat")
  echo "$name ${stat[11]} ${stat[12]}"
done | awk -v tck="$tck" '{
    ticks = $(NF - 1) + $NF; $NF = ""; $(NF - 1) = ""; name = $0
    gsub(/[-#]?[0-9]+ *$/, "", name); sub(/ +$/, "", name)
    if (name ~ /^C[12] CompilerThre/) name = "JIT compilers (C1, C2)"
    if (name ~ /^ForkJoinPool/) name = "fork-join workers"
    if (name == "java") name = "main"
    cpu[name] += ticks
  } END { for (n in cpu) if (cpu[n] > 0.1 * tck) printf "%8.1f s  %s\n", cpu[n] / tck, n }' | sort -rn
awk -v tck="$tck" '{printf "process total: %.1f s of CPU\n", ($14 + $15) / tck}' "/proc/$APP_PID/stat"
