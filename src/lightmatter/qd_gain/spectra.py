"""Gaussian "Simple Model" of the nonlinear absorption OD_NL(E, <N>) (paper Fig. 8).

Derivation: ``docs/qd_gain.md`` §3-4.

All lineshapes are unit-peak Gaussians (in units of sigma_A, the peak of the linear absorption)
with one width w = FWHM / sqrt(8 ln 2):

* A_X   (0 -> X_A)        at E_A
* PL_X  (X_E -> 0)        at E_PL = E_A - S            (S: Stokes shift)
* A_XX2 (X_E -> XX_A2)    at E_A - Delta_XXA2          (Delta_XX = E_{0,X} - E_{X,XX})
* PL_XX (XX_E -> X_E)     at E_PL - Delta_XXE
* A_XX1 (X_A -> XX_A1)    at E_A - Delta_XXA1          (display only: X_A relaxes in 500 fs)

With band-edge filling n and biexciton fraction q (:func:`statistics.occupation`)::

    OD_NL = (1 - n) A_X  -  (n - q) PL_X  -  q PL_XX  +  kappa n A_XX2  [- q w_MX MX]

(OD_0 + GSB, SE, ESA; the last, optional term is the blue multi-exciton emission of the
Fig. 9f stand-in, docs/qd_gain.md §5.5). No ESA: kappa = 0 (two uncorrelated excitons).
3LS vs 4LS differ only in the Stokes shift (3LS: fine structure, S3 = 10 meV; 4LS:
S4 = w sqrt(2 ln(1/r)) with r = A_X(E_PL)/PL_X(E_PL) = 1/3; FITTED, docs/qd_gain.md §3.1).

Thresholds (docs/qd_gain.md §3.2):

* ``se_max`` (primary): the <N> at which OD_NL changes sign at E_max, the energy of the SE
  maximum of the fully inverted spectrum (E_max = argmin_E OD_NL(E, N_max), N_max = 2).
* ``first_gain`` (secondary, "energy of the SE threshold"): the smallest <N> with
  min_E OD_NL(E, <N>) <= -eps (eps = 0.01 sigma_A by default), E in the search window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import brentq, minimize_scalar

from .statistics import OCCUPANCIES, occupation

__all__ = [
    "SCHEMES",
    "SimpleModel",
    "Threshold",
    "analytic_se_threshold",
    "components",
    "fwhm_to_sigma",
    "od_nl",
    "scheme_model",
    "se_cross_section_ratio",
    "se_max_energy",
    "se_threshold",
    "spontaneous_source",
    "stokes_from_overlap",
    "with_binding",
]

FWHM_FACTOR = math.sqrt(8.0 * math.log(2.0))
#: the four Simple Model schemes of Figs. 8c-f and 9a-d: 3- or 4-level lasing scheme (3LS, 4LS),
#: without or with ESA into the biexciton (suffix ``_ESA``)
SCHEMES: tuple[str, ...] = ("3LS", "4LS", "3LS_ESA", "4LS_ESA")


def fwhm_to_sigma(fwhm: float) -> float:
    """Gaussian standard deviation w of a FWHM."""
    return fwhm / FWHM_FACTOR


def stokes_from_overlap(fwhm: float, overlap: float) -> float:
    """Stokes shift S with A_X(E_PL)/PL_X(E_PL) = ``overlap``: S = w sqrt(2 ln(1/r)).

    docs/qd_gain.md §3.1.
    """
    if not 0.0 < overlap <= 1.0:
        raise ValueError(f"overlap must be in (0, 1], got {overlap}")
    if fwhm <= 0:
        raise ValueError(f"fwhm must be positive, got {fwhm}")
    return fwhm_to_sigma(fwhm) * math.sqrt(2.0 * math.log(1.0 / overlap))


@dataclass(frozen=True)
class SimpleModel:
    """Parameters of the Simple Model (energies in eV; docs/qd_gain.md §3.4).

    ``delta_xxa2`` None means resonant ESA (Delta_XXA2 = S: A_XX2 at E_PL, Fig. 7a).
    ``mx_weight``/``mx_shift``: optional blue multi-exciton emission (Fig. 9f stand-in only).
    """

    stokes: float
    E_A: float = 2.1
    fwhm: float = 0.1
    kappa: float = 0.0
    delta_xxa2: float | None = None
    delta_xxe: float = 0.0
    delta_xxa1: float = 0.02
    occupancy: str = "binomial"
    mx_weight: float = 0.0
    mx_shift: float = 0.05

    def __post_init__(self) -> None:
        for name in ("E_A", "fwhm"):
            v = getattr(self, name)
            if not np.isfinite(v) or v <= 0:
                raise ValueError(f"{name} must be positive, got {v}")
        for name in ("stokes", "kappa", "mx_weight"):
            v = getattr(self, name)
            if not np.isfinite(v) or v < 0:
                raise ValueError(f"{name} must be >= 0, got {v}")
        for name in ("delta_xxe", "delta_xxa1", "mx_shift"):
            if not np.isfinite(getattr(self, name)):
                raise ValueError(f"{name} must be finite")
        if self.delta_xxa2 is not None and not np.isfinite(self.delta_xxa2):
            raise ValueError("delta_xxa2 must be finite or None")
        if self.occupancy not in OCCUPANCIES:
            raise ValueError(f"occupancy must be one of {OCCUPANCIES}, got {self.occupancy!r}")

    @property
    def width(self) -> float:
        """Gaussian standard deviation w (eV)."""
        return fwhm_to_sigma(self.fwhm)

    @property
    def E_PL(self) -> float:
        """PL_X centre E_A - S (eV)."""
        return self.E_A - self.stokes

    @property
    def dxxa2(self) -> float:
        """Absorptive XX binding energy Delta_XXA2 actually used (eV)."""
        return self.stokes if self.delta_xxa2 is None else float(self.delta_xxa2)

    @property
    def n_max(self) -> float:
        """Largest <N> of the model axis: 2 (full inversion, binomial) or 6 (Poisson)."""
        return 2.0 if self.occupancy == "binomial" else 6.0

    def centres(self) -> dict[str, float]:
        """Centres of the five transitions (eV)."""
        return {
            "A_X": self.E_A,
            "PL_X": self.E_PL,
            "A_XX1": self.E_A - self.delta_xxa1,
            "A_XX2": self.E_A - self.dxxa2,
            "PL_XX": self.E_PL - self.delta_xxe,
            "MX": self.E_PL + self.mx_shift,
        }


def scheme_model(
    scheme: str,
    *,
    stokes_3ls: float = 0.010,
    overlap_4ls: float = 1.0 / 3.0,
    kappa: float = 2.0 / 3.0,
    **kw: float | str | None,
) -> SimpleModel:
    """The model of one of the :data:`SCHEMES` (docs/qd_gain.md §3.1).

    The lasing scheme sets the Stokes shift (3LS: ``stokes_3ls``; 4LS: from ``overlap_4ls`` by
    :func:`stokes_from_overlap`); the ``_ESA`` suffix switches on ESA into XX with strength
    ``kappa`` (0 otherwise). ``kw`` (E_A, fwhm, delta_xxa2, delta_xxe, delta_xxa1, occupancy,
    mx_weight, mx_shift) pass through to :class:`SimpleModel`.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {SCHEMES}, got {scheme!r}")
    fwhm = float(kw.get("fwhm", 0.1))  # type: ignore[arg-type]
    S = stokes_3ls if scheme.startswith("3LS") else stokes_from_overlap(fwhm, overlap_4ls)
    k = kappa if scheme.endswith("ESA") else 0.0
    return SimpleModel(stokes=float(S), kappa=float(k), **kw)  # type: ignore[arg-type]


