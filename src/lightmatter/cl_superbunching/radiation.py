"""State of the CL radiation field in Model 1 (Sec. V, Eqs. 25-28 of Yuge, Yamamoto, Sannomiya,
Akiba, Phys. Rev. B 107, 165303 (2023); ``docs/cl_superbunching.md`` §4).

The emitter populations are mapped onto a single photon mode, ``rho_ph = sum_n P_n |n><n|``
(Eq. 27), which is a mixture of the vacuum and a "pulse" state (Eq. 25) of CL light made of random
pulses of mean duration ``tau H_N`` separated by mean gaps ``1/gamma``. The displayed forms of
Eqs. 25-28 were lost in the seed text and are ASSUMED reconstructions (``docs/cl_superbunching.md``
§4); the identities between them hold to machine precision. Time unit: the radiative lifetime
``tau = 1``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lightmatter.cl_superbunching.model1 import (
    FloatOrArray,
    _as_output,
    _check_count,
    _check_rate,
    _check_scalar_rate,
    harmonic_number,
    stationary_distribution,
)

__all__ = [
    "g2_of_state",
    "mean_gap",
    "mean_pulse_duration",
    "photon_number_state",
    "vacuum_mixture",
]


def photon_number_state(N: int, gamma_tau: float) -> NDArray[np.float64]:
    """Photon-number distribution of the single-mode field state, Eq. 27 of Yuge et al. PRB 107,
    165303 (2023) (form ASSUMED, ``docs/cl_superbunching.md`` §4): ``rho_ph = sum_n P_n |n><n|``
    with ``P_n`` the stationary emitter distribution of Eqs. 10-11.

    Returns
    -------
    numpy.ndarray
        Diagonal of ``rho_ph`` in the Fock basis, ``n = 0..N``.
    """
    _check_scalar_rate(gamma_tau)
    return stationary_distribution(N, gamma_tau)


def g2_of_state(P: ArrayLike) -> float:
    """Zero-delay ``g2`` of a single-mode state diagonal in the Fock basis (Eq. 26 of Yuge et al.
    PRB 107, 165303 (2023); ``docs/cl_superbunching.md`` §4):

    ``g2(0) = <a^+ a^+ a a> / <a^+ a>^2 = sum n(n-1) P_n / (sum n P_n)^2``.

    ``P`` is normalised internally (``g2`` of the state ``P / sum(P)``), so an unnormalised
    weight vector gives the ``g2`` of the corresponding normalised state.

    Parameters
    ----------
    P : array_like
        Non-negative photon-number probabilities ``P_n``, ``n = 0, 1, ...``.

    Returns
    -------
    float
    """
    arr = np.asarray(P, dtype=float)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError("P must be a non-empty 1-D array of photon-number probabilities")
    if not np.all(np.isfinite(arr)) or np.any(arr < 0):
        raise ValueError("P must be finite and non-negative")
    total = arr.sum()
    if total <= 0:
        raise ValueError("P has zero total weight")
    arr = arr / total
    n = np.arange(arr.size, dtype=float)
    mean = float(n @ arr)
    if mean <= 0:
        raise ValueError("the state is the vacuum: <n> = 0 and g2 is undefined")
    return float((n * (n - 1.0)) @ arr) / mean**2


def vacuum_mixture(N: int, gamma_tau: float) -> dict[str, float | NDArray[np.float64]]:
    """Vacuum-plus-pulse decomposition of ``rho_ph``, Eqs. 25, 26 and 28 of Yuge et al. PRB 107,
    165303 (2023) (forms ASSUMED, ``docs/cl_superbunching.md`` §4).

    ``rho_ph = (1 - p_on) |0><0| + p_on rho_pulse`` (Eq. 25) with (Eq. 28)

    * ``p_on = 1 - P_0 = gamma_tau H_N / (1 + gamma_tau H_N)`` (fraction of time inside a pulse);
    * ``rho_pulse = sum_{n=1}^N |n><n| / (n H_N)`` (independent of the rate);
    * ``g2_pulse = (N-1) H_N / (2N)`` (the large-rate limit of Eq. 16);

    and ``g2_total = g2_pulse / p_on`` (Eq. 26), which equals Eq. 16.

    Returns
    -------
    dict
        ``p_on`` (float), ``rho_pulse`` (array, ``n = 0..N``, entry 0 is 0), ``g2_pulse`` (float),
        ``g2_total`` (float).
    """
    N = _check_count(N)
    g = _check_scalar_rate(gamma_tau)
    H = harmonic_number(N)
    p_on = g * H / (1.0 + g * H)
    n = np.arange(1, N + 1, dtype=float)
    rho_pulse = np.concatenate([[0.0], 1.0 / (n * H)])
    g2_pulse = (N - 1) * H / (2.0 * N)
    return {
        "p_on": p_on,
        "rho_pulse": rho_pulse,
        "g2_pulse": g2_pulse,
        "g2_total": g2_pulse / p_on,
    }


def mean_pulse_duration(N: int) -> float:
    """Mean duration of one CL pulse in units of tau: ``H_N`` (``docs/cl_superbunching.md`` §4;
    Sec. V of Yuge et al. PRB 107, 165303 (2023), where it is estimated as about ``tau ln N``).

    It is the expected maximum of N independent exponential lifetimes of mean tau
    (the pulse ends at the last decay).
    """
    return harmonic_number(N)


def mean_gap(gamma_tau: ArrayLike) -> FloatOrArray:
    """Mean time between successive excitation events in units of tau: ``1 / (gamma tau)``
    (Sec. V of Yuge et al. PRB 107, 165303 (2023); ``docs/cl_superbunching.md`` §4). Vectorised."""
    return _as_output(1.0 / _check_rate(gamma_tau))
