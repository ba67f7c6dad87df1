"""A path towards thresholdless colloidal quantum dot lasers (Zenatti & Kambhampati).

Seed ``002_8403fe716e40a802.txt``; the paper gives no equations, the model here follows the
reconstruction in ``shared/physics/qd_gain.md`` (section numbers "note §n" in docstrings).

Modules
-------
rate_equations  cw Siegman rate equations of 2/3/4-level systems, with and without ESA into the
                biexciton (Figs. 6d, 7b; note §1).
statistics      Poisson vs Rabi (pulse-area, orientation-averaged) excitation statistics and the
                state populations P0, P1, P2 (Fig. 8b; note §2).
spectra         Gaussian Simple Model OD_NL(E, <N>), SE thresholds (two definitions) and
                cross-section ratios (Figs. 8a, 8c-h; note §3-4).
ase             1-D stripe ASE from the SE spectra, the fluence <-> <N> mappings and the ASE
                threshold (Fig. 9; note §5).
scaling         sigma_400 vs volume for CdSe and CsPbBr3 and the universal threshold (Fig. 10;
                note §6).

Energies in eV, fluences in mJ/cm^2, cross-sections in cm^2, volumes in nm^3; absorbances in
units of sigma_A (the peak of the linear absorption); cw times in units of tau_21.
"""

from .ase import (
    MAPPINGS,
    AseParams,
    AseThreshold,
    N_to_fluence,
    amplification,
    ase_spectra,
    ase_threshold,
    fit_pulse_area_fluence,
    fluence_to_N,
    photons_per_mJ,
)
from .rate_equations import (
    SYSTEMS,
    cw_gain,
    cw_populations,
    cw_populations_numeric,
    cw_threshold,
    rate_matrix,
)
from .scaling import LEATHERDALE_CM2_PER_NM3_350, fluence_threshold, sigma_400
from .spectra import (
    CASES,
    SimpleModel,
    Threshold,
    analytic_se_threshold,
    case_model,
    components,
    od_nl,
    se_cross_section_ratio,
    se_max_energy,
    se_threshold,
    spontaneous_source,
    stokes_from_overlap,
    with_binding,
)
from .statistics import (
    OCCUPANCIES,
    STATISTICS,
    band_edge_filling,
    mean_occupancy,
    occupation,
    state_populations,
)

__all__ = [
    "CASES",
    "LEATHERDALE_CM2_PER_NM3_350",
    "MAPPINGS",
    "OCCUPANCIES",
    "STATISTICS",
    "SYSTEMS",
    "AseParams",
    "AseThreshold",
    "N_to_fluence",
    "SimpleModel",
    "Threshold",
    "amplification",
    "analytic_se_threshold",
    "ase_spectra",
    "ase_threshold",
    "band_edge_filling",
    "case_model",
    "components",
    "cw_gain",
    "cw_populations",
    "cw_populations_numeric",
    "cw_threshold",
    "fit_pulse_area_fluence",
    "fluence_threshold",
    "fluence_to_N",
    "mean_occupancy",
    "occupation",
    "od_nl",
    "photons_per_mJ",
    "rate_matrix",
    "se_cross_section_ratio",
    "se_max_energy",
    "se_threshold",
    "sigma_400",
    "spontaneous_source",
    "state_populations",
    "stokes_from_overlap",
    "with_binding",
]
