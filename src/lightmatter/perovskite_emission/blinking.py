"""Blinking of a single perovskite QD and its FLID signature: review Fig. 5a-c
(``docs/perovskite_emission.md`` §6).

ASSUMED model (``docs/perovskite_emission.md`` §6): a telegraph process switches the dot between ON
(neutral exciton ``X0``) and OFF. Under pulsed excitation (repetition rate ``f``) each pulse excites
the dot with probability ``p_exc`` (at most one exciton per pulse) and a photon is detected with
probability ``p_exc * QY_state * eta_det``; its micro-time (delay after the pulse) is
``tau_state * Exp(1) + Normal(0, sigma_IRF)``.

* **Type A** (charging): OFF = trion ``X-`` with radiative rate ``k_rad_trion`` and Auger rate
  ``k_auger_trion``: intensity and lifetime drop together.
* **Type B** (hot-carrier trapping-rate fluctuations): OFF = a state in which a hot carrier is
  trapped before the band-edge exciton forms with probability ``hot_trap_off``; the band-edge
  exciton is unchanged, so the intensity drops but the lifetime does not.

The simulation is photon by photon and exact for the per-pulse Bernoulli model: within every
piece of constant state the pulses that yield a detected photon are separated by geometric
gaps, drawn in vectorised batches (numpy only) in time chunks of ``chunk`` seconds, so the
intermediate memory is bounded by one chunk and 1e7 photons take about a second.

Units: macro-time in s, micro-time in ns, rates in 1/ns, repetition rate in Hz.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .single_photon import (
    _as_array,
    _count,
    _nonnegative_scalar,
    _positive_scalar,
    _probability,
    _rng,
)

__all__ = [
    "FLID",
    "BlinkingParams",
    "BlinkingResult",
    "BlinkingTraces",
    "flid_axes",
    "flid_histogram",
    "intensity_lifetime_correlation",
    "intensity_lifetime_traces",
    "simulate_blinking",
]

ON, OFF = 1, 0


@dataclass(frozen=True)
class BlinkingParams:
    """Parameters of the blinking model (all ASSUMED; ``docs/perovskite_emission.md`` §6 defaults).

    Attributes
    ----------
    rep_rate_hz : float
        Laser repetition rate (10 MHz).
    p_exc : float
        Excitation probability per pulse (0.2).
    eta_det : float
        Detection efficiency (0.04; gives 720 counts per 10 ms ON, seed: "~700 counts per
        10 ms").
    k_rad_x, k_nr_x : float
        Neutral-exciton radiative and non-radiative rates, 1/ns (0.18, 0.02: ``tau_X = 5`` ns,
        ``QY = 0.9``).
    k_rad_trion, k_auger_trion : float
        Trion radiative and Auger rates, 1/ns (0.36 = 2 k_rad_x, 0.64: ``tau_T = 1`` ns,
        ``QY_T = 0.36``). Type A OFF state.
    hot_trap_on, hot_trap_off : float
        Probability that the hot carrier is trapped before the exciton forms, in the ON and OFF
        states of type B (0, 0.6: OFF emission probability ``0.4 * 0.9 = 0.36``, the same OFF
        intensity as type A).
    mean_on_s, mean_off_s : float
        Mean exponential dwell times, s (0.2, 0.1).
    sigma_irf_ns : float
        Gaussian timing jitter of the micro-time, ns (0.05); 0 switches it off.
    p_background : float
        Probability per pulse of a background count with a uniform micro-time in the period
        (0; a background biases dim-bin lifetimes upwards, ``docs/perovskite_emission.md`` §6).
    """

    rep_rate_hz: float = 1.0e7
    p_exc: float = 0.2
    eta_det: float = 0.04
    k_rad_x: float = 0.18
    k_nr_x: float = 0.02
    k_rad_trion: float = 0.36
    k_auger_trion: float = 0.64
    hot_trap_on: float = 0.0
    hot_trap_off: float = 0.6
    mean_on_s: float = 0.2
    mean_off_s: float = 0.1
    sigma_irf_ns: float = 0.05
    p_background: float = 0.0

    def __post_init__(self) -> None:
        _positive_scalar(self.rep_rate_hz, "rep_rate_hz")
        _probability(self.p_exc, "p_exc")
        _probability(self.eta_det, "eta_det")
        _positive_scalar(self.k_rad_x, "k_rad_x")
        _nonnegative_scalar(self.k_nr_x, "k_nr_x")
        _positive_scalar(self.k_rad_trion, "k_rad_trion")
        _nonnegative_scalar(self.k_auger_trion, "k_auger_trion")
        _probability(self.hot_trap_on, "hot_trap_on")
        _probability(self.hot_trap_off, "hot_trap_off")
        _positive_scalar(self.mean_on_s, "mean_on_s")
        _positive_scalar(self.mean_off_s, "mean_off_s")
        _nonnegative_scalar(self.sigma_irf_ns, "sigma_irf_ns")
        _probability(self.p_background, "p_background")

    def state_kinetics(self, model: str) -> dict[int, tuple[float, float]]:
        """``{state: (quantum yield, lifetime in ns)}`` for ``model`` "A" or "B"."""
        tau_x = 1.0 / (self.k_rad_x + self.k_nr_x)
        qy_x = self.k_rad_x * tau_x
        if model == "A":
            tau_t = 1.0 / (self.k_rad_trion + self.k_auger_trion)
            return {ON: (qy_x, tau_x), OFF: (self.k_rad_trion * tau_t, tau_t)}
        if model == "B":
            return {
                ON: ((1.0 - self.hot_trap_on) * qy_x, tau_x),
                OFF: ((1.0 - self.hot_trap_off) * qy_x, tau_x),
            }
        raise ValueError(f"model must be 'A' or 'B', got {model!r}")

    def detection_probability(self, model: str) -> dict[int, float]:
        """Per-pulse probability of a detected signal photon in each state."""
        return {
            s: self.p_exc * qy * self.eta_det for s, (qy, _) in self.state_kinetics(model).items()
        }


@dataclass(frozen=True)
class BlinkingResult:
    """Photon stream of :func:`simulate_blinking` (frozen dataclass).

    Attributes
    ----------
    pulse_index : numpy.ndarray of int64, shape (n,)
        Index ``j`` of the laser pulse of each detected photon (sorted); pulse ``j`` is at
        ``j / rep_rate_hz``.
    micro_time : numpy.ndarray of float64, shape (n,)
        Delay after the pulse, ns (can be slightly negative through the IRF).
    photon_state : numpy.ndarray of int8, shape (n,)
        State at emission: 1 = ON, 0 = OFF, -1 = background count.
    switch_times : numpy.ndarray, shape (n_seg + 1,)
        Segment boundaries of the telegraph process, s (``0 ... duration``).
    segment_state : numpy.ndarray of int8, shape (n_seg,)
        State of each segment (starts ON).
    duration : float
        Simulated time, s.
    model : str
        "A" or "B".
    params : BlinkingParams
    """

    pulse_index: NDArray[np.int64] = field(repr=False)
    micro_time: NDArray[np.float64] = field(repr=False)
    photon_state: NDArray[np.int8] = field(repr=False)
    switch_times: NDArray[np.float64] = field(repr=False)
    segment_state: NDArray[np.int8] = field(repr=False)
    duration: float
    model: str
    params: BlinkingParams

    @property
    def macro_time(self) -> NDArray[np.float64]:
        """Arrival (pulse) time of each photon, s."""
        return self.pulse_index / self.params.rep_rate_hz

    @property
    def n_photons(self) -> int:
        """Number of detected photons in the trace."""
        return int(self.pulse_index.size)


def _telegraph(
    duration: float, mean_on: float, mean_off: float, gen: np.random.Generator
) -> tuple[NDArray[np.float64], NDArray[np.int8]]:
    """Alternating exponential dwell times starting ON, cut at ``duration``
    (``docs/perovskite_emission.md`` §6 step 1).

    Draw order: batches of ``(on dwells, off dwells)`` until the cumulative time passes
    ``duration``.
    """
    cycle = mean_on + mean_off
    dwell_parts: list[NDArray[np.float64]] = []
    total = 0.0
    while total < duration:
        n = math.ceil(1.2 * (duration - total) / cycle) + 8
        on = gen.exponential(mean_on, n)
        off = gen.exponential(mean_off, n)
        inter = np.empty(2 * n)
        inter[0::2] = on
        inter[1::2] = off
        dwell_parts.append(inter)
        total += float(inter.sum())
    switch, state, _ = segments(np.concatenate(dwell_parts), duration)
    return switch, state


def segments(
    dwell: NDArray[np.float64], duration: float
) -> tuple[NDArray[np.float64], NDArray[np.int8], int]:
    """Alternating dwell times (ON first) cut at ``duration``: ``(switch_times, segment_state,
    n_segments)``, the switch times starting at 0 and ending at ``duration``
    (``docs/perovskite_emission.md`` §6 step 1; the dwell times must sum past ``duration``)."""
    ends = np.cumsum(dwell)
    n_seg = int(np.searchsorted(ends, duration, side="left")) + 1
    switch = np.concatenate([[0.0], ends[: n_seg - 1], [duration]])
    state = np.where(np.arange(n_seg) % 2 == 0, ON, OFF).astype(np.int8)
    return switch, state, n_seg


def _bernoulli_positions(
    starts: NDArray[np.int64],
    lengths: NDArray[np.int64],
    q: NDArray[np.float64],
    gen: np.random.Generator,
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Indices of the successes of independent Bernoulli(q_i) trials on ranges
    ``[starts_i, starts_i + lengths_i)``, via geometric gaps (exact).

    Returns the sorted absolute indices and the piece number of each success.
    """
    active = (lengths > 0) & (q > 0)
    starts, lengths, q = starts[active], lengths[active], q[active]
    piece_ids = np.nonzero(active)[0]
    out_pos: list[NDArray[np.int64]] = []
    out_piece: list[NDArray[np.int64]] = []
    offset = np.zeros(starts.size, dtype=np.int64)  # position of the last success so far
    todo = np.arange(starts.size)
    while todo.size:
        mu = lengths[todo] * q[todo]
        m = np.ceil(mu + 6.0 * np.sqrt(mu) + 10.0).astype(np.int64)
        gaps = gen.geometric(np.repeat(q[todo], m))
        csum = np.cumsum(gaps)
        first = np.concatenate([[0], np.cumsum(m)[:-1]])
        base = np.concatenate([[0], csum[np.cumsum(m)[:-1] - 1]])
        local = csum - np.repeat(base, m) + np.repeat(offset[todo], m)  # 1-based positions
        seg = np.repeat(np.arange(todo.size), m)
        keep = local <= np.repeat(lengths[todo], m)
        out_pos.append(np.repeat(starts[todo], m)[keep] + local[keep] - 1)
        out_piece.append(piece_ids[todo][seg[keep]])
        last = local[first + m - 1]
        unfinished = last <= lengths[todo]
        offset[todo[unfinished]] = last[unfinished]
        todo = todo[unfinished]
    pos = np.concatenate(out_pos) if out_pos else np.empty(0, dtype=np.int64)
    piece = np.concatenate(out_piece) if out_piece else np.empty(0, dtype=np.int64)
    order = np.argsort(pos, kind="stable")
    return pos[order], piece[order]


def simulate_blinking(
    duration: float,
    params: BlinkingParams | None = None,
    rng: np.random.Generator | int | None = None,
    model: str = "A",
    chunk: float = 1.0,
    *,
    switching: tuple[NDArray[np.float64], NDArray[np.int8]] | None = None,
) -> BlinkingResult:
    """Seeded photon-by-photon simulation of type A or type B blinking (review Fig. 5;
    ``docs/perovskite_emission.md`` §6).

    Parameters
    ----------
    duration : float
        Simulated time ``T`` in s (``docs/perovskite_emission.md`` uses 100 s).
    params : BlinkingParams, optional
        Model parameters (defaults: ``docs/perovskite_emission.md`` §6).
    rng : numpy.random.Generator or int
        Random source or seed (required; no implicit seeding).
    model : {"A", "B"}
        Blinking type.
    chunk : float
        Time chunk in s processed per vectorised batch; bounds the intermediate memory. The
        output for a given seed depends on ``chunk`` (draw order below), not only on the seed.
    switching : (switch_times, segment_state), optional
        A given ON/OFF sequence (segment boundaries from 0 to ``duration`` and the state of each
        segment), e.g. power-law dwell times from :func:`dwell.powerlaw_telegraph`
        (``docs/perovskite_emission.md`` §12); default: exponential dwell times drawn here with
        ``mean_on_s`` and ``mean_off_s``.

    Returns
    -------
    BlinkingResult

    Notes
    -----
    Draw order (fixed): telegraph dwell times (all, before any photon; none if ``switching`` is
    given); then per chunk:
    geometric gaps of the signal photons (plus rare top-up draws), standard exponentials of the
    micro-times, normals of the IRF (if ``sigma_irf_ns > 0``), then geometric gaps and uniforms of
    the background (if ``p_background > 0``).
    """
    T = _positive_scalar(duration, "duration")
    chunk = _positive_scalar(chunk, "chunk")
    params = BlinkingParams() if params is None else params
    if not isinstance(params, BlinkingParams):
        raise ValueError(f"params must be a BlinkingParams, got {type(params).__name__}")
    if model not in ("A", "B"):
        raise ValueError(f"model must be 'A' or 'B', got {model!r}")
    gen = _rng(rng)
    f = params.rep_rate_hz
    kin = params.state_kinetics(model)
    qdet = params.detection_probability(model)
    q_state = np.array([qdet[OFF], qdet[ON]])
    tau_state = np.array([kin[OFF][1], kin[ON][1]])
    period_ns = 1e9 / f

    if switching is None:
        switch, seg_state = _telegraph(T, params.mean_on_s, params.mean_off_s, gen)
    else:
        switch = np.asarray(switching[0], dtype=float)
        seg_state = np.asarray(switching[1], dtype=np.int8)
        if (
            switch.ndim != 1
            or switch.size != seg_state.size + 1
            or switch[0] != 0.0
            or abs(switch[-1] - T) > 1e-12 * T
            or np.any(np.diff(switch) < 0)
        ):
            raise ValueError("switching must be (times from 0 to duration, one state per segment)")
    n_chunks = max(1, math.ceil(T / chunk - 1e-12))
    chunk_edges = np.minimum(np.arange(n_chunks + 1) * chunk, T)
    chunk_edges[-1] = T

    # output buffers sized from the expected photon number (grown if needed)
    expected = float(np.sum(np.diff(switch) * f * q_state[seg_state])) + params.p_background * f * T
    capacity = int(expected + 10.0 * math.sqrt(expected) + 1024)
    buf_pulse = np.empty(capacity, dtype=np.int64)
    buf_micro = np.empty(capacity, dtype=np.float64)
    buf_state = np.empty(capacity, dtype=np.int8)
    n_out = 0

    for c in range(n_chunks):
        c0, c1 = chunk_edges[c], chunk_edges[c + 1]
        s_lo = max(int(np.searchsorted(switch, c0, side="right")) - 1, 0)
        s_hi = int(np.searchsorted(switch, c1, side="left"))
        a = np.maximum(switch[s_lo:s_hi], c0)
        b = np.minimum(switch[s_lo + 1 : s_hi + 1], c1)
        states = seg_state[s_lo:s_hi]
        j_lo = np.ceil(a * f).astype(np.int64)
        j_hi = np.ceil(b * f).astype(np.int64)
        pos, piece = _bernoulli_positions(j_lo, j_hi - j_lo, q_state[states], gen)
        st = states[piece]
        micro = gen.standard_exponential(pos.size) * tau_state[st]
        if params.sigma_irf_ns > 0:
            micro += gen.normal(0.0, params.sigma_irf_ns, pos.size)
        st = st.astype(np.int8)
        if params.p_background > 0:
            jc_lo = np.array([math.ceil(c0 * f)], dtype=np.int64)
            jc_hi = math.ceil(c1 * f)
            bpos, _ = _bernoulli_positions(
                jc_lo, np.array([jc_hi - jc_lo[0]]), np.array([params.p_background]), gen
            )
            bmicro = gen.uniform(0.0, period_ns, bpos.size)
            pos = np.concatenate([pos, bpos])
            micro = np.concatenate([micro, bmicro])
            st = np.concatenate([st, np.full(bpos.size, -1, dtype=np.int8)])
            order = np.argsort(pos, kind="stable")
            pos, micro, st = pos[order], micro[order], st[order]
        k = pos.size
        if n_out + k > capacity:
            capacity = max(2 * capacity, n_out + k)
            buf_pulse = np.resize(buf_pulse, capacity)
            buf_micro = np.resize(buf_micro, capacity)
            buf_state = np.resize(buf_state, capacity)
        buf_pulse[n_out : n_out + k] = pos
        buf_micro[n_out : n_out + k] = micro
        buf_state[n_out : n_out + k] = st
        n_out += k

    return BlinkingResult(
        pulse_index=buf_pulse[:n_out].copy() if n_out < 0.9 * capacity else buf_pulse[:n_out],
        micro_time=buf_micro[:n_out].copy() if n_out < 0.9 * capacity else buf_micro[:n_out],
        photon_state=buf_state[:n_out],
        switch_times=switch,
        segment_state=seg_state,
        duration=T,
        model=model,
        params=params,
    )


@dataclass(frozen=True)
class BlinkingTraces:
    """Per-bin intensity and lifetime traces (:func:`intensity_lifetime_traces`).

    Attributes
    ----------
    bin_edges : numpy.ndarray, shape (n_bins + 1,)
        Bin edges, s.
    counts : numpy.ndarray of int64, shape (n_bins,)
        Detected photons per bin.
    lifetime : numpy.ndarray, shape (n_bins,)
        Mean micro-time per bin, ns (maximum-likelihood lifetime of a single exponential;
        NaN for empty bins).
    on_fraction : numpy.ndarray, shape (n_bins,)
        Fraction of the bin spent ON (from the telegraph sequence).
    """

    bin_edges: NDArray[np.float64]
    counts: NDArray[np.int64]
    lifetime: NDArray[np.float64]
    on_fraction: NDArray[np.float64]

    @property
    def bin_centers(self) -> NDArray[np.float64]:
        """Centres of the time bins (s)."""
        return 0.5 * (self.bin_edges[1:] + self.bin_edges[:-1])


def intensity_lifetime_traces(photons: BlinkingResult, bin_time: float = 0.01) -> BlinkingTraces:
    """Intensity (counts per bin) and lifetime (mean micro-time) traces (review Fig. 5b;
    ``docs/perovskite_emission.md`` §6 step 4). Only complete bins inside ``[0, duration)`` are
    returned."""
    if not isinstance(photons, BlinkingResult):
        raise ValueError(f"photons must be a BlinkingResult, got {type(photons).__name__}")
    b = _positive_scalar(bin_time, "bin_time")
    n_bins = math.floor(photons.duration / b * (1 + 1e-12))
    if n_bins < 1:
        raise ValueError(f"bin_time = {b} s is longer than the simulated duration")
    edges = np.arange(n_bins + 1) * b
    pulses_per_bin = photons.params.rep_rate_hz * b
    if abs(pulses_per_bin - round(pulses_per_bin)) < 1e-9 * pulses_per_bin:
        # integer pulses per bin: exact integer binning, no float temporaries
        idx = photons.pulse_index // round(pulses_per_bin)
    else:
        idx = np.floor(photons.macro_time / b).astype(np.int64)
    # photons are sorted in time: the complete bins are a prefix of the stream
    n_keep = int(np.searchsorted(idx, n_bins, side="left"))
    idx = idx[:n_keep]
    counts = np.bincount(idx, minlength=n_bins).astype(np.int64)
    sums = np.bincount(idx, weights=photons.micro_time[:n_keep], minlength=n_bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        lifetime = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    sw = photons.switch_times
    on_time = np.diff(sw) * (photons.segment_state == ON)
    cum_on = np.concatenate([[0.0], np.cumsum(on_time)])
    on_fraction = np.diff(np.interp(edges, sw, cum_on)) / b
    return BlinkingTraces(edges, counts, lifetime, on_fraction)


@dataclass(frozen=True)
class FLID:
    """Fluorescence lifetime-intensity distribution (:func:`flid_histogram`).

    ``hist[i, j]`` = number of bins with counts in ``[count_edges[i], count_edges[i+1])`` and
    lifetime in ``[lifetime_edges[j], lifetime_edges[j+1])``.
    """

    hist: NDArray[np.float64]
    count_edges: NDArray[np.float64]
    lifetime_edges: NDArray[np.float64]


def _select(
    counts: ArrayLike, lifetimes: ArrayLike, min_counts: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    c = np.atleast_1d(np.asarray(counts, dtype=float))
    lt = np.atleast_1d(np.asarray(lifetimes, dtype=float))
    if c.shape != lt.shape or c.ndim != 1:
        raise ValueError("counts and lifetimes must be 1-D arrays of the same length")
    min_counts = _count(min_counts, "min_counts", minimum=0)
    ok = (c >= min_counts) & np.isfinite(lt) & (c > 0)
    return c[ok], lt[ok]


def flid_axes(
    params: BlinkingParams, bin_time: float, *, lifetime_max_ns: float = 8.0
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Fixed FLID bin edges ``(count_edges, lifetime_edges)`` for :func:`flid_histogram`
    (``docs/perovskite_emission.md`` §6 step 4).

    The count axis depends only on the model parameters, not on a realisation, so histograms of
    type A and type B (and of different seeds) share it: steps of 10 counts from 0 up to the
    first multiple of 10 at or above ``1.5 n_on``, where
    ``n_on = f_rep * bin_time * p_exc * eta_det`` is the mean ON count per bin at unit quantum
    yield (an upper bound of the mean count of every state; Poisson fluctuations of
    ``sqrt(n_on)`` stay far below the 50 % margin for ``n_on >> 10``). The lifetime axis runs
    from 0 to ``lifetime_max_ns`` in steps of 0.1 ns (80 steps for the default 8 ns, which
    covers the 5 ns exciton lifetime of the defaults).

    Parameters
    ----------
    params : BlinkingParams
        Model parameters (repetition rate, excitation probability, detection efficiency).
    bin_time : float
        Bin width in s, ``> 0``.
    lifetime_max_ns : float
        Upper end of the lifetime axis in ns, ``> 0``.
    """
    if not isinstance(params, BlinkingParams):
        raise ValueError(f"params must be BlinkingParams, got {type(params).__name__}")
    b = _positive_scalar(bin_time, "bin_time")
    top = _positive_scalar(lifetime_max_ns, "lifetime_max_ns")
    on_counts = params.rep_rate_hz * b * params.p_exc * params.eta_det
    count_edges = np.arange(0.0, 10.0 * np.ceil(1.5 * on_counts / 10.0) + 10.0, 10.0)
    lifetime_edges = np.linspace(0.0, top, round(top / 0.1) + 1)
    return count_edges, lifetime_edges


def flid_histogram(
    counts: ArrayLike,
    lifetimes: ArrayLike,
    bins: tuple[ArrayLike, ArrayLike] | None = None,
    *,
    min_counts: int = 20,
) -> FLID:
    """2-D FLID histogram of (counts, lifetime) over time bins (review Fig. 5c;
    ``docs/perovskite_emission.md`` §6 step 4).

    Parameters
    ----------
    counts, lifetimes : array_like
        Per-bin counts and mean micro-times (e.g. from :func:`intensity_lifetime_traces`).
    bins : (count_edges, lifetime_edges), optional
        Default: counts in steps of 10 from 0 to above the maximum, lifetime 0-8 ns in steps
        of 0.1 ns (``docs/perovskite_emission.md`` §6).
    min_counts : int
        Bins with fewer counts are excluded (their lifetime is too noisy,
        ``docs/perovskite_emission.md`` §9).
    """
    c, lt = _select(counts, lifetimes, min_counts)
    if bins is None:
        top = 10.0 * (math.floor((c.max() if c.size else 0.0) / 10.0) + 2)
        count_edges = np.arange(0.0, top + 0.5, 10.0)
        lifetime_edges = np.linspace(0.0, 8.0, 81)
    else:
        if len(bins) != 2:
            raise ValueError("bins must be (count_edges, lifetime_edges)")
        count_edges = np.asarray(_as_array(bins[0], "count_edges"))
        lifetime_edges = np.asarray(_as_array(bins[1], "lifetime_edges"))
        for name, e in (("count_edges", count_edges), ("lifetime_edges", lifetime_edges)):
            if e.ndim != 1 or e.size < 2 or np.any(np.diff(e) <= 0):
                raise ValueError(f"{name} must be strictly increasing with >= 2 entries")
    hist, _, _ = np.histogram2d(c, lt, bins=[count_edges, lifetime_edges])
    return FLID(hist, count_edges, lifetime_edges)


def intensity_lifetime_correlation(
    counts: ArrayLike, lifetimes: ArrayLike, *, min_counts: int = 20
) -> float:
    """Pearson correlation of counts and lifetime over bins with ``>= min_counts`` counts
    (``docs/perovskite_emission.md`` §6 step 5): high for type A, ~0 for type B."""
    c, lt = _select(counts, lifetimes, min_counts)
    if c.size < 3:
        raise ValueError("fewer than 3 bins pass the count threshold")
    if np.ptp(c) == 0 or np.ptp(lt) == 0:
        raise ValueError("counts or lifetimes are constant: correlation undefined")
    return float(np.corrcoef(c, lt)[0, 1])
