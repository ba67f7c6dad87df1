"""Deterministic figure output shared by every figure script.

PNG output from the Agg backend is byte-stable for a fixed environment; the PDF backend writes a
creation date unless ``metadata={"CreationDate": None}`` is passed (docs/design.md,
"Deterministic"). Both files are written atomically.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib
import numpy as np
import xarray as xr

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.backend_bases import DrawEvent, RendererBase
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from lightmatter.provenance import IntegrityError, atomic_path, content_hash, describe_path

__all__ = [
    "LAYOUT_CHECK_ENV",
    "STYLE",
    "LayoutError",
    "colors",
    "figure_style",
    "layout_problems",
    "load",
    "save_figure",
]

#: Environment variable that turns a layout problem found by :func:`save_figure` into an error
#: (the end-to-end test sets it to ``1``); otherwise the problems are printed to the job log.
LAYOUT_CHECK_ENV = "LIGHTMATTER_LAYOUT_CHECK"

#: Two text boxes collide when they are closer than this (points) in both directions: tick
#: labels that touch read as one number even when their boxes do not intersect.
_MIN_GAP_PT = 1.5
#: A text box may stick out of the canvas by at most this many pixels.
_CANVAS_PX = 1.0


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


class LayoutError(RuntimeError):
    """A drawn figure has overlapping text, text off the canvas or a legend over a curve."""


def _label(artist: Text | str) -> str:
    text = " ".join((artist if isinstance(artist, str) else artist.get_text()).split())
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _axes_name(fig: Figure, ax: Axes) -> str:
    """``axes <i> [<title>]``: the axes' index in ``fig.axes`` (or "inset axes") and its title."""
    get = getattr(ax, "get_title", None)  # a secondary axis (secondary_xaxis) has no title
    title = (
        next((t for t in (get(loc) for loc in ("center", "left", "right")) if t), "") if get else ""
    )
    where = f"axes {fig.axes.index(ax)}" if ax in fig.axes else "inset axes"
    short = " ".join(title.split())[:24]
    return f"{where} [{short}]" if short else where


def _all_axes(fig: Figure) -> list[Axes]:
    """Every axes of ``fig``, inset (child) axes included, in drawing order."""
    out: list[Axes] = []
    stack = list(fig.axes)
    while stack:
        ax = stack.pop(0)
        if ax not in out:
            out.append(ax)
            stack.extend(getattr(ax, "child_axes", []))
    return out


def _texts(fig: Figure) -> list[tuple[str, Text]]:
    """Every visible, non-empty text artist drawn on ``fig``, with a description of its role."""
    found: list[tuple[str, Text]] = []
    for name, attr in (
        ("suptitle", "_suptitle"),
        ("supxlabel", "_supxlabel"),
        ("supylabel", "_supylabel"),
    ):
        artist = getattr(fig, attr, None)
        if artist is not None:
            found.append((name, artist))
    found += [("figure text", t) for t in fig.texts]
    legends: list[tuple[str, Legend]] = [("figure legend", leg) for leg in fig.legends]
    for ax in _all_axes(fig):
        if not ax.get_visible():
            continue
        name = _axes_name(fig, ax)
        found += [("title of " + name, t) for t in (ax.title, ax._left_title, ax._right_title)]
        found += [(f"{name} text", t) for t in ax.texts]
        if ax.get_legend() is not None:
            legends.append((f"{name} legend", ax.get_legend()))
        if not ax.axison:
            continue
        for axis_name, axis in ax._axis_map.items():
            if not axis.get_visible():
                continue
            found.append((f"{name} {axis_name}label", axis.label))
            found.append((f"{name} {axis_name} offset", axis.offsetText))
            for tick in axis._update_ticks():  # exactly the ticks Axis.draw draws
                found += [(f"{name} {axis_name} tick", lab) for lab in (tick.label1, tick.label2)]
    for name, leg in legends:
        if leg.get_visible():
            found += [(name, t) for t in (leg.get_title(), *leg.get_texts())]
    seen: set[int] = set()  # a suptitle is also in fig.texts: keep each artist once
    out: list[tuple[str, Text]] = []
    for role, t in found:
        if id(t) not in seen and t.get_visible() and t.get_text().strip() and t.get_alpha() != 0:
            seen.add(id(t))
            out.append((role, t))
    return out


