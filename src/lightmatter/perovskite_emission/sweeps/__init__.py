"""The workflow's sweeps of the ``perovskite_emission`` study: one module per sweep.

Each module names the review figure(s) it feeds, turns the study's config section into
parameter points and solves one point (``docs/adding-a-study.md`` gives the contract). The
review (Chatterjee et al., MRS Communications 2024) shows experimental figures; these sweeps
compute the model counterparts of its physical claims (``docs/perovskite_emission.md``). Every
parameter is an assumption taken from the config (named in the captions). Units: ns and 1/ns
for emitter dynamics, s for blinking macro-times, nm for sizes. Shared variable specs are in
``_common``.
"""

PAPER = (
    "A. Chatterjee, S. Brasel, A. Bruncz, W. Wu et al., Progress and prospects of quantum "
    "emission from perovskites, MRS Communications (2024) (seed text 001_62db56f94d2632e2)",
    "Chatterjee et al., MRS Communications (2024) (no DOI in the seed)",
)
