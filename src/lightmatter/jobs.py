"""Glue between Snakemake jobs and the package: logging, solving one case, aggregating a sweep,
writing the parameter table and the provenance manifest.

The scripts in ``scripts/`` are thin entry points that call these functions with the
``snakemake`` object; nothing here does physics.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import xarray as xr

from lightmatter import __version__
from lightmatter.provenance import (
    atomic_path,
    canonical_json,
    code_version,
    config_sha256,
    content_hash,
    file_sha256,
    write_netcdf,
)
from lightmatter.sweeps import Sweep, aggregate, solve_case, write_case_table

__all__ = [
    "job_logger",
    "peak_rss_mib",
    "run_aggregate",
    "run_manifest",
    "run_params",
    "run_solver",
    "study_module",
]


def study_module(study: str) -> ModuleType:
    """The ``cases`` module of a study (declares ``SWEEPS``, ``STUDY``, ``SEED_PAPER``...)."""
    return importlib.import_module(f"lightmatter.{study}.cases")


def job_logger(log_path: str | os.PathLike[str] | None, name: str) -> logging.Logger:
    """A logger writing to the job's log file (Snakemake ``log:``) and to stderr."""
    logger = logging.getLogger(f"lightmatter.job.{name}")
    logger.handlers.clear()
    logger.setLevel(logging.INFO)
    logger.propagate = False
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    already = getattr(sys.stderr, "name", None) == str(log_path)  # log_to() redirected stderr
    if log_path and not already:
        Path(log_path).parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_path, mode="w"))
    for h in handlers:
        h.setFormatter(fmt)
        logger.addHandler(h)
    return logger


def _sweep(study: str, name: str) -> tuple[ModuleType, Sweep]:
    mod = study_module(study)
    try:
        return mod, mod.SWEEPS[name]
    except KeyError:
        raise KeyError(
            f"study {study!r} has no sweep {name!r}; known: {sorted(mod.SWEEPS)}"
        ) from None


def run_params(
    study: str,
    sweep: str,
    cases: Mapping[str, Mapping[str, Any]],
    out: str,
    log: str | None = None,
) -> None:
    """Write the parameter table of one sweep (data flow step 1)."""
    logger = job_logger(log, f"{study}.{sweep}.params")
    _sweep(study, sweep)
    write_case_table(cases, out)
    n_points = sum(len(c["points"]) for c in cases.values())
    logger.info("%d cases (%d points) of sweep %s -> %s", len(cases), n_points, sweep, out)


