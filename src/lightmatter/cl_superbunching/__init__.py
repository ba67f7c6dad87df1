"""Superbunching in cathodoluminescence: a master equation approach.

T. Yuge, N. Yamamoto, T. Sannomiya, K. Akiba, Phys. Rev. B 107, 165303 (2023),
doi:10.1103/PhysRevB.107.165303 (seed ``004_24f88dcec113cf0c.txt``; reconstructed equations in
``shared/physics/cl_superbunching.md``).

Modules
-------
model1     Model 1 (main text): N emitters excited together, exact stationary state, Eq. 16,
           exact g2(t) by the quantum regression theorem, Eq. 17 / Eq. 20 approximations.
model2     Model 2 (Sec. IV, Suppl. S II): binomial excitation of M emitters.
model3     Model 3 (Suppl. S III): semi-microscopic electron-noise model in the kick limit
           (a computable reconstruction; the paper's truncated series is lost) and the S16 fit.
radiation  The single-mode photon-number state of Sec. V (Eq. 25-28).
photons    Seeded photon streams, pulse trains and the HBT coincidence estimator.
cases      The workflow's sweeps: case tables from the config and per-case solvers.

Time is measured in units of the radiative lifetime tau; the delay is called ``t`` (the
paper reuses tau for it).
"""

from .model1 import (
    emission_jump,
    factorial_moment2,
    first_order_rates,
    g2_bin_average,
    g2_delay,
    g2_delay_approx,
    g2_initial_slope,
    g2_zero,
    harmonic_number,
    mean_excited,
    model1_generator,
    stationary_distribution,
    stationary_distribution_numeric,
    superbunching_threshold,
    tau_eff,
)
from .model2 import (
    model2_g2_delay,
    model2_generator,
    model2_moments,
    model2_rates,
    model2_stationary,
    pl_g2_zero,
)
from .model3 import (
    fit_model2_to_model3,
    flip_moments,
    flip_probability,
    frobenius_distance,
    model3_generator,
    model3_moments,
    model3_stationary,
)
from .photons import hbt_histogram, intensity_trace, photon_stream, telegraph_noise
from .radiation import g2_of_state, photon_number_state, vacuum_mixture

__all__ = [
    "emission_jump",
    "factorial_moment2",
    "first_order_rates",
    "fit_model2_to_model3",
    "flip_moments",
    "flip_probability",
    "frobenius_distance",
    "g2_bin_average",
    "g2_delay",
    "g2_delay_approx",
    "g2_initial_slope",
    "g2_of_state",
    "g2_zero",
    "harmonic_number",
    "hbt_histogram",
    "intensity_trace",
    "mean_excited",
    "model1_generator",
    "model2_g2_delay",
    "model2_generator",
    "model2_moments",
    "model2_rates",
    "model2_stationary",
    "model3_generator",
    "model3_moments",
    "model3_stationary",
    "photon_number_state",
    "photon_stream",
    "pl_g2_zero",
    "stationary_distribution",
    "stationary_distribution_numeric",
    "superbunching_threshold",
    "tau_eff",
    "telegraph_noise",
    "vacuum_mixture",
]
