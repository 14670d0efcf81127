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
line is scored against it.  A word's frequency is looked up without building
a dict: ``load(lang)`` answers from the .words bytes and a prebuilt hash index
of them (models/lexicon/<lang>.hash, same build tool), remembering the words
asked, and builds the full dict only once a language has been asked about
``Table.SWITCH`` different words (a first pass asks a foreign lexicon about
tens to hundreds).  The everyday index (``everyday_index``) is answered the
same way.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from bisect import bisect_right
from itertools import accumulate, chain, combinations
from typing import Callable, Iterable, NamedTuple, Optional, Sequence, TypeVar

from zlib import crc32 as _crc32

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


def load(lang: str) -> "Optional[Table]":
    """word -> Zipf frequency for ``lang`` (a read-only mapping: ``get``, ``in``, ``[]``), or None when no
    lexicon ships for it.

    Nothing is built per word: the mapping answers from the .words file and its prebuilt hash index
    (models/lexicon/<lang>.hash), remembering each word asked; after ``Table.SWITCH`` different words it
    builds the full dict once and answers from it. Without a matching index file it is the full dict
    from the start. Either way every answer is the value ``dict(zip(words, values))`` gives."""
    if lang == "common":
        return None
    return _cached("table:" + lang, lambda: _table(lang))


def table(lang: str) -> Optional[dict[str, float]]:
    """The full dict word -> Zipf of ``lang`` (built once per process), or None without a lexicon."""
    t = load(lang)
    return t.full() if isinstance(t, Table) else t


def _full_dict(lang: str) -> Optional[dict[str, float]]:
    lst = _list(lang)
    if lst is None:
        return None
    # one float object per value, shared by its words; one C-level pass over the words
    values: list[float] = []
    for value, a, b in lst.runs:
        values += [value / 100.0] * (b - a)
    got = dict(zip(lst.words, values))
    _cache["abc:" + lang] = lst.alphabet
    # the list itself is not kept beside its table (a foreign language rarely needs more): a later
    # words()/common_words() of it reads the file again
    _cache.pop("list:" + lang, None)
    return got


HASH_SUFFIX = ".hash"


def _head_lines(blob: bytes) -> int:
    """How many header lines a .words file has: 4 for a language's list, 3 for the everyday index, 0 else."""
    if blob.startswith(b"langscan-lexicon\t2\t"):
        return 4
    if blob.startswith(b"langscan-everyday\t2\t"):
        return 3
    return 0
_HASH_MAGIC = b"langscan-hash\t1\n"  # then 5 little-endian uint32: .words size, .words crc32, runs, slots, 0


def hash_index(blob: bytes) -> bytes:
    """The .hash bytes for the .words bytes ``blob`` (a language's file; tools/build_lexicons.py writes them).

    After a header (the .words file's size and CRC-32, so a stale index is never used, the number of Zipf
    runs and of slots), the byte offset in ``blob`` where each run's first word starts (and the end), then
    an open-addressing table of ``slots`` uint32: a word's slot is CRC-32 of its UTF-8 bytes modulo
    ``slots``, the next one while taken (linear probing); each slot holds the byte offset where its word
    starts in ``blob`` (0: empty; the header comes first, so no word starts at 0). A word listed twice
    keeps the later offset, as a dict built from the list keeps the later value."""
    import struct
    from zlib import crc32

    text = blob.decode("utf-8")
    lines = text.split("\n")
    head = _head_lines(blob)
    if not head or len(lines) <= head or lines[-1] != "":
        raise ValueError("not a langscan .words file")
    runs = _runs(lines[1], lines[2])
    words = lines[head:-1]
    if (runs[-1][2] if runs else 0) != len(words) or any(not w for w in words):
        raise ValueError("the header does not count the words, or a word is empty")
    starts = []  # byte offset of each word
    off = sum(len(l.encode("utf-8")) + 1 for l in lines[:head])
    for w in words:
        starts.append(off)
        off += len(w.encode("utf-8")) + 1
    if off != len(blob):
        raise ValueError("the words do not fill the file")
    run_starts = [starts[a] for _, a, _ in runs] + [len(blob)]
    slots = len(words) * 5 // 3 + 1  # load factor 0.6: a miss reads ~3 slots
    table = [0] * slots
    for w, at in zip(words, starts):
        b = w.encode("utf-8")
        h = crc32(b) % slots
        while table[h] and not (blob.startswith(b, table[h]) and blob[table[h] + len(b)] == 10):
            h = (h + 1) % slots
        table[h] = at
    head = _HASH_MAGIC + struct.pack("<5I", len(blob), crc32(blob), len(runs), slots, 0)
    return head + struct.pack(f"<{len(run_starts)}I", *run_starts) + struct.pack(f"<{slots}I", *table)


