"""Split text into the units language is judged on: lines, then sentences and clauses.

All functions return (start, end) code-point spans into the text they were
given, never copies, so every later stage keeps exact offsets.
"""

from __future__ import annotations

import re
from typing import Iterator

# A unit boundary inside a line: menu and breadcrumb separators, dashes between spaces,
# tabs, and sentence ends (., !, ?, … followed by space).  Clause-level localisation
# inside a sentence is left to the detector's span search.
_BOUNDARY = re.compile(
    r"""
      \s*[|•·►»«]\s*              # menu / breadcrumb separators
    | \s+[-–—/]\s+                # " - ", " – ", " / " between words
    | \t+
    | (?<=[.!?…。！？])["'”’)\]]*\s+  # sentence end
    | \s*;\s+
    | \s*:\s+                     # "Photo: ...", "Credit: ..."
    | (?<=[a-zß-ÿ.!?])(?=[A-ZÀ-Þ][a-zß-ÿ])(?<![A-Z][a-z])  # text glued to the next sentence: "...enteroBut"
    """,
    re.VERBOSE,
)
_WS = " \t\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000"


def lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the lines of ``text`` (without their "\\n" or trailing "\\r")."""
    start = 0
    n = len(text)
    while start <= n:
        nl = text.find("\n", start)
        end = n if nl == -1 else nl
        stop = end - 1 if end > start and text[end - 1] == "\r" else end
        yield start, stop
        if nl == -1:
            break
        start = nl + 1


def trim(text: str, start: int, end: int, chars: str = _WS) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with any of ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


MAX_UNIT = 5000  # longer units (a 50 MB line with no sentence ends) are cut at spaces


def units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence- and clause-like units of the line ``text[start:end]``, trimmed, non-empty."""
    out = []
    for s, e in _units(text, start, end):
        while e - s > MAX_UNIT:
            cut = text.rfind(" ", s + MAX_UNIT // 2, s + MAX_UNIT)
            cut = s + MAX_UNIT if cut == -1 else cut
            a, b = trim(text, s, cut)
            if b > a:
                out.append((a, b))
            s, _ = trim(text, cut, e)
        if e > s:
            out.append((s, e))
    return out


def _units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        s, e = trim(text, pos, m.start())
        if e > s:
            out.append((s, e))
        pos = m.end()
    s, e = trim(text, pos, end)
    if e > s:
        out.append((s, e))
    return out
