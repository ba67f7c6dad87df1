"""Fokker-Planck (small phonon energy) form of the electron-phonon collision term (paper Eq. 29).

``docs/ledd_ttm.md`` §1.4 (collision term) and §4, Fig. 6 (Eq. 29: the printed form is lost;
derived here as the second-order expansion of §1.4 in the phonon energy E, assumed equivalent).
Energies in eV, temperatures in K, rates in 1/s.

Derivation. With rho(eps)/k(eps) = m* g'(eps)/(pi^2 hbar^2) the e-ph term of §1.4 is a discrete
divergence over phonon energies, rho (df/dt) = (A m*/pi^2 hbar^2) int dE E^2 [S(eps, E) -
S(eps - E, E)], with S(a, E) = g'(a) g'(a + E) chi(a, a + E) R(a, E) the net downward rate of the
pair (a, a + E) and R = N (f(a + E) - f(a)) + f(a + E)(1 - f(a)). Expanded about the pair's
midpoint, R = k_B T_ph f' + f (1 - f) + O(E^2) (the O(E) terms cancel), the pair cut-off is
E_max(eps) = min(E_D, 2 hbar v_s k(eps)) + O(E^2) (Eq. 11), hence, to relative order E^2,

    rho (df/dt)_e-ph = d/deps J,   J = Dc(eps) [k_B T_ph df/deps + f (1 - f)],
    Dc(eps) = A m* g'(eps)^2 E_max(eps)^4 / (4 pi^2 hbar^2)          [1/(m^3 s)].

Its energy moment gives exactly the leading-order coupling G of Eq. 26 (``ep_coupling(...,
order="leading")``). Two decompositions:

* flux form (:func:`eph_fokker_planck`): J = J_drift + J_diff with the spontaneous-emission
  (friction) flux Dc f(1 - f) ("drift") and the thermal-phonon flux Dc k_B T_ph f' ("diffusion").
  Discretised as J_{i+1/2} = Dc_{i+1/2} [N_Delta (f_{i+1} - f_i) + f_{i+1} (1 - f_i)],
  N_Delta = 1/expm1(Delta/k_B T_ph) (split symmetrically, see :func:`eph_fokker_planck`): each
  part conserves the electron number exactly, and their sum vanishes exactly for a Fermi-Dirac
  distribution at T_ph on the grid (detailed balance).
* Eq. 29 form (the paper's three terms, product rule on d J/d eps), divided by rho:
  first-derivative term Dc (1 - 2 f) f' (drift), second-derivative term Dc k_B T_ph f''
  (diffusion), number-conserving term (d Dc/d eps)|_MC [k_B T_ph f' + f (1 - f)] from
  dE_max/deps, non-zero only where E_max < E_D (Theta(E_D - 2 hbar v_s k)), plus, for a Kane band,
  the non-parabolicity term (d Dc/d eps)|_band [...] from d g'^2/d eps = 4 C g' (grouping assumed;
  it vanishes for C = 0). For a parabolic noble metal with E_max = E_D only the first two survive:
  the usual differential form. For FD at T_ph the two last terms vanish and first = -second.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import expit

from . import physics as ph
from .materials import HBAR, KB_EV, QE, Material

__all__ = [
    "EQ29_TERMS",
    "diffusion_coefficient",
    "eph_collision_integral",
    "eph_eq29_terms",
    "eph_fokker_planck",
    "eps_star",
    "smooth_cells",
    "snapshot_terms",
]

#: names and long names of the Eq. 29 terms returned by :func:`eph_eq29_terms`
EQ29_TERMS = {
    "first": "first-derivative (drift) term of Eq. 29, Dc (1 - 2f) f' / rho",
    "second": "second-derivative (diffusion) term of Eq. 29, Dc k_B T_ph f'' / rho",
    "third": "number-conserving term of Eq. 29, (dDc/deps)_MC [k_B T_ph f' + f(1-f)] / rho",
    "band": "non-parabolicity term, (dDc/deps)_band [k_B T_ph f' + f(1-f)] / rho",
}


def diffusion_coefficient(eps, mat: Material) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Dc(eps) = A m* g'^2 E_max^4 / (4 pi^2 hbar^2) [1/(m^3 s)] (E_max of Eq. 11) and the two
    parts of its derivative [1/(m^3 s eV)]: (momentum-conservation part from dE_max/deps, which
    is non-zero only where 2 hbar v_s k < E_D; non-parabolicity part from dg'^2/deps)."""
    eps = np.asarray(eps, dtype=float)
    pref = ph.eph_prefactor(mat) * mat.m / (4 * np.pi**2 * HBAR**2) * QE**4  # E in eV
    gp = ph.g_prime(eps, mat)
    Em = ph.e_max(eps, mat, "paper")
    hv = HBAR * mat.v_s / QE  # eV m
    k = ph.wavenumber(eps, mat)
    g = ph.band_energy(eps, mat)
    with np.errstate(divide="ignore", invalid="ignore"):
        dk = np.where(g > 0, k * gp / (2 * g), 0.0)  # dk/deps [1/(m eV)]
    dEm = np.where(2 * hv * k < mat.E_D, 2 * hv * dk, 0.0)
    Dc = pref * gp**2 * Em**4
    d_mc = pref * 4 * gp**2 * Em**3 * dEm
    d_band = pref * 4 * mat.C * gp * Em**4
    return Dc, d_mc, d_band


