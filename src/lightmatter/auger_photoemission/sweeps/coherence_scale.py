"""Critical N of Eq. 9 against electron energy and burst duration (``coherence_energy_scale``).

For the Auger-burst emission-time density ``f(t) = a/(1 + a t)^2`` (duration ``t_b = 1/a``), the
population ``N_c = 1 + 1/|f(E t_b/hbar)|^2`` at which the coherent term of Eq. 9 equals the
incoherent one, on the ``coherence_scale.energy_eV`` grid for the model's burst duration
``1/(gamma_A N)`` and the listed shorter durations, its large-``Omega`` form ``1 + (E t_b/hbar)^2``,
and ``N_c`` against the duration at the marked energies (``docs/auger_photoemission.md`` §11).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import model

TITLE = "Critical N of Eq. 9 vs electron energy and burst duration (Auger burst)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "energy": Var(("energy",), "eV", "electron energy E = hbar omega"),
    "t_burst": Var(("t_burst",), "s", "burst duration 1/a of f(t) = a/(1 + a t)^2"),
    "duration": Var(("duration",), "s", "burst duration 1/a (continuous axis)"),
    "marked_energy": Var(("marked_energy",), "eV", "marked electron energies"),
}
VARIABLES = {
    "N_c": Var(
        ("t_burst", "energy"),
        "1",
        "critical number of electrons N_c = 1 + 1/|f|^2 (coherent = incoherent term, Eq. 9)",
    ),
    "N_c_asymptote": Var(("t_burst", "energy"), "1", "large-Omega form 1 + (E t_b/hbar)^2"),
    "N_c_duration": Var(
        ("marked_energy", "duration"), "1", "critical number of electrons N_c vs duration"
    ),
    "t_burst_model": Var((), "s", "model burst duration 1/(gamma_A N)"),
    "N_model": Var((), "1", "number of electrons N of the model"),
    "gamma_A": Var((), "1/s", "Auger rate per pair gamma_A"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the model, the energy and duration grids, the listed durations."""
    c = section["coherence_scale"]
    return [
        {
            **model(section),
            "energy_eV": c["energy_eV"],
            "t_burst": c["t_burst"],
            "duration": c["duration"],
            "marked_energy_eV": c["marked_energy_eV"],
        }
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """N_c on the (duration, energy) grids, closed form and its asymptote."""
    import numpy as np

    from lightmatter.auger_photoemission import burst

    from ._common import log_grid

    N, g = float(point["N"]), float(point["gamma_A"])
    t_model = 1.0 / (g * N)
    E = log_grid(point["energy_eV"])
    tb = np.array(sorted({float(t) for t in point["t_burst"]} | {t_model}))
    dur = log_grid(point["duration"])
    Em = np.array(sorted(float(e) for e in point["marked_energy_eV"]))
    return {
        "energy": E,
        "t_burst": tb,
        "duration": dur,
        "marked_energy": Em,
        "N_c": burst.critical_number_energy(E[None, :], tb[:, None]),
        "N_c_asymptote": burst.critical_number_asymptote(E[None, :], tb[:, None]),
        "N_c_duration": burst.critical_number_energy(Em[:, None], dur[None, :]),
        "t_burst_model": t_model,
        "N_model": N,
        "gamma_A": g,
    }
