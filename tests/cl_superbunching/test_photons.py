"""Physics tests of the virtual photon streams and the HBT estimator (``docs/cl_superbunching.md``
§5)."""

from __future__ import annotations

import numpy as np
import pytest

from lightmatter.cl_superbunching import model1, model2, model3
from lightmatter.cl_superbunching.photons import (
    detected_photon_rate,
    hbt_histogram,
    intensity_trace,
    photon_stream,
    telegraph_noise,
)


def _rate_and_sigma(times: np.ndarray, T: float, n_blocks: int = 50) -> tuple[float, float]:
    """Photon rate and its batch-means standard error (bursty streams are super-Poissonian)."""
    counts = np.histogram(times, bins=np.linspace(0.0, T, n_blocks + 1))[0]
    rate = times.size / T
    sigma = counts.std(ddof=1) / np.sqrt(n_blocks) / (T / n_blocks)
    return rate, sigma


def test_model1_rate_and_determinism():
    N, g = 5, 0.1
    s = photon_stream("model1", 200_000, 7, N=N, gamma_tau=g)
    assert s.n_photons == 200_000 and np.all(np.diff(s.times) >= 0)
    assert s.times[-1] < s.record_length
    exact = N * g / (1 + g * sum(1 / k for k in range(1, N + 1)))
    assert exact == pytest.approx(float(model1.mean_excited(N, g)), rel=1e-12)
    rate, sigma = _rate_and_sigma(s.times, s.record_length)
    assert abs(rate - exact) < 4 * sigma
    assert sigma / exact < 0.01  # the test has teeth
    # every excitation puts N photons out (efficiency 1): count bookkeeping
    assert abs(s.n_emitted - N * s.n_excitations) <= N
    same = photon_stream("model1", 200_000, 7, N=N, gamma_tau=g)
    assert np.array_equal(same.times, s.times) and same.record_length == s.record_length
    other = photon_stream("model1", 200_000, 8, N=N, gamma_tau=g)
    assert not np.array_equal(other.times, s.times)


def test_model1_pulse_structure():
    # no excitation before the previous pulse has ended: at most N photons between excitations
    N = 4
    s = photon_stream("model1", 20_000, 3, N=N, gamma_tau=5.0)  # gamma tau >> 1: no long gaps
    # mean cycle = 1/gamma + H_N, so the rate is N / (0.2 + H_4)
    rate, sigma = _rate_and_sigma(s.times, s.record_length, 20)
    assert abs(rate - N / (0.2 + 25 / 12)) < 4 * sigma


def test_efficiency_thins_rate():
    N, g, eta = 5, 0.1, 0.3
    s = photon_stream("model1", 100_000, 5, N=N, gamma_tau=g, efficiency=eta)
    rate, sigma = _rate_and_sigma(s.times, s.record_length)
    expected = detected_photon_rate(N, g, eta)
    # eta <n> / tau with <n> = N gamma tau / (1 + gamma tau H_N) (Eq. 12)
    H = sum(1 / k for k in range(1, N + 1))
    assert expected == pytest.approx(eta * N * g / (1 + g * H), rel=1e-12)
    assert abs(rate - expected) < 4 * sigma
    assert abs(s.rate - expected) < 4 * sigma
    assert sigma / expected < 0.02  # the test has teeth
    assert s.n_emitted > 2.5 * s.n_photons


def test_gillespie_model2_rate():
    M, p, gp = 10, 0.3, 0.2
    s = photon_stream("model2", 300_000, 21, M=M, p=p, gamma_prime_tau=gp)
    mean_n = float(model2.model2_moments(M, p, gp)["mean_n"])
    rate, sigma = _rate_and_sigma(s.times, s.record_length)
    assert abs(rate - mean_n) < 4 * sigma
    assert sigma / mean_n < 0.01
    again = photon_stream("model2", 300_000, 21, M=M, p=p, gamma_prime_tau=gp)
    assert np.array_equal(again.times, s.times)


