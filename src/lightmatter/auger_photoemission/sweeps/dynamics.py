"""Populations against time, closed vs replenished bookkeeping (``dynamics``, beyond the paper).

For each pump rate of ``dynamics.w_p`` and both bookkeepings, Eq. 1 (+ ``N_A``) integrated from
the ground state on a log time grid, with the slow reference curves (quasi-steady depletion for
the closed variant, exact steady state for the replenished one), the relaxation time and the
depletion time (``docs/auger_photoemission.md`` §1, §3).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import W_P, model

TITLE = "Populations vs time, closed vs replenished bookkeeping (beyond the paper)"
POINT_DIMS = {
    "w_p": W_P,
    "variant": Var(("variant",), "1", "bookkeeping: closed (seed) or replenished"),
}
COORDS = {"t": Var(("t",), "s", "time")}
VARIABLES = {
    "N0": Var(("t",), "1", "population of the ground level 0"),
    "N1": Var(("t",), "1", "population of the short-lived level 1"),
    "N2": Var(("t",), "1", "population of the metastable level 2"),
    "N3": Var(("t",), "1", "population of the short-lived pump level 3"),
    "N_A": Var(("t",), "1", "number of emitted Auger electrons"),
    # one long_name for both variants: they are combined into one variable
    "N2_qss": Var(
        ("t",),
        "1",
        "N2 reference: quasi-steady N2ss(P(t)) (closed, note 3) or exact steady state",
    ),
    "N_A_qss": Var(
        ("t",), "1", "N_A reference: reduced slow model (closed) or steady emission rate x t"
    ),
    "t_relax": Var((), "s", "1/(w_p + 2 gamma_A N2)"),
    "t_dep": Var((), "s", "2N/(gamma_A N2^2)"),
    "N_total": Var((), "1", "number of electrons N in the emitter"),
}

_VARIANTS = ("closed", "replenished")


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per pump rate of ``dynamics.w_p`` and bookkeeping (closed, replenished)."""
    d = section["dynamics"]
    m = model(section)
    return [
        {**m, "w_p": float(w), "variant": v, "t_max": d["t_max"], "num_t": d["num_t"]}
        for w in d["w_p"]
        for v in _VARIANTS
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Stiff integration on ``t = 0`` and ``num_t - 1`` log times up to ``t_max``."""
    import numpy as np

    from lightmatter.auger_photoemission import four_level

    N, g, t1, t3 = (float(point[k]) for k in ("N", "gamma_A", "tau1", "tau3"))
    w, variant = float(point["w_p"]), str(point["variant"])
    t_max = float(point["t_max"])
    t = np.concatenate([[0.0], np.geomspace(t_max * 1e-6, t_max, int(point["num_t"]) - 1)])
    ds = four_level.integrate(w, N, g, t1, t3, t, variant=variant)
    n2_ref, na_ref = four_level.reference_trajectory(w, N, g, t1, t3, t, variant=variant)
    return {
        "t": ds["t"].values,
        **{k: ds[k].values for k in four_level.STATE_NAMES},
        "N2_qss": n2_ref,
        "N_A_qss": na_ref,
        "t_relax": float(four_level.relaxation_time(w, g, N)),
        "t_dep": float(four_level.depletion_time(w, g, N)),
        "N_total": N,
    }
