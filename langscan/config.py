"""Configuration: ``[tool.langscan]`` in pyproject.toml or a ``.langscan.toml``.

Found by walking up from the current directory (``.langscan.toml`` wins over
``pyproject.toml`` in the same folder; the walk stops at the first folder
holding ``.git``).  In ``.langscan.toml`` the keys sit at the top level (or
under ``[tool.langscan]``).  Keys are kebab-case (snake_case is accepted)::

    [tool.langscan]
    expect = ["en"]              # or "en,fr"
    sensitivity = "balanced"     # strict | balanced | aggressive
    threshold = 0.8              # 0..1
    min-length = 3
    include = ["**/*.md"]
    exclude = ["vendor/**"]
    allow = ["Русский", "Deutsch"]
    allow-regex = ["[A-Z]{2,}-\\d+"]
    allow-file = ".langscan-allow.txt"
    baseline = ".langscan-baseline.json"
    field = ["text"]            # JSON fields (dotted paths)
    column = ["text"]           # CSV/TSV/Parquet columns

    [[tool.langscan.overrides]]
    paths = ["docs/fr/**"]
    expect = ["fr"]

Precedence: built-in defaults < the file's top level < the last matching
override < command-line flags.  Paths in the file (allow-file, baseline,
model, globs) are relative to the file's folder.  An unknown key or a bad
value raises ``ConfigError`` naming the file and the key (the CLI exits 2).
"""

from __future__ import annotations

import os
import re
import sys
import dataclasses
from dataclasses import dataclass, replace
from typing import Any, Optional

from . import options as _opt
from .options import SENSITIVITIES, UsageError

CONFIG_NAMES = (".langscan.toml", "pyproject.toml")
OVERRIDABLE = ("expect", "sensitivity", "threshold", "min-length", "allow", "allow-regex")


class ConfigError(UsageError):
    """A configuration problem, with the file and key in the message."""


@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]
    values: dict


@dataclass(frozen=True)
class Settings:
    """Scan settings from a config file (None: not set there)."""

    expect: Optional[tuple[str, ...]] = None
    sensitivity: Optional[str] = None
    threshold: Optional[float] = None
    min_length: Optional[int] = None
    model: Optional[str] = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    allow_regex: tuple[str, ...] = ()
    allow_file: Optional[str] = None
    baseline: Optional[str] = None
    field: Optional[tuple[str, ...]] = None
    column: Optional[tuple[str, ...]] = None
    overrides: tuple[Override, ...] = ()
    root: str = dataclasses.field(default_factory=os.getcwd)  # globs and paths are relative to this folder
    source: Optional[str] = None  # the file these came from

    def for_path(self, rel: str) -> "Settings":
        """Settings with the last override whose globs match ``rel`` applied (allow lists add up)."""
        from .readers.walk import match_any

        s = self
        for ov in self.overrides:
            if match_any(rel, ov.paths):
                v = dict(ov.values)
                if "allow" in v:
                    v["allow"] = s.allow + v["allow"]
                if "allow_regex" in v:
                    v["allow_regex"] = s.allow_regex + v["allow_regex"]
                s = replace(s, **v)
        return s


def _load_toml(path: str) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    from .readers.base import open_regular

    try:
        with open_regular(path) as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 text (byte {exc.start})") from None
    except (ValueError, RecursionError) as exc:  # an integer of 5,000 digits, arrays nested 1,000 deep
        raise ConfigError(f"{path}: invalid TOML: {str(exc) or type(exc).__name__}") from None


def _langscan_table(data: dict, path: str, top_level_ok: bool) -> Optional[dict]:
    """The langscan table of a parsed config file, or None when there is none.

    ``top_level_ok``: keys may sit at the top level (``.langscan.toml``).  A ``tool`` or
    ``tool.langscan`` that is not a table is a ConfigError naming it.
    """
    if "tool" not in data:
        return data if top_level_ok else None
    tool = data["tool"]
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table ([tool.langscan]), got {type(tool).__name__} {tool!r:.40}")
    if "langscan" not in tool:
        return data if top_level_ok and set(data) != {"tool"} else None
    table = tool["langscan"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'tool.langscan' must be a table ([tool.langscan]), "
                          f"got {type(table).__name__} {table!r:.40}")
    return table


