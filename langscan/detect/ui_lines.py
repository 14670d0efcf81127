"""Short UI strings of another language: a page's furniture ("Take Our Poll", "Suche", "Entries RSS | Comments
RSS", "Search" on a French page, "World" in an English section menu on a Spanish one).

Such a line has too little word evidence for the span decision (one to three words, often capitalised as
UI strings are), so it is judged as furniture instead:

- it is a line of its own, or an item of a line split by menu separators (``|``, ``•``, ``·``, tabs), of at
  most ``UI_MAX_WORDS`` words;
- every word of it is an everyday word of one other language F (Zipf >= ``UI_WORD_ZIPF`` there) and at least
  as common there as in the expected language, and together they are ``UI_LINE_LLR`` more common in F
  (acronyms such as "RSS" are neutral, but one ordinary word at least is needed);
- fastText, reading it lowercased, does not hear the expected language in it and hears F at least a little
  (one or two words are too few for the model to name a language surely: the lexicons carry the evidence);
- the page shows it carries F's furniture: another short line of its own in F was already found there
  (not a language name, a different text), or a second line passing the tests above stands near it.

Names and titles of works stay unflagged: their words are rarer than everyday vocabulary ("Zerkalo dlya
geroya", "Miramar Hotel Hsinchu"); lines inside prose are never read here; a page with no furniture of F
gives no anchor; and the candidates still go through ``_drop_names_of_works`` ("The New York Times" recurs
inside the expected text).
"""

from __future__ import annotations

import re

from .. import lexicon
from ..finding import Kind
from ..languages import same_family
from . import tuning
from .candidate import Candidate
from .menus import is_language_name, is_place_name
from .text import extend_punct, words

_ITEM_SPLIT = re.compile(r"[ \t\u00a0]*[|•·][ \t\u00a0]*|\t+")
_TRAIL = " \t\u00a0:.!?…"


def _lexicon_code(lang: str) -> str:
    return {"nn": "no", "nb": "no", "sh": "hr", "bs": "hr", "sr": "hr", "fil": "tl"}.get(lang, lang)


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


def item_evidence(st, text: str, s: int, e: int) -> list[tuple[str, float]]:
    """(language, summed evidence), best first, of the other languages in which every word of the item is an
    everyday word, more common there than in the expected language; [] for none, or when the item is too long, a number in it ("Top 10",
    "Liberal (3)": a label or a category), a single letter, a language or country name."""
    frag = text[s:e]
    if any(c.isdigit() for c in frag):
        return []
    toks = list(words(frag, s))
    if not toks or len(toks) > tuning.UI_MAX_WORDS:
        return []
    content = [_norm(w) for _, _, w in toks if not (w.isupper() and len(w) > 1)]  # acronyms ("RSS") are neutral
    if not content or any(len(w) < 2 for w in content) or sum(len(w) for w in content) < tuning.MIN_SPAN_LETTERS:
        return []
    if is_language_name(frag) or is_place_name(frag):
        return []  # a language menu item (menus.py) or a country: names
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
        for w in content:
            fz = lex.get(w, 0.0)
            d = fz - max(st.expected_zipf(w), lexicon.FLOOR)
            if fz < tuning.UI_WORD_ZIPF or d < 0.0:
                break
            llr += min(d, tuning.WORD_SCORE_CAP)
        else:
            if llr >= tuning.UI_LINE_LLR:
                out.append((lang, llr))
    return sorted(out, key=lambda x: (-x[1], x[0]))


def _lex(st, lang: str):
    code = _lexicon_code(lang)
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


def model_agrees(st, item: str, lang: str) -> tuple[bool, float, float]:
    """(agrees, p of ``lang``'s family, p of the expected languages): fastText on the lowercased item."""
    preds = st.predict(item.lower(), k=5)
    p_exp = sum(q for l, q in preds if st.is_expected(l))
    p_lang = sum(q for l, q in preds if same_family(l, lang))
    return p_exp < tuning.MODEL_HEARS_EXPECTED and p_lang >= tuning.UI_MODEL_MIN_P, p_lang, p_exp


