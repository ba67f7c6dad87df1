"""Sweeps of the ``cl_superbunching`` study: case tables from the config and per-case solvers.

Each solver turns one case's parameters into an :class:`xarray.Dataset` with units and
long names (no file I/O here: ``scripts/cl_superbunching/solve.py`` writes it through
:func:`lightmatter.provenance.write_netcdf`). The physics lives in ``model1``, ``model2``,
``model3``, ``radiation`` and ``photons``; this module only evaluates it on grids.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import xarray as xr

from lightmatter.sweeps import Sweep, expand_case_dims, rng_for, seed_for

from . import model1, model2, model3, photons, radiation

__all__ = ["REFERENCES", "SEED_PAPER", "STUDY", "SWEEPS"]

STUDY = "cl_superbunching"
SEED_PAPER = (
    "T. Yuge, N. Yamamoto, T. Sannomiya, K. Akiba, Superbunching in cathodoluminescence: "
    "a master equation approach, Phys. Rev. B 107, 165303 (2023), arXiv:2206.00933"
)
REFERENCES = "doi:10.1103/PhysRevB.107.165303"

_PKG = "lightmatter.cl_superbunching"
_M1 = (f"{_PKG}.model1", "lightmatter.markov", f"{_PKG}.cases")
_M2 = (*_M1, f"{_PKG}.model2")
_M3 = (*_M2, f"{_PKG}.model3")

ONE = "1"


def _attrs(long_name: str, units: str = ONE) -> dict[str, str]:
    return {"units": units, "long_name": long_name}


def _grid_params(spec: Mapping[str, Any], name: str) -> dict[str, Any]:
    """Case parameters of a log grid: ``<name>_min``, ``<name>_max`` and ``num``."""
    return {f"{name}_min": spec["min"], f"{name}_max": spec["max"], "num": spec["num"]}


def _grid(p: Mapping[str, Any], name: str) -> np.ndarray:
    """The log grid described by :func:`_grid_params` in a case's parameters."""
    return np.geomspace(float(p[f"{name}_min"]), float(p[f"{name}_max"]), int(p["num"]))


GAMMA_TAU = _attrs("excitation rate gamma times radiative lifetime tau (gamma*tau)")
N_ATTRS = _attrs("number of emitters excited together by one electron (Model 1)")
M_ATTRS = _attrs("number of emitters in the excited region (Models 2 and 3)")
T_ATTRS = _attrs("delay t in units of the radiative lifetime tau (t/tau)")


# ---------------------------------------------------------------- Fig. 1: g2(0) vs gamma*tau
def _g2_zero_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    g = sec["g2_zero"]["gamma_tau"]
    return [{"N": int(n), **_grid_params(g, "gamma_tau")} for n in sec["g2_zero"]["N"]]


def _g2_zero_solve(p: Mapping[str, Any], cid: str) -> xr.Dataset:
    N = int(p["N"])
    gt = _grid(p, "gamma_tau")
    numeric = np.empty_like(gt)
    p0 = np.empty_like(gt)
    for i, g in enumerate(gt):
        P = model1.stationary_distribution_numeric(N, float(g))
        n = np.arange(N + 1)
        numeric[i] = float(n * (n - 1) @ P) / float(n @ P) ** 2
        p0[i] = P[0]
    ds = xr.Dataset(
        {
            "g2_zero": ("gamma_tau", model1.g2_zero(N, gt), _attrs("g2(0), exact Eq. 16")),
            "g2_zero_numeric": (
                "gamma_tau",
                numeric,
                _attrs("g2(0) from the numerical stationary state of the generator W"),
            ),
            "mean_n": ("gamma_tau", model1.mean_excited(N, gt), _attrs("<n>, Eq. 12")),
            "factorial_moment2": (
                "gamma_tau",
                model1.factorial_moment2(N, gt),
                _attrs("<n(n-1)>, Eq. 13"),
            ),
            "P0_numeric": ("gamma_tau", p0, _attrs("all-ground probability P_0 (numerical)")),
            "superbunching_threshold": (
                (),
                model1.superbunching_threshold(N) if N > 1 else 0.0,
                _attrs("gamma*tau below which g2(0) > 2 (0 when never)"),
            ),
        },
        coords={"gamma_tau": ("gamma_tau", gt, GAMMA_TAU)},
    )
    return expand_case_dims(ds, {"N": (N, N_ATTRS)}, cid)