_LINES_MAGIC = b"langscan-lines\t1\n"  # then 3 little-endian uint32: the text's size, its crc32, slots


def lines_index(blob: bytes) -> bytes:
    """A hash index over the lines of ``blob`` (UTF-8, the first line a header, each other line a key and
    what follows it after a tab), keyed by the text before the first tab: a header (the text's size and
    CRC-32, the number of slots) then the slots, as in ``hash_index`` (byte offset of the line, 0 empty)."""
    import struct

    lines = blob.split(b"\n")
    if len(lines) < 2 or lines[-1] != b"":
        raise ValueError("not a text of lines")
    off = len(lines[0]) + 1
    keys = []
    for line in lines[1:-1]:
        k = line.split(b"\t", 1)[0]
        keys.append((k, off))
        off += len(line) + 1
    nslots = len(keys) * 5 // 3 + 1
    table = [0] * nslots
    for k, at in keys:
        h = _crc32(k) % nslots
        while table[h]:
            if blob.startswith(k + b"\t", table[h]) or blob.startswith(k + b"\n", table[h]):
                raise ValueError(f"a key stands twice: {k!r}")
            h = (h + 1) % nslots
        table[h] = at
    return _LINES_MAGIC + struct.pack("<3I", len(blob), _crc32(blob), nslots) + struct.pack(f"<{nslots}I", *table)


def lines_index_slots(blob: bytes, index: bytes):
    """The slots of ``index`` (made by ``lines_index``) when it matches ``blob``, else None."""
    import struct

    m = len(_LINES_MAGIC)
    if index[:m] != _LINES_MAGIC or len(index) < m + 12:
        return None
    size, crc, nslots = struct.unpack_from("<3I", index, m)
    if size != len(blob) or crc != _crc32(blob) or len(index) != m + 12 + 4 * nslots or not nslots:
        return None
    return _uint32s(index[m + 12:])


def _slot(blob: bytes, slots, key: bytes, ends: bytes) -> int:
    """Where in ``blob`` the line keyed ``key`` starts (its key followed by one of ``ends``), or 0 (the
    index is open addressing on the CRC-32 of the key; slot value 0 is empty)."""
    n = len(slots)
    h = _crc32(key) % n
    end = len(key)
    while True:
        at = slots[h]
        if not at:
            return 0
        if blob.startswith(key, at) and blob[at + end] in ends:
            return at
        h += 1
        if h == n:
            h = 0


def find_line(blob: bytes, slots, key: str) -> Optional[str]:
    """The line of ``blob`` whose key is ``key`` (without its line break), or None."""
    if not key or "\t" in key or "\n" in key:
        return None
    try:
        b = key.encode("utf-8")
    except UnicodeEncodeError:
        return None
    at = _slot(blob, slots, b, b"\t\n")
    return blob[at:blob.index(b"\n", at)].decode("utf-8") if at else None


def _uint32s(data: bytes):
    """A little-endian uint32 array read into an ``array`` (one copy, C-level indexing)."""
    import sys
    from array import array

    arr = array("I" if array("I").itemsize == 4 else "L")
    if arr.itemsize != 4:
        return [int.from_bytes(data[i:i + 4], "little") for i in range(0, len(data), 4)]
    arr.frombytes(data)
    if sys.byteorder != "little":
        arr.byteswap()
    return arr


