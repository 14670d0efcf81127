"""Whole-text tests at C speed that let the stages skip work they would find nothing in.

Every function here is *exact*: it answers the same question the stage's own
code asks (which characters a text holds, which words occur in it), only
faster, so a stage that uses it reaches the same decisions.  Nothing here
decides anything about language.
"""

from __future__ import annotations

import re
import threading

from ..lexicon import WordSet
from ..scripts import script_of
from .text import fold

_ASCII_BYTES = bytes(range(128))


def fold_words(text: str, common) -> tuple[str, set[str], set[str]]:
    """``(fold(text), set of its words, those of them not in common)``: what the Latin stage's screen and
    the early document check read (``common``: the expected language's everyday words, ``Setup.screen``,
    a ``lexicon.WordSet``, which answers a small text's words one by one without building its set; or
    a frozenset)."""
    folded = fold(text)
    words = set(folded.split())
    return folded, words, common.outside(words) if isinstance(common, WordSet) else words.difference(common)

_last = threading.local()  # the last text asked about, per thread: the stages of one scan share the answer


def non_ascii(text: str) -> frozenset[str]:
    """The distinct non-ASCII characters of ``text``.

    The UTF-8 form with its ASCII bytes deleted holds only the non-ASCII characters, whole: one encode,
    one ``bytes.translate`` and a decode of what is left, all in C, instead of a Python step per character.
    """
    if getattr(_last, "text", None) is text:
        return _last.chars
    if text.isascii():
        chars: frozenset[str] = frozenset()
    else:
        rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
        chars = frozenset(rest.decode("utf-8", "surrogatepass"))
    _last.text, _last.chars = text, chars
    return chars


_SCRIPT_OF: dict[str, str] = {}


def foreign_script_free(text: str, expected_scripts: frozenset[str]) -> bool:
    """True when no character of ``text`` has a script (``scripts.script_of``) other than ``Common`` and the
    expected ones, so the script stage can find no run: ASCII letters are Latin, so Latin must be expected."""
    if "Latin" not in expected_scripts:
        return False
    memo = _SCRIPT_OF
    for c in non_ascii(text):
        sc = memo.get(c)
        if sc is None:
            sc = memo[c] = script_of(c)
        if sc != "Common" and sc not in expected_scripts:
            return False
    return True


# Below this many candidates one str search each is cheaper (a search runs at GB/s; the index costs a
# tokenisation of the whole text): measured on 50 kB-2 MB texts, the index pays from about a thousand.
_INDEX_FROM = 1000
# a word longer than this is searched directly rather than walked place by place
_SUBSTRING_INDEX_MAX = 48


def occurring(text: str, folded: str, folded_words: set[str], unfolded_words, candidates: set[str]) -> set[str]:
    """``{w for w in candidates if w in text}`` (a substring test, as the Latin stage asks it), in time
    linear in the text rather than one pass over the text per word.

    ``folded`` is ``text.fold()``'s lowercased form, ``folded_words`` its set of words and ``unfolded_words``
    a callable giving the set of words of ``fold(text, lower=False)`` (the words as written).  Every
    candidate must be all letters (``str.isalpha``) and come from ``folded_words``.

    Why it is exact: ``w`` is all letters, and folding without lowercasing keeps every letter in place (when
    lowercasing keeps every character one character, i.e. the folded text is as long as the text), so
    where ``w`` occurs in the text it lies inside one word as written; conversely a word as written is
    text.  So ``w`` occurs exactly when it is a word as written, or a substring of a longer one.
    """
    if not candidates:
        return set()
    if len(folded) != len(text) or len(candidates) < _INDEX_FROM:
        return {w for w in candidates if w in text}
    written_words = unfolded_words()
    found = candidates.intersection(written_words)
    rest = candidates.difference(found)
    if not rest:
        return found
    # A candidate not written as a word of its own occurs in the text exactly when it lies inside a longer
    # word as written (it is all letters, and folding without lowercasing keeps every letter in place).
    # Every word as written is read once, each place in it walked along the candidates' prefixes (a dict:
    # prefix -> is it a candidate), so the work is the text's distinct words, not words x candidates.
    trie: dict[str, bool] = {}
    for w in rest:
        for k in range(1, len(w)):
            trie.setdefault(w[:k], False)
    for w in rest:
        trie[w] = True
    shortest = min(map(len, rest))
    get = trie.get
    long_words: list[str] = []
    for u in written_words:
        n = len(u)
        if n <= shortest:
            continue  # (a word as long as a candidate and not written as it holds it nowhere)
        if n > _SUBSTRING_INDEX_MAX:
            long_words.append(u)
            continue
        for i in range(n - shortest + 1):
            j = i + 1
            while j <= n:
                hit = get(u[i:j])
                if hit is None:
                    break
                if hit:
                    found.add(u[i:j])
                j += 1
    if long_words:
        joined = "\n".join(long_words)
        found.update(w for w in rest if w in joined)
    return found


def trie_pattern(strings) -> str:
    """A regex matching exactly the (non-empty) ``strings``, written as their trie: at each character the
    alternatives are the next characters (the engine tests each in turn, not each string), and a longer
    string is tried before its prefix (so a match is the longest of the strings standing there)."""
    root: dict = {}
    for w in strings:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = None  # a string ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted((k, v) for k, v in node.items() if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


# From this many phrases one regex pass finds their places faster than a str.find per phrase (a search runs at
# GB/s, the regex engine tests each character): measured on the 8 MB speed document with phrases of its
# candidates and word pairs of it, 31 phrases 115 ms by find, 202 ms in one pass; 128: 415 / 373 ms; 512:
# 1,684 / 524 ms.
PLACES_BATCH_FROM = 100
_BATCH_MAX_CHARS = 100  # longer phrases (a trie that deep is a deep regex) are searched one by one
_RECOMPILE_AFTER = 1000  # places of phrases already done, passed over before the regex is made without them


