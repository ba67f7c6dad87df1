"""The Boltzmann-equation run shared by the ``boltzmann`` and ``convergence`` sweeps: the point
of one run (one material at one grid resolution) and the run itself (``docs/ledd_ttm.md`` §5-6).
The solver is imported inside :func:`run_be`, so importing this module stays light."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from lightmatter.progress import Progress, from_log
from lightmatter.spec import Var

from ._common import material_of, pulse_of, time_grid, with_material

#: Keys of the config's ``boltzmann`` section copied into every BE point.
BE_KEYS = ("e_above", "e_below", "dt_pulse", "dt_max", "t_min", "t_max", "num_t", "prune_tol")


#: Variables every Boltzmann run reports (time series and bookkeeping): shared by the
#: ``boltzmann`` and ``convergence`` sweeps.
RUN_VARIABLES = {
    "T_eff": Var(("t",), "K", "effective electron temperature (Eq. 20)"),
    "mu_eff": Var(("t",), "eV", "chemical potential of the effective FD"),
    "T_ph": Var(("t",), "K", "phonon temperature"),
    "E_e": Var(("t",), "J/m^3", "electron energy above the initial state"),
    "E_ph": Var(("t",), "J/m^3", "energy transferred to the lattice"),
    "E_in": Var(("t",), "J/m^3", "absorbed energy so far"),
    "n_eval": Var((), "1", "right-hand-side evaluations"),
    "number_error": Var((), "1", "final relative electron-number error"),
    "energy_residual": Var((), "1", "(E_e + E_ph) / energy injected by the scheme - 1"),
    "absorbed_quadrature_error": Var((), "1", "energy injected / int P_abs dt - 1"),
    "raw_number_error": Var((), "1", "max per-step relative number change (no projection)"),
    "raw_energy_error": Var(
        (), "1", "max per-step energy-balance error (no projection) / absorbed energy"
    ),
    "f_bound_violation": Var((), "1", "max excursion of f outside [0, 1]"),
    "delta": Var((), "eV", "energy grid spacing"),
    "ee_ratio": Var((), "1", "fine cells per e-e cell"),
    "dt_pulse": Var((), "fs", "time step inside the pulse window"),
}

#: Solver-dataset variables of :data:`RUN_VARIABLES` (the rest is set by the sweeps).
SOLVER_RUN_VARIABLES = tuple(k for k in RUN_VARIABLES if k not in ("ee_ratio", "dt_pulse"))


def be_point(
    section: Mapping[str, Any],
    name: str,
    per_photon: int,
    ee_ratio: int,
    dt_pulse: float | None = None,
) -> dict[str, Any]:
    """The point of one BE run of material ``name`` with ``per_photon`` grid cells per photon
    energy and ``ee_ratio`` fine cells per e-e cell (pulse, source, T0 and the solver settings
    of ``boltzmann``; ``dt_pulse`` overrides the step of ``boltzmann``)."""
    b = section["boltzmann"]
    src = section["pulse"]["source"]
    return {
        **with_material(section, name),
        **with_material(section, src, "source"),
        "pulse": section["pulse"],
        "T0": section["T0"],
        "per_photon": int(per_photon),
        "ee_ratio": int(ee_ratio),
        "snapshots_fwhm": b["snapshots_fwhm"],
        **{k: b[k] for k in BE_KEYS},
        **({} if dt_pulse is None else {"dt_pulse": float(dt_pulse)}),
    }


def run_be(
    point: Mapping[str, Any], logger: logging.Logger | None = None, extra_t: Any = ()
) -> tuple[Any, Any]:
    """Solve the BE of one point; returns the solver's dataset and the material.

    The grid spans E_F - ``e_below`` (or the band bottom) to E_F + ``e_above`` with
    ``per_photon`` cells per photon energy and a cell count divisible by ``ee_ratio``; the
    snapshot times are ``snapshots_fwhm`` x FWHM; ``extra_t`` adds output times. The solver logs
    its simulated time every second to ``logger`` or, by default, to a
    :func:`lightmatter.progress.from_log` logger, which turns it into percent of
    the run in the job log and on the console (:mod:`lightmatter.progress`).
    """
    from lightmatter.ledd_ttm import boltzmann

    mat, src = material_of(point), material_of(point, "source")
    pulse = pulse_of(point)
    r = int(point["ee_ratio"])
    grid = boltzmann.make_grid(
        mat,
        pulse.hbar_omega,
        int(point["per_photon"]),
        float(point["e_above"]),
        float(point["e_below"]),
        r,
    )
    import numpy as np

    t = np.union1d(time_grid(point), np.asarray(extra_t, dtype=float))
    progress = Progress(f"BE {mat.name}", float(t[0]), float(t[-1]), "fs")
    solver_log = logger or from_log(progress, r"t = ([-+0-9.eE]+) fs of", f"be.{mat.name}")
    snaps = [float(x) * pulse.fwhm_fs for x in point["snapshots_fwhm"]]
    ds = boltzmann.solve_boltzmann(
        mat,
        pulse,
        grid,
        (t[0], t[-1]),
        t_out=t,
        t_snap=snaps,
        source=src,
        T0=float(point["T0"]),
        ee_ratio=r,
        dt_pulse=float(point["dt_pulse"]),
        dt_max=float(point["dt_max"]),
        prune_tol=float(point["prune_tol"]),
        logger=solver_log,
        log_every_s=1.0,
    )
    return ds, mat