# ---------------------------------------------------------------- Fig. 2: g2(t)
def _g2_delay_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    s = sec["g2_delay"]
    return [
        {"N": int(n), "gamma_tau": float(g), "t_max": s["t_max"], "num_t": s["num_t"]}
        for n in s["N"]
        for g in s["gamma_tau"]
    ]


def _g2_delay_solve(p: Mapping[str, Any], cid: str) -> xr.Dataset:
    N, g = int(p["N"]), float(p["gamma_tau"])
    t = np.linspace(0.0, float(p["t_max"]), int(p["num_t"]))
    ds = xr.Dataset(
        {
            "g2_exact": ("t", model1.g2_delay(t, N, g), _attrs("g2(t), exact QRT (Model 1)")),
            "g2_eq17": (
                "t",
                model1.g2_delay_approx(t, N, g, lifetime="effective"),
                _attrs("g2(t), Eq. 17 with tau_eff of Eq. 18"),
            ),
            "g2_eq20": (
                "t",
                model1.g2_delay_approx(t, N, g, lifetime="bare"),
                _attrs("g2(t), Eq. 20 (bare lifetime)"),
            ),
            "tau_eff": ((), model1.tau_eff(N, g), _attrs("effective lifetime Eq. 18 / tau")),
        },
        coords={"t": ("t", t, T_ATTRS)},
    )
    return expand_case_dims(ds, {"N": (N, N_ATTRS), "gamma_tau": (g, GAMMA_TAU)}, cid)


# ---------------------------------------------------------------- Fig. S1-S3: Model 2 vs Model 1
def _compare(M: int, p: float, N: int, gt: np.ndarray) -> dict[str, np.ndarray]:
    m2 = model2.model2_moments(M, p, gt)
    return {
        "mean_n_model1": model1.mean_excited(N, gt),
        "mean_n_model2": np.asarray(m2["mean_n"]),
        "factorial_moment2_model1": model1.factorial_moment2(N, gt),
        "factorial_moment2_model2": np.asarray(m2["factorial_moment2"]),
        "g2_zero_model1": model1.g2_zero(N, gt),
        "g2_zero_model2": np.asarray(m2["g2_zero"]),
    }


_COMPARE_ATTRS = {
    "mean_n_model1": _attrs("<n> (= <I> per emitter rate), Model 1"),
    "mean_n_model2": _attrs("<n>, Model 2 (p = N/M, gamma' = gamma)"),
    "factorial_moment2_model1": _attrs("<n(n-1)> (= <:I^2:>), Model 1"),
    "factorial_moment2_model2": _attrs("<n(n-1)>, Model 2"),
    "g2_zero_model1": _attrs("g2(0), Model 1 (Eq. 16)"),
    "g2_zero_model2": _attrs("g2(0), Model 2"),
}


def _with_reldiff(ds: xr.Dataset) -> xr.Dataset:
    for q in ("mean_n", "factorial_moment2", "g2_zero"):
        m1, m2 = ds[f"{q}_model1"], ds[f"{q}_model2"]
        rel = (m2 - m1) / m1
        ds[f"reldiff_{q}"] = rel.assign_attrs(
            _attrs(f"relative difference (Model 2 - Model 1)/Model 1 of {q}")
        )
    return ds


def _m2m1_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    s = sec["model2_vs_model1"]
    g = s["gamma_tau"]
    return [{"M": s["M"], "N": int(n), **_grid_params(g, "gamma_tau")} for n in s["N"]]


