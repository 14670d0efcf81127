"""A candidate finding: what a stage proposes before the final pass turns it into a ``Finding``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..finding import Kind


@dataclass(slots=True)
class Candidate:
    """A span of the scanned text a stage believes is foreign, with what it believes and how surely.

    ``start``/``end`` are code-point offsets into the scanned text; ``score``
    is in 0..1; ``context`` says where the span sits (menu, boilerplate,
    caption, quote, gloss, body); ``detail`` and ``chars`` are kind-specific
    notes (the look-alike letters of a homoglyph word); ``repair`` is the text
    that replaces the span when it is repaired (None: the kind is not repaired).
    """

    kind: Kind
    start: int
    end: int
    lang: str
    script: str
    score: float
    detail: str = ""
    chars: tuple[str, ...] = ()
    context: str = "body"
    repair: Optional[str] = None  # homoglyph word, mojibake run: what the text becomes when repaired
    alternatives: tuple[str, ...] = ()  # the languages the evidence allows, when the finding's language is open to
    # its neighbours (a UI string of several languages' catalogs: "Arkiv" is Danish, Norwegian and Swedish)

    def shifted(self, delta: int) -> "Candidate":
        """The same candidate ``delta`` code points further on (for cached line verdicts)."""
        return Candidate(self.kind, self.start + delta, self.end + delta, self.lang, self.script, self.score,
                         self.detail, self.chars, self.context, self.repair, self.alternatives)
