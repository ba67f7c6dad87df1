"""The figure registry (docs/design.md, data flow step 5), read from ``rules/figures.yaml``.

Usage from the command line::

    python -m lightmatter.registry readme-table   # print the README figure table (Markdown)
"""

from __future__ import annotations

import functools
import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["Figure", "figures", "paper", "readme_table", "registry_path", "studies"]


def paper(study: str) -> tuple[str, str]:
    """``(citation, reference)`` of a study's paper: ``PAPER`` of ``lightmatter.<study>.sweeps``."""
    mod = importlib.import_module(f"lightmatter.{study}.sweeps")
    try:
        citation, reference = mod.PAPER
    except AttributeError:
        raise AttributeError(f"{mod.__name__} must define PAPER = (citation, reference)") from None
    return str(citation), str(reference)


@dataclass(frozen=True)
class Figure:
    """One paper figure: where it comes from and where it goes."""

    study: str
    id: str
    paper: str
    what: str
    inputs: tuple[str, ...]

    @property
    def rule(self) -> str:
        """Snakemake rule name of the figure: ``<study>_figure_<id>``."""
        return f"{self.study}_figure_{self.id}"

    @property
    def script(self) -> str:
        """Path of the figure script, relative to the repository."""
        return f"scripts/{self.study}/{self.id}.py"

    @property
    def caption(self) -> str:
        """Path of the report caption, relative to the repository."""
        return f"rules/captions/{self.study}/{self.id}.rst"

    def outputs(self, results: str = "results") -> tuple[str, str]:
        """The PDF and PNG the figure rule writes."""
        stem = f"{results}/{self.study}/figures/{self.id}"
        return f"{stem}.pdf", f"{stem}.png"

    def input_paths(self, results: str = "results") -> list[str]:
        """The sweep datasets the figure reads."""
        return [f"{results}/{self.study}/{sweep}.nc" for sweep in self.inputs]


def registry_path() -> Path:
    """Path of ``rules/figures.yaml`` in the source tree."""
    return Path(__file__).resolve().parents[2] / "rules" / "figures.yaml"


@functools.lru_cache(maxsize=8)
def _parse(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
    return yaml.load(Path(path).read_text(), Loader=loader)


def _load(path: str | Path | None) -> dict[str, Any]:
    """The parsed registry, read once per process (and again only if the file changes).

    The workflow asks for it dozens of times while parsing the Snakefile, in every job on a
    cluster; callers must not modify the returned mapping.
    """
    p = Path(path or registry_path()).resolve()
    st = p.stat()
    return _parse(str(p), st.st_mtime_ns, st.st_size)


def figures(path: str | Path | None = None, study: str | None = None) -> list[Figure]:
    """All registered figures (optionally of one study), in registry order."""
    data = _load(path)
    out = []
    for st, figs in data.items():
        if study is not None and st != study:
            continue
        for fid, entry in figs.items():
            out.append(
                Figure(
                    study=st,
                    id=str(fid),
                    paper=str(entry["paper"]),
                    what=str(entry["what"]),
                    inputs=tuple(entry["inputs"]),
                )
            )
    return out


def studies(path: str | Path | None = None) -> list[str]:
    """Study keys in registry order (the workflow's list of studies)."""
    return list(_load(path))


def readme_table(path: str | Path | None = None) -> str:
    """Markdown table paper -> figure -> output path, generated from the registry."""
    lines = [
        "| study (paper) | paper figure | what is computed | output |",
        "| --- | --- | --- | --- |",
    ]
    for fig in figures(path):
        reference = paper(fig.study)[1]
        pdf, _ = fig.outputs()
        lines.append(
            f"| `{fig.study}` ({reference}) | {fig.paper} | {fig.what} | `{pdf[:-4]}.{{pdf,png}}` |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["readme-table"]:
        print(readme_table())
        return 0
    print("usage: python -m lightmatter.registry readme-table", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