def _m2m1_solve(p: Mapping[str, Any], cid: str) -> xr.Dataset:
    M, N = int(p["M"]), int(p["N"])
    gt = _grid(p, "gamma_tau")
    data = _compare(M, N / M, N, gt)
    ds = xr.Dataset(
        {k: ("gamma_tau", v, _COMPARE_ATTRS[k]) for k, v in data.items()},
        coords={"gamma_tau": ("gamma_tau", gt, GAMMA_TAU)},
    )
    ds = _with_reldiff(ds)
    ds["M"] = ((), M, M_ATTRS)
    return expand_case_dims(ds, {"N": (N, N_ATTRS)}, cid)


def _m2_vs_N_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    s = sec["model2_vs_N"]
    return [{"M": s["M"], "gamma_tau": s["gamma_tau"]}]


def _m2_vs_N_solve(p: Mapping[str, Any], cid: str) -> xr.Dataset:
    M, g = int(p["M"]), float(p["gamma_tau"])
    Ns = np.arange(1, M + 1)
    rows = [_compare(M, N / M, int(N), np.array([g])) for N in Ns]
    ds = xr.Dataset(
        {k: ("N", np.array([r[k][0] for r in rows]), _COMPARE_ATTRS[k]) for k in rows[0]},
        coords={"N": ("N", Ns, N_ATTRS)},
    )
    ds = _with_reldiff(ds)
    with np.errstate(divide="ignore"):
        asym = np.where(Ns > 1, (1 - Ns / M) / np.maximum(Ns - 1, 1), np.nan)
    ds["reldiff_asymptote"] = (
        "N",
        asym,
        {
            **_attrs("small-gamma asymptote (1-p)/(N-1) of the g2(0) relative difference"),
            "allow_nan": 1,
        },
    )
    for name in (
        "reldiff_g2_zero",
        "reldiff_factorial_moment2",
        "g2_zero_model1",
        "factorial_moment2_model1",
    ):
        ds[name].attrs["allow_nan"] = 1  # N = 1: Model 1 g2(0) = 0, relative difference undefined
    ds["M"] = ((), M, M_ATTRS)
    ds["gamma_tau"] = ((), g, GAMMA_TAU)
    ds = ds.assign(
        {k: ds[k].where(ds.N > 1) for k in ("reldiff_g2_zero", "reldiff_factorial_moment2")}
    )
    ds["case_id"] = ((), cid, _attrs("case identifier (hash of parameters)"))
    return ds


def _m2_vs_M_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    s = sec["model2_vs_M"]
    return [{"p": s["p"], "M": [int(m) for m in s["M"]], "gamma_tau": s["gamma_tau"]}]


def _m2_vs_M_solve(p: Mapping[str, Any], cid: str) -> xr.Dataset:
    prob, g = float(p["p"]), float(p["gamma_tau"])
    Ms = np.array(sorted(p["M"]))
    rows = []
    for M in Ms:
        N = M * prob
        if abs(N - round(N)) > 1e-9:
            raise ValueError(f"case {cid}: N = M p = {N} is not an integer for M = {M}")
        rows.append(_compare(int(M), prob, round(N), np.array([g])))
    ds = xr.Dataset(
        {k: ("M", np.array([r[k][0] for r in rows]), _COMPARE_ATTRS[k]) for k in rows[0]},
        coords={"M": ("M", Ms, M_ATTRS)},
    )
    ds = _with_reldiff(ds)
    ds["reldiff_asymptote"] = (
        "M",
        (1 - prob) / (Ms * prob - 1),
        _attrs("small-gamma asymptote (1-p)/(Mp-1) of the g2(0) relative difference"),
    )
    ds["p"] = ((), prob, _attrs("single-emitter excitation probability p per electron"))
    ds["gamma_tau"] = ((), g, GAMMA_TAU)
    ds["case_id"] = ((), cid, _attrs("case identifier (hash of parameters)"))
    return ds


# ---------------------------------------------------------------- Fig. S4: Model 2 saturation
def _sat_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    s = sec["model2_saturation"]
    g = s["gamma_prime_tau"]
    return [{"M": int(m), "p": s["p"], **_grid_params(g, "gamma_prime_tau")} for m in s["M"]]


