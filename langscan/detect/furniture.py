"""Page furniture: the short lines a page's template puts around its text.

- ``repeated_line``: a short line repeated as a line of its own through the text ("Photo" under every
  picture, "Advertisement" between articles);
- ``foreign_ui_lines``: short UI strings of another language in a menu or sidebar block ("Search" and
  "User" in a French page's header, "Entries RSS | Comments RSS" on an Indonesian blog).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from .. import lexicon
from ..evidence import holds_non_words
from ..finding import Kind
from ..languages import same_family, script_of_lang
from ..lid import data_rows
from . import tuning
from .candidate import Candidate
from .latin_common import Taken, lexicon_code, lines_holding
from .menus import is_language_name, is_place_name
from .setup import Setup
from .text import extend_punct, words

def repeated_line(st: Setup, text, ls, le, line_words, hints, trace, repeats: int) -> Candidate | None:
    """A short line repeated as a line of its own through the text ("Photo" under every picture,
    "Advertisement" between articles) is the page's template: when every word of it is an everyday
    word of another language and more common there than in the expected one, it is that language's
    furniture, though each word alone is weak evidence (the expected lexicon holds web loans)."""
    raw = text[ls:le]
    line = raw.strip()
    if not line or repeats < tuning.REPEAT_MIN:
        return None
    langs = sorted(hints, key=lambda l: (-hints[l], l)) if hints else []
    if not langs:
        langs = [l for l, p in st.model.predict(line.lower(), k=2)
                 if not st.is_expected(l) and script_of_lang(l) == "Latin" and p >= tuning.MODEL_PROBE_MIN_P]
    for lang in langs[:tuning.MAX_HINT_LANGS]:
        code = lexicon_code(lang)
        lex = lexicon.load(code) if code in st.lexicons else None
        if lex is None:
            continue
        llrs = [max(lex.get(w, 0.0), lexicon.FLOOR) - max(st.expected_zipf(w), lexicon.FLOOR) for w in line_words]
        if not all(lex.get(w, 0.0) >= tuning.REPEAT_WORD_ZIPF and d >= tuning.REPEAT_WORD_LLR
                   for w, d in zip(line_words, llrs)):
            continue
        preds = st.model.predict(line.lower(), k=5)
        p_exp = sum(q for l, q in preds if st.is_expected(l))
        p_lang = sum(q for l, q in preds if same_family(l, lang))
        s = ls + (len(raw) - len(raw.lstrip()))
        score = min(tuning.SCORE_CAP, 0.5 + 0.5 * min(1.0, sum(llrs) / (tuning.EVIDENCE_SCALE * st.min_llr)))
        # the model must hear the language too ("digg", a share button, is no Norwegian)
        flagged = p_exp < tuning.MODEL_HEARS_EXPECTED and p_lang >= tuning.MODEL_UNSURE and score >= st.threshold
        if trace.on:
            trace.add(s, s + len(line), line, "latin", lang, score, flagged,
                      f"a line repeated through the text, every word everyday {lang} (evidence "
                      f"{sum(llrs):.1f}); model hears {lang} {p_lang:.2f}, the expected language {p_exp:.2f}")
        if flagged:
            return Candidate(Kind.LATIN, s, s + len(line), lang, "Latin", score)
        return None
    return None

def site_sections(st: Setup, text: str, repeated: list[Candidate], cands: list[Candidate], trace) -> set[int]:
    """The ids of the ``repeated`` line candidates that stand in a menu the page repeats whose items are mostly
    in the expected language ("Next" among Libération's "Culture", "Idées", "Politique" in its header and
    footer): the site's name for a section, not furniture of another language ("Photo" between varying
    headlines is). ``cands``: every candidate of the text (found items of the other language count for it)."""
    drop: set[int] = set()
    counts = _line_counts(text)
    index = _Found(cands)
    for c in repeated:
        ls = text.rfind("\n", 0, c.start) + 1
        le = text.find("\n", c.end)
        le = len(text) if le == -1 else le
        foreign, expected, _ = _local_votes(st, text, ls, le, c.start, c.lang, index, repeated=counts, skip=c)
        if expected > foreign:
            drop.add(id(c))
            if trace.on:
                trace.add(c.start, c.end, text[c.start:c.end], "latin", c.lang, c.score, False,
                          f"a repeated line standing among {expected} repeated item(s) of the expected language "
                          f"({foreign} of {c.lang}): the site's name for a section")
    return drop


def whole_line_count(folded: str, content: str, counts: WholeLines | None = None) -> int:
    """How many lines of the folded text hold ``content`` and nothing else (up to REPEAT_MIN)?

    ``counts``: ``whole_line_counts(folded)``, kept by a caller that asks about many lines (one dict look-up
    each instead of a search through the text); without it, the text is searched."""
    if counts is not None and content and content == content.strip() and "\n" not in content:
        return min(counts.count(content), tuning.REPEAT_MIN)
    n, pos, found = len(folded), folded.find(content), 0
    while pos != -1 and found < tuning.REPEAT_MIN:
        end = pos + len(content)
        ls = folded.rfind("\n", 0, pos) + 1
        le = folded.find("\n", end)
        le = n if le == -1 else le
        if not folded[ls:pos].strip() and not folded[end:le].strip():
            found += 1
        pos = folded.find(content, le)
    return found


class WholeLines:
    """How often each line of a folded text, stripped, stands in it, for ``whole_line_count``: a line holding a
    stripped, non-empty ``content`` and nothing else is a line that strips to it (the search looks at the
    first place ``content`` stands in each line, which is that one when the line strips to it).

    Counted when first asked, only the lines no longer than the longest content asked so far (a short line's
    content is what is asked about; the count is made again, for longer lines, if a longer one is asked)."""

    __slots__ = ("folded", "limit", "counts")

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.limit = -1
        self.counts: Counter = Counter()

    def count(self, content: str) -> int:
        if len(content) > self.limit:
            self.limit = max(len(content), 2 * self.limit, 64)
            limit = self.limit
            self.counts = Counter(line for line in map(str.strip, self.folded.split("\n")) if len(line) <= limit)
        return self.counts[content]


def whole_line_counts(folded: str) -> WholeLines:
    """The whole-line counts of ``folded`` for ``whole_line_count`` (made when first asked)."""
    return WholeLines(folded)


# ------------------------------------------------------------------ short UI lines of another language
# "Search" and "User" in a French page's header, "World / Politics / Business" in the English section menu of
# a Spanish page, "Entries RSS | Comments RSS" on an Indonesian blog: one to three words, often capitalised
# as UI strings are, too little word evidence for the span decision (word_evidence.decide). Judged as
# furniture instead, an item (a line of its own, or a part of a line split by menu separators) is found when
#
# - every word of it is an everyday word of one other language F (Zipf >= UI_WORD_ZIPF there), more common
#   there than in the expected language or shared by both ("blog"), together UI_LINE_LLR more common
#   (acronyms such as "RSS" are neutral; a number makes it a label or a category count, "Top 10",
#   "Liberal (3)"; language and country names are names);
# - fastText, reading it lowercased, does not hear the expected language and hears F at least a little (one
#   or two words are too few for a model to name a language surely: the lexicons carry the evidence);
# - it sits in F's furniture: every item of its menu row passes as F; or the block of short lines around it
#   (UI_WINDOW non-blank lines either side, up to the nearest prose) holds more items of F than items of the
#   expected language, and what follows it is not prose (a heading over an article is a title or a column's
#   name: "Modern Love", "Skin Deep"); or it is a phrase of several words the page repeats as a line of its
#   own, on a page where another short line of F was found ("Take Our Poll" twice in an Indonesian blog's
#   sidebar, beside "Entries feed" and "Share this").
#
# A section with an English name among a French site's French sections ("Next", "Food" on Libération) is
# the site's name for it, and stays unflagged; so do titles and names in prose, which this never reads.

# (leading blanks only from where their run starts: from every place of a long run, ``[ \t]*`` read the rest of
# it again, quadratic)
_ITEM_SPLIT = re.compile(r"(?:(?<![ \t\u00a0])[ \t\u00a0]+)?[|•·][ \t\u00a0]*|\t+")
_TRAIL = " \t\u00a0:.!?…"


def line_items(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    """The items of the line ``text[ls:le]`` split at menu separators, trimmed, non-empty."""
    out = []
    pos = ls
    for m in list(_ITEM_SPLIT.finditer(text, ls, le)) + [None]:
        end = le if m is None else m.start()
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        if m is not None:
            pos = m.end()
    return out


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


_PERSON_NAMES: frozenset[str] | None = None


def person_names() -> frozenset[str]:
    """Given names and family names in the Latin script, casefolded (``models/person-names.txt``, from Faker)."""
    global _PERSON_NAMES
    if _PERSON_NAMES is None:
        _PERSON_NAMES = frozenset(row[0].casefold() for row in data_rows("person-names.txt") if row)
    return _PERSON_NAMES


def item_evidence(st, text: str, s: int, e: int) -> list[tuple[str, float]]:
    """(language, summed evidence), best first, of the other languages in which every word of the item is an
    everyday word, more common there than in the expected language or shared with it ("blog" in "Archives
    du blog": everyday in both, at most UI_SHARED_MARGIN more common in the expected one; one word at least
    must not be shared); [] for none, or when the item is too long, holds a number ("Top 10", "Liberal (3)":
    a label or a category count), is single letters, or is a language or country name or a person's name."""
    frag = text[s:e]
    if any(c.isdigit() for c in frag) or holds_non_words(frag):
        return []  # (a number; an option such as "--add-once", code, a path)
    toks = list(words(frag, s))
    if not toks or len(toks) > tuning.UI_MAX_WORDS:
        return []
    content = [_norm(w) for _, _, w in toks if not (w.isupper() and len(w) > 1)]  # acronyms ("RSS") are neutral
    if not content or all(len(w) < 2 for w in content) or sum(len(w) for w in content) < tuning.MIN_SPAN_LETTERS:
        return []  # ("à" may stand in "Inscription à", not alone)
    if is_language_name(frag) or is_place_name(frag):
        return []  # a language menu item (menus.py) or a country: names
    if len(toks) >= 2 and all(w[:1].isupper() for _, _, w in toks) and \
            all(_norm(w) in person_names() for _, _, w in toks):
        return []  # a person's name ("Juan Carlos Pérez" in a list of people: every word everyday Spanish too)
    index = st.everyday_index
    votes: dict[str, int] = {}
    for w in content:
        langs = index.get(w) or index.get(w.replace("'", "’"))
        for lang in langs.split(",") if langs else ():
            if not st.is_expected(lang):
                votes[lang] = votes.get(lang, 0) + 1
    out: list[tuple[str, float]] = []
    for lang in sorted(votes, key=lambda l: (-votes[l], l)):
        if votes[lang] < len(content):
            break  # not every word is everyday in it
        lex = _lex(st, lang)
        if lex is None:
            continue
        llr = 0.0
        own = False  # a word of the language, not one it shares with the expected one
        for w in content:
            fz = lex.get(w, 0.0)
            d = fz - max(st.expected_zipf(w), lexicon.FLOOR)
            if fz < tuning.UI_WORD_ZIPF or d < -tuning.UI_SHARED_MARGIN:
                break
            own = own or d > tuning.UI_SHARED_MARGIN
            llr += min(max(d, 0.0), tuning.WORD_SCORE_CAP)
        else:
            if own and llr >= tuning.UI_LINE_LLR:
                out.append((lang, llr))
    return sorted(out, key=lambda x: (-x[1], x[0]))


