"""Shared numerics for classical (lumped) master equations dP/dt = W P.

Conventions (column convention, as in docs/cl_superbunching.md): ``W[m, n]`` is the rate of the
transition n -> m, every column of ``W`` sums to zero, and probability vectors are columns.
Time is measured in units of the radiative lifetime tau unless a caller says otherwise.

Pitfall (docs/cl_superbunching.md §7, item 4): never diagonalise ``W`` for large state spaces; the
eigenvector matrix of a pure-death chain is ill-conditioned like 2^N. Everything here uses a
linear solve for the stationary state and the action of the matrix exponential
(:func:`scipy.sparse.linalg.expm_multiply`) for propagation.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike, NDArray
from scipy.linalg import expm
from scipy.sparse.linalg import expm_multiply

Matrix = NDArray[np.float64] | sp.sparray | sp.spmatrix

__all__ = [
    "check_generator",
    "propagate",
    "qrt_correlation",
    "stationary_state",
]


def check_generator(W: Matrix, atol: float = 1e-9) -> None:
    """Raise ``ValueError`` unless ``W`` is a rate matrix (zero column sums, off-diagonals >= 0)."""
    A = W.toarray() if sp.issparse(W) else np.asarray(W, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"generator must be square, got shape {A.shape}")
    if not np.all(np.isfinite(A)):
        raise ValueError("generator contains non-finite entries")
    scale = max(1.0, float(np.abs(A).max()))
    colsum = np.abs(A.sum(axis=0)).max()
    if colsum > atol * scale:
        raise ValueError(f"generator columns do not sum to zero (max |sum| = {colsum:.3e})")
    off = A - np.diag(np.diag(A))
    if off.min() < -atol * scale:
        raise ValueError(f"generator has a negative off-diagonal rate ({off.min():.3e})")


def stationary_state(W: Matrix) -> NDArray[np.float64]:
    """Stationary distribution of dP/dt = W P (general form of Eq. 10, Yuge et al. PRB 107, 165303).

    Solves ``W P = 0`` with the last row replaced by the normalisation sum(P) = 1
    (docs/cl_superbunching.md §7, item 3). Tiny negative round-off is clipped and the vector
    renormalised.
    """
    A = W.toarray() if sp.issparse(W) else np.array(W, dtype=float, copy=True)
    n = A.shape[0]
    A[-1, :] = 1.0
    b = np.zeros(n)
    b[-1] = 1.0
    P = np.linalg.solve(A, b)
    if not np.all(np.isfinite(P)):
        raise FloatingPointError("stationary state solve returned non-finite values")
    P = np.where(P < 0, np.where(P > -1e-12, 0.0, P), P)
    if P.min() < 0:
        raise FloatingPointError(f"stationary state has negative weight {P.min():.3e}")
    return P / P.sum()


#: Largest state space for which a uniform time grid is stepped with a dense ``expm(W dt)``.
DENSE_STEP_MAX_DIM = 400


def _uniform_spacing(times: NDArray[np.float64]) -> float | None:
    """Spacing of a strictly increasing, uniformly spaced grid (None if not uniform)."""
    if times.size < 3:
        return None
    d = np.diff(times)
    if d[0] <= 0 or np.max(np.abs(d - d[0])) > 1e-12 * max(1.0, abs(times[-1])):
        return None
    return float(d[0])


def propagate(W: Matrix, P0: ArrayLike, t: ArrayLike) -> NDArray[np.float64]:
    """Return ``exp(W t_k) P0`` for every time in ``t`` (shape ``(len(t), dim)``).

    Times must be finite and >= 0, in any order. Three paths, all without diagonalising ``W``:

    * uniform increasing grid, ``dim <= DENSE_STEP_MAX_DIM``: one dense ``expm(W dt)``
      (:func:`scipy.linalg.expm`, scaling and squaring) applied repeatedly (error ~1e-14 over
      hundreds of steps; ~100x faster than one ``expm_multiply`` per time);
    * uniform increasing grid, larger ``dim``: :func:`scipy.sparse.linalg.expm_multiply` with
      ``start/stop/num`` (one call for the whole grid);
    * otherwise: step through the sorted times with one ``expm_multiply`` per interval.
    """
    times = np.atleast_1d(np.asarray(t, dtype=float))
    if np.any(times < 0) or not np.all(np.isfinite(times)):
        raise ValueError("propagation times must be finite and >= 0")
    Ws = sp.csr_array(W)
    current = np.asarray(P0, dtype=float).copy()
    dt = _uniform_spacing(times)
    if dt is not None:
        if times[0] > 0:
            current = expm_multiply(Ws * times[0], current)
        if Ws.shape[0] <= DENSE_STEP_MAX_DIM:
            step = expm(Ws.toarray() * dt)
            out = np.empty((times.size, Ws.shape[0]))
            out[0] = current
            for k in range(1, times.size):
                out[k] = step @ out[k - 1]
            return out
        return np.asarray(
            expm_multiply(
                Ws, current, start=0.0, stop=dt * (times.size - 1), num=times.size, endpoint=True
            )
        )
    order = np.argsort(times, kind="stable")
    out = np.empty((times.size, Ws.shape[0]))
    t_now = 0.0
    for idx in order:
        step_dt = times[idx] - t_now
        if step_dt > 0:
            current = expm_multiply(Ws * step_dt, current)
            t_now = times[idx]
        out[idx] = current
    return out


def qrt_correlation(
    W: Matrix,
    jump: Matrix,
    observable: ArrayLike,
    t: ArrayLike,
    P_ss: ArrayLike | None = None,
) -> NDArray[np.float64]:
    """Normalised intensity correlation by the quantum regression theorem.

    Derivation: docs/cl_superbunching.md §1.6.

    ``g2(t) = o . exp(W t) J P_ss / (o . P_ss)^2`` where ``J`` is the (unnormalised) photon-emission
    map and ``o`` the intensity observable in units of the emission rate per emitter, so that
    ``o . J P`` is the equal-time normally ordered second moment. For the CL models
    ``o = n`` and ``(J P)_{n-1} = n P_n`` (times 1/tau, which cancels in the normalisation).
    """
    o = np.asarray(observable, dtype=float)
    P = stationary_state(W) if P_ss is None else np.asarray(P_ss, dtype=float)
    J = jump.toarray() if sp.issparse(jump) else np.asarray(jump, dtype=float)
    start = J @ P
    mean = float(o @ P)
    if mean <= 0:
        raise ValueError("mean intensity is zero: g2 undefined")
    traj = propagate(W, start, t)
    return traj @ o / mean**2
