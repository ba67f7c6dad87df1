"""cw rate equations of 2-, 3- and 4-level lasing systems (paper Figs. 6d and 7b).

Derivation: ``docs/qd_gain.md`` §1.

Zenatti & Kambhampati, "A path towards thresholdless colloidal quantum dot lasers". Classical
Siegman rate equations, all degeneracies 1, populations as fractions (sum 1). The pump rate
``W`` (per emitter, sigma_p x photon flux) drives the pump transition both ways. Level labels:

* 2LS: 1 (ground), 2 (upper); pump and laser on 1<->2.
* 3LS: 1 = |0>, 3 = |X_A> (pumped), 2 = |X_E> (upper laser level); laser 2 -> 1.
* 4LS: 0 (ground), 3 (pumped), 2 (upper), 1 (lower laser level, vibronically excited ground).

Fig. 7b adds excited-state absorption (ESA) of the upper laser level into the biexciton at
the laser energy with sigma_ESA = rho sigma_SE; the small-signal gain per (sigma_SE N_dots) is
``n_up (1 - rho) - n_low`` (XX population neglected: Auger ~30 ps << tau_21 ~20 ns).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "SYSTEMS",
    "cw_gain",
    "cw_populations",
    "cw_populations_numeric",
    "cw_threshold",
    "rate_matrix",
]

System = Literal["2LS", "3LS", "4LS"]
SYSTEMS: tuple[str, ...] = ("2LS", "3LS", "4LS")


def _check(system: str, tau21: float, tau32: float, tau10: float) -> None:
    if system not in SYSTEMS:
        raise ValueError(f"system must be one of {SYSTEMS}, got {system!r}")
    for name, v in (("tau21", tau21), ("tau32", tau32), ("tau10", tau10)):
        if not np.isfinite(v) or v <= 0:
            raise ValueError(f"{name} must be a positive finite time, got {v}")


def _pump(pump: ArrayLike) -> NDArray[np.float64]:
    w = np.asarray(pump, dtype=float)
    if np.any(~np.isfinite(w)) or np.any(w < 0):
        raise ValueError("pump must be finite and >= 0")
    return w


def cw_populations(
    system: str, pump: ArrayLike, tau21: float = 1.0, tau32: float = 1e-3, tau10: float = 1e-3
) -> dict[str, NDArray[np.float64]]:
    """Closed-form cw steady-state populations, keys ``n0``...``n3`` as present.

    docs/qd_gain.md §1.

    Returns also ``n_up`` and ``n_low``, the upper and lower laser levels.
    """
    _check(system, tau21, tau32, tau10)
    W = _pump(pump)
    if system == "2LS":
        n2 = W * tau21 / (1.0 + 2.0 * W * tau21)
        n1 = 1.0 - n2
        return {"n1": n1, "n2": n2, "n_up": n2, "n_low": n1}
    if system == "3LS":
        D = 1.0 + 2.0 * W * tau32 + W * tau21
        n1, n2, n3 = (1.0 + W * tau32) / D, W * tau21 / D, W * tau32 / D
        return {"n1": n1, "n2": n2, "n3": n3, "n_up": n2, "n_low": n1}
    D = 1.0 + W * (2.0 * tau32 + tau21 + tau10)
    n0, n1, n2, n3 = (1.0 + W * tau32) / D, W * tau10 / D, W * tau21 / D, W * tau32 / D
    return {"n0": n0, "n1": n1, "n2": n2, "n3": n3, "n_up": n2, "n_low": n1}


def rate_matrix(
    system: str, pump: float, tau21: float = 1.0, tau32: float = 1e-3, tau10: float = 1e-3
) -> NDArray[np.float64]:
    """Linear rate matrix R with dn/dt = R n, states ordered by level index (docs/qd_gain.md §1)."""
    _check(system, tau21, tau32, tau10)
    W = float(_pump(pump))
    if system == "2LS":  # states (1, 2)
        return np.array([[-W, W + 1 / tau21], [W, -W - 1 / tau21]])
    if system == "3LS":  # states (1, 2, 3)
        return np.array(
            [
                [-W, 1 / tau21, W],
                [0.0, -1 / tau21, 1 / tau32],
                [W, 0.0, -W - 1 / tau32],
            ]
        )
    # 4LS, states (0, 1, 2, 3)
    return np.array(
        [
            [-W, 1 / tau10, 0.0, W],
            [0.0, -1 / tau10, 1 / tau21, 0.0],
            [0.0, 0.0, -1 / tau21, 1 / tau32],
            [W, 0.0, 0.0, -W - 1 / tau32],
        ]
    )


def cw_populations_numeric(
    system: str, pump: float, tau21: float = 1.0, tau32: float = 1e-3, tau10: float = 1e-3
) -> NDArray[np.float64]:
    """Steady state from the null space of :func:`rate_matrix` (normalised; for checks)."""
    R = rate_matrix(system, pump, tau21, tau32, tau10)
    _, _, vt = np.linalg.svd(R)
    v = np.abs(vt[-1])
    return v / v.sum()


def cw_gain(
    system: str,
    pump: ArrayLike,
    tau21: float = 1.0,
    tau32: float = 1e-3,
    tau10: float = 1e-3,
    esa_ratio: float = 0.0,
) -> NDArray[np.float64]:
    """Small-signal cw gain per (sigma_SE N_dots): ``n_up (1 - rho) - n_low`` (Figs. 6d, 7b).

    ``esa_ratio`` = rho = sigma_ESA/sigma_SE at the laser energy (0: Fig. 6d, population
    inversion n_up - n_low; 1: Fig. 7b, ESA resonant with SE, "perfect cancellation").
    """
    if not 0.0 <= esa_ratio <= 10.0:
        raise ValueError(f"esa_ratio must be in [0, 10], got {esa_ratio}")
    p = cw_populations(system, pump, tau21, tau32, tau10)
    return p["n_up"] * (1.0 - esa_ratio) - p["n_low"]


def cw_threshold(
    system: str,
    tau21: float = 1.0,
    tau32: float = 1e-3,
    tau10: float = 1e-3,
    esa_ratio: float = 0.0,
) -> float:
    """Analytic cw threshold pump rate W_th (inf if never, 0 if thresholdless; docs/qd_gain.md §1).

    Without ESA: 2LS inf, 3LS 1/(tau21 - tau32), 4LS 0 (if tau21 > tau10). With ESA ratio rho:
    the gain n_up(1-rho) - n_low is solved for the pump rate where it crosses zero.
    """
    _check(system, tau21, tau32, tau10)
    if not 0.0 <= esa_ratio <= 10.0:
        raise ValueError(f"esa_ratio must be in [0, 10], got {esa_ratio}")
    f = 1.0 - esa_ratio
    if system == "2LS":
        # n2 f - n1 = (f W tau21 - 1 - W tau21)/D = ((f - 1) W tau21 - 1)/D < 0 for rho >= 0
        return float("inf")
    if system == "3LS":
        # (f W tau21 - 1 - W tau32)/D
        den = f * tau21 - tau32
        return 1.0 / den if den > 0 else float("inf")
    den = f * tau21 - tau10  # W (f tau21 - tau10)/D
    return 0.0 if den > 0 else float("inf")