def _g(E: NDArray, E0: float, w: float) -> NDArray:
    return np.exp(-0.5 * ((E - E0) / w) ** 2)


def components(E: ArrayLike, model: SimpleModel) -> dict[str, NDArray[np.float64]]:
    """The unit-peak Gaussian lineshapes A_X, PL_X, A_XX1, A_XX2, PL_XX, MX at ``E`` (Fig. 8a)."""
    Ea = np.asarray(E, dtype=float)
    w = model.width
    return {k: _g(Ea, c, w) for k, c in model.centres().items()}


def _check_N(N: NDArray, model: SimpleModel) -> None:
    if np.any(~np.isfinite(N)) or np.any(N < 0) or np.any(N > model.n_max + 1e-12):
        raise ValueError(f"N must be in [0, {model.n_max}] for occupancy {model.occupancy!r}")


def od_nl(E: ArrayLike, N: ArrayLike, model: SimpleModel) -> NDArray[np.float64]:
    """OD_NL(E, <N>) in units of sigma_A (docs/qd_gain.md §3.1); ``E`` and ``N`` broadcast.

    For a map pass ``E[None, :]`` and ``N[:, None]`` (shape (nN, nE)). Negative values are SE
    (gain).
    """
    Ea = np.asarray(E, dtype=float)
    Na = np.asarray(N, dtype=float)
    _check_N(Na, model)
    n, q = occupation(Na, model.occupancy)
    c = components(Ea, model)
    out = (1.0 - n) * c["A_X"] - (n - q) * c["PL_X"] - q * c["PL_XX"] + model.kappa * n * c["A_XX2"]
    if model.mx_weight:
        out = out - model.mx_weight * q * c["MX"]
    return out


