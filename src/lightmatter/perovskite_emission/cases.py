"""Sweeps of the ``perovskite_emission`` study: case tables from the config and point solvers.

The review (Chatterjee et al., MRS Communications 2024) shows experimental figures; these
sweeps compute the model counterparts of its physical claims (physics note
``shared/physics/perovskite_emission.md``). Every parameter is an assumption taken from the
config (named in the captions). Units: ns and 1/ns for emitter dynamics, s for blinking
macro-times, nm for sizes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import xarray as xr

from lightmatter.sweeps import Sweep, expand_case_dims, rng_for

from . import blinking, single_photon, superlattice, superradiance

__all__ = ["REFERENCES", "SEED_PAPER", "STUDY", "SWEEPS"]

STUDY = "perovskite_emission"
SEED_PAPER = (
    "A. Chatterjee, S. Brasel, A. Bruncz, W. Wu et al., Progress and prospects of quantum "
    "emission from perovskites, MRS Communications (2024) (seed text 001_62db56f94d2632e2)"
)
REFERENCES = "Chatterjee et al., MRS Communications (2024) (no DOI in the seed)"

_PKG = "lightmatter.perovskite_emission"
_SP = (f"{_PKG}.single_photon", f"{_PKG}.cases", "lightmatter.markov")
_SR = (f"{_PKG}.superradiance", f"{_PKG}.cases")
_BL = (f"{_PKG}.blinking", f"{_PKG}.cases")
_SL = (f"{_PKG}.superlattice", f"{_PKG}.cases")

#: points of these sweeps take milliseconds to a few seconds: bundle a sweep into one job
POINTS_PER_JOB = 64


def _attrs(long_name: str, units: str = "1", **extra: Any) -> dict[str, Any]:
    return {"units": units, "long_name": long_name, **extra}


def _lin(spec: Mapping[str, Any]) -> np.ndarray:
    return np.linspace(float(spec["min"]), float(spec["max"]), int(spec["num"]))


NS = "ns"
PER_NS = "1/ns"
TAU = _attrs("delay tau", NS)
N_ATTRS = _attrs("number of emitters N")


# ------------------------------------------------------------------ Fig. 2b / 4c: SPE g2
def _spe_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    return [{**sec["spe"], "cascade": sec["cascade"]}]


def _spe_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    g, sig = float(p["gamma"]), float(p["sigma_irf"])
    rs = np.array(sorted(p["r"]), dtype=float)
    t = np.linspace(-float(p["t_max"]), float(p["t_max"]), int(p["num_t"]))
    ideal = np.array([single_photon.spe_g2(t, r, g) for r in rs])
    irf = np.array([single_photon.spe_g2_irf(t, r, g, sig) for r in rs])
    c = p["cascade"]
    kx, knx = float(c["k_rad_x"]), float(c["k_nr_x"])
    kxx, ka = float(c["xx_rad_factor"]) * kx, 1.0 / float(c["tau_auger_ns"])
    pumps = np.array(sorted(c["cw_pump"]), dtype=float)
    tpos = t[t >= 0]
    cw = np.array([single_photon.cascade_g2_cw(tpos, q, kx, knx, kxx, ka) for q in pumps])
    limit = float(single_photon.cascade_g2_zero(kx, knx, kxx, ka, 0.0))
    ds = xr.Dataset(
        {
            "g2": (("r", "tau"), ideal, _attrs("g2(tau) = 1 - exp(-(r+Gamma)|tau|), two-level")),
            "g2_irf": (("r", "tau"), irf, _attrs("g2 convolved with a Gaussian IRF")),
            "g2_cascade": (("pump", "tau_pos"), cw, _attrs("g2(tau), CW X-XX cascade")),
            "g2_cascade_limit": ((), limit, _attrs("eta_XX/eta_X (pump -> 0)")),
            "gamma": ((), g, _attrs("exciton decay rate Gamma", PER_NS)),
            "sigma_irf": ((), sig, _attrs("IRF standard deviation", NS)),
        },
        coords={
            "r": ("r", rs, _attrs("incoherent pump rate r", PER_NS)),
            "tau": ("tau", t, TAU),
            "pump": ("pump", pumps, _attrs("CW pump rate (G->X and X->XX)", PER_NS)),
            "tau_pos": ("tau_pos", tpos, TAU),
        },
    )
    ds["case_id"] = ((), pid, _attrs("point identifier (hash of parameters)"))
    return ds


# ------------------------------------------------------------------ Fig. 4: purity vs size
def _purity_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    return [
        {
            **sec["purity"],
            "mean_excitations": sec["cascade"]["mean_excitations"],
            "cascade": sec["cascade"],
        }
    ]


def _purity_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    edges = _lin(p["edge_nm"])
    factors = np.array(sorted(p["xx_rad_factor"]), dtype=float)
    res = [
        single_photon.purity_vs_size(
            edges,
            tau_x=float(p["tau_x"]),
            eta_x=float(p["eta_x"]),
            xx_rad_factor=f,
            c_auger_ps_per_nm3=float(p["c_auger_ps_per_nm3"]),
        )
        for f in factors
    ]
    c = p["cascade"]
    kx, knx = float(c["k_rad_x"]), float(c["k_nr_x"])
    kxx, ka = float(c["xx_rad_factor"]) * kx, 1.0 / float(c["tau_auger_ns"])
    ms = np.array(sorted(p["mean_excitations"]), dtype=float)
    pulsed = np.array([float(single_photon.cascade_g2_zero(kx, knx, kxx, ka, m)) for m in ms])
    ds = xr.Dataset(
        {
            "g2_zero": (
                ("xx_rad_factor", "edge"),
                np.array([r.g2_zero for r in res]),
                _attrs("g2(0) = eta_XX/eta_X"),
            ),
            "purity": (
                ("xx_rad_factor", "edge"),
                np.array([r.purity for r in res]),
                _attrs("single-photon purity 1 - g2(0)"),
            ),
            "tau_auger": ("edge", res[0].tau_auger_ns, _attrs("biexciton Auger time c_A L^3", NS)),
            "volume": ("edge", res[0].volume_nm3, _attrs("dot volume L^3", "nm^3")),
            "g2_pulsed": (
                "mean_excitations",
                pulsed,
                _attrs("pulsed cascade g2[0] at the cascade parameters"),
            ),
        },
        coords={
            "edge": ("edge", edges, _attrs("cube edge length L", "nm")),
            "xx_rad_factor": ("xx_rad_factor", factors, _attrs("k_rad,XX / k_rad,X")),
            "mean_excitations": ("mean_excitations", ms, _attrs("mean excitations per pulse")),
        },
    )
    ds["case_id"] = ((), pid, _attrs("point identifier (hash of parameters)"))
    return ds


# ------------------------------------------------------------------ Fig. 2c / 6: Dicke bursts
def _dicke_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    d = sec["dicke"]
    return [{"N": int(n), "gamma": d["gamma"], "num_t": d["num_t"]} for n in d["N"]]


def _dicke_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    N, g, num = int(p["N"]), float(p["gamma"]), int(p["num_t"])
    t = superradiance.default_time_grid(N, g, num)
    sr = superradiance.dicke_burst(N, t, g)
    ind = superradiance.independent_emitters(N, t, g)
    m = superradiance.burst_metrics(sr)
    ds = xr.Dataset(
        {
            "time": ("k", t, _attrs("time t", NS)),
            "intensity": ("k", np.asarray(sr.intensity), _attrs("superradiant I(t)", PER_NS)),
            "intensity_independent": (
                "k",
                np.asarray(ind.intensity),
                _attrs("independent emitters N Gamma e^{-Gamma t}", PER_NS),
            ),
            "intensity_mean_field": (
                "k",
                np.asarray(superradiance.mean_field_burst(N, t, g)),
                _attrs("mean-field sech^2 burst", PER_NS),
            ),
            "peak_intensity": ((), m.peak_intensity, _attrs("peak of I(t)", PER_NS)),
            "peak_time": ((), m.peak_time, _attrs("delay of the peak", NS)),
            "fwhm": ((), m.fwhm, _attrs("full width at half maximum", NS)),
            "total_photons": ((), m.total_photons, _attrs("photons emitted (exact)")),
            "gamma": ((), g, _attrs("single-emitter decay rate Gamma", PER_NS)),
        },
        coords={"k": ("k", np.arange(t.size), _attrs("time-grid index"))},
    )
    return expand_case_dims(ds, {"N": (N, N_ATTRS)}, pid)


def _dephase_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    d = sec["dephasing"]
    return [
        {
            "N": d["N"],
            "gamma_phi": float(gp),
            "gamma": d["gamma"],
            "t_max": d["t_max"],
            "num_t": d["num_t"],
        }
        for gp in d["gamma_phi"]
    ]


def _dephase_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    N, gp, g = int(p["N"]), float(p["gamma_phi"]), float(p["gamma"])
    t = np.linspace(0.0, float(p["t_max"]), int(p["num_t"]))
    b = superradiance.dephased_burst(N, gp, t, g)
    ind = superradiance.independent_emitters(N, t, g)
    ds = xr.Dataset(
        {
            "intensity": (
                "t",
                np.asarray(b.intensity),
                _attrs("photon emission rate I(t) (piqs)", PER_NS),
            ),
            "intensity_independent": (
                "t",
                np.asarray(ind.intensity),
                _attrs("independent emitters N Gamma e^{-Gamma t}", PER_NS),
            ),
            "emitted_fraction": (
                (),
                float(b.emitted_fraction),
                _attrs("fraction emitted by t_max"),
            ),
            "peak_intensity": (
                (),
                float(np.max(b.intensity)),
                _attrs("grid maximum of I(t)", PER_NS),
            ),
            "N": ((), N, N_ATTRS),
        },
        coords={"t": ("t", t, _attrs("time t", NS))},
    )
    return expand_case_dims(
        ds, {"gamma_phi": (gp, _attrs("local dephasing rate (piqs convention)", PER_NS))}, pid
    )


def _g2_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    d = sec["burst_g2"]
    return [{"N": int(n), "gamma": d["gamma"], "num_t": d["num_t"]} for n in d["N"]]


def _g2_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    N, g, num = int(p["N"]), float(p["gamma"]), int(p["num_t"])
    b = superradiance.burst_g2(N, None, g, num=num)
    ds = xr.Dataset(
        {
            "time": ("k", np.asarray(b.t), _attrs("time t", NS)),
            "g2_superradiant": (
                "k",
                np.asarray(b.g2_superradiant),
                _attrs("equal-time g2(t) of the burst", allow_nan=1),
            ),
            "g2_independent": (
                "k",
                np.asarray(b.g2_independent),
                _attrs("equal-time g2(t), independent emitters", allow_nan=1),
            ),
            "intensity": ("k", np.asarray(b.intensity), _attrs("superradiant I(t)", PER_NS)),
            "g2_weighted_superradiant": (
                (),
                float(b.weighted_superradiant),
                _attrs("intensity^2-weighted mean g2 (burst)"),
            ),
            "g2_weighted_independent": (
                (),
                float(b.weighted_independent),
                _attrs("intensity^2-weighted mean g2 (independent)"),
            ),
        },
        coords={"k": ("k", np.arange(np.asarray(b.t).size), _attrs("time-grid index"))},
    )
    return expand_case_dims(ds, {"N": (N, N_ATTRS)}, pid)


# ------------------------------------------------------------------ Fig. 5: blinking
def _blink_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    b = sec["blinking"]
    return [{**b, "model": m, "seed": seed} for m in ("A", "B")]


def _blink_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    params = blinking.BlinkingParams(**p["params"])
    res = blinking.simulate_blinking(
        float(p["duration_s"]), params, rng_for(p, pid), model=str(p["model"])
    )
    tr = blinking.intensity_lifetime_traces(res, float(p["bin_time_s"]))
    # fixed FLID axes (same for type A and B, so they combine): counts in steps of 10 up to
    # 1.5x the mean ON count per bin, lifetime 0-8 ns in 0.1 ns steps (note section 6)
    on_counts = params.rep_rate_hz * float(p["bin_time_s"]) * params.p_exc * params.eta_det
    count_edges = np.arange(0.0, 10.0 * np.ceil(1.5 * on_counts / 10.0) + 10.0, 10.0)
    bins = (count_edges, np.linspace(0.0, 8.0, 81))
    flid = blinking.flid_histogram(tr.counts, tr.lifetime, bins, min_counts=int(p["min_counts"]))
    r = blinking.intensity_lifetime_correlation(
        tr.counts, tr.lifetime, min_counts=int(p["min_counts"])
    )
    lifetime = np.where(tr.counts > 0, tr.lifetime, np.nan)
    ds = xr.Dataset(
        {
            "counts": ("bin", np.asarray(tr.counts), _attrs("detected photons per bin")),
            "lifetime": (
                "bin",
                lifetime,
                _attrs("mean micro-time per bin (lifetime estimate)", NS, allow_nan=1),
            ),
            "on_fraction": ("bin", np.asarray(tr.on_fraction), _attrs("fraction of the bin ON")),
            "flid": (
                ("count_bin", "lifetime_bin"),
                flid.hist,
                _attrs(f"FLID: number of bins with >= {int(p['min_counts'])} counts"),
            ),
            "correlation": ((), r, _attrs("Pearson r(counts, lifetime)")),
            "n_photons": ((), int(res.n_photons), _attrs("detected photons")),
            "bin_time": ((), float(p["bin_time_s"]), _attrs("bin width", "s")),
        },
        coords={
            "time": ("bin", np.asarray(tr.bin_centers), _attrs("bin centre", "s")),
            "count_bin": (
                "count_bin",
                0.5 * (flid.count_edges[1:] + flid.count_edges[:-1]),
                _attrs("counts per bin (FLID axis)"),
            ),
            "lifetime_bin": (
                "lifetime_bin",
                0.5 * (flid.lifetime_edges[1:] + flid.lifetime_edges[:-1]),
                _attrs("lifetime (FLID axis)", NS),
            ),
        },
    )
    return expand_case_dims(ds, {"model": (str(p["model"]), _attrs("blinking type A or B"))}, pid)


# ------------------------------------------------------------------ Fig. 6c: toy superlattice
def _sl_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    return [dict(sec["superlattice"])]


def _sl_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    T = _lin(p["T"])
    kw = {
        k: float(p[k])
        for k in ("n_coh0", "gamma0_mev", "sigma_ac_mev_per_k", "gamma_lo_mev", "e_lo_mev")
    }
    ds = xr.Dataset(
        {
            "enhancement": (
                "T",
                superlattice.radiative_rate_enhancement(T, **kw),
                _attrs("Gamma_SL / Gamma_QD (TOY model)"),
            ),
            "linewidth": (
                "T",
                superlattice.homogeneous_linewidth(
                    T,
                    gamma0_mev=kw["gamma0_mev"],
                    sigma_ac_mev_per_k=kw["sigma_ac_mev_per_k"],
                    gamma_lo_mev=kw["gamma_lo_mev"],
                    e_lo_mev=kw["e_lo_mev"],
                ),
                _attrs("homogeneous linewidth gamma_h(T)", "meV"),
            ),
        },
        coords={"T": ("T", T, _attrs("temperature", "K"))},
    )
    ds["case_id"] = ((), pid, _attrs("point identifier (hash of parameters)"))
    return ds


SWEEPS: dict[str, Sweep] = {
    s.name: s
    for s in (
        Sweep(
            "spe",
            _spe_cases,
            _spe_solve,
            (),
            _SP,
            "Single-photon emitter and X-XX cascade g2(tau) (review Fig. 2b, 4c)",
        ),
        Sweep(
            "purity",
            _purity_cases,
            _purity_solve,
            (),
            _SP,
            "Single-photon purity vs dot size, Auger-limited biexciton (review Fig. 4)",
        ),
        Sweep(
            "dicke",
            _dicke_cases,
            _dicke_solve,
            ("N",),
            _SR,
            "Dicke superradiant bursts vs N (review Fig. 2c, 6)",
            points_per_job=POINTS_PER_JOB,
            mem_mb=2000,
        ),
        Sweep(
            "dephasing",
            _dephase_cases,
            _dephase_solve,
            ("gamma_phi",),
            _SR,
            "Dephasing quenches superradiance (qutip.piqs, review Fig. 6)",
            points_per_job=POINTS_PER_JOB,
            mem_mb=2000,
        ),
        Sweep(
            "burst_g2",
            _g2_cases,
            _g2_solve,
            ("N",),
            _SR,
            "Equal-time g2(t) of the burst vs independent emitters",
            points_per_job=POINTS_PER_JOB,
        ),
        Sweep(
            "blinking",
            _blink_cases,
            _blink_solve,
            ("model",),
            _BL,
            "Blinking traces and FLID, type A vs type B (review Fig. 5)",
            points_per_job=POINTS_PER_JOB,
            mem_mb=4000,
        ),
        Sweep(
            "superlattice",
            _sl_cases,
            _sl_solve,
            (),
            _SL,
            "TOY model: superlattice radiative-rate enhancement vs T (review Fig. 6c)",
        ),
    )
}
