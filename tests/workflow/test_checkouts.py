"""Runs in fresh checkouts of the repository: the between-workflow cache and interrupted runs.

Each checkout is a copy of the working tree in a temporary directory (own ``.snakemake``, own
``results/``, its own package on ``PYTHONPATH``), so nothing here touches this repository's
Snakemake state, and all checkouts stamp the same ``code_version`` into their files.

**Between-workflow cache**: a second checkout reuses every solver result.

Checkout A runs the test configuration with ``--cache`` and ``SNAKEMAKE_OUTPUT_CACHE``: each
output of ``solve_sweep`` and ``solve_point`` is moved into the cache (and symlinked back). A
fresh copy B of the repository, with its own ``.snakemake`` and results, then runs the same
configuration against the same cache: no solver job may execute (each is served from the
cache), and every NetCDF file B builds must be byte-identical to A's. Finally one parameter of
one sweep is changed in B: exactly that sweep is solved (and stored in the cache), every other
stays served from the cache.

Evidence that a solver did not execute: the solver writes its parameters to its log as its first
action (``jobs.run_sweep``), so a served job leaves an empty log (Snakemake only touches it),
and Snakemake prints "Moving output file ... to cache" only for a job that ran (both a stored
and a served output are then reported as "Symlinking output file ... from cache").

**Interrupted runs**: a third checkout C is killed (SIGKILL to the whole Snakemake process
group) while a solver job is known to be running (the test-only hold ``LIGHTMATTER_TEST_HOLD``
of ``tests/faults/sitecustomize.py``, outside the package), a partial file is planted under
that job's output name (what a non-atomic writer killed mid-write would leave), and the rerun
with ``--rerun-incomplete`` must redo it: no partial file survives, no temporary is left, and
every NetCDF file of C is byte-identical to checkout A's uninterrupted run.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from lightmatter import registry
from lightmatter.provenance import verify_netcdf
from lightmatter.sweep import sweeps_of

from ..conftest import SNAKEMAKE, job_counts, make_checkout, run_snakemake

HOLD_ENV = "LIGHTMATTER_TEST_HOLD"

pytestmark = pytest.mark.workflow

STORED = "Moving output file"
SERVED = "Symlinking output file"


def _run(checkout: Path, cache: Path, config: str = "config/test.yaml") -> str:
    """The test configuration's datasets (the solver jobs and what combines them; no figures)."""
    proc = run_snakemake(
        "-c2",
        "datasets",
        "--cache",  # every cache-eligible rule (takes rule names: keep targets before it)
        "--configfile",
        config,
        cwd=checkout,
        env_extra={"SNAKEMAKE_OUTPUT_CACHE": str(cache), "PYTHONPATH": str(checkout / "src")},
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return proc.stdout + proc.stderr


def _solver_logs(checkout: Path) -> dict[str, int]:
    """Log file of every cached solver job (relative path) -> size in bytes."""
    logs = checkout / "results" / "logs"
    out = {}
    for study in registry.studies():
        for name, sw in sweeps_of(study).items():
            paths = (
                (logs / study / "points" / name).glob("*.log")
                if sw.fan_out
                else [logs / study / f"{name}.log"]
            )
            out.update({str(p.relative_to(logs)): p.stat().st_size for p in paths})
    return out


def _cached_outputs(results: Path) -> list[Path]:
    """Outputs of the cached rules: each sweep's dataset and table, or its point files."""
    out = []
    for study in registry.studies():
        for name, sw in sweeps_of(study).items():
            if sw.fan_out:
                out.extend(sorted((results / study / "points" / name).glob("*.nc")))
            else:
                out.extend([results / study / f"{name}.nc", results / study / f"{name}.params.csv"])
    return out


def _netcdf_hashes(checkout: Path) -> dict[str, str]:
    results = checkout / "results"
    return {
        str(p.relative_to(results)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(results.rglob("*.nc"))
    }


@pytest.fixture(scope="module")
def cached_runs(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("cache")
    cache = base / "output-cache"
    cache.mkdir()
    a = make_checkout(base / "A")
    log_a = _run(a, cache)
    cases_a = _cached_outputs(a / "results")
    entries_after_a = sorted(p.name for p in cache.iterdir())
    b = make_checkout(base / "B")
    assert not (b / ".snakemake").exists() and not (b / "results" / "logs").exists()
    log_b = _run(b, cache)
    return {
        "cache": cache,
        "a": a,
        "b": b,
        "log_a": log_a,
        "log_b": log_b,
        "cases_a": cases_a,
        "entries_after_a": entries_after_a,
    }


def test_checkout_a_solves_every_sweep_and_stores_it(cached_runs):
    n_cases = len(cached_runs["cases_a"])  # cached output files
    counts = job_counts(cached_runs["log_a"])
    assert n_cases == 2 * counts["solve_sweep"] + counts["solve_point"] >= 40
    assert cached_runs["log_a"].count(STORED) == n_cases
    assert cached_runs["log_a"].count(SERVED) == n_cases  # stored, then linked back
    assert len(cached_runs["entries_after_a"]) == n_cases
    logs = _solver_logs(cached_runs["a"])
    n_jobs = counts["solve_sweep"] + counts["solve_point"]
    assert len(logs) == n_jobs and all(size > 0 for size in logs.values())
    # each case output is now a symlink into the cache
    assert all(p.is_symlink() for p in cached_runs["cases_a"])
    targets = [p.resolve() for p in cached_runs["cases_a"]]
    assert all(t.parent == cached_runs["cache"].resolve() for t in targets)
    assert sorted(t.name for t in targets) == cached_runs["entries_after_a"]


def test_checkout_b_runs_no_solver_job(cached_runs):
    log_b, b = cached_runs["log_b"], cached_runs["b"]
    n_cases = len(cached_runs["cases_a"])
    counts = job_counts(log_b)
    assert 2 * counts["solve_sweep"] + counts["solve_point"] == n_cases  # scheduled ...
    assert log_b.count(SERVED) == n_cases  # ... and every output served from the cache
    assert log_b.count(STORED) == 0
    logs = _solver_logs(b)
    executed = sorted(name for name, size in logs.items() if size > 0)
    assert executed == [], f"solver jobs executed in checkout B: {executed}"
    assert sorted(p.name for p in cached_runs["cache"].iterdir()) == cached_runs["entries_after_a"]


def test_checkout_b_outputs_are_byte_identical(cached_runs):
    ha, hb = _netcdf_hashes(cached_runs["a"]), _netcdf_hashes(cached_runs["b"])
    assert len(ha) >= 40 and ha.keys() == hb.keys()
    assert [k for k in ha if ha[k] != hb[k]] == []


def test_changing_one_parameter_solves_exactly_that_sweep(cached_runs, tmp_path):
    b, cache = cached_runs["b"], cached_runs["cache"]
    cfg = yaml.safe_load((b / "config" / "test.yaml").read_text())
    cfg["cl_superbunching"]["hbt"]["n_photons"] += 1000
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(cfg))
    before = _solver_logs(b)
    log = _run(b, cache, str(edited))
    assert job_counts(log).get("solve_sweep") == 1, job_counts(log)
    assert log.count(STORED) == 2 and log.count(SERVED) == 2  # dataset and parameter table
    written = {k for k, v in _solver_logs(b).items() if v > 0 and before.get(k) == 0}
    assert written == {"cl_superbunching/hbt.log"}, written
    assert len(list(cache.iterdir())) == len(cached_runs["entries_after_a"]) + 2


# ---------------------------------------------------------------- interrupted runs
def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out after {timeout:.0f} s waiting for {what}"
        time.sleep(0.2)


@pytest.fixture(scope="module")
def interrupted_run(cached_runs, tmp_path_factory) -> dict:
    a = cached_runs["a"]
    base = tmp_path_factory.mktemp("interrupted")
    c = make_checkout(base / "C")
    markers = base / "markers"
    # hold the Model 3 fit sweep: its figure depends on it
    victim = a / "results" / "cl_superbunching" / "model3_fit.nc"
    rel = victim.relative_to(a)
    faults = c / "tests" / "faults"  # sitecustomize.py: the test-only hold
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=f"{c / 'src'}:{faults}")
    env[HOLD_ENV] = f"cl_superbunching/model3_fit:{markers}"
    with open(base / "killed-run.log", "w") as out:
        proc = subprocess.Popen(
            [str(SNAKEMAKE), "-c2", "datasets", "--configfile", "config/test.yaml"],
            cwd=c,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the group is what gets killed
        )
        marker = markers / "cl_superbunching.model3_fit.holding"
        try:
            _wait_for(lambda: marker.exists() or proc.poll() is not None, 600, "the held job")
            assert proc.poll() is None, "the workflow ended before the held job started"
            held_pid = int(marker.read_text())
            time.sleep(2.0)  # let the other core get well into its next job
            os.killpg(proc.pid, signal.SIGKILL)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=60)
    _wait_for(lambda: not _alive(held_pid), 30, "the held solver process to die")
    incomplete = list((c / ".snakemake" / "incomplete").rglob("*"))
    after_kill = {
        "missing": not (c / rel).exists(),
        "incomplete_markers": len([p for p in incomplete if p.is_file()]),
        "unverifiable": [str(p) for p in (c / "results").rglob("*.nc") if not verify_netcdf(p)[0]],
        "n_nc": len(list((c / "results").rglob("*.nc"))),
        "returncode": proc.returncode,
    }
    # what a writer without atomic rename would leave under the output name
    (c / rel).write_bytes(b"CDF\x01 half a file")
    run_c = {"cwd": c, "env_extra": {"PYTHONPATH": str(c / "src")}}
    # SIGKILL leaves Snakemake's lock behind: a plain rerun refuses to start and says why ...
    locked = run_snakemake("-c2", "datasets", "--configfile", "config/test.yaml", **run_c)
    # ... the documented recovery (README, "Resuming"): unlock, then rerun the incomplete jobs
    unlock = run_snakemake("--unlock", "--configfile", "config/test.yaml", **run_c)
    rerun = run_snakemake(
        "-c2", "datasets", "--configfile", "config/test.yaml", "--rerun-incomplete", **run_c
    )
    after_kill["locked"] = (locked.returncode, locked.stdout + locked.stderr)
    after_kill["unlock_rc"] = unlock.returncode
    return {"a": a, "c": c, "rel": rel, "after_kill": after_kill, "rerun": rerun}