def _sat_solve(p: Mapping[str, Any], cid: str) -> xr.Dataset:
    M, prob = int(p["M"]), float(p["p"])
    gt = _grid(p, "gamma_prime_tau")
    m2 = model2.model2_moments(M, prob, gt)
    ds = xr.Dataset(
        {
            "g2_zero": ("gamma_prime_tau", np.asarray(m2["g2_zero"]), _attrs("g2(0), Model 2")),
            "mean_n": ("gamma_prime_tau", np.asarray(m2["mean_n"]), _attrs("<n>, Model 2")),
            "g2_limit": ((), 1.0 - 1.0 / M, _attrs("large-rate limit 1 - 1/M (Fock state)")),
            "g2_pl": ((), model2.pl_g2_zero(M), _attrs("PL g2(0) of M independent emitters")),
        },
        coords={
            "gamma_prime_tau": (
                "gamma_prime_tau",
                gt,
                _attrs("electron rate gamma' times lifetime tau"),
            )
        },
    )
    ds["p"] = ((), prob, _attrs("single-emitter excitation probability p per electron"))
    return expand_case_dims(ds, {"M": (M, M_ATTRS)}, cid)


# ---------------------------------------------------------------- Fig. S6: Model 3 vs Model 2
def _m3_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    s = sec["model3_fit"]
    g = s["rate_tau"]
    return [
        {
            "M": s["M"],
            "kappa_tau_c": s["kappa_tau_c"],
            "law": s["law"],
            "fit_rate_tau": s["fit_rate_tau"],
            **_grid_params(g, "rate_tau"),
        }
        | ({"seed": seed} if s["law"] == "monte_carlo" else {})
    ]


def _m3_solve(p: Mapping[str, Any], cid: str) -> xr.Dataset:
    M, kap, law = int(p["M"]), float(p["kappa_tau_c"]), str(p["law"])
    rates = _grid(p, "rate_tau")
    # Monte Carlo flip law: one integer seed per case, from the root seed and the case id
    kw = {"rng": int(seed_for(p, cid))} if law == "monte_carlo" else {}
    fit = model3.fit_model2_to_model3(M, float(p["fit_rate_tau"]), kap, law=law, **kw)
    pf, gpf = float(fit["p"]), float(fit["gamma_prime_tau"])
    m3 = model3.model3_moments(M, rates, kap, law=law, **kw)
    # gamma' scales with the electron rate: gamma'(r) = (gamma'_fit / r_fit) r
    scale = gpf / float(p["fit_rate_tau"])
    m2 = model2.model2_moments(M, pf, scale * rates)
    frob, dP0, drest = [], [], []
    P3s = model3.model3_stationary(M, rates, kap, law=law, **kw)
    for r, P3 in zip(rates, P3s):
        P2 = model2.model2_stationary(M, pf, scale * float(r))
        frob.append(model3.frobenius_distance(P2, P3, M, relative=True))
        dP0.append((P2[0] - P3[0]) / P3[0])
        drest.append((P2[1:].sum() - P3[1:].sum()) / P3[1:].sum())
    data = {
        "mean_n_model3": (np.asarray(m3["mean_n"]), "<n>, Model 3 (kick limit)"),
        "mean_n_model2": (np.asarray(m2["mean_n"]), "<n>, fitted Model 2"),
        "factorial_moment2_model3": (np.asarray(m3["factorial_moment2"]), "<n(n-1)>, Model 3"),
        "factorial_moment2_model2": (np.asarray(m2["factorial_moment2"]), "<n(n-1)>, Model 2"),
        "g2_zero_model3": (np.asarray(m3["g2_zero"]), "g2(0), Model 3"),
        "g2_zero_model2": (np.asarray(m2["g2_zero"]), "g2(0), fitted Model 2"),
        "frobenius_distance": (np.asarray(frob), "relative Frobenius distance of steady states"),
        "reldiff_P0": (np.asarray(dP0), "relative difference of the all-ground population"),
        "reldiff_rest": (np.asarray(drest), "relative difference of 1 - P_0"),
    }
    ds = xr.Dataset(
        {k: ("rate_tau", v, _attrs(ln)) for k, (v, ln) in data.items()},
        coords={"rate_tau": ("rate_tau", rates, _attrs("electron rate r times lifetime tau"))},
    )
    for q in ("mean_n", "factorial_moment2", "g2_zero"):
        rel = (ds[f"{q}_model2"] - ds[f"{q}_model3"]) / ds[f"{q}_model3"]
        ds[f"reldiff_{q}"] = rel.assign_attrs(
            _attrs(f"relative difference (Model 2 - Model 3)/Model 3 of {q}")
        )
    scalars = {
        "fit_p": (pf, "fitted Model 2 excitation probability p"),
        "fit_gamma_prime_tau": (gpf, "fitted Model 2 electron rate gamma'*tau at the fit point"),
        "fit_objective": (float(fit["objective"]), "S16 objective at the optimum"),
        "fit_rate_tau": (float(p["fit_rate_tau"]), "electron rate r*tau of the fit point"),
        "mean_flip_probability": (
            float(model3.flip_moments(kap, M, law=law, **kw)["mean_p"]),
            "E_T[p(T)], mean flip probability per emitter per electron",
        ),
        "M": (M, M_ATTRS["long_name"]),
        "kappa_tau_c": (kap, "noise strength kappa times correlation time tau_c"),
    }
    for k, (v, ln) in scalars.items():
        ds[k] = ((), v, _attrs(ln))
    ds["case_id"] = ((), cid, _attrs("case identifier (hash of parameters)"))
    return ds