def spontaneous_source(E: ArrayLike, N: ArrayLike, model: SimpleModel) -> NDArray[np.float64]:
    """Einstein-consistent spontaneous source S(E) = (n-q) PL_X + q PL_XX [+ q w_MX MX].

    docs/qd_gain.md §5.1.
    """
    Ea = np.asarray(E, dtype=float)
    Na = np.asarray(N, dtype=float)
    _check_N(Na, model)
    n, q = occupation(Na, model.occupancy)
    c = components(Ea, model)
    out = (n - q) * c["PL_X"] + q * c["PL_XX"]
    if model.mx_weight:
        out = out + model.mx_weight * q * c["MX"]
    return out


class Threshold(NamedTuple):
    """An SE threshold: <N>_th (NaN if no gain up to N_max) and the energy (eV) it refers to."""

    N: float
    E: float


def _window(model: SimpleModel, window: tuple[float, float], num: int) -> NDArray:
    lo, hi = window
    if not lo < hi:
        raise ValueError(f"window must be (low, high) with low < high, got {window}")
    if num < 16:
        raise ValueError(f"num must be >= 16, got {num}")
    return model.E_A + np.linspace(lo, hi, int(num))


def _refined_min(f, E: NDArray, vals: NDArray) -> tuple[float, float]:
    """Grid minimum of f refined by a bounded 1-D minimisation between the neighbours."""
    i = int(np.argmin(vals))
    lo, hi = E[max(i - 1, 0)], E[min(i + 1, E.size - 1)]
    if i in (0, E.size - 1):
        return float(E[i]), float(vals[i])
    r = minimize_scalar(f, bounds=(lo, hi), method="bounded", options={"xatol": 1e-10})
    if r.fun < vals[i]:
        return float(r.x), float(r.fun)
    return float(E[i]), float(vals[i])


def se_max_energy(
    model: SimpleModel, window: tuple[float, float] = (-0.6, 0.2), num: int = 1601
) -> tuple[float, float]:
    """(E_max, OD_NL(E_max, N_max)): the SE maximum of the fully inverted spectrum.

    docs/qd_gain.md §3.2.
    """
    E = _window(model, window, num)
    Nm = model.n_max
    vals = od_nl(E, Nm, model)
    return _refined_min(lambda e: float(od_nl(e, Nm, model)), E, vals)


def _first_root(f, N: NDArray, vals: NDArray) -> float:
    neg = np.nonzero(vals <= 0.0)[0]
    if neg.size == 0:
        return float("nan")
    j = int(neg[0])
    if j == 0:
        return float(N[0])
    return float(brentq(f, N[j - 1], N[j], xtol=1e-13, rtol=1e-13))


