"""The look-alike and mojibake stages, as the detector calls them (one call, one merge).

Both stages run before the script stage's spans are kept: a word they explain
(a whole-Cyrillic "ѕсоре", an Armenian "troսble", a mis-decoded "Ð—Ð°Ð³Ð¾Ð»Ð¾Ð²Ð¾Ðº")
replaces any ``script`` span the script stage made of it, and the Latin stage
skips their words like any other span already taken.  They take no part in the
whole-document decision: a text full of mojibake is a text to repair, not a text
in another language.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from .detect.candidate import Candidate
from .finding import Kind

KINDS = (Kind.HOMOGLYPH, Kind.MOJIBAKE)


def candidates(text: str, expect: Sequence[str], predict, kinds, trace) -> list[Candidate]:
    """Look-alike words and mojibake runs, sorted, not overlapping (``trace``: explain's, or the null one)."""
    if text.isascii():
        return []
    from . import lookalike, mojibake  # imported on the first text that is not plain ASCII

    note = trace.add if trace.on else None
    found: list = []
    if "mojibake" in kinds:
        found.extend(mojibake.find(text, expect, predict, note))
    if "homoglyph" in kinds:
        from .detect.text import SpanIndex

        taken = SpanIndex((c.start, c.end) for c in found)
        for c in lookalike.find(text, expect, predict, note):
            if not taken.overlaps(c.start, c.end):  # a mojibake run wins: it is repaired whole
                found.append(c)
    found.sort(key=lambda c: c.start)
    return found


def repair_of(text: str, c: Candidate) -> Optional[str]:
    """The ``repair`` a finding carries: the stage's own, or for a homoglyph word an older stage made
    without one (a Latin word with one Cyrillic letter), the word repaired now; None for other kinds."""
    if c.repair is not None or c.kind is not Kind.HOMOGLYPH:
        return c.repair
    from . import lookalike

    return lookalike.repair_word(text[c.start:c.end], (c.lang,))


def foreign_evidence(cands: list[Candidate], is_expected: Callable[[str], bool]) -> list[Candidate]:
    """What the whole-document decision counts: foreign fragments, including a mis-decoded run whose repaired
    text is in another language (a mis-decoded Russian line is Russian); never a look-alike word, nor a
    mis-decoded run of the expected language (a text full of broken accents is not a foreign text)."""
    return [c for c in cands if c.kind is not Kind.HOMOGLYPH
            and not (c.kind is Kind.MOJIBAKE and is_expected(c.lang))]


def may_hold_mojibake(text: str) -> bool:
    """Could ``text`` hold a mis-decoded run? (one C-speed screen; False for most text)"""
    if text.isascii():
        return False
    from . import mojibake

    return mojibake.may_hold(text)


def absorb_mojibake(text: str, doc: Candidate, cands: list[Candidate], trace) -> list[Candidate]:
    """The ``document`` candidate standing alone, as findings never overlap; the mis-decoded runs inside it
    are not lost: its ``repair`` is the whole text with them repaired, and its detail counts them."""
    runs = [c for c in cands if c.kind is Kind.MOJIBAKE and c.start < doc.end and doc.start < c.end]
    keep = [c for c in cands if c.kind is Kind.MOJIBAKE and not (c.start < doc.end and doc.start < c.end)]
    if runs:
        doc.start = min(doc.start, runs[0].start)
        doc.end = max(doc.end, runs[-1].end)
        parts, pos = [], doc.start
        for c in runs:
            parts.append(text[pos:c.start])
            parts.append(c.repair if c.repair is not None else text[c.start:c.end])
            pos = c.end
        parts.append(text[pos:doc.end])
        doc.repair = "".join(parts)
        n = len(runs)
        doc.detail += (f"; holds {n} mis-decoded run{'' if n == 1 else 's'}, repaired in the finding's repair "
                       f"(clean --action repair writes {'it' if n == 1 else 'them'})")
        if trace.on:
            spans = {(c.start, c.end) for c in runs}
            for u in trace.units:
                if u.flagged and u.stage == "mojibake" and (u.start, u.end) in spans:
                    u.flagged = False
                    u.reason += "; repaired inside the document finding (its repair holds the repaired text)"
    return sorted([doc] + keep, key=lambda c: c.start)


def merge_candidates(cands: list[Candidate], extra: list[Candidate], trace) -> list[Candidate]:
    """``cands`` without those overlapping an ``extra`` candidate, plus ``extra``; the explain trace says so."""
    if not extra:
        return cands
    from .detect.text import SpanIndex

    taken = SpanIndex((x.start, x.end) for x in extra)
    keep = [c for c in cands if not taken.overlaps(c.start, c.end)]
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
