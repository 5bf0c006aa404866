#!/usr/bin/env bash
# `layak schema` end to end: the JSON Schema of a Tuban household is a valid
# draft 2020-12 schema that the sample caseload satisfies and bad households
# do not (and `layak validate` agrees on each); every YAML file of the bundled
# and fixture packs satisfies rules/pack.schema.json while a misspelled key
# does not; the text and json formats; usage errors. Needs Debian's
# python3-jsonschema and python3-yaml (.ci/install-deps.sh): without them the
# test fails, it does not skip.
set -euo pipefail
LAYAK=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
PY=/usr/bin/python3 # Debian's interpreter, not pyenv's first on PATH
"$PY" -c 'import jsonschema, yaml' 2>"$WORK/py.err" \
  || { cat "$WORK/py.err" >&2; fail "$PY cannot import jsonschema and yaml: apt-get install python3-jsonschema python3-yaml"; }
T=$SRC/rules/tuban

# --- json-schema: valid, satisfied by the sample, violated by bad households ---
"$LAYAK" schema "$T" --format json-schema --out "$WORK/household.schema.json"
"$LAYAK" schema "$T" --format json-schema | cmp -s - "$WORK/household.schema.json" || fail "--out differs from stdout"
"$PY" - "$WORK/household.schema.json" "$T/sample/caseload.jsonl.gz" "$WORK" <<'EOF'
import copy, gzip, json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
with gzip.open(sys.argv[2], "rt") as f:
    households = [json.loads(next(f)) for _ in range(200)]
for i, h in enumerate(households):
    errors = [e.message for e in v.iter_errors(h)]
    assert not errors, f"sample household {i + 1} ({h['id']}): {errors[:3]}"
base = households[0]
def variant(change):
    h = copy.deepcopy(base)
    change(h)
    return h
# Spellings the reader takes: aliases, bools as text or 0/1, null, empty sets.
good = {
    "alias": variant(lambda h: h.update(kecamatan="BANCAR")),
    "bool_text": variant(lambda h: h.update(in_dtsen="Ya", house_damaged="TIDAK", kube_member=0)),
    "nulls": variant(lambda h: h.update(desil=None, receives=None, desil_date=None, floor_area_m2=None)),
    "member_values": variant(lambda h: h["members"][0].update(sex="PEREMPUAN", disability="berat", ppks=[])),
    "member_key_unknown": variant(lambda h: h["members"][0].update(nik=None)),
}
# (name, household, the schema path that must fail, a word of the message)
bad = [
    ("enum", variant(lambda h: h.update(kecamatan="Atlantis")), "kecamatan", "is not one of"),
    ("type", variant(lambda h: h.update(desil="lima")), "desil", "is not of type"),
    ("maximum", variant(lambda h: h.update(desil=11)), "desil", "greater than the maximum"),
    ("member_enum", variant(lambda h: h["members"][0].update(disability="brat")), "members/0/disability", "is not one of"),
    ("set_value", variant(lambda h: h["members"][0].update(ppks=["bukan_ppks"])), "members/0/ppks/0", "is not one of"),
    ("date", variant(lambda h: h["members"][0].update(birth_date="15/03/1960")), "members/0/birth_date", "does not match"),
    ("bool", variant(lambda h: h.update(in_dtsen="mungkin")), "in_dtsen", "is not valid under any"),
    ("no_key", variant(lambda h: h.pop("id")), "", "'id' is a required property"),
    ("empty_key", variant(lambda h: h.update(id="")), "id", "is too short"),
]
for name, h in good.items():
    errors = [e.message for e in v.iter_errors(h)]
    assert not errors, f"{name}: {errors}"
    open(f"{sys.argv[3]}/good_{name}.jsonl", "w").write(json.dumps(h) + "\n")
for name, h, path, message in bad:
    errors = [("/".join(map(str, e.absolute_path)), e.message) for e in v.iter_errors(h)]
    assert any(p == path and message in m for p, m in errors), f"{name}: expected {path}: {message}, got {errors}"
    open(f"{sys.argv[3]}/bad_{name}.jsonl", "w").write(json.dumps(h) + "\n")
print(f"household schema: 200 sample households valid, {len(good)} variants valid, {len(bad)} rejected")
EOF
# The reader agrees: what the schema accepts it reads, what the schema rejects it rejects.
for f in "$WORK"/good_*.jsonl; do
  "$LAYAK" validate "$T" --jsonl "$f" >"$WORK/v.out" 2>&1 || { cat "$WORK/v.out"; fail "layak validate rejects $(basename "$f")"; }
done
for f in "$WORK"/bad_*.jsonl; do
  if "$LAYAK" validate "$T" --jsonl "$f" >"$WORK/v.out" 2>&1; then fail "layak validate accepts $(basename "$f")"; fi
done

# --- pack.schema.json: every file of the packs meant to be valid, and typos ---
cat >"$WORK/check_packs.py" <<'EOF'
import json, re, sys, yaml
from jsonschema import Draft202012Validator

