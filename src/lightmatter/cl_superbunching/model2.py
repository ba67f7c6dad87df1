"""Model 2 of CL superbunching: binomially distributed subsets of M emitters excited per electron.

Implements Sec. IV and Supplemental Sec. S II of Yuge, Yamamoto, Sannomiya, Akiba, Phys. Rev. B
107, 165303 (2023) (Eqs. 21-24, S1), as reconstructed in
``docs/cl_superbunching.md`` §2. Time unit: the radiative lifetime ``tau = 1``.

For every subset S of the M emitters with ``|S| = k >= 1`` there is a Lindblad operator
``sqrt(gamma_k) prod_{j in S} sigma_j^+`` with ``gamma_k = gamma' p^k (1-p)^(M-k)`` (Eq. 21);
``gamma'`` is the electron rate (including electrons that excite nothing) and ``p`` the probability
that one electron excites a given emitter. The lumped populations obey a classical chain
(``docs/cl_superbunching.md`` §2.2): ``n -> n+k`` at rate ``gamma_k binom(M-n, k)`` and ``n -> n-1``
at rate ``n``. There is no closed form for the stationary state; it is solved numerically with
:func:`lightmatter.markov.stationary_state`.
"""

from __future__ import annotations

import math

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike, NDArray
from scipy.special import gammaln

from lightmatter import markov
from lightmatter.cl_superbunching import model1
from lightmatter.cl_superbunching.model1 import (
    FloatOrArray,
    _as_output,
    _check_count,
    _check_rate,
    _check_scalar_rate,
    _qrt_g2,
)

__all__ = [
    "COMPARED_QUANTITIES",
    "binomial_relative_fluctuation",
    "compare_with_model1",
    "model1_equivalent",
    "model2_g2_delay",
    "model2_g2_zero_large_rate_limit",
    "model2_generator",
    "model2_moments",
    "model2_rates",
    "model2_stationary",
    "pl_g2_zero",
    "pl_generator",
    "small_rate_relative_difference",
]

#: The stationary quantities compared between Models 1 and 2 (Figs. S1-S3) and Models 2 and 3
#: (Fig. S6): ``<n>`` (~ <I>), ``<n(n-1)>`` (~ <:I^2:>) and ``g2(0)``.
COMPARED_QUANTITIES = ("mean_n", "factorial_moment2", "g2_zero")


def _check_probability(p: object) -> float:
    """Return ``p`` as a float in (0, 1], or raise ``ValueError``."""
    if isinstance(p, bool | np.bool_):
        raise ValueError(f"p must be a number in (0, 1], got the bool {p!r}")
    try:
        pf = float(p)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ValueError(f"p must be a number in (0, 1], got {p!r}") from exc
    if not math.isfinite(pf) or not 0.0 < pf <= 1.0:
        raise ValueError(f"p (single-emitter excitation probability) must lie in (0, 1], got {p!r}")
    return pf


def _log_binom(n: NDArray[np.float64], k: NDArray[np.float64]) -> NDArray[np.float64]:
    """``log binom(n, k)`` for ``0 <= k <= n`` (elementwise)."""
    return gammaln(n + 1.0) - gammaln(k + 1.0) - gammaln(n - k + 1.0)


def model2_rates(M: int, p: float, gamma_prime_tau: float) -> NDArray[np.float64]:
    """Per-subset excitation rates ``gamma_k tau = gamma'tau p^k (1-p)^(M-k)``, Eq. 21 of Yuge
    et al. PRB 107, 165303 (2023) (``docs/cl_superbunching.md`` §2.1).

    The ``k = 0`` entry is set to 0: it would be the identity operator and is omitted
    (``docs/cl_superbunching.md`` §7 item 7). ``sum_k binom(M, k) gamma_k`` over ``k >= 0`` equals
    ``gamma'`` (the electron rate).

    Parameters
    ----------
    M : int
        Total number of emitters in the excited region, ``>= 1``.
    p : float
        Probability that one electron excites a given emitter, in ``(0, 1]``.
    gamma_prime_tau : float
        Electron rate times lifetime, ``> 0``.

    Returns
    -------
    numpy.ndarray
        ``gamma_k tau`` for ``k = 0..M``.
    """
    log_rates = _log_model2_rates(M, p, gamma_prime_tau)
    return np.exp(log_rates)


