"""Whole units: a sentence or line of many words that the expected lexicon barely explains and that
fastText (or, when it is unsure, lingua) does not hear as expected is foreign as a whole, whatever
lexicon explains which word."""

from __future__ import annotations

from ..evidence import LOANWORDS, mask_non_words
from ..finding import Kind
from ..languages import script_of_lang
from . import tuning
from .candidate import Candidate
from .latin_common import foreign_lexicon, lingua_verdict
from .setup import Setup
from .text import extend_punct

def expected_run(setup: Setup, lowered: list[str]) -> int:
    """The longest run of consecutive words common in the expected language that holds a word no other
    language uses every day ("according to the" counts; Sesotho's "o na le", all everyday elsewhere
    too, does not)."""
    run = longest = 0
    own = False
    for w in lowered:
        if setup.expected_zipf(w) >= tuning.WHOLE_UNIT_COMMON_ZIPF:
            run += 1
            own = own or w not in setup.everyday
            if own:
                longest = max(longest, run)
        else:
            run, own = 0, False
    return longest




def _spoken(frag: str) -> str:
    """``frag`` with its non-words (``evidence.mask_non_words``) left out and the spaces they leave closed."""
    masked = mask_non_words(frag)
    return frag if masked == frag else " ".join(masked.split())


def foreign_units(st: Setup, text, tokens, unit_of, unit_spans, caps_line, trace):
    """(unit, candidate) for the units of many words that are foreign as a whole."""
    members: dict[int, list[int]] = {}
    for k, u in enumerate(unit_of):
        members.setdefault(u, []).append(k)
    out = []
    for u, idx in members.items():
        if len(idx) < (tuning.WHOLE_LINE_MIN_WORDS if len(unit_spans) == 1 else tuning.WHOLE_UNIT_MIN_WORDS):
            continue
        commons = [tokens[k].lower for k in idx if st.expected_zipf(tokens[k].lower) >= tuning.WHOLE_UNIT_COMMON_ZIPF
                   or tokens[k].lower in LOANWORDS]
        common = len(commons)
        # (short words other languages use every day, "te", "e", "i", "o", count only for fastText)
        own = sum(1 for w in commons if w not in st.everyday)
        if own > tuning.WHOLE_UNIT_MAX_COMMON_LINGUA * len(idx):
            continue
        # with many short words the languages share ("a", "an", "in", "na"), only lingua decides
        lingua_only = common > tuning.WHOLE_UNIT_MAX_COMMON * len(idx)
        if lingua_only:
            if expected_run(st, [tokens[k].lower for k in idx]) >= tuning.WHOLE_UNIT_EXPECTED_RUN:
                continue  # a run of expected words: an expected sentence holding a fragment
        s, e = tokens[idx[0]].start, tokens[idx[-1]].end
        e = extend_punct(text, e)
        frag = text[s:e]
        lowered = sum(1 for k in idx if tokens[k].case == "lower")
        if lowered < tuning.WHOLE_UNIT_MIN_LOWER and not caps_line:
            continue  # a row of capitalised words: names and titles
        if frag.count(",") >= tuning.WHOLE_UNIT_LIST_COMMAS * len(idx):
            continue  # a comma-separated list of names, handles or tags, not a sentence
        preds = st.model.predict(frag.lower() if caps_line else frag, k=5)
        p_exp = sum(q for l, q in preds if st.is_expected(l))
        heard = frag
        if p_exp < tuning.MODEL_HEARS_EXPECTED:
            # non-words (code, numbers) say nothing of a unit's language and may mislead the model ("and
            # endprotoent(3) to enumerate the protocols" heard as Dutch): without them, it may hear the expected one
            spoken = _spoken(frag)
            if spoken != frag:
                again = st.model.predict(spoken.lower() if caps_line else spoken, k=5)
                if sum(q for l, q in again if st.is_expected(l)) >= tuning.MODEL_HEARS_EXPECTED:
                    preds, heard = again, spoken
                    p_exp = sum(q for l, q in preds if st.is_expected(l))
        heard_expected = p_exp >= tuning.MODEL_HEARS_EXPECTED
        if heard_expected and (own > tuning.WHOLE_UNIT_MAX_COMMON * len(idx) or sum(
                1 for k in idx if tokens[k].lower not in st.known) < tuning.LINGUA_OVERRULES_UNKNOWN * len(idx)):
            continue
        # (fastText hearing the expected language in a sentence of words the expected lexicon does not
        # know, "Ikiwa utafanya tendo lingine...", is overruled only by a near-certain lingua below)
        top = next(((l, q) for l, q in preds if not st.is_expected(l) and script_of_lang(l) == "Latin"), None)
        lang, p = top if top else ("und", 0.0)
        if p < (tuning.WHOLE_UNIT_FASTTEXT_SURE if lingua_only else tuning.LINGUA_ASKED_BELOW) \
                or p_exp > tuning.WHOLE_UNIT_MAX_EXPECTED:
            # fastText is unsure, or hears some of the expected language: lingua's character
            # statistics must then be sure of another language and hear none of the expected one
            verdict = lingua_verdict(st, heard)
            (l_top, p_top), l_exp = (verdict[0][0], verdict[1]) if verdict else (("und", 0.0), 1.0)
            if not st.is_expected(l_top) \
                    and p_top >= (tuning.LINGUA_OVERRULES_P if heard_expected else tuning.LINGUA_MIN_P) \
                    and l_exp <= tuning.WHOLE_UNIT_LINGUA_MAX_EXPECTED:
                lang, p = l_top, p_top  # (the label is checked at the stage's end: latin_common.relabel)
            else:
                if trace.on:
                    trace.add(s, e, frag, "latin", lang, 0.0, False,
                              f"few expected words ({common}/{len(idx)}) but no model names a language")
                continue
        # the models' language must explain the unit's longer words (short ones are shared noise of every web
        # list) at least as well as the expected language does, when half of those are common expected words
        # (Danish manual text, "opret en kontrolsum i BSD-stil", was heard as Turkish 0.80)
        words = [tokens[k].lower for k in idx if len(tokens[k].lower) > tuning.WHOLE_UNIT_SHORT_LETTERS]
        ours = [st.expected_zipf(w) for w in words]
        named = foreign_lexicon(st, lang) if len(words) >= 2 and 2 * sum(
            1 for z in ours if z >= tuning.WHOLE_UNIT_COMMON_ZIPF) >= len(words) else None
        if named is not None:
            if sum(named.get(w, 0.0) for w in words) < sum(ours):
                if trace.on:
                    trace.add(s, e, frag, "latin", lang, 0.0, False,
                              f"the models hear {lang}, but its words are more common in the expected language")
                continue
        score = min(tuning.SCORE_CAP, 0.5 + 0.5 * p * (1 - common / len(idx)))
        flagged = score >= st.threshold
        if trace.on:
            trace.add(s, e, frag, "latin", lang, score, flagged,
                      f"a whole unit: {common}/{len(idx)} common expected words, model hears the expected "
                      f"language {p_exp:.2f}, {lang} {p:.2f}")
        if flagged:
            out.append((u, Candidate(Kind.LATIN, s, e, lang, "Latin", score)))
    return out

