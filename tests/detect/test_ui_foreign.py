"""Other languages' UI strings standing alone on a page (ui_foreign.py, models/ui-foreign.tsv), real models."""

from __future__ import annotations

from pathlib import Path

import pytest

from langscan import Detector
from langscan import lexicon
from langscan.detect import ui_foreign
from langscan.detect.text import fold
from langscan.lid import data_rows, models_dir

NEWS = ("The council voted on Tuesday to approve the new budget, which includes money for roads and schools.\n"
        "Officials said the plan would be reviewed again next spring after public hearings in every district.\n\n"
        "{line}\n\n"
        "Residents can comment online until the end of the month, the mayor's office said in a statement.\n")


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector(expect=("en",))


def found(det, text):
    return [(f.kind.value, f.text, f.lang, f.context) for f in det.scan(text)]


@pytest.mark.parametrize("line,lang", [
    ("Impressum", "de"),  # (fastText hears Portuguese in it: the German word list vouches)
    ("Datenschutz", "de"),
    ("Startseite", "de"),
    ("Weiterlesen", "de"),
    ("Suivant", "fr"),
    ("Haftungsausschluss", "de"),
])
def test_a_foreign_ui_string_alone_on_an_english_page_is_found(det, line, lang):
    text = NEWS.format(line=line)
    got = det.scan(text)
    assert [(f.text, f.lang, f.context) for f in got] == [(line, lang, "boilerplate")]
    assert text[got[0].start:got[0].end] == line


def test_an_item_of_an_english_menu_row_is_found_as_a_menu_item(det):
    text = NEWS.format(line="Home | About us | Impressum | Newsletter")
    assert found(det, text) == [("latin", "Impressum", "de", "menu")]


@pytest.mark.parametrize("line", [
    "Roboto",  # a font's name (a Lithuanian catalog string, and English knows it a little)
    "Film",  # Norwegian and Polish catalog strings, English words
    "Data",
    "XUL",  # an acronym
    "Cyan",
    "Impressum 2024",  # (a digit: no UI string of a catalog)
])
def test_catalog_strings_that_english_uses_are_not_found(det, line):
    assert found(det, NEWS.format(line=line)) == []


def test_a_string_of_the_expected_languages_own_catalogs_is_not_found():
    de = Detector(expect=("de",))
    text = ("Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, der Geld für Straßen und Schulen vorsieht.\n\n"
            "Impressum\n\n"
            "Die Bürger können den Plan bis zum Monatsende im Internet kommentieren, teilte die Stadt mit.\n")
    assert [f.text for f in de.scan(text)] == []


def test_the_explain_trace_names_the_catalogs(det):
    units = det.explain(NEWS.format(line="Weiterlesen"))
    reasons = [u.reason for u in units if u.text == "Weiterlesen"]
    assert reasons and "catalogs" in reasons[0] and "model hears de" in reasons[0]


# --------------------------------------------------------------------------- the data file
def test_the_table_ships_with_a_matching_index_and_keeps_english_out():
    blob = (models_dir() / "ui-foreign.tsv").read_bytes()
    assert lexicon.lines_index_slots(blob, (models_dir() / "ui-foreign.hash").read_bytes()) is not None
    known = {row[0] for row in data_rows("language_codes.tsv")}
    rows = blob.decode("utf-8").splitlines()
    assert rows[0].startswith("# ") and "WordPress" in rows[0] and "MediaWiki" in rows[0]
    langs = set()
    for row in rows[1:]:
        s, _, codes = row.partition("\t")
        assert s == " ".join(fold(s).split()) and codes  # (as the detector folds an item's label)
        for code in codes.split(","):
            assert code in known and code != "en"
            langs.add(code)
    assert len(rows) > 50_000 and len(langs) >= 60
    # English strings of the catalogs are never listed, whatever language also uses them
    for english in ("start", "home", "blog", "search", "navigation", "log in", "privacy policy"):
        assert ui_foreign.languages_of(english) == []
    assert "de" in ui_foreign.languages_of("Impressum")
    assert "de" in ui_foreign.languages_of("Schließen")  # (ß kept: the detector lowercases, it does not casefold)
    # the words index holds every word of the strings, and no other
    assert ui_foreign.listed_words({"impressum", "privacidad", "schließen", "zzzqx", "obama"}) == {
        "impressum", "privacidad", "schließen"}
    assert "es" in ui_foreign.languages_of("POLÍTICA DE PRIVACIDAD:")  # (folded, closing ":" dropped)


