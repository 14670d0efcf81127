"""Property tests: offsets are always exact and no input crashes the scanner."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from langscan import Detector

DET = Detector(expect=("en",))

# Pieces of realistic scraped text: English, foreign scripts, Latin-script foreign text,
# homoglyphs, separators, glue and noise, combined at random.
PIECES = [
    "The army said on Monday that the offensive continued. ",
    "Заголовок открываемого материала", "الدفاع الوطني - القناة الرسمية", "日本語のページ", "한국어 뉴스",
    "Alle Rechte vorbehalten. ", "Le gouvernement a annoncé de nouvelles mesures. ", " | ", " - ", "\n", "\r\n",
    "N\u0430val", "\u039Fffice", "© Photo : youtube/", "α-helix", "€25 ", "😀", "https://example.com/x ", "\ufeff",
    "José Müller ", "déjà vu ", "\u0301", "\u200b", "\x00", "ـ", "İstanbul ", "ǅ", "ß", "\U00020000",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_offsets_match_the_fragment_on_scraped_like_text(pieces):
    text = "".join(pieces)
    for f in DET.scan(text):
        assert text[f.start:f.end] == f.text
        assert 0 <= f.start < f.end <= len(text)
        line_start = text.rfind("\n", 0, f.start) + 1
        assert f.line == text.count("\n", 0, f.start) + 1
        assert f.column == f.start - line_start + 1
        assert 0.0 <= f.score <= 1.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes_and_offsets_hold(text):
    for f in DET.scan(text):
        assert text[f.start:f.end] == f.text
    DET.explain(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200),
       st.sampled_from(["en", "de", "ru", "en,fr", "ja"]))
def test_any_expected_language_is_safe(text, expect):
    det = Detector(expect=expect)
    for f in det.scan(text):
        assert text[f.start:f.end] == f.text
