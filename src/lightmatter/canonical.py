"""Canonical JSON and point identifiers (light: numpy is only touched if a value is numpy).

A point's identity is the SHA-256 of its canonical JSON: sorted keys, no whitespace, shortest
round-trip floats, NaN rejected. The same identity names its file, seeds its random numbers and
keys the between-workflow cache, so it must not depend on dict order or on numpy scalar types.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from typing import Any

__all__ = ["canonical_json", "plain", "point_id", "sha256_json", "sorted_plain"]


def plain(obj: Any) -> Any:
    """Convert numpy scalars/arrays and tuples to plain JSON types (recursively)."""
    if isinstance(obj, Mapping):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [plain(v) for v in obj]
    if type(obj).__module__ == "numpy":
        import numpy as np

        if isinstance(obj, np.ndarray):
            return [plain(v) for v in obj.tolist()]
        if isinstance(obj, np.bool_):
            return bool(obj)
        if isinstance(obj, np.integer):
            return int(obj)
        if isinstance(obj, np.floating):
            return float(obj)
    return obj


def sorted_plain(obj: Any) -> Any:
    """:func:`plain` with dict keys sorted at every level (Snakemake compares params in order)."""
    obj = plain(obj)
    if isinstance(obj, dict):
        return {k: sorted_plain(obj[k]) for k in sorted(obj)}
    if isinstance(obj, list):
        return [sorted_plain(v) for v in obj]
    return obj


def _check_finite(o: Any) -> None:
    if isinstance(o, float) and not math.isfinite(o):
        raise ValueError(f"non-finite number {o!r} cannot be part of canonical parameters")
    if isinstance(o, dict):
        for v in o.values():
            _check_finite(v)
    elif isinstance(o, list):
        for v in o:
            _check_finite(v)


def canonical_json(obj: Any) -> str:
    """Canonical JSON: sorted keys, no whitespace, shortest round-trip floats, NaN rejected."""
    p = plain(obj)
    _check_finite(p)
    return json.dumps(p, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def sha256_json(obj: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``obj``."""
    return hashlib.sha256(canonical_json(obj).encode()).hexdigest()


def point_id(params: Mapping[str, Any], length: int = 12) -> str:
    """Stable identifier of a parameter point: the first ``length`` hex digits of its SHA-256."""
    return sha256_json(params)[:length]
