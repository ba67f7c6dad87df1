"""Graded-alloy ASE stand-in with X1 and X3 pumping: Figs. 9e-f (``fig9ef``; a model, not data).

The 3LS + ESA scheme with a weakly overlapping XX (Delta_XXA2 from ``alloy``) for band-edge (X1)
pumping, plus a blue multi-exciton emission band for higher-state (X3) pumping; ASE spectra over
a ladder of fluences J/J_th with the fluence mapping of Figs. 9a-d (its scale fitted to the
paper's four thresholds if configured) and the SE thresholds (``docs/qd_gain.md`` §5.5).
One point.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import (
    EV,
    MJ,
    RATIO,
    E,
    ase_point_params,
    model_point_params,
    threshold_point_params,
)

TITLE = "Graded-alloy ASE stand-in, X1 and X3 pumping (Figs. 9e-f, model not data)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "pump": Var(("pump",), "1", "pumped state (X1: band edge, X3: higher state)"),
    "ratio": RATIO,
    "E": E,
}
VARIABLES = {
    "I": Var(("pump", "ratio", "E"), "1", "ASE output I(E) in units of the PL peak"),
    "J": Var(("pump", "ratio"), MJ, "plotted fluences"),
    "J_th": Var(("pump",), MJ, "ASE threshold fluence (stand-in)"),
    "N_th_se": Var(("pump",), "1", "SE threshold at E_max (stand-in)", allow_nan=True),
    "E_PL": Var((), EV, "PL_X centre"),
    "delta_xxa2": Var((), EV, "Delta_XXA2 of the stand-in"),
    "J_pi": Var((), MJ, "J_pi of the area mapping"),
}
#: the pumped states of Figs. 9e (X1) and 9f (X3)
PUMPS = ("X1", "X3")


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: Simple Model, ``ase``, ``threshold`` and ``alloy`` (as ``alloy_<key>``)."""
    alloy = {f"alloy_{k}": v for k, v in section["alloy"].items()}
    return [
        {
            **model_point_params(section),
            **ase_point_params(section),
            **threshold_point_params(section),
            **alloy,
        }
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """ASE thresholds and spectra of the X1 and X3 stand-in models."""
    import numpy as np

    from lightmatter.qd_gain import ase
    from lightmatter.qd_gain.sweeps import _models

    used = str(point["ase_mapping"])
    P = _models.fitted_ase_params(point, used, _models.ase_thresholds_N(point, used))
    d = float(point["alloy_delta_xxa2"])
    mx = {"mx_weight": float(point["alloy_mx_weight"]), "mx_shift": float(point["alloy_mx_shift"])}
    # ASE: the excitation of Figs. 9a-d; SE threshold: band-edge (binomial) model, as Fig. 8
    models = {
        "X1": _models.ase_model(point, "3LS_ESA", used, delta_xxa2=d),
        "X3": _models.ase_model(point, "3LS_ESA", used, delta_xxa2=d, **mx),
    }
    se_models = {
        "X1": _models.model(point, "3LS_ESA", delta_xxa2=d),
        "X3": _models.model(point, "3LS_ESA", delta_xxa2=d, **mx),
    }
    ratios = np.array(sorted(float(r) for r in point["alloy_fluence_ratios"]))
    th = {k: ase.ase_threshold(models[k], P) for k in PUMPS}
    return {
        "pump": list(PUMPS),
        "ratio": ratios,
        "E": P.energies(models["X1"]),
        "I": np.array([ase.ase_spectra(th[k].J * ratios, models[k], P)["I"] for k in PUMPS]),
        "J": np.array([th[k].J * ratios for k in PUMPS]),
        "J_th": [th[k].J for k in PUMPS],
        "N_th_se": [_models.thresholds(se_models[k], point)[0].N for k in PUMPS],
        "E_PL": float(models["X1"].E_PL),
        "delta_xxa2": d,
        "J_pi": float(P.J_pi),
    }
