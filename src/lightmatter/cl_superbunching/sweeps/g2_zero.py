"""Model 1 stationary state and g2(0) against the excitation rate: Fig. 1 (``fig1``).

For each N, g2(0) on a log grid of gamma*tau, once from the closed form (Eq. 16) and once from
the numerical stationary state of the generator W (``docs/cl_superbunching.md``, Model 1).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var, grid, grid_params

from ._common import GAMMA_TAU, N

TITLE = "Model 1 stationary state and g2(0) vs gamma*tau (Fig. 1)"
POINT_DIMS = {"N": N}
COORDS = {"gamma_tau": GAMMA_TAU}
VARIABLES = {
    "g2_zero": Var(("gamma_tau",), "1", "g2(0), exact Eq. 16"),
    "g2_zero_numeric": Var(
        ("gamma_tau",), "1", "g2(0) from the numerical stationary state of the generator W"
    ),
    "mean_n": Var(("gamma_tau",), "1", "<n>, Eq. 12"),
    "factorial_moment2": Var(("gamma_tau",), "1", "<n(n-1)>, Eq. 13"),
    "P0_numeric": Var(("gamma_tau",), "1", "all-ground probability P_0 (numerical)"),
    "superbunching_threshold": Var((), "1", "gamma*tau below which g2(0) > 2 (0 when never)"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per N of ``g2_zero.N``, each with the whole gamma*tau grid."""
    s = section["g2_zero"]
    return [{"N": int(n), **grid_params(s["gamma_tau"], "gamma_tau")} for n in s["N"]]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Eq. 12, 13, 16 on the grid, and the numerical stationary state of W for comparison."""
    import numpy as np

    from lightmatter.cl_superbunching import model1

    n_emit = int(point["N"])
    gt = grid(point, "gamma_tau")
    numeric = np.empty_like(gt)
    p0 = np.empty_like(gt)
    n = np.arange(n_emit + 1)
    for i, g in enumerate(gt):
        P = model1.stationary_distribution_numeric(n_emit, float(g))
        numeric[i] = float(n * (n - 1) @ P) / float(n @ P) ** 2
        p0[i] = P[0]
    return {
        "gamma_tau": gt,
        "g2_zero": model1.g2_zero(n_emit, gt),
        "g2_zero_numeric": numeric,
        "mean_n": model1.mean_excited(n_emit, gt),
        "factorial_moment2": model1.factorial_moment2(n_emit, gt),
        "P0_numeric": p0,
        "superbunching_threshold": model1.superbunching_threshold(n_emit) if n_emit > 1 else 0.0,
    }
