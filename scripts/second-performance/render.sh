#!/usr/bin/env bash
# Renders a second performance of a shared piece: another General MIDI piano (TimGM6mb instead of the
# FluidR3_GM of shared/data/rendered), a smooth tempo change (local tempo 1 +- AMPLITUDE over the piece) and a
# detuning of CENTS (the rendering is resampled by 2^(CENTS/1200), which raises the pitch and shortens it).
# Writes OUT/mix.wav (22050 Hz mono) and OUT/score.csv, the warped score aligned to it.
#
# Usage: scripts/second-performance/render.sh PIECE_DIR OUT_DIR [CENTS=16] [AMPLITUDE=0.1]
# Needs: apt-get install -y fluidsynth timgm6mb-soundfont sox python3
set -euo pipefail
piece="$1"
out="$2"
cents="${3:-16}"
amplitude="${4:-0.1}"
soundfont="${SOUNDFONT:-/usr/share/sounds/sf2/TimGM6mb.sf2}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$out"
speed="$(python3 -c "print(2 ** ($cents / 1200))")"
pedal="$piece/pedal.csv"
[ -f "$pedal" ] || pedal=-
python3 "$here/warp.py" "$piece/score.csv" "$pedal" "$amplitude" "$speed" "$out/warped.mid" "$out/score.csv"
fluidsynth -ni -g 0.8 -r 44100 -F "$out/rendered.wav" "$soundfont" "$out/warped.mid" >/dev/null
# speed: resample by the factor (pitch and tempo together); then mono at the analysis rate, peak at -1 dBFS.
sox "$out/rendered.wav" -c 1 "$out/mix.wav" speed "$speed" rate 22050 norm -1
rm -f "$out/rendered.wav"
echo "wrote $out/mix.wav and $out/score.csv (+$cents cents, tempo +-$(python3 -c "print(round(100 * $amplitude))") %)"
