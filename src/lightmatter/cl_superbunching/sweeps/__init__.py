"""The workflow's sweeps of the ``cl_superbunching`` study: one module per sweep.

Each module names the figure(s) it feeds, turns the study's config section into parameter
points and solves one point (``docs/adding-a-study.md`` gives the contract). Shared variable
specs are in ``_common``. Time is in units of the radiative lifetime tau
(``docs/cl_superbunching.md`` §0).
"""

PAPER = (
    "T. Yuge, N. Yamamoto, T. Sannomiya, K. Akiba, Superbunching in cathodoluminescence: "
    "a master equation approach, Phys. Rev. B 107, 165303 (2023), arXiv:2206.00933",
    "doi:10.1103/PhysRevB.107.165303",
)