def se_threshold(
    model: SimpleModel,
    definition: str = "se_max",
    eps: float = 0.01,
    window: tuple[float, float] = (-0.6, 0.2),
    num: int = 1601,
    num_N: int = 201,
) -> Threshold:
    """SE threshold <N>_th of the Simple Model (paper Figs. 8c-h; docs/qd_gain.md §3.2).

    ``definition="se_max"`` (primary): E* = argmin_E OD_NL(E, N_max) (the SE maximum of the
    fully inverted spectrum, N_max = 2 for binomial occupancy) and <N>_th is the smallest root
    of OD_NL(E*, <N>) = 0. ``definition="first_gain"``: the smallest <N> at which
    min_E OD_NL(E, <N>) <= -eps over E in E_A + ``window`` (eV); E* is then the energy of that
    first gain. Minima are found on a ``num``-point grid, then refined by bounded minimisation;
    roots by a ``num_N``-point scan, then Brent. Returns NaN if there is no gain up to N_max.
    """
    if definition not in ("se_max", "first_gain"):
        raise ValueError(f"definition must be 'se_max' or 'first_gain', got {definition!r}")
    if not 0 < eps < 1:
        raise ValueError(f"eps must be in (0, 1), got {eps}")
    if num_N < 3:
        raise ValueError(f"num_N must be >= 3, got {num_N}")
    Ngrid = np.linspace(0.0, model.n_max, int(num_N))
    if definition == "se_max":
        Es, _ = se_max_energy(model, window, num)
        vals = od_nl(Es, Ngrid, model)
        Nth = _first_root(lambda x: float(od_nl(Es, x, model)), Ngrid, vals)
        return Threshold(Nth, Es)
    E = _window(model, window, num)

    def gmin(x: float) -> tuple[float, float]:
        v = od_nl(E, x, model)
        return _refined_min(lambda e: float(od_nl(e, x, model)), E, v)

    vals = od_nl(E[None, :], Ngrid[:, None], model).min(axis=1) + eps
    Nth = _first_root(lambda x: gmin(x)[1] + eps, Ngrid, vals)
    if not np.isfinite(Nth):
        return Threshold(float("nan"), float("nan"))
    return Threshold(Nth, gmin(Nth)[0])


def analytic_se_threshold(model: SimpleModel) -> float:
    """Closed form 2r/(r + 1 - kappa), r = exp(-S^2/2w^2) (docs/qd_gain.md §3.2).

    Valid for binomial occupancy, resonant ESA (Delta_XXA2 = S), Delta_XXE = 0 and no MX term.
    """
    if (
        model.occupancy != "binomial"
        or abs(model.dxxa2 - model.stokes) > 1e-15
        or model.delta_xxe != 0
        or model.mx_weight
    ):
        raise ValueError("model: closed form needs binomial, resonant ESA, delta_xxe = 0, no MX")
    r = math.exp(-(model.stokes**2) / (2 * model.width**2))
    return 2 * r / (r + 1 - model.kappa)


def se_cross_section_ratio(
    model: SimpleModel, window: tuple[float, float] = (-0.6, 0.2), num: int = 1601
) -> float:
    """|sigma_SE/sigma_A| = max_E[-OD_NL(E, N_max)] / max_E OD_0(E) (docs/qd_gain.md §3.2).

    OD_0 = A_X has unit peak, so this is -min_E OD_NL(E, N_max), refined by bounded
    minimisation. 1 without ESA, 1 - kappa with resonant ESA.
    """
    _, v = se_max_energy(model, window, num)
    return max(0.0, -v) / 1.0


def with_binding(model: SimpleModel, delta_xxa2: float) -> SimpleModel:
    """Copy of ``model`` with absorptive XX binding energy Delta_XXA2 (eV; Fig. 8g-h)."""
    return replace(model, delta_xxa2=float(delta_xxa2))
