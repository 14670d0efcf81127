"""A text plainly in another language is decided before its lines are read (document_stage.early_document).

The early decision must give the finding the full pipeline gives (same kind, span, language, script and
calibrated score; only the detail text says how it was decided), and it must never fire on English text.
Checked on real pages (../shared corpora) and the texts shipped in tests/data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from langscan import detector as detector_module
from langscan.detector import Detector

from test_screen import HTML_DIRS, _page_texts, needs_pages

DATA = Path(__file__).resolve().parent.parent / "data"
# readability test pages whose prose is not English (the corpus README names them)
FOREIGN = ("aktualne", "folha", "heise", "la-nacion", "lemonde-1", "liberation-1", "rtl-1", "rtl-2", "qq")


def _foreign_pages() -> list[str]:
    from langscan.document import Document
    from langscan.readers import ReaderOptions, read_inputs

    out = []
    for name in FOREIGN:
        p = HTML_DIRS[0] / f"{name}.html.gz"
        if p.exists():
            docs = [x for x in read_inputs([str(p)], ReaderOptions()) if isinstance(x, Document)]
            out.append("\n".join(d.text for d in docs))
    return out


def _scan(texts, expect="en"):
    det = Detector(expect=expect)
    return [det.scan(t) for t in texts]


def _key(findings):
    return [(f.kind.value, f.start, f.end, f.lang, f.script, f.score, f.context) for f in findings]


def _early(findings) -> bool:
    return len(findings) == 1 and findings[0].detail.startswith("its prose reads as")


def test_foreign_documents_are_decided_first_with_the_same_finding(monkeypatch):
    # a Russian article; an Indonesian page under an English menu (the model hears Indonesian and Malay,
    # one family); foreign news pages
    texts = [(DATA / name).read_text(encoding="utf-8")
             for name in ("russian_article.txt", "indonesian_page_english_furniture.txt")] + _foreign_pages()
    first = _scan(texts)
    assert _early(first[0]) and _early(first[1]) and first[1][0].lang == "id"
    assert sum(1 for fs in first[2:] if _early(fs)) >= (3 if len(texts) > 2 else 0)  # most foreign pages
    monkeypatch.setattr(detector_module, "early_document", lambda *a, **k: None)
    full = _scan(texts)
    for fs, gs in zip(first, full):
        if _early(fs):
            assert _key(fs) == _key(gs)  # the pipeline reading every line finds the same document
        else:
            assert fs == gs


@needs_pages
def test_pages_decided_first_are_those_the_full_pipeline_calls_foreign(monkeypatch):
    texts = _page_texts(25) + [(DATA / "founding_example.txt").read_text(encoding="utf-8")]
    first = _scan(texts)
    monkeypatch.setattr(detector_module, "early_document", lambda *a, **k: None)
    full = _scan(texts)
    english = [k for k, gs in enumerate(full) if not any(g.kind.value == "document" for g in gs)]
    assert len(english) > 20
    assert not any(_early(first[k]) for k in english)  # English pages are read line by line
    for fs, gs in zip(first, full):
        assert _key(fs) == _key(gs)


def test_not_decided_first_when_documents_are_not_reported():
    text = (DATA / "russian_article.txt").read_text(encoding="utf-8")
    det = Detector(expect="en", kinds=("script", "latin"))
    fs = det.scan(text)
    assert fs and all(f.kind.value == "script" for f in fs)


def test_a_threshold_above_the_models_certainty_leaves_the_decision_to_the_stages(monkeypatch):
    text = (DATA / "russian_article.txt").read_text(encoding="utf-8")
    strict = Detector(expect="en", threshold=0.995).scan(text)
    monkeypatch.setattr(detector_module, "early_document", lambda *a, **k: None)
    assert strict == Detector(expect="en", threshold=0.995).scan(text)