def _log_model2_rates(M: int, p: float, gamma_prime_tau: float) -> NDArray[np.float64]:
    """``log(gamma_k tau)`` of Eq. 21 for ``k = 0..M`` (``-inf`` where the rate is zero).

    Log space keeps ``gamma_k binom(M-n, k)`` finite for large M, where ``p^k (1-p)^(M-k)``
    alone underflows.
    """
    M = _check_count(M, "M")
    p = _check_probability(p)
    g = _check_scalar_rate(gamma_prime_tau, "gamma_prime_tau")
    k = np.arange(M + 1, dtype=float)
    log_q = math.log1p(-p) if p < 1.0 else -math.inf
    # p^k (1-p)^(M-k); with p = 1 only k = M survives (0^0 = 1).
    with np.errstate(invalid="ignore"):
        expo = np.where(M - k > 0, (M - k) * log_q, 0.0)
    out = math.log(g) + k * math.log(p) + expo
    out[0] = -math.inf
    return out


def model2_generator(M: int, p: float, gamma_prime_tau: float) -> sp.csr_array:
    """Lumped generator of Model 2 (``docs/cl_superbunching.md`` §2.2; Suppl. Sec. S II of Yuge et
    al. PRB 107, 165303 (2023)).

    ``W[n+k, n] = gamma_k binom(M-n, k)`` for ``1 <= k <= M-n`` (any k-subset of the ``M-n``
    ground-state emitters; a subset containing an excited emitter is annihilated by the operator),
    ``W[n-1, n] = n`` (radiative decay, tau = 1), diagonal = minus the column sums. Column
    convention. The total excitation rate out of ``n`` is ``gamma' (1-p)^n [1 - (1-p)^(M-n)]``.

    Parameters
    ----------
    M : int
        Total number of emitters, ``>= 1``.
    p : float
        Single-emitter excitation probability, ``(0, 1]``.
    gamma_prime_tau : float
        Electron rate times lifetime, ``> 0``.

    Returns
    -------
    scipy.sparse.csr_array
        ``(M+1) x (M+1)`` rate matrix.
    """
    log_rates = _log_model2_rates(M, p, gamma_prime_tau)
    M = len(log_rates) - 1
    n_idx, k_idx = np.meshgrid(np.arange(M + 1), np.arange(1, M + 1), indexing="ij")
    mask = k_idx <= M - n_idx
    n_up = n_idx[mask].astype(float)
    k_up = k_idx[mask]
    # gamma_k binom(M-n, k), with binom in log space to stay finite for large M
    up = np.exp(log_rates[k_up] + _log_binom(M - n_up, k_up.astype(float)))
    src = n_idx[mask]
    dst = src + k_up
    keep = up > 0.0
    W = np.zeros((M + 1, M + 1))
    W[dst[keep], src[keep]] = up[keep]
    ns = np.arange(1, M + 1)
    W[ns - 1, ns] = ns.astype(float)
    W[np.arange(M + 1), np.arange(M + 1)] = -W.sum(axis=0)
    return sp.csr_array(W)


def model2_stationary(M: int, p: float, gamma_prime_tau: float) -> NDArray[np.float64]:
    """Stationary distribution ``P_n`` (n = 0..M) of Model 2, solved numerically by
    :func:`lightmatter.markov.stationary_state` (``docs/cl_superbunching.md`` §2.2: no closed form
    exists).
    """
    return markov.stationary_state(model2_generator(M, p, gamma_prime_tau))


