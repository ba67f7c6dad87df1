"""Single-photon emitter, biexciton cascade and purity vs size (review Figs. 2b, 4c/e).

Derivations in ``docs/perovskite_emission.md`` §1-3. QuTiP is a test-only cross-check:
in ``qutip.destroy(2)`` the state |1> is the EXCITED state, so ``sigma_- = destroy(2)``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.integrate import quad

from lightmatter import markov
from lightmatter.perovskite_emission import single_photon as sp1

qt = pytest.importorskip("qutip")

TIGHT = {"atol": 1e-12, "rtol": 1e-10, "nsteps": 1_000_000}

# docs/perovskite_emission.md §2 defaults (ASSUMED): eta_X = 0.9, k_rXX = 4 k_rX, tau_A = 50 ps
KRX, KNRX, KRXX, KA = 0.18, 0.02, 0.72, 20.0


# ---------------------------------------------------------------------------------------------
# Fig. 2b: pumped two-level emitter
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("r", "gamma"), [(0.05, 0.2), (0.7, 0.3)])
def test_spe_g2_matches_qutip(r, gamma):
    a = qt.destroy(2)
    taus = np.linspace(0.0, 40.0, 201)
    g2_qt, _ = qt.coherence_function_g2(
        qt.qzero(2), None, taus, [math.sqrt(r) * a.dag(), math.sqrt(gamma) * a], a, options=TIGHT
    )
    np.testing.assert_allclose(sp1.spe_g2(taus, r, gamma), np.real(g2_qt), atol=1e-8, rtol=0)


def test_spe_g2_limits_and_symmetry():
    t = np.linspace(-30, 30, 121)
    g2 = sp1.spe_g2(t, 0.05, 0.2)
    assert sp1.spe_g2(0.0, 0.05, 0.2) == 0.0
    np.testing.assert_allclose(g2, g2[::-1], rtol=0, atol=0)
    assert abs(sp1.spe_g2(200.0, 0.05, 0.2) - 1.0) < 1e-15
    # slope at 0+ is (r + gamma): pump speeds up the recovery
    h = 1e-6
    assert sp1.spe_g2(h, 0.05, 0.2) / h == pytest.approx(0.25, rel=1e-5)


def test_spe_g2_irf_equals_numerical_convolution():
    r, gamma, sigma = 0.05, 0.2, 0.5
    norm = sigma * math.sqrt(2 * math.pi)

    def integrand(s, tau):
        return sp1.spe_g2(tau - s, r, gamma) * math.exp(-(s**2) / (2 * sigma**2)) / norm

    for tau in (-3.0, 0.0, 0.3, 2.0, 25.0):
        lo, hi = -14 * sigma, 14 * sigma
        pts = [tau] if lo < tau < hi else None
        numeric, _ = quad(integrand, lo, hi, args=(tau,), points=pts, epsabs=1e-14, limit=200)
        assert sp1.spe_g2_irf(tau, r, gamma, sigma) == pytest.approx(numeric, abs=1e-11)
    # finite dip depth (docs/perovskite_emission.md §1):
    # sigma = 50 ps gives g2(0) ~ sigma (r+gamma) sqrt(2/pi)
    dip = sp1.spe_g2_irf(0.0, r, gamma, 0.05)
    assert dip == pytest.approx(0.05 * 0.25 * math.sqrt(2 / math.pi), rel=0.02)
    # no overflow for a tiny IRF and large delays; converges to the ideal curve
    t = np.array([-40.0, -1.0, 1.0, 40.0])
    np.testing.assert_allclose(
        sp1.spe_g2_irf(t, r, gamma, 1e-4), sp1.spe_g2(t, r, gamma), atol=1e-6
    )


# ---------------------------------------------------------------------------------------------
# docs/perovskite_emission.md §2: biexciton cascade
# ---------------------------------------------------------------------------------------------
def _qutip_cascade(pump, tau, pump_xx=None):
    """3-level Lindblad cascade G-X-XX with Auger on XX; photon-counting G2 summed over both
    radiative channels (``docs/perovskite_emission.md`` §9)."""
    pump_xx = pump if pump_xx is None else pump_xx
    G, X, XX = (qt.basis(3, i) for i in range(3))
    c_rad = [math.sqrt(KRX) * G * X.dag(), math.sqrt(KRXX) * X * XX.dag()]
    c_ops = [
        *c_rad,
        math.sqrt(KNRX) * G * X.dag(),
        math.sqrt(KA) * X * XX.dag(),
        math.sqrt(pump) * X * G.dag(),
        math.sqrt(pump_xx) * XX * X.dag(),
    ]
    H = qt.qzero(3)
    rho = qt.steadystate(H, c_ops)
    n_op = sum(c.dag() * c for c in c_rad)
    mean = qt.expect(n_op, rho)
    rho0 = sum(c * rho * c.dag() for c in c_rad)
    weight = rho0.tr()  # = G2 scale; evolve the normalised state so atol is relative to O(1)
    res = qt.mesolve(H, rho0 / weight, tau, c_ops, e_ops=[n_op], options=TIGHT)
    return np.real(np.asarray(res.expect[0])) * np.real(weight) / mean**2


@pytest.mark.parametrize(("pump", "pump_xx"), [(0.01, None), (0.3, None), (0.05, 0.1)])
def test_cascade_cw_matches_qutip(pump, pump_xx):
    tau = np.linspace(0.0, 30.0, 151)
    ref = _qutip_cascade(pump, tau, pump_xx)
    ours = sp1.cascade_g2_cw(tau, pump, KRX, KNRX, KRXX, KA, pump_xx=pump_xx)
    np.testing.assert_allclose(ours, ref, rtol=1e-8, atol=1e-10)


def test_cascade_cw_g2_zero_equals_stationary_formula():
    W = sp1.cascade_generator(0.2, KRX, KNRX, KRXX, KA)
    markov.check_generator(W)
    p = markov.stationary_state(W)
    intensity = KRX * p[1] + KRXX * p[2]
    assert sp1.cascade_g2_cw(0.0, 0.2, KRX, KNRX, KRXX, KA) == pytest.approx(
        KRX * KRXX * p[2] / intensity**2, rel=1e-12
    )


def test_cascade_limits_reach_nair_bawendi_from_above():
    limit = (KRXX / (KRXX + KA)) / (KRX / (KRX + KNRX))
    assert limit == pytest.approx(0.0386, abs=5e-4)  # docs/perovskite_emission.md §2: ~0.04
    assert sp1.cascade_g2_zero(KRX, KNRX, KRXX, KA) == pytest.approx(limit, rel=1e-14)
    pumps = np.array([1e-1, 1e-2, 1e-3, 1e-5])
    cw = np.array([sp1.cascade_g2_cw(0.0, r, KRX, KNRX, KRXX, KA) for r in pumps])
    assert np.all(np.diff(cw) < 0) and np.all(cw > limit)
    assert cw[-1] == pytest.approx(limit, rel=1e-3)
    m = np.array([0.5, 0.1, 1e-3, 1e-7])
    pulsed = sp1.cascade_g2_zero(KRX, KNRX, KRXX, KA, m)
    assert np.all(np.diff(pulsed) < 0) and np.all(pulsed > limit)
    assert pulsed[-1] == pytest.approx(limit, rel=1e-6)
    # docs/perovskite_emission.md §2: a few % above the limit at m = 0.1, ~15 % at m = 0.5
    assert 1.01 < pulsed[1] / limit < 1.05
    assert 1.12 < pulsed[0] / limit < 1.17
    # CW with unequal pumps: extra factor r2 / r (pulsed has none)
    cw2 = sp1.cascade_g2_cw(0.0, 1e-6, KRX, KNRX, KRXX, KA, pump_xx=3e-6)
    assert cw2 == pytest.approx(3.0 * limit, rel=1e-4)


def test_cascade_rates_reproduce_purity_vs_size_and_the_nair_bawendi_limit():
    """The config parametrisation (xx_rad_factor, tau_A) gives the cascade rates: the m -> 0
    cascade g2 equals eta_XX/eta_X computed by hand and, with k_rad,X = eta_X/tau_X and
    tau_A = c_A L^3, the independent purity-vs-size formula."""
    rates = sp1.cascade_rates(KRX, KNRX, 4.0, 0.05)
    assert rates.k_rad_xx == pytest.approx(4.0 * KRX, rel=1e-15)
    assert 1.0 / rates.k_auger == pytest.approx(0.05, rel=1e-15)
    hand = (4.0 * KRX / (4.0 * KRX + 1.0 / 0.05)) / (KRX / (KRX + KNRX))
    assert sp1.cascade_g2_zero(*rates) == pytest.approx(hand, rel=1e-14)
    tau_x, eta_x, c_a = 5.0, 0.9, 0.05
    for L, factor in ((6.6, 4.0), (12.0, 2.0), (30.0, 4.0)):
        r = sp1.cascade_rates(eta_x / tau_x, (1.0 - eta_x) / tau_x, factor, c_a * L**3 * 1e-3)
        ref = sp1.purity_vs_size(L, tau_x=tau_x, eta_x=eta_x, xx_rad_factor=factor)
        assert sp1.cascade_g2_zero(*r) == pytest.approx(ref.g2_zero[0], rel=1e-12)
    with pytest.raises(ValueError):
        sp1.cascade_rates(KRX, KNRX, 4.0, 0.0)


def test_cascade_pulsed_monte_carlo_agrees_with_formula():
    m = 0.3
    mc = sp1.cascade_pulsed_monte_carlo(4_000_000, m, KRX, KNRX, KRXX, KA, rng=2024)
    exact = sp1.cascade_g2_zero(KRX, KNRX, KRXX, KA, m)
    assert mc.n_pairs > 4000
    assert abs(mc.g2 / exact - 1.0) < 5.0 * mc.rel_std


# ---------------------------------------------------------------------------------------------
# docs/perovskite_emission.md §3: universal volume scaling, purity vs size
# ---------------------------------------------------------------------------------------------
def test_auger_lifetime_scales_linearly_with_volume():
    assert sp1.auger_lifetime(10.0) == pytest.approx(0.05, rel=1e-14)  # 0.05 ps/nm^3 * 1000
    assert sp1.auger_lifetime(volume_nm3=2000.0) == pytest.approx(0.1, rel=1e-14)
    L = np.array([5.0, 10.0, 20.0])
    tau = sp1.auger_lifetime(L, c_auger_ps_per_nm3=0.2)
    np.testing.assert_allclose(tau / L**3, 0.2e-3, rtol=1e-14)
    np.testing.assert_allclose(tau, sp1.auger_lifetime(volume_nm3=L**3, c_auger_ps_per_nm3=0.2))


def test_purity_vs_size_trend_and_docs_numbers():
    L = np.linspace(4.0, 40.0, 3601)
    res = sp1.purity_vs_size(L)
    assert np.all(np.diff(res.g2_zero) > 0)  # larger dots: slower Auger, brighter XX, worse
    np.testing.assert_allclose(res.purity, 1.0 - res.g2_zero)
    g66 = sp1.purity_vs_size(6.6).g2_zero[0]
    assert 0.005 < g66 < 0.03  # seed: ~0.02 at 6.6 nm (order of magnitude only)
    assert g66 == pytest.approx(0.0114, abs=2e-4)
    L01 = np.interp(0.1, res.g2_zero, L)
    L05 = np.interp(0.5, res.g2_zero, L)
    assert 13.0 < L01 < 16.0  # docs/perovskite_emission.md §3: "roughly 15 nm"
    assert 27.0 < L05 < 31.0  # docs/perovskite_emission.md §3: "near 30 nm"
    # a slower biexciton (2x statistical factor) is purer
    assert (
        sp1.purity_vs_size(10.0, xx_rad_factor=2.0).g2_zero[0] < sp1.purity_vs_size(10.0).g2_zero[0]
    )
    # consistency with the cascade formula
    tau_a = sp1.auger_lifetime(12.0)
    assert sp1.purity_vs_size(12.0).g2_zero[0] == pytest.approx(
        sp1.cascade_g2_zero(0.18, 0.02, 0.72, 1.0 / tau_a), rel=1e-12
    )


# ---------------------------------------------------------------------------------------------
# input validation
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "call",
    [
        lambda: sp1.spe_g2(1.0, -0.1, 0.2),
        lambda: sp1.spe_g2(1.0, 0.1, 0.0),
        lambda: sp1.spe_g2(np.nan, 0.1, 0.2),
        lambda: sp1.spe_g2("x", 0.1, 0.2),
        lambda: sp1.spe_g2_irf(0.0, 0.1, 0.2, 0.0),
        lambda: sp1.cascade_g2_zero(0.18, 0.02, 0.72, 20.0, -0.1),
        lambda: sp1.cascade_g2_zero(0.0, 0.02, 0.72, 20.0),
        lambda: sp1.cascade_g2_cw(0.0, 0.0, 0.18, 0.02, 0.72, 20.0),
        lambda: sp1.auger_lifetime(),
        lambda: sp1.auger_lifetime(5.0, volume_nm3=125.0),
        lambda: sp1.auger_lifetime(-5.0),
        lambda: sp1.purity_vs_size(10.0, eta_x=1.2),
        lambda: sp1.purity_vs_size(0.0),
        lambda: sp1.cascade_pulsed_monte_carlo(0, 0.1, 0.18, 0.02, 0.72, 20.0, rng=1),
        lambda: sp1.cascade_pulsed_monte_carlo(10, 0.1, 0.18, 0.02, 0.72, 20.0, rng=None),
        lambda: sp1.cascade_pulsed_monte_carlo(10, 0.1, 0.18, 0.02, 0.72, 20.0, rng=True),
    ],
)
def test_bad_input_raises_value_error(call):
    with pytest.raises(ValueError):
        call()
