"""Band, thermal functions, couplings, rates, optical heat source and the two-temperature model.

``docs/ledd_ttm.md`` §1 (paper Eqs. 1-2, 5-7, 12-13, 18-28). Energies
(eps, mu, E) are in eV; temperatures in K; everything else SI (k in 1/m, DOS in 1/(eV m^3),
C_e in J/(m^3 K), G in W/(m^3 K), rates in 1/s, power densities in W/m^3).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.polynomial import Chebyshev
from numpy.typing import ArrayLike
from scipy.integrate import solve_ivp
from scipy.interpolate import CubicSpline
from scipy.optimize import brentq
from scipy.special import erf, expit

from .materials import EPS0, HBAR, KB, KB_EV, QE, Material

__all__ = [
    "Pulse",
    "absorbed_energy",
    "absorbed_power",
    "band_energy",
    "chemical_potential",
    "cooling_rate",
    "debye_wavenumber",
    "dos",
    "drude_permittivity",
    "e_max",
    "ee_prefactor",
    "ee_rate_fermi_liquid",
    "electron_heat_capacity",
    "ep_coupling",
    "ep_coupling_limit",
    "eph_prefactor",
    "eph_rate",
    "eph_rate_approx",
    "eps_star_on_grid",
    "fermi_liquid_coefficient",
    "g_prime",
    "grid_chemical_potential",
    "internal_energy",
    "number_density",
    "solve_ttm",
    "sommerfeld_coefficients",
    "thomas_fermi_wavenumber",
    "wavenumber",
]

_GL_X, _GL_W = np.polynomial.legendre.leggauss(8)


# ------------------------------------------------------------------ band (Eqs. 1-2)
def band_energy(eps, mat: Material):
    """g(eps) = eps (1 + C eps) = hbar^2 k^2 / 2m* [eV]."""
    eps = np.asarray(eps, dtype=float)
    return eps * (1 + mat.C * eps)


def g_prime(eps, mat: Material):
    """g'(eps) = 1 + 2 C eps."""
    return 1 + 2 * mat.C * np.asarray(eps, dtype=float)


def wavenumber(eps, mat: Material):
    """k(eps) = sqrt(2 m* g(eps)) / hbar [1/m] (0 below the band minimum)."""
    g = np.clip(band_energy(eps, mat), 0.0, None)
    return np.sqrt(2 * mat.m * g * QE) / HBAR


def dos(eps, mat: Material):
    """Density of states (both spins) rho = (2m*)^1.5/(2 pi^2 hbar^3) sqrt(g) g' [1/(eV m^3)]."""
    eps = np.asarray(eps, dtype=float)
    g = np.clip(band_energy(eps, mat), 0.0, None)
    pref = (2 * mat.m) ** 1.5 / (2 * np.pi**2 * HBAR**3) * QE**1.5  # per eV, g in eV
    return np.where(eps > 0, pref * np.sqrt(g) * g_prime(eps, mat), 0.0)


def number_density(eps, mat: Material):
    """n(eps) = k(eps)^3 / (3 pi^2): states below eps [1/m^3]."""
    return wavenumber(eps, mat) ** 3 / (3 * np.pi**2)


def debye_wavenumber(mat: Material) -> float:
    """Debye wave number q_D = E_D / (hbar v_s) [1/m] (as the paper uses it)."""
    return mat.q_D


def eps_star_on_grid(eps: ArrayLike, mat: Material) -> float:
    """Energy eps* [eV] where 2 k(eps*) = q_D, i.e. where E_max of Eq. 11 reaches E_D, found by
    linear interpolation of k(eps) on the (increasing) grid ``eps``.

    The closed form of the same energy is :func:`lightmatter.ledd_ttm.fokker_planck.eps_star`;
    on a grid they agree to the interpolation error (second order in the grid step).
    """
    eps = np.asarray(eps, dtype=float)
    return float(np.interp(mat.q_D / 2, wavenumber(eps, mat), eps))


