"""Spelling-dictionary words for languages without a shipped frequency list (models/spelling/<lang>.words).

A language no lexicon covers (Afrikaans, Irish, Latin, Maori, Swahili) is found by the words the expected
lexicon has never seen and by lingua's character statistics. What those cannot say is whether a word the
expected lexicon *does* know ("die", "cum", "mahi", "barua": wordfreq's English holds them, some as foreign
noise) is a word of the language lingua names. Each file answers that: the words of the language's spelling
dictionary (a word list for Maori) among the words of the shipped lexicons (built by tools/build_spelling.py;
provenance and licences in models/README.md). ``en.words`` goes the other way: which of those words
English's own dictionaries hold ("ellipsis" is English as well as Latin), asked when English is expected.
Membership only, no frequencies: a dictionary holds rare words too, so a fit is a weaker test than a
frequency comparison and is used only where lingua has named the language (``detect/short_units.py``).

Files load lazily, once per process, on the first text holding a rare expected word.
"""

from __future__ import annotations

import threading
from typing import Optional

from . import lexicon
from .lid import models_dir

SUFFIX = ".words"
_lock = threading.RLock()
_cache: dict[str, Optional[frozenset[str]]] = {}


def available() -> frozenset[str]:
    """Languages with a shipped spelling word list."""
    got = _cache.get("*available*")
    if got is None:
        folder = models_dir() / "spelling"
        got = frozenset(p.name[: -len(SUFFIX)] for p in folder.glob("*" + SUFFIX)) if folder.is_dir() \
            else frozenset()
        _cache["*available*"] = got
    return got


def words(lang: str) -> Optional[frozenset[str]]:
    """The dictionary words of ``lang`` that some shipped lexicon also holds, or None without a list."""
    if lang not in available():
        return None
    got = _cache.get(lang)
    if got is None:
        with _lock:
            got = _cache.get(lang)
            if got is None:
                raw = (models_dir() / "spelling" / f"{lang}{SUFFIX}").read_bytes().decode("utf-8")
                got = _cache[lang] = lexicon.word_set(raw.split())
    return got


def _foreign(expected: tuple[str, ...]) -> list[frozenset[str]]:
    return [got for lang in sorted(available()) if lang not in expected and (got := words(lang)) is not None]


def _own(expected: tuple[str, ...]) -> list[frozenset[str]]:
    return [got for lang in expected if (got := words(lang)) is not None]


def listed(word: str, expected: tuple[str, ...]) -> bool:
    """Does the spelling list of some language other than the expected ones hold ``word``?"""
    return any(word in ws for ws in _foreign(expected))


def vouches(word: str, expected: tuple[str, ...]) -> bool:
    """Is ``word`` a word of some language other than the expected ones, by its spelling list, and not one
    of an expected language's own list? (Swahili "barua" is, for English; "ellipsis" and "modulo", which
    the Latin list holds too, are not.) Loads the lists on first use."""
    return listed(word, expected) and not any(word in ws for ws in _own(expected))


def vouched_among(candidates: set[str], expected: tuple[str, ...]) -> set[str]:
    """The candidates ``vouches`` says yes to, by set arithmetic at C speed (no union of the lists is kept)."""
    if not candidates:
        return set()
    got: set[str] = set()
    for ws in _foreign(expected):
        got |= ws.intersection(candidates)  # (walks the candidates, the smaller set)
    own = _own(expected)
    # (not ``got -= ws``: that walks the whole list, 100,000 words, for a handful of candidates)
    return {w for w in got if not any(w in ws for ws in own)} if got and own else got
