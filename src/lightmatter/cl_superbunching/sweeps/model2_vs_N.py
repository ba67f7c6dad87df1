"""Model 2 vs Model 1 relative differences against N = 1..M, for Suppl. Fig. S2 (``figS2``).

At fixed M and gamma*tau, for every N = 1..M: Model 2 with p = N/M, gamma' = gamma against
Model 1 with N emitters, the relative differences of <n>, <n(n-1)>, g2(0), and the small-gamma
asymptote (1 - p)/(N - 1) of the last two (``docs/cl_superbunching.md`` §2.3). At N = 1 Model 1
has g2(0) = 0 and the relative differences of g2(0) and <n(n-1)> are undefined (NaN).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import GAMMA_TAU, M, N, comparison_vars, scalar

TITLE = "Model 2 vs Model 1 relative differences vs N (Fig. S2)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {"N": N}

#: Undefined at N = 1 (Model 1 g2(0) = 0 there).
_NAN_AT_N1 = (
    "reldiff_g2_zero",
    "reldiff_factorial_moment2",
    "g2_zero_model1",
    "factorial_moment2_model1",
)
VARIABLES = {
    **{
        k: Var(v.dims, v.units, v.long_name, allow_nan=k in _NAN_AT_N1)
        for k, v in comparison_vars("N").items()
    },
    "reldiff_asymptote": Var(
        ("N",),
        "1",
        "small-gamma asymptote (1-p)/(N-1) of the g2(0) relative difference",
        allow_nan=True,
    ),
    "M": scalar(M),
    "gamma_tau": scalar(GAMMA_TAU),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """A single point: M and gamma*tau of ``model2_vs_N`` (N runs over 1..M inside)."""
    s = section["model2_vs_N"]
    return [{"M": s["M"], "gamma_tau": s["gamma_tau"]}]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Model 2 (p = N/M) vs Model 1 at one gamma*tau for N = 1..M, and the asymptote."""
    import numpy as np

    from lightmatter.cl_superbunching import model2

    n_total, g = int(point["M"]), float(point["gamma_tau"])
    ns = np.arange(1, n_total + 1)
    rows = [model2.compare_with_model1(n_total, n / n_total, int(n), np.array([g])) for n in ns]
    return {
        "N": ns,
        **{k: np.array([r[k][0] for r in rows]) for k in rows[0]},
        "reldiff_asymptote": model2.small_rate_relative_difference(ns, ns / n_total),
        "M": n_total,
        "gamma_tau": g,
    }
