"""TOY model of the superlattice radiative-rate enhancement vs temperature: review Fig. 6c.

**This is a toy, not a microscopic model** (``docs/perovskite_emission.md`` §7, every parameter
ASSUMED). It only illustrates the seed's statement that the radiative rate of a CsPbBr3 superlattice
is about twice that of isolated QDs at 11 K and that the enhancement disappears as phonon scattering
grows above ~100 K. Captions using it must say so.

``gamma_h(T) = gamma_0 + sigma_ac T + gamma_LO / (exp(E_LO / k_B T) - 1)`` (homogeneous
linewidth, meV), ``N_coh(T) = 1 + (N_coh,0 - 1) gamma_0 / gamma_h(T)`` and
``Gamma_SL / Gamma_QD = N_coh``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .single_photon import _nonnegative_scalar, _positive, _positive_scalar

__all__ = ["K_B_MEV_PER_K", "homogeneous_linewidth", "radiative_rate_enhancement"]

#: Boltzmann constant in meV/K.
K_B_MEV_PER_K = 8.617333262e-2


def homogeneous_linewidth(
    T: ArrayLike,
    *,
    gamma0_mev: float = 1.0,
    sigma_ac_mev_per_k: float = 0.01,
    gamma_lo_mev: float = 40.0,
    e_lo_mev: float = 16.0,
) -> float | NDArray[np.float64]:
    """TOY homogeneous linewidth ``gamma_h(T)`` in meV (``docs/perovskite_emission.md`` §7;
    parameters ASSUMED).

    Acoustic-phonon term linear in ``T`` plus a Bose-Einstein LO-phonon term.
    ``T`` in K, ``> 0``.
    """
    temp = _positive(T, "T")
    g0 = _positive_scalar(gamma0_mev, "gamma0_mev")
    s_ac = _nonnegative_scalar(sigma_ac_mev_per_k, "sigma_ac_mev_per_k")
    g_lo = _nonnegative_scalar(gamma_lo_mev, "gamma_lo_mev")
    e_lo = _positive_scalar(e_lo_mev, "e_lo_mev")
    with np.errstate(over="ignore"):
        bose = 1.0 / np.expm1(e_lo / (K_B_MEV_PER_K * temp))
    out = g0 + s_ac * temp + g_lo * bose
    return float(out) if out.ndim == 0 else out


def radiative_rate_enhancement(
    T: ArrayLike,
    *,
    n_coh0: float = 2.1,
    gamma0_mev: float = 1.0,
    sigma_ac_mev_per_k: float = 0.01,
    gamma_lo_mev: float = 40.0,
    e_lo_mev: float = 16.0,
) -> float | NDArray[np.float64]:
    """TOY ratio ``Gamma_SL / Gamma_QD = N_coh(T)`` (review Fig. 6c; ``docs/perovskite_emission.md``
    §7, ASSUMED).

    The number of coherently coupled dots shrinks as the homogeneous linewidth grows:
    ``N_coh = 1 + (n_coh0 - 1) gamma_0 / gamma_h(T)``. With the defaults the ratio is 1.99 at
    11 K (seed: "approximately two times higher ... at 11 K") and 1.12 at 100 K.

    Parameters
    ----------
    T : float or array_like
        Temperature in K, ``> 0``.
    n_coh0 : float
        Zero-temperature coherence number, ``>= 1``.
    gamma0_mev, sigma_ac_mev_per_k, gamma_lo_mev, e_lo_mev : float
        Linewidth parameters, see :func:`homogeneous_linewidth`.
    """
    n0 = _positive_scalar(n_coh0, "n_coh0")
    if n0 < 1:
        raise ValueError(f"n_coh0 must be >= 1, got {n_coh0!r}")
    gh = np.asarray(
        homogeneous_linewidth(
            T,
            gamma0_mev=gamma0_mev,
            sigma_ac_mev_per_k=sigma_ac_mev_per_k,
            gamma_lo_mev=gamma_lo_mev,
            e_lo_mev=e_lo_mev,
        )
    )
    out = 1.0 + (n0 - 1.0) * float(gamma0_mev) / gh
    return float(out) if out.ndim == 0 else out
