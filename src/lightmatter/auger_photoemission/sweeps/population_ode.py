"""Stiff-ODE steady states against the population: the markers of Fig. 2c (``fig2c``).

For each marked pump rate and ``population.ode_markers`` log-spaced populations over the
``population.N`` range, the photocurrent of the replenished Eq. 1 integrated from the ground
state for 60 relaxation times (``docs/auger_photoemission.md`` §2, §10).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import J_PER_S, J_UNITS, N_POP, W_P, log_points, model

TITLE = "Stiff-ODE steady states vs population (Fig. 2c markers)"
POINT_DIMS = {"w_p": W_P, "N": N_POP}
COORDS: dict[str, Var] = {}
VARIABLES = {"J_ode": Var((), J_UNITS, f"J from the stiff ODE steady state {J_PER_S}")}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per (marked pump rate, marker population); ``N`` replaces the model's N."""
    pop = section["population"]
    Ns = log_points(pop["N"], pop["ode_markers"])
    m = model(section)
    return [{**m, "N": n, "w_p": float(w)} for w in section["pump"]["marked_w_p"] for n in Ns]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Photocurrent of Eq. 2 at the ODE steady state (60 relaxation times)."""
    from lightmatter.auger_photoemission import four_level

    N, g, t1, t3, b = (float(point[k]) for k in ("N", "gamma_A", "tau1", "tau3", "beta"))
    ode, _ = four_level.ode_steady_state(float(point["w_p"]), N, g, t1, t3)
    return {"J_ode": float(four_level.photocurrent(ode.N2, g, b))}
