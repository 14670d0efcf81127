"""The whole-text screens (langscan/detect/screen.py) give the answers of the code they stand in for.

Each screen is checked against the plain Python it replaces on real web pages (the readability and
article-extraction corpora in ../shared, plus the texts shipped in tests/data), and the detector is run
with and without every screen on real pages: the findings must be identical.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from langscan import lookalike
from langscan.detect import latin_common, latin_stage, screen, script_stage
from langscan.detect.text import fold, is_latin_word, lines
from langscan.detector import Detector
from langscan.scripts import script_of

HERE = Path(__file__).resolve().parent.parent
CORPORA = HERE.parent.parent / "shared" / "corpora"
if not CORPORA.is_dir():  # a worktree of the development machine: ../shared is one level further up
    CORPORA = Path("/work/shared/corpora")
HTML_DIRS = [CORPORA / "readability-test-pages" / "html", CORPORA / "article-extraction-benchmark" / "html"]
DATA = HERE / "data"


def _page_texts(limit_per_dir: int) -> list[str]:
    """Text of real pages as langscan's HTML reader gives it, spread over each corpus."""
    from langscan.document import Document
    from langscan.readers import ReaderOptions, read_inputs

    out = []
    for d in HTML_DIRS:
        files = sorted(d.glob("*.html.gz")) if d.is_dir() else []
        step = max(1, len(files) // limit_per_dir) if files else 1
        for p in files[::step][:limit_per_dir]:
            docs = [x for x in read_inputs([str(p)], ReaderOptions()) if isinstance(x, Document)]
            out.extend(x.text for x in docs if x.text.strip())
    return out


def _shipped_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]


needs_pages = pytest.mark.skipif(not any(d.is_dir() for d in HTML_DIRS),
                                 reason="the real-page corpora are not on this machine (../shared/corpora)")


@pytest.fixture(scope="module")
def pages() -> list[str]:
    return _page_texts(12)


@pytest.fixture(scope="module")
def texts(pages) -> list[str]:
    return _shipped_texts() + pages


def test_non_ascii_is_the_set_of_non_ascii_characters(texts):
    assert texts
    for t in texts + ["", "plain ASCII", "caf\u00e9 \ud800 lone surrogate", "\U0001d41a\U0001d41b math"]:
        assert screen.non_ascii(t) == frozenset(c for c in t if not c.isascii())


def test_foreign_script_free_matches_the_script_table(texts):
    expected = frozenset({"Latin"})
    seen = {True: 0, False: 0}
    for t in texts:
        slow = all(script_of(c) in ("Common", "Latin") for c in t)
        assert screen.foreign_script_free(t, expected) == slow
        seen[slow] += 1
    assert seen[True] and seen[False]  # the pages exercise both answers
    assert not screen.foreign_script_free("abc", frozenset({"Cyrillic"}))  # ASCII letters are foreign there


def _candidates(text: str) -> tuple[str, set[str], set[str]]:
    """What the Latin stage asks ``occurring`` about: all-letter folded words (here every one of them, and
    a few cut short so that some occur only inside longer words)."""
    folded = fold(text)
    words = set(folded.split())
    cands = {w for w in words if w.isalpha() and is_latin_word(w)}
    cut = {w[:-2] for w in cands if len(w) > 5}
    words |= cut  # a candidate must be a folded word: add the cut ones as such
    return folded, words, cands | cut


@pytest.mark.parametrize("index_from", [0, None])  # the indexed path on every text, and the default choice
def test_occurring_is_the_substring_test(texts, index_from, monkeypatch):
    if index_from is not None:
        monkeypatch.setattr(screen, "_INDEX_FROM", index_from)
    big = "\n\n".join(texts)  # many candidates: the indexed path by default too
    checked = 0
    for t in texts + [big]:
        folded, words, cands = _candidates(t)
        written = set(fold(t, lower=False).split())
        got = screen.occurring(t, folded, words, lambda: written, cands)
        assert got == {w for w in cands if w in t}
        checked += len(cands)
    assert checked > 10_000


