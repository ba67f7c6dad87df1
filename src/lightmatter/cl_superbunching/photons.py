"""Virtual photon streams and a virtual HBT experiment for the CL models.

Beyond the paper (``docs/cl_superbunching.md`` §5): Yuge et al., PRB 107, 165303 (2023) compute
``g2`` from the master equation only. Here we sample photon arrival times from the same
Markov chains and histogram them the way an HBT set-up would, and we generate the trajectories
pictured schematically in Fig. 3 (pulse train of the CL intensity) and Fig. S5 (random
telegraph noise of the electron presence).

Time unit: the radiative lifetime ``tau = 1``. All samplers take a seeded
:class:`numpy.random.Generator` (or a seed) and are deterministic for a given seed.

Samplers
--------
* ``model1``: exact and vectorised. An excitation is possible only when all ``N`` emitters
  are in the ground state (the Model 1 jump operator ``L = prod_j sigma^+_j`` annihilates every
  other state, Eq. 6), so each cycle is: wait ``Exp(gamma)``, excite all ``N``, draw ``N``
  independent ``Exp(tau)`` lifetimes; the pulse ends at the last decay.
* ``model2`` / ``model3``: Gillespie simulation of the lumped chain (numba kernel). One photon is
  recorded at every radiative ``n -> n - 1`` step. For Model 3 the electron-induced down-flips
  are a separate channel and emit no photon (``docs/cl_superbunching.md`` §7 item 9).
* ``efficiency`` thins the stream independently per photon (``g2`` is unchanged,
  ``docs/cl_superbunching.md`` §5).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numba
import numpy as np
from numpy.typing import ArrayLike, NDArray

from lightmatter.cl_superbunching.model1 import mean_excited
from lightmatter.cl_superbunching.model2 import model2_generator
from lightmatter.cl_superbunching.model3 import FlipLaw, model3_electron_kernel
from lightmatter.markov import stationary_state

__all__ = [
    "IntensityTrace",
    "PhotonStream",
    "TelegraphNoise",
    "detected_photon_rate",
    "hbt_histogram",
    "hbt_pulls",
    "intensity_trace",
    "photon_stream",
    "pulse_statistics",
    "telegraph_noise",
]

RngLike = np.random.Generator | int | None


def _as_rng(rng: RngLike) -> np.random.Generator:
    if rng is None:
        raise ValueError("pass a seeded numpy Generator or an integer seed (reproducibility)")
    return rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)


# --------------------------------------------------------------------------------------------
# Containers
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class PhotonStream:
    """A simulated detected-photon record.

    Attributes
    ----------
    times
        Sorted detection times in units of ``tau``; all lie in ``[0, record_length)``.
    record_length
        Length ``T`` of the record: the time of the *next* detected photon after the last one
        kept, so ``[0, T)`` contains exactly ``len(times)`` photons and ``len(times)/T`` is an
        unbiased rate estimate for a Poisson stream.
    n_excitations
        Number of electron-induced transitions in ``[0, T)``: excitation events for Models 1 and
        2; for Model 3 every electron that changed ``n`` (up- *or* down-flips).
    n_emitted
        Number of emitted photons in ``[0, T)`` before thinning by ``efficiency``.
    model, efficiency, params
        What was simulated.
    """

    times: NDArray[np.float64]
    record_length: float
    n_excitations: int
    n_emitted: int
    model: str
    efficiency: float
    params: Mapping[str, float] = field(default_factory=dict)

    @property
    def n_photons(self) -> int:
        """Number of detected photons in the stream."""
        return int(self.times.size)

    @property
    def rate(self) -> float:
        """Detected photon rate ``N_ph / T`` (units ``1/tau``)."""
        return self.n_photons / self.record_length


@dataclass(frozen=True, eq=False)
class IntensityTrace:
    """Piecewise-constant ``n(t)`` of Model 1: ``n(t) = n[i]`` for ``times[i] <= t < times[i+1]``.

    ``times[0] = 0`` with ``n[0] = 0``; every later entry is an excitation (``n -> N``) or a
    radiative decay (``n -> n - 1``) up to ``t_max``. The emitted intensity is ``n(t)/tau``
    (random dipoles, Eq. 14). ``pulse_starts``/``pulse_ends`` delimit the pulses of Fig. 3 that
    start before ``t_max``; the last one may end after ``t_max``.
    """

    times: NDArray[np.float64]
    n: NDArray[np.int64]
    pulse_starts: NDArray[np.float64]
    pulse_ends: NDArray[np.float64]
    t_max: float

    def evaluate(self, t: ArrayLike) -> NDArray[np.int64]:
        """``n`` at the times ``t`` (``0 <= t <= t_max``)."""
        return self.n[np.searchsorted(self.times, np.asarray(t, dtype=float), side="right") - 1]


@dataclass(frozen=True, eq=False)
class TelegraphNoise:
    """Random telegraph noise ``R(t)`` in {0, 1} (Fig. S5, Eqs. S5-S6).

    ``R(t) = initial_state`` before ``switch_times[0]`` and ``values[i]`` on
    ``[switch_times[i], switch_times[i+1])``, up to ``t_max``.
    """

    switch_times: NDArray[np.float64]
    values: NDArray[np.int64]
    initial_state: int
    t_max: float

    def evaluate(self, t: ArrayLike) -> NDArray[np.int64]:
        """``R`` at the times ``t``."""
        idx = np.searchsorted(self.switch_times, np.asarray(t, dtype=float), side="right")
        return np.concatenate([[self.initial_state], self.values]).astype(np.int64)[idx]


# --------------------------------------------------------------------------------------------
# Model 1: exact cycle sampler
# --------------------------------------------------------------------------------------------
def _model1_cycles(
    N: int, gamma_tau: float, n_cycles: int, t_start: float, rng: np.random.Generator
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Sample ``n_cycles`` gap + pulse cycles starting (all ground) at ``t_start``.

    Returns excitation times, pulse end times and the photon times (sorted, shape
    ``(n_cycles * N,)``).
    """
    gaps = rng.exponential(1.0 / gamma_tau, n_cycles)
    life = np.sort(rng.exponential(1.0, (n_cycles, N)), axis=1)
    dur = life[:, -1]
    # start_i = t_start + sum_{j<=i} gap_j + sum_{j<i} dur_j
    starts = t_start + np.cumsum(gaps) + np.concatenate([[0.0], np.cumsum(dur[:-1])])
    photons = (starts[:, None] + life).ravel()
    return starts, starts + dur, photons


