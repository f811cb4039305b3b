#!/usr/bin/env bash
# The encoder-transfer measurements of docs/nae.md ("Another performance"): a model trained on performance A
# (the first SECONDS of a shared piece), applied to performance B (render.sh: another piano, tempo +-10 %,
# +16 cents) with plain encode and with encode --adapt at a few learning rates, against a fresh training on B,
# and one model trained on both (decompose with two --audio/--score pairs) against the separate trainings.
# Every run uses one thread (the machine is shared). Prints a summary; the result folders stay under OUT.
#
# Usage: scripts/second-performance/adapt-experiment.sh PIECE_DIR OUT [SECONDS=30] [ITERATIONS=2000]
# NAE4J overrides the launcher (default: ./nae4j of this repository).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
piece="$1"
out="$2"
seconds="${3:-30}"
iterations="${4:-2000}"
nae4j="${NAE4J:-$here/../../nae4j}"
run() { echo "+ nae4j $*" >&2; $nae4j "$@" --threads 1 -q --no-plots --overwrite; }
mkdir -p "$out"
"$here/crop.sh" "$piece" "$seconds" "$out/a"
"$here/render.sh" "$out/a" "$out/b"
A=(--audio "$out/a/mix.wav" --score "$out/a/score.csv")
B=(--audio "$out/b/mix.wav" --score "$out/b/score.csv")
run decompose "${A[@]}" --method nae-adam --iterations "$iterations" --out "$out/model-a"
run decompose "${B[@]}" --method nae-adam --iterations "$iterations" --history-every 50 --out "$out/fresh-b"
run encode --model "$out/model-a" "${B[@]}" --out "$out/encode-b"
for lr in model 0.003 0.01; do
  if [ "$lr" = model ]; then opt=(); else opt=(--adapt-learning-rate "$lr"); fi
  run encode --model "$out/model-a" "${B[@]}" --adapt 400 --history-every 50 "${opt[@]}" --out "$out/adapt-b-$lr"
done
run decompose "${A[@]}" "${B[@]}" --method nae-adam --iterations "$iterations" --out "$out/joint"
