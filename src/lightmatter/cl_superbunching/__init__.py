"""Superbunching in cathodoluminescence: a master equation approach.

T. Yuge, N. Yamamoto, T. Sannomiya, K. Akiba, Phys. Rev. B 107, 165303 (2023),
doi:10.1103/PhysRevB.107.165303 (seed ``004_24f88dcec113cf0c.txt``; reconstructed equations in
``docs/cl_superbunching.md``).

Modules
-------
model1     Model 1 (main text): N emitters excited together, exact stationary state, Eq. 16,
           exact g2(t) by the quantum regression theorem, Eq. 17 / Eq. 20 approximations.
model2     Model 2 (Sec. IV, Suppl. S II): binomial excitation of M emitters.
model3     Model 3 (Suppl. S III): semi-microscopic electron-noise model in the kick limit
           (a computable reconstruction; the paper's truncated series is lost) and the S16 fit.
radiation  The single-mode photon-number state of Sec. V (Eq. 25-28).
photons    Seeded photon streams, pulse trains and the HBT coincidence estimator.
sweeps/    The workflow's sweeps, one module each (points from the config, solve one point).

Time is measured in units of the radiative lifetime tau; the delay is called ``t`` (the
paper reuses tau for it).
"""

from lightmatter.lazy import lazy_exports

_EXPORTS = {
    "compare_fitted_model2": "model3",
    "compare_with_model1": "model2",
    "detected_photon_rate": "photons",
    "emission_jump": "model1",
    "factorial_moment2": "model1",
    "first_order_rates": "model1",
    "fit_model2_to_model3": "model3",
    "flip_moments": "model3",
    "flip_probability": "model3",
    "frobenius_decomposition": "model3",
    "frobenius_distance": "model3",
    "g2_bin_average": "model1",
    "g2_delay": "model1",
    "g2_delay_approx": "model1",
    "g2_initial_slope": "model1",
    "g2_of_state": "radiation",
    "g2_zero": "model1",
    "harmonic_number": "model1",
    "hbt_histogram": "photons",
    "intensity_trace": "photons",
    "mean_excited": "model1",
    "model1_generator": "model1",
    "model2_electron_rate": "model3",
    "model2_g2_delay": "model2",
    "model2_generator": "model2",
    "model2_moments": "model2",
    "model2_rates": "model2",
    "model2_stationary": "model2",
    "model3_generator": "model3",
    "model3_moments": "model3",
    "model3_stationary": "model3",
    "photon_number_state": "radiation",
    "photon_stream": "photons",
    "pl_g2_zero": "model2",
    "small_rate_relative_difference": "model2",
    "stationary_distribution": "model1",
    "stationary_distribution_numeric": "model1",
    "superbunching_threshold": "model1",
    "tau_eff": "model1",
    "telegraph_noise": "photons",
    "vacuum_mixture": "radiation",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
