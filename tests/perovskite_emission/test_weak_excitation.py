"""Weak-excitation superradiance on the one-excitation block (docs/perovskite_emission.md §10)
and the superlattice rate model built on it (§7)."""

from __future__ import annotations

import numpy as np
import pytest

from lightmatter.perovskite_emission import superlattice
from lightmatter.perovskite_emission import weak_excitation as we

from . import SUPERLATTICE_KW

T = np.linspace(0.0, 3.0, 31)


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8])
def test_symmetric_state_decays_at_n_gamma(n):
    g = 0.7
    sol = we.solve(np.zeros(n), g, 0.0, we.symmetric_state(n))
    assert np.max(np.abs(sol.population(T) - np.exp(-n * g * T))) < 1e-10
    assert np.max(np.abs(sol.intensity(T) - n * g * np.exp(-n * g * T))) < 1e-10 * n
    assert abs(sol.lifetime * n * g - 1.0) < 1e-10
    assert abs(sol.emitted - 1.0) < 1e-10


@pytest.mark.parametrize(("delta", "gphi"), [(0.0, 0.0), (2.0, 0.0), (0.3, 5.0)])
def test_single_emitter_decays_at_gamma(delta, gphi):
    sol = we.solve([delta], 1.3, gphi)
    assert np.max(np.abs(sol.population(T) - np.exp(-1.3 * T))) < 1e-12
    assert abs(sol.lifetime * 1.3 - 1.0) < 1e-10


@pytest.mark.parametrize("n", [2, 3, 4, 6])
def test_incoherent_start_leaves_one_minus_one_over_n_trapped(n):
    sol = we.solve(np.zeros(n), 1.0, 0.0, we.incoherent_state(n))
    assert abs(sol.trapped - (1.0 - 1.0 / n)) < 1e-10
    assert abs(sol.emitted - 1.0 / n) < 1e-10
    # the bright part 1/N decays at N Gamma
    assert np.max(np.abs(sol.intensity(T) - np.exp(-n * T))) < 1e-10
    assert sol.lifetime == float("inf")


@pytest.mark.parametrize("start", ["symmetric", "incoherent"])
@pytest.mark.parametrize("n", [2, 4, 7])
def test_reduced_two_by_two_form_agrees(n, start):
    """Identical emitters with dephasing: the N^2 modal solution equals the 2x2 closed form."""
    rho0 = we.symmetric_state(n) if start == "symmetric" else we.incoherent_state(n)
    for gphi in (0.4, 3.0):
        sol = we.solve(np.zeros(n), 1.0, gphi, rho0)
        red = we.reduced_symmetric(n, 1.0, gphi, start)
        assert np.max(np.abs(sol.intensity(T) - red.intensity(T))) < 1e-10
        assert abs(sol.lifetime - red.lifetime) < 1e-9


def test_mean_photon_time_sum_rule():
    """Symmetric start, identical emitters, any gamma_phi > 0: int P dt = 1/Gamma exactly
    (docs §10), although the 1/e lifetime is much shorter."""
    for n, gphi in ((3, 0.2), (6, 2.0)):
        sol = we.solve(np.zeros(n), 2.0, gphi)
        assert abs(sol.mean_photon_time - 0.5) < 1e-9
        assert sol.lifetime < 0.4


def test_propagator_fallback_agrees_with_modal_solution():
    rng = np.random.default_rng(5)
    d = rng.normal(0.0, 1.0, 4)
    lv = we.liouvillian(d, 1.0, 0.5)
    rho0 = we.symmetric_state(4)
    ref = we.solve(d, 1.0, 0.5, rho0)
    fb = we._solve_by_propagator(
        lv, rho0.ravel(), we.trace_row_vec(4), np.ones(16, dtype=complex), 4
    )
    assert fb.propagator is not None
    assert np.max(np.abs(fb.intensity(T) - ref.intensity(T))) < 1e-10
    assert abs(fb.emitted - ref.emitted) < 1e-10
    assert abs(fb.mean_photon_time - ref.mean_photon_time) < 1e-9
    assert abs(fb.lifetime - ref.lifetime) < 1e-9


