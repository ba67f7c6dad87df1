"""Single-mode photon-number state of the CL light and its vacuum mixture, for Sec. V
(``radiation_state``).

For every (N, gamma*tau): the photon-number distribution of the single-mode state (Eq. 27),
its decomposition into vacuum and a pulse state (Eqs. 25, 28), g2(0) of the mixture (Eq. 26)
and of a pulse, and Eq. 16 for comparison (``docs/cl_superbunching.md`` §4).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import GAMMA_TAU, N

TITLE = "Single-mode photon-number state and vacuum mixture (Sec. V)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {"N": N, "gamma_tau": GAMMA_TAU, "n": Var(("n",), "1", "photon number n")}
_NG = ("N", "gamma_tau")
VARIABLES = {
    "P_photon": Var(
        ("N", "gamma_tau", "n"),
        "1",
        "photon-number distribution of the single-mode state, Eq. 27",
    ),
    "rho_pulse": Var(("N", "n"), "1", "photon-number distribution of a pulse, Eq. 28"),
    "p_on": Var(_NG, "1", "probability of a pulse, Eq. 28"),
    "g2_total": Var(_NG, "1", "g2(0) of the mixture, Eq. 26"),
    "g2_eq16": Var(_NG, "1", "g2(0), Eq. 16"),
    "g2_pulse": Var(("N",), "1", "g2(0) of a pulse, Eq. 28"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """A single point: the lists of N and gamma*tau of ``radiation_state``."""
    s = section["radiation_state"]
    return [{"N": [int(n) for n in s["N"]], "gamma_tau": [float(g) for g in s["gamma_tau"]]}]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Eqs. 25-28 and Eq. 16 on the (N, gamma*tau) grid (photon numbers padded to max N)."""
    import numpy as np

    from lightmatter.cl_superbunching import model1, radiation

    ns, gts = sorted(point["N"]), sorted(point["gamma_tau"])
    nmax = max(ns)
    P = np.zeros((len(ns), len(gts), nmax + 1))
    pulse = np.zeros((len(ns), nmax + 1))
    p_on = np.zeros((len(ns), len(gts)))
    g2_total = np.zeros_like(p_on)
    g2_pulse = np.zeros(len(ns))
    for i, n_emit in enumerate(ns):
        for j, g in enumerate(gts):
            P[i, j, : n_emit + 1] = radiation.photon_number_state(n_emit, g)
            vm = radiation.vacuum_mixture(n_emit, g)
            p_on[i, j] = vm["p_on"]
            g2_total[i, j] = vm["g2_total"]
            pulse[i, : n_emit + 1] = vm["rho_pulse"]
            g2_pulse[i] = vm["g2_pulse"]
    return {
        "N": np.array(ns),
        "gamma_tau": np.array(gts),
        "n": np.arange(nmax + 1),
        "P_photon": P,
        "rho_pulse": pulse,
        "p_on": p_on,
        "g2_total": g2_total,
        "g2_eq16": np.array([[model1.g2_zero(n, g) for g in gts] for n in ns]),
        "g2_pulse": g2_pulse,
    }
