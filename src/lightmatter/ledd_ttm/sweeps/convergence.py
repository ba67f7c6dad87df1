"""Grid and time-step convergence of the BE effective temperature against the TTM: the inset
(table) and the right panel of Fig. 4a (``fig4a``).

BE runs of one material (``convergence.material``), one per case: every grid resolution of
``convergence.per_photon`` (cells per photon energy) at the first step of ``dt_pulse``, then the
finest grid at each further step. The e-e term uses a grid of about ``ee_per_photon`` cells per
photon energy (ratio 1 on the coarse grids). Each run keeps T_eff (Eq. 20), T_ph, the energy
bookkeeping and the conservation diagnostics, and the convergence table: T_eff at -FWHM, the
pulse peak, +FWHM and ``t_late`` next to the TTM with the exact G (Eqs. 21-22, quantum phonons,
the same e-ph physics as the BE) at the same times (``docs/ledd_ttm.md`` §5-6). Each point is a
job of its own (``FAN_OUT``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

from ._be import RUN_VARIABLES, SOLVER_RUN_VARIABLES, be_point, run_be
from ._common import TIME, check_materials, material_of, pulse_of

TITLE = "Grid and time-step convergence of the BE effective temperature (Fig. 4a)"
POINT_DIMS = {"case": Var(("case",), "1", "convergence case (grid, time step)")}
COORDS = {
    "t": TIME,
    "t_mark": Var(("t_mark",), "fs", "table time: -FWHM, peak, +FWHM, t_late"),
}
VARIABLES = {
    **RUN_VARIABLES,
    "material_name": Var((), "1", "material"),
    "per_photon": Var((), "1", "grid cells per photon energy"),
    "T_eff_mark": Var(("t_mark",), "K", "BE effective temperature at the table times"),
    "T_ttm_mark": Var(("t_mark",), "K", "TTM (exact G) electron temperature at the table times"),
}
RESOURCES = {"mem_mb": 3000, "runtime": 60}
FAN_OUT = True


def validate(section: Mapping[str, Any]) -> None:
    """The material of ``convergence`` and the pulse source must be defined under
    ``materials``; ``t_late`` must lie in the BE time window."""
    check_materials(section, "convergence.material", "pulse.source")
    b, c = section["boltzmann"], section["convergence"]
    if not float(b["t_min"]) <= float(c["t_late"]) <= float(b["t_max"]):
        raise ValueError(
            f"ledd_ttm.convergence.t_late = {c['t_late']} fs must lie in [t_min, t_max] = "
            f"[{b['t_min']}, {b['t_max']}] fs"
        )


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """Case k: every ``per_photon`` at ``dt_pulse[0]``, then max(per_photon) at each further
    ``dt_pulse``; ee_ratio = max(1, per_photon // ee_per_photon)."""
    c = section["convergence"]
    dts = [float(x) for x in c["dt_pulse"]]
    top = max(int(M) for M in c["per_photon"])
    cases = [(int(M), dts[0]) for M in c["per_photon"]] + [(top, dt) for dt in dts[1:]]
    out = []
    for k, (M, dt) in enumerate(cases):
        r = max(1, M // int(c["ee_per_photon"]))
        out.append(
            {
                **be_point(section, c["material"], M, r, dt),
                "case": k,
                "t_late": float(c["t_late"]),
            }
        )
    return out


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """One BE run; T_eff, T_ph, energies, conservation diagnostics and the table row."""
    import numpy as np

    from lightmatter.ledd_ttm import physics

    pulse = pulse_of(point)
    marks = np.array([-pulse.fwhm_fs, pulse.t0_fs, pulse.fwhm_fs, float(point["t_late"])])
    ds, mat = run_be(point, extra_t=marks)
    t = ds["t"].values
    ttm = physics.solve_ttm(
        mat,
        pulse,
        (float(t[0]), float(marks[-1])),
        t_eval=marks,
        source=material_of(point, "source"),
        T0=float(point["T0"]),
        coupling="full",
    )
    return {
        "t": t,
        "t_mark": marks,
        **{k: ds[k].values for k in SOLVER_RUN_VARIABLES},
        "material_name": mat.name,
        "ee_ratio": int(point["ee_ratio"]),
        "dt_pulse": float(point["dt_pulse"]),
        "per_photon": int(point["per_photon"]),
        "T_eff_mark": np.interp(marks, t, ds["T_eff"].values),
        "T_ttm_mark": np.asarray(ttm["Te"], dtype=float),
    }
