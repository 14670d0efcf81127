"""Intended foreign text: names of works, titles, the page's own terms, tag clouds and glosses are
not stray fragments.  ``drop_names_of_works`` drops them (or marks glosses) after the decisions."""

from __future__ import annotations

import re

from .. import lexicon
from ..finding import Kind
from . import tuning
from .candidate import Candidate
from .latin_common import QUOTE_CHARS, QUOTED, Taken, lexicon_code
from .screen import PLACES_BATCH_FROM, places, places_of
from .setup import Setup
from .text import MENU, keyword_list, words

# (a retrieval note names its date: "Retrieved 2007-10-12", "accessed on 3 May 2020"; "Accessed by the
# firmware" is prose)
_CITATION = re.compile(r"^\s*\^|\bArchived from\b|\b(?:Retrieved|Accessed)(?: on)? (?:\d|(?:Jan|Feb|Mar|Apr|May|"
                       r"Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)|\bISBN\b|\bdoi:", re.IGNORECASE)
# the title of a cited work follows its entry's year in brackets: "Müller, H. (2004). Die Geschichte der ..."
_TITLE_AFTER_YEAR = re.compile(r"\((?:1[5-9]|20)\d\d[a-z]?\)[.:,]\s*[\"'“‘«„]?$")
_TAG_LIST_MIN_COMMAS = 4
_BRACKETED = re.compile(r"\(([^()\n]{1,40})\)")
_DETAILS = re.compile(r"\s\(([^()\n]{1,40})\)?[.,;:]?\s*$")  # a bracketed group closing the candidate (its ")"
# may lie outside it)


def drop_names_of_works(st: Setup, text: str, cands: list[Candidate], trace) -> list[Candidate]:
    """Drop the Latin candidates that are names, titles or the page's own terms, not stray text:

    - a quoted title in a reference entry, or a title right after the entry's year in brackets (a cited
      work keeps its own language);
    - a quoted phrase of capitalised words only ("«Eins Zwei Drei», le clown"): a title or a name;
    - an item of a comma-separated keyword list (a tag cloud) that is not the whole line;
    - a short phrase that recurs in the text inside a line of the expected language ("the 2000
      Swedish film Naken", "Notícias da Stock Car"): the page's own name or loanword.
    Menu candidates are kept.  Costs a few line look-ups per candidate, and one search through the text
    per phrase the short candidates open with (the places found are shared by the candidates opening with it).
    """
    out = []
    # the text in lowercase, made once when a recurrence is looked for, then the places of each phrase in it,
    # then whether each (phrase, language) recurs
    lowered: list = []
    taken = Taken(sorted((c.start, c.end) for c in cands))
    if len(cands) >= PLACES_BATCH_FROM:
        # many candidates: the places of every phrase they may ask about are found together, in one pass
        phrases = {_phrase(text, c) for c in cands if c.kind is Kind.LATIN and c.context != "menu"} - {""}
        if len(phrases) >= PLACES_BATCH_FROM:
            low = text.lower()
            lowered += [low, places_of(low, phrases, tuning.RECUR_MAX_LOOKS) if len(low) == len(text) else {}]
    for c in cands:
        if c.kind is not Kind.LATIN or c.context == "menu":
            out.append(c)
            continue
        reason = intended(st, text, c, taken, lowered)
        if reason is None:
            out.append(c)
        elif reason.startswith("gloss:"):
            c.context = "gloss"  # text about a language: reported only when glosses are asked for
            out.append(c)
        elif trace.on:
            trace.add(c.start, c.end, text[c.start:c.end], "latin", c.lang, c.score, False, reason)
    return out


