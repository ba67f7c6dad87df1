"""Four-level Auger photoemission rate equations (Eqs. 1-8 of Zeng et al.) and Fig. 1b-c decays.

Zeng, Zhang, Cao, Liu, Pan, "Auger photoemission as a laser-like coherent cathode" (seed
``000_38be2e173ad007b4.txt``), following the reconstruction in ``docs/auger_photoemission.md``
(sections 1-6, 9, 10; "docs §N" below is section N of that document).

Model (docs §1; seed Eq. 1 plus the Auger-electron reservoir ``N_A`` named in the seed text)::

    dN3/dt = w_p (N0 - N3) - N3/tau3
    dN2/dt = N3/tau3 - gamma_A N2^2
    dN1/dt = gamma_A N2^2 / 2 - N1/tau1
    dN0/dt = -w_p (N0 - N3) + N1/tau1 + r gamma_A N2^2 / 2
    dN_A/dt = gamma_A N2^2 / 2

* ``variant="closed"`` (``r = 0``): the seed's literal bookkeeping. Emitted electrons accumulate in
  ``N_A`` and ``N0 + N1 + N2 + N3 + N_A = N`` is conserved. There is no true steady state (the
  only fixed point is "everything emitted"); the seed's Eqs. 3-8 hold as a quasi-steady state
  (QSS) with ``N -> P(t) = N - N_A(t)`` (docs §3). The note calls this the "open system".
* ``variant="replenished"`` (``r = 1``, ASSUMED, docs §1/§3): each emitted electron is re-supplied
  to level 0 by the external circuit (grounded cathode), ``N0 + N1 + N2 + N3 = N`` is conserved and
  ``N_A`` only counts emitted electrons. This variant has an exact steady state (the exact
  quadratic of docs §2, which reduces to the seed's Eq. 6 for ``w_p tau << 1``).

Units (SI): times in s, rates ``w_p`` (pump rate per ground-state electron) and ``gamma_A``
(Auger coefficient per pair, number units) in 1/s, populations are numbers (dimensionless),
currents in electrons/s (dimensionless transmission ``beta``; multiply by ``e`` for amperes).

Seed errors corrected here (docs §9): Eq. 3 for ``N1`` lacks a factor 1/2 (only half of the Auger
events refill level 1), see :func:`eq3_populations`; the strong-pump expression in the seed text
squares the second term under the root (typo); Eq. 6 is evaluated in rationalised form.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import xarray as xr
from numpy.typing import ArrayLike, NDArray
from scipy.integrate import solve_ivp

__all__ = [
    "STATE_NAMES",
    "AugerParams",
    "SteadyState",
    "auger_decay",
    "crossover_population",
    "crossover_pump_rate",
    "current_saturated",
    "current_weak",
    "depletion_time",
    "eq3_populations",
    "half_saturation_pump_rate",
    "integrate",
    "jacobian",
    "log_slope_N",
    "log_slope_wp",
    "matched_radiative_lifetime",
    "ode_steady_state",
    "photocurrent",
    "qss_N2",
    "quasi_steady_depletion",
    "radiative_decay",
    "rate_equations",
    "reference_trajectory",
    "relaxation_time",
    "steady_state",
    "steady_state_current",
]

FloatOrArray = float | NDArray[np.float64]

#: order of the state vector ``y`` used by :func:`rate_equations`, :func:`jacobian`, ...
STATE_NAMES: tuple[str, ...] = ("N0", "N1", "N2", "N3", "N_A")
VARIANTS: tuple[str, ...] = ("replenished", "closed")
STEADY_VARIANTS: tuple[str, ...] = ("replenished", "eq6")
_IMPLICIT_METHODS = ("Radau", "BDF", "LSODA")
_EXPLICIT_METHODS = ("RK45", "RK23", "DOP853")
_CONSERVATION_RTOL = 1e-9
#: a steady state is read from the ODE after this many relaxation times 1/(w_p + 2 gamma_A N2)
#: from the ground state (docs §10: at least 20-60)
RELAXATION_TIMES = 60.0

_LONG_NAMES = {
    "N0": "population of the ground level 0",
    "N1": "population of the short-lived level 1",
    "N2": "population of the metastable level 2",
    "N3": "population of the short-lived pump level 3",
    "N_A": "number of emitted Auger electrons",
}


# ---------------------------------------------------------------------------------------------
# input validation
# ---------------------------------------------------------------------------------------------
def _as_float_array(value: ArrayLike, name: str, what: str) -> NDArray[np.float64]:
    if isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be {what}, got the bool {value!r}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be {what}, got {value!r}") from exc
    if arr.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return arr


def _check_positive(value: ArrayLike, name: str, unit: str = "") -> NDArray[np.float64]:
    """Return ``value`` as a float array with every entry finite and > 0, else ``ValueError``."""
    what = f"a positive finite number or array{f' (in {unit})' if unit else ''}"
    arr = _as_float_array(value, name, what)
    if np.any(arr <= 0):
        raise ValueError(f"{name} must be > 0{f' (in {unit})' if unit else ''}, got {value!r}")
    return arr


def _check_nonnegative(value: ArrayLike, name: str, unit: str = "") -> NDArray[np.float64]:
    """Return ``value`` as a float array with every entry finite and >= 0, else ``ValueError``."""
    what = f"a non-negative finite number or array{f' (in {unit})' if unit else ''}"
    arr = _as_float_array(value, name, what)
    if np.any(arr < 0):
        raise ValueError(f"{name} must be >= 0{f' (in {unit})' if unit else ''}, got {value!r}")
    return arr


def _scalar(arr: NDArray[np.float64], name: str) -> float:
    if arr.ndim != 0:
        raise ValueError(f"{name} must be a scalar here, got an array of shape {arr.shape}")
    return float(arr)


def _positive_scalar(value: ArrayLike, name: str, unit: str = "") -> float:
    return _scalar(_check_positive(value, name, unit), name)


def _check_variant(variant: object, allowed: tuple[str, ...]) -> str:
    if not isinstance(variant, str) or variant not in allowed:
        raise ValueError(f"variant must be one of {allowed}, got {variant!r}")
    return variant


def _as_output(arr: NDArray[np.float64]) -> FloatOrArray:
    """Python float for 0-d results, else the array."""
    return float(arr) if np.ndim(arr) == 0 else arr


# ---------------------------------------------------------------------------------------------
# parameters
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AugerParams:
    """Material parameters of the four-level Auger emitter (docs §5), validated on creation.

    Parameters
    ----------
    N : float
        Total number of electrons ``N = N0 + N1 + N2 + N3 + N_A`` (dimensionless, ``> 0``;
        non-integral values are allowed in the mean-field rate equations).
    gamma_A : float
        Auger coefficient per pair in number units [1/s], ``> 0``.
    tau1, tau3 : float
        Lifetimes of the short-lived levels 1 and 3 [s], ``> 0``.
    beta : float
        Dimensionless transmission coefficient of Eq. 2 (ASSUMED constant), ``> 0``.

    Functions of this module take plain floats; ``AugerParams`` only bundles and validates them,
    e.g. ``steady_state(w_p, **p.steady_kwargs())``.
    """

    N: float
    gamma_A: float
    tau1: float
    tau3: float
    beta: float = 1.0

    def __post_init__(self) -> None:
        for name, unit in (
            ("N", ""),
            ("gamma_A", "1/s"),
            ("tau1", "s"),
            ("tau3", "s"),
            ("beta", ""),
        ):
            object.__setattr__(self, name, _positive_scalar(getattr(self, name), name, unit))

    def steady_kwargs(self) -> dict[str, float]:
        """Keyword arguments for :func:`steady_state` / :func:`integrate` (without ``beta``)."""
        return {"N": self.N, "gamma_A": self.gamma_A, "tau1": self.tau1, "tau3": self.tau3}


# ---------------------------------------------------------------------------------------------
# Eq. 1: right-hand side and analytic Jacobian
# ---------------------------------------------------------------------------------------------
def _check_rate_args(
    w_p: ArrayLike, gamma_A: ArrayLike, tau1: ArrayLike, tau3: ArrayLike, variant: object
) -> tuple[float, float, float, float, float]:
    w = _positive_scalar(w_p, "w_p", "1/s")
    g = _positive_scalar(gamma_A, "gamma_A", "1/s")
    t1 = _positive_scalar(tau1, "tau1", "s")
    t3 = _positive_scalar(tau3, "tau3", "s")
    r = 1.0 if _check_variant(variant, VARIANTS) == "replenished" else 0.0
    return w, g, t1, t3, r


def _rhs(
    y: NDArray[np.float64], w: float, g: float, inv1: float, inv3: float, r: float
) -> NDArray[np.float64]:
    """Unchecked right-hand side of Eq. 1 (+ dN_A/dt); ``y`` of shape (5,) or (5, k)."""
    N0, N1, N2, N3 = y[0], y[1], y[2], y[3]
    pump = w * (N0 - N3)
    auger = g * N2 * N2
    half = 0.5 * auger
    decay1 = N1 * inv1
    decay3 = N3 * inv3
    return np.array([-pump + decay1 + r * half, half - decay1, decay3 - auger, pump - decay3, half])


def _jac(
    y: NDArray[np.float64], w: float, g: float, inv1: float, inv3: float, r: float
) -> NDArray[np.float64]:
    """Unchecked analytic Jacobian ``J[i, j] = d(dy_i/dt)/dy_j`` of :func:`_rhs`, shape (5, 5)."""
    gN2 = g * y[2]
    return np.array(
        [
            [-w, inv1, r * gN2, w, 0.0],
            [0.0, -inv1, gN2, 0.0, 0.0],
            [0.0, 0.0, -2.0 * gN2, inv3, 0.0],
            [w, 0.0, 0.0, -w - inv3, 0.0],
            [0.0, 0.0, gN2, 0.0, 0.0],
        ]
    )


def _check_state(y: ArrayLike) -> NDArray[np.float64]:
    arr = _as_float_array(y, "y", "a finite state vector (N0, N1, N2, N3, N_A)")
    if arr.shape[0:1] != (5,) or arr.ndim > 2:
        raise ValueError(
            f"y must have shape (5,) or (5, k) = (N0, N1, N2, N3, N_A), got {arr.shape}"
        )
    return arr


def rate_equations(
    t: float,
    y: ArrayLike,
    w_p: float,
    gamma_A: float,
    tau1: float,
    tau3: float,
    variant: str = "replenished",
) -> NDArray[np.float64]:
    """Time derivative of ``y = (N0, N1, N2, N3, N_A)``: Eq. 1 of Zeng et al. + ``dN_A/dt``.

    ``dN_A/dt = gamma_A N2^2 / 2`` is the Auger emission rate stated in the seed text (docs §1).
    ``variant="replenished"`` adds ``gamma_A N2^2 / 2`` to ``dN0/dt`` (ASSUMED ``r = 1``: each
    emitted electron is re-supplied to level 0); ``variant="closed"`` is the seed's literal Eq. 1
    (``r = 0``).

    Parameters
    ----------
    t : float
        Time [s] (the system is autonomous; accepted for ``solve_ivp``).
    y : array_like, shape (5,) or (5, k)
        Populations ``(N0, N1, N2, N3, N_A)`` (numbers).
    w_p : float
        Pump rate per ground-state electron [1/s], ``> 0``.
    gamma_A : float
        Auger coefficient per pair [1/s], ``> 0``.
    tau1, tau3 : float
        Lifetimes of levels 1 and 3 [s], ``> 0``.
    variant : {"replenished", "closed"}
        Bookkeeping of the emitted electrons (see module docstring).

    Returns
    -------
    numpy.ndarray
        ``dy/dt`` [1/s], same shape as ``y``.
    """
    w, g, t1, t3, r = _check_rate_args(w_p, gamma_A, tau1, tau3, variant)
    return _rhs(_check_state(y), w, g, 1.0 / t1, 1.0 / t3, r)


def jacobian(
    t: float,
    y: ArrayLike,
    w_p: float,
    gamma_A: float,
    tau1: float,
    tau3: float,
    variant: str = "replenished",
) -> NDArray[np.float64]:
    """Analytic Jacobian ``J[i, j] = d(dy_i/dt)/dy_j`` of :func:`rate_equations` (Eq. 1).

    The only nonlinearity is the Auger term ``gamma_A N2^2``. Linear invariants show up as zero
    column sums of ``J`` over the conserved components (all five for ``"closed"``, the first four
    for ``"replenished"``), which makes the Newton iterations of implicit solvers conserve them.

    Parameters
    ----------
    t, y, w_p, gamma_A, tau1, tau3, variant
        As in :func:`rate_equations`; ``y`` must have shape (5,).

    Returns
    -------
    numpy.ndarray
        Shape (5, 5), units 1/s.
    """
    w, g, t1, t3, r = _check_rate_args(w_p, gamma_A, tau1, tau3, variant)
    arr = _check_state(y)
    if arr.ndim != 1:
        raise ValueError(f"jacobian needs a single state of shape (5,), got {arr.shape}")
    return _jac(arr, w, g, 1.0 / t1, 1.0 / t3, r)


# ---------------------------------------------------------------------------------------------
# stiff integration
# ---------------------------------------------------------------------------------------------
def _invariant(y: NDArray[np.float64], variant: str) -> NDArray[np.float64]:
    """Conserved total: all five components (closed) or N0..N3 (replenished)."""
    return y.sum(axis=0) if variant == "closed" else y[:4].sum(axis=0)


def integrate(
    w_p: float,
    N: float,
    gamma_A: float,
    tau1: float,
    tau3: float,
    t: ArrayLike,
    variant: str = "replenished",
    y0: ArrayLike | None = None,
    method: str = "Radau",
    jac: bool = True,
    rtol: float = 1e-10,
    atol_rel: float = 1e-12,
) -> xr.Dataset:
    """Integrate Eq. 1 of Zeng et al. (+ ``dN_A/dt``) with a stiff solver.

    The system is stiff: the fast rates ``1/tau_{1,3}`` (1e7 1/s by default) exceed the slow
    ones (``w_p``, ``gamma_A N2``) by 1e4 ... 1e9 (docs §10). Use ``method="Radau"`` or ``"BDF"``
    with the analytic :func:`jacobian` (``jac=True``); explicit methods (``"RK45"``) are accepted
    only to demonstrate the stiffness (benchmark) and are step-limited by ``tau``.

    Parameters
    ----------
    w_p : float
        Pump rate [1/s], ``> 0``.
    N : float
        Total number of electrons, ``> 0``. It must equal the conserved total of ``y0``
        (``sum(y0)`` for ``"closed"``, ``sum(y0[:4])`` for ``"replenished"``).
    gamma_A : float
        Auger coefficient per pair [1/s], ``> 0``.
    tau1, tau3 : float
        Lifetimes of levels 1 and 3 [s], ``> 0``.
    t : array_like
        Strictly increasing output times [s] (at least two). Integration runs from ``t[0]``
        (where ``y0`` is imposed) to ``t[-1]``.
    variant : {"replenished", "closed"}
        See the module docstring.
    y0 : array_like, shape (5,), optional
        Initial ``(N0, N1, N2, N3, N_A)``, all ``>= 0``. Default: all electrons in level 0,
        ``(N, 0, 0, 0, 0)``.
    method : str
        ``solve_ivp`` method: ``"Radau"`` (default), ``"BDF"``, ``"LSODA"``, or the explicit
        ``"RK45"``, ``"RK23"``, ``"DOP853"``.
    jac : bool
        Pass the analytic Jacobian to implicit methods (``False``: finite differences).
    rtol : float
        Relative tolerance, ``0 < rtol < 1``.
    atol_rel : float
        Absolute tolerance in units of ``N`` (``atol = atol_rel * N``; populations span many
        decades, docs §10), ``> 0``.

    Returns
    -------
    xarray.Dataset
        Variables ``N0, N1, N2, N3, N_A`` over dimension ``t`` (coordinate in s), each with
        ``units`` and ``long_name``; attrs hold the parameters, the solver settings, the solver
        statistics (``nfev``, ``njev``, ``nlu``) and the largest relative conservation error.

    Raises
    ------
    ValueError
        Invalid parameters, times or initial state.
    RuntimeError
        The solver failed (``status != 0``), returned non-finite values, or violated the
        conservation law by more than 1e-9 relative.
    """
    w, g, t1, t3, r = _check_rate_args(w_p, gamma_A, tau1, tau3, variant)
    N_ = _positive_scalar(N, "N")
    rtol_ = _positive_scalar(rtol, "rtol")
    if rtol_ >= 1.0:
        raise ValueError(f"rtol must be < 1, got {rtol!r}")
    atol_ = _positive_scalar(atol_rel, "atol_rel") * N_
    if not isinstance(jac, bool | np.bool_):
        raise ValueError(f"jac must be a bool, got {jac!r}")
    if method not in _IMPLICIT_METHODS + _EXPLICIT_METHODS:
        raise ValueError(
            f"method must be one of {_IMPLICIT_METHODS + _EXPLICIT_METHODS}, got {method!r}"
        )
    times = _as_float_array(t, "t", "a finite array of times in s")
    if times.ndim != 1 or times.size < 2:
        raise ValueError(f"t must be a 1-D array of at least two times, got shape {times.shape}")
    if np.any(np.diff(times) <= 0):
        raise ValueError("t must be strictly increasing")

    if y0 is None:
        y_init = np.array([N_, 0.0, 0.0, 0.0, 0.0])
    else:
        y_init = _check_nonnegative(y0, "y0").astype(float)
        if y_init.shape != (5,):
            raise ValueError(f"y0 must have shape (5,) = (N0, N1, N2, N3, N_A), got {y_init.shape}")
        total0 = float(_invariant(y_init, variant))
        if abs(total0 - N_) > _CONSERVATION_RTOL * N_:
            which = "sum(y0)" if variant == "closed" else "sum(y0[:4])"
            raise ValueError(f"{which} = {total0!r} does not equal N = {N_!r} ({variant} variant)")

    inv1, inv3 = 1.0 / t1, 1.0 / t3
    options: dict[str, object] = {"rtol": rtol_, "atol": atol_}
    if method in _IMPLICIT_METHODS and jac:
        options["jac"] = lambda _t, y: _jac(y, w, g, inv1, inv3, r)
    sol = solve_ivp(
        lambda _t, y: _rhs(y, w, g, inv1, inv3, r),
        (float(times[0]), float(times[-1])),
        y_init,
        method=method,
        t_eval=times,
        **options,
    )
    label = (
        f"w_p={w!r} 1/s, N={N_!r}, gamma_A={g!r} 1/s, tau1={t1!r} s, tau3={t3!r} s, "
        f"variant={variant!r}, method={method!r}"
    )
    if sol.status != 0:
        raise RuntimeError(f"solve_ivp failed ({label}): status {sol.status}, {sol.message}")
    y = np.asarray(sol.y, dtype=float)
    if y.shape != (5, times.size) or not np.all(np.isfinite(y)):
        raise RuntimeError(f"solve_ivp returned non-finite or incomplete values ({label})")
    cons = float(np.max(np.abs(_invariant(y, variant) / N_ - 1.0)))
    if not cons <= _CONSERVATION_RTOL:
        raise RuntimeError(
            f"conservation of the total population violated ({label}): "
            f"max |sum/N - 1| = {cons:.3e} > {_CONSERVATION_RTOL:.0e}"
        )

    ds = xr.Dataset(
        {
            name: ("t", y[i], {"units": "1", "long_name": _LONG_NAMES[name]})
            for i, name in enumerate(STATE_NAMES)
        },
        coords={"t": ("t", times, {"units": "s", "long_name": "time"})},
    )
    ds.attrs.update(
        {
            "model": "Eq. 1 of Zeng et al. (Auger photoemission) + dN_A/dt = gamma_A N2^2/2",
            "variant": variant,
            "w_p": w,
            "w_p_units": "1/s",
            "N": N_,
            "gamma_A": g,
            "gamma_A_units": "1/s",
            "tau1": t1,
            "tau3": t3,
            "tau_units": "s",
            "method": method,
            "analytic_jacobian": int(bool(jac) and method in _IMPLICIT_METHODS),
            "rtol": rtol_,
            "atol": atol_,
            "nfev": int(sol.nfev),
            "njev": int(sol.njev),
            "nlu": int(sol.nlu),
            "max_conservation_error": cons,
        }
    )
    return ds


# ---------------------------------------------------------------------------------------------
# steady state (docs §2) and Eq. 3
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SteadyState:
    """Steady-state (or QSS) populations ``N0, N1, N2, N3`` (floats or broadcast arrays).

    Supports ``ss.N2`` and ``ss["N2"]``; :meth:`as_dict` returns a plain dict.
    """

    N0: FloatOrArray
    N1: FloatOrArray
    N2: FloatOrArray
    N3: FloatOrArray

    def __getitem__(self, key: str) -> FloatOrArray:
        if key not in ("N0", "N1", "N2", "N3"):
            raise KeyError(key)
        return getattr(self, key)

    def as_dict(self) -> dict[str, FloatOrArray]:
        """The fields as a plain dict (name -> value)."""
        return {"N0": self.N0, "N1": self.N1, "N2": self.N2, "N3": self.N3}


def _n2_quadratic(P: NDArray, gamma_A: NDArray, c: NDArray) -> NDArray:
    """Positive root of ``gamma_A c N2^2 + N2 - P = 0`` in rationalised (cancellation-free) form."""
    return 2.0 * P / (1.0 + np.sqrt(1.0 + 4.0 * gamma_A * c * P))


def _c_coefficient(w: NDArray, t1: NDArray, t3: NDArray) -> NDArray:
    """``c = 1/w_p + 2 tau3 + tau1/2`` [s] of the exact quadratic (docs §2)."""
    return 1.0 / w + 2.0 * t3 + 0.5 * t1


def _n2_eq6(w: NDArray, g: NDArray, N: NDArray) -> NDArray:
    """Seed Eq. 6, rationalised: ``N2 = 2N / (1 + sqrt(1 + 4 gamma_A N / w_p))``."""
    return 2.0 * N / (1.0 + np.sqrt(1.0 + 4.0 * g * N / w))


def qss_N2(
    w_p: ArrayLike,
    gamma_A: ArrayLike,
    P: ArrayLike,
    tau1: ArrayLike,
    tau3: ArrayLike,
) -> FloatOrArray:
    """Exact (quasi-)steady-state ``N2`` for a given ``P = N0 + N1 + N2 + N3`` (docs §2).

    Root of ``gamma_A c N2^2 + N2 - P = 0`` with ``c = 1/w_p + 2 tau3 + tau1/2``, evaluated as
    ``2P / (1 + sqrt(1 + 4 gamma_A c P))``. ``P = N`` gives the replenished steady state; for the
    closed variant ``P = N - N_A(t)`` gives the QSS of docs §3. Broadcasts over all arguments.

    Parameters
    ----------
    w_p : array_like
        Pump rate [1/s], ``> 0``.
    gamma_A : array_like
        Auger coefficient [1/s], ``> 0``.
    P : array_like
        Electrons left in the emitter (levels 0-3), ``>= 0``.
    tau1, tau3 : array_like
        Lifetimes [s], ``> 0``.

    Returns
    -------
    float or numpy.ndarray
    """
    w = _check_positive(w_p, "w_p", "1/s")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    P_ = _check_nonnegative(P, "P")
    t1 = _check_positive(tau1, "tau1", "s")
    t3 = _check_positive(tau3, "tau3", "s")
    return _as_output(_n2_quadratic(P_, g, _c_coefficient(w, t1, t3)))


def steady_state(
    w_p: ArrayLike,
    gamma_A: ArrayLike,
    N: ArrayLike,
    tau1: ArrayLike,
    tau3: ArrayLike,
    variant: str = "replenished",
) -> SteadyState:
    """Steady-state populations of Eq. 1 (docs §2); ``variant="eq6"`` gives the seed's Eq. 6.

    ``variant="replenished"`` (exact, ``r = 1``): setting ``dN3/dt = dN2/dt = dN1/dt = 0`` gives
    ``N3 = w_p tau3 N0 / (1 + w_p tau3)``, ``gamma_A N2^2 = w_p N0 / (1 + w_p tau3)`` and
    ``N1 = (tau1/2) gamma_A N2^2 = w_p tau1 N0 / (2 (1 + w_p tau3))`` (the seed's Eq. 3 lacks this
    factor 1/2, docs §9 item 1). With ``N = N0 + N1 + N2 + N3`` this is the exact quadratic
    ``gamma_A c N2^2 + N2 - N = 0``, ``c = 1/w_p + 2 tau3 + tau1/2``, solved as
    ``N2 = 2N / (1 + sqrt(1 + 4 gamma_A c N))``; then ``N0 = (1 + w_p tau3) gamma_A N2^2 / w_p``,
    ``N1 = tau1 gamma_A N2^2 / 2``, ``N3 = tau3 gamma_A N2^2``. The same formulas with ``N -> P``
    are the closed variant's quasi-steady state (docs §3).

    ``variant="eq6"``: the seed's Eq. 6 (``w_p tau_{1,3} << 1``, ``N1 = N3 = 0`` in Eq. 4), in the
    rationalised form ``N2 = 2N / (1 + sqrt(1 + 4 gamma_A N / w_p))`` (the printed difference form
    loses ``~eps w_p / (gamma_A N)`` relative accuracy, docs §2). ``N0 = N - N2`` (Eq. 4 with
    ``N1 = N3 = N_A = 0``) and ``N1``, ``N3`` are the corrected Eq. 3 evaluated at that ``N0``
    (first-order estimates; the four then sum to ``N`` only up to ``O(w_p tau)``). Eq. 6 exceeds
    the exact ``N2`` by a relative ``<= sqrt(1 + w_p (2 tau3 + tau1/2)) - 1 ~ w_p (tau3 + tau1/4)``
    and also ``<~ gamma_A N (2 tau3 + tau1/2)``.

    Parameters
    ----------
    w_p : array_like
        Pump rate [1/s], ``> 0``.
    gamma_A : array_like
        Auger coefficient per pair [1/s], ``> 0``.
    N : array_like
        Total number of electrons, ``> 0``.
    tau1, tau3 : array_like
        Lifetimes of levels 1 and 3 [s], ``> 0`` (``"eq6"`` uses them only for ``N1``, ``N3``).
    variant : {"replenished", "eq6"}

    Returns
    -------
    SteadyState
        ``N0, N1, N2, N3``, broadcast over the inputs (floats for scalar input).
    """
    w = _check_positive(w_p, "w_p", "1/s")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    N_ = _check_positive(N, "N")
    t1 = _check_positive(tau1, "tau1", "s")
    t3 = _check_positive(tau3, "tau3", "s")
    variant = _check_variant(variant, STEADY_VARIANTS)
    w, g, N_, t1, t3 = np.broadcast_arrays(w, g, N_, t1, t3)
    if variant == "replenished":
        N2 = _n2_quadratic(N_, g, _c_coefficient(w, t1, t3))
        auger = g * N2 * N2
        N0 = (1.0 + w * t3) * auger / w
        N1 = 0.5 * t1 * auger
        N3 = t3 * auger
    else:
        N2 = _n2_eq6(w, g, N_)
        N0 = N_ - N2
        N1 = w * t1 * N0 / (2.0 * (1.0 + w * t3))
        N3 = w * t3 * N0 / (1.0 + w * t3)
    return SteadyState(_as_output(N0), _as_output(N1), _as_output(N2), _as_output(N3))


def ode_steady_state(
    w_p: float,
    N: float,
    gamma_A: float,
    tau1: float,
    tau3: float,
    relaxation_times: float = RELAXATION_TIMES,
) -> tuple[SteadyState, float]:
    """Steady state of the replenished Eq. 1 read from the stiff ODE (independent of docs §2).

    Integrates :func:`integrate` (``variant="replenished"``, Radau with the analytic Jacobian)
    from the ground state ``(N, 0, 0, 0, 0)`` for ``relaxation_times`` times the relaxation time
    :func:`relaxation_time` ``1/(w_p + 2 gamma_A N2)`` (docs §3, §10) and returns the final
    populations. For the default 60 relaxation times the transient has decayed far below the
    solver tolerance, so the result agrees with the exact quadratic :func:`steady_state` to the
    integration accuracy (the check plotted as markers in Fig. 2b-c).

    Parameters
    ----------
    w_p : float
        Pump rate [1/s], ``> 0``.
    N : float
        Total number of electrons (all in level 0 at ``t = 0``), ``> 0``.
    gamma_A : float
        Auger coefficient per pair [1/s], ``> 0``.
    tau1, tau3 : float
        Lifetimes of levels 1 and 3 [s], ``> 0``.
    relaxation_times : float
        Integration time in units of the relaxation time, ``> 0``.

    Returns
    -------
    (SteadyState, float)
        Populations ``N0..N3`` at the end of the run (floats) and the integration time ``t_end``
        [s].
    """
    n_relax = _positive_scalar(relaxation_times, "relaxation_times")
    t_end = n_relax * float(relaxation_time(w_p, gamma_A, N))
    ds = integrate(w_p, N, gamma_A, tau1, tau3, np.array([0.0, t_end]), variant="replenished")
    last = ds.isel(t=-1)
    ss = SteadyState(*(float(last[k]) for k in ("N0", "N1", "N2", "N3")))
    return ss, t_end


def eq3_populations(
    N0: ArrayLike,
    w_p: ArrayLike,
    tau1: ArrayLike,
    tau3: ArrayLike,
    seed_literal: bool = False,
) -> tuple[FloatOrArray, FloatOrArray]:
    """Levels 1 and 3 in terms of ``N0`` at steady state, Eq. 3 of Zeng et al.

    Corrected (default): ``N1 = w_p tau1 N0 / (2 (1 + w_p tau3))``. ``seed_literal=True`` returns
    the seed's printed ``N1 = w_p tau1 N0 / (1 + w_p tau3)``, which is exactly twice the steady
    state of Eq. 1 (only half of the Auger events refill level 1; docs §9 item 1). ``N3 = w_p tau3
    N0 / (1 + w_p tau3)`` in both cases.

    Parameters
    ----------
    N0 : array_like
        Ground-level population, ``>= 0``.
    w_p : array_like
        Pump rate [1/s], ``> 0``.
    tau1, tau3 : array_like
        Lifetimes [s], ``> 0``.
    seed_literal : bool
        Return the seed's (wrong) ``N1``.

    Returns
    -------
    (N1, N3) : tuple of float or numpy.ndarray
    """
    N0_ = _check_nonnegative(N0, "N0")
    w = _check_positive(w_p, "w_p", "1/s")
    t1 = _check_positive(tau1, "tau1", "s")
    t3 = _check_positive(tau3, "tau3", "s")
    factor = 1.0 if seed_literal else 0.5
    N1 = factor * w * t1 * N0_ / (1.0 + w * t3)
    N3 = w * t3 * N0_ / (1.0 + w * t3)
    return _as_output(N1), _as_output(N3)


# ---------------------------------------------------------------------------------------------
# photocurrent, limits, log-slopes (Eqs. 2, 6-8; docs §4)
# ---------------------------------------------------------------------------------------------
def photocurrent(N2: ArrayLike, gamma_A: ArrayLike, beta: ArrayLike = 1.0) -> FloatOrArray:
    """Auger photocurrent ``J = beta dN_A/dt = (beta/2) gamma_A N2^2``, Eq. 2 of Zeng et al.

    Parameters
    ----------
    N2 : array_like
        Metastable population, ``>= 0``.
    gamma_A : array_like
        Auger coefficient [1/s], ``> 0``.
    beta : array_like
        Dimensionless transmission coefficient (ASSUMED constant; the seed's Fowler-Nordheim
        field dependence is not modelled), ``> 0``.

    Returns
    -------
    float or numpy.ndarray
        Current in electrons/s (multiply by the elementary charge for amperes).
    """
    n2 = _check_nonnegative(N2, "N2")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    b = _check_positive(beta, "beta")
    return _as_output(0.5 * b * g * n2 * n2)


def steady_state_current(
    w_p: ArrayLike,
    gamma_A: ArrayLike,
    N: ArrayLike,
    tau1: ArrayLike,
    tau3: ArrayLike,
    beta: ArrayLike = 1.0,
    variant: str = "replenished",
) -> FloatOrArray:
    """Steady-state photocurrent: Eq. 2 at the ``N2`` of :func:`steady_state` [electrons/s].

    ``variant="eq6"`` equals ``J_sat (N2/N)^2`` with ``N2/N = 2/(1 + sqrt(1 + 4x))``,
    ``x = gamma_A N / w_p`` (docs §4); ``"replenished"`` is the exact four-level result.
    """
    ss = steady_state(w_p, gamma_A, N, tau1, tau3, variant=variant)
    return photocurrent(ss.N2, gamma_A, beta)


def current_weak(w_p: ArrayLike, N: ArrayLike, beta: ArrayLike = 1.0) -> FloatOrArray:
    """Weak-pump current ``J = (beta/2) w_p N`` [electrons/s], Eq. 7 of Zeng et al.

    Limit of Eq. 6 for ``w_p / gamma_A << N``; ``J/J_Eq7 = 1 - 2/(1 + sqrt(1 + 4x)) ~ 1 - x^-1/2``
    with ``x = gamma_A N / w_p`` (slow convergence, docs §4).
    """
    w = _check_positive(w_p, "w_p", "1/s")
    N_ = _check_positive(N, "N")
    b = _check_positive(beta, "beta")
    return _as_output(0.5 * b * w * N_)


def current_saturated(N: ArrayLike, gamma_A: ArrayLike, beta: ArrayLike = 1.0) -> FloatOrArray:
    """Saturated current ``J_sat = (beta/2) gamma_A N^2`` [electrons/s], Eq. 8 of Zeng et al.

    Limit of Eq. 6 for ``w_p / gamma_A >> N``; ``J/J_sat = (N2/N)^2 ~ 1 - 2x`` with
    ``x = gamma_A N / w_p``.
    """
    N_ = _check_positive(N, "N")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    b = _check_positive(beta, "beta")
    return _as_output(0.5 * b * g * N_ * N_)


def _x_and_s(w_p: ArrayLike, N: ArrayLike, gamma_A: ArrayLike) -> tuple[NDArray, NDArray]:
    w = _check_positive(w_p, "w_p", "1/s")
    N_ = _check_positive(N, "N")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    x = g * N_ / w
    return x, np.sqrt(1.0 + 4.0 * x)


def log_slope_wp(w_p: ArrayLike, N: ArrayLike, gamma_A: ArrayLike) -> FloatOrArray:
    """Exact local log-slope ``d ln J / d ln w_p = 4x / (s (1 + s))`` of Eq. 6 (docs §4).

    ``x = gamma_A N / w_p``, ``s = sqrt(1 + 4x)``. Tends to 1 (Eq. 7) for ``x >> 1`` and to 0
    (Eq. 8) for ``x << 1``; equals ``1 - 1/sqrt(5)`` at the crossover ``x = 1``.
    """
    x, s = _x_and_s(w_p, N, gamma_A)
    return _as_output(4.0 * x / (s * (1.0 + s)))


def log_slope_N(w_p: ArrayLike, N: ArrayLike, gamma_A: ArrayLike) -> FloatOrArray:
    """Exact local log-slope at fixed pump, ``d ln J / d ln N = 2 - 4x / (s (1 + s))`` (docs §4).

    Tends to 1 for ``N >> w_p/gamma_A`` (approached slowly, ``1 + 1/(2 sqrt(x))``) and to 2 for
    ``N << w_p/gamma_A``; equals ``1 + 1/sqrt(5)`` at ``N = w_p/gamma_A``.
    """
    x, s = _x_and_s(w_p, N, gamma_A)
    return _as_output(2.0 - 4.0 * x / (s * (1.0 + s)))


def crossover_population(w_p: ArrayLike, gamma_A: ArrayLike) -> FloatOrArray:
    """Knee of ``J(N)`` at fixed pump, ``N* = w_p / gamma_A`` (docs §4; Fig. 2c).

    ``J`` is quadratic in ``N`` for ``N << N*`` and linear for ``N >> N*``.
    """
    w = _check_positive(w_p, "w_p", "1/s")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    return _as_output(w / g)


def crossover_pump_rate(N: ArrayLike, gamma_A: ArrayLike) -> FloatOrArray:
    """Crossover pump rate ``w_p = gamma_A N`` [1/s] (``x = 1``; Fig. 2b knee, docs §4)."""
    N_ = _check_positive(N, "N")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    return _as_output(g * N_)


def half_saturation_pump_rate(N: ArrayLike, gamma_A: ArrayLike) -> FloatOrArray:
    """Pump rate [1/s] where Eq. 6 gives ``J = J_sat/2``, ``(1 + 1/sqrt(2)) gamma_A N`` (§4)."""
    N_ = _check_positive(N, "N")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    return _as_output((1.0 + 1.0 / math.sqrt(2.0)) * g * N_)


def relaxation_time(w_p: ArrayLike, gamma_A: ArrayLike, N: ArrayLike) -> FloatOrArray:
    """Relaxation time of ``N2`` to its (quasi-)steady state, ``1/(w_p + 2 gamma_A N2)`` [s].

    ``N2`` from Eq. 6 (docs §3; valid for ``w_p tau_{1,3} << 1``).
    """
    w = _check_positive(w_p, "w_p", "1/s")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    N_ = _check_positive(N, "N")
    return _as_output(1.0 / (w + 2.0 * g * _n2_eq6(w, g, N_)))


def depletion_time(w_p: ArrayLike, gamma_A: ArrayLike, N: ArrayLike) -> FloatOrArray:
    """Depletion time of the closed variant, ``N / (dN_A/dt) = 2N / (gamma_A N2^2)`` [s] (docs §3).

    ``~2/w_p`` for weak pump and ``~2/(gamma_A N)`` at saturation; ``N2`` from Eq. 6.
    """
    w = _check_positive(w_p, "w_p", "1/s")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    N_ = _check_positive(N, "N")
    N2 = _n2_eq6(w, g, N_)
    return _as_output(2.0 * N_ / (g * N2 * N2))


# ---------------------------------------------------------------------------------------------
# closed variant: reduced slow model (docs §3)
# ---------------------------------------------------------------------------------------------
def _solve_log_u(K: NDArray[np.float64]) -> NDArray[np.float64]:
    """Solve ``L - exp(-L) = K`` for ``L`` (vectorised Newton, monotone from the left).

    ``g(L) = L - e^-L - K`` is increasing and concave, so Newton iterates started left of the root
    increase monotonically to it. ``L0 = K`` (``g = -e^-K < 0``) for ``K >= -1`` and
    ``L0 = -ln(-K)`` (``g = -ln(-K) < 0``) for ``K < -1``.
    """
    K = np.asarray(K, dtype=float)
    L = np.where(K >= -1.0, K, -np.log(np.maximum(-K, 1.0)))
    for _ in range(100):
        e = np.exp(-L)
        step = (K - L + e) / (1.0 + e)
        L = L + step
        if np.all(np.abs(step) <= 4e-16 * np.maximum(1.0, np.abs(L))):
            break
    return L


def quasi_steady_depletion(
    w_p: float,
    N: float,
    gamma_A: float,
    tau1: float,
    tau3: float,
    t: ArrayLike,
) -> xr.Dataset:
    """Reduced slow model of the closed variant, ``dP/dt = -gamma_A N2ss(P)^2 / 2`` (docs §3).

    Adiabatic elimination of the fast relaxation of ``N2`` (valid for ``t >> t_relax``; the seed's
    "steady state" with ``N -> P(t) = N - N_A(t)``). ``N2ss(P)`` is the exact quadratic root
    :func:`qss_N2`. The reduced model is solved in closed form: with ``u = sqrt(1 + 4 gamma_A c P)
    - 1`` one has ``P = u (u + 2) / (4 gamma_A c)``, ``N2ss = u / (2 gamma_A c)`` and
    ``du/dt = -u^2 / (4 c (1 + u))``, i.e. ``ln u - 1/u = ln u0 - 1/u0 - t/(4c)`` (inverted by a
    monotone Newton iteration; a Lambert-W function in disguise). Limits: ``P = N exp(-w_p t/2)``
    (weak pump) and ``P = N / (1 + gamma_A N t / 2)`` (saturation).

    Parameters
    ----------
    w_p : float
        Pump rate [1/s], ``> 0``.
    N : float
        Electrons at ``t = 0`` (``P(0) = N``, ``N_A(0) = 0``), ``> 0``.
    gamma_A : float
        Auger coefficient [1/s], ``> 0``.
    tau1, tau3 : float
        Lifetimes [s], ``> 0`` (enter through ``c = 1/w_p + 2 tau3 + tau1/2``).
    t : array_like
        Times [s], ``>= 0``.

    Returns
    -------
    xarray.Dataset
        ``P`` (electrons left in levels 0-3), ``N2`` (QSS metastable population), ``N_A`` and
        ``J`` (``gamma_A N2^2/2``, electrons/s with ``beta = 1``) over ``t``.
    """
    w = _positive_scalar(w_p, "w_p", "1/s")
    N_ = _positive_scalar(N, "N")
    g = _positive_scalar(gamma_A, "gamma_A", "1/s")
    t1 = _positive_scalar(tau1, "tau1", "s")
    t3 = _positive_scalar(tau3, "tau3", "s")
    times = _check_nonnegative(t, "t", "s")
    if times.ndim != 1:
        raise ValueError(f"t must be 1-D, got shape {times.shape}")
    c = float(_c_coefficient(np.float64(w), np.float64(t1), np.float64(t3)))
    a = 4.0 * g * c * N_
    u0 = a / (1.0 + math.sqrt(1.0 + a))  # sqrt(1 + a) - 1 without cancellation
    K = math.log(u0) - 1.0 / u0 - times / (4.0 * c)
    u = np.exp(_solve_log_u(K))
    P = u * (u + 2.0) / (4.0 * g * c)
    P = np.where(times == 0.0, N_, P)
    N2 = u / (2.0 * g * c)
    ds = xr.Dataset(
        {
            "P": ("t", P, {"units": "1", "long_name": "electrons left in levels 0-3"}),
            "N2": ("t", N2, {"units": "1", "long_name": "quasi-steady-state N2"}),
            "N_A": ("t", N_ - P, {"units": "1", "long_name": "number of emitted Auger electrons"}),
            "J": (
                "t",
                0.5 * g * N2 * N2,
                {"units": "electrons/s", "long_name": "Auger photocurrent (beta = 1)"},
            ),
        },
        coords={"t": ("t", times, {"units": "s", "long_name": "time"})},
    )
    ds.attrs.update(
        {
            "model": "reduced QSS model dP/dt = -gamma_A N2ss(P)^2/2 (closed variant, docs §3)",
            "w_p": w,
            "N": N_,
            "gamma_A": g,
            "tau1": t1,
            "tau3": t3,
        }
    )
    return ds


def reference_trajectory(
    w_p: float,
    N: float,
    gamma_A: float,
    tau1: float,
    tau3: float,
    t: ArrayLike,
    variant: str = "replenished",
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Slow reference curves ``N2(t)``, ``N_A(t)`` for a run of Eq. 1 from the ground state.

    ``variant="closed"``: the reduced quasi-steady model :func:`quasi_steady_depletion` (docs §3),
    ``N2 = N2ss(P(t))`` and ``N_A = N - P(t)``; the full ODE follows it for
    ``t_relax << t`` up to ``O(t_relax/t_dep)``.

    ``variant="replenished"``: the exact steady state of docs §2, ``N2 = N2ss(N)`` (constant), and
    the emitted count at the steady emission rate of Eq. 2 (``beta = 1``),
    ``N_A = (gamma_A N2ss^2 / 2) t``; after the build-up the ODE's ``N_A`` grows at this rate
    (it lags behind the reference line by a constant).

    Parameters
    ----------
    w_p : float
        Pump rate [1/s], ``> 0``.
    N : float
        Total number of electrons, ``> 0``.
    gamma_A : float
        Auger coefficient per pair [1/s], ``> 0``.
    tau1, tau3 : float
        Lifetimes of levels 1 and 3 [s], ``> 0``.
    t : array_like
        Times [s], 1-D, ``>= 0``.
    variant : {"replenished", "closed"}

    Returns
    -------
    (N2, N_A) : tuple of numpy.ndarray
        Both shaped like ``t`` (numbers of electrons).
    """
    variant = _check_variant(variant, VARIANTS)
    times = _check_nonnegative(t, "t", "s")
    if times.ndim != 1:
        raise ValueError(f"t must be 1-D, got shape {times.shape}")
    if variant == "closed":
        qss = quasi_steady_depletion(w_p, N, gamma_A, tau1, tau3, times)
        return np.asarray(qss["N2"]), np.asarray(qss["N_A"])
    ss = steady_state(w_p, gamma_A, N, tau1, tau3)
    n2 = np.full(times.size, float(ss.N2))
    return n2, times * float(photocurrent(ss.N2, gamma_A, 1.0))


