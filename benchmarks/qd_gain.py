"""Benchmark: vectorised Simple Model OD_NL(E, <N>) map vs a per-point loop, and the threshold
root-finds (Zenatti & Kambhampati, Figs. 8c-h, 9; docs/qd_gain.md §3-5).

Measures, in one run:

1. the full OD_NL map of the 3LS + ESA scheme on 2000 energies x 500 values of <N> (one broadcast
   call, best of k) vs a per-point Python loop (timed on a subsample, extrapolated, printed as
   such), and their agreement;
2. the SE threshold root-finds (primary "se_max" and secondary "first_gain") for the four
   schemes, and the ASE threshold root-finds (M = 2).

Usage: ``python benchmarks/qd_gain.py [--quick] [--repeats K]``. This is a script, not a test.
"""

from __future__ import annotations

import argparse
import platform
import time

import numpy as np
from _timing import best_of

from lightmatter.qd_gain import SCHEMES, ase_threshold, od_nl, scheme_model, se_threshold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller loop subsample, 1 repeat")
    ap.add_argument("--repeats", type=int, default=5)
    a = ap.parse_args()
    k = 1 if a.quick else a.repeats
    m = scheme_model("3LS_ESA")
    E = m.E_A + np.linspace(-0.5, 0.3, 2000)
    N = np.linspace(0.0, 2.0, 500)
    t_vec, _ = best_of(lambda: od_nl(E[None, :], N[:, None], m), k, warmup=False)
    grid = od_nl(E[None, :], N[:, None], m)
    n_sub = 2000 if a.quick else 20000
    rng = np.random.default_rng(0)
    idx = rng.integers(0, [N.size, E.size], size=(n_sub, 2))
    t0 = time.perf_counter()
    loop = np.array([float(od_nl(E[j], N[i], m)) for i, j in idx])
    t_loop = (time.perf_counter() - t0) / n_sub * grid.size
    err = float(np.max(np.abs(loop - grid[idx[:, 0], idx[:, 1]])))
    print(f"# qd_gain benchmark  python {platform.python_version()}  numpy {np.__version__}")
    print(f"{'task':<46}{'time [s]':>12}{'ratio':>10}")
    label = f"OD_NL map 500 x 2000, vectorised (best of {k})"
    print(f"{label:<46}{t_vec:>12.4f}{1:>10}")
    print(f"{'OD_NL map, per-point loop (extrapolated)':<46}{t_loop:>12.2f}{t_loop / t_vec:>10.0f}")
    print(f"max |loop - vectorised| on {n_sub} points: {err:.1e}")
    print(f"\n{'threshold root-find':<34}{'scheme':<10}{'<N>_th':>9}{'time [ms]':>11}")
    for scheme in SCHEMES:
        mc = scheme_model(scheme)
        for name, fn in (
            ("SE, at the SE maximum", lambda mc=mc: se_threshold(mc, "se_max")),
            ("SE, first gain (eps = 0.01)", lambda mc=mc: se_threshold(mc, "first_gain")),
            ("ASE, int I / int S = 2", lambda mc=mc: ase_threshold(mc)),
        ):
            t, _ = best_of(fn, k, warmup=False)
            print(f"{name:<34}{scheme:<10}{fn().N:>9.4f}{1e3 * t:>11.2f}")


if __name__ == "__main__":
    main()
