"""Auger photoemission as a laser-like coherent cathode.

Y. Zeng, B. Zhang, K. Cao, X.-J. Liu, Y. Pan, "Auger photoemission as a laser-like coherent
cathode" (seed ``000_38be2e173ad007b4.txt``; the lost equations are reconstructed in
``docs/auger_photoemission.md``, whose sections the modules cite as "docs §N").

Modules
-------
four_level      Four-level rate equations (Eq. 1) with the Auger-electron count ``N_A``, in the
                seed's literal ("closed", r = 0) and the replenished (r = 1, ASSUMED) bookkeeping;
                analytic Jacobian and stiff integration; exact steady state (docs §2), the
                seed's Eq. 6 and the steady state read from the stiff ODE; photocurrent (Eqs. 2,
                7, 8), log-slopes and crossovers (docs §4); the reduced quasi-steady depletion
                model and the reference curves of the dynamics (docs §3); Fig. 1b-c decays
                (docs §6).
coherence       Eq. 9: incoherent + coherent spectral density for Gaussian, Auger-burst,
                exponential and uniform emission-time distributions, and a seeded Monte Carlo
                check.
burst           Eq. 9 in physical units (critical N vs electron energy and burst duration), the
                closed burst's emission-time spread and coherent fraction vs pump rate (closed
                form and stiff ODE), population inversion N2/N1 and its threshold (docs §11-13).
sweeps/         The workflow's sweeps, one module each (points from the config, solve one point).

Units are SI: seconds, 1/s; populations are numbers; currents are electrons/s (beta
dimensionless). Names are re-exported lazily: ``import lightmatter.auger_photoemission`` imports
neither numpy nor scipy.
"""

from lightmatter.lazy import lazy_exports

_EXPORTS = {
    "ClosedBurst": "burst",
    "closed_burst": "burst",
    "coherent_ratio_bound": "burst",
    "critical_number_asymptote": "burst",
    "critical_number_energy": "burst",
    "energy_max_coherent": "burst",
    "filon_transform": "burst",
    "form_factor_saturated": "burst",
    "form_factor_weak": "burst",
    "inversion_ratio": "burst",
    "inversion_ratio_seed": "burst",
    "inversion_threshold_pump_rate": "burst",
    "omega_from_energy": "burst",
    "quantile_time_qss": "burst",
    "spread_qss": "burst",
    "spread_saturated": "burst",
    "spread_weak": "burst",
    "SHAPES": "coherence",
    "STATE_NAMES": "four_level",
    "AugerParams": "four_level",
    "SteadyState": "four_level",
    "auger_decay": "four_level",
    "coherent_spectral_density": "coherence",
    "critical_frequency": "coherence",
    "critical_number": "coherence",
    "crossover_population": "four_level",
    "crossover_pump_rate": "four_level",
    "current_saturated": "four_level",
    "current_weak": "four_level",
    "depletion_time": "four_level",
    "eq3_populations": "four_level",
    "form_factor": "coherence",
    "half_saturation_pump_rate": "four_level",
    "integrate": "four_level",
    "jacobian": "four_level",
    "log_slope_N": "four_level",
    "log_slope_wp": "four_level",
    "matched_radiative_lifetime": "four_level",
    "monte_carlo_spectral_density": "coherence",
    "ode_steady_state": "four_level",
    "photocurrent": "four_level",
    "qss_N2": "four_level",
    "quasi_steady_depletion": "four_level",
    "radiative_decay": "four_level",
    "rate_equations": "four_level",
    "reference_trajectory": "four_level",
    "relaxation_time": "four_level",
    "sample_emission_times": "coherence",
    "steady_state": "four_level",
    "steady_state_current": "four_level",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
