"""Absorption cross-section at 3.1 eV vs volume and the universal gain threshold (Fig. 10).

Derivation: ``docs/qd_gain.md`` §6.

* CdSe: Leatherdale, Woo, Mikulec, Bawendi, J. Phys. Chem. B 106, 7619 (2002): C_abs(350 nm) =
  5.501e5 a^3 cm^-1 (a = radius in cm), i.e. 1.313e-16 cm^2 per nm^3 of volume; with a 400/350 nm
  ratio of 0.55 (ASSUMED) sigma_400 = 7.22e-17 cm^2 x V[nm^3]. The paper cites Yu et al., Chem.
  Mater. 15, 2854 (2003) (its ref. 108), whose epsilon = 5857 D^2.65 is for the band-edge peak; the
  3.1 eV continuum value scales with V.
* CsPbBr3: sigma_400 proportional to V (Puthenpurayil et al., J. Chem. Phys. 151, 154706 (2019),
  the paper's ref. 109; Maes et al., J. Phys. Chem. Lett. 9, 3093 (2018)); prefactor 1.8x CdSe
  per volume (ASSUMED; the paper says only "larger per unit cell").

<N>_th = J_th sigma_400 (the paper's definition, Fig. 10b) is size independent; J_th(V) =
<N>_th / (sigma_400(V) photons_per_mJ) falls as 1/V, which reproduces the Standard Model's ASE
threshold-volume correlation (Fig. 2d) without any Auger physics.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import brentq

from . import spectra
from .ase import photons_per_mJ
from .spectra import SimpleModel

__all__ = [
    "LEATHERDALE_CM2_PER_NM3_350",
    "fluence_threshold",
    "shell_factor",
    "shell_thickness_for_factor",
    "sigma_400",
    "threshold_curves",
    "xx_binding_for_factor",
]

#: Leatherdale 2002: 5.501e5 a^3 cm^-1 (a in cm) -> per nm^3 of volume (4/3 pi a^3)
LEATHERDALE_CM2_PER_NM3_350 = 5.501e5 * 1e-21 / (4.0 / 3.0 * math.pi)


def sigma_400(V: ArrayLike, per_volume: float) -> NDArray[np.float64]:
    """sigma_400 = per_volume x V (cm^2), V in nm^3, ``per_volume`` in cm^2/nm^3 (Fig. 10a)."""
    Va = np.asarray(V, dtype=float)
    if np.any(~(Va > 0)):
        raise ValueError("V must be positive")
    if not per_volume > 0:
        raise ValueError(f"per_volume must be positive, got {per_volume}")
    return per_volume * Va


def fluence_threshold(
    N_th: float, sigma: ArrayLike, wavelength_nm: float = 400.0
) -> NDArray[np.float64]:
    """J_th = <N>_th / (sigma photons_per_mJ) in mJ/cm^2 (Fig. 10b companion; linear mapping)."""
    s = np.asarray(sigma, dtype=float)
    if np.any(~(s > 0)):
        raise ValueError("sigma must be positive")
    if not N_th >= 0:
        raise ValueError(f"N_th must be >= 0, got {N_th}")
    return N_th / (s * photons_per_mJ(wavelength_nm))


def shell_factor(
    V_core: ArrayLike, thickness: float, eta: float = 1.0, absorption_ratio: float = 1.0
) -> NDArray[np.float64]:
    """Absorption gain of a light-harvesting shell: f = 1 + eta rho [((R + t)/R)^3 - 1].

    docs/qd_gain.md §6.1. sigma_400 of core + shell over that of the bare core, for a spherical
    core of volume ``V_core`` (nm^3, R = (3V/4 pi)^(1/3)), shell ``thickness`` t (nm), shell
    absorption per volume ``absorption_ratio`` rho times the core's (both ∝ V at 3.1 eV, Fig. 10a)
    and exciton transfer efficiency ``eta`` to the core. The emissive properties are unchanged
    (PAPER), so the threshold in core photons absorbed drops by f.
    """
    V = np.asarray(V_core, dtype=float)
    if np.any(~(V > 0)) or not thickness >= 0 or not eta > 0 or not absorption_ratio > 0:
        raise ValueError("V_core, eta, absorption_ratio must be positive, thickness >= 0")
    R = np.cbrt(3.0 * V / (4.0 * math.pi))
    return 1.0 + eta * absorption_ratio * (((R + thickness) / R) ** 3 - 1.0)


def shell_thickness_for_factor(
    factor: float, V_core: float, eta: float = 1.0, absorption_ratio: float = 1.0
) -> float:
    """Shell thickness t (nm) with :func:`shell_factor` = ``factor`` for a core of ``V_core``.

    Inverse of :func:`shell_factor`: t = R [(1 + (f - 1)/(eta rho))^(1/3) - 1] (§6.1).
    """
    if not factor >= 1:
        raise ValueError(f"factor must be >= 1, got {factor}")
    if not (V_core > 0 and eta > 0 and absorption_ratio > 0):
        raise ValueError("V_core, eta, absorption_ratio must be positive")
    R = (3.0 * V_core / (4.0 * math.pi)) ** (1.0 / 3.0)
    return R * ((1.0 + (factor - 1.0) / (eta * absorption_ratio)) ** (1.0 / 3.0) - 1.0)


def xx_binding_for_factor(
    model: SimpleModel, factor: float, bracket: tuple[float, float] = (0.0, 0.3), **threshold_kw
) -> tuple[float, float]:
    """Emissive XX binding Delta_XXE that lowers the SE threshold of ``model`` by ``factor``.

    docs/qd_gain.md §6.1: the root of N_th(Delta_XXE) = N_th(model)/factor, N_th the primary
    (SE-max) threshold of :func:`spectra.se_threshold` (``threshold_kw`` passed on), searched
    in ``bracket`` (eV). Returns (Delta_XXE, N_th there); NaN if the bracket has no root.
    """
    if not factor > 1:
        raise ValueError(f"factor must be > 1, got {factor}")
    target = spectra.se_threshold(model, **threshold_kw).N / factor

    def f(d: float) -> float:
        return spectra.se_threshold(replace(model, delta_xxe=d), **threshold_kw).N - target

    lo, hi = bracket
    if not f(lo) * f(hi) < 0:
        return float("nan"), float("nan")
    d = float(brentq(f, lo, hi, xtol=1e-7))
    return d, f(d) + target


def threshold_curves(
    *,
    universal: float,
    ase_400: float,
    alloy: float,
    cspbbr3: float,
    xx_engineered: float,
    shell: ArrayLike,
    four_level: float,
    labels: dict[str, str] | None = None,
) -> dict[str, NDArray[np.float64]]:
    """The <N>_th of the Fig. 10b curves, by label (docs/qd_gain.md §6).

    ``universal``: SE threshold of the 3LS + ESA with band-edge (Rabi) excitation; ``ase_400``:
    its ASE threshold in photons absorbed sigma J under 400 nm Poisson excitation; ``alloy``: SE
    threshold with the graded-alloy Delta_XXA2; ``cspbbr3``: the paper's CsPbBr3 value;
    ``xx_engineered``: SE threshold with the engineered Delta_XXE; ``shell``: universal over the
    shell factor at each volume (array); ``four_level``: the 4LS limit. ``labels`` renames keys.
    """
    sh = np.asarray(shell, dtype=float)
    vals = {
        "universal": universal,
        "ase_400": ase_400,
        "alloy": alloy,
        "cspbbr3": cspbbr3,
        "xx_engineered": xx_engineered,
        "shell": sh,
        "four_level": four_level,
    }
    for k, v in vals.items():
        if np.any(~(np.asarray(v) >= 0)):
            raise ValueError(f"{k} must be >= 0")
    names = labels or {}
    return {
        names.get(k, k): np.broadcast_to(np.asarray(v, float), sh.shape) for k, v in vals.items()
    }
