"""Radiation-field picture (Yuge et al. PRB 107, 165303 (2023), Sec. V, Eqs. 25-28)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lightmatter.cl_superbunching import model1 as m1
from lightmatter.cl_superbunching.radiation import (
    g2_of_state,
    mean_gap,
    mean_pulse_duration,
    photon_number_state,
    vacuum_mixture,
)

CASES = [(N, g) for N in [1, 2, 3, 5, 10, 20, 50] for g in [1e-4, 1e-2, 0.3, 10.0]]


@pytest.mark.parametrize(("N", "g"), CASES)
def test_photon_state_g2_equals_eq16(N, g):
    P = photon_number_state(N, g)
    assert abs(P.sum() - 1) < 1e-14
    if N == 1:
        assert g2_of_state(P) == 0.0
    else:
        assert g2_of_state(P) == pytest.approx(m1.g2_zero(N, g), rel=1e-13)


@pytest.mark.parametrize(("N", "g"), CASES)
def test_vacuum_mixture_identities(N, g):
    mix = vacuum_mixture(N, g)
    P = photon_number_state(N, g)
    H = m1.harmonic_number(N)
    # Eq. 28: p_on = 1 - P_0, rho_pulse normalised with rate-independent weights 1/(n H_N)
    assert mix["p_on"] == pytest.approx(1 - P[0], rel=1e-12)
    assert mix["rho_pulse"][0] == 0.0
    assert abs(mix["rho_pulse"].sum() - 1) < 1e-14
    # Eq. 25: rho_ph = (1 - p_on)|0><0| + p_on rho_pulse
    vac = np.zeros(N + 1)
    vac[0] = 1.0
    recon = (1 - mix["p_on"]) * vac + mix["p_on"] * mix["rho_pulse"]
    assert np.max(np.abs(recon - P)) < 1e-15
    # g2_pulse is the large-rate limit of Eq. 16, and equals g2 of rho_pulse
    assert mix["g2_pulse"] == pytest.approx((N - 1) * H / (2 * N), rel=1e-15, abs=0)
    if N > 1:
        assert g2_of_state(mix["rho_pulse"]) == pytest.approx(mix["g2_pulse"], rel=1e-13)
        # Eq. 26: g2 = g2_pulse / p_on, equal to Eq. 16
        assert mix["g2_total"] == pytest.approx(m1.g2_zero(N, g), rel=1e-13)
        assert mix["g2_total"] == pytest.approx(g2_of_state(recon), rel=1e-13)
    # renewal argument: p_on = <pulse> / (<pulse> + <gap>)
    on = mean_pulse_duration(N) / (mean_pulse_duration(N) + mean_gap(g))
    assert mix["p_on"] == pytest.approx(on, rel=1e-13)


def test_pulse_g2_exceeds_one_only_for_N_ge_6():
    # ``docs/cl_superbunching.md`` §1.5: the large-rate limit (= g2_pulse) exceeds 1 for N >= 6
    vals = [vacuum_mixture(N, 1.0)["g2_pulse"] for N in range(1, 12)]
    assert all(v < 1 for v in vals[:5]) and all(v > 1 for v in vals[5:])


def test_superbunching_is_vacuum_dilution():
    # g2 ~ g2_pulse / (gamma tau H_N) at small gamma: p_on ~ gamma tau ln N scaling
    N = 10
    for g in [1e-5, 1e-4]:
        mix = vacuum_mixture(N, g)
        assert mix["p_on"] == pytest.approx(
            g * m1.harmonic_number(N), rel=2 * g * m1.harmonic_number(N)
        )


@pytest.mark.parametrize("N", [1, 2, 5, 20])
def test_mean_pulse_duration_monte_carlo(N):
    # a pulse ends at the last of N independent Exp(tau) decays
    rng = np.random.default_rng(12345 + N)
    samples = rng.exponential(1.0, size=(200_000, N)).max(axis=1)
    sigma = math.sqrt(sum(1 / k**2 for k in range(1, N + 1)))  # std of the maximum
    assert samples.std() == pytest.approx(sigma, rel=0.02)
    err = sigma / math.sqrt(samples.shape[0])
    assert abs(samples.mean() - mean_pulse_duration(N)) < 4 * err
    # and it is distinguishable from the naive ln N estimate for small N
    if N == 5:
        assert abs(samples.mean() - math.log(N)) > 20 * err


def test_mean_gap_and_vectorisation():
    assert mean_gap(0.25) == 4.0
    assert np.array_equal(mean_gap(np.array([0.5, 2.0])), [2.0, 0.5])
    assert mean_pulse_duration(1) == 1.0


def test_g2_of_state_known_states():
    # Fock state |n>: 1 - 1/n ; Poisson: 1 ; thermal: 2 ; normalisation is internal
    assert g2_of_state([0, 0, 0, 1.0]) == pytest.approx(2 / 3, rel=1e-15)
    k = np.arange(80)
    mu = 3.0
    poisson = np.exp(-mu + k * math.log(mu) - np.array([math.lgamma(x + 1) for x in k]))
    assert g2_of_state(poisson) == pytest.approx(1.0, rel=1e-12)
    nbar = 2.0
    thermal = (nbar / (1 + nbar)) ** np.arange(400) / (1 + nbar)
    assert g2_of_state(thermal) == pytest.approx(2.0, rel=1e-12)
    assert g2_of_state(5 * thermal) == pytest.approx(2.0, rel=1e-12)


@pytest.mark.parametrize(
    "bad", [[1.0], [1.0, 0.0], [0.5, -0.1, 0.6], [[0.5, 0.5]], [], [np.nan, 1]]
)
def test_g2_of_state_rejects_bad_input(bad):
    with pytest.raises(ValueError):
        g2_of_state(bad)


def test_validation():
    with pytest.raises(ValueError):
        vacuum_mixture(0, 0.1)
    with pytest.raises(ValueError):
        vacuum_mixture(3, -0.1)
    with pytest.raises(ValueError):
        photon_number_state(3.5, 0.1)
    with pytest.raises(ValueError):
        photon_number_state(3, [0.1, 0.2])
    with pytest.raises(ValueError):
        mean_gap(0.0)
    with pytest.raises(ValueError):
        mean_pulse_duration(-2)
