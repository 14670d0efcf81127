"""Recurring fragments: the same artifact on many pages is template boilerplate.

A scraped site repeats its footer, menu or caption credit on every page; one
reviewed rule removes it everywhere.  ``RecurringIndex`` groups findings whose
text is identical after normalisation (Unicode NFKC, case-folded, whitespace
collapsed), counts them and keeps a few example locations.

Use::

    index = RecurringIndex()
    for doc, findings in scan_documents(docs, options):
        index.add(doc, findings)
    for group in index.top(10):           # groups seen at least twice
        print(group.count, group.text, group.examples[0])
    print(format_rules(index.suggest_rules()))   # `langscan clean --rules`

Whole-document findings (kind ``document``) are not fragments and are skipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .clean.rules import Rule

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The grouping key of a fragment: NFKC, case-folded, whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


@dataclass(frozen=True)
class Location:
    """Where one occurrence was seen (line/column in the user's file)."""

    path: str
    line: int
    column: int
    record: Optional[int] = None
    field: Optional[str] = None

    def __str__(self) -> str:
        rec = f" record {self.record}" if self.record is not None else ""
        fld = f" [{self.field}]" if self.field else ""
        return f"{self.path}:{self.line}:{self.column}{rec}{fld}"

    def to_dict(self) -> dict:
        d = {"path": self.path, "line": self.line, "column": self.column}
        if self.record is not None:
            d["record"] = self.record
        if self.field:
            d["field"] = self.field
        return d


@dataclass
class Group:
    """All occurrences of one normalised fragment."""

    key: str
    count: int = 0
    documents: int = 0
    forms: Counter = field(default_factory=Counter)  # original spellings
    kinds: Counter = field(default_factory=Counter)
    langs: Counter = field(default_factory=Counter)
    lang_names: dict = field(default_factory=dict)
    examples: list = field(default_factory=list)
    _docs: set = field(default_factory=set, repr=False)

    @property
    def text(self) -> str:
        """The most common spelling (ties: the first seen)."""
        return self.forms.most_common(1)[0][0]

    @property
    def lang(self) -> str:
        return self.langs.most_common(1)[0][0]

    @property
    def kind(self) -> str:
        return self.kinds.most_common(1)[0][0]

    def to_dict(self) -> dict:
        return {"text": self.text, "key": self.key, "count": self.count, "documents": self.documents,
                "lang": self.lang, "lang_name": self.lang_names.get(self.lang, self.lang),
                "kind": self.kind, "forms": dict(self.forms), "langs": dict(self.langs),
                "kinds": dict(self.kinds), "examples": [e.to_dict() for e in self.examples]}


def _value(x) -> str:
    return str(getattr(x, "value", x))


class RecurringIndex:
    """Groups findings across documents by their normalised text."""

    def __init__(self, max_examples: int = 3) -> None:
        self.max_examples = max_examples
        self._groups: dict[str, Group] = {}

    def __len__(self) -> int:
        return len(self._groups)

    def add(self, doc, findings: Iterable) -> None:
        """Record the findings of one document (a langscan Document, or a path string)."""
        path = getattr(doc, "path", None) or (doc if isinstance(doc, str) else "<text>")
        doc_id = (path, getattr(doc, "record", None), getattr(doc, "field", None))
        for f in findings:
            if _value(f.kind) == "document":
                continue
            key = normalise(f.text)
            if not key:
                continue
            g = self._groups.get(key)
            if g is None:
                g = self._groups[key] = Group(key)
            g.count += 1
            g.forms[f.text.strip()] += 1
            g.kinds[_value(f.kind)] += 1
            g.langs[f.lang] += 1
            g.lang_names.setdefault(f.lang, getattr(f, "lang_name", f.lang))
            if doc_id not in g._docs:
                g._docs.add(doc_id)
                g.documents += 1
            if len(g.examples) < self.max_examples:
                if hasattr(doc, "source_position"):
                    line, col = doc.source_position(f.start)
                else:
                    line, col = f.line, f.column
                g.examples.append(Location(path, line, col, getattr(doc, "record", None),
                                           getattr(doc, "field", None)))

    def groups(self, min_count: int = 1) -> list[Group]:
        """Groups with at least ``min_count`` occurrences, most frequent first."""
        gs = [g for g in self._groups.values() if g.count >= min_count]
        gs.sort(key=lambda g: (-g.count, -g.documents, g.key))
        return gs

    def top(self, n: int = 10, min_count: int = 2) -> list[Group]:
        """The ``n`` most frequent fragments seen at least ``min_count`` times."""
        return self.groups(min_count)[:n]

    def suggest_rules(self, min_count: int = 2, n: Optional[int] = None) -> list[Rule]:
        """Cleaning rules for the recurring fragments (see langscan.clean.rules)."""
        return [rule_for(g) for g in self.groups(min_count)[:n]]

    def format_summary(self, n: int = 10, min_count: int = 2) -> str:
        """A plain-text block for ``scan --summary``."""
        top = self.top(n, min_count)
        if not top:
            return "Recurring fragments: none seen twice or more.\n"
        lines = [f"Recurring fragments (top {len(top)}):"]
        for g in top:
            from .reporters.safe import printable  # a file name may hold escape sequences

            lines.append(f"  {g.count:>5}x in {g.documents} doc(s)  {g.kind}/{g.lang}  {g.text!r}  "
                         f"e.g. {printable(g.examples[0])}")
        return "\n".join(lines) + "\n"


def rule_for(group: Group) -> Rule:
    """An exact rule when every occurrence is spelt the same, else a regex
    matching all the spellings (case-insensitive, any whitespace between words)."""
    forms = list(group.forms)
    where = ", ".join(str(e) for e in group.examples[:2])
    comment = (f"{group.count} occurrence(s) in {group.documents} document(s): "
               f"{group.kind} {group.lang}; e.g. {where}")
    if len(forms) == 1 and "\n" not in forms[0]:
        return Rule("exact", group.lang, forms[0], comment)
    words = group.text.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    if not all(re.fullmatch(pattern, f) for f in forms):
        pattern = "(?i)" + pattern
    if not all(re.fullmatch(pattern, f) for f in forms):  # NFKC-only variants: list them
        pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return Rule("regex", group.lang, pattern, comment)
