"""The Snakemake report: its landing page and the checks that keep it free of errors.

``snakemake --report`` renders every caption (``rules/captions/<study>/<id>.rst``) and the
landing-page text with Jinja (``snakemake.config`` available), then docutils. Docutils reads
``docutils.conf`` in the working directory (the repository root): there math is rendered as
MathML (drawn natively by the browser) and any docutils WARNING or ERROR, an unknown LaTeX
command included, stops the report (``halt_level: 2``). This module adds:

* :func:`overview_rst` / :func:`write_overview`: the landing page (the papers, the figure table
  with a link per figure that shows the figure with its caption, optional generated fragments,
  how to regenerate), built from the figure registry at parse time (``report:`` in the
  Snakefile points at the written file);
* :func:`check_captions`: every caption and the landing page rendered exactly as the report
  does, with every docutils message collected (used by the tests and by ``make report``);
* :func:`check_report_html`: error text left in a built ``report.html``.

Generated fragments: every ``*.rst`` file in ``<results>/report/overview/`` (sorted by name)
is included verbatim in the landing page, after the papers; a rule that writes such a file
(e.g. a claims scorecard) puts its table on the first page of the report without touching this
module. Usage::

    python -m lightmatter.report check-captions [--configfile config/test.yaml]
    python -m lightmatter.report check-html results/report.html
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from lightmatter import __version__, registry

__all__ = [
    "DOCUTILS_SETTINGS",
    "FRAGMENTS_DIR",
    "check_captions",
    "check_report_html",
    "overview_rst",
    "render_rst",
    "write_overview",
]

ROOT = Path(__file__).resolve().parents[2]

#: Docutils settings of the report; ``docutils.conf`` at the repository root must agree (a test
#: checks it), since Snakemake calls docutils without settings of its own.
DOCUTILS_SETTINGS: dict[str, Any] = {"math_output": "MathML", "halt_level": 2}

#: Folder (under the results root) whose ``*.rst`` files the landing page includes.
FRAGMENTS_DIR = "report/overview"

#: Text that must never appear in a built report (docutils messages, unrendered math).
HTML_ERROR_PATTERNS = (
    "System Message",
    "Docutils System Messages",
    'class="problematic"',
    'class="unknown"',
    "Unknown LaTeX command",
    "Unknown command",
    "<merror",
)


class _Snakemake:
    """The part of Snakemake's caption context the captions use (``snakemake.config``)."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.config = config


def render_rst(text: str, config: Mapping[str, Any]) -> tuple[str, list[str]]:
    """Render one caption as ``snakemake --report`` does (Jinja, then docutils to HTML).

    Returns the HTML body and every docutils message (INFO and above) and unknown-math
    notice; an empty list means the caption renders cleanly.
    """
    from docutils.core import publish_parts
    from jinja2 import Environment, StrictUndefined

    env = Environment(trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined)
    rst = env.from_string(text).render(snakemake=_Snakemake(config), categories={}, files=[])
    stream = io.StringIO()
    settings = {
        **DOCUTILS_SETTINGS,
        "halt_level": 5,  # collect every message instead of stopping at the first
        "report_level": 2,
        "warning_stream": stream,
        "_disable_config": True,
    }
    old_stderr = sys.stderr
    sys.stderr = stream  # the math translators print unknown commands to stderr
    try:
        body = publish_parts(rst, writer="html", settings_overrides=settings)["body"]
    finally:
        sys.stderr = old_stderr
    messages = [line for line in stream.getvalue().splitlines() if line.strip()]
    messages += [f"error text in HTML: {p!r}" for p in HTML_ERROR_PATTERNS if p in body]
    return body, messages


def check_captions(
    config: Mapping[str, Any], results: str | None = None, root: Path = ROOT
) -> dict[str, list[str]]:
    """Render every registered figure's caption and the landing page; ``{file: messages}``.

    Only files with at least one message are returned (an empty dict: everything is clean).
    A caption file that is missing is reported too.
    """
    problems: dict[str, list[str]] = {}
    for fig in registry.figures():
        path = root / fig.caption
        if not path.exists():
            problems[fig.caption] = ["caption file missing"]
            continue
        try:
            _, messages = render_rst(path.read_text(), config)
        except Exception as err:  # a Jinja error names a missing config key
            messages = [f"{type(err).__name__}: {err}"]
        if messages:
            problems[fig.caption] = messages
    _, messages = render_rst(
        overview_rst(config, results or str(config.get("results", "results")), root), config
    )
    if messages:
        problems["report overview"] = messages
    return problems


def _escape(text: str) -> str:
    """Text safe inside RST inline markup positions (a table cell, a list item)."""
    for ch in ("\\", "*", "`", "|", "_"):
        text = text.replace(ch, "\\" + ch)
    return text


def _js_link(path: str) -> str:
    """URI that shows a report result (figure in the main view, caption in the side bar)."""
    return (
        "javascript:app.setView({navbarMode:'resultinfo',"
        f"resultPath:'{path}',content:'img',contentPath:results['{path}'].data_uri}})"
    )


