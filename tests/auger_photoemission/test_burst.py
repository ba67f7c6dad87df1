"""Eq. 9 in physical units, the pump -> burst-width link and inversion (docs §11-§13).

Every number of the figures ``coherence_energy_scale``, ``coherence_vs_pump`` and ``inversion`` is
checked against a limit, a second method or a number stated by the seed or the issue.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.optimize import brentq

from lightmatter.auger_photoemission import burst, coherence, four_level

N, G, T1, T3 = 1.0e6, 1.0e-3, 1.0e-7, 1.0e-7  # the study's model parameters


# --------------------------------------------------------------------------------------------
# §11 critical N vs energy
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("E", "tb"), [(1e-9, 1e-3), (1e-6, 1e-3), (1.0, 1e-15), (1e-3, 1e-12)])
def test_critical_number_is_the_numeric_crossing_of_eq9(E, tb):
    """Closed form N_c = 1 + 1/|f|^2 against the root of <rho>/|psi|^2 = 2N (coherent = N)."""
    w = burst.omega_from_energy(E)

    def excess(logN: float) -> float:
        n = math.exp(logN)
        rho = coherence.coherent_spectral_density(w, n, tb, shape="auger_burst")
        return math.log(rho) - math.log(2.0 * n)  # > 0 where the coherent term wins

    root = math.exp(brentq(excess, math.log(1.0 + 1e-9), math.log(1e40), xtol=1e-14))
    assert burst.critical_number_energy(E, tb) == pytest.approx(root, rel=1e-9)


def test_critical_number_values_and_limits():
    tb = 1.0 / (G * N)  # the model's burst, 1 ms
    # the numbers: 2.3e6 at 1 neV, 2.3e18 at 1 meV, 2.3e24 at 1 eV
    for E, ref in ((1e-9, 2.308e6), (1e-3, 2.308e18), (1.0, 2.308e24)):
        assert burst.critical_number_energy(E, tb) == pytest.approx(ref, rel=1e-3)
    # large Omega: N_c -> 1 + Omega^2 with relative error O(Omega^-2)
    Om = np.array([50.0, 500.0, 5e4])
    E = Om * burst.HBAR_EV_S / tb
    rel = burst.critical_number_energy(E, tb) / burst.critical_number_asymptote(E, tb) - 1.0
    assert np.all(np.abs(rel) < 10.0 / Om**2)
    # fully synchronous emission (E t_b << hbar): N_c -> 2, coherent = incoherent at N = 2
    assert burst.critical_number_energy(1e-20, tb) == pytest.approx(2.0, rel=1e-6)
    # hbar omega = E
    assert burst.omega_from_energy(1.0) * burst.HBAR_EV_S == pytest.approx(1.0, rel=1e-15)


# --------------------------------------------------------------------------------------------
# §12 emission-time spread
# --------------------------------------------------------------------------------------------
def test_quantile_times_closed_form_against_quadrature_of_the_reduced_model():
    """t_q = int_{(1-q)N}^{N} 2 dP / (gamma_A N2ss(P)^2): the closed-form inversion of docs §12."""
    for w in (1e-2, 1e3, 1e6):
        for q in (burst.Q_LOW, 0.5, burst.Q_HIGH):
            ref = quad(
                lambda P, w=w: 2.0 / (G * four_level.qss_N2(w, G, P, T1, T3) ** 2),
                (1.0 - q) * N,
                N,
                epsrel=1e-12,
                limit=200,
            )[0]
            assert burst.quantile_time_qss(q, w, N, G, T1, T3) == pytest.approx(ref, rel=1e-9)


def test_spread_limits():
    assert burst.Q_LOW == pytest.approx(1.0 - burst.Q_HIGH, rel=1e-14)
    assert float(burst.spread_weak(1.0)) == pytest.approx(1.668268, rel=1e-6)
    assert float(burst.spread_saturated(1.0, 1.0)) == pytest.approx(5.114401, rel=1e-6)
    # weak pump: exponential burst; corrections O(x^-1/2), x = gamma_A N / w_p
    w = 1e-5
    x = G * N / w
    assert burst.spread_qss(w, N, G, T1, T3) / burst.spread_weak(w) - 1 < 3.0 / math.sqrt(x)
    # saturation: Auger hyperbola, corrections O(x) and O(gamma_A N tau)
    w = 1e8
    assert burst.spread_qss(w, N, G, T1, T3) == pytest.approx(
        burst.spread_saturated(N, G), rel=5.0 * (G * N / w + G * N * (2 * T3 + T1 / 2))
    )


@pytest.fixture(scope="module")
def bursts():
    return {w: burst.closed_burst(w, N, G, T1, T3) for w in (1e-2, 1e3, 1e6)}


def test_spread_ode_agrees_with_closed_form(bursts):
    """Two methods: stiff ODE quantiles vs the reduced-model closed form.

    Deep in either regime they agree to < 0.2 %; near the crossover w_p ~ gamma_A N the reduced
    model's error is of order t_relax/t_dep (docs §3), measured 12 % here.
    """
    for w, tol in ((1e-2, 2e-3), (1e3, 0.15), (1e6, 1e-3)):
        s_ode = bursts[w].spread()
        assert s_ode == pytest.approx(burst.spread_qss(w, N, G, T1, T3), rel=tol), w
    # the ODE quantiles themselves: N_A(t_q) = q N
    cb = bursts[1e3]
    t = cb.quantile_time(0.5)
    assert cb.state([t])[4, 0] == pytest.approx(0.5 * N, rel=1e-9)


def test_ode_form_factor_limits(bursts):
    """|f(omega)|^2 of the ODE emission rate against the closed forms of the two limits."""
    for cb in bursts.values():
        # normalisation: all but the 1e-4 tail of the electrons are emitted
        assert cb.form_factor(0.0) == pytest.approx(1.0, abs=3e-4)
    w = 1e-2  # weak: exponential burst of rate w_p/2
    for om in (0.25 * w, 0.5 * w, 2.0 * w):
        assert bursts[w].form_factor(om) == pytest.approx(burst.form_factor_weak(om, w), rel=0.01)
    a = 0.5 * G * N  # saturated: Auger burst a/(1 + a t)^2
    for om in (0.3 * a, a, 10.0 * a):
        assert bursts[1e6].form_factor(om) == pytest.approx(
            burst.form_factor_saturated(om, N, G), rel=0.01
        )


def test_coherent_ratio_bound_holds_at_every_pump_rate(bursts):
    omegas = burst.omega_from_energy(np.array([1e-12, 1e-11, 1e-10, 1e-9]))
    bound = burst.coherent_ratio_bound(omegas, N, G)
    for cb in bursts.values():
        t = cb.grid(2000)
        f = cb.density(t)
        # unimodal (one sign change of df/dt) and below the Auger maximum gamma_A N / 2
        df = np.diff(f)
        df = df[np.abs(df) > 1e-9 * f.max()]
        assert np.count_nonzero(np.diff(np.sign(df))) == 1
        assert f.max() <= 0.5 * G * N
        ratio = (N - 1.0) * np.asarray(cb.form_factor(omegas))
        assert np.all(ratio <= bound)
    # at E_max the bound equals 1: above it the coherent term never dominates
    E_max = burst.energy_max_coherent(N, G)
    assert E_max == pytest.approx(6.582e-10, rel=1e-3)
    assert burst.coherent_ratio_bound(burst.omega_from_energy(E_max), N, G) == pytest.approx(1.0)
    # the transition at 1e-11 eV: coherent fraction < 1 at weak pump, > 1 at saturation
    om = burst.omega_from_energy(1e-11)
    assert (N - 1) * bursts[1e-2].form_factor(om) < 1.0 < (N - 1) * bursts[1e6].form_factor(om)
    # none at 1 neV, whatever the pump
    om = burst.omega_from_energy(1e-9)
    assert max((N - 1) * cb.form_factor(om) for cb in bursts.values()) < 0.05


def test_filon_transform_exact_for_piecewise_linear():
    """A triangle on [0, 2] is its own linear interpolant: FT (2 sinc^2 form) is exact."""
    t = np.array([0.0, 1.0, 2.0])
    f = np.array([0.0, 1.0, 0.0])
    for om in (1e-4, 0.3, 7.0, 1e3):
        ref = np.exp(1j * om) * (math.sin(om / 2) / (om / 2)) ** 2
        assert burst.filon_transform(t, f, om) == pytest.approx(ref, rel=1e-12, abs=1e-15)


# --------------------------------------------------------------------------------------------
# §13 inversion
# --------------------------------------------------------------------------------------------
def test_inversion_ratio_against_ode_and_seed_margin():
    for w in (1e-2, 1e3, 1e6):
        ss, _ = four_level.ode_steady_state(w, N, G, T1, T3)
        assert burst.inversion_ratio(w, G, N, T1, T3) == pytest.approx(ss.N2 / ss.N1, rel=1e-6)
        # the seed's printed Eq. 3 gives exactly half the ratio
        assert burst.inversion_ratio_seed(w, G, N, T1, T3) == pytest.approx(
            0.5 * burst.inversion_ratio(w, G, N, T1, T3), rel=1e-12
        )
    # saturation: 2/(gamma_A tau1 N) = 2e4, twice the seed's lifetime ratio 1e-3 s / 1e-7 s
    sat = burst.inversion_ratio(1e9, G, N, T1, T3)
    assert sat == pytest.approx(2.0 / (G * T1 * N), rel=2e-3)
    assert sat / (1e-3 / 1e-7) == pytest.approx(2.0, rel=2e-3)
    # weak pump: 6.3e6 at w_p = 1e-2 (docs §9 item 5)
    assert burst.inversion_ratio(1e-2, G, N, T1, T3) == pytest.approx(6.335e6, rel=1e-3)


def test_inversion_threshold_closed_form_against_numeric_root():
    # seed's tau1: gamma_A tau1 N = 1e-4 < 2, never lost
    assert burst.inversion_threshold_pump_rate(N, G, T1, T3) == math.inf
    # tau1 = 10 ms: lost above a finite pump rate
    t1 = 1e-2
    w_inv = burst.inversion_threshold_pump_rate(N, G, t1, T3)
    root = math.exp(
        brentq(
            lambda lw: burst.inversion_ratio(math.exp(lw), G, N, t1, T3) - 1.0,
            0.0,
            20.0,
            xtol=1e-14,
        )
    )
    assert w_inv == pytest.approx(root, rel=1e-9)
    assert w_inv == pytest.approx(200.0 / 3.0, rel=1e-3)
    for w, sign in ((0.5 * w_inv, 1.0), (2.0 * w_inv, -1.0)):
        ss, _ = four_level.ode_steady_state(w, N, G, t1, T3)
        assert sign * (ss.N2 - ss.N1) > 0
    # tau1 = 1 ms: gamma_A tau1 N = 1 < 2, never lost
    assert burst.inversion_threshold_pump_rate(N, G, 1e-3, T3) == math.inf
