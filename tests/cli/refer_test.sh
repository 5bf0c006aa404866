#!/usr/bin/env bash
# `layak refer` end to end on tests/data/refer: the rows, --assign with the
# waiting list and --load, usage errors.
set -euo pipefail
LAYAK=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
P=$SRC/tests/data/refer
printf 'id,kecamatan,desil,korban\nA,Barat,3,true\nB,Timur,9,true\nC,Jauh,2,false\n' > "$WORK/h.csv"
printf 'household_id,nik,sex\nA,1,P\nB,2,L\nC,3,P\n' > "$WORK/m.csv"
IN=(--households "$WORK/h.csv" --members "$WORK/m.csv" --as-of 2026-01-01)

"$LAYAK" refer "$P" "${IN[@]}" --out "$WORK/r.csv"
grep -qx "household_id,source_kind,source,service,resource,rank,distance_km,status,reason,missing" "$WORK/r.csv" || fail "header"
grep -qx "A,need,kekerasan,pendampingan_korban,ppa-barat,1,0.0,candidate,offers pendampingan_korban; serves the kabupaten," "$WORK/r.csv" \
  || { cat "$WORK/r.csv"; fail "nearest first"; }
grep -qx "A,need,kekerasan,pendampingan_korban,ppa-timur,2,10.0,candidate,offers pendampingan_korban; serves the kabupaten," "$WORK/r.csv" \
  || fail "second"
grep -q "^B,need,kekerasan,pendampingan_korban,ppa-timur,1," "$WORK/r.csv" || fail "accepts rule drops ppa-barat for B"
grep -qx "C,program,BANTUAN,pendampingan,,0,,none,no resource offering pendampingan serves or accepts this household," "$WORK/r.csv" \
  || fail "no resource for C"
"$LAYAK" refer "$P" "${IN[@]}" --top 1 | grep -c "^A,need" | grep -qx 1 || fail "--top 1"

"$LAYAK" refer "$P" "${IN[@]}" --assign --out "$WORK/a.csv" --load "$WORK/load.csv" 2> "$WORK/a.err"
grep -q "layak refer: 3 assigned, 1 waiting" "$WORK/a.err" || { cat "$WORK/a.err" "$WORK/a.csv"; fail "assign counts"; }
grep -qx "resource,capacity,used" "$WORK/load.csv" || fail "load header"
grep -qx "ppa-barat,1,1" "$WORK/load.csv" || fail "load of ppa-barat"
grep -q "^C,program,BANTUAN,pendampingan,,0,,waiting,no resource accepts," "$WORK/a.csv" || fail "waiting reason"

set +e
"$LAYAK" refer "$P" "${IN[@]}" --load "$WORK/l.csv" 2>/dev/null; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "--load without --assign exit $rc"
set +e
"$LAYAK" refer "$P" "${IN[@]}" --resources-hsds "$WORK/none" 2> "$WORK/h.err"; rc=$?
set -e
[ "$rc" -eq 1 ] || fail "missing HSDS folder exit $rc"
# The bundled Tuban pack on its sample: BLT-DD places per desa (quotas.yaml)
# are never exceeded, the same with 1 and 2 threads, and the households left
# over wait with the pool named.
T=(rules/tuban --jsonl rules/tuban/sample/caseload.jsonl.gz --as-of 2026-01-01 --assign)
(cd "$SRC" && "$LAYAK" refer "${T[@]}" --threads 1 --out "$WORK/t1.csv" --load "$WORK/tl1.csv" 2>/dev/null)
(cd "$SRC" && "$LAYAK" refer "${T[@]}" --threads 2 --out "$WORK/t2.csv" --load "$WORK/tl2.csv" 2>/dev/null)
cmp -s "$WORK/t1.csv" "$WORK/t2.csv" || fail "rows differ between 1 and 2 threads"
cmp -s "$WORK/tl1.csv" "$WORK/tl2.csv" || fail "loads differ between 1 and 2 threads"
awk -F, '$1 ~ /^kuota:BLT_DD:/ { pools++; if ($3 > $2) bad++ } END { exit !(pools > 300 && bad == 0) }' "$WORK/tl1.csv" \
  || fail "a BLT-DD pool over its places, or too few pools"
grep -q "^[^,]*,program,BLT_DD,kuota,kuota:BLT_DD:3523[0-9]*,1,,assigned,a place of the quota of region_code " "$WORK/t1.csv" \
  || fail "no BLT-DD place assigned"
grep -q "^[^,]*,program,BLT_DD,kuota,,0,,waiting,no place left in the quota of region_code 3523[0-9]* (" "$WORK/t1.csv" \
  || fail "no BLT-DD household waiting with its pool named"
echo "refer CLI: OK"