def thomas_fermi_wavenumber(mat: Material) -> float:
    """q_TF = sqrt(e^2 rho(E_F) / (eps0 eps_b)) [1/m] (assumed eps_b placement,
    ``docs/ledd_ttm.md`` §1.5)."""
    rho_J = float(dos(mat.E_F, mat)) / QE
    return float(np.sqrt(QE**2 * rho_J / (EPS0 * mat.eps_b)))


# ------------------------------------------------------------------ thermal functions
def _nodes(mat: Material, T: float) -> tuple[np.ndarray, np.ndarray]:
    """Quadrature nodes/weights in eps [eV] for thermal integrals (eps = u^2, composite GL-8)."""
    kT = KB_EV * max(float(T), 1.0)
    ef = mat.E_F
    e_top = max(ef, 0.0) + 60 * kT
    u_f, u_top = np.sqrt(ef), np.sqrt(e_top)
    du = kT / (4 * u_top)
    xs, ws = [], []
    for a, b in ((0.0, u_f), (u_f, u_top)):
        npan = int(np.clip(np.ceil((b - a) / du), 8, 40000))
        edges = np.linspace(a, b, npan + 1)
        mid, half = 0.5 * (edges[1:] + edges[:-1]), 0.5 * np.diff(edges)
        u = (mid[:, None] + half[:, None] * _GL_X[None, :]).ravel()
        w = (half[:, None] * _GL_W[None, :]).ravel()
        xs.append(u)
        ws.append(w)
    u, w = np.concatenate(xs), np.concatenate(ws)
    return u**2, 2 * u * w


def _occupation_excess(eps, mu, T, ef):
    """f(eps) - Theta(E_F - eps), accurate both deep below and far above E_F."""
    x = (eps - mu) / (KB_EV * T)
    return np.where(eps < ef, -expit(x), expit(-x))


def _number_excess(mu: float, T: float, mat: Material, nodes) -> float:
    eps, w = nodes
    return float(np.sum(w * dos(eps, mat) * _occupation_excess(eps, mu, T, mat.E_F)))


def sommerfeld_coefficients(mat: Material) -> dict[str, float]:
    """4th-order Sommerfeld expansion (``docs/ledd_ttm.md`` §1.2): mu = E_F + a t^2 + b t^4
    (t = k_B T in eV), U - U0 = c2 t^2 + c4 t^4; gamma [J/m^3/K^2], beta [J/m^3/K^4]."""
    ef = mat.E_F
    h = 0.05 * ef
    xs = np.linspace(ef - h, ef + h, 41)
    rho = Chebyshev.fit(xs, dos(xs, mat), 12)
    hh = Chebyshev.fit(xs, xs * dos(xs, mat), 12)
    r = [float(rho.deriv(n)(ef)) if n else float(rho(ef)) for n in range(4)]
    q = [float(hh.deriv(n)(ef)) if n else float(hh(ef)) for n in range(4)]
    p2, p4 = np.pi**2 / 6, 7 * np.pi**4 / 360
    a = -p2 * r[1] / r[0]
    b = -(r[1] * a**2 / 2 + p2 * r[2] * a + p4 * r[3]) / r[0]
    c2 = p2 * r[0]
    c4 = q[0] * b + q[1] * a**2 / 2 + p2 * q[2] * a + p4 * q[3]
    # U in eV/m^3 with t in eV -> J/m^3 with T in K
    gamma = 2 * c2 * KB_EV**2 * QE
    beta = 4 * c4 * KB_EV**4 * QE
    return {"a": a, "b": b, "c2": c2, "c4": c4, "gamma": gamma, "beta": beta}


def chemical_potential(Te, mat: Material, method: str = "exact"):
    """mu(T_e) [eV] from number conservation (Eq. 23-24): "exact" root or "sommerfeld"."""
    Ts = np.atleast_1d(np.asarray(Te, dtype=float))
    if method == "sommerfeld":
        c = sommerfeld_coefficients(mat)
        t = KB_EV * Ts
        out = mat.E_F + c["a"] * t**2 + c["b"] * t**4
    elif method == "exact":
        out = np.empty_like(Ts)
        for n, T in enumerate(Ts):
            nodes = _nodes(mat, T)
            kT = KB_EV * T
            lo, hi = min(mat.E_F, 0.0) - 60 * kT - 0.1, mat.E_F + 0.1 + 5 * kT
            out[n] = brentq(_number_excess, lo, hi, args=(T, mat, nodes), xtol=1e-15, rtol=1e-15)
    else:
        raise ValueError(f"unknown method {method!r}")
    return out if np.ndim(Te) else float(out[0])


