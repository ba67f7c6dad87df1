"""Variable specs and config helpers shared by several ``auger_photoemission`` sweeps (SI units)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

#: the material parameters of ``model`` that every rate-equation point carries
MODEL_KEYS = ("N", "gamma_A", "tau1", "tau3", "beta")
#: units of the photocurrent, electrons per second (UDUNITS has no "electron"; multiply by the
#: elementary charge for amperes); every long name of a current says so (:data:`J_PER_S`)
J_UNITS = "s-1"
J_PER_S = "(electrons per second)"

W_P = Var(("w_p",), "1/s", "pump rate per ground-state electron w_p")
N_POP = Var(("N",), "1", "number of electrons N in the emitter")


def model(section: Mapping[str, Any]) -> dict[str, float]:
    """The ``model`` parameters of the study section as floats (keys :data:`MODEL_KEYS`)."""
    m = section["model"]
    return {k: float(m[k]) for k in MODEL_KEYS}


def log_points(spec: Mapping[str, Any], num: int) -> list[float]:
    """``num`` log-spaced values from ``spec["min"]`` to ``spec["max"]`` (``numpy.geomspace``).

    Used for the ODE marker positions, which are point parameters (their values enter the point
    ids, so they are computed exactly as ``numpy.geomspace`` does; numpy is imported here only,
    never scipy).
    """
    import numpy as np

    values = np.geomspace(float(spec["min"]), float(spec["max"]), int(num))
    return [float(v) for v in values]


def log_grid(spec: Mapping[str, Any]) -> Any:
    """The ``{min, max, num}`` log grid of a point as a numpy array (inside ``solve`` only)."""
    import numpy as np

    return np.geomspace(float(spec["min"]), float(spec["max"]), int(spec["num"]))
