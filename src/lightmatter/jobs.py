"""Glue between Snakemake jobs and the package: solving a sweep or a point, combining points,
writing the provenance manifest (``docs/design.md``, data flow steps 2-3 and 6).

The scripts in ``scripts/common/`` are thin entry points that call these functions with values
from the ``snakemake`` object; nothing here does physics. Every job logs its parameters first,
its progress point by point, and ends with ``solve time <s> s; peak memory <MiB> MiB``. Long
solvers also report percent of simulated time (:mod:`lightmatter.progress`): in the job log,
and on the console once they have run for a few seconds.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import xarray as xr

from lightmatter import __version__, progress, registry
from lightmatter.canonical import canonical_json, point_id
from lightmatter.dataset import build, combine, write_point_table
from lightmatter.provenance import (
    atomic_path,
    code_version,
    config_sha256,
    content_hash,
    describe_path,
    file_sha256,
    require_verified,
    write_netcdf,
)
from lightmatter.sweep import Sweep, sweep

__all__ = [
    "job_logger",
    "log_to",
    "peak_rss_mib",
    "point_table_sha256",
    "run_combine",
    "run_manifest",
    "run_point",
    "run_sweep",
    "solve_points",
]


def job_logger(log_path: str | Path | None, name: str) -> logging.Logger:
    """A logger writing to the job's log file (Snakemake ``log:``) and to stderr."""
    logger = logging.getLogger(f"lightmatter.job.{name}")
    logger.handlers.clear()
    logger.setLevel(logging.INFO)
    logger.propagate = False
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = []
    tee = sys.stderr if isinstance(sys.stderr, _Tee) else None  # log_to() redirected stderr
    if tee is not None and tee.name == str(log_path):
        # progress to the log only; warnings and errors to the console as well
        handlers.append(logging.StreamHandler(tee.log_only()))
        console = logging.StreamHandler(sys.__stderr__)
        console.setLevel(logging.WARNING)
        handlers.append(console)
    else:
        handlers.append(logging.StreamHandler())
    if log_path and tee is None:
        Path(log_path).parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_path, mode="w"))
    for h in handlers:
        h.setFormatter(fmt)
        logger.addHandler(h)
    return logger


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, MiB (``getrusage``; Linux reports KiB).

    Cached rules cannot carry ``benchmark:``, so the solver logs this next to its wall time.
    """
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _checked(study: str, name: str, fingerprint: str) -> Sweep:
    sw = sweep(study, name)
    if sw.fingerprint() != fingerprint:
        raise RuntimeError(
            f"sweep {study}/{name}: the code fingerprint of the package this job imports "
            "differs from the one the workflow computed; reinstall the package "
            "(pip install -e .) or check PYTHONPATH"
        )
    return sw


def _progress_sinks(
    logger: logging.Logger | None, prefix: str
) -> tuple[Callable[[str], None], Callable[[str], None] | None]:
    """Where a solver's progress lines go (:mod:`lightmatter.progress`): the job log, and the
    console the job was started from when :func:`log_to` has redirected stderr to the log."""
    log = logger.info if logger is not None else logging.getLogger("lightmatter.progress").info
    console = sys.__stderr__
    if console is None or sys.stderr is console:
        return log, None  # the job logger's stream handler already writes to the console

    def to_console(message: str) -> None:
        console.write(f"    {prefix}: {message}\n")
        console.flush()

    return log, to_console


def solve_points(
    sw: Sweep, points: Sequence[Mapping[str, Any]], logger: logging.Logger | None = None
) -> list[xr.Dataset]:
    """Solve each point of a sweep and build its dataset (progress logged point by point).

    A failure is re-raised naming the sweep, the point id and the point's parameters.
    """
    out = []
    n = len(points)
    for i, point in enumerate(points, 1):
        pid = point_id(point)
        t0 = time.perf_counter()
        try:
            with progress.sinks(*_progress_sinks(logger, f"{sw.study}/{sw.name} {pid}")):
                values = sw.solve(point, pid)
            ds = build(
                f"{sw.study}/{sw.name}",
                sw.point_dims_spec,
                sw.coords,
                sw.variables,
                point,
                pid,
                values,
            )
        except Exception as err:
            raise RuntimeError(
                f"sweep {sw.study}/{sw.name}, point {pid} {canonical_json(point)}: {err}"
            ) from err
        if logger is not None:
            logger.info("point %d/%d %s solved in %.3f s", i, n, pid, time.perf_counter() - t0)
        out.append(ds)
    return out


def _write(
    sw: Sweep,
    ds: xr.Dataset,
    out: str,
    params: Mapping[str, Any],
    fingerprint: str,
    history: str,
) -> str:
    citation, reference = registry.paper(sw.study)
    return write_netcdf(
        ds,
        out,
        study=sw.study,
        title=sw.title,
        seed_paper=citation,
        references=reference,
        params=params,
        config_hash=config_sha256(params),
        fingerprint=fingerprint,
        source=f"{sw.module.__name__}:solve (lightmatter {__version__})",
        history=history,
    )


def _finish(logger: logging.Logger, t0: float, what: str) -> None:
    logger.info(
        "%s; solve time %.3f s; peak memory %.0f MiB",
        what,
        time.perf_counter() - t0,
        peak_rss_mib(),
    )


def run_sweep(
    study: str,
    name: str,
    points: Sequence[Mapping[str, Any]],
    fingerprint: str,
    out_nc: str,
    out_table: str,
    log: str | None = None,
) -> str:
    """Solve every point of a sweep; write its dataset and its parameter table.

    ``config_sha256`` of the dataset is the hash of exactly ``{"points": points}`` (the part of
    the configuration it depends on). On failure the error is logged and re-raised; neither
    output is left under its final name.
    """
    logger = job_logger(log, f"{study}.{name}")
    sw = _checked(study, name, fingerprint)
    logger.info("sweep %s/%s: %d point(s) %s", study, name, len(points), canonical_json(points))
    t0 = time.perf_counter()
    try:
        ds = combine(solve_points(sw, points, logger), sw.point_dims)
        write_point_table(points, out_table)
        digest = _write(
            sw,
            ds,
            out_nc,
            {"points": list(points), "sweep": name},
            fingerprint,
            f"solved {len(points)} point(s) of sweep {name} (rule solve_sweep)",
        )
    except Exception:
        logger.exception("sweep %s/%s failed", study, name)
        Path(out_table).unlink(missing_ok=True)
        raise
    _finish(logger, t0, f"content_sha256 {digest} -> {out_nc}")
    return digest


def run_point(
    study: str,
    name: str,
    point: Mapping[str, Any],
    fingerprint: str,
    out: str,
    log: str | None = None,
) -> str:
    """Solve one point of a fan-out sweep and write it (``points/<sweep>/<point_id>.nc``)."""
    logger = job_logger(log, f"{study}.{name}.{point_id(point)}")
    sw = _checked(study, name, fingerprint)
    logger.info("sweep %s/%s, point %s %s", study, name, point_id(point), canonical_json(point))
    t0 = time.perf_counter()
    try:
        (ds,) = solve_points(sw, [point], logger)
        digest = _write(
            sw,
            ds,
            out,
            {"points": [dict(point)], "sweep": name},
            fingerprint,
            f"solved point {point_id(point)} of sweep {name} (rule solve_point)",
        )
    except Exception:
        logger.exception("sweep %s/%s, point %s failed", study, name, point_id(point))
        raise
    _finish(logger, t0, f"content_sha256 {digest} -> {out}")
    return digest


def run_combine(
    study: str,
    name: str,
    points: Sequence[Mapping[str, Any]],
    point_files: Sequence[str],
    out_nc: str,
    out_table: str,
    log: str | None = None,
) -> str:
    """Combine the point files of a fan-out sweep into its dataset and parameter table.

    Before combining, every point file's content hash is recomputed, its ``params`` must be
    exactly its point, and the set of files must be exactly the sweep's points.
    """
    logger = job_logger(log, f"{study}.{name}.combine")
    sw = sweep(study, name)
    by_id = {point_id(p): p for p in points}
    parts: dict[str, xr.Dataset] = {}
    fingerprints = set()
    for f in point_files:
        require_verified(f)
        with xr.open_dataset(f, engine="netcdf4") as ds:
            ds.load()
        pid = Path(f).stem
        if pid not in by_id:
            raise ValueError(f"point file {f} is not a point of sweep {study}/{name}")
        expected = {"points": [by_id[pid]], "sweep": name}
        if canonical_json(json.loads(ds.attrs["params"])) != canonical_json(expected):
            raise ValueError(
                f"point {pid}: parameters in {describe_path(f)} differ from the sweep's points"
            )
        fingerprints.add(ds.attrs["code_fingerprint"])
        ds.attrs = {}
        parts[pid] = ds
    missing = sorted(set(by_id) - set(parts))
    if missing:
        raise ValueError(f"points missing from sweep {study}/{name}: {missing}")
    if len(fingerprints) != 1:
        raise RuntimeError(f"points of sweep {study}/{name} were made by different code")
    ds = combine([parts[point_id(p)] for p in points], sw.point_dims)
    write_point_table(points, out_table)
    digest = _write(
        sw,
        ds,
        out_nc,
        {"points": list(points), "sweep": name},
        fingerprints.pop(),
        f"combined {len(points)} point(s) of sweep {name} (rule combine_points)",
    )
    logger.info("combined %d points -> %s (content_sha256 %s)", len(points), out_nc, digest)
    return digest


def point_table_sha256(points: Sequence[Mapping[str, Any]]) -> str:
    """SHA-256 of the parameter table :func:`~lightmatter.dataset.write_point_table` writes for
    ``points`` (the table is rebuilt from the points, in a scratch folder, and hashed)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="lightmatter-table-") as tmp:
        table = Path(tmp) / "points.params.csv"
        write_point_table(points, table)
        return file_sha256(table)


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
                    raise RuntimeError(
                        f"{describe_path(path)}: stored content hash does not match its data"
                    )
                points = json.loads(ds.attrs["params"]).get("points")
            table = path[: -len(".nc")] + ".params.csv"
            if table in graph and "/points/" not in path:
                expected = point_table_sha256(points)
                if file_sha256(table) != expected:
                    raise RuntimeError(
                        f"{describe_path(table)}: parameter table does not list the points "
                        f"of {path}"
                    )
        entries[path] = info
    suffix = "/provenance/manifest.json"
    manifest = {
        "results": out[: -len(suffix)] if out.endswith(suffix) else str(Path(out).parent.parent),
        "lightmatter_version": __version__,
        "code_version": code_version(),
        "n_outputs": len(entries),
        "outputs": entries,
    }
    with atomic_path(out) as tmp:
        Path(tmp).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    logger.info("manifest of %d outputs -> %s", len(entries), out)