def _lex(st, lang: str):
    code = lexicon_code(lang)
    return lexicon.load(code) if code in st.lexicons else None


def _expected_item(st, text: str, s: int, e: int, lang: str) -> bool:
    """Does the item hold a word of the expected language, common there and clearly more common than in
    ``lang`` ("Politique", "Diskusi", "Síguenos")?"""
    lex = _lex(st, lang) or {}
    for _, _, w in words(text[s:e], s):
        w = _norm(w)
        z = st.expected_zipf(w)
        if z >= tuning.UI_EXPECTED_ZIPF and z - max(lex.get(w, 0.0), lexicon.FLOOR) >= tuning.UI_EXPECTED_MARGIN:
            return True
    return False


def _model_hears(st, preds, lang: str) -> tuple[bool, float, float]:
    """(agrees, p of ``lang``'s family, p of the expected languages) from fastText's ``preds``."""
    p_exp = sum(q for l, q in preds if st.is_expected(l))
    p_lang = sum(q for l, q in preds if same_family(l, lang))
    return p_exp < tuning.MODEL_HEARS_EXPECTED and p_lang >= tuning.UI_MODEL_MIN_P, p_lang, p_exp


def _short_line(text: str, ls: int, le: int) -> bool:
    """A line of menu items (none longer than a menu item), not prose."""
    items = line_items(text, ls, le)
    return bool(items) and all(sum(1 for _ in words(text[s:e], 0)) <= tuning.MENU_ITEM_MAX_WORDS for s, e in items)


