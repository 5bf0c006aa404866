"""Households per second through the Python module, from DataFrames in memory.

The counterpart of bench/api_bench.cc's BM_BuildAndEvaluate: the Tuban
sample caseload repeated to 100,000 households (fresh keys per copy), read and
typed once outside the timing (enums Categorical, bools `boolean`, ints int64
or nullable Int64, numbers float64, dates datetime64, keys, sets and text
str), then `plan.evaluate` timed: columns handed to the engine, the caseload
built, evaluated, and the results made a DataFrame, which is then freed (the
C++ loop frees its results too). threads=1 evaluates on one thread as the
C++ `Evaluate` does; the median of the runs is reported.

    PYTHONPATH=build-rel/bindings/python /usr/bin/python3 bench/python_bench.py
    PYTHONPATH=build-rel/bindings/python /usr/bin/python3 bench/python_bench.py --households 20000 --threads 0
"""

import argparse
import gc
import pathlib
import statistics
import time

import pandas as pd

import layak

SOURCE = pathlib.Path(__file__).resolve().parents[1]
KEYS = {"id": str, "household_id": str, "nik": str}


def typed(frame, fields):
    """The columns in the dtypes a data team would hold them in."""
    out = frame.copy()
    for name in out.columns:
        f = fields.get(name)
        if f is None or f.type in ("string", "set"):
            continue
        column = out[name]
        if f.type == "enum":
            out[name] = column.astype(pd.CategoricalDtype(list(f.values)))
        elif f.type == "bool":
            out[name] = column.map({True: True, False: False, "true": True, "false": False}).astype("boolean")
        elif f.type == "int":
            out[name] = column.astype("int64") if column.notna().all() else column.astype("Int64")
        elif f.type == "number":
            out[name] = column.astype("float64")
        elif f.type == "date":
            out[name] = pd.to_datetime(column)
    return out


def caseload(pack, households):
    """The sample repeated to `households` households, as typed DataFrames."""
    fields = {f.name: f for f in pack.fields()}
    sample = pathlib.Path(pack.path) / "sample"
    h = typed(pd.read_csv(sample / "households.csv", dtype=KEYS), fields)
    m = typed(pd.read_csv(sample / "members.csv", dtype=KEYS), fields)
    copies = -(-households // len(h))
    hs, ms = [], []
    for k in range(copies):
        hs.append(h.assign(id=h["id"] + f"-{k}"))
        ms.append(m.assign(household_id=m["household_id"] + f"-{k}", nik=m["nik"] + f"-{k}"))
    hh = pd.concat(hs, ignore_index=True).iloc[:households]
    mm = pd.concat(ms, ignore_index=True)
    mm = mm[mm["household_id"].isin(set(hh["id"]))].reset_index(drop=True)
    # Categoricals keep their categories through concat only when all agree (they do: the pack's values).
    return hh, mm


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--threads", type=int, default=1, help="0: every core; 1: the calling thread (as C++ Evaluate)")
    parser.add_argument("--source", default=str(SOURCE), help="the repository (rules/tuban and its sample)")
    args = parser.parse_args()

    pack = layak.load_pack(pathlib.Path(args.source) / "rules" / "tuban")
    plan = pack.compile(as_of="2026-01-01")
    households, members = caseload(pack, args.households)
    print(f"{len(households)} households, {len(members)} members; layak {layak.__version__}; threads={args.threads}")
    evaluate_s, total_s = [], []
    rows = 0
    for _ in range(args.runs):
        gc.collect()
        start = time.perf_counter()
        results = plan.evaluate(households, members, threads=args.threads)
        done = time.perf_counter()
        rows = len(results)
        del results
        freed = time.perf_counter()
        evaluate_s.append(done - start)
        total_s.append(freed - start)
    print(f"result rows: {rows}")
    print("evaluate (s):         " + " ".join(f"{t:.3f}" for t in evaluate_s))
    print("evaluate + free (s):  " + " ".join(f"{t:.3f}" for t in total_s))
    median = statistics.median(total_s)
    print(f"median evaluate: {statistics.median(evaluate_s) * 1000:.0f} ms; with freeing the results: "
          f"{median * 1000:.0f} ms = {len(households) / median:,.0f} households/s")


if __name__ == "__main__":
    main()
