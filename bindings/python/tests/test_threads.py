"""The GIL is released while the engine works: other Python threads run,
and several threads can evaluate at once with the same results."""

import threading
import time


from layak._frames import Frames
from conftest import assert_same
from test_evaluate import big_sample


def test_other_threads_run_while_the_engine_evaluates(plan, sample):
    households, members = big_sample(sample, 4)
    frames = Frames(households, members, plan.pack.schema(), plan._input_fields)
    args = frames.args()
    window = {}

    def engine():
        window["start"] = time.perf_counter()
        plan._handle.evaluate(*args, 1)  # the C++ call alone: no pandas work around it
        window["end"] = time.perf_counter()

    worker = threading.Thread(target=engine)
    ticks = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
    worker.join()
    during = [t for t in ticks if window["start"] < t < window["end"]]
    duration = window["end"] - window["start"]
    # Holding the GIL, the call would let this loop run only between
    # switch intervals (5 ms); released, it runs all along.
    assert duration > 0.02
    assert len(during) > 1000, (len(during), duration)


def test_concurrent_evaluations_agree(plan, sample):
    households, members = big_sample(sample, 2)
    want = plan.evaluate(households, members, threads=1)
    got = [None] * 3

    def run(i):
        got[i] = plan.evaluate(households, members, threads=1)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for g in got:
        assert_same(g, want)
