"""Seeded CL pulse train and electron telegraph noise, for Fig. 3 (``fig3``) and Suppl. Fig. S5
(``figS5``).

One exact Model 1 trajectory n(t) (the CL intensity is n(t)/tau: pulses of mean length tau H_N
separated by gaps of mean length 1/gamma, ``docs/cl_superbunching.md`` §4 and §6) and one
random-telegraph trajectory R(t) of the electron presence (Eqs. S5-S6, §3.1). Stochastic: the
point's generator comes from the root seed and the point id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import GAMMA_TAU, N, scalar

TITLE = "Seeded CL pulse train and electron telegraph noise (Fig. 3, Fig. S5)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "event_time": Var(("event",), "1", "event time / tau"),
    "switch_time": Var(("switch",), "1", "switching time / tau"),
}
VARIABLES = {
    "n_after_event": Var(("event",), "1", "excited emitters n(t) from this event on"),
    "pulse_start": Var(("pulse",), "1", "pulse start time / tau"),
    "pulse_end": Var(("pulse",), "1", "pulse end time / tau"),
    "telegraph_state": Var(("switch",), "1", "R(t) from this switch on (0 or 1)"),
    "telegraph_initial_state": Var((), "1", "R(0)"),
    "mean_pulse_duration": Var((), "1", "tau H_N / tau, mean pulse duration"),
    "mean_gap": Var((), "1", "1/(gamma tau), mean gap / tau"),
    "sample_mean_pulse_duration": Var(
        (), "1", "mean pulse length of the sampled trace / tau", allow_nan=True
    ),
    "sample_mean_gap": Var((), "1", "mean gap of the sampled trace / tau", allow_nan=True),
    "n_pulses": Var((), "1", "number of pulses in the sampled trace"),
    "N": scalar(N),
    "gamma_tau": scalar(GAMMA_TAU),
    "t_max": Var((), "1", "length of the intensity trace / tau"),
    "rate_tau": Var((), "1", "electron arrival rate r times tau"),
    "tau_c_over_tau": Var((), "1", "pulse length tau_c/tau"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """A single stochastic point: the ``pulse_trains`` section and the root seed."""
    return [dict(section["pulse_trains"], seed=seed)]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Sample n(t) on [0, t_max] and then R(t) on [0, telegraph_t_max] from one generator."""
    from lightmatter.cl_superbunching import photons, radiation
    from lightmatter.seeding import rng_for

    rng = rng_for(point, pid)
    n_emit, g = int(point["N"]), float(point["gamma_tau"])
    tr = photons.intensity_trace(n_emit, g, float(point["t_max"]), rng)
    tel = photons.telegraph_noise(
        float(point["rate_tau"]),
        float(point["tau_c_over_tau"]),
        float(point["telegraph_t_max"]),
        rng,
    )
    sample_pulse, sample_gap, n_pulses = photons.pulse_statistics(tr.pulse_starts, tr.pulse_ends)
    return {
        "event_time": tr.times,
        "switch_time": tel.switch_times,
        "n_after_event": tr.n,
        "pulse_start": tr.pulse_starts,
        "pulse_end": tr.pulse_ends,
        "telegraph_state": tel.values,
        "telegraph_initial_state": tel.initial_state,
        "mean_pulse_duration": radiation.mean_pulse_duration(n_emit),
        "mean_gap": radiation.mean_gap(g),
        "sample_mean_pulse_duration": sample_pulse,
        "sample_mean_gap": sample_gap,
        "n_pulses": n_pulses,
        "N": n_emit,
        "gamma_tau": g,
        "t_max": float(point["t_max"]),
        "rate_tau": float(point["rate_tau"]),
        "tau_c_over_tau": float(point["tau_c_over_tau"]),
    }
