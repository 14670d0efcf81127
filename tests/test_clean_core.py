"""The pure cleaning core: strip / mask / drop-line on strings, and idempotence
with the real detector on the founding example."""

from __future__ import annotations

from pathlib import Path

import pytest

from langscan import Detector
from langscan.clean import apply
from langscan.clean.core import Action, check_mask_template
from langscan.clean.rules import Rule, match_rules

DATA = Path(__file__).parent / "data"
ARABIC = "الدفاع الوطني - القناة الرسمية"
RUSSIAN_LINE = "Заголовок открываемого материала"


def found(text: str, *fragments: str, lang: str = "ru"):
    """Rule matches stand in for findings where the detector is not the point."""
    return match_rules(text, [Rule("exact", lang, f) for f in fragments])


@pytest.mark.parametrize("text, frag, expected", [
    # glued caption: the fragment is replaced by one space so the words do not fuse
    (f"© Photo : youtube/{ARABIC}Syria's army uses the TOS-1", ARABIC,
     "© Photo : youtube/ Syria's army uses the TOS-1"),
    ("The Русский menu", "Русский", "The menu"),
    ("He said Русский, then left.", "Русский", "He said, then left."),
    ("Home | Русский | News", "Русский", "Home | News"),
    ("Syria in review - Русский\nNext line\n", "Русский", "Syria in review\nNext line\n"),
    ("Naval (Русский) base", "Русский", "Naval base"),
    ("  Русский indented text", "Русский", "  indented text"),
    # a whole line goes with its line ending, and no doubled blank line is left
    ("Para one.\n\nЗаголовок\n\nPara two.\n", "Заголовок", "Para one.\n\nPara two.\n"),
    ("Newsfeed\nChats\nЗаголовок", "Заголовок", "Newsfeed\nChats"),
    ("Newsfeed\n\nЗаголовок\n", "Заголовок", "Newsfeed\n"),
    ("Заголовок\nBody text\n", "Заголовок", "Body text\n"),
    # punctuation, brackets and direction marks that belong to the fragment go with it
    ("© Photo : youtube/این فیلد نمی تواند پوچ باشد.I don’t see", "این فیلد نمی تواند پوچ باشد",
     "© Photo : youtube/ I don’t see"),
    ("All Rights Reserved. ഒരു പൂര്‍ണസംഖ്യ നല്കുക.", "ഒരു പൂര്‍ണസംഖ്യ നല്കുക", "All Rights Reserved."),
    ("youtube/கடவுச்சொல்(மறுபடியும்)Be sure to", "கடவுச்சொல்(மறுபடியும்", "youtube/ Be sure to"),
    ("youtube/अनुमति छैन ।Home Natural", "अनुमति छैन", "youtube/ Home Natural"),
    ("Credit: \u200eگەڵاڕێزان\nNext", "گەڵاڕێزان", "Credit:\nNext"),
    ("He met them in Русский. Then left.", "Русский", "He met them in. Then left."),
    # CRLF is kept as CRLF
    ("One\r\nЗаголовок\r\nTwo\r\n", "Заголовок", "One\r\nTwo\r\n"),
    ("One Русский\r\nTwo\r\n", "Русский", "One\r\nTwo\r\n"),
])
def test_strip_removes_fragment_and_its_separator(text, frag, expected):
    assert apply(text, found(text, frag), "strip") == expected


def test_strip_merges_neighbouring_fragments_of_a_language_menu():
    text = "Languages: English | Русский | Українська | Español\n"
    out = apply(text, found(text, "Русский", "Українська"), "strip")
    assert out == "Languages: English | Español\n"


def test_mask_default_and_custom_template():
    text = f"youtube/{ARABIC}Syria's army"
    fs = found(text, ARABIC, lang="ar")
    assert apply(text, fs, "mask") == "youtube/[foreign:ar]Syria's army"
    assert apply(text, fs, Action.MASK, mask_template="<{kind}:{lang}>") == "youtube/<script:ar>Syria's army"


def test_bad_mask_template_is_rejected():
    with pytest.raises(ValueError, match="unknown placeholder"):
        check_mask_template("[{language}]")
    check_mask_template("[{lang_name} {script}]")


def test_drop_line_removes_each_touched_line_once():
    text = "Keep this.\nDrop Русский here and Русский again.\nKeep that.\n"
    assert apply(text, found(text, "Русский"), "drop-line") == "Keep this.\nKeep that.\n"