class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2's core schema, as editors (yaml-language-server) read a file:
    2024-01-01 and 1_500_000 stay text, only true/false are booleans."""
Yaml12Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(regexp), list(first))

schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
expect_valid = sys.argv[2] == "valid"
for path in sys.argv[3:]:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(yaml.load(open(path), Loader=Yaml12Loader))]
    if expect_valid and errors:
        sys.exit(f"{path}: {errors[:3]}")
    if not expect_valid:
        if not errors:
            sys.exit(f"{path}: expected schema errors, got none")
        print("\n".join(f"{path}: {e}" for e in errors))
EOF
PACK_SCHEMA=$SRC/rules/pack.schema.json
mapfile -t VALID < <(cd "$SRC" && find rules/nasional rules/jatim rules/tuban tests/data/caseload/pack tests/data/layers \
  tests/data/lint tests/data/refer tests/data/reference_pack tests/data/semantics/pack -name '*.yaml' | sort)
[ "${#VALID[@]}" -ge 60 ] || fail "only ${#VALID[@]} pack files found"
(cd "$SRC" && "$PY" "$WORK/check_packs.py" "$PACK_SCHEMA" valid "${VALID[@]}") || fail "a valid pack file fails pack.schema.json"
sed 's/^\(    \)criteria:/\1critera:/' "$SRC/rules/tuban/programs/bpntd_tuban.yaml" >"$WORK/critera.yaml"
sed '0,/ when:/s/ when:/ wehn:/' "$SRC/rules/tuban/needs.yaml" >"$WORK/wehn.yaml"
sed 's/^      type: int$/      type: integer/' "$SRC/rules/nasional/schema.yaml" >"$WORK/integer.yaml"
cp "$SRC/tests/data/broken/unknown_top_level_key/programs.yaml" "$WORK/program.yaml"
"$PY" "$WORK/check_packs.py" "$PACK_SCHEMA" invalid "$WORK"/{critera,wehn,integer,program}.yaml >"$WORK/typos.out" \
  || fail "a misspelled file passes pack.schema.json"
grep -q "critera.yaml: programs/0: Additional properties are not allowed ('critera' was unexpected)" "$WORK/typos.out" \
  || { cat "$WORK/typos.out"; fail "critera"; }
grep -q "wehn.yaml: needs/0: Additional properties are not allowed ('wehn' was unexpected)" "$WORK/typos.out" || fail "wehn"
grep -q "integer.yaml: schema/household/.*/type: 'integer' is not one of" "$WORK/typos.out" || fail "type integer"
grep -q "program.yaml: : Additional properties are not allowed ('program' was unexpected)" "$WORK/typos.out" || fail "program"

# --- text and json formats ---
"$LAYAK" schema "$T" >"$WORK/table.txt"
head -1 "$WORK/table.txt" | grep -Eq '^FIELD +LEVEL +TYPE +VALUES +LABEL +PROGRAMS$' || fail "table header"
grep -Eq '^desil +household +int +1\.\.10 +desil kesejahteraan +BLT_DD, .*PKH' "$WORK/table.txt" || { cat "$WORK/table.txt"; fail "desil row"; }
grep -Eq '^id +household +string key +nomor KK atau ID keluarga DTSEN +-$' "$WORK/table.txt" || fail "id row"
grep -Eq '^age +member +int derived +umur ' "$WORK/table.txt" || fail "age row"
grep -Eq '^kecamatan +household +enum +Kenduruan, Jatirogo, .*\.\.\. \(20 values\) +kecamatan ' "$WORK/table.txt" || fail "kecamatan row"
grep -Eq '^disability +member +enum +none, ringan, sedang, berat +tingkat disabilitas +.*ASPD_JATIM' "$WORK/table.txt" \
  || fail "disability row"
"$LAYAK" schema "$T" --format json >"$WORK/fields.json"
"$PY" - "$WORK/fields.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert (d["pack"], d["version"]) == ("tuban", "2026.1"), d["pack"]
f = {x["name"]: x for x in d["fields"]}
assert f["desil"]["min"] == 1 and f["desil"]["max"] == 10 and f["desil"]["type"] == "int", f["desil"]
assert f["birth_date"]["protected"] and f["birth_date"]["level"] == "member", f["birth_date"]
assert f["age"]["derived"] and f["age"]["label"] == {"id": "umur", "en": "age"}, f["age"]
assert f["kecamatan"]["aliases"]["BANCAR"] == "Bancar"
assert "PKH" in f["desil"]["programs"] and f["id"]["key"]
EOF

# --- errors ---
expect() {  # expect EXIT TEXT command...
  local want=$1 text=$2 rc=0
  shift 2
  "$@" >"$WORK/e.out" 2>"$WORK/e.err" || rc=$?
  [ "$rc" -eq "$want" ] || { cat "$WORK/e.err"; fail "$* exited $rc, not $want"; }
  grep -qF -- "$text" "$WORK/e.err" || { cat "$WORK/e.err"; fail "$*: no '$text' on stderr"; }
}
expect 2 "layak schema: missing PACK_DIR" "$LAYAK" schema
expect 2 "usage: layak schema PACK_DIR" "$LAYAK" schema "$T" --format xml
expect 2 "--format takes text, json or json-schema, not 'xml'" "$LAYAK" schema "$T" --format xml
expect 2 "layak schema: unknown option '--bogus'" "$LAYAK" schema "$T" --bogus
expect 2 "layak schema: --out needs a value" "$LAYAK" schema "$T" --out
expect 2 "layak schema: one PACK_DIR only" "$LAYAK" schema "$T" "$T"
expect 2 "does not exist" "$LAYAK" schema "$WORK/no/such/pack"
expect 1 "error[E0403]" "$LAYAK" schema "$SRC/tests/data/broken/unknown_enum_value"
expect 1 "layak schema: $SRC/tests/data/broken/unknown_enum_value: 1 error(s)" "$LAYAK" schema "$SRC/tests/data/broken/unknown_enum_value"
expect 1 "layak schema: cannot write $WORK/no/such/file" "$LAYAK" schema "$T" --out "$WORK/no/such/file"
"$LAYAK" schema --help | grep -q -- "--format json-schema" || fail "--help"
echo "schema CLI: OK"
