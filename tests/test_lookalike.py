"""Issue 13, look-alike words: ``homoglyph`` findings by confusable skeleton, with the real model and data."""

from __future__ import annotations

import pytest

from langscan import Detector, Kind
from langscan.clean import apply
from langscan.lookalike import find, repair_word, skeleton


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector(expect=("en",))


def only(det: Detector, text: str):
    """The one finding of ``text``, which must be a homoglyph finding."""
    found = det.scan(text)
    assert [f.kind for f in found] == [Kind.HOMOGLYPH], [(f.kind.value, f.text) for f in found]
    f = found[0]
    assert text[f.start:f.end] == f.text
    return f


# --------------------------------------------------------------------------- the examples
def test_whole_cyrillic_word_is_a_homoglyph_not_a_macedonian_fragment(det):
    text = "We measured the ѕсоре of the problem"
    f = only(det, text)
    assert (f.start, f.end, f.text) == (16, 21, "ѕсоре")
    assert f.lang == "en" and f.script == "Cyrillic"
    assert "U+0455 CYRILLIC SMALL LETTER DZE" in f.detail and "U+0441 CYRILLIC SMALL LETTER ES" in f.detail
    assert f.repair == "scope" and "repaired" not in f.detail  # the repair is a field of its own
    assert set(f.chars) == set("ѕсоре")
    assert apply(text, [f], "strip") == "We measured the scope of the problem"  # strip repairs, never deletes
    assert apply(text, [f], "repair") == "We measured the scope of the problem"


@pytest.mark.parametrize("text, word, repaired, named", [
    ("It was usｅd for years in the old system.", "usｅd", "used", "U+FF45 FULLWIDTH LATIN SMALL LETTER E"),
    ("Set the display to ｆｕｌｌｗｉｄｔｈ mode before printing.", "ｆｕｌｌｗｉｄｔｈ", "fullwidth",
     "U+FF46 FULLWIDTH LATIN SMALL LETTER F"),
    ("𝐇𝐞𝐥𝐥𝐨 and welcome to the weekly newsletter.", "𝐇𝐞𝐥𝐥𝐨", "Hello", "U+1D407 MATHEMATICAL BOLD CAPITAL H"),
    ("We ran into some troսble with the build last night.", "troսble", "trouble", "U+057D ARMENIAN SMALL LETTER SEH"),
    ("I still do not սnderstand why the test fails.", "սnderstand", "understand", "U+057D ARMENIAN SMALL LETTER SEH"),
    ("ᎢᎻᎬ MARKET opens at nine on weekdays.", "ᎢᎻᎬ", "THE", "U+13BB CHEROKEE LETTER MI"),
    ("ꓧꓰꓡꓡꓳ and welcome to our site.", "ꓧꓰꓡꓡꓳ", "HELLO", "U+A4E7 LISU LETTER XA"),
    ("The N\u0430val Academy announced the results on Monday.", "N\u0430val", "Naval",
     "U+0430 CYRILLIC SMALL LETTER A"),
])
def test_look_alike_words_of_every_kind_are_found_and_repaired(det, text, word, repaired, named):
    f = only(det, text)
    start = text.index(word)
    assert (f.start, f.end) == (start, start + len(word))
    assert named in f.detail and f.repair == repaired
    assert apply(text, [f], "repair") == text.replace(word, repaired)


def test_a_number_mixing_digit_systems_is_found(det):
    text = "The invoice for 2০26 was paid in full."
    f = only(det, text)
    assert f.text == "2০26" and "U+09E6 BENGALI DIGIT ZERO" in f.detail
    assert apply(text, [f], "repair") == "The invoice for 2026 was paid in full."


def test_several_look_alike_words_in_one_text_each_repaired(det):
    text = "Please ｃｏｎｔａｃｔ the ѕаlеѕ team about your оrder.\n"
    found = det.scan(text)
    assert [f.text for f in found] == ["ｃｏｎｔａｃｔ", "ѕаlеѕ", "оrder"]
    assert apply(text, found, "strip") == "Please contact the sales team about your order.\n"


