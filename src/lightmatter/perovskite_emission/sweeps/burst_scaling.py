"""Scaling of the Dicke burst with N: review Fig. 2c, 6 (``sr_burst``, panels b-d).

One point over all N of the ``dicke`` config section: the burst metrics of each N (as in the
``dicke`` sweep) and their fits across N, peak intensity and FWHM as power laws c N^a and the
delay as N t_peak = slope ln N + intercept, each over N >= ``FIT_N_MIN``, with the fitted curves
at every N (``docs/perovskite_emission.md`` §4). A fit across N needs all N at once, so it cannot
be part of the ``dicke`` sweep, whose points are single values of N.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import NS, PER_NS

#: Smallest N entering the fits (the review's large-N laws; printed in the sr_burst caption).
FIT_N_MIN = 10

_N = Var(("N",), "1", "number of emitters N")
_FIT = f"least squares over N >= {FIT_N_MIN}"

TITLE = "Scaling of the Dicke burst with N: peak, width and delay fits (review Fig. 2c, 6)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {"N": _N}
VARIABLES = {
    "peak_intensity": Var(("N",), PER_NS, "peak of I(t)"),
    "peak_time": Var(("N",), NS, "delay of the peak"),
    "fwhm": Var(("N",), NS, "full width at half maximum"),
    "scaled_delay": Var(("N",), NS, "N t_peak"),
    "peak_intensity_fit": Var(("N",), PER_NS, "fitted power law c N^a of the peak intensity"),
    "fwhm_fit": Var(("N",), NS, "fitted power law c N^a of the FWHM"),
    "scaled_delay_fit": Var(("N",), NS, "fitted line slope ln N + intercept of N t_peak"),
    "peak_exponent": Var((), "1", f"exponent a of peak intensity = c N^a ({_FIT})"),
    "peak_exponent_stderr": Var((), "1", "standard error of the peak-intensity exponent"),
    "peak_prefactor": Var((), PER_NS, f"prefactor c of peak intensity = c N^a ({_FIT})"),
    "fwhm_exponent": Var((), "1", f"exponent a of FWHM = c N^a ({_FIT})"),
    "fwhm_exponent_stderr": Var((), "1", "standard error of the FWHM exponent"),
    "fwhm_prefactor": Var((), NS, f"prefactor c of FWHM = c N^a ({_FIT})"),
    "delay_slope": Var((), NS, f"slope of N t_peak against ln N ({_FIT})"),
    "delay_intercept": Var((), NS, f"intercept of N t_peak against ln N ({_FIT})"),
    "delay_r_squared": Var((), "1", "coefficient of determination R^2 of the delay fit"),
    "fit_n_min": Var((), "1", "smallest N entering the fits"),
    "gamma": Var((), PER_NS, "single-emitter decay rate Gamma"),
}
RESOURCES = {"mem_mb": 2000, "runtime": 10}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: all N of ``dicke.N`` with ``dicke.gamma`` and ``dicke.num_t``."""
    d = section["dicke"]
    return [{"N": [int(n) for n in d["N"]], "gamma": d["gamma"], "num_t": d["num_t"]}]


def validate(section: Mapping[str, Any]) -> None:
    """The fits need at least 3 distinct values of ``dicke.N`` at or above ``FIT_N_MIN``."""
    ns = {int(n) for n in section["dicke"]["N"] if int(n) >= FIT_N_MIN}
    if len(ns) < 3:
        raise ValueError(
            f"perovskite_emission.dicke.N = {list(section['dicke']['N'])}: the burst_scaling "
            f"fits need at least 3 distinct values >= {FIT_N_MIN}"
        )


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Burst metrics of every N on the default grid and the scaling fits over N >= FIT_N_MIN."""
    from lightmatter.perovskite_emission import superradiance

    s = superradiance.burst_scaling(
        point["N"], float(point["gamma"]), num=int(point["num_t"]), n_min=FIT_N_MIN
    )
    return {
        "N": s.N,
        "peak_intensity": s.peak_intensity,
        "peak_time": s.peak_time,
        "fwhm": s.fwhm,
        "scaled_delay": s.scaled_delay,
        "peak_intensity_fit": s.peak_intensity_fitted,
        "fwhm_fit": s.fwhm_fitted,
        "scaled_delay_fit": s.scaled_delay_fitted,
        "peak_exponent": s.peak_fit.exponent,
        "peak_exponent_stderr": s.peak_fit.exponent_stderr,
        "peak_prefactor": s.peak_fit.prefactor,
        "fwhm_exponent": s.fwhm_fit.exponent,
        "fwhm_exponent_stderr": s.fwhm_fit.exponent_stderr,
        "fwhm_prefactor": s.fwhm_fit.prefactor,
        "delay_slope": s.delay_fit.slope,
        "delay_intercept": s.delay_fit.intercept,
        "delay_r_squared": s.delay_fit.r_squared,
        "fit_n_min": s.n_min,
        "gamma": float(point["gamma"]),
    }
