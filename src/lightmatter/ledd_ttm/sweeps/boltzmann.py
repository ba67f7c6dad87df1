"""Boltzmann-equation runs at paper resolution: Figs. 2, 4a and 6 (``fig2``, ``fig4a``, ``fig6``).

For each material of ``boltzmann.materials``, one run of the BE for the isotropic distribution
f(eps, t) with photo-excitation, e-ph and e-e collision terms (Eqs. 3-19), driven by the pulse
absorbed in the source material: f(eps, t), the effective temperature (Eq. 20), T_ph and the
energy bookkeeping; f and the three terms at the snapshot times (Fig. 2); and the Fokker-Planck
form of the e-ph term at the snapshots (Eq. 29, Fig. 6). Energy grids differ between materials,
so every energy-resolved variable is indexed by ``i_eps`` and padded with NaN to a common length
(``docs/ledd_ttm.md`` §1.3-1.5, §4 and §5-6). Each point is a job of its own (``FAN_OUT``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._be import RUN_VARIABLES, SOLVER_RUN_VARIABLES, be_point, run_be
from ._common import E_F, MATERIAL, TIME, check_materials

_TE = ("t_snap", "i_eps")

TITLE = "Boltzmann-equation runs at paper resolution (Figs. 2, 4, 6)"
POINT_DIMS = {"material": MATERIAL}
COORDS = {
    "t": TIME,
    "t_snap": Var(("t_snap",), "fs", "snapshot time"),
    "i_eps": Var(("i_eps",), "1", "energy-grid index"),
    "term": Var(("term",), "1", "plotted energy-resolved term (dataset variable name)"),
}
VARIABLES = {
    **RUN_VARIABLES,
    "f": Var(("t", "i_eps"), "1", "electron distribution f(eps, t)", allow_nan=True),
    "rho": Var(("i_eps",), "1/(eV m^3)", "density of states (both spins)", allow_nan=True),
    "f_snap": Var(_TE, "1", "f(eps) at the snapshot", allow_nan=True),
    "term_ex": Var(_TE, "1/s", "photo-excitation term (Eq. 5)", allow_nan=True),
    "term_eph": Var(_TE, "1/s", "electron-phonon term (Eq. 10)", allow_nan=True),
    "term_ee": Var(_TE, "1/s", "electron-electron term (Eq. 16)", allow_nan=True),
    "P_abs_snap": Var(("t_snap",), "W/m^3", "absorbed power density"),
    "T_ph_snap": Var(("t_snap",), "K", "phonon temperature"),
    "ee_quadruples": Var((), "1", "e-e quadruples evaluated (after pruning)"),
    "mu0": Var((), "eV", "initial grid chemical potential"),
    "eph_first": Var(
        _TE,
        "1/s",
        "first-derivative (drift) term of Eq. 29, Dc (1 - 2f) f' / rho",
        allow_nan=True,
    ),
    "eph_second": Var(
        _TE,
        "1/s",
        "second-derivative (diffusion) term of Eq. 29, Dc k_B T_ph f'' / rho",
        allow_nan=True,
    ),
    "eph_third": Var(
        _TE,
        "1/s",
        "number-conserving term of Eq. 29, (dDc/deps)_MC [k_B T_ph f' + f(1-f)] / rho",
        allow_nan=True,
    ),
    "eph_band": Var(
        _TE,
        "1/s",
        "non-parabolicity term, (dDc/deps)_band [k_B T_ph f' + f(1-f)] / rho",
        allow_nan=True,
    ),
    "eph_fp": Var(
        _TE, "1/s", "Fokker-Planck e-ph term (conservative flux form, Eq. 29 sum)", allow_nan=True
    ),
    "eph_fp_drift": Var(
        _TE, "1/s", "Fokker-Planck e-ph term: spontaneous-emission (drift) flux", allow_nan=True
    ),
    "eph_fp_diffusion": Var(
        _TE, "1/s", "Fokker-Planck e-ph term: thermal-phonon (diffusion) flux", allow_nan=True
    ),
    "E_D": Var((), "eV", "Debye energy"),
    "eps_star": Var((), "eV", "energy where E_max reaches E_D (2 hbar v_s k = E_D)"),
    "eps": Var(("i_eps",), "eV", "grid energy above the band minimum", allow_nan=True),
    "E_F": E_F,
    "per_photon": Var((), "1", "grid cells per photon energy"),
    "roughness": Var(("t_snap", "term"), "1", "rms second difference / range of each plotted term"),
    "roughness_max": Var(
        ("t_snap", "term"), "1", "max |second difference| / range of each plotted term"
    ),
}
RESOURCES = {"mem_mb": 3000, "runtime": 60}
FAN_OUT = True

#: Dataset variable of each Fokker-Planck result of :func:`fokker_planck.snapshot_terms`.
_FP_NAMES = {
    "eph_first": "first",
    "eph_second": "second",
    "eph_third": "third",
    "eph_band": "band",
    "eph_fp": "total",
    "eph_fp_drift": "drift",
    "eph_fp_diffusion": "diffusion",
}

#: Variables copied from the solver's dataset as they are.
_FROM_SOLVER = (*SOLVER_RUN_VARIABLES, "P_abs_snap", "T_ph_snap", "ee_quadruples", "mu0")

#: Energy-resolved curves drawn in Figs. 2 and 6, checked for grid-scale roughness.
PLOTTED_TERMS = (
    "term_ex",
    "term_eph",
    "term_ee",
    "eph_fp",
    "eph_first",
    "eph_second",
    "eph_third",
    "eph_band",
)


def roughness(y: Any, norm: str = "rms") -> float:
    """Grid-scale roughness of a curve on the uniform grid: the root-mean-square (``norm="rms"``)
    or largest (``"max"``) second difference over the curve's range (max - min). A period-2..4
    oscillation of the size of the signal gives O(1) (rms: times the square root of the
    fraction of the grid it covers); a smooth feature resolved by n points per width ~ 1/n^2;
    a kink (derivative jump, e.g. where E_max = min(E_D, ...) switches) adds to the max only."""
    import numpy as np

    y = np.asarray(y, dtype=float)
    y = y[np.isfinite(y)]
    span = float(np.ptp(y))
    if span == 0:
        return 0.0
    d2 = np.abs(np.diff(y, 2))
    return float((np.sqrt(np.mean(d2**2)) if norm == "rms" else np.max(d2)) / span)


def validate(section: Mapping[str, Any]) -> None:
    """The materials of ``boltzmann.materials`` and the pulse source must be defined under
    ``materials``; every snapshot time (``snapshots_fwhm`` x FWHM) must lie in [t_min, t_max]."""
    check_materials(section, "boltzmann.materials", "pulse.source")
    b = section["boltzmann"]
    fwhm = float(section["pulse"]["fwhm_fs"])
    for i, x in enumerate(b["snapshots_fwhm"]):
        if not float(b["t_min"]) <= float(x) * fwhm <= float(b["t_max"]):
            raise ValueError(
                f"ledd_ttm.boltzmann.snapshots_fwhm[{i}] = {x}: the snapshot time {x} x FWHM "
                f"= {float(x) * fwhm} fs must lie in [t_min, t_max] = [{b['t_min']}, "
                f"{b['t_max']}] fs"
            )


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One BE run per material of ``boltzmann.materials`` at the resolution of ``boltzmann``."""
    b = section["boltzmann"]
    return [be_point(section, m, b["per_photon"], b["ee_ratio"]) for m in b["materials"]]


