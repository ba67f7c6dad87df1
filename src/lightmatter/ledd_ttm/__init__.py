"""Electronic and thermal response of low electron density Drude materials (ITO vs Au).

Un, Sarkar, Sivan et al., arXiv:2207.14528 (seed ``003_acccfee11566d669.txt``; lost equations
and parameters reconstructed in ``docs/ledd_ttm.md``).

Modules
-------
materials      Materials as data (:func:`material` from a name or a plain dict), with sources.
physics        Kane band and eDOS (Eqs. 1-2), mu(T_e), C_e(T_e) (Eqs. 23-25), e-ph coupling G
               and limits (Eqs. 26-28), e-ph and Fermi-liquid e-e rates (Eqs. 12-13, 18-19),
               Drude absorption (Eq. 7) and the two-temperature model (Eqs. 21-22).
boltzmann      Energy grid, excitation / e-ph / e-e collision terms, effective temperature
               (Eq. 20) and the Boltzmann solver.
kernels        Numba e-e collision kernel (pair-of-pairs symmetry, table lookups, pruning).
fokker_planck  Fokker-Planck form of the e-ph term (Eq. 29, Fig. 6).
sweeps/        The workflow's sweeps, one module each (points from the config, solve one point).

Energies in eV, times in fs (solver arguments), everything else SI. Names are re-exported
lazily: importing this package imports neither numba nor scipy.
"""

from lightmatter.lazy import lazy_exports

_EXPORTS = {
    "FIELDS": "materials",
    "MATERIALS": "materials",
    "SOURCES": "materials",
    "Grid": "boltzmann",
    "Material": "materials",
    "Pulse": "physics",
    "absorbed_power": "physics",
    "chemical_potential": "physics",
    "cooling_rate": "physics",
    "dos": "physics",
    "drude_permittivity": "physics",
    "e_max": "physics",
    "ee_collision": "boltzmann",
    "ee_collision_direct": "boltzmann",
    "ee_rate_fermi_liquid": "physics",
    "ee_rates": "boltzmann",
    "effective_temperature": "boltzmann",
    "electron_heat_capacity": "physics",
    "ep_coupling": "physics",
    "ep_coupling_limit": "physics",
    "eph_collision": "boltzmann",
    "eph_rate": "physics",
    "eph_rate_approx": "physics",
    "eps_star_on_grid": "physics",
    "excitation": "boltzmann",
    "fermi_liquid_coefficient": "physics",
    "grid_chemical_potential": "physics",
    "internal_energy": "physics",
    "make_grid": "boltzmann",
    "material": "materials",
    "snapshot_terms": "fokker_planck",
    "solve_boltzmann": "boltzmann",
    "solve_ttm": "physics",
    "sommerfeld_coefficients": "physics",
    "thermal_ee_rates": "boltzmann",
    "wavenumber": "physics",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