class Table:
    """A language's word -> Zipf lookup answered from its .words bytes and .hash index (see ``load``)."""

    SWITCH = 4096  # different words asked before the full dict is built (it then answers at dict speed)

    __slots__ = ("lang", "_blob", "_slots", "_run_starts", "_values", "_memo", "_full", "get",
                 "__weakref__")

    def __init__(self, lang: str, blob: bytes, slots, run_starts: list[int], values: list):
        self.lang = lang  # a language code, or "common" for the everyday index
        self._blob = blob
        self._slots = slots
        self._run_starts = run_starts
        self._values = values
        self._memo: dict[str, Optional[float]] = {}
        self._full: Optional[dict[str, float]] = None
        self.get = self._get  # replaced by the full dict's own get once it is built

    def _find(self, word: str) -> Optional[float]:
        if type(word) is not str or not word or "\n" in word:
            return None
        try:
            b = word.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no listed word
            return None
        at = _slot(self._blob, self._slots, b, b"\n")
        return self._values[bisect_right(self._run_starts, at) - 1] if at else None

    def _get(self, word, default=None):
        memo = self._memo
        z = memo.get(word, _MISSING)
        if z is _MISSING:
            if len(memo) >= self.SWITCH:
                return self.full().get(word, default)
            z = memo[word] = self._find(word)
        return default if z is None else z

    def full(self) -> dict[str, float]:
        """The whole dict (built once; from then on ``get`` is the dict's own)."""
        if self._full is None:
            with _lock:
                if self._full is None:
                    with _quiet_gc():
                        got = _full_dict(self.lang) if self.lang != "common" else _everyday_dict()
                    self._full = got if got is not None else {}
                    self.get = self._full.get
        return self._full

    def __getitem__(self, word: str) -> float:
        z = self.get(word, None)
        if z is None:
            raise KeyError(word)
        return z

    def __contains__(self, word) -> bool:
        return self.get(word, None) is not None

    def __bool__(self) -> bool:
        return True

    def __len__(self) -> int:
        return len(self.full())

    def __iter__(self):
        return iter(self.full())

    def items(self):
        return self.full().items()

    def __eq__(self, other) -> bool:
        return self.full() == (other.full() if isinstance(other, Table) else other)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self):
        # (a copy in another process is that process's own table of the same language)
        return (everyday_index, ()) if self.lang == "common" else (load, (self.lang,))

    def __repr__(self) -> str:
        return f"<lexicon.Table {self.lang}: {len(self._memo)} words asked, full dict {'built' if self._full else 'not built'}>"


def _table(lang: str):
    """``lang``'s Table (its index file read), or its full dict when no index matches its .words file
    (``lang`` "common": the everyday index, word -> comma-separated languages)."""
    import struct

    d = models_dir() / "lexicon"
    words_path, hash_path = d / f"{lang}{SUFFIX}", d / f"{lang}{HASH_SUFFIX}"
    fallback = _everyday_dict if lang == "common" else (lambda: _full_dict(lang))
    if not words_path.is_file():
        return None if lang != "common" else {}
    if hash_path.is_file():
        blob = words_path.read_bytes()
        idx = hash_path.read_bytes()
        m = len(_HASH_MAGIC)
        head = _head_lines(blob)
        if idx[:m] == _HASH_MAGIC and len(idx) >= m + 20 and head == (3 if lang == "common" else 4):
            size, crc, nruns, nslots, _ = struct.unpack_from("<5I", idx, m)
            body = m + 20
            if size == len(blob) and crc == _crc32(blob) and len(idx) == body + 4 * (nruns + 1 + nslots):
                first = blob.index(b"\n") + 1
                values_line = blob[first:blob.index(b"\n", first)].decode("utf-8")
                values = ([int(v) / 100.0 for v in values_line.split()] if lang != "common"
                          else values_line.split())
                if len(values) == nruns:
                    run_starts = list(_uint32s(idx[body:body + 4 * (nruns + 1)]))
                    slots = _uint32s(idx[body + 4 * (nruns + 1):])
                    return Table(lang, blob, slots, run_starts, values)
    return fallback()


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