def _line_vertices(line: Line2D) -> tuple[np.ndarray, bool, bool]:
    """A line's vertices in display coordinates, and whether it draws markers and a path."""
    xy = np.asarray(line.get_transform().transform(np.asarray(line.get_xydata(), float)))
    xy = xy[np.all(np.isfinite(xy), axis=1)]
    has_markers = line.get_marker() not in (None, "None", "", " ")
    has_path = line.get_linestyle() not in ("None", "", " ") and len(xy) > 1
    return xy, has_markers, has_path


def _length_inside(xy: np.ndarray, box: Bbox) -> float:
    """Length (display units) of the polyline ``xy`` inside ``box`` (Liang-Barsky clipping of
    every segment, vectorised)."""
    p, d = xy[:-1], np.diff(xy, axis=0)
    t0, t1 = np.zeros(len(d)), np.ones(len(d))
    for k, (lo, hi) in enumerate(((box.x0, box.x1), (box.y0, box.y1))):
        with np.errstate(divide="ignore", invalid="ignore"):
            ta, tb = (lo - p[:, k]) / d[:, k], (hi - p[:, k]) / d[:, k]
        flat = d[:, k] == 0.0  # parallel to this pair of edges: all in or all out
        inside = (p[:, k] >= lo) & (p[:, k] <= hi)
        t0 = np.maximum(t0, np.where(flat, np.where(inside, -np.inf, np.inf), np.minimum(ta, tb)))
        t1 = np.minimum(t1, np.where(flat, np.where(inside, np.inf, -np.inf), np.maximum(ta, tb)))
    return float(np.sum(np.clip(t1 - t0, 0.0, None) * np.hypot(d[:, 0], d[:, 1])))


def _inside(points: np.ndarray, box: Bbox) -> np.ndarray:
    return (
        (points[:, 0] >= box.x0)
        & (points[:, 0] <= box.x1)
        & (points[:, 1] >= box.y0)
        & (points[:, 1] <= box.y1)
    )


