"""Single-photon purity vs dot size with an Auger-limited biexciton: review Fig. 4
(``purity_vs_size``).

g2(0) = eta_XX/eta_X and the purity 1 - g2(0) against the cube edge L, with the biexciton Auger
time linear in the volume (tau_A = c_A L^3), for each ratio k_rad,XX/k_rad,X; and the pulsed
cascade g2[0] at the cascade parameters for several mean excitations per pulse
(``docs/perovskite_emission.md`` §2-3).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import NS, linear_grid

TITLE = "Single-photon purity vs dot size, Auger-limited biexciton (review Fig. 4)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "edge": Var(("edge",), "nm", "cube edge length L"),
    "xx_rad_factor": Var(("xx_rad_factor",), "1", "k_rad,XX / k_rad,X"),
    "mean_excitations": Var(("mean_excitations",), "1", "mean excitations per pulse"),
}
VARIABLES = {
    "g2_zero": Var(("xx_rad_factor", "edge"), "1", "g2(0) = eta_XX/eta_X"),
    "purity": Var(("xx_rad_factor", "edge"), "1", "single-photon purity 1 - g2(0)"),
    "tau_auger": Var(("edge",), NS, "biexciton Auger time c_A L^3"),
    "volume": Var(("edge",), "nm^3", "dot volume L^3"),
    "g2_pulsed": Var(("mean_excitations",), "1", "pulsed cascade g2[0] at the cascade parameters"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the ``purity`` section, ``cascade.mean_excitations`` and the ``cascade``."""
    return [
        {
            **section["purity"],
            "mean_excitations": section["cascade"]["mean_excitations"],
            "cascade": section["cascade"],
        }
    ]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Purity vs size per rate ratio; pulsed cascade g2[0] per mean excitation number."""
    import numpy as np

    from lightmatter.perovskite_emission import single_photon

    edges = linear_grid(point["edge_nm"])
    factors = np.array(sorted(point["xx_rad_factor"]), dtype=float)
    res = [
        single_photon.purity_vs_size(
            edges,
            tau_x=float(point["tau_x"]),
            eta_x=float(point["eta_x"]),
            xx_rad_factor=f,
            c_auger_ps_per_nm3=float(point["c_auger_ps_per_nm3"]),
        )
        for f in factors
    ]
    c = point["cascade"]
    rates = single_photon.cascade_rates(
        c["k_rad_x"], c["k_nr_x"], c["xx_rad_factor"], c["tau_auger_ns"]
    )
    ms = np.array(sorted(point["mean_excitations"]), dtype=float)
    return {
        "edge": edges,
        "xx_rad_factor": factors,
        "mean_excitations": ms,
        "g2_zero": np.array([r.g2_zero for r in res]),
        "purity": np.array([r.purity for r in res]),
        "tau_auger": res[0].tau_auger_ns,
        "volume": res[0].volume_nm3,
        "g2_pulsed": np.array([float(single_photon.cascade_g2_zero(*rates, m)) for m in ms]),
    }
