"""The claims ledger (lightmatter.claims): loading and validation, the comparison operators, the
evaluation on datasets, the committed paper-resolution snapshot and the README scorecard.

The statuses at the test resolution are checked by tests/workflow/test_end_to_end.py on the
results of its workflow run; here nothing runs the workflow (the whole module takes a few s).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import xarray as xr
import yaml

from lightmatter import claims, registry
from lightmatter.config import load_config
from lightmatter.provenance import config_sha256
from lightmatter.sweep import points_of, sweeps_of

from .conftest import REPO


@pytest.fixture(scope="module")
def ledger() -> list[claims.Claim]:
    return claims.load_ledger()


@pytest.fixture(scope="module")
def snapshot() -> list[dict]:
    return claims.read_table(claims.snapshot_path())


# ---- the ledger itself -----------------------------------------------------------------------


def test_ledger_covers_the_five_papers_with_at_least_60_claims(ledger):
    assert len(ledger) >= 60
    by_paper = {st: [c for c in ledger if c.paper == st] for st in registry.studies()}
    assert all(len(v) >= 10 for v in by_paper.values()), {k: len(v) for k, v in by_paper.items()}
    assert len({c.key for c in ledger}) == len(ledger)
    for st in ("reproduced", "fitted", "differs", "not computable"):
        assert any(c.status == st for c in ledger), st
    for c in ledger:
        if c.not_computable:
            assert len(c.not_computable) > 20, f"{c.key}: say why it is not computable"


def test_ledger_names_existing_sweeps_variables_and_fitted_keys(ledger):
    """Without data: every dataset is a sweep, every variable declared, every fitted key in the
    paper configuration (a renamed variable or config key fails here, not only in a run)."""
    claims.validate_against_sweeps(ledger, load_config([REPO / "config" / "config.yaml"]))


def test_every_number_the_captions_quote_from_a_paper_is_in_the_ledger(ledger):
    """Each number a caption attributes to the paper ("paper 1.5", "paper: 0.27 mJ/cm²", "the
    paper states ~10", "the review's ≈2×") appears in the stated value of a claim of that study."""
    pattern = re.compile(
        r"(?:paper(?:'s)?(?: states| quotes)?[: ]+|paper's [a-z]+ ratio |seed anchors:[^≈\n]*≈ |"
        r"most dots < |review(?:'s)?(?:(?!Fig|figure|text|claim)[^0-9\n]){0,14})[~≈]?\s*"
        r"(?:J_th = )?([0-9]+(?:\.[0-9]+)?)"
    )
    missing = []
    for caption in sorted((REPO / "rules" / "captions").glob("*/*.rst")):
        study = caption.parent.name
        stated = " ".join(c.stated for c in ledger if c.paper == study)
        for number in pattern.findall(caption.read_text()):
            variants = {number, number.rstrip("0").rstrip("."), f"{float(number):g}"}
            if not any(re.search(rf"(?<![0-9.]){re.escape(v)}(?![0-9])", stated) for v in variants):
                missing.append(f"{caption.relative_to(REPO)}: {number}")
    assert not missing, missing


def _write_ledger(tmp_path: Path, claims_list: list, paper: str = "qd_gain") -> Path:
    d = tmp_path / "ledger"
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{paper}.yaml").write_text(yaml.safe_dump({"paper": paper, "claims": claims_list}))
    return d


GOOD = {
    "id": "t",
    "claim": "threshold",
    "where": "Fig. 8c",
    "stated": "1.0",
    "check": {"approx": 1.0, "abs": 0.05},
    "compute": {"dataset": "se_maps", "variable": "N_th", "sel": {"scheme": "3LS"}},
    "status": "reproduced",
}


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ({"check": None}, "a computable claim needs a check"),
        ({"check": [1.0]}, "check must be a mapping"),
        ({"check": {"approx": 1.0}}, "exactly one tolerance"),
        ({"check": {"approx": 1.0, "abs": 0.1, "less": 2}}, "exactly one of"),
        ({"check": {"greater": 1.0, "rel": 0.1}}, "takes no tolerance"),
        ({"check": {"between": [2, 1]}}, "low <= high"),
        ({"check": {"approx": 1.0, "factor": 0.5}}, "not allowed"),
        ({"not_computable": "no model"}, "exactly one of compute and not_computable"),
        ({"status": "fine"}, "status must be one of"),
        ({"status": "fitted"}, "needs the tuned config key"),
        ({"fitted": "ledd_ttm.pulse.I0_GW_cm2"}, "fitted names a config key of qd_gain"),
        ({"colour": "red"}, "unknown keys ['colour']"),
        ({"compute": {"dataset": "a/b/c", "variable": "x"}}, "<sweep> or <study>/<sweep>"),
        ({"compute": {"dataset": "se_maps", "variable": "N_th", "reduce": "median"}}, "reduce"),
        ({"compute": {"function": "crossing"}}, "lists the datasets it reads"),
        ({"where": ""}, "missing or empty 'where'"),
    ],
)
def test_malformed_claims_are_rejected_with_the_claim_named(tmp_path, edit, message):
    entry = {**GOOD, **edit}
    entry = {k: v for k, v in entry.items() if v is not None}
    d = _write_ledger(tmp_path, [entry])
    with pytest.raises(claims.ClaimError) as err:
        claims.load_ledger(d)
    assert message in str(err.value)
    assert "qd_gain.yaml claim 't'" in str(err.value)


