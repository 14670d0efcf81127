"""Word-frequency lexicons: how common a word is in a given language.

Each shipped lexicon (models/lexicon/<lang>.tsv.gz, built from wordfreq by
tools/build_lexicons.py) maps a lowercase word to its Zipf frequency
(log10 of uses per billion words).  Comparing a word's frequency in the
expected language with another language is the evidence that tells a
German sentence ("alle Rechte vorbehalten") from an English one that merely
contains a German name ("Müller"): names are rare in every lexicon, loanwords
are common in English too.

Everything loads lazily and once per process.  The screen that every
document passes through needs only word *sets* (cheap to build from the
files' rows); the frequency dicts are built the first time a line is scored,
so a pre-commit run on a clean file never pays for them.
"""

from __future__ import annotations

import gzip
import threading
from bisect import bisect_left
from itertools import combinations
from typing import Optional

from .lid import models_dir

_lock = threading.RLock()
_tables: dict[str, Optional[dict[str, float]]] = {}
_sets: dict[str, frozenset[str]] = {}
_index: dict[str, dict[str, str]] = {}

FLOOR = 1.0  # Zipf value given to words a lexicon does not hold


def available() -> frozenset[str]:
    """Languages that have a shipped lexicon."""
    d = models_dir() / "lexicon"
    return frozenset(p.name.split(".")[0] for p in d.glob("*.tsv.gz")) - {"common"}


def _read_rows(name: str) -> Optional[list[str]]:
    """The file's whitespace-separated fields: word, value, word, value, ... (None if absent).

    Not kept: the tables built from them are what stays in memory.
    """
    path = models_dir() / "lexicon" / f"{name}.tsv.gz"
    return gzip.decompress(path.read_bytes()).decode("utf-8").split() if path.is_file() else None


def load(lang: str) -> Optional[dict[str, float]]:
    """word -> Zipf frequency for ``lang``, or None when no lexicon ships for it."""
    table = _tables.get(lang, False)
    if table is not False:
        return table  # type: ignore[return-value]
    with _lock:
        if lang not in _tables:
            rows = _read_rows(lang)
            if rows is None:
                _tables[lang] = None
            else:
                # a few hundred distinct values: share one float object per value instead of one per word
                shared = {z: int(z) / 100.0 for z in set(rows[1::2])}
                _tables[lang] = dict(zip(rows[0::2], map(shared.__getitem__, rows[1::2])))
        return _tables[lang]


def _word_sets(lang: str, min_zipf: float) -> None:
    """Build, from one read of the file, the set of all words and of the common ones."""
    rows = _read_rows(lang) or []
    values = rows[1::2]
    limit = round(min_zipf * 100)
    # values descend; find the first below the limit by bisection on their negatives
    cut = bisect_left(values, -limit, key=lambda v: -int(v)) if values else 0
    every = rows[0::2]
    _sets[f"all:{lang}"] = frozenset(every)
    _sets[f"{lang}@{min_zipf}"] = frozenset(every[:cut])


def words(lang: str) -> frozenset[str]:
    """Every word the lexicon of ``lang`` holds, however rare (empty when none ships)."""
    key = f"all:{lang}"
    if key not in _sets:
        _word_sets(lang, 3.0)
    return _sets[key]


def common_words(lang: str, min_zipf: float = 3.0) -> frozenset[str]:
    """The words of ``lang`` at least this frequent (rows are stored most frequent first)."""
    key = f"{lang}@{min_zipf}"
    if key not in _sets:
        _word_sets(lang, min_zipf)
    return _sets[key]


def everyday_index() -> dict[str, str]:
    """Everyday words (Zipf >= 4 in some shipped language) -> the languages they are everyday in
    (comma-separated codes).

    Tells the detector which languages a line's unexplained words point to, so
    it can score the line against those lexicons even when fastText, on a
    short line, hears something else.
    """
    cached = _index.get("everyday")
    if cached is None:
        with _lock:
            cached = _index.get("everyday")
            if cached is None:
                rows = _read_rows("common") or []
                cached = dict(zip(rows[0::2], rows[1::2]))  # "de,nl": split only when asked
                _index["everyday"] = cached
    return cached


def everyday_elsewhere(expected: tuple[str, ...]) -> frozenset[str]:
    """Words that are everyday vocabulary in a shipped language other than ``expected``."""
    key = "everyday:" + ",".join(sorted(expected))
    cached = _sets.get(key)
    if cached is None:
        rows = _read_rows("common") or []
        exp = sorted(set(expected))
        # the index lists each word's languages in sorted order: the entries that name only
        # expected languages are exactly the comma-joined sorted subsets of them
        only_expected = {",".join(c) for r in range(1, min(len(exp), 4) + 1) for c in combinations(exp, r)}
        cached = frozenset(w for w, langs in zip(rows[0::2], rows[1::2]) if langs not in only_expected)
        _sets[key] = cached
    return cached


def alphabet(lang: str) -> frozenset[str]:
    """The non-ASCII letters the frequent words of ``lang`` use (é, ł, ő, ễ...).

    A word no lexicon holds but spelt with these letters is still evidence of
    the language ("engedélyezés" is Hungarian even if too rare to be listed).
    """
    key = f"abc:{lang}"
    cached = _sets.get(key)
    if cached is None:
        rows = _read_rows(lang) or []
        letters: set[str] = set()
        for word in rows[0:2 * 20000:2]:
            if not word.isascii():
                letters.update(c for c in word if not c.isascii() and c.isalpha())
        cached = frozenset(letters)
        _sets[key] = cached
    return cached