def test_a_variable_in_capitals_on_a_manual_page_is_not_a_ui_string():
    # "lister" is in French's catalogs and word list; in capitals in a Polish manual it is an environment variable
    pl = Detector(expect=("pl",))
    text = ("Zmienne środowiskowe\n\n"
            "     EDITOR\t   Ścieżka do edytora używanego przez polecenie edit lub ~e.\n\n"
            "     LISTER\t   Ścieżka do programu wyświetlającego zawartość katalogu, używanego przez polecenie folders.\n")
    assert [f.text for f in pl.scan(text) if f.text == "LISTER"] == []


# --------------------------------------------------------------------------- the builder


def test_the_builder_keeps_translations_that_are_no_english_string(load_tool):
    tool = load_tool("build_ui_foreign")
    catalogs = [
        ("de", {"Imprint": "Impressum", "Home": "Start", "Navigation": "Navigation", "Search": "Suche",
                "%s comments": "%s Kommentare", "Read more": "Weiterlesen", "Menu": "Menü",
                "Page $1 of $2": "Seite $1 von $2", ("One post", "%d posts"): ("Ein Beitrag", "%d Beiträge")}),
        ("de-formal", {"Log in": "Anmelden"}),
        ("sr-el", {"Search": "Pretraga"}),
        ("ru", {"Search": "Поиск"}),
        ("xx", {"Search": "Zzz"}),  # (a code lid.176 does not know)
    ]
    english = {"start", "navigation", "home", "search", "imprint", "read more", "log in", "menu"}
    table = tool.build(catalogs, english, known={"de", "sr", "ru"})
    assert table["impressum"] == ["de"] and table["weiterlesen"] == ["de"] and table["suche"] == ["de"]
    assert table["anmelden"] == ["de"]  # (a variant's code is its language's)
    assert table["pretraga"] == ["sr"]  # (Serbian in the Latin script)
    assert "start" not in table  # an English string too
    assert "navigation" not in table and "menü" not in table  # kept as in English, or but for an accent
    assert "поиск" not in table  # not the Latin script
    assert "zzz" not in table  # a language lid.176 does not know
    assert not any("$" in k or "%" in k or "beitr" in k for k in table)  # placeholders, plural forms


_SOURCES = (sorted(Path("/tmp/wp").glob("wordpress-l10n_*.deb")), sorted(Path("/tmp/mw").glob("mediawiki_*.deb")),
            sorted(Path("/root/.cache/langscan-probe").glob("django-5.2.19-*.whl")))


@pytest.mark.skipif(not all(_SOURCES), reason="the WordPress, MediaWiki and Django packages are not on this machine "
                    "(the table is built once by a developer: tools/build_ui_foreign.py); the builder's rules are "
                    "tested above")
def test_the_shipped_table_rebuilds_byte_for_byte(tmp_path, load_tool):
    out = tmp_path / "ui-foreign.tsv"
    load_tool("build_ui_foreign").main(["--wordpress", str(_SOURCES[0][0]), "--mediawiki", str(_SOURCES[1][0]),
                  "--django", str(_SOURCES[2][0]), "--out", str(out)])
    assert out.read_bytes() == (models_dir() / "ui-foreign.tsv").read_bytes()
    assert out.with_suffix(".hash").read_bytes() == (models_dir() / "ui-foreign.hash").read_bytes()
    for name in ("ui-foreign-words.txt", "ui-foreign-words.hash"):
        assert (tmp_path / name).read_bytes() == (models_dir() / name).read_bytes()
