"""Model 2 vs Model 1 relative differences against M at fixed p, for Suppl. Fig. S3 (``figS3``).

For every M of the list, Model 2 (M, p, gamma' = gamma) against Model 1 with N = M p emitters
at one gamma*tau: the relative differences of <n>, <n(n-1)>, g2(0) and the small-gamma
asymptote (1 - p)/(M p - 1) (``docs/cl_superbunching.md`` §2.3).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import GAMMA_TAU, M, P, comparison_vars, scalar

TITLE = "Model 2 vs Model 1 relative differences vs M (Fig. S3)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {"M": M}
VARIABLES = {
    **comparison_vars("M"),
    "reldiff_asymptote": Var(
        ("M",), "1", "small-gamma asymptote (1-p)/(Mp-1) of the g2(0) relative difference"
    ),
    "p": P,
    "gamma_tau": scalar(GAMMA_TAU),
}


def validate(section: Mapping[str, Any]) -> None:
    """Every M of ``model2_vs_M`` must give an integer N = M p > 1 (Model 1's emitters)."""
    s = section["model2_vs_M"]
    if any(m * s["p"] <= 1 for m in s["M"]):
        raise ValueError(
            f"cl_superbunching.model2_vs_M.M = {s['M']}: every M must satisfy M p > 1 "
            f"(N = M p > 1) with p = {s['p']}"
        )
    if any(abs(m * s["p"] - round(m * s["p"])) > 1e-9 for m in s["M"]):
        raise ValueError(
            f"cl_superbunching.model2_vs_M.M = {s['M']}: every M p must be an integer "
            f"(Model 1 with N = M p emitters) with p = {s['p']}"
        )


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """A single point: p, the list of M and gamma*tau of ``model2_vs_M``."""
    s = section["model2_vs_M"]
    return [{"p": s["p"], "M": [int(m) for m in s["M"]], "gamma_tau": s["gamma_tau"]}]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Model 2 vs Model 1 (N = M p) at one gamma*tau for every M, and the asymptote."""
    import numpy as np

    from lightmatter.cl_superbunching import model2

    prob, g = float(point["p"]), float(point["gamma_tau"])
    ms = np.array(sorted(point["M"]))
    rows = []
    for m in ms:
        n_emit = m * prob
        if abs(n_emit - round(n_emit)) > 1e-9:
            raise ValueError(f"N = M p = {n_emit} is not an integer for M = {m}")
        rows.append(model2.compare_with_model1(int(m), prob, round(n_emit), np.array([g])))
    return {
        "M": ms,
        **{k: np.array([r[k][0] for r in rows]) for k in rows[0]},
        "reldiff_asymptote": model2.small_rate_relative_difference(ms * prob, prob),
        "p": prob,
        "gamma_tau": g,
    }
