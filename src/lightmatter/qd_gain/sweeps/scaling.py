"""sigma_400 vs volume and the universal gain threshold curves: Fig. 10 (``fig10a``, ``fig10b``).

The 3.1 eV absorption cross-section of CdSe and CsPbBr3 against dot volume, the size-independent
<N>_th of the Fig. 10b curves (CdSe universal = SE threshold of 3LS + ESA, the graded alloy, the
paper's CsPbBr3 value, the paper's predicted lowered curves and the 4LS limit) and the companion
CdSe fluence thresholds J_th(V) (``docs/qd_gain.md`` §6). One point.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import MJ, log_grid, model_point_params, threshold_point_params

TITLE = "sigma_400 vs volume and universal thresholds (Fig. 10)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "V": Var(("V",), "nm^3", "dot volume"),
    "curve": Var(("curve",), "1", "threshold curve"),
}
VARIABLES = {
    "sigma_cdse": Var(("V",), "cm^2", "sigma_400, CdSe"),
    "sigma_cspbbr3": Var(("V",), "cm^2", "sigma_400, CsPbBr3"),
    "N_th": Var(("curve", "V"), "1", "<N>_th"),
    "J_th_cdse": Var(("curve", "V"), MJ, "J_th = <N>_th / (sigma_400 photons/mJ), CdSe"),
    "four_level_limit": Var((), "1", "4LS limit definition"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: Simple Model, thresholds, ``scaling`` (as ``sc_<key>``), the alloy
    Delta_XXA2 and the pump wavelength."""
    s = {f"sc_{k}": v for k, v in section["scaling"].items()}
    return [
        {
            **model_point_params(section),
            **threshold_point_params(section),
            **s,
            "alloy_delta_xxa2": section["alloy"]["delta_xxa2"],
            "wavelength_nm": section["ase"]["wavelength_nm"],
        }
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Cross-sections on the volume grid, the curves' thresholds and J_th(V) for CdSe."""
    import numpy as np

    from lightmatter.qd_gain import scaling
    from lightmatter.qd_gain.sweeps import _models

    V = log_grid(point["sc_V"])
    per_volume = float(point["sc_cdse_per_volume"])
    s_cdse = scaling.sigma_400(V, per_volume)
    s_pbbr = scaling.sigma_400(V, per_volume * float(point["sc_cspbbr3_factor"]))
    alloy_model = _models.model(point, "3LS_ESA", delta_xxa2=float(point["alloy_delta_xxa2"]))
    se_max_4, first_gain_4 = _models.thresholds(_models.model(point, "4LS"), point)
    limit = str(point["sc_four_level_limit"])
    curves = scaling.threshold_curves(
        universal=_models.thresholds(_models.model(point, "3LS_ESA"), point)[0].N,
        alloy=_models.thresholds(alloy_model, point)[0].N,
        cspbbr3=float(point["sc_N_th_cspbbr3"]),
        four_level=first_gain_4.N if limit == "first_gain" else se_max_4.N,
        xx_engineering_factor=float(point["sc_xx_engineering_factor"]),
        shell_factor=float(point["sc_shell_factor"]),
    )
    N_th = np.array(list(curves.values()))
    lam = float(point["wavelength_nm"])
    return {
        "V": V,
        "curve": list(curves),
        "sigma_cdse": s_cdse,
        "sigma_cspbbr3": s_pbbr,
        "N_th": np.repeat(N_th[:, None], V.size, 1),
        "J_th_cdse": np.array([scaling.fluence_threshold(n, s_cdse, lam) for n in N_th]),
        "four_level_limit": limit,
    }