def _common_length(point: Mapping[str, Any], delta: float) -> int:
    """Length of ``i_eps``, the same for every material of the sweep: at least the cell count
    of any grid spanning e_below + e_above (see ``boltzmann.make_grid``), whatever E_F."""
    import math

    span = float(point["e_above"]) + float(point["e_below"])
    return math.ceil(span / delta) + 2 + int(point["ee_ratio"])


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """One BE run, its Fokker-Planck terms at the snapshots, NaN-padded along ``i_eps``."""
    import numpy as np

    from lightmatter.ledd_ttm import fokker_planck

    ds, mat = run_be(point)
    r = int(point["ee_ratio"])
    eps = ds["eps"].values
    delta = float(ds["delta"])
    fp = fokker_planck.snapshot_terms(
        ds["f_snap"].values,
        eps,
        ds["rho"].values,
        delta,
        ds["T_ph_snap"].values,
        float(ds["mu0"]),
        mat,
        1,  # f is smooth on the fine grid (no average over e-e cells needed)
    )
    n_pad = _common_length(point, delta) - eps.size
    curves = {"term_ex": ds["term_ex"].values, "term_eph": ds["term_eph"].values}
    curves["term_ee"] = ds["term_ee"].values
    curves.update({k: fp[key] for k, key in _FP_NAMES.items()})
    rough = {
        norm: np.array(
            [[roughness(curves[v][i], norm) for v in PLOTTED_TERMS] for i in range(len(ds.t_snap))]
        )
        for norm in ("rms", "max")
    }

    def pad(a: Any) -> Any:
        a = np.asarray(a, dtype=float)
        return np.pad(a, [(0, 0)] * (a.ndim - 1) + [(0, n_pad)], constant_values=np.nan)

    out: dict[str, Any] = {
        "t": ds["t"].values,
        "t_snap": ds["t_snap"].values,
        "i_eps": np.arange(eps.size + n_pad),
        "f": pad(ds["f"].values),
        "rho": pad(ds["rho"].values),
        "f_snap": pad(ds["f_snap"].values),
        "term_ex": pad(ds["term_ex"].values),
        "term_eph": pad(ds["term_eph"].values),
        "term_ee": pad(ds["term_ee"].values),
        **{k: ds[k].values for k in _FROM_SOLVER},
        **{k: pad(fp[key]) for k, key in _FP_NAMES.items()},
        "E_D": mat.E_D,
        "eps_star": fokker_planck.eps_star(mat),
        "eps": pad(eps),
        "E_F": mat.E_F,
        "per_photon": int(point["per_photon"]),
        "ee_ratio": r,
        "dt_pulse": float(point["dt_pulse"]),
        "term": np.array(PLOTTED_TERMS, dtype=object),
        "roughness": rough["rms"],
        "roughness_max": rough["max"],
    }
    return out
