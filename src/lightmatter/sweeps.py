"""Sweep and case bookkeeping shared by every study (ARCHITECTURE.md, data flow steps 1-3).

A *sweep* is a named family of parameter *points* that share a solver and output layout. Points
are grouped into *cases* (chunks of ``points_per_job`` consecutive points): one case is one
solver job and one NetCDF file, so cheap points are bundled until a job does a useful amount of
work while an expensive point can still be a job of its own. Random numbers are seeded per
point (from its point id), so the chunking never changes the numbers. A study declares its
sweeps as :class:`Sweep` objects; each knows

* how to turn the study's config section into a case table (a pure function of the config, so
  the Snakemake DAG is known before anything runs),
* which package modules its solver depends on (hashed into the code fingerprint that goes into
  the solver rule's ``params:``),
* the case dimensions along which the aggregation concatenates the per-case datasets.

The aggregation (:func:`aggregate`) combines case files with :func:`xarray.combine_by_coords`
after checking that every case listed in the parameter table is present with exactly the
parameters recorded in the table.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import xarray as xr

from lightmatter.provenance import atomic_path, canonical_json, case_id, code_fingerprint, plain

__all__ = [
    "Sweep",
    "aggregate",
    "case_params",
    "expand_case_dims",
    "read_case_table",
    "rng_for",
    "seed_for",
    "write_case_table",
]

CaseList = list[dict[str, Any]]


@dataclass(frozen=True)
class Sweep:
    """Declaration of one sweep of a study.

    Attributes
    ----------
    name: sweep key (used in file names: ``results/<study>/cases/<name>/<case_id>.nc``).
    cases: function of (study config section, root seed) returning the list of parameter
        points (dicts of plain JSON values; stochastic points include the seed so that changing
        it reruns exactly them).
    solve: function of (point parameter dict, point_id) returning an :class:`xarray.Dataset`
        whose case dimensions are length-1 coordinates (see :func:`expand_case_dims`).
    case_dims: dimensions along which points and cases are combined.
    modules: package modules whose source the solver depends on (for the code fingerprint).
    title: human-readable description used as the NetCDF ``title``.
    mem_mb, runtime_min: resource declaration of one solver job.
    points_per_job: how many consecutive points one case (job) solves.
    """

    name: str
    cases: Callable[[Mapping[str, Any], int], CaseList]
    solve: Callable[[Mapping[str, Any], str], xr.Dataset]
    case_dims: tuple[str, ...]
    modules: tuple[str, ...]
    title: str
    mem_mb: int = 1000
    runtime_min: int = 10
    points_per_job: int = 1

    def fingerprint(self) -> str:
        """Code fingerprint of this sweep's solver (SHA-256 of its modules' source)."""
        return code_fingerprint((*self.modules, "lightmatter.sweeps"))


def rng_for(params: Mapping[str, Any], point_id: str) -> np.random.Generator:
    """A point's random generator: ``default_rng([seed, int(point_id, 16)])`` (ARCHITECTURE.md).

    ``params`` must contain the root ``seed`` (stochastic points carry it as a parameter, so
    changing the seed reruns exactly them).
    """
    return np.random.default_rng([int(params["seed"]), int(point_id, 16)])


def seed_for(params: Mapping[str, Any], point_id: str) -> int:
    """A 32-bit integer seed from the root seed and the point id (for APIs that take ints)."""
    ss = np.random.SeedSequence([int(params["seed"]), int(point_id, 16)])
    return int(ss.generate_state(1)[0])


def point_params(sweep: Sweep, section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """The sweep's parameter points in config order, key-sorted, each with ``sweep``."""
    points = [_sorted(plain({**p, "sweep": sweep.name})) for p in sweep.cases(section, seed)]
    ids = [case_id(p) for p in points]
    if len(set(ids)) != len(ids):
        raise ValueError(f"sweep {sweep.name!r}: two parameter points are identical")
    if not points:
        raise ValueError(f"sweep {sweep.name!r} has no parameter points")
    return points


def case_params(sweep: Sweep, section: Mapping[str, Any], seed: int) -> dict[str, dict[str, Any]]:
    """Mapping case_id -> case parameters ``{"sweep": name, "points": [point, ...]}``.

    Points are chunked in config order, ``points_per_job`` at a time. Keys are sorted at every
    level and cases ordered by case_id: Snakemake compares ``params`` including dict order, so
    a reordering (or a YAML round trip of the config) must not look like a parameter change.
    """
    points = point_params(sweep, section, seed)
    size = max(1, int(sweep.points_per_job))
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(points), size):
        case = {"points": points[start : start + size], "sweep": sweep.name}
        out[case_id(case)] = case
    return {cid: out[cid] for cid in sorted(out)}


def _sorted(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _sorted(obj[k]) for k in sorted(obj)}
    if isinstance(obj, list):
        return [_sorted(v) for v in obj]
    return obj


