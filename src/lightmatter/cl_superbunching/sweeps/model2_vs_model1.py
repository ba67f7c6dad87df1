"""Model 2 against Model 1 on a gamma*tau grid, for Suppl. Fig. S1 (``figS1``).

For each N at fixed M: Model 2 with p = N/M and gamma' = gamma (Eqs. 22-23) against Model 1
with N emitters: <n>, <n(n-1)>, g2(0) and their relative differences
(``docs/cl_superbunching.md`` §2.3).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import grid, grid_params

from ._common import GAMMA_TAU, M, N, comparison_vars, scalar

TITLE = "Model 2 vs Model 1 vs gamma*tau (Fig. S1)"
POINT_DIMS = {"N": N}
COORDS = {"gamma_tau": GAMMA_TAU}
VARIABLES = {**comparison_vars("gamma_tau"), "M": scalar(M)}


def validate(section: Mapping[str, Any]) -> None:
    """Every N of ``model2_vs_model1`` must be <= M (Model 2 excites N = M p of M emitters)."""
    s = section["model2_vs_model1"]
    if any(n > s["M"] for n in s["N"]):
        raise ValueError(
            f"cl_superbunching.model2_vs_model1.N = {s['N']}: every N must be <= M = {s['M']} "
            "(Model 2 excites N = M p of M emitters on average)"
        )


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per N of ``model2_vs_model1``, with M and the whole gamma*tau grid."""
    s = section["model2_vs_model1"]
    return [{"M": s["M"], "N": int(n), **grid_params(s["gamma_tau"], "gamma_tau")} for n in s["N"]]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Model 2 (p = N/M, gamma' = gamma) vs Model 1 on the gamma*tau grid."""
    from lightmatter.cl_superbunching import model2

    n_total, n_emit = int(point["M"]), int(point["N"])
    gt = grid(point, "gamma_tau")
    return {
        "gamma_tau": gt,
        **model2.compare_with_model1(n_total, n_emit / n_total, n_emit, gt),
        "M": n_total,
    }