def neighbour_lines(text: str, ls: int, le: int, step: int, n: int, memo: dict | None) -> list[tuple[int, int]]:
    """Up to ``n`` non-blank lines before (step -1) or after (step 1) the line ``ls:le``, stopping at a line
    of prose, which is marked (-1, -1) in its place. ``memo``: line text -> is it a line of items; None
    takes any line, prose or not."""
    out: list[tuple[int, int]] = []
    pos = ls if step < 0 else le
    looked = 0
    while len(out) < n and looked < tuning.UI_LOOK_LINES:
        looked += 1
        if step < 0:
            if pos <= 0:
                break
            e = pos - 1
            s = text.rfind("\n", 0, e) + 1
            pos = s
        else:
            if pos >= len(text):
                break
            s = pos + 1
            e = text.find("\n", s)
            e = len(text) if e == -1 else e
            pos = e
        line = text[s:e]
        if not line.strip():
            continue
        if memo is None:
            out.append((s, e))
            continue
        short = memo.get(line)
        if short is None:
            short = memo[line] = _short_line(text, s, e)
        if not short:
            out.append((-1, -1))
            break
        out.append((s, e))
    return out


class _Found:
    """The Latin candidates found so far, by start, to ask which of them overlap an item (bisection); and
    what was learnt of the lines and items around them (pages repeat their menus: each is judged once)."""

    __slots__ = ("cands", "starts", "short", "votes", "lines", "anchors", "evidence", "heard")

    def __init__(self, cands: list[Candidate]) -> None:
        self.cands = sorted((c for c in cands if c.kind is Kind.LATIN), key=lambda c: c.start)
        self.starts = [c.start for c in self.cands]
        self.short: dict[str, bool] = {}  # line -> a line of menu items
        self.votes: dict[tuple[str, str], int] = {}  # (item, language) -> 1 of it, -1 expected, 0 neither
        self.lines: Counter | None = None  # how often each line stands in the text (made when first asked)
        self.anchors: list[tuple[str, str]] | None = None  # (lang, text) of the candidates that are lines
        self.evidence: dict[str, list[tuple[str, float]]] = {}  # item -> item_evidence
        self.heard: dict[str, tuple] = {}  # item -> (language, evidence, model agrees, p of it, p expected)

    def of_lang(self, s: int, e: int, lang: str, skip: Candidate | None = None) -> bool:
        """Does a candidate of ``lang``'s family (not ``skip``) overlap ``s:e``? (Candidates do not overlap
        each other, so the few starting just before ``e`` are the only ones to look at.)"""
        k = bisect_left(self.starts, e) - 1
        for c in self.cands[max(0, k - 2):k + 1]:
            if c is not skip and c.start < e and s < c.end and same_family(c.lang, lang):
                return True
        return False


