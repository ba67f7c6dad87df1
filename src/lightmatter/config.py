"""Configuration validation with messages a user can act on.

:func:`validate_config` is called by ``rules/common.smk`` on the merged configuration
(``config/config.yaml`` plus any ``--configfile`` on top) before any job runs. It checks, in
order: non-finite numbers (YAML ``.nan``/``.inf`` slip through JSON-Schema range checks),
the JSON Schema ``config/schema.yaml`` (types, ranges, required keys, no unknown keys), grid
ranges, and the cross-field rules each sweep module declares in ``validate(section)`` (e.g.
``N <= M``). The first problem found is raised as :class:`ConfigError` naming the key, the
value and what is allowed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import jsonschema
import yaml

__all__ = [
    "ConfigError",
    "available_memory_mb",
    "check_config_file",
    "check_memory",
    "check_results_root",
    "check_size",
    "load_config",
    "load_schema",
    "merge",
    "validate_config",
]


class ConfigError(ValueError):
    """A configuration value is invalid; the message names the key and the allowed values."""


def load_schema(path: str | Path) -> dict[str, Any]:
    """Load a YAML JSON-Schema file (with libyaml when available: it is read at every parse)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(Path(path).read_text(), Loader=loader)


def _key(path: Any) -> str:
    parts: list[str] = []
    for p in path:
        if isinstance(p, int):
            parts.append(f"[{p}]")
        else:
            parts.append(("." if parts else "") + str(p))
    return "".join(parts) or "<top level>"


#: Most nodes (mappings, lists, scalars, counted with YAML aliases expanded) a configuration may
#: hold: the shipped one has a few hundred. A YAML "alias bomb" (aliases of aliases) expands to
#: billions of nodes from a few lines; it is refused before anything walks it.
MAX_NODES = 100_000


