"""Benchmark: perovskite_emission solvers (Chatterjee et al., MRS Communications 2024).

Measures, in one run:

1. the Dicke burst from full inversion for N = 1000 (review Fig. 2c/6;
   docs/perovskite_emission.md §4) on the default 4001-point window, solved in the symmetric
   (N+1)-state ladder by
   ``dicke_burst(method="expm")`` (``expm_multiply`` via :func:`lightmatter.markov.propagate`)
   and ``method="radau"`` (implicit, sparse Jacobian), against the same system integrated by a
   dense generic ODE solver (``scipy.integrate.solve_ivp`` LSODA with the dense matrix and its
   dense Jacobian, rtol 1e-10, atol 1e-13): wall times, speed-up ratios, max deviation of I(t)
   relative to the peak and the photon number;
2. the type-A blinking simulation (review Fig. 5; note §6) for 1e7 photons: wall time, photons
   per second, peak traced memory (``tracemalloc``, separate run) and the process peak RSS
   (``resource.getrusage``), plus the time of the trace/FLID analysis.

Usage: ``python benchmarks/perovskite_emission.py [--quick] [--repeats K]``. This is a script,
not a test. ``--quick`` uses N = 300 and 1e6 photons.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import time
import tracemalloc

import numpy as np
import scipy
from _timing import best_of
from scipy.integrate import solve_ivp

from lightmatter.perovskite_emission import blinking as bl
from lightmatter.perovskite_emission import superradiance as sr


def dense_ode_intensity(N: int, t: np.ndarray) -> np.ndarray:
    """I(t) of the Dicke ladder from a dense generic ODE solve (LSODA, dense Jacobian)."""
    W = sr.dicke_generator(N).toarray()
    lam = sr.dicke_rates(N)
    p0 = np.zeros(N + 1)
    p0[N] = 1.0
    sol = solve_ivp(
        lambda _t, p: W @ p,
        (0.0, float(t[-1])),
        p0,
        method="LSODA",
        t_eval=t,
        jac=lambda _t, _p: W,
        rtol=1e-10,
        atol=1e-13,
    )
    if not sol.success:
        raise RuntimeError(sol.message)
    return sol.y.T @ lam


def bench_dicke(N: int, repeats: int) -> list[tuple[str, str]]:
    t = sr.default_time_grid(N)
    rows: list[tuple[str, str]] = []
    t_expm, burst = best_of(lambda: sr.dicke_burst(N, t, method="expm"), repeats)
    t_radau, burst_r = best_of(lambda: sr.dicke_burst(N, t, method="radau"), max(1, repeats // 2))
    start = time.perf_counter()
    I_dense = dense_ode_intensity(N, t)
    t_dense = time.perf_counter() - start
    metrics = sr.burst_metrics(burst)
    peak = metrics.peak_intensity
    rows += [
        ("Dicke N", f"{N} ({t.size} time points, t_end = {t[-1]:.4g}/gamma)"),
        ("expm_multiply ladder [s]", f"{t_expm:.3f}"),
        ("Radau sparse ladder [s]", f"{t_radau:.3f}"),
        ("dense LSODA [s]", f"{t_dense:.3f}"),
        ("speed-up dense/expm", f"{t_dense / t_expm:.1f}x"),
        ("speed-up dense/Radau-sparse", f"{t_dense / t_radau:.1f}x"),
        ("max|I_expm - I_dense|/I_pk", f"{np.max(np.abs(burst.intensity - I_dense)) / peak:.2e}"),
        (
            "max|I_expm - I_radau|/I_pk",
            f"{np.max(np.abs(burst.intensity - burst_r.intensity)) / peak:.2e}",
        ),
        ("photons - N (exact, expm)", f"{metrics.total_photons - N:.2e}"),
        (
            "peak / N^2, (N+1) t_pk, (N+1) FWHM",
            f"{peak / N**2:.4f}, {(N + 1) * metrics.peak_time:.4f}, {(N + 1) * metrics.fwhm:.4f}",
        ),
    ]
    return rows


def bench_blinking(n_photons: float) -> list[tuple[str, str]]:
    params = bl.BlinkingParams()
    kin = params.detection_probability("A")
    on_frac = params.mean_on_s / (params.mean_on_s + params.mean_off_s)
    rate = params.rep_rate_hz * (on_frac * kin[1] + (1 - on_frac) * kin[0])
    duration = n_photons / rate
    start = time.perf_counter()
    res = bl.simulate_blinking(duration, params, rng=12345, model="A")
    t_sim = time.perf_counter() - start
    start = time.perf_counter()
    tr = bl.intensity_lifetime_traces(res, 0.01)
    flid = bl.flid_histogram(tr.counts, tr.lifetime)
    r = bl.intensity_lifetime_correlation(tr.counts, tr.lifetime)
    t_ana = time.perf_counter() - start
    n = res.n_photons
    out_mb = (res.pulse_index.nbytes + res.micro_time.nbytes + res.photon_state.nbytes) / 2**20
    del res, tr, flid
    tracemalloc.start()
    res = bl.simulate_blinking(duration, params, rng=12345, model="A")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del res
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return [
        ("blinking photons", f"{n:.3e} in {duration:.1f} s simulated (type A)"),
        ("simulation wall time [s]", f"{t_sim:.3f}"),
        ("photons per second", f"{n / t_sim:.3e}"),
        ("traces + FLID + r [s]", f"{t_ana:.3f} (r_A = {r:.3f})"),
        ("output arrays [MiB]", f"{out_mb:.1f}"),
        ("peak traced memory [MiB]", f"{peak / 2**20:.1f}"),
        ("process peak RSS [MiB]", f"{rss:.1f} (imports + two simulations + analysis)"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N = 300 and 1e6 photons")
    parser.add_argument("--repeats", type=int, default=3, help="timing repeats (best of)")
    args = parser.parse_args()
    N = 300 if args.quick else 1000
    n_photons = 1e6 if args.quick else 1e7
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}"
    )
    blink_rows = bench_blinking(n_photons)  # first, so that the peak RSS is the blinking one
    rows = bench_dicke(N, args.repeats) + blink_rows
    width = max(len(k) for k, _ in rows)
    print(f"{'quantity':<{width}}  value")
    print("-" * (width + 40))
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
