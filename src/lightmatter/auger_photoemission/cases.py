"""Sweeps of the ``auger_photoemission`` study: case tables from the config and point solvers.

Each solver evaluates the physics of ``four_level`` and ``coherence`` on the grids of one
figure and returns an :class:`xarray.Dataset` with units and long names; the workflow writes it
(``lightmatter.jobs``). Fig. 2b/2c use the replenished steady state (every emitted electron is
returned to level 0: ASSUMED, physics note §3); the seed's closed bookkeeping only has a
quasi-steady state, shown in the ``dynamics`` sweep.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import xarray as xr

from lightmatter.sweeps import Sweep, expand_case_dims, rng_for

from . import coherence
from . import four_level as fl

__all__ = ["REFERENCES", "SEED_PAPER", "STUDY", "SWEEPS"]

STUDY = "auger_photoemission"
SEED_PAPER = (
    "Y. Zeng, B. Zhang, K. Cao, X.-J. Liu, Y. Pan, Auger photoemission as a laser-like coherent "
    "cathode (preprint; seed text 000_38be2e173ad007b4)"
)
REFERENCES = (
    "Zeng et al., Auger photoemission as a laser-like coherent cathode (no DOI in the seed)"
)

_PKG = "lightmatter.auger_photoemission"
_FL = (f"{_PKG}.four_level", f"{_PKG}.cases")
_COH = (f"{_PKG}.coherence", f"{_PKG}.cases")

#: every point of this study solves in well under a second: bundle whole sweeps into one job
POINTS_PER_JOB = 64
#: integrate to steady state for this many relaxation times 1/(w_p + 2 gamma_A N2) (note §10)
RELAXATION_TIMES = 60.0


def _attrs(long_name: str, units: str = "1") -> dict[str, str]:
    return {"units": units, "long_name": long_name}


def _grid(spec: Mapping[str, Any]) -> np.ndarray:
    return np.geomspace(float(spec["min"]), float(spec["max"]), int(spec["num"]))


def _model(sec: Mapping[str, Any]) -> dict[str, float]:
    m = sec["model"]
    return {k: float(m[k]) for k in ("N", "gamma_A", "tau1", "tau3", "beta")}


WP = _attrs("pump rate per ground-state electron w_p", "1/s")
NPOP = _attrs("number of electrons N in the emitter")
J_UNITS = "electrons/s"


def _ode_steady_state(w_p: float, N: float, m: Mapping[str, float]) -> dict[str, float]:
    """Replenished ODE from the ground state, integrated for RELAXATION_TIMES relaxation times."""
    t_end = RELAXATION_TIMES * float(fl.relaxation_time(w_p, m["gamma_A"], N))
    ds = fl.integrate(
        w_p, N, m["gamma_A"], m["tau1"], m["tau3"], np.array([0.0, t_end]), variant="replenished"
    )
    last = ds.isel(t=-1)
    return {k: float(last[k]) for k in ("N0", "N1", "N2", "N3")} | {"t_end": t_end}


# ------------------------------------------------------------------ Fig. 1b-c: decays
def _decay_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    return [{**sec["decays"], "gamma_A": sec["model"]["gamma_A"]}]


def _decay_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    N_z, g = float(p["N_z"]), float(p["gamma_A"])
    tau_sp = 1.0 / (g * N_z)  # equal initial decay rate (ASSUMED, note §6)
    t = np.linspace(0.0, float(p["t_max_over_tau_sp"]) * tau_sp, int(p["num_t"]))
    ds = xr.Dataset(
        {
            "N2_radiative": ("t", fl.radiative_decay(t, N_z, tau_sp), _attrs("N2, radiative")),
            "N2_auger": ("t", fl.auger_decay(t, N_z, g), _attrs("N2, Auger (hyperbolic)")),
            "tau_sp": ((), tau_sp, _attrs("radiative lifetime 1/(gamma_A N_z)", "s")),
            "N_z": ((), N_z, _attrs("initial level-2 population N_z")),
            "gamma_A": ((), g, _attrs("Auger rate per pair gamma_A", "1/s")),
        },
        coords={"t": ("t", t, _attrs("time", "s"))},
    )
    ds["case_id"] = ((), pid, _attrs("point identifier (hash of parameters)"))
    return ds


# ------------------------------------------------------------------ Fig. 2b: J vs w_p
def _pump_curve_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    pump = sec["pump"]
    return [{**_model(sec), "w_p": pump["w_p"], "marked_w_p": pump["marked_w_p"]}]


def _pump_curve_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    w = _grid(p["w_p"])
    N, g, t1, t3, b = (float(p[k]) for k in ("N", "gamma_A", "tau1", "tau3", "beta"))
    ss = fl.steady_state(w, g, N, t1, t3, variant="replenished")
    eq6 = fl.steady_state(w, g, N, t1, t3, variant="eq6")
    marked = np.array(sorted(p["marked_w_p"]), dtype=float)
    ds = xr.Dataset(
        {
            "J": ("w_p", fl.photocurrent(ss.N2, g, b), _attrs("photocurrent J, exact", J_UNITS)),
            "J_eq6": ("w_p", fl.photocurrent(eq6.N2, g, b), _attrs("J from Eq. 6", J_UNITS)),
            "J_weak": ("w_p", fl.current_weak(w, N, b), _attrs("weak-pump limit Eq. 7", J_UNITS)),
            "J_saturated": (
                "w_p",
                np.full_like(w, float(fl.current_saturated(N, g, b))),
                _attrs("saturated limit Eq. 8", J_UNITS),
            ),
            "N2": ("w_p", np.asarray(ss.N2), _attrs("steady-state N2 (replenished, exact)")),
            "N1": ("w_p", np.asarray(ss.N1), _attrs("steady-state N1 (corrected Eq. 3)")),
            "slope_wp": ("w_p", fl.log_slope_wp(w, N, g), _attrs("d ln J / d ln w_p (Eq. 6)")),
            "J_marked": (
                "marked",
                fl.steady_state_current(marked, g, N, t1, t3, b),
                _attrs("J at the marked pump rates", J_UNITS),
            ),
            "w_crossover": ((), float(fl.crossover_pump_rate(N, g)), _attrs("gamma_A N", "1/s")),
        },
        coords={
            "w_p": ("w_p", w, WP),
            "marked_w_p": ("marked", marked, _attrs("marked pump rates of Fig. 2c", "1/s")),
        },
    )
    for k in ("N", "gamma_A", "tau1", "tau3", "beta"):
        ds[k] = (
            (),
            float(p[k]),
            _attrs(k, {"gamma_A": "1/s", "tau1": "s", "tau3": "s"}.get(k, "1")),
        )
    ds["case_id"] = ((), pid, _attrs("point identifier (hash of parameters)"))
    return ds


def _pump_ode_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    g = sec["pump"]["w_p"]
    ws = np.geomspace(float(g["min"]), float(g["max"]), int(sec["pump"]["ode_markers"]))
    return [{**_model(sec), "w_p": float(w)} for w in ws]


def _pump_ode_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    m = {k: float(p[k]) for k in ("N", "gamma_A", "tau1", "tau3", "beta")}
    w = float(p["w_p"])
    ode = _ode_steady_state(w, m["N"], m)
    exact = fl.steady_state(w, m["gamma_A"], m["N"], m["tau1"], m["tau3"])
    ds = xr.Dataset(
        {
            "J_ode": (
                (),
                float(fl.photocurrent(ode["N2"], m["gamma_A"], m["beta"])),
                _attrs("J from the stiff ODE steady state", J_UNITS),
            ),
            "N2_ode": ((), ode["N2"], _attrs("N2, stiff ODE (Radau, analytic Jacobian)")),
            "N2_exact": ((), float(exact.N2), _attrs("N2, exact quadratic")),
            "t_end": ((), ode["t_end"], _attrs("integration time (60 relaxation times)", "s")),
        }
    )
    return expand_case_dims(ds, {"w_p": (w, WP)}, pid)


# ------------------------------------------------------------------ Fig. 2c: J vs N
def _pop_curve_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    return [
        {**_model(sec), "N_grid": sec["population"]["N"], "marked_w_p": sec["pump"]["marked_w_p"]}
    ]


def _pop_curve_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    Ns = _grid(p["N_grid"])
    g, t1, t3, b = (float(p[k]) for k in ("gamma_A", "tau1", "tau3", "beta"))
    ws = np.array(sorted(p["marked_w_p"]), dtype=float)
    W, NN = np.meshgrid(ws, Ns, indexing="ij")
    J = fl.steady_state_current(W, g, NN, t1, t3, b)
    ds = xr.Dataset(
        {
            "J": (("w_p", "N"), J, _attrs("photocurrent J, exact steady state", J_UNITS)),
            "slope_N": (("w_p", "N"), fl.log_slope_N(W, NN, g), _attrs("d ln J / d ln N")),
            "J_weak": (("w_p", "N"), fl.current_weak(W, NN, b), _attrs("Eq. 7", J_UNITS)),
            "J_saturated": (("w_p", "N"), fl.current_saturated(NN, g, b), _attrs("Eq. 8", J_UNITS)),
            "N_star": ("w_p", fl.crossover_population(ws, g), _attrs("knee N* = w_p/gamma_A")),
        },
        coords={"w_p": ("w_p", ws, WP), "N": ("N", Ns, NPOP)},
    )
    ds["gamma_A"] = ((), g, _attrs("Auger rate per pair", "1/s"))
    ds["case_id"] = ((), pid, _attrs("point identifier (hash of parameters)"))
    return ds


def _pop_ode_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    g = sec["population"]["N"]
    Ns = np.geomspace(float(g["min"]), float(g["max"]), int(sec["population"]["ode_markers"]))
    m = _model(sec)
    return [{**m, "N": float(n), "w_p": float(w)} for w in sec["pump"]["marked_w_p"] for n in Ns]


def _pop_ode_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    m = {k: float(p[k]) for k in ("N", "gamma_A", "tau1", "tau3", "beta")}
    w = float(p["w_p"])
    ode = _ode_steady_state(w, m["N"], m)
    ds = xr.Dataset(
        {
            "J_ode": (
                (),
                float(fl.photocurrent(ode["N2"], m["gamma_A"], m["beta"])),
                _attrs("J from the stiff ODE steady state", J_UNITS),
            )
        }
    )
    return expand_case_dims(ds, {"w_p": (w, WP), "N": (m["N"], NPOP)}, pid)


# ------------------------------------------------------------------ dynamics (beyond)
def _dyn_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    d = sec["dynamics"]
    return [
        {**_model(sec), "w_p": float(w), "variant": v, "t_max": d["t_max"], "num_t": d["num_t"]}
        for w in d["w_p"]
        for v in ("closed", "replenished")
    ]


def _dyn_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    m = {k: float(p[k]) for k in ("N", "gamma_A", "tau1", "tau3", "beta")}
    w, variant = float(p["w_p"]), str(p["variant"])
    t_max = float(p["t_max"])
    t = np.concatenate([[0.0], np.geomspace(t_max * 1e-6, t_max, int(p["num_t"]) - 1)])
    ds = fl.integrate(w, m["N"], m["gamma_A"], m["tau1"], m["tau3"], t, variant=variant)
    ds = ds[["N0", "N1", "N2", "N3", "N_A"]]
    ds.attrs = {}
    # reference curves (one long_name for both variants: they are combined into one variable)
    if variant == "closed":
        qss = fl.quasi_steady_depletion(w, m["N"], m["gamma_A"], m["tau1"], m["tau3"], t)
        n2_ref, na_ref = np.asarray(qss["N2"]), np.asarray(qss["N_A"])
    else:
        ss = fl.steady_state(w, m["gamma_A"], m["N"], m["tau1"], m["tau3"])
        n2_ref = np.full(t.size, float(ss.N2))
        na_ref = t * float(fl.photocurrent(ss.N2, m["gamma_A"], 1.0))
    ds["N2_qss"] = (
        "t",
        n2_ref,
        _attrs("N2 reference: quasi-steady N2ss(P(t)) (closed, note 3) or exact steady state"),
    )
    ds["N_A_qss"] = (
        "t",
        na_ref,
        _attrs("N_A reference: reduced slow model (closed) or steady emission rate x t"),
    )
    ds["t"].attrs.update(_attrs("time", "s"))
    ds["t_relax"] = (
        (),
        float(fl.relaxation_time(w, m["gamma_A"], m["N"])),
        _attrs("1/(w_p + 2 gamma_A N2)", "s"),
    )
    ds["t_dep"] = (
        (),
        float(fl.depletion_time(w, m["gamma_A"], m["N"])),
        _attrs("2N/(gamma_A N2^2)", "s"),
    )
    ds["N_total"] = ((), m["N"], NPOP)
    return expand_case_dims(
        ds,
        {"w_p": (w, WP), "variant": (variant, _attrs("bookkeeping: closed (seed) or replenished"))},
        pid,
    )


# ------------------------------------------------------------------ Eq. 9 coherence
def _coh_cases(sec: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    c = sec["coherence"]
    return [
        {
            "shape": s,
            "omega_sigma": c["omega_sigma"],
            "N": c["N"],
            "mc_N": c["mc_N"],
            "mc_realisations": c["mc_realisations"],
            "seed": seed,
        }
        for s in c["shapes"]
    ]


def _coh_solve(p: Mapping[str, Any], pid: str) -> xr.Dataset:
    shape = str(p["shape"])
    ws = np.array(sorted(p["omega_sigma"]), dtype=float)  # omega in units of 1/sigma_t
    Ns = _grid(p["N"])
    mcN = np.array(sorted(p["mc_N"]), dtype=int)
    W, NN = np.meshgrid(ws, Ns, indexing="ij")
    rho = coherence.coherent_spectral_density(W, NN, 1.0, shape=shape)
    rng = rng_for(p, pid)
    mean = np.empty((ws.size, mcN.size))
    err = np.empty_like(mean)
    for j, n in enumerate(mcN):
        m, e = coherence.monte_carlo_spectral_density(
            ws, int(n), 1.0, int(p["mc_realisations"]), rng, shape=shape
        )
        mean[:, j], err[:, j] = m, e
    OS = _attrs("omega times the emission-time scale sigma_t")
    ds = xr.Dataset(
        {
            "rho": (("omega_sigma", "N"), rho, _attrs("<rho>/|psi|^2 = N + N(N-1)|f|^2, Eq. 9")),
            "form_factor": (
                "omega_sigma",
                coherence.form_factor(ws, 1.0, shape=shape),
                _attrs("|f(omega)|^2"),
            ),
            "N_critical": (
                "omega_sigma",
                coherence.critical_number(ws, 1.0, shape=shape),
                _attrs("N_c where the coherent term equals the incoherent one"),
            ),
            "rho_mc": (
                ("omega_sigma", "mc_N"),
                mean,
                _attrs("Monte Carlo mean of |sum e^{i w t}|^2"),
            ),
            "rho_mc_err": (("omega_sigma", "mc_N"), err, _attrs("Monte Carlo standard error")),
        },
        coords={
            "omega_sigma": ("omega_sigma", ws, OS),
            "N": ("N", Ns, NPOP),
            "mc_N": ("mc_N", mcN, _attrs("N of the Monte Carlo points")),
        },
    )
    ds["mc_realisations"] = ((), int(p["mc_realisations"]), _attrs("realisations per point"))
    return expand_case_dims(ds, {"shape": (shape, _attrs("emission-time distribution"))}, pid)


SWEEPS: dict[str, Sweep] = {
    s.name: s
    for s in (
        Sweep(
            "decays",
            _decay_cases,
            _decay_solve,
            (),
            _FL,
            "Radiative vs Auger decay of level 2 (Fig. 1b-c)",
        ),
        Sweep(
            "pump_curves",
            _pump_curve_cases,
            _pump_curve_solve,
            (),
            _FL,
            "Steady-state photocurrent vs pump rate, exact and limits (Fig. 2b)",
        ),
        Sweep(
            "pump_ode",
            _pump_ode_cases,
            _pump_ode_solve,
            ("w_p",),
            _FL,
            "Stiff-ODE steady states vs pump rate (Fig. 2b markers)",
            points_per_job=POINTS_PER_JOB,
        ),
        Sweep(
            "population_curves",
            _pop_curve_cases,
            _pop_curve_solve,
            (),
            _FL,
            "Steady-state photocurrent vs population at three pump rates (Fig. 2c)",
        ),
        Sweep(
            "population_ode",
            _pop_ode_cases,
            _pop_ode_solve,
            ("w_p", "N"),
            _FL,
            "Stiff-ODE steady states vs population (Fig. 2c markers)",
            points_per_job=POINTS_PER_JOB,
        ),
        Sweep(
            "dynamics",
            _dyn_cases,
            _dyn_solve,
            ("w_p", "variant"),
            _FL,
            "Populations vs time, closed vs replenished bookkeeping (beyond the paper)",
            points_per_job=POINTS_PER_JOB,
        ),
        Sweep(
            "coherence",
            _coh_cases,
            _coh_solve,
            ("shape",),
            _COH,
            "Eq. 9 spectral density: analytic and Monte Carlo",
            points_per_job=POINTS_PER_JOB,
        ),
    )
}
