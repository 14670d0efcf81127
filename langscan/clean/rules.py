"""Cleaning rules: exact strings or regexes that mark known boilerplate.

Recurring fragments (a site's "Заголовок открываемого материала" footer) are
the same on every page; once reviewed they can be removed without running the
detector, deterministically.  ``langscan report --suggest-rules`` writes rules
in this format and ``langscan clean --rules FILE`` applies them.

File format, one rule a line, ``#`` starts a comment::

    # 12 occurrences in 12 documents: script ru
    exact ru Заголовок открываемого материала
    regex ar (?i)الدفاع\\s+الوطني\\s+-\\s+القناة\\s+الرسمية

Fields: ``exact|regex``, the language code to report, then the pattern up to
the end of the line (spaces included).  A match becomes a Finding of kind
``script`` or ``latin`` (by the letters it contains), so ``--action``,
``--kind`` and ``--lang`` work on rule matches exactly as on detector findings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from ..document import LineIndex
from ..finding import Finding, Kind


class RuleError(ValueError):
    """A rules file line that cannot be parsed."""


@dataclass(frozen=True)
class Rule:
    """One cleaning rule; ``comment`` is written above it, never parsed."""

    type: str  # "exact" | "regex"
    lang: str
    pattern: str
    comment: str = ""

    def regex(self) -> "re.Pattern[str]":
        return re.compile(re.escape(self.pattern) if self.type == "exact" else self.pattern)

    def to_line(self) -> str:
        head = "".join(f"# {c}\n" for c in self.comment.splitlines() if c)
        return f"{head}{self.type} {self.lang} {self.pattern}"


def parse_rules(text: str, source: str = "<rules>") -> list[Rule]:
    """Parse a rules file; raises RuleError naming the line."""
    rules = []
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split(" ", 2)
        if len(parts) < 3 or parts[0] not in ("exact", "regex") or not parts[2]:
            raise RuleError(f"{source}:{no}: expected 'exact|regex LANG PATTERN', got {line!r}")
        rule = Rule(parts[0], parts[1], parts[2])
        try:
            rule.regex()
        except re.error as exc:
            raise RuleError(f"{source}:{no}: bad regex: {exc}") from None
        rules.append(rule)
    return rules


def format_rules(rules: Iterable[Rule]) -> str:
    """The text of a rules file (round-trips through parse_rules)."""
    body = "\n".join(r.to_line() for r in rules)
    return ("# langscan cleaning rules: review, then `langscan clean --rules FILE`\n"
            + (body + "\n" if body else ""))


def _script_of(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return name.split(" ")[0].capitalize() if name else "Unknown"
    return "Common"


def match_rules(text: str, rules: Iterable[Rule]) -> list[Finding]:
    """Findings for every non-overlapping rule match in ``text``, by start."""
    spans: list[tuple[int, int, Rule]] = []
    for rule in rules:
        for m in rule.regex().finditer(text):
            if m.end() > m.start():
                spans.append((m.start(), m.end(), rule))
    spans.sort(key=lambda s: (s[0], -s[1]))
    index = LineIndex(text)
    out, pos = [], 0
    for a, b, rule in spans:
        if a < pos:
            continue
        pos = b
        frag = text[a:b]
        script = _script_of(frag)
        line, col = index.locate(a)
        out.append(Finding(kind=Kind.LATIN if script == "Latin" else Kind.SCRIPT, start=a, end=b,
                           line=line, column=col, text=frag, lang=rule.lang, lang_name=rule.lang,
                           script=script, score=1.0, detail=f"rule: {rule.type} {rule.pattern}"))
    return out
