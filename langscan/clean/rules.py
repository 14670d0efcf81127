"""Cleaning rules: exact strings, regexes and repairs that mark known boilerplate.

Recurring fragments (a site's "Заголовок открываемого материала" footer) are
the same on every page; once reviewed they can be removed without running the
detector, deterministically.  ``langscan report --suggest-rules`` writes rules
in this format and ``langscan clean --rules FILE`` applies them.

File format, one rule a line, ``#`` starts a comment::

    # 12 occurrences in 12 documents: script ru
    exact ru Заголовок открываемого материала
    regex ar (?i)الدفاع\\s+الوطني\\s+-\\s+القناة\\s+الرسمية
    repair en Сolumn Column

Fields: ``exact|regex|repair``, the language code to report, then the
pattern up to the end of the line (spaces included).  A ``repair`` rule takes
two words instead: a word spelt with look-alike Cyrillic or Greek letters and
the Latin word it imitates; cleaning substitutes the second for the first.

Rules cannot cut words.  A match counts only where it is a whole unit of the
text: in scripts that separate words with spaces it must not continue a word
on either side ("Politik" never matches inside "Politiker", "Cina" never
inside "Cinacity"); in scripts written without spaces (Han, Hiragana,
Katakana, Thai, ...) it must be the whole run of its script ("中文" never
matches inside "中文网").  A match that is a Latin word spelt with look-alike
letters is always repaired, never removed, whatever the rule's type.

A match becomes a Finding of kind ``script`` or ``latin`` (by the letters it
contains), or ``homoglyph`` for a repair, so ``--action``, ``--kind`` and
``--lang`` work on rule matches exactly as on detector findings.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Optional

from ..document import LineIndex
from ..finding import Finding, Kind
from ..scripts import HOMOGLYPHS, script_of
from ..options import LangscanError

TYPES = ("exact", "regex", "repair")

# Scripts written without spaces between words: a rule in one of them must be a whole run of that script.
NO_SPACE_SCRIPTS = frozenset({"Han", "Hiragana", "Katakana", "Bopomofo", "Thai", "Lao", "Khmer", "Myanmar",
                              "Tibetan", "Yi"})


@lru_cache(maxsize=4096)
def _compile(pattern: str) -> "re.Pattern[str]":
    return re.compile(pattern)


class RuleError(LangscanError, ValueError):
    """A rules file line that cannot be parsed."""


class RuleTimeout(RuleError):
    """A rule's regex ran past its time limit on one document (the file is left untouched)."""


# A rule's pattern is searched through a whole document: this many seconds per rule and
# document, plus a second per million characters, before it gives up (the file is then an
# error and left untouched; the rule is never silently skipped).
RULE_SECONDS = 1.0


