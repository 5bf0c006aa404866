"""Plan.evaluate: results equal the CLI's on the same data, whatever the
column dtypes and missing-value spellings; errors name field and row."""

import os
import pathlib
import subprocess

import numpy as np
import pandas as pd
import pytest

import layak
from conftest import AS_OF, as_cli_text, assert_same, read_sample

DATA = pathlib.Path(__file__).resolve().parent / "data"
MINI = DATA / "mini"
M = object()  # a missing value, spelled per test

# The mini pack's caseload: every field type, an enum alias (JENU), members
# not adjacent to their household's other members, a household without members.
HOUSEHOLDS = {
    "id": ["H1", "H2", "H3", "H4"],
    "kecamatan": ["Bancar", "JENU", "Jenu", "Bancar"],
    "desil": [3, 9, M, 2],
    "area": [36.5, M, 12.0, 10.0],
    "in_dtsen": [True, True, M, False],
    "receives": ["PIP", "{}", M, "PKH|SEMBAKO"],
    "registered": ["2020-01-02", M, "2022-01-01", "2021-01-01"],
    "note": ["plain", "quoted, with comma", M, "no members"],
}
MEMBERS = {
    "household_id": ["H2", "H1", "H1", "H3"],
    "nik": ["N3", "N1", "N2", "N4"],
    "birth_date": ["1960-02-29", "2015-06-01", "1990-01-01", "2012-03-04"],
    "sex": ["P", "L", "P", "L"],
    "enrolled": [False, True, False, M],
}


def frames(missing=None, **dtypes):
    """The mini caseload as object columns with `missing` for M, then each
    column named in `dtypes` converted: a dtype name, or a function of the column."""
    def build(spec):
        df = pd.DataFrame({k: pd.Series([missing if v is M else v for v in vs], dtype=object)
                           for k, vs in spec.items()})
        for name, how in dtypes.items():
            if name in df.columns:
                df[name] = how(df[name]) if callable(how) else df[name].astype(how)
        return df
    return build(HOUSEHOLDS), build(MEMBERS)


