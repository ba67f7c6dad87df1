"""Amplified spontaneous emission from the Simple Model SE spectra (paper Fig. 9; note §5).

1-D stripe amplification without film losses (PAPER: "no material losses due to film
quality"), static in time (no XX Auger lifetime enters, as the paper says)::

    I(E) = S(E) (exp(gL) - 1)/gL,   gL(E) = -G0 OD_NL(E, <N>),   S = (n-q) PL_X + q PL_XX

G0 = rho sigma_A L is the gain-length product at full inversion without ESA (ASSUMED/FITTED,
default 30). Threshold (ASSUMED): M(<N>) = int I dE / int S dE reaches ``m_threshold`` (2).

Fluence <-> <N> mapping (note §5.3), a named configuration choice:

* ``area`` (INFERRED, default for Fig. 9): <N> = 2 min(1, sqrt(J/J_pi)) (pulse area
  theta ~ sqrt(J)); J_pi FITTED by log-least-squares to the paper's four ASE thresholds.
* ``linear`` (the paper's own definition, Fig. 10b): <N> = min(2, sigma J).
* ``rabi``: <N> = 2 sin^2(sqrt(sigma J / 2)) up to full inversion, 2 beyond.

The paper's four ASE thresholds (0.27, 0.69, 0.06, 0.30 mJ/cm^2) are, within ~10 %, in the
ratio of the squared SE thresholds, which only the ``area`` mapping produces: with ``linear``
no single sigma can reproduce 0.69/0.27 (the <N> ratio is ~1.5).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import brentq

from .spectra import SimpleModel, od_nl, spontaneous_source

__all__ = [
    "MAPPINGS",
    "AseParams",
    "AseThreshold",
    "N_to_fluence",
    "amplification",
    "ase_spectra",
    "ase_threshold",
    "fit_pulse_area_fluence",
    "fluence_to_N",
    "photons_per_mJ",
]

MAPPINGS: tuple[str, ...] = ("area", "linear", "rabi")
H_PLANCK = 6.62607015e-34  # J s
C_LIGHT = 2.99792458e8  # m/s


def photons_per_mJ(wavelength_nm: float = 400.0) -> float:
    """Photons per mJ at ``wavelength_nm`` (2.0136e15 at 400 nm)."""
    if wavelength_nm <= 0:
        raise ValueError(f"wavelength_nm must be positive, got {wavelength_nm}")
    return 1e-3 / (H_PLANCK * C_LIGHT / (wavelength_nm * 1e-9))


@dataclass(frozen=True)
class AseParams:
    """ASE model parameters (note §5). Fluences in mJ/cm^2, cross-section in cm^2."""

    G0: float = 30.0
    mapping: str = "area"
    J_pi: float = 1.1
    sigma_pump: float = 5e-15
    wavelength_nm: float = 400.0
    m_threshold: float = 2.0
    window: tuple[float, float] = (-0.5, 0.3)
    num: int = 1601

    def __post_init__(self) -> None:
        if self.mapping not in MAPPINGS:
            raise ValueError(f"mapping must be one of {MAPPINGS}, got {self.mapping!r}")
        for name in ("G0", "J_pi", "sigma_pump", "wavelength_nm"):
            v = getattr(self, name)
            if not np.isfinite(v) or v <= 0:
                raise ValueError(f"{name} must be positive, got {v}")
        if not self.m_threshold > 1:
            raise ValueError(f"m_threshold must be > 1, got {self.m_threshold}")
        if not self.window[0] < self.window[1]:
            raise ValueError(f"window must be increasing, got {self.window}")
        if self.num < 16:
            raise ValueError(f"num must be >= 16, got {self.num}")

    def energies(self, model: SimpleModel) -> NDArray[np.float64]:
        """The ASE energy grid E_A + window (eV)."""
        return model.E_A + np.linspace(self.window[0], self.window[1], int(self.num))


def fluence_to_N(J: ArrayLike, p: AseParams, n_max: float = 2.0) -> NDArray[np.float64]:
    """<N>(J) for the configured mapping (``p.mapping``; note §5.3). J in mJ/cm^2."""
    Ja = np.asarray(J, dtype=float)
    if np.any(~np.isfinite(Ja)) or np.any(Ja < 0):
        raise ValueError("J must be finite and >= 0")
    if p.mapping == "area":
        return n_max * np.minimum(1.0, np.sqrt(Ja / p.J_pi))
    x = p.sigma_pump * photons_per_mJ(p.wavelength_nm) * Ja
    if p.mapping == "linear":
        return np.minimum(n_max, x)
    return np.where(x < math.pi**2 / 2, 2.0 * np.sin(np.sqrt(x / 2.0)) ** 2, 2.0)


def N_to_fluence(N: ArrayLike, p: AseParams, n_max: float = 2.0) -> NDArray[np.float64]:
    """Inverse of :func:`fluence_to_N` on 0 <= N <= n_max (mJ/cm^2)."""
    Na = np.asarray(N, dtype=float)
    if np.any(~(Na >= 0)) or np.any(Na > n_max + 1e-12):
        raise ValueError(f"N must be in [0, {n_max}]")
    if p.mapping == "area":
        return p.J_pi * (Na / n_max) ** 2
    k = p.sigma_pump * photons_per_mJ(p.wavelength_nm)
    if p.mapping == "linear":
        return Na / k
    return 2.0 * np.arcsin(np.sqrt(np.clip(Na / 2.0, 0, 1))) ** 2 / k


def _gain_factor(gL: NDArray) -> NDArray:
    small = np.abs(gL) < 1e-12
    safe = np.where(small, 1.0, gL)
    return np.where(small, 1.0 + 0.5 * gL, np.expm1(safe) / safe)


def _spectra_N(E: NDArray, N: NDArray, model: SimpleModel, G0: float) -> tuple[NDArray, NDArray]:
    N2 = np.asarray(N, dtype=float)[..., None]
    gL = -G0 * od_nl(E, N2, model)
    S = spontaneous_source(E, N2, model)
    return S * _gain_factor(gL), S


def ase_spectra(
    J: ArrayLike, model: SimpleModel, params: AseParams | None = None
) -> dict[str, NDArray[np.float64]]:
    """ASE output spectra I(E) at fluences ``J`` (mJ/cm^2; paper Figs. 9a-d, note §5.1).

    Returns ``E`` (nE,), ``N`` (nJ,), ``I`` and ``S`` (nJ, nE; units of the PL peak per unit
    length) and the amplification ``M`` = int I / int S (nJ,; 1 where S = 0).
    """
    p = params or AseParams()
    E = p.energies(model)
    N = fluence_to_N(np.atleast_1d(J), p, model.n_max)
    I, S = _spectra_N(E, N, model, p.G0)
    return {"E": E, "N": N, "I": I, "S": S, "M": _ratio(I, S)}


def _ratio(I: NDArray, S: NDArray) -> NDArray:
    si, ss = I.sum(axis=-1), S.sum(axis=-1)  # uniform grid: the spacing cancels
    return np.where(ss > 0, si / np.where(ss > 0, ss, 1.0), 1.0)


def amplification(N: ArrayLike, model: SimpleModel, params: AseParams | None = None) -> NDArray:
    """M(<N>) = int I dE / int S dE (note §5.2), vectorised over ``N``."""
    p = params or AseParams()
    E = p.energies(model)
    I, S = _spectra_N(E, np.atleast_1d(np.asarray(N, dtype=float)), model, p.G0)
    return _ratio(I, S)


class AseThreshold(NamedTuple):
    """ASE threshold: <N>_th (mapping independent) and J_th (mJ/cm^2) of the chosen mapping."""

    N: float
    J: float


def ase_threshold(
    model: SimpleModel, params: AseParams | None = None, num_N: int = 201
) -> AseThreshold:
    """ASE threshold where M(<N>) = m_threshold (ASSUMED criterion M = 2; note §5.2).

    Bracketed on a ``num_N`` scan of <N> in (0, N_max], then Brent; J_th from the inverse
    fluence mapping. NaN if M never reaches the criterion.
    """
    p = params or AseParams()
    if num_N < 3:
        raise ValueError(f"num_N must be >= 3, got {num_N}")
    Ng = np.linspace(model.n_max / num_N, model.n_max, int(num_N))
    M = amplification(Ng, model, p) - p.m_threshold
    above = np.nonzero(M >= 0)[0]
    if above.size == 0:
        return AseThreshold(float("nan"), float("nan"))
    j = int(above[0])
    if j == 0:
        Nth = float(Ng[0])
    else:
        Nth = float(
            brentq(
                lambda x: float(amplification(x, model, p)[0]) - p.m_threshold,
                Ng[j - 1],
                Ng[j],
                xtol=1e-12,
            )
        )
    return AseThreshold(Nth, float(N_to_fluence(Nth, p, model.n_max)))


def fit_pulse_area_fluence(N_th: ArrayLike, J_paper: ArrayLike, n_max: float = 2.0) -> float:
    """J_pi of the ``area`` mapping by log-least-squares (note §5.3, FITTED).

    J_th = J_pi (N_th/n_max)^2 gives ln J_pi = mean(ln J_paper - 2 ln(N_th/n_max)).
    """
    N = np.asarray(N_th, dtype=float)
    Jp = np.asarray(J_paper, dtype=float)
    if N.shape != Jp.shape or N.size == 0:
        raise ValueError("N_th and J_paper must be non-empty and of equal shape")
    if np.any(~(N > 0)) or np.any(~(Jp > 0)):
        raise ValueError("N_th and J_paper must be positive")
    return float(np.exp(np.mean(np.log(Jp) - 2.0 * np.log(N / n_max))))