def _model1_stream(
    N: int, gamma_tau: float, n_target: int, efficiency: float, rng: np.random.Generator
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    kept: list[NDArray[np.float64]] = []
    emitted: list[NDArray[np.float64]] = []
    starts_all: list[NDArray[np.float64]] = []
    t = 0.0
    n_have = 0
    while n_have < n_target:
        need = n_target - n_have
        n_cycles = math.ceil(need / (N * efficiency) * 1.05) + 16
        starts, ends, ph = _model1_cycles(N, gamma_tau, n_cycles, t, rng)
        t = float(ends[-1])
        det = ph[rng.random(ph.size) < efficiency] if efficiency < 1.0 else ph
        kept.append(det)
        emitted.append(ph)
        starts_all.append(starts)
        n_have += det.size
    return np.concatenate(kept), np.concatenate(emitted), np.concatenate(starts_all)


# --------------------------------------------------------------------------------------------
# Generic lumped chain: numba Gillespie kernel
# --------------------------------------------------------------------------------------------
@numba.njit(cache=True)
def _gillespie_kernel(
    n: int,
    t: float,
    rad: NDArray[np.float64],
    el_total: NDArray[np.float64],
    el_cum: NDArray[np.float64],
    el_dest: NDArray[np.int64],
    el_count: NDArray[np.int64],
    u_time: NDArray[np.float64],
    u_choice: NDArray[np.float64],
    out_times: NDArray[np.float64],
    out_el: NDArray[np.int64],
    n_out_max: int,
    n_el: int,
) -> tuple[int, float, int, int, int]:
    """Advance the chain using the pre-drawn uniforms; stop when they or ``out_times`` run out.

    From state ``n`` the total rate is ``rad[n] + el_total[n]``; a uniform picks the radiative
    channel (photon, ``n -> n - 1``) with probability ``rad[n] / total``, otherwise an electron
    transition to ``el_dest[n, i]`` with cumulative conditional probabilities ``el_cum[n, :]``.
    ``out_el[k]`` receives the running electron-event count (starting from ``n_el``) at photon
    ``k``. Returns ``(n, t, n_photons_written, n_draws_used, n_electron_events)``.
    """
    k = 0
    i = 0
    n_draws = u_time.size
    while i < n_draws and k < n_out_max:
        total = rad[n] + el_total[n]
        t += -math.log(1.0 - u_time[i]) / total
        u = u_choice[i] * total
        i += 1
        if u < rad[n]:
            out_times[k] = t
            out_el[k] = n_el
            k += 1
            n -= 1
        else:
            v = (u - rad[n]) / el_total[n]
            m = el_count[n]
            lo = 0
            hi = m - 1
            while lo < hi:  # first index with cum > v
                mid = (lo + hi) // 2
                if el_cum[n, mid] > v:
                    hi = mid
                else:
                    lo = mid + 1
            n = el_dest[n, lo]
            n_el += 1
    return n, t, k, i, n_el


def _chain_tables(
    E: NDArray[np.float64],
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]:
    """Per-state electron-transition tables from the rate matrix ``E[m, n]`` (n -> m, m != n)."""
    dim = E.shape[0]
    E = E.copy()
    np.fill_diagonal(E, 0.0)
    E[E < 0] = 0.0
    total = E.sum(axis=0)
    cum = np.ones((dim, dim))
    dest = np.zeros((dim, dim), dtype=np.int64)
    count = np.zeros(dim, dtype=np.int64)
    for n in range(dim):
        (idx,) = np.nonzero(E[:, n] > 0)
        count[n] = max(idx.size, 1)
        if idx.size:
            c = np.cumsum(E[idx, n]) / total[n]
            c[-1] = 1.0
            cum[n, : idx.size] = c
            dest[n, : idx.size] = idx
        else:
            dest[n, 0] = n
    return total, cum, dest, count


def _chain_stream(
    rad: NDArray[np.float64],
    E: NDArray[np.float64],
    W: NDArray[np.float64],
    n_target: int,
    efficiency: float,
    rng: np.random.Generator,
) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.float64]]:
    """Gillespie photon stream of a lumped chain, started from its stationary state.

    ``rad[n]`` is the radiative (photon) rate out of ``n`` (to ``n - 1``), ``E[m, n]`` the
    electron-induced rates ``n -> m`` and ``W`` the full generator (for the initial state).
    Returns the detected photon times, the running electron-event count at each detected photon
    and the emitted photon times.
    """
    el_total, el_cum, el_dest, el_count = _chain_tables(E)
    if np.any(rad + el_total <= 0):
        raise ValueError("the chain has an absorbing state (zero exit rate)")
    P = stationary_state(W)
    n = int(rng.choice(P.size, p=P))
    t = 0.0
    n_el = 0
    kept: list[NDArray[np.float64]] = []
    kept_el: list[NDArray[np.int64]] = []
    emitted: list[NDArray[np.float64]] = []
    n_have = 0
    mean_n = float(np.arange(P.size) @ P)
    # expected draws per emitted photon = (photon rate + electron-event rate) / photon rate
    ev_per_ph = float((rad + el_total) @ P) / max(mean_n, 1e-300)
    while n_have < n_target:
        need_emitted = math.ceil((n_target - n_have) / efficiency * 1.02) + 64
        n_draws = int(min(need_emitted * ev_per_ph * 1.02 + 64, 2**24))
        u_time = rng.random(n_draws)
        u_choice = rng.random(n_draws)
        buf = np.empty(min(need_emitted, n_draws))
        buf_el = np.empty(buf.size, dtype=np.int64)
        n, t, k, _, n_el = _gillespie_kernel(
            n,
            t,
            rad,
            el_total,
            el_cum,
            el_dest,
            el_count,
            u_time,
            u_choice,
            buf,
            buf_el,
            buf.size,
            n_el,
        )
        ph, ph_el = buf[:k], buf_el[:k]
        if efficiency < 1.0:
            keep = rng.random(k) < efficiency
            ph_det, el_det = ph[keep], ph_el[keep]
        else:
            ph_det, el_det = ph, ph_el
        kept.append(ph_det)
        kept_el.append(el_det)
        emitted.append(ph)
        n_have += ph_det.size
    return np.concatenate(kept), np.concatenate(kept_el), np.concatenate(emitted)


