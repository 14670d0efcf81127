"""Word-frequency lexicons: how common a word is in a given language.

Each shipped lexicon maps a lowercase word to its Zipf frequency (log10 of
uses per billion words), from wordfreq (models/lexicon/<lang>.tsv.gz, built by
tools/build_lexicons.py).  Comparing a word's frequency in the expected
language with another language is the evidence that tells a German sentence
("alle Rechte vorbehalten") from an English one that merely contains a German
name ("Müller"): names are rare in every lexicon, loanwords are common in
English too.

What is read at run time is the compact form of those files
(models/lexicon/<lang>.words, same build tool): one word a line, most frequent
first, with the Zipf values as runs and the language's alphabet in a short
header.  Reading one is a read, a decode and a split (~15 ms of CPU for
English's 150,000 words, ~3 ms for a 40,000-word list); the sets and tables
are built from slices of that list by C code, and nothing is parsed row by
row.  The big sets are hidden from the garbage collector (see _untracked).

Everything loads lazily and once per process, per language: the expected
language's lists when a Detector first scans, another language's only when a
line is scored against it.  The frequency dicts are built the first time a
line is scored, so a pre-commit run on a clean file never pays for them.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from itertools import accumulate, chain, combinations
from typing import Callable, Iterable, NamedTuple, Optional, Sequence, TypeVar

from .lid import models_dir

T = TypeVar("T")

_lock = threading.RLock()
_cache: dict[str, object] = {}  # everything read or built, by key, once per process
_MISSING = object()

FLOOR = 1.0  # Zipf value given to words a lexicon does not hold
SUFFIX = ".words"


class _List(NamedTuple):
    """One language's compact file, read: its words (most frequent first) and what the header says."""

    words: list[str]  # never changed once read
    runs: list[tuple[int, int, int]]  # (Zipf x 100, first index, end index), values descending
    alphabet: frozenset[str]


@contextmanager
def _quiet_gc():
    """No garbage collection while a list is read and its sets built: the few container objects made
    would otherwise trigger full collections that walk every set already loaded (a third of the time).
    Nothing built here holds a reference cycle."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _untrack_function():
    try:
        import ctypes

        untrack = ctypes.pythonapi.PyObject_GC_UnTrack
        untrack.argtypes = [ctypes.py_object]
        untrack.restype = None
        return untrack
    except Exception:  # noqa: BLE001 - no ctypes (or not CPython): the sets stay tracked, only slower
        return None


_untrack_fn: list = []


def _untracked(obj: T) -> T:
    """``obj`` (a frozenset or a never-changed list of strings) hidden from the garbage collector.

    A container of strings can never be part of a reference cycle, but the collector still walks every
    element of every frozenset it tracks, twice per collection, with a cache miss per string: right after
    loading, the young-generation collections spent ~100 ms on the English sets alone, and every full
    collection of a long scan paid ~30 ms again. CPython itself stops tracking dicts and tuples that hold
    only such atomic values; it never does it for sets, so it is done here through the public C API
    (``PyObject_GC_UnTrack``; a no-op where ctypes is missing). The dicts built here are never tracked."""
    if not _untrack_fn:
        _untrack_fn.append(_untrack_function())
    fn = _untrack_fn[0]
    if fn is not None and type(obj) in (frozenset, list):
        fn(obj)
    return obj


def word_set(words: Iterable[str]) -> frozenset[str]:
    """A frozenset of strings, built without garbage collection and hidden from the collector."""
    with _quiet_gc():
        return _untracked(frozenset(words))


def _cached(key: str, build: Callable[[], T]) -> T:
    """``build()``'s result, built once per process (thread-safe)."""
    got = _cache.get(key, _MISSING)
    if got is _MISSING:
        with _lock:
            got = _cache.get(key, _MISSING)
            if got is _MISSING:
                with _quiet_gc():
                    got = _cache[key] = build()
    return got  # type: ignore[return-value]


def available() -> frozenset[str]:
    """Languages that have a shipped lexicon."""
    def build() -> frozenset[str]:
        d = models_dir() / "lexicon"
        return frozenset(p.name[: -len(SUFFIX)] for p in d.glob("*" + SUFFIX)) - {"common"}
    return _cached("available", build)