def _short_line(text: str, ls: int, le: int) -> bool:
    """A line of menu items (none longer than a menu item), not prose."""
    items = line_items(text, ls, le)
    return bool(items) and all(sum(1 for _ in words(text[s:e], 0)) <= tuning.MENU_ITEM_MAX_WORDS for s, e in items)


def _neighbour_lines(text: str, ls: int, le: int, step: int, n: int) -> list[tuple[int, int]]:
    """Up to ``n`` non-blank lines before (step -1) or after (step 1) the line ``ls:le``, stopping before a
    line of prose; the first non-blank line is returned even when it is prose, marked by (-1, -1) after it."""
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
        if not text[s:e].strip():
            continue
        if not _short_line(text, s, e):
            out.append((-1, -1))
            break
        out.append((s, e))
    return out


def _local_votes(st, text: str, ls: int, le: int, s0: int, lang: str, cands: list[Candidate]) -> tuple[int, int, bool]:
    """(items of ``lang`` around the item at ``s0``, items of the expected language there, whether the next
    non-blank line is a line of items): the menu or sidebar block the item sits in."""
    before = _neighbour_lines(text, ls, le, -1, tuning.UI_WINDOW)
    after = _neighbour_lines(text, ls, le, 1, tuning.UI_WINDOW)
    next_short = not after or after[0] != (-1, -1)
    foreign = expected = 0
    spans = [(ls, le)] + [x for x in before + after if x[0] >= 0]
    for a, b in spans:
        for s, e in line_items(text, a, b):
            if s == s0:
                continue
            if any(c.kind is Kind.LATIN and same_family(c.lang, lang) and c.start < e and s < c.end for c in cands):
                foreign += 1
                continue
            if any(same_family(l, lang) for l, _ in item_evidence(st, text, s, e)):
                foreign += 1
            elif not is_language_name(text[s:e]) and _expected_item(st, text, s, e, lang):
                expected += 1  # (a language menu's items say nothing of the block's language)
    return foreign, expected, next_short


def foreign_ui_lines(st, text: str, lines: list[tuple[int, int]], cands: list[Candidate], taken,
                     trace) -> list[Candidate]:
    """Candidates for the short lines ``lines`` (start, end) that are another language's UI strings."""
    out: list[Candidate] = []
    covered = sorted((c.start, c.end) for c in cands)
    for ls, le in lines:
        for s, e in line_items(text, ls, le):
            if taken.any_within(s, e) or taken.covers(s) or any(a < e and s < b for a, b in covered):
                continue
            ev = item_evidence(st, text, s, e)
            if not ev:
                continue
            frag = text[s:e]
            # the language the model hears best among those the words fit
            lang, llr, ok, p_lang, p_exp = max(((l, v) + model_agrees(st, frag, l) for l, v in ev),
                                               key=lambda x: (x[2], x[3]))
            why = f"model hears {lang} {p_lang:.2f}, the expected language {p_exp:.2f}"
            if ok:
                row = line_items(text, ls, le)
                if len(row) >= 2 and all(any(same_family(l, lang) for l, _ in item_evidence(st, text, a, b))
                                         for a, b in row):
                    why += f"; every item of its menu row is {lang}"
                else:
                    foreign, expected, next_short = _local_votes(st, text, ls, le, s, lang, cands)
                    why += f"; around it {foreign} item(s) of {lang}, {expected} of the expected language"
                    if not next_short:
                        ok, why = False, why + ", and prose follows it (a heading or a name, not a menu item)"
                    elif foreign <= expected:
                        ok = False
            score = min(tuning.SCORE_CAP, 0.5 + 0.5 * min(1.0, llr / (tuning.EVIDENCE_SCALE * st.min_llr)))
            flagged = ok and score >= st.threshold
            end = extend_punct(text, e)
            if trace.on:
                trace.add(s, end, text[s:end], "latin", lang, score, flagged,
                          f"a short UI line, every word everyday {lang} (evidence {llr:.1f}); {why}")
            if flagged:
                out.append(Candidate(Kind.LATIN, s, end, lang, "Latin", score))
    return out
