"""OD_NL(E, <N>) maps, SE thresholds and cross-section ratios: Figs. 8c-f (``fig8c``-``fig8f``).

For each Simple Model scheme: the nonlinear absorption map, the linear absorption, spectra at
the projected <N>, the excitation profiles at the SE-maximum and first-gain energies, both SE
thresholds and |sigma_SE/sigma_A| (``docs/qd_gain.md`` §3.1-3.2). One point per scheme.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import (
    EV,
    OD,
    OD_UNIT_NAME,
    SCHEME,
    SCHEMES,
    E,
    N,
    model_point_params,
    threshold_point_params,
)

TITLE = "OD_NL(E, <N>) maps, SE thresholds and cross-sections (Figs. 8c-f)"
POINT_DIMS = {"scheme": SCHEME}
COORDS = {
    "N": N,
    "E": E,
    "N_spectra": Var(("N_spectra",), "1", "<N> of the projected spectra"),
}
VARIABLES = {
    "od_nl": Var(("N", "E"), OD, f"OD_NL {OD_UNIT_NAME}"),
    "od_0": Var(("E",), OD, f"linear absorption OD_0 {OD_UNIT_NAME}"),
    "spectra": Var(("N_spectra", "E"), OD, f"OD_NL at the projected <N> {OD_UNIT_NAME}"),
    "profile_se_max": Var(("N",), OD, f"OD_NL at the SE-maximum energy E_max {OD_UNIT_NAME}"),
    "profile_first_gain": Var(("N",), OD, f"OD_NL at the first-gain energy E_eps {OD_UNIT_NAME}"),
    "N_th": Var((), "1", "SE threshold at E_max (primary)", allow_nan=True),
    "N_th_first_gain": Var((), "1", "SE threshold min_E OD_NL <= -eps (secondary)", allow_nan=True),
    "E_se_max": Var((), EV, "SE maximum energy E_max"),
    "E_first_gain": Var((), EV, "energy of the first gain E_eps"),
    "ratio": Var((), "1", "|sigma_SE / sigma_A|"),
    "E_PL": Var((), EV, "PL_X centre"),
    "stokes": Var((), EV, "Stokes shift S"),
    "kappa": Var((), "1", "ESA strength kappa"),
    "eps": Var((), OD, f"first-gain criterion eps {OD_UNIT_NAME}"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per scheme: model, threshold search and ``maps`` parameters."""
    base = {**model_point_params(section), **threshold_point_params(section), **section["maps"]}
    return [{**base, "scheme": s} for s in SCHEMES]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Map, spectra, profiles and thresholds of the point's scheme."""
    import numpy as np

    from lightmatter.qd_gain import spectra
    from lightmatter.qd_gain.sweeps import _models

    m = _models.model(point, str(point["scheme"]))
    E_grid = m.E_A + np.linspace(float(point["E_min"]), float(point["E_max"]), int(point["num_E"]))
    N_grid = np.linspace(0.0, m.n_max, int(point["num_N"]))
    N_spec = np.array(sorted(float(v) for v in point["spectra_N"]))
    se_max, first_gain = _models.thresholds(m, point)
    # profile energy: the first gain, or the SE maximum if there is no gain above -eps
    E_eps = first_gain.E if np.isfinite(first_gain.E) else se_max.E
    return {
        "N": N_grid,
        "E": E_grid,
        "N_spectra": N_spec,
        "od_nl": spectra.od_nl(E_grid[None, :], N_grid[:, None], m),
        "od_0": spectra.od_nl(E_grid, 0.0, m),
        "spectra": spectra.od_nl(E_grid[None, :], N_spec[:, None], m),
        "profile_se_max": spectra.od_nl(se_max.E, N_grid, m),
        "profile_first_gain": spectra.od_nl(E_eps, N_grid, m),
        "N_th": float(se_max.N),
        "N_th_first_gain": float(first_gain.N),
        "E_se_max": float(se_max.E),
        "E_first_gain": float(E_eps),
        "ratio": float(
            spectra.se_cross_section_ratio(m, _models.search_window(point), int(point["thr_num_E"]))
        ),
        "E_PL": float(m.E_PL),
        "stokes": float(m.stokes),
        "kappa": float(m.kappa),
        "eps": float(point["thr_eps"]),
    }
