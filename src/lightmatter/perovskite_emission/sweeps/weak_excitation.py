"""Weak-excitation (single-photon) superradiance with local dephasing and static disorder:
review Fig. 6b-e (``sr_weak_excitation``).

For each N: the one-excitation Lindblad block (collective decay, local pure dephasing, static
detunings; ``docs/perovskite_emission.md`` §10) from the symmetric and from the incoherent start;
TRPL ``I(t)``, population, emitted fraction and 1/e lifetime for each dephasing rate without
disorder, and the same averaged over seeded Gaussian-disorder realisations (without dephasing)
for each disorder width, with the 16-84 % spread of the enhancement. Stochastic: points carry
the root seed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

TITLE = "Weak-excitation superradiance with dephasing and static disorder (review Fig. 6b-e)"
UNIT = "1"  # time in 1/Gamma, rates in Gamma
POINT_DIMS = {"N": Var(("N",), "1", "number of emitters N")}
COORDS = {
    "t": Var(("t",), UNIT, "time t in units of 1/Gamma"),
    "start": Var(("start",), "1", "initial state: 0 = symmetric |W>, 1 = incoherent 1/N"),
    "gamma_phi": Var(("gamma_phi",), UNIT, "local pure-dephasing rate gamma_phi / Gamma"),
    "sigma": Var(("sigma",), UNIT, "static disorder: std of the detunings / Gamma"),
}
_D = ("start", "gamma_phi")
_S = ("start", "sigma")
VARIABLES = {
    "intensity_dephasing": Var((*_D, "t"), UNIT, "TRPL photon flux I(t)/Gamma, sigma = 0"),
    "population_dephasing": Var((*_D, "t"), "1", "excited population P(t), sigma = 0"),
    "enhancement_dephasing": Var(_D, "1", "1/(Gamma tau_e), tau_e: P(tau_e) = 1/e (0 if trapped)"),
    "emitted_dephasing": Var(_D, "1", "photons emitted in total (1 - trapped fraction)"),
    "intensity_disorder": Var((*_S, "t"), UNIT, "realisation-mean I(t)/Gamma, gamma_phi = 0"),
    "enhancement_disorder": Var(_S, "1", "realisation-mean 1/(Gamma tau_e), gamma_phi = 0"),
    "enhancement_disorder_lo": Var(_S, "1", "16th percentile of 1/(Gamma tau_e)"),
    "enhancement_disorder_hi": Var(_S, "1", "84th percentile of 1/(Gamma tau_e)"),
    "emitted_disorder": Var(_S, "1", "realisation-mean photons emitted in total"),
    "realisations": Var((), "1", "disorder realisations per (start, sigma)"),
}
RESOURCES = {"mem_mb": 2000, "runtime": 20}
STARTS = ("symmetric", "incoherent")


def points(section: Mapping[str, Any], seed: int) -> list[dict[str, Any]]:
    """One point per N of ``weak_excitation.N`` with the whole section and the seed."""
    w = section["weak_excitation"]
    rest = {k: v for k, v in w.items() if k != "N"}
    return [{**rest, "N": int(n), "seed": seed} for n in w["N"]]


def validate(section: Mapping[str, Any]) -> None:
    """The N^2 x N^2 Liouvillian is diagonalised densely: N is limited to 24."""
    if max(section["weak_excitation"]["N"]) > 24:
        raise ValueError("perovskite_emission.weak_excitation.N: values must be <= 24")


def solve(point: Mapping[str, Any], pid: str) -> dict[str, Any]:
    """Dephasing rows (sigma = 0, exact), disorder rows (gamma_phi = 0, seeded realisations)."""
    import numpy as np

    from lightmatter import seeding
    from lightmatter.perovskite_emission import weak_excitation as we

    n, g = int(point["N"]), float(point["gamma"])
    t = np.linspace(0.0, float(point["t_max"]), int(point["num_t"])) / g
    gps = np.array(sorted(point["gamma_phi"]), dtype=float)
    sigmas = np.array(sorted(point["sigma"]), dtype=float)
    r = int(point["realisations"])
    gen = seeding.rng_for(point, pid)
    shape_d = (len(STARTS), gps.size)
    shape_s = (len(STARTS), sigmas.size)
    out: dict[str, Any] = {
        "t": t * g,
        "start": np.arange(len(STARTS)),
        "gamma_phi": gps,
        "sigma": sigmas,
        "intensity_dephasing": np.empty((*shape_d, t.size)),
        "population_dephasing": np.empty((*shape_d, t.size)),
        "enhancement_dephasing": np.empty(shape_d),
        "emitted_dephasing": np.empty(shape_d),
        "intensity_disorder": np.empty((*shape_s, t.size)),
        "enhancement_disorder": np.empty(shape_s),
        "enhancement_disorder_lo": np.empty(shape_s),
        "enhancement_disorder_hi": np.empty(shape_s),
        "emitted_disorder": np.empty(shape_s),
        "realisations": r,
    }
    for i, start in enumerate(STARTS):
        rho0 = we.symmetric_state(n) if start == "symmetric" else we.incoherent_state(n)
        for j, gp in enumerate(gps):
            sol = we.solve(np.zeros(n), g, gp * g, rho0)
            out["intensity_dephasing"][i, j] = sol.intensity(t) / g
            out["population_dephasing"][i, j] = sol.population(t)
            out["enhancement_dephasing"][i, j] = 1.0 / (g * sol.lifetime)
            out["emitted_dephasing"][i, j] = sol.emitted
        for j, s in enumerate(sigmas):
            avg = we.disorder_average(n, g, 0.0, s * g, r, t, gen, start=start)
            rate = 1.0 / (g * avg.lifetime)
            out["intensity_disorder"][i, j] = avg.intensity / g
            out["enhancement_disorder"][i, j] = float(np.mean(rate))
            out["enhancement_disorder_lo"][i, j] = float(np.percentile(rate, 16))
            out["enhancement_disorder_hi"][i, j] = float(np.percentile(rate, 84))
            out["emitted_disorder"][i, j] = float(np.mean(avg.emitted))
    return out
