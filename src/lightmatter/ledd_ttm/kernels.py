"""Numba kernels of the electron-electron collision integral (``docs/ledd_ttm.md`` §1.5, §6).

The integral over (eps2, eps3) of the screened-Coulomb kernel is evaluated over unordered
pairs of pairs {i, j} -> {l, m} with i + j = l + m (energy conservation on the uniform grid):
each quadruple is visited once (8-fold symmetry of the weight g'_i g'_j g'_l g'_m H), its
gain and loss contributions are scattered to the four states, so number and energy are
conserved by construction. The screening factor H = F(q+) - F(q-) needs no arctan in the
loop: F is monotonic, so F(min(a, b)) = min(F(a), F(b)) and H is read from two N x N tables
F(k_a + k_b), F(|k_a - k_b|). Quadruples whose occupation bracket is below ``tol`` are
skipped (deep Fermi sea / empty tail). The loop is split into interleaved chunks of total
energy s = i + j, run in parallel (numba prange), each chunk with its own accumulator rows.
"""

from __future__ import annotations

import numba as nb
import numpy as np

__all__ = ["ee_gain_loss", "ee_self_rate", "ee_tables"]


def ee_tables(k: np.ndarray, kappa: float) -> tuple[np.ndarray, np.ndarray]:
    """F(k_a + k_b) and F(|k_a - k_b|) for the screened kernel, scaled by kappa^3."""

    def F(q):
        x = q / kappa
        return 0.5 * x / (x**2 + 1) + 0.5 * np.arctan(x)

    kp = k[:, None] + k[None, :]
    km = np.abs(k[:, None] - k[None, :])
    return np.ascontiguousarray(F(kp)), np.ascontiguousarray(F(km))


@nb.njit(parallel=True, fastmath=False, cache=True)
def _ee_kernel(f, gp, Fp, Fm, tol, nchunk):
    n = f.shape[0]
    h = 1.0 - f
    gain = np.zeros((nchunk, n))
    loss = np.zeros((nchunk, n))
    visited = np.zeros(nchunk, dtype=np.int64)
    for c in nb.prange(nchunk):
        cnt = 0
        for s in range(c, 2 * n - 1, nchunk):
            lo = max(0, s - n + 1)
            hi = s // 2
            for i in range(lo, hi + 1):
                j = s - i
                fi, fj, hi_, hj = f[i], f[j], h[i], h[j]
                Pa = hi_ * hj
                Qa = fi * fj
                gij = gp[i] * gp[j]
                gi = 0.0  # gain/loss rate coefficients of pair a = {i, j}
                li = 0.0
                for l in range(i + 1, hi + 1):
                    m = s - l
                    fl, fm, hl, hm = f[l], f[m], h[l], h[m]
                    Pb = hl * hm
                    Qb = fl * fm
                    if Pa * Qb + Qa * Pb < tol:
                        continue
                    cnt += 1
                    w = gij * gp[l] * gp[m]
                    # H(i,j,l,m): q from i->l and j->m
                    up = min(Fp[i, l], Fp[j, m])
                    dn = max(Fm[i, l], Fm[j, m])
                    S1 = w * (up - dn) if up > dn else 0.0
                    if l != m:
                        up = min(Fp[i, m], Fp[j, l])
                        dn = max(Fm[i, m], Fm[j, l])
                        S2 = w * (up - dn) if up > dn else 0.0
                        Ta = S1 + S2
                    else:
                        S2 = S1  # S(i,j,m,l) = S(i,j,l,l)
                        Ta = S1
                    Tb = S1 + S2 if i != j else S1
                    # pair a = {i, j} gains from b = {l, m}
                    gi += Ta * Qb
                    li += Ta * Pb
                    g_b = Tb * Qa
                    l_b = Tb * Pa
                    gain[c, l] += g_b * hm
                    loss[c, l] += l_b * fm
                    if m != l:
                        gain[c, m] += g_b * hl
                        loss[c, m] += l_b * fl
                gain[c, i] += gi * hj
                loss[c, i] += li * fj
                if j != i:
                    gain[c, j] += gi * hi_
                    loss[c, j] += li * fi
        visited[c] = cnt
    return gain.sum(axis=0), loss.sum(axis=0), visited.sum()


@nb.njit(cache=True)
def _ee_self_kernel(f, gp, Fp, Fm):
    n = f.shape[0]
    out = np.zeros(n)
    for i in range(n):
        acc = 0.0
        for j in range(n):
            w = gp[i] * gp[i] * gp[j] * gp[j]
            # i -> i, j -> j (zero energy transfer): q from 0 to 2 min(k_i, k_j)
            S = w * (min(Fp[i, i], Fp[j, j]) - max(Fm[i, i], Fm[j, j]))
            if j != i:  # i -> j, j -> i (energy swap)
                up, dn = Fp[i, j], Fm[i, j]
                if up > dn:
                    S += w * (up - dn)
            acc += S * f[j] * (1.0 - f[j])
        out[i] = acc
    return out


def ee_self_rate(f: np.ndarray, gp: np.ndarray, Fp: np.ndarray, Fm: np.ndarray) -> np.ndarray:
    """Rate coefficient of the final pairs equal to the initial pair (same units as the
    coefficients of :func:`ee_gain_loss`).

    In Eq. 16 the final pairs (eps_l, eps_m) = (eps_i, eps_j) (no energy transfer) and
    (eps_j, eps_i) (energy swap) contribute T f_j (1 - f_j) (1 - f_i) to the gain and
    T f_j (1 - f_j) f_i to the loss of state i: they cancel in df/dt (so :func:`ee_gain_loss`
    leaves them out) but belong to the collision rate (gain + loss coefficient), where the
    zero-transfer bin carries the screened small-q weight F(2k) - F(0).
    """
    return _ee_self_kernel(np.ascontiguousarray(f, dtype=np.float64), gp, Fp, Fm)


#: below this many quadruples per evaluation the kernel runs in the calling thread only
#: (waking the thread pool costs more than it gains; measured on a loaded 2-core machine)
PARALLEL_MIN_QUADS = 4_000_000


def ee_gain_loss(
    f: np.ndarray, gp: np.ndarray, Fp: np.ndarray, Fm: np.ndarray, tol: float = 0.0
) -> tuple[np.ndarray, np.ndarray, int]:
    """Dimensionless gain/loss coefficients: (df/dt)_i ~ (1-f_i) G_i - f_i L_i (times the
    prefactor K_ee Delta^2 / (kappa^3 k_i g'_i)); also the number of quadruples evaluated."""
    n = f.size
    f = np.ascontiguousarray(f, dtype=np.float64)
    threads = nb.get_num_threads()
    if n**3 / 12 < PARALLEL_MIN_QUADS or threads == 1:
        nb.set_num_threads(1)
        try:
            return _ee_kernel(f, gp, Fp, Fm, float(tol), 1)
        finally:
            nb.set_num_threads(threads)
    return _ee_kernel(f, gp, Fp, Fm, float(tol), 4 * threads)
