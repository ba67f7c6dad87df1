"""Benchmark: reduced (lumped) QRT solver for Model 1 vs the full Lindblad model in QuTiP.

Yuge et al., PRB 107, 165303 (2023): the quantum master equation of N two-level emitters (Hilbert
space 2^N, density matrix 4^N entries) reduces exactly to an (N+1)-state classical chain
(Eqs. 7-9), so g2(t) costs O(N) work per delay instead of O(4^N).

Measures, in one run:

1. a 200-delay g2(t) curve (N = 10, gamma tau = 0.01, t/tau in [0, 5]) from
   ``model1.g2_delay`` (best of k) and from QuTiP (steadystate + mesolve of
   sum_i sigma_i^- rho_ss sigma_i^+ with atol 1e-12, rtol 1e-10; one run), their agreement and the
   speed-up ratio;
2. the wall time of ``model1.g2_delay`` (200 delays) vs N with the fitted log-log slope.

Usage: ``python benchmarks/cl_superbunching.py [--quick] [--repeats K]``. This is a script, not a
test. QuTiP is imported only here and in the tests, never in ``src/``.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import numpy as np
import scipy
from _timing import best_of

from lightmatter.cl_superbunching import model1

GAMMA_TAU = 0.01
N_DELAYS = 200
T_MAX = 5.0
QUTIP_OPTIONS = {"atol": 1e-12, "rtol": 1e-10, "nsteps": 1_000_000}


def qutip_g2(N: int, gamma_tau: float, t: np.ndarray) -> tuple[np.ndarray, dict[str, float]]:
    """g2(t) of the full Lindblad model (Eqs. 2-6) by the QRT in QuTiP, with stage timings.

    ``destroy(2)``: |1> is the excited state, so sigma^- = destroy(2) (docs/cl_superbunching.md §0).
    """
    import qutip as qt

    timings: dict[str, float] = {}
    start = time.perf_counter()
    sms = []
    for j in range(N):
        factors = [qt.qeye(2)] * N
        factors[j] = qt.destroy(2)
        sms.append(qt.tensor(factors))
    excite = sms[0].dag()
    for s in sms[1:]:
        excite = excite * s.dag()
    c_ops = [*sms, np.sqrt(gamma_tau) * excite]
    n_op = sum(s.dag() * s for s in sms)
    H = 0 * n_op
    timings["build"] = time.perf_counter() - start

    start = time.perf_counter()
    rho_ss = qt.steadystate(H, c_ops)
    timings["steadystate"] = time.perf_counter() - start

    start = time.perf_counter()
    mean = qt.expect(n_op, rho_ss)
    rho0 = sum(s * rho_ss * s.dag() for s in sms)
    res = qt.mesolve(H, rho0, t, c_ops, e_ops=[n_op], options=QUTIP_OPTIONS)
    timings["mesolve"] = time.perf_counter() - start
    return np.asarray(res.expect[0]) / mean**2, timings


def part1(N: int, repeats: int) -> None:
    t = np.linspace(0.0, T_MAX, N_DELAYS)
    t_red, g2_red = best_of(lambda: model1.g2_delay(t, N, GAMMA_TAU), repeats)
    g2_red = np.asarray(g2_red)
    g2_full, tq = qutip_g2(N, GAMMA_TAU, t)
    t_full = tq["steadystate"] + tq["mesolve"]
    abs_err = np.max(np.abs(g2_full - g2_red))
    rel_err = np.max(np.abs(g2_full / g2_red - 1.0))
    print(
        f"\n(1) g2(t) curve: N = {N}, gamma*tau = {GAMMA_TAU}, "
        f"{N_DELAYS} delays in [0, {T_MAX}] tau"
    )
    print(f"    Hilbert space 2^{N} = {2**N}; reduced chain N+1 = {N + 1} states")
    print(
        f"    g2(0): reduced {g2_red[0]:.12f}  QuTiP {g2_full[0]:.12f}  Eq. 16 "
        f"{model1.g2_zero(N, GAMMA_TAU):.12f}"
    )
    print(
        f"    max |g2_QuTiP - g2_reduced| = {abs_err:.2e}  (max relative {rel_err:.2e})  "
        f"{'OK' if rel_err < 1e-6 else 'DISAGREE'}"
    )
    print(f"    {'solver':<44s}{'wall time [s]':>14s}")
    label = f"reduced QRT, model1.g2_delay (best of {repeats})"
    print(f"    {label:<44s}{t_red:>14.4g}")
    print(f"    {'QuTiP steadystate':<44s}{tq['steadystate']:>14.4g}")
    print(f"    {'QuTiP mesolve (atol 1e-12, rtol 1e-10)':<44s}{tq['mesolve']:>14.4g}")
    print(f"    {'QuTiP total (steadystate + mesolve)':<44s}{t_full:>14.4g}")
    print(f"    {'(QuTiP operator construction, not counted)':<44s}{tq['build']:>14.4g}")
    print(f"    speed-up (QuTiP total / reduced)   = {t_full / t_red:10.0f}x")
    print(f"    speed-up (QuTiP mesolve / reduced) = {tq['mesolve'] / t_red:10.0f}x")


def part2(sizes: list[int], repeats: int) -> None:
    t = np.linspace(0.0, T_MAX, N_DELAYS)
    times = []
    print(
        f"\n(2) model1.g2_delay wall time, {N_DELAYS} delays in [0, {T_MAX}] tau, "
        f"gamma*tau = {GAMMA_TAU}, best of {repeats}"
    )
    print(f"    {'N':>6s}{'time [s]':>12s}{'g2(0)':>14s}{'g2(5 tau)':>12s}")
    for N in sizes:
        dt, g2 = best_of(lambda N=N: model1.g2_delay(t, N, GAMMA_TAU), repeats)
        g2 = np.asarray(g2)
        times.append(dt)
        print(f"    {N:>6d}{dt:>12.4g}{g2[0]:>14.6g}{g2[-1]:>12.6g}")
    slope = np.polyfit(np.log(sizes), np.log(times), 1)[0]
    print(f"    fitted log-log slope d ln(time) / d ln(N) = {slope:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (N = 6 vs QuTiP)")
    parser.add_argument("--repeats", type=int, default=7, help="best-of-k repeats for fast timings")
    args = parser.parse_args()

    import qutip

    print("CL superbunching benchmark (Yuge et al. PRB 107, 165303): reduced QRT vs full Lindblad")
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
        f"qutip {qutip.__version__}, cpus {os.cpu_count()}"
    )
    if args.quick:
        part1(6, args.repeats)
        part2([10, 30, 100], args.repeats)
    else:
        part1(10, args.repeats)
        part2([10, 30, 100, 300, 1000], args.repeats)


if __name__ == "__main__":
    main()