def test_ledger_file_errors(tmp_path):
    d = _write_ledger(tmp_path, [GOOD, GOOD])
    with pytest.raises(claims.ClaimError, match="duplicate claim id 't'"):
        claims.load_ledger(d)
    d = _write_ledger(tmp_path / "s", [GOOD], paper="no_such_study")
    with pytest.raises(claims.ClaimError, match="not a study of the registry"):
        claims.load_ledger(d)
    bad = {**GOOD, "compute": {"dataset": "se_maps", "variable": "N_threshold"}}
    d = _write_ledger(tmp_path / "x", [bad])
    with pytest.raises(claims.ClaimError, match="declares no variable 'N_threshold'"):
        claims.validate_against_sweeps(claims.load_ledger(d))
    bad = {**GOOD, "fitted": "qd_gain.model.kapa", "status": "fitted"}
    d = _write_ledger(tmp_path / "y", [bad])
    with pytest.raises(claims.ClaimError, match=r"kapa' is not in the configuration"):
        claims.validate_against_sweeps(claims.load_ledger(d), {"qd_gain": {"model": {}}})


# ---- comparison and evaluation ---------------------------------------------------------------


def test_check_operators():
    ev = claims.evaluate_check
    assert ev({"approx": 1.0, "abs": 0.05}, 0.986) and not ev({"approx": 1.0, "abs": 0.01}, 0.986)
    assert ev({"approx": 0.27, "rel": 0.1}, 0.289) and not ev({"approx": 0.27, "rel": 0.05}, 0.289)
    assert ev({"approx": 10.0, "factor": 2.0}, 5.8) and not ev({"approx": 10.0, "factor": 1.5}, 5.8)
    assert not ev({"approx": 1.0, "factor": 2.0}, -1.0)
    assert ev({"greater": 2.0}, 2.5) and not ev({"greater": 2.0}, 2.0)
    assert ev({"less": 0.0}, -1e-9) and not ev({"less": 0.0}, 0.0)
    assert ev({"between": [1.0, 2.0]}, 1.0) and not ev({"between": [1.0, 2.0]}, 2.1)
    assert not any(ev(c, math.nan) for c in ({"greater": 0}, {"approx": 0, "abs": 1}))
    assert ev({"greater": 1.0}, math.inf)


def _dataset(path: Path, **variables) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    ds = xr.Dataset(variables, coords={"scheme": ["3LS", "4LS"], "x": [0.0, 1.0, 2.0]})
    ds.attrs.update(content_sha256="c" * 8, code_fingerprint="f" * 8, config_sha256="h" * 8)
    ds.to_netcdf(path)