def eps_star(mat: Material) -> float:
    """Energy [eV] above which E_max = E_D (2 k(eps*) = q_D; boundary of Fig. 6's regions)."""
    g = (HBAR * mat.q_D / 2) ** 2 / (2 * mat.m) / QE  # eps (1 + C eps) at k = q_D / 2
    if mat.C == 0:
        return float(g)
    return float((-1 + np.sqrt(1 + 4 * mat.C * g)) / (2 * mat.C))


def smooth_cells(f, r: int, f_ref=None) -> np.ndarray:
    """Centred moving average over r grid cells (for even r: trapezoid over r + 1 cells) of
    f - f_ref, added back to f_ref (default f_ref = 0).

    Removes a grid-scale sawtooth of period r exactly (the two-grid e-e term of the BE, with
    ``ee_ratio`` = r, leaves one in f); the Fokker-Planck form needs f smooth on the phonon
    energy scale (the full e-ph term averages f over E_max anyway). With f_ref = FD(T_ph) the
    thermal edge is not smeared, so detailed balance is kept. r = 1: unchanged.
    """
    f = np.asarray(f, dtype=float)
    ref = np.zeros_like(f) if f_ref is None else np.asarray(f_ref, dtype=float)
    r = int(r)
    if r <= 1:
        return f.copy()
    w = np.ones(r) / r
    if r % 2 == 0:
        w = np.convolve(w, [0.5, 0.5])
    h = w.size // 2
    return ref + np.convolve(np.pad(f - ref, h, mode="edge"), w, mode="valid")


def _uniform_step(eps: np.ndarray) -> float:
    d = np.diff(eps)
    if eps.size < 3 or not np.allclose(d, d[0], rtol=1e-9, atol=0):
        raise ValueError("the Fokker-Planck terms need a uniform energy grid (>= 3 points)")
    return float(d[0])


def _half_node_parts(f: np.ndarray, eps: np.ndarray, T_ph: float, mat: Material):
    """Half-node (i + 1/2, with the two grid ends) quantities of the discrete flux
    J = Dc X, X = X_diff + X_drift; X = 0 at the ends (no flux out of the grid)."""
    d = _uniform_step(eps)
    half = np.concatenate([[eps[0] - 0.5 * d], 0.5 * (eps[1:] + eps[:-1]), [eps[-1] + 0.5 * d]])
    half = np.clip(half, 0.0, None)
    c = 0.5 / np.tanh(d / (2 * KB_EV * T_ph))  # N_Delta + 1/2 = k_B T/Delta + O(Delta)
    zero = np.zeros(1)
    x_diff = np.concatenate([zero, c * (f[1:] - f[:-1]), zero])
    x_drift = np.concatenate([zero, 0.5 * (f[1:] + f[:-1]) - f[1:] * f[:-1], zero])
    pref = ph.eph_prefactor(mat) * mat.m / (4 * np.pi**2 * HBAR**2) * QE**4
    gp2 = ph.g_prime(half, mat) ** 2
    em4 = ph.e_max(half, mat, "paper") ** 4
    return d, pref, gp2, em4, x_diff, x_drift


