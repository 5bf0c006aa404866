"""Loading packs, their errors, the schema, and compiling plans."""

import datetime
import pathlib
import pickle
import re

import pytest

import layak

DATA = pathlib.Path(__file__).resolve().parent / "data"


def test_version_is_the_engines():
    assert re.fullmatch(r"\d+\.\d+\.\d+", layak.__version__)
    assert layak.__version__ == layak._layak.__version__


def test_load_bundled_pack(pack):
    assert (pack.id, pack.name, pack.version) == ("tuban", "Kabupaten Tuban", "2026.1")
    ids = [p.id for p in pack.programs]
    assert "PKH" in ids and "BPNTD_TUBAN" in ids
    pkh = pack.programs[ids.index("PKH")]
    assert pkh.unit == "household" and len(pkh.clauses) >= 2
    assert any(p.unit == "member" for p in pack.programs)
    assert pack.member_household_column == "household_id"


def test_fields_describe_the_schema():
    pack = layak.load_pack(DATA / "mini")
    fields = {f.name: f for f in pack.fields()}
    assert [f.name for f in pack.fields()][:2] == ["id", "kecamatan"]  # household fields first, declared order
    assert fields["id"].key and fields["id"].type == "string" and fields["id"].level == "household"
    assert fields["kecamatan"].values == ("Bancar", "Jenu", "Tuban")
    assert fields["kecamatan"].aliases == (("JENU", "Jenu"),)
    assert (fields["desil"].type, fields["desil"].min, fields["desil"].max) == ("int", 1, 10)
    assert fields["area"].min == 0.0 and fields["area"].type == "number"
    assert fields["age"].derived and fields["age"].level == "member"
    assert fields["receives"].type == "set" and fields["registered"].type == "date"
    assert fields["nik"].key and fields["sex"].programs == ("ANAK_SEKOLAH",)
    assert "MISKIN" in fields["desil"].programs


def test_pack_with_errors_raises_pack_error_with_rendered_diagnostics():
    with pytest.raises(layak.PackError) as caught:
        layak.load_pack(DATA / "broken")
    text = str(caught.value)
    assert re.search(r"broken/pack\.yaml:12:43: error\[E0403\]: 'brat' is not a value of enum field 'disability'",
                     text), text
    assert "did you mean 'berat'?" in text
    assert "^~~~~~" in text  # the caret under 'brat'
    assert isinstance(caught.value, ValueError)
    [d] = [d for d in caught.value.diagnostics if d["severity"] == "error"]
    assert d["file"].endswith("broken/pack.yaml")
    assert (d["line"], d["column"], d["code"]) == (12, 43, "E0403")
    assert d["message"] == "'brat' is not a value of enum field 'disability'"


def test_missing_folder_raises_file_not_found(tmp_path):
    missing = tmp_path / "no_such_pack"
    with pytest.raises(FileNotFoundError) as caught:
        layak.load_pack(missing)
    assert str(missing) in str(caught.value) and "does not exist" in str(caught.value)
    assert isinstance(caught.value, OSError)


def test_compile_as_of_and_its_errors(pack):
    assert pack.compile(as_of="2026-01-01").as_of == "2026-01-01"
    assert pack.compile(as_of=datetime.date(2025, 7, 1)).as_of == "2025-07-01"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", pack.compile().as_of)  # today
    plan = pack.compile(as_of="2026-01-01")
    assert "pack tuban 2026.1" in plan.provenance and "as_of 2026-01-01" in plan.provenance
    with pytest.raises(ValueError, match="'2026-02-30' is not a date"):
        pack.compile(as_of="2026-02-30")


def test_parameter_overrides():
    pack = layak.load_pack(DATA / "mini")
    with pytest.raises(ValueError, match="the pack has no parameter 'max_desl'; help: did you mean 'max_desil'"):
        pack.compile(as_of="2026-01-01", params={"max_desl": 5})
    with pytest.raises(ValueError, match="'lots' is not a number"):
        pack.compile(as_of="2026-01-01", params={"max_desil": "lots"})
    plan = pack.compile(as_of="2026-01-01", params={"max_desil": 9})
    assert "param max_desil=9" in plan.provenance


def test_plans_and_packs_pickle_as_their_folder():
    pack = layak.load_pack(DATA / "mini")
    plan = pack.compile(as_of="2026-01-01", params={"max_desil": 9})
    again = pickle.loads(pickle.dumps(plan))
    assert (again.as_of, again.provenance) == (plan.as_of, plan.provenance)
    assert pickle.loads(pickle.dumps(pack)).programs == pack.programs


def test_input_fields_are_what_the_plan_reads():
    plan = layak.load_pack(DATA / "mini").compile(as_of="2026-01-01")
    assert "note" not in plan.input_fields()
    assert {"desil", "birth_date", "receives"} <= set(plan.input_fields())

