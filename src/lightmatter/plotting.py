"""Deterministic figure output shared by every figure script.

PNG output from the Agg backend is byte-stable for a fixed environment; the PDF backend writes a
creation date unless ``metadata={"CreationDate": None}`` is passed (docs/design.md,
"Deterministic"). Both files are written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib
import xarray as xr

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from lightmatter.provenance import IntegrityError, atomic_path, content_hash, describe_path

__all__ = ["STYLE", "colors", "figure_style", "load", "save_figure"]

#: One house style for every figure (fixed fonts and sizes so output does not depend on the
#: user's matplotlibrc).
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 9,
    "axes.labelsize": 9,
    "legend.fontsize": 7,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "lines.linewidth": 1.3,
    "lines.markersize": 4,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "axes.grid": False,
    "svg.hashsalt": "lightmatter",
    "pdf.compression": 6,
    "path.simplify": False,
}


@contextmanager
def figure_style() -> Iterator[None]:
    """Context manager applying the house style on top of matplotlib's defaults."""
    with matplotlib.rc_context(rc={**matplotlib.rcParamsDefault, **STYLE}):
        yield


def save_figure(fig: Figure, pdf: str | os.PathLike[str], png: str | os.PathLike[str]) -> None:
    """Save ``fig`` as PNG and PDF with deterministic metadata, atomically, then close it.

    The layout (constrained or tight) is computed once, for the PNG, and then frozen for the
    PDF: a layout engine would otherwise redo its text-extent search for each file, which is
    most of the cost of drawing a figure.
    """
    meta_pdf = {"CreationDate": None, "ModDate": None, "Creator": "lightmatter"}
    meta_png = {"Software": "lightmatter (matplotlib Agg)"}
    for i, (path, fmt, meta) in enumerate(((png, "png", meta_png), (pdf, "pdf", meta_pdf))):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp:
            fig.savefig(tmp, format=fmt, metadata=meta)
        if i == 0 and fig.get_layout_engine() is not None:
            fig.set_layout_engine("none")
    plt.close(fig)


def load(path: str | os.PathLike[str]) -> xr.Dataset:
    """Load a sweep dataset fully into memory, after checking its content hash.

    A figure is drawn only from data whose stored ``content_sha256`` matches what the file
    holds (docs/design.md, "Verified inputs"): an edited or corrupted dataset (for instance
    a poisoned cache entry) stops the figure job with the file's name.
    """
    with xr.open_dataset(path, engine="netcdf4") as ds:
        ds = ds.load()
    stored = ds.attrs.get("content_sha256")
    if stored != content_hash(ds):
        raise IntegrityError(
            f"{describe_path(path)}: data do not match the content hash stored in the file; "
            "delete it (and its cache entry) and rerun"
        )
    return ds


def colors(n: int) -> list[tuple[float, float, float, float]]:
    """``n`` distinguishable colours from the viridis map (deterministic)."""
    cmap = matplotlib.colormaps["viridis"]
    return [cmap(x) for x in ([0.1] if n == 1 else [0.05 + 0.85 * i / (n - 1) for i in range(n)])]
