"""The audit cannot be fooled (issue 13): attacks on a small, real results tree.

The tree is the ``qd_gain`` study at the test resolution (every sweep solved in-process by the
same job functions the workflow runs, about a second) and one of its figures, under a figure
registry that holds only that figure, with its manifest written by ``jobs.run_manifest``. Each
test attacks a private copy and checks that the audit names the damaged file; the attacks
that keep every stored hash consistent (the data edited and all hashes recomputed) are caught
only by re-derivation: rebuilt parameter tables, ``--recompute``, ``--redraw``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lightmatter import registry
from lightmatter.audit import audit, draw_figure
from lightmatter.config import load_config
from lightmatter.jobs import run_manifest, run_sweep
from lightmatter.provenance import file_sha256
from lightmatter.provenance_graph import provenance_graph
from lightmatter.sweep import points_of, sweeps_of

from .conftest import REPO, edit_and_rehash

STUDY = "qd_gain"
FIGURE = "fig6d"
CONFIG = load_config([REPO / "config" / "config.yaml", REPO / "config" / "test.yaml"])


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(results root, registry) of the tiny run, built once."""
    base = tmp_path_factory.mktemp("audit-tree")
    reg = base / "figures.yaml"
    full = yaml.safe_load((REPO / "rules" / "figures.yaml").read_text())
    reg.write_text(yaml.safe_dump({STUDY: {FIGURE: full[STUDY][FIGURE]}}))
    root = base / "results"
    for name, sw in sweeps_of(STUDY).items():
        pts = points_of(sw, CONFIG[STUDY], CONFIG["seed"])
        stem = root / STUDY / name
        run_sweep(STUDY, name, pts, sw.fingerprint(), f"{stem}.nc", f"{stem}.params.csv")
    (fig,) = registry.figures(reg)
    pdf, png = fig.outputs(str(root))
    proc = draw_figure(fig, root, pdf, png, CONFIG)
    assert proc.returncode == 0, proc.stderr[-2000:]
    graph = provenance_graph({**CONFIG, "results": str(root)}, reg)
    run_manifest(graph, str(root / "provenance" / "manifest.json"))
    return root, reg


@pytest.fixture()
def tree(built, tmp_path) -> tuple[Path, Path]:
    """A private copy of the tree (manifest paths rewritten to it)."""
    root, reg = built
    copy = tmp_path / "results"
    shutil.copytree(root, copy)
    manifest = copy / "provenance" / "manifest.json"
    manifest.write_text(manifest.read_text().replace(str(root), str(copy)))
    return copy, reg


def _audit(root: Path, reg: Path, **kw):
    return audit(root, CONFIG, figures_yaml=reg, **kw)


def _flagged(res, path: Path, needle: str = "") -> bool:
    return any(p == str(path) and needle in m for p, m in res.problems)


def _rewrite_manifest(root: Path, path: Path, **fields) -> None:
    """What an attacker who also fixes the manifest does: recompute the entry's hashes."""
    manifest = root / "provenance" / "manifest.json"
    data = json.loads(manifest.read_text())
    entry = data["outputs"][str(path)]
    entry["sha256"] = file_sha256(path)
    entry.update(fields)
    manifest.write_text(json.dumps(data))


def test_an_untouched_tree_verifies_from_any_path_form(tree, monkeypatch):
    root, reg = tree
    res = _audit(root, reg)
    assert res.ok, res.problems[:5]
    assert len(res.lineage) == 1 and res.lineage[0]["status"] == "ok"
    assert res.n_rederived == len(sweeps_of(STUDY))  # every parameter table rebuilt
    monkeypatch.chdir(root.parent)
    for form in ("results", "./results/", f"{root}/", str(root)):
        assert _audit(Path(form), reg).ok, form


def test_a_figure_deleted_with_its_manifest_entries_is_missed(tree):
    root, reg = tree
    data = json.loads((root / "provenance" / "manifest.json").read_text())
    for ext in ("pdf", "png"):
        victim = root / STUDY / "figures" / f"{FIGURE}.{ext}"
        victim.unlink()
        del data["outputs"][str(victim)]
    (root / "provenance" / "manifest.json").write_text(json.dumps(data))
    res = _audit(root, reg)
    assert _flagged(res, root / STUDY / "figures" / f"{FIGURE}.png", "missing")
    assert res.lineage[0]["status"] == "BROKEN"


def test_a_whole_sweep_deleted_with_its_manifest_entries_is_missed(tree):
    root, reg = tree
    data = json.loads((root / "provenance" / "manifest.json").read_text())
    for ext in (".nc", ".params.csv"):
        victim = root / STUDY / f"binding{ext}"
        victim.unlink()
        del data["outputs"][str(victim)]
    (root / "provenance" / "manifest.json").write_text(json.dumps(data))
    res = _audit(root, reg)
    assert _flagged(res, root / STUDY / "binding.nc", "not in the manifest")
    assert _flagged(res, root / STUDY / "binding.params.csv", "missing")


