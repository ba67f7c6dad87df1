"""Radiative vs Auger decay of the level-2 population: Fig. 1b-c (``fig1bc``).

From the same initial population ``N_z``, the exponential ``N_z exp(-t/tau_sp)`` and the exact
hyperbolic Auger decay ``(1/N_z + gamma_A t)^-1`` with the matched lifetime
``tau_sp = 1/(gamma_A N_z)`` (equal initial slopes, ASSUMED), on a linear time grid
(``docs/auger_photoemission.md`` §6).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

TITLE = "Radiative vs Auger decay of level 2 (Fig. 1b-c)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {"t": Var(("t",), "s", "time")}
VARIABLES = {
    "N2_radiative": Var(("t",), "1", "N2, radiative"),
    "N2_auger": Var(("t",), "1", "N2, Auger (hyperbolic)"),
    "tau_sp": Var((), "s", "radiative lifetime 1/(gamma_A N_z)"),
    "N_z": Var((), "1", "initial level-2 population N_z"),
    "gamma_A": Var((), "1/s", "Auger rate per pair gamma_A"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the ``decays`` section with the model's ``gamma_A``."""
    return [{**section["decays"], "gamma_A": section["model"]["gamma_A"]}]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Both decays on ``num_t`` times from 0 to ``t_max_over_tau_sp`` matched lifetimes."""
    import numpy as np

    from lightmatter.auger_photoemission import four_level

    N_z, g = float(point["N_z"]), float(point["gamma_A"])
    tau_sp = float(four_level.matched_radiative_lifetime(N_z, g))
    t = np.linspace(0.0, float(point["t_max_over_tau_sp"]) * tau_sp, int(point["num_t"]))
    return {
        "t": t,
        "N2_radiative": four_level.radiative_decay(t, N_z, tau_sp),
        "N2_auger": four_level.auger_decay(t, N_z, g),
        "tau_sp": tau_sp,
        "N_z": N_z,
        "gamma_A": g,
    }
