"""Code fingerprints that follow the physics: the import closure of a module, hashed on its AST.

A sweep's fingerprint goes into its solver rule's ``params:`` (rerun trigger and cache key). It
covers the sweep module and every ``lightmatter`` module it imports, directly or through other
modules (found by reading ``import`` statements in the source, including imports inside
functions, without importing anything). Each module is hashed as its abstract syntax tree with
docstrings removed, so comments, docstrings and formatting change nothing; top-level
assignments to ``RESOURCES`` (memory, runtime) are removed too, because resources do not change
a number. Imports the reader cannot see (``importlib.import_module`` with a computed name) are
not followed: sweep modules import their physics with plain ``import`` statements.

Parsing every module is the largest part of parsing the Snakefile, so what is read from a file
(its imports and the hash of its normalised tree) is cached per process and on disk, in
``__pycache__/lightmatter-fingerprints.json`` next to the package, keyed like Python's own
bytecode cache by the file's path, modification time and size.
"""

from __future__ import annotations

import ast
import atexit
import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "fingerprint",
    "import_closure",
    "module_file",
    "normalised_source",
    "script_fingerprint",
]

PACKAGE = "lightmatter"
ROOT = Path(__file__).resolve().parent
CACHE = ROOT / "__pycache__" / "lightmatter-fingerprints.json"
#: Cache entries are valid only for this very normaliser: any edit of this file discards them.
CACHE_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()

#: Top-level names whose assignment (or function) does not change what a module computes: the
#: resources of a job and the memory estimate hook of a sweep.
NOT_PHYSICS = frozenset({"RESOURCES", "memory_mb"})


@functools.cache
def module_file(name: str) -> Path | None:
    """Source file of ``lightmatter[.x.y]`` (module or package ``__init__``), or None."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    base = ROOT.joinpath(*parts[1:])
    for cand in (base.with_suffix(".py"), base / "__init__.py"):
        if cand.is_file():
            return cand
    return None


def _module_name(path: Path) -> str:
    """Dotted name of a file under the package ('' for a file outside it, e.g. a script)."""
    try:
        rel = path.resolve().relative_to(ROOT)
    except ValueError:
        return ""
    parts = [PACKAGE, *rel.with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports_of(tree: ast.Module, path: Path) -> list[str]:
    """``lightmatter`` modules imported anywhere in a module's tree."""
    name = _module_name(path)
    pkg = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = pkg.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            subs = {f"{base}.{a.name}" for a in node.names}
            modules = {m for m in subs if module_file(m) is not None}
            found.update(modules)
            if len(modules) < len(subs):  # `from mod import name`: the module itself
                found.add(base)
    return sorted(m for m in found if module_file(m) is not None)


def _strip(tree: ast.Module) -> ast.Module:
    """Remove docstrings and resource declarations (in place)."""
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]
    tree.body = [
        stmt
        for stmt in tree.body
        if not (
            isinstance(stmt, ast.Assign | ast.AnnAssign)
            and any(
                isinstance(t, ast.Name) and t.id in NOT_PHYSICS
                for t in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target])
            )
        )
        and not (isinstance(stmt, ast.FunctionDef) and stmt.name in NOT_PHYSICS)
    ]
    return tree


def normalised_source(path: Path) -> str:
    """The module's AST without docstrings and resources, as a canonical string."""
    tree = _strip(ast.parse(Path(path).read_text(), filename=str(path)))
    return ast.dump(tree, annotate_fields=True, include_attributes=False)


class _DiskCache:
    """``path -> {stamp, imports, sha}`` kept in one JSON file, loaded once, saved on change."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.entries: dict[str, dict] = {}
        self.dirty = False
        try:
            data = json.loads(file.read_text())
            if data.get("version") == CACHE_VERSION:
                self.entries = data["entries"]
        except (OSError, ValueError, KeyError, TypeError):
            pass

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            with os.fdopen(fd, "w") as fh:
                json.dump({"version": CACHE_VERSION, "entries": self.entries}, fh)
            os.replace(tmp, self.file)
            self.dirty = False
        except OSError:  # a read-only installation: the cache is only an optimisation
            pass


_CACHE: _DiskCache | None = None


def _info(path: Path) -> tuple[list[str], str]:
    """(imported lightmatter modules, SHA-256 of the normalised tree) of one file."""
    global _CACHE
    if _CACHE is None:
        _CACHE = _DiskCache(CACHE)
        atexit.register(_CACHE.save)
    st = path.stat()
    key = str(path.resolve())
    stamp = [st.st_mtime_ns, st.st_size]
    entry = _CACHE.entries.get(key)
    if entry is None or entry.get("stamp") != stamp:
        tree = ast.parse(path.read_text(), filename=str(path))
        imports = _imports_of(tree, path)
        dump = ast.dump(_strip(tree), annotate_fields=True, include_attributes=False)
        entry = {
            "stamp": stamp,
            "imports": imports,
            "sha": hashlib.sha256(dump.encode()).hexdigest(),
        }
        _CACHE.entries[key] = entry
        _CACHE.dirty = True
    return entry["imports"], entry["sha"]


def import_closure(names: Iterable[str]) -> dict[str, Path]:
    """Every ``lightmatter`` module reachable by imports from ``names`` (module -> file)."""
    todo = list(names)
    seen: dict[str, Path] = {}
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = module_file(name)
        if path is None:
            raise ModuleNotFoundError(f"no source for module {name!r} under {ROOT}")
        seen[name] = path
        todo.extend(m for m in _info(path)[0] if m not in seen)
    return dict(sorted(seen.items()))


def fingerprint(names: Iterable[str]) -> str:
    """SHA-256 over the normalised source of the import closure of ``names``."""
    h = hashlib.sha256()
    for name, path in import_closure(names).items():
        h.update(f"{name}\0{_info(path)[1]}\0".encode())
    return h.hexdigest()


def script_fingerprint(path: str | Path) -> str:
    """Fingerprint of the ``lightmatter`` modules a script (e.g. a figure script) imports.

    The script itself is watched by Snakemake's code trigger; this covers the package code it
    uses (plotting helpers), hashed like a sweep's.
    """
    return fingerprint(_info(Path(path))[0])
