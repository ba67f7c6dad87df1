"""Building, combining and tabulating sweep datasets (data flow steps 2-3, ``docs/design.md``).

:func:`build` turns what a sweep's ``solve`` returns into an :class:`xarray.Dataset` from the
module's declarative specs (``POINT_DIMS``, ``COORDS``, ``VARIABLES``), so no sweep shapes a
dataset by hand; :func:`combine` joins the points of a sweep along its point dimensions;
:func:`write_point_table` / :func:`read_point_table` store the parameter table (one row per
point, exact values). Part of every sweep's fingerprint: a change here reruns every sweep.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import xarray as xr

from lightmatter.canonical import point_id
from lightmatter.provenance import atomic_path
from lightmatter.spec import Var

__all__ = ["POINT_ID", "build", "combine", "read_point_table", "write_point_table"]

#: The variable every dataset carries: which point each value came from.
POINT_ID = Var((), "1", "point identifier (first 12 hex digits of SHA-256 of its parameters)")


def build(
    name: str,
    point_dims: Mapping[str, Var],
    coords: Mapping[str, Var],
    variables: Mapping[str, Var],
    point: Mapping[str, Any],
    pid: str,
    values: Mapping[str, Any],
) -> xr.Dataset:
    """One point's dataset from the solver's ``values`` and the sweep's specs.

    Every declared coordinate and variable must be returned, nothing else; each gets its
    ``units`` and ``long_name`` (and ``allow_nan``). The point dimensions become length-1
    coordinates holding the point's parameter values, and ``point_id`` records the point.
    """
    declared = set(coords) | set(variables)
    got = set(values)
    if got != declared:
        raise ValueError(
            f"sweep {name}: solve returned {sorted(got - declared)} undeclared and lacks "
            f"{sorted(declared - got)}"
        )

    def _var(spec: Var, key: str) -> tuple[tuple[str, ...], Any, dict[str, Any]]:
        arr = np.asarray(values[key])
        if arr.ndim != len(spec.dims):
            raise ValueError(
                f"sweep {name}: {key} has {arr.ndim} dimension(s), declared {spec.dims}"
            )
        return spec.dims, arr, spec.attrs()

    ds = xr.Dataset(
        {k: _var(v, k) for k, v in variables.items()},
        coords={k: _var(v, k) for k, v in coords.items()},
    )
    dims = list(point_dims)
    if dims:
        ds = ds.expand_dims({d: [point[d]] for d in dims})
        for d in dims:
            ds[d].attrs.update(point_dims[d].attrs())
    ds["point_id"] = xr.DataArray(
        np.array(pid, dtype=object).reshape((1,) * len(dims)), dims=dims, attrs=POINT_ID.attrs()
    )
    return ds


def combine(datasets: Sequence[xr.Dataset], point_dims: Sequence[str]) -> xr.Dataset:
    """Combine the points of a sweep along its point dimensions (sorted by them)."""
    if not datasets:
        raise ValueError("no point datasets to combine")
    if not point_dims:
        if len(datasets) != 1:
            raise ValueError("a sweep without point dimensions must have exactly one point")
        return datasets[0]
    combined = xr.combine_by_coords(
        list(datasets),
        combine_attrs="drop_conflicts",
        data_vars="all",
        coords="different",
        compat="no_conflicts",
        join="outer",
    )
    assert isinstance(combined, xr.Dataset)
    return combined.sortby(list(point_dims))


def _cell(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def write_point_table(points: Sequence[Mapping[str, Any]], path: str | Path) -> None:
    """Write a sweep's parameter table as CSV, atomically and deterministically.

    One row per point in config order: ``point_id``, then the parameter names sorted. Every
    non-string cell is JSON (shortest round-trip floats), so :func:`read_point_table` gives
    back the exact points.
    """
    if not points:
        raise ValueError(f"no points to write to {path}")
    columns = sorted({k for p in points for k in p})
    with atomic_path(path) as tmp, open(tmp, "w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["point_id", *columns])
        for p in points:
            writer.writerow([point_id(p), *(_cell(p[c]) if c in p else "" for c in columns)])


def read_point_table(path: str | Path) -> list[dict[str, Any]]:
    """Read a parameter table back into its list of points (exact values, ids checked)."""
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    out: list[dict[str, Any]] = []
    for row in rows:
        pid = row.pop("point_id")
        point: dict[str, Any] = {}
        for k, v in row.items():
            if v == "":
                continue
            try:
                point[k] = json.loads(v)
            except json.JSONDecodeError:
                point[k] = v
        if point_id(point) != pid:
            raise ValueError(f"{path}: point {pid} does not match its parameters")
        out.append(point)
    return out
