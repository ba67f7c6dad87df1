"""Grid convergence of the BE effective temperature: the inset of Fig. 4a (``fig4a``).

BE runs of one material (``convergence.material``) for several grid resolutions
(``per_photon`` cells per photon energy); the e-e term uses a grid of about ``ee_per_photon``
cells per photon energy (ratio 1 on the coarse grids). Each run keeps T_eff (Eq. 20), T_ph, the
energy bookkeeping and the conservation diagnostics (``docs/ledd_ttm.md`` §5-6). Each point is a
job of its own (``FAN_OUT``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._be import RUN_VARIABLES, be_point, run_be
from ._common import TIME, check_materials

TITLE = "Grid convergence of the BE effective temperature (Fig. 4a)"
POINT_DIMS = {"per_photon": Var(("per_photon",), "1", "grid cells per photon energy")}
COORDS = {"t": TIME}
VARIABLES = {
    **RUN_VARIABLES,
    "material_name": Var((), "1", "material"),
}
RESOURCES = {"mem_mb": 3000, "runtime": 60}
FAN_OUT = True

#: Variables kept from the solver's dataset.
_KEEP = (
    "T_eff",
    "mu_eff",
    "T_ph",
    "E_e",
    "E_ph",
    "E_in",
    "n_eval",
    "number_error",
    "energy_residual",
    "raw_number_error",
    "raw_energy_error",
    "delta",
)


def validate(section: Mapping[str, Any]) -> None:
    """The material of ``convergence`` and the pulse source must be defined under
    ``materials``."""
    check_materials(section, "convergence.material", "pulse.source")


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One BE run per ``convergence.per_photon``, with ee_ratio = max(1, per_photon //
    ee_per_photon)."""
    c = section["convergence"]
    out = []
    for M in c["per_photon"]:
        r = max(1, int(M) // int(c["ee_per_photon"]))
        out.append(be_point(section, c["material"], int(M), r))
    return out


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """One BE run; T_eff, T_ph, energies and conservation diagnostics."""
    ds, mat = run_be(point)
    return {
        "t": ds["t"].values,
        **{k: ds[k].values for k in _KEEP},
        "material_name": mat.name,
        "ee_ratio": int(point["ee_ratio"]),
    }
