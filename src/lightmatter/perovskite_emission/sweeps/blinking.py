"""Blinking traces and FLID, type A vs type B: review Fig. 5 (``blinking_traces``,
``flid_type_a``, ``flid_type_b``).

For each blinking type, a seeded photon-by-photon simulation under pulsed excitation, its
intensity and lifetime traces, the FLID histogram on axes shared by both types and the
intensity-lifetime correlation (``docs/perovskite_emission.md`` §6). Stochastic: every point
carries the root seed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import NS

TITLE = "Blinking traces and FLID, type A vs type B (review Fig. 5)"
POINT_DIMS = {"model": Var(("model",), "1", "blinking type A or B")}
COORDS = {
    "time": Var(("bin",), "s", "bin centre"),
    "count_bin": Var(("count_bin",), "1", "counts per bin (FLID axis)"),
    "lifetime_bin": Var(("lifetime_bin",), NS, "lifetime (FLID axis)"),
}
VARIABLES = {
    "counts": Var(("bin",), "1", "detected photons per bin"),
    "lifetime": Var(("bin",), NS, "mean micro-time per bin (lifetime estimate)", allow_nan=True),
    "on_fraction": Var(("bin",), "1", "fraction of the bin ON"),
    "flid": Var(
        ("count_bin", "lifetime_bin"),
        "1",
        "FLID: number of bins with >= min_counts counts (blinking.min_counts)",
    ),
    "correlation": Var((), "1", "Pearson r(counts, lifetime)"),
    "n_photons": Var((), "1", "detected photons"),
    "bin_time": Var((), "s", "bin width"),
}
RESOURCES = {"mem_mb": 4000, "runtime": 10}


def memory_mb(section: Mapping[str, Any]) -> tuple[float, str]:
    """Peak memory of the job, MB, from ``blinking.duration_s``: the photon buffers hold about
    17 bytes per detected photon (measured 1.4 MB per simulated second at the default rates,
    counted here as 40 bytes per photon at the largest detection probability, p_exc x eta_det
    per pulse, plus background), about 200 bytes per time bin, and ~200 MB of interpreter."""
    b = section["blinking"]
    p = b["params"]
    photons_per_s = p["rep_rate_hz"] * (p["p_exc"] * p["eta_det"] + p["p_background"])
    n_bins = b["duration_s"] / b["bin_time_s"]
    mb = 200 + (40 * photons_per_s * b["duration_s"] + 200 * n_bins) / 1e6
    return mb, "blinking.duration_s"


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per blinking type ("A", "B"), each with the whole section and the seed."""
    b = section["blinking"]
    return [{**b, "model": m, "seed": seed} for m in ("A", "B")]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Simulate, bin into traces, histogram on the shared FLID axes, correlate."""
    import numpy as np

    from lightmatter import seeding
    from lightmatter.perovskite_emission import blinking

    params = blinking.BlinkingParams(**point["params"])
    bin_time = float(point["bin_time_s"])
    min_counts = int(point["min_counts"])
    res = blinking.simulate_blinking(
        float(point["duration_s"]),
        params,
        seeding.rng_for(point, pid),
        model=str(point["model"]),
    )
    tr = blinking.intensity_lifetime_traces(res, bin_time)
    flid = blinking.flid_histogram(
        tr.counts, tr.lifetime, blinking.flid_axes(params, bin_time), min_counts=min_counts
    )
    return {
        "time": np.asarray(tr.bin_centers),
        "count_bin": 0.5 * (flid.count_edges[1:] + flid.count_edges[:-1]),
        "lifetime_bin": 0.5 * (flid.lifetime_edges[1:] + flid.lifetime_edges[:-1]),
        "counts": np.asarray(tr.counts),
        "lifetime": np.asarray(tr.lifetime),
        "on_fraction": np.asarray(tr.on_fraction),
        "flid": flid.hist,
        "correlation": blinking.intensity_lifetime_correlation(
            tr.counts, tr.lifetime, min_counts=min_counts
        ),
        "n_photons": int(res.n_photons),
        "bin_time": bin_time,
    }
