"""Materials as data: band, phonon, screening and optical parameters of LEDD and noble metals.

A :class:`Material` is built from a plain dict (the config's ``ledd_ttm.materials.<name>``
section), so a further LEDD material is added by config alone. Energies are in eV, everything
else SI. The built-in :data:`MATERIALS` carry, per value, the citation or the claim it was
calibrated to (:data:`SOURCES`; ``docs/ledd_ttm.md`` §2).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

import numpy as np
from scipy import constants as sc

__all__ = ["FIELDS", "MATERIALS", "SOURCES", "Material", "material"]

HBAR = sc.hbar
ME = sc.m_e
QE = sc.e
KB = sc.k
EPS0 = sc.epsilon_0
KB_EV = sc.k / sc.e  # eV/K


@dataclass(frozen=True)
class Material:
    """Parameters of one Drude material (energies in eV, other quantities SI)."""

    name: str
    n_e: float  # conduction-electron density [1/m^3]
    m_eff: float  # band-edge effective mass [m_e]
    C: float  # Kane non-parabolicity [1/eV] (0 = parabolic)
    rho_m: float  # mass density [kg/m^3]
    v_s: float  # sound velocity [m/s]
    E_D: float  # Debye energy [eV]
    D: float  # deformation potential [eV]
    eps_b: float  # background permittivity (screening and Drude)
    C_ph: float  # lattice heat capacity [J/m^3/K]
    hbar_Gamma: float  # Drude damping [eV]
    gamma_exp: float = float("nan")  # experimental Sommerfeld coefficient [J/m^3/K^2]

    @classmethod
    def from_dict(cls, name: str, d: Mapping[str, Any]) -> Material:
        """A material from its parameters (``ValueError`` on an unknown key)."""
        known = {f.name for f in fields(cls)} - {"name"}
        unknown = set(d) - known
        if unknown:
            raise ValueError(f"material {name!r}: unknown keys {sorted(unknown)}")
        return cls(name=name, **{k: float(v) for k, v in d.items()})

    def as_dict(self) -> dict[str, float]:
        """The parameters as a plain dict (without the name), the form :meth:`from_dict` reads."""
        out = asdict(self)
        out.pop("name")
        return out

    def parabolic(self) -> Material:
        """The same material with a parabolic band (C = 0, same band-edge mass m*)."""
        return replace(self, C=0.0)

    # ---------------------------------------------------------------- derived quantities
    @property
    def m(self) -> float:
        """Effective mass [kg]."""
        return self.m_eff * ME

    @property
    def k_F(self) -> float:
        """Fermi wave number (3 pi^2 n)^(1/3) [1/m]."""
        return float(np.cbrt(3 * np.pi**2 * self.n_e))

    @property
    def E_F(self) -> float:
        """Fermi energy from eps(1 + C eps) = hbar^2 k_F^2 / 2m [eV] (``docs/ledd_ttm.md`` §1.1)."""
        g = (HBAR * self.k_F) ** 2 / (2 * self.m) / QE
        if self.C == 0:
            return g
        return (-1 + np.sqrt(1 + 4 * self.C * g)) / (2 * self.C)

    @property
    def q_D(self) -> float:
        """Debye wave number E_D/(hbar v_s) [1/m] (as the paper uses it)."""
        return self.E_D * QE / (HBAR * self.v_s)

    @property
    def hbar_v_s(self) -> float:
        """hbar v_s [eV m]: phonon energy per wave number (E = hbar v_s q)."""
        return HBAR * self.v_s / QE

    @property
    def T_D(self) -> float:
        """Debye temperature E_D / k_B [K]."""
        return self.E_D / KB_EV

    @property
    def m_opt(self) -> float:
        """Optical (Drude) mass m*(1 + 2 C E_F) [kg]."""
        return self.m * (1 + 2 * self.C * self.E_F)


FIELDS = tuple(f.name for f in fields(Material) if f.name != "name")

#: Built-in parameter sets (``docs/ledd_ttm.md`` §2.1). Values are data; see SOURCES.
MATERIALS: dict[str, dict[str, float]] = {
    "ITO": {
        "n_e": 1.8e27,
        "m_eff": 0.3897,
        "C": 0.4191,
        "rho_m": 7120.0,
        "v_s": 5200.0,
        "E_D": 0.060,
        "D": 14.0,
        "eps_b": 3.9,
        "C_ph": 2.6e6,
        "hbar_Gamma": 0.10,
    },
    "Au": {
        "n_e": 5.90e28,
        "m_eff": 1.0,
        "C": 0.0,
        "rho_m": 19300.0,
        "v_s": 3240.0,
        "E_D": 0.01465,
        "D": 20.4,
        "eps_b": 1.0,
        "C_ph": 2.49e6,
        "hbar_Gamma": 0.10,
        "gamma_exp": 68.0,
    },
}

#: Citation or calibration claim of every built-in value (``docs/ledd_ttm.md`` §2.1).
SOURCES: dict[str, dict[str, str]] = {
    "ITO": {
        "n_e": "calibrated: E_F ~ 1 eV, gamma_Au/gamma_ITO ~ 5, ENZ ~ 1.3 um (Lin & Li 2014 range)",
        "m_eff": "assumed: attributed to Liu et al., APL 105, 181117 (2014), not verified",
        "C": "literature: Liu et al., APL 105, 181117 (2014) (seed's citation)",
        "rho_m": "literature: 7120-7160 kg/m^3",
        "v_s": "calibrated: q_D/2k_F = 30^(1/4) ('30-fold' G over-estimate without MC)",
        "E_D": "calibrated: E_D(ITO) = 4 E_D(Au) (seed)",
        "D": "calibrated: G_ITO(300 K) ~ G_Au (seed: Lindhard fit, value lost)",
        "eps_b": "literature: eps_inf 3.79-3.90 (ellipsometry Drude fits)",
        "C_ph": "assumed: order of rho c_p ~ 2.4-2.6e6 (Yagi et al. 2005)",
        "hbar_Gamma": "assumed: ITO ellipsometry 0.09-0.11 eV",
    },
    "Au": {
        "n_e": "literature: free-electron value (Ashcroft & Mermin)",
        "m_eff": "assumed: free-electron mass",
        "C": "parabolic band",
        "rho_m": "literature: handbook",
        "v_s": "literature: longitudinal sound velocity (branch choice assumed)",
        "E_D": "literature: T_D = 165-170 K",
        "D": "calibrated: G_Au ~ 2.4e16 W/m^3/K (Allen 1987 range 2-3e16)",
        "eps_b": "assumed: 1 for screening",
        "C_ph": "literature: rho c_p = 19300 x 129",
        "hbar_Gamma": "assumed",
        "gamma_exp": "literature: Lin, Zhigilei & Celli 2008 (ratio check only)",
    },
}


def material(
    name: str | Mapping[str, Any],
    overrides: Mapping[str, Any] | None = None,
    *,
    table: Mapping[str, Mapping[str, Any]] | None = None,
) -> Material:
    """A :class:`Material` by name (from ``table`` or :data:`MATERIALS`) or from a plain dict.

    ``overrides`` replaces individual values (e.g. ``{"C": 0}`` for the parabolic comparison).
    """
    if isinstance(name, Mapping):
        d = dict(name)
        label = str(d.pop("name", "custom"))
    else:
        src = table if table is not None and name in table else MATERIALS
        if name not in src:
            raise KeyError(f"unknown material {name!r}; known: {sorted(src)}")
        d, label = dict(src[name]), name
    mat = Material.from_dict(label, d)
    if overrides:
        mat = replace(mat, **{k: float(v) for k, v in overrides.items()})
    return mat
