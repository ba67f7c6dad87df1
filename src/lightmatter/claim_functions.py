"""Named reductions of the claims ledger that a declarative selection cannot express.

Each function takes ``datasets`` (``{"<study>/<sweep>": xarray.Dataset}``, exactly the datasets
the claim lists) and keyword arguments from the ledger entry, and returns one number. They read
datasets only: no physics is recomputed here (``docs/design.md``: numbers come from the sweeps).
A function raises :class:`NotComputable` when the dataset of the current configuration does not
contain what the claim needs (e.g. a grid that does not reach the crossing).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

__all__ = [
    "FUNCTIONS",
    "NotComputable",
    "crossing",
    "log_slope",
    "max_relative_deviation",
    "mean_where",
    "monotonic",
    "over_log_estimate",
    "ttm_rise_ratio_over_sqrt_gamma",
    "validity_limit",
]

#: name -> function, the functions a ledger entry may name (``compute: {function: <name>}``).
FUNCTIONS: dict[str, Callable[..., float]] = {}


class NotComputable(LookupError):
    """The datasets of this configuration do not contain what the claim needs."""


def _register(func: Callable[..., float]) -> Callable[..., float]:
    FUNCTIONS[func.__name__] = func
    return func


def _curve(
    datasets: Mapping[str, Any],
    dataset: str,
    variable: str,
    dim: str,
    sel: Mapping[str, Any] | None,
) -> tuple[np.ndarray, np.ndarray]:
    """``(x, y)`` of a 1-D curve ``variable(dim)`` after exact label selection ``sel``."""
    ds = datasets[dataset]
    da = ds[variable]
    for key, value in (sel or {}).items():
        labels = [v for v in ds[key].values.tolist() if str(v) == str(value) or v == value]
        if not labels:
            raise NotComputable(f"{key} = {value!r} not in {dataset}")
        da = da.sel({key: labels[0]})
    if da.dims != (dim,):
        raise ValueError(f"{dataset}:{variable} after selection has dims {da.dims}, not ({dim},)")
    x = np.asarray(ds[dim].values, dtype=float)
    order = np.argsort(x)
    return x[order], np.asarray(da.values, dtype=float)[order]


@_register
def monotonic(
    datasets: Mapping[str, Any],
    dataset: str,
    variable: str,
    dim: str,
    sel: Mapping[str, Any] | None = None,
    divide_by: str | None = None,
) -> float:
    """+1 if ``variable`` (divided by ``divide_by`` if given) rises strictly along ``dim``, −1 if
    it falls strictly, 0 otherwise."""
    _, y = _curve(datasets, dataset, variable, dim, sel)
    if divide_by is not None:
        y = y / _curve(datasets, dataset, divide_by, dim, sel)[1]
    if y.size < 2:
        raise NotComputable(f"{dataset}:{variable} has fewer than two points along {dim}")
    d = np.diff(y)
    if np.all(d > 0):
        return 1.0
    if np.all(d < 0):
        return -1.0
    return 0.0


@_register
def crossing(
    datasets: Mapping[str, Any],
    dataset: str,
    variable: str,
    dim: str,
    level: float,
    sel: Mapping[str, Any] | None = None,
    scale: str | None = None,
) -> float:
    """First ``dim`` value where ``variable`` (divided by the scalar ``scale`` variable if
    given) crosses ``level``, by linear interpolation between grid points."""
    x, y = _curve(datasets, dataset, variable, dim, sel)
    if scale is not None:
        s = datasets[dataset][scale]
        for key, value in (sel or {}).items():
            if key in s.dims:
                s = s.sel({key: value})
        y = y / float(s.values)
    d = y - float(level)
    idx = np.nonzero(np.signbit(d[:-1]) != np.signbit(d[1:]))[0]
    if idx.size == 0:
        raise NotComputable(f"{variable} does not cross {level} on the {dim} grid of {dataset}")
    i = int(idx[0])
    return float(x[i] - d[i] * (x[i + 1] - x[i]) / (d[i + 1] - d[i]))


@_register
def validity_limit(
    datasets: Mapping[str, Any],
    dataset: str,
    approx: str,
    exact: str,
    dim: str,
    rel_tol: float,
    sel: Mapping[str, Any] | None = None,
    relative_to: str | None = None,
) -> float:
    """Largest ``dim`` value up to which ``|approx - exact| <= rel_tol * |reference|`` holds at
    every grid point from the first one on (reference: ``exact``, or the scalar variable
    ``relative_to``); the last grid point that still satisfies it (a grid-resolution estimate)."""
    x, a = _curve(datasets, dataset, approx, dim, sel)
    _, e = _curve(datasets, dataset, exact, dim, sel)
    ref = np.abs(e)
    if relative_to is not None:
        r = datasets[dataset][relative_to]
        for key, value in (sel or {}).items():
            if key in r.dims:
                r = r.sel({key: value})
        ref = np.full_like(e, abs(float(r.values)))
    ok = np.abs(a - e) <= float(rel_tol) * ref
    if not ok[0]:
        raise NotComputable(f"{approx} is off by more than {rel_tol} already at {dim} = {x[0]}")
    bad = np.nonzero(~ok)[0]
    if bad.size == 0:
        raise NotComputable(f"{approx} stays within {rel_tol} over the whole {dim} grid")
    return float(x[bad[0] - 1])


@_register
def log_slope(
    datasets: Mapping[str, Any],
    dataset: str,
    variable: str,
    dim: str,
    at: str = "last",
    sel: Mapping[str, Any] | None = None,
) -> float:
    """Local log–log slope ``d ln y / d ln x`` between the two first (``at="first"``) or the
    two last (``at="last"``) grid points of ``variable(dim)``: the exponent a of ``y ∝ x^a``."""
    x, y = _curve(datasets, dataset, variable, dim, sel)
    keep = (x > 0) & (y > 0)
    x, y = x[keep], y[keep]
    if x.size < 2:
        raise NotComputable(f"{dataset}:{variable} has fewer than two positive points")
    i, j = (0, 1) if at == "first" else (-2, -1)
    return float(np.log(y[j] / y[i]) / np.log(x[j] / x[i]))


@_register
def over_log_estimate(
    datasets: Mapping[str, Any],
    dataset: str,
    variable: str,
    n: str,
    times: str | None = None,
    sel: Mapping[str, Any] | None = None,
) -> float:
    """``variable / (times · ln n)`` at the selection, with ``n`` and ``times`` names of
    variables or coordinates of the dataset (e.g. Sec. V of the CL paper: p_on ≈ γτ ln N)."""
    ds = datasets[dataset]

    def scalar(name: str) -> float:
        da = ds[name]
        for key, value in (sel or {}).items():
            if key in da.dims:
                labels = [v for v in ds[key].values.tolist() if np.isclose(v, value)]
                if not labels:
                    raise NotComputable(f"{key} = {value!r} not in {dataset}")
                da = da.sel({key: labels[0]})
        if da.size != 1:
            raise ValueError(f"{dataset}:{name} is not a scalar after the selection")
        return float(np.asarray(da.values).reshape(()))

    scale = scalar(times) if times else 1.0
    return scalar(variable) / (scale * np.log(scalar(n)))


@_register
def mean_where(
    datasets: Mapping[str, Any],
    dataset: str,
    variable: str,
    mask: str,
    minimum: float,
    sel: Mapping[str, Any] | None = None,
) -> float:
    """Mean of ``variable`` over the entries where ``mask >= minimum`` (e.g. the counts of the
    blinking bins that are entirely ON)."""
    ds = datasets[dataset]
    da, m = ds[variable], ds[mask]
    for key, value in (sel or {}).items():
        if key in da.dims:
            da = da.sel({key: value})
            m = m.sel({key: value})
    keep = np.asarray(m.values) >= float(minimum)
    if not keep.any():
        raise NotComputable(f"no entry of {dataset} has {mask} >= {minimum}")
    return float(np.mean(np.asarray(da.values)[keep]))


@_register
def ttm_rise_ratio_over_sqrt_gamma(
    datasets: Mapping[str, Any], ttm: str, thermal: str, ledd: str, reference: str, T0: float
) -> float:
    """Ratio of the TTM peak temperature rises, LEDD over noble metal, divided by
    ``sqrt(gamma_ref / gamma_ledd)`` (Un et al.: at equal absorbed energy and before the
    lattice takes over, ``C_e = gamma T`` gives a rise ratio of about sqrt of the gamma ratio)."""
    te = datasets[ttm]["Te"]
    g = datasets[thermal]["gamma"]
    rise = {m: float(te.sel(material=m).max()) - float(T0) for m in (ledd, reference)}
    gamma = {m: float(g.sel(material=m)) for m in (ledd, reference)}
    return (rise[ledd] / rise[reference]) / float(np.sqrt(gamma[reference] / gamma[ledd]))


@_register
def max_relative_deviation(
    datasets: Mapping[str, Any],
    dataset: str,
    approx: str,
    exact: str,
    sel: Mapping[str, Any] | None = None,
) -> float:
    """``max |approx − exact| / (exact[0] − 1)``: the largest deviation of an approximate
    correlation function from the exact one, relative to the bunching amplitude g2(0) − 1."""
    ds = datasets[dataset]
    a, e = ds[approx], ds[exact]
    for key, value in (sel or {}).items():
        labels = [v for v in ds[key].values.tolist() if np.isclose(v, value)]
        if not labels:
            raise NotComputable(f"{key} = {value!r} not in {dataset}")
        a, e = a.sel({key: labels[0]}), e.sel({key: labels[0]})
    av, ev = np.asarray(a.values, dtype=float), np.asarray(e.values, dtype=float)
    amplitude = ev.ravel()[0] - 1.0
    return float(np.max(np.abs(av - ev)) / abs(amplitude))
