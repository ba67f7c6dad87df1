"""Power-law blinking: truncated power-law ON/OFF dwell times, their maximum-likelihood fits and
the dwell times seen in a binned intensity trace (``docs/perovskite_emission.md`` §12).

Dwell-time density on ``[t_min, t_max]`` (Eq. 12.1):

    p(t) = t^(-alpha) exp(-t / t_c) / Z,   Z = int_{t_min}^{t_max} t^(-alpha) e^{-t/t_c} dt,

a power law with an exponential cut-off ``t_c`` (``t_c = inf``: pure power law, truncated only
by the window). :func:`sample_dwell` draws it exactly (inverse transform of the pure power law,
then rejection with acceptance ``exp(-(t - t_min)/t_c)``); :func:`fit_dwell` maximises the
likelihood of Eq. 12.1 for ``alpha`` (and optionally ``1/t_c``) and returns standard errors from
the inverse observed Fisher information; :func:`powerlaw_telegraph` builds the alternating ON/OFF
sequence consumed by :func:`lightmatter.perovskite_emission.blinking.simulate_blinking`;
:func:`trace_dwell_times` recovers ON/OFF durations from a binned trace by thresholding.

Units: s.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import minimize

from .blinking import segments
from .single_photon import _positive_scalar, _rng

__all__ = [
    "DwellFit",
    "DwellLaw",
    "dwell_pdf",
    "fit_dwell",
    "powerlaw_telegraph",
    "sample_dwell",
    "trace_dwell_times",
]

_GL_X, _GL_W = np.polynomial.legendre.leggauss(48)


@dataclass(frozen=True)
class DwellLaw:
    """Truncated power law with exponential cut-off (Eq. 12.1).

    Attributes
    ----------
    alpha : float
        Power-law exponent (``> 0``).
    t_min, t_max : float
        Support ``[t_min, t_max]``, s.
    cutoff : float
        Exponential cut-off time ``t_c`` in s; ``inf`` for none.
    """

    alpha: float
    t_min: float
    t_max: float
    cutoff: float = math.inf

    def __post_init__(self) -> None:
        _positive_scalar(self.alpha, "alpha")
        _positive_scalar(self.t_min, "t_min")
        if not self.t_max > self.t_min:
            raise ValueError(f"t_max = {self.t_max} must exceed t_min = {self.t_min}")
        if not self.cutoff > 0:
            raise ValueError(f"cutoff must be > 0 (inf for none), got {self.cutoff}")


def _log_norm(alpha: float, lam: float, a: float, b: float) -> float:
    """``ln Z`` of Eq. 12.1 with ``lam = 1/t_c``: Gauss-Legendre in ``s = ln t`` on 16 panels,
    scaled by the integrand's maximum (no overflow for any alpha)."""
    edges = np.linspace(math.log(a), math.log(b), 17)
    mid = 0.5 * (edges[1:] + edges[:-1])[:, None]
    half = 0.5 * (edges[1] - edges[0])
    s = mid + half * _GL_X[None, :]
    expo = (1.0 - alpha) * s - lam * np.exp(s)
    m = float(np.max(expo))
    return m + math.log(float(np.sum(np.exp(expo - m) * _GL_W[None, :])) * half)


def dwell_pdf(t: ArrayLike, law: DwellLaw) -> NDArray[np.float64]:
    """Density of Eq. 12.1 (zero outside ``[t_min, t_max]``), 1/s."""
    tt = np.asarray(t, dtype=float)
    lam = 0.0 if math.isinf(law.cutoff) else 1.0 / law.cutoff
    lz = _log_norm(law.alpha, lam, law.t_min, law.t_max)
    inside = (tt >= law.t_min) & (tt <= law.t_max)
    with np.errstate(divide="ignore"):
        val = np.exp(-law.alpha * np.log(np.where(inside, tt, 1.0)) - lam * tt - lz)
    return np.where(inside, val, 0.0)


def _powerlaw_inverse(u: NDArray[np.float64], alpha: float, a: float, b: float):
    if abs(alpha - 1.0) < 1e-12:
        return a * (b / a) ** u
    e = 1.0 - alpha
    return (a**e + u * (b**e - a**e)) ** (1.0 / e)


def sample_dwell(law: DwellLaw, size: int, rng: np.random.Generator | int) -> NDArray[np.float64]:
    """``size`` exact draws of Eq. 12.1 (``docs/perovskite_emission.md`` §12).

    Draw order: batches of (uniforms for the inverse transform, uniforms for the rejection
    test) until ``size`` are accepted (one batch without a cut-off: no rejection uniforms).
    """
    gen = _rng(rng)
    if size < 0:
        raise ValueError(f"size must be >= 0, got {size}")
    if math.isinf(law.cutoff):
        return _powerlaw_inverse(gen.random(size), law.alpha, law.t_min, law.t_max)
    out: list[NDArray[np.float64]] = []
    have = 0
    while have < size:
        m = max(2 * (size - have), 64)
        t = _powerlaw_inverse(gen.random(m), law.alpha, law.t_min, law.t_max)
        keep = t[gen.random(m) < np.exp(-(t - law.t_min) / law.cutoff)]
        out.append(keep)
        have += keep.size
    return np.concatenate(out)[:size]


@dataclass(frozen=True)
class DwellFit:
    """Maximum-likelihood fit of Eq. 12.1 (:func:`fit_dwell`).

    ``cutoff`` is ``inf`` and ``cutoff_rate_stderr`` NaN when the cut-off is not fitted;
    ``cutoff_rate = 1/t_c`` (1/s) is the fitted parameter.
    """

    alpha: float
    alpha_stderr: float
    cutoff_rate: float
    cutoff_rate_stderr: float
    n: int
    t_min: float
    t_max: float

    @property
    def cutoff(self) -> float:
        """Fitted cut-off time ``t_c = 1/cutoff_rate`` in s (inf without a cut-off)."""
        return math.inf if self.cutoff_rate <= 0 else 1.0 / self.cutoff_rate

    def law(self) -> DwellLaw:
        """The fitted law on the fit window."""
        return DwellLaw(self.alpha, self.t_min, self.t_max, self.cutoff)


