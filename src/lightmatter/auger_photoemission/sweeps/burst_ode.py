"""Stiff-ODE bursts of a closed emitter at several pump rates (``coherence_vs_pump`` markers).

At ``burst.ode_w_p`` log-spaced pump rates the seed's closed Eq. 1 is integrated (Radau, analytic
Jacobian) from the ground state until all but 1e-4 of the electrons are emitted. From the emission
rate ``f(t) = gamma_A N2^2/(2N)``: the quantile spread ``(t_84 - t_16)/2`` and median (roots of the
dense output), ``|f(omega)|^2`` at the ``burst.energy_eV`` energies (Filon quadrature) and the
coherent-to-incoherent ratio ``(N - 1)|f|^2`` of Eq. 9 (``docs/auger_photoemission.md`` §12).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import W_P, log_points, model

TITLE = "Stiff-ODE closed bursts: emission-time spread and Eq. 9 coherent fraction"
POINT_DIMS = {"w_p": W_P}
COORDS = {"energy": Var(("energy",), "eV", "electron energy E = hbar omega")}
VARIABLES = {
    "sigma_t_ode": Var((), "s", "emission-time spread (t_84 - t_16)/2, stiff ODE"),
    "t_median_ode": Var((), "s", "median emission time, stiff ODE"),
    "form_factor_ode": Var(("energy",), "1", "|f(omega)|^2 of the ODE emission-time density"),
    "ratio_ode": Var(("energy",), "1", "(N-1)|f|^2 / 1: coherent over incoherent term, stiff ODE"),
    "f_peak": Var((), "1/s", "peak of the emission-time density f(t)"),
    "nfev": Var((), "1", "right-hand-side evaluations of the solver"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per ODE pump rate (``burst.ode_w_p`` log grid)."""
    b = section["burst"]
    m = model(section)
    ws = log_points(b["ode_w_p"], b["ode_w_p"]["num"])
    return [{**m, "w_p": w, "energy_eV": b["energy_eV"], "nodes": b["nodes"]} for w in ws]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """One closed burst: quantiles, |f(omega)|^2 and the Eq. 9 ratio."""
    import numpy as np

    from lightmatter.auger_photoemission import burst

    N, g, t1, t3 = (float(point[k]) for k in ("N", "gamma_A", "tau1", "tau3"))
    cb = burst.closed_burst(float(point["w_p"]), N, g, t1, t3)
    E = np.array(sorted(float(e) for e in point["energy_eV"]))
    ff = np.asarray(cb.form_factor(burst.omega_from_energy(E), nodes=int(point["nodes"])))
    return {
        "energy": E,
        "sigma_t_ode": cb.spread(),
        "t_median_ode": cb.quantile_time(0.5),
        "form_factor_ode": ff,
        "ratio_ode": (N - 1.0) * ff,
        "f_peak": cb.peak_density(int(point["nodes"])),
        "nfev": cb.nfev,
    }
