"""The Eq. 9 coherence claim in physical units: energy scale, pump -> burst width, inversion.

Zeng, Zhang, Cao, Liu, Pan, "Auger photoemission as a laser-like coherent cathode" (seed
``000_38be2e173ad007b4.txt``); derivations in ``docs/auger_photoemission.md`` §11-§13 ("docs §N").

* Energy scale (docs §11). Eq. 9's phase factors ``exp(i omega t_i)`` carry the electron energy
  ``E = hbar omega``. For the Auger-burst emission-time density ``f(t) = a/(1 + a t)^2``
  (burst duration ``t_b = 1/a``) the coherent term ``N(N-1)|f|^2`` equals the incoherent ``N`` at
  ``N_c = 1 + 1/|f(omega t_b)|^2`` (closed form through Si/Ci, :mod:`.coherence`), which tends to
  ``N_c ~ 1 + (omega t_b)^2`` for ``omega t_b >> 1`` (the ``1/Omega^2`` tail of the burst's
  sharp onset).
* Pump -> emission-time spread (docs §12). A closed emitter (the seed's bookkeeping, ``r = 0``) in
  its ground state, pumped at a constant ``w_p`` from ``t = 0``, emits all its ``N`` electrons; the
  normalised emission rate ``f(t) = gamma_A N2(t)^2 / (2N)`` is the emission-time density of Eq. 9.
  Its mean and rms are infinite in the rate equations (tail ``f ~ 2/(gamma_A N t^2)``), so the
  spread is measured by quantiles: ``sigma_t = (t_{84} - t_{16})/2`` (the Gaussian-equivalent width,
  quantiles ``Phi(-1)``, ``Phi(+1)``). Closed form from the reduced quasi-steady model of docs §3
  (time as an explicit function of the emitted fraction), and numerically from the stiff ODE.
  ``|f(omega)|^2`` is computed from the ODE's emission rate (piecewise-linear Filon quadrature) and
  in closed form in the two limits (exponential burst for weak pump, Auger burst at saturation).
* Inversion (docs §13): ``N2/N1 = 2/(gamma_A tau1 N2)`` at the exact steady state, and the pump
  rate above which inversion is lost (finite only if ``gamma_A tau1 N2`` can exceed 2).

Units: SI (s, 1/s, rad/s), energies in eV; populations are numbers of electrons.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.integrate import solve_ivp
from scipy.optimize import brentq
from scipy.special import ndtr

from . import coherence, four_level
from .four_level import _as_output, _check_positive, _positive_scalar

__all__ = [
    "HBAR_EV_S",
    "Q_HIGH",
    "Q_LOW",
    "ClosedBurst",
    "closed_burst",
    "coherent_ratio_bound",
    "critical_number_asymptote",
    "critical_number_energy",
    "energy_max_coherent",
    "filon_transform",
    "form_factor_saturated",
    "form_factor_weak",
    "inversion_ratio",
    "inversion_ratio_seed",
    "inversion_threshold_pump_rate",
    "omega_from_energy",
    "quantile_time_qss",
    "spread_qss",
    "spread_saturated",
    "spread_weak",
]

FloatOrArray = float | NDArray[np.float64]

#: reduced Planck constant [eV s] (CODATA 2018, exact in the 2019 SI)
HBAR_EV_S = 6.582119569e-16
#: quantiles of the emitted fraction whose half-distance is the Gaussian-equivalent width
Q_LOW = float(ndtr(-1.0))
Q_HIGH = float(ndtr(1.0))


# ---------------------------------------------------------------------------------------------
# docs §11: energy scale of the coherent term
# ---------------------------------------------------------------------------------------------
def omega_from_energy(energy_eV: ArrayLike) -> FloatOrArray:
    """Angular frequency ``omega = E/hbar`` [rad/s] of an electron energy ``E`` [eV], ``E > 0``."""
    E = _check_positive(energy_eV, "energy_eV", "eV")
    return _as_output(E / HBAR_EV_S)


def critical_number_energy(energy_eV: ArrayLike, t_burst: ArrayLike) -> FloatOrArray:
    """Critical N of Eq. 9 (coherent term = incoherent term) at electron energy ``E`` [eV].

    Auger-burst emission times ``f(t) = a/(1 + a t)^2``, ``t_burst = 1/a`` [s] (docs §7, §11):
    ``N_c = 1 + 1/|f(E t_burst/hbar)|^2``, evaluated with :func:`coherence.critical_number`
    (exact Si/Ci form, asymptotic series for ``Omega > 40``). Broadcasts over both arguments.
    """
    w = np.asarray(omega_from_energy(energy_eV))
    tb = _check_positive(t_burst, "t_burst", "s")
    w, tb = np.broadcast_arrays(w, tb)
    return coherence.critical_number(w, tb, shape="auger_burst")


def critical_number_asymptote(energy_eV: ArrayLike, t_burst: ArrayLike) -> FloatOrArray:
    """Large-``Omega`` form of :func:`critical_number_energy`: ``N_c ~ 1 + (E t_burst/hbar)^2``.

    From ``|f|^2 = Omega^-2 (1 + O(Omega^-2))`` of the Auger burst (docs §11); the relative error
    is ``O(Omega^-2)``.
    """
    w = np.asarray(omega_from_energy(energy_eV))
    tb = _check_positive(t_burst, "t_burst", "s")
    return _as_output(1.0 + (w * tb) ** 2)


# ---------------------------------------------------------------------------------------------
# docs §12: emission-time spread of the closed burst
# ---------------------------------------------------------------------------------------------
def _u_of_P(P: NDArray, g: float, c: float) -> NDArray:
    """``u = sqrt(1 + 4 gamma_A c P) - 1`` without cancellation (docs §3)."""
    a = 4.0 * g * c * P
    return a / (1.0 + np.sqrt(1.0 + a))


def quantile_time_qss(
    q: ArrayLike, w_p: float, N: float, gamma_A: float, tau1: float, tau3: float
) -> FloatOrArray:
    """Time [s] at which a fraction ``q`` of the ``N`` electrons has been emitted (closed burst).

    Reduced quasi-steady model of docs §3 (``dP/dt = -gamma_A N2ss(P)^2/2``, ``P = N - N_A``),
    inverted explicitly (docs §12): with ``u = sqrt(1 + 4 gamma_A c P) - 1`` and
    ``c = 1/w_p + 2 tau3 + tau1/2``, ``t_q = 4c [(ln u0 - 1/u0) - (ln u_q - 1/u_q)]``,
    ``u0 = u(N)``, ``u_q = u((1 - q) N)``. Limits: ``t_q = (2/w_p) ln(1/(1 - q))`` (weak pump) and
    ``t_q = 2q/((1 - q) gamma_A N)`` (saturation). ``0 <= q < 1``.
    """
    qs = np.asarray(q, dtype=float)
    if not np.all((qs >= 0.0) & (qs < 1.0)):
        raise ValueError(f"q must be in [0, 1), got {q!r}")
    w = _positive_scalar(w_p, "w_p", "1/s")
    N_ = _positive_scalar(N, "N")
    g = _positive_scalar(gamma_A, "gamma_A", "1/s")
    t1 = _positive_scalar(tau1, "tau1", "s")
    t3 = _positive_scalar(tau3, "tau3", "s")
    c = 1.0 / w + 2.0 * t3 + 0.5 * t1
    u0 = float(_u_of_P(np.float64(N_), g, c))
    uq = _u_of_P((1.0 - qs) * N_, g, c)
    t = 4.0 * c * ((math.log(u0) - np.log(uq)) + (1.0 / uq - 1.0 / u0))
    return _as_output(np.where(qs == 0.0, 0.0, t))


def spread_qss(w_p: float, N: float, gamma_A: float, tau1: float, tau3: float) -> float:
    """Gaussian-equivalent emission-time spread ``sigma_t = (t_84 - t_16)/2`` [s] (docs §12).

    Closed form from :func:`quantile_time_qss` at ``q = Phi(-1), Phi(+1)``.
    """
    t_lo, t_hi = quantile_time_qss(np.array([Q_LOW, Q_HIGH]), w_p, N, gamma_A, tau1, tau3)
    return 0.5 * float(t_hi - t_lo)


def spread_weak(w_p: ArrayLike) -> FloatOrArray:
    """Weak-pump limit of :func:`spread_qss`: ``sigma_t = ln((1 - q_16)/(1 - q_84)) / w_p``.

    The burst is exponential with rate ``w_p/2`` (``P = N exp(-w_p t/2)``, docs §3):
    ``sigma_t = 1.6683 / w_p`` [s].
    """
    w = _check_positive(w_p, "w_p", "1/s")
    return _as_output(math.log((1.0 - Q_LOW) / (1.0 - Q_HIGH)) / w)


def spread_saturated(N: ArrayLike, gamma_A: ArrayLike) -> FloatOrArray:
    """Saturated limit of :func:`spread_qss`: ``sigma_t = [q/(1-q)]_{16}^{84} / (gamma_A N)``.

    The burst is the Auger hyperbola ``P = N/(1 + gamma_A N t/2)`` (docs §3):
    ``sigma_t = 5.1131 / (gamma_A N)`` [s], independent of the pump rate.
    """
    N_ = _check_positive(N, "N")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    k = Q_HIGH / (1.0 - Q_HIGH) - Q_LOW / (1.0 - Q_LOW)
    return _as_output(k / (g * N_))


def form_factor_weak(omega: ArrayLike, w_p: ArrayLike) -> FloatOrArray:
    """``|f(omega)|^2 = 1/(1 + (2 omega/w_p)^2)``: exponential burst of the weak-pump limit."""
    w = _check_positive(w_p, "w_p", "1/s")
    om = np.abs(np.asarray(omega, dtype=float))
    return _as_output(1.0 / (1.0 + (2.0 * om / w) ** 2))


def form_factor_saturated(omega: ArrayLike, N: float, gamma_A: float) -> FloatOrArray:
    """``|f(omega)|^2`` of the saturated burst ``f = a/(1 + a t)^2``, ``a = gamma_A N/2`` (§12)."""
    a = 0.5 * _positive_scalar(gamma_A, "gamma_A", "1/s") * _positive_scalar(N, "N")
    return coherence.form_factor(omega, 1.0 / a, shape="auger_burst")


def coherent_ratio_bound(omega: ArrayLike, N: ArrayLike, gamma_A: ArrayLike) -> FloatOrArray:
    """Upper bound of ``(N - 1)|f(omega)|^2`` for a closed burst at any pump rate (docs §12).

    ``f(t) = gamma_A N2^2/(2N)`` starts at 0, is unimodal and ``<= gamma_A N/2`` (``N2 <= N``), so
    integrating by parts ``|f(omega)| <= TV(f)/omega <= gamma_A N/omega``:
    ``(N - 1)|f|^2 <= (N - 1)(gamma_A N/omega)^2``.
    """
    om = _check_positive(np.abs(np.asarray(omega, dtype=float)), "omega", "rad/s")
    N_ = _check_positive(N, "N")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    return _as_output((N_ - 1.0) * (g * N_ / om) ** 2)


def energy_max_coherent(N: ArrayLike, gamma_A: ArrayLike) -> FloatOrArray:
    """Highest electron energy [eV] at which the coherent term can reach the incoherent one.

    ``(N - 1)(gamma_A N/omega)^2 = 1``: ``E_max = hbar gamma_A N sqrt(N - 1)`` (docs §12).
    """
    N_ = _check_positive(N, "N")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    return _as_output(HBAR_EV_S * g * N_ * np.sqrt(np.maximum(N_ - 1.0, 0.0)))


def filon_transform(t: ArrayLike, f: ArrayLike, omega: ArrayLike) -> NDArray[np.complex128]:
    """``int f(t) exp(i omega t) dt`` of the piecewise-linear interpolant of samples ``f(t_k)``.

    Each interval ``[t_k, t_k+1]`` is integrated exactly (Filon), so the result is exact for the
    interpolant at any ``omega``; its error is that of linear interpolation (``O(h^2 f'')`` in
    L1). Series for ``omega h < 0.05``. ``t`` strictly increasing, 1-D; returns an array shaped
    like ``omega``.
    """
    tt = np.asarray(t, dtype=float)
    ff = np.asarray(f, dtype=float)
    if tt.ndim != 1 or tt.shape != ff.shape or tt.size < 2 or np.any(np.diff(tt) <= 0):
        raise ValueError("t must be 1-D, strictly increasing, of the shape of f (>= 2 samples)")
    om = np.asarray(omega, dtype=float)
    h = np.diff(tt)
    fa, fb = ff[:-1], ff[1:]
    out = np.empty(om.size, dtype=complex)
    for j, w in enumerate(om.ravel()):
        th = w * h
        z = 1j * th
        small = np.abs(th) < 0.05
        e0 = np.empty(th.size, dtype=complex)  # int_0^1 exp(i th u) du
        e1 = np.empty(th.size, dtype=complex)  # int_0^1 u exp(i th u) du
        zs = z[small]
        e0[small] = sum(zs**n / math.factorial(n + 1) for n in range(8))
        e1[small] = sum(zs**n / (math.factorial(n) * (n + 2)) for n in range(8))
        zl, ex = z[~small], np.exp(z[~small])
        e0[~small] = (ex - 1.0) / zl
        e1[~small] = ex / zl - (ex - 1.0) / zl**2
        out[j] = np.sum(np.exp(1j * w * tt[:-1]) * h * (fa * (e0 - e1) + fb * e1))
    return out.reshape(om.shape)


class ClosedBurst:
    """Stiff-ODE burst of a closed emitter pumped at ``w_p`` from its ground state (docs §12).

    Eq. 1 with ``variant="closed"`` (the seed's bookkeeping), Radau with the analytic Jacobian,
    from ``(N, 0, 0, 0, 0)`` until all but ``tail`` of the electrons are emitted. Dense output
    gives ``N_A(t)`` for the quantile times; the emission-time density is
    ``f(t) = gamma_A N2(t)^2 / (2N)`` (normalised: ``int f = N_A(inf)/N = 1``).
    """

    def __init__(
        self,
        w_p: float,
        N: float,
        gamma_A: float,
        tau1: float,
        tau3: float,
        tail: float = 1e-4,
        rtol: float = 1e-8,
    ) -> None:
        self.w_p = _positive_scalar(w_p, "w_p", "1/s")
        self.N = _positive_scalar(N, "N")
        self.gamma_A = _positive_scalar(gamma_A, "gamma_A", "1/s")
        self.tau1 = _positive_scalar(tau1, "tau1", "s")
        self.tau3 = _positive_scalar(tau3, "tau3", "s")
        tail_ = _positive_scalar(tail, "tail")
        # end: remaining fraction <= tail, from the reduced model plus its hyperbolic tail
        self.t_end = 2.0 * float(
            quantile_time_qss(1.0 - tail_, self.w_p, self.N, self.gamma_A, self.tau1, self.tau3)
        )
        w, g, i1, i3 = self.w_p, self.gamma_A, 1.0 / self.tau1, 1.0 / self.tau3
        sol = solve_ivp(
            lambda _t, y: four_level._rhs(y, w, g, i1, i3, 0.0),
            (0.0, self.t_end),
            np.array([self.N, 0.0, 0.0, 0.0, 0.0]),
            method="Radau",
            jac=lambda _t, y: four_level._jac(y, w, g, i1, i3, 0.0),
            rtol=rtol,
            atol=1e-14 * self.N,
            dense_output=True,
        )
        if sol.status != 0:
            raise RuntimeError(f"closed burst at w_p = {w!r} 1/s: solve_ivp failed, {sol.message}")
        self._sol = sol
        self.steps = np.asarray(sol.t)
        self.nfev = int(sol.nfev)

    def state(self, t: ArrayLike) -> NDArray[np.float64]:
        """``(N0, N1, N2, N3, N_A)`` at times ``t`` [s] (dense output), shape (5, len(t))."""
        return np.asarray(self._sol.sol(np.asarray(t, dtype=float)))

    def density(self, t: ArrayLike) -> NDArray[np.float64]:
        """Emission-time density ``f(t) = gamma_A N2(t)^2/(2N)`` [1/s]."""
        n2 = self.state(t)[2]
        return 0.5 * self.gamma_A * n2 * n2 / self.N

    def quantile_time(self, q: float) -> float:
        """Time [s] at which ``N_A = q N`` (root of the dense output, ``0 < q < 1``)."""
        target = float(q) * self.N
        na = self.state(self.steps)[4]
        k = int(np.searchsorted(na, target))
        if k == 0 or k >= na.size:
            raise ValueError(f"q = {q!r} outside the integrated burst")
        lo, hi = float(self.steps[k - 1]), float(self.steps[k])
        return brentq(lambda s: float(self._sol.sol(s)[4]) - target, lo, hi, xtol=1e-15 * hi)

    def spread(self) -> float:
        """Gaussian-equivalent spread ``(t_84 - t_16)/2`` [s] of the ODE burst (docs §12)."""
        return 0.5 * (self.quantile_time(Q_HIGH) - self.quantile_time(Q_LOW))

    def grid(self, nodes: int) -> NDArray[np.float64]:
        """Sampling times: 0, ``nodes`` log-spaced times and the solver's own steps."""
        t_min = 1e-3 * min(self.tau3, 1.0 / self.w_p)
        t = np.concatenate([[0.0], np.geomspace(t_min, self.t_end, int(nodes)), self.steps])
        return np.unique(t)

    def form_factor(self, omega: ArrayLike, nodes: int = 4000) -> FloatOrArray:
        """``|f(omega)|^2`` of the ODE emission-time density (Filon on :meth:`grid`)."""
        t = self.grid(nodes)
        return _as_output(np.abs(filon_transform(t, self.density(t), omega)) ** 2)

    def peak_density(self, nodes: int = 4000) -> float:
        """Largest sampled ``f(t)`` [1/s]."""
        return float(np.max(self.density(self.grid(nodes))))


def closed_burst(
    w_p: float, N: float, gamma_A: float, tau1: float, tau3: float, tail: float = 1e-4
) -> ClosedBurst:
    """The stiff-ODE closed burst :class:`ClosedBurst` (docs §12)."""
    return ClosedBurst(w_p, N, gamma_A, tau1, tau3, tail=tail)


# ---------------------------------------------------------------------------------------------
# docs §13: population inversion
# ---------------------------------------------------------------------------------------------
def inversion_ratio(
    w_p: ArrayLike, gamma_A: ArrayLike, N: ArrayLike, tau1: ArrayLike, tau3: ArrayLike
) -> FloatOrArray:
    """``N2/N1 = 2/(gamma_A tau1 N2)`` at the exact replenished steady state (docs §13).

    From ``N1 = tau1 gamma_A N2^2 / 2`` (corrected Eq. 3). Equals ``2 tau2/tau1`` with the
    effective level-2 lifetime ``tau2 = 1/(gamma_A N2)``.
    """
    ss = four_level.steady_state(w_p, gamma_A, N, tau1, tau3)
    return _as_output(np.asarray(ss.N2) / np.asarray(ss.N1))


def inversion_ratio_seed(
    w_p: ArrayLike, gamma_A: ArrayLike, N: ArrayLike, tau1: ArrayLike, tau3: ArrayLike
) -> FloatOrArray:
    """``N2/N1`` with the seed's printed Eq. 3 for ``N1`` (twice too large): half the exact ratio.

    ``N1_seed = w_p tau1 N0/(1 + w_p tau3) = tau1 gamma_A N2^2``, so ``N2/N1 = 1/(gamma_A tau1
    N2) = tau2/tau1``: the ratio of the lifetimes the seed quotes (docs §13).
    """
    ss = four_level.steady_state(w_p, gamma_A, N, tau1, tau3)
    n1_seed, _ = four_level.eq3_populations(ss.N0, w_p, tau1, tau3, seed_literal=True)
    return _as_output(np.asarray(ss.N2) / np.asarray(n1_seed))


def inversion_threshold_pump_rate(N: float, gamma_A: float, tau1: float, tau3: float) -> float:
    """Pump rate [1/s] above which ``N2 < N1`` at the exact steady state (docs §13).

    Inversion is lost where ``N2 = N2* = 2/(gamma_A tau1)``. Inserted in the exact quadratic
    ``gamma_A c N2^2 + N2 - N = 0``: ``c* = (N - N2*)/(gamma_A N2*^2)`` and
    ``w_inv = 1/(c* - 2 tau3 - tau1/2)``. Returns ``inf`` if ``c* <= 2 tau3 + tau1/2`` (``N2``
    never reaches ``N2*``: inversion at every pump rate; always so for ``gamma_A tau1 N <= 2``).
    """
    N_ = _positive_scalar(N, "N")
    g = _positive_scalar(gamma_A, "gamma_A", "1/s")
    t1 = _positive_scalar(tau1, "tau1", "s")
    t3 = _positive_scalar(tau3, "tau3", "s")
    n2s = 2.0 / (g * t1)
    if n2s >= N_:
        return math.inf
    denom = (N_ - n2s) / (g * n2s * n2s) - 2.0 * t3 - 0.5 * t1
    return math.inf if denom <= 0.0 else 1.0 / denom
