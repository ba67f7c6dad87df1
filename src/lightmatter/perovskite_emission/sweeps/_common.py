"""Variable specs shared by several ``perovskite_emission`` sweeps (time in ns, rates in 1/ns)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

NS = "ns"
PER_NS = "1/ns"

#: the number of emitters as a point dimension (Dicke sweeps)
N = Var(("N",), "1", "number of emitters N")
#: index of the (N-dependent) time grid of a Dicke burst
K = Var(("k",), "1", "time-grid index")
#: time of a burst on the grid index ``k``
TIME_K = Var(("k",), NS, "time t")
#: superradiant intensity on the grid index ``k``
INTENSITY_K = Var(("k",), PER_NS, "superradiant I(t)")


def linear_grid(spec: Mapping[str, Any]) -> Any:
    """The linear grid ``{min, max, num}`` of the config (a numpy array; imports numpy lazily)."""
    import numpy as np

    return np.linspace(float(spec["min"]), float(spec["max"]), int(spec["num"]))
