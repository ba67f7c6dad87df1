"""Cross-checks of the lumped (reduced) master equations against the full Lindblad models in QuTiP.

Model 1: Eqs. 2-6 of Yuge et al. PRB 107, 165303 (2023); Model 2: Eq. 21 (all 2^M - 1 subset
operators). QuTiP is a test-only dependency. Convention pitfall (``docs/cl_superbunching.md`` §0):
in ``qutip.destroy(2)`` the state ``|1>`` is the EXCITED state, so ``sigma^- = destroy(2)``,
``sigma^+ = create(2)`` and ``sigma^+ sigma^- = num(2)`` projects on the excited state.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

qt = pytest.importorskip("qutip")

from lightmatter import markov  # noqa: E402
from lightmatter.cl_superbunching import model1 as m1  # noqa: E402
from lightmatter.cl_superbunching import model2 as m2  # noqa: E402

OPTIONS = {"atol": 1e-12, "rtol": 1e-10, "nsteps": 100_000}


def _lowering_ops(N: int) -> list:
    """sigma_j^- on each of N two-level systems (|1> = excited, see module docstring)."""
    ops = []
    for j in range(N):
        factors = [qt.qeye(2)] * N
        factors[j] = qt.destroy(2)
        ops.append(qt.tensor(factors))
    return ops


def _product(ops: list):
    out = ops[0]
    for op in ops[1:]:
        out = out * op
    return out


def _excitation_number_of_basis_states(N: int) -> np.ndarray:
    """Number of excited emitters of each product basis state (index bits, 1 = excited)."""
    return np.array([bin(i).count("1") for i in range(2**N)])


def _lump(rho, N: int) -> np.ndarray:
    diag = np.real(rho.diag())
    ns = _excitation_number_of_basis_states(N)
    return np.bincount(ns, weights=diag, minlength=N + 1)


def _full_g2(H, c_ops, sms, t):
    """g2(t) of the full model by QRT: mesolve of sum_i s_i^- rho_ss s_i^+, expectation of n."""
    rho = qt.steadystate(H, c_ops)
    n_op = sum(s.dag() * s for s in sms)
    mean = qt.expect(n_op, rho)
    rho0 = sum(s * rho * s.dag() for s in sms)
    res = qt.mesolve(H, rho0, t, c_ops, e_ops=[n_op], options=OPTIONS)
    return np.asarray(res.expect[0]) / mean**2, rho, n_op


def _model1_ops(N: int, g: float, omega: float = 0.0):
    sms = _lowering_ops(N)
    excite = _product([s.dag() for s in sms])  # L = prod_j sigma_j^+ (Eq. 6)
    c_ops = [*sms, np.sqrt(g) * excite]  # tau = 1
    H = omega * sum(s.dag() * s for s in sms)  # H_S up to a constant
    return H, c_ops, sms


def _model2_ops(M: int, p: float, g: float):
    sms = _lowering_ops(M)
    rates = m2.model2_rates(M, p, g)
    c_ops = list(sms)
    for k in range(1, M + 1):
        if rates[k] == 0.0:
            continue
        for subset in itertools.combinations(range(M), k):
            c_ops.append(np.sqrt(rates[k]) * _product([sms[j].dag() for j in subset]))
    H = 0 * sum(s.dag() * s for s in sms)
    return H, c_ops, sms


# ------------------------------------------------------------------ Model 1
@pytest.mark.parametrize("N", [2, 3, 4])
@pytest.mark.parametrize("g", [0.05, 0.7])
def test_model1_full_lindblad_steady_state(N, g):
    H, c_ops, sms = _model1_ops(N, g)
    rho = qt.steadystate(H, c_ops)
    full = rho.full()
    # exactly diagonal in the product basis
    assert np.max(np.abs(full - np.diag(np.diag(full)))) < 1e-12
    # lumped populations equal the closed form Eqs. 10-11
    assert np.max(np.abs(_lump(rho, N) - m1.stationary_distribution(N, g))) < 1e-10
    # permutation symmetric within each n sector
    ns = _excitation_number_of_basis_states(N)
    diag = np.real(np.diag(full))
    for n in range(N + 1):
        sector = diag[ns == n]
        assert np.ptp(sector) < 1e-12
    # Eq. 16 from the full quantum state: <n(n-1)> / <n>^2
    n_op = sum(s.dag() * s for s in sms)
    g2_0 = qt.expect(n_op * n_op - n_op, rho) / qt.expect(n_op, rho) ** 2
    assert g2_0 == pytest.approx(m1.g2_zero(N, g), rel=1e-9)


@pytest.mark.parametrize("N", [2, 3, 4])
@pytest.mark.parametrize("g", [0.05, 0.7])
def test_model1_full_lindblad_g2_delay(N, g):
    t = np.linspace(0.0, 6.0, 31)
    H, c_ops, sms = _model1_ops(N, g)
    full, _, _ = _full_g2(H, c_ops, sms, t)
    reduced = m1.g2_delay(t, N, g)
    assert np.max(np.abs(full / reduced - 1.0)) < 1e-8


def test_model1_hamiltonian_plays_no_role():
    N, g = 3, 0.2
    t = np.linspace(0.0, 4.0, 9)
    H, c_ops, sms = _model1_ops(N, g, omega=2.3)
    full, _, _ = _full_g2(H, c_ops, sms, t)
    assert np.max(np.abs(full / m1.g2_delay(t, N, g) - 1.0)) < 1e-8


def test_model1_correlation_3op_for_two_emitters():
    # independent route: sum_i <sigma_i^+(0) n(t) sigma_i^-(0)> with QuTiP's correlation API
    N, g = 2, 0.15
    t = np.linspace(0.0, 5.0, 11)
    H, c_ops, sms = _model1_ops(N, g)
    rho = qt.steadystate(H, c_ops)
    n_op = sum(s.dag() * s for s in sms)
    G2 = sum(
        np.asarray(qt.correlation_3op_1t(H, rho, t, c_ops, s.dag(), n_op, s, options=OPTIONS))
        for s in sms
    )
    g2 = np.real(G2) / qt.expect(n_op, rho) ** 2
    assert np.max(np.abs(g2 / m1.g2_delay(t, N, g) - 1.0)) < 1e-8


def test_qutip_convention_pitfall_is_detected():
    # qutip.sigmam() uses the spin convention (|0> = up = excited): it equals create(2), not
    # destroy(2). Mixing it with num(2) (projector on |1>) as the excitation number is wrong.
    assert np.array_equal(qt.sigmam().full(), qt.create(2).full())
    N, g = 2, 0.3
    I2 = qt.qeye(2)
    sms = [qt.tensor(qt.sigmam(), I2), qt.tensor(I2, qt.sigmam())]
    c_ops = [*sms, np.sqrt(g) * sms[0].dag() * sms[1].dag()]
    rho = qt.steadystate(0 * sms[0], c_ops)
    n_mixed = qt.tensor(qt.num(2), I2) + qt.tensor(I2, qt.num(2))
    assert abs(qt.expect(n_mixed, rho) - m1.mean_excited(N, g)) > 0.1
    n_spin = sum(s.dag() * s for s in sms)  # consistent spin-convention projector
    assert qt.expect(n_spin, rho) == pytest.approx(m1.mean_excited(N, g), rel=1e-10)


# ------------------------------------------------------------------ Model 2
MODEL2_CASES = [(3, 0.3, 0.4), (3, 0.7, 5.0), (4, 0.5, 0.1), (4, 0.25, 20.0)]


@pytest.mark.parametrize(("M", "p", "g"), MODEL2_CASES)
def test_model2_full_lindblad(M, p, g):
    H, c_ops, sms = _model2_ops(M, p, g)
    assert len(c_ops) == M + 2**M - 1
    t = np.linspace(0.0, 6.0, 25)
    full, rho, n_op = _full_g2(H, c_ops, sms, t)
    fullm = rho.full()
    assert np.max(np.abs(fullm - np.diag(np.diag(fullm)))) < 1e-12
    P = m2.model2_stationary(M, p, g)
    assert np.max(np.abs(_lump(rho, M) - P)) < 1e-10
    mom = m2.model2_moments(M, p, g)
    g2_0 = qt.expect(n_op * n_op - n_op, rho) / qt.expect(n_op, rho) ** 2
    assert g2_0 == pytest.approx(mom["g2_zero"], rel=1e-9)
    reduced = m2.model2_g2_delay(t, M, p, g)
    assert np.max(np.abs(full / reduced - 1.0)) < 1e-8


def test_pl_full_lindblad_is_antibunched_at_every_rate():
    # Eq. S1: independent sqrt(gamma_PL) sigma_j^+ give g2(0) = 1 - 1/M
    M = 3
    sms = _lowering_ops(M)
    n_op = sum(s.dag() * s for s in sms)
    for g in [0.05, 1.0, 30.0]:
        c_ops = list(sms) + [np.sqrt(g) * s.dag() for s in sms]
        rho = qt.steadystate(0 * n_op, c_ops)
        g2_0 = qt.expect(n_op * n_op - n_op, rho) / qt.expect(n_op, rho) ** 2
        assert g2_0 == pytest.approx(m2.pl_g2_zero(M), rel=1e-10)
        lumped_pl = markov.stationary_state(m2.pl_generator(M, g))
        assert np.max(np.abs(_lump(rho, M) - lumped_pl)) < 1e-10
