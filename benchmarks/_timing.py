"""Timing helper shared by the benchmark scripts (run as ``python benchmarks/<name>.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def best_of(fun: Callable[[], T], repeats: int, *, warmup: bool = True) -> tuple[float, T]:
    """Best wall time (s) of ``repeats`` calls of ``fun`` and the result of the last call.

    With ``warmup`` one untimed call comes first (imports, JIT compilation, caches); switch it
    off when a single call is itself expensive (a reference loop of tens of seconds).
    """
    if repeats < 1:
        raise ValueError(f"repeats must be >= 1, got {repeats}")
    if warmup:
        fun()
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        result = fun()
        best = min(best, time.perf_counter() - start)
    return best, result