def photon_stream(
    model: str,
    n_photons: int,
    rng: RngLike,
    *,
    N: int | None = None,
    gamma_tau: float | None = None,
    M: int | None = None,
    p: float | None = None,
    gamma_prime_tau: float | None = None,
    rate_tau: float | None = None,
    kappa_tau_c: float | None = None,
    flip_law: FlipLaw = "weak_clipped",
    flip_rng: np.random.Generator | int | None = None,
    efficiency: float = 1.0,
) -> PhotonStream:
    """Simulate a detected photon stream of Model 1, 2 or 3 (``docs/cl_superbunching.md`` §5).

    Parameters
    ----------
    model
        ``"model1"`` (needs ``N``, ``gamma_tau``; Eqs. 2-9 of Yuge et al. PRB 107, 165303
        (2023)), ``"model2"`` (``M``, ``p``, ``gamma_prime_tau``; Eq. 21) or ``"model3"``
        (``M``, ``rate_tau``, ``kappa_tau_c``, ``flip_law``; the ASSUMED kick-limit Model 3 of
        ``docs/cl_superbunching.md`` §3.2, not the paper's truncated series).
    n_photons
        Number of detected photons in the record.
    rng
        Seeded :class:`numpy.random.Generator` or integer seed (required).
    flip_rng
        Generator or seed of the Monte Carlo flip law of Model 3 (required with
        ``flip_law="monte_carlo"``, see :func:`lightmatter.cl_superbunching.model3.flip_moments`).
    efficiency
        Detection efficiency ``eta`` in ``(0, 1]``; each emitted photon is kept independently.

    Returns
    -------
    PhotonStream
        See :class:`PhotonStream`. Model 1 starts at the beginning of a gap (all emitters in
        the ground state, a regeneration point); Models 2 and 3 start from a state drawn from
        the stationary distribution. Either way the record is stationary up to ``O(1/N_ph)``.

    Notes
    -----
    Model 1 is sampled exactly cycle by cycle (vectorised). Models 2 and 3 use a Gillespie
    kernel compiled with numba on the lumped chain; random numbers come from ``rng`` only.
    """
    gen = _as_rng(rng)
    if n_photons < 1:
        raise ValueError("n_photons must be >= 1")
    if not 0.0 < efficiency <= 1.0:
        raise ValueError("efficiency must be in (0, 1]")
    n_target = int(n_photons) + 1  # one more: its time is the record length
    if model == "model1":
        if N is None or gamma_tau is None:
            raise ValueError("model1 needs N and gamma_tau")
        if N < 1 or gamma_tau <= 0:
            raise ValueError("need N >= 1 and gamma_tau > 0")
        det, ph, starts = _model1_stream(int(N), float(gamma_tau), n_target, efficiency, gen)
        T = float(det[n_photons])
        return PhotonStream(
            times=det[:n_photons].copy(),
            record_length=T,
            n_excitations=int(np.searchsorted(starts, T)),
            n_emitted=int(np.searchsorted(ph, T)),
            model=model,
            efficiency=efficiency,
            params={"N": int(N), "gamma_tau": float(gamma_tau)},
        )
    if model == "model2":
        if M is None or p is None or gamma_prime_tau is None:
            raise ValueError("model2 needs M, p and gamma_prime_tau")
        W = np.asarray(model2_generator(int(M), float(p), float(gamma_prime_tau)).toarray())
        E = np.tril(W, -1)  # upward transitions n -> n + k (rows m > n)
        params = {"M": int(M), "p": float(p), "gamma_prime_tau": float(gamma_prime_tau)}
    elif model == "model3":
        if M is None or rate_tau is None or kappa_tau_c is None:
            raise ValueError("model3 needs M, rate_tau and kappa_tau_c")
        K = model3_electron_kernel(int(M), float(kappa_tau_c), flip_law, rng=flip_rng)
        E = float(rate_tau) * K
        nn = np.arange(int(M) + 1, dtype=float)
        W = float(rate_tau) * (K - np.eye(int(M) + 1)) + np.diag(nn[1:], 1) - np.diag(nn)
        W[np.diag_indices_from(W)] -= W.sum(axis=0)
        params = {
            "M": int(M),
            "rate_tau": float(rate_tau),
            "kappa_tau_c": float(kappa_tau_c),
            "flip_law": flip_law,
        }
    else:
        raise ValueError(f"unknown model {model!r}")
    rad = np.arange(W.shape[0], dtype=float)
    det, det_el, ph = _chain_stream(rad, E, W, n_target, efficiency, gen)
    T = float(det[n_photons])
    return PhotonStream(
        times=det[:n_photons].copy(),
        record_length=T,
        n_excitations=int(det_el[n_photons]),
        n_emitted=int(np.searchsorted(ph, T)),
        model=model,
        efficiency=efficiency,
        params=params,
    )