def _divergence(rho: np.ndarray, flux: np.ndarray, d: float) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(rho > 0, np.diff(flux) / d / rho, 0.0)


def eph_fokker_planck(f, eps, T_ph: float, mat: Material) -> dict[str, np.ndarray]:
    """Conservative flux form of the Fokker-Planck e-ph term on a uniform grid [1/s].

    Returns ``total`` = ``drift`` + ``diffusion`` with rho_i term_i = (J_{i+1/2} - J_{i-1/2})/Delta,
    zero flux through the grid ends. The flux is that of one phonon of energy Delta,
    Dc [N_Delta (f_{i+1} - f_i) + f_{i+1}(1 - f_i)], split symmetrically (second order each):
    ``drift`` Dc [(f_i + f_{i+1})/2 - f_i f_{i+1}] (-> Dc f(1 - f), spontaneous emission) and
    ``diffusion`` Dc (N_Delta + 1/2)(f_{i+1} - f_i) (-> Dc k_B T_ph f', thermal phonons). Each
    part conserves sum rho Delta term exactly; the total vanishes exactly for FD(T_ph) on the grid.
    Eq. 29 / ``docs/ledd_ttm.md`` §1.4 (see the module docstring).
    """
    f = np.asarray(f, dtype=float)
    eps = np.asarray(eps, dtype=float)
    d, pref, gp2, em4, x_diff, x_drift = _half_node_parts(f, eps, T_ph, mat)
    Dc = pref * gp2 * em4
    rho = ph.dos(eps, mat)
    out = {
        "drift": _divergence(rho, Dc * x_drift, d),
        "diffusion": _divergence(rho, Dc * x_diff, d),
    }
    out["total"] = out["drift"] + out["diffusion"]
    return out


def eph_eq29_terms(f, eps, T_ph: float, mat: Material) -> dict[str, np.ndarray]:
    """The terms of Eq. 29 (paper Appendix A.2; ``docs/ledd_ttm.md`` §4, Fig. 6) on a uniform
    grid [1/s].

    Discrete product rule applied to the flux form of :func:`eph_fokker_planck`, so the four
    terms sum to its ``total`` exactly (a, b: half-node averages to the cell centre):

    * ``first`` (drift): a(Dc) [X_drift]_{i-1/2}^{i+1/2} / (rho Delta) -> Dc (1 - 2f) f'/rho;
    * ``second`` (diffusion): a(Dc) [X_diff]_{i-1/2}^{i+1/2} / (rho Delta) -> Dc k_B T_ph f''/rho;
    * ``third`` (number-conserving, momentum conservation): a(X) p a(g'^2) [E_max^4] / (rho Delta)
      -> (dDc/deps)_MC [k_B T_ph f' + f(1 - f)]/rho, zero wherever E_max = E_D;
    * ``band`` (non-parabolicity): a(X) p a(E_max^4) [g'^2] / (rho Delta), zero for C = 0.

    For FD(T_ph) on the grid X = 0: ``third`` = ``band`` = 0 and ``first`` = -``second``.
    """
    f = np.asarray(f, dtype=float)
    eps = np.asarray(eps, dtype=float)
    d, pref, gp2, em4, x_diff, x_drift = _half_node_parts(f, eps, T_ph, mat)
    Dc = pref * gp2 * em4
    rho = ph.dos(eps, mat)

    def avg(a):
        return 0.5 * (a[1:] + a[:-1])

    with np.errstate(divide="ignore", invalid="ignore"):
        inv = np.where(rho > 0, 1.0 / (rho * d), 0.0)
    x = avg(x_diff + x_drift)
    return {
        "first": avg(Dc) * np.diff(x_drift) * inv,
        "second": avg(Dc) * np.diff(x_diff) * inv,
        "third": x * pref * avg(gp2) * np.diff(em4) * inv,
        "band": x * pref * avg(em4) * np.diff(gp2) * inv,
    }


