"""What the user says is fine: allowed terms, allowed patterns, inline markers.

Applied after detection, per document, so the detector stays pure.

- ``allow``: terms compared with the whole finding after normalisation
  (Unicode NFC, case-folded, surrounding spaces and punctuation stripped,
  inner whitespace collapsed): allowing ``Русский`` suppresses a finding
  ``Русский`` or ``«русский»`` but not ``Русский язык``.
- ``allow_regex``: Python regular expressions that must match the *whole*
  finding text (``re.fullmatch``).
- an allow-list file: one term a line, ``#`` comments, ``re:`` prefix for a
  regular expression.
- the inline marker ``langscan: ignore`` anywhere on a source line drops the
  findings on that line (for HTML, a ``<!-- langscan: ignore -->`` comment on
  the line works too: readers record marker lines from the raw source).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

MARKER_RE = re.compile(r"langscan:\s*ignore\b")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)
_SPACE = re.compile(r"\s+")


def marker_lines(text: str, first_line: int = 1) -> frozenset[int]:
    """Line numbers (``first_line`` for the first line of ``text``) that hold the marker."""
    if "langscan:" not in text:
        return frozenset()
    lines = set()
    for m in MARKER_RE.finditer(text):
        lines.add(first_line + text.count("\n", 0, m.start()))
    return frozenset(lines)


def normalise(term: str) -> str:
    """The comparison form of a term or a finding."""
    t = unicodedata.normalize("NFC", term).casefold()
    t = _SPACE.sub(" ", t).strip()
    return _EDGE.sub("", t)


from .options import UsageError  # noqa: E402


class PolicyError(UsageError):
    """A bad allow-list entry (an invalid regular expression)."""


def read_allow_file(path: str) -> tuple[list[str], list[str]]:
    """(terms, regexes) from an allow-list file."""
    terms: list[str] = []
    regexes: list[str] = []
    with open(path, encoding="utf-8-sig") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("re:"):
                pattern = line[3:].strip()
                _compile(pattern, f"{path}:{lineno}")
                regexes.append(pattern)
            else:
                terms.append(line)
    return terms, regexes


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise PolicyError(f"{where}: invalid regular expression {pattern!r}: {exc}") from None


@dataclass(frozen=True)
class Policy:
    """Allowed terms and patterns plus the inline-marker switch."""

    allow: tuple[str, ...] = ()
    allow_regex: tuple[str, ...] = ()
    inline_marker: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "_terms", frozenset(normalise(t) for t in self.allow if normalise(t)))
        object.__setattr__(self, "_regexes", tuple(_compile(p, "allow-regex") for p in self.allow_regex))

    def allows(self, text: str) -> bool:
        """True when a finding with this text is allowed by a term or a pattern."""
        if self._terms and normalise(text) in self._terms:  # type: ignore[attr-defined]
            return True
        stripped = text.strip()
        return any(r.fullmatch(text) or r.fullmatch(stripped) for r in self._regexes)  # type: ignore[attr-defined]

    def filter(self, doc, findings: Sequence) -> list:
        """The findings of ``doc`` that no allow rule or marker suppresses."""
        ignore = doc.meta.get("ignore_lines") if self.inline_marker else None
        kept = []
        for f in findings:
            if self.allows(f.text):
                continue
            if ignore:
                first = doc.source_position(f.start)[0]
                last = doc.source_position(max(f.start, f.end - 1))[0]
                if any(line in ignore for line in range(first, last + 1)):
                    continue
            kept.append(f)
        return kept

    def merged(self, allow: Iterable[str] = (), allow_regex: Iterable[str] = ()) -> "Policy":
        """A policy with more terms and patterns."""
        return Policy(self.allow + tuple(allow), self.allow_regex + tuple(allow_regex), self.inline_marker)
