"""Lazy re-exports for study packages: ``import lightmatter.<study>`` imports no physics.

A study's ``__init__`` maps public names to the submodule defining them; the submodule is
imported on first attribute access (PEP 562). This keeps the Snakefile's parse (which imports
``lightmatter.<study>.sweeps``, and so the study package) free of numba, scipy and qutip.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package`` re-exporting ``{name: submodule}`` lazily."""

    def __getattr__(name: str) -> Any:
        if name in exports:
            return getattr(importlib.import_module(f"{package}.{exports[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__
