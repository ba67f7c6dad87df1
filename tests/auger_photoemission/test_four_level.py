"""Physics checks of the Auger photoemission rate equations (Zeng et al., Eqs. 1-8; note §1-6)."""

from __future__ import annotations

import importlib
import math

import numpy as np
import pytest
import xarray as xr
from scipy.integrate import solve_ivp

from lightmatter.auger_photoemission.four_level import (
    AugerParams,
    auger_decay,
    crossover_population,
    crossover_pump_rate,
    current_saturated,
    current_weak,
    depletion_time,
    eq3_populations,
    half_saturation_pump_rate,
    integrate,
    jacobian,
    log_slope_N,
    log_slope_wp,
    matched_radiative_lifetime,
    ode_steady_state,
    photocurrent,
    qss_N2,
    quasi_steady_depletion,
    radiative_decay,
    rate_equations,
    reference_trajectory,
    relaxation_time,
    steady_state,
    steady_state_current,
)

# the package re-exports the function ``rate_equations``, which shadows the submodule attribute
reqs = importlib.import_module("lightmatter.auger_photoemission.four_level")

# defaults of note §5
GAMMA = 1e-3  # 1/s
N_TOT = 1e6
TAU = 1e-7  # s
RATIOS = [1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0, 1e2]  # w_p / (gamma_A N)


def _rel(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.max(np.abs(a / b - 1.0)))


# ------------------------------------------------------------------ steady state vs the ODE
@pytest.fixture(scope="module")
def replenished_runs():
    """Replenished ODE (Radau + analytic Jacobian) run for 60 relaxation times at each ratio."""
    runs = {}
    for ratio in RATIOS:
        w = ratio * GAMMA * N_TOT
        t_end = 60.0 * relaxation_time(w, GAMMA, N_TOT)
        t = np.linspace(0.0, t_end, 201)
        runs[ratio] = integrate(w, N_TOT, GAMMA, TAU, TAU, t, variant="replenished")
    return runs


@pytest.mark.parametrize("ratio", RATIOS)
def test_replenished_ode_relaxes_to_exact_quadratic(replenished_runs, ratio):
    ds = replenished_runs[ratio]
    w = ratio * GAMMA * N_TOT
    ss = steady_state(w, GAMMA, N_TOT, TAU, TAU, variant="replenished")
    for name in ("N0", "N1", "N2", "N3"):
        assert _rel(ds[name].values[-1], ss[name]) < 1e-8, name
    # the exact steady state satisfies the quadratic gamma_A c N2^2 + N2 - N = 0
    c = 1.0 / w + 2.0 * TAU + TAU / 2.0
    assert abs(GAMMA * c * ss.N2**2 + ss.N2 - N_TOT) < 1e-10 * N_TOT
    # ... and the ODE is at rest there
    y = np.array([ss.N0, ss.N1, ss.N2, ss.N3, 0.0])
    dydt = rate_equations(0.0, y, w, GAMMA, TAU, TAU)
    assert np.max(np.abs(dydt[:4])) < 1e-9 * np.max(np.abs(jacobian(0.0, y, w, GAMMA, TAU, TAU)))
    # N_A grows at the steady emission rate of Eq. 2
    t = ds.t.values
    slope = (ds.N_A.values[-1] - ds.N_A.values[-2]) / (t[-1] - t[-2])
    assert slope == pytest.approx(photocurrent(ss.N2, GAMMA), rel=1e-8)


@pytest.mark.parametrize("ratio", [1e-3, 1.0, 1e2])
def test_seed_eq3_N1_is_twice_the_ode_value(replenished_runs, ratio):
    ds = replenished_runs[ratio]
    w = ratio * GAMMA * N_TOT
    N0 = ds.N0.values[-1]
    N1_seed, N3_seed = eq3_populations(N0, w, TAU, TAU, seed_literal=True)
    N1_fixed, N3_fixed = eq3_populations(N0, w, TAU, TAU)
    assert N1_seed / ds.N1.values[-1] == pytest.approx(2.0, rel=1e-8)
    assert N1_fixed == pytest.approx(ds.N1.values[-1], rel=1e-8)
    assert N3_seed == N3_fixed == pytest.approx(ds.N3.values[-1], rel=1e-8)


