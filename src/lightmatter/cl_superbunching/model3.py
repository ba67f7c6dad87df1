"""Model 3 of Yuge et al., PRB 107, 165303 (2023), Suppl. S III: the semi-microscopic noise model.

**This module is a reconstruction, not the paper's Model 3.** The paper expands the
Nakajima-Zwanzig equation in powers of the noise strength, truncates the multi-emitter series
(coefficients ``c_m`` of Eq. S45) at an order that was lost in extraction, and fits Model 2 to
the result (Eq. S16). The truncated coefficients, the truncation order, ``kappa tau_c``, ``M``,
the fit point and the fitted ``(p, gamma')`` are all lost, so Figs. S6(a)-(e) cannot be
reproduced exactly. What is implemented here is the computable *kick-limit* model of
``docs/cl_superbunching.md`` §3.2 (an ASSUMED model choice):

* an electron arrives at rate ``r`` (random telegraph noise ``R(t)``, Eqs. S5-S7, with
  ``r tau_c << 1`` and ``tau_c << tau``) and stays for a time ``T ~ Exp(tau_c)``;
* during the pulse every emitter ``j`` evolves under ``xi_j(t) sigma^+_j + h.c.``, with ``xi_j`` a
  circular complex Gaussian Ornstein-Uhlenbeck noise, ``<xi_j(t) xi_k^*(s)> =
  delta_jk kappa^2 exp(-|t-s|/tau_c)`` (Eqs. S8-S10);
* for fixed ``T`` the noise-averaged channel flips every emitter independently, **up or down**,
  with probability ``p(T) = E_xi |U_eg(T)|^2`` (``docs/cl_superbunching.md`` §3.2 items 1-3); the
  common ``T`` correlates the flips after averaging over ``T`` (over-dispersion,
  ``E[p^2] > E[p]^2``);
* lumped master equation (``docs/cl_superbunching.md`` §3.2 item 5)::

      W = W_rad + r (K - 1),
      K[n - a + b, n] = E_T[ binom(n, a) binom(M - n, b) p^(a+b) (1 - p)^(M - a - b) ].

Electron-induced down-flips are *not* photons (``docs/cl_superbunching.md`` §7 item 9); only
``W_rad`` emits.

Units: the radiative lifetime ``tau = 1``; ``rate_tau = r tau``; the noise parameters enter
only through the dimensionless ``kappa tau_c`` and ``T / tau_c`` (kick limit ``tau_c -> 0``).
Generators use the column convention of :mod:`lightmatter.markov` (``W[m, n]`` = rate n -> m).
"""

from __future__ import annotations

import functools
import itertools
import math
import numbers
from collections.abc import Mapping
from typing import Literal

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike, NDArray
from scipy import integrate, optimize
from scipy.special import gammaln

from lightmatter.cl_superbunching.model2 import (
    COMPARED_QUANTITIES,
    model2_moments,
    model2_stationary,
)
from lightmatter.markov import stationary_state

FlipLaw = Literal["weak_clipped", "monte_carlo"]

__all__ = [
    "FlipLaw",
    "compare_fitted_model2",
    "fit_model2_to_model3",
    "flip_moments",
    "flip_probability",
    "flip_raw_moment",
    "frobenius_decomposition",
    "frobenius_distance",
    "model2_electron_rate",
    "model3_electron_kernel",
    "model3_generator",
    "model3_moments",
    "model3_stationary",
    "moments_from_distribution",
]

#: Default number of noise realisations for the Monte Carlo flip law.
DEFAULT_MC_SAMPLES = 4000
#: Default number of Gauss-Laguerre nodes for T-averages with the Monte Carlo flip law.
DEFAULT_MC_NODES = 40


# --------------------------------------------------------------------------------------------
# Flip law p(T)
# --------------------------------------------------------------------------------------------
def _f_weak(x: ArrayLike) -> NDArray[np.float64]:
    """``f(x) = x - 1 + exp(-x)``, accurate for small ``x`` (``docs/cl_superbunching.md`` §3.2
    item 4)."""
    x = np.asarray(x, dtype=float)
    series = x**2 / 2 - x**3 / 6 + x**4 / 24 - x**5 / 120
    return np.where(x < 1e-3, series, x + np.expm1(-x))


def _weak_clipped(x: NDArray[np.float64], kappa_tau_c: float) -> NDArray[np.float64]:
    return np.minimum(2.0 * kappa_tau_c**2 * _f_weak(x), 0.5)


def _clip_point(kappa_tau_c: float) -> float:
    """Pulse length ``x* = T*/tau_c`` at which the weak law reaches 1/2: ``f(x*) = 1/(4 k^2)``."""
    target = 1.0 / (4.0 * kappa_tau_c**2)
    # f is increasing, f(x) >= x - 1 and f(x) <= x, so x* lies in [target, target + 1].
    return float(
        optimize.brentq(
            lambda x: float(_f_weak(np.array(x))) - target,
            target,
            target + 1.0,
            xtol=1e-14,
            rtol=4 * np.finfo(float).eps,
        )
    )