def solve_case(sweep: Sweep, case: Mapping[str, Any]) -> xr.Dataset:
    """Solve every point of a case and combine them along the sweep's case dimensions."""
    parts = [sweep.solve(point, case_id(point)) for point in case["points"]]
    if len(parts) == 1:
        return parts[0]
    if not sweep.case_dims:
        raise ValueError(f"sweep {sweep.name!r} has no case dimensions to combine points along")
    combined = xr.combine_by_coords(parts, combine_attrs="drop_conflicts", join="outer")
    assert isinstance(combined, xr.Dataset)
    return combined.sortby(list(sweep.case_dims))


def _cell(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def write_case_table(cases: Mapping[str, Mapping[str, Any]], path: str | Path) -> None:
    """Write the parameter table of a sweep as CSV, atomically and deterministically.

    One row per parameter point: ``case_id`` (the job and file it belongs to), ``point_id``,
    then the parameter names sorted. Every non-string cell is JSON (shortest round-trip floats),
    so :func:`read_case_table` gives back the exact case parameters.
    """
    if not cases:
        raise ValueError(f"no cases to write to {path}")
    rows = [(cid, pt) for cid in sorted(cases) for pt in cases[cid]["points"]]
    columns = sorted({k for _, pt in rows for k in pt})
    with atomic_path(path) as tmp, open(tmp, "w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["case_id", "point_id", *columns])
        for cid, pt in rows:
            writer.writerow([cid, case_id(pt), *(_cell(pt[c]) if c in pt else "" for c in columns)])


def read_case_table(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read a parameter table back into case_id -> ``{"sweep", "points"}`` (exact values)."""
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        cid = row.pop("case_id")
        pid = row.pop("point_id")
        point: dict[str, Any] = {}
        for k, v in row.items():
            if v == "":
                continue
            try:
                point[k] = json.loads(v)
            except json.JSONDecodeError:
                point[k] = v
        if case_id(point) != pid:
            raise ValueError(f"{path}: point {pid} does not match its parameters")
        case = out.setdefault(cid, {"points": [], "sweep": point["sweep"]})
        case["points"].append(point)
    return out


def expand_case_dims(
    ds: xr.Dataset, coords: Mapping[str, tuple[Any, dict[str, str]]], cid: str
) -> xr.Dataset:
    """Give a per-case dataset its length-1 case dimensions and a ``case_id`` variable.

    ``coords`` maps each case dimension to ``(value, {"units": ..., "long_name": ...})``.
    """
    dims = list(coords)
    ds = ds.expand_dims({d: [coords[d][0]] for d in dims})
    for d in dims:
        ds[d].attrs.update(coords[d][1])
    if len(dims) > 2:
        raise ValueError("at most two case dimensions are supported")
    ds["case_id"] = xr.DataArray(np.array(cid, dtype=object).reshape((1,) * len(dims)), dims=dims)
    ds["case_id"].attrs.update({"units": "1", "long_name": "case identifier (hash of parameters)"})
    return ds


def aggregate(
    case_files: Sequence[str | Path],
    table_path: str | Path,
    case_dims: Sequence[str],
) -> tuple[xr.Dataset, dict[str, dict[str, Any]]]:
    """Combine per-case NetCDF files into one dataset along ``case_dims``.

    Checks, before combining, that the set of case files equals the case table and that each
    file's ``params`` attribute equals the table row (so a stale case cannot slip in).
    Returns the combined dataset (global attributes dropped; the caller sets provenance) and the
    table's case parameters.
    """
    table = read_case_table(table_path)
    found: dict[str, xr.Dataset] = {}
    for f in case_files:
        with xr.open_dataset(f, engine="netcdf4") as ds:
            ds.load()
        params = json.loads(ds.attrs["params"])
        cid = Path(f).stem
        if cid not in table:
            raise ValueError(f"case file {f} is not in the case table {table_path}")
        if canonical_json(params) != canonical_json(table[cid]):
            raise ValueError(f"case {cid}: parameters in {f} differ from {table_path}")
        ds.attrs = {}
        found[cid] = ds
    missing = sorted(set(table) - set(found))
    if missing:
        raise ValueError(f"cases missing from aggregation: {missing}")
    datasets = [found[c] for c in sorted(found)]
    if case_dims:
        combined = xr.combine_by_coords(
            datasets,
            combine_attrs="drop_conflicts",
            data_vars="all",
            coords="different",
            compat="no_conflicts",
            join="outer",
        )
    else:
        if len(datasets) != 1:
            raise ValueError("a sweep without case dimensions must have exactly one case")
        combined = datasets[0]
    assert isinstance(combined, xr.Dataset)
    combined = combined.sortby(list(case_dims)) if case_dims else combined
    return combined, table
