"""What the Latin-script stage's modules share: the token and proposal types, the spans already
taken by the script stage, quotation marks, the questions every module asks (which shipped lexicon
stands for a language, what lingua hears in a fragment, which lines hold given words), and the stage's
last step, the language each candidate is reported as (``relabel``)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .. import lexicon
from ..evidence import mask_non_words
from ..finding import Kind
from . import tuning
from .screen import lines_holding_any, shared_lines
from .setup import Setup
from .text import fold, lines, words


@dataclass(slots=True)
class Token:
    start: int
    end: int
    word: str
    lower: str
    case: str
    initial: bool  # first word of its unit: capitalisation says nothing there


@dataclass(slots=True)
class Proposal:
    """Tokens ``i:j`` of a line scored ``llr`` for ``lang`` (``scores``: every token's score)."""

    i: int
    j: int
    llr: float
    lang: str
    scores: list


class Taken:
    """Spans the script stage already reported, sorted, with their starts kept for bisection."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def covers(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.spans[k][1]

    def any_within(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, start)
        return k < len(self.starts) and self.starts[k] < end


QUOTE_CHARS = "“\"„«"
QUOTED = re.compile(r"[“\"„«]([^“”\"„«»\n]{2,200}?)[”\"“»]")


def capitalises_nouns(langs: str, setup: Setup) -> bool:
    """Is one of these (comma-separated) languages, not an expected one, written with capitalised
    everyday words (German nouns, English title-case UI strings)?"""
    return any(l in tuning.NOUNS_CAPITALISED and not setup.is_expected(l) for l in langs.split(",")) \
        if langs else False


def lexicon_code(lang: str) -> str:
    """The shipped lexicon that stands for ``lang`` (Norwegian variants, Serbo-Croatian, Filipino)."""
    return {"nn": "no", "nb": "no", "sh": "hr", "bs": "hr", "sr": "hr", "fil": "tl"}.get(lang, lang)




def foreign_lexicon(st: Setup, lang: str) -> dict[str, float] | None:
    """The shipped lexicon of ``lang`` (word -> Zipf frequency), or None when none is shipped."""
    code = lexicon_code(lang)
    return lexicon.load(code) if code in st.lexicons else None


def lingua_verdict(st, frag: str) -> tuple[list[tuple[str, float]], float] | None:
    """lingua on ``frag``: (its languages, best first, with their confidence; the confidence it gives the
    expected languages together), or None when it names nothing."""
    from .lingua_evidence import languages_of

    preds = languages_of(frag, k=100)
    if not preds:
        return None
    return preds, sum(q for l, q in preds if st.is_expected(l))


def lines_holding(folded: str, text: str, words: set[str], strong: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, folded line) of the lines of ``text`` holding two suspect words, or one strong one.

    A few str.find calls per suspect word instead of a Python step per line:
    most lines of a document hold no suspect at all, and most of the rest
    hold a single name.
    """
    n = len(folded)
    if n != len(text) or len(words) * n > 400_000:
        # lowercasing changed the length (rare letters such as U+0130), or many suspects in a long
        # text: one split per line is then the better deal
        if n != len(text):
            spans = lines(text)
            return [(ls, le, fl) for (ls, le), fl in zip(spans, folded.split("\n"))
                    if not words.isdisjoint(fl.split())]
        return lines_holding_any(folded, text, words)
    hits: list[tuple[int, int]] = []
    find = folded.find
    for w in words:
        k = len(w)
        weight = 2 if w in strong else 1
        i = find(w)
        while i != -1:
            if (i == 0 or folded[i - 1] in " \t\n\r") and (i + k == n or folded[i + k] in " \t\n\r"):
                hits.append((i, weight))
            i = find(w, i + k)
    hits.sort()
    out: list[tuple[int, int, str]] = []
    idx = 0
    while idx < len(hits):
        pos = hits[idx][0]
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        weight = 0
        while idx < len(hits) and hits[idx][0] < end:
            weight += hits[idx][1]
            idx += 1
        if weight >= 2:
            ls = text.rfind("\n", 0, pos) + 1
            le = end - 1 if end > ls and text[end - 1] == "\r" else end
            out.append((ls, le, folded[ls:le]))
    return out


def short_lines_holding(folded: str, text: str, words: set[str], max_words: int) -> list[tuple[int, int]]:
    """(start, end) of the lines of at most ``max_words`` words holding any of ``words``, in one pass over the
    lines (a split each) rather than a search per word: the furniture readers ask this with every rare word of a
    text, most of which stand in its long lines. Within the Latin stage the pass is the one ``share_lines``
    makes for all its readers (``screen.shared_lines``)."""
    if len(folded) != len(text):  # (lowercasing changed the length: the lines are found from the text's own)
        return [(ls, le) for ls, le, fl in lines_holding(folded, text, words, words)
                if len(fl.split()) <= max_words]
    isdisjoint = words.isdisjoint
    shared = shared_lines(folded, text, words)
    if shared is not None:
        return [(s, e) for s, e, _, held, k in shared if k <= max_words and not isdisjoint(held)]
    out: list[tuple[int, int]] = []
    pos = 0
    for fl in folded.split("\n"):
        n = len(fl)
        if n:
            held = fl.split()
            if len(held) <= max_words and held and not isdisjoint(held):
                end = pos + n
                out.append((pos, end - 1 if text[end - 1] == "\r" else end))
        pos += n + 1
    return out


def label_by_words(st: Setup, lowered: list[str], lang: str, fasttext_lang: "str | None") -> str:
    """The language to report for a foreign span found as ``lang`` that fastText hears as ``fasttext_lang``.

    lingua's quick models misname plain English often ("The file descriptors": Latin 0.97, "exit status of a
    function": Latin 0.99) where fastText, unsure by its own bar, named it right. The words settle it: when every
    word of the span is in fastText's language's shipped lexicon (one may be missing from a span of
    LABEL_ONE_UNKNOWN_FROM words: "hexdump"), LABEL_KNOWN_SHARE of them at LABEL_KNOWN_ZIPF or more (everyday
    words, not the rare foreign words every web list holds), LABEL_LONG_WORDS of them longer than
    LABEL_SHORT_LETTERS letters, and they are, together, more common there than in ``lang`` (LABEL_MARGIN a word; a
    language with no lexicon counts nothing), fastText's language is reported. Only the label changes; whether
    the span is foreign is decided before."""
    if fasttext_lang is None or fasttext_lang == lang or st.is_expected(fasttext_lang):
        return lang
    words = [w for w in lowered if w.isalpha()]
    if len(words) < tuning.LABEL_MIN_WORDS:
        return lang
    theirs = foreign_lexicon(st, fasttext_lang)
    if theirs is None:
        return lang
    there = [theirs.get(w, 0.0) for w in words]
    unknown = sum(1 for z in there if z <= 0.0)
    if unknown > (1 if len(words) >= tuning.LABEL_ONE_UNKNOWN_FROM else 0) \
            or sum(1 for z in there if z >= tuning.LABEL_KNOWN_ZIPF) < tuning.LABEL_KNOWN_SHARE * len(words) \
            or sum(1 for w in words if len(w) > tuning.LABEL_SHORT_LETTERS) < tuning.LABEL_LONG_WORDS:
        return lang  # (short words, "o ti lo", are everyday words of too many languages to tell)
    named = foreign_lexicon(st, lang)
    here = sum(named.get(w, 0.0) for w in words) if named is not None else 0.0
    return fasttext_lang if sum(there) >= here + tuning.LABEL_MARGIN * len(words) else lang


def relabel(st: Setup, text: str, cands: list) -> None:
    """Give each Latin candidate of the stage (menu items excepted: CLDR names their language) the language its
    words and fastText agree on, when that is not the one it was found as (``label_by_words``): the stage's
    steps name a span's language each their own way, lingua's quick models among them, and English left in a
    text of another language came out as Latin, Yoruba or Swedish. fastText, often unsure of technical English
    ("Display hexdump format output": en 0.06), only proposes: its languages ahead of the candidate's own, down to
    LABEL_RELABEL_MIN_P, are tried in turn, and the words decide. One fastText reading a candidate."""
    for c in cands:
        if c.kind is not Kind.LATIN or c.context == "menu":
            continue
        frag = text[c.start:c.end]
        lowered = None
        for lang, q in st.model.predict(frag, k=tuning.LABEL_RELABEL_TOP):
            if q < tuning.LABEL_RELABEL_MIN_P or lang == c.lang:
                break  # (fastText names the candidate's own language first, or nothing more it is not sure against)
            if st.is_expected(lang):
                continue
            if lowered is None:
                lowered = [w.lower() for _, _, w in words(mask_non_words(frag), 0)]
            named = label_by_words(st, lowered, c.lang, lang)
            if named != c.lang:
                c.lang = named
                break


def next_to_a_name(st: Setup, text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]``, one word standing as a line of its own, next to a line that is a name: the nearest
    non-blank line before or after it of at most UI_MAX_WORDS words (NAME_LINE_MAX_CHARS characters), every one
    capitalised, none an everyday word of any language we know nor common in the expected one
    (NAME_LINE_EXPECTED_ZIPF), and no UI string of a catalog? Then it is one name more in a list of names:
    "Minimo" under "Grendel" in a navbox of Mozilla's products, though it is an Italian word; "Impressum" under
    "Datenschutz" or "Contact" is a footer link."""
    n = len(text)
    # (alone on its line, looked for within a few characters: a long line costs nothing)
    lo = max(0, s - tuning.NAME_LINE_MAX_CHARS)
    a = text.rfind("\n", lo, s) + 1
    if a == 0 and lo > 0:
        return False
    b = text.find("\n", e, e + tuning.NAME_LINE_MAX_CHARS)
    if b == -1:
        if e + tuning.NAME_LINE_MAX_CHARS < n:
            return False
        b = n
    if text[a:s].strip() or text[e:b].strip(" \t\r.:"):
        return False
    k = a
    while k > 0 and text[k - 1].isspace():
        k -= 1
    window = max(0, k - tuning.NAME_LINE_MAX_CHARS - 1)
    prev = (text.rfind("\n", window, k) + 1 or (0 if window == 0 else k), k)  # (a longer line: not read)
    k = b
    while k < n and text[k].isspace():
        k += 1
    end = text.find("\n", k, k + tuning.NAME_LINE_MAX_CHARS + 1)
    nxt = (k, end if end != -1 else (n if n - k <= tuning.NAME_LINE_MAX_CHARS else k))
    return any(0 < hi - lo <= tuning.NAME_LINE_MAX_CHARS and _name_line(st, text[lo:hi]) for lo, hi in (prev, nxt))


def _name_line(st: Setup, line: str) -> bool:
    from .ui_foreign import held_by_catalogs  # (here: ui_foreign imports this module)

    toks = [w for _, _, w in words(line, 0)]
    if not toks or len(toks) > tuning.UI_MAX_WORDS or not all(w[:1].isupper() and w[1:].islower() for w in toks):
        return False
    index = st.everyday_index
    if any(index.get(w) or st.expected_zipf(w) >= tuning.NAME_LINE_EXPECTED_ZIPF for w in (t.lower() for t in toks)):
        return False
    return not held_by_catalogs(fold(line))