def _line_counts(text: str) -> Counter:
    """How often each line (stripped) stands in the text: one pass, for the repeated-menu test."""
    return Counter(line.strip() for line in text.split("\n"))


def _local_votes(st, text: str, ls: int, le: int, s0: int, lang: str, found: _Found,
                 repeated: Counter | None = None, skip: Candidate | None = None) -> tuple[int, int, bool]:
    """(items of ``lang`` around the item at ``s0``, items of the expected language there, whether the next
    non-blank line is a line of items): the menu or sidebar block the item sits in. ``repeated`` (the text's
    line counts): count only the items the page repeats as lines of their own (the rest of a repeated menu)."""
    before = neighbour_lines(text, ls, le, -1, tuning.UI_WINDOW, found.short)
    after = neighbour_lines(text, ls, le, 1, tuning.UI_WINDOW, found.short)
    next_short = not after or after[0] != (-1, -1)
    foreign = expected = 0
    spans = [(ls, le)] + [x for x in before + after if x[0] >= 0]
    for a, b in spans:
        for s, e in line_items(text, a, b):
            if s == s0 or (repeated is not None and repeated[text[s:e]] < 2):
                continue
            if found.of_lang(s, e, lang, skip):
                foreign += 1
                continue
            key = (text[s:e], lang)
            vote = found.votes.get(key)
            if vote is None:
                if any(same_family(l, lang) for l, _ in item_evidence(st, text, s, e)):
                    vote = 1
                elif not is_language_name(text[s:e]) and _expected_item(st, text, s, e, lang):
                    vote = -1  # (a language menu's items say nothing of the block's language)
                else:
                    vote = 0
                found.votes[key] = vote
            foreign += vote == 1
            expected += vote == -1
    return foreign, expected, next_short