# ---------------------------------------------------------------------------------------------
# Fig. 1b-c decays (docs §6)
# ---------------------------------------------------------------------------------------------
def radiative_decay(t: ArrayLike, N_z: ArrayLike, tau_sp: ArrayLike) -> FloatOrArray:
    """Radiative decay of level 2, ``N2(t) = N_z exp(-t/tau_sp)`` (Fig. 1b of Zeng et al.).

    Parameters
    ----------
    t : array_like
        Time [s], ``>= 0``.
    N_z : array_like
        Initial population ``N2(0)``, ``> 0``.
    tau_sp : array_like
        Spontaneous-emission lifetime [s], ``> 0``.
    """
    t_ = _check_nonnegative(t, "t", "s")
    Nz = _check_positive(N_z, "N_z")
    tau = _check_positive(tau_sp, "tau_sp", "s")
    return _as_output(Nz * np.exp(-t_ / tau))


def auger_decay(t: ArrayLike, N_z: ArrayLike, gamma_A: ArrayLike) -> FloatOrArray:
    """Auger decay of level 2, ``N2(t) = (1/N_z + gamma_A t)^-1`` (Fig. 1c of Zeng et al.).

    Exact solution of ``dN2/dt = -gamma_A N2^2``; evaluated as ``N_z / (1 + gamma_A N_z t)``.
    Initial slope ``-gamma_A N_z^2`` equals the radiative one for ``tau_sp = 1/(gamma_A N_z)``;
    the tail ``~1/(gamma_A t)`` is independent of ``N_z`` (docs §6).

    Parameters
    ----------
    t : array_like
        Time [s], ``>= 0``.
    N_z : array_like
        Initial population ``N2(0)``, ``> 0``.
    gamma_A : array_like
        Auger coefficient [1/s], ``> 0``.
    """
    t_ = _check_nonnegative(t, "t", "s")
    Nz = _check_positive(N_z, "N_z")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    return _as_output(Nz / (1.0 + g * Nz * t_))


def matched_radiative_lifetime(N_z: ArrayLike, gamma_A: ArrayLike) -> FloatOrArray:
    """Radiative lifetime with the Auger decay's initial slope, ``tau_sp = 1/(gamma_A N_z)`` [s].

    ``d/dt N_z exp(-t/tau_sp) = -N_z/tau_sp`` equals the Auger rate ``-gamma_A N_z^2`` at
    ``t = 0`` for this ``tau_sp``: the fair comparison of Fig. 1b-c (ASSUMED, docs §6).

    Parameters
    ----------
    N_z : array_like
        Initial population ``N2(0)``, ``> 0``.
    gamma_A : array_like
        Auger coefficient [1/s], ``> 0``.
    """
    Nz = _check_positive(N_z, "N_z")
    g = _check_positive(gamma_A, "gamma_A", "1/s")
    return _as_output(1.0 / (g * Nz))
