"""The Gaussian transitions of the Simple Model for each scheme: Fig. 8a (``fig8a``).

Unit-peak lineshapes A_X, PL_X, A_XX1, A_XX2, PL_XX on the map energy grid, with the Stokes
shift, ESA strength and binding energies of each scheme (``docs/qd_gain.md`` §3.1, §3.4).
One point.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import EV, SCHEME, E, model_point_params

TITLE = "Simple Model Gaussian transitions (Fig. 8a)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {"scheme": SCHEME, "E": E}
_LONG = {
    "A_X": "linear absorption 0 -> X_A",
    "PL_X": "emission X_E -> 0",
    "A_XX1": "nonlinear absorption X_A -> XX_A1",
    "A_XX2": "nonlinear absorption X_E -> XX_A2",
    "PL_XX": "emission XX_E -> X_E",
}
VARIABLES = {
    **{c: Var(("scheme", "E"), "1", f"{name} (unit peak)") for c, name in _LONG.items()},
    "kappa": Var(("scheme",), "1", "ESA strength kappa"),
    "stokes": Var(("scheme",), EV, "Stokes shift S"),
    "E_PL": Var(("scheme",), EV, "PL_X centre"),
    "delta_xxa2": Var(("scheme",), EV, "Delta_XXA2"),
    "delta_xxa1": Var((), EV, "Delta_XXA1"),
    "delta_xxe": Var((), EV, "Delta_XXE"),
    "E_A": Var((), EV, "A_X centre"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the Simple Model parameters and the energy grid of ``maps``."""
    mp = section["maps"]
    return [{**model_point_params(section), **{k: mp[k] for k in ("E_min", "E_max", "num_E")}}]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """The lineshapes of every scheme on E_A + [E_min, E_max]."""
    import numpy as np

    from lightmatter.qd_gain import spectra
    from lightmatter.qd_gain.sweeps import _models

    schemes = list(spectra.SCHEMES)
    models = [_models.model(point, s) for s in schemes]
    E_grid = float(point["E_A"]) + np.linspace(
        float(point["E_min"]), float(point["E_max"]), int(point["num_E"])
    )
    shapes = [spectra.components(E_grid, m) for m in models]
    return {
        "scheme": schemes,
        "E": E_grid,
        **{c: np.array([s[c] for s in shapes]) for c in _LONG},
        "kappa": [m.kappa for m in models],
        "stokes": [m.stokes for m in models],
        "E_PL": [m.E_PL for m in models],
        "delta_xxa2": [m.dxxa2 for m in models],
        "delta_xxa1": float(point["delta_xxa1"]),
        "delta_xxe": float(point["delta_xxe"]),
        "E_A": float(point["E_A"]),
    }
