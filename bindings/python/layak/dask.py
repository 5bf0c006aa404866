"""Evaluating a caseload partitioned on a Dask cluster.

    import dask.dataframe as dd
    import layak.dask

    households = dd.read_csv("households-*.csv", dtype={"id": str})
    members = dd.read_csv("members-*.csv", dtype={"household_id": str})
    results = layak.dask.evaluate(households, members, "rules/tuban", as_of="2026-01-01")
    results.to_parquet("results/")

How it works: both frames are shuffled on the household key (households on
their key column, members on the column naming their household), into the
same number of partitions and by the same hash, so partition i of the
households and partition i of the members hold the same households, wherever
the members started out. Each pair of partitions is then evaluated by
`layak.Plan.evaluate` on a worker. A worker loads and compiles the pack once
and keeps the plan (in this module's `_PLANS`, keyed by folder, as-of date and
parameters) for every later partition. Rows keep their input order within
each partition (households, and members within a household, which the
`members[i]` of missing-field names count), so results equal those of a
single-process run on the concatenated frames, partition by partition.
"""

import os
import threading

import dask.dataframe as dd
import numpy as np
import pandas as pd

import layak
from layak._frames import empty_results, ignored_columns, key_texts, warn_ignored

__all__ = ["evaluate"]

# Plans compiled in this process (a Dask worker), keyed by (absolute pack
# folder, as-of date, parameter overrides): loading a pack takes milliseconds,
# a partition may take less.
_PLANS = {}
_PLANS_LOCK = threading.Lock()

_KEY = "__layak_household"
_ORDER = "__layak_order"
# Rows per input partition that the order column can number (2^40).
_ROW_BITS = 40


def _plan(path, as_of, params):
    """The plan for (path, as_of, params), compiled once per process."""
    key = (path, as_of, params)
    with _PLANS_LOCK:
        plan = _PLANS.get(key)
        if plan is None:
            plan = layak.load_pack(path).compile(as_of=as_of, params=dict(params))
            _PLANS[key] = plan
    return plan


def _tag(part, column, partition_info=None):
    """Adds the household key as text (the same dtype in both frames, so that
    both hash alike) and the row's place in the whole input (partition, row)."""
    number = partition_info["number"] if partition_info else 0
    order = (np.int64(number) << _ROW_BITS) + np.arange(len(part), dtype=np.int64)
    return part.assign(**{_KEY: key_texts(part[column]), _ORDER: order})


def _untag(part):
    return part.sort_values(_ORDER, kind="stable").drop(columns=[_KEY, _ORDER])


def _evaluate_partition(households, members, path, as_of, params, threads):
    """Evaluates one pair of co-partitioned frames on a worker."""
    plan = _plan(path, as_of, params)
    return plan._evaluate(_untag(households), _untag(members) if members is not None else None, threads, 0)


def evaluate(households, members, pack_path, as_of=None, params=None, npartitions=None, threads=1):
    """Evaluates a caseload held in Dask DataFrames; returns a Dask DataFrame
    of results with the columns and dtypes of `layak.Plan.evaluate`.

    households, members: Dask (or pandas) DataFrames as `Plan.evaluate`
    takes them; members may sit in any partition, apart from their household.
    pack_path: the rule pack folder, readable by every worker at the same
    path (relative paths are made absolute here). as_of, params: as in
    `layak.Pack.compile`; as_of=None means today, fixed here once for every
    worker. npartitions: partitions of the result (default: the larger of
    the inputs'). threads: engine threads per partition (Dask already runs
    partitions side by side).

    The pack is loaded here first, so that its errors (`layak.PackError`) and
    a bad date or parameter (ValueError) are raised at once; columns that are
    not schema fields are reported here with one warning. Errors in the data
    are raised when the result is computed.
    """
    path = os.path.abspath(os.fspath(pack_path))
    plan = layak.load_pack(path).compile(as_of=as_of, params=params)
    schema = plan.pack.schema()
    params_key = tuple(sorted((str(k), layak._param_text(v)) for k, v in (params or {}).items()))
    if isinstance(households, pd.DataFrame):
        households = dd.from_pandas(households, npartitions=1)
    if isinstance(members, pd.DataFrame):
        members = dd.from_pandas(members, npartitions=1)
    key, ref = schema.household_key, schema.member_household_column
    if key not in households.columns:
        raise layak.CaseloadError(f"households: no key column '{key}'")
    if members is not None and ref not in members.columns:
        raise layak.CaseloadError(f"members: no '{ref}' column naming each member's household")
    warn_ignored(ignored_columns(households.columns, members.columns if members is not None else [], schema), 2)

    n = npartitions or max(households.npartitions, members.npartitions if members is not None else 1)
    households = households.map_partitions(_tag, key, meta=_tag(households._meta, key)).shuffle(_KEY, npartitions=n)
    if members is not None:
        members = members.map_partitions(_tag, ref, meta=_tag(members._meta, ref)).shuffle(_KEY, npartitions=n)
    meta = empty_results([p.id for p in plan.pack.programs])
    # align_dataframes=False: the partitions already match one to one (same
    # hash, same count); aligning on the index would undo it.
    return dd.map_partitions(_evaluate_partition, households, members, path, plan.as_of, params_key, threads,
                             meta=meta, align_dataframes=False)