def intended(st: Setup, text: str, c: Candidate, taken: Taken, lowered: list[str]) -> str | None:
    # the candidate's line, at most CONTEXT_WINDOW characters either side (bounded work on long lines)
    ls = max(text.rfind("\n", 0, c.start) + 1, c.start - tuning.CONTEXT_WINDOW)
    le = text.find("\n", c.end)
    le = min(len(text) if le == -1 else le, c.end + tuning.CONTEXT_WINDOW)
    line = text[ls:le]
    frag = text[c.start:c.end]
    b = text[c.start - 1] if c.start > ls else ""
    quoted = bool(b) and b in QUOTE_CHARS + "'‘‹"
    if _CITATION.search(line) and (quoted or any(m.start(1) <= c.start - ls and c.end - ls <= m.end(1)
                                                 for m in QUOTED.finditer(line))):
        return "a quoted title in a reference entry: the name of a cited work"
    if _TITLE_AFTER_YEAR.search(line, 0, c.start - ls):
        return "a title after its reference entry's year, 'Author (2004). Title.': the name of a cited work"
    toks = [w for _, _, w in words(frag, 0)]
    if quoted and 1 <= len(toks) <= tuning.TITLE_MAX_WORDS and all(w[:1].isupper() for w in toks):
        return "a quoted phrase of capitalised words: a title or a name"
    rest = [w for _, _, w in words(line[:c.start - ls] + " " + line[c.end - ls:], 0)]
    if len(toks) >= tuning.TITLE_MIN_WORDS and len(rest) >= tuning.TITLE_PROSE_WORDS and not MENU.search(line) \
            and all(w[:1].isupper() for w in toks if len(w) >= tuning.TITLE_CONTENT_LETTERS) \
            and sum(1 for w in toks if w[:1].isupper()) >= 2 * sum(1 for w in toks if w[:1].islower()):
        return "a title-case phrase inside a line: the title of a work or a name"
    if _title_of_work(text, c, toks, rest, line, ls):
        return "a title in title case inside a line of another language ('Guardians of the Galaxy'): a name"
    if _title_with_details(frag, c.lang):
        return "a title in title case with its year or running time in brackets: the name of a work"
    groups = [m for m in _BRACKETED.finditer(line) if m.start() < c.end - ls and c.start - ls < m.end()]
    if groups and all(m.start() > 0 and line[m.start() - 1] == " " and line[m.start() - 2:m.start() - 1].isalpha()
                      for m in groups):
        outside = [w for s_, _, w in words(frag, c.start)
                   if not any(m.start() <= s_ - ls < m.end() for m in groups)]
        if len(outside) <= len(groups) - 1:
            return "gloss: foreign terms in brackets after the expected word they translate"
    if len(toks) <= tuning.TITLE_MAX_WORDS and _opens_sentence(line[:c.start - ls]) \
            and line[c.end - ls:c.end - ls + 2] == ", " and _described(st, line[c.end - ls + 2:], c.lang):
        return "a name opening its line or sentence, described after a comma in the expected language"
    if keyword_list(text, c.start, c.end):
        return "a list of lowercase keywords (a tag cloud)"
    items = line.split(",")
    if len(items) > _TAG_LIST_MIN_COMMAS and len(line.split()) <= tuning.TAG_MEAN_WORDS * len(items) \
            and "." not in line.replace(".com", "") \
            and (c.end - c.start) < tuning.TAG_LIST_WHOLE_SHARE * len(line.strip()):
        return "part of a comma-separated keyword list (a tag cloud)"
    if len(toks) <= tuning.RECUR_MAX_WORDS:
        phrase = " ".join(toks[:2]).lower()  # (as _phrase gives it)
        if phrase and not lowered:
            lowered += [text.lower(), {}]
        # (when lowercasing changes the length, U+0130, offsets would not match: no recurrence test)
        if phrase and len(lowered[0]) == len(text):
            places = lowered[1].get(phrase)
            if places is None:
                places = lowered[1][phrase] = phrase_places(lowered[0], phrase)
            # (the answer depends on the phrase, the language and the candidates, which are the pass's: a
            # template repeating its phrase hundreds of times is answered once)
            if len(lowered) < 3:
                lowered.append({})
            recurs = lowered[2].get((phrase, c.lang))
            if recurs is None:
                recurs = lowered[2][(phrase, c.lang)] = recurs_in_expected_text(st, lowered[0], phrase, taken,
                                                                                 c.lang, places)
            if recurs:
                return f"{phrase!r} recurs inside text of the expected language: a name or loanword of the page"
    return None



_BULLETS = " \t*•·-–—"


def _opens_sentence(before: str) -> bool:
    """Does what precedes a candidate on its line leave it opening the line, a sentence or a quotation?"""
    before = before.rstrip(_BULLETS)
    return not before or before[-1] in ".!?" + QUOTE_CHARS + "‘"


_MINOR: dict[str, frozenset[str]] | None = None


def _minor_words(lang: str) -> frozenset[str]:
    """The words a title in ``lang`` leaves in lowercase (``models/title-minor-words.txt``), or none."""
    global _MINOR
    if _MINOR is None:
        from ..lid import data_rows

        rows = data_rows("title-minor-words.txt")
        _MINOR = {r[0]: frozenset(r[1:]) for r in rows}
    return _MINOR.get(lang, frozenset())


