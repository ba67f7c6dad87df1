"""CF conventions of the datasets the workflow writes: unit strings and the IOOS checker.

Two levels (``docs/design.md``, "Contracts"):

* :func:`check_units` parses every declared unit string with ``cf_units`` (UDUNITS-2), as the
  CF conventions require; dimensionless quantities carry ``"1"`` and say their normalisation in
  ``long_name``. It needs no data, so the test suite runs it over every sweep module's specs.
* :func:`cf_failures` runs the IOOS ``compliance-checker`` (CF-:data:`CF_VERSION`, normal
  criteria) in-process over NetCDF files and returns every high-priority failure (and, on
  request, the medium-priority ones). Usage::

    python -m lightmatter.cfcheck results/            # every .nc under results/
    python -m lightmatter.cfcheck --medium file.nc    # also list the warnings
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["CF_VERSION", "CONVENTIONS", "cf_failures", "check_units", "unit_problem"]

from lightmatter.provenance import CF_CONVENTIONS as CONVENTIONS

#: The CF version the datasets declare (``Conventions``, set by :mod:`lightmatter.provenance`)
#: and are checked against.
CF_VERSION = CONVENTIONS.removeprefix("CF-")

#: compliance-checker priorities (``BaseCheck.HIGH`` / ``MEDIUM``).
HIGH, MEDIUM = 3, 2


def unit_problem(units: str) -> str | None:
    """Why ``units`` is not a CF unit string (``None`` if UDUNITS-2 parses it).

    Time-reference units (``"s since ..."``) are not used by any sweep and are rejected too.
    """
    import cf_units

    if not isinstance(units, str) or not units.strip():
        return f"empty or non-string units {units!r}"
    try:
        unit = cf_units.Unit(units)
    except ValueError as err:
        return f"UDUNITS-2 cannot parse {units!r} ({err})"
    if unit.is_time_reference():
        return f"{units!r} is a time reference, not a unit"
    return None


def check_units(specs: Mapping[str, Mapping[str, object]]) -> list[str]:
    """Problems with the units of declared variables ``{owner: {name: Var}}`` (empty: clean)."""
    out = []
    for owner, variables in specs.items():
        for name, var in variables.items():
            problem = unit_problem(getattr(var, "units", None))  # type: ignore[arg-type]
            if problem:
                out.append(f"{owner}: {name}: {problem}")
    return out


@functools.cache
def _suite() -> object:
    from compliance_checker.runner import CheckSuite

    suite = CheckSuite()
    suite.load_all_available_checkers()
    return suite


def _results(path: str, min_weight: int) -> list[str]:
    suite = _suite()
    ds = suite.load_dataset(path)  # type: ignore[attr-defined]
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            groups = suite.run_all(  # type: ignore[attr-defined]
                ds, [f"cf:{CF_VERSION}"]
            )
    finally:
        ds.close()
    out = []
    for _checker, (results, errors) in groups.items():
        for check, err in (errors or {}).items():
            out.append(f"checker error in {check}: {err}")
        for res in results:
            if res.weight < min_weight:
                continue
            value = res.value
            passed = value[0] >= value[1] if isinstance(value, tuple) else bool(value)
            if not passed:
                prio = "HIGH" if res.weight >= HIGH else "MEDIUM"
                msgs = "; ".join(str(m) for m in res.msgs) or str(res.name)
                out.append(f"{prio} {res.name}: {msgs}")
    return out


def cf_failures(paths: Iterable[str | Path], medium: bool = False) -> dict[str, list[str]]:
    """Run the CF checker over ``paths``; ``{path: failures}`` for files that fail.

    High-priority failures only, unless ``medium``. Checker-internal exceptions are not
    failures of the file and are not reported (compliance-checker 6.1 raises on string
    coordinates in one monotonicity check).
    """
    failures: dict[str, list[str]] = {}
    for p in paths:
        found = [
            line
            for line in _results(str(p), MEDIUM if medium else HIGH)
            if not line.startswith("checker error")
        ]
        if found:
            failures[str(p)] = found
    return failures


def main(argv: list[str] | None = None) -> int:
    """Command line: check files or every ``.nc`` under folders; exit 1 on any failure."""
    parser = argparse.ArgumentParser(prog="python -m lightmatter.cfcheck")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--medium", action="store_true", help="also list medium-priority issues")
    args = parser.parse_args(argv)
    files: list[Path] = []
    for p in map(Path, args.paths):
        files.extend(sorted(p.rglob("*.nc")) if p.is_dir() else [p])
    failures = cf_failures(files, medium=args.medium)
    for path, lines in failures.items():
        for line in lines:
            print(f"{path}: {line}")
    high = sum(any(x.startswith("HIGH") for x in v) for v in failures.values())
    print(
        f"{len(files)} NetCDF files checked against {CONVENTIONS}: {high} with high-priority "
        "failures",
        file=sys.stderr,
    )
    return 1 if high else 0


if __name__ == "__main__":
    raise SystemExit(main())