def detected_photon_rate(N: int, gamma_tau: float, efficiency: float = 1.0) -> float:
    """Expected detected photon rate of Model 1, ``eta <n> / tau`` (units ``1/tau``).

    Every excited emitter radiates at rate ``1/tau`` (Eq. 14 of Yuge et al. PRB 107, 165303
    (2023): ``<I> ~ <n>``), with ``<n>`` of Eq. 12, and each photon is detected with probability
    ``eta`` (``docs/cl_superbunching.md`` §5). The rate :attr:`PhotonStream.rate` of a record
    from :func:`photon_stream` estimates it.
    """
    return float(efficiency) * mean_excited(N, gamma_tau)


# --------------------------------------------------------------------------------------------
# Traces for Fig. 3 and Fig. S5
# --------------------------------------------------------------------------------------------
def intensity_trace(N: int, gamma_tau: float, t_max: float, rng: RngLike) -> IntensityTrace:
    """Exact Model 1 trajectory ``n(t)`` on ``[0, t_max]`` (illustrates Fig. 3 of Yuge et al.).

    Same cycle sampler as :func:`photon_stream` (``model="model1"``): the system starts in the
    all-ground state at ``t = 0``, waits ``Exp(gamma)``, all ``N`` emitters are excited
    (Eq. 6: ``L`` acts only on the all-ground state), and they decay after independent
    ``Exp(tau)`` lifetimes. Pulses last ``tau H_N`` on average and gaps ``1/gamma`` (Sec. V;
    ``docs/cl_superbunching.md`` §4).

    Returns
    -------
    IntensityTrace
        ``times`` (0 and every excitation and decay up to ``t_max``), ``n`` (number of excited
        emitters *after* each event), ``pulse_starts``, ``pulse_ends``, ``t_max``.
    """
    gen = _as_rng(rng)
    if N < 1 or gamma_tau <= 0 or t_max <= 0:
        raise ValueError("need N >= 1, gamma_tau > 0 and t_max > 0")
    starts_l: list[NDArray[np.float64]] = []
    ends_l: list[NDArray[np.float64]] = []
    life_l: list[NDArray[np.float64]] = []
    t = 0.0
    while t <= t_max:
        n_cycles = math.ceil((t_max - t) / (1.0 / gamma_tau + _harmonic(N)) * 1.2) + 4
        gaps = gen.exponential(1.0 / gamma_tau, n_cycles)
        life = np.sort(gen.exponential(1.0, (n_cycles, N)), axis=1)
        dur = life[:, -1]
        starts = t + np.cumsum(gaps) + np.concatenate([[0.0], np.cumsum(dur[:-1])])
        starts_l.append(starts)
        ends_l.append(starts + dur)
        life_l.append(life)
        t = float(starts[-1] + dur[-1])
    starts = np.concatenate(starts_l)
    ends = np.concatenate(ends_l)
    life = np.concatenate(life_l)
    keep = starts < t_max
    starts, ends, life = starts[keep], ends[keep], life[keep]
    # per pulse: excitation (n = N) then decays to N-1, ..., 0
    ev_t = np.concatenate([starts[:, None], starts[:, None] + life], axis=1).ravel()
    ev_n = np.tile(np.arange(N, -1, -1, dtype=np.int64), starts.size)
    inside = ev_t <= t_max
    return IntensityTrace(
        times=np.concatenate([[0.0], ev_t[inside]]),
        n=np.concatenate([[0], ev_n[inside]]).astype(np.int64),
        pulse_starts=starts,
        pulse_ends=ends,
        t_max=float(t_max),
    )


