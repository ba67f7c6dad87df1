"""The workflow's sweeps of the ``qd_gain`` study: one module per sweep.

Each module names the figure(s) it feeds, turns the study's config section into parameter
points and solves one point (``docs/adding-a-study.md`` gives the contract). Shared variable
specs and config-to-point helpers are in ``_common``; ``_models`` builds the Simple Model and
ASE parameter objects from a point (physics imported inside its functions).

The Simple Model *scheme* (coordinate ``scheme``) is one of 3LS, 4LS, 3LS_ESA, 4LS_ESA: a
3- or 4-level lasing scheme, without or with ESA into the biexciton (``docs/qd_gain.md`` §3.1).
"""

#: Citation and reference of the paper, written into every dataset of the study.
PAPER = (
    (
        "D. Zenatti, P. Kambhampati, A path towards thresholdless colloidal quantum dot "
        "lasers by solving decades of mythology on optical gain (seed text "
        "002_8403fe716e40a802)"
    ),
    (
        "Zenatti & Kambhampati, A path towards thresholdless colloidal quantum dot lasers (no"
        " DOI in the seed)"
    ),
)
