"""Sweeps: discovery, parameter points and fingerprints (light: imports no physics).

A *sweep* is one module ``lightmatter/<study>/sweeps/<name>.py``; a *point* is one parameter set
of it (a plain dict); a *job* is one unit of scheduling (by default a whole sweep; one point for
sweeps that declare ``FAN_OUT = True``). The module declares (``docs/adding-a-study.md``):

``TITLE``        one line naming the paper figure(s) it feeds (the dataset's ``title``)
``POINT_DIMS``   ``{name: Var}`` dimensions along which points are combined (each a key of
                 every point, whose value becomes the coordinate); ``{}`` for one point
``COORDS``       ``{name: Var}`` coordinates the solver returns
``VARIABLES``    ``{name: Var}`` data variables the solver returns
``points(section, seed)``  the points, a pure function of the study's config section and the
                 root seed (plain JSON values; stochastic points carry ``seed``)
``solve(point, point_id)`` returns ``{name: array or scalar}`` for every coordinate and variable;
                 imports its physics inside the function, so parsing stays light
``RESOURCES``    optional ``{"mem_mb": ..., "runtime": ...}`` of one job (not in the fingerprint)
``memory_mb(section)``  optional estimate of one job's peak memory from the config:
                 ``(megabytes, "dotted.key")`` naming the key that drives it (not in the
                 fingerprint); the job declares ``max(RESOURCES mem_mb, estimate)`` and the
                 workflow refuses a config whose estimate exceeds the memory available
``FAN_OUT``      optional, True for sweeps whose points are expensive (one job per point)
``validate(section)``  optional cross-field checks; raise ``ValueError`` naming the key

The Snakefile calls :func:`sweeps_of` and :func:`points_of` at parse time, so the DAG is known
without importing physics, and puts :meth:`Sweep.fingerprint` into each solver rule's ``params``.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from lightmatter.canonical import point_id, sorted_plain
from lightmatter.fingerprint import fingerprint
from lightmatter.spec import Var

__all__ = ["DEFAULT_RESOURCES", "Sweep", "points_of", "sweep", "sweeps_of"]

#: Resources of a sweep job when the module declares none (SLURM needs a number).
DEFAULT_RESOURCES = {"mem_mb": 1000, "runtime": 10}

#: Modules that shape every dataset (the builder and the writer): part of every fingerprint.
DATASET_MODULES = ("lightmatter.dataset",)

_REQUIRED = ("TITLE", "POINT_DIMS", "COORDS", "VARIABLES", "points", "solve")


@dataclass(frozen=True)
class Sweep:
    """One sweep module, checked and wrapped (see the module docstring for the contract)."""

    study: str
    name: str
    module: ModuleType

    @property
    def title(self) -> str:
        """One-line description naming the paper figure(s) (the dataset title)."""
        return str(self.module.TITLE)

    @property
    def point_dims(self) -> tuple[str, ...]:
        """Dimensions along which the points of this sweep are combined."""
        return tuple(self.module.POINT_DIMS)

    @property
    def point_dims_spec(self) -> dict[str, Var]:
        """Units and long names of the point dimensions."""
        return dict(self.module.POINT_DIMS)

    @property
    def coords(self) -> dict[str, Var]:
        """Coordinates the solver returns (not the point dimensions)."""
        return dict(self.module.COORDS)

    @property
    def variables(self) -> dict[str, Var]:
        """Data variables the solver returns."""
        return dict(self.module.VARIABLES)

    @property
    def fan_out(self) -> bool:
        """True if every point is a job of its own (expensive points)."""
        return bool(getattr(self.module, "FAN_OUT", False))

    @property
    def resources(self) -> dict[str, int]:
        """``mem_mb`` and ``runtime`` (minutes) of one job of this sweep."""
        return {**DEFAULT_RESOURCES, **getattr(self.module, "RESOURCES", {})}

    def memory_estimate(self, section: Mapping[str, Any]) -> tuple[int, str | None]:
        """``(mem_mb, key)`` of one job for this config section: the module's ``memory_mb``
        hook when it has one and it exceeds ``RESOURCES`` (``key`` is then the config key
        that drives it, relative to the study section), else ``RESOURCES`` (``key`` None)."""
        declared = int(self.resources["mem_mb"])
        hook = getattr(self.module, "memory_mb", None)
        if hook is None:
            return declared, None
        got = hook(section)
        mb, key = got if isinstance(got, tuple) else (got, None)
        mb = int(mb + 0.5)
        return (mb, key) if mb > declared else (declared, None)

    @property
    def solve(self) -> Callable[[Mapping[str, Any], str], Mapping[str, Any]]:
        """The solver: ``solve(point, point_id) -> {name: values}``."""
        return self.module.solve

    def validate(self, section: Mapping[str, Any]) -> None:
        """Cross-field checks of the study section (``ValueError`` naming the key)."""
        check = getattr(self.module, "validate", None)
        if check is not None:
            check(section)

    def fingerprint(self) -> str:
        """Hash of the normalised code of this sweep and everything it imports."""
        return fingerprint((self.module.__name__, *DATASET_MODULES))


def _check(study: str, name: str, mod: ModuleType) -> None:
    missing = [a for a in _REQUIRED if not hasattr(mod, a)]
    if missing:
        raise AttributeError(f"sweep module {mod.__name__} lacks {', '.join(missing)}")
    if not (mod.__doc__ or "").strip():
        raise AttributeError(f"sweep module {mod.__name__} has no docstring")
    for d in mod.POINT_DIMS:
        if d in mod.COORDS or d in mod.VARIABLES:
            raise AttributeError(f"{mod.__name__}: point dimension {d!r} is also declared")
    both = set(mod.COORDS) & set(mod.VARIABLES)
    if both:
        raise AttributeError(f"{mod.__name__}: {sorted(both)} declared twice")
    if hasattr(mod, "point_id"):
        raise AttributeError(f"{mod.__name__}: 'point_id' is reserved (added to every dataset)")


@functools.cache
def sweeps_of(study: str) -> dict[str, Sweep]:
    """The sweeps of a study, by name (every module of ``lightmatter.<study>.sweeps``)."""
    pkg = importlib.import_module(f"lightmatter.{study}.sweeps")
    out: dict[str, Sweep] = {}
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
        _check(study, info.name, mod)
        out[info.name] = Sweep(study, info.name, mod)
    if not out:
        raise ValueError(f"study {study!r} declares no sweeps in {pkg.__name__}")
    return out


def sweep(study: str, name: str) -> Sweep:
    """One sweep of a study; ``KeyError`` listing the known ones."""
    known = sweeps_of(study)
    try:
        return known[name]
    except KeyError:
        raise KeyError(f"study {study!r} has no sweep {name!r}; known: {sorted(known)}") from None


def points_of(sw: Sweep, section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """The sweep's points in config order, key-sorted plain JSON, each with ``sweep``.

    A point's id (:func:`lightmatter.canonical.point_id`) names its file and seeds its random
    numbers. Raises ``ValueError`` if two points are equal or there are none, or if a point
    lacks a value for one of the sweep's point dimensions.
    """
    pts = [sorted_plain({**p, "sweep": sw.name}) for p in sw.module.points(section, seed)]
    if not pts:
        raise ValueError(f"sweep {sw.study}/{sw.name} has no parameter points")
    ids = [point_id(p) for p in pts]
    if len(set(ids)) != len(ids):
        raise ValueError(f"sweep {sw.study}/{sw.name}: two parameter points are identical")
    if len(pts) > 1 and not sw.point_dims:
        raise ValueError(f"sweep {sw.study}/{sw.name} has several points but no POINT_DIMS")
    for p in pts:
        lacking = [d for d in sw.point_dims if d not in p]
        if lacking:
            raise ValueError(f"sweep {sw.study}/{sw.name}: point lacks {lacking}")
    return pts
