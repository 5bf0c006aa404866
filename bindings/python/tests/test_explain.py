"""Plan.explain on DataFrames and Plan.explain_json on one household's JSON."""

import json

import pytest

import layak
from test_evaluate import MINI, frames


@pytest.fixture(scope="module")
def mini_plan():
    return layak.load_pack(MINI).compile(as_of="2026-01-01")


def test_explain_text_in_english(mini_plan):
    text = mini_plan.explain(*frames(), "H3", language="en")
    lines = text.splitlines()
    assert lines[0] == "Household H3, as of 2026-01-01, 1 member"
    assert "pack mini 1" in lines[1] and "as_of 2026-01-01" in lines[1]
    assert "MISKIN - Rumah tangga miskin: UNDECIDED" in lines
    assert "  [?]   desil: Welfare decile 1-4" in lines  # the clause's English text
    assert "          data: kecamatan = Jenu" in lines  # the alias JENU read as its value
    assert "  Data needed: desil; in dtsen; receives" in lines
    assert "ANAK_SEKOLAH, member 1 (N4): UNDECIDED" in lines
    assert "  Data needed: enrolled of member 1" in lines


def test_explain_text_in_indonesian(mini_plan):
    text = mini_plan.explain(*frames(), "H1")  # language='id' by default
    assert text.startswith("Keluarga H1, per tanggal 2026-01-01, 2 anggota\n")
    assert "MISKIN - Rumah tangga miskin: LAYAK, manfaat Rp200 per tahun" in text
    assert "ANAK_SEKOLAH, anggota ke-2 (N2): TIDAK LAYAK" in text
    assert "          data: age anggota ke-1 = 10" in text


def test_explain_json_and_dict(mini_plan, mini_results_by_key):
    households, members = frames()
    text = mini_plan.explain(households, members, "H3", language="en", format="json")
    d = mini_plan.explain(households, members, "H3", language="en", format="dict")
    assert json.loads(text) == d
    assert (d["household_id"], d["as_of"], d["members"], d["language"]) == ("H3", "2026-01-01", 1, "en")
    miskin, anak = d["programs"]
    assert (miskin["program"], miskin["status"], miskin["benefit"]) == ("MISKIN", "unknown", None)
    assert miskin["missing_fields"] == ["desil", "in_dtsen", "receives"]
    clauses = {c["id"]: c for c in miskin["clauses"]}
    assert clauses["wilayah"]["value"] == "true"
    assert clauses["wilayah"]["inputs"] == [{"field": "kecamatan", "label": "kecamatan", "value": "Jenu"}]
    assert clauses["desil"]["inputs"][0]["value"] is None
    assert clauses["baru"]["expression"] == "registered >= date('2020-01-01')"
    assert (anak["member"], anak["member_id"], anak["missing_fields"]) == (1, "N4", ["members[1].enrolled"])
    # The same answers as evaluate.
    for p in d["programs"]:
        assert p["status"] == mini_results_by_key[("H3", p["program"], p.get("member_id"))]


@pytest.fixture(scope="module")
def mini_results_by_key(mini_plan):
    r = mini_plan.evaluate(*frames())
    return {(h, str(p), m): str(s) for h, p, m, s in zip(r.household_id, r.program, r.member_id, r.status)}


def test_explain_a_household_whose_members_are_scattered(mini_plan):
    # H1's members are rows 1 and 2, H2's row 0: only H1's are read.
    d = mini_plan.explain(*frames(), "H1", format="dict")
    assert d["members"] == 2
    assert [p.get("member_id") for p in d["programs"]] == [None, "N1", "N2"]
    assert d["programs"][0]["benefit"] == 200


def test_explain_unknown_household_and_bad_arguments(mini_plan):
    with pytest.raises(KeyError, match="no household 'H9'"):
        mini_plan.explain(*frames(), "H9")
    with pytest.raises(ValueError, match="language must be 'id' or 'en', not 'fr'"):
        mini_plan.explain(*frames(), "H1", language="fr")
    with pytest.raises(ValueError, match="format must be 'text', 'json' or 'dict'"):
        mini_plan.explain(*frames(), "H1", format="html")


HOUSEHOLD = {
    "id": "H3", "kecamatan": "JENU", "area": 12, "registered": "2022-01-01",
    "members": [{"nik": "N4", "birth_date": "2012-03-04", "sex": "L"}],
}


def test_explain_json_equals_explain_of_the_frames(mini_plan):
    from_frames = mini_plan.explain(*frames(), "H3", language="en", format="dict")
    assert mini_plan.explain_json(HOUSEHOLD, language="en", format="dict") == from_frames
    assert mini_plan.explain_json(json.dumps(HOUSEHOLD, indent=2), language="en") == \
        mini_plan.explain(*frames(), "H3", language="en")


def test_explain_json_errors(mini_plan):
    with pytest.raises(ValueError, match="kecamatan"):
        mini_plan.explain_json({"id": "H1", "kecamatan": "Jakarta"})
    with pytest.raises(ValueError):
        mini_plan.explain_json("{not json")


def test_explain_the_bundled_pack(plan, sample):
    households, members = sample
    key = households["id"].iloc[0]
    d = plan.explain(households, members, key, language="en", format="dict")
    assert d["household_id"] == key
    assert [p["program"] for p in d["programs"] if "member" not in p] == \
        [p.id for p in plan.pack.programs if p.unit == "household"]
