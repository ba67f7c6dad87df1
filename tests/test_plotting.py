"""The automated layout check (lightmatter.plotting.layout_problems) on synthetic figures."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from lightmatter.plotting import (
    LAYOUT_CHECK_ENV,
    LayoutError,
    figure_style,
    layout_problems,
    save_figure,
)

X = np.linspace(0.0, 1.0, 200)


def _drawn(fig):
    fig.canvas.draw()
    return layout_problems(fig)


def _clean_figure():
    fig, axes = plt.subplots(1, 2, figsize=(6, 2.5), layout="constrained")
    for ax, p in zip(axes, (1, 2), strict=True):
        ax.plot(X, X**p, label=f"x^{p}")
        ax.set(xlabel="x", ylabel="y", title=f"power {p}")
        ax.legend(loc="upper left")
    fig.suptitle("two panels")
    return fig


def test_a_clean_figure_has_no_problem():
    with figure_style():
        assert _drawn(_clean_figure()) == []


def test_overlapping_panel_titles_are_flagged():
    with figure_style():
        fig, axes = plt.subplots(1, 2, figsize=(4.5, 3))
        for ax in axes:
            ax.plot(X, X)
        axes[0].set_title("a long title that runs on into the right panel")
        axes[1].set_title("the right panel title")
        problems = _drawn(fig)
    assert (
        "title of axes 0 [a long title that runs o] 'a long title that runs on into the ri...'"
        " collides with title of axes 1 [the right panel title] 'the right panel title'"
    ) in problems


def test_overlapping_tick_labels_are_flagged():
    with figure_style():
        fig, ax = plt.subplots(figsize=(2, 2))
        ax.plot(X, X)
        ax.set_xticks(np.linspace(0, 1, 11), [f"{v:.4f}" for v in np.linspace(0, 1, 11)])
        problems = _drawn(fig)
    assert any("x tick" in p and "collides" in p for p in problems), problems


def test_a_secondary_axis_is_checked_like_any_axes():
    """A secondary x axis (no title of its own) is checked: its crowded tick labels are found."""
    with figure_style():
        fig, ax = plt.subplots(figsize=(3, 2.5), layout="constrained")
        ax.plot(X, X)
        sec = ax.secondary_xaxis("top", functions=(lambda x: 1e4 * x, lambda x: x / 1e4))
        sec.set_xticks(np.linspace(0, 1e4, 11))
        problems = _drawn(fig)
    assert any("x tick" in p and "collides" in p for p in problems), problems


def test_text_off_the_canvas_is_flagged():
    with figure_style():
        fig = _clean_figure()
        fig.axes[1].annotate("falls off", (0.98, 0.5), xycoords="figure fraction")
        problems = _drawn(fig)
    assert problems == ["axes 1 [power 2] text 'falls off' leaves the figure canvas"]


def test_a_legend_on_top_of_a_line_is_flagged():
    with figure_style():
        fig = _clean_figure()
        fig.axes[0].legend(loc="center")  # the diagonal x^1 passes through the centre
        problems = _drawn(fig)
    assert any(p.startswith("legend covers") and "line 'x^1'" in p for p in problems), problems


def test_a_legend_over_a_straight_two_point_line_is_flagged():
    """The line's path is sampled, not only its two vertices (which lie outside the legend)."""
    with figure_style():
        fig, ax = plt.subplots(figsize=(3, 2.5))
        ax.plot(X, X, label="data")
        ax.axhline(0.5, color="k", label="level")
        ax.legend(loc="center right")
        problems = _drawn(fig)
    assert any("path of axes 0 line 'level'" in p for p in problems), problems


def test_save_figure_errors_under_the_check_and_warns_without(tmp_path, monkeypatch, capsys):
    def bad():
        fig = _clean_figure()
        fig.axes[0].legend(loc="center")
        return fig

    with figure_style():
        monkeypatch.delenv(LAYOUT_CHECK_ENV, raising=False)
        save_figure(bad(), tmp_path / "w.pdf", tmp_path / "w.png")
        assert "legend covers" in capsys.readouterr().err
        save_figure(_clean_figure(), tmp_path / "c.pdf", tmp_path / "c.png")
        assert capsys.readouterr().err == ""
        monkeypatch.setenv(LAYOUT_CHECK_ENV, "1")
        save_figure(_clean_figure(), tmp_path / "c.pdf", tmp_path / "c.png")
        with pytest.raises(LayoutError, match="legend covers"):
            save_figure(bad(), tmp_path / "e.pdf", tmp_path / "e.png")


def test_clipped_path_length_agrees_with_dense_sampling():
    """The legend check's clipped length (Liang-Barsky) against counting samples of the path,
    for a random polyline with horizontal and vertical segments, and a box it partly crosses."""
    from matplotlib.transforms import Bbox

    from lightmatter.plotting import _length_inside

    rng = np.random.default_rng(7)
    xy = rng.uniform(0.0, 100.0, size=(40, 2))
    xy[10:13, 1] = 50.0  # horizontal run through the box
    xy[20:23, 0] = 30.0  # vertical run through the box
    xy[30:33, 1] = 95.0  # horizontal run outside the box
    box = Bbox([[20.0, 40.0], [60.0, 70.0]])
    seg = np.diff(xy, axis=0)
    t = (np.arange(20_000) + 0.5) / 20_000
    sampled = 0.0
    for p, d in zip(xy[:-1], seg, strict=True):
        pts = p + t[:, None] * d
        inside = (pts[:, 0] >= 20) & (pts[:, 0] <= 60) & (pts[:, 1] >= 40) & (pts[:, 1] <= 70)
        sampled += inside.mean() * np.hypot(*d)
    assert _length_inside(xy, box) == pytest.approx(sampled, rel=1e-3)
    assert _length_inside(xy[30:33], box) == 0.0
