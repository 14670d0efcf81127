"""The Finding record and its JSON contract.

A Finding is what every other part of langscan exchanges: the detector makes
them, reporters print them, cleaners act on them.  The dictionary produced by
``Finding.to_dict`` is the documented, stable JSON contract (see README,
"Output contract"); change it only by adding keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional
from enum import Enum


class Kind(str, Enum):
    """The kinds of artifact langscan reports."""

    SCRIPT = "script"  # a run of a writing system foreign to the expected language
    LATIN = "latin"  # Latin-script text in another language
    HOMOGLYPH = "homoglyph"  # a word spelt with look-alike characters (another script, fullwidth, math letters)
    DOCUMENT = "document"  # the whole document is in another language
    MOJIBAKE = "mojibake"  # mis-decoded text (UTF-8 read as Latin-1/cp1252), with its repair in ``repair``

    def __str__(self) -> str:  # so f-strings print "script", not "Kind.SCRIPT"
        return self.value


@dataclass(frozen=True)
class Finding:
    """One foreign fragment in a scanned text.

    ``start``/``end`` are code-point offsets into the scanned text (end
    exclusive), so ``text[start:end] == finding.text`` always holds.
    ``line``/``column`` are 1-based, column counted in code points, both
    relative to the scanned text; readers translate them to the user's file.
    """

    kind: Kind
    start: int
    end: int
    line: int
    column: int
    text: str
    lang: str  # ISO 639-1 where there is one, else ISO 639-3
    lang_name: str  # English name of ``lang``
    script: str  # ISO 15924 name, e.g. "Cyrillic"
    score: float  # 0..1, higher is more certain
    detail: str = ""  # kind-specific note, e.g. the homoglyph characters named
    chars: tuple[str, ...] = field(default=(), compare=False)  # homoglyph: the odd characters
    # where the fragment sits: menu, boilerplate, caption, quote, gloss or body (see langscan.detect.context)
    context: str = "body"
    # homoglyph words and mojibake runs: the text that replaces ``text`` when repaired ("scope", "café"); a
    # ``document`` finding holding mis-decoded runs: the whole text with them repaired; None for the rest
    repair: Optional[str] = None

    def to_dict(self) -> dict:
        """The JSON contract of one finding (without location keys a reader adds)."""
        d = {
            "kind": self.kind.value,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "lang": self.lang,
            "lang_name": self.lang_name,
            "script": self.script,
            "score": round(self.score, 4),
            "context": self.context,
        }
        if self.detail:
            d["detail"] = self.detail
        if self.repair is not None:
            d["repair"] = self.repair
        return d