def _harmonic(N: int) -> float:
    return float(np.sum(1.0 / np.arange(1, N + 1)))


def telegraph_noise(
    rate_tau: float,
    tau_c_over_tau: float,
    t_max: float,
    rng: RngLike,
    *,
    stationary_start: bool = True,
) -> TelegraphNoise:
    """Random telegraph noise ``R(t)`` in {0, 1} of Model 3 (Fig. S5; Eqs. S5-S6, S35).

    ``0 -> 1`` at rate ``r`` (an electron arrives), ``1 -> 0`` at rate ``1/tau_c`` (it leaves):
    pulses last ``Exp(tau_c)``, gaps ``Exp(1/r)``.

    Parameters
    ----------
    rate_tau
        ``r tau``.
    tau_c_over_tau
        ``tau_c / tau``.
    t_max
        Length of the trace (units of ``tau``).
    rng
        Seeded generator or integer seed.
    stationary_start
        Draw ``R(0)`` from the stationary law ``P(R = 1) = r tau_c / (1 + r tau_c)`` (Eq. S35);
        otherwise start in ``R = 0``.

    Returns
    -------
    TelegraphNoise
        ``switch_times`` in ``(0, t_max]``, ``values`` (``R`` right after each switch),
        ``initial_state`` (``R(0)``), ``t_max``.
    """
    gen = _as_rng(rng)
    if rate_tau <= 0 or tau_c_over_tau <= 0 or t_max <= 0:
        raise ValueError("rate_tau, tau_c_over_tau and t_max must be > 0")
    p1 = rate_tau * tau_c_over_tau / (1.0 + rate_tau * tau_c_over_tau)
    r0 = int(gen.random() < p1) if stationary_start else 0
    mean_dwell = {0: 1.0 / rate_tau, 1: tau_c_over_tau}
    times: list[NDArray[np.float64]] = []
    t, state = 0.0, r0
    while t <= t_max:
        n_pairs = math.ceil((t_max - t) / (mean_dwell[0] + mean_dwell[1]) * 1.2) + 4
        d = np.empty(2 * n_pairs)
        d[0::2] = gen.exponential(mean_dwell[state], n_pairs)
        d[1::2] = gen.exponential(mean_dwell[1 - state], n_pairs)
        sw = t + np.cumsum(d)
        times.append(sw)
        t = float(sw[-1])  # an even number of switches: the state is unchanged
    sw = np.concatenate(times)
    sw = sw[sw <= t_max]
    states = ((r0 + 1 + np.arange(sw.size)) % 2).astype(np.int64)
    return TelegraphNoise(switch_times=sw, values=states, initial_state=r0, t_max=float(t_max))


