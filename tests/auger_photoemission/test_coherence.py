"""Physics checks of Eq. 9 of Zeng et al. (coherent + incoherent spectral density; note §7)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.integrate import quad

from lightmatter.auger_photoemission.coherence import (
    SHAPES,
    coherent_spectral_density,
    critical_frequency,
    critical_number,
    form_factor,
    monte_carlo_spectral_density,
    sample_emission_times,
)
from lightmatter.auger_photoemission.four_level import auger_decay

SIGMA = 2.5e-15  # s (any time scale; results depend on omega * sigma_t only)


def _density(shape):
    """Normalised emission-time density in units of sigma_t and its support."""
    if shape == "gaussian":
        return (lambda u: math.exp(-u * u / 2) / math.sqrt(2 * math.pi)), (-40.0, 40.0)
    if shape == "exponential":
        return (lambda u: math.exp(-u)), (0.0, math.inf)
    if shape == "uniform":
        L = math.sqrt(12.0)
        return (lambda u: 1.0 / L), (-L / 2, L / 2)
    return (lambda u: 1.0 / (1.0 + u) ** 2), (0.0, math.inf)


def _quad_form_factor(Omega, shape):
    f, (lo, hi) = _density(shape)
    if Omega == 0.0:
        return quad(f, lo, hi)[0] ** 2
    kw = {"weight": "cos", "wvar": Omega}
    ks = {"weight": "sin", "wvar": Omega}
    if math.isinf(hi):
        re = quad(f, lo, hi, **kw)[0]
        im = quad(f, lo, hi, **ks)[0]
    else:
        re = quad(f, lo, hi, limit=500, epsabs=1e-14, **kw)[0]
        im = quad(f, lo, hi, limit=500, epsabs=1e-14, **ks)[0]
    return re * re + im * im


@pytest.mark.parametrize("shape", SHAPES)
def test_form_factor_is_squared_fourier_transform(shape):
    for Omega in (0.0, 0.1, 0.5, 1.0, 2.0, 5.0, 20.0, 100.0):
        ref = _quad_form_factor(Omega, shape)
        got = form_factor(Omega / SIGMA, SIGMA, shape)
        assert got == pytest.approx(ref, rel=1e-7, abs=1e-14), Omega
        assert form_factor(-Omega / SIGMA, SIGMA, shape) == pytest.approx(got, rel=1e-14)
    assert form_factor(0.0, SIGMA, shape) == 1.0


def test_auger_burst_form_factor_properties():
    # half point near Omega = 0.394 and a 1/Omega^2 tail (note §7)
    assert form_factor(0.3944 / SIGMA, SIGMA, "auger_burst") == pytest.approx(0.5, abs=1e-3)
    for Omega in (1e2, 1e3, 1e5):
        ff = form_factor(Omega / SIGMA, SIGMA, "auger_burst")
        assert ff * Omega**2 == pytest.approx(1.0, rel=1.0 / Omega)
    # continuity where the closed form hands over to the asymptotic series (Omega = 40)
    below = form_factor(np.nextafter(40.0, 0.0) / SIGMA, SIGMA, "auger_burst")
    above = form_factor(np.nextafter(40.0, 100.0) / SIGMA, SIGMA, "auger_burst")
    assert above == pytest.approx(below, rel=1e-12)
    # monotone decrease
    ff = form_factor(np.logspace(-3, 4, 400) / SIGMA, SIGMA, "auger_burst")
    assert np.all(np.diff(ff) < 0)


def test_auger_burst_density_is_normalised_auger_emission_rate():
    # f(t) = a/(1 + a t)^2 with a = gamma_A N_z is gamma_A N2(t)^2 / N_z for the hyperbolic decay
    gamma_A, Nz = 1e-3, 1e6
    a = gamma_A * Nz
    t = np.linspace(0.0, 50.0 / a, 11)
    assert np.allclose(gamma_A * auger_decay(t, Nz, gamma_A) ** 2 / Nz, a / (1 + a * t) ** 2)


def test_gaussian_limits_and_critical_number():
    N = np.array([1.0, 2.0, 10.0, 1e4])
    assert np.allclose(coherent_spectral_density(0.0, N, SIGMA), N**2)  # fully coherent
    assert np.allclose(coherent_spectral_density(50.0 / SIGMA, N, SIGMA), N)  # incoherent
    for x in (0.3, 1.0, 2.0):
        omega = x / SIGMA
        Nc = critical_number(omega, SIGMA)
        assert Nc == pytest.approx(1.0 + math.exp(x * x))
        # at N = N_c the coherent term equals the incoherent one
        rho = coherent_spectral_density(omega, Nc, SIGMA)
        assert rho == pytest.approx(2.0 * Nc)
        assert critical_frequency(Nc, SIGMA) == pytest.approx(omega)
    for shape in SHAPES:
        Nc = critical_number(0.7 / SIGMA, SIGMA, shape)
        assert coherent_spectral_density(0.7 / SIGMA, Nc, SIGMA, shape) == pytest.approx(2 * Nc)


def test_scaling_with_N_goes_from_linear_to_quadratic():
    omega = 3.0 / SIGMA  # |f|^2 = exp(-9): N_c ~ 8.1e3
    N = np.logspace(0.5, 9, 300)
    rho = coherent_spectral_density(omega, N, SIGMA)
    slope = np.gradient(np.log(rho), np.log(N), edge_order=2)
    F = math.exp(-9.0)
    exact = (1.0 + (2.0 * N - 1.0) * F) / (1.0 + (N - 1.0) * F)  # d ln rho / d ln N of Eq. 9
    assert np.allclose(slope, exact, atol=2e-3)
    assert slope[0] == pytest.approx(1.0, abs=1e-3)
    assert slope[-1] == pytest.approx(2.0, abs=1e-3)
    assert np.all(np.diff(exact) > 0)
    # slope 3/2 at N - 1 = 1/|f|^2, i.e. at the critical number
    Nc = critical_number(omega, SIGMA)
    assert (1.0 + (2.0 * Nc - 1.0) * F) / (1.0 + (Nc - 1.0) * F) == pytest.approx(1.5, abs=1e-4)


@pytest.mark.parametrize("shape", ["gaussian", "auger_burst", "exponential"])
def test_monte_carlo_agrees_with_eq9_within_5_sigma(shape):
    N, R = 40, 4000
    omega = np.array([0.0, 0.2, 0.5, 1.0, 2.0, 4.0]) / SIGMA
    mean, err = monte_carlo_spectral_density(omega, N, SIGMA, R, np.random.default_rng(2024), shape)
    exact = coherent_spectral_density(omega, N, SIGMA, shape)
    assert mean[0] == pytest.approx(N**2, rel=1e-12)  # omega = 0: all phases equal
    z = np.abs(mean[1:] - exact[1:]) / err[1:]
    assert np.all(z < 5.0), z
    # incoherent regime: |sum|^2 ~ exponential, relative standard error ~ 1/sqrt(R)
    if shape == "gaussian":
        assert err[-1] / mean[-1] == pytest.approx(1.0 / math.sqrt(R), rel=0.15)


def test_monte_carlo_is_reproducible_and_chunking_invariant():
    omega = np.linspace(0.0, 3.0, 7).reshape(7, 1) / SIGMA
    a = monte_carlo_spectral_density(omega, 25, SIGMA, 300, 11, "auger_burst")
    b = monte_carlo_spectral_density(
        omega, 25, SIGMA, 300, np.random.default_rng(11), "auger_burst"
    )
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert a[0].shape == (7, 1)
    # tiny chunks (one realisation of one frequency at a time) give the same statistics
    c = monte_carlo_spectral_density(omega, 25, SIGMA, 300, 11, "auger_burst", max_elements=25)
    assert np.allclose(c[0], a[0], rtol=1e-12) and np.allclose(c[1], a[1], rtol=1e-9)
    d = monte_carlo_spectral_density(omega, 25, SIGMA, 300, 12, "auger_burst")
    assert not np.allclose(d[0][1:], a[0][1:])
    scalar = monte_carlo_spectral_density(1.0 / SIGMA, 25, SIGMA, 300, 11, "auger_burst")
    assert isinstance(scalar[0], float)


@pytest.mark.parametrize("shape", SHAPES)
def test_sampled_times_follow_the_distribution(shape):
    t = sample_emission_times(shape, SIGMA, (200_000,), 5) / SIGMA
    if shape == "auger_burst":
        # CDF F(u) = u/(1 + u): median at u = 1, quartiles at 1/3 and 3
        assert np.quantile(t, [0.25, 0.5, 0.75]) == pytest.approx([1 / 3, 1.0, 3.0], rel=0.02)
    else:
        assert np.std(t) == pytest.approx(1.0, rel=0.01)  # sigma_t is the rms


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: form_factor(1.0, -1.0), "sigma_t"),
        (lambda: form_factor(float("nan"), 1.0), "omega"),
        (lambda: form_factor(1.0, 1.0, "lorentzian"), "shape"),
        (lambda: coherent_spectral_density(1.0, 0.0, 1.0), "N"),
        (lambda: coherent_spectral_density(1.0, 0.5, 1.0), "N"),
        (lambda: critical_frequency(2.0, 1.0), "N"),
        (lambda: monte_carlo_spectral_density(1.0, 0, 1.0, 10, 1), "N"),
        (lambda: monte_carlo_spectral_density(1.0, 2.5, 1.0, 10, 1), "N"),
        (lambda: monte_carlo_spectral_density(1.0, 5, 1.0, 1, 1), "n_realisations"),
        (lambda: monte_carlo_spectral_density(1.0, 5, 0.0, 10, 1), "sigma_t"),
        (lambda: monte_carlo_spectral_density(1.0, 5, 1.0, 10, "seed"), "rng"),
    ],
)
def test_bad_input_raises_value_error_naming_parameter(call, name):
    with pytest.raises(ValueError, match=rf"\b{name}\b"):
        call()
