"""Steady-state photocurrent against the pump rate, exact and limits: Fig. 2b (``fig2b``).

On the ``pump.w_p`` log grid: the photocurrent of Eq. 2 at the exact replenished steady state
(quadratic root of ``docs/auger_photoemission.md`` §2), at the seed's Eq. 6, the weak- and
saturated-pump limits Eq. 7 and Eq. 8, the exact log-slope ``d ln J / d ln w_p`` and the
crossover ``w_p = gamma_A N`` (§4), and the current at the three marked pump rates of Fig. 2c.
The stiff-ODE markers are the ``pump_ode`` sweep.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import J_PER_S, J_UNITS, W_P, model

TITLE = "Steady-state photocurrent vs pump rate, exact and limits (Fig. 2b)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "w_p": W_P,
    "marked_w_p": Var(("marked",), "1/s", "marked pump rates of Fig. 2c"),
}
VARIABLES = {
    "J": Var(("w_p",), J_UNITS, f"photocurrent J, exact {J_PER_S}"),
    "J_eq6": Var(("w_p",), J_UNITS, f"J from Eq. 6 {J_PER_S}"),
    "J_weak": Var(("w_p",), J_UNITS, f"weak-pump limit Eq. 7 {J_PER_S}"),
    "J_saturated": Var(("w_p",), J_UNITS, f"saturated limit Eq. 8 {J_PER_S}"),
    "N2": Var(("w_p",), "1", "steady-state N2 (replenished, exact)"),
    "N1": Var(("w_p",), "1", "steady-state N1 (corrected Eq. 3)"),
    "slope_wp": Var(("w_p",), "1", "d ln J / d ln w_p (Eq. 6)"),
    "J_marked": Var(("marked",), J_UNITS, f"J at the marked pump rates {J_PER_S}"),
    "w_crossover": Var((), "1/s", "gamma_A N"),
    "N": Var((), "1", "N"),
    "gamma_A": Var((), "1/s", "gamma_A"),
    "tau1": Var((), "s", "tau1"),
    "tau3": Var((), "s", "tau3"),
    "beta": Var((), "1", "beta"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the model, the ``pump.w_p`` grid and the marked pump rates."""
    pump = section["pump"]
    return [{**model(section), "w_p": pump["w_p"], "marked_w_p": pump["marked_w_p"]}]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Eq. 2 at the exact and Eq. 6 steady states, Eq. 7-8 and the log-slope on the grid."""
    import numpy as np

    from lightmatter.auger_photoemission import four_level

    from ._common import log_grid

    w = log_grid(point["w_p"])
    N, g, t1, t3, b = (float(point[k]) for k in ("N", "gamma_A", "tau1", "tau3", "beta"))
    ss = four_level.steady_state(w, g, N, t1, t3, variant="replenished")
    eq6 = four_level.steady_state(w, g, N, t1, t3, variant="eq6")
    marked = np.array(sorted(point["marked_w_p"]), dtype=float)
    return {
        "w_p": w,
        "marked_w_p": marked,
        "J": four_level.photocurrent(ss.N2, g, b),
        "J_eq6": four_level.photocurrent(eq6.N2, g, b),
        "J_weak": four_level.current_weak(w, N, b),
        "J_saturated": np.full_like(w, float(four_level.current_saturated(N, g, b))),
        "N2": np.asarray(ss.N2),
        "N1": np.asarray(ss.N1),
        "slope_wp": four_level.log_slope_wp(w, N, g),
        "J_marked": four_level.steady_state_current(marked, g, N, t1, t3, b),
        "w_crossover": float(four_level.crossover_pump_rate(N, g)),
        "N": N,
        "gamma_A": g,
        "tau1": t1,
        "tau3": t3,
        "beta": b,
    }