def test_gillespie_model3_downflips_emit_nothing():
    # strong noise, high electron rate: electron-induced down-flips are frequent, and counting
    # them as photons would raise the rate well above <n>/tau
    M, r, k = 6, 2.0, 0.6
    s = photon_stream("model3", 200_000, 4, M=M, rate_tau=r, kappa_tau_c=k)
    mean_n = float(model3.model3_moments(M, r, k)["mean_n"])
    rate, sigma = _rate_and_sigma(s.times, s.record_length)
    assert abs(rate - mean_n) < 4 * sigma
    # stationary rate of electron-induced down-flips: r E_T p <n>
    down = r * model3.flip_moments(k, M)["mean_p"] * mean_n
    assert down > 20 * sigma  # counting them as photons would be detected
    assert s.n_excitations > 0.2 * s.n_photons


def test_model3_monte_carlo_flip_law_needs_its_seed():
    M, r, k = 3, 0.5, 0.3
    with pytest.raises(ValueError, match="rng"):
        photon_stream("model3", 1000, 4, M=M, rate_tau=r, kappa_tau_c=k, flip_law="monte_carlo")
    s = photon_stream(
        "model3", 60_000, 4, M=M, rate_tau=r, kappa_tau_c=k, flip_law="monte_carlo", flip_rng=5
    )
    # the stream follows the master equation with the same (seeded) Monte Carlo flip weights
    mean_n = float(model3.model3_moments(M, r, k, "monte_carlo", rng=5)["mean_n"])
    rate, sigma = _rate_and_sigma(s.times, s.record_length)
    assert abs(rate - mean_n) < 4 * sigma
    assert sigma / mean_n < 0.03


def test_intensity_trace_pulses():
    N, g = 5, 0.1
    tr = intensity_trace(N, g, 1e5, 2)
    n, t = tr.n, tr.times
    assert n[0] == 0 and t[0] == 0.0 and np.all(np.diff(t) >= 0)
    # excitation only from the all-ground state, then decays one by one
    jumps = np.diff(n)
    assert set(np.unique(jumps)) <= {-1, N}
    assert np.all(n[:-1][jumps == N] == 0)
    dur = tr.pulse_ends - tr.pulse_starts
    H = sum(1 / k for k in range(1, N + 1))
    assert abs(dur.mean() - H) < 4 * dur.std() / np.sqrt(dur.size)
    gaps = tr.pulse_starts[1:] - tr.pulse_ends[:-1]
    assert np.all(gaps > 0)
    assert np.array_equal(tr.evaluate(tr.pulse_starts[:10]), np.full(10, N))
    assert abs(gaps.mean() - 1 / g) < 4 * gaps.std() / np.sqrt(gaps.size)


def test_telegraph_noise_duty_cycle():
    r, tc = 0.2, 0.5
    tel = telegraph_noise(r, tc, 2e5, 9)
    edges = np.concatenate([[0.0], tel.switch_times, [tel.t_max]])
    states = np.concatenate([[tel.initial_state], tel.values])
    assert np.all(np.abs(np.diff(states)) == 1)
    on = np.diff(edges)[states == 1]
    off = np.diff(edges)[1:-1][states[1:-1] == 0]
    assert abs(on.mean() - tc) < 4 * on.std() / np.sqrt(on.size)
    assert abs(off.mean() - 1 / r) < 4 * off.std() / np.sqrt(off.size)
    duty = np.sum(np.diff(edges) * states) / tel.t_max
    assert duty == pytest.approx(r * tc / (1 + r * tc), rel=0.05)


