"""Excitation statistics: Poisson (Standard Model) vs a Rabi picture (paper Fig. 8b).

Derivation: ``docs/qd_gain.md`` §2.

Notation: x = sigma J, photons absorbed per dot in the linear limit.

* ``poisson`` (Standard Model, PAPER): <N> = x; P(k) = x^k e^-x / k!.
* ``rabi_aligned`` (ASSUMED concrete form of "a ground state and a doubly degenerate excited
  state"): two independent spin channels each driven with pulse area theta = sqrt(2x), so that
  <N> -> x as x -> 0: <N> = 2 sin^2(theta/2); occupancy binomial with n = <N>/2.
* ``rabi`` (orientation-averaged, default Rabi form, ASSUMED): average of the aligned form over
  isotropic dipoles u = cos(beta), <N> = 1 - sin(2a)/(2a), a = sqrt(3x/2); linear limit x,
  saturates at 1 with damped oscillations.

State populations P0, P1, P2 vs <N>: binomial (Rabi, two channels, n = <N>/2) or Poisson (P2 =
probability of two or more excitations).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "OCCUPANCIES",
    "STATISTICS",
    "band_edge_filling",
    "excited_fraction",
    "mean_occupancy",
    "occupation",
    "state_populations",
]

STATISTICS: tuple[str, ...] = ("poisson", "rabi", "rabi_aligned")
OCCUPANCIES: tuple[str, ...] = ("binomial", "poisson")


def mean_occupancy(J: ArrayLike, sigma: float, statistics: str = "poisson") -> NDArray[np.float64]:
    """Mean exciton number <N> for fluence ``J`` and absorption cross-section ``sigma``.

    ``J`` and ``sigma`` in reciprocal units (x = sigma J dimensionless: e.g. photons/cm^2 and
    cm^2). ``statistics``: ``poisson`` (<N> = x), ``rabi`` (orientation-averaged pulse-area
    model, 1 - sin(2a)/(2a), a = sqrt(3x/2)) or ``rabi_aligned`` (2 sin^2 sqrt(x/2)).
    Paper Fig. 8b; docs/qd_gain.md §2.
    """
    if statistics not in STATISTICS:
        raise ValueError(f"statistics must be one of {STATISTICS}, got {statistics!r}")
    if not np.isfinite(sigma) or sigma <= 0:
        raise ValueError(f"sigma must be positive, got {sigma}")
    x = sigma * np.asarray(J, dtype=float)
    if np.any(~np.isfinite(x)) or np.any(x < 0):
        raise ValueError("J must be finite and >= 0")
    if statistics == "poisson":
        return x
    if statistics == "rabi_aligned":
        return 2.0 * np.sin(np.sqrt(x / 2.0)) ** 2
    a = np.sqrt(1.5 * x)
    small = a < 1e-4
    safe = np.where(small, 1.0, a)
    return np.where(small, x - 0.3 * x**2, 1.0 - np.sin(2 * safe) / (2 * safe))


def excited_fraction(J: ArrayLike, sigma: float) -> NDArray[np.float64]:
    """Fraction of dots holding at least one exciton under Poisson statistics (Fig. 8b).

    1 - P0 = 1 - exp(-x), x = sigma ``J`` (docs/qd_gain.md §2): x in the linear limit, saturating
    at 1. ``J`` and ``sigma`` in reciprocal units, as in :func:`mean_occupancy`.
    """
    if not np.isfinite(sigma) or sigma <= 0:
        raise ValueError(f"sigma must be positive, got {sigma}")
    x = sigma * np.asarray(J, dtype=float)
    if np.any(~np.isfinite(x)) or np.any(x < 0):
        raise ValueError("J must be finite and >= 0")
    return -np.expm1(-x)


def state_populations(
    N: ArrayLike, occupancy: str = "binomial"
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Populations (P0, P1, P2) of 0, 1 and 2 excitons at mean occupancy ``N``.

    docs/qd_gain.md §2, §3.1.

    ``binomial``: two channels, n = N/2 in [0, 1], P0 = (1-n)^2, P1 = 2n(1-n), P2 = n^2
    (requires 0 <= N <= 2). ``poisson``: P0 = e^-N, P1 = N e^-N, P2 = 1 - P0 - P1 (two or more).
    """
    if occupancy not in OCCUPANCIES:
        raise ValueError(f"occupancy must be one of {OCCUPANCIES}, got {occupancy!r}")
    Na = np.asarray(N, dtype=float)
    if np.any(~np.isfinite(Na)) or np.any(Na < 0):
        raise ValueError("N must be finite and >= 0")
    if occupancy == "binomial":
        if np.any(Na > 2.0 + 1e-12):
            raise ValueError("N must be <= 2 for binomial (two-channel) occupancy")
        n = np.minimum(Na / 2.0, 1.0)
        return (1 - n) ** 2, 2 * n * (1 - n), n**2
    p0 = np.exp(-Na)
    p1 = Na * p0
    return p0, p1, -np.expm1(-Na) - p1


def occupation(
    N: ArrayLike, occupancy: str = "binomial"
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Band-edge filling per channel n = P1/2 + P2 and biexciton fraction q = P2.

    docs/qd_gain.md §3.1.
    """
    _, p1, p2 = state_populations(N, occupancy)
    return 0.5 * p1 + p2, p2


def band_edge_filling(J: ArrayLike, sigma: float, statistics: str = "poisson") -> NDArray:
    """Band-edge bleach <min(k, 2)>/2 vs fluence (what a TA bleach measures; docs/qd_gain.md §2).

    Poisson: 1 - e^-x (1 + x/2). Rabi forms: <N>/2 (two channels, binomial).
    """
    N = mean_occupancy(J, sigma, statistics)
    if statistics == "poisson":
        return occupation(N, "poisson")[0]
    return N / 2.0