def test_filters_by_kind_and_language():
    text = "Hello Русский and مرحبا world"
    fs = found(text, "Русский") + found(text, "مرحبا", lang="ar")
    assert apply(text, fs, "strip", langs=["ar"]) == "Hello Русский and world"
    assert apply(text, fs, "strip", kinds=["latin"]) == text
    assert apply(text, fs, "strip", kinds=["script"], langs=["ru", "ar"]) == "Hello and world"


def test_strip_repairs_homoglyph_words_instead_of_removing_them(detector):
    text = "The Nаval base near Tartus was expanded, Rеuters reported.\n"  # Cyrillic а and е
    findings = detector.scan(text)
    assert {f.kind.value for f in findings} == {"homoglyph"}
    out = apply(text, findings, "strip")
    assert out == "The Naval base near Tartus was expanded, Reuters reported.\n"
    assert detector.scan(out) == []
    assert "[foreign:" in apply(text, findings, "mask")  # mask still marks them


def test_document_findings_left_alone_unless_named(detector):
    german = ("Die Stadtverwaltung hat am Dienstag beschlossen, den Nachtbus in die östlichen Vororte "
              "zu verlängern. Der Versuch läuft sechs Monate und beginnt im März.\n")
    findings = detector.scan(german)
    assert [f.kind.value for f in findings] == ["document"]
    assert apply(german, findings, "strip") == german
    assert apply(german, findings, "mask", kinds=["document"]) == "[foreign:de]\n"


def test_no_findings_means_identical_text():
    text = "Nothing to do here.\r\n"
    for action in ("strip", "mask", "drop-line"):
        assert apply(text, [], action) == text


def test_drop_record_is_not_a_text_action():
    with pytest.raises(ValueError):
        apply("a Русский", found("a Русский", "Русский"), "drop-record")


@pytest.fixture(scope="module")
def detector():
    return Detector(expect=("en",))


@pytest.mark.parametrize("action", ["strip", "mask", "drop-line"])
def test_founding_example_cleaned_and_idempotent(detector, action):
    text = (DATA / "founding_example.txt").read_text(encoding="utf-8")
    findings = detector.scan(text)
    once = apply(text, findings, action)
    assert ARABIC not in once and RUSSIAN_LINE not in once
    # names and the rest of the page survive
    for keep in ("Hmeimim", "Deir Ezzor", "Syria's army uses the TOS-1", "And the result."):
        assert keep in once
    # re-scan: nothing left to act on, so cleaning again changes nothing
    again = detector.scan(once)
    assert apply(once, again, action) == once
    if action == "strip":
        assert "youtube/ Syria's army uses the TOS-1" in once
        assert once.endswith("Chats")  # the last line went with its line break
        assert once.count("  ") == text.count("  ")  # no new double spaces


# ---- properties: strip only ever removes the fragments and separators, never words

from hypothesis import given, settings, strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("ab Z9\n\r\t|-,.()«»\"'") + ["Ж", "ж", "ب"])


@st.composite
def text_and_spans(draw):
    text = draw(st.text(_ALPHABET, min_size=0, max_size=60))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if b > a]
    return text, spans


class _F:
    def __init__(self, a, b):
        self.start, self.end, self.kind, self.lang = a, b, "script", "ru"


def _alnum(s: str) -> str:
    return "".join(c for c in s if c.isalnum())


@settings(max_examples=400, deadline=None)
@given(text_and_spans())
def test_strip_keeps_every_word_character_outside_the_fragments(case):
    text, spans = case
    out = apply(text, [_F(a, b) for a, b in spans], "strip")
    outside = "".join(text[p:q] for p, q in zip([0] + [b for _a, b in spans], [a for a, _b in spans] + [len(text)]))
    assert _alnum(out) == _alnum(outside)
    assert out.count("\n") <= text.count("\n")  # never adds a line


@settings(max_examples=200, deadline=None)
@given(text_and_spans())
def test_mask_keeps_everything_outside_the_fragments(case):
    text, spans = case
    out = apply(text, [_F(a, b) for a, b in spans], "mask", mask_template="<>")
    pieces = []
    pos = 0
    for a, b in spans:
        pieces.append(text[pos:a])
        pos = b
    pieces.append(text[pos:])
    assert out == "<>".join(pieces)
