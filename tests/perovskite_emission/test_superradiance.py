"""Dicke superradiance, its g2, dephasing (qutip.piqs) and the superlattice rate model
(review Figs. 2c, 6; ``docs/perovskite_emission.md`` §4, §5, §7)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lightmatter import markov
from lightmatter.perovskite_emission import superlattice as sl
from lightmatter.perovskite_emission import superradiance as sr

from . import SUPERLATTICE_KW

qt = pytest.importorskip("qutip")
from qutip import piqs  # noqa: E402  (attribute, not sys.modules["qutip.piqs"])

TIGHT = {"atol": 1e-12, "rtol": 1e-10, "nsteps": 1_000_000}
SCALING_N = [10, 20, 50, 100, 200, 500, 1000]


@pytest.fixture(scope="module")
def scaling():
    """Burst metrics for N in [10, 1000] (default window, 2001 points)."""
    out = {}
    for N in SCALING_N:
        burst = sr.dicke_burst(N, num=2001)
        out[N] = (burst, sr.burst_metrics(burst))
    return out


# ---------------------------------------------------------------------------------------------
# symmetric ladder vs piqs
# ---------------------------------------------------------------------------------------------
def test_generator_is_a_rate_matrix():
    W = sr.dicke_generator(7, 0.5)
    markov.check_generator(W)
    lam = sr.dicke_rates(7, 0.5)
    # (J+M)(J-M+1): rates repeat in pairs k <-> N+1-k
    # (defective matrix, docs/perovskite_emission.md §4)
    np.testing.assert_allclose(lam[1:], lam[1:][::-1])


@pytest.mark.parametrize(("N", "gamma"), [(2, 1.0), (4, 0.75), (6, 1.0)])
def test_ladder_matches_piqs_collective_emission(N, gamma):
    """1e-8 agreement. piqs stores its rates as C ``float`` (single precision, _piqs.pyx), so the
    rates must be exactly representable in float32 (0.75, 1.0); gamma = 0.7 leaves ~1e-7."""
    t = np.linspace(0.0, 12.0 / gamma, 301)
    system = piqs.Dicke(N, collective_emission=gamma)
    jp = piqs.jspin(N, "+")
    jm = jp.dag()
    res = qt.mesolve(
        system.liouvillian(),
        piqs.excited(N),
        t,
        e_ops=[jp * jm, jp * jp * jm * jm],
        options=TIGHT,
    )
    burst = sr.dicke_burst(N, t, gamma)
    I_ref = gamma * np.real(np.asarray(res.expect[0]))
    G2_ref = gamma**2 * np.real(np.asarray(res.expect[1]))
    peak = I_ref.max()
    np.testing.assert_allclose(burst.intensity, I_ref, atol=1e-8 * peak, rtol=0)
    np.testing.assert_allclose(burst.g2_numerator, G2_ref, atol=1e-8 * peak**2, rtol=0)
    # the piqs solution with zero dephasing through the public wrapper
    deph = sr.dephased_burst(N, 0.0, t, gamma, options=TIGHT)
    np.testing.assert_allclose(deph.intensity, I_ref, atol=1e-9 * peak, rtol=0)


def test_radau_equals_expm_and_populations_stay_normalised():
    a = sr.dicke_burst(150, method="expm")
    b = sr.dicke_burst(150, method="radau")
    np.testing.assert_allclose(b.intensity, a.intensity, atol=1e-8 * a.intensity.max(), rtol=0)
    np.testing.assert_allclose(a.populations.sum(axis=1), 1.0, atol=1e-12)
    assert a.populations.min() > -1e-12


def test_single_emitter_is_exponential():
    t = np.linspace(0, 10, 101)
    burst = sr.dicke_burst(1, t, 2.0)
    np.testing.assert_allclose(burst.intensity, 2.0 * np.exp(-2.0 * t), rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# photon number and scaling laws (seed: I_SR ~ N^2, T ~ 1/N)
# ---------------------------------------------------------------------------------------------
def test_total_photons_equal_n(scaling):
    for N, (_, m) in scaling.items():
        assert m.total_photons == pytest.approx(N, rel=1e-8, abs=0)
        assert m.total_photons_quadrature == pytest.approx(N, rel=1e-4)
    m2 = sr.burst_metrics(sr.dicke_burst(2))
    assert m2.total_photons == pytest.approx(2.0, abs=1e-8)


def test_peak_and_width_power_laws(scaling):
    N = np.array(SCALING_N, dtype=float)
    peak = [scaling[n][1].peak_intensity for n in SCALING_N]
    width = [scaling[n][1].fwhm for n in SCALING_N]
    fit_pk = sr.fit_power_law(N, peak)
    fit_w = sr.fit_power_law(N, width)
    assert abs(fit_pk.exponent - 2.0) < 0.05
    assert abs(fit_w.exponent + 1.0) < 0.05
    # docs/perovskite_emission.md §4 test bands over N in {10..200}
    small = sr.fit_power_law(N[:5], peak[:5])
    assert 1.90 <= small.exponent <= 2.00
    # asymptotic quantum reduction ~0.8 of the mean-field peak (N+1)^2/4, width > mean field
    n_max = SCALING_N[-1]
    ratio = scaling[n_max][1].peak_intensity / ((n_max + 1) ** 2 / 4)
    assert 0.75 < ratio < 0.82
    assert scaling[n_max][1].fwhm * (n_max + 1) > 3.5255


def test_delay_scales_like_log_n_over_n(scaling):
    N = np.array(SCALING_N, dtype=float)
    t_pk = np.array([scaling[n][1].peak_time for n in SCALING_N])
    fit = sr.fit_delay_log(N, t_pk)
    assert fit.r_squared > 0.99
    assert 0.9 < fit.slope < 1.3
    ratio = N * t_pk / np.log(N)
    big = ratio[N >= 50]
    assert big.max() / big.min() < 1.02  # ratio approaches a constant (~1.05)
    assert 0.95 < big.mean() < 1.15
    # a pure power law would misfit: the local exponent drifts with N
    lo = sr.fit_power_law(N[:3], t_pk[:3]).exponent
    hi = sr.fit_power_law(N[-3:], t_pk[-3:]).exponent
    assert hi - lo < -0.05


def test_fit_burst_scaling_recovers_exact_laws():
    """Synthetic metrics that follow the laws exactly for N >= n_min (and deviate below it):
    the fits recover the exponents, prefactors and the delay line, and ignore N < n_min."""
    N = np.array([1, 3, 10, 20, 50, 100, 300])
    big = N >= 10
    peak = np.where(big, 0.23 * N**2.0, 5.0)
    width = np.where(big, 4.4 * N**-1.0, 0.01)
    t_pk = np.where(big, (1.1 * np.log(N) - 0.28) / N, 7.0)
    res = sr.fit_burst_scaling(N, peak, width, t_pk, n_min=10)
    assert res.peak_fit.exponent == pytest.approx(2.0, abs=1e-12)
    assert res.peak_fit.prefactor == pytest.approx(0.23, rel=1e-12)
    assert res.peak_fit.exponent_stderr < 1e-12
    assert res.fwhm_fit.exponent == pytest.approx(-1.0, abs=1e-12)
    assert res.fwhm_fit.prefactor == pytest.approx(4.4, rel=1e-12)
    assert res.delay_fit.slope == pytest.approx(1.1, rel=1e-12)
    assert res.delay_fit.intercept == pytest.approx(-0.28, rel=1e-11)
    assert res.delay_fit.r_squared == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_allclose(res.peak_intensity_fitted[big], peak[big], rtol=1e-12)
    np.testing.assert_allclose(res.fwhm_fitted[big], width[big], rtol=1e-12)
    np.testing.assert_allclose(res.scaled_delay_fitted[big], N[big] * t_pk[big], rtol=1e-12)
    # a different exponent is recovered as well (not a hard-coded 2)
    other = sr.fit_burst_scaling(N[big], 3.0 * N[big] ** 1.37, width[big], t_pk[big], n_min=1)
    assert other.peak_fit.exponent == pytest.approx(1.37, abs=1e-12)


def test_burst_scaling_on_the_dicke_ladder(scaling):
    """On the exact ladder: peak ~ N^2 and FWHM ~ 1/N (review), delay linear in ln N / N; the
    metrics are those of :func:`burst_metrics` on the same grid."""
    res = sr.burst_scaling([50, 10, 200, 20, 100], num=2001)
    np.testing.assert_array_equal(res.N, [10, 20, 50, 100, 200])
    for n, pk, w, tp in zip(res.N, res.peak_intensity, res.fwhm, res.peak_time):
        m = scaling[int(n)][1]
        assert (pk, w, tp) == (m.peak_intensity, m.fwhm, m.peak_time)
    # test band of docs/perovskite_emission.md §4 over N in {10..200}
    assert 1.90 <= res.peak_fit.exponent <= 2.0
    assert abs(res.fwhm_fit.exponent + 1.0) < 0.05
    assert res.delay_fit.r_squared > 0.99
    # over the whole range up to N = 1000 the peak exponent is within 0.05 of 2
    full = sr.fit_burst_scaling(
        np.array(SCALING_N),
        [scaling[n][1].peak_intensity for n in SCALING_N],
        [scaling[n][1].fwhm for n in SCALING_N],
        [scaling[n][1].peak_time for n in SCALING_N],
    )
    assert abs(full.peak_fit.exponent - 2.0) < 0.05
    assert full.peak_fit.exponent > res.peak_fit.exponent  # approaches 2 from below


def test_peak_refinement_and_independent_emitters():
    ind = sr.independent_emitters(25, gamma=0.5)
    m = sr.burst_metrics(ind)
    assert m.peak_intensity == pytest.approx(12.5)
    assert m.peak_time == 0.0
    assert m.fwhm == pytest.approx(math.log(2) / 0.5, rel=1e-10)
    assert m.total_photons == pytest.approx(25, rel=1e-12)
    np.testing.assert_allclose(ind.populations.sum(axis=1), 1.0, atol=1e-12)
    np.testing.assert_allclose(ind.g2, 1.0 - 1.0 / 25)
    # refined Dicke peak beats every grid point and does not depend on the grid
    coarse = sr.burst_metrics(sr.dicke_burst(40, num=301))
    fine = sr.burst_metrics(sr.dicke_burst(40, num=8001))
    assert coarse.peak_intensity == pytest.approx(fine.peak_intensity, rel=1e-9)
    assert coarse.peak_time == pytest.approx(fine.peak_time, rel=1e-6)
    assert coarse.fwhm == pytest.approx(fine.fwhm, rel=1e-9)


def test_burst_is_faster_and_brighter_than_independent():
    N = 50
    b = sr.burst_metrics(sr.dicke_burst(N))
    i = sr.burst_metrics(sr.independent_emitters(N))
    assert b.peak_intensity > 0.19 * N * i.peak_intensity  # ~0.2 N^2 vs N
    assert b.fwhm < 10 / N * i.fwhm


# ---------------------------------------------------------------------------------------------
# g2 of the burst
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("N", [2, 10, 200])
def test_burst_g2(N):
    res = sr.burst_g2(N)
    ipk = int(np.argmax(res.intensity))
    assert res.g2_superradiant[0] == pytest.approx(2.0 * (N - 1) / N, rel=1e-12)
    np.testing.assert_allclose(res.g2_independent, 1.0 - 1.0 / N)
    if N > 2:
        # docs/perovskite_emission.md §4: about 1.1 at the peak, about 1.3 weighted
        assert 1.05 < res.g2_superradiant[ipk] < 1.15
        assert 1.2 < res.weighted_superradiant < 1.3
        assert res.weighted_superradiant > res.weighted_independent
    # bunched (g2 > 1-1/N) throughout the rise, never above 2 up to the peak
    assert np.all(res.g2_superradiant[: ipk + 1] <= 2.0 + 1e-12)
    # correction to docs/perovskite_emission.md §4:
    # the instantaneous g2 exceeds 2 on the trailing edge
    late = res.intensity < 0.2 * res.intensity.max()
    late[: ipk + 1] = False
    assert np.nanmax(res.g2_superradiant[late]) > 2.0


# ---------------------------------------------------------------------------------------------
# dephasing quenches superradiance (docs/perovskite_emission.md §5)
# ---------------------------------------------------------------------------------------------
def test_piqs_dephasing_convention_single_emitter():
    """piqs local dephasing sqrt(gamma_D) sigma_z/2: coherence decays at gamma_D / 2."""
    L = piqs.Dicke(1, dephasing=1.25).liouvillian()  # float32-exact rate (see above)
    rho = qt.Qobj(np.array([[0.5, 0.5], [0.5, 0.5]]))
    t = np.array([0.0, 1.0, 2.0])
    res = qt.mesolve(L, rho, t, e_ops=[piqs.jspin(1, "x")], options=TIGHT)
    np.testing.assert_allclose(np.real(res.expect[0]), 0.5 * np.exp(-0.625 * t), rtol=1e-8)


def test_dephasing_lowers_peak_towards_independent_emission():
    N = 8
    t = np.linspace(0.0, 12.0, 1201)
    rates = [0.0, 1.0, 3.0, 10.0, 30.0, 100.0, 1000.0]
    peaks = []
    runs = {}
    for g in rates:
        run = sr.dephased_burst(N, g, t)
        runs[g] = run
        peaks.append(run.intensity.max())
    assert np.all(np.diff(peaks) < 0)
    strong = runs[1000.0]
    independent = N * np.exp(-t)
    assert int(np.argmax(strong.intensity)) == 0
    assert strong.intensity[0] == pytest.approx(N, rel=1e-6)
    assert np.max(np.abs(strong.intensity - independent)) < 0.02 * N
    # subradiant trapping at intermediate dephasing without local emission
    # (docs/perovskite_emission.md §5)
    assert runs[1.0].emitted_fraction < 0.995
    assert runs[0.0].emitted_fraction == pytest.approx(1.0, abs=1e-6)


def test_local_emission_adds_independent_channel():
    t = np.linspace(0.0, 10.0, 501)
    run = sr.dephased_burst(4, 0.0, t, gamma=1e-6, gamma_local=1.0)
    np.testing.assert_allclose(run.intensity, 4 * np.exp(-t), atol=1e-4)
    np.testing.assert_allclose(run.intensity, run.intensity_collective + run.intensity_local)


# ---------------------------------------------------------------------------------------------
# superlattice rate enhancement vs T (Fig. 6c, weak-excitation model, docs §7)
# ---------------------------------------------------------------------------------------------
def test_superlattice_enhancement_falls_with_temperature():
    kw = SUPERLATTICE_KW
    T = np.linspace(4.0, 300.0, 60)
    gphi, _ = sl.dephasing_rate(T, **kw)
    assert np.all(np.diff(gphi) > 0)
    ratio = sl.rate_enhancement(12, 1.0 / 0.21, gphi)
    assert np.all(np.diff(ratio) <= 1e-12) and np.all(ratio >= 1.0 - 1e-12)
    assert ratio[0] > 2.0 and ratio[-1] < 1.0 + 1e-5
    with pytest.raises(ValueError):
        sl.dephasing_rate(0.0, **kw)
    with pytest.raises(ValueError):
        sl.dephasing_rate(4.0, **{**kw, "t2_ref_ps": 500.0})


# ---------------------------------------------------------------------------------------------
# input validation
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "call",
    [
        lambda: sr.dicke_burst(0),
        lambda: sr.dicke_burst(2.5),
        lambda: sr.dicke_burst(True),
        lambda: sr.dicke_burst(5, gamma=-1.0),
        lambda: sr.dicke_burst(5, [0.0, 0.2, 0.1]),
        lambda: sr.dicke_burst(5, [-0.1, 0.2, 0.3]),
        lambda: sr.dicke_burst(5, method="eig"),
        lambda: sr.burst_metrics(sr.dicke_burst(20, np.linspace(0, 0.05, 11))),
        lambda: sr.burst_metrics("burst"),
        lambda: sr.fit_power_law([1, 2, 3], [1, -2, 3]),
        lambda: sr.fit_power_law([1, 2], [1, 2]),
        lambda: sr.fit_delay_log([10, 20], [0.1, 0.2]),
        lambda: sr.fit_burst_scaling([1, 5, 10, 20], [1, 2, 3, 4], [1, 1, 1, 1], [1, 1, 1, 1]),
        lambda: sr.fit_burst_scaling([10, 30, 20], [1, 2, 3], [1, 1, 1], [1, 1, 1]),
        lambda: sr.fit_burst_scaling([10, 20, 30], [1, 2], [1, 1, 1], [1, 1, 1]),
        lambda: sr.dephased_burst(40, 1.0, np.linspace(0, 1, 11)),
        lambda: sr.dephased_burst(4, -1.0, np.linspace(0, 1, 11)),
        lambda: sr.independent_emitters(0),
    ],
)
def test_bad_input_raises_value_error(call):
    with pytest.raises(ValueError):
        call()
