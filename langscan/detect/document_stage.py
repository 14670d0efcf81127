"""Stage 3: is the whole text in another language?

When the stages' candidates cover most of the letters, they are replaced by
one ``document`` candidate.  When they cover only part (tables of names and
numbers, link lists), the model reads the whole text and must be sure.
``early_document`` decides a text plainly in another language before any
stage reads it (the detector calls it first).
"""

from __future__ import annotations

from typing import Optional

from ..finding import Kind
from ..languages import same_family, script_of_lang
from . import tuning
from .candidate import Candidate
from .setup import Setup
from .text import LETTER_RUN, trim_to_letters


def letters(text: str, start: int = 0, end: int = -1) -> int:
    """How many letters ``text[start:end]`` holds (counted run by run: few objects, C speed)."""
    runs = LETTER_RUN.findall(text, start, len(text) if end < 0 else end)
    return sum(map(len, runs))


_NOT_ASCII_LETTER = bytes(c for c in range(256) if not (65 <= c <= 90 or 97 <= c <= 122))


def ascii_letters(text: str) -> int:
    """How many ASCII letters ``text`` holds (a lower bound of :func:`letters`; one C pass over its UTF-8)."""
    return len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_LETTER))


def document_stage(setup: Setup, text: str, cands: list[Candidate], trace) -> Optional[Candidate]:
    # Homoglyph words are spoofed words of the expected language: they never make a text foreign.
    cands = [c for c in cands if c.kind is not Kind.HOMOGLYPH]
    if not cands or "document" not in setup.options.kinds:
        return None
    covered = sum(letters(text, c.start, c.end) for c in cands)
    if covered < tuning.DOC_MIN_SHARE * tuning.DOC_MIN_LETTERS:
        return None
    if covered < tuning.DOC_MIN_SHARE * ascii_letters(text):
        return None  # the share is below DOC_MIN_SHARE whatever the other letters (a cheap count first)
    total = letters(text)
    if total < tuning.DOC_MIN_LETTERS:
        return None
    share = covered / total
    if share < tuning.DOC_MIN_SHARE:
        return None
    whole_lang = None
    if share < tuning.DOC_SURE_SHARE:
        if total < tuning.DOC_MODEL_MIN_LETTERS:
            return None
        # Partly covered (tables of names and numbers, link lists): ask the model about the whole.
        # The less of the text the fragments cover, the surer the model must be.
        body = prose(text)
        preds = setup.model.predict(body, k=3)
        top = next(((l, p) for l, p in preds if not setup.is_expected(l)), None)
        p_exp = sum(p for l, p in preds if setup.is_expected(l))
        need, allow_exp = ((tuning.DOC_MID_P, tuning.DOC_MID_EXP) if share >= tuning.DOC_MID_SHARE
                           else (tuning.DOC_LOW_P, tuning.DOC_LOW_EXP))
        if (top is None or top[1] < need or p_exp > allow_exp) and setup.latin_expected \
                and share >= tuning.DOC_MID_SHARE:
            # fastText unsure of a Latin-script page (pseudo-Latin, a language it hardly knows):
            # lingua reads the same prose
            from .lingua_evidence import languages_of

            named = languages_of(body, k=3)
            l_exp = sum(p for l, p in named if setup.is_expected(l))
            if named and not setup.is_expected(named[0][0]) and named[0][1] >= tuning.DOC_LINGUA_P \
                    and l_exp <= tuning.DOC_LOW_EXP:
                top, p_exp = named[0], l_exp
        if top is None or top[1] < need or p_exp > allow_exp:
            return None
        share = max(share, top[1])  # the model's certainty about the whole is the score
        whole_lang = top[0]
    by_lang: dict[str, int] = {}
    script_seen: dict[str, str] = {}
    for c in cands:
        by_lang[c.lang] = by_lang.get(c.lang, 0) + (c.end - c.start)
        script_seen[c.lang] = c.script
    lang = max(by_lang, key=by_lang.get)
    if whole_lang is not None and whole_lang != lang:
        lang = whole_lang  # the model read the whole text; the fragments' languages are guesses on parts
        script_seen.setdefault(lang, script_of_lang(lang))
    if setup.is_expected(lang):
        return None  # the text is in an expected language after all
    s, e = trim_to_letters(text, 0, len(text), keep_punct=True)
    score = min(tuning.SCORE_CAP, share)
    if trace.on:
        trace.add(s, e, text[s:e][:80], "document", lang, score, True,
                  f"{share:.0%} of the letters are in foreign fragments")
    return Candidate(Kind.DOCUMENT, s, e, lang, script_seen[lang], score, f"{share:.0%} of letters foreign")


