"""Sweeps of the ``qd_gain`` study: case tables from the config and point solvers.

Each solver evaluates the physics of ``rate_equations``, ``statistics``, ``spectra``, ``ase`` and
``scaling`` on the grids of one figure family and returns an :class:`xarray.Dataset` with units
and long names (variables that may hold NaN carry ``allow_nan=1``). Every point solves in well
under a second, so points are bundled (``POINTS_PER_JOB``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import xarray as xr

from lightmatter.sweeps import Sweep, expand_case_dims

from . import ase as A
from . import rate_equations as rq
from . import scaling as sc
from . import spectra as sp
from . import statistics as st

__all__ = ["REFERENCES", "SEED_PAPER", "STUDY", "SWEEPS"]

STUDY = "qd_gain"
SEED_PAPER = (
    "D. Zenatti, P. Kambhampati, A path towards thresholdless colloidal quantum dot lasers by "
    "solving decades of mythology on optical gain (seed text 002_8403fe716e40a802)"
)
REFERENCES = (
    "Zenatti & Kambhampati, A path towards thresholdless colloidal quantum dot lasers "
    "(no DOI in the seed)"
)

_PKG = "lightmatter.qd_gain"
_CW = (f"{_PKG}.rate_equations", f"{_PKG}.cases")
_ST = (f"{_PKG}.statistics", f"{_PKG}.cases")
_SP = (f"{_PKG}.spectra", f"{_PKG}.statistics", f"{_PKG}.cases")
_ASE = (f"{_PKG}.ase", *_SP)
_SC = (f"{_PKG}.scaling", *_ASE)

POINTS_PER_JOB = 64


def _attrs(long_name: str, units: str = "1", allow_nan: bool = False) -> dict[str, Any]:
    a: dict[str, Any] = {"units": units, "long_name": long_name}
    if allow_nan:
        a["allow_nan"] = 1
    return a


def _lin(spec: Mapping[str, Any]) -> np.ndarray:
    return np.linspace(float(spec["min"]), float(spec["max"]), int(spec["num"]))


def _log(spec: Mapping[str, Any]) -> np.ndarray:
    return np.geomspace(float(spec["min"]), float(spec["max"]), int(spec["num"]))


EV = "eV"
MJ = "mJ/cm^2"
CASE = _attrs("Simple Model case (3LS/4LS, with or without ESA into XX)")
NCOORD = _attrs("mean exciton number <N>")
ECOORD = _attrs("photon energy E", EV)
OD = "sigma_A"  # absorbances in units of the linear absorption peak


def _model_params(sec: Mapping[str, Any]) -> dict[str, Any]:
    m = sec["model"]
    keys = ("E_A", "fwhm", "stokes_3ls", "overlap_4ls", "kappa", "delta_xxe", "delta_xxa1")
    return {**{k: float(m[k]) for k in keys}, "occupancy": str(m["occupancy"])}


def _model(p: Mapping[str, Any], case: str, **over: Any) -> sp.SimpleModel:
    kw = {k: p[k] for k in ("E_A", "fwhm", "delta_xxe", "delta_xxa1", "occupancy")}
    kw.update(over)
    return sp.case_model(
        case,
        stokes_3ls=float(p["stokes_3ls"]),
        overlap_4ls=float(p["overlap_4ls"]),
        kappa=float(p["kappa"]),
        **kw,
    )


def _thr_params(sec: Mapping[str, Any]) -> dict[str, Any]:
    t = sec["threshold"]
    return {f"thr_{k}": t[k] for k in ("eps", "search_min", "search_max", "num_E", "num_N")}


def _thresholds(m: sp.SimpleModel, p: Mapping[str, Any]) -> tuple[sp.Threshold, sp.Threshold]:
    kw = {
        "eps": float(p["thr_eps"]),
        "window": (float(p["thr_search_min"]), float(p["thr_search_max"])),
        "num": int(p["thr_num_E"]),
        "num_N": int(p["thr_num_N"]),
    }
    return sp.se_threshold(m, "se_max", **kw), sp.se_threshold(m, "first_gain", **kw)


def _scalar(v: float, a: dict[str, Any]) -> tuple[tuple[()], float, dict[str, Any]]:
    return ((), float(v), a)


# ------------------------------------------------------------------ Figs. 6d, 7b: cw
def _cw_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    return [dict(sec["cw"])]


def _cw_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    W = _log(p["pump"])
    t = {k: float(p[k]) for k in ("tau21", "tau32", "tau10")}
    rho = float(p["esa_ratio"])
    sys = list(rq.SYSTEMS)
    gain = np.array([rq.cw_gain(s, W, **t) for s in sys])
    gain_esa = np.array([rq.cw_gain(s, W, esa_ratio=rho, **t) for s in sys])
    pops = [rq.cw_populations(s, W, **t) for s in sys]
    ds = xr.Dataset(
        {
            "inversion": (
                ("system", "pump"),
                gain,
                _attrs("population inversion n_up - n_low (small-signal gain / sigma_SE N)"),
            ),
            "gain_esa": (
                ("system", "pump"),
                gain_esa,
                _attrs("gain with ESA into XX: n_up (1 - rho) - n_low"),
            ),
            "n_up": (("system", "pump"), np.array([q["n_up"] for q in pops]), _attrs("n_up")),
            "n_low": (("system", "pump"), np.array([q["n_low"] for q in pops]), _attrs("n_low")),
            "W_th": (
                "system",
                np.array([rq.cw_threshold(s, **t) for s in sys]) * t["tau21"],
                _attrs("analytic threshold W_th tau_21 (inf: never; 0: thresholdless)", "1", True),
            ),
            "W_th_esa": (
                "system",
                np.array([rq.cw_threshold(s, esa_ratio=rho, **t) for s in sys]) * t["tau21"],
                _attrs("analytic threshold W_th tau_21 with ESA (inf: never)", "1", True),
            ),
            "esa_ratio": _scalar(rho, _attrs("rho = sigma_ESA / sigma_SE")),
            "tau32": _scalar(t["tau32"], _attrs("tau_32", "tau_21")),
            "tau10": _scalar(t["tau10"], _attrs("tau_10", "tau_21")),
        },
        coords={
            "system": ("system", sys, _attrs("lasing system")),
            "pump": ("pump", W * t["tau21"], _attrs("pump rate W tau_21")),
        },
    )
    ds["case_id"] = ((), pid, _attrs("point identifier (hash of parameters)"))
    return ds


# ------------------------------------------------------------------ Fig. 8b: statistics
def _stat_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    return [dict(sec["statistics"])]


def _stat_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    x = _lin(p["x"])
    N = _lin(p["N"])
    occ = list(st.OCCUPANCIES)
    P = np.array([np.stack(st.state_populations(N, o)) for o in occ])  # (occ, k, N)
    ds = xr.Dataset(
        {
            "N_poisson": ("x", st.mean_occupancy(x, 1.0, "poisson"), _attrs("<N>, Poisson")),
            "excited_poisson": (
                "x",
                -np.expm1(-x),
                _attrs("fraction of excited dots, Poisson 1 - exp(-sigma J)"),
            ),
            "N_rabi": (
                "x",
                st.mean_occupancy(x, 1.0, "rabi"),
                _attrs("<N>, orientation-averaged Rabi 1 - sin(2a)/2a"),
            ),
            "N_rabi_aligned": (
                "x",
                st.mean_occupancy(x, 1.0, "rabi_aligned"),
                _attrs("<N>, aligned Rabi 2 sin^2 sqrt(sigma J/2)"),
            ),
            "bleach_poisson": (
                "x",
                st.band_edge_filling(x, 1.0, "poisson"),
                _attrs("band-edge filling, Poisson 1 - e^-x (1 + x/2)"),
            ),
            "bleach_rabi": (
                "x",
                st.band_edge_filling(x, 1.0, "rabi"),
                _attrs("band-edge filling, orientation-averaged Rabi <N>/2"),
            ),
            "P": (("occupancy", "k", "N"), P, _attrs("state population P_k (k = 2: two or more)")),
        },
        coords={
            "x": ("x", x, _attrs("sigma J (photons absorbed per dot, linear limit)")),
            "N": ("N", N, NCOORD),
            "occupancy": ("occupancy", occ, _attrs("occupancy model")),
            "k": ("k", [0, 1, 2], _attrs("number of excitons")),
        },
    )
    ds["case_id"] = ((), pid, _attrs("point identifier (hash of parameters)"))
    return ds


# ------------------------------------------------------------------ Fig. 8a: components
def _comp_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    mp = sec["maps"]
    return [{**_model_params(sec), **{k: mp[k] for k in ("E_min", "E_max", "num_E")}}]


def _comp_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    cases = list(sp.CASES)
    E = float(p["E_A"]) + np.linspace(float(p["E_min"]), float(p["E_max"]), int(p["num_E"]))
    comps = ("A_X", "PL_X", "A_XX1", "A_XX2", "PL_XX")
    data = {c: np.array([sp.components(E, _model(p, k))[c] for k in cases]) for c in comps}
    models = [_model(p, k) for k in cases]
    long = {
        "A_X": "linear absorption 0 -> X_A",
        "PL_X": "emission X_E -> 0",
        "A_XX1": "nonlinear absorption X_A -> XX_A1",
        "A_XX2": "nonlinear absorption X_E -> XX_A2",
        "PL_XX": "emission XX_E -> X_E",
    }
    ds = xr.Dataset(
        {c: (("case", "E"), data[c], _attrs(long[c] + " (unit peak)")) for c in comps},
        coords={"case": ("case", cases, CASE), "E": ("E", E, ECOORD)},
    )
    ds["kappa"] = ("case", [m.kappa for m in models], _attrs("ESA strength kappa"))
    ds["stokes"] = ("case", [m.stokes for m in models], _attrs("Stokes shift S", EV))
    ds["E_PL"] = ("case", [m.E_PL for m in models], _attrs("PL_X centre", EV))
    ds["delta_xxa2"] = ("case", [m.dxxa2 for m in models], _attrs("Delta_XXA2", EV))
    ds["delta_xxa1"] = _scalar(float(p["delta_xxa1"]), _attrs("Delta_XXA1", EV))
    ds["delta_xxe"] = _scalar(float(p["delta_xxe"]), _attrs("Delta_XXE", EV))
    ds["E_A"] = _scalar(float(p["E_A"]), _attrs("A_X centre", EV))
    ds["case_id"] = ((), pid, _attrs("point identifier (hash of parameters)"))
    return ds


# ------------------------------------------------------------------ Figs. 8c-f: maps
def _map_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    mp = sec["maps"]
    return [{**_model_params(sec), **_thr_params(sec), **dict(mp), "case": c} for c in sp.CASES]


def _map_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    case = str(p["case"])
    m = _model(p, case)
    E = m.E_A + np.linspace(float(p["E_min"]), float(p["E_max"]), int(p["num_E"]))
    N = np.linspace(0.0, m.n_max, int(p["num_N"]))
    Ns = np.array(sorted(float(v) for v in p["spectra_N"]))
    prim, sec = _thresholds(m, p)
    E_eps = sec.E if np.isfinite(sec.E) else prim.E
    ds = xr.Dataset(
        {
            "od_nl": (("N", "E"), sp.od_nl(E[None, :], N[:, None], m), _attrs("OD_NL", OD)),
            "od_0": ("E", sp.od_nl(E, 0.0, m), _attrs("linear absorption OD_0", OD)),
            "spectra": (
                ("N_spectra", "E"),
                sp.od_nl(E[None, :], Ns[:, None], m),
                _attrs("OD_NL at the projected <N>", OD),
            ),
            "profile_se_max": (
                "N",
                sp.od_nl(prim.E, N, m),
                _attrs("OD_NL at the SE-maximum energy E_max", OD),
            ),
            "profile_first_gain": (
                "N",
                sp.od_nl(E_eps, N, m),
                _attrs("OD_NL at the first-gain energy E_eps", OD),
            ),
            "N_th": _scalar(prim.N, _attrs("SE threshold at E_max (primary)", "1", True)),
            "N_th_first_gain": _scalar(
                sec.N, _attrs("SE threshold min_E OD_NL <= -eps (secondary)", "1", True)
            ),
            "E_se_max": _scalar(prim.E, _attrs("SE maximum energy E_max", EV)),
            "E_first_gain": _scalar(E_eps, _attrs("energy of the first gain E_eps", EV)),
            "ratio": _scalar(
                sp.se_cross_section_ratio(
                    m,
                    (float(p["thr_search_min"]), float(p["thr_search_max"])),
                    int(p["thr_num_E"]),
                ),
                _attrs("|sigma_SE / sigma_A|"),
            ),
            "E_PL": _scalar(m.E_PL, _attrs("PL_X centre", EV)),
            "stokes": _scalar(m.stokes, _attrs("Stokes shift S", EV)),
            "kappa": _scalar(m.kappa, _attrs("ESA strength kappa")),
            "eps": _scalar(float(p["thr_eps"]), _attrs("first-gain criterion eps", OD)),
        },
        coords={
            "N": ("N", N, NCOORD),
            "E": ("E", E, ECOORD),
            "N_spectra": ("N_spectra", Ns, _attrs("<N> of the projected spectra")),
        },
    )
    return expand_case_dims(ds, {"case": (case, CASE)}, pid)


# ------------------------------------------------------------------ Figs. 8g-h: binding
def _bind_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    base = {**_model_params(sec), **_thr_params(sec), "delta_xxa2": sec["binding"]["delta_xxa2"]}
    return [{**base, "case": c} for c in ("3LS_ESA", "4LS_ESA")]


def _bind_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    case = str(p["case"])
    D = _lin(p["delta_xxa2"])
    res = [_thresholds(_model(p, case, delta_xxa2=float(d)), p) for d in D]
    m0 = _model(p, case)
    DX = "delta_xxa2"
    ds = xr.Dataset(
        {
            "N_th": (
                DX,
                [r[0].N for r in res],
                _attrs("SE threshold at the SE maximum", "1", True),
            ),
            "N_th_first_gain": (
                DX,
                [r[1].N for r in res],
                _attrs("SE threshold at the first-gain energy", "1", True),
            ),
            "E_se_max": (DX, [r[0].E for r in res], _attrs("SE maximum energy", EV, True)),
            "E_first_gain": (DX, [r[1].E for r in res], _attrs("first-gain energy", EV, True)),
            "stokes": _scalar(m0.stokes, _attrs("Stokes shift S", EV)),
            "N_th_resonant": _scalar(
                _thresholds(m0, p)[0].N, _attrs("SE threshold at Delta_XXA2 = S", "1", True)
            ),
        },
        coords={DX: (DX, D, _attrs("absorptive XX binding Delta_XXA2", EV))},
    )
    return expand_case_dims(ds, {"case": (case, CASE)}, pid)


# ------------------------------------------------------------------ Fig. 9: ASE
def _ase_section(sec: Mapping[str, Any]) -> dict[str, Any]:
    a = sec["ase"]
    return {f"ase_{k}": v for k, v in a.items()}


def _ase_params(p: Mapping[str, Any], mapping: str | None = None, **over: float) -> A.AseParams:
    kw: dict[str, Any] = {
        "G0": float(p["ase_G0"]),
        "mapping": mapping or str(p["ase_mapping"]),
        "J_pi": float(p["ase_J_pi"]),
        "sigma_pump": float(p["ase_sigma_pump"]),
        "wavelength_nm": float(p["ase_wavelength_nm"]),
        "m_threshold": float(p["ase_m_threshold"]),
        "window": (float(p["ase_E_min"]), float(p["ase_E_max"])),
        "num": int(p["ase_num_E"]),
    }
    kw.update(over)
    return A.AseParams(**kw)


def _fitted(p: Mapping[str, Any], mapping: str, N_th: dict[str, float]) -> A.AseParams:
    """ASE parameters with the mapping's scale fitted to the paper's thresholds (if asked)."""
    base = _ase_params(p, mapping)
    if not p["ase_fit_scale"]:
        return base
    cases = sorted(p["ase_paper_J_th"])
    Ns = np.array([N_th[c] for c in cases])
    Jp = np.array([float(p["ase_paper_J_th"][c]) for c in cases])
    if mapping == "area":
        return _ase_params(p, mapping, J_pi=A.fit_pulse_area_fluence(Ns, Jp))
    # J = g(N) / (sigma k): log-least-squares in sigma
    unit = _ase_params(p, mapping, sigma_pump=1.0 / A.photons_per_mJ(base.wavelength_nm))
    g = A.N_to_fluence(Ns, unit)
    sig = np.exp(np.mean(np.log(g) - np.log(Jp))) / A.photons_per_mJ(base.wavelength_nm)
    return _ase_params(p, mapping, sigma_pump=float(sig))


def _ase_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    return [{**_model_params(sec), **_ase_section(sec)}]


def _ase_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    cases = list(sp.CASES)
    models = {c: _model(p, c) for c in cases}
    N_th = {c: A.ase_threshold(models[c], _ase_params(p)).N for c in cases}
    maps = list(A.MAPPINGS)
    fits = {mp: _fitted(p, mp, N_th) for mp in maps}
    P = fits[str(p["ase_mapping"])]
    J_th = {c: float(A.N_to_fluence(N_th[c], P)) for c in cases}
    ratios = np.array(sorted(float(r) for r in p["ase_fluence_ratios"]))
    Jg = _log(p["ase_J"])
    E = P.energies(models[cases[0]])
    I, S, Nl, Jl, peak, M = [], [], [], [], [], []
    for c in cases:
        r = A.ase_spectra(J_th[c] * ratios, models[c], P)
        I.append(r["I"])
        S.append(r["S"])
        Nl.append(r["N"])
        Jl.append(J_th[c] * ratios)
        peak.append(r["E"][np.argmax(r["I"], axis=1)] - models[c].E_PL)
        M.append(A.ase_spectra(Jg, models[c], P)["M"])
    paper = [float(p["ase_paper_J_th"].get(c, np.nan)) for c in cases]
    J_th_map = np.array([[float(A.N_to_fluence(N_th[c], fits[mp])) for c in cases] for mp in maps])
    ds = xr.Dataset(
        {
            "I": (("case", "ratio", "E"), np.array(I), _attrs("ASE output I(E)", "PL peak")),
            "S": (
                ("case", "ratio", "E"),
                np.array(S),
                _attrs("spontaneous source S(E)", "PL peak"),
            ),
            "N": (("case", "ratio"), np.array(Nl), _attrs("<N> at the plotted fluences")),
            "J": (("case", "ratio"), np.array(Jl), _attrs("plotted fluences", MJ)),
            "peak_shift": (
                ("case", "ratio"),
                np.array(peak),
                _attrs("ASE peak energy minus E_PL", EV),
            ),
            "M": (("case", "J_grid"), np.array(M), _attrs("amplification int I / int S")),
            "N_th": ("case", [N_th[c] for c in cases], _attrs("ASE threshold <N> (M = m_th)")),
            "J_th": ("case", [J_th[c] for c in cases], _attrs("ASE threshold fluence", MJ)),
            "J_th_paper": ("case", paper, _attrs("paper's quoted ASE threshold", MJ)),
            "J_th_mapping": (
                ("mapping", "case"),
                J_th_map,
                _attrs("ASE threshold fluence under each (fitted) mapping", MJ),
            ),
            "mapping_scale": (
                "mapping",
                [fits[mp].J_pi if mp == "area" else fits[mp].sigma_pump for mp in maps],
                _attrs("mapping scale: J_pi [mJ/cm^2] (area) or sigma_pump [cm^2]", "mixed"),
            ),
            "E_PL": ("case", [models[c].E_PL for c in cases], _attrs("PL_X centre", EV)),
            "J_pi": _scalar(P.J_pi, _attrs("J_pi of the area mapping", MJ)),
            "sigma_pump": _scalar(P.sigma_pump, _attrs("pump cross-section", "cm^2")),
            "G0": _scalar(P.G0, _attrs("gain-length product G0")),
            "m_threshold": _scalar(P.m_threshold, _attrs("threshold amplification M")),
        },
        coords={
            "case": ("case", cases, CASE),
            "ratio": ("ratio", ratios, _attrs("fluence J / J_th")),
            "E": ("E", E, ECOORD),
            "J_grid": ("J_grid", Jg, _attrs("fluence J", MJ)),
            "mapping": ("mapping", maps, _attrs("fluence -> <N> mapping")),
        },
    )
    ds["mapping_used"] = ((), str(p["ase_mapping"]), _attrs("fluence -> <N> mapping of J_th, I"))
    ds["case_id"] = ((), pid, _attrs("point identifier (hash of parameters)"))
    return ds


# ------------------------------------------------------------------ Figs. 9e-f: stand-in
def _alloy_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    al = {f"alloy_{k}": v for k, v in sec["alloy"].items()}
    return [{**_model_params(sec), **_ase_section(sec), **_thr_params(sec), **al}]


def _alloy_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    N_th = {c: A.ase_threshold(_model(p, c), _ase_params(p)).N for c in sp.CASES}
    P = _fitted(p, str(p["ase_mapping"]), N_th)
    d = float(p["alloy_delta_xxa2"])
    pumps = ["X1", "X3"]
    models = {
        "X1": _model(p, "3LS_ESA", delta_xxa2=d),
        "X3": _model(
            p,
            "3LS_ESA",
            delta_xxa2=d,
            mx_weight=float(p["alloy_mx_weight"]),
            mx_shift=float(p["alloy_mx_shift"]),
        ),
    }
    ratios = np.array(sorted(float(r) for r in p["alloy_fluence_ratios"]))
    E = P.energies(models["X1"])
    I, Jl, th, se = [], [], [], []
    for k in pumps:
        t = A.ase_threshold(models[k], P)
        r = A.ase_spectra(t.J * ratios, models[k], P)
        I.append(r["I"])
        Jl.append(t.J * ratios)
        th.append(t.J)
        se.append(_thresholds(models[k], p)[0].N)
    ds = xr.Dataset(
        {
            "I": (("pump", "ratio", "E"), np.array(I), _attrs("ASE output I(E)", "PL peak")),
            "J": (("pump", "ratio"), np.array(Jl), _attrs("plotted fluences", MJ)),
            "J_th": ("pump", th, _attrs("ASE threshold fluence (stand-in)", MJ)),
            "N_th_se": ("pump", se, _attrs("SE threshold at E_max (stand-in)", "1", True)),
            "E_PL": _scalar(models["X1"].E_PL, _attrs("PL_X centre", EV)),
            "delta_xxa2": _scalar(d, _attrs("Delta_XXA2 of the stand-in", EV)),
            "J_pi": _scalar(P.J_pi, _attrs("J_pi of the area mapping", MJ)),
        },
        coords={
            "pump": ("pump", pumps, _attrs("pumped state (X1: band edge, X3: higher state)")),
            "ratio": ("ratio", ratios, _attrs("fluence J / J_th")),
            "E": ("E", E, ECOORD),
        },
    )
    ds["case_id"] = ((), pid, _attrs("point identifier (hash of parameters)"))
    return ds


# ------------------------------------------------------------------ Fig. 10: scaling
def _scal_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    s = {f"sc_{k}": v for k, v in sec["scaling"].items()}
    return [
        {
            **_model_params(sec),
            **_thr_params(sec),
            **s,
            "alloy_delta_xxa2": sec["alloy"]["delta_xxa2"],
            "wavelength_nm": sec["ase"]["wavelength_nm"],
        }
    ]


def _scal_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    V = _log(p["sc_V"])
    s_cdse = sc.sigma_400(V, float(p["sc_cdse_per_volume"]))
    s_pbbr = sc.sigma_400(V, float(p["sc_cdse_per_volume"]) * float(p["sc_cspbbr3_factor"]))
    univ = _thresholds(_model(p, "3LS_ESA"), p)[0].N
    alloy = _thresholds(_model(p, "3LS_ESA", delta_xxa2=float(p["alloy_delta_xxa2"])), p)[0].N
    prim4, first4 = _thresholds(_model(p, "4LS"), p)
    lim = first4.N if p["sc_four_level_limit"] == "first_gain" else prim4.N
    curves = {
        "CdSe universal (3LS+ESA)": univ,
        "graded alloy (3LS+ESA, weak XX)": alloy,
        "CsPbBr3 (paper)": float(p["sc_N_th_cspbbr3"]),
        "engineered XX (/3)": univ / float(p["sc_xx_engineering_factor"]),
        "light-harvesting shell (/10)": univ / float(p["sc_shell_factor"]),
        "4LS limit": lim,
    }
    names = list(curves)
    Nth = np.array([curves[k] for k in names])
    lam = float(p["wavelength_nm"])
    ds = xr.Dataset(
        {
            "sigma_cdse": ("V", s_cdse, _attrs("sigma_400, CdSe", "cm^2")),
            "sigma_cspbbr3": ("V", s_pbbr, _attrs("sigma_400, CsPbBr3", "cm^2")),
            "N_th": (("curve", "V"), np.repeat(Nth[:, None], V.size, 1), _attrs("<N>_th")),
            "J_th_cdse": (
                ("curve", "V"),
                np.array([sc.fluence_threshold(n, s_cdse, lam) for n in Nth]),
                _attrs("J_th = <N>_th / (sigma_400 photons/mJ), CdSe", MJ),
            ),
        },
        coords={
            "V": ("V", V, _attrs("dot volume", "nm^3")),
            "curve": ("curve", names, _attrs("threshold curve")),
        },
    )
    ds["four_level_limit"] = ((), str(p["sc_four_level_limit"]), _attrs("4LS limit definition"))
    ds["case_id"] = ((), pid, _attrs("point identifier (hash of parameters)"))
    return ds


SWEEPS: dict[str, Sweep] = {
    s.name: s
    for s in (
        Sweep("cw", _cw_cases, _cw_solve, (), _CW, "cw gain of 2/3/4-level systems (Figs. 6d, 7b)"),
        Sweep(
            "statistics",
            _stat_cases,
            _stat_solve,
            (),
            _ST,
            "Poisson vs Rabi excitation statistics (Fig. 8b)",
        ),
        Sweep(
            "components",
            _comp_cases,
            _comp_solve,
            (),
            _SP,
            "Simple Model Gaussian transitions (Fig. 8a)",
        ),
        Sweep(
            "se_maps",
            _map_cases,
            _map_solve,
            ("case",),
            _SP,
            "OD_NL(E, <N>) maps, SE thresholds and cross-sections (Figs. 8c-f)",
            points_per_job=POINTS_PER_JOB,
        ),
        Sweep(
            "binding",
            _bind_cases,
            _bind_solve,
            ("case",),
            _SP,
            "SE threshold vs absorptive XX binding energy (Figs. 8g-h)",
            points_per_job=POINTS_PER_JOB,
        ),
        Sweep("ase", _ase_cases, _ase_solve, (), _ASE, "ASE spectra and thresholds (Figs. 9a-d)"),
        Sweep(
            "ase_alloy",
            _alloy_cases,
            _alloy_solve,
            (),
            _ASE,
            "Graded-alloy ASE stand-in, X1 and X3 pumping (Figs. 9e-f, model not data)",
        ),
        Sweep(
            "scaling",
            _scal_cases,
            _scal_solve,
            (),
            _SC,
            "sigma_400 vs volume and universal thresholds (Fig. 10)",
        ),
    )
}
