"""HOM two-photon interference of a dephased two-level emitter: indistinguishability
(``hom_visibility``; review Fig. 2a and the 80 ps coherence time).

Visibility ``V = T2/(2 T1)`` (closed form) against seeded HOM simulations at each ratio of
``hom.ratios`` (zero delay), and the simulated dip ``2 P_c(Delta)`` vs delay at the review's
coherence time and lifetime and for ideal photons (``docs/perovskite_emission.md`` §11).
Stochastic: the point carries the root seed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import NS

TITLE = "HOM visibility of a dephased two-level emitter (indistinguishability)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "ratio": Var(("ratio",), "1", "T2 / (2 T1)"),
    "delay": Var(("delay",), NS, "delay Delta between the two excitations"),
    "case": Var(("case",), "1", "dip: 0 = review T2 and T1, 1 = ideal T2 = 2 T1"),
}
VARIABLES = {
    "visibility": Var(("ratio",), "1", "closed form V = T2/(2 T1)"),
    "visibility_sim": Var(("ratio",), "1", "simulated 1 - 2 C(0)/n_pairs"),
    "visibility_sim_stderr": Var(("ratio",), "1", "binomial standard error"),
    "dip": Var(("case", "delay"), "1", "closed form 2 P_c = 1 - V exp(-|Delta|/T1)"),
    "dip_sim": Var(("case", "delay"), "1", "simulated 2 C(Delta)/n_pairs"),
    "dip_sim_stderr": Var(("case", "delay"), "1", "binomial standard error"),
    "t1": Var((), NS, "radiative lifetime T1"),
    "t2": Var((), NS, "coherence time T2 (review)"),
    "visibility_review": Var((), "1", "V at the review's T2 and T1"),
    "n_pairs": Var((), "1", "photon pairs per ratio / delay"),
}
RESOURCES = {"mem_mb": 2000, "runtime": 10}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the ``hom`` section with the seed."""
    return [{**section["hom"], "seed": seed}]


def validate(section: Mapping[str, Any]) -> None:
    """T2 may not exceed the radiative limit 2 T1."""
    h = section["hom"]
    if h["t2_ps"] > 2.0 * h["t1_ps"]:
        raise ValueError("perovskite_emission.hom.t2_ps must be <= 2 t1_ps")


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Closed forms and seeded simulations (zero delay per ratio, then the two dips)."""
    import numpy as np

    from lightmatter import seeding
    from lightmatter.perovskite_emission import hom

    t1, t2 = float(point["t1_ps"]) * 1e-3, float(point["t2_ps"]) * 1e-3
    n = int(point["n_pairs"])
    gen = seeding.rng_for(point, pid)
    ratios = np.array(sorted(point["ratios"]), dtype=float)
    delays = np.linspace(
        -float(point["delay_max_t1"]) * t1,
        float(point["delay_max_t1"]) * t1,
        int(point["num_delay"]),
    )
    sims = [hom.simulate_hom([0.0], t1, 2.0 * x * t1, n, gen) for x in ratios]
    dips = [hom.simulate_hom(delays, t1, t2x, n, gen) for t2x in (t2, 2.0 * t1)]
    return {
        "ratio": ratios,
        "delay": delays,
        "case": np.arange(2),
        "visibility": np.array([hom.visibility(t1, 2.0 * x * t1) for x in ratios]),
        "visibility_sim": np.array([1.0 - s.normalised[0] for s in sims]),
        "visibility_sim_stderr": np.array([s.normalised_stderr[0] for s in sims]),
        "dip": np.array([hom.hom_dip(delays, t1, t2x) for t2x in (t2, 2.0 * t1)]),
        "dip_sim": np.array([d.normalised for d in dips]),
        "dip_sim_stderr": np.array([d.normalised_stderr for d in dips]),
        "t1": t1,
        "t2": t2,
        "visibility_review": hom.visibility(t1, t2),
        "n_pairs": n,
    }
