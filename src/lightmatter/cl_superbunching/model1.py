"""Model 1 of cathodoluminescence (CL) superbunching: N emitters excited together by one electron.

Implements the main-text results of Yuge, Yamamoto, Sannomiya, Akiba, "Superbunching in
cathodoluminescence: a master equation approach", Phys. Rev. B 107, 165303 (2023) (Eqs. 7-20 and
Appendix B, Eqs. 34-41), following the reconstruction in
``docs/cl_superbunching.md`` (§0, §1 and §7). The seed text lost every displayed
equation; where a form below is a reconstruction it is marked ASSUMED, as in the note.

Conventions (``docs/cl_superbunching.md`` §0):

* time unit: the radiative lifetime ``tau = 1``; rates are given as dimensionless ``gamma_tau``
  (excitation events per lifetime) and the correlation delay is ``t_over_tau``;
* lumped populations ``P_n`` (n = 0..N excited emitters) obey ``dP/dt = W P`` in the column
  convention, ``W[m, n]`` = rate of ``n -> m``, every column of ``W`` sums to zero;
* the intensity operator is ``I ∝ n = sum_j sigma_j^+ sigma_j^-`` (randomly oriented dipoles).

The quantum master equation (Eqs. 2-6) reduces exactly to the classical chain (Eqs. 7-9):
``n -> n-1`` at rate ``n / tau`` and ``0 -> N`` at rate ``gamma``. All time-dependent results use
the shared propagator :mod:`lightmatter.markov` (``expm_multiply``); ``W`` is never diagonalised.
"""

from __future__ import annotations

import itertools
import math
import numbers

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike, NDArray

from lightmatter import markov

__all__ = [
    "emission_jump",
    "factorial_moment2",
    "first_order_rates",
    "g2_bin_average",
    "g2_delay",
    "g2_delay_approx",
    "g2_initial_slope",
    "g2_zero",
    "harmonic_number",
    "mean_excited",
    "model1_generator",
    "stationary_distribution",
    "stationary_distribution_numeric",
    "superbunching_threshold",
    "tau_eff",
]

FloatOrArray = float | NDArray[np.float64]


# ---------------------------------------------------------------------------------------------
# input validation (shared with model2.py and radiation.py)
# ---------------------------------------------------------------------------------------------
def _check_count(value: object, name: str = "N") -> int:
    """Return ``value`` as a Python int >= 1, or raise ``ValueError``.

    Integral floats such as ``5.0`` are accepted (e.g. ``N = M p`` from Eq. 22); ``bool`` and
    non-integral or non-finite numbers are rejected.
    """
    if isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be a positive integer, got the bool {value!r}")
    if isinstance(value, numbers.Integral):
        ivalue = int(value)
    elif isinstance(value, numbers.Real):
        fvalue = float(value)
        if not math.isfinite(fvalue) or not fvalue.is_integer():
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
        ivalue = int(fvalue)
    else:
        raise ValueError(
            f"{name} must be a positive integer, got {value!r} ({type(value).__name__})"
        )
    if ivalue < 1:
        raise ValueError(f"{name} must be >= 1, got {ivalue}")
    return ivalue


