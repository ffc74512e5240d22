"""Timing for the linear-time tests: the wall time of a call, without the test session.

A full collection of the cyclic garbage collector scans every object alive, and by the
end of a test session that is a large heap that has nothing to do with the input under
test.  Whether one lands in a timing is chance, and it made a 4x input look 12x slower
(tests/ner/test_normalized.py in a clean-clone CI run).  So the objects alive before the
call are frozen while it runs; the call's own objects are collected as usual.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def seconds(fn: Callable[[], object], repeats: int = 1) -> float:
    """The best wall time of ``fn()`` over ``repeats`` calls."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.freeze()
        try:
            start = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.unfreeze()
    return best
