"""Two-photon (Hong-Ou-Mandel) interference of a dephased two-level emitter: the
indistinguishability the review discusses with Fig. 2a (``docs/perovskite_emission.md`` §11).

A two-level emitter with radiative lifetime ``T1`` and pure dephasing ``gamma_star`` has the
coherence time ``1/T2 = 1/(2 T1) + gamma_star``. Two of its photons, emitted after excitations
separated by a delay ``Delta``, meet on a 50:50 beam splitter. For pure-state wavepackets
``xi_1, xi_2`` the coincidence probability is ``(1 - |<xi_1|xi_2>|^2) / 2``; averaging over
the phase noise gives (Eq. 11.2)

    P_c(Delta) = [1 - V exp(-|Delta| / T1)] / 2,      V = T2 / (2 T1)

(Bylander, Robert-Philip and Abram, Eur. Phys. J. D 22, 295 (2003); Kiraz, Atatuere and
Imamoglu, Phys. Rev. A 69, 032305 (2004)). :func:`simulate_hom` draws seeded photon pairs with
the emitter's dephasing as random phase kicks (rate ``gamma_star`` per emitter, each kick a
uniform new phase: the same first-order coherence ``exp(-gamma_star |t - t'|)`` as Markovian
pure dephasing), computes each pair's overlap exactly (piecewise-constant phase between kicks)
and draws the coincidence of each pair (Eq. 11.3).

Units: any time unit (the config uses ns).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .single_photon import _count, _positive_scalar, _rng

__all__ = ["HOMSimulation", "hom_dip", "pure_dephasing_rate", "simulate_hom", "visibility"]


def visibility(t1: float, t2: float) -> float:
    """HOM visibility ``V = T2 / (2 T1)`` of a dephased two-level emitter
    (``docs/perovskite_emission.md`` §11, Eq. 11.2); requires ``T2 <= 2 T1``."""
    a = _positive_scalar(t1, "t1")
    b = _positive_scalar(t2, "t2")
    if b > 2.0 * a * (1.0 + 1e-12):
        raise ValueError(f"T2 = {t2} exceeds the radiative limit 2 T1 = {2 * a}")
    return min(b / (2.0 * a), 1.0)


def pure_dephasing_rate(t1: float, t2: float) -> float:
    """``gamma_star = 1/T2 - 1/(2 T1)`` (``docs/perovskite_emission.md`` §11, Eq. 11.1)."""
    visibility(t1, t2)
    return max(1.0 / t2 - 0.5 / t1, 0.0)


def hom_dip(delay: ArrayLike, t1: float, t2: float) -> NDArray[np.float64]:
    """Coincidence probability normalised to distinguishable photons,
    ``2 P_c = 1 - V exp(-|Delta|/T1)`` (``docs/perovskite_emission.md`` §11, Eq. 11.2)."""
    v = visibility(t1, t2)
    d = np.abs(np.asarray(delay, dtype=float))
    return 1.0 - v * np.exp(-d / t1)


@dataclass(frozen=True)
class HOMSimulation:
    """Seeded HOM experiment (:func:`simulate_hom`).

    Attributes
    ----------
    delay : numpy.ndarray, shape (n_delay,)
        Delays ``Delta`` between the two excitations.
    coincidences : numpy.ndarray of int64, shape (n_delay,)
        Coincidences among ``n_pairs`` pairs at each delay.
    n_pairs : int
        Pairs per delay.
    mean_overlap : numpy.ndarray, shape (n_delay,)
        Pair-averaged ``|<xi_1|xi_2>|^2`` (the exact per-pair probabilities, before the
        coincidence draws).
    """

    delay: NDArray[np.float64]
    coincidences: NDArray[np.int64]
    n_pairs: int
    mean_overlap: NDArray[np.float64]

    @property
    def normalised(self) -> NDArray[np.float64]:
        """``2 C / n_pairs``: coincidences relative to distinguishable photons."""
        return 2.0 * self.coincidences / self.n_pairs

    @property
    def normalised_stderr(self) -> NDArray[np.float64]:
        """Binomial standard error of :attr:`normalised`."""
        p = self.coincidences / self.n_pairs
        return 2.0 * np.sqrt(np.maximum(p * (1.0 - p), 0.25 / self.n_pairs) / self.n_pairs)


def _pair_overlaps(
    n: int, gamma: float, kick_rate: float, gen: np.random.Generator, s_max: float
) -> NDArray[np.complex128]:
    """Overlaps ``int xi_1 xi_2^* dt`` of ``n`` pairs at zero delay with random phase kicks of
    the phase difference at ``kick_rate`` on ``[0, s_max]`` (exact between kicks).

    Kick times are cumulative exponential gaps (an ``n x K`` block, ``K`` = mean + 8 sd + 10
    kicks, one more block if a row has not reached ``s_max``); the weight of the piece between
    two kicks is the difference of ``1 - exp(-gamma s)`` at its ends.
    """
    if kick_rate <= 0.0:
        return np.ones(n, dtype=complex)
    mu = kick_rate * s_max
    k = int(np.ceil(mu + 8.0 * np.sqrt(mu) + 10.0))
    times = np.cumsum(gen.exponential(1.0 / kick_rate, (n, k)), axis=1)
    while np.any(times[:, -1] < s_max):
        more = times[:, -1:] + np.cumsum(gen.exponential(1.0 / kick_rate, (n, k)), axis=1)
        times = np.concatenate([times, more], axis=1)
    phases = gen.uniform(0.0, 2.0 * np.pi, times.shape)
    v = np.where(times < s_max, -np.expm1(-gamma * times), 1.0)
    w = np.diff(v, axis=1, append=1.0)
    return v[:, 0] + np.sum(np.exp(1j * phases) * w, axis=1)


def simulate_hom(
    delays: ArrayLike,
    t1: float,
    t2: float,
    n_pairs: int,
    rng: np.random.Generator | int,
    *,
    s_max_t1: float = 20.0,
) -> HOMSimulation:
    """Seeded HOM dip: ``n_pairs`` photon pairs per delay (``docs/perovskite_emission.md`` §11,
    Eq. 11.3).

    Each pair gets its own phase-kick history (kicks of the two emitters merged: rate
    ``2 gamma_star`` for the phase difference), the exact overlap at delay ``Delta`` is
    ``exp(-|Delta|/(2 T1))`` times the zero-delay overlap of that history, and the coincidence
    is a Bernoulli draw with probability ``(1 - |overlap|^2)/2``. The wavepackets are cut at
    ``s_max_t1 T1`` (the phase is frozen after ``20 T1`` by default, where ``exp(-20) = 2e-9``
    of the wavepacket remains). Draw order per delay: exponential kick gaps, kick phases,
    coincidence uniforms.
    """
    a = _positive_scalar(t1, "t1")
    gs = pure_dephasing_rate(a, t2)
    n = _count(n_pairs, "n_pairs")
    gen = _rng(rng)
    d = np.atleast_1d(np.asarray(delays, dtype=float))
    coinc = np.empty(d.size, dtype=np.int64)
    mean_ov = np.empty(d.size)
    for k, delta in enumerate(d):
        ov = _pair_overlaps(n, 1.0 / a, 2.0 * gs, gen, s_max_t1 * a)
        m2 = np.abs(ov) ** 2 * np.exp(-abs(delta) / a)
        p_c = 0.5 * (1.0 - np.minimum(m2, 1.0))
        coinc[k] = int(np.count_nonzero(gen.random(n) < p_c))
        mean_ov[k] = float(np.mean(m2))
    return HOMSimulation(d, coinc, n, mean_ov)
