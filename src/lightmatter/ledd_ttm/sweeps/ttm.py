"""Two-temperature model driven by the same absorbed power: Fig. 4a-b (``fig4a``, ``fig4b``).

For each LEDD material and the reference metal, T_e(t) and T_ph(t) of Eqs. 21-22 with the exact
C_e and the leading-order G (Eq. 26), and with the exact G (quantum phonons, as in the BE),
driven by the Drude absorption (Eq. 7) of the pulse source material (the same heat source for
Au as for ITO); G(T_e(t)), C_e(T_e(t)) and the cooling rate G/C_e (``docs/ledd_ttm.md`` §1.6).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import (
    MATERIAL,
    TIME,
    check_materials,
    ledd_and_reference,
    material_of,
    pulse_of,
    time_grid,
    with_material,
)

TITLE = "Two-temperature model with the same absorbed power (Fig. 4)"
POINT_DIMS = {"material": MATERIAL}
COORDS = {"t": TIME}
VARIABLES = {
    "Te": Var(("t",), "K", "electron temperature (TTM)"),
    "Tph": Var(("t",), "K", "phonon temperature (TTM)"),
    "Te_fullG": Var(("t",), "K", "T_e, TTM with the exact G (quantum phonons)"),
    "Tph_fullG": Var(("t",), "K", "T_ph, TTM with the exact G"),
    "P_abs": Var(("t",), "W/m^3", "absorbed power density (source material)"),
    "G": Var(("t",), "W/(m^3 K)", "G(T_e(t)), leading order"),
    "Ce": Var(("t",), "J/(m^3 K)", "C_e(T_e(t)), exact"),
    "cooling_rate": Var(("t",), "1/ps", "G / C_e"),
    "energy_residual": Var((), "1", "TTM energy balance residual"),
    "E_abs": Var((), "J/m^3", "absorbed energy density"),
}


def validate(section: Mapping[str, Any]) -> None:
    """The LEDD materials, the reference metal and the pulse source must be defined under
    ``materials``."""
    check_materials(section, "ledd", "reference", "pulse.source")


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per LEDD material and the reference metal, each with the pulse, its source
    material, the initial temperature T0 and the time grid of ``ttm``."""
    src = section["pulse"]["source"]
    return [
        {
            **with_material(section, m),
            **with_material(section, src, "source"),
            "pulse": section["pulse"],
            "T0": section["T0"],
            **section["ttm"],
        }
        for m in ledd_and_reference(section)
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Eqs. 21-22 on the time grid, with the leading-order and with the exact G."""
    from lightmatter.ledd_ttm import physics

    mat, src = material_of(point), material_of(point, "source")
    pulse = pulse_of(point)
    t = time_grid(point)
    T0 = float(point["T0"])
    r = physics.solve_ttm(mat, pulse, (t[0], t[-1]), t_eval=t, source=src, T0=T0)
    rf = physics.solve_ttm(mat, pulse, (t[0], t[-1]), t_eval=t, source=src, T0=T0, coupling="full")
    return {
        "t": t,
        "Te": r["Te"],
        "Tph": r["Tph"],
        "Te_fullG": rf["Te"],
        "Tph_fullG": rf["Tph"],
        "P_abs": r["P_abs"],
        "G": r["G"],
        "Ce": r["Ce"],
        "cooling_rate": physics.cooling_rate(r["G"], r["Ce"]) * 1e-12,
        "energy_residual": r["energy_residual"],
        "E_abs": r["E_abs"],
    }