def _title_of_work(text: str, c: Candidate, toks: list[str], rest: list[str], line: str, ls: int) -> bool:
    """Is the candidate, with the capitalised words right after it, a title written in the title case of its
    language inside a line of prose: every word capitalised but the language's minor words, at least two
    capitalised ("Music of the Spheres", and "Guardians of the" followed by "Galaxy")?"""
    minor = _minor_words(c.lang)
    if not minor or len(rest) < tuning.TITLE_PROSE_WORDS or MENU.search(line):
        return False
    phrase = list(toks)
    for _, _, w in words(text[c.end:c.end + tuning.CONTEXT_WINDOW], 0):  # the capitalised words after it
        if not w[:1].isupper() or len(phrase) >= tuning.TITLE_CASE_MAX_WORDS:
            break
        phrase.append(w)
    return _in_title_case(phrase, minor)


def _in_title_case(phrase: list[str], minor: frozenset[str]) -> bool:
    """Are the words written in title case: 2 to TITLE_CASE_MAX_WORDS of them, every one capitalised but the
    language's minor words (``minor``), the first and the last capitalised?"""
    capital = sum(1 for w in phrase if w[:1].isupper())
    return 2 <= len(phrase) <= tuning.TITLE_CASE_MAX_WORDS and phrase[0][:1].isupper() and capital >= 2 \
        and all(w[:1].isupper() or w.lower() in minor for w in phrase) and phrase[-1][:1].isupper()


def _title_with_details(frag: str, lang: str) -> bool:
    """Is the candidate a title in its language's title case followed by its details in brackets, a year or a
    running time among them: "The Death and Life of Marsha P. Johnson (docu, 1h45, Netflix)", "Naken (2000)"?
    A work's name, listed with what it is."""
    m = _DETAILS.search(frag)
    if m is None or not any(ch.isdigit() for ch in m.group(1)):
        return False
    minor = _minor_words(lang)
    return bool(minor) and _in_title_case([w for _, _, w in words(frag[:m.start()], 0)], minor)


def _described(st: Setup, after: str, lang: str) -> bool:
    """Is ``after`` (what follows a phrase and its comma) a description in the expected language: its first
    APPOSITIVE_WORDS words mostly common there and more common there than in ``lang`` ("Zerkalo dlya geroya,
    a Soviet Union film by ...")?"""
    lex = _lex(st, lang)
    desc = [w.lower() for _, _, w in words(after[:tuning.CONTEXT_WINDOW], 0)][:tuning.APPOSITIVE_WORDS]
    common = sum(1 for w in desc if st.expected_zipf(w) >= max(tuning.RECUR_COMMON_ZIPF, lex.get(w, 0.0)))
    return len(desc) >= tuning.APPOSITIVE_WORDS and 2 * common > len(desc)


def _lex(st: Setup, lang: str) -> dict:
    code = lexicon_code(lang)
    return (lexicon.load(code) if code in st.lexicons else None) or {}


def _phrase(text: str, c: Candidate) -> str:
    """The phrase whose recurrence ``intended`` looks for when ``c`` is short enough, else ""."""
    toks = [w for _, _, w in words(text[c.start:c.end], 0)]
    return " ".join(toks[:2]).lower() if len(toks) <= tuning.RECUR_MAX_WORDS else ""


def phrase_places(low: str, phrase: str) -> list[int]:
    """Where ``phrase`` stands in ``low``: the first RECUR_MAX_LOOKS places, each searched for after the end
    of the one before (the places ``recurs_in_expected_text`` looks at)."""
    return places(low, phrase, tuning.RECUR_MAX_LOOKS)


def recurs_in_expected_text(st: Setup, low: str, phrase: str, taken: Taken, lang: str,
                            places: list[int] | None = None) -> bool:
    """Does ``phrase`` occur (any case, whole words) outside the candidates, in a line whose other
    words are mostly common words of the expected language, more common there than in ``lang``?
    ``places``: ``phrase_places(low, phrase)``, when the caller has it (the text is searched otherwise)."""
    code = lexicon_code(lang)
    lex = (lexicon.load(code) if code in st.lexicons else None) or {}
    for pos in phrase_places(low, phrase) if places is None else places:
        end = pos + len(phrase)
        if (pos == 0 or not low[pos - 1].isalnum()) and (end == len(low) or not low[end].isalnum()) \
                and not (taken.covers(pos) or taken.any_within(pos, end)):
            ls = max(low.rfind("\n", 0, pos) + 1, pos - tuning.CONTEXT_WINDOW)
            le = low.find("\n", end)
            le = min(len(low) if le == -1 else le, end + tuning.CONTEXT_WINDOW)
            others = [w.lower() for _, _, w in words(low[ls:pos] + " " + low[end:le], 0)]
            common = sum(1 for w in others if st.expected_zipf(w) >= max(tuning.RECUR_COMMON_ZIPF,
                                                                          lex.get(w, 0.0)))
            if len(others) >= tuning.RECUR_MIN_WORDS and common * 2 > len(others):
                return True
    return False