def test_other_stiff_solvers_agree_to_1e6():
    w = GAMMA * N_TOT
    t = np.linspace(0.0, 0.02, 11)
    ref = integrate(w, N_TOT, GAMMA, TAU, TAU, t)
    for method in ("BDF", "LSODA"):
        ds = integrate(w, N_TOT, GAMMA, TAU, TAU, t, method=method)
        assert _rel(ds.N2.values[1:], ref.N2.values[1:]) < 1e-6, method
    no_jac = integrate(w, N_TOT, GAMMA, TAU, TAU, t, jac=False)
    assert _rel(no_jac.N2.values[1:], ref.N2.values[1:]) < 1e-6


# ------------------------------------------------------------------ Eq. 6 vs the exact result
def test_eq6_deviation_is_order_wp_tau():
    w = np.logspace(-2, 7, 37)[:, None]
    N = np.logspace(0, 9, 28)[None, :]
    exact = steady_state(w, GAMMA, N, TAU, TAU).N2
    eq6 = steady_state(w, GAMMA, N, TAU, TAU, variant="eq6").N2
    rel = eq6 / exact - 1.0
    assert np.all(rel >= -1e-13)  # Eq. 6 drops the fast-level populations: it overestimates N2
    assert np.all(rel < 5.0 * w * TAU)  # the small-parameter bound
    # sharper bounds (d ln N2 / d ln c in (-1/2, 0)): sqrt(1 + dc w) - 1 and expm1(gamma N dc)
    dc = 2.0 * TAU + TAU / 2.0
    assert np.all(rel <= (np.sqrt(1.0 + w * dc) - 1.0) * (1 + 1e-9) + 1e-15)
    assert np.all(rel <= np.expm1(GAMMA * N * dc) * (1 + 1e-9) + 1e-15)
    # the bound w (tau3 + tau1/4) is attained in the weak-pump regime
    weak = steady_state(1e3, GAMMA, 1e12, TAU, TAU, variant="eq6").N2
    weak_exact = steady_state(1e3, GAMMA, 1e12, TAU, TAU).N2
    assert weak / weak_exact - 1.0 == pytest.approx(1e3 * 1.25 * TAU, rel=2e-3)


def test_eq6_rationalised_form_is_cancellation_free():
    # the printed difference form loses up to ~eps w_p/(gamma_A N); the rationalised one does not
    N = 1.0
    w = np.linspace(1.0, 9.0, 41) * 1e11  # w_p / (gamma_A N) ~ 1e14
    n2 = steady_state(w, GAMMA, N, TAU, TAU, variant="eq6").N2
    a = 4.0 * GAMMA * N / w
    series = N * (1.0 - a / 4.0 + a**2 / 8.0)  # 2/(1 + sqrt(1 + a)) = 1 - a/4 + a^2/8 - ...
    assert np.allclose(n2, series, rtol=1e-15, atol=0)
    printed = np.sqrt((w / (2 * GAMMA)) ** 2 + w * N / GAMMA) - w / (2 * GAMMA)
    assert np.max(np.abs(printed / series - 1.0)) > 1e-3  # demonstrates the pitfall of note §2


def test_steady_state_vectorised_and_conserving():
    w = np.logspace(-2, 6, 50)
    ss = steady_state(w, GAMMA, N_TOT, TAU, TAU)
    total = ss.N0 + ss.N1 + ss.N2 + ss.N3
    assert np.max(np.abs(total / N_TOT - 1.0)) < 1e-13
    assert np.all(np.diff(ss.N2) > 0)
    # population inversion: N2/N1 = 2/(gamma_A N2 tau1) (note §9 item 5); with the defaults the
    # margin is 2e4 at saturation (N2 -> N) and ~6e6 at the weakest pump, w_p = 1e-2 1/s
    assert np.allclose(ss.N2 / ss.N1, 2.0 / (GAMMA * ss.N2 * TAU), rtol=1e-12)
    assert np.all(ss.N2 / ss.N1 > 2e4)
    assert ss.N2[0] / ss.N1[0] == pytest.approx(
        2.0 / (GAMMA * math.sqrt(1e-2 * N_TOT / GAMMA) * TAU), rel=3e-3
    )
    grid = steady_state(w[:, None], GAMMA, np.array([1e2, 1e6])[None, :], TAU, TAU)
    assert grid.N2.shape == (50, 2)
    assert grid.as_dict()["N2"] is grid.N2
    eq6 = steady_state(w, GAMMA, N_TOT, TAU, TAU, variant="eq6")
    assert np.allclose(eq6.N0 + eq6.N2, N_TOT, rtol=1e-14)