def _repeated_with_anchor(text: str, frag: str, lang: str, found: _Found) -> bool:
    """Is ``frag`` a line of its own at least UI_REPEAT_MIN times in the text, and does the text hold another
    candidate of ``lang``'s family that is a short line of its own (not a language name) with another text?"""
    if found.lines is None:
        found.lines = _line_counts(text)
    if found.lines[frag.strip()] < tuning.UI_REPEAT_MIN:
        return False
    if found.anchors is None:
        found.anchors = []
        for c in found.cands:
            ls = text.rfind("\n", 0, c.start) + 1
            le = text.find("\n", c.end)
            line = text[ls:len(text) if le == -1 else le].strip().rstrip(_TRAIL)
            got = text[c.start:c.end].rstrip(_TRAIL)
            if c.context != "menu" and line == got and sum(1 for _ in words(got, 0)) <= tuning.BOILERPLATE_MAX_WORDS:
                found.anchors.append((c.lang, got.lower()))
    key = frag.strip().rstrip(_TRAIL).lower()
    return any(same_family(l, lang) and t != key for l, t in found.anchors)


def _neighbour_item_lang(st, text: str, s: int, e: int, lang: str) -> float:
    """Evidence that the item ``s:e`` is made of words of ``lang``'s lexicon (at least UI_GROW_ZIPF there) that
    the expected language's lexicon does not hold at all (the words the screen passes as unknown), else 0."""
    frag = text[s:e]
    if any(c.isdigit() for c in frag) or is_language_name(frag) or is_place_name(frag):
        return 0.0
    toks = [_norm(w) for _, _, w in words(frag, s)]
    lex = _lex(st, lang)
    if not toks or len(toks) > tuning.UI_MAX_WORDS or lex is None or sum(len(w) for w in toks) < tuning.MIN_SPAN_LETTERS:
        return 0.0
    llr = 0.0
    for w in toks:
        fz = lex.get(w, 0.0)
        if fz < tuning.UI_GROW_ZIPF or w in st.known:
            return 0.0
        llr += min(fz - lexicon.FLOOR, tuning.WORD_SCORE_CAP)
    return llr


