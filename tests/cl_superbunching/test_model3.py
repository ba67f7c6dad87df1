"""Physics tests of the kick-limit Model 3 (``docs/cl_superbunching.md`` §3.2; Suppl. S III of Yuge
et al. PRB 107, 165303 (2023)) and of the S16 fit / S17 distance."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy.special import comb

from lightmatter.cl_superbunching import model2
from lightmatter.cl_superbunching.model3 import (
    compare_fitted_model2,
    fit_model2_to_model3,
    flip_moments,
    flip_probability,
    flip_raw_moment,
    frobenius_decomposition,
    frobenius_distance,
    model2_electron_rate,
    model3_electron_kernel,
    model3_generator,
    model3_moments,
    model3_stationary,
)
from lightmatter.markov import check_generator, stationary_state

M, KAPPA = 10, 0.2


def _blocked_subset_generator(M: int, gamma_k: np.ndarray) -> np.ndarray:
    """Model-2-type chain with arbitrary per-subset rates: n -> n+k at gamma_k binom(M-n, k)."""
    W = np.zeros((M + 1, M + 1))
    for n in range(M + 1):
        for k in range(1, M - n + 1):
            W[n + k, n] += gamma_k[k] * comb(M - n, k)
        if n:
            W[n - 1, n] += n
    return W - np.diag(W.sum(axis=0))


def test_generator_is_valid_and_electrons_flip_down():
    W = model3_generator(M, 0.3, KAPPA).toarray()
    check_generator(W, atol=1e-13)
    assert np.allclose(W.sum(axis=0), 0.0, atol=1e-14)
    K = model3_electron_kernel(M, KAPPA)
    assert np.allclose(K.sum(axis=0), 1.0, atol=1e-13)
    # n -> n-2 can only be caused by electrons (radiative decay is n -> n-1)
    assert all(W[n - 2, n] > 0 for n in range(2, M + 1))
    # an electron flips a single excited emitter down exactly as often as a ground one up
    assert K[0, 1] == pytest.approx(K[1, 0] / M, rel=1e-12)


def test_weak_law_moments_and_overdispersion():
    k = 0.05  # clipping point x* ~ 100 tau_c: its effect is ~e^-100
    Ep = flip_raw_moment(k, 1)
    Ep2 = flip_raw_moment(k, 2)
    assert Ep == pytest.approx(k**2, rel=1e-10)
    assert Ep2 == pytest.approx(10.0 / 3.0 * k**4, rel=1e-10)
    assert Ep2 > 3.0 * Ep**2  # over-dispersion: E p^2 / (E p)^2 = 10/3
    fm = flip_moments(k, M)
    c = fm["configuration_weights"]
    j = np.arange(M + 1)
    assert np.sum(comb(M, j) * c) == pytest.approx(1.0, abs=1e-12)
    # mean number flipped per electron = M E p
    assert np.sum(comb(M, j) * j * c) == pytest.approx(M * k**2, rel=1e-10)
    assert fm["mean_p2"] == pytest.approx(Ep2, rel=1e-12)


def test_weak_law_is_clipped():
    x = np.array([0.5, 5.0, 50.0, 500.0])
    p = flip_probability(x, 0.3)
    assert np.all(p <= 0.5) and p[-1] == 0.5
    assert p[0] == pytest.approx(2 * 0.09 * (0.5 - 1 + np.exp(-0.5)), rel=1e-12)


def test_monte_carlo_flip_law():
    # weak noise: p(T = tau_c) = 0.0074; weak law within a few % (MC error 0.5 %)
    p, err = flip_probability(
        [1.0], 0.1, "monte_carlo", rng=11, n_samples=40_000, return_error=True
    )
    weak = flip_probability([1.0], 0.1)
    assert weak[0] < 0.02
    assert p[0] == pytest.approx(weak[0], rel=0.03)
    assert err[0] / p[0] < 0.01
    # strong noise / long pulse: full randomisation, p -> 1/2
    p_strong = flip_probability([3.0, 6.0], 5.0, "monte_carlo", rng=12, n_samples=20_000)
    assert np.all(np.abs(p_strong - 0.5) < 0.02)
    # seeded: identical repeat
    again = flip_probability([1.0], 0.1, "monte_carlo", rng=11, n_samples=40_000)
    assert again[0] == p[0]


def test_monte_carlo_flip_law_has_no_hidden_seed():
    with pytest.raises(ValueError, match="rng"):
        flip_probability([1.0], 0.1, "monte_carlo")
    with pytest.raises(ValueError, match="rng"):
        flip_moments(0.1, 3, "monte_carlo")
    with pytest.raises(ValueError, match="rng"):
        model3_stationary(3, 0.1, 0.1, "monte_carlo")


def test_mean_excited_identity_and_large_rate_limit():
    # d<n>/dt = -<n> + r E_T p (M - 2<n>)  (equal up/down flip probability) => exact closed form
    r = np.array([1e-3, 0.1, 1.0, 10.0])
    Ep = flip_moments(KAPPA, M)["mean_p"]
    q = model3_moments(M, r, KAPPA)
    assert np.allclose(q["mean_n"], r * M * Ep / (1 + 2 * r * Ep), rtol=1e-9)
    big = model3_moments(M, np.array([1e7]), KAPPA)
    assert big["mean_n"][0] == pytest.approx(M / 2, rel=1e-4)
    assert big["g2_zero"][0] == pytest.approx(1 - 1 / M, rel=1e-6)
    # Model 2 saturates at full inversion instead (<n> -> M), Model 3 at the uniform state
    P = model3_stationary(M, 1e7, KAPPA)
    assert P == pytest.approx(comb(M, np.arange(M + 1)) / 2**M, abs=1e-5)


def test_small_rate_limit_is_model2_with_mixture_rates():
    c = flip_moments(KAPPA, M)["configuration_weights"]
    diffs = []
    for r in (1e-3, 1e-4):
        P2 = stationary_state(_blocked_subset_generator(M, r * c))
        P3 = model3_stationary(M, r, KAPPA)
        q2 = np.array([P2 @ np.arange(M + 1), P2 @ (np.arange(M + 1) * np.arange(-1, M))])
        q3 = np.array([P3 @ np.arange(M + 1), P3 @ (np.arange(M + 1) * np.arange(-1, M))])
        diffs.append(np.abs(q2 / q3 - 1))
    assert np.all(diffs[0] < 1e-3)
    # the residual difference is O(r tau): ten times smaller at ten times smaller rate
    assert np.allclose(diffs[0] / diffs[1], 10.0, rtol=0.05)


def test_single_point_fit_is_exact_and_overdispersed():
    r_fit = 0.01
    fit = fit_model2_to_model3(M, r_fit, KAPPA)
    m2 = model2.model2_moments(M, fit["p"], fit["gamma_prime_tau"])
    m3 = model3_moments(M, r_fit, KAPPA)
    for key in ("mean_n", "factorial_moment2", "g2_zero"):
        assert abs(float(m2[key]) / float(m3[key]) - 1) < 1e-6
    assert fit["objective"] < 1e-12
    Ep = flip_moments(KAPPA, M)["mean_p"]
    assert fit["p"] > 2.0 * Ep  # binomial must mimic an over-dispersed mixture
    # and the flux is shared out accordingly: gamma' M p ~ r M E p
    assert fit["gamma_prime_tau"] * fit["p"] == pytest.approx(r_fit * Ep, rel=0.02)


def test_fit_is_deterministic_and_start_independent():
    a = fit_model2_to_model3(M, 0.01, KAPPA)
    b = fit_model2_to_model3(M, 0.01, KAPPA, x0=(0.5, 0.01))
    assert a["p"] == pytest.approx(b["p"], rel=1e-7)
    assert a["gamma_prime_tau"] == pytest.approx(b["gamma_prime_tau"], rel=1e-7)


def _full_state(P: np.ndarray, M: int) -> np.ndarray:
    diag = np.array([P[sum(s)] / comb(M, sum(s)) for s in itertools.product((0, 1), repeat=M)])
    return np.diag(diag)


@pytest.mark.parametrize("Mf", [3, 4])
def test_frobenius_matches_full_hilbert_space(Mf):
    rng = np.random.default_rng(Mf)
    Pa, Pb = rng.dirichlet(np.ones(Mf + 1)), rng.dirichlet(np.ones(Mf + 1))
    ra, rb = _full_state(Pa, Mf), _full_state(Pb, Mf)
    assert np.trace(ra) == pytest.approx(1.0)
    direct = np.linalg.norm(ra - rb) / np.linalg.norm(rb)
    assert frobenius_distance(Pa, Pb, Mf) == pytest.approx(direct, rel=1e-12)
    assert frobenius_distance(Pa, Pb, Mf, relative=False) == pytest.approx(
        np.linalg.norm(ra - rb), rel=1e-12
    )
    assert frobenius_distance(Pa, Pa, Mf) == 0.0
    parts = frobenius_decomposition(Pa, Pb, Mf)
    assert parts["ground"] == pytest.approx(abs(Pa[0] - Pb[0]) / Pb[0])
    mask = np.ones(2**Mf, bool)
    mask[0] = False
    rest = np.linalg.norm(np.diag(ra - rb)[mask]) / np.linalg.norm(np.diag(rb)[mask])
    assert parts["rest"] == pytest.approx(rest, rel=1e-12)
    # population outside the all-ground state, from the full density matrices
    rest_pop = abs(np.trace(ra - rb) - (ra - rb)[0, 0]) / (np.trace(rb) - rb[0, 0])
    assert parts["rest_population"] == pytest.approx(rest_pop, rel=1e-10)
    # both states normalised: it is the all-ground difference seen relative to 1 - P_0
    assert parts["rest_population"] == pytest.approx(
        parts["ground"] * Pb[0] / (1.0 - Pb[0]), rel=1e-10
    )
    assert parts["total"] == frobenius_distance(Pa, Pb, Mf)


def test_fitted_model2_along_the_rate_sweep_matches_the_fit():
    # two fit points: Model 2 is tied to Model 3 by gamma'(r) = (gamma'_fit / r_fit) r, and the
    # comparison along the sweep must reproduce the fit's own S16 residuals at the fit points
    r_fit = np.array([0.01, 0.1])
    fit = fit_model2_to_model3(M, r_fit, KAPPA)
    g = model2_electron_rate(fit, r_fit)
    assert g[0] == pytest.approx(fit["gamma_prime_tau"], rel=1e-15)
    assert g[1] / g[0] == pytest.approx(10.0, rel=1e-14)
    cmp = compare_fitted_model2(M, r_fit, KAPPA, fit)
    terms = np.stack(
        [cmp["reldiff_mean_n"], cmp["reldiff_factorial_moment2"], cmp["reldiff_g2_zero"]], axis=-1
    )
    assert np.allclose(terms, fit["relative_differences"], rtol=1e-10, atol=1e-14)
    assert np.sum(terms**2) == pytest.approx(fit["objective"], rel=1e-10)


def test_fitted_model2_steady_states():
    r_fit = 0.01
    fit = fit_model2_to_model3(M, r_fit, KAPPA)
    r = np.array([1e-4, r_fit, 1.0])
    cmp = compare_fitted_model2(M, r, KAPPA, fit)
    # Model 3 side is Model 3; at the (single) fit point the fit is exact (two parameters)
    m3 = model3_moments(M, r, KAPPA)
    assert np.allclose(cmp["g2_zero_model3"], m3["g2_zero"], rtol=1e-12)
    for q in ("mean_n", "factorial_moment2", "g2_zero"):
        assert abs(cmp[f"reldiff_{q}"][1]) < 1e-6
    # the Fig. S6(e) curves against the full states at each rate
    for i, ri in enumerate(r):
        P2 = model2.model2_stationary(M, fit["p"], fit["gamma_prime_tau"] * ri / r_fit)
        P3 = model3_stationary(M, ri, KAPPA)
        assert cmp["frobenius_distance"][i] == pytest.approx(frobenius_distance(P2, P3, M))
        assert cmp["reldiff_P0"][i] == pytest.approx(abs(P2[0] - P3[0]) / P3[0], rel=1e-9)
    # both models go to the all-ground state as r -> 0: the distance vanishes linearly in r
    assert cmp["frobenius_distance"][0] < 1e-2 * cmp["frobenius_distance"][2]
    # far from the fit point the models differ (over-dispersion, down-flips)
    assert cmp["frobenius_distance"][2] > 1e-3
