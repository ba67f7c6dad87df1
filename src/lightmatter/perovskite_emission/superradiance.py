"""Dicke superradiance of N emitters: review Figs. 2c and 6 (``docs/perovskite_emission.md`` §4-5).

Model counterparts of the superradiance (SR) claims of Chatterjee et al., MRS Communications
(2024): ``Gamma_SR ~ N / tau_rad``, pulse duration ``T ~ 1/N`` and peak ``I_SR ~ N^2``
(seed text, "Superradiance"), bunching of the SR emission (Fig. 2c, 6f) and quenching by
dephasing. All models are ASSUMED (``docs/perovskite_emission.md`` §0); time is in units of
``1/gamma`` unless the caller passes dimensional rates.

Symmetric Dicke ladder (``docs/perovskite_emission.md`` §4). ``N`` identical two-level emitters in
``V << lambda^3`` with ``d rho/dt = gamma D[J_-] rho`` started fully inverted ``|J = N/2, M = N/2>``
stay diagonal in the symmetric ladder. With ``k = J + M`` excitations (``k = 0..N``):

``dp_k/dt = -gamma k (N-k+1) p_k + gamma (k+1)(N-k) p_{k+1}``,
``I(t) = gamma <J+J-> = gamma sum_k k (N-k+1) p_k``,
``G2(t,t) = gamma^2 <J+^2 J-^2> = gamma^2 sum_k k (N-k+1)(k-1)(N-k+2) p_k``.

The generator is upper bidiagonal with rates that repeat in pairs (``k <-> N+1-k``): it is
defective and is never eigendecomposed. :func:`dicke_burst` propagates it with
``scipy.sparse.linalg.expm_multiply`` (via :func:`lightmatter.markov.propagate`) or with the
implicit Radau method using the sparse matrix as Jacobian; ``N`` up to several thousand.

:func:`dephased_burst` solves the full permutation-invariant master equation with local
dephasing and local emission in ``qutip.piqs`` (small ``N``; QuTiP is imported lazily and is
required only for that function).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike, NDArray
from scipy.integrate import simpson, solve_ivp
from scipy.optimize import brentq, minimize_scalar
from scipy.sparse.linalg import expm_multiply
from scipy.stats import binom

from lightmatter import markov

from .single_photon import _as_array, _count, _nonnegative_scalar, _positive_scalar

__all__ = [
    "BurstG2",
    "BurstMetrics",
    "BurstScaling",
    "DephasedBurst",
    "DickeBurst",
    "LogFit",
    "PowerLawFit",
    "burst_g2",
    "burst_metrics",
    "burst_scaling",
    "default_time_grid",
    "dephased_burst",
    "dicke_burst",
    "dicke_generator",
    "dicke_rates",
    "fit_burst_scaling",
    "fit_delay_log",
    "fit_power_law",
    "independent_emitters",
    "mean_field_burst",
]

EULER_GAMMA = 0.5772156649015329

#: Largest N accepted by :func:`dephased_burst` unless the caller raises ``max_n``.
PIQS_MAX_N = 30


# ---------------------------------------------------------------------------------------------
# symmetric Dicke ladder
# ---------------------------------------------------------------------------------------------
def dicke_rates(N: int, gamma: float = 1.0) -> NDArray[np.float64]:
    """Ladder rates ``lambda_k = gamma k (N - k + 1)`` for ``k = 0..N``
    (``docs/perovskite_emission.md`` §4).

    ``lambda_k = gamma (J+M)(J-M+1)`` with ``J = N/2``, ``M = k - N/2``: the rate of ``k -> k-1``
    and, since ``<J+J->_k = k (N-k+1)``, also the photon emission rate in state ``k``.
    """
    N = _count(N, "N")
    gamma = _positive_scalar(gamma, "gamma")
    k = np.arange(N + 1, dtype=float)
    return gamma * k * (N - k + 1.0)


def dicke_generator(N: int, gamma: float = 1.0) -> sp.csr_array:
    """Sparse upper-bidiagonal generator of the symmetric Dicke ladder
    (``docs/perovskite_emission.md`` §4).

    Column convention of :mod:`lightmatter.markov`: ``W[k, k] = -lambda_k``,
    ``W[k-1, k] = +lambda_k``. Every column sums to zero.
    """
    lam = dicke_rates(N, gamma)
    return sp.csr_array(sp.diags([-lam, lam[1:]], [0, 1], format="csr"))


def default_time_grid(N: int, gamma: float = 1.0, num: int = 4001) -> NDArray[np.float64]:
    """Uniform grid on ``[0, t_end]`` with ``t_end = [2(ln N + 0.5772) + 40] / ((N+1) gamma)``.

    The mean last-photon time is exactly ``2 H_N / ((N+1) gamma)`` (``docs/perovskite_emission.md``
    §4); the 40 extra units of ``1/((N+1) gamma)`` leave an undecayed excitation ``<k>(t_end)`` of
    1.2e-9 for ``N = 1``, 1.5e-11 for ``N = 2`` and below 1e-12 for ``N >= 3``.
    """
    N = _count(N, "N")
    gamma = _positive_scalar(gamma, "gamma")
    num = _count(num, "num", minimum=3)
    t_end = (2.0 * (math.log(N) + EULER_GAMMA) + 40.0) / ((N + 1) * gamma)
    return np.linspace(0.0, t_end, num)


def _check_grid(t: ArrayLike) -> NDArray[np.float64]:
    times = np.atleast_1d(_as_array(t, "t"))
    if times.ndim != 1 or times.size < 3:
        raise ValueError("t must be a 1-D grid with at least 3 points")
    if times[0] < 0 or np.any(np.diff(times) <= 0):
        raise ValueError("t must be strictly increasing and start at t >= 0")
    return times


@dataclass(frozen=True)
class DickeBurst:
    """Time-resolved collective emission (returned by :func:`dicke_burst` and
    :func:`independent_emitters`). A frozen dataclass; :meth:`to_dataset` gives an
    ``xarray.Dataset``.

    Attributes
    ----------
    N : int
        Number of emitters.
    gamma : float
        Single-emitter decay rate.
    kind : str
        ``"dicke"`` (symmetric ladder) or ``"independent"``.
    t : numpy.ndarray, shape (nt,)
        Times.
    intensity : numpy.ndarray, shape (nt,)
        Photon emission rate ``I(t)`` (photons per unit time).
    g2_numerator : numpy.ndarray, shape (nt,)
        Equal-time normally ordered ``G2(t, t)`` (photon pairs per unit time squared).
    populations : numpy.ndarray, shape (nt, N + 1)
        ``p_k(t)``, ``k`` = number of excitations (``k = J + M`` for the Dicke ladder).
    """

    N: int
    gamma: float
    kind: str
    t: NDArray[np.float64]
    intensity: NDArray[np.float64]
    g2_numerator: NDArray[np.float64]
    populations: NDArray[np.float64] = field(repr=False)

    @property
    def excitations(self) -> NDArray[np.float64]:
        """Mean number of excitations ``<k>(t)``."""
        return self.populations @ np.arange(self.N + 1, dtype=float)

    @property
    def emitted(self) -> NDArray[np.float64]:
        """Photons emitted since ``t = 0``: ``N - <k>(t)`` (exact, ``d<k>/dt = -I``)."""
        return self.N - self.excitations

    @property
    def g2(self) -> NDArray[np.float64]:
        """Equal-time ``g2(t) = G2(t,t) / I(t)^2`` (NaN where ``I = 0``)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.intensity > 0, self.g2_numerator / self.intensity**2, np.nan)

    def to_dataset(self) -> Any:
        """``xarray.Dataset`` with ``intensity``, ``g2_numerator``, ``g2``, ``emitted`` over
        ``t`` and ``populations`` over ``(t, k)``."""
        import xarray as xr

        return xr.Dataset(
            {
                "intensity": ("t", self.intensity),
                "g2_numerator": ("t", self.g2_numerator),
                "g2": ("t", self.g2),
                "emitted": ("t", self.emitted),
                "populations": (("t", "k"), self.populations),
            },
            coords={"t": self.t, "k": np.arange(self.N + 1)},
            attrs={"N": self.N, "gamma": self.gamma, "kind": self.kind},
        )