# --------------------------------------------------------------------------------------------
# Virtual HBT: all-pairs coincidence histogram
# --------------------------------------------------------------------------------------------
def _pair_counts_below(t: NDArray[np.float64], delays: NDArray[np.float64]) -> NDArray[np.int64]:
    """``S(d) = #{i < j : t_j - t_i < d}`` for every ``d`` in ``delays`` (``t`` sorted).

    One :func:`numpy.searchsorted` of the whole array per delay: O(N_ph log N_ph) time per
    delay and O(N_ph) memory.
    """
    idx = np.arange(1, t.size + 1, dtype=np.int64)  # i + 1
    out = np.zeros(delays.size, dtype=np.int64)
    for k, d in enumerate(delays):
        if d <= 0:
            continue
        out[k] = int(np.sum(np.searchsorted(t, t + d, side="left") - idx))
    return out


def hbt_histogram(
    times: ArrayLike,
    bin_width: float,
    max_delay: float,
    record_length: float | None = None,
    *,
    n_blocks: int | None = None,
) -> dict[str, NDArray[np.float64] | NDArray[np.int64] | float]:
    """Virtual HBT estimate of ``g2(t)`` for ``t >= 0`` (``docs/cl_superbunching.md`` §5).

    All-pairs (multi-stop) coincidences ``C_b = #{i < j : t_j - t_i in [a_b, b_b)}``, normalised
    by the expected count of an uncorrelated stream of the same rate on a finite record::

        g2_b = C_b / (R^2 int_{a_b}^{b_b} (T - s) ds),   R = N_ph / T,
        int_a^b (T - s) ds = (b - a) T - (b^2 - a^2) / 2.

    Compare the result with the *bin-averaged* exact ``g2`` (e.g. ``model1.g2_bin_average``),
    not its value at the bin centre: the peak is a cusp.

    Parameters
    ----------
    times
        Photon detection times (units of ``tau``); sorted internally if needed.
    bin_width, max_delay
        Bins ``[k Delta, (k + 1) Delta)`` for ``k = 0 .. round(max_delay / Delta) - 1``.
    record_length
        ``T``; the record is ``[0, T)``. Default: ``times[-1] - times[0]`` (record taken as
        ``[times[0], times[-1]]``).
    n_blocks
        If given, also split the record into this many equal segments, compute ``g2`` in each
        (pairs across segment boundaries are dropped) and return the standard error of their
        mean as ``g2_err_blocks``. Unlike the Poisson error this includes the variance inflation
        from correlated pairs within a pulse.

    Returns
    -------
    dict
        ``edges`` (``n_bins + 1``), ``g2``, ``g2_err`` (Poisson: ``sqrt(C_b)/normalisation``;
        this **underestimates** the true error by ``sqrt(F)``, ``F ~ 1-3``, because coincidences
        within one pulse are correlated, ``docs/cl_superbunching.md`` §5), ``counts`` (``C_b``),
        ``rate`` (``R``), ``record_length`` (``T``), ``n_photons``; with ``n_blocks`` also
        ``g2_blocks`` (``n_blocks x n_bins``) and ``g2_err_blocks``.

    Notes
    -----
    Cost: one ``searchsorted`` over all photons per bin edge, i.e. O(N_ph n_bins log N_ph) time
    and O(N_ph) memory (about a second for 1e6 photons and 60 bins).
    """
    t = np.asarray(times, dtype=float)
    if t.ndim != 1 or t.size < 2:
        raise ValueError("need a 1-D array of at least two photon times")
    if np.any(np.diff(t) < 0):
        t = np.sort(t)
    if bin_width <= 0 or max_delay < bin_width:
        raise ValueError("need 0 < bin_width <= max_delay")
    n_bins = max(1, round(max_delay / bin_width))
    edges = bin_width * np.arange(n_bins + 1, dtype=float)
    if record_length is None:
        t0, T = float(t[0]), float(t[-1] - t[0])
    else:
        t0, T = 0.0, float(record_length)
        if t[0] < 0 or t[-1] > T:
            raise ValueError("photon times must lie inside [0, record_length]")
    if T <= edges[-1]:
        raise ValueError("record shorter than max_delay")

    def estimate(tt: NDArray[np.float64], TT: float) -> tuple[NDArray, NDArray, NDArray]:
        S = _pair_counts_below(tt, edges)
        counts = np.diff(S)
        R = tt.size / TT
        norm = R**2 * (np.diff(edges) * TT - np.diff(edges**2) / 2.0)
        return counts, counts / norm, np.sqrt(counts) / norm

    counts, g2, err = estimate(t, T)
    out: dict[str, NDArray[np.float64] | NDArray[np.int64] | float] = {
        "edges": edges,
        "g2": g2,
        "g2_err": err,
        "counts": counts,
        "rate": t.size / T,
        "record_length": T,
        "n_photons": int(t.size),
    }
    if n_blocks is not None:
        if n_blocks < 2:
            raise ValueError("n_blocks must be >= 2")
        seg = T / n_blocks
        if seg <= edges[-1]:
            raise ValueError("blocks shorter than max_delay")
        bounds = np.searchsorted(t, t0 + seg * np.arange(n_blocks + 1), side="left")
        bounds[-1] = t.size
        g2b = np.array(
            [
                estimate(t[lo:hi] - (t0 + k * seg), seg)[1]
                for k, (lo, hi) in enumerate(itertools.pairwise(bounds))
            ]
        )
        out["g2_blocks"] = g2b
        out["g2_err_blocks"] = g2b.std(axis=0, ddof=1) / math.sqrt(n_blocks)
    return out


