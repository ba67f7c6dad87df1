"""Poisson vs Rabi excitation statistics and state populations: Fig. 8b (``fig8b``).

Mean exciton number, excited fraction and band-edge filling against sigma J for Poisson and the
two Rabi (pulse-area) forms, and the populations P0, P1, P2 against <N> for binomial and
Poisson occupancy (``docs/qd_gain.md`` §2). One point.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import N, linear_grid

TITLE = "Poisson vs Rabi excitation statistics (Fig. 8b)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "x": Var(("x",), "1", "sigma J (photons absorbed per dot, linear limit)"),
    "N": N,
    "occupancy": Var(("occupancy",), "1", "occupancy model"),
    "k": Var(("k",), "1", "number of excitons"),
}
VARIABLES = {
    "N_poisson": Var(("x",), "1", "<N>, Poisson"),
    "excited_poisson": Var(("x",), "1", "fraction of excited dots, Poisson 1 - exp(-sigma J)"),
    "N_rabi": Var(("x",), "1", "<N>, orientation-averaged Rabi 1 - sin(2a)/2a"),
    "N_rabi_aligned": Var(("x",), "1", "<N>, aligned Rabi 2 sin^2 sqrt(sigma J/2)"),
    "bleach_poisson": Var(("x",), "1", "band-edge filling, Poisson 1 - e^-x (1 + x/2)"),
    "bleach_rabi": Var(("x",), "1", "band-edge filling, orientation-averaged Rabi <N>/2"),
    "P": Var(("occupancy", "k", "N"), "1", "state population P_k (k = 2: two or more)"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the ``statistics`` section (sigma J and <N> grids)."""
    return [dict(section["statistics"])]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """The statistics functions on the sigma J grid (sigma = 1) and the populations on <N>."""
    import numpy as np

    from lightmatter.qd_gain import statistics

    x = linear_grid(point["x"])
    n = linear_grid(point["N"])
    occ = list(statistics.OCCUPANCIES)
    return {
        "x": x,
        "N": n,
        "occupancy": occ,
        "k": [0, 1, 2],
        "N_poisson": statistics.mean_occupancy(x, 1.0, "poisson"),
        "excited_poisson": statistics.excited_fraction(x, 1.0),
        "N_rabi": statistics.mean_occupancy(x, 1.0, "rabi"),
        "N_rabi_aligned": statistics.mean_occupancy(x, 1.0, "rabi_aligned"),
        "bleach_poisson": statistics.band_edge_filling(x, 1.0, "poisson"),
        "bleach_rabi": statistics.band_edge_filling(x, 1.0, "rabi"),
        "P": np.array([np.stack(statistics.state_populations(n, o)) for o in occ]),
    }