def find_config(start: Optional[str] = None) -> Optional[tuple[str, dict]]:
    """(path, table) of the nearest config above ``start``, or None."""
    d = os.path.abspath(start or os.getcwd())
    while True:
        dot = os.path.join(d, ".langscan.toml")
        if os.path.isfile(dot):
            data = _load_toml(dot)
            return dot, _langscan_table(data, dot, top_level_ok=True) or {}
        py = os.path.join(d, "pyproject.toml")
        if os.path.isfile(py):
            data = _load_toml(py)
            table = _langscan_table(data, py, top_level_ok=False)
            if table is not None:
                return py, table
        parent = os.path.dirname(d)
        if os.path.exists(os.path.join(d, ".git")) or parent == d:
            return None
        d = parent


def _strs(value: Any, where: str, comma: bool = False) -> tuple[str, ...]:
    if isinstance(value, str):
        items = [v.strip() for v in value.split(",")] if comma else [value]
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = [v.strip() if comma else v for v in value]
    else:
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(i for i in items if i != "")


def _check(key: str, value: Any, where: str, root: str) -> tuple[str, Any]:
    """(Settings attribute, validated value) for one key."""
    attr = key.replace("-", "_")
    checks = {"expect": _opt.languages, "sensitivity": _opt.sensitivity, "threshold": _opt.threshold,
              "min-length": _opt.min_length}
    if key in checks:
        if key == "expect":
            value = list(_strs(value, where, comma=True))
        try:
            return attr, checks[key](value, where)
        except UsageError as exc:
            raise ConfigError(str(exc)) from None
    if key in ("include", "exclude", "allow"):
        return attr, _strs(value, where)
    if key == "allow-regex":
        pats = _strs(value, where)
        from .policy import PolicyError, _compile

        for p in pats:
            try:
                _compile(p, where)
            except PolicyError as exc:
                raise ConfigError(str(exc)) from None
        return attr, pats
    if key in ("allow-file", "baseline", "model"):
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where}: expected a path (string), got {value!r}")
        return attr, os.path.join(root, value)
    if key in ("field", "column"):
        return attr, _strs(value, where, comma=True)
    raise AssertionError(key)


KEYS = ("expect", "sensitivity", "threshold", "min-length", "model", "include", "exclude", "allow", "allow-regex",
        "allow-file", "baseline", "field", "column", "overrides")


def _shown(path: str) -> str:
    """A config path as messages show it: relative to the current folder when it is below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def parse(table: dict, source: str) -> Settings:
    """Validate a ``[tool.langscan]`` table into Settings."""
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: the langscan settings must be a table, got {type(table).__name__}")
    root = os.path.dirname(os.path.abspath(source))
    section = "[tool.langscan]" if source.endswith("pyproject.toml") else ""
    values: dict = {"root": root, "source": source}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        where = f"{_shown(source)}: {section + ' ' if section else ''}key '{raw_key}'"
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key (known keys: {', '.join(KEYS)})")
        if key == "overrides":
            values["overrides"] = _overrides(value, where, root)
            continue
        attr, v = _check(key, value, where, root)
        values[attr] = v
    return Settings(**values)


def _overrides(value: Any, where: str, root: str) -> tuple[Override, ...]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError(f"{where}: expected [[tool.langscan.overrides]] tables")
    out = []
    for i, table in enumerate(value, 1):
        w = f"{where}[{i}]"
        if "paths" not in table:
            raise ConfigError(f"{w}: missing 'paths' (a list of globs)")
        paths = _strs(table["paths"], f"{w} key 'paths'")
        vals = {}
        for raw_key, v in table.items():
            key = raw_key.replace("_", "-")
            if key == "paths":
                continue
            if key not in OVERRIDABLE:
                raise ConfigError(f"{w}: key '{raw_key}' cannot be overridden per path (allowed: paths, {', '.join(OVERRIDABLE)})")
            attr, checked = _check(key, v, f"{w} key '{raw_key}'", root)
            vals[attr] = checked
        out.append(Override(paths, vals))
    return tuple(out)


def load(path: Optional[str] = None, start: Optional[str] = None) -> Settings:
    """Settings from ``path`` (``--config``), else the nearest config file, else defaults."""
    if path is not None:
        if not os.path.isfile(path):
            if os.path.exists(path):
                from .readers.base import special_kind

                raise ConfigError(f"{path}: not a regular file ({special_kind(path)}); not read")
            raise ConfigError(f"{path}: config file not found")
        data = _load_toml(path)
        table = _langscan_table(data, path, top_level_ok=True)
        if table is None:
            raise ConfigError(f"{path}: no [tool.langscan] table")
        return parse(table, path)
    found = find_config(start)
    if found is None:
        return Settings()
    return parse(found[1], found[0])


__all__ = ["ConfigError", "Override", "Settings", "find_config", "load", "parse"]
