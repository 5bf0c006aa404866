#!/usr/bin/env bash
# The referral target of issue 5: ranking plus assignment against `layak run`'s
# evaluation of the same caseload, alternating the two ROUNDS times (default
# 7) and reporting medians and the ratio of medians. The machines are shared
# (steal time is often high): single runs say little.
#   bench/refer_ratio.sh LAYAK PACK HOUSEHOLDS MEMBERS [ROUNDS]
set -euo pipefail
layak=$1 pack=$2 households=$3 members=$4 rounds=${5:-7}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for i in $(seq 1 "$rounds"); do
  LAYAK_TIMING=1 "$layak" run "$pack" --households "$households" --members "$members" --as-of 2026-01-01 \
    --summary 2>&1 >/dev/null | sed -n 's/.*eval_s=\([0-9.]*\).*/eval \1/p' >> "$out/t"
  LAYAK_TIMING=1 "$layak" refer "$pack" --households "$households" --members "$members" --as-of 2026-01-01 \
    --assign --out "$out/r.csv" 2>&1 | sed -n -e 's/.*refer_s=\([0-9.]*\) write_s=\([0-9.]*\).*/refer \1\nwrite \2/p' \
    -e 's/^layak refer: \(rank\|assign\|join\) \([0-9.]*\) s.*/\1 \2/p' >> "$out/t"
done
/usr/bin/python3 - "$out/t" <<'PY'
import statistics, sys
t = {}
for line in open(sys.argv[1]):
    k, v = line.split()
    t.setdefault(k, []).append(float(v))
m = {k: statistics.median(v) for k, v in t.items()}
for k in ("eval", "refer", "rank", "join", "assign", "write"):
    if k in m:
        print(f"{k:7s} median {m[k]:.3f} s  (min {min(t[k]):.3f}, max {max(t[k]):.3f}, n={len(t[k])})")
print(f"ratio   refer/eval = {m['refer'] / m['eval']:.2f} (target <= 3)")
PY
