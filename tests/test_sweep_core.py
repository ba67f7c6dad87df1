"""The sweep core: points, dataset building, job grouping, verified combination, fingerprints.

Physics-free: a synthetic sweep module draws seeded noise, so these tests check only the
contracts of docs/design.md (a point's numbers do not depend on which job solves it; a stale
or edited point file is refused; fingerprints follow code, not comments or resources).
"""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from lightmatter import fingerprint as fp
from lightmatter import jobs
from lightmatter.canonical import point_id
from lightmatter.dataset import build, combine, read_point_table, write_point_table
from lightmatter.spec import Var
from lightmatter.sweep import Sweep, points_of, sweeps_of

from .conftest import REPO


def _noise_module() -> types.ModuleType:
    mod = types.ModuleType("noise_sweep", "Seeded noise: a synthetic sweep for the core tests.")

    def points(section, seed):
        return [{"x": float(x), "seed": seed} for x in section["xs"]]

    def solve(point, pid):
        from lightmatter.seeding import rng_for

        return {"k": np.arange(4), "z": rng_for(point, pid).normal(size=4)}

    mod.TITLE = "noise"
    mod.POINT_DIMS = {"x": Var(("x",), "1", "x")}
    mod.COORDS = {"k": Var(("k",), "1", "index")}
    mod.VARIABLES = {"z": Var(("k",), "1", "noise")}
    mod.points, mod.solve = points, solve
    return mod


NOISE = Sweep("synthetic", "noise", _noise_module())
SECTION = {"xs": [0.5, 1.5, 2.5, 3.5, 4.5]}


def test_a_points_numbers_do_not_depend_on_how_points_are_grouped_into_jobs():
    pts = points_of(NOISE, SECTION, 11)
    together = combine(jobs.solve_points(NOISE, pts), NOISE.point_dims)
    one_by_one = combine(
        [jobs.solve_points(NOISE, [p])[0] for p in reversed(pts)], NOISE.point_dims
    )
    xr.testing.assert_identical(together, one_by_one)
    z = together.z.values
    assert not np.allclose(z[0], z[1]), "points must get distinct random streams"
    assert list(together.point_id.values) == [point_id(p) for p in pts]


def test_the_root_seed_changes_the_stochastic_numbers():
    a = combine(jobs.solve_points(NOISE, points_of(NOISE, SECTION, 11)), NOISE.point_dims)
    b = combine(jobs.solve_points(NOISE, points_of(NOISE, SECTION, 12)), NOISE.point_dims)
    assert not np.allclose(a.z.values, b.z.values)


def test_points_are_rejected_when_equal_or_empty_or_lacking_a_dimension():
    with pytest.raises(ValueError, match="identical"):
        points_of(NOISE, {"xs": [1.0, 1.0]}, 1)
    with pytest.raises(ValueError, match="no parameter points"):
        points_of(NOISE, {"xs": []}, 1)
    mod = _noise_module()
    mod.points = lambda section, seed: [{"y": 1.0}]
    with pytest.raises(ValueError, match="lacks"):
        points_of(Sweep("synthetic", "bad", mod), {}, 1)


def test_build_insists_on_the_declared_variables_and_dimensions():
    point = {"x": 1.0, "seed": 1, "sweep": "noise"}
    args = ("s/noise", NOISE.point_dims_spec, NOISE.coords, NOISE.variables, point, "0" * 12)
    ds = build(*args, {"k": np.arange(4), "z": np.ones(4)})
    assert ds.z.attrs == {"units": "1", "long_name": "noise"} and ds.x.attrs["long_name"] == "x"
    assert ds.z.dims == ("x", "k") and ds.point_id.dims == ("x",)
    with pytest.raises(ValueError, match="undeclared"):
        build(*args, {"k": np.arange(4), "z": np.ones(4), "extra": 1.0})
    with pytest.raises(ValueError, match="lacks"):
        build(*args, {"k": np.arange(4)})
    with pytest.raises(ValueError, match="dimension"):
        build(*args, {"k": np.arange(4), "z": np.ones((2, 2))})


def test_point_table_roundtrips_exactly(tmp_path):
    pts = [
        {"N": 2, "gamma_tau": 0.001, "M": [4, 8], "law": "monte_carlo", "sweep": "s"},
        {"N": 5, "gamma_tau": 1e-7, "M": [2], "law": "weak_clipped", "sweep": "s"},
        {"N": 7, "gamma_tau": 0.1, "sweep": "s"},
    ]
    write_point_table(pts, tmp_path / "t.csv")
    assert read_point_table(tmp_path / "t.csv") == pts


def _point_files(tmp_path, sw, pts, fingerprint):
    files = []
    for p in pts:
        out = tmp_path / "points" / f"{point_id(p)}.nc"
        jobs.run_point(sw.study, sw.name, p, fingerprint, str(out))
        files.append(str(out))
    return files


@pytest.fixture()
def cl_points():
    from lightmatter.config import load_config

    cfg = load_config([REPO / "config/config.yaml", REPO / "config/test.yaml"])
    sw = sweeps_of("cl_superbunching")["g2_zero"]
    return sw, points_of(sw, cfg["cl_superbunching"], cfg["seed"])


