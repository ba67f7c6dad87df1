"""Predicted ASE thresholds, waveguide loss, ESA spike shift and XX amplitude factor:
figure ``ase_thresholds`` (``docs/qd_gain.md`` §5.3-5.6).

* The four ASE thresholds J_th under every fluence mapping, each with ONE scale shared by the
  four schemes (sigma_pump, or J_pi for the named ``area`` alternative) FITTED by
  log-least-squares to the paper's 0.27 / 0.69 / 0.06 / 0.30 mJ/cm^2.
* The threshold <N>_th of the configured excitation against the waveguide loss-length product
  alpha L (calibration-free: <N> = sigma J is photons absorbed per dot).
* The ASE spike shift between two fluences J/J_th against the emissive XX binding Delta_XXE for
  the two ESA schemes: its sign (blue > 0, red < 0) and the crossover Delta_XXE.
* The XX-loss amplitude factor M(no ESA)/M(ESA) at the saturated pump (n = q = 1) and the G0
  at which it equals the paper's 2.
One point.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import EV, MJ, SCHEME, ase_point_params, linear_grid, model_point_params

TITLE = "Predicted ASE thresholds, loss, ESA spike shift, XX amplitude factor (ase_thresholds)"
POINT_DIMS: dict[str, Var] = {}
_ESA = Var(("esa_scheme",), "1", "Simple Model scheme with ESA into XX")
COORDS = {
    "scheme": SCHEME,
    "mapping": Var(("mapping",), "1", "fluence -> <N> mapping (excitation model)"),
    "loss": Var(("loss",), "1", "waveguide loss-length product alpha L"),
    "delta_xxe": Var(("delta_xxe",), EV, "emissive XX binding Delta_XXE"),
    "esa_scheme": _ESA,
    "pair": Var(("pair",), "1", "lasing scheme compared without/with ESA"),
}
VARIABLES = {
    "J_th": Var(("mapping", "scheme"), MJ, "ASE threshold fluence, one fitted scale per mapping"),
    "N_th": Var(("mapping", "scheme"), "1", "ASE threshold <N> (M = m_th)"),
    "J_th_paper": Var(("scheme",), MJ, "paper's quoted ASE threshold"),
    "scale": Var(
        ("mapping",),
        "1",
        "fitted scale in its own unit: J_pi / (mJ/cm^2) (area) or sigma_pump / cm^2",
    ),
    "rms_log_error": Var(("mapping",), "1", "rms of ln(J_th / J_th_paper) over the schemes"),
    "N_th_loss": Var(("loss", "scheme"), "1", "ASE threshold <N> vs alpha L (used mapping)"),
    "shift_low": Var(("esa_scheme", "delta_xxe"), EV, "ASE spike - E_PL at the lower J/J_th"),
    "shift_high": Var(("esa_scheme", "delta_xxe"), EV, "ASE spike - E_PL at the higher J/J_th"),
    "N_th_dxe": Var(("esa_scheme", "delta_xxe"), "1", "ASE threshold <N> vs Delta_XXE"),
    "crossover": Var(
        ("esa_scheme",), EV, "Delta_XXE where the spike shift changes sign", allow_nan=True
    ),
    "amplitude_factor": Var(("pair",), "1", "M(no ESA)/M(ESA) at the saturated pump n = q = 1"),
    "G0_factor_two": Var(("pair",), "1", "G0 at which that factor is 2", allow_nan=True),
    "ratio_low": Var((), "1", "J/J_th of shift_low"),
    "ratio_high": Var((), "1", "J/J_th of shift_high"),
    "mapping_used": Var((), "1", "mapping of N_th_loss and the shift"),
    "G0": Var((), "1", "gain-length product G0"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the Simple Model, the ``ase`` section and the ``ase_thresholds`` grids."""
    extra = {f"at_{k}": v for k, v in section["ase_thresholds"].items()}
    return [{**model_point_params(section), **ase_point_params(section), **extra}]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Fitted thresholds per mapping, loss scan, Delta_XXE shift scan, amplitude factor."""
    from dataclasses import replace

    import numpy as np
    from scipy.optimize import brentq

    from lightmatter.qd_gain import ase, spectra
    from lightmatter.qd_gain.sweeps import _models

    schemes = list(spectra.SCHEMES)
    mappings = list(ase.MAPPINGS)
    paper = point["ase_paper_J_th"]
    used = str(point["ase_mapping"])
    N_map = {mp: _models.ase_thresholds_N(point, mp) for mp in mappings}
    J_map, scale, rms = {}, [], []
    for mp in mappings:
        P = _models.fitted_ase_params(point, mp, N_map[mp])
        nmax = _models.ase_model(point, schemes[0], mp).n_max
        J_map[mp] = [float(ase.N_to_fluence(N_map[mp][s], P, nmax)) for s in schemes]
        scale.append(P.J_pi if mp == "area" else P.sigma_pump)
        rms.append(
            float(np.sqrt(np.mean([np.log(j / paper[s]) ** 2 for j, s in zip(J_map[mp], schemes)])))
        )
    losses = linear_grid(point["at_loss"])
    N_loss = np.array(
        [[_models.ase_thresholds_N(point, used, loss=float(a))[s] for s in schemes] for a in losses]
    )
    # spike shift vs Delta_XXE (ESA schemes, used excitation, configured loss)
    dxe = linear_grid(point["at_delta_xxe"])
    r_lo, r_hi = sorted(float(r) for r in point["at_shift_ratios"])
    esa = ["3LS_ESA", "4LS_ESA"]
    P0 = _models.ase_params(point, used)
    lo = np.empty((2, dxe.size))
    hi = np.empty_like(lo)
    Nd = np.empty_like(lo)
    for i, s in enumerate(esa):
        for j, d in enumerate(dxe):
            m = _models.ase_model(point, s, used, delta_xxe=float(d))
            Nt = ase.ase_threshold(m, P0).N
            Nd[i, j] = Nt
            J = float(ase.N_to_fluence(Nt, P0, m.n_max))  # the scale cancels in J/J_th
            for arr, r in ((lo, r_lo), (hi, r_hi)):
                arr[i, j] = float(ase.peak_shift(ase.ase_spectra(r * J, m, P0), m)[0])
    slope = hi - lo
    cross = []
    for i in range(2):
        k = np.nonzero(np.diff(np.sign(slope[i])))[0]
        if k.size == 0:
            cross.append(float("nan"))
            continue
        j = int(k[0])  # linear interpolation of the sign change
        t = slope[i, j] / (slope[i, j] - slope[i, j + 1])
        cross.append(float(dxe[j] + t * (dxe[j + 1] - dxe[j])))
    # XX-loss amplitude factor at the saturated pump (n = q = 1: binomial N = 2)
    pairs = ["3LS", "4LS"]
    Pb = _models.ase_params(point, "linear")
    full, g2 = [], []
    for s in pairs:
        a, b = _models.model(point, s), _models.model(point, f"{s}_ESA")

        def fac(G0: float, a=a, b=b) -> float:
            q = replace(Pb, G0=G0)
            return float(ase.amplitude_factor(a, b, q, 2.0)[0])

        full.append(fac(Pb.G0))
        lo_g, hi_g = 1e-3, 200.0
        g2.append(
            float(brentq(lambda g: fac(g) - 2.0, lo_g, hi_g, xtol=1e-10))
            if (fac(lo_g) - 2) * (fac(hi_g) - 2) < 0
            else float("nan")
        )
    return {
        "scheme": schemes,
        "mapping": mappings,
        "loss": losses,
        "delta_xxe": dxe,
        "esa_scheme": esa,
        "pair": pairs,
        "J_th": np.array([J_map[mp] for mp in mappings]),
        "N_th": np.array([[N_map[mp][s] for s in schemes] for mp in mappings]),
        "J_th_paper": [float(paper[s]) for s in schemes],
        "scale": scale,
        "rms_log_error": rms,
        "N_th_loss": N_loss,
        "shift_low": lo,
        "shift_high": hi,
        "N_th_dxe": Nd,
        "crossover": cross,
        "amplitude_factor": full,
        "G0_factor_two": g2,
        "ratio_low": r_lo,
        "ratio_high": r_hi,
        "mapping_used": used,
        "G0": float(Pb.G0),
    }