def model2_moments(M: int, p: float, gamma_prime_tau: ArrayLike) -> dict[str, FloatOrArray]:
    """Stationary moments of Model 2 (Suppl. Fig. S1 quantities of Yuge et al. PRB 107, 165303
    (2023); ``docs/cl_superbunching.md`` §2).

    Parameters
    ----------
    M : int
        Total number of emitters, ``>= 1``.
    p : float
        Single-emitter excitation probability, ``(0, 1]``.
    gamma_prime_tau : float or array_like
        Electron rate(s) times lifetime, ``> 0``; vectorised (one linear solve per value).

    Returns
    -------
    dict
        ``mean_n`` (``<n>``, proportional to ``<I>``), ``factorial_moment2`` (``<n(n-1)>``,
        proportional to ``<:I^2:>``) and ``g2_zero`` (``<n(n-1)> / <n>^2``), each with the
        shape of ``gamma_prime_tau`` (floats for a scalar).
    """
    M = _check_count(M, "M")
    p = _check_probability(p)
    g = _check_rate(gamma_prime_tau, "gamma_prime_tau")
    n = np.arange(M + 1, dtype=float)
    mean = np.empty(g.shape)
    fm2 = np.empty(g.shape)
    for idx, val in np.ndenumerate(g):
        P = model2_stationary(M, p, float(val))
        mean[idx] = n @ P
        fm2[idx] = (n * (n - 1.0)) @ P
    return {
        "mean_n": _as_output(mean),
        "factorial_moment2": _as_output(fm2),
        "g2_zero": _as_output(fm2 / mean**2),
    }


def model2_g2_delay(
    t_over_tau: ArrayLike, M: int, p: float, gamma_prime_tau: float
) -> FloatOrArray:
    """Exact ``g2(t)`` of Model 2 by the quantum regression theorem on the lumped generator
    (``docs/cl_superbunching.md`` §1.6 applied to §2.2): ``n . exp(W|t|) J P_ss / <n>^2``, with the
    numerical stationary state and the same emission map as Model 1. Vectorised over ``t_over_tau``.
    """
    W = model2_generator(M, p, gamma_prime_tau)
    return _qrt_g2(W, markov.stationary_state(W), t_over_tau)


def model1_equivalent(M: int, p: float, gamma_prime_tau: float = 1.0) -> tuple[float, float]:
    """Model-1 parameters that mimic Model 2, Eqs. 22-23 of Yuge et al. PRB 107, 165303 (2023)
    (forms ASSUMED, ``docs/cl_superbunching.md`` §2.3).

    ``N = <k> = M p`` (Eq. 22) and, from equal excitation flux ``N gamma = gamma' M p``,
    ``gamma = gamma'`` (Eq. 23).

    Returns
    -------
    (float, float)
        ``(N, gamma_tau)``. ``N`` is a float and need not be an integer; Model 1 functions
        accept it only when it is integral. With the default ``gamma_prime_tau = 1`` the second
        entry is the ratio ``gamma / gamma' = 1``.
    """
    M = _check_count(M, "M")
    p = _check_probability(p)
    g = _check_scalar_rate(gamma_prime_tau, "gamma_prime_tau")
    return M * p, g


def binomial_relative_fluctuation(M: int, p: float) -> float:
    """Relative fluctuation of the number of emitters excited per electron,
    ``sqrt(Var k) / <k> = sqrt((1-p) / (M p))``, Eq. 24 of Yuge et al. PRB 107, 165303 (2023)
    (form ASSUMED, ``docs/cl_superbunching.md`` §2.3). Model 1 approximates Model 2 when it is
    small.
    """
    M = _check_count(M, "M")
    p = _check_probability(p)
    return math.sqrt((1.0 - p) / (M * p))


def pl_g2_zero(M: int) -> float:
    """``g2(0) = 1 - 1/M`` of M independently excited emitters (photoluminescence, Eq. S1 of the
    Supplement of Yuge et al. PRB 107, 165303 (2023); ``docs/cl_superbunching.md`` §2.4).

    The same value is the large-rate limit ``gamma' tau -> inf`` of Model 2 (all M emitters
    excited: photon Fock state ``|M>``), see :func:`model2_g2_zero_large_rate_limit`.
    """
    M = _check_count(M, "M")
    return 1.0 - 1.0 / M


def model2_g2_zero_large_rate_limit(M: int) -> float:
    """Large-rate limit of Model 2's ``g2(0)``: ``1 - 1/M`` (Suppl. Sec. S II B and Fig. S4 of
    Yuge et al. PRB 107, 165303 (2023); ``docs/cl_superbunching.md`` §2.4). Equal to
    :func:`pl_g2_zero`. The approach is slow and non-monotonic (a dip below ``1 - 1/M`` for
    ``M >= 10``).
    """
    return pl_g2_zero(M)