def _grow(st, text: str, index: "_Found", seeds: list[Candidate], taken, trace, neighbour, judge) -> list[Candidate]:
    """Candidates grown line by line from each seed that is a line of its own: ``neighbour(ls, le, step)``
    gives the next item (start, end) before (-1) or after (1) the line, or None; ``judge(seed, s, e)`` gives
    (score, why) when the item is of the seed's language, else None. A grown item grows in turn."""
    out: list[Candidate] = []
    seen: set[int] = set()
    work = list(seeds)
    while work:
        c = work.pop()
        ls = text.rfind("\n", 0, c.start) + 1
        le = text.find("\n", c.end)
        le = len(text) if le == -1 else le
        if text[ls:le].strip().rstrip(_TRAIL) != text[c.start:c.end].strip().rstrip(_TRAIL):
            continue  # only a line of its own grows
        for step in (-1, 1):
            got = neighbour(ls, le, step)
            if got is None:
                continue
            s, e = got
            if s in seen or index.of_lang(s, e, c.lang) or taken.any_within(s, e) or taken.covers(s):
                continue
            verdict = judge(c, s, e)
            if verdict is None:
                continue
            seen.add(s)
            score, why = verdict
            end = extend_punct(text, e)
            new = Candidate(Kind.LATIN, s, end, c.lang, "Latin", max(score, st.threshold))
            if trace.on:
                trace.add(s, end, text[s:end], "latin", c.lang, new.score, True, why)
            out.append(new)
            work.append(new)
    return out


def grow_furniture(st, text: str, cands: list[Candidate], taken, trace) -> list[Candidate]:
    """Items next to a short line of another language already found, in the same block ("Impressum" above
    "Datenschutz", "Kontakt" in a German footer): words of that language's lexicon that the expected language
    does not know at all, too rare to be everyday vocabulary (the screen passes them as unknown words, like a
    name). Grows line by line from each found line of its own, while the next line is such an item."""
    index = _Found(cands)

    def neighbour(ls: int, le: int, step: int) -> tuple[int, int] | None:
        got = neighbour_lines(text, ls, le, step, 1, index.short)
        if not got or got[0][0] < 0:
            return None
        items = line_items(text, *got[0])
        return items[0] if len(items) == 1 else None

    def judge(c: Candidate, s: int, e: int) -> tuple[float, str] | None:
        llr = _neighbour_item_lang(st, text, s, e, c.lang)
        if not llr:
            return None
        score = min(tuning.SCORE_CAP, 0.5 + 0.5 * min(1.0, llr / (tuning.EVIDENCE_SCALE * st.min_llr)))
        return score, (f"a line next to {c.lang} furniture, its words {c.lang} and not the expected language's "
                       f"(evidence {llr:.1f})")

    seeds = [c for c in index.cands if c.context != "menu"]
    return _grow(st, text, index, seeds, taken, trace, neighbour, judge)


# ------------------------------------------------------------------ lists of titles in another language
# "How to Bring Sick People to a Doctor in Indonesia" and "Curing Vertigo and Migraine with Hijama" found in an
# Indonesian blog's list of English post titles leave "How to Get Your Body Taller" between them: its words
# are title-cased, so the span decision takes them for a name. A title is no name when its words are
# everyday words of the language and the model hears that language in it. A line next to a found title
# (a line of its own of LIST_TITLE_MIN_WORDS words or more), of at most LIST_ITEM_MAX_WORDS words, is found
# too when at least LIST_OWN_SHARE of its words are everyday there (Zipf >= UI_WORD_ZIPF) and more common
# there than in the expected language, and fastText (lowercased) hears the language at least LIST_MODEL_MIN_P
# and the expected one below MODEL_HEARS_EXPECTED. It grows line by line while the next line is such a title.