def grid_chemical_potential(
    T: float, rho_d: np.ndarray, eps: np.ndarray, n_target: float, mu_guess: float
) -> float:
    """Chemical potential [eV] of the Fermi-Dirac distribution at ``T`` that holds ``n_target``
    electrons on a discrete energy grid: sum_i rho_d[i] f_FD(eps[i]; mu, T) = n_target
    (Eq. 23 on the grid; ``rho_d`` = DOS x cell width [1/m^3]), by bracketed root finding
    around ``mu_guess`` (+- 0.5 eV + 40 k_B T).
    """
    kT = KB_EV * T

    def fn(mu):
        return np.sum(rho_d * expit(-(eps - mu) / kT)) - n_target

    lo, hi = mu_guess - 0.5 - 40 * kT, mu_guess + 0.5 + 40 * kT
    return brentq(fn, lo, hi, xtol=1e-15, rtol=1e-15)


def internal_energy(Te, mat: Material):
    """U(T_e) - U(0) [J/m^3] (exact, with mu(T_e))."""
    Ts = np.atleast_1d(np.asarray(Te, dtype=float))
    out = np.empty_like(Ts)
    for n, T in enumerate(Ts):
        mu = chemical_potential(T, mat)
        eps, w = _nodes(mat, T)
        occ = _occupation_excess(eps, mu, T, mat.E_F)
        out[n] = np.sum(w * eps * dos(eps, mat) * occ) * QE
    return out if np.ndim(Te) else float(out[0])


def electron_heat_capacity(Te, mat: Material, method: str = "exact"):
    """C_e(T_e) [J/(m^3 K)] (Eq. 25): "exact" (includes d mu/dT), "linear" gamma T or
    "cubic" gamma T + beta T^3 (4th-order Sommerfeld)."""
    Ts = np.atleast_1d(np.asarray(Te, dtype=float))
    if method in ("linear", "cubic"):
        c = sommerfeld_coefficients(mat)
        out = c["gamma"] * Ts + (c["beta"] * Ts**3 if method == "cubic" else 0.0)
    elif method == "exact":
        out = np.empty_like(Ts)
        for n, T in enumerate(Ts):
            mu = chemical_potential(T, mat)
            eps, w = _nodes(mat, T)
            kT = KB_EV * T
            x = (eps - mu) / kT
            ff = expit(-x) * expit(x)  # f(1-f)
            r = w * dos(eps, mat) * ff
            dmu = -np.sum(r * (eps - mu) / T) / np.sum(r)  # eV/K
            ce = np.sum(r * (eps - mu) * ((eps - mu) / T + dmu)) / kT  # eV/(m^3 K)
            out[n] = ce * QE
    else:
        raise ValueError(f"unknown method {method!r}")
    return out if np.ndim(Te) else float(out[0])


# ------------------------------------------------------------------ electron-phonon
def eph_prefactor(mat: Material) -> float:
    """A = m* D^2 / (4 pi hbar^5 rho_m v_s^4) [1/(J^3 m s)] (``docs/ledd_ttm.md`` §1.4)."""
    D = mat.D * QE
    return mat.m * D**2 / (4 * np.pi * HBAR**5 * mat.rho_m * mat.v_s**4)


