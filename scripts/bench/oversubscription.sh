#!/usr/bin/env bash
# NMF's steady-state ms/iteration (bench, JIT warm-up excluded) with 1, 2 and 4 threads, alone and beside a
# CPU-bound process (`yes`, started and killed here), the median of RUNS runs per cell, for one or more builds:
#   scripts/bench/oversubscription.sh [JAR...]        (default: nae4j-cli/target/nae4j-cli.jar)
# Environment: AUDIO, SCORE (default: the shared Satie excerpt), RUNS (default 5), THREADS (default "1 2 4").
# Runs are interleaved (run 1 of every build and thread count, then run 2, ...), so a drift in the machine's
# load touches every cell alike. Prints the per-run figures, then the medians of the dense and the masked path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data=/work/shared/data/rendered/satie-gymnopedie-no1-excerpt
[ $# -gt 0 ] || set -- "$here/../../nae4j-cli/target/nae4j-cli.jar"
audio="${AUDIO:-$data/mix.wav}"
score="${SCORE:-$data/score.csv}"
runs="${RUNS:-5}"
threads_list="${THREADS:-1 2 4}"
hog=""
results="$(mktemp)"
trap '[ -n "$hog" ] && kill "$hog" 2>/dev/null; rm -f "$results"' EXIT

vector=$(grep -qw avx512f /proc/cpuinfo && echo avx512f || (grep -qw avx2 /proc/cpuinfo && echo avx2 || echo none))
echo "# nproc $(nproc), vector flags: $vector, $(java -version 2>&1 | head -1)"
for i in $(seq $#); do echo "# build $i: $(realpath "${!i}")"; done
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

one() {
  java -XX:+UseTransparentHugePages --add-modules jdk.incubator.vector -jar "$1" bench --audio "$audio" \
       --score "$score" --methods nmf --threads "$2" --iterations 40 --warmup 20 --jit-warmup 3 2>/dev/null \
    | awk '$1 == "nmf" { print $2, $3 }'
}

for load in alone hog; do
  if [ "$load" = hog ]; then
    yes > /dev/null &
    hog=$!
  fi
  for run in $(seq "$runs"); do
    for t in $threads_list; do
      for i in $(seq $#); do
        read -r dense masked < <(one "${!i}" "$t")
        echo "$load $t $i $run $dense $masked $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$results"
      done
    done
  done
  if [ -n "$hog" ]; then
    kill "$hog"
    wait "$hog" 2>/dev/null || true
    hog=""
  fi
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
printf '%-6s %7s %5s %14s %15s\n' load threads build "dense ms/it" "masked ms/it"
for load in alone hog; do
  for t in $threads_list; do
    for i in $(seq $#); do
      d=$(awk -v l="$load" -v t="$t" -v b="$i" '$1 == l && $2 == t && $3 == b { print $5 }' "$results" | median)
      m=$(awk -v l="$load" -v t="$t" -v b="$i" '$1 == l && $2 == t && $3 == b { print $6 }' "$results" | median)
      printf '%-6s %7s %5s %14s %15s\n' "$load" "$t" "$i" "$d" "$m"
    done
  done
done