def pl_generator(M: int, gamma_pl_tau: float) -> sp.csr_array:
    """Lumped generator of the photoluminescence comparison model, Eq. S1 of the Supplement of
    Yuge et al. PRB 107, 165303 (2023) (``docs/cl_superbunching.md`` §2.4): independent Lindblad
    operators ``sqrt(gamma_PL) sigma_j^+`` on each of the M emitters.

    ``n -> n+1`` at rate ``gamma_PL (M - n)``, ``n -> n-1`` at rate ``n`` (tau = 1). Its stationary
    state is binomial with ``q = gamma_PL tau / (1 + gamma_PL tau)``, so ``g2(0) = 1 - 1/M`` at
    every rate.
    """
    M = _check_count(M, "M")
    g = _check_scalar_rate(gamma_pl_tau, "gamma_pl_tau")
    n = np.arange(M + 1, dtype=float)
    up = g * (M - n[:-1])
    down = n[1:]
    diag = -(g * (M - n) + n)
    return sp.csr_array(sp.diags_array([down, diag, up], offsets=[1, 0, -1]))


def compare_with_model1(
    M: int, p: float, N: int, gamma_tau: ArrayLike
) -> dict[str, NDArray[np.float64]]:
    """Model 2 against its Model-1 equivalent: the quantities of Suppl. Figs. S1-S3 of Yuge et al.
    PRB 107, 165303 (2023) (``docs/cl_superbunching.md`` §2.3).

    Model 2 with ``M`` emitters, single-emitter probability ``p`` and electron rate
    ``gamma' = gamma`` (Eq. 23) is compared with Model 1 with ``N = M p`` emitters (Eq. 22) at the
    same ``gamma tau``.

    Parameters
    ----------
    M, p
        Model 2 parameters.
    N
        Model 1 emitter number; must equal ``M p`` (Eq. 22) to 1e-9 relative. It is passed
        separately so that an integer ``N`` and the ``p`` of the caller are used as given.
    gamma_tau
        Excitation rate(s) ``gamma tau = gamma' tau``; vectorised.

    Returns
    -------
    dict
        For ``Q`` in :data:`COMPARED_QUANTITIES`: ``Q_model1``, ``Q_model2`` and
        ``reldiff_Q = (Q_2 - Q_1) / Q_1``, arrays of the shape of ``gamma_tau``. The relative
        difference is NaN where ``Q_1 = 0`` (``N = 1``: Model 1 has ``<n(n-1)> = g2(0) = 0``).
    """
    if abs(N - M * p) > 1e-9 * max(1.0, abs(N)):
        raise ValueError(f"N = {N} must equal M p = {M * p} (Eq. 22)")
    g = np.asarray(gamma_tau, dtype=float)
    m2 = model2_moments(M, p, g)
    out = {
        "mean_n_model1": np.asarray(model1.mean_excited(N, g)),
        "mean_n_model2": np.asarray(m2["mean_n"]),
        "factorial_moment2_model1": np.asarray(model1.factorial_moment2(N, g)),
        "factorial_moment2_model2": np.asarray(m2["factorial_moment2"]),
        "g2_zero_model1": np.asarray(model1.g2_zero(N, g)),
        "g2_zero_model2": np.asarray(m2["g2_zero"]),
    }
    for q in COMPARED_QUANTITIES:
        q1, q2 = out[f"{q}_model1"], out[f"{q}_model2"]
        with np.errstate(divide="ignore", invalid="ignore"):
            out[f"reldiff_{q}"] = np.where(q1 != 0.0, (q2 - q1) / q1, np.nan)
    return out


def small_rate_relative_difference(N: ArrayLike, p: ArrayLike) -> NDArray[np.float64]:
    """Small-``gamma tau`` limit ``(1 - p) / (N - 1)`` of the Model 2 vs Model 1 relative
    difference of ``g2(0)`` and of ``<n(n-1)>`` (``docs/cl_superbunching.md`` §2.3, derived there;
    Suppl. Figs. S2-S3 of Yuge et al. PRB 107, 165303 (2023)).

    ``N = M p`` (Eq. 22) and ``p`` broadcast together. At fixed ``p`` it falls like
    ``(1 - p) / (M p - 1)`` with ``M``. NaN for ``N <= 1`` (Model 1's ``g2(0) = 0`` at
    ``N = 1``: the relative difference is undefined).
    """
    n = np.asarray(N, dtype=float)
    q = np.asarray(p, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(n > 1.0, (1.0 - q) / (n - 1.0), np.nan)
