"""Single-photon emission from perovskite quantum dots: review Figs. 2b, 4c and 4e.

Model counterparts of the single-photon claims of Chatterjee et al., MRS Communications (2024)
("Progress and prospects of quantum emission from perovskites"), following
``docs/perovskite_emission.md`` §1-3. The review gives no equations beyond the
criterion ``g2(0) < 0.5``; every model here is ASSUMED (``docs/perovskite_emission.md`` §0) and
every assumed parameter is a function argument.

Units: time in ns, rates in 1/ns, sizes in nm (Auger constant in ps/nm^3, converted to ns).

Contents
--------
* :func:`spe_g2`, :func:`spe_g2_irf` - ``g2(tau)`` of an incoherently pumped two-level emitter
  (``docs/perovskite_emission.md`` §1, Fig. 2b), optionally convolved with a Gaussian instrument
  response.
* :func:`quantum_yield`, :func:`biexciton_quantum_yield`, :func:`cascade_g2_zero` - the
  Auger-limited biexciton-exciton cascade (``docs/perovskite_emission.md`` §2, Nair-Bawendi relation
  ``g2(0) -> eta_XX / eta_X``), pulsed (Poisson) form.
* :func:`cascade_generator`, :func:`cascade_g2_cw` - the same cascade under CW pumping, exact by
  the quantum regression theorem on the 3-state rate equations (:mod:`lightmatter.markov`).
* :func:`cascade_pulsed_monte_carlo` - seeded pulse-by-pulse Monte Carlo of the pulsed HBT ratio.
* :func:`auger_lifetime`, :func:`purity_vs_size` - "universal volume scaling" of the biexciton
  Auger time and the resulting purity vs edge length (``docs/perovskite_emission.md`` §3,
  Fig. 4c/e).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike, NDArray
from scipy.special import erfc, erfcx, gammainc

from lightmatter import markov

__all__ = [
    "CascadeMonteCarlo",
    "CascadeRates",
    "PurityVsSize",
    "auger_lifetime",
    "biexciton_quantum_yield",
    "cascade_g2_cw",
    "cascade_g2_zero",
    "cascade_generator",
    "cascade_pulsed_monte_carlo",
    "cascade_rates",
    "purity_vs_size",
    "quantum_yield",
    "spe_g2",
    "spe_g2_irf",
]

FloatOrArray = float | NDArray[np.float64]


# ---------------------------------------------------------------------------------------------
# input validation (private; shared with superradiance.py and blinking.py)
# ---------------------------------------------------------------------------------------------
def _as_array(value: ArrayLike, name: str) -> NDArray[np.float64]:
    if isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be a number, got the bool {value!r}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a finite number or array, got {value!r}") from exc
    if arr.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return arr


def _positive(value: ArrayLike, name: str) -> NDArray[np.float64]:
    """Float array with every entry finite and > 0, else ``ValueError``."""
    arr = _as_array(value, name)
    if np.any(arr <= 0):
        raise ValueError(f"{name} must be > 0, got {value!r}")
    return arr


def _nonnegative(value: ArrayLike, name: str) -> NDArray[np.float64]:
    """Float array with every entry finite and >= 0, else ``ValueError``."""
    arr = _as_array(value, name)
    if np.any(arr < 0):
        raise ValueError(f"{name} must be >= 0, got {value!r}")
    return arr


def _scalar(arr: NDArray[np.float64], name: str) -> float:
    if arr.ndim != 0:
        raise ValueError(f"{name} must be a scalar, got an array of shape {arr.shape}")
    return float(arr)


def _positive_scalar(value: ArrayLike, name: str) -> float:
    return _scalar(_positive(value, name), name)


def _nonnegative_scalar(value: ArrayLike, name: str) -> float:
    return _scalar(_nonnegative(value, name), name)


def _probability(value: ArrayLike, name: str, *, open_low: bool = False) -> float:
    """Scalar in [0, 1] (``(0, 1]`` if ``open_low``), else ``ValueError``."""
    x = _scalar(_as_array(value, name), name)
    if x > 1 or x < 0 or (open_low and x == 0):
        interval = "(0, 1]" if open_low else "[0, 1]"
        raise ValueError(f"{name} must lie in {interval}, got {value!r}")
    return x


def _count(value: object, name: str, minimum: int = 1) -> int:
    """Python int >= ``minimum``; integral floats accepted, bools and fractions rejected."""
    if isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be an integer, got the bool {value!r}")
    if isinstance(value, numbers.Integral):
        ivalue = int(value)
    elif isinstance(value, numbers.Real) and math.isfinite(float(value)):
        if not float(value).is_integer():
            raise ValueError(f"{name} must be an integer, got {value!r}")
        ivalue = int(value)
    else:
        raise ValueError(f"{name} must be an integer, got {value!r}")
    if ivalue < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {ivalue}")
    return ivalue


def _times(t: ArrayLike, name: str = "t") -> NDArray[np.float64]:
    return _as_array(t, name)


def _out(arr: NDArray[np.float64]) -> FloatOrArray:
    return float(arr) if np.ndim(arr) == 0 else arr


def _rng(rng: object) -> np.random.Generator:
    """``numpy.random.Generator`` from a Generator, an int seed or a SeedSequence."""
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, bool | np.bool_) or rng is None:
        raise ValueError("rng must be a numpy Generator or an integer seed (no implicit seeding)")
    if isinstance(rng, numbers.Integral | np.random.SeedSequence):
        return np.random.default_rng(rng)
    raise ValueError(f"rng must be a numpy Generator or an integer seed, got {rng!r}")


# ---------------------------------------------------------------------------------------------
# Fig. 2b: pumped two-level emitter
# ---------------------------------------------------------------------------------------------
def spe_g2(t: ArrayLike, r: float, gamma: float) -> FloatOrArray:
    """``g2(tau)`` of an incoherently pumped two-level emitter (review Fig. 2b, 4c;
    ``docs/perovskite_emission.md`` §1).

    Lindblad model ``H = 0``, pump ``sqrt(r) sigma_+``, decay ``sqrt(gamma) sigma_-``:

    ``g2(tau) = 1 - exp(-(r + gamma) |tau|)``  (``docs/perovskite_emission.md`` §1, checked against
    QuTiP in the tests).

    Parameters
    ----------
    t : float or array_like
        Delay tau in ns (any sign; ``g2`` is even).
    r : float
        Incoherent pump rate in 1/ns, ``>= 0`` (ASSUMED value; ``docs/perovskite_emission.md`` uses
        0.05).
    gamma : float
        Radiative decay rate in 1/ns, ``> 0`` (ASSUMED; ``docs/perovskite_emission.md`` uses 0.2).

    Returns
    -------
    float or numpy.ndarray
        ``g2`` with the shape of ``t``; ``g2(0) = 0`` exactly (perfect antibunching).
    """
    tau = _times(t)
    r = _nonnegative_scalar(r, "r")
    gamma = _positive_scalar(gamma, "gamma")
    return _out(-np.expm1(-(r + gamma) * np.abs(tau)))


def spe_g2_irf(t: ArrayLike, r: float, gamma: float, sigma_irf: float) -> FloatOrArray:
    """:func:`spe_g2` convolved with a Gaussian instrument response (``docs/perovskite_emission.md``
    §1, optional panel).

    ``g2_IRF = 1 - (e^{-a|.|} * G_sigma)(tau)`` with ``a = r + gamma`` and the closed form

    ``(e^{-a|.|} * G)(tau) = 1/2 e^{a^2 s^2/2} [e^{-a tau} erfc((a s^2 - tau)/(s sqrt2))
    + e^{a tau} erfc((a s^2 + tau)/(s sqrt2))]``,

    evaluated with ``erfcx`` where the exponentials would overflow. The finite dip depth
    ``g2_IRF(0) > 0`` is what an HBT set-up with timing jitter ``sigma_irf`` records.

    Parameters
    ----------
    t, r, gamma
        As in :func:`spe_g2`.
    sigma_irf : float
        Standard deviation of the Gaussian IRF in ns, ``> 0`` (ASSUMED;
        ``docs/perovskite_emission.md`` uses 0.05).
    """
    tau = _times(t)
    r = _nonnegative_scalar(r, "r")
    gamma = _positive_scalar(gamma, "gamma")
    s = _positive_scalar(sigma_irf, "sigma_irf")
    a = r + gamma

    def half(x: NDArray[np.float64]) -> NDArray[np.float64]:
        # 1/2 e^{a^2 s^2/2 - a x} erfc((a s^2 - x)/(s sqrt 2)), overflow-free
        z = (a * s * s - x) / (s * math.sqrt(2.0))
        with np.errstate(over="ignore", under="ignore"):
            direct = 0.5 * np.exp(0.5 * a * a * s * s - a * x) * erfc(z)
            scaled = 0.5 * erfcx(np.maximum(z, 0.0)) * np.exp(-(x * x) / (2.0 * s * s))
        return np.where(z >= 0, scaled, direct)

    conv = half(tau) + half(-tau)
    return _out(1.0 - conv)


# ---------------------------------------------------------------------------------------------
# biexciton cascade (docs/perovskite_emission.md §2)
# ---------------------------------------------------------------------------------------------
def quantum_yield(k_rad: ArrayLike, k_nonrad: ArrayLike) -> FloatOrArray:
    """Quantum yield ``eta = k_rad / (k_rad + k_nonrad)`` (``docs/perovskite_emission.md`` §2;
    exciton: ``eta_X``)."""
    kr = _positive(k_rad, "k_rad")
    knr = _nonnegative(k_nonrad, "k_nonrad")
    return _out(kr / (kr + knr))


def biexciton_quantum_yield(k_rad_xx: ArrayLike, k_auger: ArrayLike) -> FloatOrArray:
    """Auger-limited biexciton yield ``eta_XX = k_rad,XX / (k_rad,XX + k_A)``
    (``docs/perovskite_emission.md`` §2).

    Parameters
    ----------
    k_rad_xx : float or array_like
        Radiative rate of the biexciton (XX -> X photon) in 1/ns, ``> 0``.
    k_auger : float or array_like
        Non-radiative Auger rate of the biexciton (XX -> X, no photon) in 1/ns, ``>= 0``.
    """
    kr = _positive(k_rad_xx, "k_rad_xx")
    ka = _nonnegative(k_auger, "k_auger")
    return _out(kr / (kr + ka))


class CascadeRates(NamedTuple):
    """The four rates (1/ns) of the X-XX cascade, in the argument order of
    :func:`cascade_g2_zero`, :func:`cascade_generator` and :func:`cascade_g2_cw`."""

    k_rad_x: float
    k_nr_x: float
    k_rad_xx: float
    k_auger: float


def cascade_rates(
    k_rad_x: float, k_nr_x: float, xx_rad_factor: float, tau_auger_ns: float
) -> CascadeRates:
    """Cascade rates from the config's parametrisation (``docs/perovskite_emission.md`` §2).

    ``k_rad,XX = xx_rad_factor * k_rad,X`` (ASSUMED statistical scaling of the biexciton
    radiative rate, 4 for two electron-hole pairs) and ``k_A = 1 / tau_A,XX`` (the biexciton
    Auger rate from its Auger time); the exciton rates pass through unchanged.

    Parameters
    ----------
    k_rad_x, k_nr_x : float
        Exciton radiative (``> 0``) and non-radiative (``>= 0``) rates in 1/ns.
    xx_rad_factor : float
        ``k_rad,XX / k_rad,X``, ``> 0``.
    tau_auger_ns : float
        Biexciton Auger time in ns, ``> 0``.
    """
    kx = _positive_scalar(k_rad_x, "k_rad_x")
    knx = _nonnegative_scalar(k_nr_x, "k_nr_x")
    factor = _positive_scalar(xx_rad_factor, "xx_rad_factor")
    tau_a = _positive_scalar(tau_auger_ns, "tau_auger_ns")
    return CascadeRates(kx, knx, factor * kx, 1.0 / tau_a)


def cascade_g2_zero(
    k_rad_x: ArrayLike,
    k_nr_x: ArrayLike,
    k_rad_xx: ArrayLike,
    k_auger: ArrayLike,
    mean_excitations: ArrayLike = 0.0,
) -> FloatOrArray:
    """Pulsed HBT ``g2[0]`` of the Auger-limited biexciton cascade (review Fig. 4c;
    ``docs/perovskite_emission.md`` §2).

    ASSUMED model (``docs/perovskite_emission.md`` §2): each laser pulse creates ``n ~ Poisson(m)``
    excitations; ``n = 1`` gives X, ``n >= 2`` gives XX (higher multiexcitons relax instantly by
    Auger); XX emits a photon with ``eta_XX`` and always ends in X (radiatively or by Auger), X
    emits with ``eta_X``. The centre/side peak-area ratio is

    ``g2[0] = <k(k-1)>/<k>^2 = 2 P_{>=2} eta_XX eta_X / (P_1 eta_X + P_{>=2}(eta_XX + eta_X))^2``

    and tends to the Nair-Bawendi value ``eta_XX / eta_X`` for ``m -> 0`` (from above). The
    detection efficiency cancels.

    Parameters
    ----------
    k_rad_x, k_nr_x : float or array_like
        Exciton radiative and non-radiative rates in 1/ns (``eta_X = k_rad_x/(k_rad_x+k_nr_x)``).
    k_rad_xx, k_auger : float or array_like
        Biexciton radiative and Auger rates in 1/ns.
    mean_excitations : float or array_like
        Mean excitations per pulse ``m >= 0``. ``0`` (default) returns the limit
        ``eta_XX / eta_X``. The value exceeds the limit by a few % at ``m = 0.1`` and ~15 % at
        ``m = 0.5`` (``docs/perovskite_emission.md`` §2): keep ``m`` small when comparing with the
        limit.

    Returns
    -------
    float or numpy.ndarray
        ``g2[0]`` (broadcast over the arguments).
    """
    eta_x = np.asarray(quantum_yield(k_rad_x, k_nr_x))
    eta_xx = np.asarray(biexciton_quantum_yield(k_rad_xx, k_auger))
    m = _nonnegative(mean_excitations, "mean_excitations")
    limit = eta_xx / eta_x
    mm = np.where(m > 0, m, 1.0)
    p1 = mm * np.exp(-mm)
    p2 = gammainc(2.0, mm)  # P(n >= 2) = 1 - e^-m (1 + m), accurate for small m
    pulsed = 2.0 * p2 * eta_xx * eta_x / (p1 * eta_x + p2 * (eta_xx + eta_x)) ** 2
    return _out(np.where(m > 0, pulsed, limit))


def cascade_generator(
    pump: float,
    k_rad_x: float,
    k_nr_x: float,
    k_rad_xx: float,
    k_auger: float,
    pump_xx: float | None = None,
) -> sp.csr_array:
    """Rate matrix of the CW-pumped ground-exciton-biexciton ladder (``docs/perovskite_emission.md``
    §2, "CW").

    States ``0 = G, 1 = X, 2 = XX``; column convention of :mod:`lightmatter.markov`
    (``W[m, n]`` = rate of ``n -> m``). ``G -> X`` at ``pump``, ``X -> XX`` at ``pump_xx``
    (default ``pump``: equal absorption, ASSUMED), ``X -> G`` at ``k_rad_x + k_nr_x``,
    ``XX -> X`` at ``k_rad_xx + k_auger``. This is the exact population dynamics of the
    3-level Lindblad model with incoherent pumping (no coherences are generated).
    """
    r = _positive_scalar(pump, "pump")
    r2 = r if pump_xx is None else _positive_scalar(pump_xx, "pump_xx")
    kx = _positive_scalar(k_rad_x, "k_rad_x") + _nonnegative_scalar(k_nr_x, "k_nr_x")
    kxx = _positive_scalar(k_rad_xx, "k_rad_xx") + _nonnegative_scalar(k_auger, "k_auger")
    W = np.array(
        [
            [-r, kx, 0.0],
            [r, -(kx + r2), kxx],
            [0.0, r2, -kxx],
        ]
    )
    return sp.csr_array(W)


def cascade_g2_cw(
    tau: ArrayLike,
    pump: float,
    k_rad_x: float,
    k_nr_x: float,
    k_rad_xx: float,
    k_auger: float,
    pump_xx: float | None = None,
) -> FloatOrArray:
    """Photon-counting ``g2(tau)`` of the CW-pumped cascade (``docs/perovskite_emission.md`` §2,
    "CW"; pitfalls §9).

    Quantum regression theorem with both radiative channels ``c_1 = sqrt(k_rad_x)|G><X|`` and
    ``c_2 = sqrt(k_rad_xx)|X><XX|`` (sum over jump operators, not the square of a summed
    field):

    ``G2(tau) = sum_ij Tr[c_j^+ c_j e^{L tau}(c_i rho_ss c_i^+)]``, ``I = k_rad_x p_X +
    k_rad_xx p_XX``, so ``g2(0) = k_rad_x k_rad_xx p_XX / I^2`` and ``g2(0) -> eta_XX/eta_X``
    for ``pump -> 0`` (from above). The stationary state and propagation use
    :func:`lightmatter.markov.qrt_correlation`. If ``pump_xx != pump`` the CW limit carries an
    extra factor ``pump_xx/pump`` (``docs/perovskite_emission.md`` §2).

    Parameters
    ----------
    tau : float or array_like
        Delay in ns (any sign).
    pump, pump_xx : float
        Pump rates G -> X and X -> XX in 1/ns (``pump_xx`` defaults to ``pump``).
    k_rad_x, k_nr_x, k_rad_xx, k_auger : float
        As in :func:`cascade_g2_zero`.
    """
    t = _times(tau, "tau")
    W = cascade_generator(pump, k_rad_x, k_nr_x, k_rad_xx, k_auger, pump_xx)
    krx = float(k_rad_x)
    krxx = float(k_rad_xx)
    jump = sp.csr_array(np.array([[0.0, krx, 0.0], [0.0, 0.0, krxx], [0.0, 0.0, 0.0]]))
    observable = np.array([0.0, krx, krxx])
    flat = np.abs(t).ravel()
    g2 = markov.qrt_correlation(W, jump, observable, flat)
    return _out(np.asarray(g2).reshape(t.shape))


@dataclass(frozen=True)
class CascadeMonteCarlo:
    """Result of :func:`cascade_pulsed_monte_carlo`.

    Attributes
    ----------
    g2 : float
        Estimated centre/side ratio ``sum k(k-1) * n_pulses / (sum k)^2``.
    rel_std : float
        Expected relative standard deviation ``1/sqrt(number of pulses with a photon pair)``.
    n_pulses, n_photons, n_pairs : int
        Pulses simulated, photons emitted, pulses with two photons.
    """

    g2: float
    rel_std: float
    n_pulses: int
    n_photons: int
    n_pairs: int


def cascade_pulsed_monte_carlo(
    n_pulses: int,
    mean_excitations: float,
    k_rad_x: float,
    k_nr_x: float,
    k_rad_xx: float,
    k_auger: float,
    rng: np.random.Generator | int,
    chunk: int = 1_000_000,
) -> CascadeMonteCarlo:
    """Seeded pulse-by-pulse Monte Carlo of the pulsed cascade (``docs/perovskite_emission.md`` §2,
    validation of :func:`cascade_g2_zero`).

    Draw order per chunk of pulses: Poisson excitations, Bernoulli X photon, Bernoulli XX photon.
    Detection efficiency is 1 (it cancels in the ratio).
    """
    n_pulses = _count(n_pulses, "n_pulses")
    chunk = _count(chunk, "chunk")
    m = _positive_scalar(mean_excitations, "mean_excitations")
    eta_x = float(quantum_yield(k_rad_x, k_nr_x))
    eta_xx = float(biexciton_quantum_yield(k_rad_xx, k_auger))
    gen = _rng(rng)
    total_k = 0
    total_pairs = 0
    done = 0
    while done < n_pulses:
        n = min(chunk, n_pulses - done)
        exc = gen.poisson(m, n)
        x_photon = (exc >= 1) & (gen.random(n) < eta_x)
        xx_photon = (exc >= 2) & (gen.random(n) < eta_xx)
        k = x_photon.astype(np.int64) + xx_photon
        total_k += int(k.sum())
        total_pairs += int(np.count_nonzero(k == 2))
        done += n
    if total_k == 0:
        raise ValueError("no photons were emitted: increase n_pulses or mean_excitations")
    g2 = 2.0 * total_pairs * n_pulses / float(total_k) ** 2
    rel = 1.0 / math.sqrt(total_pairs) if total_pairs else math.inf
    return CascadeMonteCarlo(g2, rel, n_pulses, total_k, total_pairs)


# ---------------------------------------------------------------------------------------------
# Fig. 4c/e: universal volume scaling and purity vs size (docs/perovskite_emission.md §3)
# ---------------------------------------------------------------------------------------------
def auger_lifetime(
    edge_nm: ArrayLike | None = None,
    *,
    volume_nm3: ArrayLike | None = None,
    c_auger_ps_per_nm3: float = 0.05,
) -> FloatOrArray:
    """Biexciton Auger time ``tau_A,XX = c_A V`` in ns ("universal volume scaling",
    ``docs/perovskite_emission.md`` §3).

    Give exactly one of ``edge_nm`` (cube, ``V = L^3``) or ``volume_nm3``.

    Parameters
    ----------
    edge_nm : float or array_like, optional
        Cube edge length ``L`` in nm, ``> 0``.
    volume_nm3 : float or array_like, optional
        Volume in nm^3, ``> 0``.
    c_auger_ps_per_nm3 : float
        Slope ``c_A`` in ps/nm^3 (ASSUMED 0.05: order of magnitude of the linear scaling reported
        for CsPbX3 NCs, ``docs/perovskite_emission.md`` §3; the linear law is reported for strong
        confinement only and becomes sublinear above the Bohr diameter).

    Returns
    -------
    float or numpy.ndarray
        ``tau_A,XX`` in ns.
    """
    if (edge_nm is None) == (volume_nm3 is None):
        raise ValueError("give exactly one of edge_nm or volume_nm3")
    c = _positive_scalar(c_auger_ps_per_nm3, "c_auger_ps_per_nm3")
    V = (
        _positive(edge_nm, "edge_nm") ** 3
        if volume_nm3 is None
        else _positive(volume_nm3, "volume_nm3")
    )
    return _out(c * V * 1e-3)


@dataclass(frozen=True)
class PurityVsSize:
    """Result of :func:`purity_vs_size` (arrays over the edge lengths).

    Attributes
    ----------
    edge_nm, volume_nm3 : numpy.ndarray
        Cube edge (nm) and volume (nm^3).
    tau_auger_ns : numpy.ndarray
        Biexciton Auger time ``c_A L^3`` (ns).
    eta_x : float
        Exciton quantum yield.
    eta_xx : numpy.ndarray
        Biexciton quantum yield.
    g2_zero : numpy.ndarray
        ``eta_XX / eta_X`` (low-excitation limit).
    purity : numpy.ndarray
        ``1 - g2_zero``.
    """

    edge_nm: NDArray[np.float64]
    volume_nm3: NDArray[np.float64]
    tau_auger_ns: NDArray[np.float64]
    eta_x: float
    eta_xx: NDArray[np.float64]
    g2_zero: NDArray[np.float64]
    purity: NDArray[np.float64]


def purity_vs_size(
    edge_nm: ArrayLike,
    *,
    tau_x: float = 5.0,
    eta_x: float = 0.9,
    xx_rad_factor: float = 4.0,
    c_auger_ps_per_nm3: float = 0.05,
) -> PurityVsSize:
    """``g2(0)`` and purity ``1 - g2(0)`` vs cube edge (review Fig. 4c/e;
    ``docs/perovskite_emission.md`` §3).

    ``g2(0) = eta_XX / eta_X`` with ``eta_XX = k_r,XX / (k_r,XX + 1/tau_A,XX)``,
    ``k_r,XX = xx_rad_factor * k_r,X``, ``k_r,X = eta_X / tau_X`` and ``tau_A,XX = c_A L^3``.

    With the defaults (all ASSUMED, ``docs/perovskite_emission.md`` §3) ``g2(0) = 0.0114`` at 6.6 nm
    (seed: ~0.02 for 6.6 nm CsPbI3), 0.1 at ``L = 14.0`` nm and 0.5 at ``L = 28.3`` nm: trend and
    order of magnitude only. Above the Bohr diameter (~7-12 nm) the measured Auger scaling is
    sublinear, so the large-``L`` part of the curve is an extrapolation of the ASSUMED linear law.

    Parameters
    ----------
    edge_nm : float or array_like
        Edge lengths in nm, ``> 0``.
    tau_x : float
        Exciton lifetime in ns (ASSUMED 5).
    eta_x : float
        Exciton quantum yield in (0, 1] (ASSUMED 0.9).
    xx_rad_factor : float
        ``k_r,XX / k_r,X`` (ASSUMED 4, statistical scaling; 2 is also used).
    c_auger_ps_per_nm3 : float
        Auger volume-scaling slope (ASSUMED 0.05 ps/nm^3).
    """
    L = np.atleast_1d(_positive(edge_nm, "edge_nm"))
    tau_x = _positive_scalar(tau_x, "tau_x")
    eta_x = _probability(eta_x, "eta_x", open_low=True)
    factor = _positive_scalar(xx_rad_factor, "xx_rad_factor")
    tau_a = np.asarray(auger_lifetime(L, c_auger_ps_per_nm3=c_auger_ps_per_nm3), dtype=float)
    k_rad_xx = factor * eta_x / tau_x
    eta_xx = k_rad_xx / (k_rad_xx + 1.0 / tau_a)
    g2 = eta_xx / eta_x
    return PurityVsSize(
        edge_nm=L,
        volume_nm3=L**3,
        tau_auger_ns=np.atleast_1d(tau_a),
        eta_x=eta_x,
        eta_xx=np.atleast_1d(eta_xx),
        g2_zero=np.atleast_1d(g2),
        purity=np.atleast_1d(1.0 - g2),
    )
