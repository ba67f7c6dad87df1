"""The vocabulary of a sweep module: variable specs and log grids (light: no numpy at import).

A sweep module (``lightmatter/<study>/sweeps/<sweep>.py``, see ``docs/adding-a-study.md``)
declares what its solver returns with :class:`Var` entries; :func:`lightmatter.dataset.build`
turns the returned arrays into an :class:`xarray.Dataset` with CF attributes. Nothing here may
import physics or numerical libraries at module level: the Snakefile imports every sweep module
to learn its points, and parsing must stay light.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Var", "grid", "grid_params"]


@dataclass(frozen=True)
class Var:
    """Declaration of one variable (or coordinate) of a sweep's dataset.

    Attributes
    ----------
    dims: dimension names, ``()`` for a scalar.
    units: UDUNITS-parseable units; ``"1"`` for dimensionless (normalisation goes in the name).
    long_name: what the variable is, with the equation it implements.
    allow_nan: the values may be NaN (e.g. an undefined ratio at N = 1).
    """

    dims: tuple[str, ...]
    units: str
    long_name: str
    allow_nan: bool = False

    def attrs(self) -> dict[str, Any]:
        """The variable's NetCDF attributes."""
        out: dict[str, Any] = {"units": self.units, "long_name": self.long_name}
        if self.allow_nan:
            out["allow_nan"] = 1
        return out


def grid_params(spec: Mapping[str, Any], name: str) -> dict[str, Any]:
    """Point parameters of a log grid given in the config as ``{min, max, num}``.

    Returns ``{"<name>_min", "<name>_max", "num"}``, the form :func:`grid` reads back.
    """
    return {f"{name}_min": spec["min"], f"{name}_max": spec["max"], "num": spec["num"]}


def grid(point: Mapping[str, Any], name: str) -> Any:
    """The logarithmic grid described by :func:`grid_params` in a point (a numpy array)."""
    import numpy as np

    return np.geomspace(float(point[f"{name}_min"]), float(point[f"{name}_max"]), int(point["num"]))
