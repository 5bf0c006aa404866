#!/usr/bin/env bash
# End-to-end tests of `layak run` and `layak validate`: exact summary output,
# exit codes, data errors with and without --rejects, provenance, and the
# same results for any batch size, thread count and input format, and the
# same summary as the independent reference program.
# usage: run_test.sh LAYAK LAYAK_GEN LAYAK_REFERENCE SOURCE_DIR WORK_DIR
set -euo pipefail
LAYAK=$1 GEN=$2 REF=$3 SRC=$4 WORK=$5
rm -rf "$WORK" && mkdir -p "$WORK"
PACK=$SRC/tests/data/caseload/pack
DATA=$SRC/tests/data/caseload/sample
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. The summary is exactly one line per program, pack order, nothing else.
"$LAYAK" run "$PACK" --households "$DATA/households.csv" --members "$DATA/members.csv" --as-of 2026-01-01 \
  --summary > "$WORK/summary.txt" 2> "$WORK/summary.err"
printf 'MISKIN eligible=1 ineligible=2 unknown=1\nANAK_SEKOLAH eligible=1 ineligible=2 unknown=1\n' > "$WORK/want.txt"
diff -u "$WORK/want.txt" "$WORK/summary.txt" || fail "summary"
grep -q '^# layak .*; pack caseload_fixture 1; content fnv1a64:[0-9a-f]\{16\}; as_of 2026-01-01$' "$WORK/summary.err" \
  || fail "provenance on stderr in summary mode"

# 2. --summary-by groups by a household enum, with an unknown group.
"$LAYAK" run "$PACK" --households "$DATA/households.csv" --members "$DATA/members.csv" --as-of 2026-01-01 \
  --summary-by kecamatan 2>/dev/null | grep -qx 'kecamatan=Tuban MISKIN eligible=0 ineligible=1 unknown=1' \
  || fail "summary-by"

# 3. Per-row CSV on stdout: provenance, header, rows in input order.
"$LAYAK" run "$PACK" --households "$DATA/households.csv" --members "$DATA/members.csv" --as-of 2026-01-01 \
  > "$WORK/rows.csv" 2>/dev/null
sed -n 2p "$WORK/rows.csv" | grep -qx 'household_id,member_id,program,status,benefit,failed_clauses,missing_fields,errors' \
  || fail "csv header"
grep -qx 'H1,,MISKIN,eligible,200,,,' "$WORK/rows.csv" || fail "H1 row"
grep -qx 'H3,,MISKIN,unknown,,,desil,' "$WORK/rows.csv" || fail "H3 missing desil"
grep -qx 'H3,N4,ANAK_SEKOLAH,unknown,,,members\[1\].enrolled,' "$WORK/rows.csv" || fail "H3 member row"
grep -qx 'H4,,MISKIN,ineligible,,terdaftar,,' "$WORK/rows.csv" || fail "H4 failed clause"
# The fixture's members are not in household order: --chunk 10 holds them all.
"$LAYAK" run "$PACK" --households "$DATA/households.csv" --members "$DATA/members.csv" --as-of 2026-01-01 \
  --chunk 10 > "$WORK/rows_chunk.csv" 2>/dev/null
cmp -s "$WORK/rows.csv" "$WORK/rows_chunk.csv" || fail "--chunk on the fixture (quoted fields) differs"

# 4. Bad data: exit 1 with FILE:ROW:COL, nothing on stdout.
set +e
"$LAYAK" run "$PACK" --households "$DATA/bad_households.csv" --members "$DATA/members.csv" --as-of 2026-01-01 \
  --summary > "$WORK/bad.out" 2> "$WORK/bad.err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "bad data exit $rc"
[ ! -s "$WORK/bad.out" ] || fail "bad data wrote stdout"
grep -q "bad_households.csv:3:3: error: '11' is above the maximum 10 of 'desil'" "$WORK/bad.err" || fail "bad data message"
grep -q "use --rejects FILE" "$WORK/bad.err" || fail "bad data hint"

# 5. With --rejects the run goes on; read = evaluated + rejected.
"$LAYAK" run "$PACK" --households "$DATA/bad_households.csv" --members "$DATA/members.csv" --as-of 2026-01-01 \
  --summary --rejects "$WORK/rejects.csv" > "$WORK/rej.out" 2> "$WORK/rej.err"
grep -q "read 3 households = 2 evaluated + 1 rejected; 4 members = 3 evaluated + 1 rejected" "$WORK/rej.err" \
  || { cat "$WORK/rej.err"; fail "rejects accounting"; }
grep -qx "file,line,reason,record" "$WORK/rejects.csv" || fail "rejects header"
grep -q "bad_households.csv,3,'11' is above the maximum 10 of 'desil',\"H2,Jenu,11\"" "$WORK/rejects.csv" \
  || fail "rejects row"
grep -q "members.csv,2,its household 'H2' (line 3) is rejected,\"H2,N3,1960-02-29,P,tidak\"" "$WORK/rejects.csv" || fail "orphaned member in rejects"
[ "$(wc -l < "$WORK/rejects.csv")" -eq 3 ] || fail "every rejected row is in the rejects file"

