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

A suggested rule can never damage text (see :meth:`RecurringIndex.suggestions`):
only fragments that were whole units wherever they were found are suggested;
a fragment that was also seen inside a longer word of the same pages, or that
is part of common English words ("Cina" in "fascination"), is not; and a
Latin word spelt with look-alike letters gets a ``repair`` rule, which puts
the Latin letters back instead of removing the word.  Each rule's comment
gives its count and two contexts, so it can be reviewed before use.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .clean.rules import Rule, format_rules, homoglyph_repair, is_whole_unit, joins, odd_letters
from .display import collapse, window

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
    contexts: list = field(default_factory=list)  # "… before «fragment» after …", whitespace collapsed
    whole: int = 0  # occurrences that were whole units (not cut out of a longer word or run)
    inside: int = 0  # times the fragment was also seen inside a longer word of the same documents
    inside_examples: list = field(default_factory=list)
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
                "kinds": dict(self.kinds), "examples": [e.to_dict() for e in self.examples],
                "contexts": list(self.contexts), "whole": self.whole, "inside": self.inside}


def _value(x) -> str:
    return str(getattr(x, "value", x))


def context_line(text: str, start: int, end: int, width: int = 40) -> str:
    """One line showing ``text[start:end]`` as «fragment» with ``width`` characters either side."""
    a, b, cut_a, cut_b = window(text, start, end, width * 4)
    before, after = collapse(text[a:start]), collapse(text[end:b])
    cut_before, cut_after = cut_a or len(before) > width, cut_b or len(after) > width
    if len(before) > width:  # keep whole words: drop the one cut in half
        before = before[-width:]
        before = before[before.find(" ") + 1:] if " " in before else before
    if len(after) > width:
        after = after[:width]
        after = after[:after.rfind(" ")] if " " in after else after
    parts = ["…" if cut_before else "", before, f"«{collapse(text[start:end])}»", after, "…" if cut_after else ""]
    return " ".join(p for p in parts if p)


def _inside_words(text: str, fragment: str, limit: int = 200) -> list[tuple[int, int]]:
    """Where ``fragment`` occurs in ``text`` as part of a longer word or run (at most ``limit``)."""
    out, pos = [], text.find(fragment)
    while pos != -1 and len(out) < limit:
        if not is_whole_unit(text, pos, pos + len(fragment)):
            out.append((pos, pos + len(fragment)))
        pos = text.find(fragment, pos + 1)
    return out


def _word_around(text: str, a: int, b: int) -> str:
    """The whole word (or run) that ``text[a:b]`` is part of."""
    while a > 0 and joins(text[a - 1], text[a]):
        a -= 1
    while b < len(text) and joins(text[b - 1], text[b]):
        b += 1
    return text[a:b]


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
        text = getattr(doc, "text", None)
        checked: set = set()
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
            if isinstance(text, str) and text[f.start:f.end] == f.text:
                if is_whole_unit(text, f.start, f.end):
                    g.whole += 1
                if len(g.contexts) < 2 and doc_id not in g._docs:  # two contexts from two documents
                    ctx = context_line(text, f.start, f.end)
                    if ctx not in g.contexts:
                        g.contexts.append(ctx)
                frag = f.text.strip()
                if frag and frag not in checked:
                    checked.add(frag)
                    inside = _inside_words(text, frag)
                    g.inside += len(inside)
                    for a, b in inside[: 3 - len(g.inside_examples)]:
                        g.inside_examples.append(_word_around(text, a, b))
            else:  # no text to look at (a plain path was given): trust the finding's own boundaries
                g.whole += 1
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

    def group_of(self, text: str) -> Optional[Group]:
        """The group ``text`` falls in (by its normalised form), if it was seen."""
        return self._groups.get(normalise(text))

    def groups(self, min_count: int = 1) -> list[Group]:
        """Groups with at least ``min_count`` occurrences, most frequent first."""
        gs = [g for g in self._groups.values() if g.count >= min_count]
        gs.sort(key=lambda g: (-g.count, -g.documents, g.key))
        return gs

    def top(self, n: int = 10, min_count: int = 2) -> list[Group]:
        """The ``n`` most frequent fragments seen at least ``min_count`` times."""
        return self.groups(min_count)[:n]

    def suggest_rules(self, min_count: int = 2, n: Optional[int] = None) -> list[Rule]:
        """Cleaning rules for the recurring fragments that are safe to remove (see :meth:`suggestions`)."""
        return self.suggestions(min_count, n)[0]

    def suggestions(self, min_count: int = 2, n: Optional[int] = None) -> tuple[list[Rule], list[tuple[Group, str]]]:
        """(rules, [(group, why no rule)]) for the groups seen at least ``min_count`` times.

        A group gets no rule when one of its occurrences was cut out of a longer
        word or run, when the same pages also have it inside longer words, or when
        it is part of common English words; a homoglyph word gets a ``repair`` rule."""
        rules: list[Rule] = []
        skipped: list[tuple[Group, str]] = []
        for g in self.groups(min_count):
            if n is not None and len(rules) >= n:
                break
            why = unsafe_reason(g)
            if why:
                skipped.append((g, why))
            else:
                rules.append(rule_for(g))
        return rules, skipped

    def format_summary(self, n: int = 10, min_count: int = 2) -> str:
        """A plain-text block for ``scan --summary``."""
        top = self.top(n, min_count)
        if not top:
            return "Recurring fragments: none seen twice or more.\n"
        lines = [f"Recurring fragments (top {len(top)}):"]
        for g in top:
            from .reporters.safe import printable  # a file name may hold escape sequences

            lines.append(f"  {g.count:>5}x in {g.documents} doc(s)  {g.kind}/{g.lang}  {printable(collapse(g.text))!r}  "
                         f"e.g. {printable(g.examples[0])}")
        return "\n".join(lines) + "\n"