# ---------------------------------------------------------------- Fig. 3 / S5: pulse trains
def _trains_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    return [dict(sec["pulse_trains"], seed=seed)]


def _trains_solve(p: Mapping[str, Any], cid: str) -> xr.Dataset:
    rng = rng_for(p, cid)
    N, g = int(p["N"]), float(p["gamma_tau"])
    tr = photons.intensity_trace(N, g, float(p["t_max"]), rng)
    tel = photons.telegraph_noise(
        float(p["rate_tau"]), float(p["tau_c_over_tau"]), float(p["telegraph_t_max"]), rng
    )
    ds = xr.Dataset(
        {
            "n_after_event": ("event", tr.n, _attrs("excited emitters n(t) from this event on")),
            "pulse_start": ("pulse", tr.pulse_starts, _attrs("pulse start time / tau")),
            "pulse_end": ("pulse", tr.pulse_ends, _attrs("pulse end time / tau")),
            "telegraph_state": ("switch", tel.values, _attrs("R(t) from this switch on (0 or 1)")),
            "telegraph_initial_state": ((), tel.initial_state, _attrs("R(0)")),
            "mean_pulse_duration": (
                (),
                radiation.mean_pulse_duration(N),
                _attrs("tau H_N / tau, mean pulse duration"),
            ),
            "mean_gap": ((), radiation.mean_gap(g), _attrs("1/(gamma tau), mean gap / tau")),
            "N": ((), N, N_ATTRS),
            "gamma_tau": ((), g, GAMMA_TAU),
            "t_max": ((), float(p["t_max"]), _attrs("length of the intensity trace / tau")),
            "rate_tau": ((), float(p["rate_tau"]), _attrs("electron arrival rate r times tau")),
            "tau_c_over_tau": ((), float(p["tau_c_over_tau"]), _attrs("pulse length tau_c/tau")),
        },
        coords={
            "event_time": ("event", tr.times, _attrs("event time / tau")),
            "switch_time": ("switch", tel.switch_times, _attrs("switching time / tau")),
        },
    )
    ds["case_id"] = ((), cid, _attrs("case identifier (hash of parameters)"))
    return ds


# ---------------------------------------------------------------- Sec. V: radiation state
def _rad_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    s = sec["radiation_state"]
    return [{"N": [int(n) for n in s["N"]], "gamma_tau": [float(g) for g in s["gamma_tau"]]}]