def test_evaluation_statuses_on_a_small_dataset(tmp_path):
    """One dataset, five claims: reproduced, fitted, differs (with its factor), a label absent
    from this configuration (not computable, with the reason) and a declared not computable."""
    results = tmp_path / "results"
    _dataset(
        results / "qd_gain" / "se_maps.nc",
        N_th=("scheme", [0.986, 0.5]),
        od_0=(("scheme", "x"), [[1.0, 2.0, 4.0], [0.0, -1.0, -3.0]]),
    )
    base = {"where": "w", "stated": "s"}
    entries = [
        {**GOOD, **base},
        {
            **GOOD,
            **base,
            "id": "f",
            "compute": {"dataset": "se_maps", "variable": "N_th", "sel": {"scheme": "4LS"}},
            "check": {"approx": 0.5, "abs": 0.05},
            "fitted": "qd_gain.model.overlap_4ls",
            "status": "fitted",
        },
        {
            **GOOD,
            **base,
            "id": "d",
            "check": {"approx": 2.0, "rel": 0.1},
            "compute": {
                "ratio": [
                    {
                        "dataset": "se_maps",
                        "variable": "od_0",
                        "sel": {"scheme": "3LS"},
                        "reduce": "max",
                    },
                    {
                        "dataset": "se_maps",
                        "variable": "od_0",
                        "sel": {"scheme": "3LS"},
                        "interp": {"x": 0.5},
                    },
                ]
            },
            "status": "differs",
        },
        {
            **GOOD,
            **base,
            "id": "a",
            "compute": {"dataset": "se_maps", "variable": "N_th", "sel": {"scheme": "5LS"}},
            "test_status": "not computable",
        },
        {
            **base,
            "id": "n",
            "claim": "c",
            "not_computable": "no model of it here",
            "status": "not computable",
        },
    ]
    ledger = claims.load_ledger(_write_ledger(tmp_path, entries))
    res = {
        r.claim.id: r
        for r in claims.evaluate(ledger, results, {"qd_gain": {"model": {"overlap_4ls": 1 / 3}}})
    }
    assert res["t"].status == "reproduced" and res["t"].value == pytest.approx(0.986)
    assert res["f"].status == "fitted" and "qd_gain.model.overlap_4ls = 0.3333" in res["f"].detail
    assert res["d"].status == "differs"
    assert res["d"].value == pytest.approx(4.0 / 1.5) and res["d"].factor == pytest.approx(
        4.0 / 3.0
    )
    assert res["a"].status == "not computable" and "5LS" in res["a"].detail
    assert res["n"].status == "not computable" and res["n"].detail == "no model of it here"
    assert res["t"].datasets == ["qd_gain/se_maps"] and res["t"].content_sha256 == ["c" * 8]
    rows = [r.row() for r in res.values()]
    assert claims.check_statuses(rows, ledger, "paper") == [
        "qd_gain:a: computed status 'not computable' (value –, paper 's') but the ledger expects "
        "'reproduced' at the paper configuration (qd_gain.yaml: update 'status' if the change is "
        "intended)"
    ]
    assert claims.check_statuses(rows, ledger, "test") == []
    bad = [{**GOOD, **base, "compute": {"dataset": "se_maps", "variable": "od_0"}}]
    with pytest.raises(claims.ClaimError, match="leaves 6 values"):
        claims.evaluate(claims.load_ledger(_write_ledger(tmp_path / "b", bad)), results)
    with pytest.raises(claims.ClaimError, match="does not exist"):
        claims.evaluate(ledger, tmp_path / "nowhere")