# 6. A parameter with no value on the as-of date stops the run, naming both.
set +e
"$LAYAK" run "$SRC/tests/data/reference_pack" --households "$DATA/households.csv" --members "$DATA/members.csv" \
  --as-of 2019-01-01 --summary 2> "$WORK/param.err" >/dev/null
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "missing parameter exit $rc"
grep -q "parameter '.*' has no value on 2019-01-01 .*but program .*, in force on that date, reads it" "$WORK/param.err" \
  || { cat "$WORK/param.err"; fail "missing parameter message"; }

# 7. Usage errors exit 2.
set +e
"$LAYAK" run "$PACK" --jsonl x.jsonl --as-of 2026-02-30 2>/dev/null; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "bad --as-of exit $rc"

# 8. validate lists every bad value of every column.
set +e
"$LAYAK" validate "$PACK" --households "$DATA/bad_households.csv" --members "$DATA/members.csv" > "$WORK/val.out" 2> "$WORK/val.err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "validate exit $rc"
grep -q "3 households, 4 members read; 1 households and 1 members rejected; 2 data error(s)" "$WORK/val.out" \
  || fail "validate count"
grep -q "bad_households.csv:3:3: error:" "$WORK/val.err" || fail "validate lists the error"

# 9. One caseload, many ways: batch sizes 1, 7, 2048; 1 and 2 threads; CSV
#    (members shuffled) and JSON Lines: byte-identical per-row output.
"$GEN" --households 3000 --unknown 0.15 --seed 7 --shuffle-members --out-dir "$WORK/gen" > /dev/null
T=$SRC/tests/data/reference_pack
for cfg in "1 1" "7 2" "2048 2" "512 1"; do
  set -- $cfg
  "$LAYAK" run "$T" --households "$WORK/gen/households.csv" --members "$WORK/gen/members.csv" --as-of 2026-01-01 \
    --batch "$1" --threads "$2" --out "$WORK/out_$1_$2.csv" 2>/dev/null
done
for f in out_7_2 out_2048_2 out_512_1; do
  cmp -s "$WORK/out_1_1.csv" "$WORK/$f.csv" || fail "$f differs from batch 1 thread 1"
done
[ "$(wc -l < "$WORK/out_1_1.csv")" -gt 20000 ] || fail "too few result rows"
# The same caseload with members in household order, as CSV and as JSON Lines.
"$GEN" --households 3000 --unknown 0.15 --seed 7 --out-dir "$WORK/gen_sorted" > /dev/null
"$LAYAK" run "$T" --households "$WORK/gen_sorted/households.csv" --members "$WORK/gen_sorted/members.csv" \
  --as-of 2026-01-01 --out "$WORK/out_sorted.csv" 2>/dev/null
"$LAYAK" run "$T" --jsonl "$WORK/gen_sorted/caseload.jsonl" --as-of 2026-01-01 --threads 2 --batch 100 \
  --out "$WORK/out_jsonl.csv" 2>/dev/null
cmp -s "$WORK/out_sorted.csv" "$WORK/out_jsonl.csv" || fail "JSON Lines and CSV give different results"
# Shuffling members changes only their order within a household.
cmp -s <(cut -d, -f1,3,4,5 "$WORK/out_sorted.csv" | sort) <(cut -d, -f1,3,4,5 "$WORK/out_1_1.csv" | sort) \
  || fail "shuffled members change the statuses"

# 10. Streaming with --chunk gives the same rows (CSV pair and JSON Lines);
#     members out of household order stop the run with their position.
for c in 1 7 1000; do
  "$LAYAK" run "$T" --households "$WORK/gen_sorted/households.csv" --members "$WORK/gen_sorted/members.csv" \
    --as-of 2026-01-01 --chunk "$c" --out "$WORK/out_chunk_$c.csv" 2>/dev/null
  cmp -s "$WORK/out_sorted.csv" "$WORK/out_chunk_$c.csv" || fail "--chunk $c differs"
done
"$LAYAK" run "$T" --jsonl "$WORK/gen_sorted/caseload.jsonl" --as-of 2026-01-01 --chunk 333 \
  --out "$WORK/out_chunk_jsonl.csv" 2>/dev/null
cmp -s "$WORK/out_sorted.csv" "$WORK/out_chunk_jsonl.csv" || fail "--chunk with JSON Lines differs"
set +e
"$LAYAK" run "$T" --households "$WORK/gen/households.csv" --members "$WORK/gen/members.csv" --as-of 2026-01-01 \
  --chunk 100 --summary > /dev/null 2> "$WORK/order.err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "out-of-order members with --chunk: exit $rc"
grep -qE "members.csv:[0-9]+:1: error: household '[0-9]+' (was in an earlier chunk|is not in this chunk)" \
  "$WORK/order.err" || { cat "$WORK/order.err"; fail "out-of-order message"; }

# 11. The summary equals the independent reference program's.
"$LAYAK" run "$T" --households "$WORK/gen/households.csv" --members "$WORK/gen/members.csv" --as-of 2026-01-01 \
  --summary > "$WORK/layak_summary.txt" 2>/dev/null
if [ -x "$REF" ]; then
  "$REF" "$WORK/gen/households.csv" "$WORK/gen/members.csv" --as-of 2026-01-01 > "$WORK/ref_summary.txt" 2>/dev/null
  diff -u "$WORK/ref_summary.txt" "$WORK/layak_summary.txt" || fail "summary differs from the reference program"
fi
echo "run_test: all checks passed"