# --------------------------------------------------------------------------- what is not a look-alike word
@pytest.mark.parametrize("text", [
    "Он сказал, что не знает, где сор. Это правда.",          # Russian "сор" reads "cop": a real Russian word
    "Η γάτα κάθεται στο σπίτι ΤΟ ΜΕ και κοιμάται.",             # Greek capitals that read "TO", "ME"
    "Ես չեմ հասկանում, թե ինչու է այդպես։",                      # an Armenian sentence
    "Der ѕсоре des Projekts ist sehr groß geworden.",           # inside a German sentence: never a homoglyph
])
def test_foreign_sentences_hold_no_homoglyph(det, text):
    assert [f for f in det.scan(text) if f.kind is Kind.HOMOGLYPH] == []


def test_math_notation_is_not_a_word(det):
    text = "Let 𝑓(𝑥) = 𝑠𝑖𝑛 𝑥 + 𝑙𝑜𝑔 𝑥 for every 𝑥 ∈ ℝ, and take 𝛼 = 2."
    assert det.scan(text) == []


def test_fullwidth_letters_and_punctuation_in_chinese_text_are_native():
    zh = "这是一个测试，ＯＫ！我们使用ＣＰＵ和ＧＰＵ进行计算。"
    assert find(zh, ("en",)) == []
    assert Detector(expect=("zh",)).scan(zh) == []
    # expected English: the Chinese run is a script finding, the fullwidth words are not look-alikes
    assert {f.kind for f in Detector(expect=("en",)).scan(zh)} <= {Kind.SCRIPT, Kind.DOCUMENT}


def test_real_words_with_accents_and_ligatures_are_left_alone(det):
    assert det.scan("The café served a naïve rosé; the ﬁnal report is due.") == []


# --------------------------------------------------------------------------- the pure functions
def test_skeleton_follows_uts39():
    assert skeleton("ѕсоре") == skeleton("scope") == "scope"
    assert skeleton("I") == skeleton("l")  # capital I's prototype is small l
    assert skeleton("m") == "rn"


def test_repair_word_keeps_the_capitalisation():
    assert repair_word("Ѕсоре") == "Scope"
    assert repair_word("ＮＥＷＳ") == "NEWS"
    assert repair_word("𝐇𝐞𝐥𝐥𝐨") == "Hello"


def test_explain_says_why_a_candidate_was_kept_or_not(det):
    units = det.explain("Он сказал, что не знает, где сор.\nWe measured the ѕсоре of it.")
    homo = [u for u in units if u.stage == "homoglyph"]
    assert any(not u.flagged and "Cyrillic words stand next to it" in u.reason for u in homo)
    assert any(u.flagged and u.text == "ѕсоре" and "repaired: scope" in u.reason for u in homo)


def test_derived_tables_match_a_fresh_computation():
    """models/lookalike.json (what a process reads instead of computing) equals what the code computes
    from models/confusables.tsv.gz, so the two cannot drift apart."""
    import json
    import unicodedata

    from langscan import lookalike
    from langscan.lid import models_dir

    derived = json.loads((models_dir() / lookalike.DERIVED_FILE).read_text(encoding="utf-8"))
    table = lookalike._parse_confusables()
    assert derived["table"] == table and len(table) == 6311
    if derived["unicode"] != unicodedata.unidata_version:
        pytest.skip(f"lookalike.json was computed under Unicode {derived['unicode']}, this Python has "
                    f"{unicodedata.unidata_version}: langscan computes the tables itself here")
    latinish, digits = lookalike.compute_latinish(table)
    assert derived["latinish"] == latinish and frozenset(derived["digits"]) == digits
    assert latinish["ѕ"] == "s" and "٣" in digits  # Cyrillic dze reads "s"; Arabic-Indic three is a digit
    assert lookalike._latinish() == latinish  # and the running process uses exactly that