def test_outputs_round_trip_and_render(tmp_path):
    """The rule's writer: NetCDF with units on every variable and a valid content hash, a CSV
    that reads back to the same rows, and scorecards with per-paper counts."""
    from lightmatter.provenance import verify_netcdf

    results = tmp_path / "results"
    _dataset(results / "qd_gain" / "se_maps.nc", N_th=("scheme", [0.986, 0.5]))
    ledger = claims.load_ledger(_write_ledger(tmp_path, [GOOD]))
    res = claims.evaluate(ledger, results)
    out = claims.claims_outputs(str(tmp_path / "out"))
    claims.write_outputs(
        res,
        out["nc"],
        out["csv"],
        out["txt"],
        out["md"],
        out["rst"],
        ledger_sha256="l",
        config_hash="c",
        fingerprint="f",
    )
    ok, _, _ = verify_netcdf(out["nc"])
    assert ok
    with xr.open_dataset(out["nc"]) as ds:
        assert all(v.attrs.get("units") for v in ds.variables.values())
        assert str(ds["status"].values[0]) == "reproduced"
        assert float(ds["computed"].values[0]) == pytest.approx(0.986)
    rows = claims.read_table(out["csv"])
    assert rows[0]["status"] == "reproduced" and rows[0]["computed"] == pytest.approx(0.986)
    assert "1 reproduced, 0 fitted, 0 differs, 0 not computable" in Path(out["txt"]).read_text()
    assert "| threshold | Fig. 8c | 1.0 | 0.986 | reproduced |" in Path(out["md"]).read_text()


# ---- the committed paper-resolution snapshot and the README ------------------------------------


def test_paper_snapshot_statuses_match_the_ledger(ledger, snapshot):
    """The regression guard at paper resolution: `make claims` rewrites the snapshot from a
    paper-resolution run; a status that changed without the ledger being updated fails here."""
    assert claims.check_statuses(snapshot, ledger, "paper") == []


def test_paper_snapshot_is_current(snapshot):
    """The snapshot was computed from datasets of the current code and paper configuration:
    each dataset's code fingerprint and parameter hash equal what the workflow would make now.
    After a physics or configuration change, run `make claims` (paper resolution)."""
    config = load_config([REPO / "config" / "config.yaml"])
    stale = []
    expected: dict[str, tuple[str, str]] = {}
    for row in snapshot:
        if not row["datasets"]:
            continue
        for name, fp, cfg in zip(
            row["datasets"].split(";"),
            row["code_fingerprint"].split(";"),
            row["config_sha256"].split(";"),
            strict=True,
        ):
            if name not in expected:
                study, sweep = name.split("/")
                sw = sweeps_of(study)[sweep]
                points = points_of(sw, config[study], config["seed"])
                expected[name] = (
                    sw.fingerprint(),
                    config_sha256({"points": points, "sweep": sweep}),
                )
            if (fp, cfg) != expected[name]:
                stale.append(f"{row['paper']}:{row['id']} ({name})")
    assert not stale, f"stale snapshot, run `make claims`: {sorted(set(stale))[:10]}"


def test_readme_scorecard_is_generated_from_the_snapshot(snapshot):
    readme = (REPO / "README.md").read_text()
    assert claims.readme_section(snapshot) in readme, "run `make claims` (updates the README)"


def test_rst_fragment_is_valid_restructuredtext(snapshot):
    """The fragment the report's first page includes parses without warnings."""
    import docutils.core
    import docutils.utils

    text = claims.render_rst(snapshot)
    doctree = docutils.core.publish_doctree(
        text, settings_overrides={"report_level": 5, "halt_level": 5}
    )
    problems = [m for m in doctree.findall(docutils.nodes.system_message) if m["level"] >= 2]
    assert not problems, [m.astext() for m in problems]
    tables = list(doctree.findall(docutils.nodes.table))
    assert len(tables) == len(registry.studies())
    n_rows = sum(len(list(t.findall(docutils.nodes.row))) - 1 for t in tables)
    assert n_rows == len(snapshot)


def test_scorecard_counts_add_up(snapshot):
    text = claims.render_text(snapshot)
    total = re.search(
        r"(\d+) claims; (\d+) reproduced, (\d+) fitted, (\d+) differs, (\d+) not", text
    )
    assert total and int(total[1]) == sum(map(int, total.groups()[1:])) == len(snapshot)
    for study in registry.studies():
        assert f"== {study}:" in text
    assert [r["paper"] for r in snapshot] == sorted(
        (r["paper"] for r in snapshot), key=registry.studies().index
    ), "grouped by paper in registry order"
