"""sigma_400 vs volume and the universal gain threshold curves: Fig. 10 (``fig10a``, ``fig10b``).

The 3.1 eV absorption cross-section of CdSe and CsPbBr3 against dot volume, the size-independent
<N>_th of the Fig. 10b curves (3LS + ESA SE threshold with band-edge pumping and its ASE
threshold under 400 nm Poisson excitation, the graded alloy, the paper's CsPbBr3 value, the
lowered curves COMPUTED from the model: the emissive XX binding giving the paper's factor 3 and
the light-harvesting shell thickness giving its factor 10, and the 4LS limit) and the
companion CdSe fluence thresholds J_th(V) (``docs/qd_gain.md`` §6). One point.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import MJ, ase_point_params, log_grid, model_point_params, threshold_point_params

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
    "xx_delta_xxe": Var((), "eV", "Delta_XXE giving the paper's XX-engineering factor"),
    "xx_factor_delta_xxa2_only": Var(
        (), "1", "largest lowering by Delta_XXA2 alone (ESA detuned far off resonance)"
    ),
    "shell_thickness": Var((), "nm", "shell thickness giving the paper's shell factor"),
    "shell_core_volume": Var((), "nm^3", "reference core volume of the shell factor"),
    "ase_400": Var((), "1", "3LS+ESA ASE threshold sigma J, 400 nm Poisson excitation"),
}
#: keys of the curves (the coordinate values are their legend labels, built in ``solve``)
CURVES = ("universal", "ase_400", "alloy", "cspbbr3", "xx_engineered", "shell", "four_level")


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: Simple Model, thresholds, ``scaling`` (as ``sc_<key>``), the alloy
    Delta_XXA2 and the ``ase`` section (for the 400 nm ASE threshold)."""
    s = {f"sc_{k}": v for k, v in section["scaling"].items()}
    return [
        {
            **model_point_params(section),
            **threshold_point_params(section),
            **ase_point_params(section),
            **s,
            "alloy_delta_xxa2": section["alloy"]["delta_xxa2"],
        }
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Cross-sections on the volume grid, the curves' thresholds and J_th(V) for CdSe."""
    import numpy as np

    from lightmatter.qd_gain import scaling, spectra
    from lightmatter.qd_gain.sweeps import _models

    V = log_grid(point["sc_V"])
    per_volume = float(point["sc_cdse_per_volume"])
    s_cdse = scaling.sigma_400(V, per_volume)
    s_pbbr = scaling.sigma_400(V, per_volume * float(point["sc_cspbbr3_factor"]))
    kw = {
        "eps": float(point["thr_eps"]),
        "window": _models.search_window(point),
        "num": int(point["thr_num_E"]),
        "num_N": int(point["thr_num_N"]),
    }
    base = _models.model(point, "3LS_ESA")
    universal = _models.thresholds(base, point)[0].N
    alloy_model = _models.model(point, "3LS_ESA", delta_xxa2=float(point["alloy_delta_xxa2"]))
    N_alloy = _models.thresholds(alloy_model, point)[0].N
    se_max_4, first_gain_4 = _models.thresholds(_models.model(point, "4LS"), point)
    limit = str(point["sc_four_level_limit"])
    f_xx = float(point["sc_xx_engineering_factor"])
    d_xx, N_xx = scaling.xx_binding_for_factor(base, f_xx, **kw)
    far = spectra.se_threshold(spectra.with_binding(base, 1.0), **kw).N  # ESA 1 eV off
    f_sh = float(point["sc_shell_factor"])
    Vc = float(point["sc_shell_core_volume"])
    eta, rho = float(point["sc_shell_eta"]), float(point["sc_shell_absorption_ratio"])
    t = scaling.shell_thickness_for_factor(f_sh, Vc, eta, rho)
    ase_400 = _models.ase_thresholds_N(point, "poisson")["3LS_ESA"]
    labels = {
        "universal": f"SE, band-edge pump (Rabi), 3LS+ESA: {universal:.2f}",
        "ase_400": f"ASE, 400 nm pump (Poisson σJ), 3LS+ESA: {ase_400:.2f}",
        "alloy": f"graded alloy, SE (Δ_XXA2 fitted): {N_alloy:.2f}",
        "cspbbr3": f"CsPbBr3 (paper value): {float(point['sc_N_th_cspbbr3']):.2f}",
        "xx_engineered": f"engineered XX, Δ_XXE = {d_xx * 1e3:.0f} meV: {N_xx:.2f} (÷{f_xx:g})",
        "shell": f"shell t = {t:.2f} nm (÷{f_sh:g} at V = {Vc:g} nm³)",
        "four_level": "4LS limit: "
        + (
            f"first gain (ε = {float(point['thr_eps']):g}): {first_gain_4.N:.2f}"
            if limit == "first_gain"
            else f"SE maximum: {se_max_4.N:.2f}"
        ),
    }
    curves = scaling.threshold_curves(
        universal=universal,
        ase_400=ase_400,
        alloy=N_alloy,
        cspbbr3=float(point["sc_N_th_cspbbr3"]),
        xx_engineered=N_xx,
        shell=universal / scaling.shell_factor(V, t, eta, rho),
        four_level=first_gain_4.N if limit == "first_gain" else se_max_4.N,
        labels=labels,
    )
    N_th = np.array([curves[labels[k]] for k in CURVES])
    lam = float(point["ase_wavelength_nm"])
    return {
        "V": V,
        "curve": [labels[k] for k in CURVES],
        "sigma_cdse": s_cdse,
        "sigma_cspbbr3": s_pbbr,
        "N_th": N_th,
        "J_th_cdse": np.array([scaling.fluence_threshold(1.0, s_cdse, lam) * n for n in N_th]),
        "four_level_limit": limit,
        "xx_delta_xxe": d_xx,
        "xx_factor_delta_xxa2_only": universal / far,
        "shell_thickness": t,
        "shell_core_volume": Vc,
        "ase_400": ase_400,
    }
