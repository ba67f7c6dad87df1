"""Benchmark: closed-form steady state vs stiff ODE integration of the Auger rate equations.

Zeng et al., "Auger photoemission as a laser-like coherent cathode", Eq. 1 (replenished
variant, docs/auger_photoemission.md §1-2, §10), defaults of §5: gamma_A = 1e-3 1/s, N = 1e6,
tau1 = tau3 = 1e-7 s.

Measures, in one run:

1. a steady-state sweep over 10^4 pump rates w_p in [1e-2, 1e6] 1/s (Fig. 2b range): the
   vectorised exact closed form (``steady_state``, best of k) vs integrating Eq. 1 to steady
   state (Radau + analytic Jacobian, 60 relaxation times from "all in level 0"). Only a
   log-spaced subsample of the rates is integrated; the cost of the full sweep is extrapolated
   from the mean per-rate cost (printed as such). The agreement of the subsample with the
   closed form is reported.
2. stiff integration of one case (w_p = gamma_A N, the crossover; 60 relaxation times) with
   Radau and BDF, with and without the analytic Jacobian (wall time, RHS / Jacobian calls, LU
   decompositions);
3. the explicit RK45 on a short window of the same case, showing that its step is limited by
   tau (RHS calls grow linearly with the window), with the extrapolated cost of the full window.

Usage: ``python benchmarks/auger_photoemission.py [--quick] [--repeats K]``. This is a script,
not a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import numpy as np
import scipy
from _timing import best_of

from lightmatter.auger_photoemission import integrate, relaxation_time, steady_state

GAMMA_A = 1e-3  # 1/s
N_TOT = 1e6
TAU = 1e-7  # s
N_SWEEP = 10_000
W_RANGE = (1e-2, 1e6)  # 1/s
N_RELAX = 60.0


def to_steady_state(w: float, method: str = "Radau", jac: bool = True):
    """Integrate the replenished model from all-in-level-0 for 60 relaxation times."""
    t_end = N_RELAX * relaxation_time(w, GAMMA_A, N_TOT)
    return integrate(w, N_TOT, GAMMA_A, TAU, TAU, [0.0, t_end], method=method, jac=jac)


def part1(n_sub: int, repeats: int) -> None:
    w_all = np.logspace(np.log10(W_RANGE[0]), np.log10(W_RANGE[1]), N_SWEEP)
    t_closed, ss = best_of(lambda: steady_state(w_all, GAMMA_A, N_TOT, TAU, TAU), repeats)
    sub = w_all[np.unique(np.linspace(0, N_SWEEP - 1, n_sub).round().astype(int))]
    costs, errs, nfevs = [], [], []
    for w in sub:
        start = time.perf_counter()
        ds = to_steady_state(float(w))
        costs.append(time.perf_counter() - start)
        nfevs.append(ds.attrs["nfev"])
        exact = steady_state(float(w), GAMMA_A, N_TOT, TAU, TAU)
        errs.append(max(abs(float(ds[k][-1]) / exact[k] - 1.0) for k in ("N0", "N1", "N2", "N3")))
    per_rate = float(np.mean(costs))
    t_ode = per_rate * N_SWEEP
    print(
        f"\n(1) steady-state sweep: {N_SWEEP} pump rates w_p in "
        f"[{W_RANGE[0]:g}, {W_RANGE[1]:g}] 1/s\n    (gamma_A = {GAMMA_A:g} 1/s, N = {N_TOT:g}, "
        f"tau1 = tau3 = {TAU:g} s)"
    )
    print(f"    {'method':<58s}{'wall time [s]':>14s}")
    label = f"closed form, steady_state(), vectorised (best of {repeats})"
    print(f"    {label:<58s}{t_closed:>14.4g}")
    label = f"ODE to steady state, Radau + jac: {len(sub)} rates integrated"
    print(f"    {label:<58s}{float(np.sum(costs)):>14.4g}")
    label = f"  -> EXTRAPOLATED to {N_SWEEP} rates (mean {per_rate * 1e3:.1f} ms/rate)"
    print(f"    {label:<58s}{t_ode:>14.4g}")
    print(f"    speed-up (extrapolated ODE sweep / closed form) = {t_ode / t_closed:.3g}x")
    print(
        f"    ODE subsample: RHS calls per rate {min(nfevs)}..{max(nfevs)}; "
        f"max relative deviation from the closed form (N0..N3) = {max(errs):.2e} "
        f"{'OK' if max(errs) < 1e-8 else 'DISAGREE'}"
    )
    print(f"    closed form N2 range: {ss.N2.min():.4g} .. {ss.N2.max():.4g}")


def part2(repeats: int) -> tuple[float, float]:
    w = GAMMA_A * N_TOT
    t_end = N_RELAX * relaxation_time(w, GAMMA_A, N_TOT)
    exact = steady_state(w, GAMMA_A, N_TOT, TAU, TAU).N2
    print(
        f"\n(2) stiff integration, one case: w_p = gamma_A N = {w:g} 1/s, t in [0, {t_end:.4g}] s "
        f"(60 relaxation times), rtol 1e-10, atol 1e-12 N, best of {repeats}"
    )
    print(
        f"    stiffness ratio (1/tau) / (w_p + 2 gamma_A N2) = "
        f"{(1.0 / TAU) * relaxation_time(w, GAMMA_A, N_TOT):.3g}"
    )
    head = f"{'method':<22s}{'wall [s]':>10s}{'nfev':>9s}{'njev':>7s}{'nlu':>7s}{'N2 rel err':>12s}"
    print(f"    {head}")
    for method in ("Radau", "BDF"):
        for jac in (True, False):
            dt, ds = best_of(lambda m=method, j=jac: to_steady_state(w, m, j), repeats)
            err = abs(float(ds.N2[-1]) / exact - 1.0)
            label = f"{method} {'analytic jac' if jac else 'FD jac'}"
            print(
                f"    {label:<22s}{dt:>10.4f}{ds.attrs['nfev']:>9d}{ds.attrs['njev']:>7d}"
                f"{ds.attrs['nlu']:>7d}{err:>12.2e}"
            )
    return w, t_end


def part3(w: float, t_end: float, windows: list[float]) -> None:
    print(
        f"\n(3) explicit RK45 on short windows of case (2) (same tolerances); the full window is "
        f"{t_end:.4g} s"
    )
    print(f"    {'window [s]':>12s}{'wall [s]':>10s}{'nfev':>10s}{'nfev per ms':>12s}")
    rates = []
    for window in windows:
        start = time.perf_counter()
        ds = integrate(w, N_TOT, GAMMA_A, TAU, TAU, [0.0, window], method="RK45")
        dt = time.perf_counter() - start
        rates.append((ds.attrs["nfev"] / window, dt / window))
        nfev = ds.attrs["nfev"]
        print(f"    {window:>12.3g}{dt:>10.3f}{nfev:>10d}{nfev / window / 1e3:>12.4g}")
    nfev_rate, wall_rate = rates[-1]
    print(
        f"    EXTRAPOLATED RK45 cost of the full window: ~{nfev_rate * t_end:.3g} RHS calls, "
        f"~{wall_rate * t_end:.3g} s"
    )
    t_weak = N_RELAX * relaxation_time(W_RANGE[0], GAMMA_A, N_TOT)
    print(
        f"    EXTRAPOLATED RK45 cost of the weakest-pump run (w_p = {W_RANGE[0]:g} 1/s, "
        f"{t_weak:.3g} s): ~{nfev_rate * t_weak:.3g} RHS calls, ~{wall_rate * t_weak:.3g} s "
        "(step limited by tau, not by the dynamics)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 integrated rates, short windows")
    parser.add_argument("--repeats", type=int, default=5, help="best-of-k repeats")
    args = parser.parse_args()

    print(
        "Auger photoemission benchmark (Zeng et al., Eq. 1 replenished): closed form vs stiff ODE"
    )
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
        f"cpus {os.cpu_count()}"
    )
    repeats = 1 if args.quick else args.repeats
    part1(5 if args.quick else 20, repeats)
    w, t_end = part2(repeats)
    part3(w, t_end, [2.5e-4, 5e-4] if args.quick else [5e-4, 1e-3, 2e-3])


if __name__ == "__main__":
    main()