def test_an_extra_file_on_disk_is_reported(tree):
    root, reg = tree
    extra = root / STUDY / "figures" / "planted.png"
    extra.write_bytes(b"\x89PNG")
    res = _audit(root, reg)
    assert _flagged(res, extra, "on disk but not made")


def test_a_consistently_rehashed_dataset_is_caught_by_recompute_only(tree, monkeypatch):
    """Data edited, content hash in the file and SHA-256 in the manifest recomputed: the
    cheap checks cannot see it; re-solving the sweep (exact by the determinism contract, in
    a fresh interpreter with a job's environment) does. The draw is pinned to the victim and
    to an untouched sweep, which must re-solve to its stored hash."""
    import lightmatter.audit as audit_mod

    root, reg = tree
    victim = root / STUDY / "cw.nc"
    digest = edit_and_rehash(victim)
    _rewrite_manifest(root, victim, content_sha256=digest)
    assert _audit(root, reg).ok  # every stored hash agrees with the edited data
    pinned = [(STUDY, "cw", ""), (STUDY, "statistics", "")]
    monkeypatch.setattr(audit_mod, "_draw", lambda candidates, k, seed: pinned)
    res = _audit(root, reg, recompute=2)
    assert res.recomputed == [f"{STUDY}/cw.nc", f"{STUDY}/statistics.nc"]
    assert [p for p, _ in res.problems] == [str(victim)], res.problems
    assert _flagged(res, victim, "re-solved")


def test_recompute_k_draws_a_seeded_sample():
    from lightmatter.audit import _draw

    jobs = [f"j{i}" for i in range(20)]
    a, b = _draw(jobs, 3, seed=1), _draw(jobs, 3, seed=1)
    assert a == b and len(set(a)) == 3 and _draw(jobs, 3, seed=2) != a
    assert _draw(jobs, "all", 0) == jobs and _draw(jobs, 0, 0) == []


def test_a_consistently_rewritten_parameter_table_is_caught(tree):
    """A table whose row was edited with a matching point id (it reads back cleanly) and whose
    manifest SHA-256 was updated: the table rebuilt from the configuration differs."""
    from lightmatter.canonical import point_id
    from lightmatter.dataset import read_point_table, write_point_table

    root, reg = tree
    victim = root / STUDY / "cw.params.csv"
    pts = read_point_table(victim)
    key = next(k for k, v in pts[0].items() if isinstance(v, float))
    pts[0][key] *= 1.5
    write_point_table(pts, victim)
    assert read_point_table(victim)[0][key] == pts[0][key] and point_id(pts[0])
    _rewrite_manifest(root, victim)
    res = _audit(root, reg)
    assert _flagged(res, victim, "rebuilt from the configuration"), res.problems
    graph = provenance_graph({**CONFIG, "results": str(root)}, reg)
    with pytest.raises(RuntimeError, match="parameter table does not list the points"):
        run_manifest(graph, str(root / "manifest-again.json"))  # the workflow refuses it too


def test_a_consistently_rewritten_figure_is_caught_by_redraw(tree):
    root, reg = tree
    victim = root / STUDY / "figures" / f"{FIGURE}.png"
    victim.write_bytes(victim.read_bytes() + b"\0")
    _rewrite_manifest(root, victim)
    assert _audit(root, reg).ok
    res = _audit(root, reg, redraw=1)
    assert res.redrawn == [f"{STUDY}/{FIGURE}"]
    assert _flagged(res, victim, "redrawn"), res.problems
    assert not _flagged(res, victim.with_suffix(".pdf"))  # the PDF is byte-identical