def _check_rate(value: ArrayLike, name: str = "gamma_tau") -> NDArray[np.float64]:
    """Return ``value`` as a float array, every entry finite and > 0, else raise ``ValueError``."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"{name} must be a positive finite number or array, got {value!r}"
        ) from exc
    if arr.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if np.any(arr <= 0):
        raise ValueError(
            f"{name} must be > 0 (dimensionless rate in units of 1/tau), got {value!r}"
        )
    return arr


def _check_scalar_rate(value: ArrayLike, name: str = "gamma_tau") -> float:
    """Like :func:`_check_rate` but the value must be a scalar; returns a float."""
    arr = _check_rate(value, name)
    if arr.ndim != 0:
        raise ValueError(f"{name} must be a scalar here, got an array of shape {arr.shape}")
    return float(arr)


def _check_times(t_over_tau: ArrayLike) -> NDArray[np.float64]:
    """Return the delays as a float array; they must be finite (sign allowed: g2 is even)."""
    try:
        t = np.asarray(t_over_tau, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"t_over_tau must be a finite number or array, got {t_over_tau!r}"
        ) from exc
    if not np.all(np.isfinite(t)):
        raise ValueError("t_over_tau must be finite")
    return t


def _as_output(arr: NDArray[np.float64]) -> FloatOrArray:
    """Return a Python float for 0-d results, else the array."""
    return float(arr) if np.ndim(arr) == 0 else arr


def _qrt_g2(W: sp.csr_array, P_ss: NDArray[np.float64], t_over_tau: ArrayLike) -> FloatOrArray:
    """g2(t) of a lumped chain by the quantum regression theorem (``docs/cl_superbunching.md``
    §1.6), t -> |t|."""
    t = _check_times(t_over_tau)
    dim = W.shape[0]
    n = np.arange(dim, dtype=float)
    flat = np.abs(t).ravel()
    g2 = markov.qrt_correlation(W, emission_jump(dim), n, flat, P_ss=P_ss)
    return _as_output(np.asarray(g2).reshape(t.shape))


# ---------------------------------------------------------------------------------------------
# generator and closed forms
# ---------------------------------------------------------------------------------------------
def harmonic_number(N: int) -> float:
    """Harmonic number ``H_N = sum_{k=1}^N 1/k`` (Eq. 11 of Yuge et al. PRB 107, 165303 (2023)).

    Parameters
    ----------
    N : int
        Number of emitters excited together, ``N >= 1``.

    Returns
    -------
    float
        ``H_N``, summed with :func:`math.fsum` (correctly rounded sum of the terms).
    """
    N = _check_count(N)
    return math.fsum(1.0 / k for k in range(1, N + 1))


def model1_generator(N: int, gamma_tau: float) -> sp.csr_array:
    """Generator ``W`` of the lumped Model-1 master equation, Eqs. 7-9 / Eq. 34 of Yuge et al.
    PRB 107, 165303 (2023) (``docs/cl_superbunching.md`` §1.2).

    ``W = W0 + V`` with ``(W0)_{nn} = -n``, ``(W0)_{n-1,n} = n`` (radiative decay, tau = 1) and
    ``V_{00} = -gamma_tau``, ``V_{N0} = +gamma_tau`` (simultaneous excitation of all N emitters,
    only possible from the all-ground state).

    Parameters
    ----------
    N : int
        Number of emitters excited by one electron, ``N >= 1``.
    gamma_tau : float
        Excitation rate times the radiative lifetime, ``> 0``.

    Returns
    -------
    scipy.sparse.csr_array
        ``(N+1) x (N+1)`` rate matrix, column convention (``W[m, n]`` = rate of ``n -> m``).
    """
    N = _check_count(N)
    g = _check_scalar_rate(gamma_tau)
    n = np.arange(N + 1, dtype=float)
    diag = -n.copy()
    diag[0] = -g
    rows = np.concatenate([np.arange(N + 1), np.arange(N), [N]])
    cols = np.concatenate([np.arange(N + 1), np.arange(1, N + 1), [0]])
    vals = np.concatenate([diag, n[1:], [g]])
    return sp.csr_array(sp.coo_array((vals, (rows, cols)), shape=(N + 1, N + 1)))


def emission_jump(dim: int) -> sp.csr_array:
    """Photon-emission (jump) map of the lumped chain, ``docs/cl_superbunching.md`` §1.6.

    ``(J P)_{n-1} = n P_n`` (in units of 1/tau): the lumped image of
    ``rho -> sum_i sigma_i^- rho sigma_i^+`` used in the quantum regression theorem. It does not
    preserve the trace: ``sum(J P) = <n>``.

    Parameters
    ----------
    dim : int
        Size of the lumped state space (``N + 1`` for Model 1, ``M + 1`` for Model 2), ``>= 1``.

    Returns
    -------
    scipy.sparse.csr_array
        ``dim x dim`` matrix with ``J[n-1, n] = n``.
    """
    dim = _check_count(dim, "dim")
    n = np.arange(1, dim, dtype=float)
    return sp.csr_array(
        sp.coo_array((n, (np.arange(dim - 1), np.arange(1, dim))), shape=(dim, dim))
    )


def stationary_distribution(N: int, gamma_tau: ArrayLike) -> NDArray[np.float64]:
    """Closed-form stationary distribution, Eqs. 10-11 of Yuge et al. PRB 107, 165303 (2023)
    (``docs/cl_superbunching.md`` §1.3).

    ``P_0 = 1 / (1 + gamma_tau H_N)`` and ``P_n = gamma_tau P_0 / n`` for ``1 <= n <= N``
    (flux balance ``n P_n = gamma_tau P_0`` across every cut).

    Parameters
    ----------
    N : int
        Number of emitters excited together, ``>= 1``.
    gamma_tau : float or array_like
        Excitation rate times lifetime, ``> 0``.

    Returns
    -------
    numpy.ndarray
        Shape ``(N+1,)`` for scalar ``gamma_tau``, else ``gamma_tau.shape + (N+1,)``.
    """
    N = _check_count(N)
    g = _check_rate(gamma_tau)
    H = harmonic_number(N)
    P0 = 1.0 / (1.0 + g * H)
    n = np.arange(1, N + 1, dtype=float)
    rest = (g * P0)[..., None] / n
    return np.concatenate([P0[..., None], rest], axis=-1)


def stationary_distribution_numeric(N: int, gamma_tau: float) -> NDArray[np.float64]:
    """Stationary distribution as the normalised null vector of :func:`model1_generator`.

    Uses :func:`lightmatter.markov.stationary_state` (linear solve with one row replaced by the
    normalisation, ``docs/cl_superbunching.md`` §7 item 3). Numerical cross-check of Eqs. 10-11 of
    Yuge et al. PRB 107, 165303 (2023).

    Parameters
    ----------
    N : int
        Number of emitters, ``>= 1``.
    gamma_tau : float
        Excitation rate times lifetime, ``> 0`` (scalar).

    Returns
    -------
    numpy.ndarray
        ``P_n`` for ``n = 0..N``.
    """
    return markov.stationary_state(model1_generator(N, gamma_tau))


def mean_excited(N: int, gamma_tau: ArrayLike) -> FloatOrArray:
    """Mean number of excited emitters ``<n> = N gamma_tau / (1 + gamma_tau H_N)``, Eq. 12 of
    Yuge et al. PRB 107, 165303 (2023) (``docs/cl_superbunching.md`` §1.3). Proportional to the mean
    CL intensity.

    Vectorised over ``gamma_tau``.
    """
    N = _check_count(N)
    g = _check_rate(gamma_tau)
    H = harmonic_number(N)
    return _as_output(N * g / (1.0 + g * H))


def factorial_moment2(N: int, gamma_tau: ArrayLike) -> FloatOrArray:
    """Second factorial moment ``<n(n-1)> = N (N-1) gamma_tau / (2 (1 + gamma_tau H_N))``, Eq. 13
    of Yuge et al. PRB 107, 165303 (2023) (``docs/cl_superbunching.md`` §1.3). Vectorised over
    ``gamma_tau``.
    """
    N = _check_count(N)
    g = _check_rate(gamma_tau)
    H = harmonic_number(N)
    return _as_output(N * (N - 1) * g / (2.0 * (1.0 + g * H)))


def g2_zero(N: int, gamma_tau: ArrayLike) -> FloatOrArray:
    """Exact zero-delay correlation, Eq. 16 of Yuge et al. PRB 107, 165303 (2023):

    ``g2(0) = <n(n-1)> / <n>^2 = (N-1)(1 + gamma_tau H_N) / (2 N gamma_tau)``
    (``docs/cl_superbunching.md`` §1.5).

    ``N = 1`` gives exactly 0 (antibunching); for ``gamma_tau -> 0`` it grows like
    ``(N-1)/(2 N gamma_tau)`` (superbunching); for ``gamma_tau -> inf`` it tends to
    ``(N-1) H_N / (2N)``. Vectorised over ``gamma_tau``.
    """
    N = _check_count(N)
    g = _check_rate(gamma_tau)
    H = harmonic_number(N)
    return _as_output((N - 1) * (1.0 + g * H) / (2.0 * N * g))


def superbunching_threshold(N: int) -> float:
    """Excitation rate at which ``g2(0) = 2`` exactly (``docs/cl_superbunching.md`` §1.5; ASSUMED to
    be the paper's unnamed superbunching condition below Eq. 16 of Yuge et al. PRB 107, 165303
    (2023)).

    ``gamma_tau* = (N-1) / (4N - (N-1) H_N)``; superbunching (``g2(0) > 2``) holds for
    ``gamma_tau < gamma_tau*``.

    Returns
    -------
    float
        ``0.0`` for ``N = 1`` (``g2(0) = 0``: never superbunched); ``inf`` when
        ``(N-1) H_N >= 4N`` (``N >= 35``), where Eq. 16 exceeds 2 at every rate, including the
        unphysical large-rate limit outside Model 1's validity
        (``docs/cl_superbunching.md`` §7 item 6).
    """
    N = _check_count(N)
    if N == 1:
        return 0.0
    denom = 4.0 * N - (N - 1) * harmonic_number(N)
    if denom <= 0.0:
        return math.inf
    return (N - 1) / denom


# ---------------------------------------------------------------------------------------------
# time-dependent correlation
# ---------------------------------------------------------------------------------------------
def g2_delay(t_over_tau: ArrayLike, N: int, gamma_tau: float) -> FloatOrArray:
    """Exact ``g2(t)`` of Model 1 by the quantum regression theorem on the lumped generator
    (Eq. 14 with Eqs. 34-35 of Yuge et al. PRB 107, 165303 (2023); ``docs/cl_superbunching.md``
    §1.6).

    ``g2(t) = n . exp(W |t|) J P_ss / <n>^2`` with ``J`` the emission map
    (:func:`emission_jump`) and ``P_ss`` the closed form of Eqs. 10-11. The propagation uses
    :func:`lightmatter.markov.qrt_correlation` (``expm_multiply``); ``W`` is never diagonalised.
    ``g2(0)`` equals Eq. 16 and ``g2(t) -> 1`` for ``t -> inf``; ``g2`` is even in ``t``.

    Parameters
    ----------
    t_over_tau : float or array_like
        Delay in units of the radiative lifetime (any sign, any order).
    N : int
        Number of emitters excited together, ``>= 1``.
    gamma_tau : float
        Excitation rate times lifetime, ``> 0`` (scalar).

    Returns
    -------
    float or numpy.ndarray
        ``g2`` with the shape of ``t_over_tau``.
    """
    W = model1_generator(N, gamma_tau)
    return _qrt_g2(W, stationary_distribution(N, gamma_tau), t_over_tau)


def tau_eff(N: int, gamma_tau: ArrayLike) -> FloatOrArray:
    """Effective lifetime ``tau_eff / tau = 1 / (1 + N gamma_tau)``, Eq. 18 of Yuge et al.
    PRB 107, 165303 (2023) (form ASSUMED, ``docs/cl_superbunching.md`` §1.7): inverse of the
    first-order slowest decay rate of Eq. 41. Vectorised over ``gamma_tau``.
    """
    N = _check_count(N)
    g = _check_rate(gamma_tau)
    return _as_output(1.0 / (1.0 + N * g))


def g2_delay_approx(
    t_over_tau: ArrayLike, N: int, gamma_tau: float, lifetime: str = "effective"
) -> FloatOrArray:
    """Single-exponential approximation of ``g2(t)``, Eqs. 17-20 of Yuge et al. PRB 107, 165303
    (2023) (``docs/cl_superbunching.md`` §1.7; forms ASSUMED).

    ``g2(t) ≈ 1 + A exp(-|t| / tau_x)`` with ``A = g2(0) - 1`` from Eq. 16 (Eq. 19) and
    ``tau_x = tau_eff = tau / (1 + N gamma tau)`` (Eq. 17-18, ``lifetime="effective"``) or the bare
    ``tau_x = tau`` (Eq. 20, ``lifetime="bare"``; ASSUMED to keep the same ``A``).
    Valid for ``N^2 gamma_tau ≲ 0.5`` (Eq. 17); Eq. 20 additionally needs ``N gamma_tau << 1``.

    Parameters
    ----------
    t_over_tau : float or array_like
        Delay in units of tau.
    N : int
        Number of emitters, ``>= 1``.
    gamma_tau : float
        Excitation rate times lifetime, ``> 0`` (scalar).
    lifetime : {"effective", "bare"}
        Which decay time to use.

    Returns
    -------
    float or numpy.ndarray
        Approximate ``g2`` with the shape of ``t_over_tau``.
    """
    if lifetime == "effective":
        decay_time = tau_eff(N, _check_scalar_rate(gamma_tau))
    elif lifetime == "bare":
        _check_count(N)
        _check_scalar_rate(gamma_tau)
        decay_time = 1.0
    else:
        raise ValueError(
            f"lifetime must be 'effective' (Eq. 17) or 'bare' (Eq. 20), got {lifetime!r}"
        )
    t = _check_times(t_over_tau)
    A = g2_zero(N, gamma_tau) - 1.0
    return _as_output(1.0 + A * np.exp(-np.abs(t) / decay_time))


def g2_initial_slope(N: int, gamma_tau: ArrayLike) -> FloatOrArray:
    """Exact initial slope ``d g2 / d(t/tau)`` at ``t = 0+`` (``docs/cl_superbunching.md`` §1.6,
    derived from ``n^T W = -n^T / tau + N gamma e_0^T`` and
    ``J P_ss = gamma tau P_0 (1, ..., 1, 0)``):

    ``g2'(0+) = -g2(0) + (1 + gamma_tau H_N) / N``.

    It is shallower than the slope ``-A / tau_eff`` of Eq. 17 of Yuge et al. PRB 107, 165303
    (2023). Vectorised over ``gamma_tau``.
    """
    N = _check_count(N)
    g = _check_rate(gamma_tau)
    H = harmonic_number(N)
    g20 = (N - 1) * (1.0 + g * H) / (2.0 * N * g)
    return _as_output(-g20 + (1.0 + g * H) / N)


def first_order_rates(N: int, gamma_tau: float) -> NDArray[np.float64]:
    """First-order perturbative eigenvalues of ``W`` (units 1/tau), Eq. 41 of Yuge et al.
    PRB 107, 165303 (2023) (Appendix B, Eqs. 36-41 reconstructed; ``docs/cl_superbunching.md``
    §1.7):

    ``lambda_0 = 0``, ``lambda_k ≈ -k + (-1)^k binom(N, k) gamma_tau`` for ``k = 1..N``.

    These are eigenvalues (negative); the decay rates are ``-lambda_k``. The slowest,
    ``1 + N gamma_tau``, defines ``tau_eff`` (Eq. 18). Valid for ``gamma_tau << 1`` (in practice
    ``N^2 gamma_tau ≲ 0.5``; beyond that the slowest exact mode becomes a complex pair).

    Returns
    -------
    numpy.ndarray
        ``lambda_k`` for ``k = 0..N``.
    """
    N = _check_count(N)
    g = _check_scalar_rate(gamma_tau)
    k = np.arange(N + 1)
    binom = np.array([float(math.comb(N, int(j))) for j in k])
    lam = -k.astype(float) + np.where(k % 2 == 0, 1.0, -1.0) * binom * g
    lam[0] = 0.0
    return lam


def g2_bin_average(
    edges: ArrayLike, N: int, gamma_tau: float, order: int = 16
) -> NDArray[np.float64]:
    """Exact ``g2`` averaged over each delay bin ``[edges[i], edges[i+1])``
    (``docs/cl_superbunching.md`` §5).

    ``(1 / (b - a)) ∫_a^b g2(t) dt`` with ``g2`` from :func:`g2_delay` (QRT,
    ``docs/cl_superbunching.md`` §1.6), by Gauss-Legendre quadrature. A bin that straddles ``t = 0``
    is split at the cusp, and bins wider than about ``4 / r`` (``r = max(N, gamma_tau, 1)``, the
    fastest rate of ``W``) are subdivided, so each panel integrates an analytic function of modest
    variation. Compare this, not the bin-centre value, with an HBT histogram.

    Parameters
    ----------
    edges : array_like
        Strictly increasing, finite bin edges in units of tau (at least two).
    N : int
        Number of emitters, ``>= 1``.
    gamma_tau : float
        Excitation rate times lifetime, ``> 0`` (scalar).
    order : int
        Gauss-Legendre nodes per panel (default 16).

    Returns
    -------
    numpy.ndarray
        ``len(edges) - 1`` bin averages.
    """
    N = _check_count(N)
    g = _check_scalar_rate(gamma_tau)
    order = _check_count(order, "order")
    e = np.asarray(edges, dtype=float)
    if e.ndim != 1 or e.size < 2:
        raise ValueError("edges must be a 1-D array with at least two entries")
    if not np.all(np.isfinite(e)) or np.any(np.diff(e) <= 0):
        raise ValueError("edges must be finite and strictly increasing")
    x, w = np.polynomial.legendre.leggauss(order)
    rate = max(float(N), g, 1.0)
    nodes: list[NDArray[np.float64]] = []
    weights: list[NDArray[np.float64]] = []
    owner: list[NDArray[np.int64]] = []
    for i, (a, b) in enumerate(itertools.pairwise(e)):
        cuts = [a, 0.0, b] if a < 0.0 < b else [a, b]
        for lo, hi in itertools.pairwise(cuts):
            npanel = max(1, math.ceil((hi - lo) * rate / 4.0))
            sub = np.linspace(lo, hi, npanel + 1)
            for s0, s1 in itertools.pairwise(sub):
                half = 0.5 * (s1 - s0)
                nodes.append(0.5 * (s0 + s1) + half * x)
                weights.append(half * w)
                owner.append(np.full(order, i))
    t_all = np.concatenate(nodes)
    vals = np.asarray(g2_delay(t_all, N, g), dtype=float)
    integrals = np.bincount(np.concatenate(owner), weights=np.concatenate(weights) * vals)
    return integrals / np.diff(e)
