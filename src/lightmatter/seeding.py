"""Random numbers per point: seeded from the root seed and the point id (``docs/design.md``).

A stochastic point carries the root ``seed`` as a parameter, so changing the seed reruns exactly
the stochastic points, and its generator depends only on (seed, point id): how points are
grouped into jobs never changes a number.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

__all__ = ["rng_for", "seed_for"]


def rng_for(point: Mapping[str, Any], pid: str) -> np.random.Generator:
    """The point's generator: ``default_rng([seed, int(point_id, 16)])``."""
    return np.random.default_rng([int(point["seed"]), int(pid, 16)])


def seed_for(point: Mapping[str, Any], pid: str) -> int:
    """A 32-bit integer seed from the root seed and the point id (for APIs that take ints)."""
    ss = np.random.SeedSequence([int(point["seed"]), int(pid, 16)])
    return int(ss.generate_state(1)[0])
