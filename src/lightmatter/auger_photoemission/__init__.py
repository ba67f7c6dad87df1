"""Auger photoemission as a laser-like coherent cathode.

Y. Zeng, B. Zhang, K. Cao, X.-J. Liu, Y. Pan, "Auger photoemission as a laser-like coherent
cathode" (seed ``000_38be2e173ad007b4.txt``; the lost equations are reconstructed in
``shared/physics/auger_photoemission.md``).

Modules
-------
four_level      Four-level rate equations (Eq. 1) with the Auger-electron count ``N_A``, in the
                seed's literal ("closed", r = 0) and the replenished (r = 1, ASSUMED) bookkeeping;
                analytic Jacobian and stiff integration; exact steady state (note §2) and the
                seed's Eq. 6; photocurrent (Eqs. 2, 7, 8), log-slopes and crossovers (note §4);
                the reduced quasi-steady depletion model (note §3); Fig. 1b-c decays (note §6).
coherence       Eq. 9: incoherent + coherent spectral density for Gaussian, Auger-burst,
                exponential and uniform emission-time distributions, and a seeded Monte Carlo
                check.

Units are SI: seconds, 1/s; populations are numbers; currents are electrons/s (beta
dimensionless).

"""

from .coherence import (
    SHAPES,
    coherent_spectral_density,
    critical_frequency,
    critical_number,
    form_factor,
    monte_carlo_spectral_density,
    sample_emission_times,
)
from .four_level import (
    STATE_NAMES,
    AugerParams,
    SteadyState,
    auger_decay,
    crossover_population,
    crossover_pump_rate,
    current_saturated,
    current_weak,
    depletion_time,
    eq3_populations,
    half_saturation_pump_rate,
    integrate,
    jacobian,
    log_slope_N,
    log_slope_wp,
    photocurrent,
    qss_N2,
    quasi_steady_depletion,
    radiative_decay,
    rate_equations,
    relaxation_time,
    steady_state,
    steady_state_current,
)

__all__ = [
    "SHAPES",
    "STATE_NAMES",
    "AugerParams",
    "SteadyState",
    "auger_decay",
    "coherent_spectral_density",
    "critical_frequency",
    "critical_number",
    "crossover_population",
    "crossover_pump_rate",
    "current_saturated",
    "current_weak",
    "depletion_time",
    "eq3_populations",
    "form_factor",
    "half_saturation_pump_rate",
    "integrate",
    "jacobian",
    "log_slope_N",
    "log_slope_wp",
    "monte_carlo_spectral_density",
    "photocurrent",
    "qss_N2",
    "quasi_steady_depletion",
    "radiative_decay",
    "rate_equations",
    "relaxation_time",
    "sample_emission_times",
    "steady_state",
    "steady_state_current",
]