# ------------------------------------------------------------------ conservation
@pytest.mark.parametrize("ratio", [1e-2, 1.0, 1e2])
def test_closed_variant_conserves_total_including_N_A(ratio):
    w = ratio * GAMMA * N_TOT
    t = np.linspace(0.0, 3.0 * depletion_time(w, GAMMA, N_TOT), 301)
    ds = integrate(w, N_TOT, GAMMA, TAU, TAU, t, variant="closed")
    total = ds.N0 + ds.N1 + ds.N2 + ds.N3 + ds.N_A
    assert float(np.max(np.abs(total / N_TOT - 1.0))) < 1e-10
    # the emitter depletes: no true steady state (note §3)
    assert ds.N_A.values[-1] > 0.5 * N_TOT
    assert np.all(np.diff(ds.N_A.values) >= 0)


@pytest.mark.parametrize("ratio", [1e-2, 1.0, 1e2])
def test_replenished_variant_conserves_levels_0_to_3(replenished_runs, ratio):
    ds = replenished_runs[ratio]
    total = ds.N0 + ds.N1 + ds.N2 + ds.N3
    assert float(np.max(np.abs(total / N_TOT - 1.0))) < 1e-10
    assert ds.attrs["max_conservation_error"] < 1e-10


def test_rhs_invariants_and_vectorisation():
    rng = np.random.default_rng(1)
    Y = rng.uniform(0.0, 1e6, size=(5, 7))
    closed = rate_equations(0.0, Y, 10.0, GAMMA, TAU, 2 * TAU, variant="closed")
    repl = rate_equations(0.0, Y, 10.0, GAMMA, TAU, 2 * TAU, variant="replenished")
    scale = np.abs(closed).max(axis=0)
    assert np.all(np.abs(closed.sum(axis=0)) < 1e-14 * scale)
    assert np.all(np.abs(repl[:4].sum(axis=0)) < 1e-14 * scale)
    assert np.allclose(repl[4], 0.5 * GAMMA * Y[2] ** 2)
    single = rate_equations(0.0, Y[:, 3], 10.0, GAMMA, TAU, 2 * TAU, variant="closed")
    assert np.array_equal(single, closed[:, 3])


# ------------------------------------------------------------------ Jacobian
@pytest.mark.parametrize("variant", ["replenished", "closed"])
def test_analytic_jacobian_matches_finite_differences(variant):
    rng = np.random.default_rng(7)
    for _ in range(5):
        y = rng.uniform(0.0, 1e6, size=5)
        args = (3e2, 2e-3, 1e-7, 3e-7, variant)
        J = jacobian(0.0, y, *args)
        fd = np.empty((5, 5))
        for j in range(5):
            h = 1e-6 * max(abs(y[j]), 1.0)
            yp, ym = y.copy(), y.copy()
            yp[j] += h
            ym[j] -= h
            fd[:, j] = (rate_equations(0.0, yp, *args) - rate_equations(0.0, ym, *args)) / (2 * h)
        assert np.allclose(J, fd, rtol=1e-6, atol=1e-6 * np.abs(J).max())
        # conserved components: zero column sums
        rows = slice(None) if variant == "closed" else slice(0, 4)
        assert np.all(np.abs(J[rows].sum(axis=0)) <= 1e-12 * np.abs(J).max())


# ------------------------------------------------------------------ limits, log-slopes (§4)
def _J_eq6(w, N):
    return steady_state_current(w, GAMMA, N, TAU, TAU, variant="eq6")


