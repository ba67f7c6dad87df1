"""The workflow's sweeps of the ``auger_photoemission`` study: one module per sweep.

Each module names the figure(s) it feeds, turns the study's config section into parameter
points and solves one point (``docs/adding-a-study.md`` gives the contract). Shared variable
specs and config helpers are in ``_common``. Fig. 2b-c use the replenished steady state (every
emitted electron is returned to level 0: ASSUMED, ``docs/auger_photoemission.md`` §3); the
seed's closed bookkeeping only has a quasi-steady state, shown by the ``dynamics`` sweep.
"""

#: Citation and reference of the paper, written into every dataset of the study.
PAPER = (
    (
        "Y. Zeng, B. Zhang, K. Cao, X.-J. Liu, Y. Pan, Auger photoemission as a laser-like "
        "coherent cathode (preprint; seed text 000_38be2e173ad007b4)"
    ),
    "Zeng et al., Auger photoemission as a laser-like coherent cathode (no DOI in the seed)",
)
