"""Dicke superradiant bursts vs N: review Fig. 2c, 6 (``sr_burst``, panel a).

For each N, the burst I(t) from full inversion in the symmetric (N+1)-state Dicke ladder on the
default time grid, the independent-emitter and mean-field curves, and the burst metrics (peak,
delay, FWHM, photons) (``docs/perovskite_emission.md`` §4). The fits of the metrics across N are
the ``burst_scaling`` sweep.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import INTENSITY_K, NS, PER_NS, TIME_K, K, N

TITLE = "Dicke superradiant bursts vs N (review Fig. 2c, 6)"
POINT_DIMS = {"N": N}
COORDS = {"k": K}
VARIABLES = {
    "time": TIME_K,
    "intensity": INTENSITY_K,
    "intensity_independent": Var(("k",), PER_NS, "independent emitters N Gamma e^{-Gamma t}"),
    "intensity_mean_field": Var(("k",), PER_NS, "mean-field sech^2 burst"),
    "peak_intensity": Var((), PER_NS, "peak of I(t)"),
    "peak_time": Var((), NS, "delay of the peak"),
    "fwhm": Var((), NS, "full width at half maximum"),
    "total_photons": Var((), "1", "photons emitted (exact)"),
    "gamma": Var((), PER_NS, "single-emitter decay rate Gamma"),
}
RESOURCES = {"mem_mb": 2000, "runtime": 10}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per N of ``dicke.N``."""
    d = section["dicke"]
    return [{"N": int(n), "gamma": d["gamma"], "num_t": d["num_t"]} for n in d["N"]]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Exact burst, independent and mean-field curves on the default grid; burst metrics."""
    import numpy as np

    from lightmatter.perovskite_emission import superradiance

    n_emit, g, num = int(point["N"]), float(point["gamma"]), int(point["num_t"])
    t = superradiance.default_time_grid(n_emit, g, num)
    sr = superradiance.dicke_burst(n_emit, t, g)
    ind = superradiance.independent_emitters(n_emit, t, g)
    m = superradiance.burst_metrics(sr)
    return {
        "k": np.arange(t.size),
        "time": t,
        "intensity": np.asarray(sr.intensity),
        "intensity_independent": np.asarray(ind.intensity),
        "intensity_mean_field": np.asarray(superradiance.mean_field_burst(n_emit, t, g)),
        "peak_intensity": m.peak_intensity,
        "peak_time": m.peak_time,
        "fwhm": m.fwhm,
        "total_photons": m.total_photons,
        "gamma": g,
    }
