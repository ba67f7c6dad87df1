"""Test-only fault injection, kept out of the package (loaded via PYTHONPATH=tests/faults).

Python imports ``sitecustomize`` at start-up in every process, Snakemake's job scripts
included. When one of these variables is set, the solver entry point
``lightmatter.jobs.solve_points`` is wrapped for one sweep, named ``<study>/<sweep>``:

``LIGHTMATTER_TEST_FAIL_ONCE=<study>/<sweep>:<marker dir>``
    the sweep's first attempt raises (and leaves ``<study>.<sweep>.failed-once``); later
    attempts solve normally: exercises retries.
``LIGHTMATTER_TEST_HOLD=<study>/<sweep>:<marker dir>``
    the sweep's job writes ``<study>.<sweep>.holding`` (its pid) and waits, so a test can kill
    the workflow while it is known to be running; it gives up with an error after 600 s, so a
    test that fails to kill never hangs a run.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

FAIL_ONCE_ENV = "LIGHTMATTER_TEST_FAIL_ONCE"
HOLD_ENV = "LIGHTMATTER_TEST_HOLD"
HOLD_LIMIT_S = 600.0


def _spec(var: str) -> tuple[str, Path] | None:
    target, _, marker_dir = os.environ.get(var, "").partition(":")
    return (target, Path(marker_dir)) if target and marker_dir else None


def _install() -> None:
    fail, hold = _spec(FAIL_ONCE_ENV), _spec(HOLD_ENV)
    if not (fail or hold):
        return
    try:
        import lightmatter.jobs as jobs
    except ImportError:  # a process without the package (e.g. a tool): nothing to wrap
        return
    original = jobs.solve_points

    def solve_points(sw, points, logger=None):  # type: ignore[no-untyped-def]
        name = f"{sw.study}/{sw.name}"
        tag = f"{sw.study}.{sw.name}"
        if fail and fail[0] == name:
            marker = fail[1] / f"{tag}.failed-once"
            if not marker.exists():
                marker.parent.mkdir(parents=True, exist_ok=True)
                marker.write_text("injected fault fired\n")
                raise RuntimeError(f"sweep {name}: injected test fault, first attempt")
        if hold and hold[0] == name:
            hold[1].mkdir(parents=True, exist_ok=True)
            tmp = hold[1] / f".{tag}.holding.tmp"
            tmp.write_text(f"{os.getpid()}\n")
            tmp.rename(hold[1] / f"{tag}.holding")  # never seen half-written
            deadline = time.monotonic() + HOLD_LIMIT_S
            while time.monotonic() < deadline:
                time.sleep(0.2)
            raise RuntimeError(f"sweep {name}: {HOLD_ENV} hold was never interrupted")
        return original(sw, points, logger)

    jobs.solve_points = solve_points


_install()