def e_max(eps, mat: Material, momentum: str = "paper", partner: str = "up"):
    """Largest phonon energy [eV] an electron at eps can exchange.

    "paper" (Eq. 11): min(E_D, 2 hbar v_s k(eps)); "none": E_D; "exact": largest E with
    E <= hbar v_s (k(eps) + k(eps +- E)) (pair condition; ``partner`` "up" or "down").
    """
    eps = np.asarray(eps, dtype=float)
    hv = HBAR * mat.v_s / QE  # eV m
    if momentum == "none":
        return np.full_like(eps, mat.E_D)
    k = wavenumber(eps, mat)
    if momentum == "paper":
        return np.minimum(mat.E_D, 2 * hv * k)
    if momentum != "exact":
        raise ValueError(f"unknown momentum variant {momentum!r}")
    sign = 1.0 if partner == "up" else -1.0
    E = np.minimum(mat.E_D, 2 * hv * k)
    for _ in range(60):  # contraction: d/dE [hv k(eps+E)] = v_s/v_g << 1
        E_new = np.minimum(mat.E_D, hv * (k + wavenumber(eps + sign * E, mat)))
        if sign < 0:
            E_new = np.minimum(E_new, eps)
        if np.allclose(E_new, E, rtol=0, atol=1e-15):
            break
        E = E_new
    return E


def _bose(E_eV, T):
    return 1.0 / np.expm1(E_eV / (KB_EV * T))


def eph_rate(eps, T: float, mat: Material, momentum: str = "exact", n_quad: int = 64):
    """e-ph collision rate Gamma(eps) [1/s] (Eq. 12) for thermal electrons and phonons at T."""
    eps = np.atleast_1d(np.asarray(eps, dtype=float))
    mu = chemical_potential(T, mat)
    A = eph_prefactor(mat)
    k = wavenumber(eps, mat)
    x, w = np.polynomial.legendre.leggauss(n_quad)
    out = np.zeros_like(eps)
    for partner, sgn in (("up", 1.0), ("down", -1.0)):
        if momentum == "paper":
            Em = e_max(eps, mat, "paper")
        else:
            Em = e_max(eps, mat, momentum, partner)
        if partner == "down":
            Em = np.minimum(Em, eps)
        E = 0.5 * Em[:, None] * (1 + x[None, :])  # eV
        W = 0.5 * Em[:, None] * w[None, :]
        N = _bose(E, T)
        ep = eps[:, None] + sgn * E
        fpm = expit(-(ep - mu) / (KB_EV * T))
        if partner == "up":
            br = fpm * (N + 1) + (1 - fpm) * N
        else:
            br = fpm * N + (1 - fpm) * (N + 1)
        out += np.sum(W * E**2 * g_prime(ep, mat) * br, axis=1) * QE**3
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(k > 0, A * out / k, 0.0)


def eph_rate_approx(eps, T: float, mat: Material):
    """Classical-phonon approximation (Eq. 13 analogue): A g' k_B T E_max^2 / k [1/s].

    Derived from Eq. 12 with N >> 1: each of the two brackets -> k_B T/E, so the integral
    is g' k_B T E_max^2 (the prefactor 2 of ``docs/ledd_ttm.md`` is a factor 2 too large).
    """
    eps = np.asarray(eps, dtype=float)
    k = wavenumber(eps, mat)
    Em = e_max(eps, mat, "paper") * QE
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(k > 0, eph_prefactor(mat) * g_prime(eps, mat) * KB * T * Em**2 / k, 0.0)


def _p_eph(Te: float, Tph: float, mat: Material, momentum: str, n_quad: int = 48) -> float:
    """Exact e->ph power [W/m^3] for FD(T_e) electrons and BE(T_ph) phonons
    (``docs/ledd_ttm.md`` §1.4)."""
    mu = chemical_potential(Te, mat)
    eps, w = _nodes(mat, Te)
    Em = e_max(eps, mat, momentum, "up")
    x, wq = np.polynomial.legendre.leggauss(n_quad)
    pref = eph_prefactor(mat) * mat.m / (np.pi**2 * HBAR**2)
    kTe, kTp = KB_EV * Te, KB_EV * Tph
    tot = 0.0
    for s in range(0, eps.size, 4096):
        e, we, em = eps[s : s + 4096], w[s : s + 4096], Em[s : s + 4096]
        E = 0.5 * em[:, None] * (1 + x[None, :])
        W = 0.5 * em[:, None] * wq[None, :]
        f0 = expit(-(e[:, None] - mu) / kTe)
        f1 = expit(-(e[:, None] + E - mu) / kTe)
        core = (f0 - f1) / (-np.expm1(-E / kTe)) * np.expm1(E / kTp - E / kTe) / np.expm1(E / kTp)
        integ = E**3 * g_prime(e[:, None], mat) * g_prime(e[:, None] + E, mat) * core
        tot += np.sum(we[:, None] * W * integ)
    return float(pref * tot * QE**5)