def prose(text: str, from_end: bool = False) -> str:
    """The text's prose (lines of many words), up to DOC_MODEL_TEXT characters: what the model reads
    to judge the whole, past menus, bylines and footers (English page furniture on a foreign page).
    ``from_end``: the prose read from the last line up (and the end of the text when there is little)."""
    return _prose(text, from_end)[0]


def _prose(text: str, from_end: bool = False, size: int = tuning.DOC_MODEL_TEXT) -> tuple[str, bool]:
    """(prose up to ``size`` characters, whether it stopped before the end of the text's prose)."""
    parts: list[str] = []
    total = 0
    lines = text.splitlines()
    cut = False
    for line in reversed(lines) if from_end else lines:
        if len(line.split()) >= tuning.DOC_PROSE_LINE_WORDS:
            parts.append(line)
            total += len(line) + 1
            if total >= size:
                cut = True
                break
    if total < tuning.DOC_MIN_PROSE:
        if from_end:
            return text[-size:], len(text) > size
        return text[:size], len(text) > size
    return " ".join(parts)[:size], cut


def early_document(setup: Setup, text: str, words: int, rare: int, trace) -> Optional[Candidate]:
    """A text plainly in another language, decided before the stages read it line by line.

    ``words``: how many distinct folded words the text holds, ``rare``: how many of them are not common
    words of the expected language (the Latin stage's screen).  Few may be common; then the model must
    be sure (DOC_FIRST_P) of one other language (with its family: Indonesian and Malay), and hear almost
    none of the expected ones, in the prose read from the start and, when the prose is longer than one
    sample, from the end too.  None when in any doubt: the stages then
    read the text and the document stage decides as before.
    """
    if "document" not in setup.options.kinds or words < tuning.DOC_FIRST_MIN_WORDS:
        return None
    if words - rare > tuning.DOC_FIRST_MAX_COMMON * words:
        return None
    if ascii_letters(text) < tuning.DOC_MODEL_MIN_LETTERS and letters(text) < tuning.DOC_MODEL_MIN_LETTERS:
        return None
    head, cut = _prose(text)  # (shorter samples decide fewer texts: slower overall, measured)
    samples = [head, _prose(text, from_end=True)[0]] if cut else [head]
    lang, p = None, 1.0
    for body in samples:
        preds = setup.model.predict(body, k=3)
        top = next((l for l, q in preds if not setup.is_expected(l)), None)
        p_top = sum(q for l, q in preds if top is not None and same_family(l, top))  # Indonesian and Malay
        p_exp = sum(q for l, q in preds if setup.is_expected(l))
        if top is None or p_top < tuning.DOC_FIRST_P or p_exp > tuning.DOC_FIRST_EXP \
                or (lang is not None and top != lang):
            return None
        lang, p = top, min(p, p_top)
    score = min(tuning.SCORE_CAP, p)
    if score < setup.threshold:
        return None  # a threshold above the model's certainty: the stages decide, as without this check
    s, e = trim_to_letters(text, 0, len(text), keep_punct=True)
    detail = f"its prose reads as {lang} ({p:.0%})"
    if trace.on:
        trace.add(s, e, text[s:e][:80], "document", lang, score, True, detail + ", decided before its lines")
    return Candidate(Kind.DOCUMENT, s, e, lang, script_of_lang(lang), score, detail)
