"""layak.dask.evaluate on a two-process LocalCluster: members in other
partitions than their households, results equal to one process's."""

import os
import pathlib
import warnings

import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest

import layak
import layak.dask
from conftest import AS_OF, PACK_DIR, assert_same

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    # The workers are new processes: they find `layak` through the PYTHONPATH
    # they inherit (ctest sets it to the build tree).
    assert "PYTHONPATH" in os.environ
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # tornado 6.2 under dask 2022.12
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=None, host="127.0.0.1",
                                           local_directory=str(tmp_path_factory.mktemp("dask")))
        with cluster, distributed.Client(cluster) as c:
            yield c


def _sorted(results):
    out = results.copy()
    out["member_id"] = out["member_id"].fillna("")
    out = out.sort_values(["household_id", "program", "member_id"], kind="stable").reset_index(drop=True)
    out["member_id"] = out["member_id"].replace("", None)
    return out


def _scramble(frame, parts, seed):
    """`frame` split into `parts` partitions of randomly chosen rows (each
    partition keeps its rows in input order, so households' members stay in
    their order once put back together)."""
    rng = np.random.default_rng(seed)
    which = rng.integers(0, parts, len(frame))
    pieces = [frame[which == i] for i in range(parts)]
    return dd.from_delayed([_delayed(p) for p in pieces], meta=frame.iloc[:0]), pieces


def _delayed(piece):
    import dask
    return dask.delayed(lambda p: p)(piece)


def test_dask_equals_single_process(client, plan, sample):
    households, members = sample
    h, h_pieces = _scramble(households, 3, 1)
    m, m_pieces = _scramble(members, 4, 2)
    assert h.npartitions == 3 and m.npartitions == 4
    # The single-process reference sees the rows in partition order.
    want = plan.evaluate(pd.concat(h_pieces), pd.concat(m_pieces))
    # Workers really run the engine, not the client: each reports its pid.
    pids = set(client.run(os.getpid).values())
    assert len(pids) == 2 and os.getpid() not in pids

    result = layak.dask.evaluate(h, m, PACK_DIR, as_of=AS_OF)
    assert list(result.columns) == list(layak.RESULT_COLUMNS)
    got = result.compute()
    assert str(got["status"].dtype) == "category" and str(got["benefit"].dtype) == "Int64"
    assert_same(_sorted(got), _sorted(want))
    # Each worker compiled the plan at most once, however many of the four
    # partition pairs it evaluated, and kept it.
    cached = client.run(lambda: len(__import__("layak.dask").dask._PLANS))
    assert max(cached.values()) == 1


def test_dask_with_parameters_and_errors(client, sample):
    pack = layak.load_pack(PACK_DIR)
    households, members = sample
    # Members in reverse order (a fresh index, or from_pandas would sort
    # them back): the first household's members land in the last partition.
    reversed_members = members.iloc[::-1].reset_index(drop=True)
    h = dd.from_pandas(households, npartitions=2)
    m = dd.from_pandas(reversed_members, npartitions=3)
    params = {"bansos_max_desil": 2}  # a what-if run: fewer eligible households
    want = pack.compile(as_of=AS_OF, params=params).evaluate(households, reversed_members)
    with pytest.warns(UserWarning, match=r"^columns not in the schema, ignored: households\.extra$"):
        result = layak.dask.evaluate(h.assign(extra=1), m, PACK_DIR, as_of=AS_OF, params=params)
    got = result.compute()
    assert_same(_sorted(got), _sorted(want))

    with pytest.raises(layak.PackError):
        layak.dask.evaluate(h, m, pathlib.Path(__file__).resolve().parent / "data" / "broken", as_of=AS_OF)
    with pytest.raises(ValueError, match="is not a date"):
        layak.dask.evaluate(h, m, PACK_DIR, as_of="2026-13-01")
    bad = members.copy()
    bad["birth_date"] = bad["birth_date"].astype(object)
    bad.loc[5, "birth_date"] = "kemarin"
    with pytest.raises(ValueError, match="'birth_date' row .*'kemarin' is not a date"):
        layak.dask.evaluate(h, dd.from_pandas(bad, npartitions=2), PACK_DIR, as_of=AS_OF).compute()