def eph_collision_integral(
    eps,
    f: Callable[[np.ndarray], np.ndarray],
    T_ph: float,
    mat: Material,
    momentum: str = "exact",
    n_quad: int = 64,
) -> np.ndarray:
    """Full e-ph collision term of ``docs/ledd_ttm.md`` §1.4 (Eq. 10) for a distribution given
    as a function, by Gauss-Legendre quadrature over the phonon energy (no energy grid) [1/s].
    Reference for the Fokker-Planck expansion."""
    eps = np.atleast_1d(np.asarray(eps, dtype=float))
    A = ph.eph_prefactor(mat)
    k = ph.wavenumber(eps, mat)
    x, w = np.polynomial.legendre.leggauss(n_quad)
    f0 = f(eps)[:, None]
    out = np.zeros_like(eps)
    for partner, sgn in (("up", 1.0), ("down", -1.0)):
        if momentum == "paper":
            Em = ph.e_max(eps, mat, "paper")
        else:
            Em = ph.e_max(eps, mat, momentum, partner)
        if partner == "down":
            Em = np.minimum(Em, eps)
        E = 0.5 * Em[:, None] * (1 + x[None, :])
        W = 0.5 * Em[:, None] * w[None, :]
        N = 1.0 / np.expm1(E / (KB_EV * T_ph))
        ep = eps[:, None] + sgn * E
        fp = f(ep)
        if partner == "up":  # f_+(1-f)(N+1) - f(1-f_+)N
            br = N * (fp - f0) + fp * (1 - f0)
        else:  # f_-(1-f)N - f(1-f_-)(N+1)
            br = N * (fp - f0) - f0 * (1 - fp)
        out += np.sum(W * E**2 * ph.g_prime(ep, mat) * br, axis=1) * QE**3
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(k > 0, A * out / k, 0.0)


def snapshot_terms(
    f_snap: ArrayLike,
    eps: ArrayLike,
    rho: ArrayLike,
    delta: float,
    T_ph: ArrayLike,
    mu0: float,
    mat: Material,
    ee_ratio: int,
) -> dict[str, np.ndarray]:
    """Fokker-Planck form (Eq. 29) of the e-ph term at the snapshots of a BE run (Fig. 6) [1/s].

    ``f_snap`` (n_snap, n) are the distributions on the uniform grid ``eps`` with DOS ``rho``
    and cell width ``delta`` [eV], ``T_ph`` (n_snap) the phonon temperatures at the snapshots,
    ``mu0`` a guess of the grid chemical potential. Before the terms are taken, the deviation
    of each f from FD(T_ph) with the same grid number (:func:`physics.grid_chemical_potential`)
    is averaged over ``ee_ratio`` cells (:func:`smooth_cells`; 1: no averaging, as the
    ``boltzmann`` sweep calls it, since the BE's f is smooth on the grid).

    Returns, each of shape (n_snap, n), the four terms of :func:`eph_eq29_terms` (``first``,
    ``second``, ``third``, ``band``) and the flux form of :func:`eph_fokker_planck` (``total``,
    ``drift``, ``diffusion``).
    """
    eps = np.asarray(eps, dtype=float)
    rho_d = np.asarray(rho, dtype=float) * float(delta)
    rows = []
    for f0, T in zip(np.asarray(f_snap, dtype=float), np.asarray(T_ph, dtype=float)):
        T = float(T)
        mu = ph.grid_chemical_potential(T, rho_d, eps, float(np.sum(rho_d * f0)), float(mu0))
        f = smooth_cells(f0, ee_ratio, expit(-(eps - mu) / (KB_EV * T)))
        rows.append({**eph_eq29_terms(f, eps, T, mat), **eph_fokker_planck(f, eps, T, mat)})
    keys = (*EQ29_TERMS, "total", "drift", "diffusion")
    return {k: np.array([r[k] for r in rows]) for k in keys}
