"""The sweep modules of the study: light parsing, points, and the burst_scaling sweep."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lightmatter.perovskite_emission.sweeps import burst_scaling, dicke
from lightmatter.sweep import points_of, sweeps_of

SECTION = {"dicke": {"N": [10, 20, 50], "gamma": 1.0, "num_t": 401}}


def test_parsing_the_sweeps_imports_no_numerics():
    code = (
        "import sys; from lightmatter.sweep import sweeps_of; "
        "sweeps_of('perovskite_emission'); "
        "print(sorted(m for m in ('numpy', 'scipy', 'qutip', 'numba', 'xarray', 'matplotlib') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_burst_scaling_reads_the_dicke_section():
    sw = sweeps_of("perovskite_emission")
    (point,) = points_of(sw["burst_scaling"], SECTION, 1)
    per_n = points_of(sw["dicke"], SECTION, 1)
    assert point["N"] == [p["N"] for p in per_n]
    assert {k: v for k, v in point.items() if k not in ("N", "sweep")} == {
        k: v for k, v in per_n[0].items() if k not in ("N", "sweep")
    }
    burst_scaling.validate(SECTION)
    with pytest.raises(ValueError, match=r"perovskite_emission\.dicke\.N"):
        burst_scaling.validate({"dicke": {**SECTION["dicke"], "N": [2, 10, 20]}})


def test_burst_scaling_solve_matches_the_dicke_points():
    """The per-N metrics of burst_scaling are those of the dicke sweep; the peak exponent of
    the exact ladder over N = 10-50 is a little below 2."""
    sw = sweeps_of("perovskite_emission")
    (point,) = points_of(sw["burst_scaling"], SECTION, 1)
    out = burst_scaling.solve(point, "0" * 12)
    for i, p in enumerate(points_of(sw["dicke"], SECTION, 1)):
        d = dicke.solve(p, "0" * 12)
        for name in ("peak_intensity", "peak_time", "fwhm"):
            assert out[name][i] == d[name]
    assert 1.85 < out["peak_exponent"] < 2.0
    assert -1.05 < out["fwhm_exponent"] < -0.9
    assert out["fit_n_min"] == burst_scaling.FIT_N_MIN


WEAK = {
    "weak_excitation": {
        "gamma": 2.0,
        "N": [1, 3],
        "gamma_phi": [0.0, 1.0],
        "sigma": [0.5],
        "realisations": 3,
        "trpl_N": 3,
        "t_max": 2.0,
        "num_t": 21,
    }
}


def test_weak_excitation_sweep_ideal_rows():
    """gamma_phi = 0, sigma = 0 rows of the sweep: enhancement N (symmetric start), photons 1/N
    (incoherent start); the validation names the key."""
    from lightmatter.perovskite_emission.sweeps import weak_excitation

    sw = sweeps_of("perovskite_emission")
    for p in points_of(sw["weak_excitation"], WEAK, 1):
        out = weak_excitation.solve(p, "0" * 12)
        n = p["N"]
        assert abs(out["enhancement_dephasing"][0, 0] - n) < 1e-9
        assert abs(out["emitted_dephasing"][1, 0] - 1.0 / n) < 1e-9
        assert out["intensity_disorder"].shape == (2, 1, 21)
    with pytest.raises(ValueError, match=r"weak_excitation\.N"):
        weak_excitation.validate({"weak_excitation": {**WEAK["weak_excitation"], "N": [30]}})


def test_spe_zoom_resolves_the_irf_limited_dip():
    """The zoom grid of the spe sweep (Fig. spe_g2 (a')) spans +-zoom_irf_widths sigma_irf and
    shows the finite dip depth: for sigma_irf << 1/(r + Gamma), g2_IRF(0) = 1 - <e^{-a|t|}>_G
    -> a <|t|>_G = a sigma sqrt(2/pi), a = r + Gamma, while the ideal g2(0) = 0."""
    import numpy as np

    from lightmatter.perovskite_emission.sweeps import spe

    point = {
        "gamma": 0.2,
        "r": [0.01, 0.2],
        "sigma_irf": 0.05,
        "t_max": 40.0,
        "num_t": 41,
        "zoom_irf_widths": 4.0,
        "num_t_zoom": 81,
        "cascade": {
            "k_rad_x": 0.18,
            "k_nr_x": 0.02,
            "xx_rad_factor": 2.0,
            "tau_auger_ns": 0.1,
            "cw_pump": [0.01],
        },
    }
    out = spe.solve(point, "test")
    tz = out["tau_zoom"]
    assert tz[0] == pytest.approx(-0.2) and tz[-1] == pytest.approx(0.2) and tz.size == 81
    mid = 40  # tau = 0
    for i, r in enumerate(point["r"]):
        a = r + point["gamma"]
        assert out["g2_zoom"][i, mid] == pytest.approx(0.0, abs=1e-15)
        # first order in a*sigma; the next term is -(a sigma)^2 / 2 ~ 5e-5
        assert out["g2_irf_zoom"][i, mid] == pytest.approx(a * 0.05 * np.sqrt(2 / np.pi), rel=0.02)
        # four IRF widths out the IRF no longer matters (to a few per cent of the dip)
        assert out["g2_irf_zoom"][i, -1] == pytest.approx(out["g2_zoom"][i, -1], rel=0.03)
