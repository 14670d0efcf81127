"""Page furniture in another language (detect/furniture.py) on realistic page text, with the real models.

The pages are in tests/data/furniture/ (written for these tests, laid out as the HTML reader gives real
pages). What must be found: short UI strings of another language in a menu or header block. What must stay
unflagged: a site's own name for a section, column names over headlines, titles and names of works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from langscan import Detector

PAGES = Path(__file__).parent.parent / "data" / "furniture"


def latin(expect: str, page: str) -> list[tuple[str, str]]:
    text = (PAGES / page).read_text(encoding="utf-8")
    return [(f.text, f.lang) for f in Detector(expect=expect).scan(text) if f.kind.value == "latin"]


def test_english_section_menu_on_a_spanish_page_is_found():
    got = latin("es", "es_menu.txt")
    # one finding a line, or the whole menu column as one (what clean then removes)
    for item in ("World", "Politics", "Business", "Health", "Sports", "Travel"):
        assert any(item in t.split() and lang == "en" for t, lang in got), item
    # the Spanish article under the menu is the page's own text
    assert all(lang == "en" for _, lang in got)
    assert not any("gobierno" in t or "Fernández" in t for t, _ in got)


def test_english_header_buttons_on_a_french_page_are_found():
    got = latin("fr", "fr_header.txt")
    assert ("Search", "en") in got and ("User", "en") in got
    # "Direct" is French as much as English, "Zoom" and "Quiz" are everybody's
    assert not any(t in ("Direct", "Zoom", "Quiz") for t, _ in got)


def test_english_feed_row_on_an_indonesian_blog_is_one_finding():
    assert latin("id", "id_blog.txt") == [("Entries RSS | Comments RSS", "en")]


def test_german_footer_links_on_an_english_page_are_found():
    got = latin("en", "en_german_footer.txt")
    assert got and all(lang == "de" for _, lang in got)
    covered = " ".join(t for t, _ in got)
    # "Impressum" is no everyday German word, and English has never seen it: found as the footer's next line
    for item in ("Impressum", "Suche", "Weitere Inhalte", "Mehr"):
        assert item in covered
    assert "auditors" not in covered and "website" not in covered


def test_a_sites_own_english_section_name_among_french_sections_stays_unflagged():
    # "Next" is the site's name for a section, repeated with the French sections in header and footer
    assert latin("fr", "fr_sections.txt") == []


def test_english_column_names_over_spanish_headlines_stay_unflagged():
    got = latin("es", "es_column.txt")
    assert not any(t in ("Modern Love", "Skin Deep") for t, _ in got)
    assert got.count(("Photo", "en")) == 3  # the repeated photo label is furniture


def test_titles_and_names_on_an_english_page_stay_unflagged():
    # title-case names in prose, and film titles in their own language one a line under a heading (names of works)
    assert latin("en", "en_names.txt") == []


@pytest.mark.parametrize("line", ["Champions League", "Modern Love", "Top 10"])
def test_an_english_name_among_indonesian_items_stays_unflagged(line):
    # nothing around it is English furniture: the name of a competition, a column or a list
    text = ("Kategori\nAkhir Zaman (15)\nAkhlaq (47)\n" + line + "\nDiskusi Islam\nMedia Islam Raya\n"
            "Masjid tua di tengah kota lama itu dibangun lebih dari dua ratus tahun yang lalu oleh para pedagang "
            "yang singgah di pelabuhan, dan sampai sekarang masih dipakai untuk sholat lima waktu.\n")
    assert [f.text for f in Detector(expect="id").scan(text)] == []


def test_a_phrase_the_template_repeats_is_found_beside_other_furniture_of_its_language():
    # "Take Our Poll" over each poll of an Indonesian blog, whose template also says "Share this", "Entries feed"
    got = latin("id", "id_sidebar.txt")
    assert got.count(("Take Our Poll", "en")) == 2
    assert ("Share this", "en") in got and ("Entries feed", "en") in got


def test_a_repeated_phrase_alone_is_not_enough():
    # the same page without its other English lines: nothing says the phrase is the template's language
    text = (PAGES / "id_sidebar.txt").read_text(encoding="utf-8")
    start, end = text.index("Share this:"), text.index("Feed Komentar") + len("Feed Komentar")
    assert [f.text for f in Detector(expect="id").scan(text[:start] + text[end:])] == []


def test_french_blog_template_on_an_english_blog_is_found_line_by_line():
    # Blogger's French UI around an English post; "Archives du blog" holds no word English lacks ("du" is one
    # English knows, far more common in French; "blog" is everyday in both); nor does "Inscription à :" ("à",
    # one letter, is in English's list through "à la")
    got = latin("en", "en_blogger_fr.txt")
    covered = " ".join(t for t, _ in got)
    for line in ("Partager sur Twitter", "Article plus ancien", "Archives du blog", "Afficher mon profil complet",
                 "Inscription à"):
        assert line in covered
    assert all(lang == "fr" for _, lang in got)
    assert "shed" not in covered and "Saturday" not in covered


def test_a_list_of_english_titles_on_an_indonesian_page_is_found_whole():
    # the first title is found by its words; the title-cased ones after it would pass for names alone, but
    # their words are everyday English and the model hears English: the list is found title by title
    got = latin("id", "id_titles.txt")
    covered = " ".join(t for t, _ in got)
    for title in ("How to Keep Fresh Herbs Longer in the Fridge", "How to Make Your Rice Fluffy Every Time",
                  "Five Easy Ways to Cook With Leftover Bread", "Why Homemade Stock Tastes Better Than Cubes"):
        assert title in covered
    assert all(lang == "en" for _, lang in got)
    # the Indonesian headings around the list stay
    assert "Tulisan Populer" not in covered and "Kategori" not in covered and "Masakan" not in covered


def test_a_language_named_in_prose_makes_no_language_list_of_the_title_above_it():
    # "asam jawa" in the recipe's prose names Javanese (Jawa); the title line above it is no list of
    # languages, so "Betawi" (a Jakarta cuisine, also the CLDR endonym of Betawi) in it is no menu item
    text = (PAGES / "id_titles.txt").read_text(encoding="utf-8")
    text = text.replace("Resep Sayur Asem Rumahan", "Resep Sayur Asem Khas Betawi", 1)
    assert not any("Betawi" in f.text for f in Detector(expect="id").scan(text))


_DE_BODY = ("Die Bundesregierung will das Abmahnwesen eindämmen. Ein neuer Gesetzentwurf sieht vor, dass "
            "Abmahnungen bei kleinen Verstößen künftig keine Kosten mehr auslösen dürfen.\n")


def test_a_sentence_case_english_ui_phrase_over_german_navigation_is_found():
    # no other English item around it: its small word "to" says it is an English phrase, not a loanword
    text = "Skip to content\nStartseite\nPolitik\nWirtschaft\n" + _DE_BODY
    got = [(f.text, f.lang) for f in Detector(expect="de").scan(text)]
    assert got == [("Skip to content", "en")]


@pytest.mark.parametrize("phrase", ["en route", "de facto", "Per se", "À la carte", "en suite", "de jure"])
def test_a_phrase_english_borrowed_alone_between_english_paragraphs_is_no_finding(phrase):
    body = "The committee approved the new budget on Monday after a long debate about the costs of the project.\n"
    assert Detector(expect="en").scan(body + phrase + "\n" + body) == []


@pytest.mark.parametrize("line", ["Digital Life", "Tour de France", "Sala y Gómez"])
def test_title_case_lines_alone_over_german_prose_are_names_or_loanwords(line):
    assert Detector(expect="de").scan(line + "\n" + _DE_BODY) == []


def test_a_common_word_of_the_expected_language_that_names_a_language_is_no_menu_item():
    # an Indonesian manual's option table: "Nama" (the Khoekhoe language) and "akan" (the Akan language) are
    # the words "name" and "will" here, however the lines around them are laid out
    text = ("       -b      nama lain untuk batch.\n\n"
            "       -v      Menampilkan waktu  tugas\t tersebut  akan\t dilaksanakan  sebelum\n"
            "\t       membaca tugas.\n\n"
            "       Waktu akan ditampilkan dalam format yang sama dengan keluaran perintah date.\n")
    assert Detector(expect="id").scan(text) == []


_NEWS = ("The council voted on Tuesday to approve the new budget, which includes money for roads and schools.\n"
         "Officials said the plan would be reviewed again next spring after public hearings in every district.\n\n"
         "{line}\n\n"
         "Residents can comment online until the end of the month, the mayor's office said in a statement.\n")


@pytest.mark.parametrize("line,lang", [("Aviso de Privacidad", "es"), ("Términos de Uso", "es"),
                                       ("Mentions de confidentialité", "fr")])
def test_a_lone_ui_line_held_together_by_a_small_word_of_its_language_is_found(line, lang):
    # English hardly knows its words but "de", which is Spanish (and French) grammar, not an English word
    got = Detector(expect="en").scan(_NEWS.format(line=line))
    assert [(f.text, f.lang) for f in got] == [(line, lang)]


@pytest.mark.parametrize("line", ["Tour de France", "Plaza de Mayo", "Museo del Prado", "Puerta del Sol",
                                  "Casa de Campo", "Ciudad de México", "Universidad de Chile"])
def test_names_of_places_and_events_with_de_stay_unflagged(line):
    # each holds a word English knows ("Tour", "Plaza", "Sol", "Casa", "México") or a name
    assert Detector(expect="en").scan(_NEWS.format(line=line)) == []
