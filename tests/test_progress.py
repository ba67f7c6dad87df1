"""Progress of long solvers (lightmatter.progress): percent of simulated time, job log and
console policy, and the wiring of the ledd_ttm Boltzmann solver through its log messages."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from lightmatter import progress
from lightmatter.progress import Progress, from_log


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _collect():
    log, con = [], []
    return log, con, progress.sinks(log.append, con.append)


def test_one_log_line_per_tenth_and_console_only_for_long_runs():
    clock = Clock()
    log, con, ctx = _collect()
    with ctx:
        p = Progress("BE ITO", -400.0, 800.0, "fs", quiet_s=5.0, every_s=1e9, clock=clock)
        for i in range(1, 121):  # 1200 fs in steps of 10 fs, 0.1 s of wall time each
            clock.now += 0.1
            p(-400.0 + 10.0 * i)
    assert len(log) == 10  # 10 %, 20 %, ..., 100 %
    assert [int(re.search(r"(\d+) %", m)[1]) for m in log] == list(range(10, 101, 10))
    assert "t = 800 of 800 fs" in log[-1]
    # the console hears from the run only once it has taken 5 s (from 50 % on here)
    assert len(con) == 6 and con[0] == log[4]


def test_backward_times_are_ignored_and_slow_runs_report_every_interval():
    clock = Clock()
    log, _, ctx = _collect()
    with ctx:
        p = Progress("TTM", 0.0, 100.0, quiet_s=0.0, every_s=30.0, clock=clock)
        p(5.0)
        clock.now = 31.0
        p(4.0)  # a trial stage behind the front: ignored
        assert log == []
        p(6.0)  # no tenth crossed, but 30 s passed
        assert len(log) == 1 and "  6 %" in log[0]


def test_percent_is_clipped_and_the_interval_checked():
    p = Progress("x", 10.0, 20.0)
    assert p.percent(5.0) == 0.0 and p.percent(15.0) == 50.0 and p.percent(25.0) == 100.0
    with pytest.raises(ValueError):
        Progress("x", 1.0, 1.0)


def test_boltzmann_log_messages_drive_the_progress():
    """The ledd_ttm sweep wires the BE solver through its log: the pattern must match the
    solver's own progress message (if the solver's message changes, update _be.run_be)."""
    from lightmatter.ledd_ttm.sweeps import _be

    # the solver's source text (importing it would compile its kernels: seconds)
    source = (Path(_be.__file__).parents[1] / "boltzmann.py").read_text()
    fmt = re.search(r'"(BE %s: t = [^"]*)"', source)
    assert fmt, "the BE solver no longer logs 'BE <material>: t = ... fs of ...'"
    pattern = re.search(r'from_log\(progress, r"([^"]+)"', inspect.getsource(_be.run_be))[1]
    clock = Clock()
    log, _, ctx = _collect()
    with ctx:
        p = Progress("BE ITO", -400.0, 800.0, "fs", clock=clock)
        logger = from_log(p, pattern, "test")
        head = fmt[1].split(", wall")[0]  # "BE %s: t = %.1f fs of %.1f"
        assert head.count("%") == 3, head
        logger.info(head + ", wall 12.0 s", "ITO", 200.0, 800.0)
        logger.info("BE ITO done: 983 evaluations")
    assert "BE ITO:  50 % of simulated time (t = 200 of 800 fs)" in log[0]
    assert log[1] == "BE ITO done: 983 evaluations"  # other messages: to the job log as they are