def _wordish(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


_MIXABLE = frozenset({"Latin", "Cyrillic", "Greek", "Common"})  # look-alike letters mix inside one word


def joins(left: str, right: str) -> bool:
    """True when no unit boundary can fall between the characters ``left`` and ``right``.

    Letters, digits and marks join when they are of one script, or of Latin,
    Cyrillic and Greek (a word spelt with look-alike letters is still one word),
    or a digit beside a letter of a spaced script.  A change to or from another
    script is a boundary ("القناة الرسميةSyria's" splits before "Syria"), and a
    script written without spaces joins only itself (one run)."""
    if not (_wordish(left) and _wordish(right)):
        return False
    if unicodedata.category(right)[0] == "M" or unicodedata.category(left)[0] == "M":
        return True
    sl, sr = script_of(left), script_of(right)
    if sl == sr:
        return True
    if sl in NO_SPACE_SCRIPTS or sr in NO_SPACE_SCRIPTS:
        return False
    return (sl in _MIXABLE and sr in _MIXABLE) or "Common" in (sl, sr)


def is_whole_unit(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` neither begins nor ends inside a word (or inside a run of an unspaced script)."""
    if not 0 <= start < end <= len(text):
        return False
    if start > 0 and joins(text[start - 1], text[start]):
        return False
    return not (end < len(text) and joins(text[end - 1], text[end]))


def homoglyph_repair(word: str) -> Optional[str]:
    """The Latin word that ``word`` imitates with look-alike Cyrillic/Greek letters
    ("Сolumn" -> "Column"), or None when ``word`` is not such a word (it needs at
    least one Latin letter and one look-alike, and nothing else but Latin letters)."""
    if not word or any(not ch.isalpha() for ch in word):
        return None
    odd = [ch for ch in word if ch in HOMOGLYPHS]
    latin = [ch for ch in word if script_of(ch) == "Latin"]
    if not odd or not latin or len(odd) + len(latin) != len(word):
        return None
    return "".join(HOMOGLYPHS.get(ch, ch) for ch in word)


def odd_letters(word: str) -> list[str]:
    """The look-alike letters of a homoglyph word, each once, in order."""
    return list(dict.fromkeys(ch for ch in word if ch in HOMOGLYPHS and script_of(ch) != "Latin"))


@dataclass(frozen=True)
class Rule:
    """One cleaning rule; ``comment`` is written above it, never parsed.

    For ``repair`` rules ``pattern`` is the misspelt word and ``replacement``
    the Latin word it becomes."""

    type: str  # "exact" | "regex" | "repair"
    lang: str
    pattern: str
    comment: str = field(default="", compare=False)
    replacement: str = ""

    def regex(self) -> "re.Pattern[str]":
        return _compile(self.pattern if self.type == "regex" else re.escape(self.pattern))

    def describe(self) -> str:
        return self.to_line(with_comment=False)

    def to_line(self, with_comment: bool = True) -> str:
        head = "".join(f"# {c}\n" for c in self.comment.splitlines() if c) if with_comment else ""
        tail = f" {self.replacement}" if self.type == "repair" else ""
        return f"{head}{self.type} {self.lang} {self.pattern}{tail}"


def parse_rules(text: str, source: str = "<rules>") -> list[Rule]:
    """Parse a rules file; raises RuleError naming the line."""
    rules = []
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split(" ", 2)
        if len(parts) < 3 or parts[0] not in TYPES or not parts[2]:
            raise RuleError(f"{source}:{no}: expected 'exact|regex LANG PATTERN' or "
                            f"'repair LANG WORD LATIN-WORD', got {line!r}")
        if parts[0] == "repair":
            words = parts[2].split()
            if len(words) != 2:
                raise RuleError(f"{source}:{no}: a repair rule takes two words, the look-alike spelling and "
                                f"the Latin word, got {parts[2]!r}")
            fixed = homoglyph_repair(words[0])
            if fixed is None:
                raise RuleError(f"{source}:{no}: {words[0]!r} is not a Latin word spelt with look-alike "
                                "Cyrillic or Greek letters")
            if fixed != words[1]:
                raise RuleError(f"{source}:{no}: {words[0]!r} repairs to {fixed!r}, not {words[1]!r}")
            rules.append(Rule("repair", parts[1], words[0], replacement=words[1]))
            continue
        rule = Rule(parts[0], parts[1], parts[2])
        try:
            rule.regex()
        except (re.error, OverflowError, RecursionError, ValueError) as exc:
            raise RuleError(f"{source}:{no}: bad regex: {exc}") from None
        if rule.type == "regex":
            from ..policy import catastrophic

            problem = catastrophic(rule.pattern)
            if problem:  # a rules file may come from someone else, as a config file may
                raise RuleError(f"{source}:{no}: regex rule {rule.pattern!r} rejected: {problem}")
        rules.append(rule)
    return rules


def format_rules(rules: Iterable[Rule]) -> str:
    """The text of a rules file (round-trips through parse_rules)."""
    body = "\n\n".join(r.to_line() for r in rules)
    return ("# langscan cleaning rules: review, then `langscan clean --rules FILE`\n"
            "# (`langscan clean --rules FILE --dry-run PATH` shows what each rule would change)\n"
            + ("\n" + body + "\n" if body else ""))


def _script_of(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            s = script_of(ch)
            if s != "Common":
                return s
            name = unicodedata.name(ch, "")
            return name.split(" ")[0].capitalize() if name else "Unknown"
    return "Common"


def _matches(text: str, rule: Rule):
    """(start, end) of every whole-unit match of ``rule`` in ``text``."""
    rx = rule.regex()
    pos = 0
    while pos <= len(text):
        m = rx.search(text, pos)
        if m is None:
            return
        a, b = m.span()
        if b > a and is_whole_unit(text, a, b):
            yield a, b
            pos = b
        else:
            pos = a + 1  # a match cut out of a longer word: look again one character on


def match_rules(text: str, rules: Iterable[Rule]) -> list[Finding]:
    """Findings for every non-overlapping whole-unit rule match in ``text``, by start.

    A match that is a Latin word with look-alike letters (from a ``repair``
    rule or any other) becomes a ``homoglyph`` finding, which cleaning repairs."""
    from ..policy import _Deadline, _MatchTimeout

    spans: list[tuple[int, int, int, Rule]] = []
    seconds = RULE_SECONDS + len(text) / 1_000_000
    rule = None
    try:
        with _Deadline(seconds):  # a pattern that backtracks (an overlapping alternation) cannot hang clean
            for order, rule in enumerate(rules):
                for a, b in _matches(text, rule):
                    spans.append((a, b, order, rule))
    except _MatchTimeout:
        raise RuleTimeout(f"rule {rule.describe() if rule else '?'!r} gave up after {seconds:.3g} s on a "
                          f"{len(text)}-character text (its pattern backtracks too much: simplify it)") from None
    spans.sort(key=lambda s: (s[0], -s[1], s[2]))
    index = LineIndex(text)
    out, pos = [], 0
    for a, b, _order, rule in spans:
        if a < pos:
            continue
        pos = b
        frag = text[a:b]
        line, col = index.locate(a)
        fixed = homoglyph_repair(frag)
        if fixed is not None:
            odd = odd_letters(frag)
            out.append(Finding(kind=Kind.HOMOGLYPH, start=a, end=b, line=line, column=col, text=frag,
                               lang=rule.lang, lang_name=rule.lang, script=script_of(odd[0]), score=1.0,
                               detail=f"rule: {rule.describe()}; repaired to {fixed}", chars=tuple(odd),
                               repair=fixed))
            continue
        if rule.type == "repair":
            continue  # cannot happen: parse_rules checked the word
        script = _script_of(frag)
        out.append(Finding(kind=Kind.LATIN if script == "Latin" else Kind.SCRIPT, start=a, end=b,
                           line=line, column=col, text=frag, lang=rule.lang, lang_name=rule.lang,
                           script=script, score=1.0, detail=f"rule: {rule.describe()}"))
    return out


def rule_of(finding) -> str:
    """The rule line a finding made by :func:`match_rules` came from."""
    detail = getattr(finding, "detail", "") or ""
    return detail[len("rule: "):].split("; repaired to ")[0] if detail.startswith("rule: ") else "?"


class RuleLog:
    """What each rule changed, for ``clean --rules --dry-run``: per rule, how many
    matches and a few lines shown before and after the rule acted on them."""

    def __init__(self, action="strip", examples: int = 2, width: int = 60) -> None:
        self.action = action
        self.examples = examples
        self.width = width
        self.count: Counter = Counter()
        self.docs: Counter = Counter()
        self.shown: dict = {}

    def add(self, text: str, findings: list) -> list:
        from .core import apply
        from ..display import collapse

        seen = set()
        for f in findings:
            key = rule_of(f)
            self.count[key] += 1
            if key not in seen:
                seen.add(key)
                self.docs[key] += 1
            shown = self.shown.setdefault(key, [])
            if len(shown) >= self.examples:
                continue
            a = max(0, f.start - self.width)
            b = min(len(text), f.end + self.width)
            ls, le = text.rfind("\n", 0, f.start) + 1, text.find("\n", f.end)
            a, b = max(a, ls), min(b, le if le != -1 else len(text))
            piece = text[a:b]
            moved = replace(f, start=f.start - a, end=f.end - a)
            if str(getattr(self.action, "value", self.action)) == "drop-record":
                after = "(the whole record is left out)"
            else:
                after = collapse(apply(piece, [moved], self.action, kinds=(str(getattr(f.kind, "value", f.kind)),)))
            shown.append((collapse(piece), after or "(the line is removed)"))
        return findings

    def format(self, rules: Iterable[Rule]) -> str:
        lines = []
        for rule in rules:
            key = rule.describe()
            n = self.count.get(key, 0)
            lines.append(f"rule {key!r}: {n} match(es) in {self.docs.get(key, 0)} document(s)")
            for before, after in self.shown.get(key, []):
                lines.append(f"  - {before}")
                lines.append(f"  + {after}")
        return "\n".join(lines) + ("\n" if lines else "")
