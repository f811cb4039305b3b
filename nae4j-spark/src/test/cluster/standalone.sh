#!/usr/bin/env bash
# A real Spark cluster on this machine: a standalone master and two workers (separate JVMs on 127.0.0.1, from
# the Maven jars), `nae4j corpus` submitted with SparkSubmit as spark-submit runs it, one worker killed while
# tasks run, and the job must still finish with every recording done. Stops every process it starts.
#   bash nae4j-spark/src/test/cluster/standalone.sh        (MVN_FLAGS=-o for an offline Maven)
# For timings (docs/spark.md): COPIES=3 KILL=false CLUSTER_ITERATIONS=50 runs 12 recordings and kills nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
module="$root/nae4j-spark"
work="$module/target/cluster-test"
data="$(cd "$root/.." && pwd)/shared/data/rendered"
iterations="${CLUSTER_ITERATIONS:-20}"
copies="${COPIES:-2}"
kill_worker="${KILL:-true}"

if [ ! -d "$data" ]; then
  if [ "${CI:-}" = true ]; then
    echo "cluster test: CI=true, but the shared data is missing: $data" >&2
    exit 1
  fi
  echo "cluster test: skipped, shared data absent: $data" >&2
  exit 0
fi

# The application jar and a SPARK_HOME whose jars/ holds Spark's jars (workers build executor command lines
# from it): Spark, Hadoop, Jackson... as Maven resolves them, without nae4j's own libraries.
(cd "$root" && mvn -B -q -Dstyle.color=never ${MVN_FLAGS:-} -DskipTests -Dmaven.javadoc.skip=true \
  -Dmaven.source.skip=true -pl nae4j-spark -am package dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.excludeGroupIds=org.nae4j,org.jfree,info.picocli,me.tongfei,org.jline,com.github.wendykierp,pl.edu.icm \
  -Dmdep.outputFile=target/cluster-classpath.txt >/dev/null)
rm -rf "$work"
mkdir -p "$work/spark-home/jars" "$work/logs"
tr ':' '\n' < "$module/target/cluster-classpath.txt" | while read -r jar; do
  ln -s "$jar" "$work/spark-home/jars/"
done
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
opens="@$module/spark-java17.args"
cp="$SPARK_HOME/jars/*"

pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do
    # The workers' executors are their children: stop them too.
    for c in $(pgrep -P "$p" 2>/dev/null || true); do kill "$c" 2>/dev/null || true; done
    kill "$p" 2>/dev/null || true
  done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

# Waits until the file $1 has a line matching $2 (at most $3 s); prints the match.
await() {
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    if grep -m1 -oE "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "cluster test: no '$2' in $1 after $3 s:" >&2
  tail -20 "$1" >&2
  return 1
}

java $opens -Xmx256m -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 \
  >"$work/logs/master.log" 2>&1 &
pids+=($!)
master="$(await "$work/logs/master.log" 'spark://127\.0\.0\.1:[0-9]+' 60)"
worker_pids=()
for w in 1 2; do
  java $opens -Xmx256m -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 \
    --cores 1 --memory 1g --work-dir "$work/worker$w" "$master" >"$work/logs/worker$w.log" 2>&1 &
  pids+=($!)
  worker_pids+=($!)
done
for w in 1 2; do
  await "$work/logs/worker$w.log" 'Successfully registered with master' 60 >/dev/null
done

# Eight recordings (the four pieces, each twice), two tasks at a time.
manifest="$work/manifest.csv"
echo "id,audio,score" >"$manifest"
for ((copy = 1; copy <= copies; copy++)); do
  for piece in "$data"/*; do
    name="$(basename "$piece")"
    echo "$name-$copy,$piece/mix.wav,$piece/score.csv" >>"$manifest"
  done
done
total=$(($(wc -l <"$manifest") - 1))

out="$work/out"
start=$SECONDS
java $opens -Xmx512m -cp "$cp" org.apache.spark.deploy.SparkSubmit --master "$master" \
  --conf spark.driver.host=127.0.0.1 --conf spark.executor.memory=768m --conf spark.executor.cores=1 \
  --class org.nae4j.spark.CorpusMain "$module/target/nae4j-spark.jar" \
  corpus --manifest "$manifest" --out "$out" --iterations "$iterations" --no-plots \
  >"$work/logs/submit.out" 2>"$work/logs/submit.err" &
submit=$!
pids+=($submit)

# Kill worker 2 (with its executor) once it runs a task and the first recording is committed.
committed=0
for ((i = 0; i < 1200; i++)); do
  if [ "$kill_worker" != true ]; then break; fi
  committed=$( (find "$out/_commits" -name '*.json' 2>/dev/null || true) | wc -l)
  executors=$( (pgrep -P "${worker_pids[1]}" 2>/dev/null || true) | wc -l)
  if [ "$committed" -ge 1 ] && [ "$executors" -ge 1 ]; then break; fi
  if ! kill -0 "$submit" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ "$kill_worker" != true ]; then
  :
elif [ "$committed" -ge "$total" ] || ! kill -0 "$submit" 2>/dev/null; then
  echo "cluster test: the job ended before a worker could be killed; raise CLUSTER_ITERATIONS" >&2
  cat "$work/logs/submit.err" >&2
  exit 1
else
  children=$(pgrep -P "${worker_pids[1]}" || true)
  kill -9 "${worker_pids[1]}" $children
  echo "cluster test: killed worker 2 and its executor after $committed of $total recordings" >&2
fi

status=0
wait "$submit" || status=$?
cat "$work/logs/submit.err" >&2
cat "$work/logs/submit.out"
if [ "$status" -ne 0 ]; then
  echo "cluster test: FAILED: spark-submit exited with $status" >&2
  exit 1
fi
done_rows=$(grep -c ',done,' "$out/summary.csv" || true)
if [ "$done_rows" -ne "$total" ] || [ "$(find "$out/recordings" -name W.npy | wc -l)" -ne "$total" ]; then
  echo "cluster test: FAILED: $done_rows of $total recordings done" >&2
  cat "$out/summary.csv" >&2
  exit 1
fi
lost=""
if [ "$kill_worker" = true ]; then lost=" that lost a worker"; fi
echo "cluster test: 1 passed, 0 failed ($total recordings done on a standalone cluster$lost, $((SECONDS - start)) s)"