def _qutip_flux(delta, gamma, gphi, rho0_block, times):
    """Full 2^N Lindblad solution with QuTiP: photon flux Gamma <S+ S-> and population."""
    import qutip

    n = len(delta)
    ops = []
    for i in range(n):
        lst = [qutip.qeye(2)] * n
        lst[i] = qutip.destroy(2)  # |1> = excited
        ops.append(qutip.tensor(lst))
    s_minus = sum(ops[1:], ops[0])
    num = [o.dag() * o for o in ops]
    h = sum((float(d) * x for d, x in zip(delta, num)), 0 * num[0])
    c_ops = [np.sqrt(gamma) * s_minus]
    c_ops += [np.sqrt(gphi / 2.0) * (2 * x - 1) for x in num]  # sigma_z = 2 n - 1
    # embed the one-excitation block
    basis = [ops[i].dag() * qutip.tensor([qutip.basis(2, 0)] * n) for i in range(n)]
    rho = 0 * num[0]
    for i in range(n):
        for j in range(n):
            rho += complex(rho0_block[i, j]) * basis[i] * basis[j].dag()
    opts = {"atol": 1e-12, "rtol": 1e-10, "nsteps": 100000}
    res = qutip.mesolve(
        h, rho, times, c_ops, e_ops=[gamma * s_minus.dag() * s_minus, sum(num)], options=opts
    )
    return np.real(res.expect[0]), np.real(res.expect[1])


@pytest.mark.parametrize(("n", "start"), [(3, "incoherent"), (5, "symmetric")])
def test_agrees_with_full_lindblad_in_qutip(n, start):
    """N <= 5 with static disorder and dephasing: the N^2 block equals the full 2^N Lindblad
    solution (an independent construction of the master equation)."""
    rng = np.random.default_rng(11)
    delta = rng.normal(0.0, 0.8, n)
    rho0 = we.symmetric_state(n) if start == "symmetric" else we.incoherent_state(n)
    times = np.linspace(0.0, 2.5, 11)
    flux, pop = _qutip_flux(delta, 1.0, 0.6, rho0, times)
    sol = we.solve(delta, 1.0, 0.6, rho0)
    assert np.max(np.abs(sol.intensity(times) - flux)) < 1e-7
    assert np.max(np.abs(sol.population(times) - pop)) < 1e-7


def test_disorder_average_is_seeded_and_strong_disorder_decouples():
    a = we.disorder_average(3, 1.0, 0.0, 0.5, 3, T, 9)
    b = we.disorder_average(3, 1.0, 0.0, 0.5, 3, T, 9)
    assert np.array_equal(a.lifetime, b.lifetime) and np.array_equal(a.intensity, b.intensity)
    strong = we.disorder_average(4, 1.0, 0.0, 3000.0, 8, T, 3)
    # sigma >> N Gamma: the detuned emitters decay independently, enhancement -> 1 (pairs
    # closer than ~Gamma in energy, probability ~N Gamma/sigma, keep a small collective part)
    rate = 1.0 / strong.lifetime
    assert abs(np.mean(rate) - 1.0) < 0.01 and np.all(np.abs(rate - 1.0) < 0.02)


def test_superlattice_dephasing_is_anchored_to_t2():
    kw = SUPERLATTICE_KW
    gphi, width = superlattice.dephasing_rate(4.0, **kw)
    assert abs(gphi - (1.0 / 0.080 - 0.5 / 0.210)) < 1e-9
    assert abs(width - 2.0 * superlattice.HBAR_MEV_NS / 0.080) < 1e-12
    assert abs(superlattice.dephasing_rate(300.0, **kw)[1] - 70.0) < 0.01
    with pytest.raises(ValueError, match="exceeds the linewidth"):
        superlattice.dephasing_rate(4.0, **{**kw, "sigma_ac_mev_per_k": 0.01})


def test_rate_enhancement_limits():
    g = 1.0 / 0.21
    assert np.allclose(superlattice.rate_enhancement(7, g, [0.0]), 7.0, atol=1e-9)
    big = superlattice.rate_enhancement(7, g, [1e4 * g])
    assert abs(big[0] - 1.0) < 1e-3
    assert np.all(np.diff(superlattice.rate_enhancement(12, g, [0.1 * g, g, 10 * g])) < 0)
