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

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .ase import photons_per_mJ

__all__ = [
    "LEATHERDALE_CM2_PER_NM3_350",
    "fluence_threshold",
    "sigma_400",
    "threshold_curves",
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


def threshold_curves(
    *,
    universal: float,
    alloy: float,
    cspbbr3: float,
    four_level: float,
    xx_engineering_factor: float,
    shell_factor: float,
) -> dict[str, float]:
    """The size-independent <N>_th of the Fig. 10b curves, by label (docs/qd_gain.md §6).

    ``universal``: SE threshold of the CdSe Simple Model (3LS + ESA); ``alloy``: the same with
    the graded-alloy Delta_XXA2; ``cspbbr3``: the paper's CsPbBr3 value; ``four_level``: the 4LS
    limit. The paper's predicted curves lower the universal threshold by a factor:
    <N>_th / ``xx_engineering_factor`` (engineered XX interactions) and
    <N>_th / ``shell_factor`` (light-harvesting shells).
    """
    for name, f in (
        ("xx_engineering_factor", xx_engineering_factor),
        ("shell_factor", shell_factor),
    ):
        if not f >= 1:
            raise ValueError(f"{name} must be >= 1 (a lowering), got {f}")
    return {
        "CdSe universal (3LS+ESA)": universal,
        "graded alloy (3LS+ESA, weak XX)": alloy,
        "CsPbBr3 (paper)": cspbbr3,
        f"engineered XX (/{xx_engineering_factor:g})": universal / xx_engineering_factor,
        f"light-harvesting shell (/{shell_factor:g})": universal / shell_factor,
        "4LS limit": four_level,
    }