def run_solver(
    study: str,
    params: Mapping[str, Any],
    case: str,
    fingerprint: str,
    out: str,
    log: str | None = None,
) -> str:
    """Solve one case and write its NetCDF file with provenance (data flow step 2).

    ``params`` is the case's plain parameter dict (it includes ``sweep``); the file's
    ``config_sha256`` is the hash of exactly these parameters (the part of the configuration the
    case depends on), so editing an unrelated config value changes neither its bytes nor its
    cache key. The wall time of the
    solve is logged (cached rules cannot carry ``benchmark:``). On any exception the error is
    logged with the case id and re-raised; no file is left under the output name.
    """
    logger = job_logger(log, f"{study}.{params['sweep']}.{case}")
    mod, sweep = _sweep(study, str(params["sweep"]))
    if sweep.fingerprint() != fingerprint:
        raise RuntimeError(
            f"case {case}: code fingerprint of the installed package differs from the one the "
            "workflow computed; reinstall the package (pip install -e .)"
        )
    logger.info(
        "case %s of sweep %s: %d point(s) %s",
        case,
        sweep.name,
        len(params["points"]),
        canonical_json(params),
    )
    t0 = time.perf_counter()
    try:
        _injected_fault(case, logger)
        _injected_hold(case, logger)
        ds = solve_case(sweep, params)
    except Exception:
        logger.exception("case %s of sweep %s failed", case, sweep.name)
        raise
    elapsed = time.perf_counter() - t0
    digest = write_netcdf(
        ds,
        out,
        study=study,
        title=sweep.title,
        seed_paper=mod.SEED_PAPER,
        references=mod.REFERENCES,
        params=params,
        config_hash=config_sha256(params),
        fingerprint=fingerprint,
        source=f"{mod.__name__}:{sweep.solve.__name__} (lightmatter {__version__})",
        history=f"solved case {case} of sweep {sweep.name} (rule solve_case)",
    )
    logger.info(
        "solve time %.3f s; peak memory %.0f MiB; content_sha256 %s -> %s",
        elapsed,
        peak_rss_mib(),
        digest,
        out,
    )
    return digest


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, MiB (``getrusage``; Linux reports KiB).

    Cached rules cannot carry ``benchmark:``, so the solver logs this next to its wall time.
    """
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


#: Test-only fault injection (tests/cluster): ``<case_id>:<marker directory>``. The named case
#: raises on its first attempt (and leaves a marker), then succeeds: exercises retries.
FAIL_ONCE_ENV = "LIGHTMATTER_TEST_FAIL_ONCE"


def _injected_fault(case: str, logger: logging.Logger) -> None:
    spec = os.environ.get(FAIL_ONCE_ENV, "")
    if not spec:
        return
    target, _, marker_dir = spec.partition(":")
    if target != case or not marker_dir:
        return
    marker = Path(marker_dir) / f"{case}.failed-once"
    if marker.exists():
        logger.info("injected fault for case %s already fired: solving normally", case)
        return
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text("injected fault fired\n")
    raise RuntimeError(f"case {case}: injected test fault ({FAIL_ONCE_ENV}), first attempt")


#: Test-only hold (tests/workflow, interrupted runs): ``<case_id>:<marker directory>``. The named
#: case writes ``<case_id>.holding`` (its pid) into the marker directory and then waits, so a
#: test can kill the workflow while this solver job is known to be running. It gives up after
#: ``HOLD_LIMIT_S`` with an error, so a test that fails to kill never hangs a run.
HOLD_ENV = "LIGHTMATTER_TEST_HOLD"
HOLD_LIMIT_S = 600.0


def _injected_hold(case: str, logger: logging.Logger) -> None:
    spec = os.environ.get(HOLD_ENV, "")
    target, _, marker_dir = spec.partition(":")
    if not spec or target != case or not marker_dir:
        return
    with atomic_path(Path(marker_dir) / f"{case}.holding") as tmp:  # never seen half-written
        tmp.write_text(f"{os.getpid()}\n")
    logger.info("case %s: holding for the interrupted-run test (%s)", case, HOLD_ENV)
    deadline = time.monotonic() + HOLD_LIMIT_S
    while time.monotonic() < deadline:
        time.sleep(0.2)
    raise RuntimeError(f"case {case}: {HOLD_ENV} hold was never interrupted")


def run_aggregate(
    study: str,
    sweep_name: str,
    case_files: list[str],
    table: str,
    out: str,
    log: str | None = None,
) -> str:
    """Combine the cases of a sweep into one dataset (data flow step 3).

    ``config_sha256`` of the result is the hash of the sweep's parameter table (case_id ->
    parameters), i.e. of the configuration this dataset depends on.
    """
    logger = job_logger(log, f"{study}.{sweep_name}.aggregate")
    mod, sweep = _sweep(study, sweep_name)
    combined, cases = aggregate(case_files, table, sweep.case_dims)
    fingerprints = set()
    for f in case_files:
        with xr.open_dataset(f, engine="netcdf4") as ds:
            fingerprints.add(ds.attrs["code_fingerprint"])
    if len(fingerprints) != 1:
        raise RuntimeError(f"cases of sweep {sweep_name} were made by different code versions")
    digest = write_netcdf(
        combined,
        out,
        study=study,
        title=sweep.title,
        seed_paper=mod.SEED_PAPER,
        references=mod.REFERENCES,
        params={"sweep": sweep_name, "cases": cases},
        config_hash=config_sha256(cases),
        fingerprint=fingerprints.pop(),
        source=f"lightmatter.sweeps:aggregate (lightmatter {__version__})",
        history=f"aggregated {len(case_files)} cases of sweep {sweep_name}",
    )
    logger.info("aggregated %d cases -> %s (content_sha256 %s)", len(case_files), out, digest)
    return digest


def run_manifest(graph: Mapping[str, Mapping[str, Any]], out: str, log: str | None = None) -> None:
    """Write ``provenance/manifest.json``: every output with its hashes and where it came from.

    ``graph`` maps each output path to ``{"rule", "inputs", "config_section", ...}`` as built
    by ``rules/common.smk``; this adds the SHA-256 of the bytes, the canonical content hash of
    NetCDF files and the code fingerprint/version recorded inside them.
    """
    logger = job_logger(log, "manifest")
    entries = {}
    for path in sorted(graph):
        info = dict(graph[path])
        if not Path(path).exists():
            raise FileNotFoundError(f"manifest: output {path} does not exist")
        info["sha256"] = file_sha256(path)
        if path.endswith(".nc"):
            with xr.open_dataset(path, engine="netcdf4") as ds:
                ds.load()
                info["content_sha256"] = content_hash(ds)
                info["code_fingerprint"] = ds.attrs.get("code_fingerprint")
                info["code_version"] = ds.attrs.get("code_version")
                if ds.attrs.get("content_sha256") != info["content_sha256"]:
                    raise RuntimeError(f"{path}: stored content hash does not match its data")
        entries[path] = info
    manifest = {
        "lightmatter_version": __version__,
        "code_version": code_version(),
        "n_outputs": len(entries),
        "outputs": entries,
    }
    with atomic_path(out) as tmp:
        Path(tmp).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    logger.info("manifest of %d outputs -> %s", len(entries), out)


def log_to(smk: Any) -> None:
    """Send this job's stdout/stderr (warnings, tracebacks) to its Snakemake log file.

    Called first thing in every script run by a rule: an exception then lands in the log that
    Snakemake prints on failure (``--show-failed-logs``).
    """
    if not getattr(smk, "log", None):
        return
    path = Path(smk.log[0])
    path.parent.mkdir(parents=True, exist_ok=True)
    stream = open(str(path), "w", buffering=1)
    sys.stdout = stream
    sys.stderr = stream