def test_log_slopes_match_central_differences():
    h = 1e-4
    for x in np.logspace(-4, 4, 17):  # x = gamma_A N / w_p
        w = GAMMA * N_TOT / x
        num_w = (
            math.log(_J_eq6(w * math.exp(h), N_TOT)) - math.log(_J_eq6(w / math.exp(h), N_TOT))
        ) / (2 * h)
        num_N = (
            math.log(_J_eq6(w, N_TOT * math.exp(h))) - math.log(_J_eq6(w, N_TOT / math.exp(h)))
        ) / (2 * h)
        assert num_w == pytest.approx(log_slope_wp(w, N_TOT, GAMMA), abs=1e-6)
        assert num_N == pytest.approx(log_slope_N(w, N_TOT, GAMMA), abs=1e-6)
        assert log_slope_wp(w, N_TOT, GAMMA) + log_slope_N(w, N_TOT, GAMMA) == pytest.approx(2.0)


def test_weak_pump_limit_eq7_with_x_to_minus_half_rate():
    for x in (1e2, 1e4, 1e6, 1e8):
        w = GAMMA * N_TOT / x
        ratio = _J_eq6(w, N_TOT) / current_weak(w, N_TOT)
        # exact: 1 - J/J_Eq7 = N2/N = 2/(1 + sqrt(1 + 4x)) ~ x^-1/2
        assert (1.0 - ratio) * math.sqrt(x) == pytest.approx(1.0, rel=0.6 / math.sqrt(x))
    assert _J_eq6(1e-5, N_TOT) / current_weak(1e-5, N_TOT) == pytest.approx(1.0, abs=1e-4)
    # slope vs N converges slowly to 1: ~15 % above at x = 10, ~5 % at x = 100 (note §4)
    assert log_slope_N(GAMMA * N_TOT / 10, N_TOT, GAMMA) == pytest.approx(1.156, abs=1e-3)
    assert log_slope_N(GAMMA * N_TOT / 100, N_TOT, GAMMA) == pytest.approx(1.0499, abs=1e-3)
    # Eq. 7 does not depend on gamma_A
    assert current_weak(0.1, N_TOT, beta=2.0) == pytest.approx(0.1 * N_TOT)


def test_saturated_limit_eq8_with_linear_rate():
    for x in (1e-2, 1e-4, 1e-6):
        w = GAMMA * N_TOT / x
        ratio = _J_eq6(w, N_TOT) / current_saturated(N_TOT, GAMMA)
        # J/J_sat = (N2/N)^2, 1 - N2/N = (s - 1)/(s + 1) ~ x, so 1 - J/J_sat ~ 2x
        assert (1.0 - ratio) / (2.0 * x) == pytest.approx(1.0, rel=3.0 * x + 1e-6)
    assert current_saturated(N_TOT, GAMMA) == pytest.approx(5e8)  # note §5
    # the exact four-level current also saturates (equals Eq. 8 up to O(x) + O(gamma_A N tau))
    J = steady_state_current(1e6, GAMMA, N_TOT, TAU, TAU)
    assert J / current_saturated(N_TOT, GAMMA) == pytest.approx(1.0, abs=3e-3)


def test_crossover_values():
    w = crossover_pump_rate(N_TOT, GAMMA)
    assert w == pytest.approx(GAMMA * N_TOT)
    assert log_slope_wp(w, N_TOT, GAMMA) == pytest.approx(1.0 - 1.0 / math.sqrt(5.0), rel=1e-14)
    assert log_slope_N(w, N_TOT, GAMMA) == pytest.approx(1.0 + 1.0 / math.sqrt(5.0), rel=1e-14)
    ratio = _J_eq6(w, N_TOT) / current_saturated(N_TOT, GAMMA)
    assert ratio == pytest.approx((math.sqrt(5.0) - 1.0) ** 2 / 4.0, rel=1e-14)
    w_half = half_saturation_pump_rate(N_TOT, GAMMA)
    assert _J_eq6(w_half, N_TOT) / current_saturated(N_TOT, GAMMA) == pytest.approx(0.5, rel=1e-13)
    # Fig. 2c: the knee of J(N) at fixed pump is at N* = w_p / gamma_A (slope 1 + 1/sqrt 5 there)
    for wp in (1e-2, 1e3, 1e5):
        Nstar = crossover_population(wp, GAMMA)
        assert Nstar == pytest.approx(wp / GAMMA)
        assert log_slope_N(wp, Nstar, GAMMA) == pytest.approx(1.0 + 1.0 / math.sqrt(5.0))
        assert log_slope_N(wp, Nstar * 1e-6, GAMMA) == pytest.approx(2.0, abs=1e-5)
        assert log_slope_N(wp, Nstar * 1e6, GAMMA) == pytest.approx(1.0, abs=1e-3)