def _ladder_observables(
    P: NDArray[np.float64], lam: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    lam_prev = np.concatenate([[0.0], lam[:-1]])  # lambda_{k-1}
    return P @ lam, P @ (lam * lam_prev)


def dicke_burst(
    N: int,
    t: ArrayLike | None = None,
    gamma: float = 1.0,
    *,
    method: str = "expm",
    num: int = 4001,
    rtol: float = 1e-10,
    atol: float = 1e-13,
) -> DickeBurst:
    """Superradiant burst from full inversion in the symmetric Dicke ladder (review Fig. 2c, 6;
    ``docs/perovskite_emission.md`` §4).

    Parameters
    ----------
    N : int
        Number of emitters, ``>= 1`` (tested up to 1000; the cost of ``"expm"`` grows like
        ``N^2 ln N`` for a fixed number of time points).
    t : array_like, optional
        Strictly increasing times ``>= 0``. Default: :func:`default_time_grid` with ``num``
        points. :func:`burst_metrics` needs ``t[0] = 0`` and a window covering the decay.
    gamma : float
        Single-emitter decay rate (the unit of rate), ``> 0``.
    method : {"expm", "radau"}
        ``"expm"``: action of the matrix exponential (:func:`lightmatter.markov.propagate`,
        Krylov-free truncated Taylor series with scaling; accuracy ~1e-14). ``"radau"``: implicit
        Radau IIA with the sparse generator as Jacobian (``rtol``, ``atol``).
    num : int
        Grid size when ``t`` is None.
    rtol, atol : float
        Tolerances of ``"radau"`` (ignored by ``"expm"``).

    Returns
    -------
    DickeBurst
        ``kind = "dicke"``; populations ``p_k(t)`` with ``p_N(0) = 1``.
    """
    N = _count(N, "N")
    gamma = _positive_scalar(gamma, "gamma")
    times = default_time_grid(N, gamma, num) if t is None else _check_grid(t)
    W = dicke_generator(N, gamma)
    lam = dicke_rates(N, gamma)
    p0 = np.zeros(N + 1)
    p0[N] = 1.0
    if method == "expm":
        P = markov.propagate(W, p0, times)
    elif method == "radau":
        rtol = _positive_scalar(rtol, "rtol")
        atol = _positive_scalar(atol, "atol")
        Wc = sp.csc_array(W)
        sol = solve_ivp(
            lambda _t, p: Wc @ p,
            (0.0, float(times[-1])),
            p0,
            method="Radau",
            t_eval=times,
            jac=Wc,
            rtol=rtol,
            atol=atol,
        )
        if not sol.success:
            raise RuntimeError(f"Radau integration failed: {sol.message}")
        P = sol.y.T
    else:
        raise ValueError(f"method must be 'expm' or 'radau', got {method!r}")
    intensity, g2num = _ladder_observables(P, lam)
    return DickeBurst(N, gamma, "dicke", times, intensity, g2num, np.ascontiguousarray(P))


def independent_emitters(N: int, t: ArrayLike | None = None, gamma: float = 1.0) -> DickeBurst:
    """``N`` independent, initially excited emitters (reference curve of review Fig. 2c;
    ``docs/perovskite_emission.md`` §4).

    ``I = N gamma e^{-gamma t}`` (peak ``N gamma`` at ``t = 0``, FWHM ``ln 2 / gamma``
    independent of ``N``), binomial populations with ``q = e^{-gamma t}`` and
    ``G2(t,t) = gamma^2 N (N-1) q^2`` (product state: ``g2 = 1 - 1/N`` at all times).
    ``t`` defaults to a grid over ``[0, 40/gamma]``.
    """
    N = _count(N, "N")
    gamma = _positive_scalar(gamma, "gamma")
    times = np.linspace(0.0, 40.0 / gamma, 4001) if t is None else _check_grid(t)
    q = np.exp(-gamma * times)
    intensity = N * gamma * q
    g2num = gamma**2 * N * (N - 1) * q**2
    k = np.arange(N + 1)
    P = binom.pmf(k[None, :], N, q[:, None])
    return DickeBurst(N, gamma, "independent", times, intensity, g2num, P)


def mean_field_burst(N: int, t: ArrayLike, gamma: float = 1.0) -> NDArray[np.float64] | float:
    """Mean-field (semiclassical) burst ``I = gamma (N+1)^2/4 sech^2((N+1) gamma (t - t_D)/2)``,
    ``t_D = ln N / ((N+1) gamma)`` (``docs/perovskite_emission.md`` §4;
    FWHM ``3.5255/((N+1) gamma)``)."""
    N = _count(N, "N")
    gamma = _positive_scalar(gamma, "gamma")
    times = _as_array(t, "t")
    a = (N + 1) * gamma
    t_d = math.log(N) / a
    out = gamma * (N + 1) ** 2 / 4.0 / np.cosh(a * (times - t_d) / 2.0) ** 2
    return float(out) if out.ndim == 0 else out


# ---------------------------------------------------------------------------------------------
# burst metrics and scaling fits
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BurstMetrics:
    """Result of :func:`burst_metrics`.

    Attributes
    ----------
    peak_intensity : float
        Maximum of ``I(t)`` (refined between grid points).
    peak_time : float
        Delay of the maximum (0 if the emission is largest at ``t = 0``).
    fwhm : float
        Length of the interval where ``I >= I_peak/2`` (its left end is clipped at ``t[0]``).
    total_photons : float
        ``integral of I dt`` over the window, exact from the populations
        (``<k>(t_0) - <k>(t_end)``, since ``d<k>/dt = -I``); equals ``N`` to ~1e-12 on the
        default grid.
    total_photons_quadrature : float
        The same integral by Simpson's rule on the grid (accuracy limited by the grid).
    residual_excitation : float
        ``<k>(t_end)``: photons not yet emitted at the end of the window.
    """

    peak_intensity: float
    peak_time: float
    fwhm: float
    total_photons: float
    total_photons_quadrature: float
    residual_excitation: float


def _intensity_function(burst: DickeBurst) -> Callable[[float], float]:
    """Exact ``I(t)`` at arbitrary ``t`` inside the grid (local propagation from a grid point)."""
    if burst.kind == "independent":
        return lambda s: float(burst.N * burst.gamma * math.exp(-burst.gamma * s))
    W = dicke_generator(burst.N, burst.gamma)
    lam = dicke_rates(burst.N, burst.gamma)
    t = burst.t

    def intensity(s: float) -> float:
        i = int(np.clip(np.searchsorted(t, s, side="right") - 1, 0, t.size - 1))
        dt = s - t[i]
        p = burst.populations[i]
        if dt > 0:
            p = expm_multiply(W * dt, p)
        return float(p @ lam)

    return intensity


def burst_metrics(burst: DickeBurst) -> BurstMetrics:
    """Peak intensity, delay of the peak, FWHM and photon number of a burst
    (``docs/perovskite_emission.md`` §4).

    The grid maximum is refined with bounded ``minimize_scalar`` and the half-maximum crossings
    with ``brentq``, both on the exact solution between grid points (``docs/perovskite_emission.md``
    §9, pitfalls).

    Parameters
    ----------
    burst : DickeBurst
        From :func:`dicke_burst` or :func:`independent_emitters`; its grid must resolve the
        burst (a few points per width) and extend to where ``I < I_peak / 2``.
    """
    if not isinstance(burst, DickeBurst):
        raise ValueError(f"burst must be a DickeBurst, got {type(burst).__name__}")
    t, intensity = burst.t, burst.intensity
    f = _intensity_function(burst)
    i = int(np.argmax(intensity))
    if i == 0:
        # largest at the start: maximum at t[0] unless it rises before t[1]
        res = minimize_scalar(
            lambda s: -f(s),
            bounds=(t[0], t[1]),
            method="bounded",
            options={"xatol": 1e-12 * max(t[1], 1e-300)},
        )
        t_pk, i_pk = (res.x, -res.fun) if -res.fun > intensity[0] else (t[0], intensity[0])
    elif i == t.size - 1:
        raise ValueError("the intensity is still rising at the end of the grid: extend t")
    else:
        lo, hi = t[i - 1], t[i + 1]
        res = minimize_scalar(
            lambda s: -f(s), bounds=(lo, hi), method="bounded", options={"xatol": 1e-10 * (hi - lo)}
        )
        t_pk, i_pk = float(res.x), float(-res.fun)
        if intensity[i] > i_pk:
            t_pk, i_pk = float(t[i]), float(intensity[i])
    half = 0.5 * i_pk
    above = np.nonzero(intensity >= half)[0]
    first, last = int(above[0]), int(above[-1])
    if last == t.size - 1:
        raise ValueError("the intensity does not fall below half maximum inside the grid")
    right = brentq(lambda s: f(s) - half, t[last], t[last + 1], xtol=1e-14 * t[-1], rtol=1e-13)
    if first == 0:
        left = float(t[0])
    else:
        left = brentq(lambda s: f(s) - half, t[first - 1], t[first], xtol=1e-14 * t[-1], rtol=1e-13)
    exc = burst.excitations
    return BurstMetrics(
        peak_intensity=float(i_pk),
        peak_time=float(t_pk),
        fwhm=float(right - left),
        total_photons=float(exc[0] - exc[-1]),
        total_photons_quadrature=float(simpson(intensity, x=t)),
        residual_excitation=float(exc[-1]),
    )


@dataclass(frozen=True)
class PowerLawFit:
    """``y = prefactor * N^exponent``, least squares in log-log (:func:`fit_power_law`)."""

    exponent: float
    prefactor: float
    exponent_stderr: float


def fit_power_law(N: ArrayLike, y: ArrayLike) -> PowerLawFit:
    """Fit ``y = c N^a`` by linear least squares of ``ln y`` on ``ln N``
    (``docs/perovskite_emission.md`` §4 scaling panels: peak ``~ N^2``, FWHM ``~ N^-1``). Needs at
    least 3 points, all ``> 0``."""
    x = np.log(np.atleast_1d(_as_array(N, "N")))
    yy = np.atleast_1d(_as_array(y, "y"))
    if x.shape != yy.shape or x.ndim != 1:
        raise ValueError("N and y must be 1-D with the same length")
    if x.size < 3:
        raise ValueError("need at least 3 points for a power-law fit")
    if np.any(yy <= 0) or np.any(~np.isfinite(x)):
        raise ValueError("N and y must be > 0 for a power-law fit")
    (a, b), cov = np.polyfit(x, np.log(yy), 1, cov=True)
    return PowerLawFit(float(a), float(math.exp(b)), float(math.sqrt(cov[0, 0])))


@dataclass(frozen=True)
class LogFit:
    """``N t_peak = slope ln N + intercept`` (:func:`fit_delay_log`)."""

    slope: float
    intercept: float
    r_squared: float


def fit_delay_log(N: ArrayLike, t_peak: ArrayLike) -> LogFit:
    """Linear fit of ``N t_peak`` against ``ln N`` (``docs/perovskite_emission.md`` §4: the delay is
    not a power of ``N``; mean field gives ``(N+1) gamma t_D = ln N``)."""
    n = np.atleast_1d(_as_array(N, "N"))
    tp = np.atleast_1d(_as_array(t_peak, "t_peak"))
    if n.shape != tp.shape or n.ndim != 1 or n.size < 3:
        raise ValueError("N and t_peak must be 1-D with the same length >= 3")
    if np.any(n <= 0):
        raise ValueError("N must be > 0")
    x, y = np.log(n), n * tp
    slope, intercept = np.polyfit(x, y, 1)
    resid = y - (slope * x + intercept)
    ss_tot = float(np.sum((y - y.mean()) ** 2))
    r2 = 1.0 - float(np.sum(resid**2)) / ss_tot if ss_tot > 0 else 1.0
    return LogFit(float(slope), float(intercept), r2)


#: Smallest N used by default in the burst scaling fits (the review's large-N laws).
SCALING_N_MIN = 10


@dataclass(frozen=True)
class BurstScaling:
    """Burst metrics over N and their scaling fits (:func:`fit_burst_scaling`,
    :func:`burst_scaling`).

    Attributes
    ----------
    N : numpy.ndarray of int
        Numbers of emitters, increasing.
    peak_intensity, peak_time, fwhm : numpy.ndarray
        :class:`BurstMetrics` of the burst of each N.
    n_min : int
        Only ``N >= n_min`` enter the fits.
    peak_fit : PowerLawFit
        ``I_peak = c N^a`` (Dicke: ``a -> 2``).
    fwhm_fit : PowerLawFit
        ``FWHM = c N^a`` (Dicke: ``a -> -1``).
    delay_fit : LogFit
        ``N t_peak = slope ln N + intercept`` (mean field: ``(N+1) gamma t_D = ln N``).
    """

    N: NDArray[np.int64]
    peak_intensity: NDArray[np.float64]
    peak_time: NDArray[np.float64]
    fwhm: NDArray[np.float64]
    n_min: int
    peak_fit: PowerLawFit
    fwhm_fit: PowerLawFit
    delay_fit: LogFit

    @property
    def scaled_delay(self) -> NDArray[np.float64]:
        """``N t_peak`` for every N."""
        return self.N * self.peak_time

    @property
    def peak_intensity_fitted(self) -> NDArray[np.float64]:
        """The fitted power law ``c N^a`` of the peak intensity at every N."""
        return self.peak_fit.prefactor * self.N.astype(float) ** self.peak_fit.exponent

    @property
    def fwhm_fitted(self) -> NDArray[np.float64]:
        """The fitted power law ``c N^a`` of the FWHM at every N."""
        return self.fwhm_fit.prefactor * self.N.astype(float) ** self.fwhm_fit.exponent

    @property
    def scaled_delay_fitted(self) -> NDArray[np.float64]:
        """The fitted line ``slope ln N + intercept`` of ``N t_peak`` at every N."""
        return self.delay_fit.slope * np.log(self.N) + self.delay_fit.intercept


def fit_burst_scaling(
    N: ArrayLike,
    peak_intensity: ArrayLike,
    fwhm: ArrayLike,
    peak_time: ArrayLike,
    *,
    n_min: int = SCALING_N_MIN,
) -> BurstScaling:
    """Scaling laws of the superradiant burst across N (``docs/perovskite_emission.md`` §4,
    scaling panels of review Fig. 2c / 6).

    Least squares over the ``N >= n_min`` only: ``I_peak = c N^a`` and ``FWHM = c N^a`` in
    log-log (:func:`fit_power_law`; the review's ``I_SR ~ N^2`` and ``T ~ 1/N``) and
    ``N t_peak = slope ln N + intercept`` (:func:`fit_delay_log`; the delay is not a power law).
    The metrics of all N are kept, so the fitted curves can be drawn over the whole range.

    Parameters
    ----------
    N : array_like of int
        Numbers of emitters, ``>= 1``, increasing, at least 3 of them ``>= n_min``.
    peak_intensity, fwhm, peak_time : array_like
        Burst metrics of each N (:func:`burst_metrics`), same length as ``N``.
    n_min : int
        Smallest N entering the fits.
    """
    n = np.atleast_1d(np.asarray(N))
    if n.ndim != 1 or not np.issubdtype(n.dtype, np.integer) or np.any(n < 1):
        raise ValueError("N must be a 1-D array of integers >= 1")
    if np.any(np.diff(n) <= 0):
        raise ValueError("N must be strictly increasing")
    arrays = []
    for name, value in (
        ("peak_intensity", peak_intensity),
        ("fwhm", fwhm),
        ("peak_time", peak_time),
    ):
        a = np.atleast_1d(_as_array(value, name))
        if a.shape != n.shape:
            raise ValueError(f"{name} must have the shape of N {n.shape}, got {a.shape}")
        arrays.append(a)
    peak, width, t_pk = arrays
    n_min = _count(n_min, "n_min")
    sel = n >= n_min
    if np.count_nonzero(sel) < 3:
        raise ValueError(f"need at least 3 values of N >= n_min = {n_min} for the scaling fits")
    return BurstScaling(
        N=n,
        peak_intensity=peak,
        peak_time=t_pk,
        fwhm=width,
        n_min=n_min,
        peak_fit=fit_power_law(n[sel], peak[sel]),
        fwhm_fit=fit_power_law(n[sel], width[sel]),
        delay_fit=fit_delay_log(n[sel], t_pk[sel]),
    )


def burst_scaling(
    N: ArrayLike, gamma: float = 1.0, *, num: int = 4001, n_min: int = SCALING_N_MIN
) -> BurstScaling:
    """Dicke bursts for every N and their scaling fits (``docs/perovskite_emission.md`` §4).

    Each burst is :func:`dicke_burst` on :func:`default_time_grid` with ``num`` points, its
    metrics :func:`burst_metrics`; the fits are :func:`fit_burst_scaling` over ``N >= n_min``.
    ``N`` is sorted. On the exact ladder the exponents approach the review's laws from the
    small-N side: peak 1.92 and FWHM -0.97 over N = 10-50, 1.97 and -0.99 over N = 10-1000
    (7 values of N, 4001 grid points).
    """
    ns = np.array(sorted(_count(x, "N") for x in np.atleast_1d(np.asarray(N)).tolist()))
    gamma = _positive_scalar(gamma, "gamma")
    metrics = []
    for n in ns.tolist():
        t = default_time_grid(n, gamma, num)
        metrics.append(burst_metrics(dicke_burst(n, t, gamma)))
    return fit_burst_scaling(
        ns,
        [m.peak_intensity for m in metrics],
        [m.fwhm for m in metrics],
        [m.peak_time for m in metrics],
        n_min=n_min,
    )


# ---------------------------------------------------------------------------------------------
# g2 of the burst (docs/perovskite_emission.md §4, "g2 of the burst")
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BurstG2:
    """Result of :func:`burst_g2`.

    Attributes
    ----------
    t : numpy.ndarray
        Times.
    g2_superradiant : numpy.ndarray
        Equal-time ``g2(t) = <J+^2 J-^2> / <J+J->^2`` of the Dicke burst
        (``2(N-1)/N`` at ``t = 0``).
    g2_independent : numpy.ndarray
        ``1 - 1/N`` at all times (N independent emitters excited together).
    intensity : numpy.ndarray
        ``I(t)`` of the Dicke burst.
    weighted_superradiant, weighted_independent : float
        Intensity^2-weighted means ``int G2 dt / int I^2 dt`` (ASSUMED definition of the zero-delay
        value of a detector that resolves the burst, ``docs/perovskite_emission.md`` §4).
    """

    t: NDArray[np.float64]
    g2_superradiant: NDArray[np.float64]
    g2_independent: NDArray[np.float64]
    intensity: NDArray[np.float64]
    weighted_superradiant: float
    weighted_independent: float


def burst_g2(N: int, t: ArrayLike | None = None, gamma: float = 1.0, *, num: int = 4001) -> BurstG2:
    """Equal-time ``g2(t)`` of the superradiant burst vs independent emitters (review Fig. 2c,
    6f; ``docs/perovskite_emission.md`` §4).

    The photon-number statistic of the whole pulse, ``<n(n-1)>/<n>^2 = 1 - 1/N``, is the same
    for both (exactly N photons): bunching shows only time-resolved (``docs/perovskite_emission.md``
    §4 pitfall).

    Behaviour (checked numerically): ``g2 = 2(N-1)/N`` at ``t = 0``, about 1.09-1.10 at the
    intensity peak, and the intensity^2-weighted mean is 1.25-1.27 for N = 10-1000. Up to the
    peak ``g2 <= 2``. **Correction to ``docs/perovskite_emission.md`` §4** ("never exceeds 2"): on
    the trailing edge the instantaneous ``g2(t)`` rises again and crosses 2 where ``I ~ 0.3 I_peak``
    (N >= 10; about 9 % of the photons are still to come) and grows without bound in the tail
    (``g2 ~ 185`` where ``I = 1e-3 I_peak``), because the two-excitation state decays more slowly
    (``2(N-1) gamma``) than the square of the one-excitation population (``2 N gamma``). The
    burst-averaged value stays below 2, so the seed's superbunching ``g2(0) > 2`` (Fig. 6f inset) is
    still not reproduced by a time-integrating measurement of the ideal model.
    """
    burst = dicke_burst(N, t, gamma, num=num)
    g2_sr = burst.g2
    g2_ind = np.full_like(burst.t, 1.0 - 1.0 / burst.N)
    w_sr = float(simpson(burst.g2_numerator, x=burst.t) / simpson(burst.intensity**2, x=burst.t))
    return BurstG2(burst.t, g2_sr, g2_ind, burst.intensity, w_sr, 1.0 - 1.0 / burst.N)


# ---------------------------------------------------------------------------------------------
# dephasing (docs/perovskite_emission.md §5): qutip.piqs
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DephasedBurst:
    """Result of :func:`dephased_burst` (permutation-invariant master equation, ``qutip.piqs``).

    Attributes
    ----------
    N : int
    gamma, gamma_phi, gamma_local : float
        Collective emission, local dephasing (piqs convention) and local emission rates.
    t : numpy.ndarray
        Times.
    intensity : numpy.ndarray
        Total photon rate ``gamma <J+J-> + gamma_local (<J_z> + N/2)``.
    intensity_collective, intensity_local : numpy.ndarray
        The two contributions.
    excitations : numpy.ndarray
        ``<J_z> + N/2``.
    """

    N: int
    gamma: float
    gamma_phi: float
    gamma_local: float
    t: NDArray[np.float64]
    intensity: NDArray[np.float64]
    intensity_collective: NDArray[np.float64]
    intensity_local: NDArray[np.float64]
    excitations: NDArray[np.float64]

    @property
    def emitted_fraction(self) -> float:
        """``1 - <k>(t_end)/N``: below 1 when excitation is trapped in subradiant states."""
        return float(1.0 - self.excitations[-1] / self.N)

    def to_dataset(self) -> Any:
        """``xarray.Dataset`` over ``t``."""
        import xarray as xr

        return xr.Dataset(
            {
                "intensity": ("t", self.intensity),
                "intensity_collective": ("t", self.intensity_collective),
                "intensity_local": ("t", self.intensity_local),
                "excitations": ("t", self.excitations),
            },
            coords={"t": self.t},
            attrs={
                "N": self.N,
                "gamma": self.gamma,
                "gamma_phi": self.gamma_phi,
                "gamma_local": self.gamma_local,
            },
        )


def dephased_burst(
    N: int,
    gamma_phi: float,
    t: ArrayLike,
    gamma: float = 1.0,
    gamma_local: float = 0.0,
    *,
    options: dict[str, Any] | None = None,
    max_n: int = PIQS_MAX_N,
) -> DephasedBurst:
    """Superradiant burst with local dephasing and local emission (review text on dephasing
    quenching SR, Fig. 6c context; ``docs/perovskite_emission.md`` §5), solved with ``qutip.piqs``.

    ``piqs.Dicke(N, collective_emission=gamma, dephasing=gamma_phi, emission=gamma_local)``
    from the fully excited state. Convention (checked numerically, ``docs/perovskite_emission.md``
    §5): piqs uses the local Lindblad operator ``sqrt(gamma_phi) sigma_z / 2``, so a single
    emitter's coherence decays at ``gamma_phi / 2`` (``T2 = 2/gamma_phi``); ``gamma_local`` is a
    population decay rate. For ``gamma_phi >> N gamma`` the burst becomes the independent-emitter
    exponential with peak ``N gamma`` at ``t = 0``; with ``gamma_local = 0`` part of the excitation
    is trapped in subradiant states at intermediate ``gamma_phi``.

    Precision: piqs (QuTiP 5.3) builds its Liouvillian from C ``float`` (single precision) rates,
    so results carry a relative error ~1e-7 unless the rates are exactly representable in
    float32 (integers, 0.5, 0.75, ...); with such rates piqs matches :func:`dicke_burst` to
    ~1e-10 at ``gamma_phi = 0``.

    Parameters
    ----------
    N : int
        Number of emitters, ``1 <= N <= max_n`` (piqs cost grows like ``N^3`` states).
    gamma_phi : float
        Local dephasing rate (piqs convention), ``>= 0``.
    t : array_like
        Strictly increasing times ``>= 0`` (start at 0 for the burst from full inversion).
    gamma : float
        Collective emission rate (``> 0``).
    gamma_local : float
        Local (independent) emission rate, ``>= 0``.
    options : dict, optional
        ``qutip.mesolve`` options; default ``atol=1e-10, rtol=1e-8, nsteps=100000``
        (``docs/perovskite_emission.md`` §5).
    max_n : int
        Guard against accidental huge runs.
    """
    N = _count(N, "N")
    max_n = _count(max_n, "max_n")
    if N > max_n:
        raise ValueError(f"N = {N} exceeds max_n = {max_n} for the piqs solver")
    gamma = _positive_scalar(gamma, "gamma")
    gphi = _nonnegative_scalar(gamma_phi, "gamma_phi")
    gloc = _nonnegative_scalar(gamma_local, "gamma_local")
    times = _check_grid(t)
    try:
        import qutip
        from qutip import piqs
    except ImportError as exc:  # pragma: no cover - qutip is in the project venv
        raise ImportError("dephased_burst needs qutip (with qutip.piqs)") from exc
    opts = {"atol": 1e-10, "rtol": 1e-8, "nsteps": 100_000}
    if options:
        opts.update(options)
    system = piqs.Dicke(N, collective_emission=gamma, dephasing=gphi, emission=gloc)
    L = system.liouvillian()
    jp = piqs.jspin(N, "+")
    jz = piqs.jspin(N, "z")
    res = qutip.mesolve(L, piqs.excited(N), times, e_ops=[jp * jp.dag(), jz], options=opts)
    collective = gamma * np.real(np.asarray(res.expect[0]))
    exc_num = np.real(np.asarray(res.expect[1])) + N / 2.0
    local = gloc * exc_num
    return DephasedBurst(
        N, gamma, gphi, gloc, times, collective + local, collective, local, exc_num
    )
