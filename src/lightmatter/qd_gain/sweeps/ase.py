"""ASE spectra and thresholds of the four Simple Model schemes: Figs. 9a-d (``fig9a``-``fig9d``).

1-D stripe amplification of the spontaneous source by the SE spectra (waveguide loss
``ase.loss``): the ASE threshold <N>_th of each scheme under the configured excitation
(default ``poisson``: <N> = sigma J, Poisson occupancy), the one scale of each fluence mapping
fitted to the paper's four quoted thresholds, spectra over a ladder of fluences J/J_th and the
amplification M(J) (``docs/qd_gain.md`` §2.1, §5.1-5.4). One point.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import EV, MJ, RATIO, SCHEME, E, ase_point_params, log_grid, model_point_params

TITLE = "ASE spectra and thresholds (Figs. 9a-d)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "scheme": SCHEME,
    "ratio": RATIO,
    "E": E,
    "J_grid": Var(("J_grid",), MJ, "fluence J"),
    "mapping": Var(("mapping",), "1", "fluence -> <N> mapping"),
}
_SR = ("scheme", "ratio")
VARIABLES = {
    "I": Var(("scheme", "ratio", "E"), "1", "ASE output I(E) in units of the PL peak"),
    "S": Var(("scheme", "ratio", "E"), "1", "spontaneous source S(E) in units of the PL peak"),
    "N": Var(_SR, "1", "<N> at the plotted fluences"),
    "J": Var(_SR, MJ, "plotted fluences"),
    "peak_shift": Var(_SR, EV, "ASE peak energy minus E_PL"),
    "M": Var(("scheme", "J_grid"), "1", "amplification int I / int S"),
    "N_th": Var(("scheme",), "1", "ASE threshold <N> (M = m_th), configured excitation"),
    "J_th": Var(("scheme",), MJ, "ASE threshold fluence"),
    "J_th_paper": Var(("scheme",), MJ, "paper's quoted ASE threshold"),
    "J_th_mapping": Var(
        ("mapping", "scheme"), MJ, "ASE threshold fluence under each (fitted) mapping"
    ),
    "mapping_scale": Var(
        ("mapping",),
        "1",
        "mapping scale in its own unit: J_pi / (mJ/cm^2) (area) or sigma_pump / cm^2 (linear)",
    ),
    "E_PL": Var(("scheme",), EV, "PL_X centre"),
    "J_pi": Var((), MJ, "J_pi of the area mapping"),
    "sigma_pump": Var((), "cm^2", "pump cross-section"),
    "G0": Var((), "1", "gain-length product G0"),
    "loss": Var((), "1", "waveguide loss-length product alpha L"),
    "m_threshold": Var((), "1", "threshold amplification M"),
    "mapping_used": Var((), "1", "fluence -> <N> mapping of J_th, I"),
    "scale_fitted": Var((), "1", "1 if the mapping scale is fitted to the paper's thresholds"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the Simple Model and the whole ``ase`` section."""
    return [{**model_point_params(section), **ase_point_params(section)}]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Thresholds, fitted mappings, spectra at J/J_th and M on the fluence grid."""
    import numpy as np

    from lightmatter.qd_gain import ase, spectra
    from lightmatter.qd_gain.sweeps import _models

    schemes = list(spectra.SCHEMES)
    used = str(point["ase_mapping"])
    models = {s: _models.ase_model(point, s, used) for s in schemes}
    mappings = list(ase.MAPPINGS)
    N_map = {mp: _models.ase_thresholds_N(point, mp) for mp in mappings}
    fits = {mp: _models.fitted_ase_params(point, mp, N_map[mp]) for mp in mappings}
    nmax = {mp: _models.ase_model(point, schemes[0], mp).n_max for mp in mappings}
    N_th = N_map[used]
    P = fits[used]
    J_th = {s: float(ase.N_to_fluence(N_th[s], P, models[s].n_max)) for s in schemes}
    ratios = np.array(sorted(float(r) for r in point["ase_fluence_ratios"]))
    J_grid = log_grid(point["ase_J"])
    ladder = {s: ase.ase_spectra(J_th[s] * ratios, models[s], P) for s in schemes}
    paper = point["ase_paper_J_th"]
    return {
        "scheme": schemes,
        "ratio": ratios,
        "E": P.energies(models[schemes[0]]),
        "J_grid": J_grid,
        "mapping": mappings,
        "I": np.array([ladder[s]["I"] for s in schemes]),
        "S": np.array([ladder[s]["S"] for s in schemes]),
        "N": np.array([ladder[s]["N"] for s in schemes]),
        "J": np.array([J_th[s] * ratios for s in schemes]),
        "peak_shift": np.array([ase.peak_shift(ladder[s], models[s]) for s in schemes]),
        "M": np.array([ase.ase_spectra(J_grid, models[s], P)["M"] for s in schemes]),
        "N_th": [N_th[s] for s in schemes],
        "J_th": [J_th[s] for s in schemes],
        "J_th_paper": [float(paper.get(s, np.nan)) for s in schemes],
        "J_th_mapping": np.array(
            [
                [float(ase.N_to_fluence(N_map[mp][s], fits[mp], nmax[mp])) for s in schemes]
                for mp in mappings
            ]
        ),
        "mapping_scale": [
            fits[mp].J_pi if mp == "area" else fits[mp].sigma_pump for mp in mappings
        ],
        "E_PL": [models[s].E_PL for s in schemes],
        "J_pi": float(P.J_pi),
        "sigma_pump": float(P.sigma_pump),
        "G0": float(P.G0),
        "loss": float(P.loss),
        "m_threshold": float(P.m_threshold),
        "mapping_used": str(point["ase_mapping"]),
        "scale_fitted": int(bool(point["ase_fit_scale"])),
    }
