"""Thermal functions of the electron gas against T_e: Fig. 3a-c (``fig3a``, ``fig3b``, ``fig3c``).

For each LEDD material and the reference metal, on a log grid of the electron temperature:
the chemical potential mu(T_e) (exact, Eqs. 23-24, and 4th-order Sommerfeld), the electron heat
capacity C_e (exact Eq. 25, gamma T, gamma T + beta T^3) and the e-ph coupling G (leading order
with momentum conservation, Eq. 26; without it, Eq. 27; the T_e -> 0 limit, Eq. 28), and, on a
coarser grid, the exact double-integral G with and without momentum conservation
(``docs/ledd_ttm.md`` §1.2, §1.4 and §2.2).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import E_F, MATERIAL, check_materials, ledd_and_reference, material_of, with_material

_W = "W/(m^3 K)"
_CE = "J/(m^3 K)"

TITLE = "mu(T_e), C_e(T_e), G(T_e) (Fig. 3)"
POINT_DIMS = {"material": MATERIAL}
COORDS = {
    "Te": Var(("Te",), "K", "electron temperature"),
    "Te_full": Var(("Te_full",), "K", "electron temperature (exact G)"),
}
VARIABLES = {
    "mu": Var(("Te",), "eV", "mu(T_e), exact"),
    "mu_sommerfeld": Var(("Te",), "eV", "mu, 4th-order Sommerfeld"),
    "Ce": Var(("Te",), _CE, "C_e exact (Eq. 25)"),
    "Ce_linear": Var(("Te",), _CE, "gamma T"),
    "Ce_cubic": Var(("Te",), _CE, "gamma T + beta T^3"),
    "G_leading": Var(("Te",), _W, "G, leading order with MC (Eq. 26)"),
    "G_no_mc": Var(("Te",), _W, "G without MC (Eq. 27)"),
    "G_T0": Var(("Te",), _W, "G, MC, T_e -> 0 (Eq. 28)"),
    "G_full": Var(("Te_full",), _W, "G, exact double integral, exact MC"),
    "G_full_no_mc": Var(("Te_full",), _W, "G, exact double integral, no MC"),
    "E_F": E_F,
    "gamma": Var((), "J/(m^3 K^2)", "Sommerfeld coefficient"),
    "beta": Var((), "J/(m^3 K^4)", "cubic coefficient of C_e"),
    "gamma_exp": Var((), "J/(m^3 K^2)", "experimental Sommerfeld coefficient", allow_nan=True),
    "Tph": Var((), "K", "phonon temperature for G"),
}
RESOURCES = {"mem_mb": 1000, "runtime": 15}


def validate(section: Mapping[str, Any]) -> None:
    """The LEDD materials and the reference metal must be defined under ``materials``."""
    check_materials(section, "ledd", "reference")


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per LEDD material and the reference metal, with the grids of ``thermal``."""
    return [
        {**with_material(section, m), **section["thermal"]} for m in ledd_and_reference(section)
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Eqs. 23-28 on the T_e grid; the exact G on ``num_full`` temperatures from
    max(T_e min, T_ph + 50 K) to T_e max."""
    import numpy as np

    from lightmatter.ledd_ttm import physics

    mat = material_of(point)
    g = point["Te"]
    Te = np.geomspace(float(g["min"]), float(g["max"]), int(g["num"]))
    Tph = float(point["Tph"])
    Tf = np.geomspace(max(float(g["min"]), Tph + 50), float(g["max"]), int(point["num_full"]))
    c = physics.sommerfeld_coefficients(mat)
    return {
        "Te": Te,
        "Te_full": Tf,
        "mu": physics.chemical_potential(Te, mat),
        "mu_sommerfeld": physics.chemical_potential(Te, mat, "sommerfeld"),
        "Ce": physics.electron_heat_capacity(Te, mat),
        "Ce_linear": physics.electron_heat_capacity(Te, mat, "linear"),
        "Ce_cubic": physics.electron_heat_capacity(Te, mat, "cubic"),
        "G_leading": physics.ep_coupling(Te, Tph, mat, "exact", "leading"),
        "G_no_mc": physics.ep_coupling_limit(mat, "no_mc", Te),
        "G_T0": np.full(Te.size, physics.ep_coupling_limit(mat, "T0")),
        "G_full": physics.ep_coupling(Tf, Tph, mat, "exact", "full"),
        "G_full_no_mc": physics.ep_coupling(Tf, Tph, mat, "none", "full"),
        "E_F": mat.E_F,
        "gamma": c["gamma"],
        "beta": c["beta"],
        "gamma_exp": mat.gamma_exp,
        "Tph": Tph,
    }