def test_hbt_poisson_stream_is_flat():
    rng = np.random.default_rng(1)
    rate = 0.5
    times = np.cumsum(rng.exponential(1 / rate, 400_000))
    T = float(times[-1] + rng.exponential(1 / rate))
    h = hbt_histogram(times, 0.5, 10.0, record_length=T, n_blocks=20)
    z = (h["g2"] - 1.0) / h["g2_err"]
    assert np.max(np.abs(z)) < 4.0
    assert 0.4 < np.mean(z**2) < 1.8
    # for a Poisson stream (F = 1) the block (batch-means) error agrees with the Poisson error
    assert np.mean(h["g2_err_blocks"] / h["g2_err"]) == pytest.approx(1.0, abs=0.15)
    assert np.mean(h["g2_blocks"]) == pytest.approx(1.0, abs=3 * np.mean(h["g2_err"]))
    # default record: [t_0, t_last]
    h0 = hbt_histogram(times, 0.5, 10.0)
    assert np.array_equal(h0["counts"], h["counts"])
    # brute-force pair count check on a short record
    short = times[:2000]
    hs = hbt_histogram(short, 0.5, 10.0, record_length=float(times[2000]))
    d = short[None, :] - short[:, None]
    brute = np.histogram(d[d > 0], bins=hs["edges"])[0]
    assert np.array_equal(hs["counts"], brute)


def test_hbt_model1_matches_bin_averaged_g2():
    """N = 5, gamma tau = 0.1, 1e6 photons, bins 0.1 tau (``docs/cl_superbunching.md`` §5)."""
    N, g = 5, 0.1
    s = photon_stream("model1", 1_000_000, 2023, N=N, gamma_tau=g)
    h = hbt_histogram(s.times, 0.1, 5.1, record_length=s.record_length)
    exact = model1.g2_bin_average(h["edges"], N, g)
    # Poisson errors underestimate by sqrt(F), F <~ 3 (``docs/cl_superbunching.md`` §5; checked with
    # 24 seeds)
    sigma = np.sqrt(3.0) * h["g2_err"]
    for b in (0, 10, 50):  # zero bin, slope bin [1.0, 1.1), tail bin [5.0, 5.1)
        assert abs(h["g2"][b] - exact[b]) < 3 * sigma[b], b
    assert sigma[0] / exact[0] < 0.005
    # the comparison is sharp: the peak value g2(0) (cusp) is excluded by > 10 sigma
    assert abs(h["g2"][0] - float(model1.g2_zero(N, g))) > 10 * sigma[0]
    assert exact[10] > 1.5 and abs(exact[50] - 1) < 0.01


def test_pulse_statistics_of_a_sampled_train_approach_tau_h_n_and_one_over_gamma():
    """Sample means of a long seeded Model 1 trace agree with tau H_N and 1/gamma (Sec. V)
    within a few standard errors; degenerate trains give NaN, not a warning."""
    from lightmatter.cl_superbunching import photons, radiation

    N, g = 4, 0.1
    tr = photons.intensity_trace(N, g, 20000.0, np.random.default_rng(3))
    pulse, gap, n = photons.pulse_statistics(tr.pulse_starts, tr.pulse_ends)
    assert n > 500
    # pulse lengths (sum of exponentials) and gaps (exponential) both have sd <= mean
    assert abs(pulse - radiation.mean_pulse_duration(N)) < 4 * pulse / np.sqrt(n)
    assert abs(gap - radiation.mean_gap(g)) < 4 * gap / np.sqrt(n)
    one = photons.pulse_statistics([1.0], [2.5])
    assert one[0] == 1.5 and np.isnan(one[1]) and one[2] == 1
    with pytest.raises(ValueError):
        photons.pulse_statistics([2.0], [1.0])


def test_hbt_pulls_have_unit_mean_square_for_gaussian_errors():
    from lightmatter.cl_superbunching import photons

    rng = np.random.default_rng(5)
    exact = np.linspace(1.0, 3.0, 4000)
    err = np.full_like(exact, 0.1)
    pull, msq = photons.hbt_pulls(exact + err * rng.standard_normal(exact.size), exact, err)
    assert abs(msq - 1.0) < 0.1 and abs(pull.mean()) < 0.1
