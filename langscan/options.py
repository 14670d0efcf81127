"""Every user-facing option, parsed and checked in one place.

The command line, the config file, the Python API's helpers and both corpus-engine integrations
call these functions, so ``--expect eng``, ``expect = ["German"]`` in ``.langscan.toml`` and
``LangscanFilter(expect="en,fr")`` all mean the same thing, and a typo is an error everywhere::

    >>> languages("en, German, fra")
    ('en', 'de', 'fr')
    >>> languages("xx")
    Traceback (most recent call last):
    ...
    langscan.options.UsageError: --expect: unknown language 'xx' ...

Languages may be given as the model's codes (ISO 639-1 where one exists, else ISO 639-3: ``en``,
``ceb``), as ISO 639-2/639-3 codes (``eng``, ``deu``, ``ger``), as English names (``German``), or
with a region or script tag (``pt-BR``, ``zh_Hans``).  The table of names and codes is the data file
``language_codes.tsv`` shipped with the model (built from Unicode CLDR, see models/README.md).

This module imports nothing heavy: it is safe to use while parsing ``--help``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterable, Optional, Sequence, Union

SENSITIVITIES = ("strict", "balanced", "aggressive")
KINDS = ("script", "latin", "homoglyph", "document", "mojibake")
DEFAULT_EXPECT = ("en",)
DEFAULT_SENSITIVITY = "balanced"
# --jobs: 0 means one worker per CPU; every command uses the same default (small inputs never start workers).
DEFAULT_JOBS = 0


class LangscanError(Exception):
    """Root of every error langscan raises on purpose (as opposed to a bug)."""


class UsageError(LangscanError, ValueError):
    """A bad option or configuration value.  The message names the option; the CLI exits 2."""


Langs = Union[str, Iterable[str], None]


def _items(value: Langs) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    out = []
    for v in value:
        if not isinstance(v, str):
            raise UsageError(f"a language must be a string, not {v!r}")
        out.extend(p.strip() for p in v.split(","))
    return [p for p in out if p]


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset, dict, dict]:
    """(model codes, alias -> code, code -> English name)."""
    from .languages import NAMES

    codes = frozenset(c for c in NAMES if c not in ("und", "mul"))
    alias: dict[str, str] = {}
    path = _data_file()
    if path is not None:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or "\t" not in line:
                    continue
                code, rest = line.rstrip("\n").split("\t", 1)
                for a in rest.split("|"):
                    if a:
                        alias.setdefault(a, code)
    for c in codes:  # the names langscan prints are always accepted back
        alias.setdefault(NAMES[c].lower(), c)
    return codes, alias, {c: NAMES[c] for c in codes}


def _data_file() -> Optional[str]:
    here = os.path.dirname(os.path.abspath(__file__))
    for d in (os.path.join(here, "_models"), os.path.join(os.path.dirname(here), "models")):
        p = os.path.join(d, "language_codes.tsv")
        if os.path.isfile(p):
            return p
    return None


def language(name: str, option: str = "--expect") -> str:
    """The model's code for one language name or code; ``UsageError`` with suggestions if unknown."""
    codes, alias, names = _table()
    key = " ".join(name.strip().lower().replace("_", "-").split())
    if key in codes:
        return key
    if key in alias:
        return alias[key]
    base = key.split("-")[0]  # pt-br, zh-hans, en-us
    if base != key and (base in codes or base in alias):
        return base if base in codes else alias[base]
    raise UsageError(f"{option}: unknown language {name!r}; {_suggest(key, codes, alias, names)}")


def _suggest(key: str, codes, alias, names) -> str:
    import difflib  # only when a language is unknown: not on every start

    pool = sorted(codes) + sorted(alias)
    close = difflib.get_close_matches(key, pool, n=6, cutoff=0.6)
    if len(key) <= 3:  # a short code: codes one letter away first ("enn" -> en, "dee" -> de)
        close = [c for c in sorted(codes) if _one_edit(key, c)] + close
    if not close:
        close = difflib.get_close_matches(key, sorted(codes), n=4, cutoff=0.3)
    picked: list[str] = []
    for c in close:
        code = c if c in codes else alias[c]
        if code not in picked:
            picked.append(code)
    if not picked:
        return "give an ISO 639 code such as en, de or fr, or an English name such as German"
    return ("did you mean " + ", ".join(f"{c} ({names[c]})" for c in picked[:4])
            + "? (every code: langscan languages)")


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def languages(value: Langs, option: str = "--expect", default: Optional[tuple] = None) -> tuple[str, ...]:
    """Languages from a comma-separated string or a list of strings, as the model's codes, in order, once each.

    ``None`` or nothing given returns ``default`` (a UsageError when there is no default).
    """
    items = _items(value)
    if not items:
        if value is not None:
            # given, but empty (`--expect ""`, `--expect ,`): a slip, not a wish for the default
            raise UsageError(f"{option}: give at least one language, e.g. en or en,fr (it was empty)")
        if default is not None:
            return tuple(default)
        raise UsageError(f"{option}: give at least one language, e.g. en or en,fr")
    out: list[str] = []
    for item in items:
        code = language(item, option)
        if code not in out:
            out.append(code)
    return tuple(out)


