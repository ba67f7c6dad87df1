"""Kane band and eDOS of the LEDD materials against the parabolic band: Fig. 1a (``fig1a``).

For each material of ``ledd``, the density of states of the Kane non-parabolic band (Eq. 2) and
of the parabolic band with the same band-edge mass (C = 0), the wave number k(eps) and the
momentum-conservation cut-off E_max of Eq. 11 on a linear energy grid, with the Fermi and Debye
wave numbers (``docs/ledd_ttm.md`` §1.1 and §2.2).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import E_F, EPS, EPS_STAR_GRID, MATERIAL, check_materials, material_of, with_material

TITLE = "eDOS of the Kane band vs parabolic band (Fig. 1a)"
POINT_DIMS = {"material": MATERIAL}
COORDS = {"eps": EPS}
VARIABLES = {
    "dos": Var(("eps",), "1/(eV m^3)", "eDOS, Kane band (Eq. 2)"),
    "dos_parabolic": Var(("eps",), "1/(eV m^3)", "eDOS, C = 0 (same m*)"),
    "k": Var(("eps",), "1/nm", "wave number k(eps)"),
    "E_max": Var(("eps",), "eV", "E_max = min(E_D, 2 hbar v_s k)"),
    "E_F": E_F,
    "k_F": Var((), "1/nm", "Fermi wave number"),
    "q_D": Var((), "1/nm", "Debye wave number E_D/(hbar v_s)"),
    "eps_star": EPS_STAR_GRID,
    "hbar_v_s": Var((), "eV m", "hbar v_s"),
}


def validate(section: Mapping[str, Any]) -> None:
    """Every material of ``ledd`` must be defined under ``materials``."""
    check_materials(section, "ledd")


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per LEDD material, with the energy grid of ``band``."""
    return [{**with_material(section, m), **section["band"]} for m in section["ledd"]]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Eq. 2 (Kane and C = 0), k(eps) and E_max of Eq. 11 on eps in [0, eps_max]."""
    import numpy as np

    from lightmatter.ledd_ttm import physics

    mat = material_of(point)
    eps = np.linspace(0.0, float(point["eps_max"]), int(point["num"]))
    return {
        "eps": eps,
        "dos": physics.dos(eps, mat),
        "dos_parabolic": physics.dos(eps, mat.parabolic()),
        "k": physics.wavenumber(eps, mat) * 1e-9,
        "E_max": physics.e_max(eps, mat, "paper"),
        "E_F": mat.E_F,
        "k_F": mat.k_F * 1e-9,
        "q_D": mat.q_D * 1e-9,
        "eps_star": physics.eps_star_on_grid(eps, mat),
        "hbar_v_s": mat.hbar_v_s,
    }