class _Tee:
    """A text stream writing to the job's log file and to the console stream it replaces.

    A failing write to the log (a full disk, ``ENOSPC``) is reported once on the console and
    the log is given up; the console copy always gets the text, so a traceback is never lost
    and the interpreter does not end with "exit status 120" (an unflushable ``stderr``).
    ``shared`` holds the log stream for every tee of the process (stdout and stderr).
    """

    def __init__(self, shared: list[Any], console: Any) -> None:
        self._shared = shared
        self._console = console

    @property
    def _log(self) -> Any:
        return self._shared[0]

    def _to_log(self, op: str, *args: Any) -> None:
        log = self._shared[0]
        if log is None:
            return
        try:
            getattr(log, op)(*args)
        except (OSError, ValueError) as err:
            self._shared[0] = None
            try:
                msg = f"lightmatter: cannot write the job log ({err}); console only\n"
                sys.__stderr__.write(msg)
                log.close()
            except (OSError, ValueError):
                pass

    def write(self, text: str) -> int:
        """Write to both; the console write is the one whose errors matter."""
        self._to_log("write", text)
        self._console.write(text)
        return len(text)

    def flush(self) -> None:
        """Flush both streams (a log that cannot be flushed is dropped)."""
        self._to_log("flush")
        self._console.flush()

    def isatty(self) -> bool:
        return False

    def log_only(self) -> Any:
        """A stream writing to the log file alone (same error handling)."""
        tee = self

        class _LogOnly:
            def write(self, text: str) -> int:
                tee._to_log("write", text)
                return len(text)

            def flush(self) -> None:
                tee._to_log("flush")

        return _LogOnly()

    def fileno(self) -> int:
        return self._console.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self._console, "encoding", "utf-8")

    @property
    def name(self) -> str:
        return getattr(self._log, "name", "<console>")


def log_to(smk: Any) -> None:
    """Send this job's stdout/stderr (warnings, tracebacks) to its Snakemake log file and to
    the console.

    Called first thing in every script run by a rule: an exception then lands in the log that
    Snakemake prints on failure (``--show-failed-logs``) and on the console, which still gets
    it when the log cannot be written (full disk).
    """
    if not getattr(smk, "log", None):
        return
    path = Path(smk.log[0])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stream: Any = open(str(path), "w", buffering=1)
    except OSError as err:
        sys.__stderr__.write(f"lightmatter: cannot open the job log {path} ({err})\n")
        stream = None
    shared = [stream]
    sys.stdout = _Tee(shared, sys.__stdout__)
    sys.stderr = _Tee(shared, sys.__stderr__)
