#!/usr/bin/env bash
# Writes OUT/households.csv and OUT/members.csv: the bundled Tuban sample
# replicated N times (default 167: 400,800 households, a Tuban-scale
# caseload), household ids and NIKs suffixed with -1 .. -N so that keys stay
# unique. Used by the referral measurement in bench/README.md.
#   bench/gen/replicate_sample.sh OUT [N]
set -euo pipefail
out=$1
n=${2:-167}
src="$(dirname "$0")/../../rules/tuban/sample"
mkdir -p "$out"
head -n 1 "$src/households.csv" > "$out/households.csv"
head -n 1 "$src/members.csv" > "$out/members.csv"
for k in $(seq 1 "$n"); do
  # The key is the first column of both files, the NIK the second of members.csv.
  tail -n +2 "$src/households.csv" | sed "s/^\([^,]*\)/\1-$k/" >> "$out/households.csv"
  tail -n +2 "$src/members.csv" | sed "s/^\([^,]*\),\([^,]*\)/\1-$k,\2-$k/" >> "$out/members.csv"
done
