"""Physics checks of Model 1 (Yuge et al. PRB 107, 165303 (2023), Eqs. 7-20, 34-41)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from lightmatter import markov
from lightmatter.cl_superbunching.model1 import (
    emission_jump,
    factorial_moment2,
    first_order_rates,
    g2_bin_average,
    g2_delay,
    g2_delay_approx,
    g2_initial_slope,
    g2_zero,
    harmonic_number,
    mean_excited,
    model1_generator,
    stationary_distribution,
    stationary_distribution_numeric,
    superbunching_threshold,
    tau_eff,
)

N_VALUES = [1, 2, 3, 5, 10, 20, 50]
GAMMAS = np.logspace(-4, 2, 13)


def _rel(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return np.max(np.abs(a - b) / np.abs(b))


# ------------------------------------------------------------------ generator / stationary state
@pytest.mark.parametrize("N", N_VALUES)
def test_generator_is_valid_rate_matrix_with_eq7_9_entries(N):
    g = 0.37
    W = model1_generator(N, g)
    markov.check_generator(W, atol=1e-14)
    A = W.toarray()
    assert A[N, 0] == g and A[0, 0] == -g
    for n in range(1, N + 1):
        assert A[n - 1, n] == n and A[n, n] == -n
    # no other transitions: the only way up is 0 -> N
    assert np.count_nonzero(A) == 2 + 2 * N


def test_harmonic_number():
    assert harmonic_number(1) == 1.0
    assert harmonic_number(4) == pytest.approx(25 / 12, rel=1e-15)
    assert harmonic_number(1000) == pytest.approx(7.485470860550345, rel=1e-14)


@pytest.mark.parametrize("N", N_VALUES)
def test_closed_form_stationary_state_equals_null_vector(N):
    n = np.arange(N + 1, dtype=float)
    for g in GAMMAS:
        P_cf = stationary_distribution(N, g)
        P_num = stationary_distribution_numeric(N, g)
        assert _rel(P_num, P_cf) < 1e-12
        assert abs(P_cf.sum() - 1.0) < 1e-14
        assert np.all(np.abs(model1_generator(N, g) @ P_cf) < 1e-14 * max(1.0, g))
        # moments and Eq. 16 from the numerical null vector
        mean_num = n @ P_num
        fm2_num = (n * (n - 1)) @ P_num
        assert _rel(mean_num, mean_excited(N, g)) < 1e-12
        if N == 1:
            assert fm2_num == 0.0 and factorial_moment2(N, g) == 0.0
            assert g2_zero(N, g) == 0.0
        else:
            assert _rel(fm2_num, factorial_moment2(N, g)) < 1e-12
            assert _rel(fm2_num / mean_num**2, g2_zero(N, g)) < 1e-12


def test_closed_forms_are_vectorised():
    N = 7
    gv = np.array([[1e-3, 0.1], [1.0, 30.0]])
    for fun in (mean_excited, factorial_moment2, g2_zero, tau_eff, g2_initial_slope):
        vec = fun(N, gv)
        assert vec.shape == gv.shape
        for idx, g in np.ndenumerate(gv):
            assert vec[idx] == fun(N, float(g))
    P = stationary_distribution(N, gv)
    assert P.shape == (2, 2, N + 1)
    assert np.allclose(P[1, 0], stationary_distribution(N, 1.0), rtol=1e-15, atol=0)


# ------------------------------------------------------------------ g2(0): Eq. 16 and limits
def test_n1_is_exactly_antibunched():
    g = np.logspace(-3, 3, 7)
    assert np.all(g2_zero(1, g) == 0.0)


@pytest.mark.parametrize("N", [2, 3, 5, 10, 20, 50])
def test_g2_zero_limits(N):
    H = harmonic_number(N)
    small = 1e-9
    assert g2_zero(N, small) == pytest.approx((N - 1) / (2 * N * small), rel=2 * small * H)
    large = 1e9
    assert g2_zero(N, large) == pytest.approx((N - 1) * H / (2 * N), rel=1e-8)
    # monotonically decreasing in gamma_tau, and ~ 1/gamma_tau (superbunching ~ 1/I)
    g = np.logspace(-4, 2, 50)
    assert np.all(np.diff(g2_zero(N, g)) < 0)


@pytest.mark.parametrize("N", [2, 3, 5, 10, 20, 30])
def test_superbunching_threshold_gives_g2_equal_2(N):
    gs = superbunching_threshold(N)
    assert math.isfinite(gs) and gs > 0
    assert g2_zero(N, gs) == pytest.approx(2.0, rel=1e-13)
    assert g2_zero(N, 0.99 * gs) > 2.0 > g2_zero(N, 1.01 * gs)


def test_superbunching_threshold_edge_cases():
    assert superbunching_threshold(1) == 0.0
    assert superbunching_threshold(2) == pytest.approx(1 / 6.5, rel=1e-15)
    # threshold grows with N; beyond some N Eq. 16 exceeds 2 at every rate
    thr = [superbunching_threshold(N) for N in range(2, 31)]
    assert np.all(np.diff(thr) > 0)
    assert superbunching_threshold(34) == pytest.approx(333.1, rel=1e-3)
    big = 35
    assert superbunching_threshold(big) == math.inf
    assert np.all(g2_zero(big, np.logspace(-3, 6, 20)) > 2.0)


# ------------------------------------------------------------------ g2(t) by QRT
@pytest.mark.parametrize("g", [1e-3, 0.3, 5.0])
def test_n1_g2_delay_closed_form(g):
    t = np.linspace(0, 8, 41)
    exact = 1.0 - np.exp(-(1.0 + g) * t)
    assert np.max(np.abs(g2_delay(t, 1, g) - exact)) < 1e-12


@pytest.mark.parametrize("N", [2, 3, 5, 10, 20, 50])
@pytest.mark.parametrize("g", [1e-3, 0.05, 2.0])
def test_g2_delay_endpoints(N, g):
    assert g2_delay(0.0, N, g) == pytest.approx(g2_zero(N, g), rel=1e-13)
    # g2 -> 1 at long delay; deep in the invalid regime (N = 50, gamma tau = 2) the slowest
    # mode is an oscillating pair with decay time ~3 tau, hence the looser bound at t = 60
    assert g2_delay(60.0, N, g) == pytest.approx(1.0, abs=1e-9 if N * g < 50 else 1e-7)
    assert g2_delay(300.0, N, g) == pytest.approx(1.0, abs=1e-12)


def test_g2_delay_is_even_and_shape_preserving():
    t = np.array([[-2.0, -0.3], [0.3, 2.0]])
    out = g2_delay(t, 4, 0.1)
    assert out.shape == t.shape
    assert out[0, 0] == out[1, 1] and out[0, 1] == out[1, 0]
    assert isinstance(g2_delay(0.5, 4, 0.1), float)


@pytest.mark.parametrize("N", [1, 2, 5, 10])
@pytest.mark.parametrize("g", [1e-2, 0.3, 3.0])
def test_initial_slope_matches_finite_difference(N, g):
    h = 1e-5
    v = g2_delay(np.array([0.0, h, 2 * h]), N, g)
    fd = (-3 * v[0] + 4 * v[1] - v[2]) / (2 * h)
    slope = g2_initial_slope(N, g)
    assert fd == pytest.approx(slope, rel=1e-6, abs=1e-6 * g2_zero(N, g))


def test_initial_slope_vs_eq17_slope():
    # ``docs/cl_superbunching.md`` §1.6 says the exact slope is shallower than Eq. 17's -A /
    # tau_eff. That holds for N >= 3; for N = 2 the exact slope is steeper by exactly gamma_tau / 2
    # (derived: difference = (N-1)(1+g H)/2 + (1+g H)/N - 1 - N g).
    for N in [3, 5, 10]:
        for g in [1e-3, 1e-2, 0.1]:
            A = g2_zero(N, g) - 1.0
            assert g2_initial_slope(N, g) > -A / tau_eff(N, g)
    for g in [1e-3, 1e-2, 0.1]:
        A = g2_zero(2, g) - 1.0
        diff = g2_initial_slope(2, g) + A / tau_eff(2, g)
        assert diff == pytest.approx(-g / 2, rel=1e-9)


def test_jump_map_gives_uniform_post_emission_state():
    # ``docs/cl_superbunching.md`` §1.6: J P_ss = gamma tau P_0 (1, ..., 1, 0)
    N, g = 6, 0.2
    P = stationary_distribution(N, g)
    JP = emission_jump(N + 1) @ P
    expected = g * P[0] * np.r_[np.ones(N), 0.0]
    assert np.max(np.abs(JP - expected)) < 1e-16
    n = np.arange(N + 1)
    assert JP.sum() == pytest.approx(n @ P, rel=1e-14)  # trace not preserved: sum JP = <n>


def test_g2_delay_independent_of_the_second_qrt_route():
    # QRT with the stationary state from the null vector (markov default) gives the same curve
    N, g = 8, 0.07
    t = np.linspace(0, 6, 25)
    W = model1_generator(N, g)
    alt = markov.qrt_correlation(W, emission_jump(N + 1), np.arange(N + 1.0), t)
    assert np.max(np.abs(alt / g2_delay(t, N, g) - 1.0)) < 1e-11


# ------------------------------------------------------------------ approximations Eq. 17 / 20
def _bunching_error(t, N, g, lifetime):
    exact = g2_delay(t, N, g)
    approx = g2_delay_approx(t, N, g, lifetime=lifetime)
    return np.max(np.abs(approx - exact)) / (g2_zero(N, g) - 1.0), exact, approx


@pytest.mark.parametrize("N", [2, 3, 5, 10, 20])
def test_eq17_accurate_for_small_n2_gamma(N):
    t = np.linspace(0, 6, 121)
    g = 0.1 / N**2
    err17, exact, approx17 = _bunching_error(t, N, g, "effective")
    assert err17 < 0.01
    _, _, approx20 = _bunching_error(t, N, g, "bare")
    rel17 = np.abs(approx17 - exact) / exact
    rel20 = np.abs(approx20 - exact) / exact
    # the worst-case relative error of Eq. 20 is never below that of Eq. 17
    assert rel20.max() >= rel17.max()


@pytest.mark.parametrize("N", [2, 3, 5, 10, 20])
@pytest.mark.parametrize("g", [1e-3, 1e-2, 0.1])
def test_eq20_worst_error_exceeds_eq17(N, g):
    t = np.linspace(0, 6, 121)
    exact = g2_delay(t, N, g)
    rel17 = np.abs(g2_delay_approx(t, N, g) - exact) / exact
    rel20 = np.abs(g2_delay_approx(t, N, g, lifetime="bare") - exact) / exact
    assert rel20.max() >= rel17.max()


def test_eq20_can_beat_eq17_pointwise_at_short_delay():
    # Not "never smaller" pointwise (contrary to ``docs/cl_superbunching.md`` §1.7): for N >= 5 the
    # exact initial slope lies between the Eq. 20 and Eq. 17 slopes, so Eq. 20 is closer at short
    # delays.
    N, g = 10, 1e-3
    t = np.array([0.5, 5.0])
    exact = g2_delay(t, N, g)
    rel17 = np.abs(g2_delay_approx(t, N, g) - exact) / exact
    rel20 = np.abs(g2_delay_approx(t, N, g, lifetime="bare") - exact) / exact
    assert rel20[0] < rel17[0]
    assert rel20[1] > rel17[1]


def test_eq17_degrades_at_large_n2_gamma():
    t = np.linspace(0, 6, 121)
    err_small, *_ = _bunching_error(t, 20, 1e-4, "effective")
    err_large, *_ = _bunching_error(t, 20, 0.1, "effective")
    assert err_small < 0.01 < 0.1 < err_large


def test_eq17_eq20_values_and_lifetime_argument():
    N, g = 4, 0.05
    t = np.array([-1.0, 0.0, 0.5])
    A = g2_zero(N, g) - 1.0
    assert np.allclose(
        g2_delay_approx(t, N, g), 1 + A * np.exp(-np.abs(t) * (1 + N * g)), rtol=1e-15
    )
    assert np.allclose(g2_delay_approx(t, N, g, lifetime="bare"), 1 + A * np.exp(-np.abs(t)))
    assert tau_eff(N, g) == pytest.approx(1 / (1 + N * g), rel=1e-15)
    with pytest.raises(ValueError, match="lifetime"):
        g2_delay_approx(t, N, g, lifetime="radiative")


# ------------------------------------------------------------------ Eq. 41 first-order rates
def test_first_order_rates_formula():
    lam = first_order_rates(4, 0.01)
    assert np.allclose(lam, [0.0, -1 - 4 * 0.01, -2 + 6 * 0.01, -3 - 4 * 0.01, -4 + 0.01])


@pytest.mark.parametrize("N", [2, 3, 5, 8])
def test_first_order_rates_match_exact_spectrum_at_small_gamma(N):
    # exact eigenvalues by dense diagonalisation: fine for these small N only (pitfall 4)
    errors = []
    for g in [1e-4, 1e-3]:
        exact = np.linalg.eigvals(model1_generator(N, g).toarray())
        exact = exact[np.argsort(-exact.real)]
        assert np.max(np.abs(exact.imag)) < 1e-9
        lam = first_order_rates(N, g)
        slow = -exact.real[1]
        # first-order slowest decay rate 1 + N g, error O(g^2)
        errors.append(abs(slow - (-lam[1])))
        assert errors[-1] < 0.2 * (N**2 * g) ** 2
        # and it is a much better estimate than the bare rate 1
        assert errors[-1] < 0.05 * abs(slow - 1.0)
        # whole spectrum to first order
        assert np.max(np.abs(np.sort(exact.real) - np.sort(lam))) < 0.2 * (2**N * g) ** 2
    # the residual is second order in gamma
    assert errors[1] / errors[0] == pytest.approx(100, rel=0.1)


def test_g2_long_time_decay_rate_is_slowest_mode():
    N, g = 3, 1e-3
    t = np.array([8.0, 9.0])
    v = g2_delay(t, N, g) - 1.0
    rate = -np.log(v[1] / v[0])
    exact = np.linalg.eigvals(model1_generator(N, g).toarray())
    slow = np.sort(-exact.real)[1]
    assert rate == pytest.approx(slow, rel=1e-3)
    assert rate == pytest.approx(-first_order_rates(N, g)[1], rel=1e-4)


# ------------------------------------------------------------------ bin average
def test_bin_average_of_n1_closed_form():
    g = 0.4
    k = 1 + g
    edges = np.array([-1.0, -0.25, 0.0, 0.1, 0.35, 1.0, 4.0])
    got = g2_bin_average(edges, 1, g)

    def prim(t):  # antiderivative of 1 - exp(-k t) for t >= 0
        return t + np.exp(-k * t) / k

    def integral(a, b):
        if a >= 0:
            return prim(b) - prim(a)
        if b <= 0:
            return integral(-b, -a)
        return integral(0.0, -a) + integral(0.0, b)

    expected = [integral(a, b) / (b - a) for a, b in itertools.pairwise(edges)]
    assert np.max(np.abs(got - expected)) < 1e-13


def test_bin_average_zero_bin_is_lowered_by_cusp():
    # ``docs/cl_superbunching.md`` §5: bin [0, D) lowers the peak by about D/2 |slope|
    N, g, D = 5, 0.1, 0.1
    avg = g2_bin_average([0.0, D], N, g)[0]
    approx = g2_zero(N, g) + 0.5 * D * g2_initial_slope(N, g)
    assert avg == pytest.approx(approx, rel=2e-3)
    # compare with a brute-force trapezoid
    t = np.linspace(0, D, 4001)
    v = g2_delay(t, N, g)
    trap = np.sum(0.5 * (v[1:] + v[:-1]) * np.diff(t)) / D
    assert avg == pytest.approx(trap, rel=1e-7)


def test_bin_average_validation():
    with pytest.raises(ValueError):
        g2_bin_average([0.0, 0.0, 1.0], 3, 0.1)
    with pytest.raises(ValueError):
        g2_bin_average([1.0], 3, 0.1)


# ------------------------------------------------------------------ input validation
@pytest.mark.parametrize("bad_N", [0, -3, 2.5, "3", None, True, float("nan")])
def test_bad_N_raises(bad_N):
    with pytest.raises(ValueError):
        g2_zero(bad_N, 0.1)
    with pytest.raises(ValueError):
        model1_generator(bad_N, 0.1)


@pytest.mark.parametrize("bad_g", [0.0, -1.0, float("inf"), float("nan"), [0.1, -0.1], "x"])
def test_bad_gamma_raises(bad_g):
    with pytest.raises(ValueError):
        g2_zero(3, bad_g)
    with pytest.raises(ValueError):
        stationary_distribution(3, bad_g)


def test_other_validation():
    with pytest.raises(ValueError):
        model1_generator(3, [0.1, 0.2])  # needs a scalar rate
    with pytest.raises(ValueError):
        g2_delay(float("nan"), 3, 0.1)
    with pytest.raises(ValueError):
        harmonic_number(0)
    assert g2_zero(4.0, 0.1) == g2_zero(4, 0.1)  # integral floats are accepted
    assert g2_zero(np.int64(4), 0.1) == g2_zero(4, 0.1)