def test_occurring_finds_words_inside_long_glued_words(monkeypatch):
    monkeypatch.setattr(screen, "_INDEX_FROM", 0)
    glued = "supercalifragilistic" * 4 + "Zorblatnik" + "expialidocious" * 4  # longer than the index takes
    text = ("Zorblat met Fragilistic near the Expiali gate. " + glued + "\n") * 3000
    folded, words, cands = _candidates(text)
    cands |= {"zorblat", "fragilistic", "expiali", "zorblatnikexp"}
    words |= cands
    got = screen.occurring(text, folded, words, lambda: set(fold(text, lower=False).split()), cands)
    assert got == {w for w in cands if w in text}
    assert "fragilistic" in got and "zorblat" not in got  # inside the glued word / only capitalised


def test_occurring_when_lowercasing_changes_the_length(monkeypatch):
    monkeypatch.setattr(screen, "_INDEX_FROM", 0)
    text = "\u0130stanbul and istanbul, Kuperinsky and kuperinskyan " * 2000  # İ lowercases to two characters
    folded, words, cands = _candidates(text)
    assert len(folded) != len(text)
    got = screen.occurring(text, folded, words, lambda: set(fold(text, lower=False).split()), cands)
    assert got == {w for w in cands if w in text}


def test_lines_holding_any_matches_the_per_line_split(texts):
    for t in texts + ["a\r\nb c\r\n\r\nd", "\n\nx\n"]:
        folded = fold(t)
        if len(folded) != len(t):
            continue
        for words in ({w for w in set(folded.split()) if len(w) > 6}, {"the"}, set()):
            slow = [(ls, le, fl) for (ls, le), fl in zip(lines(t), folded.split("\n"))
                    if not words.isdisjoint(fl.split())]
            assert screen.lines_holding_any(folded, t, words) == slow


def _without_screens(monkeypatch):
    """The code the screens replace, as it was written before them."""
    monkeypatch.setattr(script_stage, "foreign_script_free", lambda text, scripts: False)
    monkeypatch.setattr(latin_stage, "occurring",
                        lambda text, folded, words, written, cands: {w for w in cands if w in text})

    def per_line(folded, text, words):
        return [(ls, le, fl) for (ls, le), fl in zip(lines(text), folded.split("\n"))
                if not words.isdisjoint(fl.split())]

    monkeypatch.setattr(latin_common, "lines_holding_any", per_line)
    monkeypatch.setattr(lookalike, "non_ascii", lambda text: frozenset(text))


def _findings(texts, expect="en"):
    det = Detector(expect=expect)
    return [[(f.kind.value, f.start, f.end, f.lang, f.score, f.detail) for f in det.scan(t)] for t in texts]


@needs_pages
def test_detector_findings_are_the_same_without_the_screens(pages, monkeypatch):
    texts = _shipped_texts() + pages
    # one long document too: the screens' indexed paths only run on long texts
    texts.append("\n\n".join(f"Part {i}. {t}" for i, t in enumerate(pages[:40])))
    monkeypatch.setattr(screen, "_INDEX_FROM", 0)  # the indexed word search on every text, not only on huge ones
    with_screens = _findings(texts)
    assert sum(map(len, with_screens)) > 20  # the pages hold findings of several kinds
    assert {k for fs in with_screens for k, *_ in fs} >= {"latin", "script"}
    _without_screens(monkeypatch)
    assert _findings(texts) == with_screens


def test_detector_findings_with_look_alikes_are_the_same_without_the_screens(monkeypatch):
    # many look-alike words in one text: the repairs near each word are read, not all of them
    base = ("Please verify your \u0430ccount at once. The p\u0430ypal team. Your \u0440assword expires "
            "today; the bank \u0455ecurity desk.\n")
    text = base * 300 + "Nothing odd in this last line."
    ours = _findings([text])
    assert sum(1 for k, *_ in ours[0] if k == "homoglyph") >= 300
    _without_screens(monkeypatch)
    assert _findings([text]) == ours


def test_span_index_overlap_is_the_pairwise_test():
    from langscan.detect.text import SpanIndex
    from hypothesis import given, settings
    from hypothesis import strategies as st

    span = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1]))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(span, max_size=12), span)
    def check(spans, probe):
        s, e = probe
        assert SpanIndex(spans).overlaps(s, e) == any(a < e and s < b for a, b in spans)

    check()
