"""Single-photon emitter and X-XX cascade g2(tau): review Fig. 2b, 4c (``spe_g2``).

g2(tau) of an incoherently pumped two-level emitter for several pump rates, ideal and convolved
with a Gaussian instrument response (also on a fine grid of +-zoom_irf_widths IRF widths around
tau = 0, where the IRF sets the dip depth), and g2(tau >= 0) of the Auger-limited exciton-biexciton
cascade under CW pumping with its low-pump limit eta_XX/eta_X (``docs/perovskite_emission.md``
§1-2).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._common import NS, PER_NS

TITLE = "Single-photon emitter and X-XX cascade g2(tau) (review Fig. 2b, 4c)"
POINT_DIMS: dict[str, Var] = {}
COORDS = {
    "r": Var(("r",), PER_NS, "incoherent pump rate r"),
    "tau": Var(("tau",), NS, "delay tau"),
    "pump": Var(("pump",), PER_NS, "CW pump rate (G->X and X->XX)"),
    "tau_pos": Var(("tau_pos",), NS, "delay tau"),
    "tau_zoom": Var(("tau_zoom",), NS, "delay tau, zoom on the dip (+-zoom_irf_widths sigma_irf)"),
}
VARIABLES = {
    "g2": Var(("r", "tau"), "1", "g2(tau) = 1 - exp(-(r+Gamma)|tau|), two-level"),
    "g2_irf": Var(("r", "tau"), "1", "g2 convolved with a Gaussian IRF"),
    "g2_zoom": Var(("r", "tau_zoom"), "1", "g2(tau) near tau = 0, two-level"),
    "g2_irf_zoom": Var(("r", "tau_zoom"), "1", "g2 convolved with a Gaussian IRF, near tau = 0"),
    "g2_cascade": Var(("pump", "tau_pos"), "1", "g2(tau), CW X-XX cascade"),
    "g2_cascade_limit": Var((), "1", "eta_XX/eta_X (pump -> 0)"),
    "gamma": Var((), PER_NS, "exciton decay rate Gamma"),
    "sigma_irf": Var((), NS, "IRF standard deviation"),
}


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point: the ``spe`` section with the ``cascade`` section under ``cascade``."""
    return [{**section["spe"], "cascade": section["cascade"]}]


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Two-level g2 (ideal and with IRF) per pump rate r, CW cascade g2 per pump rate."""
    import numpy as np

    from lightmatter.perovskite_emission import single_photon

    g, sig = float(point["gamma"]), float(point["sigma_irf"])
    rs = np.array(sorted(point["r"]), dtype=float)
    t = np.linspace(-float(point["t_max"]), float(point["t_max"]), int(point["num_t"]))
    c = point["cascade"]
    rates = single_photon.cascade_rates(
        c["k_rad_x"], c["k_nr_x"], c["xx_rad_factor"], c["tau_auger_ns"]
    )
    pumps = np.array(sorted(c["cw_pump"]), dtype=float)
    tpos = t[t >= 0]
    half = float(point["zoom_irf_widths"]) * sig
    tz = np.linspace(-half, half, int(point["num_t_zoom"]))
    return {
        "r": rs,
        "tau": t,
        "pump": pumps,
        "tau_pos": tpos,
        "tau_zoom": tz,
        "g2": np.array([single_photon.spe_g2(t, r, g) for r in rs]),
        "g2_irf": np.array([single_photon.spe_g2_irf(t, r, g, sig) for r in rs]),
        "g2_zoom": np.array([single_photon.spe_g2(tz, r, g) for r in rs]),
        "g2_irf_zoom": np.array([single_photon.spe_g2_irf(tz, r, g, sig) for r in rs]),
        "g2_cascade": np.array([single_photon.cascade_g2_cw(tpos, q, *rates) for q in pumps]),
        "g2_cascade_limit": float(single_photon.cascade_g2_zero(*rates, 0.0)),
        "gamma": g,
        "sigma_irf": sig,
    }
