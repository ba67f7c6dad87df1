"""Closed-form burst width and coherent fraction against the pump rate (``coherence_vs_pump``).

A closed emitter (the seed's bookkeeping) pumped at ``w_p`` from its ground state emits all ``N``
electrons in one burst. On the ``burst.w_p`` grid: the Gaussian-equivalent emission-time spread
``sigma_t = (t_84 - t_16)/2`` of the reduced quasi-steady model (closed form) and its weak and
saturated limits; at the ``burst.energy_eV`` energies the coherent-to-incoherent ratio
``(N - 1)|f|^2`` of Eq. 9 in the two limits (exponential and Auger burst) and its bound at any pump
rate (``docs/auger_photoemission.md`` §12). The stiff-ODE values are the ``burst_ode`` sweep.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import W_P, model

TITLE = "Burst width and coherent fraction vs pump rate, closed forms (coherence_vs_pump)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {"w_p": W_P, "energy": Var(("energy",), "eV", "electron energy E = hbar omega")}
VARIABLES = {
    "sigma_t": Var(("w_p",), "s", "emission-time spread (t_84 - t_16)/2, reduced model"),
    "sigma_t_weak": Var(("w_p",), "s", "weak-pump limit 1.668/w_p"),
    "sigma_t_saturated": Var((), "s", "saturated limit 5.114/(gamma_A N)"),
    "t_median": Var(("w_p",), "s", "median emission time, reduced model"),
    "ratio_weak": Var(
        ("energy", "w_p"), "1", "(N-1)|f|^2 / 1: coherent over incoherent term, exponential burst"
    ),
    "ratio_saturated": Var(
        ("energy",),
        "1",
        "(N-1)|f|^2 / 1: coherent over incoherent term, Auger burst, a = gamma_A N/2",
    ),
    "ratio_bound": Var(("energy",), "1", "bound (N-1)(gamma_A N/omega)^2 at any pump rate"),
    "energy_max": Var((), "eV", "highest energy with a coherent term >= incoherent term"),
    "N": Var((), "1", "number of electrons N"),
    "gamma_A": Var((), "1/s", "Auger rate per pair gamma_A"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the model, the ``burst.w_p`` grid and the energies."""
    b = section["burst"]
    return [{**model(section), "w_p": b["w_p"], "energy_eV": b["energy_eV"]}]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Closed forms of docs §12 on the pump grid."""
    import numpy as np

    from lightmatter.auger_photoemission import burst

    from ._common import log_grid

    N, g, t1, t3 = (float(point[k]) for k in ("N", "gamma_A", "tau1", "tau3"))
    w = log_grid(point["w_p"])
    E = np.array(sorted(float(e) for e in point["energy_eV"]))
    om = np.asarray(burst.omega_from_energy(E))
    med = [float(burst.quantile_time_qss(0.5, x, N, g, t1, t3)) for x in w]
    return {
        "w_p": w,
        "energy": E,
        "sigma_t": np.array([burst.spread_qss(x, N, g, t1, t3) for x in w]),
        "sigma_t_weak": burst.spread_weak(w),
        "sigma_t_saturated": float(burst.spread_saturated(N, g)),
        "t_median": np.array(med),
        "ratio_weak": (N - 1.0) * burst.form_factor_weak(om[:, None], w[None, :]),
        "ratio_saturated": (N - 1.0) * np.asarray(burst.form_factor_saturated(om, N, g)),
        "ratio_bound": burst.coherent_ratio_bound(om, N, g),
        "energy_max": float(burst.energy_max_coherent(N, g)),
        "N": N,
        "gamma_A": g,
    }
