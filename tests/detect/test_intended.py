"""Intended foreign text (detect/intended.py): names of works described in the expected language."""

from __future__ import annotations

from langscan import Detector
from langscan.detector import DetectorOptions

# a table row as the HTML reader gives it: title, year, then the description wrapped over indented lines
FILMS = """Films featuring time loops

Mirror for a Hero

1987

Zerkalo dlya geroya, a Soviet Union film by Vladimir
                          Khotinenko. Two heroes circle the same day of 1949 again and again, meeting the
                        parents of one of them, before they return to the present.[11]
"""


def test_a_title_described_after_a_comma_in_the_list_entry_is_a_name():
    assert [f.text for f in Detector(expect="en").scan(FILMS)] == []


def test_a_foreign_line_without_a_description_is_still_found():
    text = FILMS + "\nZerkalo dlya geroya, kotoryy smotryat kazhdyy god na Novyy god.\n"
    got = [f.text for f in Detector(expect="en").scan(text)]
    assert any(t.startswith("Zerkalo dlya geroya, kotoryy") for t in got)


def test_a_title_described_after_a_comma_opening_a_sentence_or_a_quote_is_a_name():
    det = Detector(expect="en")
    entry = "Zerkalo dlya geroya, a Soviet Union film by Vladimir Khotinenko, was shown again last year."
    assert det.scan("The festival closed with an old favourite. " + entry) == []
    assert det.scan("The festival notes read “" + entry + "” under the poster.") == []
    # after a word of the sentence it opens nothing: the rule does not apply there
    assert det.scan("The festival closed with " + entry) != []


FANDOM = ("Conversations with a Cryptid - Chapter 1 - AMournfulHowl - 僕のヒーローアカデミア | Boku no Hero Academia | "
          "My Hero Academia [Archive of Our Own]\n"
          "Fandom:\n僕のヒーローアカデミア | Boku no Hero Academia | My Hero Academia\n"
          "Izuku had never seen a cryptid before, but he was fairly sure this one was waving at him.\n")


def test_a_title_given_with_its_transliteration_and_translation_is_a_gloss():
    # a fandom tag names the work in Japanese, in romaji and in English: intended, reported only when asked
    assert Detector(expect="en").scan(FANDOM) == []
    glossed = Detector(options=DetectorOptions(expect=("en",), report_glosses=True)).scan(FANDOM)
    assert [(f.text, f.context) for f in glossed] == [("僕のヒーローアカデミア", "gloss")] * 2


def test_a_menu_row_of_languages_after_a_foreign_item_stays_a_menu():
    text = "日本語 | English | Français\nThe store ships to most countries within a week of the order.\n"
    got = Detector(expect="en").scan(text)
    assert [(f.text, f.context) for f in got if "日本語" in f.text] and all(f.context == "menu" for f in got)
