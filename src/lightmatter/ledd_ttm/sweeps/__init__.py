"""The workflow's sweeps of the ``ledd_ttm`` study: one module per sweep.

Each module names the figure(s) it feeds, turns the study's config section into parameter
points and solves one point (``docs/adding-a-study.md`` gives the contract). Cheap curves
(``band``, ``rates``, ``thermal``, ``ttm``) are solved in one job per sweep; every Boltzmann
run (``boltzmann``, ``convergence``: one material at one resolution) is a job of its own
(``FAN_OUT``). Materials are data: each point carries the full parameter dict of its
material(s), so a config change reruns exactly the affected points. Shared variable specs,
point builders and material checks are in ``_common``; the Boltzmann run shared by
``boltzmann`` and ``convergence`` is in ``_be``.
"""

#: Citation and reference of the paper, written into every dataset of the study.
PAPER = (
    (
        "H.-I. Un, S. Sarkar, Y. Sivan et al., The electronic and thermal response of low "
        "electron density Drude materials to ultrafast optical illumination, arXiv:2207.14528"
        " (seed text 003_acccfee11566d669)"
    ),
    "arXiv:2207.14528",
)
