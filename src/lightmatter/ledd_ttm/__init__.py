"""Electronic and thermal response of low electron density Drude materials (ITO vs Au).

Un, Sarkar, Sivan et al., arXiv:2207.14528 (seed ``003_acccfee11566d669.txt``; lost equations
and parameters reconstructed in ``shared/physics/ledd_ttm.md``).

Modules
-------
materials   Materials as data (:func:`material` from a name or a plain dict), with sources.
physics     Kane band and eDOS (Eqs. 1-2), mu(T_e), C_e(T_e) (Eqs. 23-25), e-ph coupling G and
            limits (Eqs. 26-28), e-ph and Fermi-liquid e-e rates (Eqs. 12-13, 18-19), Drude
            absorption (Eq. 7) and the two-temperature model (Eqs. 21-22).
boltzmann   Energy grid, excitation / e-ph / e-e collision terms, effective temperature
            (Eq. 20) and the Boltzmann solver.
kernels     Numba e-e collision kernel (pair-of-pairs symmetry, table lookups, pruning).
cases       Sweeps of the workflow.

Energies in eV, times in fs (solver arguments), everything else SI.
"""

from .boltzmann import (
    Grid,
    ee_collision,
    ee_collision_direct,
    ee_rates,
    effective_temperature,
    eph_collision,
    excitation,
    make_grid,
    solve_boltzmann,
)
from .materials import MATERIALS, SOURCES, Material, material
from .physics import (
    Pulse,
    absorbed_power,
    chemical_potential,
    dos,
    drude_permittivity,
    e_max,
    ee_rate_fermi_liquid,
    electron_heat_capacity,
    ep_coupling,
    ep_coupling_limit,
    eph_rate,
    eph_rate_approx,
    fermi_liquid_coefficient,
    internal_energy,
    solve_ttm,
    sommerfeld_coefficients,
    wavenumber,
)

__all__ = [
    "MATERIALS",
    "SOURCES",
    "Grid",
    "Material",
    "Pulse",
    "absorbed_power",
    "chemical_potential",
    "dos",
    "drude_permittivity",
    "e_max",
    "ee_collision",
    "ee_collision_direct",
    "ee_rate_fermi_liquid",
    "ee_rates",
    "effective_temperature",
    "electron_heat_capacity",
    "ep_coupling",
    "ep_coupling_limit",
    "eph_collision",
    "eph_rate",
    "eph_rate_approx",
    "excitation",
    "fermi_liquid_coefficient",
    "internal_energy",
    "make_grid",
    "material",
    "solve_boltzmann",
    "solve_ttm",
    "sommerfeld_coefficients",
    "wavenumber",
]
