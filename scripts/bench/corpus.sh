#!/usr/bin/env bash
# Throughput of `nae4j corpus` (docs/spark.md): 12 recordings (the four rendered pieces, three times each),
# decomposed with NMF, by the CLI once per recording in a shell loop, by corpus in local[1] and local[2], and
# on a standalone cluster of two 1-core workers (nae4j-spark/src/test/cluster/standalone.sh).
#   bash scripts/bench/corpus.sh            (ITERATIONS=50 by default; MVN_FLAGS=-o for an offline Maven)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="$(cd "$root/.." && pwd)/shared/data/rendered"
iterations="${ITERATIONS:-50}"
work="$root/nae4j-spark/target/bench"
rm -rf "$work"
mkdir -p "$work"
manifest="$work/manifest.csv"
echo "id,audio,score" >"$manifest"
for copy in 1 2 3; do
  for piece in "$data"/*; do
    echo "$(basename "$piece")-$copy,$piece/mix.wav,$piece/score.csv" >>"$manifest"
  done
done
n=$(($(wc -l <"$manifest") - 1))
options=(--iterations "$iterations" --no-plots)

# Builds both jars first, so that no timing includes Maven.
"$root/nae4j" --version >/dev/null
"$root/nae4j" corpus --help >/dev/null

# Seconds since the epoch, with fractions.
now() { date +%s.%N; }
# Sum of the seconds column of a summary.csv (the time inside the tasks).
task_seconds() { python3 -c 'import csv,sys; print(sum(float(r["seconds"]) for r in csv.DictReader(open(sys.argv[1]))))' "$1"; }

t0=$(now)
tail -n +2 "$manifest" | while IFS=, read -r id audio score; do
  "$root/nae4j" decompose --audio "$audio" --score "$score" --out "$work/cli/$id" --threads 1 -q "${options[@]}" >/dev/null
done
cli=$(echo "$(now) - $t0" | bc)

declare -A wall inside
for master in 'local[1]' 'local[2]'; do
  t0=$(now)
  "$root/nae4j" corpus --manifest "$manifest" --out "$work/$master" --master "$master" -q "${options[@]}" >/dev/null
  wall[$master]=$(echo "$(now) - $t0" | bc)
  inside[$master]=$(task_seconds "$work/$master/summary.csv")
done

t0=$(now)
COPIES=3 KILL=false CLUSTER_ITERATIONS="$iterations" bash "$root/nae4j-spark/src/test/cluster/standalone.sh" \
  >"$work/cluster.log" 2>&1
cluster_total=$(echo "$(now) - $t0" | bc)
cluster=$(grep -oE 'of 12 in [0-9.]+ s' "$work/cluster.log" | grep -oE '[0-9.]+ s' | tr -d ' s')
inside[cluster]=$(task_seconds "$root/nae4j-spark/target/cluster-test/out/summary.csv")

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1); $n recordings, ${iterations} iterations, NMF"
printf '%-26s %10s %18s %22s\n' "run" "wall s" "recordings/hour" "seconds inside tasks"
printf '%-26s %10.1f %18.0f %22s\n' "CLI loop (--threads 1)" "$cli" "$(echo "$n * 3600 / $cli" | bc -l)" "-"
for master in 'local[1]' 'local[2]'; do
  printf '%-26s %10.1f %18.0f %22.1f\n' "corpus $master" "${wall[$master]}" \
    "$(echo "$n * 3600 / ${wall[$master]}" | bc -l)" "${inside[$master]}"
done
printf '%-26s %10.1f %18.0f %22.1f\n' "corpus standalone 2x1 core" "$cluster" "$(echo "$n * 3600 / $cluster" | bc -l)" \
  "${inside[cluster]}"
echo "(standalone: the driver's time from start to summary; with starting the master, workers and Maven: ${cluster_total} s)"