def ep_coupling(
    Te, Tph, mat: Material, momentum: str = "exact", order: str = "full"
) -> np.ndarray | float:
    """e-ph coupling G(T_e, T_ph) [W/(m^3 K)] (Eq. 26).

    ``order="full"``: exact double integral P(T_e, T_ph)/(T_e - T_ph) with quantum phonons;
    ``order="leading"``: leading order in the phonon energy (classical phonons, independent of
    T_ph). ``momentum``: "exact" (pair condition), "paper" (E_max of Eq. 11) or "none".
    """
    Ts = np.atleast_1d(np.asarray(Te, dtype=float))
    Tp = np.broadcast_to(np.asarray(Tph, dtype=float), Ts.shape)
    out = np.empty_like(Ts)
    pref = eph_prefactor(mat) * mat.m * KB / (4 * np.pi**2 * HBAR**2)
    for n, (T, P) in enumerate(zip(Ts, Tp)):
        if order == "leading":
            mu = chemical_potential(T, mat)
            eps, w = _nodes(mat, T)
            x = (eps - mu) / (KB_EV * T)
            mdf = expit(x) * expit(-x) / (KB_EV * T)  # -df/deps [1/eV]
            mom = "paper" if momentum == "exact" else momentum  # identical as E -> 0
            Em = e_max(eps, mat, mom) * QE
            out[n] = pref * np.sum(w * g_prime(eps, mat) ** 2 * mdf * Em**4)
        elif order == "full":
            T_use = T if abs(T - P) > 0.5 else P + 0.5
            out[n] = _p_eph(T_use, P, mat, momentum) / (T_use - P)
        else:
            raise ValueError(f"unknown order {order!r}")
    return out if np.ndim(Te) else float(out[0])


def ep_coupling_limit(mat: Material, kind: str, Te=None):
    """Closed-form limits of G [W/(m^3 K)]: kind "no_mc" (Eq. 27, with g'(mu(T_e)) if Te is
    given) or "T0" (Eq. 28, momentum conservation, T_e -> 0; valid for 2 k_F < q_D)."""
    D = mat.D * QE
    if kind == "no_mc":
        gp = g_prime(mat.E_F if Te is None else chemical_potential(Te, mat), mat)
        E_D = mat.E_D * QE
        return (
            mat.m**2
            * D**2
            * gp**2
            * KB
            * E_D**4
            / (16 * np.pi**3 * HBAR**7 * mat.rho_m * mat.v_s**4)
        )
    if kind == "T0":
        gp = g_prime(mat.E_F, mat)
        q = min(2 * mat.k_F, mat.q_D)
        return mat.m**2 * D**2 * gp**2 * KB * q**4 / (16 * np.pi**3 * HBAR**3 * mat.rho_m)
    raise ValueError(f"unknown limit {kind!r}")


# ------------------------------------------------------------------ electron-electron rates
def ee_prefactor(mat: Material) -> float:
    """K_ee = m*^3 e^4 / (4 pi^3 hbar^7 eps0^2 eps_b^2) [1/(J^2 m^4 s)]
    (``docs/ledd_ttm.md`` §1.5)."""
    return mat.m**3 * QE**4 / (4 * np.pi**3 * HBAR**7 * EPS0**2 * mat.eps_b**2)


def _F_screen(q, kappa):
    q = np.asarray(q, dtype=float)
    return q / (2 * kappa**2 * (q**2 + kappa**2)) + np.arctan(q / kappa) / (2 * kappa**3)