def _title_line_lang(st, text: str, s: int, e: int, lang: str) -> float:
    """The share of the line's words that are everyday ``lang`` words more common there than in the expected
    language, when the line is a title of ``lang`` by the test above, else 0."""
    frag = text[s:e]
    toks = [_norm(w) for _, _, w in words(frag, s)]
    lex = _lex(st, lang)
    if lex is None or len(toks) < 2 or len(toks) > tuning.LIST_ITEM_MAX_WORDS or frag.rstrip().endswith((".", "!")):
        return 0.0  # (a sentence ends with its full stop; a title does not)
    own = sum(1 for w in toks if lex.get(w, 0.0) >= tuning.UI_WORD_ZIPF and lex.get(w, 0.0) > st.expected_zipf(w))
    share = own / len(toks)
    if share < tuning.LIST_OWN_SHARE:
        return 0.0
    ok, p_lang, _ = _model_hears(st, st.predict(frag.lower(), k=5), lang)
    return share if ok and p_lang >= tuning.LIST_MODEL_MIN_P else 0.0


def grow_title_lists(st, text: str, cands: list[Candidate], taken, trace) -> list[Candidate]:
    """Titles of another language next to a found one, line by line (see the comment above)."""
    index = _Found(cands)

    def neighbour(ls: int, le: int, step: int) -> tuple[int, int] | None:
        got = neighbour_lines(text, ls, le, step, 1, None)  # (any line: a title is no menu item)
        if not got:
            return None
        s, e = got[0]
        line = text[s:e]
        return s + len(line) - len(line.lstrip()), s + len(line.rstrip())

    def judge(c: Candidate, s: int, e: int) -> tuple[float, str] | None:
        share = _title_line_lang(st, text, s, e, c.lang)
        if not share:
            return None
        return min(c.score, tuning.SCORE_CAP), (f"a title next to a found {c.lang} title: {share:.0%} of its "
                                                f"words everyday {c.lang}, the model hears {c.lang}")

    seeds = [c for c in index.cands if c.context != "menu"
             and sum(1 for _ in words(text[c.start:c.end], 0)) >= tuning.LIST_TITLE_MIN_WORDS]
    return _grow(st, text, index, seeds, taken, trace, neighbour, judge)


def _grammar_phrase(st, frag: str, lang: str) -> bool:
    """Is the UI line a phrase of ``lang`` by its grammar: 2 to UI_MAX_WORDS words in sentence case, one a lowercase
    word far more common there than in the expected language (UI_GRAMMAR_MARGIN: "to" in "Skip to content",
    "for" in "Search for"), every word everyday there? A single word, or capitalised ones ("Digital Life"),
    may be a loanword or a name the expected language uses, and needs neighbours of its language."""
    toks = [w for _, _, w in words(frag, 0)]
    lex = _lex(st, lang)
    if lex is None or not 2 <= len(toks) <= tuning.UI_MAX_WORDS or not all(w.islower() for w in toks[1:]):
        return False  # (UI strings are in sentence case; names in title case: "Tour de France", "Sala y Gómez")
    if any(lex.get(w.lower(), 0.0) < tuning.UI_WORD_ZIPF for w in toks):
        return False
    return any(w.islower() and lex.get(w, 0.0) - st.expected_zipf(w) >= tuning.UI_GRAMMAR_MARGIN for w in toks)


def _unheard_words(st, frag: str, lang: str) -> bool:
    """Does the expected language hardly know the UI line's words (each below UI_UNHEARD_ZIPF there)? A short
    word of the line's language far more common there (UI_GRAMMAR_MARGIN) is its grammar and does not count:
    "de" in "Aviso de Privacidad" is Spanish, though English names use it ("Tour de France" is known by "Tour").
    A line so joined that holds a personal name is a name."""
    lex = _lex(st, lang)
    toks = [_norm(w) for _, _, w in words(frag, 0)]
    rest = [w for w in toks if not (lex is not None and len(w) <= tuning.UI_GRAMMAR_WORD_MAX
                                    and lex.get(w, 0.0) - st.expected_zipf(w) >= tuning.UI_GRAMMAR_MARGIN)]
    if len(rest) < len(toks) and any(w in person_names() for w in rest):
        return False  # (a name joined by a small word: "Sala y Gómez", an island named after a person)
    return bool(rest) and all(st.expected_zipf(w) < tuning.UI_UNHEARD_ZIPF for w in rest)


