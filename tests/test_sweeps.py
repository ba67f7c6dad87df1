"""Sweeps: chunking points into jobs changes neither numbers nor randomness; aggregation checks."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import xarray as xr
import yaml

from lightmatter.cl_superbunching import cases as cl
from lightmatter.jobs import run_aggregate, run_params, run_solver
from lightmatter.sweeps import Sweep, case_params, expand_case_dims, rng_for, solve_case

from .conftest import REPO

CFG = yaml.safe_load((REPO / "config" / "test.yaml").read_text())


def _noise_points(sec, seed):
    return [{"x": float(x), "seed": seed} for x in sec["xs"]]


def _noise_solve(p, pid):
    rng = rng_for(p, pid)
    ds = xr.Dataset({"z": ("k", rng.normal(size=4), {"units": "1", "long_name": "noise"})})
    ds["k"] = ("k", np.arange(4), {"units": "1", "long_name": "index"})
    return expand_case_dims(ds, {"x": (p["x"], {"units": "1", "long_name": "x"})}, pid)


NOISE = Sweep("noise", _noise_points, _noise_solve, ("x",), ("lightmatter.sweeps",), "noise")


def _solve_all(sweep, section, seed):
    parts = [solve_case(sweep, c) for c in case_params(sweep, section, seed).values()]
    return xr.combine_by_coords(parts).sortby(list(sweep.case_dims))


@pytest.mark.parametrize("size", [1, 2, 5])
def test_chunking_does_not_change_random_numbers(size):
    section = {"xs": [0.5, 1.5, 2.5, 3.5, 4.5]}
    ref = _solve_all(NOISE, section, 11)
    got = _solve_all(dataclasses.replace(NOISE, points_per_job=size), section, 11)
    assert len(case_params(dataclasses.replace(NOISE, points_per_job=size), section, 11)) == (
        -(-5 // size)
    )
    xr.testing.assert_identical(ref.drop_vars("case_id"), got.drop_vars("case_id"))
    assert not np.allclose(ref.z.values[0], ref.z.values[1]), "points must get distinct streams"


def test_chunked_physics_sweep_equals_point_by_point():
    sweep = cl.SWEEPS["g2_delay"]
    sec, seed = CFG["cl_superbunching"], CFG["seed"]
    one = dataclasses.replace(sweep, points_per_job=1)
    assert len(case_params(sweep, sec, seed)) == 1
    assert len(case_params(one, sec, seed)) == len(sec["g2_delay"]["N"]) * len(
        sec["g2_delay"]["gamma_tau"]
    )
    xr.testing.assert_identical(_solve_all(sweep, sec, seed), _solve_all(one, sec, seed))


def test_aggregate_rejects_a_stale_case_file(tmp_path):
    """A case file whose parameters differ from the table must not be aggregated."""
    sweep = dataclasses.replace(cl.SWEEPS["g2_zero"], points_per_job=1)
    sec, seed = CFG["cl_superbunching"], CFG["seed"]
    cases = case_params(sweep, sec, seed)
    table = tmp_path / "table.csv"
    run_params("cl_superbunching", "g2_zero", cases, str(table))
    # solve with the real (chunked) sweep declaration but one-point cases from the table
    files = []
    for cid, case in cases.items():
        out = tmp_path / f"{cid}.nc"
        run_solver("cl_superbunching", case, cid, cl.SWEEPS["g2_zero"].fingerprint(), str(out))
        files.append(str(out))
    run_aggregate("cl_superbunching", "g2_zero", files, str(table), str(tmp_path / "agg.nc"))
    # now the table changes (another grid) but a stale file is offered
    edited = {
        **sec,
        "g2_zero": {**sec["g2_zero"], "gamma_tau": {"min": 0.01, "max": 1.0, "num": 3}},
    }
    run_params("cl_superbunching", "g2_zero", case_params(sweep, edited, seed), str(table))
    with pytest.raises(ValueError, match="not in the case table"):
        run_aggregate("cl_superbunching", "g2_zero", files, str(table), str(tmp_path / "b.nc"))
    assert not (tmp_path / "b.nc").exists()


def test_solver_refuses_mismatched_fingerprint(tmp_path):
    sec, seed = CFG["cl_superbunching"], CFG["seed"]
    cid, case = next(iter(case_params(cl.SWEEPS["g2_zero"], sec, seed).items()))
    with pytest.raises(RuntimeError, match="fingerprint"):
        run_solver("cl_superbunching", case, cid, "0" * 64, str(tmp_path / "x.nc"))
    assert not (tmp_path / "x.nc").exists()