def places(text: str, phrase: str, limit: int) -> list[int]:
    """The first ``limit`` places of ``phrase`` in ``text``, each searched for from the end of the one before."""
    out: list[int] = []
    pos = text.find(phrase)
    while pos != -1 and len(out) < limit:
        out.append(pos)
        pos = text.find(phrase, pos + len(phrase))
    return out


def places_of(text: str, phrases, limit: int) -> dict[str, list[int]]:
    """``{p: places(text, p, limit) for p in phrases}``, with one regex pass for many.

    The pass finds, from each place on, the next place where a phrase not yet done stands; the longest phrase
    standing there is matched, so the phrases standing there are those of its prefixes that are phrases. Each
    phrase keeps a place that starts at or after the end of the last one it kept (as ``places`` searches),
    and is done at ``limit`` places (the regex is then made again without the phrases done, once they have
    been passed over ``_RECOMPILE_AFTER`` times)."""
    phrases = set(phrases)
    out = {p: [] for p in phrases}
    batch = {p for p in phrases if 0 < len(p) <= _BATCH_MAX_CHARS}
    if len(batch) < PLACES_BATCH_FROM:
        batch = set()
    for p in phrases - batch:
        out[p] = places(text, p, limit)
    if not batch or limit <= 0:
        return out
    free = dict.fromkeys(batch, 0)  # phrase -> where its next place may start
    lengths = sorted({len(p) for p in batch})
    live = set(batch)
    pattern = re.compile(trie_pattern(live))
    wasted, pos = 0, 0
    while live:
        m = pattern.search(text, pos)
        if m is None:
            break
        i, longest = m.start(), m.group()
        hit = False
        for k in lengths:
            if k > len(longest):
                break
            p = longest[:k]
            if p in live:
                hit = True
                if i >= free[p]:
                    out[p].append(i)
                    free[p] = i + k
                    if len(out[p]) >= limit:
                        live.discard(p)
        wasted += not hit
        if wasted >= _RECOMPILE_AFTER and live:
            pattern, wasted = re.compile(trie_pattern(live)), 0
        pos = i + 1
    return out


def lines_holding_any(folded: str, text: str, words) -> list[tuple[int, int, str]]:
    """(start, end, folded line) of the lines of ``text`` holding any of ``words``, as
    ``zip(text.lines(text), folded.split("\\n"))`` filtered by ``not words.isdisjoint(line.split())`` gives
    them, for a ``folded`` as long as ``text`` (its line breaks are then at the same places): the line
    starts are summed from the folded lines' lengths, and empty lines cost one test.

    While ``share_lines`` holds this text and ``words`` are among its words, the answer comes from the lines
    found holding any of them, each with those of its words, made in one pass when first asked: the stages
    of one scan ask about several sets of words (each pass splits every line of a long text into words)."""
    lines = shared_lines(folded, text, words)
    if lines is not None:
        isdisjoint = words.isdisjoint
        return [(s, e, folded[s:s + n]) for s, e, n, held, _ in lines if not isdisjoint(held)]
    return _lines_holding(folded, text, words)


def shared_lines(folded: str, text: str, words) -> "list[tuple] | None":
    """While ``share_lines`` holds this text and ``words`` are among its words: the lines holding any of its
    words, as (start, end, length of the folded line, the words of ``make_vocab()`` it holds, its number of
    words), made in one pass when first asked; else None."""
    shared = getattr(_shared, "folded", None)
    if shared is folded and _shared.text is text:
        if _shared.vocab is None:
            _shared.vocab = _shared.make_vocab()
        if _shared.vocab.issuperset(words):
            if _shared.lines is None:
                _shared.lines = _lines_holding(folded, text, _shared.vocab, keep_words=True)
            return _shared.lines
    return None


def _lines_holding(folded: str, text: str, words, keep_words: bool = False) -> list[tuple]:
    """``lines_holding_any`` in one pass; with ``keep_words``, (start, end, length of the folded line, the
    ``words`` it holds, its number of words) for each line (kept small: the folded line is cut again when asked
    for, the words are a tuple, a third of a set's size)."""
    out: list[tuple] = []
    pos = 0
    if keep_words:
        held_of = words.intersection
        for fl in folded.split("\n"):
            n = len(fl)
            if n:
                split = fl.split()
                held = held_of(split)
                if held:
                    end = pos + n
                    out.append((pos, end - 1 if text[end - 1] == "\r" else end, n, tuple(held), len(split)))
            pos += n + 1
        return out
    isdisjoint = words.isdisjoint
    for fl in folded.split("\n"):
        n = len(fl)
        if n and not isdisjoint(fl.split()):
            end = pos + n
            out.append((pos, end - 1 if text[end - 1] == "\r" else end, fl))
        pos += n + 1
    return out


_shared = threading.local()  # the text whose lines ``lines_holding_any`` answers from one pass, per thread


class share_lines:
    """``with share_lines(folded, text, make_vocab):`` while it lasts, ``lines_holding_any`` asked about
    ``folded`` and ``text`` (these very objects) and words among ``make_vocab()`` (called when first needed)
    answers from one pass over the lines; the pass and what it found are dropped at the end."""

    def __init__(self, folded: str, text: str, make_vocab) -> None:
        self.state = (folded, text, make_vocab)

    def __enter__(self):
        self.saved = _shared.__dict__.copy()
        _shared.folded, _shared.text, _shared.make_vocab = self.state
        _shared.vocab = _shared.lines = None
        return self

    def __exit__(self, *exc) -> None:
        _shared.__dict__.clear()
        _shared.__dict__.update(self.saved)
