"""Progress and prospects of quantum emission from perovskites.

A. Chatterjee, S. Brasel, A. Bruncz, W. Wu, S. Huang, MRS Communications (2024) (received
6 March 2024, accepted 13 June 2024), a Prospective/review (seed ``001_62db56f94d2632e2.txt``;
reconstructed physics in ``docs/perovskite_emission.md``). The review's figures are
experimental; this package computes the model counterpart of each physical claim. Every model is
an ASSUMED modelling choice and every assumed parameter is a function argument.

Modules
-------
single_photon  Fig. 2b/4c/4e: g2(tau) of a pumped two-level emitter (+ Gaussian IRF), the
               Auger-limited biexciton cascade (pulsed and CW), Auger volume scaling and purity
               vs dot size.
superradiance  Fig. 2c/6: Dicke burst in the symmetric (N+1)-state ladder (expm / Radau, N up to
               thousands), burst metrics and scaling fits, equal-time g2 of the burst, and the
               dephasing-quenched burst with qutip.piqs (small N).
blinking       Fig. 5: type A / type B telegraph blinking under pulsed excitation, photon-by-photon
               seeded simulation, intensity/lifetime traces, FLID histogram, correlation.
superlattice   Fig. 6c: superlattice rate enhancement vs T, weak-excitation model with phonon
               dephasing anchored to the 80 ps coherence time.
weak_excitation Fig. 6b-e: one excitation shared by N emitters (collective decay, local dephasing,
               static disorder), exact on the N^2 one-excitation block; 2x2 closed form.
hom            Indistinguishability: HOM visibility T2/(2 T1) and a seeded photon-pair dip.
dwell          Power-law blinking: truncated power-law dwell times, MLE fits, trace durations.
figures        Plotting helpers of the figure scripts (no physics).
sweeps/        The workflow's sweeps, one module each (points from the config, solve one point).

Units: ns and 1/ns (emission), s (blinking macro-times), nm (sizes), meV and K (linewidths).
Names are re-exported lazily: importing the package imports no numpy, scipy or qutip.
"""

from lightmatter.lazy import lazy_exports

_EXPORTS = {
    "FLID": "blinking",
    "BlinkingParams": "blinking",
    "BlinkingResult": "blinking",
    "BlinkingTraces": "blinking",
    "flid_axes": "blinking",
    "flid_histogram": "blinking",
    "intensity_lifetime_correlation": "blinking",
    "intensity_lifetime_traces": "blinking",
    "simulate_blinking": "blinking",
    "CascadeMonteCarlo": "single_photon",
    "CascadeRates": "single_photon",
    "PurityVsSize": "single_photon",
    "auger_lifetime": "single_photon",
    "biexciton_quantum_yield": "single_photon",
    "cascade_g2_cw": "single_photon",
    "cascade_g2_zero": "single_photon",
    "cascade_generator": "single_photon",
    "cascade_pulsed_monte_carlo": "single_photon",
    "cascade_rates": "single_photon",
    "purity_vs_size": "single_photon",
    "quantum_yield": "single_photon",
    "spe_g2": "single_photon",
    "spe_g2_irf": "single_photon",
    "dephasing_rate": "superlattice",
    "homogeneous_linewidth": "superlattice",
    "rate_enhancement": "superlattice",
    "DisorderAverage": "weak_excitation",
    "WeakExcitation": "weak_excitation",
    "disorder_average": "weak_excitation",
    "effective_lifetime": "weak_excitation",
    "incoherent_state": "weak_excitation",
    "liouvillian": "weak_excitation",
    "reduced_symmetric": "weak_excitation",
    "symmetric_state": "weak_excitation",
    "HOMSimulation": "hom",
    "hom_dip": "hom",
    "pure_dephasing_rate": "hom",
    "simulate_hom": "hom",
    "visibility": "hom",
    "DwellFit": "dwell",
    "DwellLaw": "dwell",
    "dwell_pdf": "dwell",
    "fit_dwell": "dwell",
    "powerlaw_telegraph": "dwell",
    "sample_dwell": "dwell",
    "trace_dwell_times": "dwell",
    "BurstG2": "superradiance",
    "BurstMetrics": "superradiance",
    "BurstScaling": "superradiance",
    "DephasedBurst": "superradiance",
    "DickeBurst": "superradiance",
    "LogFit": "superradiance",
    "PowerLawFit": "superradiance",
    "burst_g2": "superradiance",
    "burst_metrics": "superradiance",
    "burst_scaling": "superradiance",
    "default_time_grid": "superradiance",
    "dephased_burst": "superradiance",
    "dicke_burst": "superradiance",
    "dicke_generator": "superradiance",
    "dicke_rates": "superradiance",
    "fit_burst_scaling": "superradiance",
    "fit_delay_log": "superradiance",
    "fit_power_law": "superradiance",
    "independent_emitters": "superradiance",
    "mean_field_burst": "superradiance",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
