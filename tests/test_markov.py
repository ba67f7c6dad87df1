"""Shared master-equation numerics: the three propagation paths agree, stationary states."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.linalg import expm

from lightmatter import markov


def _random_generator(dim: int, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    W = rng.exponential(size=(dim, dim)) * (rng.random((dim, dim)) < 0.4)
    np.fill_diagonal(W, 0.0)
    W -= np.diag(W.sum(axis=0))
    return W


@pytest.mark.parametrize("dim", [5, 40, 450])
def test_propagation_paths_agree_with_dense_expm(dim):
    W = _random_generator(dim) * (3.0 / dim)
    P0 = np.zeros(dim)
    P0[-1] = 1.0
    uniform = np.linspace(0.0, 4.0, 41)
    shifted = uniform + 0.3
    scattered = np.array([2.0, 0.0, 0.7, 0.7, 3.9])
    for times in (uniform, shifted, scattered):
        got = markov.propagate(sp.csr_array(W), P0, times)
        want = np.array([expm(W * t) @ P0 for t in times])
        np.testing.assert_allclose(got, want, atol=1e-12, rtol=1e-10)
        np.testing.assert_allclose(got.sum(axis=1), 1.0, atol=1e-12)  # probability conserved


def test_stationary_state_is_null_vector_and_normalised():
    W = _random_generator(30)
    P = markov.stationary_state(W)
    assert abs(P.sum() - 1) < 1e-14
    assert np.abs(W @ P).max() < 1e-12
    assert P.min() >= 0


def test_check_generator_rejects_bad_matrices():
    W = _random_generator(4)
    markov.check_generator(W)
    bad = W.copy()
    bad[0, 0] += 0.1
    with pytest.raises(ValueError, match="sum to zero"):
        markov.check_generator(bad)
    neg = W.copy()
    neg[1, 0] -= 5.0
    neg[0, 0] += 5.0
    with pytest.raises(ValueError, match="negative"):
        markov.check_generator(neg)


def test_negative_time_rejected():
    with pytest.raises(ValueError):
        markov.propagate(_random_generator(3), np.ones(3) / 3, [-1.0])
