"""The tools scored on the real pages, each ``make_<tool>(expect) -> scan(text) -> [Hit]``.

langscan is the detector under test (``Detector(expect=page_lang)``; its findings keep their kind and, when
the detector gives one, their context).  The anchors are general language identifiers used the way a user
without langscan would use them: each line of the page (a line of the HTML reader's text, trimmed) is
identified on its own and the line is flagged when the tool is confident it is not the expected language:

- cld2: ``pycld2.detect(line)``; flagged when CLD2 calls the result reliable and its top language is another
  one. The byte offsets of CLD2's vectors are not needed (whole lines are flagged), so the only conversion is
  the line's own code-point span.
- fasttext: lid.176 through ``langscan.lid.load_model`` (the bundled, checksummed model); top label another
  language with probability > 0.5.
- langdetect: seeded (``DetectorFactory.seed = 0``); top language another one with probability > 0.5.
- lingua: all languages, low-accuracy mode off; top confidence value another language with confidence > 0.5.

An anchor hit gets its kind from the letters it covers: "script" when most letters are not in the expected
language's script, else "latin" (or "script" for a Latin line on a page in a non-Latin language).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from langscan.languages import script_of_lang
from langscan.scripts import script_of

from ..langdata import norm_lang

TOOLS = ("langscan", "cld2", "fasttext", "langdetect", "lingua")
LINE_CONFIDENCE = 0.5  # an anchor flags a line only when it gives another language more than this probability
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    lang: str
    kind: str  # script | latin | homoglyph | document
    context: str = ""  # langscan's context when it gives one
    score: float = -1.0  # langscan's calibrated score (-1: the tool gives none)


def lines(text: str):
    """(start, end) of each line trimmed of surrounding whitespace, lines without a letter skipped."""
    for m in _LINE.finditer(text):
        s, e = m.span()
        seg = m.group()
        if not any(c.isalpha() for c in seg):
            continue
        ls = len(seg) - len(seg.lstrip())
        yield s + ls, s + len(seg.rstrip())


def _expected(expect: str) -> set[str]:
    return {norm_lang(x) for x in expect.split(",") if x.strip()}


def _script_family(lang: str) -> set[str]:
    s = script_of_lang(lang)
    if s in ("Han", "Japanese", "Hangul"):
        return {"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"}
    return {s}


def foreign_letters(text: str, expect: str) -> tuple[int, int]:
    """(letters in the expected languages' scripts, letters outside them) in ``text``."""
    ok: set[str] = set()
    for lang in _expected(expect):
        ok |= _script_family(lang)
    inside = outside = 0
    for ch in text:
        if ch.isalpha():
            if script_of(ch) in ok:
                inside += 1
            else:
                outside += 1
    return inside, outside


def line_kind(text: str, expect: str) -> str:
    """The kind langscan would give a flagged line: "script" when most of its letters lie outside the expected
    languages' scripts, "latin" when they are Latin and so is the expected language, else "script"."""
    inside, outside = foreign_letters(text, expect)
    if outside > inside:
        return "script"
    return "latin" if "Latin" in {script_of_lang(x) for x in _expected(expect)} else "script"


def _per_line(identify: Callable[[str], Optional[tuple[str, float]]], expect: str):
    exp = _expected(expect)

    def scan(text: str) -> list[Hit]:
        out = []
        for s, e in lines(text):
            got = identify(text[s:e])
            if not got:
                continue
            lang, prob = got
            lang = norm_lang(lang)
            if lang and lang not in exp and lang not in ("un", "xx", "unknown") and prob > LINE_CONFIDENCE:
                out.append(Hit(s, e, lang, line_kind(text[s:e], expect)))
        return out
    return scan


def make_langscan(expect: str, **options) -> Callable[[str], list[Hit]]:
    from langscan.detector import Detector

    det = Detector(expect=expect, **options)

    def scan(text: str) -> list[Hit]:
        out = []
        for f in det.scan(text):
            kind = getattr(f.kind, "value", f.kind)
            out.append(Hit(f.start, f.end, f.lang, str(kind), str(getattr(f, "context", "") or ""),
                           float(getattr(f, "score", -1.0))))
        return out
    return scan


_CLD2_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def make_cld2(expect: str):
    import pycld2

    def identify(line: str):
        try:
            reliable, _n, details = pycld2.detect(_CLD2_BAD.sub(" ", line))
        except pycld2.error:
            return None
        if not reliable or not details:
            return None
        _name, code, percent, _score = details[0]
        return code, percent / 100.0
    return _per_line(identify, expect)


def make_fasttext(expect: str):
    from langscan.lid import load_model

    model = load_model()

    def identify(line: str):
        pred = model.predict(line, k=1)
        return pred[0] if pred else None
    return _per_line(identify, expect)


def make_langdetect(expect: str):
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def identify(line: str):
        try:
            best = detect_langs(line)[0]
        except LangDetectException:
            return None
        return best.lang, best.prob
    return _per_line(identify, expect)


_LINGUA = None


def make_lingua(expect: str):
    global _LINGUA
    from lingua import LanguageDetectorBuilder

    if _LINGUA is None:  # one detector for every page: its models load once
        _LINGUA = LanguageDetectorBuilder.from_all_languages().build()
    det = _LINGUA

    def identify(line: str):
        vals = det.compute_language_confidence_values(line)
        if not vals:
            return None
        top = vals[0]
        return top.language.iso_code_639_1.name.lower(), top.value
    return _per_line(identify, expect)


FACTORIES = {"langscan": make_langscan, "cld2": make_cld2, "fasttext": make_fasttext,
             "langdetect": make_langdetect, "lingua": make_lingua}
