"""Population inversion N2/N1 against the pump rate (``inversion``).

On the ``inversion.w_p`` grid, at the exact replenished steady state: ``N2/N1 = 2/(gamma_A tau1
N2)`` for each level-1 lifetime of ``inversion.tau1`` (the seed's 1e-7 s and longer ones), the same
ratio with the seed's printed Eq. 3 for ``N1`` (half the exact one), the closed-form pump rate
above which inversion is lost (``inf`` if never), and stiff-ODE steady states of ``N2/N1`` at
``inversion.ode_markers`` pump rates for the model's ``tau1`` (``docs/auger_photoemission.md`` §13).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import W_P, log_points, model

TITLE = "Population inversion N2/N1 vs pump rate (exact steady state, ODE markers)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "w_p": W_P,
    "tau1": Var(("tau1",), "s", "lifetime of level 1"),
    "w_ode": Var(("w_ode",), "1/s", "pump rates of the stiff-ODE markers"),
}
VARIABLES = {
    "ratio": Var(("tau1", "w_p"), "1", "N2/N1 at the exact steady state"),
    "ratio_seed_eq3": Var(("w_p",), "1", "N2/N1 with the seed's printed Eq. 3 (model tau1)"),
    "ratio_ode": Var(("w_ode",), "1", "N2/N1, stiff-ODE steady state (model tau1)"),
    "w_inversion_lost": Var(
        ("tau1",), "1/s", "pump rate above which N2 < N1 (inf: never)", allow_nan=True
    ),
    "tau1_model": Var((), "s", "level-1 lifetime of the model"),
    "tau2_saturated": Var((), "s", "effective level-2 lifetime 1/(gamma_A N) at saturation"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the model, the pump grid, the level-1 lifetimes and the ODE marker rates."""
    inv = section["inversion"]
    return [
        {
            **model(section),
            "w_p": inv["w_p"],
            "tau1_list": inv["tau1"],
            "w_ode": log_points(inv["w_p"], inv["ode_markers"]),
        }
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Exact N2/N1 on the grid, the threshold in closed form, ODE markers."""
    import numpy as np

    from lightmatter.auger_photoemission import burst, four_level

    from ._common import log_grid

    N, g, t1, t3 = (float(point[k]) for k in ("N", "gamma_A", "tau1", "tau3"))
    w = log_grid(point["w_p"])
    taus = np.array(sorted({float(x) for x in point["tau1_list"]} | {t1}))
    w_ode = np.array(point["w_ode"], dtype=float)
    ode = []
    for x in w_ode:
        ss, _ = four_level.ode_steady_state(float(x), N, g, t1, t3)
        ode.append(ss.N2 / ss.N1)
    w_inv = [burst.inversion_threshold_pump_rate(N, g, float(tt), t3) for tt in taus]
    return {
        "w_p": w,
        "tau1": taus,
        "w_ode": w_ode,
        "ratio": np.array([burst.inversion_ratio(w, g, N, float(tt), t3) for tt in taus]),
        "ratio_seed_eq3": burst.inversion_ratio_seed(w, g, N, t1, t3),
        "ratio_ode": np.array(ode),
        "w_inversion_lost": np.array(w_inv),
        "tau1_model": t1,
        "tau2_saturated": 1.0 / (g * N),
    }