def test_fan_out_and_one_job_give_the_same_dataset(tmp_path, cl_points):
    sw, pts = cl_points
    files = _point_files(tmp_path, sw, pts, sw.fingerprint())
    jobs.run_combine(sw.study, sw.name, pts, files, str(tmp_path / "a.nc"), str(tmp_path / "a.csv"))
    jobs.run_sweep(
        sw.study, sw.name, pts, sw.fingerprint(), str(tmp_path / "b.nc"), str(tmp_path / "b.csv")
    )
    with xr.open_dataset(tmp_path / "a.nc") as a, xr.open_dataset(tmp_path / "b.nc") as b:
        xr.testing.assert_identical(a.load().drop_attrs(), b.load().drop_attrs())
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_combine_refuses_stale_and_edited_point_files(tmp_path, cl_points):
    sw, pts = cl_points
    files = _point_files(tmp_path, sw, pts, sw.fingerprint())
    out, table = str(tmp_path / "c.nc"), str(tmp_path / "c.csv")
    # a point of another configuration offered in place of a current one
    other = [{**pts[0], "num": pts[0]["num"] + 1}]
    stale = _point_files(tmp_path / "stale", sw, other, sw.fingerprint())
    with pytest.raises(ValueError, match="not a point"):
        jobs.run_combine(sw.study, sw.name, pts, [*files[1:], *stale], out, table)
    # a point file whose numbers were edited after it was written
    with xr.open_dataset(files[0]) as ds:
        edited = ds.load()
    edited["g2_zero"].values[0, 0] += 1e-9
    Path(files[0]).unlink()
    edited.to_netcdf(files[0])
    with pytest.raises(RuntimeError, match="content hash"):
        jobs.run_combine(sw.study, sw.name, pts, files, out, table)
    assert not Path(out).exists() and not Path(table).exists()


def test_a_job_refuses_a_mismatched_fingerprint(tmp_path, cl_points):
    sw, pts = cl_points
    with pytest.raises(RuntimeError, match="fingerprint"):
        jobs.run_sweep(
            sw.study, sw.name, pts, "0" * 64, str(tmp_path / "x.nc"), str(tmp_path / "x.csv")
        )
    assert not list(tmp_path.iterdir())


MODULE = '''"""Docstring."""
import math
from lightmatter.spec import Var

RESOURCES = {"mem_mb": 1000, "runtime": 5}
RATE = 2.0


def solve(point, pid):
    """Eq. 1."""
    return {"y": RATE * math.pi}  # a comment
'''


@pytest.mark.parametrize(
    "edit, changes",
    [
        (lambda s: s.replace("# a comment", "# another comment"), False),
        (lambda s: s.replace('"""Eq. 1."""', '"""Eq. 2, reworded."""'), False),
        (lambda s: s.replace('"""Docstring."""', ""), False),
        (lambda s: s.replace('"mem_mb": 1000', '"mem_mb": 9000'), False),
        (lambda s: s.replace("RATE * math.pi", "RATE*math.pi"), False),
        (lambda s: s.replace("RATE = 2.0", "RATE = 2.5"), True),
        (lambda s: s.replace("math.pi", "math.e"), True),
    ],
)
def test_normalised_source_ignores_comments_docstrings_resources_formatting(
    tmp_path, edit, changes
):
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text(MODULE)
    b.write_text(edit(MODULE))
    assert (fp.normalised_source(a) != fp.normalised_source(b)) is changes


def test_fingerprints_follow_imports_and_nothing_else():
    closure = {s: set(fp.import_closure([sw.module.__name__])) for s, sw in _all_sweeps().items()}
    model3 = "lightmatter.cl_superbunching.model3"
    users = {s for s, mods in closure.items() if model3 in mods}
    assert ("cl_superbunching", "model3_fit") in users
    assert ("cl_superbunching", "g2_zero") not in users  # Model 1 only
    assert all(s[0] == "cl_superbunching" for s in users)
    # every sweep imports its physics: the closure reaches beyond the sweeps package
    for (study, name), mods in closure.items():
        assert any(f"lightmatter.{study}." in m and ".sweeps" not in m for m in mods), name


def _all_sweeps() -> dict[tuple[str, str], Sweep]:
    from lightmatter import registry

    return {(st, n): sw for st in registry.studies() for n, sw in sweeps_of(st).items()}


def test_parsing_imports_no_physics():
    """What the Snakefile does at parse time: registry, config validation, every sweep's
    points and fingerprint. None of numba, scipy, qutip, xarray or matplotlib may load."""
    code = (
        "import sys\n"
        "from lightmatter import registry\n"
        "from lightmatter.config import load_config, validate_config\n"
        "from lightmatter.provenance_graph import provenance_graph\n"
        f"cfg = load_config([{str(REPO / 'config/config.yaml')!r}])\n"
        f"validate_config(cfg, {str(REPO / 'config/schema.yaml')!r}, registry.studies())\n"
        "g = provenance_graph(cfg)\n"
        "from lightmatter.sweep import sweeps_of\n"
        "[sw.fingerprint() for st in registry.studies() for sw in sweeps_of(st).values()]\n"
        "heavy = {'numba', 'scipy', 'qutip', 'xarray', 'matplotlib', 'pandas'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_the_closure_follows_every_import_form():
    """``import a.b``, ``from a import module``, ``from a.b import name`` and relative imports
    inside functions all count (model3 imports names from model2 and markov; g2_zero imports
    names from its package's ``_common`` and ``model1`` as a module inside ``solve``)."""
    m3 = fp.import_closure(["lightmatter.cl_superbunching.model3"])
    assert {"lightmatter.cl_superbunching.model2", "lightmatter.markov"} <= set(m3)
    g2 = fp.import_closure(["lightmatter.cl_superbunching.sweeps.g2_zero"])
    assert {
        "lightmatter.cl_superbunching.sweeps._common",
        "lightmatter.cl_superbunching.model1",
        "lightmatter.spec",
    } <= set(g2)
    assert "lightmatter.cl_superbunching" not in g2  # the lazy package __init__ computes nothing