def cli_reference(pack_dir, households, members, tmp_path):
    """What `layak run` gives for frames written as CSV (missing: empty cell)."""
    def write(df, name):
        text = df.astype(object).where(df.notna(), "")
        text = text.applymap(lambda v: ("true" if v else "false") if isinstance(v, (bool, np.bool_)) else v)
        text.to_csv(tmp_path / name, index=False)
    write(households, "h.csv")
    write(members, "m.csv")
    subprocess.run([os.environ["LAYAK_CLI"], "run", str(pack_dir), "--households", str(tmp_path / "h.csv"),
                    "--members", str(tmp_path / "m.csv"), "--as-of", AS_OF, "--out", str(tmp_path / "r.csv")],
                   check=True, capture_output=True)
    return pd.read_csv(tmp_path / "r.csv", skiprows=1, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def mini_plan():
    return layak.load_pack(MINI).compile(as_of=AS_OF)


@pytest.fixture(scope="module")
def mini_results(mini_plan):
    return mini_plan.evaluate(*frames())


def test_sample_equals_cli_row_for_row(sample_results, cli_results):
    assert len(sample_results) == len(cli_results) > 2400
    assert_same(as_cli_text(sample_results), cli_results)


def test_results_columns_and_dtypes(sample_results, pack):
    assert list(sample_results.columns) == list(layak.RESULT_COLUMNS)
    assert list(sample_results["status"].cat.categories) == ["eligible", "ineligible", "unknown"]
    assert list(sample_results["program"].cat.categories) == [p.id for p in pack.programs]
    assert sample_results["benefit"].dtype == "Int64"
    assert sample_results["failed"].map(type).eq(tuple).all()
    assert set(sample_results["status"]) == {"eligible", "ineligible", "unknown"}


def test_mini_results(mini_results):
    r = mini_results
    got = list(zip(r.household_id, r.member_id, r.program.astype(str), r.status.astype(str)))
    assert got == [
        ("H1", None, "MISKIN", "eligible"),
        ("H1", "N1", "ANAK_SEKOLAH", "eligible"),
        ("H1", "N2", "ANAK_SEKOLAH", "ineligible"),
        ("H2", None, "MISKIN", "ineligible"),
        ("H2", "N3", "ANAK_SEKOLAH", "ineligible"),
        ("H3", None, "MISKIN", "unknown"),
        ("H3", "N4", "ANAK_SEKOLAH", "unknown"),
        ("H4", None, "MISKIN", "ineligible"),
    ]
    assert r.benefit.iloc[0] == 200 and r.benefit.iloc[1:].isna().all()
    assert r.failed.iloc[3] == ("desil",) and r.failed.iloc[7] == ("terdaftar", "belum_pkh")
    assert r.failed.iloc[2] == ("usia", "sekolah", "laki")
    assert r.missing.iloc[5] == ("desil", "in_dtsen", "receives")
    assert r.missing.iloc[6] == ("members[1].enrolled",)
    assert r.missing.iloc[0] == () and r.errors.map(len).sum() == 0


def test_mini_equals_cli(mini_results, tmp_path):
    assert_same(as_cli_text(mini_results), cli_reference(MINI, *frames(), tmp_path))


@pytest.mark.parametrize("missing", [np.nan, pd.NA, pd.NaT])
def test_none_nan_and_na_are_alike(mini_plan, mini_results, missing):
    assert_same(mini_plan.evaluate(*frames(missing)), mini_results)


def _dates(column):
    return pd.to_datetime(column)


def _set_lists(column):
    return column.map(lambda v: v if v is None else [] if v == "{}" else v.split("|"))


@pytest.mark.parametrize("dtypes", [
    dict(kecamatan="category", sex="category"),
    dict(desil="Int64", area="float64", in_dtsen="boolean", enrolled="boolean"),
    dict(desil="float64", area="Float64"),
    dict(registered=_dates, birth_date=_dates),
    dict(receives=_set_lists),
    dict(kecamatan="string", note="string", id="string", nik="category"),
], ids=["categorical", "nullable", "floats", "datetime64", "set-lists", "string-dtype"])
def test_column_dtypes_give_the_same_results(mini_plan, mini_results, dtypes):
    assert_same(mini_plan.evaluate(*frames(**dtypes)), mini_results)


def test_numpy_dtypes_without_missing_values(mini_plan):
    # int64 and bool columns with no missing value go to the engine as they are.
    households, members = frames()
    households = households.iloc[[0, 3]].reset_index(drop=True)
    members = members[members.household_id == "H1"].reset_index(drop=True)
    households["desil"] = households["desil"].astype("int64")
    households["in_dtsen"] = households["in_dtsen"].astype(bool)
    members["enrolled"] = members["enrolled"].astype(bool)
    assert households["desil"].dtype == np.int64
    want = mini_plan.evaluate(households.astype({"desil": object, "in_dtsen": object}), members.astype(object))
    assert_same(mini_plan.evaluate(households, members), want)


def test_categorical_and_object_strings_alike_on_the_sample(plan, sample_results):
    households, members = read_sample(categorical=False)
    assert households["kecamatan"].dtype == object
    assert_same(plan.evaluate(households, members), sample_results)


def test_sample_with_parsed_dates_and_nullable_ints(plan, sample, pack):
    households, members = (f.copy() for f in sample)
    kinds = {f.name: f.type for f in pack.fields()}
    for df in (households, members):
        for name in df.columns:
            if kinds.get(name) == "date":
                df[name] = pd.to_datetime(df[name])
            elif kinds.get(name) == "int" and df[name].dtype == np.float64:
                df[name] = df[name].astype("Int64")
    assert any(households[c].dtype == "Int64" for c in households.columns)
    assert_same(plan.evaluate(households, members), plan.evaluate(*sample))


def test_members_in_any_order(plan, sample, sample_results):
    households, members = sample
    # Shuffle the members but keep each household's members in their order:
    # that order is what members[i] in missing-field names counts.
    rng = np.random.default_rng(7)
    rank = pd.Series(rng.permutation(len(households)), index=households["id"])
    shuffled = members.assign(_r=members["household_id"].map(rank).to_numpy())
    shuffled = shuffled.sort_values("_r", kind="stable").drop(columns="_r")
    assert not shuffled.index.equals(members.index)
    assert_same(plan.evaluate(households, shuffled), sample_results)


def test_unknown_enum_value_names_row_and_field(mini_plan):
    for categorical in (False, True):
        households, members = frames()
        households.loc[1, "kecamatan"] = "Jenuu"
        if categorical:
            households["kecamatan"] = households["kecamatan"].astype("category")
        with pytest.raises(ValueError) as caught:
            mini_plan.evaluate(households, members)
        assert isinstance(caught.value, layak.CaseloadError)
        assert ("'kecamatan' row 1: 'Jenuu' is not a value of 'kecamatan' (one of Bancar, Jenu, Tuban); "
                "did you mean 'Jenu'?") in str(caught.value)


def test_engine_errors_name_row_and_field(mini_plan):
    households, members = frames()
    households.loc[2, "desil"] = 11
    households.loc[0, "registered"] = "2021-02-30"
    members.loc[3, "birth_date"] = "kemarin"
    with pytest.raises(layak.CaseloadError) as caught:
        mini_plan.evaluate(households, members)
    assert str(caught.value) == (
        "the caseload has errors:\n"
        "'desil' row 2: '11' is above the maximum 10 of 'desil'\n"
        "'registered' row 0: '2021-02-30' is not a real calendar day ('registered' is a date)\n"
        "'birth_date' row 3: 'kemarin' is not a date (YYYY-MM-DD) for 'birth_date'")
    # The same value in an int column goes through SetInts, with its own words.
    households["desil"] = households["desil"].astype("Int64")
    households.loc[0, "registered"] = "2021-02-28"
    members.loc[3, "birth_date"] = "2012-03-04"
    with pytest.raises(ValueError, match=r"^the caseload has errors:\n'desil' row 2: 11 is outside the field's min/max$"):
        mini_plan.evaluate(households, members)


def test_errors_are_named_by_input_row_on_several_threads(plan, sample):
    # A value only the engine reads (a date as text), in the second chunk:
    # its row is counted from the start of the caller's frame, not the chunk's.
    households, members = big_sample(sample, 3)
    row = len(members) - 2
    members.loc[row, "birth_date"] = "2020-13-01"
    with pytest.raises(ValueError, match=f"'birth_date' row {row}: '2020-13-01' is not"):
        plan.evaluate(households, members, threads=2)


def test_member_of_no_household(mini_plan):
    households, members = frames()
    members.loc[2, "household_id"] = "H9"
    with pytest.raises(ValueError, match="members row 2: household_id 'H9' names no household"):
        mini_plan.evaluate(households, members)
    households, members = frames()
    households.loc[3, "id"] = "H1"
    with pytest.raises(ValueError, match=r"duplicate household keys \['H1'\]"):
        mini_plan.evaluate(households, members)


def test_columns_outside_the_schema_are_reported(mini_plan, mini_results):
    households, members = frames()
    households["foo"] = 1
    households["sex"] = "L"
    members["age"] = 40
    with pytest.warns(UserWarning) as caught:
        got = mini_plan.evaluate(households, members)
    [message] = [str(w.message) for w in caught]
    assert message == ("columns not in the schema, ignored: households.foo, households.sex (a member field), "
                       "members.age (derived: the pack computes it)")
    assert caught[0].filename == __file__  # points at the caller
    assert_same(got, mini_results)


def test_no_members_and_no_households(mini_plan):
    households, _ = frames()
    r = mini_plan.evaluate(households)
    assert list(r.program.astype(str)) == ["MISKIN"] * 4
    assert r.benefit.iloc[0] == 0  # 100 * count(members) with no members
    empty = mini_plan.evaluate(households.iloc[:0], None)
    assert len(empty) == 0 and list(empty.columns) == list(layak.RESULT_COLUMNS)


def test_member_ids_without_a_key_column_are_places(mini_plan):
    households, members = frames()
    r = mini_plan.evaluate(households, members.drop(columns="nik"))
    assert list(r.member_id.dropna()) == ["#1", "#2", "#1", "#1"]


def big_sample(sample, copies):
    """The sample repeated `copies` times with fresh keys: enough households
    for several threads."""
    households, members = sample
    hs, ms = [], []
    for i in range(copies):
        hs.append(households.assign(id=households["id"] + f"-{i}"))
        ms.append(members.assign(household_id=members["household_id"] + f"-{i}", nik=members["nik"] + f"-{i}"))
    return pd.concat(hs, ignore_index=True), pd.concat(ms, ignore_index=True)


def test_threads_give_the_same_results(plan, sample):
    households, members = big_sample(sample, 4)
    one = plan.evaluate(households, members, threads=1)
    assert_same(plan.evaluate(households, members, threads=2), one)
    assert_same(plan.evaluate(households, members, threads=3), one)
    assert_same(plan.evaluate(households, members), one)
