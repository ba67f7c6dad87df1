"""Local dephasing quenches superradiance: review Fig. 6 (``sr_dephasing``).

For each local dephasing rate gamma_phi, the burst I(t) of N emitters from full inversion with
collective decay Gamma, solved with ``qutip.piqs``, the independent-emitter curve, the fraction
of the excitation emitted by t_max and the grid maximum of I(t) (``docs/perovskite_emission.md``
§5).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import NS, PER_NS

TITLE = "Dephasing quenches superradiance (qutip.piqs, review Fig. 6)"
POINT_DIMS = {
    "gamma_phi": Var(("gamma_phi",), PER_NS, "local dephasing rate (piqs convention)"),
}
COORDS = {"t": Var(("t",), NS, "time t")}
VARIABLES = {
    "intensity": Var(("t",), PER_NS, "photon emission rate I(t) (piqs)"),
    "intensity_independent": Var(("t",), PER_NS, "independent emitters N Gamma e^{-Gamma t}"),
    "emitted_fraction": Var((), "1", "fraction emitted by t_max"),
    "peak_intensity": Var((), PER_NS, "grid maximum of I(t)"),
    "N": Var((), "1", "number of emitters N"),
}
RESOURCES = {"mem_mb": 2000, "runtime": 10}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per gamma_phi of ``dephasing.gamma_phi``."""
    d = section["dephasing"]
    return [
        {
            "N": d["N"],
            "gamma_phi": float(gp),
            "gamma": d["gamma"],
            "t_max": d["t_max"],
            "num_t": d["num_t"],
        }
        for gp in d["gamma_phi"]
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """piqs burst with local dephasing and the independent-emitter reference on [0, t_max]."""
    import numpy as np

    from lightmatter.perovskite_emission import superradiance

    n_emit, gp, g = int(point["N"]), float(point["gamma_phi"]), float(point["gamma"])
    t = np.linspace(0.0, float(point["t_max"]), int(point["num_t"]))
    b = superradiance.dephased_burst(n_emit, gp, t, g)
    ind = superradiance.independent_emitters(n_emit, t, g)
    return {
        "t": t,
        "intensity": np.asarray(b.intensity),
        "intensity_independent": np.asarray(ind.intensity),
        "emitted_fraction": float(b.emitted_fraction),
        "peak_intensity": float(np.max(b.intensity)),
        "N": n_emit,
    }
