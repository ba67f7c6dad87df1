"""Equal-time g2(t) of the superradiant burst vs independent emitters: review Fig. 6f
(``sr_g2``).

For each N, g2(t) = <J+J+J-J->/<J+J->^2 along the Dicke burst, the independent-emitter value
1 - 1/N, the intensity, and the intensity^2-weighted means of both
(``docs/perovskite_emission.md`` §4, "g2 of the burst").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import INTENSITY_K, TIME_K, K, N

TITLE = "Equal-time g2(t) of the burst vs independent emitters"
POINT_DIMS = {"N": N}
COORDS = {"k": K}
VARIABLES = {
    "time": TIME_K,
    "g2_superradiant": Var(("k",), "1", "equal-time g2(t) of the burst", allow_nan=True),
    "g2_independent": Var(("k",), "1", "equal-time g2(t), independent emitters", allow_nan=True),
    "intensity": INTENSITY_K,
    "g2_weighted_superradiant": Var((), "1", "intensity^2-weighted mean g2 (burst)"),
    "g2_weighted_independent": Var((), "1", "intensity^2-weighted mean g2 (independent)"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per N of ``burst_g2.N``."""
    d = section["burst_g2"]
    return [{"N": int(n), "gamma": d["gamma"], "num_t": d["num_t"]} for n in d["N"]]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """g2(t) of the burst on the default Dicke time grid."""
    import numpy as np

    from lightmatter.perovskite_emission import superradiance

    n_emit, g, num = int(point["N"]), float(point["gamma"]), int(point["num_t"])
    b = superradiance.burst_g2(n_emit, None, g, num=num)
    return {
        "k": np.arange(np.asarray(b.t).size),
        "time": np.asarray(b.t),
        "g2_superradiant": np.asarray(b.g2_superradiant),
        "g2_independent": np.asarray(b.g2_independent),
        "intensity": np.asarray(b.intensity),
        "g2_weighted_superradiant": float(b.weighted_superradiant),
        "g2_weighted_independent": float(b.weighted_independent),
    }
