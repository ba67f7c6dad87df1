"""Coherent vs incoherent emission spectrum of N Auger electrons, Eq. 9 of Zeng et al.

Zeng, Zhang, Cao, Liu, Pan, "Auger photoemission as a laser-like coherent cathode" (seed
``000_38be2e173ad007b4.txt``), reconstruction in ``docs/auger_photoemission.md`` §7 ("docs §N"
below is section N of that document).

With ``psi_tot(t) = sum_i psi(t - t_i)`` the spectral density is
``rho(omega) = |psi(omega)|^2 |sum_i exp(i omega t_i)|^2``; averaging over independent emission
times ``t_i ~ f`` gives (Eq. 9; the seed's ``f(t_k) f(t_m)`` is an index typo, docs §9 item 6)::

    <rho> / |psi(omega)|^2 = N + N (N - 1) |f(omega)|^2,   f(omega) = int f(t) exp(i omega t) dt

with ``f`` normalised. The first term is incoherent (``~N``), the second coherent (``~N^2``).

Emission-time distributions (``shape``), all parametrised by one time scale ``sigma_t`` [s]:

* ``"gaussian"``: rms ``sigma_t``; ``|f|^2 = exp(-omega^2 sigma_t^2)`` (docs §7).
* ``"auger_burst"`` (ASSUMED extension, docs §7): ``f(t) = a / (1 + a t)^2`` for ``t >= 0``, the
  normalised emission rate ``gamma_A N2(t)^2`` of the hyperbolic Auger decay with ``a = gamma_A
  N_z``; here ``sigma_t = 1/a = 1/(gamma_A N_z)`` (the burst has no finite mean or rms). With
  ``Omega = omega/a``, ``f = 1 + i Omega exp(-i Omega) E(Omega)``,
  ``E = -Ci(Omega) + i (pi/2 - Si(Omega))``; for ``Omega > 40`` the asymptotic series
  ``f = -sum_n n! / (i Omega)^n`` is used (avoids cancellation). ``|f|^2 = 1/2`` near
  ``Omega = 0.394`` and ``|f|^2 ~ 1/Omega^2`` in the tail.
* ``"exponential"``: ``f(t) = exp(-t/sigma_t)/sigma_t`` (mean = rms = ``sigma_t``);
  ``|f|^2 = 1 / (1 + omega^2 sigma_t^2)``.
* ``"uniform"``: uniform on a window of width ``sqrt(12) sigma_t`` (rms ``sigma_t``);
  ``|f|^2 = sinc^2(omega sqrt(12) sigma_t / 2)``.

Eq. 9 is independent of the rate equations: its ``N^2`` is phase coherence, the ``N^2`` of Eq. 8
is two-body kinetics (docs §7); the seed identifies the two.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import sici

from .four_level import _as_float_array, _as_output, _check_positive, _positive_scalar

__all__ = [
    "SHAPES",
    "coherent_spectral_density",
    "critical_frequency",
    "critical_number",
    "form_factor",
    "monte_carlo_spectral_density",
    "sample_emission_times",
]

FloatOrArray = float | NDArray[np.float64]

SHAPES: tuple[str, ...] = ("gaussian", "auger_burst", "exponential", "uniform")
_BURST_ASYMPTOTIC_OMEGA = 40.0
_BURST_ASYMPTOTIC_TERMS = 20


def _check_shape(shape: object) -> str:
    if not isinstance(shape, str) or shape not in SHAPES:
        raise ValueError(f"shape must be one of {SHAPES}, got {shape!r}")
    return shape


def _check_omega(omega: ArrayLike) -> NDArray[np.float64]:
    return _as_float_array(omega, "omega", "a finite angular frequency or array (rad/s)")


def _check_N_real(N: ArrayLike) -> NDArray[np.float64]:
    arr = _check_positive(N, "N")
    if np.any(arr < 1.0):
        raise ValueError(f"N (number of emitted electrons) must be >= 1, got {N!r}")
    return arr


def _burst_amplitude(Omega: NDArray[np.float64]) -> NDArray[np.complex128]:
    """``f(Omega) = int_0^inf exp(i Omega u) / (1 + u)^2 du`` for ``Omega >= 0``."""
    Om = np.abs(np.asarray(Omega, dtype=float))
    out = np.ones(Om.shape, dtype=complex)
    small = (Om > 0) & (Om <= _BURST_ASYMPTOTIC_OMEGA)
    if np.any(small):
        x = Om[small]
        si, ci = sici(x)
        E = -ci + 1j * (0.5 * np.pi - si)  # int_x^inf exp(i s)/s ds
        out[small] = 1.0 + 1j * x * np.exp(-1j * x) * E
    large = Om > _BURST_ASYMPTOTIC_OMEGA
    if np.any(large):
        z = 1j * Om[large]
        term = np.ones_like(z)
        acc = np.zeros_like(z)
        for n in range(1, _BURST_ASYMPTOTIC_TERMS + 1):
            term = term * n / z
            acc = acc - term
        out[large] = acc
    return out


def form_factor(omega: ArrayLike, sigma_t: ArrayLike, shape: str = "gaussian") -> FloatOrArray:
    """Coherence form factor ``|f(omega)|^2`` of the emission-time distribution (Eq. 9).

    Parameters
    ----------
    omega : array_like
        Angular frequency [rad/s] (any sign; ``|f|^2`` is even).
    sigma_t : array_like
        Time scale of the distribution [s], ``> 0``: rms for ``"gaussian"``, ``"exponential"``
        and ``"uniform"``; ``1/a = 1/(gamma_A N_z)`` for ``"auger_burst"`` (module docstring).
    shape : {"gaussian", "auger_burst", "exponential", "uniform"}

    Returns
    -------
    float or numpy.ndarray
        ``|f(omega)|^2`` in [0, 1], broadcast over ``omega`` and ``sigma_t``.
    """
    w = _check_omega(omega)
    s = _check_positive(sigma_t, "sigma_t", "s")
    shape = _check_shape(shape)
    x = np.abs(w * s)
    if shape == "gaussian":
        ff = np.exp(-(x**2))
    elif shape == "exponential":
        ff = 1.0 / (1.0 + x**2)
    elif shape == "uniform":
        ff = np.sinc(x * math.sqrt(12.0) / (2.0 * np.pi)) ** 2  # np.sinc(y) = sin(pi y)/(pi y)
    else:
        ff = np.abs(_burst_amplitude(x)) ** 2
    return _as_output(ff)


def coherent_spectral_density(
    omega: ArrayLike, N: ArrayLike, sigma_t: ArrayLike, shape: str = "gaussian"
) -> FloatOrArray:
    """Mean spectral density of N emitted electrons, ``<rho>/|psi|^2 = N + N(N-1)|f(omega)|^2``.

    Eq. 9 of Zeng et al. (docs §7): incoherent term ``N`` plus coherent term ``N(N-1)|f|^2``.

    Parameters
    ----------
    omega : array_like
        Angular frequency [rad/s].
    N : array_like
        Number of emitted electrons, ``>= 1`` (real values allowed for plotting).
    sigma_t : array_like
        Time scale of the emission-time distribution [s], ``> 0`` (see :func:`form_factor`).
    shape : {"gaussian", "auger_burst", "exponential", "uniform"}

    Returns
    -------
    float or numpy.ndarray
        Dimensionless ``<rho>/|psi(omega)|^2``, broadcast over the inputs.
    """
    N_ = _check_N_real(N)
    ff = np.asarray(form_factor(omega, sigma_t, shape))
    return _as_output(N_ + N_ * (N_ - 1.0) * ff)


def critical_number(omega: ArrayLike, sigma_t: ArrayLike, shape: str = "gaussian") -> FloatOrArray:
    """Population above which the coherent term of Eq. 9 exceeds the incoherent one.

    ``(N - 1)|f|^2 > 1``, i.e. ``N_c = 1 + 1/|f(omega)|^2``; Gaussian: ``N_c = 1 + exp(omega^2
    sigma_t^2)`` (docs §7). Returns ``inf`` where ``|f|^2 = 0`` (zeros of the uniform shape).
    """
    shape = _check_shape(shape)
    if shape == "gaussian":
        w = _check_omega(omega)
        s = _check_positive(sigma_t, "sigma_t", "s")
        with np.errstate(over="ignore"):
            return _as_output(1.0 + np.exp((w * s) ** 2))
    ff = np.asarray(form_factor(omega, sigma_t, shape))
    with np.errstate(divide="ignore"):
        return _as_output(1.0 + 1.0 / ff)


def critical_frequency(N: ArrayLike, sigma_t: ArrayLike) -> FloatOrArray:
    """Gaussian shape: ``omega_c = sqrt(ln(N - 1)) / sigma_t`` [rad/s] (docs §7), ``N > 2``.

    Below ``omega_c`` the coherent term of Eq. 9 dominates.
    """
    N_ = _check_positive(N, "N")
    if np.any(N_ <= 2.0):
        raise ValueError(f"N must be > 2 for a positive critical frequency, got {N!r}")
    s = _check_positive(sigma_t, "sigma_t", "s")
    return _as_output(np.sqrt(np.log(N_ - 1.0)) / s)


# ---------------------------------------------------------------------------------------------
# Monte Carlo check of Eq. 9
# ---------------------------------------------------------------------------------------------
def _check_rng(rng: object) -> np.random.Generator:
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, numbers.Integral) and not isinstance(rng, bool | np.bool_):
        return np.random.default_rng(int(rng))
    raise ValueError(f"rng must be a numpy.random.Generator or an int seed, got {rng!r}")


def _check_count(value: object, name: str) -> int:
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if int(value) < 1:
        raise ValueError(f"{name} must be >= 1, got {value!r}")
    return int(value)


def sample_emission_times(
    shape: str, sigma_t: float, size: tuple[int, ...], rng: np.random.Generator | int
) -> NDArray[np.float64]:
    """Draw i.i.d. emission times [s] from the distribution ``shape`` (see module docstring).

    Auger burst: inverse CDF ``t = sigma_t U / (1 - U)`` with ``U ~ U[0, 1)``.
    """
    shape = _check_shape(shape)
    s = _positive_scalar(sigma_t, "sigma_t", "s")
    gen = _check_rng(rng)
    if shape == "gaussian":
        return s * gen.standard_normal(size)
    if shape == "exponential":
        return s * gen.standard_exponential(size)
    if shape == "uniform":
        return math.sqrt(12.0) * s * (gen.random(size) - 0.5)
    u = gen.random(size)
    return s * u / (1.0 - u)


def monte_carlo_spectral_density(
    omega: ArrayLike,
    N: int,
    sigma_t: float,
    n_realisations: int,
    rng: np.random.Generator | int,
    shape: str = "gaussian",
    max_elements: int = 1 << 20,
) -> tuple[FloatOrArray, FloatOrArray]:
    """Monte Carlo estimate of Eq. 9: mean of ``|sum_i exp(i omega t_i)|^2`` over realisations.

    Each realisation draws ``N`` i.i.d. emission times from ``shape`` (docs §7). Realisations are
    processed in chunks of at most ``max_elements`` phases (bounded memory); the running
    mean and variance are merged chunk by chunk (Chan et al.). Times are drawn realisation by
    realisation in order, so a given seed gives identical numbers for any ``omega`` grid size.

    Parameters
    ----------
    omega : array_like
        Angular frequencies [rad/s] (any shape).
    N : int
        Number of emitted electrons, ``>= 1``.
    sigma_t : float
        Time scale of the distribution [s], ``> 0`` (see :func:`form_factor`).
    n_realisations : int
        Number of realisations ``R >= 2``.
    rng : numpy.random.Generator or int
        Random generator or seed (``numpy.random.default_rng(seed)``).
    shape : {"gaussian", "auger_burst", "exponential", "uniform"}
    max_elements : int
        Upper bound on phases ``omega t_i`` held at once (default 2**20; peak memory about
        ``4 * 8 * max_elements`` bytes = 32 MB). One realisation of one frequency (``N``
        phases) is the smallest unit.

    Returns
    -------
    (mean, stderr) : tuple of float or numpy.ndarray
        Sample mean of ``|sum_i exp(i omega t_i)|^2`` (estimates ``N + N(N-1)|f|^2``) and its
        standard error ``std(ddof=1)/sqrt(R)``, both shaped like ``omega``.
    """
    w = _check_omega(omega)
    N_ = _check_count(N, "N")
    s = _positive_scalar(sigma_t, "sigma_t", "s")
    R = _check_count(n_realisations, "n_realisations")
    if R < 2:
        raise ValueError(f"n_realisations must be >= 2 for a standard error, got {R}")
    shape = _check_shape(shape)
    gen = _check_rng(rng)
    budget = _check_count(max_elements, "max_elements")
    flat = w.ravel()
    n_om = flat.size
    # realisations per chunk (at least one) and omega points per sub-chunk
    rows = max(1, min(R, budget // (N_ * n_om)))
    om_chunk = n_om if N_ * n_om <= budget else max(1, budget // N_)

    count = 0
    mean = np.zeros(n_om)
    m2 = np.zeros(n_om)
    done = 0
    while done < R:
        m = min(rows, R - done)
        times = sample_emission_times(shape, s, (m, N_), gen)
        vals = np.empty((m, n_om))
        for j0 in range(0, n_om, om_chunk):
            om = flat[j0 : j0 + om_chunk]
            phase = times[:, :, None] * om[None, None, :]
            S_re = np.cos(phase).sum(axis=1)
            S_im = np.sin(phase).sum(axis=1)
            vals[:, j0 : j0 + om_chunk] = S_re**2 + S_im**2
        c_mean = vals.mean(axis=0)
        c_m2 = ((vals - c_mean) ** 2).sum(axis=0)
        delta = c_mean - mean
        total = count + m
        mean = mean + delta * (m / total)
        m2 = m2 + c_m2 + delta**2 * (count * m / total)
        count = total
        done += m
    stderr = np.sqrt(m2 / (R - 1) / R)
    return _as_output(mean.reshape(w.shape)), _as_output(stderr.reshape(w.shape))
