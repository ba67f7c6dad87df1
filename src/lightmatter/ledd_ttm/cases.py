"""Sweeps of the ``ledd_ttm`` study: case tables from the config and point solvers.

Cheap curves (band, rates, thermal functions, TTM) are bundled; every Boltzmann run (one
material at one resolution) is a point and a job of its own. Materials are data: each point
carries the full parameter dict of its material(s), so a config change reruns exactly the
affected points. Physics note: ``shared/physics/ledd_ttm.md``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import numpy as np
import xarray as xr
from scipy.special import expit

from lightmatter.sweeps import Sweep, expand_case_dims

from . import boltzmann as be
from . import fokker_planck as fp
from . import physics as ph
from .materials import KB_EV, Material

__all__ = ["REFERENCES", "SEED_PAPER", "STUDY", "SWEEPS"]

STUDY = "ledd_ttm"
SEED_PAPER = (
    "H.-I. Un, S. Sarkar, Y. Sivan et al., The electronic and thermal response of low electron "
    "density Drude materials to ultrafast optical illumination, arXiv:2207.14528 (seed text "
    "003_acccfee11566d669)"
)
REFERENCES = "arXiv:2207.14528"

_PKG = "lightmatter.ledd_ttm"
_PHYS = (f"{_PKG}.materials", f"{_PKG}.physics", f"{_PKG}.cases")
_BE = (*_PHYS, f"{_PKG}.boltzmann", f"{_PKG}.kernels")
_BE_FP = (*_BE, f"{_PKG}.fokker_planck")
_LOG = logging.getLogger("lightmatter.ledd_ttm.cases")


def _a(long_name: str, units: str = "1", nan: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"units": units, "long_name": long_name}
    if nan:
        out["allow_nan"] = 1
    return out


MAT = _a("material")


def _mat(p: Mapping[str, Any], key: str = "material") -> Material:
    return Material.from_dict(str(p[key]), p[f"{key}_params"])


def _pulse(p: Mapping[str, Any]) -> ph.Pulse:
    q = p["pulse"]
    return ph.Pulse(float(q["wavelength_nm"]), float(q["fwhm_fs"]), float(q["I0_GW_cm2"]))


def _with(sec: Mapping[str, Any], name: str, key: str = "material") -> dict[str, Any]:
    return {key: name, f"{key}_params": dict(sec["materials"][name])}


# ------------------------------------------------------------------ Fig. 1a: band / eDOS
def _band_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    return [{**_with(sec, m), **sec["band"]} for m in sec["ledd"]]


def _band_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    mat = _mat(p)
    par = Material.from_dict(mat.name, {**mat.as_dict(), "C": 0.0})
    eps = np.linspace(0.0, float(p["eps_max"]), int(p["num"]))
    hv = ph.HBAR * mat.v_s / ph.QE
    ds = xr.Dataset(
        {
            "dos": ("eps", ph.dos(eps, mat), _a("eDOS, Kane band (Eq. 2)", "1/(eV m^3)")),
            "dos_parabolic": ("eps", ph.dos(eps, par), _a("eDOS, C = 0 (same m*)", "1/(eV m^3)")),
            "k": ("eps", ph.wavenumber(eps, mat) * 1e-9, _a("wave number k(eps)", "1/nm")),
            "E_max": (
                "eps",
                ph.e_max(eps, mat, "paper"),
                _a("E_max = min(E_D, 2 hbar v_s k)", "eV"),
            ),
            "E_F": ((), mat.E_F, _a("Fermi energy", "eV")),
            "k_F": ((), mat.k_F * 1e-9, _a("Fermi wave number", "1/nm")),
            "q_D": ((), mat.q_D * 1e-9, _a("Debye wave number E_D/(hbar v_s)", "1/nm")),
            "eps_star": (
                (),
                float(np.interp(mat.q_D / 2, ph.wavenumber(eps, mat), eps)),
                _a("energy where 2 k = q_D", "eV"),
            ),
            "hbar_v_s": ((), hv, _a("hbar v_s", "eV m")),
        },
        coords={"eps": ("eps", eps, _a("electron energy above the band minimum", "eV"))},
    )
    return expand_case_dims(ds, {"material": (mat.name, MAT)}, pid)


# ------------------------------------------------------------------ Fig. 1b-c: rates
def _rate_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    ref = sec["reference"]
    return [
        {**_with(sec, m), **_with(sec, ref, "reference"), **sec["rates"], "pulse": sec["pulse"]}
        for m in sec["ledd"]
    ]


def _rate_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    mat, ref = _mat(p), _mat(p, "reference")
    par = Material.from_dict(mat.name, {**mat.as_dict(), "C": 0.0})
    T = float(p["T"])
    eps = np.linspace(float(p["eps_max"]) / int(p["num"]), float(p["eps_max"]), int(p["num"]))
    pulse = _pulse(p)
    grid = be.make_grid(
        mat, pulse.hbar_omega, int(p["ee_per_photon"]), e_above=float(p["eps_max"]) - mat.E_F
    )
    rho_d = ph.dos(grid.eps, mat) * grid.delta
    mu_g = be._grid_mu(T, rho_d, grid.eps, mat.n_e, ph.chemical_potential(T, mat))
    ee_grid = be.ee_rates(be.fermi_on_grid(T, mu_g, grid), grid, mat)
    x = eps - mat.E_F
    x_ref = np.linspace(-1.0, 1.0, 81)
    R = "1/s"
    ds = xr.Dataset(
        {
            "eph_exact": (
                "eps",
                ph.eph_rate(eps, T, mat, "exact"),
                _a("e-ph rate, exact MC (Eq. 12)", R),
            ),
            "eph_paper": (
                "eps",
                ph.eph_rate(eps, T, mat, "paper"),
                _a("e-ph rate, E_max of Eq. 11", R),
            ),
            "eph_none": ("eps", ph.eph_rate(eps, T, mat, "none"), _a("e-ph rate, no MC", R)),
            "eph_approx": (
                "eps",
                ph.eph_rate_approx(eps, T, mat),
                _a("e-ph rate, Eq. 13 analogue", R),
            ),
            "ee_fl": (
                "eps",
                ph.ee_rate_fermi_liquid(eps, T, mat),
                _a("e-e rate, Fermi liquid (Eq. 18)", R),
            ),
            "ee_fl_parabolic": (
                "eps",
                ph.ee_rate_fermi_liquid(x + par.E_F, T, par),
                _a("e-e rate, Fermi liquid with C = 0 (same eps - E_F)", R),
            ),
            "ee_grid": ("eps_grid", ee_grid, _a("e-e rate from the full integral (grid)", R)),
            "ee_fl_ref": (
                "x_ref",
                ph.ee_rate_fermi_liquid(x_ref + ref.E_F, T, ref),
                _a("e-e rate of the reference metal, Fermi liquid", R),
            ),
            "eph_ref_EF": (
                (),
                float(ph.eph_rate(ref.E_F, T, ref, "exact")[0]),
                _a("e-ph rate of the reference metal at E_F", R),
            ),
            "K_FL": (
                (),
                ph.fermi_liquid_coefficient(mat),
                _a("Fermi-liquid coefficient", "1/(s eV^2)"),
            ),
            "K_FL_parabolic": (
                (),
                ph.fermi_liquid_coefficient(par),
                _a("K_FL with C = 0", "1/(s eV^2)"),
            ),
            "K_FL_ref": (
                (),
                ph.fermi_liquid_coefficient(ref),
                _a("K_FL of the reference", "1/(s eV^2)"),
            ),
            "E_F": ((), mat.E_F, _a("Fermi energy", "eV")),
            "eps_star": (
                (),
                float(np.interp(mat.q_D / 2, ph.wavenumber(eps, mat), eps)),
                _a("energy where 2 k = q_D", "eV"),
            ),
            "T": ((), T, _a("electron and phonon temperature", "K")),
        },
        coords={
            "eps": ("eps", eps, _a("electron energy above the band minimum", "eV")),
            "eps_grid": ("eps_grid", grid.eps, _a("grid energy (e-e integral)", "eV")),
            "x_ref": ("x_ref", x_ref, _a("energy relative to E_F (reference metal)", "eV")),
        },
    )
    return expand_case_dims(ds, {"material": (mat.name, MAT)}, pid)


# ------------------------------------------------------------------ Fig. 3: thermal functions
def _thermal_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    names = list(dict.fromkeys([*sec["ledd"], sec["reference"]]))
    return [{**_with(sec, m), **sec["thermal"]} for m in names]


def _thermal_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    mat = _mat(p)
    g = p["Te"]
    Te = np.geomspace(float(g["min"]), float(g["max"]), int(g["num"]))
    Tph = float(p["Tph"])
    Tf = np.geomspace(max(float(g["min"]), Tph + 50), float(g["max"]), int(p["num_full"]))
    c = ph.sommerfeld_coefficients(mat)
    W = "W/(m^3 K)"
    CE = "J/(m^3 K)"
    ds = xr.Dataset(
        {
            "mu": ("Te", ph.chemical_potential(Te, mat), _a("mu(T_e), exact", "eV")),
            "mu_sommerfeld": (
                "Te",
                ph.chemical_potential(Te, mat, "sommerfeld"),
                _a("mu, 4th-order Sommerfeld", "eV"),
            ),
            "Ce": ("Te", ph.electron_heat_capacity(Te, mat), _a("C_e exact (Eq. 25)", CE)),
            "Ce_linear": ("Te", ph.electron_heat_capacity(Te, mat, "linear"), _a("gamma T", CE)),
            "Ce_cubic": (
                "Te",
                ph.electron_heat_capacity(Te, mat, "cubic"),
                _a("gamma T + beta T^3", CE),
            ),
            "G_leading": (
                "Te",
                ph.ep_coupling(Te, Tph, mat, "exact", "leading"),
                _a("G, leading order with MC (Eq. 26)", W),
            ),
            "G_no_mc": (
                "Te",
                ph.ep_coupling_limit(mat, "no_mc", Te),
                _a("G without MC (Eq. 27)", W),
            ),
            "G_T0": (
                "Te",
                np.full(Te.size, ph.ep_coupling_limit(mat, "T0")),
                _a("G, MC, T_e -> 0 (Eq. 28)", W),
            ),
            "G_full": (
                "Te_full",
                ph.ep_coupling(Tf, Tph, mat, "exact", "full"),
                _a("G, exact double integral, exact MC", W),
            ),
            "G_full_no_mc": (
                "Te_full",
                ph.ep_coupling(Tf, Tph, mat, "none", "full"),
                _a("G, exact double integral, no MC", W),
            ),
            "E_F": ((), mat.E_F, _a("Fermi energy", "eV")),
            "gamma": ((), c["gamma"], _a("Sommerfeld coefficient", "J/(m^3 K^2)")),
            "beta": ((), c["beta"], _a("cubic coefficient of C_e", "J/(m^3 K^4)")),
            "gamma_exp": (
                (),
                mat.gamma_exp,
                _a("experimental Sommerfeld coefficient", "J/(m^3 K^2)", nan=True),
            ),
            "Tph": ((), Tph, _a("phonon temperature for G", "K")),
        },
        coords={
            "Te": ("Te", Te, _a("electron temperature", "K")),
            "Te_full": ("Te_full", Tf, _a("electron temperature (exact G)", "K")),
        },
    )
    return expand_case_dims(ds, {"material": (mat.name, MAT)}, pid)


# ------------------------------------------------------------------ Fig. 4: TTM
def _ttm_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    names = list(dict.fromkeys([*sec["ledd"], sec["reference"]]))
    src = sec["pulse"]["source"]
    return [
        {
            **_with(sec, m),
            **_with(sec, src, "source"),
            "pulse": sec["pulse"],
            "T0": sec["T0"],
            **sec["ttm"],
        }
        for m in names
    ]


def _t_grid(p: Mapping[str, Any]) -> np.ndarray:
    return np.linspace(float(p["t_min"]), float(p["t_max"]), int(p["num_t"]))


def _ttm_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    mat, src = _mat(p), _mat(p, "source")
    pulse = _pulse(p)
    t = _t_grid(p)
    r = ph.solve_ttm(mat, pulse, (t[0], t[-1]), t_eval=t, source=src, T0=float(p["T0"]))
    rf = ph.solve_ttm(
        mat, pulse, (t[0], t[-1]), t_eval=t, source=src, T0=float(p["T0"]), coupling="full"
    )
    rate = r["G"] / r["Ce"]
    ds = xr.Dataset(
        {
            "Te": ("t", r["Te"], _a("electron temperature (TTM)", "K")),
            "Tph": ("t", r["Tph"], _a("phonon temperature (TTM)", "K")),
            "Te_fullG": ("t", rf["Te"], _a("T_e, TTM with the exact G (quantum phonons)", "K")),
            "Tph_fullG": ("t", rf["Tph"], _a("T_ph, TTM with the exact G", "K")),
            "P_abs": ("t", r["P_abs"], _a("absorbed power density (source material)", "W/m^3")),
            "G": ("t", r["G"], _a("G(T_e(t)), leading order", "W/(m^3 K)")),
            "Ce": ("t", r["Ce"], _a("C_e(T_e(t)), exact", "J/(m^3 K)")),
            "cooling_rate": ("t", rate * 1e-12, _a("G / C_e", "1/ps")),
            "energy_residual": ((), r["energy_residual"], _a("TTM energy balance residual", "1")),
            "E_abs": ((), r["E_abs"], _a("absorbed energy density", "J/m^3")),
        },
        coords={"t": ("t", t, _a("time", "fs"))},
    )
    return expand_case_dims(ds, {"material": (mat.name, MAT)}, pid)


# ------------------------------------------------------------------ Figs. 2, 4, 6: Boltzmann
def _be_point(sec: Mapping[str, Any], m: str, per_photon: int, ee_ratio: int) -> dict[str, Any]:
    b = sec["boltzmann"]
    src = sec["pulse"]["source"]
    keys = ("e_above", "e_below", "dt_pulse", "dt_max", "t_min", "t_max", "num_t", "prune_tol")
    return {
        **_with(sec, m),
        **_with(sec, src, "source"),
        "pulse": sec["pulse"],
        "T0": sec["T0"],
        "per_photon": int(per_photon),
        "ee_ratio": int(ee_ratio),
        "snapshots_fwhm": b["snapshots_fwhm"],
        **{k: b[k] for k in keys},
    }


def _be_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    b = sec["boltzmann"]
    return [_be_point(sec, m, b["per_photon"], b["ee_ratio"]) for m in b["materials"]]


def _run_be(p: Mapping[str, Any]) -> tuple[xr.Dataset, Material]:
    mat, src = _mat(p), _mat(p, "source")
    pulse = _pulse(p)
    r = int(p["ee_ratio"])
    grid = be.make_grid(
        mat, pulse.hbar_omega, int(p["per_photon"]), float(p["e_above"]), float(p["e_below"]), r
    )
    t = _t_grid(p)
    snaps = [float(x) * pulse.fwhm_fs for x in p["snapshots_fwhm"]]
    ds = be.solve_boltzmann(
        mat,
        pulse,
        grid,
        (t[0], t[-1]),
        t_out=t,
        t_snap=snaps,
        source=src,
        T0=float(p["T0"]),
        ee_ratio=r,
        dt_pulse=float(p["dt_pulse"]),
        dt_max=float(p["dt_max"]),
        prune_tol=float(p["prune_tol"]),
        logger=_LOG,
    )
    return ds, mat


def _fokker_planck_vars(ds: xr.Dataset, mat: Material, ee_ratio: int) -> xr.Dataset:
    """Fig. 6: Fokker-Planck form (Eq. 29) of the e-ph term at the snapshots, from f_snap and
    the snapshot T_ph (module :mod:`.fokker_planck`). The deviation of f_snap from FD(T_ph) (same
    grid number) is averaged over one e-e cell (``ee_ratio`` fine cells): this removes the
    grid-scale sawtooth of the two-grid e-e term, which the local derivatives would amplify."""
    eps = ds["eps"].values
    rho_d = ds["rho"].values * float(ds["delta"])
    rows = []
    for n in range(ds.sizes["t_snap"]):
        f0 = ds["f_snap"].values[n]
        T = float(ds["T_ph_snap"].values[n])
        mu = be._grid_mu(T, rho_d, eps, float(np.sum(rho_d * f0)), float(ds["mu0"]))
        f = fp.smooth_cells(f0, ee_ratio, expit(-(eps - mu) / (KB_EV * T)))
        rows.append({**fp.eph_eq29_terms(f, eps, T, mat), **fp.eph_fokker_planck(f, eps, T, mat)})
    names = {
        **{f"eph_{k}": (k, ln) for k, ln in fp.EQ29_TERMS.items()},
        "eph_fp": ("total", "Fokker-Planck e-ph term (conservative flux form, Eq. 29 sum)"),
        "eph_fp_drift": ("drift", "Fokker-Planck e-ph term: spontaneous-emission (drift) flux"),
        "eph_fp_diffusion": (
            "diffusion",
            "Fokker-Planck e-ph term: thermal-phonon (diffusion) flux",
        ),
    }
    for v, (key, ln) in names.items():
        ds[v] = (("t_snap", "eps"), np.array([r[key] for r in rows]), _a(ln, "1/s"))
    ds["E_D"] = ((), mat.E_D, _a("Debye energy", "eV"))
    ds["eps_star"] = (
        (),
        fp.eps_star(mat),
        _a("energy where E_max reaches E_D (2 hbar v_s k = E_D)", "eV"),
    )
    return ds


def _be_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    ds, mat = _run_be(p)
    ds = _fokker_planck_vars(ds, mat, int(p["ee_ratio"]))
    # energy-index coordinate of a common length for every material of the sweep (grids
    # differ between materials: NaN-padded), L >= n for any E_F (see make_grid)
    eps = ds["eps"].values
    d, r = float(ds["delta"]), int(p["ee_ratio"])
    L = int(np.ceil((float(p["e_above"]) + float(p["e_below"])) / d)) + 2 + r
    ds = ds.rename({"eps": "i_eps"}).drop_vars("i_eps")
    ds = ds.pad(i_eps=(0, L - eps.size), constant_values=np.nan)
    ds = ds.assign_coords(i_eps=("i_eps", np.arange(L), _a("energy-grid index")))
    ds["eps"] = (
        "i_eps",
        np.pad(eps, (0, L - eps.size), constant_values=np.nan),
        _a("grid energy above the band minimum", "eV", True),
    )
    for v in ds.data_vars:
        if "i_eps" in ds[v].dims:
            ds[v].attrs["allow_nan"] = 1
    ds["E_F"] = ((), mat.E_F, _a("Fermi energy", "eV"))
    ds["per_photon"] = ((), int(p["per_photon"]), _a("grid cells per photon energy"))
    ds["ee_ratio"] = ((), int(p["ee_ratio"]), _a("fine cells per e-e cell"))
    return expand_case_dims(ds, {"material": (mat.name, MAT)}, pid)


def _conv_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    c = sec["convergence"]
    m = c["material"]
    out = []
    for M in c["per_photon"]:
        r = max(1, int(M) // int(c["ee_per_photon"]))
        out.append(_be_point(sec, m, int(M), r))
    return out


def _conv_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    ds, mat = _run_be(p)
    keep = [
        "T_eff",
        "mu_eff",
        "T_ph",
        "E_e",
        "E_ph",
        "E_in",
        "n_eval",
        "number_error",
        "energy_residual",
        "raw_number_error",
        "raw_energy_error",
        "delta",
    ]
    out = ds[keep]
    out["material_name"] = ((), mat.name, _a("material"))
    out["ee_ratio"] = ((), int(p["ee_ratio"]), _a("fine cells per e-e cell"))
    return expand_case_dims(
        out, {"per_photon": (int(p["per_photon"]), _a("grid cells per photon energy"))}, pid
    )


SWEEPS: dict[str, Sweep] = {
    s.name: s
    for s in (
        Sweep(
            "band",
            _band_cases,
            _band_solve,
            ("material",),
            _PHYS,
            "eDOS of the Kane band vs parabolic band (Fig. 1a)",
            points_per_job=16,
        ),
        Sweep(
            "rates",
            _rate_cases,
            _rate_solve,
            ("material",),
            _BE,
            "e-ph and e-e collision rates (Fig. 1b-c)",
            points_per_job=16,
        ),
        Sweep(
            "thermal",
            _thermal_cases,
            _thermal_solve,
            ("material",),
            _PHYS,
            "mu(T_e), C_e(T_e), G(T_e) (Fig. 3)",
            points_per_job=16,
            runtime_min=15,
        ),
        Sweep(
            "ttm",
            _ttm_cases,
            _ttm_solve,
            ("material",),
            _PHYS,
            "Two-temperature model with the same absorbed power (Fig. 4)",
            points_per_job=16,
        ),
        Sweep(
            "boltzmann",
            _be_cases,
            _be_solve,
            ("material",),
            _BE_FP,
            "Boltzmann-equation runs at paper resolution (Figs. 2, 4, 6)",
            mem_mb=3000,
            runtime_min=60,
        ),
        Sweep(
            "convergence",
            _conv_cases,
            _conv_solve,
            ("per_photon",),
            _BE,
            "Grid convergence of the BE effective temperature (Fig. 4a)",
            mem_mb=3000,
            runtime_min=60,
        ),
    )
}
