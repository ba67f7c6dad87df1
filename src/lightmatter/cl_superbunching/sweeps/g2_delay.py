"""Model 1 g2(t) against the delay: exact QRT, Eq. 17 and Eq. 20, for Fig. 2 (``fig2``).

For each (N, gamma*tau) point, g2(t) on a linear grid of t/tau from the quantum regression
theorem on the lumped generator W, and the approximations of Eq. 17 (effective lifetime of
Eq. 18) and Eq. 20 (bare lifetime) (``docs/cl_superbunching.md`` §1.6 and §1.7).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import GAMMA_TAU, N, T

TITLE = "Model 1 g2(t): exact QRT, Eq. 17, Eq. 20 (Fig. 2)"
POINT_DIMS = {"N": N, "gamma_tau": GAMMA_TAU}
COORDS = {"t": T}
VARIABLES = {
    "g2_exact": Var(("t",), "1", "g2(t), exact QRT (Model 1)"),
    "g2_eq17": Var(("t",), "1", "g2(t), Eq. 17 with tau_eff of Eq. 18"),
    "g2_eq20": Var(("t",), "1", "g2(t), Eq. 20 (bare lifetime)"),
    "tau_eff": Var((), "1", "effective lifetime Eq. 18 / tau"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per (N, gamma*tau) of ``g2_delay``, each with the delay grid ``t_max, num_t``."""
    s = section["g2_delay"]
    return [
        {"N": int(n), "gamma_tau": float(g), "t_max": s["t_max"], "num_t": s["num_t"]}
        for n in s["N"]
        for g in s["gamma_tau"]
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Exact g2(t) (QRT), Eq. 17, Eq. 20 and tau_eff (Eq. 18) on ``t = 0..t_max``."""
    import numpy as np

    from lightmatter.cl_superbunching import model1

    n_emit, g = int(point["N"]), float(point["gamma_tau"])
    t = np.linspace(0.0, float(point["t_max"]), int(point["num_t"]))
    return {
        "t": t,
        "g2_exact": model1.g2_delay(t, n_emit, g),
        "g2_eq17": model1.g2_delay_approx(t, n_emit, g, lifetime="effective"),
        "g2_eq20": model1.g2_delay_approx(t, n_emit, g, lifetime="bare"),
        "tau_eff": model1.tau_eff(n_emit, g),
    }