def foreign_ui_lines(st, text: str, lines: list[tuple[int, int]], cands: list[Candidate], taken,
                     trace) -> list[Candidate]:
    """Candidates for the short lines ``lines`` (start, end) that are another language's UI strings."""
    out: list[Candidate] = []
    covered = Taken(sorted((c.start, c.end) for c in cands))
    index = _Found(cands)
    for ls, le in lines:
        for s, e in line_items(text, ls, le):
            if taken.any_within(s, e) or taken.covers(s) or covered.any_within(s, e) or covered.covers(s):
                continue
            frag = text[s:e]
            ev = index.evidence.get(frag)
            if ev is None:
                ev = index.evidence[frag] = item_evidence(st, text, s, e)
            if not ev:
                continue
            # the language the model hears best among those the words fit (lowercased: UI strings are
            # capitalised, and fastText takes capitalised words for names)
            heard = index.heard.get(frag)
            if heard is None:
                preds = st.predict(frag.lower(), k=5)
                heard = index.heard[frag] = max(((l, v) + _model_hears(st, preds, l) for l, v in ev),
                                                key=lambda x: (x[2], x[3]))
            lang, llr, ok, p_lang, p_exp = heard
            why = f"model hears {lang} {p_lang:.2f}, the expected language {p_exp:.2f}"
            if ok:
                row = line_items(text, ls, le)
                if len(row) >= 2 and all(any(same_family(l, lang) for l, _ in item_evidence(st, text, a, b))
                                         for a, b in row):
                    why += f"; every item of its menu row is {lang}"
                elif len(row) == 1 and sum(1 for _ in words(frag, 0)) >= tuning.UI_REPEAT_MIN_WORDS \
                        and _repeated_with_anchor(text, frag, lang, index):
                    # a phrase of the template ("Take Our Poll" over each poll of an Indonesian blog) on a page
                    # carrying other lines of its language ("Entries feed", "Share this")
                    why += f"; a phrase the page repeats as a line of its own, beside other lines of {lang}"
                else:
                    foreign, expected, next_short = _local_votes(st, text, ls, le, s, lang, index)
                    why += f"; around it {foreign} item(s) of {lang}, {expected} of the expected language"
                    unheard = p_lang >= tuning.UI_UNHEARD_MODEL_P and _unheard_words(st, frag, lang)
                    # a phrase held together by a small word of its own language ("Skip to content") needs no
                    # neighbours of its language, but a short line after it: followed by prose, it may be a
                    # phrase the expected language borrowed ("en route", "de facto", "per se")
                    grammar = next_short and _grammar_phrase(st, frag, lang)
                    if foreign <= expected and not (unheard or grammar):
                        ok = False
                    elif not next_short and not unheard and (foreign < tuning.UI_MENU_END_FOREIGN or expected):
                        # prose follows: the end of a menu of the language, or a heading over an article (a
                        # column's or a work's name, "Modern Love" after a photo label)
                        ok, why = False, why + ", and prose follows it (a heading or a name, not a menu item)"
            score = min(tuning.SCORE_CAP, 0.5 + 0.5 * min(1.0, llr / (tuning.EVIDENCE_SCALE * st.min_llr)))
            flagged = ok and score >= st.threshold
            end = extend_punct(text, e)
            if trace.on:
                trace.add(s, end, text[s:end], "latin", lang, score, flagged,
                          f"a short UI line, every word everyday {lang} (evidence {llr:.1f}); {why}")
            if flagged:
                out.append(Candidate(Kind.LATIN, s, end, lang, "Latin", score))
    return out

