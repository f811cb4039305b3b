#!/usr/bin/env bash
# Compares two builds of nae4j (their CLI jars) on the masked path, in one JVM per order:
#   scripts/bench/paired-builds.sh OLD.jar NEW.jar AUDIO SCORE [METHODS] [THREADS] [ROUNDS]
# OLD_DRIVER=FILE compiles another Driver.java against OLD.jar, for a build from before an API change.
# JVM_OPTS adds options to the JVM, e.g. JVM_OPTS=-XX:UseAVX=2 to compare the builds as on an AVX2 machine.
# Runs (OLD, NEW) and (NEW, OLD), and prints per method NEW's ms/iteration over OLD's: the geometric mean
# of the two runs' median per-round ratios, which cancels the advantage of either place in the JVM.
set -euo pipefail
old="$(realpath "$1")"; new="$(realpath "$2")"; audio="$3"; score="$4"
methods="${5:-nmf,nae-mu,nae-sgd,nae-adam,nae-rmsprop}"; threads="${6:-2}"; rounds="${7:-24}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/old" "$work/new" "$work/main"
javac -d "$work/old" -cp "$old" "${OLD_DRIVER:-$here/paired/Driver.java}"
javac -d "$work/new" -cp "$new" "$here/paired/Driver.java"
javac -d "$work/main" "$here/paired/PairedBuilds.java"
run() {
  # shellcheck disable=SC2086 # JVM_OPTS is a list of options
  java -XX:+UseTransparentHugePages ${JVM_OPTS:-} --add-modules jdk.incubator.vector -cp "$work/main" PairedBuilds \
       "$1" "$2" "$3" "$4" "$audio" "$score" "$methods" "$threads" "$rounds" 2>/dev/null
}
run "$old" "$work/old" "$new" "$work/new" > "$work/a.txt"
run "$new" "$work/new" "$old" "$work/old" > "$work/b.txt"
printf '%-12s %10s %10s %12s %12s %10s\n' method "old ms/it" "new ms/it" "new/old (1)" "old/new (2)" "new/old"
join <(sort "$work/a.txt") <(sort "$work/b.txt") | awk '{
  # a: old new ratio(new/old) ; b: new old ratio(old/new)
  g = sqrt($4 / $7); printf "%-12s %10.3f %10.3f %12.4f %12.4f %10.3f\n", $1, ($2 + $6) / 2, ($3 + $5) / 2, $4, $7, g }'
