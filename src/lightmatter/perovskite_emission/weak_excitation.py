"""Weak-excitation (single-excitation) superradiance with local dephasing and static disorder:
review Fig. 6b-e and the "single-photon superradiance" of large dots
(``docs/perovskite_emission.md`` §10).

N two-level emitters share at most one excitation. The Lindblad equation with the collective
jump operator ``sqrt(Gamma) S-`` (``S- = sum_i sigma-_i``, the Dicke limit of emitters much
closer than the wavelength), local pure dephasing ``sqrt(gamma_phi / 2) sigma^z_i`` (each
emitter's optical coherence decays at ``gamma_phi``) and static detunings ``delta_i`` closes on
the one-excitation block ``rho_ij = <i|rho|j>`` (``|i>`` = emitter i excited) plus the ground
population (``docs/perovskite_emission.md`` §10, Eq. 10.3):

    d rho/dt = -i (H_eff rho - rho H_eff^dag) - 2 gamma_phi (rho - diag rho),
    H_eff = diag(delta) - (i/2) G,        G = Gamma 1 1^T  (or Gamma 1 for independent emitters),
    d rho_GG/dt = I(t) = Tr(G rho)        (photon flux).

The block is vectorised (``N^2`` unknowns, never ``2^N``) and solved by an eigendecomposition of
the ``N^2 x N^2`` Liouvillian: every observable is then a sum of exponentials, evaluated at any
time, integrated in closed form, and its 1/e time found by root bracketing. The
eigendecomposition is checked (reconstruction of the initial state and of ``dP/dt = -I`` at
``t = 0``); :func:`solve` raises if the check fails instead of returning a wrong curve.

:func:`reduced_symmetric` is an independent closed 2x2 form for identical emitters
(``delta_i = 0``): the permutation-symmetric ansatz ``rho = x 1 + y 1 1^T`` (Eq. 10.5).

Units: time in 1/Gamma or ns (any unit, rates in its inverse).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.linalg as sla
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import brentq
from scipy.sparse.linalg import expm_multiply

from .single_photon import _count, _nonnegative_scalar, _positive_scalar, _rng

__all__ = [
    "DisorderAverage",
    "WeakExcitation",
    "disorder_average",
    "effective_lifetime",
    "incoherent_state",
    "liouvillian",
    "reduced_symmetric",
    "solve",
    "symmetric_state",
]

_E_INV = float(np.exp(-1.0))


def symmetric_state(n: int) -> NDArray[np.complex128]:
    """One-excitation block of the symmetric (bright, W) state ``|B> = N^-1/2 sum_i |i>``:
    ``rho = 1 1^T / N`` (``docs/perovskite_emission.md`` §10, Eq. 10.4)."""
    n = _count(n, "N")
    return np.full((n, n), 1.0 / n, dtype=complex)


def incoherent_state(n: int) -> NDArray[np.complex128]:
    """One-excitation block of the incoherent start (one emitter excited at random, no
    coherence): ``rho = 1 / N`` (``docs/perovskite_emission.md`` §10, Eq. 10.4)."""
    n = _count(n, "N")
    return np.eye(n, dtype=complex) / n


def _decay_matrix(n: int, gamma: float, collective: bool) -> NDArray[np.float64]:
    return np.full((n, n), gamma) if collective else gamma * np.eye(n)


def liouvillian(
    detunings: ArrayLike, gamma: float, gamma_phi: float = 0.0, *, collective: bool = True
) -> NDArray[np.complex128]:
    """``N^2 x N^2`` generator of the one-excitation block, row-major ``vec(rho)[i N + j] =
    rho_ij`` (``docs/perovskite_emission.md`` §10, Eq. 10.3).

    Parameters
    ----------
    detunings : array_like, shape (N,)
        Static emitter detunings ``delta_i`` (angular frequency, same unit as ``gamma``).
    gamma : float
        Single-emitter radiative rate ``Gamma > 0``.
    gamma_phi : float
        Local pure-dephasing rate (decay rate of one emitter's optical coherence), ``>= 0``.
    collective : bool
        ``True``: Dicke collective decay ``G = Gamma 1 1^T``; ``False``: independent emitters
        ``G = Gamma 1``.
    """
    d = np.atleast_1d(np.asarray(detunings, dtype=float))
    if d.ndim != 1 or d.size < 1 or not np.all(np.isfinite(d)):
        raise ValueError("detunings must be a finite 1-D array with at least one entry")
    g = _positive_scalar(gamma, "gamma")
    gp = _nonnegative_scalar(gamma_phi, "gamma_phi")
    n = d.size
    heff = np.diag(d).astype(complex) - 0.5j * _decay_matrix(n, g, collective)
    eye = np.eye(n)
    lv = -1j * np.kron(heff, eye) + 1j * np.kron(eye, heff.conj())
    off = 1.0 - eye.ravel()
    lv[np.diag_indices(n * n)] -= 2.0 * gp * off
    return lv


@dataclass(frozen=True)
class WeakExcitation:
    """Modal solution of the one-excitation block (:func:`solve`).

    Population ``P(t) = sum_k Re(a_P[k] e^{lam[k] t})`` (trapped modes with ``lam = 0``
    included) and photon flux ``I(t) = sum_k Re(a_I[k] e^{lam[k] t})``.

    Attributes
    ----------
    rates : numpy.ndarray of complex, shape (N^2,)
        Liouvillian eigenvalues ``lam_k``.
    amp_population, amp_intensity : numpy.ndarray of complex, shape (N^2,)
        Mode amplitudes of ``P`` and ``I``.
    trapped : float
        ``P(t -> inf)``: excitation left in non-decaying (dark) modes.
    emitted : float
        Photons emitted in total, ``int_0^inf I dt = P(0) - trapped``.
    mean_photon_time : float
        ``int t I dt / int I dt``, intensity-weighted mean lifetime.
    n : int
        Number of emitters.
    """

    rates: NDArray[np.complex128] = field(repr=False)
    amp_population: NDArray[np.complex128] = field(repr=False)
    amp_intensity: NDArray[np.complex128] = field(repr=False)
    trapped: float
    emitted: float
    mean_photon_time: float
    n: int
    #: (Liouvillian, vec rho0, trace row, flux row) when the modal form was ill-conditioned and
    #: observables are propagated with the matrix exponential instead
    propagator: tuple | None = field(default=None, repr=False)

    def _propagated(self, t: ArrayLike, row: NDArray[np.complex128]) -> NDArray[np.float64]:
        lv, v0 = self.propagator[0], self.propagator[1]
        tt = np.asarray(t, dtype=float)
        flat = np.atleast_1d(tt)
        step = np.diff(flat)
        if flat.size > 2 and np.allclose(step, step[0], rtol=1e-12, atol=0.0) and step[0] > 0:
            vs = expm_multiply(lv, v0, start=flat[0], stop=flat[-1], num=flat.size, endpoint=True)
            out = np.real(vs @ row)
        else:
            out = np.array([np.real(row @ (sla.expm(lv * x) @ v0)) for x in flat])
        return out.reshape(tt.shape)

    def population(self, t: ArrayLike) -> NDArray[np.float64]:
        """Excited population ``P(t) = Tr rho(t)``."""
        if self.propagator is not None:
            return self._propagated(t, self.propagator[2])
        tt = np.asarray(t, dtype=float)
        return np.real(np.exp(np.multiply.outer(tt, self.rates)) @ self.amp_population)

    def intensity(self, t: ArrayLike) -> NDArray[np.float64]:
        """Photon flux ``I(t) = Tr(G rho(t))`` (the TRPL signal)."""
        if self.propagator is not None:
            return self._propagated(t, self.propagator[3])
        tt = np.asarray(t, dtype=float)
        return np.real(np.exp(np.multiply.outer(tt, self.rates)) @ self.amp_intensity)

    @property
    def lifetime(self) -> float:
        """1/e time of the excited population, ``P(tau_e) = P(0)/e`` (inf if more than 1/e is
        trapped): :func:`effective_lifetime`."""
        return effective_lifetime(self)


def solve(
    detunings: ArrayLike,
    gamma: float,
    gamma_phi: float = 0.0,
    rho0: ArrayLike | None = None,
    *,
    collective: bool = True,
    check_tol: float = 1e-9,
) -> WeakExcitation:
    """Solve the one-excitation Lindblad block exactly by eigendecomposition
    (``docs/perovskite_emission.md`` §10, Eqs. 10.3 and 10.6).

    Parameters
    ----------
    detunings, gamma, gamma_phi, collective
        See :func:`liouvillian`.
    rho0 : array_like, shape (N, N), optional
        Initial one-excitation block (Hermitian, trace 1); default :func:`symmetric_state`.
    check_tol : float
        Tolerance of the reconstruction checks; an ill-conditioned (near-defective)
        eigendecomposition raises ``RuntimeError``.
    """
    d = np.atleast_1d(np.asarray(detunings, dtype=float))
    n = d.size
    r0 = symmetric_state(n) if rho0 is None else np.asarray(rho0, dtype=complex)
    if r0.shape != (n, n):
        raise ValueError(f"rho0 must have shape ({n}, {n}), got {r0.shape}")
    g = _positive_scalar(gamma, "gamma")
    lv = liouvillian(d, g, gamma_phi, collective=collective)
    gmat = _decay_matrix(n, g, collective)
    if float(gamma_phi) == 0.0 and np.ptp(d) == 0.0:
        # identical emitters, no dephasing: H_eff = delta - iG/2 is normal; its unitary
        # eigenbasis W gives the orthonormal Liouvillian modes vec(w_a w_b^dag) (Eq. 10.6)
        mu, w = np.linalg.eigh(gmat)
        h = d[0] - 0.5j * mu
        lam = (-1j * (h[:, None] - np.conj(h)[None, :])).ravel()
        vec = np.kron(w, w.conj())
    else:
        lam, vec = sla.eig(lv)
    v0 = r0.ravel()
    coef = sla.solve(vec, v0)
    trace_row = vec[np.arange(n) * (n + 1), :].sum(axis=0)  # Tr of each mode
    flux_row = gmat.T.ravel() @ vec  # Tr(G mode) = sum_ij G_ji mode_ij
    a_p = trace_row * coef
    a_i = flux_row * coef
    p0, i0 = float(np.real(np.trace(r0))), float(np.real(np.sum(gmat.T * r0)))
    scale = max(1.0, float(np.max(np.abs(coef))) * float(np.max(np.abs(vec))))
    errs = (
        np.linalg.norm(vec @ coef - v0),
        abs(np.sum(a_p) - p0),
        abs(np.sum(a_i) - i0),
        abs(np.sum(a_p * lam) + i0) / max(i0, g),
    )
    if max(errs) > check_tol * max(1.0, n * g) or scale > 1e6:
        return _solve_by_propagator(lv, v0, trace_row_vec(n), gmat.T.ravel().astype(complex), n)
    zero = np.abs(lam) <= 1e-10 * (np.max(np.abs(lam)) + g)
    if np.any(zero) and abs(np.sum(a_i[zero])) > check_tol:
        raise RuntimeError("a stationary mode carries photon flux: inconsistent decomposition")
    trapped = float(np.real(np.sum(a_p[zero])))
    nz = ~zero
    emitted = float(np.real(np.sum(-a_i[nz] / lam[nz])))
    first_moment = float(np.real(np.sum(a_i[nz] / lam[nz] ** 2)))
    return WeakExcitation(
        rates=np.where(zero, 0.0, lam),
        amp_population=a_p,
        amp_intensity=np.where(zero, 0.0, a_i),
        trapped=trapped,
        emitted=emitted,
        mean_photon_time=first_moment / emitted if emitted > 0 else float("nan"),
        n=n,
    )


def trace_row_vec(n: int) -> NDArray[np.complex128]:
    """Row vector of the trace on ``vec(rho)`` (row-major)."""
    return np.eye(n, dtype=complex).ravel()


def _solve_by_propagator(
    lv: NDArray[np.complex128],
    v0: NDArray[np.complex128],
    trace_row: NDArray[np.complex128],
    flux_row: NDArray[np.complex128],
    n: int,
) -> WeakExcitation:
    """Fallback of :func:`solve` near an exceptional point (nearly parallel eigenvectors, e.g.
    weak disorder without dephasing): observables from ``expm(L t) rho0``, moments from the
    linear solves ``int rho dt = -L^-1 rho0`` and ``int t rho dt = L^-2 rho0`` (L is regular
    whenever disorder or dephasing is present; a singular L raises)."""
    lu = sla.lu_factor(lv)
    if np.min(np.abs(np.diag(lu[0]))) < 1e-13 * np.max(np.abs(np.diag(lu[0]))):
        raise RuntimeError("singular and ill-conditioned Liouvillian: no solution method")
    x1 = -sla.lu_solve(lu, v0)
    x2 = -sla.lu_solve(lu, x1)
    emitted = float(np.real(flux_row @ x1))
    first = float(np.real(flux_row @ x2))
    p0 = float(np.real(trace_row @ v0))
    return WeakExcitation(
        rates=np.zeros(0, dtype=complex),
        amp_population=np.zeros(0, dtype=complex),
        amp_intensity=np.zeros(0, dtype=complex),
        trapped=p0 - emitted,
        emitted=emitted,
        mean_photon_time=first / emitted,
        n=n,
        propagator=(lv, v0, trace_row, flux_row),
    )


def effective_lifetime(sol: WeakExcitation, *, t_cap: float = 1e9) -> float:
    """1/e time of the excited population, ``P(tau_e) = P(0)/e``
    (``docs/perovskite_emission.md`` §10, Eq. 10.7): the TRPL lifetime of a single exponential,
    ``1/(N Gamma)`` for the ideal symmetric state. ``inf`` when the trapped fraction is at least
    ``1/e`` or the time exceeds ``t_cap``."""
    p0 = float(sol.population(0.0))
    target = p0 * _E_INV
    if sol.trapped >= target * (1.0 - 1e-12):
        return float("inf")
    if sol.propagator is not None:
        fast = float(np.max(np.abs(np.diag(sol.propagator[0]))))
        slowest = 0.0
    else:
        slowest = float(np.min(-np.real(sol.rates[np.abs(sol.rates) > 0])))
        fast = float(np.max(-np.real(sol.rates)))
    hi = 1.0 / max(fast, 1e-300)

    def f(t: float) -> float:
        return float(sol.population(t)) - target

    while f(hi) > 0:
        hi *= 2.0
        if hi > t_cap or (slowest > 0 and hi * slowest > 800 and f(hi) > 0):
            return float("inf")
    return float(brentq(f, 0.0, hi, xtol=1e-14 * hi, rtol=1e-13, maxiter=500))


@dataclass(frozen=True)
class ReducedSymmetric:
    """Closed form for identical emitters (:func:`reduced_symmetric`): ``rho = x 1 + y 1 1^T``.

    ``P = N (x + y)``, ``I = Gamma N (x + N y)``; ``(x, y)' = A (x, y)`` with
    ``A = [[0, 2 gamma_phi], [-Gamma, -N Gamma - 2 gamma_phi]]``.
    """

    matrix: NDArray[np.float64]
    x0: NDArray[np.float64]
    n: int
    gamma: float

    def _state(self, t: ArrayLike) -> NDArray[np.float64]:
        tt = np.atleast_1d(np.asarray(t, dtype=float))
        return np.array([sla.expm(self.matrix * s) @ self.x0 for s in tt])

    def population(self, t: ArrayLike) -> NDArray[np.float64]:
        """``P(t) = N (x + y)``."""
        s = self._state(t)
        return self.n * (s[:, 0] + s[:, 1])

    def intensity(self, t: ArrayLike) -> NDArray[np.float64]:
        """``I(t) = Gamma N (x + N y)``."""
        s = self._state(t)
        return self.gamma * self.n * (s[:, 0] + self.n * s[:, 1])

    @property
    def lifetime(self) -> float:
        """1/e time of ``P(t)`` (Eq. 10.7) by root bracketing on the 2x2 propagator; inf when
        ``P`` stays above ``1/e`` (trapping without dephasing) up to ``1e9 / Gamma``."""

        def f(t: float) -> float:
            return float(self.population(t)[0]) - _E_INV

        hi = 1.0 / (self.n * self.gamma)
        while f(hi) > 0:
            hi *= 2.0
            if hi * self.gamma > 1e9:
                return float("inf")
        return float(brentq(f, 0.0, hi, xtol=1e-14 * hi, rtol=1e-13, maxiter=500))


def reduced_symmetric(
    n: int, gamma: float, gamma_phi: float, start: str = "symmetric"
) -> ReducedSymmetric:
    """Exact 2x2 reduction for identical emitters (``delta_i = 0``) and a permutation-symmetric
    start (``docs/perovskite_emission.md`` §10, Eq. 10.5): an independent check of
    :func:`solve`, valid for any N.

    ``start``: "symmetric" (``x = 0, y = 1/N``) or "incoherent" (``x = 1/N, y = 0``).
    """
    n = _count(n, "N")
    g = _positive_scalar(gamma, "gamma")
    gp = _nonnegative_scalar(gamma_phi, "gamma_phi")
    a = np.array([[0.0, 2.0 * gp], [-g, -n * g - 2.0 * gp]])
    if start == "symmetric":
        x0 = np.array([0.0, 1.0 / n])
    elif start == "incoherent":
        x0 = np.array([1.0 / n, 0.0])
    else:
        raise ValueError(f"start must be 'symmetric' or 'incoherent', got {start!r}")
    return ReducedSymmetric(a, x0, n, g)


@dataclass(frozen=True)
class DisorderAverage:
    """Realisation statistics of :func:`disorder_average`.

    ``lifetime`` holds the 1/e time of each realisation (inf when trapped), ``emitted`` the
    photons of each, ``intensity`` the realisation-mean TRPL ``I(t)`` on ``t`` and
    ``population`` the realisation-mean ``P(t)``.
    """

    lifetime: NDArray[np.float64]
    emitted: NDArray[np.float64]
    intensity: NDArray[np.float64]
    population: NDArray[np.float64]


def disorder_average(
    n: int,
    gamma: float,
    gamma_phi: float,
    sigma: float,
    realisations: int,
    t: ArrayLike,
    rng: np.random.Generator | int,
    start: str = "symmetric",
) -> DisorderAverage:
    """Static (inhomogeneous) disorder: detunings ``delta_i ~ Normal(0, sigma)`` drawn per
    realisation (draw order: ``realisations`` x ``N`` standard normals in one call), each solved
    by :func:`solve` (``docs/perovskite_emission.md`` §10)."""
    n = _count(n, "N")
    r = _count(realisations, "realisations")
    s = _nonnegative_scalar(sigma, "sigma")
    gen = _rng(rng)
    rho0 = symmetric_state(n) if start == "symmetric" else incoherent_state(n)
    z = gen.standard_normal((r, n))
    tt = np.asarray(t, dtype=float)
    life = np.empty(r)
    emit = np.empty(r)
    inten = np.zeros(tt.size)
    pop = np.zeros(tt.size)
    for k in range(r):
        sol = solve(s * z[k], gamma, gamma_phi, rho0)
        life[k] = sol.lifetime
        emit[k] = sol.emitted
        inten += sol.intensity(tt) / r
        pop += sol.population(tt) / r
    return DisorderAverage(life, emit, inten, pop)
