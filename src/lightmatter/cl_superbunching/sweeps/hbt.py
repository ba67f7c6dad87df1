"""Virtual HBT experiment on Model 1 CL light against the exact bin-averaged g2(t), beyond the
paper (``hbt_virtual``).

A seeded Model 1 photon stream (exact cycle sampler, detection efficiency eta) is histogrammed
with the all-pairs coincidence estimator, with Poisson and block errors, and compared with the
exact g2(t) of the QRT averaged over each delay bin (``docs/cl_superbunching.md`` §5).
Stochastic: the point's generator comes from the root seed and the point id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import T

TITLE = "Virtual HBT experiment vs exact bin-averaged g2 (beyond the paper)"
POINT_DIMS: dict[str, Var] = {}
#: Number of record segments for the block (jackknife-like) HBT error estimate.
HBT_BLOCKS = 16
#: Number of delays of the fine exact g2(t) curve on [0, max_delay].
NUM_T_FINE = 601
COORDS = {
    "t_center": Var(("bin",), "1", "bin centre / tau"),
    "t": T,
}
VARIABLES = {
    "g2_hbt": Var(("bin",), "1", "HBT estimate of g2 (all-pairs)"),
    "g2_hbt_err": Var(("bin",), "1", "Poisson standard error"),
    "g2_hbt_err_blocks": Var(
        ("bin",),
        "1",
        f"standard error from {HBT_BLOCKS} record blocks (includes bunching F)",
    ),
    "coincidences": Var(("bin",), "1", "coincidence counts"),
    "g2_exact_bin": Var(("bin",), "1", "exact g2(t) averaged over the bin"),
    "g2_exact": Var(("t",), "1", "exact g2(t), QRT"),
    "bin_lower": Var(("bin",), T.units, T.long_name),
    "bin_upper": Var(("bin",), T.units, T.long_name),
    "photon_rate": Var((), "1", "detected photon rate times tau"),
    "photon_rate_exact": Var((), "1", "expected photon rate eta <n> (per tau)"),
    "n_photons": Var((), "1", "number of detected photons"),
    "record_length": Var((), "1", "record length / tau"),
    "pull": Var(("bin",), "1", "pull (g2_hbt - g2_exact_bin) / g2_hbt_err_blocks"),
    "mean_pull_sq": Var((), "1", "mean square of the pulls (about 1 for correct errors)"),
}
RESOURCES = {"mem_mb": 4000, "runtime": 30}


def validate(section: Mapping[str, Any]) -> None:
    """``hbt.bin_width`` must be smaller than ``hbt.max_delay`` (at least one full bin)."""
    s = section["hbt"]
    if s["bin_width"] >= s["max_delay"]:
        raise ValueError(
            f"cl_superbunching.hbt.bin_width = {s['bin_width']}: must be smaller than "
            f"max_delay = {s['max_delay']}"
        )


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """A single stochastic point: the ``hbt`` section and the root seed."""
    return [dict(section["hbt"], seed=seed)]


def memory_mb(section: Mapping[str, Any]) -> tuple[float, str]:
    """Peak memory of the job, MB, from ``hbt.n_photons``: measured ~32 bytes per photon (the
    arrival times and the pair search) over ~200 MB of interpreter; counted as 64."""
    return 250 + 64 * section["hbt"]["n_photons"] / 1e6, "hbt.n_photons"


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Simulate the photon record, histogram it, and evaluate the exact g2 per bin and on t."""
    import numpy as np

    from lightmatter.cl_superbunching import model1, photons
    from lightmatter.seeding import rng_for

    rng = rng_for(point, pid)
    n_emit, g = int(point["N"]), float(point["gamma_tau"])
    eta, max_delay = float(point["efficiency"]), float(point["max_delay"])
    stream = photons.photon_stream(
        "model1", int(point["n_photons"]), rng, N=n_emit, gamma_tau=g, efficiency=eta
    )
    h = photons.hbt_histogram(
        stream.times,
        float(point["bin_width"]),
        max_delay,
        record_length=stream.record_length,
        n_blocks=HBT_BLOCKS,
    )
    edges = np.asarray(h["edges"])
    t_fine = np.linspace(0.0, max_delay, NUM_T_FINE)
    exact_bin = model1.g2_bin_average(edges, n_emit, g)
    pull, mean_pull_sq = photons.hbt_pulls(h["g2"], exact_bin, h["g2_err_blocks"])
    return {
        "t_center": 0.5 * (edges[:-1] + edges[1:]),
        "t": t_fine,
        "g2_hbt": np.asarray(h["g2"]),
        "g2_hbt_err": np.asarray(h["g2_err"]),
        "g2_hbt_err_blocks": np.asarray(h["g2_err_blocks"]),
        "coincidences": np.asarray(h["counts"]),
        "g2_exact_bin": exact_bin,
        "g2_exact": model1.g2_delay(t_fine, n_emit, g),
        "bin_lower": edges[:-1],
        "bin_upper": edges[1:],
        "photon_rate": stream.rate,
        "photon_rate_exact": photons.detected_photon_rate(n_emit, g, eta),
        "n_photons": stream.n_photons,
        "record_length": stream.record_length,
        "pull": pull,
        "mean_pull_sq": mean_pull_sq,
    }
