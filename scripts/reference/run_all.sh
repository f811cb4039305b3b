#!/bin/bash
# Reproduces every number in reference-values.json (about 15 min on one core).
# Usage: scripts/reference/run_all.sh [OUTDIR]   (default /tmp/nae-ref-out), then collect_reference_values.py OUTDIR
set -e
cd "$(dirname "$0")/../.."
OUT=${1:-/tmp/nae-ref-out}
DATA=../shared/data/rendered
[ -d "$DATA" ] || DATA=/work/shared/data/rendered
mkdir -p "$OUT"
ref() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 python3 scripts/reference/nae_reference.py "$@"; }
S=satie-gymnopedie-no1-excerpt
ref --self-test
for p in $S mozart-k545-mvt1-excerpt bach-prelude-bwv846 long-joplin-the-entertainer; do
  ref --audio $DATA/$p/mix.wav --score $DATA/$p/score.csv --method nmf --iterations 1000 --dtype float64 \
      --history-every 100 --json $OUT/$p.nmf.json > $OUT/$p.nmf.log
  ref --audio $DATA/$p/mix.wav --score $DATA/$p/score.csv --method nmf --iterations 1000 --dtype float32 \
      --history-every 100 --json $OUT/$p.nmf32.json > $OUT/$p.nmf32.log
done
nae() { # piece method init seed
  ref --audio $DATA/$1/mix.wav --score $DATA/$1/score.csv --method $2 --init $3 --seed $4 --iterations 2000 \
      --dtype float32 --history-every 100 --json $OUT/$1.$2.$3.seed$4.json > $OUT/$1.$2.$3.seed$4.log
}
for m in nae-mu nae-sgd nae-adam nae-rmsprop; do nae $S $m random 0; done
nae $S nae-rmsprop tied 0
nae $S nae-adam tied 0
nae $S nae-rmsprop random 1
nae mozart-k545-mvt1-excerpt nae-rmsprop random 0
nae bach-prelude-bwv846 nae-rmsprop random 0
for p in $S mozart-k545-mvt1-excerpt bach-prelude-bwv846 long-joplin-the-entertainer; do
  ref --audio $DATA/$p/mix.wav --score $DATA/$p/score.csv --method nmf --iterations 0 --json $OUT/$p.init.json > $OUT/$p.init.log
done
# subnormal flushing (speed) variants of the multiplicative methods, float32
ref --audio $DATA/$S/mix.wav --score $DATA/$S/score.csv --method nmf --iterations 1000 --dtype float32 \
    --flush-subnormals --history-every 100 --json $OUT/$S.nmf32.ftz.json > $OUT/$S.nmf32.ftz.log
ref --audio $DATA/$S/mix.wav --score $DATA/$S/score.csv --method nae-mu --iterations 2000 --dtype float32 \
    --flush-subnormals --history-every 100 --json $OUT/$S.nae-mu.random.seed0.ftz.json > $OUT/$S.nae-mu.random.seed0.ftz.log
python3 scripts/reference/collect_reference_values.py "$OUT"
