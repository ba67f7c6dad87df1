"""Progress and prospects of quantum emission from perovskites.

A. Chatterjee, S. Brasel, A. Bruncz, W. Wu, S. Huang, MRS Communications (2024) (received
6 March 2024, accepted 13 June 2024), a Prospective/review (seed ``001_62db56f94d2632e2.txt``;
reconstructed physics in ``shared/physics/perovskite_emission.md``). The review's figures are
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
superlattice   Fig. 6c: TOY model of the superlattice radiative-rate enhancement vs T.

Units: ns and 1/ns (emission), s (blinking macro-times), nm (sizes), meV and K (toy model).
"""

from .blinking import (
    FLID,
    BlinkingParams,
    BlinkingResult,
    BlinkingTraces,
    flid_histogram,
    intensity_lifetime_correlation,
    intensity_lifetime_traces,
    simulate_blinking,
)
from .single_photon import (
    CascadeMonteCarlo,
    PurityVsSize,
    auger_lifetime,
    biexciton_quantum_yield,
    cascade_g2_cw,
    cascade_g2_zero,
    cascade_generator,
    cascade_pulsed_monte_carlo,
    purity_vs_size,
    quantum_yield,
    spe_g2,
    spe_g2_irf,
)
from .superlattice import homogeneous_linewidth, radiative_rate_enhancement
from .superradiance import (
    BurstG2,
    BurstMetrics,
    DephasedBurst,
    DickeBurst,
    LogFit,
    PowerLawFit,
    burst_g2,
    burst_metrics,
    default_time_grid,
    dephased_burst,
    dicke_burst,
    dicke_generator,
    dicke_rates,
    fit_delay_log,
    fit_power_law,
    independent_emitters,
    mean_field_burst,
)

__all__ = [
    "FLID",
    "BlinkingParams",
    "BlinkingResult",
    "BlinkingTraces",
    "BurstG2",
    "BurstMetrics",
    "CascadeMonteCarlo",
    "DephasedBurst",
    "DickeBurst",
    "LogFit",
    "PowerLawFit",
    "PurityVsSize",
    "auger_lifetime",
    "biexciton_quantum_yield",
    "burst_g2",
    "burst_metrics",
    "cascade_g2_cw",
    "cascade_g2_zero",
    "cascade_generator",
    "cascade_pulsed_monte_carlo",
    "default_time_grid",
    "dephased_burst",
    "dicke_burst",
    "dicke_generator",
    "dicke_rates",
    "fit_delay_log",
    "fit_power_law",
    "flid_histogram",
    "homogeneous_linewidth",
    "independent_emitters",
    "intensity_lifetime_correlation",
    "intensity_lifetime_traces",
    "mean_field_burst",
    "purity_vs_size",
    "quantum_yield",
    "radiative_rate_enhancement",
    "simulate_blinking",
    "spe_g2",
    "spe_g2_irf",
]