class WordSet:
    """A big word set that answers ``in`` word by word from the lexicons' prebuilt indexes (``load``'s
    tables), and builds the real frozenset only when it pays or something needs it whole.

    ``contains(word)`` must answer exactly what ``word in build()`` answers; the two are given together
    (``union_set``, ``everyday_elsewhere_set``). A scan of a small text asks about a few dozen words: each is
    answered by ``contains`` and remembered, and no frozenset of 100,000 words is built for them (~75 ms
    at start-up for English). The frozenset is built once, thread-safely, when ``SWITCH`` different words
    have been asked, or on a bulk use: ``outside``/``among`` with many words, ``frozen()``, iteration,
    ``len`` or truth value. From then on every answer comes from it, at C speed."""

    # different words answered one by one before the frozenset is built. A lookup costs ~3 us, a build
    # 3-40 ms (the five sets of an English scan ~75 ms together), so one by one pays up to a few thousand
    # words; but a text that asks about a thousand different words is a long one and more will follow
    # (measured: at 4,096 the first pass over 161 news articles was ~20 % slower than building at once).
    # A small file (a README, a commit message: tens to hundreds of words) stays well below it.
    SWITCH = 1024

    __slots__ = ("name", "_contains", "_build", "_memo", "_frozen")

    def __init__(self, name: str, contains: Callable[[str], bool], build: Callable[[], frozenset[str]]):
        self.name = name
        self._contains = contains
        self._build = build
        self._memo: dict[str, bool] = {}  # word -> answer, while the frozenset is not built
        self._frozen: Optional[frozenset[str]] = None

    def __contains__(self, word) -> bool:
        frozen = self._frozen
        if frozen is not None:
            return word in frozen
        memo = self._memo
        got = memo.get(word)
        if got is None:
            if len(memo) >= self.SWITCH:
                return word in self.frozen()
            # (two threads may answer the same word at once: both compute the same answer)
            got = memo[word] = self._contains(word)
        return got

    def frozen(self) -> frozenset[str]:
        """The whole set (built once per object, under the lexicon lock; hidden from the GC)."""
        if self._frozen is None:
            with _lock:
                if self._frozen is None:
                    self._frozen = self._build()
                    self._memo = {}
        return self._frozen

    @property
    def built(self) -> bool:
        """Whether the frozenset has been built (what the start-up tests check)."""
        return self._frozen is not None

    def _word_by_word(self, words) -> bool:
        # few words against an unbuilt set: one lookup each; otherwise (or once built) one C-level set op
        return self._frozen is None and len(words) + len(self._memo) <= self.SWITCH

    def outside(self, words: "set[str] | frozenset[str]") -> set[str]:
        """``set(words).difference(self)``: the words of ``words`` the set does not hold."""
        if self._word_by_word(words):
            return {w for w in words if w not in self}
        return set(words).difference(self.frozen())

    def among(self, words: "set[str] | frozenset[str]") -> set[str]:
        """``set(words).intersection(self)``: the words of ``words`` the set holds."""
        if self._word_by_word(words):
            return {w for w in words if w in self}
        return set(words).intersection(self.frozen())

    # bulk uses: the whole set
    def __iter__(self):
        return iter(self.frozen())

    def __len__(self) -> int:
        return len(self.frozen())

    def __bool__(self) -> bool:
        return bool(self.frozen())

    def __eq__(self, other) -> bool:
        return self.frozen() == (other.frozen() if isinstance(other, WordSet) else other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        state = "built" if self._frozen is not None else f"{len(self._memo)} words asked, not built"
        return f"<lexicon.WordSet {self.name}: {state}>"


def above_cut(z: Optional[float], min_zipf: Optional[float]) -> bool:
    """Whether a word whose value in a list is ``z`` (None: not listed) is among the words ``union`` takes
    for ``min_zipf``: listed, and more common than the cut (a word at exactly the cut is left out, as
    ``_cut`` does: both compare the stored hundredths, ``round(min_zipf * 100)``)."""
    return z is not None and (min_zipf is None or round(z * 100) > round(min_zipf * 100))


def union_set(langs: Sequence[str], min_zipf: Optional[float] = None, extra: Iterable[str] = ()) -> WordSet:
    """``union(langs, min_zipf, extra)`` as a WordSet: a word is in it when it is in ``extra`` or listed
    by one of ``langs`` above the cut, which each language's table (``load``) answers without reading the
    list. (Exact because no list holds a word twice: tests/test_lexicon.py checks it.)"""
    langs = tuple(langs)
    extra = frozenset(extra)

    def contains(word) -> bool:
        if word in extra:
            return True
        for lang in langs:
            t = load(lang)
            if t is not None and above_cut(t.get(word), min_zipf):
                return True
        return False

    cut = "" if min_zipf is None else f"@{min_zipf:g}"
    return WordSet("+".join(langs) + cut, contains, lambda: union(langs, min_zipf, extra))


def common_words(lang: str, min_zipf: float = 3.0) -> frozenset[str]:
    """The words of ``lang`` more frequent than ``min_zipf`` (rows are stored most frequent first)."""
    def build() -> frozenset[str]:
        lst = _list(lang)
        return word_set(lst.words[:_cut(lst, min_zipf)]) if lst else frozenset()
    return _cached(f"{lang}@{min_zipf}", build)


def non_ascii_common_words(lang: str, min_zipf: float) -> list[str]:
    """The words of ``common_words(lang, min_zipf)`` that are not ASCII, picked from the list by C code
    (no set of all of them is built)."""
    from itertools import compress

    lst = _list(lang)
    if lst is None:
        return []
    top = lst.words[:_cut(lst, min_zipf)]
    return list(compress(top, [not w.isascii() for w in top]))


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


def everyday_index() -> "Table":
    """Everyday words (Zipf >= 4 in some shipped language) -> the languages they are everyday in
    (comma-separated codes), as a read-only mapping answered like ``load``'s (``get``, ``in``, ``[]``).

    Tells the detector which languages a line's unexplained words point to, so
    it can score the line against those lexicons even when fastText, on a
    short line, hears something else.
    """
    return _cached("everyday-index", lambda: _table("common"))


def _everyday_dict() -> dict[str, str]:
    """The everyday index as a full dict (the groups' words, each mapped to its group's language list)."""
    words_, groups = _everyday()
    index: dict[str, str] = {}
    for langs, a, b in groups:  # "de,nl": split only when asked
        index.update(dict.fromkeys(words_[a:b], langs))
    return index


def _only_expected(exp: list[str]) -> set[str]:
    """The everyday index's language lists that name only languages of ``exp`` (sorted codes): the index
    lists each word's languages in sorted order, so they are the comma-joined sorted subsets of them."""
    return {",".join(c) for r in range(1, min(len(exp), 4) + 1) for c in combinations(exp, r)}


def everyday_elsewhere(expected: tuple[str, ...]) -> frozenset[str]:
    """Words that are everyday vocabulary in a shipped language other than ``expected``."""
    exp = sorted(set(expected))

    def build() -> frozenset[str]:
        words_, groups = _everyday()
        only_expected = _only_expected(exp)
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


def everyday_elsewhere_set(expected: tuple[str, ...]) -> WordSet:
    """``everyday_elsewhere(expected)`` as a WordSet: a word is in it when the everyday index lists it
    for some language other than ``expected`` (its entry is not one of ``_only_expected``)."""
    exp = sorted(set(expected))
    only_expected = _only_expected(exp)

    def contains(word) -> bool:
        langs = everyday_index().get(word)
        return langs is not None and langs not in only_expected

    return WordSet("everyday-elsewhere:" + ",".join(exp), contains, lambda: everyday_elsewhere(expected))


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