def _rad_solve(p: Mapping[str, Any], cid: str) -> xr.Dataset:
    Ns, gts = sorted(p["N"]), sorted(p["gamma_tau"])
    nmax = max(Ns)
    P = np.zeros((len(Ns), len(gts), nmax + 1))
    pulse = np.zeros((len(Ns), nmax + 1))
    p_on = np.zeros((len(Ns), len(gts)))
    g2_total = np.zeros_like(p_on)
    g2_pulse = np.zeros(len(Ns))
    for i, N in enumerate(Ns):
        for j, g in enumerate(gts):
            P[i, j, : N + 1] = radiation.photon_number_state(N, g)
            vm = radiation.vacuum_mixture(N, g)
            p_on[i, j] = vm["p_on"]
            g2_total[i, j] = vm["g2_total"]
            pulse[i, : N + 1] = vm["rho_pulse"]
            g2_pulse[i] = vm["g2_pulse"]
    ds = xr.Dataset(
        {
            "P_photon": (
                ("N", "gamma_tau", "n"),
                P,
                _attrs("photon-number distribution of the single-mode state, Eq. 27"),
            ),
            "rho_pulse": (
                ("N", "n"),
                pulse,
                _attrs("photon-number distribution of a pulse, Eq. 28"),
            ),
            "p_on": (("N", "gamma_tau"), p_on, _attrs("probability of a pulse, Eq. 28")),
            "g2_total": (("N", "gamma_tau"), g2_total, _attrs("g2(0) of the mixture, Eq. 26")),
            "g2_eq16": (
                ("N", "gamma_tau"),
                np.array([[model1.g2_zero(N, g) for g in gts] for N in Ns]),
                _attrs("g2(0), Eq. 16"),
            ),
            "g2_pulse": ("N", g2_pulse, _attrs("g2(0) of a pulse, Eq. 28")),
        },
        coords={
            "N": ("N", np.array(Ns), N_ATTRS),
            "gamma_tau": ("gamma_tau", np.array(gts), GAMMA_TAU),
            "n": ("n", np.arange(nmax + 1), _attrs("photon number n")),
        },
    )
    ds["case_id"] = ((), cid, _attrs("case identifier (hash of parameters)"))
    return ds


# ---------------------------------------------------------------- beyond: virtual HBT
def _hbt_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    return [dict(sec["hbt"], seed=seed)]


#: Number of record segments for the block (jackknife-like) HBT error estimate.
HBT_BLOCKS = 16


def _hbt_solve(p: Mapping[str, Any], cid: str) -> xr.Dataset:
    rng = rng_for(p, cid)
    N, g = int(p["N"]), float(p["gamma_tau"])
    stream = photons.photon_stream(
        "model1", int(p["n_photons"]), rng, N=N, gamma_tau=g, efficiency=float(p["efficiency"])
    )
    h = photons.hbt_histogram(
        stream.times,
        float(p["bin_width"]),
        float(p["max_delay"]),
        record_length=stream.record_length,
        n_blocks=HBT_BLOCKS,
    )
    edges = np.asarray(h["edges"])
    exact_bin = model1.g2_bin_average(edges, N, g)
    t_fine = np.linspace(0.0, float(p["max_delay"]), 601)
    ds = xr.Dataset(
        {
            "g2_hbt": ("bin", np.asarray(h["g2"]), _attrs("HBT estimate of g2 (all-pairs)")),
            "g2_hbt_err": ("bin", np.asarray(h["g2_err"]), _attrs("Poisson standard error")),
            "g2_hbt_err_blocks": (
                "bin",
                np.asarray(h["g2_err_blocks"]),
                _attrs(f"standard error from {HBT_BLOCKS} record blocks (includes bunching F)"),
            ),
            "coincidences": ("bin", np.asarray(h["counts"]), _attrs("coincidence counts")),
            "g2_exact_bin": ("bin", exact_bin, _attrs("exact g2(t) averaged over the bin")),
            "g2_exact": ("t", model1.g2_delay(t_fine, N, g), _attrs("exact g2(t), QRT")),
            "bin_lower": ("bin", edges[:-1], T_ATTRS),
            "bin_upper": ("bin", edges[1:], T_ATTRS),
            "photon_rate": (
                (),
                len(stream.times) / stream.record_length,
                _attrs("detected photon rate times tau"),
            ),
            "photon_rate_exact": (
                (),
                float(p["efficiency"]) * model1.mean_excited(N, g),
                _attrs("expected photon rate eta <n> (per tau)"),
            ),
            "n_photons": ((), len(stream.times), _attrs("number of detected photons")),
            "record_length": ((), stream.record_length, _attrs("record length / tau")),
        },
        coords={
            "t_center": ("bin", 0.5 * (edges[:-1] + edges[1:]), _attrs("bin centre / tau")),
            "t": ("t", t_fine, T_ATTRS),
        },
    )
    ds["case_id"] = ((), cid, _attrs("case identifier (hash of parameters)"))
    return ds