def fermi_liquid_coefficient(mat: Material) -> float:
    """K_FL [1/(s eV^2)] of Gamma_ee = K_FL [(eps - mu)^2 + (pi k_B T)^2] (Eqs. 18-19)."""
    kap = thomas_fermi_wavenumber(mat)
    H0 = float(_F_screen(2 * mat.k_F, kap) - _F_screen(0.0, kap))
    gp = float(g_prime(mat.E_F, mat))
    K = mat.m**3 * QE**4 * gp**3 * H0 / (8 * np.pi**3 * HBAR**7 * EPS0**2 * mat.eps_b**2 * mat.k_F)
    return float(K * QE**2)


def ee_rate_fermi_liquid(eps, T: float, mat: Material):
    """Fermi-liquid e-e collision rate [1/s] with the non-parabolic band (Eqs. 18-19)."""
    mu = chemical_potential(T, mat)
    return fermi_liquid_coefficient(mat) * ((np.asarray(eps) - mu) ** 2 + (np.pi * KB_EV * T) ** 2)


# ------------------------------------------------------------------ optics and heat source
@dataclass(frozen=True)
class Pulse:
    """Gaussian pulse: vacuum wavelength [nm], intensity FWHM [fs], peak intensity [GW/cm^2]."""

    wavelength_nm: float
    fwhm_fs: float
    I0_GW_cm2: float
    t0_fs: float = 0.0

    @property
    def hbar_omega(self) -> float:
        """Photon energy [eV]."""
        return float(2 * np.pi * HBAR * 2.99792458e8 / (self.wavelength_nm * 1e-9) / QE)

    @property
    def omega(self) -> float:
        """Angular frequency of the pulse carrier (rad/s)."""
        return self.hbar_omega * QE / HBAR

    def intensity(self, t_fs):
        """I(t) [W/m^2], t in fs."""
        t = np.asarray(t_fs, dtype=float) - self.t0_fs
        return self.I0_GW_cm2 * 1e13 * np.exp(-4 * np.log(2) * t**2 / self.fwhm_fs**2)

    def fluence_between(self, t1_fs, t2_fs):
        """Integral of I dt between two times [J/m^2]."""
        s = 2 * np.sqrt(np.log(2)) / self.fwhm_fs
        c = self.I0_GW_cm2 * 1e13 * np.sqrt(np.pi) / (2 * s) * 1e-15
        return c * (erf(s * (t2_fs - self.t0_fs)) - erf(s * (t1_fs - self.t0_fs)))


def drude_permittivity(omega, mat: Material):
    """eps(omega) = eps_b - omega_p^2 / (omega (omega + i Gamma)), omega_p with m_opt."""
    wp2 = mat.n_e * QE**2 / (EPS0 * mat.m_opt)
    G = mat.hbar_Gamma * QE / HBAR
    omega = np.asarray(omega, dtype=float)
    return mat.eps_b - wp2 / (omega * (omega + 1j * G))


def absorbed_power(t_fs, mat: Material, pulse: Pulse):
    """P_abs(t) = omega Im eps(omega) I(t) / c [W/m^3] (Eq. 7, no field enhancement: assumed)."""
    im = float(np.imag(drude_permittivity(pulse.omega, mat)))
    return pulse.omega * im * pulse.intensity(t_fs) / 2.99792458e8


def absorbed_energy(t1_fs, t2_fs, mat: Material, pulse: Pulse):
    """Integral of P_abs between two times [J/m^3]."""
    im = float(np.imag(drude_permittivity(pulse.omega, mat)))
    return pulse.omega * im * pulse.fluence_between(t1_fs, t2_fs) / 2.99792458e8


# ------------------------------------------------------------------ two-temperature model
@dataclass
class ThermalTables:
    """Spline tables of U(T_e) - U(0) (hence C_e) and G(T_e) of one material."""

    U: CubicSpline
    G: CubicSpline
    T_min: float
    T_max: float


