"""Variable specs and config-to-point helpers shared by several ``qd_gain`` sweeps.

Light: no numpy at import. The helpers copy config sub-sections into flat point parameters
(the parameter names are part of the point ids, so they must not change) and expand the
``{min, max, num}`` grids of a point.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

EV = "eV"
MJ = "mJ/cm^2"
#: absorbances are in units of the linear absorption peak sigma_A: dimensionless, and every
#: long name using OD says so (:data:`OD_UNIT_NAME`)
OD = "1"
OD_UNIT_NAME = "in units of the linear absorption peak sigma_A"

#: the Simple Model schemes, as :data:`lightmatter.qd_gain.spectra.SCHEMES` (repeated here so
#: that listing the points imports no numpy; a test checks the two agree)
SCHEMES: tuple[str, ...] = ("3LS", "4LS", "3LS_ESA", "4LS_ESA")
SCHEME_LONG_NAME = (
    "Simple Model scheme: 3- or 4-level lasing scheme (3LS, 4LS), without or with ESA into "
    "the biexciton (_ESA)"
)
SCHEME = Var(("scheme",), "1", SCHEME_LONG_NAME)
N = Var(("N",), "1", "mean exciton number <N>")
E = Var(("E",), EV, "photon energy E")
RATIO = Var(("ratio",), "1", "fluence J / J_th")

#: keys of the ``model`` section that go into a point (floats) besides ``occupancy``
MODEL_KEYS = ("E_A", "fwhm", "stokes_3ls", "overlap_4ls", "kappa", "delta_xxe", "delta_xxa1")
#: keys of the ``threshold`` section (prefixed ``thr_`` in a point)
THRESHOLD_KEYS = ("eps", "search_min", "search_max", "num_E", "num_N")


def model_point_params(section: Mapping[str, Any]) -> dict[str, Any]:
    """Point parameters of the Simple Model (``model`` section: floats and ``occupancy``)."""
    m = section["model"]
    return {**{k: float(m[k]) for k in MODEL_KEYS}, "occupancy": str(m["occupancy"])}


def threshold_point_params(section: Mapping[str, Any]) -> dict[str, Any]:
    """Point parameters of the SE threshold search (``threshold`` section, as ``thr_<key>``)."""
    t = section["threshold"]
    return {f"thr_{k}": t[k] for k in THRESHOLD_KEYS}


def ase_point_params(section: Mapping[str, Any]) -> dict[str, Any]:
    """Point parameters of the ASE model (the whole ``ase`` section, as ``ase_<key>``)."""
    return {f"ase_{k}": v for k, v in section["ase"].items()}


def linear_grid(spec: Mapping[str, Any]) -> Any:
    """``numpy.linspace(min, max, num)`` of a ``{min, max, num}`` grid."""
    import numpy as np

    return np.linspace(float(spec["min"]), float(spec["max"]), int(spec["num"]))


def log_grid(spec: Mapping[str, Any]) -> Any:
    """``numpy.geomspace(min, max, num)`` of a ``{min, max, num}`` grid."""
    import numpy as np

    return np.geomspace(float(spec["min"]), float(spec["max"]), int(spec["num"]))