_EN_COMMON = 2.5  # Zipf: English words at least this common count for "occurs inside English words"


def english_words_containing(fragment: str, limit: int = 3) -> list[str]:
    """Common English words (from the shipped lexicon) that hold ``fragment`` inside them."""
    key = fragment.casefold()
    if not key or not any(c.isascii() and c.isalpha() for c in key) or " " in key:
        return []
    from . import lexicon
    try:
        words = lexicon.common_words("en", _EN_COMMON)
    except Exception:  # no lexicon shipped: nothing to compare with
        return []
    found = sorted(w for w in words if len(w) > len(key) and key in w)
    return sorted(found, key=len)[:limit]


def unsafe_reason(group: Group) -> str:
    """Why a rule for ``group`` could damage text ("" when it could not)."""
    if len(group.forms) == 1 and homoglyph_repair(group.text) is not None:
        return ""  # a repair rule: it puts Latin letters back, it removes nothing
    if group.kind == "homoglyph" or any(homoglyph_repair(f) for f in group.forms):
        return "a word spelt with look-alike letters in several spellings: repair them one by one"
    if group.whole < group.count:
        return (f"{group.count - group.whole} of its {group.count} occurrence(s) were cut out of a longer "
                "word or run")
    if group.inside:
        eg = ", ".join(repr(w) for w in group.inside_examples[:3])
        return f"also seen {group.inside} time(s) inside longer words of the same pages ({eg})"
    english = english_words_containing(group.text)
    if english:
        return "part of common English words (" + ", ".join(english) + ")"
    return ""


def rule_for(group: Group) -> Rule:
    """A ``repair`` rule for a word spelt with look-alike letters; an exact rule
    when every occurrence is spelt the same, else a regex matching all the
    spellings (case-insensitive, any whitespace between words).  The comment
    gives the count and two contexts."""
    forms = list(group.forms)
    where = ", ".join(str(e) for e in group.examples[:2])
    comment = (f"{group.count} occurrence(s) in {group.documents} document(s): "
               f"{group.kind} {group.lang}; e.g. {where}")
    comment += "".join(f"\n  {c}" for c in group.contexts[:2])
    if len(forms) == 1:
        fixed = homoglyph_repair(forms[0])
        if fixed is not None:
            odd = ", ".join(f"{c} (U+{ord(c):04X})" for c in odd_letters(forms[0]))
            return Rule("repair", group.lang, forms[0], f"{comment}\n  look-alike letters: {odd}",
                        replacement=fixed)
    if len(forms) == 1 and "\n" not in forms[0]:
        return Rule("exact", group.lang, forms[0], comment)
    words = group.text.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    if not all(re.fullmatch(pattern, f) for f in forms):
        pattern = "(?i)" + pattern
    if not all(re.fullmatch(pattern, f) for f in forms):  # NFKC-only variants: list them
        pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return Rule("regex", group.lang, pattern, comment)


def format_suggestions(index: RecurringIndex, min_count: int = 2, n: Optional[int] = None) -> str:
    """The rules file ``report --suggest-rules`` prints: the safe rules, then, as
    comments, the recurring fragments that got none and why."""
    rules, skipped = index.suggestions(min_count, n)
    text = format_rules(rules)
    if skipped:
        text += "\n# Recurring, but no rule suggested (it could damage text):\n"
        text += "".join(f"#   {collapse(g.text)!r} ({g.count}x, {g.kind} {g.lang}): {why}\n" for g, why in skipped)
    return text