def thermal_tables(
    mat: Material,
    T_min: float = 20.0,
    T_max: float = 20000.0,
    num: int = 300,
    coupling: str = "leading",
    Tph: float = 300.0,
) -> ThermalTables:
    """Tables of U(T_e), C_e(T_e) and G(T_e) for :func:`solve_ttm`.

    ``coupling``: "leading" (Eq. 26, the TTM choice of ``docs/ledd_ttm.md`` §1.6) or "full"
    (exact double integral with quantum phonons at ``Tph``, exact momentum conservation;
    40-point table)."""
    T = np.geomspace(T_min, T_max, num)
    U = internal_energy(T, mat)
    Ce = electron_heat_capacity(T, mat)
    if coupling == "leading":
        Tg = T
        G = ep_coupling(T, Tph, mat, momentum="paper", order="leading")
    else:
        Tg = np.geomspace(T_min, T_max, 40)
        G = ep_coupling(Tg, Tph, mat, momentum="exact", order="full")
    # Hermite spline: exact values and exact derivatives (C_e) at the nodes
    from scipy.interpolate import CubicHermiteSpline

    return ThermalTables(CubicHermiteSpline(T, U, Ce), CubicSpline(np.log(Tg), G), T_min, T_max)


def solve_ttm(
    mat: Material,
    pulse: Pulse,
    t_span: tuple[float, float],
    t_eval=None,
    source: Material | None = None,
    T0: float = 300.0,
    tables: ThermalTables | None = None,
    G_fn: Callable | None = None,
    rtol: float = 1e-10,
    coupling: str = "leading",
) -> dict[str, np.ndarray]:
    """Two-temperature model (Eqs. 21-22), times in fs.

    C_e(T_e) dT_e/dt = -G(T_e)(T_e - T_ph) + P_abs(t),  C_ph dT_ph/dt = G(T_e)(T_e - T_ph),
    with the exact C_e (Hermite spline of the exact U(T_e), C_e = dU/dT at the nodes) and the
    leading-order G (Eq. 26, momentum conservation; ``coupling="full"``: exact G with quantum
    phonons, as the BE's e-ph term). ``source`` is the material whose Drude
    absorption sets P_abs (default ``mat``; the paper drives Au with ITO's heat source).
    Returns t, Te, Tph, P_abs, G, Ce and the energy residual.
    """
    tab = tables or thermal_tables(mat, coupling=coupling, Tph=T0)
    src = source or mat
    dU = tab.U.derivative()

    def G_of(T):
        if G_fn is not None:
            return G_fn(T)
        return tab.G(np.log(np.clip(T, tab.T_min, tab.T_max)))

    def rhs(t, y):
        Te, Tph = y
        q = G_of(Te) * (Te - Tph)
        p = absorbed_power(t, src, pulse)
        return [(p - q) / dU(Te) * 1e-15, q / mat.C_ph * 1e-15]

    if t_eval is None:
        t_eval = np.linspace(*t_span, 1001)
    sol = solve_ivp(
        rhs,
        t_span,
        [T0, T0],
        method="Radau",
        t_eval=t_eval,
        rtol=rtol,
        atol=1e-8,
        max_step=pulse.fwhm_fs / 20,
    )
    if not sol.success:
        raise RuntimeError(sol.message)
    Te, Tph = sol.y
    E_in = absorbed_energy(t_span[0], t_span[1], src, pulse)
    dU_e = internal_energy(Te[-1], mat) - internal_energy(T0, mat)
    resid = (dU_e + mat.C_ph * (Tph[-1] - T0)) / E_in - 1
    return {
        "t": sol.t,
        "Te": Te,
        "Tph": Tph,
        "P_abs": absorbed_power(sol.t, src, pulse),
        "G": G_of(Te),
        "Ce": dU(Te),
        "energy_residual": float(resid),
        "E_abs": float(E_in),
    }


def cooling_rate(G: ArrayLike, Ce: ArrayLike) -> np.ndarray:
    """Electron cooling rate G(T_e) / C_e(T_e) [1/s] (Fig. 4b).

    Without source, Eqs. 21-22 give d(T_e - T_ph)/dt = -(G/C_e)(1 + C_e/C_ph)(T_e - T_ph): the
    instantaneous relaxation rate of T_e - T_ph is G/C_e when C_ph >> C_e.
    """
    return np.asarray(G, dtype=float) / np.asarray(Ce, dtype=float)