def _mc_flip(
    T_over_tau_c: NDArray[np.float64],
    kappa_tau_c: float,
    rng: np.random.Generator,
    n_samples: int,
    max_step: float | None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Monte Carlo ``E_xi |U_eg(T)|^2`` and its standard error at every requested ``T``.

    Time unit ``tau_c``; ``xi`` is measured in units of ``1/tau_c`` so its stationary variance
    is ``E|xi|^2 = (kappa tau_c)^2``. The OU process is sampled exactly on the grid
    (``xi' = xi e^{-dt} + sqrt(1 - e^{-2 dt}) * kappa * (N1 + i N2)/sqrt(2)``); on each step
    the Hamiltonian ``H = xi sigma^+ + xi^* sigma^-`` is frozen at the mean of the end-point
    values and exponentiated exactly, ``exp(-i H dt) = cos(|xi| dt) - i sin(|xi| dt) H/|xi|``.
    The global error is ``O(dt^2)``; the default step is ``min(tau_c/50, 0.05/kappa)``.
    """
    k = float(kappa_tau_c)
    T = np.asarray(T_over_tau_c, dtype=float)
    flat = T.ravel()
    order = np.argsort(flat, kind="stable")
    dt_max = max_step if max_step is not None else min(1.0 / 50.0, 0.05 / max(k, 1e-300))
    # amplitudes (c_e, c_g) starting in |g>
    ce = np.zeros(n_samples, dtype=complex)
    cg = np.ones(n_samples, dtype=complex)
    xi = k * (rng.standard_normal(n_samples) + 1j * rng.standard_normal(n_samples)) / math.sqrt(2)
    mean = np.empty(flat.size)
    err = np.empty(flat.size)
    t_now = 0.0
    for idx in order:
        interval = flat[idx] - t_now
        if interval < 0:
            raise ValueError("pulse lengths must be >= 0")
        n_sub = math.ceil(interval / dt_max) if interval > 0 else 0
        if n_sub:
            dt = interval / n_sub
            decay = math.exp(-dt)
            kick = k * math.sqrt(-math.expm1(-2.0 * dt) / 2.0)
            for _ in range(n_sub):
                xi_new = xi * decay + kick * (
                    rng.standard_normal(n_samples) + 1j * rng.standard_normal(n_samples)
                )
                h = 0.5 * (xi + xi_new)  # H = h sigma^+ + h^* sigma^-  (basis order e, g)
                a = np.abs(h)
                c = np.cos(a * dt)
                s = np.sinc(a * dt / np.pi) * dt  # sin(a dt)/a, finite at a = 0
                ce, cg = c * ce - 1j * s * h * cg, c * cg - 1j * s * np.conj(h) * ce
                xi = xi_new
            t_now = flat[idx]
        w = np.abs(ce) ** 2
        mean[idx] = w.mean()
        err[idx] = w.std(ddof=1) / math.sqrt(n_samples) if n_samples > 1 else np.nan
    return mean.reshape(T.shape), err.reshape(T.shape)


def flip_probability(
    T_over_tau_c: ArrayLike,
    kappa_tau_c: float,
    law: FlipLaw = "weak_clipped",
    rng: np.random.Generator | int | None = None,
    n_samples: int = DEFAULT_MC_SAMPLES,
    *,
    max_step: float | None = None,
    return_error: bool = False,
) -> NDArray[np.float64] | tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Single-emitter flip probability ``p(T)`` of one electron pulse of length ``T``.

    ``docs/cl_superbunching.md`` §3.2 items 1-4 (ASSUMED kick-limit reconstruction of Suppl. S III
    of Yuge et al. PRB 107, 165303 (2023); the paper's own expansion, Eqs. S12-S15, S45, is lost).
    By item 1 the same ``p(T)`` applies to up- and down-flips.

    Parameters
    ----------
    T_over_tau_c
        Pulse length(s) ``T / tau_c`` (array-like, >= 0).
    kappa_tau_c
        Noise strength ``kappa tau_c`` (Eq. S10; the seed only calls it "a positive constant").
    law
        ``"weak_clipped"``: second-order (weak-noise) law
        ``p = 2 (kappa tau_c)^2 f(T/tau_c)``, ``f(x) = x - 1 + e^{-x}``, clipped at 1/2
        (``docs/cl_superbunching.md`` §7 item 9). Good to ~2 % for ``p <~ 0.02``; fails beyond ~0.1.
        ``"monte_carlo"``: ``E_xi |U_eg(T)|^2`` from ``n_samples`` realisations of the exact
        SU(2) evolution under circular complex OU noise (see :func:`_mc_flip`). All requested
        ``T`` are evaluated along the same noise paths.
    rng
        Seeded generator or integer seed, required for ``"monte_carlo"`` (``ValueError`` if
        ``None``: there is no hidden default seed); ignored by the weak law.
    n_samples
        Number of noise realisations (``"monte_carlo"`` only).
    max_step
        Largest integration step in units of ``tau_c`` (``"monte_carlo"`` only).
    return_error
        Also return the Monte Carlo standard error (zeros for the weak law).

    Returns
    -------
    ndarray
        ``p(T)`` with the shape of ``T_over_tau_c`` (and its standard error if requested).
    """
    x = np.asarray(T_over_tau_c, dtype=float)
    if np.any(x < 0) or not np.all(np.isfinite(x)):
        raise ValueError("T/tau_c must be finite and >= 0")
    if kappa_tau_c < 0:
        raise ValueError("kappa_tau_c must be >= 0")
    if law == "weak_clipped":
        p = _weak_clipped(x, kappa_tau_c)
        return (p, np.zeros_like(p)) if return_error else p
    if law == "monte_carlo":
        if rng is None:
            raise ValueError(
                "the monte_carlo flip law needs rng (a seeded numpy Generator or an integer seed)"
            )
        gen = np.random.default_rng(rng)
        p, e = _mc_flip(x, kappa_tau_c, gen, int(n_samples), max_step)
        return (p, e) if return_error else p
    raise ValueError(f"unknown flip law {law!r}")


# --------------------------------------------------------------------------------------------
# T-averages, T ~ Exp(tau_c)
# --------------------------------------------------------------------------------------------
def _weak_clipped_average(kappa_tau_c: float, g) -> float:
    """``E_T[g(p(T))]`` for the clipped weak law with ``T/tau_c = x ~ Exp(1)``.

    ``int_0^{x*} g(p(x)) e^{-x} dx`` by adaptive quadrature (``scipy.integrate.quad``, absolute
    tolerance 0, relative tolerance 1e-12, on the panels ``[0, 1, 5, 15, 40, 100, 300, 1000]``
    cut at ``x*``: large powers of ``p`` are dominated by long pulses, so the tail matters) plus
    the exact contribution ``g(1/2) e^{-x*}`` above the clipping point ``x*``. Checked against
    a 160,000-node composite Gauss-Legendre rule: agreement to machine precision for
    ``kappa tau_c`` in [0.02, 1] and ``M`` up to 20.
    """
    k = float(kappa_tau_c)
    if k == 0.0:
        return float(g(0.0))
    xs = _clip_point(k)

    def integrand(x: float) -> float:
        return float(g(min(2.0 * k * k * float(_f_weak(np.array(x))), 0.5))) * math.exp(-x)

    total = 0.0
    cuts = [0.0, 1.0, 5.0, 15.0, 40.0, 100.0, 300.0, 1000.0]
    pts = [c for c in cuts if c < xs] + [xs]
    for a, b in itertools.pairwise(pts):
        val, _ = integrate.quad(integrand, a, b, epsabs=0.0, epsrel=1e-12, limit=400)
        total += val
    return total + float(g(0.5)) * math.exp(-xs)


@functools.lru_cache(maxsize=64)
def _mc_nodes_cached(
    kappa_tau_c: float, seed: int, n_samples: int, n_nodes: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    x, w = np.polynomial.laguerre.laggauss(n_nodes)
    p = flip_probability(x, kappa_tau_c, "monte_carlo", rng=seed, n_samples=n_samples)
    p = np.clip(np.asarray(p, dtype=float), 0.0, 1.0)
    p.setflags(write=False)
    w.setflags(write=False)
    return p, w


def _mc_nodes(
    kappa_tau_c: float,
    rng: np.random.Generator | int | None,
    n_samples: int,
    n_nodes: int,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Monte Carlo ``p`` at the ``n_nodes`` Gauss-Laguerre nodes, with the quadrature weights.

    Results for an integer seed are cached, so repeated calls with the same parameters are cheap
    and mutually consistent. ``rng=None`` raises ``ValueError`` (no hidden default seed).
    """
    if rng is None:
        raise ValueError(
            "the monte_carlo flip law needs rng (a seeded numpy Generator or an integer seed)"
        )
    if isinstance(rng, numbers.Integral):
        return _mc_nodes_cached(float(kappa_tau_c), int(rng), int(n_samples), int(n_nodes))
    x, w = np.polynomial.laguerre.laggauss(n_nodes)
    p = flip_probability(x, kappa_tau_c, "monte_carlo", rng=rng, n_samples=n_samples)
    return np.clip(np.asarray(p, dtype=float), 0.0, 1.0), w


def flip_raw_moment(
    kappa_tau_c: float,
    power: int,
    law: FlipLaw = "weak_clipped",
    *,
    rng: np.random.Generator | int | None = None,
    n_samples: int = DEFAULT_MC_SAMPLES,
    n_nodes: int = DEFAULT_MC_NODES,
) -> float:
    """Raw moment ``E_T[p(T)^power]`` with ``T ~ Exp(tau_c)``
    (``docs/cl_superbunching.md`` §3.2 item 4).

    For the weak law (unclipped) ``E_T p = (kappa tau_c)^2`` and
    ``E_T p^2 = (10/3) (kappa tau_c)^4``. Quadrature as in :func:`flip_moments`.
    """
    if law == "weak_clipped":
        return _weak_clipped_average(kappa_tau_c, lambda p: p**power)
    if law == "monte_carlo":
        p, w = _mc_nodes(kappa_tau_c, rng, n_samples, n_nodes)
        return float(np.sum(w * p**power))
    raise ValueError(f"unknown flip law {law!r}")


def flip_moments(
    kappa_tau_c: float,
    M: int,
    law: FlipLaw = "weak_clipped",
    *,
    rng: np.random.Generator | int | None = None,
    n_samples: int = DEFAULT_MC_SAMPLES,
    n_nodes: int = DEFAULT_MC_NODES,
) -> dict[str, float | NDArray[np.float64]]:
    """T-averages of the flip law with ``T ~ Exp(tau_c)`` needed by Model 3
    (``docs/cl_superbunching.md`` §3.2).

    ASSUMED kick-limit reconstruction; the paper's truncated coefficients ``c_m`` (Eq. S45 of
    Yuge et al. PRB 107, 165303 (2023)) are different objects and are lost.

    Returns
    -------
    dict
        ``configuration_weights``: ``c_j = E_T[p^j (1 - p)^(M - j)]``, ``j = 0..M``, the
        probability that one electron flips a *given* set of ``j`` emitters and no other
        (``sum_j binom(M, j) c_j = 1``). It is the only input of the lumped Model 3 (item 5) and
        gives the small-``r`` Model 2 rates ``gamma_k^(3) = r c_k`` (item 6).
        ``mean_p`` = ``E_T p``, ``mean_p2`` = ``E_T p^2`` (over-dispersion: ``mean_p2 >
        mean_p**2``), ``M``, ``kappa_tau_c``, ``law``.

    Notes
    -----
    Quadrature over ``T``:

    * ``"weak_clipped"``: the integrand has a kink at the clipping point ``x*``
      (``2 (kappa tau_c)^2 f(x*) = 1/2``), where Gauss-Laguerre would converge slowly. We use
      adaptive ``scipy.integrate.quad`` on ``[0, x*]`` (split into sub-intervals, relative
      tolerance 1e-12 and no absolute tolerance, so tiny high-order weights stay accurate) plus
      the exact tail ``g(1/2) e^{-x*}``. Accuracy ~1e-12 relative.
    * ``"monte_carlo"``: ``p(T)`` is estimated once at ``n_nodes`` Gauss-Laguerre nodes (along
      the same noise paths, seeded; cached for integer seeds) and every average uses the same
      node values, so ``sum_j binom(M, j) c_j = 1`` holds exactly. Accuracy is limited by the
      Monte Carlo error of ``p`` (relative ``~1/sqrt(n_samples)`` at small ``p``).
    """
    if M < 1:
        raise ValueError("M must be >= 1")
    js = np.arange(M + 1)
    if law == "weak_clipped":
        c = np.array(
            [
                _weak_clipped_average(kappa_tau_c, lambda p, j=j: p**j * (1.0 - p) ** (M - j))
                for j in js
            ]
        )
        mean_p = _weak_clipped_average(kappa_tau_c, lambda p: p)
        mean_p2 = _weak_clipped_average(kappa_tau_c, lambda p: p * p)
    elif law == "monte_carlo":
        p, w = _mc_nodes(kappa_tau_c, rng, n_samples, n_nodes)
        c = np.array([np.sum(w * p**j * (1.0 - p) ** (M - j)) for j in js])
        mean_p = float(np.sum(w * p))
        mean_p2 = float(np.sum(w * p * p))
    else:
        raise ValueError(f"unknown flip law {law!r}")
    return {
        "configuration_weights": c,
        "mean_p": float(mean_p),
        "mean_p2": float(mean_p2),
        "M": int(M),
        "kappa_tau_c": float(kappa_tau_c),
        "law": law,
    }


def _weights(
    M: int,
    kappa_tau_c: float,
    law: FlipLaw,
    moments: ArrayLike | Mapping | None,
    law_kwargs: Mapping,
) -> NDArray[np.float64]:
    """Configuration weights ``c_j`` from ``moments`` (dict or array) or by computing them."""
    if moments is None:
        moments = flip_moments(kappa_tau_c, M, law, **law_kwargs)
    if isinstance(moments, Mapping):
        moments = moments["configuration_weights"]
    c = np.asarray(moments, dtype=float)
    if c.shape != (M + 1,):
        raise ValueError(f"configuration weights must have length M + 1 = {M + 1}")
    return c


# --------------------------------------------------------------------------------------------
# Lumped generator
# --------------------------------------------------------------------------------------------
def _log_binom(n: NDArray, k: NDArray) -> NDArray[np.float64]:
    return gammaln(n + 1.0) - gammaln(k + 1.0) - gammaln(n - k + 1.0)


def model3_electron_kernel(
    M: int,
    kappa_tau_c: float,
    law: FlipLaw = "weak_clipped",
    *,
    moments: ArrayLike | Mapping | None = None,
    **law_kwargs,
) -> NDArray[np.float64]:
    """Column-stochastic single-electron kernel ``K`` (``docs/cl_superbunching.md`` §3.2 item 5).

    ``K[n - a + b, n] = sum_{a, b} binom(n, a) binom(M - n, b) c_{a + b}`` with
    ``c_j = E_T[p^j (1 - p)^(M - j)]`` from :func:`flip_moments` (``a`` excited emitters flip
    down, ``b`` ground emitters flip up). Columns sum to 1. ASSUMED reconstruction (kick limit).

    Parameters
    ----------
    moments
        Precomputed ``c_j`` (length ``M + 1``); otherwise computed with ``law`` and
        ``law_kwargs`` (passed to :func:`flip_moments`).
    """
    c = _weights(M, kappa_tau_c, law, moments, law_kwargs)
    K = np.zeros((M + 1, M + 1))
    a = np.arange(M + 1)[:, None]
    b = np.arange(M + 1)[None, :]
    for n in range(M + 1):
        valid = (a <= n) & (b <= M - n)
        aa, bb = np.broadcast_arrays(a, b)
        aa, bb = aa[valid], bb[valid]
        w = np.exp(_log_binom(n, aa) + _log_binom(M - n, bb)) * c[aa + bb]
        np.add.at(K[:, n], n - aa + bb, w)
    return K


def model3_generator(
    M: int,
    rate_tau: float,
    kappa_tau_c: float,
    law: FlipLaw = "weak_clipped",
    *,
    moments: ArrayLike | Mapping | None = None,
    **law_kwargs,
) -> sp.csr_array:
    """Lumped Model 3 generator ``W = W_rad + r (K - 1)``
    (``docs/cl_superbunching.md`` §3.2 item 5).

    ASSUMED computable kick-limit version of Model 3 (Suppl. S III, Eqs. S12-S13 of Yuge et al.
    PRB 107, 165303 (2023)); the paper's truncated series is lost. ``W_rad``: ``n -> n - 1`` at
    rate ``n / tau``. Electrons arrive at rate ``r`` and flip emitters up *and* down (a
    down-flip emits no photon). Column convention, columns sum to zero.

    Parameters
    ----------
    M
        Number of emitters in the excited region.
    rate_tau
        Electron arrival rate ``r tau`` (the RTN 0 -> 1 switching rate, Eq. S5).
    kappa_tau_c, law, moments, law_kwargs
        Flip law, see :func:`model3_electron_kernel`.

    Returns
    -------
    scipy.sparse.csr_array
        ``(M + 1) x (M + 1)`` generator.
    """
    if rate_tau < 0:
        raise ValueError("rate_tau must be >= 0")
    K = model3_electron_kernel(M, kappa_tau_c, law, moments=moments, **law_kwargs)
    n = np.arange(M + 1, dtype=float)
    W = rate_tau * (K - np.eye(M + 1))
    W[np.arange(M), np.arange(1, M + 1)] += n[1:]
    W[np.arange(M + 1), np.arange(M + 1)] -= n
    # exact zero column sums (K columns sum to 1 up to round-off)
    W[np.arange(M + 1), np.arange(M + 1)] -= W.sum(axis=0)
    return sp.csr_array(W)


def moments_from_distribution(P: ArrayLike) -> dict[str, NDArray[np.float64]]:
    """``<n>``, ``<n(n-1)>`` and ``g2(0) = <n(n-1)>/<n>^2`` of lumped distribution(s) ``P``.

    Eqs. 15-16 of Yuge et al. PRB 107, 165303 (2023) (the zero-delay identity holds for any
    diagonal permutation-symmetric state with random dipoles). ``P`` may be ``(..., M + 1)``.
    """
    P = np.asarray(P, dtype=float)
    n = np.arange(P.shape[-1], dtype=float)
    mean = P @ n
    fm2 = P @ (n * (n - 1.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = fm2 / mean**2
    return {"mean_n": mean, "factorial_moment2": fm2, "g2_zero": g2}


def model3_stationary(
    M: int,
    rate_tau: ArrayLike,
    kappa_tau_c: float,
    law: FlipLaw = "weak_clipped",
    *,
    moments: ArrayLike | Mapping | None = None,
    **law_kwargs,
) -> NDArray[np.float64]:
    """Stationary lumped distribution ``P_n`` of Model 3 (``W P = 0``, ``docs/cl_superbunching.md``
    §3.2).

    Vectorised over ``rate_tau``: returns shape ``rate_tau.shape + (M + 1,)``. The flip weights
    are computed once. ASSUMED kick-limit reconstruction (see module docstring).
    """
    c = _weights(M, kappa_tau_c, law, moments, law_kwargs)
    K = model3_electron_kernel(M, kappa_tau_c, moments=c)
    r = np.asarray(rate_tau, dtype=float)
    out = np.empty((*r.shape, M + 1))
    n = np.arange(M + 1, dtype=float)
    Wrad = np.diag(n[1:], 1) - np.diag(n)
    A = K - np.eye(M + 1)
    A[np.arange(M + 1), np.arange(M + 1)] -= A.sum(axis=0)
    for idx in np.ndindex(r.shape):
        W = Wrad + r[idx] * A
        out[idx] = stationary_state(W)
    return out


def model3_moments(
    M: int,
    rate_tau: ArrayLike,
    kappa_tau_c: float,
    law: FlipLaw = "weak_clipped",
    *,
    moments: ArrayLike | Mapping | None = None,
    **law_kwargs,
) -> dict[str, NDArray[np.float64]]:
    """``<n>`` (= <I> tau), ``<n(n-1)>`` (= <:I^2:> tau^2) and ``g2(0)`` of Model 3.

    The three quantities compared in Eq. S16 / Fig. S6(a)-(c) of Yuge et al. PRB 107, 165303
    (2023), here for the ASSUMED kick-limit Model 3 of ``docs/cl_superbunching.md`` §3.2. Vectorised
    over ``rate_tau`` (arrays of its shape). Large-``r`` limit: ``<n> -> M/2``,
    ``g2(0) -> 1 - 1/M`` (uniform over configurations).
    """
    P = model3_stationary(M, rate_tau, kappa_tau_c, law, moments=moments, **law_kwargs)
    return moments_from_distribution(P)


# --------------------------------------------------------------------------------------------
# Fit of Model 2 to Model 3 (Eq. S16)
# --------------------------------------------------------------------------------------------
def _model2_quantities(M: int, p: float, gamma_prime_tau: float) -> NDArray[np.float64]:
    m = model2_moments(M, p, gamma_prime_tau)
    return np.array(
        [
            float(np.squeeze(m["mean_n"])),
            float(np.squeeze(m["factorial_moment2"])),
            float(np.squeeze(m["g2_zero"])),
        ]
    )


def fit_model2_to_model3(
    M: int,
    rate_tau_fit: ArrayLike,
    kappa_tau_c: float,
    law: FlipLaw = "weak_clipped",
    *,
    moments: ArrayLike | Mapping | None = None,
    x0: tuple[float, float] | None = None,
    **law_kwargs,
) -> dict[str, float | NDArray[np.float64]]:
    """Fit Model 2's ``(p, gamma')`` to Model 3 by minimising the S16 objective.

    Eq. S16 of Yuge et al. PRB 107, 165303 (2023) (reconstructed form, ``docs/cl_superbunching.md``
    §3.2 item 6)::

        D(p, gamma') = sum_{r in fit points} sum_{Q in (<n>, <n(n-1)>, g2(0))} ((Q_2 - Q_3) / Q_3)^2

    Model 3 is the ASSUMED kick-limit model of ``docs/cl_superbunching.md`` §3.2, not the paper's
    truncated series, so the fitted numbers are not the paper's (which are lost). The optimiser is
    ``scipy.optimize.least_squares`` (trust-region reflective, deterministic) in the variables
    ``(logit p, log gamma' tau)``, started from the moment-matched binomial
    ``p0 = E_T[p^2] / E_T[p]``, ``gamma'_0 = r E_T[p] / p0`` (equal mean number excited per
    electron, ``M E_T p``, and equal second factorial moment of that number) at the first fit
    point, unless ``x0 = (p, gamma' tau)`` is given. With one fit point the fit is exact
    (``g2(0)`` is a function of the other two quantities). With several fit points Model 2's
    electron rate is tied to Model 3's, ``gamma'(r) = (gamma'_0 / r_0) r`` (both are
    proportional to the beam current), so there are still only two parameters.

    Parameters
    ----------
    M
        Number of emitters (the same in both models).
    rate_tau_fit
        Model 3 electron rate(s) ``r tau`` of the fit point(s); the paper uses one (value lost).
    kappa_tau_c, law, moments, law_kwargs
        Model 3 flip law, see :func:`flip_moments`.
    x0
        Optional start ``(p, gamma' tau)`` (at the first fit point).

    Returns
    -------
    dict
        ``p``, ``gamma_prime_tau`` (at the first fit point), ``gamma_prime_over_rate``
        (``gamma' / r``), ``objective`` (value of S16), ``relative_differences``
        (array ``(n_points, 3)``, Model 2 minus Model 3 over Model 3), ``model3`` (array
        ``(n_points, 3)``), ``x0`` (start), ``mean_flip`` (``E_T p``), ``success``, ``nfev``.
    """
    r = np.atleast_1d(np.asarray(rate_tau_fit, dtype=float))
    c = _weights(M, kappa_tau_c, law, moments, law_kwargs)
    m3 = model3_moments(M, r, kappa_tau_c, moments=c)
    target = np.stack([m3["mean_n"], m3["factorial_moment2"], m3["g2_zero"]], axis=-1)
    # E_T p and E_T p^2 from the configuration weights: E[k] = M E p, E[k(k-1)] = M(M-1) E p^2
    j = np.arange(M + 1)
    log_b = _log_binom(M, j)
    pk = np.exp(log_b) * c
    Ep = float(pk @ j) / M
    Ep2 = float(pk @ (j * (j - 1.0))) / (M * (M - 1.0)) if M > 1 else Ep
    if x0 is None:
        p0 = min(max(Ep2 / Ep, 1e-8), 1 - 1e-8) if Ep > 0 else 0.5
        g0 = r[0] * Ep / p0
    else:
        p0, g0 = (float(v) for v in x0)

    def unpack(z: NDArray[np.float64]) -> tuple[float, float]:
        p = 1.0 / (1.0 + math.exp(-float(np.clip(z[0], -700.0, 700.0))))
        return min(max(p, 1e-300), 1.0), float(np.exp(z[1]))

    def residuals(z: NDArray[np.float64]) -> NDArray[np.float64]:
        p, g = unpack(z)
        # Model 2's gamma' is the electron rate; the fit keeps it free at every point by scaling
        # with r / r_0 (gamma' proportional to the beam current, as r is).
        q2 = np.array([_model2_quantities(M, p, g * ri / r[0]) for ri in r])
        return ((q2 - target) / target).ravel()

    z0 = np.array([math.log(p0 / (1 - p0)), math.log(g0)])
    sol = optimize.least_squares(
        residuals, z0, method="trf", xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=2000
    )
    p, g = unpack(sol.x)
    res = residuals(sol.x).reshape(r.size, 3)
    return {
        "p": p,
        "gamma_prime_tau": g,
        "gamma_prime_over_rate": g / float(r[0]),
        "objective": float(np.sum(res**2)),
        "relative_differences": res,
        "model3": target,
        "x0": (p0, g0),
        "mean_flip": Ep,
        "success": bool(sol.success),
        "nfev": int(sol.nfev),
    }


# --------------------------------------------------------------------------------------------
# Frobenius distance (Eq. S17)
# --------------------------------------------------------------------------------------------
def _sector_sizes(M: int) -> NDArray[np.float64]:
    return np.exp(_log_binom(M, np.arange(M + 1)))


def frobenius_distance(
    P_a: ArrayLike, P_b: ArrayLike, M: int, relative: bool = True
) -> float | NDArray[np.float64]:
    """Frobenius distance between two diagonal permutation-symmetric ``M``-emitter states.

    Eq. S17 of Yuge et al. PRB 107, 165303 (2023), in the form of ``docs/cl_superbunching.md`` §3.2
    item 7:
    ``rho = sum_n P_n / binom(M, n) sum_{|s| = n} |s><s|``, hence
    ``||rho_a - rho_b||_F = [sum_n (P_a,n - P_b,n)^2 / binom(M, n)]^(1/2)``. With
    ``relative=True`` it is divided by ``||rho_b||_F`` (ASSUMED normalisation; S17 compares
    Model 2, ``P_a``, with the reference Model 3, ``P_b``). Broadcasts over leading axes.
    """
    A = np.asarray(P_a, dtype=float)
    B = np.asarray(P_b, dtype=float)
    if A.shape[-1] != M + 1 or B.shape[-1] != M + 1:
        raise ValueError(f"distributions must have last axis M + 1 = {M + 1}")
    inv = 1.0 / _sector_sizes(M)
    d = np.sqrt(((A - B) ** 2) @ inv)
    if relative:
        d = d / np.sqrt((B**2) @ inv)
    return float(d) if np.ndim(d) == 0 else d


def frobenius_decomposition(P_a: ArrayLike, P_b: ArrayLike, M: int) -> dict[str, float]:
    """Relative differences of two steady states, split into the all-ground part and the rest.

    Fig. S6(e) of Yuge et al. PRB 107, 165303 (2023) (``docs/cl_superbunching.md`` §3.2 item 7
    and §6): the S17 distance and "the relative difference of the population ``P_0`` and that
    of the rest, separately". ``P_a`` (Model 2) is compared with the reference ``P_b`` (Model 3);
    both are normalised lumped distributions of ``M`` emitters. Returns

    * ``total``: S17, :func:`frobenius_distance` (relative to ``||rho_b||_F``);
    * ``ground``: ``|P_a,0 - P_b,0| / P_b,0``, the all-ground population;
    * ``rest_population``: ``|(1 - P_a,0) - (1 - P_b,0)| / (1 - P_b,0)``, the population of all
      other states (the dashed curve plotted in ``figS6`` (e)). For normalised states it equals
      ``ground * P_b,0 / (1 - P_b,0)``: it carries no information beyond ``ground``;
    * ``rest``: Frobenius norm of ``rho_a - rho_b`` without the all-ground element over that
      of ``rho_b`` (ASSUMED alternative reading of "the rest": the other matrix elements).
    """
    A = np.asarray(P_a, dtype=float)
    B = np.asarray(P_b, dtype=float)
    inv = 1.0 / _sector_sizes(M)
    rest = math.sqrt(float(((A[..., 1:] - B[..., 1:]) ** 2) @ inv[1:])) / math.sqrt(
        float((B[..., 1:] ** 2) @ inv[1:])
    )
    others_a, others_b = A[..., 1:].sum(axis=-1), B[..., 1:].sum(axis=-1)
    return {
        "total": float(frobenius_distance(A, B, M)),
        "ground": float(abs(A[..., 0] - B[..., 0]) / B[..., 0]),
        "rest_population": float(abs(others_a - others_b) / others_b),
        "rest": rest,
    }


# --------------------------------------------------------------------------------------------
# The fitted Model 2 along a Model 3 rate sweep (Fig. S6)
# --------------------------------------------------------------------------------------------
def model2_electron_rate(
    fit: Mapping[str, float | NDArray[np.float64]], rate_tau: ArrayLike
) -> NDArray[np.float64]:
    """Electron rate ``gamma'(r) tau = (gamma'_fit / r_fit) r tau`` of the fitted Model 2.

    Model 2's ``gamma'`` and Model 3's ``r`` are both the electron arrival rate, proportional to
    the beam current, so away from the fit point Model 2 is evaluated at ``gamma'`` scaled with
    ``r`` (the tie used by :func:`fit_model2_to_model3` for several fit points; Eq. S16 of Yuge
    et al. PRB 107, 165303 (2023), ``docs/cl_superbunching.md`` §3.2 item 6). ``fit`` is the
    result of :func:`fit_model2_to_model3` (its ``gamma_prime_over_rate``).
    """
    return float(fit["gamma_prime_over_rate"]) * np.asarray(rate_tau, dtype=float)


def compare_fitted_model2(
    M: int,
    rate_tau: ArrayLike,
    kappa_tau_c: float,
    fit: Mapping[str, float | NDArray[np.float64]],
    law: FlipLaw = "weak_clipped",
    *,
    moments: ArrayLike | Mapping | None = None,
    **law_kwargs,
) -> dict[str, NDArray[np.float64]]:
    """Model 3 against the fitted Model 2 along a rate sweep: Fig. S6(a)-(e) of Yuge et al.
    PRB 107, 165303 (2023) (``docs/cl_superbunching.md`` §3.2 items 6-7).

    Model 3 (ASSUMED kick-limit reconstruction) at the electron rates ``rate_tau`` (1-D), and
    Model 2 with the fitted ``p`` at ``gamma'(r)`` of :func:`model2_electron_rate`.

    Returns
    -------
    dict
        Arrays over ``rate_tau``: for ``Q`` in ``<n>``, ``<n(n-1)>``, ``g2(0)``
        (:data:`lightmatter.cl_superbunching.model2.COMPARED_QUANTITIES`) ``Q_model3``,
        ``Q_model2`` and ``reldiff_Q = (Q_2 - Q_3) / Q_3`` (the terms of S16, Fig. S6(d));
        the steady-state comparison of Fig. S6(e) from :func:`frobenius_decomposition`:
        ``frobenius_distance`` (S17, ``total``), ``reldiff_P0`` (``ground``) and
        ``reldiff_rest`` (``rest_population``).
    """
    r = np.asarray(rate_tau, dtype=float)
    if r.ndim != 1:
        raise ValueError("rate_tau must be a 1-D array of electron rates")
    c = _weights(M, kappa_tau_c, law, moments, law_kwargs)
    P3 = model3_stationary(M, r, kappa_tau_c, law, moments=c)
    m3 = moments_from_distribution(P3)
    p = float(fit["p"])
    g = model2_electron_rate(fit, r)
    m2 = model2_moments(M, p, g)
    out: dict[str, NDArray[np.float64]] = {}
    for q in COMPARED_QUANTITIES:
        out[f"{q}_model3"] = np.asarray(m3[q])
        out[f"{q}_model2"] = np.asarray(m2[q])
    for q in COMPARED_QUANTITIES:
        q2, q3 = out[f"{q}_model2"], out[f"{q}_model3"]
        out[f"reldiff_{q}"] = (q2 - q3) / q3
    parts = [
        frobenius_decomposition(model2_stationary(M, p, float(gi)), P3i, M)
        for gi, P3i in zip(g, P3, strict=True)
    ]
    out["frobenius_distance"] = np.array([d["total"] for d in parts])
    out["reldiff_P0"] = np.array([d["ground"] for d in parts])
    out["reldiff_rest"] = np.array([d["rest_population"] for d in parts])
    return out
