"""TOY model of the superlattice radiative-rate enhancement vs temperature: review Fig. 6c
(``sl_rate_vs_T``).

Gamma_SL/Gamma_QD = N_coh(T) and the homogeneous linewidth gamma_h(T) from acoustic and LO
phonons on a linear temperature grid; every parameter is ASSUMED
(``docs/perovskite_emission.md`` §7).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import linear_grid

TITLE = "TOY model: superlattice radiative-rate enhancement vs T (review Fig. 6c)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {"T": Var(("T",), "K", "temperature")}
VARIABLES = {
    "enhancement": Var(("T",), "1", "Gamma_SL / Gamma_QD (TOY model)"),
    "linewidth": Var(("T",), "meV", "homogeneous linewidth gamma_h(T)"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the ``superlattice`` section."""
    return [dict(section["superlattice"])]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Enhancement and linewidth on the temperature grid."""
    from lightmatter.perovskite_emission import superlattice

    T = linear_grid(point["T"])
    kw = {
        k: float(point[k])
        for k in ("n_coh0", "gamma0_mev", "sigma_ac_mev_per_k", "gamma_lo_mev", "e_lo_mev")
    }
    return {
        "T": T,
        "enhancement": superlattice.radiative_rate_enhancement(T, **kw),
        "linewidth": superlattice.homogeneous_linewidth(
            T,
            gamma0_mev=kw["gamma0_mev"],
            sigma_ac_mev_per_k=kw["sigma_ac_mev_per_k"],
            gamma_lo_mev=kw["gamma_lo_mev"],
            e_lo_mev=kw["e_lo_mev"],
        ),
    }
