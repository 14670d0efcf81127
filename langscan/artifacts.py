"""The look-alike and mojibake stages, as the detector calls them (one call, one merge).

Both stages run before the script stage's spans are kept: a word they explain
(a whole-Cyrillic "ѕсоре", an Armenian "troսble", a mis-decoded "Ð—Ð°Ð³Ð¾Ð»Ð¾Ð²Ð¾Ðº")
replaces any ``script`` span the script stage made of it, and the Latin stage
skips their words like any other span already taken.  They take no part in the
whole-document decision: a text full of mojibake is a text to repair, not a text
in another language.
"""

from __future__ import annotations

from typing import Sequence

from . import lookalike, mojibake
from .detect.candidate import Candidate
from .detect.screen import Spans
from .finding import Kind

KINDS = (Kind.HOMOGLYPH, Kind.MOJIBAKE)


def candidates(text: str, expect: Sequence[str], predict, kinds, trace) -> list[Candidate]:
    """Look-alike words and mojibake runs, sorted, not overlapping (``trace``: explain's, or the null one)."""
    if text.isascii():
        return []
    note = trace.add if trace.on else None
    found: list = []
    if "mojibake" in kinds:
        found.extend(mojibake.find(text, expect, predict, note))
    if "homoglyph" in kinds:
        taken = Spans((c.start, c.end) for c in found)
        for c in lookalike.find(text, expect, predict, note):
            if not taken.overlaps(c.start, c.end):  # a mojibake run wins: it is repaired whole
                found.append(c)
    found.sort(key=lambda c: c.start)
    return [Candidate(*tuple(c)[:8]) for c in found]


def merge_candidates(cands: list[Candidate], extra: list[Candidate], trace) -> list[Candidate]:
    """``cands`` without those overlapping an ``extra`` candidate, plus ``extra``; the explain trace says so."""
    if not extra:
        return cands
    spans = Spans((x.start, x.end) for x in extra)  # bisection: a huge text has thousands of each
    keep = [c for c in cands if not spans.overlaps(c.start, c.end)]
    if trace.on:
        mine = {(x.kind.value, x.start, x.end) for x in extra}
        for u in trace.units:
            if not u.flagged:
                continue
            key = (u.stage, u.start, u.end)
            if key in mine:  # the stages' own units come first; a later one on the span is the script stage's
                mine.discard(key)
                continue
            over = next((x for x in extra if x.start < u.end and u.start < x.end), None)
            if over is not None:
                u.flagged = False
                u.reason += f"; replaced by the {over.kind.value} finding on {over.start}..{over.end}"
    return keep + list(extra)
