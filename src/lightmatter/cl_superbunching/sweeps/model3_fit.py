"""Model 3 (kick-limit reconstruction) against Model 2 fitted to it, for Suppl. Fig. S6 (``figS6``).

Model 2's (p, gamma') are fitted to Model 3 at one electron rate by the S16 objective; along a
log grid of the electron rate r*tau (Model 2 at gamma' proportional to r) both models give
<n>, <n(n-1)>, g2(0) and their relative differences (Fig. S6(a)-(d)), and their steady states
are compared by the S17 Frobenius distance and the relative differences of P_0 and 1 - P_0
(Fig. S6(e)). Model 3 is the ASSUMED computable kick-limit model of
``docs/cl_superbunching.md`` §3.2 (the paper's truncated series is lost). With the Monte Carlo
flip law the point is stochastic: one integer seed from the root seed and the point id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var, grid, grid_params

from ._common import M, scalar

TITLE = "Model 3 (kick-limit reconstruction) vs fitted Model 2 (Fig. S6)"
POINT_DIMS: dict[str, Var] = {}
RATE = ("rate_tau",)
COORDS = {"rate_tau": Var(RATE, "1", "electron rate r times lifetime tau")}
VARIABLES = {
    "mean_n_model3": Var(RATE, "1", "<n>, Model 3 (kick limit)"),
    "mean_n_model2": Var(RATE, "1", "<n>, fitted Model 2"),
    "factorial_moment2_model3": Var(RATE, "1", "<n(n-1)>, Model 3"),
    "factorial_moment2_model2": Var(RATE, "1", "<n(n-1)>, Model 2"),
    "g2_zero_model3": Var(RATE, "1", "g2(0), Model 3"),
    "g2_zero_model2": Var(RATE, "1", "g2(0), fitted Model 2"),
    "frobenius_distance": Var(RATE, "1", "relative Frobenius distance of steady states"),
    "reldiff_P0": Var(
        RATE, "1", "relative difference |P0_2 - P0_3|/P0_3 of the all-ground population"
    ),
    "reldiff_rest": Var(
        RATE, "1", "relative difference |(1 - P0_2) - (1 - P0_3)|/(1 - P0_3) of 1 - P_0"
    ),
    **{
        f"reldiff_{q}": Var(RATE, "1", f"relative difference (Model 2 - Model 3)/Model 3 of {q}")
        for q in ("mean_n", "factorial_moment2", "g2_zero")
    },
    "fit_p": Var((), "1", "fitted Model 2 excitation probability p"),
    "fit_gamma_prime_tau": Var((), "1", "fitted Model 2 electron rate gamma'*tau at the fit point"),
    "fit_objective": Var((), "1", "S16 objective at the optimum"),
    "fit_rate_tau": Var((), "1", "electron rate r*tau of the fit point"),
    "mean_flip_probability": Var(
        (), "1", "E_T[p(T)], mean flip probability per emitter per electron"
    ),
    "M": scalar(M),
    "kappa_tau_c": Var((), "1", "noise strength kappa times correlation time tau_c"),
}
RESOURCES = {"mem_mb": 1000, "runtime": 20}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """A single point from ``model3_fit``; it carries ``seed`` with the Monte Carlo flip law."""
    s = section["model3_fit"]
    return [
        {
            "M": s["M"],
            "kappa_tau_c": s["kappa_tau_c"],
            "law": s["law"],
            "fit_rate_tau": s["fit_rate_tau"],
            **grid_params(s["rate_tau"], "rate_tau"),
        }
        | ({"seed": seed} if s["law"] == "monte_carlo" else {})
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """S16 fit at ``fit_rate_tau``, then Model 3 vs the fitted Model 2 on the rate grid."""
    from lightmatter.cl_superbunching import model3
    from lightmatter.seeding import seed_for

    n_total, kap, law = int(point["M"]), float(point["kappa_tau_c"]), str(point["law"])
    rate_fit = float(point["fit_rate_tau"])
    rates = grid(point, "rate_tau")
    # Monte Carlo flip law: one integer seed per point, from the root seed and the point id
    kw = {"rng": int(seed_for(point, pid))} if law == "monte_carlo" else {}
    fit = model3.fit_model2_to_model3(n_total, rate_fit, kap, law=law, **kw)
    flip = model3.flip_moments(kap, n_total, law=law, **kw)
    return {
        "rate_tau": rates,
        **model3.compare_fitted_model2(n_total, rates, kap, fit, law=law, **kw),
        "fit_p": float(fit["p"]),
        "fit_gamma_prime_tau": float(fit["gamma_prime_tau"]),
        "fit_objective": float(fit["objective"]),
        "fit_rate_tau": rate_fit,
        "mean_flip_probability": float(flip["mean_p"]),
        "M": n_total,
        "kappa_tau_c": kap,
    }
