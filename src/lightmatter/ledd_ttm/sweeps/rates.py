"""Electron-phonon and electron-electron collision rates of thermal electrons: Fig. 1b-c
(``fig1b``, ``fig1c``).

For each LEDD material at the temperature ``rates.T``: the e-ph rate with exact momentum
conservation (Eq. 12), with the E_max of Eq. 11, without momentum conservation and its
classical-phonon approximation (Eq. 13); the Fermi-liquid e-e rate (Eq. 18) for the Kane band and
for C = 0, the e-e rate from the full collision integral on the BE grid (functional
derivative), and the reference metal's rates for comparison (``docs/ledd_ttm.md`` §1.4-1.5).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import (
    E_F,
    EPS,
    EPS_STAR_GRID,
    MATERIAL,
    check_materials,
    material_of,
    pulse_of,
    with_material,
)

_R = "1/s"
_K = "1/(s eV^2)"

TITLE = "e-ph and e-e collision rates (Fig. 1b-c)"
POINT_DIMS = {"material": MATERIAL}
COORDS = {
    "eps": EPS,
    "eps_grid": Var(("eps_grid",), "eV", "grid energy (e-e integral)"),
    "x_ref": Var(("x_ref",), "eV", "energy relative to E_F (reference metal)"),
}
VARIABLES = {
    "eph_exact": Var(("eps",), _R, "e-ph rate, exact MC (Eq. 12)"),
    "eph_paper": Var(("eps",), _R, "e-ph rate, E_max of Eq. 11"),
    "eph_none": Var(("eps",), _R, "e-ph rate, no MC"),
    "eph_approx": Var(("eps",), _R, "e-ph rate, Eq. 13 analogue"),
    "ee_fl": Var(("eps",), _R, "e-e rate, Fermi liquid (Eq. 18)"),
    "ee_fl_parabolic": Var(("eps",), _R, "e-e rate, Fermi liquid with C = 0 (same eps - E_F)"),
    "ee_grid": Var(("eps_grid",), _R, "e-e rate from the full integral (grid)"),
    "ee_fl_ref": Var(("x_ref",), _R, "e-e rate of the reference metal, Fermi liquid"),
    "eph_ref_EF": Var((), _R, "e-ph rate of the reference metal at E_F"),
    "K_FL": Var((), _K, "Fermi-liquid coefficient"),
    "K_FL_parabolic": Var((), _K, "K_FL with C = 0"),
    "K_FL_ref": Var((), _K, "K_FL of the reference"),
    "K_FL_ratio": Var((), "1", "K_FL / K_FL of the reference (e-e rate ratio at equal E - mu, T)"),
    "E_F": E_F,
    "eps_star": EPS_STAR_GRID,
    "T": Var((), "K", "electron and phonon temperature"),
}


def validate(section: Mapping[str, Any]) -> None:
    """The LEDD materials and the reference metal must be defined under ``materials``."""
    check_materials(section, "ledd", "reference")


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per LEDD material, carrying the reference metal and the pulse (photon energy
    of the e-e grid)."""
    ref = section["reference"]
    return [
        {
            **with_material(section, m),
            **with_material(section, ref, "reference"),
            **section["rates"],
            "pulse": section["pulse"],
        }
        for m in section["ledd"]
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Eqs. 12-13 and 18 on eps in (0, eps_max], the full e-e integral on a BE grid with
    ``ee_per_photon`` cells per photon energy, and the reference metal's rates."""
    import numpy as np

    from lightmatter.ledd_ttm import boltzmann, physics

    mat, ref = material_of(point), material_of(point, "reference")
    par = mat.parabolic()
    T = float(point["T"])
    num, eps_max = int(point["num"]), float(point["eps_max"])
    eps = np.linspace(eps_max / num, eps_max, num)
    grid = boltzmann.make_grid(
        mat, pulse_of(point).hbar_omega, int(point["ee_per_photon"]), e_above=eps_max - mat.E_F
    )
    x = eps - mat.E_F
    x_ref = np.linspace(-1.0, 1.0, 81)
    return {
        "eps": eps,
        "eps_grid": grid.eps,
        "x_ref": x_ref,
        "eph_exact": physics.eph_rate(eps, T, mat, "exact"),
        "eph_paper": physics.eph_rate(eps, T, mat, "paper"),
        "eph_none": physics.eph_rate(eps, T, mat, "none"),
        "eph_approx": physics.eph_rate_approx(eps, T, mat),
        "ee_fl": physics.ee_rate_fermi_liquid(eps, T, mat),
        "ee_fl_parabolic": physics.ee_rate_fermi_liquid(x + par.E_F, T, par),
        "ee_grid": boltzmann.thermal_ee_rates(T, grid, mat),
        "ee_fl_ref": physics.ee_rate_fermi_liquid(x_ref + ref.E_F, T, ref),
        "eph_ref_EF": float(physics.eph_rate(ref.E_F, T, ref, "exact")[0]),
        "K_FL": (k_fl := physics.fermi_liquid_coefficient(mat)),
        "K_FL_parabolic": physics.fermi_liquid_coefficient(par),
        "K_FL_ref": (k_ref := physics.fermi_liquid_coefficient(ref)),
        "K_FL_ratio": k_fl / k_ref,
        "E_F": mat.E_F,
        "eps_star": physics.eps_star_on_grid(eps, mat),
        "T": T,
    }
