"""Power-law blinking of a type-A dot: trace, ON/OFF duration statistics with maximum-likelihood
exponents, and the FLID (``blinking_powerlaw``; review Fig. 5, ``docs/perovskite_emission.md``
§12).

ON and OFF dwell times from truncated power laws (ON with an exponential cut-off), the
photon-by-photon type-A simulation of ``blinking.params`` on that sequence, the 10 ms intensity
trace and FLID (axes shared with the exponential ``blinking`` sweep), the ON/OFF durations of
the drawn sequence and of the thresholded fine-binned trace, and MLE fits of both. Stochastic:
the point carries the root seed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import NS

TITLE = "Power-law blinking: trace, ON/OFF durations with MLE exponents, FLID (type A)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "time": Var(("bin",), "s", "bin centre"),
    "count_bin": Var(("count_bin",), "1", "counts per bin (FLID axis)"),
    "lifetime_bin": Var(("lifetime_bin",), NS, "lifetime (FLID axis)"),
    "on_event": Var(("on_event",), "1", "ON period index (drawn sequence)"),
    "off_event": Var(("off_event",), "1", "OFF period index (drawn sequence)"),
    "on_trace_event": Var(("on_trace_event",), "1", "ON period index (thresholded trace)"),
    "off_trace_event": Var(("off_trace_event",), "1", "OFF period index (thresholded trace)"),
    "fit": Var(("fit",), "1", "0 = drawn dwell times, 1 = thresholded trace"),
}
_FITS = {}
for _state in ("on", "off"):
    _FITS[f"alpha_{_state}_fit"] = Var(("fit",), "1", f"MLE exponent of the {_state} durations")
    _FITS[f"alpha_{_state}_stderr"] = Var(("fit",), "1", "its standard error (inverse Hessian)")
    _FITS[f"n_{_state}_fit"] = Var(("fit",), "1", "durations inside the fit window")
VARIABLES = {
    "counts": Var(("bin",), "1", "detected photons per bin"),
    "lifetime": Var(("bin",), NS, "mean micro-time per bin", allow_nan=True),
    "flid": Var(("count_bin", "lifetime_bin"), "1", "FLID: bins with >= min_counts counts"),
    "correlation": Var((), "1", "Pearson r(counts, lifetime)"),
    "on_durations": Var(("on_event",), "s", "ON dwell times drawn (complete periods)"),
    "off_durations": Var(("off_event",), "s", "OFF dwell times drawn (complete periods)"),
    "on_trace_durations": Var(("on_trace_event",), "s", "ON durations in the thresholded trace"),
    "off_trace_durations": Var(("off_trace_event",), "s", "OFF durations, thresholded trace"),
    **_FITS,
    "on_cutoff_fit": Var(("fit",), "s", "MLE ON cut-off time t_c"),
    "on_cutoff_rate_stderr": Var(("fit",), "1/s", "standard error of 1/t_c"),
    "fit_t_min": Var(("fit",), "s", "lower end of the fit window"),
    "fit_t_max": Var((), "s", "upper end of the fit window (the record length)"),
    "threshold": Var((), "1", "ON/OFF threshold, counts per dwell bin"),
    "dwell_bin": Var((), "s", "bin width of the thresholded trace"),
    "bin_time": Var((), "s", "bin width of the trace and FLID"),
    "n_photons": Var((), "1", "detected photons"),
}
RESOURCES = {"mem_mb": 4000, "runtime": 10}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: ``blinking_powerlaw`` with the photon parameters of ``blinking.params``."""
    b = section["blinking"]
    return [
        {
            **section["blinking_powerlaw"],
            "params": b["params"],
            "bin_time_s": b["bin_time_s"],
            "min_counts": b["min_counts"],
            "seed": seed,
        }
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Power-law sequence, photons (type A), traces, FLID, durations and their MLE fits."""
    import math

    import numpy as np

    from lightmatter import seeding
    from lightmatter.perovskite_emission import blinking, dwell

    T = float(point["duration_s"])
    gen = seeding.rng_for(point, pid)
    on, off = point["on_law"], point["off_law"]
    cut = on["cutoff_s"]
    on_law = dwell.DwellLaw(on["alpha"], on["t_min_s"], T, math.inf if cut is None else cut)
    cut = off["cutoff_s"]
    off_law = dwell.DwellLaw(off["alpha"], off["t_min_s"], T, math.inf if cut is None else cut)
    switch, state, on_d, off_d = dwell.powerlaw_telegraph(T, on_law, off_law, gen)
    params = blinking.BlinkingParams(**point["params"])
    res = blinking.simulate_blinking(T, params, gen, model="A", switching=(switch, state))
    bin_time = float(point["bin_time_s"])
    min_counts = int(point["min_counts"])
    tr = blinking.intensity_lifetime_traces(res, bin_time)
    flid = blinking.flid_histogram(
        tr.counts, tr.lifetime, blinking.flid_axes(params, bin_time), min_counts=min_counts
    )
    dbin = float(point["dwell_bin_s"])
    fine = blinking.intensity_lifetime_traces(res, dbin)
    qdet = params.detection_probability("A")
    thr = 0.5 * (qdet[1] + qdet[0]) * params.rep_rate_hz * dbin
    on_t, off_t = dwell.trace_dwell_times(fine.counts, thr, dbin)
    lows = (on_law.t_min, float(point["fit_min_bins"]) * dbin)
    fits = []
    for k, (a, b) in enumerate(((on_d, off_d), (on_t, off_t))):
        f_on = dwell.fit_dwell(a, lows[k], T, fit_cutoff=on["cutoff_s"] is not None)
        f_off = dwell.fit_dwell(
            b, lows[k] if k else off_law.t_min, T, fit_cutoff=off["cutoff_s"] is not None
        )
        fits.append((f_on, f_off))
    out: dict[str, Any] = {
        "time": np.asarray(tr.bin_centers),
        "count_bin": 0.5 * (flid.count_edges[1:] + flid.count_edges[:-1]),
        "lifetime_bin": 0.5 * (flid.lifetime_edges[1:] + flid.lifetime_edges[:-1]),
        "on_event": np.arange(on_d.size),
        "off_event": np.arange(off_d.size),
        "on_trace_event": np.arange(on_t.size),
        "off_trace_event": np.arange(off_t.size),
        "fit": np.arange(2),
        "counts": np.asarray(tr.counts),
        "lifetime": np.asarray(tr.lifetime),
        "flid": flid.hist,
        "correlation": blinking.intensity_lifetime_correlation(
            tr.counts, tr.lifetime, min_counts=min_counts
        ),
        "on_durations": on_d,
        "off_durations": off_d,
        "on_trace_durations": on_t,
        "off_trace_durations": off_t,
        "on_cutoff_fit": np.array([min(f[0].cutoff, 1e30) for f in fits]),
        "on_cutoff_rate_stderr": np.array([np.nan_to_num(f[0].cutoff_rate_stderr) for f in fits]),
        "fit_t_min": np.array([f[0].t_min for f in fits]),
        "fit_t_max": T,
        "threshold": thr,
        "dwell_bin": dbin,
        "bin_time": bin_time,
        "n_photons": int(res.n_photons),
    }
    for s, idx in (("on", 0), ("off", 1)):
        out[f"alpha_{s}_fit"] = np.array([f[idx].alpha for f in fits])
        out[f"alpha_{s}_stderr"] = np.array([f[idx].alpha_stderr for f in fits])
        out[f"n_{s}_fit"] = np.array([f[idx].n for f in fits])
    return out
