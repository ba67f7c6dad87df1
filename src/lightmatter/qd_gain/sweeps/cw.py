"""cw gain of 2-, 3- and 4-level lasing systems vs pump rate: Figs. 6d, 7b (``fig6d``, ``fig7b``).

Closed-form steady state of the Siegman rate equations for each system on a log grid of the pump
rate, the small-signal gain without and with ESA into the biexciton (rho = sigma_ESA/sigma_SE)
and the analytic thresholds (``docs/qd_gain.md`` §1). One point.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import log_grid

TITLE = "cw gain of 2/3/4-level systems (Figs. 6d, 7b)"
POINT_DIMS: dict[str, Var] = {}
_SP = ("system", "pump")
COORDS = {
    "system": Var(("system",), "1", "lasing system"),
    "pump": Var(("pump",), "1", "pump rate W tau_21"),
}
VARIABLES = {
    "inversion": Var(
        _SP, "1", "population inversion n_up - n_low (small-signal gain / sigma_SE N)"
    ),
    "gain_esa": Var(_SP, "1", "gain with ESA into XX: n_up (1 - rho) - n_low"),
    "n_up": Var(_SP, "1", "n_up"),
    "n_low": Var(_SP, "1", "n_low"),
    "W_th": Var(
        ("system",),
        "1",
        "analytic threshold W_th tau_21 (inf: never; 0: thresholdless)",
        allow_nan=True,
    ),
    "W_th_esa": Var(
        ("system",), "1", "analytic threshold W_th tau_21 with ESA (inf: never)", allow_nan=True
    ),
    "esa_ratio": Var((), "1", "rho = sigma_ESA / sigma_SE"),
    "tau32": Var((), "1", "tau_32 in units of tau_21"),
    "tau10": Var((), "1", "tau_10 in units of tau_21"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the ``cw`` section (pump grid, lifetimes, ESA ratio)."""
    return [dict(section["cw"])]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Closed-form populations, gain and thresholds of every system on the pump grid."""
    import numpy as np

    from lightmatter.qd_gain import rate_equations

    W = log_grid(point["pump"])
    t = {k: float(point[k]) for k in ("tau21", "tau32", "tau10")}
    rho = float(point["esa_ratio"])
    systems = list(rate_equations.SYSTEMS)
    pops = [rate_equations.cw_populations(s, W, **t) for s in systems]
    return {
        "system": systems,
        "pump": W * t["tau21"],
        "inversion": np.array([rate_equations.cw_gain(s, W, **t) for s in systems]),
        "gain_esa": np.array([rate_equations.cw_gain(s, W, esa_ratio=rho, **t) for s in systems]),
        "n_up": np.array([q["n_up"] for q in pops]),
        "n_low": np.array([q["n_low"] for q in pops]),
        "W_th": np.array([rate_equations.cw_threshold(s, **t) for s in systems]) * t["tau21"],
        "W_th_esa": np.array([rate_equations.cw_threshold(s, esa_ratio=rho, **t) for s in systems])
        * t["tau21"],
        "esa_ratio": rho,
        "tau32": t["tau32"],
        "tau10": t["tau10"],
    }