def test_photocurrent_eq2():
    assert photocurrent(2e3, 1e-3, beta=0.5) == pytest.approx(0.25 * 1e-3 * 4e6)
    assert np.allclose(photocurrent(np.array([0.0, 1.0]), 2.0), [0.0, 1.0])


# ------------------------------------------------------------------ ODE steady state (§2, §10)
@pytest.mark.parametrize("ratio", [1e-4, 1e-2, 1.0, 1e2])
def test_ode_steady_state_agrees_with_exact_quadratic(ratio):
    w = ratio * GAMMA * N_TOT
    ss, t_end = ode_steady_state(w, N_TOT, GAMMA, TAU, TAU)
    exact = steady_state(w, GAMMA, N_TOT, TAU, TAU)
    assert t_end == pytest.approx(60.0 * relaxation_time(w, GAMMA, N_TOT), rel=1e-15)
    for name in ("N0", "N1", "N2", "N3"):
        assert _rel(ss[name], exact[name]) < 1e-8, name
    # the replenished run conserves N0 + N1 + N2 + N3 = N
    assert ss.N0 + ss.N1 + ss.N2 + ss.N3 == pytest.approx(N_TOT, rel=1e-9)
    # after only 3 relaxation times the build-up of N2 from the ground state is still visible
    early, _ = ode_steady_state(w, N_TOT, GAMMA, TAU, TAU, relaxation_times=3.0)
    assert _rel(early.N2, exact.N2) > 1e-2


# ------------------------------------------------------------------ dynamics references (§3)
@pytest.mark.parametrize("ratio", [1e-2, 1.0, 1e2])
def test_replenished_reference_is_the_late_time_asymptote_of_the_ode(ratio):
    w = ratio * GAMMA * N_TOT
    t_relax = relaxation_time(w, GAMMA, N_TOT)
    t = np.linspace(0.0, 80.0 * t_relax, 401)
    ds = integrate(w, N_TOT, GAMMA, TAU, TAU, t, variant="replenished")
    n2_ref, na_ref = reference_trajectory(w, N_TOT, GAMMA, TAU, TAU, t, variant="replenished")
    ss = steady_state(w, GAMMA, N_TOT, TAU, TAU)
    assert np.all(n2_ref == ss.N2)
    # N_A_ref = J t with J = gamma_A N2ss^2 / 2 (Eq. 2, beta = 1)
    assert na_ref[-1] / t[-1] == pytest.approx(0.5 * GAMMA * ss.N2**2, rel=1e-14)
    late = t > 60.0 * t_relax
    assert _rel(ds.N2.values[late], n2_ref[late]) < 1e-8
    # late N_A grows at the reference rate: the lag N_A_ref - N_A is constant
    lag = na_ref[late] - ds.N_A.values[late]
    assert lag[0] > 0
    assert np.max(np.abs(lag - lag[-1])) < 1e-7 * na_ref[-1]


@pytest.mark.parametrize("ratio", [1e-2, 1.0, 1e2])
def test_closed_reference_is_the_quasi_steady_depletion(ratio):
    w = ratio * GAMMA * N_TOT
    t_dep = depletion_time(w, GAMMA, N_TOT)
    t = np.linspace(0.0, 3.0 * t_dep, 601)
    n2_ref, na_ref = reference_trajectory(w, N_TOT, GAMMA, TAU, TAU, t, variant="closed")
    # the reference sits on the quasi-steady manifold N2 = N2ss(P), P = N - N_A
    assert np.allclose(n2_ref, qss_N2(w, GAMMA, N_TOT - na_ref, TAU, TAU), rtol=1e-12)
    assert na_ref[0] == 0.0 and np.all(np.diff(na_ref) > 0)
    # ... and the full closed ODE follows it once relaxed (O(t_relax/t_dep) < 0.1)
    ds = integrate(w, N_TOT, GAMMA, TAU, TAU, t, variant="closed")
    late = t >= t_dep
    assert _rel(ds.N_A.values[late], na_ref[late]) < 0.03
    assert _rel(ds.N2.values[late], n2_ref[late]) < 0.1


