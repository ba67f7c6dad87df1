"""HOM visibility of a dephased emitter (docs/perovskite_emission.md §11) and power-law
blinking dwell times with their maximum-likelihood fits (§12)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.integrate import dblquad, quad

from lightmatter.perovskite_emission import blinking, dwell, hom


def test_visibility_closed_form_and_review_value():
    assert hom.visibility(0.21, 0.42) == 1.0
    assert abs(hom.visibility(0.21, 0.08) - 0.08 / 0.42) < 1e-15
    assert abs(hom.pure_dephasing_rate(0.21, 0.08) - (1 / 0.08 - 0.5 / 0.21)) < 1e-12
    with pytest.raises(ValueError, match="radiative limit"):
        hom.visibility(0.21, 0.5)


def test_visibility_equals_the_dephased_overlap_integral():
    """Eq. 11.2 from its definition: <|<xi1|xi2>|^2> = int int Gamma^2 e^{-Gamma(u+u')}
    e^{-2 gamma* |u-u'|} du du', evaluated by quadrature."""
    t1, t2 = 0.21, 0.08
    g, gs = 1.0 / t1, hom.pure_dephasing_rate(t1, t2)
    val, _ = dblquad(
        lambda u, v: g * g * math.exp(-g * (u + v) - 2.0 * gs * abs(u - v)),
        0.0,
        30 * t1,
        0.0,
        30 * t1,
        epsabs=1e-11,
    )
    assert abs(val - hom.visibility(t1, t2)) < 1e-7


def test_simulated_overlap_and_dip_match_the_closed_form():
    t1, t2 = 1.0, 1.0  # T2/(2T1) = 0.5
    delays = np.array([0.0, 0.5, 2.0])
    sim = hom.simulate_hom(delays, t1, t2, 6000, 4)
    expect = hom.visibility(t1, t2) * np.exp(-delays / t1)
    # the per-pair overlap is exact; its mean has a spread ~0.3/sqrt(n)
    assert np.all(np.abs(sim.mean_overlap - expect) < 4 * 0.3 / math.sqrt(6000))
    z = (sim.normalised - hom.hom_dip(delays, t1, t2)) / sim.normalised_stderr
    assert np.all(np.abs(z) < 4)
    again = hom.simulate_hom(delays, t1, t2, 6000, 4)
    assert np.array_equal(again.coincidences, sim.coincidences)


def test_ideal_photons_never_coincide_at_zero_delay():
    sim = hom.simulate_hom([0.0], 0.21, 0.42, 2000, 1)
    assert sim.coincidences[0] == 0


@pytest.mark.parametrize("cut", [math.inf, 0.5])
def test_dwell_density_is_normalised(cut):
    law = dwell.DwellLaw(1.6, 1e-3, 100.0, cut)
    val, _ = quad(
        lambda t: float(dwell.dwell_pdf(t, law)), 1e-3, 100.0, points=[1e-2, 1e-1, 1, 10], limit=400
    )
    assert abs(val - 1.0) < 1e-8


def test_sampling_follows_the_law():
    law = dwell.DwellLaw(1.5, 1e-3, 100.0, 2.0)
    x = dwell.sample_dwell(law, 20000, 3)
    for edge in (3e-3, 3e-2, 0.3, 3.0):
        cdf, _ = quad(lambda t: float(dwell.dwell_pdf(t, law)), 1e-3, edge, limit=400)
        assert abs(np.mean(x <= edge) - cdf) < 4 * math.sqrt(cdf * (1 - cdf) / x.size)


@pytest.mark.parametrize(
    ("alpha", "cut", "seed"), [(1.5, math.inf, 1), (1.8, math.inf, 2), (1.5, 2.0, 3)]
)
def test_mle_recovers_the_exponent_within_3_sigma(alpha, cut, seed):
    law = dwell.DwellLaw(alpha, 2e-3, 200.0, cut)
    x = dwell.sample_dwell(law, 3000, seed)
    fit = dwell.fit_dwell(x, 2e-3, 200.0, fit_cutoff=not math.isinf(cut))
    assert abs(fit.alpha - alpha) < 3 * fit.alpha_stderr
    if math.isinf(cut):
        # pure power law: the error matches the Clauset et al. form (alpha - 1)/sqrt(n)
        assert abs(fit.alpha_stderr / ((fit.alpha - 1) / math.sqrt(fit.n)) - 1) < 0.1
    else:
        assert abs(fit.cutoff_rate - 1 / cut) < 3 * fit.cutoff_rate_stderr


def test_trace_dwell_times_are_the_inner_runs():
    counts = np.array([9, 9, 1, 1, 1, 9, 1, 9, 9, 9, 1, 1])
    on, off = dwell.trace_dwell_times(counts, 5, 0.5)
    assert on.tolist() == [0.5, 1.5] and off.tolist() == [1.5, 0.5]


def test_powerlaw_telegraph_drives_the_photon_simulation():
    on = dwell.DwellLaw(1.5, 2e-3, 5.0, 2.0)
    off = dwell.DwellLaw(1.6, 2e-3, 5.0, 10.0)
    sw, st, on_d, off_d = dwell.powerlaw_telegraph(5.0, on, off, 8)
    assert sw[0] == 0.0 and sw[-1] == 5.0 and np.all(np.diff(sw) > 0)
    complete = np.diff(sw)[:-1]
    assert np.allclose(complete[0::2], on_d) and np.allclose(complete[1::2], off_d)
    res = blinking.simulate_blinking(5.0, None, 3, model="A", switching=(sw, st))
    assert np.array_equal(res.switch_times, sw)
    tr = blinking.intensity_lifetime_traces(res, 0.01)
    on_frac = np.sum(np.diff(sw) * (st == 1)) / 5.0
    assert abs(np.mean(tr.on_fraction) - on_frac) < 1e-9