@pytest.mark.parametrize(
    ("damage", "needle"),
    [
        (lambda t: t[: len(t) // 2], "not readable JSON"),
        (lambda t: "[]", "no 'outputs' mapping"),
        (lambda t: '{"outputs": {"x": 1}}', "not under the results folder"),
        (lambda t: t.replace('"inputs": [', '"inputs": "x", "was": [', 1), "damaged"),
        (lambda t: t.replace('qd_gain/cw.nc"', 'qd_gain/../../etc/passwd"', 1), "not under"),
    ],
)
def test_a_damaged_manifest_gives_one_line(tree, damage, needle):
    root, reg = tree
    manifest = root / "provenance" / "manifest.json"
    manifest.write_text(damage(manifest.read_text()))
    res = _audit(root, reg)
    assert any(needle in m for _, m in res.problems), res.problems


def test_the_command_line_never_shows_a_traceback(tree, tmp_path):
    root, _ = tree
    cfg = tmp_path / "c.yaml"
    cfg.write_text(yaml.safe_dump({"results": str(root)}))
    manifest = root / "provenance" / "manifest.json"
    manifest.write_text(manifest.read_text()[:100])
    cases = [
        (["--results", str(root)], 1, "not readable JSON"),
        (["--results", str(tmp_path / "nowhere")], 2, "does not exist"),
    ]
    for args, code, needle in cases:
        proc = subprocess.run(
            [sys.executable, "-m", "lightmatter.audit", "--quiet", *args],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=False,
        )
        assert proc.returncode == code, (args, proc.stderr)
        assert needle in proc.stderr and "Traceback" not in proc.stderr, (args, proc.stderr)


# ---------------------------------------------------------------- Workflow Run RO-Crate
CONTEXT_URL = "https://w3id.org/ro/crate/1.1/context"


def _seed_http_cache(cache: Path) -> None:
    """Store the RO-Crate JSON-LD context that the ``rocrate`` package ships as the cached
    response for the context URL, in the validator's requests-cache format (sqlite): the
    validator then resolves the context without the network."""
    import io

    import requests
    import rocrate
    import urllib3
    from requests_cache import CachedSession

    body = (Path(rocrate.__file__).parent / "data" / "ro-crate.jsonld").read_bytes()
    session = CachedSession(cache_name=str(cache), backend="sqlite", expire_after=-1)
    resp = requests.Response()
    resp.status_code, resp.reason, resp.url, resp._content = 200, "OK", CONTEXT_URL, body
    resp.headers["Content-Type"] = "application/ld+json"
    resp.request = requests.Request(
        "GET", CONTEXT_URL, headers={"Accept": "application/ld+json, application/json, */*;q=0.1"}
    ).prepare()
    resp.raw = urllib3.HTTPResponse(
        body=io.BytesIO(body),
        headers=dict(resp.headers),
        status=200,
        preload_content=False,
        request_url=CONTEXT_URL,
    )
    session.cache.save_response(resp)
    session.close()


def test_the_run_exports_a_valid_provenance_run_crate_offline(built, tmp_path, monkeypatch):
    """The crate validates against provenance-run-crate-0.5 at REQUIRED severity with every
    socket blocked, and ``runcrate report`` reads one action per job."""
    import io
    import socket

    from rocrate_validator import services
    from rocrate_validator.utils.http import HttpRequester
    from runcrate.report import dump_crate_actions

    from lightmatter.runcrate import write_crate

    root, _ = built
    out = write_crate(root, CONFIG)
    assert out == root / "provenance" / "ro-crate-metadata.json"
    graph = {e["@id"]: e for e in json.loads(out.read_text())["@graph"]}
    nc = graph[f"../{STUDY}/cw.nc"]
    assert nc["sha256"] == file_sha256(root / STUDY / "cw.nc")
    assert nc["encodingFormat"] == "application/x-netcdf" and int(nc["contentSize"]) > 0

    cache = tmp_path / "http-cache"
    _seed_http_cache(cache)

    def no_network(*args, **kwargs):
        raise OSError(f"network access attempted during the test: {args}")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    HttpRequester._instance = None  # a singleton: build it with this cache, offline
    try:
        result = services.validate(
            services.ValidationSettings(
                rocrate_uri=str(out.parent),
                profile_identifier="provenance-run-crate-0.5",
                requirement_severity="REQUIRED",
                offline=True,
                cache_path=str(cache),
            )
        )
    finally:
        HttpRequester._instance = None
    issues = [f"{i.check.identifier}: {i.message}" for i in result.get_issues()]
    assert result.passed(), issues
    text = io.StringIO()
    dump_crate_actions(out.parent, f=text)
    n_jobs = len(sweeps_of(STUDY)) + 2  # every sweep, the figure, the manifest
    assert text.getvalue().count("action: #job-") == n_jobs
    assert "instrument: workflow/Snakefile" in text.getvalue()


# ---------------------------------------------------------------- verified inputs
def test_a_corrupted_cache_entry_is_refused_naming_the_cache_path(tree, tmp_path):
    """As Snakemake's --cache leaves it: the output is a symlink to a (world-writable) cache
    entry. One value changed in the entry: every reader of the dataset (a figure, through
    plotting.load; the manifest) stops, naming the file and the cache entry."""
    import netCDF4

    from lightmatter.plotting import load
    from lightmatter.provenance import IntegrityError

    root, reg = tree
    cache = tmp_path / "output-cache"
    cache.mkdir()
    out = root / STUDY / "cw.nc"
    entry = cache / "0f1e2d3c4b5a"
    shutil.move(out, entry)
    out.symlink_to(entry)
    assert load(out).attrs["study"] == STUDY  # an intact entry is served
    with netCDF4.Dataset(entry, "a") as nc:
        name = next(
            v for v in nc.variables if getattr(nc[v].dtype, "kind", "") == "f" and nc[v].ndim >= 1
        )
        nc[name][0] = nc[name][0] + 0.5
    with pytest.raises(IntegrityError) as err:
        load(out)
    assert str(out) in str(err.value) and str(entry) in str(err.value)
    graph = provenance_graph({**CONFIG, "results": str(root)}, reg)
    with pytest.raises(RuntimeError) as err:
        run_manifest(graph, str(tmp_path / "manifest.json"))
    assert str(entry) in str(err.value)
    assert _flagged(_audit(root, reg), out, "content hash stored in the file")