# ------------------------------------------------------------------ closed variant, QSS (§3)
@pytest.mark.parametrize("ratio", [1e-2, 1.0, 1e2])
def test_closed_variant_tracks_quasi_steady_state(ratio):
    w = ratio * GAMMA * N_TOT
    t_relax = relaxation_time(w, GAMMA, N_TOT)
    t_dep = depletion_time(w, GAMMA, N_TOT)
    assert t_relax / t_dep < 0.1  # note §3: at most ~0.086 (near x = 1.2)
    t = np.linspace(0.0, 3.0 * t_dep, 1501)
    ds = integrate(w, N_TOT, GAMMA, TAU, TAU, t, variant="closed")
    P = (ds.N0 + ds.N1 + ds.N2 + ds.N3).values
    n2ss = qss_N2(w, GAMMA, P, TAU, TAU)
    # local adiabaticity parameter t_relax/t_dep evaluated at P(t)
    local = (1.0 / (w + 2.0 * GAMMA * n2ss)) / (2.0 * P / (GAMMA * n2ss**2))
    after = t > 20.0 * t_relax
    dev = np.abs(ds.N2.values / n2ss - 1.0)
    assert np.all(dev[after] <= 2.0 * local[after])
    # the reduced model (closed form) vs the full ODE
    red = quasi_steady_depletion(w, N_TOT, GAMMA, TAU, TAU, t)
    late = t >= t_dep
    assert _rel(red.N_A.values[late], ds.N_A.values[late]) < 0.03
    # during the build-up the reduced model runs ahead by at most ~2 (t_relax/t_dep) N
    assert np.max(np.abs(red.N_A.values - ds.N_A.values)) < 2.0 * (t_relax / t_dep) * N_TOT


def test_reduced_model_closed_form_matches_numerical_and_limits():
    for ratio in (1e-3, 1.0, 1e3):
        w = ratio * GAMMA * N_TOT
        t = np.linspace(0.0, 5.0 * depletion_time(w, GAMMA, N_TOT), 101)
        red = quasi_steady_depletion(w, N_TOT, GAMMA, TAU, TAU, t)
        sol = solve_ivp(
            lambda _t, p, w=w: -0.5 * GAMMA * qss_N2(w, GAMMA, max(p[0], 0.0), TAU, TAU) ** 2,
            (0.0, t[-1]),
            [N_TOT],
            t_eval=t,
            rtol=1e-12,
            atol=1e-14 * N_TOT,
            method="DOP853",
        )
        assert _rel(red.P.values, sol.y[0]) < 1e-8
        assert np.allclose(red.N2.values, qss_N2(w, GAMMA, red.P.values, TAU, TAU), rtol=1e-12)
    # weak pump: P = N exp(-w t/2); saturated: P = N/(1 + gamma N t/2) (to O(x), O(1/x), O(w tau))
    t = np.linspace(0.0, 1e3, 11)
    weak = quasi_steady_depletion(1e-2, 1e10, GAMMA, TAU, TAU, t)  # x = 1e9
    assert _rel(weak.P.values, 1e10 * np.exp(-1e-2 * t / 2)) < 1e-3
    t = np.linspace(0.0, 1.0, 11)
    sat = quasi_steady_depletion(1e4, 10.0, GAMMA, TAU, TAU, t)  # x = 1e-6
    assert _rel(sat.P.values, 10.0 / (1.0 + GAMMA * 10.0 * t / 2)) < 1e-5


