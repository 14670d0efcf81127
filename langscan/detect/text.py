"""Text into the pieces language is judged on, as code-point offsets (never copies).

Lines, then sentence- and clause-like units inside a line, then words inside
a unit; plus the folding used by the screen (lowercase, non-letters to
spaces, at C speed) and small helpers that move a span's edges to letters or
to whole words.  Nothing here decides anything.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from typing import Iterator

from . import tuning

# Soft hyphens and word joiners are invisible inside a word ("hié\u00adrar\u00adchie" is "hiérarchie"): a word
# runs over them, and ``words`` gives it without them
INVISIBLE_IN_WORD = "\u00ad\u2060"
_DROP_INVISIBLE = {ord(c): None for c in INVISIBLE_IN_WORD}
WORD = re.compile(r"[^\W\d_]+(?:['’\u00ad\u2060][^\W\d_]+)*")
LETTER = re.compile(r"[^\W\d_]")
LETTER_RUN = re.compile(r"[^\W\d_]+")
# "...stránkeThe army": text glued to the next sentence without a space (three lowercase letters, then a
# capitalised word), the mark of a scraped caption; "iPhone", "YouTube", "McDonald" do not match.
GLUED = re.compile(r"[a-zß-ÿ]{3}[A-ZÀ-Þ][a-zß-ÿ]")
_CAMEL = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ][a-zß-ÿ])")
MENU = re.compile(r"\s[|•·]\s|\s/\s")
HARD_GAP = frozenset("\n\r\t|•·/\\")
_LOWER = re.compile(r"[a-zß-öø-ÿ]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")

# A unit boundary inside a line: menu and breadcrumb separators, dashes between spaces,
# tabs, and sentence ends (., !, ?, … followed by space).  Clause-level localisation
# inside a sentence is left to the detector's span search.
# (A boundary's leading whitespace must start where its run starts, ``(?<![^\S\n])``; a line's first character
# follows a line break. Tried from every place of a long run of spaces, ``\s*`` read the rest of the run again
# each time: quadratic. The separators that may follow a run of tabs come before ``\t+``, which would otherwise
# end a match inside the run.)
_BOUNDARY = re.compile(
    r"""
      (?:(?<![^\S\n])\s+)?[|•·►»«]\s*   # menu / breadcrumb separators
    | (?<![^\S\n])\s+[-–—/]\s+          # " - ", " – ", " / " between words
    | (?:(?<![^\S\n])\s+)?;\s+
    | (?:(?<![^\S\n])\s+)?:\s+          # "Photo: ...", "Credit: ..."
    | \t+
    | (?<=[.!?…。！？])(?<![\s(][A-Z]\.)["'”’)\]]*\s+  # sentence end (not a name's initial: "Andrew B. Myers")
    | (?<=[a-zß-ÿ.!?])(?=[A-ZÀ-Þ][a-zß-ÿ])(?<![A-Z][a-z])  # text glued to the next sentence: "...enteroBut"
    """,
    re.VERBOSE,
)
_WS = " \t\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000"


def lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the lines of ``text`` (without their "\\n" or trailing "\\r")."""
    start = 0
    n = len(text)
    while start <= n:
        nl = text.find("\n", start)
        end = n if nl == -1 else nl
        stop = end - 1 if end > start and text[end - 1] == "\r" else end
        yield start, stop
        if nl == -1:
            break
        start = nl + 1


def trim(text: str, start: int, end: int, chars: str = _WS) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with any of ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


MAX_UNIT = 5000  # longer units (a 50 MB line with no sentence ends) are cut at spaces


def units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence- and clause-like units of the line ``text[start:end]``, trimmed, non-empty."""
    out = []
    for s, e in _units(text, start, end):
        while e - s > MAX_UNIT:
            cut = text.rfind(" ", s + MAX_UNIT // 2, s + MAX_UNIT)
            cut = s + MAX_UNIT if cut == -1 else cut
            a, b = trim(text, s, cut)
            if b > a:
                out.append((a, b))
            s, _ = trim(text, cut, e)
        if e > s:
            out.append((s, e))
    return out


def _units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.start() == m.end() and _inside_code(text, m.start(), start, end):
            continue  # a capital inside an identifier ("ctrl.contentDetailController.status") glues nothing
        s, e = trim(text, pos, m.start())
        if e > s:
            out.append((s, e))
        pos = m.end()
    s, e = trim(text, pos, end)
    if e > s:
        out.append((s, e))
    return out


_CODE_TOKEN = re.compile(r"[a-z]\.[a-z]|[_={}\[\]<>$]")  # a dotted name, an identifier or markup ("end.The": glue)


def _inside_code(text: str, i: int, start: int, end: int) -> bool:
    """Is position ``i`` inside a whitespace-free token of ``text[start:end]`` that reads as code?"""
    a = i
    while a > start and not text[a - 1].isspace() and i - a < 200:
        a -= 1
    b = i
    while b < end and not text[b].isspace() and b - i < 200:
        b += 1
    return _CODE_TOKEN.search(text, a, b) is not None


def words(line: str, base: int, keep: frozenset = frozenset()) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of each word; text glued without a space ("enteroBut") is two words,
    unless the glued form is itself a word of ``keep`` ("YouTube", "WhatsApp")."""
    for m in WORD.finditer(line):
        word = m.group()
        start = m.start()
        if "\u00ad" in word or "\u2060" in word:
            # (offsets stay those of the text; the word is given as read, without its invisible characters)
            yield base + start, base + m.end(), word.translate(_DROP_INVISIBLE)
            continue
        cut = 0
        # (no capital after the first letter: nothing glued, and no _CAMEL pass over the word)
        # (``keep`` may be a lexicon.WordSet: asked word by word, never for its truth value, which builds it)
        if word[1:].islower() or word.lower() in keep:
            yield base + start, base + m.end(), word
            continue
        for c in _CAMEL.finditer(word):
            if c.start() > 1:  # keep "iPhone", "eBay" whole
                yield base + start + cut, base + start + c.start(), word[cut:c.start()]
                cut = c.start()
        yield base + start + cut, base + m.end(), word[cut:]


def fold(text: str, lower: bool = True) -> str:
    """Words only: lowercased, punctuation and digits turned to spaces, newlines kept.

    Done with bytes.translate on the UTF-8 form (C speed for any text); the
    number and order of lines are unchanged, so a line's words are its
    folded line's words.
    """
    if lower:
        text = text.lower()
    if not text.isascii():
        text = _WIDE_PUNCT.sub(" ", text)  # curly quotes, guillemets, dashes: one space each (lengths kept)
    return text.encode("utf-8", "surrogatepass").translate(_BYTE_FOLD).decode("utf-8", "surrogatepass")


_WIDE_PUNCT = re.compile("[\u00a0\u00ab\u00bb\u00bf\u00a1\u2010-\u2027\u2030-\u205e\u3000-\u3003\u300c-\u300f]")


_BYTE_FOLD = bytes(
    c if (65 <= c <= 90 or 97 <= c <= 122 or c in (9, 10, 13, 32) or c >= 128) else 32 for c in range(256)
)


_NOT_ASCII_LOWER = bytes(c for c in range(256) if not 97 <= c <= 122)
_NOT_ASCII_UPPER = bytes(c for c in range(256) if not 65 <= c <= 90)


def mostly_upper(s: str) -> bool:
    """An ALL-CAPS line: capitalisation then says nothing about names."""
    b = s.encode("utf-8", "surrogatepass")
    low = len(b.translate(None, _NOT_ASCII_LOWER))  # a-z only (bytes.translate, in C): no more than _LOWER finds
    if 5 * low >= len(s):
        return False  # the uppercase letters, among the other characters, cannot outnumber 4 x the lowercase
    if s.isascii():  # (the two classes then match a-z and A-Z only)
        up = len(b.translate(None, _NOT_ASCII_UPPER))
    else:
        low = len(_LOWER.findall(s))
        up = len(_UPPER.findall(s))
    return up >= 4 and up > 4 * low


def is_latin_word(word: str) -> bool:
    """Does the word start with a Latin letter (ASCII, Latin-1, Latin Extended)?"""
    c = word[0]
    return c < "\u0250" or "\u1e00" <= c <= "\u1eff"


def word_around(text: str, s: int, e: int) -> tuple[int, int]:
    """The whole word (letters and combining marks) holding ``text[s:e]``."""
    while s > 0 and (text[s - 1].isalpha() or unicodedata.category(text[s - 1])[0] == "M"):
        s -= 1
    n = len(text)
    while e < n and (text[e].isalpha() or unicodedata.category(text[e])[0] == "M"):
        e += 1
    return s, e


class WordBounds:
    """``word_around`` for spans met left to right, in time linear in the text overall.

    Pieces of one long word (6,000 letters alternating Latin and Cyrillic look-alikes) each
    asked ``word_around`` for the whole word again, a cost quadratic in the word's length.
    Spans must come in increasing, non-overlapping order; the answers are ``word_around``'s.
    """

    __slots__ = ("text", "_l_from", "_l_val", "_r_from", "_r_val")

    def __init__(self, text: str) -> None:
        self.text = text
        self._l_from = self._l_val = 0  # word_around's start for the last start asked: [_l_val, _l_from) word chars
        self._r_from = self._r_val = -1  # and its end for the last end asked: [_r_from, _r_val) word chars

    def __call__(self, s: int, e: int) -> tuple[int, int]:
        text = self.text
        if s < self._l_from or e < self._r_from:
            return word_around(text, s, e)  # out of order: no shortcut
        a = s
        stop = self._l_from
        while a > stop and _word_char(text[a - 1]):
            a -= 1
        if a == stop and stop > 0:
            a = self._l_val  # everything back to the last start asked is one word: its start is known
        self._l_from, self._l_val = s, a
        if e <= self._r_val:
            b = self._r_val  # inside the word found last: [e, _r_val) are word chars
        else:
            b, n = e, len(text)
            while b < n and _word_char(text[b]):
                b += 1
        self._r_from, self._r_val = e, b
        return a, b


class SpanIndex:
    """Spans (they may overlap), answering "does any overlap [a, b)?" and "which lie inside [a, b)?"
    by bisection: asking once per finding of a line with thousands of findings stays linear."""

    __slots__ = ("spans", "starts", "reach")

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        reach, far = [], -1
        for _, e in self.spans:
            far = max(far, e)
            reach.append(far)  # the furthest end among the spans up to here
        self.reach = reach

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_left(self.starts, b)  # spans starting before b
        return k > 0 and self.reach[k - 1] > a

    def inside(self, a: int, b: int) -> list[tuple[int, int]]:
        lo, hi = bisect_left(self.starts, a), bisect_left(self.starts, b)
        return [(s, e) for s, e in self.spans[lo:hi] if e <= b]


def _word_char(c: str) -> bool:
    return c.isalpha() or unicodedata.category(c)[0] == "M"


def bridgeable(text: str, end: int, start: int, max_gap: int) -> bool:
    """May two runs of one script be joined over text[end:start]? Only over short neutral gaps."""
    if start - end > max_gap:
        return False
    for c in text[end:start]:
        if c in HARD_GAP or c.isalpha():
            return False
    return True


def trim_to_letters(text: str, s: int, e: int, keep_punct: bool = False) -> tuple[int, int]:
    """Shrink a span to start and end at a letter or digit (or only strip spaces with ``keep_punct``)."""
    if keep_punct:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e
    while s < e and not (text[s].isalpha() or text[s].isdigit()):
        s += 1
    while e > s and not (text[e - 1].isalpha() or text[e - 1].isdigit()):
        if unicodedata.category(text[e - 1]).startswith("M"):
            break
        e -= 1
    n = len(text)
    while e < n and unicodedata.category(text[e]).startswith("M"):
        e += 1
    return s, e


def extend_punct(text: str, e: int) -> int:
    """Take a sentence's closing punctuation into the fragment."""
    n = len(text)
    k = e
    while k < n and text[k] in ".!?…":
        k += 1
    if k > e and (k == n or text[k].isspace()):
        return k
    return e


_SENTENCE_SIGN = re.compile(r"[!?:;\n]|\.\s")
_KEYWORD_ITEM = re.compile(r"[^\W\d_][\w'’&.+-]*(?: [\w'’&.+-]+){0,2}")


def keyword_list(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` a labelled list of keywords (a tag cloud): after a short label ending in a colon on its
    line ("Tags:", "Метки:"), at least TAG_LIST_MIN_ITEMS comma-separated items of at most three words each,
    written in lowercase, with no sentence punctuation ("fitness, healthy food, diet, sport, wellness")?
    Menus capitalise their items and sentences end in a full stop; tags are neither. (Without the label a
    lowercase list may be a foreign sentence: month names, a list of things.)"""
    ls = text.rfind("\n", max(0, s - tuning.CONTEXT_WINDOW), s) + 1
    label = text[ls:s].strip()
    if not label.endswith((":", "：")) or not 1 <= len(label[:-1].split()) <= tuning.TAG_LABEL_MAX_WORDS:
        return False
    body = text[s:e].strip().rstrip(",;.")
    if _SENTENCE_SIGN.search(body):
        return False
    items = [x.strip() for x in body.split(",")]
    return len(items) >= tuning.TAG_LIST_MIN_ITEMS and all(
        x and x == x.lower() and _KEYWORD_ITEM.fullmatch(x) for x in items)


# ------------------------------------------------------------------ words broken across lines
# Hard-wrapped text (manual pages, e-mail, text taken out of PDFs) breaks a word at a line end with a hyphen:
# "Datei‐" / "deskriptoren". Each half alone is no word of any lexicon, and a span that starts with the second
# half or ends with the first was read as foreign ("deskriptoren vorfindet." as Danish).
_HYPHENS = "-\u2010"


def _blank_back(text: str, i: int) -> int:
    """``i`` moved back over spaces, tabs and a "\r" (local: the blanks before a point, not the whole line)."""
    while i > 0 and text[i - 1] in " \t\r\u00a0":
        i -= 1
    return i


def _line_end_before(text: str, i: int) -> bool:
    """Does a line break stand right before ``i``, with a previous line before it?"""
    return i >= 2 and text[i - 1] == "\n"


def _at_line_end(text: str, i: int) -> bool:
    """Is there nothing but blanks from ``i`` to the end of its line?"""
    while i < len(text) and text[i] in " \t\r\u00a0":
        i += 1
    return i == len(text) or text[i] == "\n"


def without_broken_halves(text: str, cands: list, trace=None) -> list:
    """The Latin candidates with a word half they start or end with cut off (the continuation of a word the
    previous line broke with a hyphen; the half a hyphen at the line's end breaks off); a candidate left with
    fewer than two words is dropped. Only the characters around each candidate are read."""
    out = []
    for c in cands:
        if getattr(c.kind, "value", c.kind) != "latin":
            out.append(c)
            continue
        s, e = c.start, c.end
        if s < e and text[s].islower() and _line_end_before(text, _blank_back(text, s)):
            # the previous line's last characters, past its blanks: a letter and a hyphen
            k = _blank_back(text, _blank_back(text, s) - 1)
            if k >= 2 and text[k - 1] in _HYPHENS and text[k - 2].isalpha():
                while s < e and not text[s].isspace():
                    s += 1  # (the rest of the broken word)
                while s < e and text[s].isspace():
                    s += 1
        if e < len(text) and text[e] in _HYPHENS and e > s and text[e - 1].isalpha() \
                and _at_line_end(text, e + 1):
            while e > s and not text[e - 1].isspace():
                e -= 1  # (the broken word's first half)
            while e > s and text[e - 1].isspace():
                e -= 1
        if (s, e) == (c.start, c.end):
            out.append(c)
            continue
        kept = text[s:e].split()
        if len(kept) < 2:
            if trace is not None and trace.on:
                trace.add(c.start, c.end, text[c.start:c.end], "latin", c.lang, c.score, False,
                          "a word broken across lines by a hyphen is most of it")
            continue
        c.start, c.end = s, e
        out.append(c)
    return out