def _read(name: str) -> Optional[list[str]]:
    """The lines of models/lexicon/<name>.words (None when there is no such file)."""
    path = models_dir() / "lexicon" / f"{name}{SUFFIX}"
    if not path.is_file():
        return None
    lines = path.read_bytes().decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _runs(values: str, counts: str) -> list[tuple]:
    """[(value, start, end)] of consecutive runs, from two header lines ("773 743 ..." and "1 1 ...")."""
    ends = list(accumulate(map(int, counts.split())))
    return list(zip(values.split(), [0] + ends[:-1], ends))


def _parse(lang: str) -> Optional[_List]:
    lines = _read(lang) if lang != "common" else None
    if lines is None or len(lines) < 4 or not lines[0].startswith("langscan-lexicon\t2\t"):
        return None
    runs = [(int(v), a, b) for v, a, b in _runs(lines[1], lines[2])]
    abc = frozenset(lines[3])
    del lines[:4]  # the words, in place (no copy)
    if (runs[-1][2] if runs else 0) != len(lines):
        raise ValueError(f"lexicon {lang}: the header does not count the {len(lines)} words the file holds")
    return _List(_untracked(lines), runs, abc)


def _list(lang: str) -> Optional[_List]:
    """The compact file of ``lang``, read once per process (None when no lexicon ships for it)."""
    return _cached("list:" + lang, lambda: _parse(lang))


def load(lang: str) -> Optional[dict[str, float]]:
    """word -> Zipf frequency for ``lang``, or None when no lexicon ships for it."""
    def build() -> Optional[dict[str, float]]:
        lst = _list(lang)
        if lst is None:
            return None
        # one float object per value, shared by its words; one C-level pass over the words
        values: list[float] = []
        for value, a, b in lst.runs:
            values += [value / 100.0] * (b - a)
        table = dict(zip(lst.words, values))
        _cache["abc:" + lang] = lst.alphabet
        # the list itself is not kept beside its table (a foreign language rarely needs more): a later
        # words()/common_words() of it reads the file again
        del _cache["list:" + lang]
        return table
    return _cached("table:" + lang, build)


def _cut(lst: _List, min_zipf: float) -> int:
    """How many of the (most-frequent-first) words are more common than ``min_zipf``.

    A word at exactly ``min_zipf`` is not counted: the lists have always been cut that way."""
    limit = round(min_zipf * 100)
    cut = 0
    for value, _, b in lst.runs:
        if value <= limit:
            break
        cut = b
    return cut


def words(lang: str) -> frozenset[str]:
    """Every word the lexicon of ``lang`` holds, however rare (empty when none ships)."""
    def build() -> frozenset[str]:
        lst = _list(lang)
        return word_set(lst.words) if lst else frozenset()
    return _cached("all:" + lang, build)


def top_words(lang: str, min_zipf: float) -> dict[str, float]:
    """word -> Zipf of the words of ``lang`` more common than ``min_zipf`` (empty without a lexicon).

    A list already read is used as it is; otherwise only the file's head is read (the header and the
    first words), so a language nobody scans is never loaded whole."""
    limit = round(min_zipf * 100)
    out: dict[str, float] = {}
    lst = _cache.get("list:" + lang)
    if lst is not None:
        for value, a, b in lst.runs:
            if value <= limit:
                break
            out.update(dict.fromkeys(lst.words[a:b], value / 100.0))
        return out
    path = models_dir() / "lexicon" / f"{lang}{SUFFIX}"
    if lang == "common" or not path.is_file():
        return out
    with open(path, encoding="utf-8", newline="\n") as f:
        head = [f.readline().rstrip("\n") for _ in range(4)]
        if not head[0].startswith("langscan-lexicon\t2\t"):
            return out
        for value, a, b in _runs(head[1], head[2]):
            if int(value) <= limit:
                break
            z = int(value) / 100.0
            for _ in range(b - a):
                out[f.readline().rstrip("\n")] = z
    return out