# ------------------------------------------------------------------ Fig. 1b-c decays (§6)
def test_auger_decay_is_exact_solution_and_matches_radiative_slope():
    Nz = 1e6
    tau_sp = matched_radiative_lifetime(Nz, GAMMA)
    assert tau_sp == pytest.approx(1e-3)  # 1/(gamma_A N_z)
    t = np.linspace(0.0, 10.0 * tau_sp, 51)
    sol = solve_ivp(
        lambda _t, n: -GAMMA * n**2,
        (0.0, t[-1]),
        [Nz],
        t_eval=t,
        rtol=1e-12,
        atol=1e-12,
        method="DOP853",
    )
    assert _rel(auger_decay(t, Nz, GAMMA), sol.y[0]) < 1e-9
    # equal initial slopes -N_z/tau_sp = -gamma_A N_z^2
    h = 1e-6 * tau_sp
    slope_a = (auger_decay(h, Nz, GAMMA) - auger_decay(0.0, Nz, GAMMA)) / h
    slope_r = (radiative_decay(h, Nz, tau_sp) - radiative_decay(0.0, Nz, tau_sp)) / h
    assert slope_a == pytest.approx(-GAMMA * Nz**2, rel=1e-5)
    assert slope_r == pytest.approx(slope_a, rel=1e-5)
    # hyperbolic tail ~1/(gamma_A t), independent of N_z; exponential is far below it
    assert auger_decay(1e6 * tau_sp, 1e9, GAMMA) == pytest.approx(1 / (GAMMA * 1e6 * tau_sp), 1e-3)
    assert radiative_decay(10 * tau_sp, Nz, tau_sp) / auger_decay(10 * tau_sp, Nz, GAMMA) < 1e-3
    assert radiative_decay(tau_sp, Nz, tau_sp) == pytest.approx(Nz / math.e)


# ------------------------------------------------------------------ output, errors
def test_integrate_dataset_structure():
    t = np.linspace(0.0, 1e-3, 5)
    ds = integrate(1e3, N_TOT, GAMMA, TAU, TAU, t, variant="closed")
    assert isinstance(ds, xr.Dataset)
    assert set(ds.data_vars) == {"N0", "N1", "N2", "N3", "N_A"}
    assert ds.t.attrs["units"] == "s"
    for name in ds.data_vars:
        assert ds[name].dims == ("t",)
        assert "units" in ds[name].attrs and "long_name" in ds[name].attrs
    for key in ("w_p", "N", "gamma_A", "tau1", "tau3", "variant", "method", "nfev"):
        assert key in ds.attrs
    assert ds.attrs["variant"] == "closed"
    assert ds.N0.values[0] == N_TOT  # default: everything in level 0
    y0 = [N_TOT / 2, 0.0, N_TOT / 2, 0.0, 0.0]
    ds2 = integrate(1e3, N_TOT, GAMMA, TAU, TAU, t, y0=y0)
    assert ds2.N2.values[0] == N_TOT / 2


