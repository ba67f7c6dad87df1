"""Superlattice radiative-rate enhancement vs temperature from the weak-excitation model with
phonon dephasing: review Fig. 6c (``docs/perovskite_emission.md`` §7).

The homogeneous linewidth (FWHM, energy) of one dot follows the usual acoustic + LO-phonon form
(Rudin, Reinecke and Segall, Phys. Rev. B 42, 11218 (1990)),

    Gamma_hom(T) = Gamma_0 + a_ac T + gamma_LO / (exp(E_LO / k_B T) - 1)          (Eq. 7.1)

and sets the pure-dephasing rate of the emitter's optical coherence,
``1/T2 = Gamma_hom / (2 hbar) = 1/(2 T1) + gamma_phi`` (Eq. 7.2). ``Gamma_0`` is fixed by the
coherence time measured at a reference temperature (review: T2 = 80 ps for CsPbBr3 QDs, its
ref. 48). The rate enhancement of N coherently coupled, identical dots is ``1 / (Gamma tau_e)``
with ``tau_e`` the 1/e lifetime of the one-excitation block started in the symmetric state
(:mod:`weak_excitation`, Eqs. 10.5 and 10.7); static disorder uses the full ``N^2`` solver.
Which parameters are assumed, fitted or cited is in ``docs/perovskite_emission.md`` §7.

Units: T in K, energies in meV, times in ps for T1/T2 (converted to rates in 1/ns).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import weak_excitation
from .single_photon import _nonnegative_scalar, _positive, _positive_scalar

__all__ = [
    "HBAR_MEV_NS",
    "K_B_MEV_PER_K",
    "dephasing_rate",
    "homogeneous_linewidth",
    "rate_enhancement",
]

#: Boltzmann constant in meV/K.
K_B_MEV_PER_K = 8.617333262e-2
#: reduced Planck constant in meV ns.
HBAR_MEV_NS = 6.582119569e-4


def homogeneous_linewidth(
    T: ArrayLike,
    *,
    gamma0_mev: float,
    sigma_ac_mev_per_k: float,
    gamma_lo_mev: float,
    e_lo_mev: float,
) -> float | NDArray[np.float64]:
    """Homogeneous FWHM ``Gamma_hom(T)`` in meV, Eq. 7.1 (``docs/perovskite_emission.md`` §7).
    ``T`` in K, ``> 0``."""
    temp = _positive(T, "T")
    g0 = _nonnegative_scalar(gamma0_mev, "gamma0_mev")
    s_ac = _nonnegative_scalar(sigma_ac_mev_per_k, "sigma_ac_mev_per_k")
    g_lo = _nonnegative_scalar(gamma_lo_mev, "gamma_lo_mev")
    e_lo = _positive_scalar(e_lo_mev, "e_lo_mev")
    with np.errstate(over="ignore"):
        bose = 1.0 / np.expm1(e_lo / (K_B_MEV_PER_K * temp))
    out = g0 + s_ac * temp + g_lo * bose
    return float(out) if out.ndim == 0 else out


def dephasing_rate(
    T: ArrayLike,
    *,
    t1_ps: float,
    t2_ref_ps: float,
    t_ref_k: float,
    sigma_ac_mev_per_k: float,
    gamma_lo_mev: float,
    e_lo_mev: float,
) -> tuple[float | NDArray[np.float64], float | NDArray[np.float64]]:
    """Pure-dephasing rate ``gamma_phi(T)`` in 1/ns and the linewidth ``Gamma_hom(T)`` in meV
    (``docs/perovskite_emission.md`` §7, Eqs. 7.1-7.2).

    ``Gamma_0`` is chosen so that ``Gamma_hom(t_ref_k) = 2 hbar / T2_ref``; the phonon terms
    must not exceed that linewidth at ``t_ref_k`` and ``T2_ref <= 2 T1``.
    """
    t1 = _positive_scalar(t1_ps, "t1_ps") * 1e-3
    t2 = _positive_scalar(t2_ref_ps, "t2_ref_ps") * 1e-3
    if t2 > 2.0 * t1:
        raise ValueError(f"t2_ref_ps = {t2_ref_ps} exceeds the radiative limit 2 t1_ps")
    kw = dict(sigma_ac_mev_per_k=sigma_ac_mev_per_k, gamma_lo_mev=gamma_lo_mev, e_lo_mev=e_lo_mev)
    ref_width = 2.0 * HBAR_MEV_NS / t2
    phonon_ref = float(homogeneous_linewidth(t_ref_k, gamma0_mev=0.0, **kw))
    if phonon_ref > ref_width:
        raise ValueError(
            f"phonon linewidth {phonon_ref:.4g} meV at {t_ref_k} K exceeds the linewidth "
            f"{ref_width:.4g} meV of T2 = {t2_ref_ps} ps"
        )
    width = homogeneous_linewidth(T, gamma0_mev=ref_width - phonon_ref, **kw)
    gphi = np.asarray(width) / (2.0 * HBAR_MEV_NS) - 0.5 / t1
    gphi = np.maximum(gphi, 0.0)
    return (float(gphi) if gphi.ndim == 0 else gphi), width


def rate_enhancement(n: int, gamma: float, gamma_phi: ArrayLike) -> NDArray[np.float64]:
    """``Gamma_eff / Gamma = 1 / (Gamma tau_e)`` of N identical dots started in the symmetric
    state, for each ``gamma_phi`` (``docs/perovskite_emission.md`` §7, Eq. 7.3; exact 2x2
    form, Eq. 10.5). ``N`` for no dephasing, 1 for ``gamma_phi >> N Gamma``."""
    g = _positive_scalar(gamma, "gamma")
    gp = np.atleast_1d(np.asarray(gamma_phi, dtype=float))
    if int(n) == 1:
        return np.ones(gp.shape)
    return np.array([1.0 / (g * weak_excitation.reduced_symmetric(n, g, x).lifetime) for x in gp])
