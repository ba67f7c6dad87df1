"""Steady-state photocurrent against the population at three pump rates: Fig. 2c (``fig2c``).

For each marked pump rate, on the ``population.N`` log grid: the photocurrent at the exact
replenished steady state, the exact log-slope ``d ln J / d ln N``, the limits Eq. 7 and Eq. 8
and the knee ``N* = w_p/gamma_A`` with the current there (``docs/auger_photoemission.md`` §4).
The stiff-ODE markers are the ``population_ode`` sweep.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import J_PER_S, J_UNITS, N_POP, W_P, model

TITLE = "Steady-state photocurrent vs population at three pump rates (Fig. 2c)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {"w_p": W_P, "N": N_POP}
VARIABLES = {
    "J": Var(("w_p", "N"), J_UNITS, f"photocurrent J, exact steady state {J_PER_S}"),
    "slope_N": Var(("w_p", "N"), "1", "d ln J / d ln N"),
    "J_weak": Var(("w_p", "N"), J_UNITS, f"weak-pump current J, Eq. 7 {J_PER_S}"),
    "J_saturated": Var(("w_p", "N"), J_UNITS, f"saturated current J, Eq. 8 {J_PER_S}"),
    "N_star": Var(("w_p",), "1", "knee N* = w_p/gamma_A"),
    "J_star": Var(
        ("w_p",), J_UNITS, f"photocurrent J at the knee N*, exact steady state {J_PER_S}"
    ),
    "gamma_A": Var((), "1/s", "Auger rate per pair"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the model, the ``population.N`` grid and the marked pump rates."""
    return [
        {
            **model(section),
            "N_grid": section["population"]["N"],
            "marked_w_p": section["pump"]["marked_w_p"],
        }
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Exact steady-state current, log-slope, Eq. 7-8 and the knee on the (w_p, N) grid."""
    import numpy as np

    from lightmatter.auger_photoemission import four_level

    from ._common import log_grid

    Ns = log_grid(point["N_grid"])
    g, t1, t3, b = (float(point[k]) for k in ("gamma_A", "tau1", "tau3", "beta"))
    ws = np.array(sorted(point["marked_w_p"]), dtype=float)
    W, NN = np.meshgrid(ws, Ns, indexing="ij")
    N_star = four_level.crossover_population(ws, g)
    return {
        "w_p": ws,
        "N": Ns,
        "J": four_level.steady_state_current(W, g, NN, t1, t3, b),
        "slope_N": four_level.log_slope_N(W, NN, g),
        "J_weak": four_level.current_weak(W, NN, b),
        "J_saturated": four_level.current_saturated(NN, g, b),
        "N_star": N_star,
        "J_star": four_level.steady_state_current(ws, g, N_star, t1, t3, b),
        "gamma_A": g,
    }