parse_languages = languages  # the name the package exports (``langscan.languages`` is the table module)


def known_languages() -> list[tuple[str, str]]:
    """(code, English name) of every language the bundled model knows, sorted by code."""
    codes, _alias, names = _table()
    return [(c, names[c]) for c in sorted(codes)]


def sensitivity(value: Optional[str], option: str = "--sensitivity") -> Optional[str]:
    if value is None:
        return None
    v = str(value).strip().lower()
    if v not in SENSITIVITIES:
        raise UsageError(f"{option}: must be one of {', '.join(SENSITIVITIES)}, not {value!r}")
    return v


def threshold(value, option: str = "--threshold") -> Optional[float]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise UsageError(f"{option}: must be a number between 0 and 1, not {value!r}")
    return float(value)


def min_length(value, option: str = "--min-length") -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise UsageError(f"{option}: must be a whole number of at least 1, not {value!r}")
    return value


def _choices(value: Union[str, Iterable[str], None], known: Sequence[str], option: str,
             what: str) -> Optional[tuple[str, ...]]:
    """Names out of ``known`` from a comma-separated string or a list (any case, each once); None when not given."""
    items = _items(value)
    if not items:
        return None
    bad = [k for k in items if k.lower() not in known]
    if bad:
        raise UsageError(f"{option}: unknown {what} {', '.join(map(repr, bad))}; known: {', '.join(known)}")
    return tuple(dict.fromkeys(k.lower() for k in items))


def kinds(value: Union[str, Iterable[str], None], option: str = "--kind") -> Optional[tuple[str, ...]]:
    """Finding kinds from a comma-separated string or a list; None when not given."""
    return _choices(value, KINDS, option, "kind")


def contexts(value: Union[str, Iterable[str], None], option: str = "--context") -> Optional[tuple[str, ...]]:
    """Finding contexts (menu, boilerplate, caption, quote, gloss, body) from a comma-separated string or a
    list; None when not given."""
    from .detect.tuning import CONTEXTS

    return _choices(value, CONTEXTS, option, "context")


def jobs(value: Optional[int], option: str = "--jobs") -> int:
    if value is None:
        return DEFAULT_JOBS
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UsageError(f"{option}: must be 0 (one per CPU) or a positive number, not {value!r}")
    if value > MAX_JOBS:
        # each worker holds the model and the word lists (~110 MB): a thousand would exhaust memory for no speed
        raise UsageError(f"{option}: at most {MAX_JOBS} workers (each takes ~110 MB; this machine has "
                         f"{os.cpu_count() or 1} CPUs, and 0 means one per CPU), not {value}")
    return value


MAX_JOBS = 256


def names(value: Union[str, Iterable[str], None]) -> Optional[tuple[str, ...]]:
    """Field or column names from repeated and/or comma-separated values; None when not given."""
    items = _items(value)
    return tuple(items) or None


def model_path(value: Optional[str], option: str = "--model") -> Optional[str]:
    if value is None:
        return None
    p = os.path.expanduser(str(value))
    if not os.path.isfile(p):
        raise UsageError(f"{option}: no such file: {value}")
    return p


def detector_options(expect: Langs = None, *, sensitivity: Optional[str] = None, threshold=None,
                     min_length=None, model_path: Optional[str] = None, kinds=None, check_model: bool = True,
                     report_glosses: bool = False):
    """``DetectorOptions`` from user values, every one checked here (defaults: en, balanced)."""
    from .detector import DetectorOptions

    mod = globals()
    kw = dict(
        expect=mod["languages"](expect, default=DEFAULT_EXPECT),
        sensitivity=mod["sensitivity"](sensitivity) or DEFAULT_SENSITIVITY,
        threshold=mod["threshold"](threshold),
        min_length=mod["min_length"](min_length),
        model_path=mod["model_path"](model_path) if check_model else model_path,
    )
    if report_glosses:
        kw["report_glosses"] = True
    k = mod["kinds"](kinds)
    if k is not None:
        kw["kinds"] = k
    try:
        return DetectorOptions(**kw)
    except ValueError as exc:  # pragma: no cover - every value was checked above
        raise UsageError(str(exc)) from None


__all__ = [
    "DEFAULT_EXPECT", "DEFAULT_JOBS", "DEFAULT_SENSITIVITY", "KINDS", "LangscanError", "SENSITIVITIES", "UsageError",
    "contexts", "detector_options", "jobs", "kinds", "known_languages", "language", "languages", "min_length", "model_path",
    "names", "parse_languages", "sensitivity", "threshold",
]
