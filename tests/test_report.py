"""The report's captions and landing page render without a docutils message (no results needed).

``snakemake --report`` renders each caption with Jinja and docutils; ``docutils.conf`` makes
any warning stop it. These tests render every caption the same way for the default and the test
configuration, so a broken caption fails the suite before anyone builds a report.
"""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest

from lightmatter import registry
from lightmatter.config import load_config
from lightmatter.report import (
    DOCUTILS_SETTINGS,
    FRAGMENTS_DIR,
    check_captions,
    check_report_html,
    overview_rst,
    render_rst,
)

from .conftest import REPO


@pytest.fixture(scope="module", params=[(), ("config/test.yaml",)], ids=["paper", "test"])
def config(request) -> dict:
    return load_config([REPO / "config" / "config.yaml", *(REPO / p for p in request.param)])


def test_every_caption_and_the_overview_render_cleanly(config):
    problems = check_captions(config)
    assert not problems, "\n".join(f"{k}: {m}" for k, v in problems.items() for m in v)


@pytest.mark.parametrize(
    "rst",
    [
        r"threshold |σ_SE/σ_A| = 1",  # read as an undefined substitution
        r":math:`\tau_{\rm eff}`",  # \rm is no LaTeX command of the MathML translator
        r":math:`\frac{a}`",  # malformed math
        "*unclosed emphasis",
        "{{ snakemake.config.no_such_key.value }}",  # Jinja: a config key that does not exist
    ],
)
def test_broken_captions_are_caught(config, rst):
    try:
        _, messages = render_rst(rst, config)
    except Exception as err:  # Jinja raises; check_captions reports it as a problem
        messages = [str(err)]
    assert messages


def test_math_renders_as_mathml(config):
    html, messages = render_rst(r":math:`\tau_{\mathrm{eff}}=\tau/(1+N\gamma\tau)`", config)
    assert not messages and "<math" in html and "τ" in html


def test_docutils_conf_matches_the_checked_settings():
    """Snakemake calls docutils without settings: docutils.conf (read from the working
    directory) must hold the settings the captions are checked with."""
    parser = configparser.ConfigParser()
    parser.read(REPO / "docutils.conf")
    general = parser["general"]
    assert general["math_output"] == DOCUTILS_SETTINGS["math_output"]
    assert int(general["halt_level"]) == DOCUTILS_SETTINGS["halt_level"] == 2


def test_overview_lists_every_paper_and_figure_and_includes_fragments(config, tmp_path):
    results = str(tmp_path)
    text = overview_rst(config, results)
    for study in registry.studies():
        assert f"``{study}``" in text
    for fig in registry.figures():
        assert f"`{fig.study}/{fig.id}`_" in text
        assert f"resultPath:'{fig.outputs(results)[1]}'" in text
    assert "How to regenerate" in text and "make figures" in text
    frag = Path(results) / FRAGMENTS_DIR / "claims.rst"
    frag.parent.mkdir(parents=True)
    frag.write_text("Claims\n------\n\n* claim one: {{ not jinja }}\n")
    with_fragment = overview_rst(config, results)
    assert "* claim one: {{ not jinja }}" in with_fragment
    assert with_fragment.index("Claims") < with_fragment.index("Figures\n")
    _, messages = render_rst(with_fragment, config)
    assert not messages


def test_check_report_html_finds_error_text(tmp_path):
    good, bad = tmp_path / "good.html", tmp_path / "bad.html"
    good.write_text("<p>fine <math><mi>x</mi></math></p>")
    bad.write_text('<div class="system-message"><p>System Message: ERROR/3</p></div>')
    assert check_report_html(good) == []
    assert check_report_html(bad)