def _fragments(results: str) -> list[Path]:
    folder = Path(results) / FRAGMENTS_DIR
    return sorted(folder.glob("*.rst")) if folder.is_dir() else []


def overview_rst(config: Mapping[str, Any], results: str, root: Path = ROOT) -> str:
    """The report's landing page (RST, rendered by Snakemake through Jinja and docutils).

    Sections: what the workflow is (``rules/captions/workflow.rst``), the papers
    (``PAPER`` of each study), every ``*.rst`` in ``<results>/report/overview/``, the figure
    table from the registry (one link per figure: the figure and its caption), and how to
    regenerate everything.
    """
    reg = root / "rules" / "figures.yaml"
    intro = (root / "rules" / "captions" / "workflow.rst").read_text().strip()
    out: list[str] = [
        "lightmatter report",
        "==================",
        "",
        intro,
        "",
        "Papers",
        "------",
        "",
    ]
    for study in registry.studies(reg):
        citation, reference = registry.paper(study)
        # drop the repository-internal ids of the seed texts
        citation = re.sub(r" \(seed text \w+\)|; seed text \w+", "", citation)
        n = len(registry.figures(reg, study=study))
        line = f"* ``{study}`` ({n} figures): {_escape(citation)}"
        if reference.startswith("doi:") and reference not in citation:
            line += f", https://doi.org/{reference[4:]}"
        out.append(line)
    out.append("")
    for frag in _fragments(results):
        # verbatim, and protected from Snakemake's Jinja pass
        out += ["{% raw %}", frag.read_text().rstrip(), "{% endraw %}", ""]
    out += [
        "Figures",
        "-------",
        "",
        "Click a figure to see it with its caption (the caption also opens from the study's",
        "entry in the menu on the left).",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 18 12 12 58",
        "",
        "   * - study",
        "     - figure",
        "     - paper",
        "     - what is computed",
    ]
    targets = []
    for fig in registry.figures(reg):
        png = fig.outputs(results)[1]
        name = f"{fig.study}/{fig.id}"
        out += [
            f"   * - {fig.study}",
            f"     - `{name}`_",
            f"     - {_escape(fig.paper)}",
            f"     - {_escape(fig.what)}",
        ]
        targets.append(f".. _{name}: {_js_link(png)}")
    out += [
        "",
        *targets,
        "",
        "How to regenerate",
        "-----------------",
        "",
        "From a clean checkout with Python 3.11::",
        "",
        "    make figures     # environment, then every figure at paper resolution",
        "    make report      # this report (fails on any caption error)",
        "    make test        # lint and the test suite",
        "",
        f"Results root of this report: ``{results}``; lightmatter {__version__}. One study: "
        "``snakemake -c2 <study>``; one figure: ``snakemake -c2 <study>_figure_<id>``; the "
        "small test configuration: ``--configfile config/test.yaml``. ``make audit`` checks "
        "every output against ``results/provenance/manifest.json``.",
        "",
    ]
    return "\n".join(out)


def write_overview(
    config: Mapping[str, Any], results: str, out: str | Path, root: Path = ROOT
) -> str:
    """Write :func:`overview_rst` to ``out`` if its text changed (atomically); return ``out``.

    Called while Snakemake parses the Snakefile (which passes its own directory as ``root``:
    the package may be imported from elsewhere); cheap (the registry is already loaded).
    """
    text = overview_rst(config, results, root)
    target = Path(out)
    if target.exists() and target.read_text() == text:
        return str(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)
    return str(target)


def check_report_html(path: str | Path) -> list[str]:
    """Error text found in a built report (an empty list: clean)."""
    text = Path(path).read_text(errors="replace")
    found = []
    for pattern in HTML_ERROR_PATTERNS:
        n = len(re.findall(re.escape(pattern), text))
        if n:
            found.append(f"{path}: {n} x {pattern!r}")
    return found


def _config(configfiles: Sequence[str]) -> dict[str, Any]:
    from lightmatter.config import load_config

    return load_config([ROOT / "config" / "config.yaml", *configfiles])


def main(argv: list[str] | None = None) -> int:
    """Command line: ``check-captions [--configfile F ...]`` or ``check-html REPORT``."""
    parser = argparse.ArgumentParser(prog="python -m lightmatter.report")
    sub = parser.add_subparsers(dest="cmd", required=True)
    cap = sub.add_parser("check-captions", help="render every caption; fail on any message")
    cap.add_argument("--configfile", action="append", default=[])
    html = sub.add_parser("check-html", help="fail if a built report contains error text")
    html.add_argument("report")
    args = parser.parse_args(argv)
    if args.cmd == "check-captions":
        problems = check_captions(_config(args.configfile))
        for name, messages in problems.items():
            for msg in messages:
                print(f"{name}: {msg}", file=sys.stderr)
        n = len(registry.figures())
        print(
            f"report captions: {n} figure captions and the overview checked, "
            f"{len(problems)} with errors",
            file=sys.stderr,
        )
        return 1 if problems else 0
    found = check_report_html(args.report)
    for line in found:
        print(line, file=sys.stderr)
    print(f"{args.report}: {'error text found' if found else 'no error text'}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
