"""Benchmark of the ledd_ttm Boltzmann solver (Un, Sarkar, Sivan et al., arXiv:2207.14528).

Measures, in one run:

1. the e-e collision operator (numba, pair-of-pairs symmetry, table lookups instead of
   arctan, pruning) vs a direct vectorised-NumPy evaluation of the same integral at
   N_E = 300 and 600: relative agreement and speed ratio (best of k);
2. time per simulated femtosecond of the full Boltzmann step (excitation + e-ph + two-grid
   e-e, Heun step: two evaluations) at paper resolution (hbar omega / Delta = 240, e-e grid
   hbar omega / 60, dt = 2 fs in the pulse, cut to 0.9 / largest rate);
3. total wall time of the paper-resolution ITO and Au runs (-500 ... 1500 fs; target: <= 60 s
   together) and their peak T_eff against the TTM (exact G);
4. peak resident memory.

Usage: ``python benchmarks/ledd_ttm.py [--quick]`` (quick: N_E = 150, 300, short runs).
This is a script, not a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import time

import numba
import numpy as np
from _timing import best_of

from lightmatter.ledd_ttm import boltzmann as be
from lightmatter.ledd_ttm import physics as ph
from lightmatter.ledd_ttm.materials import material

PULSE = ph.Pulse(1240.0, 200.0, 5.0)


def bench_ee(n_target: int, repeats: int) -> None:
    mat = material("ITO")
    M = max(1, round(n_target / ((mat.E_F + 3.0) / PULSE.hbar_omega)))
    g = be.make_grid(mat, PULSE.hbar_omega, M, 3.0)
    rd = ph.dos(g.eps, mat) * g.delta
    mu = be._grid_mu(1500.0, rd, g.eps, mat.n_e, mat.E_F)
    f = be.fermi_on_grid(1500.0, mu, g)
    f = np.clip(f + 1e-3 * (g.eps > 1.0) * np.exp(-(g.eps - 1.0)), 0, 1)  # hot tail
    ops = be._ops(mat, g)
    be._ee(f, ops, 0.0)  # compile / warm up
    t_np, ref = best_of(lambda: be.ee_collision_direct(f, g, mat), 1, warmup=False)
    t_nb, fast = best_of(lambda: be._ee(f, ops, 0.0), repeats, warmup=False)
    t_pr, pruned = best_of(lambda: be._ee(f, ops, 1e-14), repeats, warmup=False)
    err = np.max(np.abs(fast[2] - ref)) / np.max(np.abs(ref))
    err_p = np.max(np.abs(pruned[2] - ref)) / np.max(np.abs(ref))
    if n_target >= 600:
        print(f"target at N_E >= 600: x100 and <= 1e-10 -> x{t_np / t_nb:.0f}, {err:.1e}")
    print(
        f"e-e N_E={g.n}: numpy {t_np:.3f} s, numba {t_nb * 1e3:.1f} ms "
        f"(x{t_np / t_nb:.0f}), pruned {t_pr * 1e3:.1f} ms (x{t_np / t_pr:.0f}, "
        f"{pruned[3]}/{fast[3]} quadruples); max rel diff {err:.1e} / pruned {err_p:.1e}"
    )


def bench_run(name: str, t_span, per_photon: int, ratio: int, dt_pulse: float = 2.0) -> float:
    mat, ito = material(name), material("ITO")
    g = be.make_grid(mat, PULSE.hbar_omega, per_photon, 3.0, 2.2, ratio)
    t = np.linspace(t_span[0], t_span[1], 41)
    t0 = time.perf_counter()
    ds = be.solve_boltzmann(
        mat, PULSE, g, t_span, t_out=t, source=ito, ee_ratio=ratio, dt_pulse=dt_pulse
    )
    wall = time.perf_counter() - t0
    ttm = ph.solve_ttm(mat, PULSE, t_span, t_eval=t, source=ito, coupling="full")
    i = int(np.argmax(ttm["Te"]))
    span = t_span[1] - t_span[0]
    print(
        f"BE {name}: N={g.n} (Delta={g.delta * 1e3:.2f} meV, e-e N={g.n // ratio}), "
        f"{span:.0f} fs in {wall:.1f} s = {wall / span * 1e3:.1f} ms/fs "
        f"({int(ds.n_eval)} evaluations, {wall / int(ds.n_eval) * 1e3:.2f} ms each); "
        f"T_eff peak {float(ds.T_eff.max()):.0f} K vs TTM {ttm['Te'].max():.0f} K "
        f"(at TTM peak: {float(ds.T_eff[i]) / ttm['Te'][i] - 1:+.2%}); "
        f"|dn/n| {float(ds.number_error):.1e}, energy residual {float(ds.energy_residual):.1e}, "
        f"per-step conservation errors n {float(ds.raw_number_error):.1e} "
        f"E {float(ds.raw_energy_error):.1e}"
    )
    return wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--single-grid", action="store_true", help="also run e-e on the fine grid")
    args = ap.parse_args()
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"numba {numba.__version__} threads={numba.get_num_threads()}, numpy {np.__version__}"
    )
    for n in (150, 300) if args.quick else (300, 600):
        bench_ee(n, 3)
    span = (-200.0, 200.0) if args.quick else (-500.0, 1500.0)
    total = bench_run("ITO", span, 240, 4) + bench_run("Au", span, 240, 4)
    print(f"ITO + Au BE runs at paper resolution: {total:.1f} s (target <= 60 s)")
    if args.single_grid:  # e-e at the full resolution (N_E = 956): ~10 min on 2 cores
        bench_run("ITO", span, 240, 1)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {rss:.0f} MB")


if __name__ == "__main__":
    main()
