"""CF conventions of every declared variable (cheap: the specs, no data; docs/design.md).

Every ``Var`` of every sweep module (point dimensions, coordinates, variables) and the
``point_id`` every dataset carries must have a unit string that UDUNITS-2 parses (CF §3.1), and
every dataset declares the CF version it is checked against (the end-to-end test runs the IOOS
compliance checker over the files themselves).
"""

from __future__ import annotations

import pytest

from lightmatter import registry
from lightmatter.cfcheck import CF_VERSION, check_units, unit_problem
from lightmatter.dataset import POINT_ID
from lightmatter.provenance import CF_CONVENTIONS
from lightmatter.spec import Var
from lightmatter.sweep import sweeps_of


def _all_specs() -> dict[str, dict[str, Var]]:
    specs: dict[str, dict[str, Var]] = {"lightmatter.dataset": {"point_id": POINT_ID}}
    for study in registry.studies():
        for name, sw in sweeps_of(study).items():
            specs[f"{study}/{name}"] = {**sw.point_dims_spec, **sw.coords, **sw.variables}
    return specs


def test_every_declared_unit_is_udunits_parsable():
    specs = _all_specs()
    assert sum(len(v) for v in specs.values()) > 300  # every study's sweeps were found
    problems = check_units(specs)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "units", ["PL peak", "tau_21", "sigma_A", "electrons/s", "mixed", "", "s since 2020-01-01"]
)
def test_non_cf_units_are_rejected(units):
    """The unit strings the issue found in the datasets (and a time reference) are refused."""
    assert unit_problem(units) is not None


@pytest.mark.parametrize("units", ["1", "s-1", "1/ns", "W/(m^3 K)", "mJ/cm^2", "1/(eV m^3)"])
def test_cf_units_are_accepted(units):
    assert unit_problem(units) is None


def test_conventions_attribute_names_the_checked_cf_version():
    assert CF_CONVENTIONS == f"CF-{CF_VERSION}" == "CF-1.11"
