"""Eq. 9 spectral density, analytic and Monte Carlo (``coherence``, Eq. 9 figure).

For each emission-time distribution (``coherence.shapes``): ``<rho>/|psi|^2 = N + N(N-1)|f|^2``
on the ``coherence.N`` log grid at the ``omega_sigma`` values (frequency in units of the
emission-time scale, ``sigma_t = 1``), the form factor ``|f|^2``, the crossover population
``N_c = 1 + 1/|f|^2``, and a seeded Monte Carlo estimate at the ``mc_N`` populations
(``docs/auger_photoemission.md`` §7). Stochastic: the points carry the root seed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import N_POP

TITLE = "Eq. 9 spectral density: analytic and Monte Carlo"
POINT_DIMS = {"shape": Var(("shape",), "1", "emission-time distribution")}
COORDS = {
    "omega_sigma": Var(("omega_sigma",), "1", "omega times the emission-time scale sigma_t"),
    "N": N_POP,
    "mc_N": Var(("mc_N",), "1", "N of the Monte Carlo points"),
}
VARIABLES = {
    "rho": Var(("omega_sigma", "N"), "1", "<rho>/|psi|^2 = N + N(N-1)|f|^2, Eq. 9"),
    "form_factor": Var(("omega_sigma",), "1", "|f(omega)|^2"),
    "N_critical": Var(
        ("omega_sigma",), "1", "N_c where the coherent term equals the incoherent one"
    ),
    "rho_mc": Var(("omega_sigma", "mc_N"), "1", "Monte Carlo mean of |sum e^{i w t}|^2"),
    "rho_mc_err": Var(("omega_sigma", "mc_N"), "1", "Monte Carlo standard error"),
    "mc_realisations": Var((), "1", "realisations per point"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per shape, each with the grids, the Monte Carlo settings and the seed."""
    c = section["coherence"]
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


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Eq. 9 on the (omega_sigma, N) grid and its Monte Carlo estimate at each ``mc_N``."""
    import numpy as np

    from lightmatter.auger_photoemission import coherence
    from lightmatter.seeding import rng_for

    from ._common import log_grid

    shape = str(point["shape"])
    ws = np.array(sorted(point["omega_sigma"]), dtype=float)  # omega in units of 1/sigma_t
    Ns = log_grid(point["N"])
    mcN = np.array(sorted(point["mc_N"]), dtype=int)
    W, NN = np.meshgrid(ws, Ns, indexing="ij")
    rng = rng_for(point, pid)
    n_real = int(point["mc_realisations"])
    mean = np.empty((ws.size, mcN.size))
    err = np.empty_like(mean)
    for j, n in enumerate(mcN):
        mean[:, j], err[:, j] = coherence.monte_carlo_spectral_density(
            ws, int(n), 1.0, n_real, rng, shape=shape
        )
    return {
        "omega_sigma": ws,
        "N": Ns,
        "mc_N": mcN,
        "rho": coherence.coherent_spectral_density(W, NN, 1.0, shape=shape),
        "form_factor": coherence.form_factor(ws, 1.0, shape=shape),
        "N_critical": coherence.critical_number(ws, 1.0, shape=shape),
        "rho_mc": mean,
        "rho_mc_err": err,
        "mc_realisations": n_real,
    }
