"""Model 2 g2(0) up to large electron rates, for Suppl. Fig. S4 (``figS4``).

For each M at fixed p: g2(0) and <n> of Model 2 on a log grid of gamma'*tau reaching deep into
saturation, with the large-rate (Fock-state) limit 1 - 1/M and the photoluminescence value of
M independent emitters (Eq. S1) (``docs/cl_superbunching.md`` §2.4).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var, grid, grid_params

from ._common import M, P

TITLE = "Model 2 g2(0) up to large electron rates (Fig. S4)"
POINT_DIMS = {"M": M}
COORDS = {
    "gamma_prime_tau": Var(("gamma_prime_tau",), "1", "electron rate gamma' times lifetime tau")
}
VARIABLES = {
    "g2_zero": Var(("gamma_prime_tau",), "1", "g2(0), Model 2"),
    "mean_n": Var(("gamma_prime_tau",), "1", "<n>, Model 2"),
    "g2_limit": Var((), "1", "large-rate limit 1 - 1/M (Fock state)"),
    "g2_pl": Var((), "1", "PL g2(0) of M independent emitters"),
    "p": P,
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per M of ``model2_saturation``, with p and the whole gamma'*tau grid."""
    s = section["model2_saturation"]
    return [
        {"M": int(m), "p": s["p"], **grid_params(s["gamma_prime_tau"], "gamma_prime_tau")}
        for m in s["M"]
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Model 2 g2(0) and <n> on the gamma'*tau grid; the large-rate and PL values."""
    import numpy as np

    from lightmatter.cl_superbunching import model2

    n_total, prob = int(point["M"]), float(point["p"])
    gt = grid(point, "gamma_prime_tau")
    m2 = model2.model2_moments(n_total, prob, gt)
    return {
        "gamma_prime_tau": gt,
        "g2_zero": np.asarray(m2["g2_zero"]),
        "mean_n": np.asarray(m2["mean_n"]),
        "g2_limit": model2.model2_g2_zero_large_rate_limit(n_total),
        "g2_pl": model2.pl_g2_zero(n_total),
        "p": prob,
    }