def test_solver_failure_is_reported(monkeypatch):
    class Failed:
        status = -1
        message = "Required step size is less than spacing between numbers."
        y = np.zeros((5, 2))
        nfev = njev = nlu = 0

    monkeypatch.setattr(reqs, "solve_ivp", lambda *a, **k: Failed())
    with pytest.raises(RuntimeError, match=r"w_p=.*gamma_A=.*status -1"):
        integrate(1.0, N_TOT, GAMMA, TAU, TAU, [0.0, 1.0])

    class NaNs(Failed):
        status = 0
        y = np.full((5, 2), np.nan)

    monkeypatch.setattr(reqs, "solve_ivp", lambda *a, **k: NaNs())
    with pytest.raises(RuntimeError, match="non-finite"):
        integrate(1.0, N_TOT, GAMMA, TAU, TAU, [0.0, 1.0])

    class Leaky(Failed):
        status = 0
        y = np.array([[N_TOT, N_TOT]] * 1 + [[0.0, 1.0]] * 4)

    monkeypatch.setattr(reqs, "solve_ivp", lambda *a, **k: Leaky())
    with pytest.raises(RuntimeError, match="conservation"):
        integrate(1.0, N_TOT, GAMMA, TAU, TAU, [0.0, 1.0])


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: integrate(-1.0, N_TOT, GAMMA, TAU, TAU, [0, 1]), "w_p"),
        (lambda: integrate(1.0, 0.0, GAMMA, TAU, TAU, [0, 1]), "N"),
        (lambda: integrate(1.0, N_TOT, float("nan"), TAU, TAU, [0, 1]), "gamma_A"),
        (lambda: integrate(1.0, N_TOT, GAMMA, -TAU, TAU, [0, 1]), "tau1"),
        (lambda: integrate(1.0, N_TOT, GAMMA, TAU, float("inf"), [0, 1]), "tau3"),
        (lambda: integrate(1.0, N_TOT, GAMMA, TAU, TAU, [1, 0]), "t"),
        (lambda: integrate(1.0, N_TOT, GAMMA, TAU, TAU, [0, 1], variant="open"), "variant"),
        (lambda: integrate(1.0, N_TOT, GAMMA, TAU, TAU, [0, 1], y0=[1, 0, 0, 0, 0]), "N"),
        (lambda: integrate(1.0, N_TOT, GAMMA, TAU, TAU, [0, 1], y0=[-1, 0, 0, 0, 0]), "y0"),
        (lambda: integrate(1.0, N_TOT, GAMMA, TAU, TAU, [0, 1], rtol=-1e-3), "rtol"),
        (lambda: integrate(1.0, N_TOT, GAMMA, TAU, TAU, [0, 1], method="Euler"), "method"),
        (lambda: rate_equations(0.0, np.ones(5), -2.0, GAMMA, TAU, TAU), "w_p"),
        (lambda: rate_equations(0.0, np.ones(4), 2.0, GAMMA, TAU, TAU), "y"),
        (lambda: jacobian(0.0, np.ones(5), 2.0, -GAMMA, TAU, TAU), "gamma_A"),
        (lambda: steady_state(1.0, GAMMA, -5.0, TAU, TAU), "N"),
        (lambda: steady_state(np.array([1.0, np.nan]), GAMMA, 5.0, TAU, TAU), "w_p"),
        (lambda: steady_state(1.0, GAMMA, 5.0, TAU, TAU, variant="eq3"), "variant"),
        (lambda: photocurrent(-1.0, GAMMA), "N2"),
        (lambda: photocurrent(1.0, GAMMA, beta=0.0), "beta"),
        (lambda: current_weak(1.0, 0.0), "N"),
        (lambda: current_saturated(1.0, -GAMMA), "gamma_A"),
        (lambda: log_slope_wp(0.0, 1.0, GAMMA), "w_p"),
        (lambda: log_slope_N(1.0, float("nan"), GAMMA), "N"),
        (lambda: crossover_population(1.0, 0.0), "gamma_A"),
        (lambda: auger_decay(-1.0, 1.0, GAMMA), "t"),
        (lambda: radiative_decay(1.0, 1.0, -1.0), "tau_sp"),
        (lambda: quasi_steady_depletion(1.0, -1.0, GAMMA, TAU, TAU, [0.0]), "N"),
        (lambda: ode_steady_state(1.0, N_TOT, GAMMA, TAU, TAU, 0.0), "relaxation_times"),
        (lambda: reference_trajectory(1.0, N_TOT, GAMMA, TAU, TAU, [-1.0]), "t"),
        (lambda: reference_trajectory(1.0, N_TOT, GAMMA, TAU, TAU, [0.0], "open"), "variant"),
        (lambda: matched_radiative_lifetime(0.0, GAMMA), "N_z"),
        (lambda: AugerParams(N=1e6, gamma_A=-1e-3, tau1=TAU, tau3=TAU), "gamma_A"),
        (lambda: AugerParams(N=0, gamma_A=1e-3, tau1=TAU, tau3=TAU), "N"),
        (lambda: AugerParams(N=1e6, gamma_A=1e-3, tau1=TAU, tau3=TAU, beta=np.nan), "beta"),
    ],
)
def test_bad_input_raises_value_error_naming_parameter(call, name):
    with pytest.raises(ValueError, match=rf"\b{name}\b"):
        call()


def test_auger_params_bundle():
    p = AugerParams(N=N_TOT, gamma_A=GAMMA, tau1=TAU, tau3=2 * TAU)
    assert p.beta == 1.0
    ss = steady_state(1e3, **{k: v for k, v in p.steady_kwargs().items()})
    assert ss.N2 == steady_state(1e3, GAMMA, N_TOT, TAU, 2 * TAU).N2
    with pytest.raises(AttributeError):
        p.N = 2.0  # frozen
