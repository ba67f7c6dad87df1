"""Physics checks of Model 2 (Yuge et al. PRB 107, 165303 (2023), Sec. IV, Eqs. 21-24, S II)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lightmatter import markov
from lightmatter.cl_superbunching import model1 as m1
from lightmatter.cl_superbunching.model2 import (
    binomial_relative_fluctuation,
    compare_with_model1,
    model1_equivalent,
    model2_g2_delay,
    model2_g2_zero_large_rate_limit,
    model2_generator,
    model2_moments,
    model2_rates,
    model2_stationary,
    pl_g2_zero,
    pl_generator,
    small_rate_relative_difference,
)


# ------------------------------------------------------------------ rates and generator
def test_rates_eq21():
    M, p, g = 5, 0.3, 2.0
    r = model2_rates(M, p, g)
    assert r[0] == 0.0
    for k in range(1, M + 1):
        assert r[k] == pytest.approx(g * p**k * (1 - p) ** (M - k), rel=1e-13)
    # sum over all subsets (k >= 1) = electron rate times P(at least one emitter excited)
    total = sum(math.comb(M, k) * r[k] for k in range(M + 1))
    assert total == pytest.approx(g * (1 - (1 - p) ** M), rel=1e-13)
    # mean number of excitations per unit time = gamma' M p (flux identity behind Eq. 23)
    flux = sum(k * math.comb(M, k) * r[k] for k in range(M + 1))
    assert flux == pytest.approx(g * M * p, rel=1e-13)


@pytest.mark.parametrize(
    ("M", "p", "g"), [(1, 0.4, 0.2), (4, 0.3, 1.7), (7, 1.0, 0.5), (12, 0.05, 30)]
)
def test_generator_entries(M, p, g):
    W = model2_generator(M, p, g)
    markov.check_generator(W, atol=1e-13)
    A = W.toarray()
    r = model2_rates(M, p, g)
    for n in range(M + 1):
        for m in range(M + 1):
            if m > n:
                expected = r[m - n] * math.comb(M - n, m - n)
            elif m == n - 1:
                expected = float(n)
            elif m == n:
                continue
            else:
                expected = 0.0
            assert A[m, n] == pytest.approx(expected, rel=1e-12, abs=1e-300)
        # total excitation rate out of n (``docs/cl_superbunching.md`` §2.4)
        out_up = A[n + 1 :, n].sum()
        assert out_up == pytest.approx(
            g * (1 - p) ** n * (1 - (1 - p) ** (M - n)), rel=1e-12, abs=1e-15
        )


def test_generator_large_M_is_finite():
    # gamma_k alone underflows for large M; the rates gamma_k binom(M - n, k) must not
    W = model2_generator(1500, 0.5, 1.0)
    A = W.toarray()
    assert np.all(np.isfinite(A))
    assert A[750, 0] == pytest.approx(math.exp(-0.5 * math.log(math.pi * 750)), rel=1e-3)
    P = model2_stationary(1500, 0.5, 1e-3)
    assert abs(P.sum() - 1) < 1e-12


# ------------------------------------------------------------------ relation to Model 1
@pytest.mark.parametrize("N", [1, 2, 3, 6, 10])
@pytest.mark.parametrize("g", [1e-3, 0.2, 5.0])
def test_p1_reproduces_model1_exactly(N, g):
    W2 = model2_generator(N, 1.0, g).toarray()
    W1 = m1.model1_generator(N, g).toarray()
    assert np.max(np.abs(W2 - W1)) <= 1e-15 * max(1.0, g)
    P2 = model2_stationary(N, 1.0, g)
    assert np.max(np.abs(P2 / m1.stationary_distribution(N, g) - 1)) < 1e-12
    mom = model2_moments(N, 1.0, g)
    assert mom["mean_n"] == pytest.approx(m1.mean_excited(N, g), rel=1e-12)
    if N > 1:
        assert mom["g2_zero"] == pytest.approx(m1.g2_zero(N, g), rel=1e-12)
    t = np.linspace(0, 5, 11)
    assert np.max(np.abs(model2_g2_delay(t, N, 1.0, g) - m1.g2_delay(t, N, g))) < 1e-10


def test_model1_equivalent_and_fluctuation():
    assert model1_equivalent(20, 0.25) == (5.0, 1.0)
    assert model1_equivalent(20, 0.25, 0.03) == (5.0, 0.03)
    assert binomial_relative_fluctuation(20, 0.25) == pytest.approx(math.sqrt(0.75 / 5), rel=1e-15)
    assert binomial_relative_fluctuation(7, 1.0) == 0.0
    # fluctuation (Eq. 24) falls with M at fixed p and with p at fixed M
    assert binomial_relative_fluctuation(40, 0.5) < binomial_relative_fluctuation(10, 0.5)
    assert binomial_relative_fluctuation(20, 0.8) < binomial_relative_fluctuation(20, 0.2)


@pytest.mark.parametrize(("M", "p"), [(20, 0.25), (10, 0.5), (4, 0.75), (40, 0.5), (20, 0.1)])
def test_small_gamma_relative_difference(M, p):
    # ``docs/cl_superbunching.md`` §2.3: Delta g2(0) / g2_1(0) -> (1 - p) / (N - 1) with N = M p,
    # gamma = gamma'
    N, _ = model1_equivalent(M, p)
    target = (1 - p) / (N - 1)
    diffs = []
    for g in [1e-3, 1e-4, 1e-5]:
        mom = model2_moments(M, p, g)
        g2_1 = m1.g2_zero(N, g)
        rel = (mom["g2_zero"] - g2_1) / g2_1
        diffs.append(abs(rel - target))
        assert mom["g2_zero"] > g2_1  # Model 2 bunches more at small gamma (seed, Fig. S1)
        fm2_rel = (mom["factorial_moment2"] - m1.factorial_moment2(N, g)) / m1.factorial_moment2(
            N, g
        )
        assert fm2_rel == pytest.approx(target, rel=0.05)
        # <n> differs only at O(gamma tau)
        n_rel = (mom["mean_n"] - m1.mean_excited(N, g)) / m1.mean_excited(N, g)
        assert abs(n_rel) < 5 * g
    assert diffs[-1] < 1e-4 * max(1.0, target * 10)
    # convergence is linear in gamma
    assert diffs[1] == pytest.approx(diffs[0] / 10, rel=0.1)


def test_compare_with_model1_is_exact_for_p_one():
    # p = 1, M = N: every electron excites all M emitters, Model 2 is Model 1 (§2.2)
    g = np.geomspace(1e-3, 10.0, 7)
    c = compare_with_model1(4, 1.0, 4, g)
    assert np.array_equal(c["mean_n_model1"], m1.mean_excited(4, g))
    assert np.array_equal(c["g2_zero_model1"], m1.g2_zero(4, g))
    for q in ("mean_n", "factorial_moment2", "g2_zero"):
        assert np.max(np.abs(c[f"reldiff_{q}"])) < 1e-10


@pytest.mark.parametrize(("M", "p"), [(20, 0.25), (10, 0.5), (40, 0.5)])
def test_compare_with_model1_approaches_the_small_rate_asymptote(M, p):
    N = round(M * p)
    target = float(small_rate_relative_difference(N, p))
    assert target == pytest.approx((1 - p) / (N - 1), rel=1e-15)
    errs = []
    for g in (1e-4, 1e-5):
        c = compare_with_model1(M, p, N, np.array([g]))
        assert c["reldiff_factorial_moment2"][0] == pytest.approx(target, rel=0.05)
        errs.append(abs(c["reldiff_g2_zero"][0] - target))
    assert errs[1] < 1e-4 * max(1.0, 10 * target)
    assert errs[1] == pytest.approx(errs[0] / 10, rel=0.1)  # linear in gamma tau


def test_relative_differences_undefined_for_one_emitter():
    # N = 1: Model 1 never has two excited emitters, <n(n-1)> = g2(0) = 0
    c = compare_with_model1(5, 0.2, 1, np.array([1e-2, 1.0]))
    assert np.all(c["g2_zero_model1"] == 0.0)
    assert np.all(np.isnan(c["reldiff_g2_zero"]))
    assert np.all(np.isnan(c["reldiff_factorial_moment2"]))
    assert np.all(np.isfinite(c["reldiff_mean_n"]))
    assert np.isnan(small_rate_relative_difference(1, 0.2))
    with pytest.raises(ValueError, match=r"Eq\. 22"):
        compare_with_model1(5, 0.2, 2, np.array([1e-2]))
    # at fixed p the asymptote falls like 1/(M p - 1)
    Ms = np.array([4.0, 8.0, 16.0])
    assert np.allclose(small_rate_relative_difference(Ms * 0.5, 0.5), 0.5 / (Ms * 0.5 - 1))


def test_relative_difference_falls_with_M_at_fixed_p():
    g, p = 1e-2, 0.5
    rel = []
    for M in [4, 8, 16, 32]:
        N, _ = model1_equivalent(M, p)
        mom = model2_moments(M, p, g)
        rel.append((mom["g2_zero"] - m1.g2_zero(N, g)) / m1.g2_zero(N, g))
    assert np.all(np.diff(rel) < 0) and rel[-1] > 0


# ------------------------------------------------------------------ large excitation rate / PL
@pytest.mark.parametrize(("M", "g"), [(1, 1e8), (2, 1e8), (3, 1e8), (5, 1e9), (10, 1e11)])
def test_large_rate_limit_is_fock_state(M, g):
    P = model2_stationary(M, 0.5, g)
    assert P[M] > 1 - 1e-6
    mom = model2_moments(M, 0.5, g)
    assert mom["g2_zero"] == pytest.approx(1 - 1 / M, abs=1e-9)
    assert model2_g2_zero_large_rate_limit(M) == pl_g2_zero(M) == 1 - 1 / M


def test_large_rate_approach_is_non_monotonic():
    # a dip below 1 - 1/M before saturation (Suppl. Fig. S4; ``docs/cl_superbunching.md`` §2.4)
    gs = np.logspace(0, 10, 41)
    for M in [3, 10]:
        d = np.asarray(model2_moments(M, 0.5, gs)["g2_zero"]) - (1 - 1 / M)
        assert d[0] > 0 and d.min() < -1e-3 and abs(d[-1]) < 1e-6


@pytest.mark.parametrize("M", [1, 2, 3, 8])
def test_pl_model_g2_is_one_minus_one_over_M_at_every_rate(M):
    n = np.arange(M + 1, dtype=float)
    for g in [1e-3, 0.5, 1.0, 40.0]:
        W = pl_generator(M, g)
        markov.check_generator(W, atol=1e-13)
        P = markov.stationary_state(W)
        q = g / (1 + g)
        binom = np.array([math.comb(M, k) * q**k * (1 - q) ** (M - k) for k in range(M + 1)])
        assert np.max(np.abs(P - binom)) < 1e-13
        g2 = (n * (n - 1)) @ P / (n @ P) ** 2
        assert g2 == pytest.approx(pl_g2_zero(M), abs=1e-12)


# ------------------------------------------------------------------ QRT g2(t) of Model 2
@pytest.mark.parametrize(("M", "p", "g"), [(3, 0.4, 0.1), (6, 0.3, 2.0), (10, 0.5, 0.01)])
def test_model2_g2_delay_endpoints_and_vectorisation(M, p, g):
    mom = model2_moments(M, p, g)
    assert model2_g2_delay(0.0, M, p, g) == pytest.approx(mom["g2_zero"], rel=1e-12)
    assert model2_g2_delay(80.0, M, p, g) == pytest.approx(1.0, abs=1e-10)
    t = np.array([-1.0, 1.0])
    v = model2_g2_delay(t, M, p, g)
    assert v.shape == (2,) and v[0] == v[1]


def test_moments_vectorised():
    gs = np.array([1e-3, 0.1, 10.0])
    vec = model2_moments(5, 0.4, gs)
    for i, g in enumerate(gs):
        one = model2_moments(5, 0.4, float(g))
        for key in ("mean_n", "factorial_moment2", "g2_zero"):
            assert vec[key][i] == one[key]
            assert isinstance(one[key], float)


# ------------------------------------------------------------------ validation
@pytest.mark.parametrize("bad_p", [0.0, -0.1, 1.01, float("nan"), "a"])
def test_bad_p_raises(bad_p):
    with pytest.raises(ValueError, match="p"):
        model2_generator(5, bad_p, 1.0)
    with pytest.raises(ValueError):
        binomial_relative_fluctuation(5, bad_p)


@pytest.mark.parametrize("bad_M", [0, -1, 2.5, None])
def test_bad_M_raises(bad_M):
    with pytest.raises(ValueError, match="M"):
        model2_rates(bad_M, 0.5, 1.0)
    with pytest.raises(ValueError):
        pl_g2_zero(bad_M)


@pytest.mark.parametrize("bad_g", [0.0, -2.0, float("inf"), float("nan")])
def test_bad_rate_raises(bad_g):
    with pytest.raises(ValueError, match="gamma_prime_tau"):
        model2_stationary(4, 0.5, bad_g)
    with pytest.raises(ValueError):
        model2_moments(4, 0.5, [1.0, bad_g])
    with pytest.raises(ValueError):
        pl_generator(4, bad_g)
