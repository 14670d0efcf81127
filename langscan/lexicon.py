"""Word-frequency lexicons: how common a word is in a given language.

Each shipped lexicon (models/lexicon/<lang>.tsv.gz, built from wordfreq by
tools/build_lexicons.py) maps a lowercase word to its Zipf frequency
(log10 of uses per billion words).  Comparing a word's frequency in the
expected language with another language is the evidence that tells a
German sentence ("alle Rechte vorbehalten") from an English one that merely
contains a German name ("Müller"): names are rare in every lexicon, loanwords
are common in English too.  Lexicons load lazily, once per process.
"""

from __future__ import annotations

import gzip
import threading
from typing import Optional

from .lid import models_dir

_lock = threading.Lock()
_cache: dict[str, Optional[dict[str, float]]] = {}

FLOOR = 1.0  # Zipf value given to words a lexicon does not hold


def available() -> frozenset[str]:
    """Languages that have a shipped lexicon."""
    d = models_dir() / "lexicon"
    return frozenset(p.name.split(".")[0] for p in d.glob("*.tsv.gz")) - {"common"}


def load(lang: str) -> Optional[dict[str, float]]:
    """word -> Zipf frequency for ``lang``, or None when no lexicon ships for it."""
    if lang in _cache:
        return _cache[lang]
    with _lock:
        if lang not in _cache:
            path = models_dir() / "lexicon" / f"{lang}.tsv.gz"
            table: Optional[dict[str, float]] = None
            if path.is_file():
                rows = gzip.decompress(path.read_bytes()).decode("utf-8").split()
                table = dict(zip(rows[0::2], (int(z) / 100.0 for z in rows[1::2])))
            _cache[lang] = table
    return _cache[lang]


def common_words(lang: str, min_zipf: float = 3.0) -> frozenset[str]:
    """The words of ``lang`` at least this frequent (the fast clean-text screen)."""
    key = f"{lang}@{min_zipf}"
    cached = _common.get(key)
    if cached is None:
        table = load(lang) or {}
        cached = frozenset(w for w, z in table.items() if z >= min_zipf)
        _common[key] = cached
    return cached


_common: dict[str, frozenset[str]] = {}


def everyday_index() -> dict[str, tuple[str, ...]]:
    """Everyday words (Zipf >= 4 in some shipped language) -> the languages they are everyday in.

    Tells the detector which languages a line's unexplained words point to, so
    it can score the line against those lexicons even when fastText, on a
    short line, hears something else.
    """
    cached = _index.get("everyday")
    if cached is None:
        with _lock:
            cached = _index.get("everyday")
            if cached is None:
                path = models_dir() / "lexicon" / "common.tsv.gz"
                rows = gzip.decompress(path.read_bytes()).decode("utf-8").split()
                cached = dict(zip(rows[0::2], (tuple(x.split(",")) for x in rows[1::2])))
                _index["everyday"] = cached
    return cached


_index: dict[str, dict[str, tuple[str, ...]]] = {}


def everyday_elsewhere(expected: tuple[str, ...]) -> frozenset[str]:
    """Words that are everyday vocabulary in a shipped language other than ``expected``."""
    key = "everyday:" + ",".join(sorted(expected))
    cached = _common.get(key)
    if cached is None:
        exp = set(expected)
        cached = frozenset(w for w, langs in everyday_index().items() if not exp.issuperset(langs))
        _common[key] = cached
    return cached
