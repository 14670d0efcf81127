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

from . import lookalike, mojibake
from .finding import Kind
from .lookalike import Candidate

KINDS = (Kind.HOMOGLYPH, Kind.MOJIBAKE)


def stage(text: str, expect: Sequence[str], predict, kinds, note: Optional[Callable[..., None]] = None) -> list:
    """Detector spans (8-tuples) of look-alike words and mojibake runs, sorted, not overlapping."""
    if text.isascii():
        return []
    found: list[Candidate] = []
    if "mojibake" in kinds:
        found.extend(mojibake.find(text, expect, predict, note))
    if "homoglyph" in kinds:
        taken = [(c.start, c.end) for c in found]
        for c in lookalike.find(text, expect, predict, note):
            if not any(s < c.end and c.start < e for s, e in taken):  # a mojibake run wins: it is repaired whole
                found.append(c)
    found.sort(key=lambda c: c.start)
    return [tuple(c)[:8] for c in found]


def merge(spans: list, extra: list, trace: Optional[list] = None) -> list:
    """``spans`` without those overlapping an ``extra`` span, plus ``extra``; the explain trace says so."""
    if not extra:
        return spans
    keep = [x for x in spans if not any(s < x[2] and x[1] < e for _, s, e, *_ in extra)]
    mine = {(x[0].value, x[1], x[2]) for x in extra}
    for u in trace or ():  # the stages' own units come first; a later one on the same span is the script stage's
        if not u.flagged:
            continue
        key = (u.stage, u.start, u.end)
        if key in mine:
            mine.discard(key)
            continue
        over = next((x for x in extra if x[1] < u.end and u.start < x[2]), None)
        if over is not None:
            u.flagged = False
            u.reason += f"; replaced by the {over[0].value} finding on {over[1]}..{over[2]}"
    return keep + list(extra)


def for_document(spans: list) -> list:
    """The spans the whole-document decision counts (look-alike words and mojibake are not foreign text)."""
    return [x for x in spans if x[0] not in KINDS]


def candidates(text: str, expect: Sequence[str], predict, kinds, trace) -> list:
    """The same stage for the detector's ``Candidate`` pipeline (``trace`` is the explain trace or the null one)."""
    from .detect.candidate import Candidate as DetectCandidate

    note = (lambda *a: trace.add(*a)) if trace.on else None
    return [DetectCandidate(*x) for x in stage(text, expect, predict, kinds, note)]


def merge_candidates(cands: list, extra: list, trace) -> list:
    """``cands`` without those overlapping an ``extra`` candidate, plus ``extra``; the explain trace says so."""
    if not extra:
        return cands
    keep = [c for c in cands if not any(x.start < c.end and c.start < x.end for x in extra)]
    if trace.on:
        mine = {(x.kind.value, x.start, x.end) for x in extra}
        for u in trace.units:
            if not u.flagged:
                continue
            key = (u.stage, u.start, u.end)
            if key in mine:
                mine.discard(key)
                continue
            over = next((x for x in extra if x.start < u.end and u.start < x.end), None)
            if over is not None:
                u.flagged = False
                u.reason += f"; replaced by the {over.kind.value} finding on {over.start}..{over.end}"
    return keep + list(extra)