def pulse_statistics(starts: ArrayLike, ends: ArrayLike) -> tuple[float, float, int]:
    """Sample means of a pulse train: (mean pulse length, mean gap, number of pulses).

    The sample counterparts of ``radiation.mean_pulse_duration`` (tau H_N) and
    ``radiation.mean_gap`` (1/gamma) for Fig. 3 (docs/cl_superbunching.md §4). A mean over no
    pulse (or no gap, with fewer than two pulses) is NaN.
    """
    s, e = np.asarray(starts, dtype=float), np.asarray(ends, dtype=float)
    if s.shape != e.shape or np.any(e < s):
        raise ValueError("pulse starts and ends must pair up with end >= start")
    dur = e - s
    gaps = s[1:] - e[:-1]
    return (
        float(dur.mean()) if dur.size else float("nan"),
        float(gaps.mean()) if gaps.size else float("nan"),
        int(dur.size),
    )


def hbt_pulls(
    g2: ArrayLike, g2_exact: ArrayLike, err: ArrayLike
) -> tuple[NDArray[np.float64], float]:
    """Pulls (g2 - g2_exact) / err of an HBT estimate and their mean square.

    For an unbiased estimator with correct errors the pulls have zero mean and unit variance, so
    the mean square is close to 1 (docs/cl_superbunching.md §5).
    """
    pull = (np.asarray(g2, dtype=float) - np.asarray(g2_exact, dtype=float)) / np.asarray(
        err, dtype=float
    )
    return pull, float(np.mean(pull**2))
