"""The ledd_ttm sweep modules: light import, config checks of material names, points."""

import copy
import subprocess
import sys
from pathlib import Path

import pytest

from lightmatter.config import load_config
from lightmatter.ledd_ttm.materials import MATERIALS
from lightmatter.sweep import points_of, sweeps_of

REPO = Path(__file__).resolve().parents[2]
PAPER = load_config([REPO / "config/config.yaml"])
TEST = load_config([REPO / "config/config.yaml", REPO / "config/test.yaml"])


def test_sweeps_import_no_numerics_and_fan_out_the_boltzmann_runs():
    code = (
        "import sys\n"
        "from lightmatter.sweep import sweeps_of\n"
        "s = sweeps_of('ledd_ttm')\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules}"
        " & {'numpy', 'scipy', 'numba', 'xarray', 'matplotlib'})\n"
        "print(sorted(s), heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    names = "['band', 'boltzmann', 'convergence', 'rates', 'thermal', 'ttm']"
    assert out.stdout.strip() == f"{names} []"
    fan = {n for n, sw in sweeps_of("ledd_ttm").items() if sw.fan_out}
    assert fan == {"boltzmann", "convergence"}


def test_default_materials_are_the_built_in_ones():
    """The config's material table equals :data:`materials.MATERIALS` (names and values)."""
    assert PAPER["ledd_ttm"]["materials"] == MATERIALS
    assert list(PAPER["ledd_ttm"]["materials"]) == list(MATERIALS)


@pytest.mark.parametrize("cfg", [PAPER, TEST], ids=["paper", "test"])
def test_configs_pass_every_check(cfg):
    for sw in sweeps_of("ledd_ttm").values():
        sw.validate(cfg["ledd_ttm"])
        assert points_of(sw, cfg["ledd_ttm"], cfg["seed"])


@pytest.mark.parametrize(
    "path,sweeps",
    [
        (("reference",), {"rates", "thermal", "ttm"}),
        (("pulse", "source"), {"ttm", "boltzmann", "convergence"}),
        (("convergence", "material"), {"convergence"}),
    ],
)
def test_unknown_material_name_is_rejected(path, sweeps):
    sec = copy.deepcopy(TEST["ledd_ttm"])
    node = sec
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = "Cu"
    key = ".".join(path)
    rejected = set()
    for name, sw in sweeps_of("ledd_ttm").items():
        try:
            sw.validate(sec)
        except ValueError as err:
            assert str(err) == f"ledd_ttm.{key} = 'Cu': unknown material; known: ITO, Au"
            rejected.add(name)
    assert rejected == sweeps


@pytest.mark.parametrize(
    "path,sweeps",
    [
        (("ledd",), {"band", "rates", "thermal", "ttm"}),
        (("boltzmann", "materials"), {"boltzmann"}),
    ],
)
def test_unknown_material_in_a_list_is_rejected_with_its_index(path, sweeps):
    sec = copy.deepcopy(TEST["ledd_ttm"])
    node = sec
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = [*node[path[-1]], "Cu"]
    where = f"{'.'.join(path)}[{len(node[path[-1]]) - 1}]"
    rejected = set()
    for name, sw in sweeps_of("ledd_ttm").items():
        try:
            sw.validate(sec)
        except ValueError as err:
            assert str(err) == f"ledd_ttm.{where} = 'Cu': unknown material; known: ITO, Au"
            rejected.add(name)
    assert rejected == sweeps


def test_a_material_added_by_config_alone_is_accepted():
    sec = copy.deepcopy(TEST["ledd_ttm"])
    sec["materials"]["AZO"] = {**sec["materials"]["ITO"], "n_e": 5.0e26}
    sec["ledd"] = ["ITO", "AZO"]
    for sw in sweeps_of("ledd_ttm").values():
        sw.validate(sec)
    band = points_of(sweeps_of("ledd_ttm")["band"], sec, 0)
    assert [p["material"] for p in band] == ["ITO", "AZO"]
    assert band[1]["material_params"]["n_e"] == 5.0e26


def test_snapshots_outside_the_time_window_are_rejected():
    sec = copy.deepcopy(TEST["ledd_ttm"])
    sec["boltzmann"]["snapshots_fwhm"] = [-1.0, 5.0]  # 5 x 200 fs > t_max = 800 fs
    with pytest.raises(ValueError, match=r"ledd_ttm\.boltzmann\.snapshots_fwhm\[1\] = 5\.0"):
        sweeps_of("ledd_ttm")["boltzmann"].validate(sec)


def test_points_carry_their_materials_and_grids():
    sec, sw = PAPER["ledd_ttm"], sweeps_of("ledd_ttm")
    assert [p["material"] for p in points_of(sw["thermal"], sec, 0)] == ["ITO", "Au"]
    ttm = points_of(sw["ttm"], sec, 0)
    assert all(p["source"] == "ITO" and p["source_params"] == MATERIALS["ITO"] for p in ttm)
    conv = points_of(sw["convergence"], sec, 0)
    # every grid at the first step, the finest grid at the further steps;
    # ee_ratio = max(1, M // ee_per_photon)
    expected = [(30, 1, 2.0), (60, 1, 2.0), (120, 2, 2.0), (240, 4, 2.0), (240, 4, 0.5)]
    assert [(p["per_photon"], p["ee_ratio"], p["dt_pulse"]) for p in conv] == expected
    assert [p["case"] for p in conv] == list(range(5))
    (bz_ito, bz_au) = points_of(sw["boltzmann"], sec, 0)
    assert (bz_ito["material"], bz_au["material"]) == ("ITO", "Au")
    assert bz_ito["per_photon"] == 240 and bz_ito["ee_ratio"] == 4
