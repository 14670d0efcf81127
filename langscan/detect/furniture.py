"""Page furniture: a short line repeated as a line of its own through the text ("Photo" under every
picture, "Advertisement" between articles) is the page's template."""

from __future__ import annotations

from .. import lexicon
from ..finding import Kind
from ..languages import same_family, script_of_lang
from . import tuning
from .candidate import Candidate
from .latin_common import lexicon_code
from .setup import Setup

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

# ------------------------------------------------------------------ short units: pairs, quotes


def whole_line_count(folded: str, content: str) -> int:
    """How many lines of the folded text hold ``content`` and nothing else (up to REPEAT_MIN)?"""
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


