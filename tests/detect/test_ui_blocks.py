"""Blocks of short lines in another language (detect/ui_blocks.py), on page text written for these tests, with
the real models: a sidebar of Swedish UI strings on an English blog is one finding; a list of brand names is
none."""

from __future__ import annotations

from pathlib import Path

from langscan import Detector

PAGES = Path(__file__).parent.parent / "data" / "furniture"
PROSE = ("The city council voted on Tuesday to expand the bus network, adding three new routes that will connect the "
         "northern suburbs with the hospital district. Officials said the first buses would run in the spring.\n")


def latin(text: str, expect: str = "en") -> list[tuple[str, str]]:
    return [(f.text, f.lang) for f in Detector(expect=expect).scan(text) if f.kind.value == "latin"]


def test_a_swedish_sidebar_on_an_english_blog_is_one_swedish_finding():
    text = (PAGES / "en_swedish_sidebar.txt").read_text(encoding="utf-8")
    got = latin(text)
    assert len(got) == 1
    span, lang = got[0]
    # every line of the block, one language for all (alone, "Arkiv" reads as Norwegian, "Kategorier" as Danish)
    assert lang == "sv" and span.startswith("Arkiv") and span.endswith("Sökresultat")
    assert "Older posts" not in span and "dinghy" not in span


def test_a_german_footer_block_is_found_whole_with_a_compound_no_lexicon_lists():
    # "Schlagwörter" is in no word list; alone it is nothing, in the block it is the block's fourth line
    text = PROSE + "\nKommentare\nBearbeiten\nAnmelden\nSchlagwörter\n"
    assert latin(text) == [("Kommentare\nBearbeiten\nAnmelden\nSchlagwörter", "de")]


def test_a_list_of_brand_names_is_not_a_block_of_another_language():
    # the model guesses a language for names it does not know; the lexicons do not hold them as words
    text = (PAGES / "en_brand_list.txt").read_text(encoding="utf-8")
    assert latin(text) == []


def test_a_list_of_names_of_people_is_no_finding():
    # names are capitalised word by word: no line of this list is a line of a UI block; and the line-by-line UI
    # reader knows them for personal names (models/person-names.txt), though "Juan", "Carlos" and "María" are
    # everyday Spanish words
    text = PROSE + "\nJuan Carlos Pérez\nMaría José López\nJosé Antonio García\nAna Belén Martínez\n"
    assert latin(text) == []
    text = PROSE + "\nThomas Müller\nJürgen Klopp\nManuel Neuer\n"
    assert latin(text) == []


def test_spanish_ui_strings_in_title_case_are_still_found():
    # none of these is a personal name
    text = PROSE + "\nMi Cuenta\nIniciar Sesión\nCerrar Sesión\nBuscar\n"
    assert latin(text) == [("Mi Cuenta\nIniciar Sesión\nCerrar Sesión\nBuscar", "es")]


def test_the_person_names_file_is_well_formed():
    from langscan.detect.furniture import person_names
    from langscan.lid import models_dir

    rows = [l for l in (models_dir() / "person-names.txt").read_text(encoding="utf-8").splitlines()
            if l and not l.startswith("#")]
    assert rows == sorted(set(rows)) and len(rows) > 20000
    assert all(r == r.casefold() and len(r) >= 2 and " " not in r for r in rows)
    names = person_names()
    assert {"juan", "pérez", "müller", "søren", "łukasz", "nguyễn"} <= names
    assert not any(any("CYRILLIC" in __import__("unicodedata").name(c, "") for c in n) for n in list(names)[:5000])


def test_a_block_in_a_language_with_no_word_list_is_left_to_the_line_rules():
    # Welsh UI strings: lingua is sure of Welsh, but with no word list nothing tells them from a list of names
    # (a tag cloud of software names unknown to every list reads as Yoruba just as surely)
    text = PROSE + "\nArchif\nSylwadau\nGolygu\nMewngofnodi\n"
    assert not any(lang == "cy" and "\n" in span for span, lang in latin(text))


def test_short_english_lines_on_an_english_page_are_no_block():
    text = PROSE + "\nArchives\nCategories\nRecent Comments\nLog in\nSearch results\n"
    assert latin(text) == []
