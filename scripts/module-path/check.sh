#!/usr/bin/env bash
# Uses nae4j-core as a named module on the module path (module-info.java: org.nae4j.core), from a small
# module of its own (check/), once without and once with the incubating Vector API: the first run must
# fall back to the scalar kernel (`requires static jdk.incubator.vector`), the second must use SIMD.
# Run from anywhere after `mvn -B verify` (or `mvn -DskipTests package`), which builds nae4j-core's jar.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/scripts/module-path"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jar="$(ls "$root"/nae4j-core/target/nae4j-core-*.jar | grep -v -e sources -e javadoc -e tests | head -1)"
(cd "$root" && mvn -q -pl nae4j-core dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime) >&2
mp="$jar:$(cat "$work/cp.txt")"
javac -d "$work/out" --module-path "$mp" $(find "$here/check" -name '*.java')
scalar="$(java --module-path "$work/out:$mp" -m check/org.example.check.Check)"
simd="$(java --add-modules jdk.incubator.vector --module-path "$work/out:$mp" -m check/org.example.check.Check 2>/dev/null)"
echo "without jdk.incubator.vector: $scalar"
echo "with jdk.incubator.vector:    $simd"
[[ "$scalar" == *"core in module org.nae4j.core"*"kernel scalar"*"files 7" ]]
[[ "$simd" == *"core in module org.nae4j.core"*"kernel SIMD"*"files 7" ]]
echo "module-path check: OK"
