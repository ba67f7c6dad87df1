"""Superlattice radiative-rate enhancement vs temperature on the weak-excitation model: review
Fig. 6c (``sl_rate_vs_T``).

Phonon dephasing ``gamma_phi(T)`` from the homogeneous linewidth (acoustic + LO phonons, anchored
to the review's 80 ps coherence time), the enhancement ``1/(Gamma tau_e)`` of N identical dots
started in the symmetric state for each N and T (exact 2x2 form), the enhancement at the
reference temperature vs N for each static-disorder width (seeded realisations, N^2 solver), and
the smallest N reaching the review's "about 2x" (``docs/perovskite_emission.md`` §7).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import linear_grid

TITLE = "Superlattice rate enhancement vs T, weak-excitation model with phonon dephasing"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "T": Var(("T",), "K", "temperature"),
    "N": Var(("N",), "1", "coherently coupled dots N (identical)"),
    "N_disorder": Var(("N_disorder",), "1", "coherently coupled dots N (disorder panel)"),
    "sigma_ueV": Var(("sigma_ueV",), "ueV", "static disorder: std of the dot energies"),
}
VARIABLES = {
    "enhancement": Var(("N", "T"), "1", "Gamma_eff/Gamma = 1/(Gamma tau_e), sigma = 0"),
    "gamma_phi": Var(("T",), "1/ns", "pure-dephasing rate gamma_phi(T), Eq. 7.2"),
    "linewidth": Var(("T",), "meV", "homogeneous FWHM Gamma_hom(T), Eq. 7.1"),
    "gamma": Var((), "1/ns", "single-dot radiative rate 1/T1"),
    "gamma_phi_ref": Var((), "1/ns", "gamma_phi at the reference temperature"),
    "enhancement_ref": Var(("N_disorder", "sigma_ueV"), "1", "mean enhancement at T_ref"),
    "enhancement_ref_lo": Var(("N_disorder", "sigma_ueV"), "1", "16th percentile at T_ref"),
    "enhancement_ref_hi": Var(("N_disorder", "sigma_ueV"), "1", "84th percentile at T_ref"),
    "n_for_target": Var((), "1", "smallest N (sigma = 0) with enhancement >= target at T_ref"),
    "enhancement_room": Var(("N",), "1", "enhancement at the largest T of the grid"),
}
RESOURCES = {"mem_mb": 2000, "runtime": 10}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the ``superlattice`` section with the seed (disorder realisations)."""
    return [{**section["superlattice"], "seed": seed}]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """gamma_phi(T), enhancement(N, T), disorder panel at T_ref, N reaching the target."""
    import numpy as np

    from lightmatter import seeding
    from lightmatter.perovskite_emission import superlattice, weak_excitation

    T = linear_grid(point["T"])
    kw = {
        "t1_ps": float(point["t1_ps"]),
        "t2_ref_ps": float(point["t2_ref_ps"]),
        "t_ref_k": float(point["t2_ref_k"]),
        "sigma_ac_mev_per_k": float(point["sigma_ac_mev_per_k"]),
        "gamma_lo_mev": float(point["gamma_lo_mev"]),
        "e_lo_mev": float(point["e_lo_mev"]),
    }
    gphi, width = superlattice.dephasing_rate(T, **kw)
    gphi_ref = float(superlattice.dephasing_rate(float(point["T_ref"]), **kw)[0])
    g = 1e3 / kw["t1_ps"]
    ns = np.array(sorted(point["N"]), dtype=int)
    enh = np.array([superlattice.rate_enhancement(int(n), g, gphi) for n in ns])
    target = float(point["target"])
    n_hit = np.nan
    for n in range(1, int(ns.max()) + 1):
        if superlattice.rate_enhancement(n, g, gphi_ref)[0] >= target:
            n_hit = float(n)
            break
    nd = np.array(sorted(point["N_disorder"]), dtype=int)
    sig = np.array(sorted(point["sigma_ueV"]), dtype=float)
    r = int(point["realisations"])
    gen = seeding.rng_for(point, pid)
    mean = np.empty((nd.size, sig.size))
    lo, hi = np.empty_like(mean), np.empty_like(mean)
    t0 = np.zeros(1)
    for i, n in enumerate(nd):
        for j, s in enumerate(sig):
            # detuning std in 1/ns: sigma [meV] / hbar [meV ns]
            sd = s * 1e-3 / superlattice.HBAR_MEV_NS
            avg = weak_excitation.disorder_average(int(n), g, gphi_ref, sd, r, t0, gen)
            rate = 1.0 / (g * avg.lifetime)
            mean[i, j] = float(np.mean(rate))
            lo[i, j] = float(np.percentile(rate, 16))
            hi[i, j] = float(np.percentile(rate, 84))
    return {
        "T": T,
        "N": ns,
        "N_disorder": nd,
        "sigma_ueV": sig,
        "enhancement": enh,
        "gamma_phi": np.asarray(gphi),
        "linewidth": np.asarray(width),
        "gamma": g,
        "gamma_phi_ref": gphi_ref,
        "enhancement_ref": mean,
        "enhancement_ref_lo": lo,
        "enhancement_ref_hi": hi,
        "n_for_target": n_hit,
        "enhancement_room": enh[:, -1],
    }
