"""SE threshold vs the absorptive XX binding energy Delta_XXA2: Figs. 8g-h (``fig8g``, ``fig8h``).

For the two schemes with ESA into XX, both SE thresholds (at the SE maximum and at the first
gain) and their energies on a linear grid of Delta_XXA2, with kappa held fixed, and the
threshold at resonance Delta_XXA2 = S (``docs/qd_gain.md`` §4). One point per scheme.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import EV, SCHEME, linear_grid, model_point_params, threshold_point_params

TITLE = "SE threshold vs absorptive XX binding energy (Figs. 8g-h)"
POINT_DIMS = {"scheme": SCHEME}
#: the schemes with ESA into XX, where Delta_XXA2 matters
BINDING_SCHEMES = ("3LS_ESA", "4LS_ESA")
_DX = ("delta_xxa2",)
COORDS = {"delta_xxa2": Var(_DX, EV, "absorptive XX binding Delta_XXA2")}
VARIABLES = {
    "N_th": Var(_DX, "1", "SE threshold at the SE maximum", allow_nan=True),
    "N_th_first_gain": Var(_DX, "1", "SE threshold at the first-gain energy", allow_nan=True),
    "E_se_max": Var(_DX, EV, "SE maximum energy", allow_nan=True),
    "E_first_gain": Var(_DX, EV, "first-gain energy", allow_nan=True),
    "stokes": Var((), EV, "Stokes shift S"),
    "N_th_resonant": Var((), "1", "SE threshold at Delta_XXA2 = S", allow_nan=True),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per ESA scheme, each with the whole Delta_XXA2 grid of ``binding``."""
    base = {
        **model_point_params(section),
        **threshold_point_params(section),
        "delta_xxa2": section["binding"]["delta_xxa2"],
    }
    return [{**base, "scheme": s} for s in BINDING_SCHEMES]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Both SE thresholds of the point's scheme at every Delta_XXA2 of the grid."""
    from lightmatter.qd_gain.sweeps import _models

    scheme = str(point["scheme"])
    D = linear_grid(point["delta_xxa2"])
    res = [_models.thresholds(_models.model(point, scheme, delta_xxa2=float(d)), point) for d in D]
    m0 = _models.model(point, scheme)
    return {
        "delta_xxa2": D,
        "N_th": [r[0].N for r in res],
        "N_th_first_gain": [r[1].N for r in res],
        "E_se_max": [r[0].E for r in res],
        "E_first_gain": [r[1].E for r in res],
        "stokes": float(m0.stokes),
        "N_th_resonant": float(_models.thresholds(m0, point)[0].N),
    }
