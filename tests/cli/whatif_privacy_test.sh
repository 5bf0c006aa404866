#!/usr/bin/env bash
# What-if (`run --param`, `diff`) and privacy (`run --redact`) end to end.
set -euo pipefail
LAYAK=$1
SRC=$2
L=$SRC/tests/data/layers
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
printf 'id,desil,lost_job\nA,2,true\nB,4,true\nC,4,false\nD,9,true\n' > "$WORK/h.csv"
printf 'household_id,nik,birth_date,enrolled,korban_kekerasan\nA,3500000000000001,2016-01-01,true,true\nB,3500000000000002,2012-03-04,true,false\nC,3500000000000003,2010-01-01,true,\nD,3500000000000004,1950-01-01,false,false\n' > "$WORK/m.csv"
IN=(--households "$WORK/h.csv" --members "$WORK/m.csv" --as-of 2026-01-01)

# --param changes the answer and says so in the provenance.
"$LAYAK" run "$L/top" "${IN[@]}" --summary 2>/dev/null | grep -qx "BASE_P eligible=1 ineligible=3 unknown=0" || fail "baseline"
"$LAYAK" run "$L/top" "${IN[@]}" --summary --param max_desil=4 2> "$WORK/p.err" | grep -qx "BASE_P eligible=3 ineligible=1 unknown=0" \
  || fail "--param"
grep -q "; param max_desil=4" "$WORK/p.err" || fail "--param provenance"
set +e
"$LAYAK" run "$L/top" "${IN[@]}" --summary --param max_desil=four 2> "$WORK/bad.err"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "bad --param exit $rc"
grep -q "'four' is not a number" "$WORK/bad.err" || fail "bad --param message"

# diff: the top layer narrows max_desil from 4 to 3, so B and C change.
"$LAYAK" diff "$L/base" "$L/top" "${IN[@]}" --out "$WORK/changes.csv" > "$WORK/diff.out"
grep -qx "BASE_P: 2 of 4 change" "$WORK/diff.out" || { cat "$WORK/diff.out"; fail "diff count"; }
grep -qx "  eligible -> ineligible: 2 (B, C)" "$WORK/diff.out" || fail "diff direction and ids"
grep -qx "  absent -> eligible: 1 (A)" "$WORK/diff.out" || fail "diff of a program only B has"
grep -qx "BASE_P,B,,eligible,ineligible" "$WORK/changes.csv" || fail "diff --out"
# The same pack with --param is a what-if diff.
"$LAYAK" diff "$L/top" "$L/top" "${IN[@]}" --param max_desil=4 | grep -qx "  ineligible -> eligible: 2 (B, C)" \
  || fail "what-if diff"

set +e
"$LAYAK" diff "$L/base" "$L/top" "${IN[@]}" --max-ids lots 2> "$WORK/mx.err" > /dev/null; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "bad --max-ids exit $rc"
grep -q "max-ids needs a number" "$WORK/mx.err" || fail "bad --max-ids message"

# --redact: no NIK, no household id, no sensitive program, no sensitive field name.
"$LAYAK" run "$L/top" "${IN[@]}" --out "$WORK/plain.csv" 2>/dev/null
grep -q "3500000000000001" "$WORK/plain.csv" || fail "plain output has the NIK"
grep -q "PERLINDUNGAN" "$WORK/plain.csv" || fail "plain output has the sensitive program"
"$LAYAK" run "$L/top" "${IN[@]}" --redact --out "$WORK/red.csv" 2> "$WORK/red.err"
grep -q "leaves out the rows of PERLINDUNGAN" "$WORK/red.err" || fail "redact note"
! grep -q "35000000000000\|PERLINDUNGAN\|korban_kekerasan\|^A,\|^B," "$WORK/red.csv" || fail "redacted output leaks"
grep -q "^row:1,#1,SEKOLAH,eligible" "$WORK/red.csv" || { cat "$WORK/red.csv"; fail "redacted ids are positions"; }
[ "$(grep -vc '^#' "$WORK/red.csv")" -eq "$(grep -v '^#' "$WORK/plain.csv" | grep -vc PERLINDUNGAN)" ] || fail "redact keeps the other rows"
# With a key: the same pseudonym for the same id, in CSV and JSON Lines alike; another key, another pseudonym.
echo "a-secret-key-of-the-dinas-2026" > "$WORK/key"
echo "another-secret-key-0123456789" > "$WORK/key2"
"$LAYAK" run "$L/top" "${IN[@]}" --redact --redact-key-file "$WORK/key" --out "$WORK/k1.csv" 2>/dev/null
"$LAYAK" run "$L/top" "${IN[@]}" --redact --redact-key-file "$WORK/key" --out "$WORK/k1.jsonl" 2>/dev/null
"$LAYAK" run "$L/top" "${IN[@]}" --redact --redact-key-file "$WORK/key2" --out "$WORK/k2.csv" 2>/dev/null
P1=$(sed -n 3p "$WORK/k1.csv" | cut -d, -f1)
[ "${#P1}" -eq 32 ] || fail "pseudonym length"
grep -q "\"household_id\":\"$P1\"" "$WORK/k1.jsonl" || fail "same pseudonym in JSON Lines"
! grep -q "$P1" "$WORK/k2.csv" || fail "another key gives another pseudonym"
set +e
"$LAYAK" run "$L/top" "${IN[@]}" --redact-key-file "$WORK/key" --summary 2>/dev/null; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "key without --redact exit $rc"
echo "what-if and privacy CLI: OK"