def union(langs: Sequence[str], min_zipf: Optional[float] = None, extra: Iterable[str] = ()) -> frozenset[str]:
    """The words of all ``langs`` (those more frequent than ``min_zipf`` when given) and ``extra``, in one
    new frozenset built straight from the lists (not cached here: the detector keeps what it builds once
    per process, and no copy of the per-language sets is made or kept)."""
    parts: list[Iterable[str]] = []
    for lang in langs:
        lst = _list(lang)
        if lst is not None:
            parts.append(lst.words if min_zipf is None else lst.words[:_cut(lst, min_zipf)])
    parts.append(extra)
    return word_set(chain.from_iterable(parts))


def common_words(lang: str, min_zipf: float = 3.0) -> frozenset[str]:
    """The words of ``lang`` more frequent than ``min_zipf`` (rows are stored most frequent first)."""
    def build() -> frozenset[str]:
        lst = _list(lang)
        return word_set(lst.words[:_cut(lst, min_zipf)]) if lst else frozenset()
    return _cached(f"{lang}@{min_zipf}", build)


def _parse_everyday() -> tuple[list[str], list[tuple[str, int, int]]]:
    lines = _read("common") or []
    if len(lines) < 3 or not lines[0].startswith("langscan-everyday\t2\t"):
        return [], []
    groups = _runs(lines[1], lines[2])
    del lines[:3]
    if (groups[-1][2] if groups else 0) != len(lines):
        raise ValueError(f"everyday index: the header does not count the {len(lines)} words the file holds")
    return _untracked(lines), groups


def _everyday() -> tuple[list[str], list[tuple[str, int, int]]]:
    """The everyday index's words and its groups (language list, start, end), read once."""
    return _cached("everyday-list", _parse_everyday)


def everyday_index() -> dict[str, str]:
    """Everyday words (Zipf >= 4 in some shipped language) -> the languages they are everyday in
    (comma-separated codes).

    Tells the detector which languages a line's unexplained words point to, so
    it can score the line against those lexicons even when fastText, on a
    short line, hears something else.
    """
    def build() -> dict[str, str]:
        words_, groups = _everyday()
        index: dict[str, str] = {}
        for langs, a, b in groups:  # "de,nl": split only when asked
            index.update(dict.fromkeys(words_[a:b], langs))
        return index
    return _cached("everyday-index", build)


def everyday_elsewhere(expected: tuple[str, ...]) -> frozenset[str]:
    """Words that are everyday vocabulary in a shipped language other than ``expected``."""
    exp = sorted(set(expected))

    def build() -> frozenset[str]:
        words_, groups = _everyday()
        # the index lists each word's languages in sorted order: the entries that name only
        # expected languages are exactly the comma-joined sorted subsets of them
        only_expected = {",".join(c) for r in range(1, min(len(exp), 4) + 1) for c in combinations(exp, r)}
        spans: list[list[int]] = []  # the groups kept, adjacent ones joined: a few long slices
        for langs, a, b in groups:
            if langs in only_expected:
                continue
            if spans and spans[-1][1] == a:
                spans[-1][1] = b
            else:
                spans.append([a, b])
        return word_set(chain.from_iterable(words_[a:b] for a, b in spans))
    return _cached("everyday:" + ",".join(exp), build)


def alphabet(lang: str) -> frozenset[str]:
    """The non-ASCII letters the frequent words of ``lang`` use (é, ł, ő, ễ...).

    A word no lexicon holds but spelt with these letters is still evidence of
    the language ("engedélyezés" is Hungarian even if too rare to be listed).
    The build takes them from the 20,000 most frequent words and stores them in the file's header.
    """
    lst = _cache.get("list:" + lang)
    if lst is not None:
        return lst.alphabet  # type: ignore[attr-defined]
    return _cached("abc:" + lang, lambda: _read_alphabet(lang))


def _read_alphabet(lang: str) -> frozenset[str]:
    """The alphabet line of the file's header, without reading the words."""
    path = models_dir() / "lexicon" / f"{lang}{SUFFIX}"
    if lang == "common" or not path.is_file():
        return frozenset()
    with open(path, "rb") as fh:
        head = [fh.readline() for _ in range(4)]
    if not head[0].startswith(b"langscan-lexicon\t2\t"):
        return frozenset()
    return frozenset(head[3].decode("utf-8").rstrip("\n"))
