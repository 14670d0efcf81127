"""The explain trace: every unit a stage looked at and why it decided as it did.

Kept apart from the decisions: a stage computes its verdict, then, only when
``trace.on`` is true, writes a ``Unit`` saying why.  ``scan`` passes
``NULL_TRACE``, whose ``on`` is false, so no reason string is ever built when
nobody will read it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Unit:
    """One piece of evidence and the decision taken on it (what ``langscan explain`` prints)."""

    start: int
    end: int
    text: str
    stage: str  # script | homoglyph | latin | screen | document
    lang: str
    score: float
    flagged: bool
    reason: str


class Trace:
    """Collects ``Unit`` records; ``on`` tells stages whether to bother."""

    __slots__ = ("units",)
    on = True

    def __init__(self) -> None:
        self.units: list[Unit] = []

    def add(self, start: int, end: int, text: str, stage: str, lang: str, score: float, flagged: bool,
            reason: str) -> None:
        self.units.append(Unit(start, end, text, stage, lang, score, flagged, reason))

    def sorted(self) -> list[Unit]:
        return sorted(self.units, key=lambda u: (u.start, u.end))


class _NullTrace:
    """A trace that records nothing (stages check ``on`` before building a reason)."""

    __slots__ = ()
    on = False

    def add(self, *args, **kwargs) -> None:  # pragma: no cover - callers check ``on`` first
        pass


NULL_TRACE = _NullTrace()