def test_kill_leaves_the_held_output_absent_and_marked_incomplete(interrupted_run):
    after = interrupted_run["after_kill"]
    assert after["returncode"] == -signal.SIGKILL
    rc, text = after["locked"]
    assert rc != 0 and "LockException" in text and "--unlock" in text
    assert after["unlock_rc"] == 0
    assert after["missing"], "the killed job's output exists"
    assert after["incomplete_markers"] >= 1, "Snakemake did not record the running job"
    assert after["unverifiable"] == [], "a NetCDF file on disk fails its content hash"
    n_total = len(_netcdf_hashes(interrupted_run["a"]))
    assert 0 < after["n_nc"] < n_total, "the kill did not land mid-workflow"


def test_rerun_incomplete_completes_and_matches_the_uninterrupted_run(interrupted_run):
    rerun, c = interrupted_run["rerun"], interrupted_run["c"]
    assert rerun.returncode == 0, rerun.stderr[-4000:]
    log = rerun.stdout + rerun.stderr
    # the held sweep was redone (the console names each job by its message, not its files)
    study, name = interrupted_run["rel"].relative_to("results").with_suffix("").parts
    assert f"{study}: solving sweep {name}" in log
    assert _netcdf_hashes(c) == _netcdf_hashes(interrupted_run["a"])
    leftovers = [str(p) for p in (c / "results").rglob("*.tmp")]
    assert leftovers == [], f"temporary files left behind: {leftovers}"
    dry = run_snakemake(
        "-n",
        "-c1",
        "datasets",
        "--configfile",
        "config/test.yaml",
        cwd=c,
        env_extra={"PYTHONPATH": str(c / "src")},
    )
    assert "Nothing to be done" in dry.stdout + dry.stderr
