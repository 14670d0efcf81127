"""The tools under comparison, each as ``name -> factory() -> scan(text) -> [(start, end, lang, kind)]``.

Offsets are code points into ``text``. Each factory imports its package lazily and raises ImportError (with
the package name) when it is missing, so the runner can report "not installed" instead of failing.

- langscan: ``Detector(expect=("en",)).scan``.
- cld2: ``pycld2.detect(text, returnVectors=True)``; vectors are UTF-8 byte offsets, converted here; every
  vector whose language is not English (nor "un"/unknown) is a finding.
- fasttext: lid.176 on each line; a line whose top label is not ``en`` with probability > 0.5 is a finding.
- langdetect: same rule per line, seeded (``DetectorFactory.seed = 0``).
- lingua: ``detect_multiple_languages_of`` on the whole text (all languages, preloaded); every non-English
  section is a finding.
"""
from __future__ import annotations

import re
from pathlib import Path

from .langdata import norm_lang

REPO = Path(__file__).resolve().parent.parent
LID_MODEL = REPO / "models" / "lid.176.ftz"
TOOLS = ["langscan", "cld2", "fasttext", "langdetect", "lingua"]
LINE_THRESHOLD = 0.5


def _lines(text: str):
    """(start, end) of each line with its surrounding whitespace trimmed; blank lines skipped."""
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        seg = m.group()
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            yield s + ls, s + rs


def _trim(text, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def make_langscan():
    from langscan import Detector

    det = Detector(expect=("en",))

    def scan(text):
        return [(f.start, f.end, f.lang, str(getattr(f.kind, "value", f.kind))) for f in det.scan(text)]
    return scan


_CLD2_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def make_cld2():
    import pycld2

    def scan(text):
        clean = _CLD2_BAD.sub(" ", text)  # CLD2 rejects these; same length in code points, offsets kept
        data = clean.encode("utf-8")
        try:
            vectors = pycld2.detect(clean, returnVectors=True)[3]
        except pycld2.error:
            return []
        # byte offset -> code-point offset, the fast way: decode only the byte stretches between consecutive
        # vector boundaries (a per-character Python loop made CLD2 look 3-4x slower than it is; issue 10)
        b2c, last_b, last_c = {0: 0}, 0, 0
        for b in sorted({o for off, length, _n, _c in vectors for o in (off, off + length)}):
            if b > last_b:
                try:
                    last_c += len(data[last_b:b].decode("utf-8"))
                except UnicodeDecodeError:  # a boundary inside a character: leave it out
                    continue
                last_b = b
            b2c[b] = last_c
        out = []
        for off, length, _name, code in vectors:
            if code in ("en", "un", "xx") or not code:
                continue
            s, e = b2c.get(off), b2c.get(off + length)
            if s is None or e is None:
                continue
            s, e = _trim(text, s, e)
            if e <= s:
                continue
            if out and out[-1][2] == norm_lang(code) and not text[out[-1][1]:s].strip():
                out[-1] = (out[-1][0], e, out[-1][2], "")
            else:
                out.append((s, e, norm_lang(code), ""))
        return out
    return scan


def make_fasttext():
    import fasttext

    model = fasttext.load_model(str(LID_MODEL))

    def scan(text):
        out = []
        for s, e in _lines(text):
            pred = model.f.predict(text[s:e] + "\n", 1, 0.0, "strict")
            if pred:
                prob, label = pred[0]
                lang = label.replace("__label__", "")
                if lang != "en" and prob > LINE_THRESHOLD:
                    out.append((s, e, norm_lang(lang), ""))
        return out
    return scan


def make_langdetect():
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def scan(text):
        out = []
        for s, e in _lines(text):
            try:
                best = detect_langs(text[s:e])[0]
            except LangDetectException:
                continue
            if best.lang != "en" and best.prob > LINE_THRESHOLD:
                out.append((s, e, norm_lang(best.lang), ""))
        return out
    return scan


def make_lingua():
    from lingua import LanguageDetectorBuilder

    det = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

    def scan(text):
        out = []
        for r in det.detect_multiple_languages_of(text):
            code = r.language.iso_code_639_1.name.lower()
            if code == "en":
                continue
            s, e = _trim(text, r.start_index, r.end_index)
            if e > s:
                out.append((s, e, norm_lang(code), ""))
        return out
    return scan


FACTORIES = {"langscan": make_langscan, "cld2": make_cld2, "fasttext": make_fasttext,
             "langdetect": make_langdetect, "lingua": make_lingua}
PACKAGES = {"langscan": "langscan", "cld2": "pycld2", "fasttext": "fasttext-predict", "langdetect": "langdetect",
            "lingua": "lingua-language-detector"}
