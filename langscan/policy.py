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
import signal as _signal_mod
import threading as _threading
import time as _time
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

MARKER_RE = re.compile(r"langscan:\s*ignore\b")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)
_SPACE = re.compile(r"\s+")
# the items of a menu found whole: one a line, or between list separators (as langscan.detect.menus reads them)
_MENU_ITEM_SEP = re.compile(r"\s*(?:[|•·/,;\n\r]|\t|\s{3,})\s*")
_BRACKETS = re.compile(r"[()\[\]]")


def marker_lines(text: str, first_line: int = 1) -> frozenset[int]:
    """Line numbers (``first_line`` for the first line of ``text``) that hold the marker."""
    if "langscan:" not in text:
        return frozenset()
    from .document import line_ends

    lines = set()
    for m in MARKER_RE.finditer(text):
        lines.add(first_line + line_ends(text, 0, m.start()))
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
    from .readers.base import open_regular_text

    with open_regular_text(path, encoding="utf-8-sig") as fh:
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
        compiled = re.compile(pattern)
    except (re.error, OverflowError, RecursionError, ValueError) as exc:
        raise PolicyError(f"{where}: invalid regular expression {pattern!r}: {exc}") from None
    problem = catastrophic(pattern)
    if problem:
        raise PolicyError(f"{where}: regular expression {pattern!r} rejected: {problem}")
    return compiled


try:  # the regular-expression parser of the standard library (private, but stable for years)
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
    from re import _constants as _sre_c  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]


def catastrophic(pattern: str) -> str:
    """Why ``pattern`` can backtrack catastrophically, or "" when it cannot in the ways checked.

    Rejected: a repeated group that itself contains an unbounded repeat, such as
    ``(a+)+b``, ``(\\w+\\s?)*$`` or ``(?:x*y*)*``: on a near-miss of n letters the
    engine tries about 2**n ways of splitting them (71 s at 30 letters).  Atomic
    groups and possessive repeats do not backtrack and are allowed.  Alternations
    with overlapping branches (``(a|ab)*``) are not detected here; the per-match
    time limit of :meth:`Policy.allows` bounds them.
    """
    try:
        tree = _sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - compile() already reported real syntax errors
        return ""
    repeats = {_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT}
    unbounded_max = _sre_c.MAXREPEAT

    def walk(items, outer: str) -> str:
        for op, av in items:
            if op in repeats:
                lo, hi, sub = av
                unbounded = hi == unbounded_max or hi > 64
                if unbounded and outer:
                    return ("an unbounded repeat inside a repeated group, as in (a+)+, can take exponential "
                            "time on text that almost matches; repeat only the inner part, or make the group "
                            "atomic: (?>...)")
                found = walk(sub, outer or ("repeat" if unbounded else ""))
                if found:
                    return found
            elif op is _sre_c.SUBPATTERN:
                found = walk(av[-1], outer)
                if found:
                    return found
            elif op is _sre_c.BRANCH:
                for branch in av[1]:
                    found = walk(branch, outer)
                    if found:
                        return found
            elif op in (_sre_c.ASSERT, _sre_c.ASSERT_NOT):
                found = walk(av[1], outer)
                if found:
                    return found
            elif op is getattr(_sre_c, "GROUPREF_EXISTS", None):
                for branch in av[1:]:
                    if branch is not None:
                        found = walk(branch, outer)
                        if found:
                            return found
            # ATOMIC_GROUP and POSSESSIVE_REPEAT never backtrack into their contents
        return ""

    try:
        return walk(tree, "")
    except RecursionError:
        return "nested too deeply to check"


# A user pattern that still runs long (an overlapping alternation, a polynomial
# pattern on a whole-document finding) gives up after this many seconds per finding;
# the finding is then reported, never silently allowed.
MATCH_SECONDS = 1.0


class _Deadline:
    """A per-match time limit with SIGALRM (the ``re`` engine checks signals while
    it backtracks); a no-op off the main thread or without SIGALRM (Windows)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.usable = hasattr(_signal_mod, "setitimer") and _threading.current_thread() is _threading.main_thread()
        self._signal = _signal_mod

    def __enter__(self):
        if self.usable:
            self._old = self._signal.signal(self._signal.SIGALRM, self._expired)
            self._started = _time.monotonic()
            self._old_timer = self._signal.setitimer(self._signal.ITIMER_REAL, self.seconds)
        return self

    @staticmethod
    def _expired(signum, frame):
        raise _MatchTimeout()

    def __exit__(self, *exc) -> bool:
        if self.usable:
            self._signal.setitimer(self._signal.ITIMER_REAL, 0)
            self._signal.signal(self._signal.SIGALRM, self._old)
            delay, interval = self._old_timer
            if delay > 0:  # someone else's alarm (a test timeout...) was running: give it back
                left = delay - (_time.monotonic() - self._started)
                self._signal.setitimer(self._signal.ITIMER_REAL, max(left, 1e-6), interval)
        return False


class _MatchTimeout(Exception):
    pass


_warned: set = set()
_gave_up: dict = {}  # pattern -> the shortest finding it ran out of time on


def _bounded_any(regexes: tuple, text: str) -> bool:
    """Does one of ``regexes`` match the whole finding (as it is, or stripped)? Within
    MATCH_SECONDS for all of them together; on time-out the finding is not allowed."""
    stripped = text.strip()
    current = None
    # (a pattern that ran out of time on a finding is not tried again on findings as long or longer: on each of
    # them it would cost a second; shorter ones are still tried, and a time-out there lowers the bound)
    regexes = tuple(r for r in regexes if len(text) < _gave_up.get(r.pattern, len(text) + 1))
    if not regexes:
        return False
    try:
        with _Deadline(MATCH_SECONDS):
            for current in regexes:
                if current.fullmatch(text) or (stripped != text and current.fullmatch(stripped)):
                    return True
    except _MatchTimeout:
        pattern = current.pattern if current is not None else "?"
        _gave_up[pattern] = min(len(text), _gave_up.get(pattern, len(text)))
        if pattern not in _warned:
            _warned.add(pattern)
            import sys

            print(f"langscan: warning: allow-regex {pattern!r} gave up after {MATCH_SECONDS:g} s on a "
                  f"{len(text)}-character finding; it is not tried again on findings as long in this run, and "
                  f"the findings it would have allowed are reported", file=sys.stderr)
    return False


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
        return bool(self._regexes) and _bounded_any(self._regexes, text)  # type: ignore[attr-defined]

    def allows_menu(self, text: str) -> bool:
        """True when every item of a menu found whole is allowed: a language menu is one finding
        ("English | Français | Русский"), and allowing each of its items (its own language's too) allows it.
        An item is allowed as a whole or part by part around brackets ("Dansk (Danish)")."""
        if not (self._terms or self._regexes):  # type: ignore[attr-defined]
            return False
        items = [i for i in _MENU_ITEM_SEP.split(text) if _EDGE.sub("", i.strip())]
        if len(items) < 2:
            return False
        for item in items:
            if self.allows(item):
                continue
            parts = [p for p in _BRACKETS.split(item) if _EDGE.sub("", p.strip())]
            if not parts or not all(self.allows(p) for p in parts):
                return False
        return True

    def filter(self, doc, findings: Sequence) -> list:
        """The findings of ``doc`` that no allow rule or marker suppresses."""
        ignore = doc.meta.get("ignore_lines") if self.inline_marker else None
        kept = []
        for f in findings:
            if self.allows(f.text) or (getattr(f, "context", None) == "menu" and self.allows_menu(f.text)):
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
