"""Progress of long solvers in percent of simulated time (job log and console).

Light (no numpy): sweep modules import it at parse time. A solver that integrates over time
takes a ``progress`` callback (simulated time -> None); the sweep module passes a
:class:`Progress`. While a job runs, :func:`lightmatter.jobs.solve_points` installs where the
lines go (:func:`sinks`): the job's log file, and the console the job was started from (its
stderr before :func:`lightmatter.jobs.log_to` redirected it), so a user watching ``make figures``
sees a long Boltzmann run advance. Outside a job the lines go to the ``lightmatter.progress``
logger.

Policy (:class:`Progress`): one line per tenth of the simulated interval in the job log; on the
console only once the solver has run for ``quiet_s`` seconds (short solvers stay silent), and at
least every ``every_s`` seconds while it runs.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import Callable, Iterator

__all__ = ["Progress", "from_log", "sinks"]

#: (job log, console); ``None`` outside a job
_SINKS: list[tuple[Callable[[str], None], Callable[[str], None] | None]] = []


@contextlib.contextmanager
def sinks(
    log: Callable[[str], None], console: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Send progress lines to ``log`` (always) and ``console`` (long runs) inside the block."""
    _SINKS.append((log, console))
    try:
        yield
    finally:
        _SINKS.pop()


def _emit(message: str, console: bool) -> None:
    if not _SINKS:
        logging.getLogger("lightmatter.progress").info(message)
        return
    log, con = _SINKS[-1]
    log(message)
    if console and con is not None:
        con(message)


class Progress:
    """Callable reporting ``t`` of a run from ``t_start`` to ``t_end`` as a percentage.

    ``label`` names the run (e.g. ``"BE ITO"``), ``unit`` the time unit in the message.
    Calls with a time below the largest seen so far (an implicit solver's trial stages) are
    ignored; calling it costs a comparison except when a line is due.
    """

    def __init__(
        self,
        label: str,
        t_start: float,
        t_end: float,
        unit: str = "",
        *,
        quiet_s: float = 5.0,
        every_s: float = 30.0,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        if not t_end > t_start:
            raise ValueError(f"progress of {label}: t_end {t_end} must exceed t_start {t_start}")
        self.label, self.unit = label, unit
        self.t_start, self.t_end = float(t_start), float(t_end)
        self.quiet_s, self.every_s = quiet_s, every_s
        self._clock = clock
        self._wall0 = self._last = clock()
        self._next_tenth = 1
        self._t_max = float(t_start)
        self.lines = 0

    def percent(self, t: float) -> float:
        """Percent of the simulated interval reached at ``t`` (clipped to 0-100)."""
        frac = (float(t) - self.t_start) / (self.t_end - self.t_start)
        return 100.0 * min(1.0, max(0.0, frac))

    def __call__(self, t: float) -> None:
        """Report the solver's current simulated time ``t``."""
        if t <= self._t_max:
            return
        self._t_max = t = float(t)
        pct = self.percent(t)
        now = self._clock()
        tenth_due = pct >= 10.0 * self._next_tenth
        if not tenth_due and now - self._last < self.every_s:
            return
        if tenth_due:
            self._next_tenth = int(pct // 10.0) + 1
        self._last = now
        elapsed = now - self._wall0
        unit = f" {self.unit}" if self.unit else ""
        self.lines += 1
        _emit(
            f"{self.label}: {pct:3.0f} % of simulated time "
            f"(t = {t:.4g} of {self.t_end:.4g}{unit}), {elapsed:.0f} s elapsed",
            console=elapsed >= self.quiet_s,
        )


class _TimeFromLog(logging.Handler):
    def __init__(self, progress: Progress, pattern: re.Pattern[str]) -> None:
        super().__init__(logging.INFO)
        self.progress, self.pattern = progress, pattern

    def emit(self, record: logging.LogRecord) -> None:
        found = self.pattern.search(record.getMessage())
        if found:
            self.progress(float(found[1]))
        else:
            _emit(record.getMessage(), console=False)


def from_log(progress: Progress, pattern: str, name: str) -> logging.Logger:
    """A logger to hand to a solver that logs its simulated time: each message matching
    ``pattern`` (group 1 = the time) advances ``progress``; other messages go to the job log.

    For solvers that report progress through a ``logger`` argument only (the Boltzmann solver
    of ``ledd_ttm``): the sweep module wires them without touching the solver.
    """
    logger = logging.getLogger(f"lightmatter.progress.{name}")
    logger.handlers.clear()
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(_TimeFromLog(progress, re.compile(pattern)))
    return logger
