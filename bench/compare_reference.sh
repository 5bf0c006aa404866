#!/usr/bin/env bash
# Whole-process comparison with the reference program (bench/reference):
# `layak run --summary` (default threads) against `layak_reference` on the
# same generated CSV pair, RUNS interleaved runs each, medians of wall time
# and peak RSS, and the ratio. Both must print the same summary.
# usage: bench/compare_reference.sh BUILD_DIR [HOUSEHOLDS=1000000] [RUNS=5] [UNKNOWN=0]
set -euo pipefail
BUILD=${1:?build dir (Release)}
N=${2:-1000000}
RUNS=${3:-5}
UNKNOWN=${4:-0}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${LAYAK_BENCH_DATA:-/tmp/layak_bench_${N}_${UNKNOWN}}
if [ ! -f "$DATA/members.csv" ]; then
  "$BUILD/bench/gen/layak_gen" --households "$N" --unknown "$UNKNOWN" --format csv --out-dir "$DATA" >/dev/null
fi
du -sh "$DATA/households.csv" "$DATA/members.csv"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
L=() R=() LM=() RM=()
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o /tmp/layak_cmp_l "$BUILD/engine/layak" run "$ROOT/tests/data/reference_pack" \
    --households "$DATA/households.csv" --members "$DATA/members.csv" --as-of 2026-01-01 --summary \
    > /tmp/layak_cmp_l.out 2>/dev/null
  /usr/bin/time -f "%e %M" -o /tmp/layak_cmp_r "$BUILD/bench/reference/layak_reference" \
    "$DATA/households.csv" "$DATA/members.csv" --as-of 2026-01-01 > /tmp/layak_cmp_r.out 2>/dev/null
  cmp -s /tmp/layak_cmp_l.out /tmp/layak_cmp_r.out || { echo "summaries differ"; exit 1; }
  read -r lt lm < /tmp/layak_cmp_l; read -r rt rm < /tmp/layak_cmp_r
  L+=("$lt") R+=("$rt") LM+=("$lm") RM+=("$rm")
  echo "run $i: layak ${lt}s ${lm}KB   reference ${rt}s ${rm}KB"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ml=$(median "${L[@]}") mr=$(median "${R[@]}")
echo "median wall: layak ${ml}s, reference ${mr}s, ratio $(awk -v a="$ml" -v b="$mr" 'BEGIN {printf "%.2f", a/b}')"
echo "median peak RSS: layak $(median "${LM[@]}") KB, reference $(median "${RM[@]}") KB"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