def layout_problems(
    fig: Figure, renderer: RendererBase | None = None, *, legend_fraction: float = 0.05
) -> list[str]:
    """Layout defects a reader would see in the drawn ``fig``; an empty list when it is clean.

    Call it after the figure has been drawn (``save_figure`` runs it from the draw of the PNG,
    with that draw's renderer, so it checks exactly the pixels written). It reports

    * two text artists (titles, axis labels, tick labels, offset texts, legend texts and titles,
      annotations, figure texts and suptitles) whose window extents overlap or come closer than
      1.5 pt (text that touches reads as one);
    * text that leaves the figure canvas (by more than a pixel);
    * a legend whose box covers more than ``legend_fraction`` of a plotted line: of its markers
      (or a scatter plot's points) inside its axes, or of the length of its drawn path inside
      its axes (so a straight two-point line under a legend counts too).
    """
    renderer = renderer or fig.canvas.get_renderer()
    problems: list[str] = []
    texts = _texts(fig)
    boxes = np.array([t.get_window_extent(renderer).extents for _, t in texts]).reshape(-1, 4)
    canvas = fig.bbox
    for (role, t), (x0, y0, x1, y1) in zip(texts, boxes, strict=True):
        if (
            x0 < canvas.x0 - _CANVAS_PX
            or y0 < canvas.y0 - _CANVAS_PX
            or x1 > canvas.x1 + _CANVAS_PX
            or y1 > canvas.y1 + _CANVAS_PX
        ):
            problems.append(f"{role} {_label(t)} leaves the figure canvas")
    # pairwise overlap of all text boxes (vectorised: a figure has at most a few hundred texts)
    if len(texts) > 1:
        w = np.minimum(boxes[:, None, 2], boxes[None, :, 2]) - np.maximum(
            boxes[:, None, 0], boxes[None, :, 0]
        )
        h = np.minimum(boxes[:, None, 3], boxes[None, :, 3]) - np.maximum(
            boxes[:, None, 1], boxes[None, :, 1]
        )
        gap = _MIN_GAP_PT * fig.dpi / 72.0
        hit = (w > -gap) & (h > -gap)
        for i, j in zip(*np.nonzero(np.triu(hit, k=1)), strict=True):
            (ri, ti), (rj, tj) = texts[i], texts[j]
            problems.append(f"{ri} {_label(ti)} collides with {rj} {_label(tj)}")
    legends = [*fig.legends]
    axes = [ax for ax in _all_axes(fig) if ax.get_visible()]
    legends += [ax.get_legend() for ax in axes if ax.get_legend() is not None]
    boxes_leg = [leg.get_window_extent(renderer) for leg in legends if leg.get_visible()]
    if not boxes_leg:
        return problems
    for ax in axes:
        frame = ax.get_window_extent(renderer)
        name = _axes_name(fig, ax)
        curves: list[tuple[str, np.ndarray, bool, bool]] = []
        for line in ax.get_lines():
            if line.get_visible():
                label = line.get_label()
                what = f"{name} line {label!r}" if not label.startswith("_") else f"{name} line"
                curves.append((what, *_line_vertices(line)))
        for coll in ax.collections:
            if isinstance(coll, PathCollection) and coll.get_visible():
                pts = coll.get_offset_transform().transform(np.asarray(coll.get_offsets(), float))
                pts = pts[np.all(np.isfinite(pts), axis=1)]
                curves.append((f"{name} points", pts, True, False))
        for what, xy, has_markers, has_path in curves:
            shown = _inside(xy, frame) if has_markers else None
            drawn = _length_inside(xy, frame) if has_path else 0.0
            for box in boxes_leg:
                if shown is not None and shown.any():
                    covered = float(np.mean(_inside(xy[shown], box)))
                    if covered > legend_fraction:
                        problems.append(f"legend covers {covered:.0%} of the markers of {what}")
                        continue
                # the part of the path under the legend (only the part inside the axes is drawn)
                common = Bbox.intersection(box, frame)
                if drawn > 0.0 and common is not None:
                    if (covered := _length_inside(xy, common) / drawn) > legend_fraction:
                        problems.append(f"legend covers {covered:.0%} of the path of {what}")
    return problems


def save_figure(fig: Figure, pdf: str | os.PathLike[str], png: str | os.PathLike[str]) -> None:
    """Save ``fig`` as PNG and PDF with deterministic metadata, atomically, then close it.

    The layout (constrained or tight) is computed once, for the PNG, and then frozen for the
    PDF: a layout engine would otherwise redo its text-extent search for each file, which is
    most of the cost of drawing a figure.

    The drawn PNG is checked with :func:`layout_problems`. With ``LIGHTMATTER_LAYOUT_CHECK=1``
    in the environment a problem raises :class:`LayoutError` (after both files are written, so
    the figure can be looked at; Snakemake then removes the outputs of the failed job);
    otherwise each problem is printed to standard error (the job log) as a warning.
    """
    meta_pdf = {"CreationDate": None, "ModDate": None, "Creator": "lightmatter"}
    meta_png = {"Software": "lightmatter (matplotlib Agg)"}
    problems: list[str] = []

    def check(event: DrawEvent) -> None:
        # savefig first draws with the renderer's output disabled (to lay the figure out), then
        # for real: check only the draw that produced the pixels
        if "draw_path" not in vars(event.renderer):
            problems[:] = layout_problems(fig, event.renderer)

    for i, (path, fmt, meta) in enumerate(((png, "png", meta_png), (pdf, "pdf", meta_pdf))):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        cid = fig.canvas.mpl_connect("draw_event", check) if i == 0 else None
        with atomic_path(path) as tmp:
            fig.savefig(tmp, format=fmt, metadata=meta)
        if cid is not None:
            fig.canvas.mpl_disconnect(cid)
        if i == 0 and fig.get_layout_engine() is not None:
            fig.set_layout_engine("none")
    plt.close(fig)
    if problems:
        report = f"{png}: {len(problems)} layout problem(s):\n  " + "\n  ".join(problems)
        if os.environ.get(LAYOUT_CHECK_ENV, "") == "1":
            raise LayoutError(report)
        print(f"WARNING (layout) {report}", file=sys.stderr)


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
