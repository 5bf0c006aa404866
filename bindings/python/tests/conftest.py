"""Shared fixtures: the bundled Tuban pack, its sample caseload read with
pandas, and the CLI's results on the same files (the reference).

CTest sets PYTHONPATH to the build tree's bindings/python, LAYAK_SOURCE_DIR
to the repository and LAYAK_CLI to the built `layak` program.
"""

import os
import pathlib
import subprocess

import numpy as np
import pandas as pd
import pytest

import layak

SOURCE_DIR = pathlib.Path(os.environ.get("LAYAK_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[3]))
PACK_DIR = SOURCE_DIR / "rules" / "tuban"
SAMPLE_DIR = PACK_DIR / "sample"
AS_OF = "2026-01-01"

# Identifiers are text: read as numbers they would lose leading zeros.
ID_COLUMNS = {"id": str, "household_id": str, "nik": str, "kk_number": str}


def read_sample(categorical=True):
    """The sample CSV pair as pandas reads it, enum columns as Categorical."""
    households = pd.read_csv(SAMPLE_DIR / "households.csv", dtype=ID_COLUMNS)
    members = pd.read_csv(SAMPLE_DIR / "members.csv", dtype=ID_COLUMNS)
    if categorical:
        enums = {f.name for f in layak.load_pack(PACK_DIR).fields() if f.type == "enum"}
        for frame in (households, members):
            for name in frame.columns:
                if name in enums:
                    frame[name] = frame[name].astype("category")
    return households, members


@pytest.fixture(scope="session")
def pack():
    return layak.load_pack(PACK_DIR)


@pytest.fixture(scope="session")
def plan(pack):
    return pack.compile(as_of=AS_OF)


@pytest.fixture(scope="session")
def sample():
    """(households, members) with Categorical enums; tests copy before changing them."""
    return read_sample()


@pytest.fixture(scope="session")
def sample_results(plan, sample):
    return plan.evaluate(*sample)


@pytest.fixture(scope="session")
def cli_results(tmp_path_factory):
    """`layak run` on the sample files: the reference results, as text."""
    cli = os.environ.get("LAYAK_CLI")
    if not cli:
        pytest.skip("LAYAK_CLI is not set (run through ctest)")
    out = tmp_path_factory.mktemp("cli") / "results.csv"
    subprocess.run([cli, "run", str(PACK_DIR), "--households", str(SAMPLE_DIR / "households.csv"),
                    "--members", str(SAMPLE_DIR / "members.csv"), "--as-of", AS_OF, "--out", str(out)],
                   check=True, capture_output=True)
    # The first line is the provenance comment; every cell is text.
    return pd.read_csv(out, skiprows=1, dtype=str, keep_default_na=False)


def as_cli_text(results):
    """A results DataFrame written the way `layak run` writes its CSV."""
    def joined(lists):
        return ["|".join(items) for items in lists]

    return pd.DataFrame({
        "household_id": results["household_id"].astype(str),
        "member_id": results["member_id"].fillna("").astype(str),
        "program": results["program"].astype(str),
        "status": results["status"].astype(str),
        "benefit": results["benefit"].astype("string").fillna("").astype(str),
        "failed_clauses": joined(results["failed"]),
        "missing_fields": joined(results["missing"]),
        "errors": joined(results["errors"]),
    })


def assert_same(got, want):
    """Frames equal column by column, dtypes included. Done by hand because
    pandas' assert_frame_equal boxes every value of object and categorical
    columns: minutes on a million rows."""
    assert list(got.columns) == list(want.columns)
    assert list(got.dtypes) == list(want.dtypes)
    assert got.index.equals(want.index)
    for name in got.columns:
        g, w = got[name], want[name]
        if isinstance(g.dtype, pd.CategoricalDtype):
            assert list(g.cat.categories) == list(w.cat.categories), name
            same = np.array_equal(g.cat.codes.to_numpy(), w.cat.codes.to_numpy())
        elif g.dtype == object:
            same = g.tolist() == w.tolist()
        else:
            same = g.array.equals(w.array) if hasattr(g.array, "equals") else np.array_equal(g, w)
        if not same:
            bad = next(i for i, (a, b) in enumerate(zip(g.tolist(), w.tolist())) if not (a == b or a is b))
            raise AssertionError(f"column {name!r} row {bad}: {g.iloc[bad]!r} != {w.iloc[bad]!r}")