def fit_dwell(
    durations: ArrayLike, t_min: float, t_max: float, *, fit_cutoff: bool = False
) -> DwellFit:
    """Maximum-likelihood fit of Eq. 12.1 to the durations in ``[t_min, t_max]``
    (``docs/perovskite_emission.md`` §12, Eq. 12.2).

    Negative log-likelihood ``alpha S_log + lam S + n ln Z(alpha, lam)``
    (``S_log = sum ln t``, ``S = sum t``), minimised over ``alpha`` (and ``lam = 1/t_c >= 0``
    if ``fit_cutoff``); standard errors from the inverse of its Hessian (central differences).
    For ``lam = 0`` and ``t_max -> inf`` the estimate reduces to the closed form
    ``1 + n / sum ln(t/t_min)`` (Clauset, Shalizi and Newman, SIAM Rev. 51, 661 (2009)).
    """
    a = _positive_scalar(t_min, "t_min")
    b = _positive_scalar(t_max, "t_max")
    d = np.asarray(durations, dtype=float)
    d = d[(d >= a) & (d <= b)]
    n = int(d.size)
    if n < 3:
        raise ValueError(f"need at least 3 durations in [{a}, {b}], got {n}")
    s_log, s_lin = float(np.sum(np.log(d))), float(np.sum(d))

    def nll(p: NDArray[np.float64]) -> float:
        alpha, lam = float(p[0]), float(p[1]) if fit_cutoff else 0.0
        return alpha * s_log + lam * s_lin + n * _log_norm(alpha, lam, a, b)

    alpha0 = 1.0 + n / max(float(np.sum(np.log(d / a))), 1e-12)
    x0 = np.array([alpha0, 1.0 / b]) if fit_cutoff else np.array([alpha0])
    bounds = [(1e-3, 20.0), (0.0, 1e3 / a)] if fit_cutoff else [(1e-3, 20.0)]
    res = minimize(nll, x0, method="L-BFGS-B", bounds=bounds, options={"ftol": 1e-15})
    res = minimize(nll, res.x, method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-12})
    p = res.x
    if fit_cutoff and p[1] < 0:
        p = np.array([p[0], 0.0])
    k = p.size
    h = np.maximum(np.abs(p), 1e-3) * 1e-4
    hess = np.empty((k, k))
    for i in range(k):
        for j in range(k):
            ei = np.eye(k)[i] * h[i]
            ej = np.eye(k)[j] * h[j]
            hess[i, j] = (
                nll(p + ei + ej) - nll(p + ei - ej) - nll(p - ei + ej) + nll(p - ei - ej)
            ) / (4.0 * h[i] * h[j])
    cov = np.linalg.inv(hess)
    se = np.sqrt(np.maximum(np.diag(cov), 0.0))
    return DwellFit(
        alpha=float(p[0]),
        alpha_stderr=float(se[0]),
        cutoff_rate=float(p[1]) if fit_cutoff else 0.0,
        cutoff_rate_stderr=float(se[1]) if fit_cutoff else float("nan"),
        n=n,
        t_min=a,
        t_max=b,
    )


def powerlaw_telegraph(
    duration: float, on: DwellLaw, off: DwellLaw, rng: np.random.Generator | int
) -> tuple[NDArray[np.float64], NDArray[np.int8], NDArray[np.float64], NDArray[np.float64]]:
    """Alternating ON/OFF sequence with dwell times drawn from ``on`` and ``off``, starting ON,
    cut at ``duration`` (``docs/perovskite_emission.md`` §12).

    Returns ``(switch_times, segment_state, on_dwells, off_dwells)``: the first two in the form
    :func:`blinking.simulate_blinking` takes, the last two the complete (uncensored) dwell times
    drawn before ``duration``. Draw order: batches of (64 ON dwells, 64 OFF dwells) by
    :func:`sample_dwell` until the cumulative time passes ``duration``.
    """
    T = _positive_scalar(duration, "duration")
    gen = _rng(rng)
    parts: list[NDArray[np.float64]] = []
    total = 0.0
    while total < T:
        a = sample_dwell(on, 64, gen)
        b = sample_dwell(off, 64, gen)
        inter = np.empty(128)
        inter[0::2], inter[1::2] = a, b
        parts.append(inter)
        total += float(inter.sum())
    dwell = np.concatenate(parts)
    switch, state, n_seg = segments(dwell, T)
    complete = dwell[: n_seg - 1]
    return switch, state, complete[0::2], complete[1::2]


def trace_dwell_times(
    counts: ArrayLike, threshold: float, bin_time: float
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """ON and OFF durations of a binned trace: bins with ``counts > threshold`` are ON; the
    durations of the runs (in s), without the first and last (censored) runs
    (``docs/perovskite_emission.md`` §12)."""
    b = _positive_scalar(bin_time, "bin_time")
    state = np.asarray(counts, dtype=float) > float(threshold)
    if state.size == 0:
        return np.empty(0), np.empty(0)
    change = np.flatnonzero(np.diff(state.astype(np.int8))) + 1
    starts = np.concatenate([[0], change])
    lengths = np.diff(np.concatenate([starts, [state.size]]))
    run_state = state[starts]
    inner = slice(1, max(lengths.size - 1, 1))
    lengths, run_state = lengths[inner], run_state[inner]
    return lengths[run_state] * b, lengths[~run_state] * b