def _walk(obj: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every node once (a subtree reached again through a YAML alias is not walked again)."""
    seen: set[int] = set()
    stack = [(path, obj)]
    while stack:
        p, node = stack.pop()
        yield p, node
        if isinstance(node, Mapping | list):
            if id(node) in seen:
                continue
            seen.add(id(node))
            items = node.items() if isinstance(node, Mapping) else enumerate(node)
            stack.extend(reversed([((*p, k), v) for k, v in items]))


def _expanded_size(obj: Any, memo: dict[int, int]) -> int:
    """Number of nodes of ``obj`` with aliases expanded, in time linear in the distinct nodes."""
    if not isinstance(obj, Mapping | list):
        return 1
    key = id(obj)
    if key not in memo:
        memo[key] = MAX_NODES + 1  # a cycle (recursive alias) counts as too large
        children = obj.values() if isinstance(obj, Mapping) else obj
        memo[key] = 1 + sum(_expanded_size(v, memo) for v in children)
    return memo[key]


def check_size(config: Mapping[str, Any], limit: int = MAX_NODES) -> None:
    """Refuse a configuration that expands (through YAML aliases) to more than ``limit`` nodes,
    naming the largest key, before any other check walks it."""
    memo: dict[int, int] = {}
    total = _expanded_size(config, memo)
    if total <= limit:
        return
    where: tuple[Any, ...] = ()
    node: Any = config
    while isinstance(node, Mapping | list):  # descend into the largest child while it is big
        items = list(node.items() if isinstance(node, Mapping) else enumerate(node))
        if not items:
            break
        k, v = max(items, key=lambda kv: _expanded_size(kv[1], memo))
        if _expanded_size(v, memo) <= limit // 10 or isinstance(k, int) or len(where) > 8:
            break  # name the mapping key under which it happens, not list positions
        where, node = (*where, k), v
    raise ConfigError(
        f"{_key(where)}: the configuration expands to more than {limit} values (YAML aliases "
        "of aliases?); a configuration holds a few hundred"
    )


def _resolve(schema: Mapping[str, Any], root: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        ref = schema["$ref"]
        node: Any = root
        for part in ref.lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def _allowed(schema: Mapping[str, Any], root: Mapping[str, Any]) -> str:
    s = _resolve(schema, root)
    bits = []
    if "enum" in s:
        return "one of " + ", ".join(map(repr, s["enum"]))
    if "type" in s:
        bits.append(str(s["type"]))
    if "minimum" in s:
        bits.append(f">= {s['minimum']}")
    if "exclusiveMinimum" in s:
        bits.append(f"> {s['exclusiveMinimum']}")
    if "maximum" in s:
        bits.append(f"<= {s['maximum']}")
    if "minItems" in s:
        bits.append(f"at least {s['minItems']} item(s)")
    if s.get("uniqueItems"):
        bits.append("no repeated items")
    if s.get("type") == "array" and "items" in s:
        bits.append("each item " + _allowed(s["items"], root))
    if s.get("type") == "object" and "properties" in s:
        bits.append("with keys " + ", ".join(sorted(s["properties"])))
    return " ".join(bits) if bits else "see config/schema.yaml"


def _format(err: jsonschema.ValidationError, root: Mapping[str, Any]) -> str:
    key = _key(err.absolute_path)
    v = err.validator
    if v == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(allowed)) if isinstance(err.instance, dict) else []
        where = f"{key}." if err.absolute_path else ""
        return (
            f"unknown key {', '.join(where + str(e) for e in extra)}; "
            f"allowed keys under {key}: {', '.join(allowed)}"
        )
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        where = f"{key}." if err.absolute_path else ""
        return f"missing required key {where}{missing}"
    hint = ""
    if isinstance(err.instance, str):
        try:
            float(err.instance)
            hint = " (YAML reads numbers like 1.0e6 as text: write 1.0e+6)"
        except ValueError:
            pass
    return f"{key} = {err.instance!r}: {err.message}; allowed: {_allowed(err.schema, root)}{hint}"


def _grid_checks(config: Mapping[str, Any]) -> None:
    """Every log grid ``{min, max, num}`` anywhere in the config must have ``min < max``."""
    for path, value in _walk(config):
        if isinstance(value, Mapping) and {"min", "max", "num"} <= set(value):
            if value["min"] >= value["max"]:
                raise ConfigError(
                    f"{_key(path)}: grid min ({value['min']}) must be smaller than max "
                    f"({value['max']})"
                )


def _study_checks(config: Mapping[str, Any], studies: Iterable[str]) -> None:
    """Each sweep's own cross-field checks (``validate(section)`` in its module)."""
    from lightmatter.sweep import sweeps_of

    for study in studies:
        for sw in sweeps_of(study).values():
            try:
                sw.validate(config[study])
            except ConfigError:
                raise
            except (ValueError, KeyError, TypeError) as err:
                msg = err.args[0] if err.args else repr(err)
                raise ConfigError(f"{msg} (checked by sweep {study}/{sw.name})") from None


#: Cross-references between keys the schema cannot express: ``(smaller, larger, why)``, dotted
#: keys; the first value must not exceed the second.
ORDER_CHECKS = (
    (
        "perovskite_emission.blinking.bin_time_s",
        "perovskite_emission.blinking.duration_s",
        "a trace needs at least one time bin",
    ),
)


def _get(config: Mapping[str, Any], dotted: str) -> Any:
    node: Any = config
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _order_checks(config: Mapping[str, Any]) -> None:
    for small, large, why in ORDER_CHECKS:
        a, b = _get(config, small), _get(config, large)
        if isinstance(a, int | float) and isinstance(b, int | float) and a > b:
            raise ConfigError(f"{small} = {a}: must not exceed {large} = {b} ({why})")


def validate_config(
    config: Mapping[str, Any],
    schema: Mapping[str, Any] | str | Path,
    studies: Iterable[str] = (),
    *,
    repo: str | Path | None = None,
    mem_limit_mb: int | None = None,
) -> None:
    """Validate the merged ``config``; raise :class:`ConfigError` naming the first problem.

    Order: size (bounded work whatever YAML aliases hold), non-finite numbers, the JSON Schema,
    the results root (when ``repo`` is given), grid ranges and cross-references between keys,
    the cross-field checks of every sweep of ``studies`` (each study owns the checks of its
    keys), then each sweep's memory estimate against ``mem_limit_mb`` (when given).
    """
    if not isinstance(schema, Mapping):
        schema = load_schema(schema)
    try:
        check_size(config)
    except RecursionError:
        raise ConfigError("<top level>: the configuration is nested too deeply") from None
    for path, value in _walk(config):
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(f"{_key(path)} = {value!r}: not a finite number")
    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(schema)
    errors = sorted(
        validator.iter_errors(config),
        key=lambda e: (len(list(e.absolute_path)), _key(e.absolute_path), e.validator),
    )
    if errors:
        best = jsonschema.exceptions.best_match(errors)
        raise ConfigError(_format(best, schema))
    if repo is not None:
        check_results_root(config.get("results"), repo)
    _grid_checks(config)
    _order_checks(config)
    studies = list(studies)
    _study_checks(config, studies)
    if mem_limit_mb is not None:
        check_memory(config, studies, mem_limit_mb)


class _UniqueKeyLoader(yaml.SafeLoader):
    """Safe YAML loader that rejects a key given twice in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in keys:
                raise ConfigError(f"duplicate key {key!r} ({key_node.start_mark})")
            keys.add(key)
        return super().construct_mapping(node, deep=deep)


def merge(base: Mapping[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    """Recursive merge as Snakemake layers ``--configfile`` on the default: ``top`` wins."""
    out = dict(base)
    for k, v in top.items():
        if isinstance(v, Mapping) and isinstance(base.get(k), Mapping):
            out[k] = merge(base[k], v)
        else:
            out[k] = v
    return out


def load_config(paths: Iterable[str | Path]) -> dict[str, Any]:
    """Load config files in order, each merged on top of the previous (duplicate keys rejected)."""
    config: dict[str, Any] = {}
    for path in paths:
        check_config_file(path)
        data = yaml.load(Path(path).read_text(), Loader=_UniqueKeyLoader) or {}
        if not isinstance(data, Mapping):
            raise ConfigError(f"{path}: the top level must be a mapping")
        config = merge(config, data)
    return config


# ---- the configuration files themselves, as text -------------------------------------------
def check_config_file(path: str | Path) -> None:
    """Refuse, naming the file and line, what a lightmatter configuration never needs: YAML tags
    (``!!python/...``, ``!!str``, ``!custom``), YTE templates (``__use_yte__``: Snakemake would
    evaluate their Python expressions) and a key given twice in one mapping (YAML keeps the
    last one silently). The file is only tokenised and composed, never constructed, so this is
    linear in its size whatever aliases it holds."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.TagToken):
                raise ConfigError(
                    f"{path}:{token.start_mark.line + 1}: YAML tags are not allowed in a "
                    f"configuration ({token.value[0]}{token.value[1]})"
                )
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        raise ConfigError(f"{path}: not valid YAML ({err})") from None
    if root is None:
        return
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in keys:
                        raise ConfigError(
                            f"{path}:{k.start_mark.line + 1}: duplicate key {k.value!r}"
                        )
                    keys.add(k.value)
                    if k.value == "__use_yte__":
                        raise ConfigError(
                            f"{path}:{k.start_mark.line + 1}: YTE templates (__use_yte__) are "
                            "not allowed in a configuration: write plain values"
                        )
                stack.extend((k, v))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


# ---- the results root ------------------------------------------------------------------------
#: Folders of the repository that must never receive outputs.
PROTECTED = ("config", "src", "rules", "scripts", "docs", "tests", "envs", "profiles", ".git")


def check_results_root(results: Any, repo: str | Path) -> None:
    """The results root must be a plain folder: no wildcard braces (Snakemake would read them as
    wildcards), not the file-system root, not the repository itself or a folder containing it,
    and not inside one of its source folders (:data:`PROTECTED`)."""
    if not isinstance(results, str) or not results.strip():
        raise ConfigError(f"results = {results!r}: must be a folder name")
    if any(c in results for c in "{}"):
        raise ConfigError(
            f"results = {results!r}: braces are not allowed (Snakemake reads them as wildcards)"
        )
    if any(c in results for c in "\0\n\r"):
        raise ConfigError(f"results = {results!r}: control characters are not allowed")
    repo = Path(repo).resolve()
    root = Path(results).resolve()  # relative to the working directory, as Snakemake reads it
    if root == Path(root.anchor):
        raise ConfigError(f"results = {results!r}: the file-system root is not a results folder")
    if root == repo or repo.is_relative_to(root):
        raise ConfigError(
            f"results = {results!r}: would put outputs over the repository ({repo}); "
            "use a folder of its own (default: results)"
        )
    for name in PROTECTED:
        if root.is_relative_to(repo / name):
            raise ConfigError(
                f"results = {results!r}: inside the repository's {name}/ folder; "
                "use a folder of its own (default: results)"
            )


# ---- memory -------------------------------------------------------------------------------
def available_memory_mb() -> int:
    """Physical memory of this machine, MB (the default ceiling of one job's estimate)."""
    import os

    try:
        return int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e6)
    except (ValueError, OSError, AttributeError):
        return 1 << 30


def check_memory(config: Mapping[str, Any], studies: Iterable[str], limit_mb: int) -> None:
    """Refuse a configuration one of whose jobs is estimated to need more than ``limit_mb``,
    naming the sweep, the estimate and the key that drives it (a sweep's ``memory_mb`` hook,
    :meth:`lightmatter.sweep.Sweep.memory_estimate`)."""
    from lightmatter.sweep import sweeps_of

    for study in studies:
        for sw in sweeps_of(study).values():
            mb, key = sw.memory_estimate(config[study])
            if mb > limit_mb:
                driver = (
                    f"driven by {study}.{key}: lower it"
                    if key
                    else f"RESOURCES of src/lightmatter/{study}/sweeps/{sw.name}.py"
                )
                raise ConfigError(
                    f"sweep {study}/{sw.name} would need about {mb} MB in one job ({driver}), "
                    f"more than the {limit_mb} MB available (physical memory, or --resources "
                    "mem_mb)"
                )
