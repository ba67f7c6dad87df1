"""Stiff-ODE steady states against the pump rate: the markers of Fig. 2b (``fig2b``).

At ``pump.ode_markers`` log-spaced pump rates over the ``pump.w_p`` range, the replenished
Eq. 1 is integrated (Radau, analytic Jacobian) from the ground state for 60 relaxation times and
its final ``N2`` and photocurrent are compared with the exact quadratic steady state
(``docs/auger_photoemission.md`` §2, §10).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import J_PER_S, J_UNITS, W_P, log_points, model

TITLE = "Stiff-ODE steady states vs pump rate (Fig. 2b markers)"
POINT_DIMS = {"w_p": W_P}
COORDS: dict[str, Var] = {}
VARIABLES = {
    "J_ode": Var((), J_UNITS, f"J from the stiff ODE steady state {J_PER_S}"),
    "N2_ode": Var((), "1", "N2, stiff ODE (Radau, analytic Jacobian)"),
    "N2_exact": Var((), "1", "N2, exact quadratic"),
    "t_end": Var((), "s", "integration time (60 relaxation times)"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per marker pump rate (``pump.ode_markers`` log-spaced over ``pump.w_p``)."""
    pump = section["pump"]
    m = model(section)
    return [{**m, "w_p": w} for w in log_points(pump["w_p"], pump["ode_markers"])]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """The ODE steady state (60 relaxation times) and the exact one at this pump rate."""
    from lightmatter.auger_photoemission import four_level

    N, g, t1, t3, b = (float(point[k]) for k in ("N", "gamma_A", "tau1", "tau3", "beta"))
    w = float(point["w_p"])
    ode, t_end = four_level.ode_steady_state(w, N, g, t1, t3)
    exact = four_level.steady_state(w, g, N, t1, t3)
    return {
        "J_ode": float(four_level.photocurrent(ode.N2, g, b)),
        "N2_ode": float(ode.N2),
        "N2_exact": float(exact.N2),
        "t_end": t_end,
    }