#: Every point of this study's grids solves in milliseconds to ~0.1 s while a Snakemake job
#: costs ~1 s of interpreter start-up: bundle a whole sweep into one job (still one file per
#: job; random numbers are seeded per point, so the bundling does not change any number).
CHEAP_POINTS_PER_JOB = 64

SWEEPS: dict[str, Sweep] = {
    s.name: s
    for s in (
        Sweep(
            "g2_zero",
            _g2_zero_cases,
            _g2_zero_solve,
            ("N",),
            _M1,
            "Model 1 stationary state and g2(0) vs gamma*tau (Fig. 1)",
            points_per_job=CHEAP_POINTS_PER_JOB,
        ),
        Sweep(
            "g2_delay",
            _g2_delay_cases,
            _g2_delay_solve,
            ("N", "gamma_tau"),
            _M1,
            "Model 1 g2(t): exact QRT, Eq. 17, Eq. 20 (Fig. 2)",
            points_per_job=CHEAP_POINTS_PER_JOB,
        ),
        Sweep(
            "model2_vs_model1",
            _m2m1_cases,
            _m2m1_solve,
            ("N",),
            _M2,
            "Model 2 vs Model 1 vs gamma*tau (Fig. S1)",
            points_per_job=CHEAP_POINTS_PER_JOB,
        ),
        Sweep(
            "model2_vs_N",
            _m2_vs_N_cases,
            _m2_vs_N_solve,
            (),
            _M2,
            "Model 2 vs Model 1 relative differences vs N (Fig. S2)",
        ),
        Sweep(
            "model2_vs_M",
            _m2_vs_M_cases,
            _m2_vs_M_solve,
            (),
            _M2,
            "Model 2 vs Model 1 relative differences vs M (Fig. S3)",
        ),
        Sweep(
            "model2_saturation",
            _sat_cases,
            _sat_solve,
            ("M",),
            _M2,
            "Model 2 g2(0) up to large electron rates (Fig. S4)",
            points_per_job=CHEAP_POINTS_PER_JOB,
        ),
        Sweep(
            "model3_fit",
            _m3_cases,
            _m3_solve,
            (),
            _M3,
            "Model 3 (kick-limit reconstruction) vs fitted Model 2 (Fig. S6)",
            runtime_min=20,
        ),
        Sweep(
            "pulse_trains",
            _trains_cases,
            _trains_solve,
            (),
            (*_M1, f"{_PKG}.photons", f"{_PKG}.radiation"),
            "Seeded CL pulse train and electron telegraph noise (Fig. 3, Fig. S5)",
        ),
        Sweep(
            "radiation_state",
            _rad_cases,
            _rad_solve,
            (),
            (*_M1, f"{_PKG}.radiation"),
            "Single-mode photon-number state and vacuum mixture (Sec. V)",
        ),
        Sweep(
            "hbt",
            _hbt_cases,
            _hbt_solve,
            (),
            (*_M1, f"{_PKG}.photons"),
            "Virtual HBT experiment vs exact bin-averaged g2 (beyond the paper)",
            mem_mb=4000,
            runtime_min=30,
        ),
    )
}
