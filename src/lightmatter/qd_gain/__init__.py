"""A path towards thresholdless colloidal quantum dot lasers (Zenatti & Kambhampati).

Seed ``002_8403fe716e40a802.txt``; the paper gives no equations, the model here follows the
reconstruction in ``docs/qd_gain.md`` (section numbers "§n" in docstrings refer to it).

Modules
-------
rate_equations  cw Siegman rate equations of 2/3/4-level systems, with and without ESA into the
                biexciton (Figs. 6d, 7b; §1).
statistics      Poisson vs Rabi (pulse-area, orientation-averaged) excitation statistics and the
                state populations P0, P1, P2 (Fig. 8b; §2).
spectra         Gaussian Simple Model OD_NL(E, <N>) of the four schemes (3LS/4LS, without or
                with ESA into XX), SE thresholds (two definitions) and cross-section ratios
                (Figs. 8a, 8c-h; §3-4).
ase             1-D stripe ASE from the SE spectra, the fluence <-> <N> mappings, the ASE
                threshold and the fit of the mapping scale to the paper's thresholds (Fig. 9; §5).
scaling         sigma_400 vs volume for CdSe and CsPbBr3, the universal threshold and the
                Fig. 10b curves (Fig. 10; §6).
plots           Plot helpers of the figure scripts (no physics).
sweeps/         The workflow's sweeps, one module each (points from the config, solve one point).

Energies in eV, fluences in mJ/cm^2, cross-sections in cm^2, volumes in nm^3; absorbances in
units of sigma_A (the peak of the linear absorption); cw times in units of tau_21.
"""

from lightmatter.lazy import lazy_exports

_EXPORTS = {
    "LEATHERDALE_CM2_PER_NM3_350": "scaling",
    "MAPPINGS": "ase",
    "N_to_fluence": "ase",
    "OCCUPANCIES": "statistics",
    "SCHEMES": "spectra",
    "STATISTICS": "statistics",
    "SYSTEMS": "rate_equations",
    "AseParams": "ase",
    "AseThreshold": "ase",
    "SimpleModel": "spectra",
    "Threshold": "spectra",
    "amplification": "ase",
    "analytic_se_threshold": "spectra",
    "ase_spectra": "ase",
    "ase_threshold": "ase",
    "band_edge_filling": "statistics",
    "components": "spectra",
    "cw_gain": "rate_equations",
    "cw_populations": "rate_equations",
    "cw_populations_numeric": "rate_equations",
    "cw_threshold": "rate_equations",
    "excited_fraction": "statistics",
    "fit_mapping_scale": "ase",
    "fit_pulse_area_fluence": "ase",
    "fit_pump_cross_section": "ase",
    "fluence_threshold": "scaling",
    "fluence_to_N": "ase",
    "fwhm_to_sigma": "spectra",
    "mean_occupancy": "statistics",
    "occupation": "statistics",
    "od_nl": "spectra",
    "peak_shift": "ase",
    "photons_per_mJ": "ase",
    "rate_matrix": "rate_equations",
    "scheme_model": "spectra",
    "se_cross_section_ratio": "spectra",
    "se_max_energy": "spectra",
    "se_threshold": "spectra",
    "sigma_400": "scaling",
    "shell_factor": "scaling",
    "shell_thickness_for_factor": "scaling",
    "xx_binding_for_factor": "scaling",
    "excitation_occupancy": "ase",
    "propagate": "ase",
    "stripe_output": "ase",
    "analytic_small_gain_threshold": "ase",
    "amplitude_factor": "ase",
    "spontaneous_source": "spectra",
    "state_populations": "statistics",
    "stokes_from_overlap": "spectra",
    "threshold_curves": "scaling",
    "with_binding": "spectra",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
