#!/usr/bin/env bash
# The first SECONDS of a shared piece as a piece folder of its own (mix.wav, score.csv, pedal.csv), for a pair
# of performances short enough to train several times on a small machine.
# Usage: scripts/second-performance/crop.sh PIECE_DIR SECONDS OUT_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$3"
sox "$1/mix.wav" "$3/mix.wav" trim 0 "$2"
python3 "$here/crop.py" "$1" "$2" "$3"
