"""Whole-text tests at C speed that let the stages skip work they would find nothing in.

Every function here is *exact*: it answers the same question the stage's own
code asks (which characters a text holds, which words occur in it), only
faster, so a stage that uses it reaches the same decisions.  Nothing here
decides anything about language.
"""

from __future__ import annotations

import threading

from ..scripts import script_of
from .text import fold

_ASCII_BYTES = bytes(range(128))


def fold_words(text: str, common: frozenset[str]) -> tuple[str, set[str], set[str]]:
    """``(fold(text), set of its words, those of them not in common)``: what the Latin stage's screen and
    the early document check read (``common``: the expected language's everyday words, ``Setup.screen``)."""
    folded = fold(text)
    words = set(folded.split())
    return folded, words, words.difference(common)

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
# a folded word longer than this is searched directly rather than cut into its substrings
_SUBSTRING_INDEX_MAX = 48


def occurring(text: str, folded: str, folded_words: set[str], unfolded_words, candidates: set[str]) -> set[str]:
    """``{w for w in candidates if w in text}`` (a substring test, as the Latin stage asks it), in time
    linear in the text rather than one pass over the text per word.

    ``folded`` is ``text.fold()``'s lowercased form, ``folded_words`` its set of words and ``unfolded_words``
    a callable giving the set of words of ``fold(text, lower=False)`` (the words as written).  Every
    candidate must be all letters (``str.isalpha``) and come from ``folded_words``.

    Why it is exact: a word written exactly as ``w`` somewhere holds it.  Otherwise, where ``w`` occurs in
    the text, lowercasing (when it keeps every character one character, i.e. the folded text is as long
    as the text) leaves the same letters at the same place, and folding keeps letters, so ``w`` lies
    inside a folded word there; that word is not ``w`` itself (it would then be written ``w``), so ``w``
    is a proper substring of some folded word.  Only those candidates are then tested on the text.
    """
    if not candidates:
        return set()
    if len(folded) != len(text) or len(candidates) < _INDEX_FROM:
        return {w for w in candidates if w in text}
    found = candidates.intersection(unfolded_words())
    rest = candidates.difference(found)
    if not rest:
        return found
    lengths = sorted({len(w) for w in rest})
    parts: set[str] = set()
    long_words: list[str] = []
    for f in folded_words:
        n = len(f)
        if n <= lengths[0]:
            continue
        if n > _SUBSTRING_INDEX_MAX:
            long_words.append(f)
            continue
        for k in lengths:
            if k >= n:
                break
            parts.update([f[i:i + k] for i in range(n - k + 1)])
    maybe = rest.intersection(parts)
    if long_words:
        joined = "\n".join(long_words)
        maybe.update(w for w in rest if w in joined)
    if maybe:
        # a candidate occurs in the text exactly when it lies inside a word as written (it is all letters,
        # and folding without lowercasing keeps every letter in place): test it on those words only
        written = "\n".join(unfolded_words())
        found.update(w for w in maybe if w in written)
    return found


def lines_holding_any(folded: str, text: str, words) -> list[tuple[int, int, str]]:
    """(start, end, folded line) of the lines of ``text`` holding any of ``words``, as
    ``zip(text.lines(text), folded.split("\\n"))`` filtered by ``not words.isdisjoint(line.split())`` gives
    them, for a ``folded`` as long as ``text`` (its line breaks are then at the same places): the line
    starts are summed from the folded lines' lengths, and empty lines cost one test."""
    out = []
    pos = 0
    isdisjoint = words.isdisjoint
    for fl in folded.split("\n"):
        n = len(fl)
        if n and not isdisjoint(fl.split()):
            end = pos + n
            out.append((pos, end - 1 if text[end - 1] == "\r" else end, fl))
        pos += n + 1
    return out
