#!/usr/bin/env bash
# `layak test` and `layak explain` end to end: output, last line, exit codes.
set -euo pipefail
LAYAK=$1
SRC=$2
L=$SRC/tests/data/layers
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# layak test: a passing pack exits 0 and ends with the counts.
"$LAYAK" test "$L/top" > "$WORK/top.out"
[ "$(tail -n 1 "$WORK/top.out")" = "7 passed, 0 failed" ] || { cat "$WORK/top.out"; fail "top counts"; }
# A failing pack exits 1; each failure names file:line, expectation and actual.
set +e
"$LAYAK" test "$L/failing" --lang en > "$WORK/failing.out"; rc=$?
set -e
[ "$rc" -eq 1 ] || fail "failing exit $rc"
[ "$(tail -n 1 "$WORK/failing.out")" = "6 passed, 2 failed" ] || fail "failing counts"
grep -q "^FAIL .*layers/failing/pack.yaml:4: salah status$" "$WORK/failing.out" || fail "FAIL line"
grep -q "^  TOP_P: expected eligible, got ineligible (failed: \[dasar\])$" "$WORK/failing.out" || fail "expected/actual"
grep -q "TOP_P - Bantuan daerah: NOT ELIGIBLE" "$WORK/failing.out" || fail "English explanation"
# --coverage lists clauses never false.
"$LAYAK" test "$L/top" --coverage > "$WORK/cov.out"
grep -q "TOP_P.kehilangan never false" "$WORK/cov.out" || { cat "$WORK/cov.out"; fail "coverage"; }
# Usage errors exit 2.
set +e
"$LAYAK" test "$L/top" --lang fr 2>/dev/null; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "bad --lang exit $rc"

# layak explain: JSON household from stdin, both languages and JSON output.
H='{"id": "E1", "desil": 4, "lost_job": true, "members": [{"nik": "N1", "birth_date": "2015-06-01", "enrolled": true}]}'
echo "$H" | "$LAYAK" explain "$L/top" --json - --as-of 2026-01-01 > "$WORK/e.id"
grep -q "^BASE_P - Bantuan dasar: TIDAK LAYAK$" "$WORK/e.id" || { cat "$WORK/e.id"; fail "explain id"; }
grep -q "layak jika desil ≤ 3; sekarang 4" "$WORK/e.id" || fail "explain change"
echo "$H" | "$LAYAK" explain "$L/top" --json - --as-of 2026-01-01 --lang en --param max_desil=4 > "$WORK/e.en"
grep -q "^BASE_P - Bantuan dasar: ELIGIBLE, benefit Rp 100,000 a year$" "$WORK/e.en" || { cat "$WORK/e.en"; fail "explain what-if"; }
grep -q "; param max_desil=4)" "$WORK/e.en" || fail "what-if provenance"
echo "$H" | "$LAYAK" explain "$L/top" --json - --as-of 2026-01-01 --format json > "$WORK/e.json"
/usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['programs'][0]['status']=='ineligible', d" "$WORK/e.json" \
  || fail "explain json"
# From caseload files, by household id.
printf 'id,desil,lost_job\nA,2,true\nB,5,false\n' > "$WORK/h.csv"
printf 'household_id,nik,birth_date,enrolled\nA,1,2016-01-01,true\nB,2,1950-01-01,false\n' > "$WORK/m.csv"
"$LAYAK" explain "$L/top" --household B --households "$WORK/h.csv" --members "$WORK/m.csv" --as-of 2026-01-01 > "$WORK/b.out"
grep -q "^Keluarga B, per tanggal 2026-01-01, 1 anggota$" "$WORK/b.out" || { cat "$WORK/b.out"; fail "explain by id"; }
set +e
"$LAYAK" explain "$L/top" --household Z --households "$WORK/h.csv" --members "$WORK/m.csv" 2> "$WORK/z.err"; rc=$?
set -e
[ "$rc" -eq 1 ] || fail "unknown household exit $rc"
grep -q "no household with id 'Z'" "$WORK/z.err" || fail "unknown household message"
set +e
"$LAYAK" explain "$L/top" --json - --param nope=1 < /dev/null 2> "$WORK/p.err"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "unknown --param exit $rc"
grep -q "the pack has no parameter 'nope'" "$WORK/p.err" || fail "unknown --param message"
echo "test/explain CLI: OK"
