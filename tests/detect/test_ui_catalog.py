"""English UI strings on pages in another language, read from the WordPress and Django catalogs
(detect/ui_catalog.py, models/ui-strings.tsv), on page text written for these tests, with the real models."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from langscan import Detector
from langscan.detect.ui_catalog import strings_for
from langscan.lid import models_dir

PAGES = Path(__file__).parent.parent / "data" / "furniture"


def latin(expect: str, page: str) -> list[tuple[str, str, str]]:
    text = (PAGES / page).read_text(encoding="utf-8")
    return [(f.text, f.lang, f.context) for f in Detector(expect=expect).scan(text) if f.kind.value == "latin"]


def test_untranslated_wordpress_strings_on_a_german_blog_are_found():
    got = latin("de", "de_blog_ui.txt")
    texts = " | ".join(t for t, _, _ in got)
    for ui in ("Back", "Search for:", "Previous post:", "Next post:"):
        assert ui in texts, ui
    # a WordPress category with its post count: the count is not part of the English string
    assert ("Uncategorized", "en", "boilerplate") in got
    assert all(lang == "en" for _, lang, _ in got)


def test_english_words_a_german_site_uses_as_its_own_are_not_found():
    got = latin("de", "de_blog_ui.txt")
    found = {w for t, _, _ in got for w in re.findall(r"\w+", t)}
    # German translators keep "Blog"; "Community" is no catalog string; "Art" is listed (translated "Kunst")
    # but is a German word as common as the English one
    for word in ("Blog", "Community", "Art", "Suche", "Kategorien", "Wanderungen"):
        assert word not in found, word


def test_a_section_named_in_english_among_french_sections_is_not_found():
    # "Next" is the name of a French daily's supplement between its French sections; "food" is a lowercase tag
    assert latin("fr", "fr_sections_next.txt") == []


def test_english_pages_are_not_read_by_the_catalog_rule():
    english = "Back\n\nSearch for:\n\nThe walk took us three days, and the huts served hot food all along the way.\n"
    assert Detector(expect="en").scan(english) == []
    # a page expected in English and German (a bilingual site) is not read by the rule either
    bilingual = "Zurück\n\nBack\n\nDie Wanderung dauerte drei Tage, und die Hütten waren immer geöffnet.\n"
    assert not [f for f in Detector(expect="de,en").scan(bilingual) if f.text == "Back"]


def test_the_shipped_table_holds_what_the_catalogs_say():
    german, first = strings_for("de")
    assert {"back", "search for", "uncategorized", "previous post"} <= german
    assert "back" in first and "search" in first
    # German translators keep these as they are (or use them for something else): never listed for German
    for kept in ("blog", "status", "name", "home"):
        assert kept not in german, kept
    # French capitals drop accents: "THEMES" is French "Thèmes", so "themes" is not listed for French
    assert "themes" not in strings_for("fr")[0]
    assert "themes" in strings_for("it")[0]  # (Italian: "Temi")
    # only languages written in the Latin script are listed
    assert strings_for("ru")[0] == frozenset() and strings_for("ja")[0] == frozenset()


def test_the_table_file_is_well_formed():
    lines = (models_dir() / "ui-strings.tsv").read_text(encoding="utf-8").splitlines()
    rows = [l.split("\t") for l in lines if l and not l.startswith("#")]
    assert len(rows) > 2000
    keys = [r[0] for r in rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    for key, langs in rows:
        assert key == key.casefold().strip() and 1 <= len(key.split()) <= 5
        assert not re.search(r"\d|[:.…]$", key), key
        codes = langs.split(",")
        assert codes == sorted(set(codes)) and all(re.fullmatch(r"[a-z]{2,3}", c) for c in codes), langs



def test_the_builder_keeps_only_strings_every_translation_changes(load_tool):
    tool = load_tool("build_ui_strings")
    catalogs = [
        ("de", {"Back": "Zurück", "Blog": "Blog", "Home": "Startseite", "Start": "Starten", "Go": "Start",
                "Search for:": "Suche nach:", "%s comments": "%s Kommentare", "Themes": "Themes"}),
        ("de", {("One post", "%d posts"): ("Ein Beitrag", "%d Beiträge"), "Home": "Home"}),
        ("fr", {"Themes": "Thèmes", "Back": "Retour"}),
        ("ru", {"Back": "Назад"}),
    ]
    table = tool.build(catalogs)
    assert table["back"] == ["de", "fr"]  # (Russian is not written in the Latin script)
    assert table["search for"] == ["de"]
    assert "blog" not in table and "themes" not in table  # same word; same word but for its accent
    assert "home" not in table  # one German context keeps "Home"
    assert "start" not in table  # German uses "Start" itself (for "Go")
    assert not any("%" in k or "post" in k for k in table)  # placeholders and plural forms are skipped


@pytest.mark.skipif(not (Path("/tmp/wp").exists() and any(Path("/tmp/wp").glob("wordpress-l10n_*.deb"))),
                    reason="the WordPress and Django catalogs are not on this machine (the table is built once by a "
                           "developer: tools/build_ui_strings.py); the builder's rules are tested above")
def test_the_shipped_table_rebuilds_byte_for_byte(tmp_path, load_tool):
    deb = next(Path("/tmp/wp").glob("wordpress-l10n_*.deb"))
    wheels = sorted(Path("/").glob("root/.cache/langscan-probe/django-5.2.19-*.whl"))
    if not wheels:
        pytest.skip("the Django 5.2.19 wheel is not on this machine")
    out = tmp_path / "ui.tsv"
    load_tool("build_ui_strings").main(["--wordpress", str(deb), "--django", str(wheels[0]), "--out", str(out)])
    assert out.read_bytes() == (models_dir() / "ui-strings.tsv").read_bytes()


def test_command_line_options_in_a_german_manual_are_code_not_english():
    # a German manual page as groff renders it: the options are code, whatever the expected language
    text = ("OPTIONEN\n"
            "       -r, --recursive\n"
            "              durchsucht alle Dateien unterhalb jedes Verzeichnisses rekursiv.\n\n"
            "       --delete\n"
            "              löscht die Einträge, statt sie hinzuzufügen.\n\n"
            "       --remove\n"
            "              ist gleichbedeutend mit --delete.\n\n"
            "       -k, --keep-going\n"
            "              setzt nach einer Fehlermeldung die Verarbeitung fort.\n\n"
            "       Voreinstellung: »mode,ownership,timestamps«\n\n"
            "BEISPIELE\n"
            "           $ grep maja tel2\n"
            "           maja    tel2\n\n"
            "       dann ist\n\n"
            "             gunzip -c foo\n\n"
            "       gleichbedeutend mit dem Aufruf darüber.\n")
    assert Detector(expect="de").scan(text) == []


def test_a_command_line_of_its_own_is_code_but_prose_with_a_dash_is_not():
    from langscan.evidence import mask_non_words

    for command in ("           $ grep maja tel2", "             gunzip -c foo", "       chgrp -hR staff /u",
                    "       •   # ionice -c 2 -n 0 bash", "      export PATH=/usr/bin"):
        assert not any(c.isalpha() for c in mask_non_words(command).replace("•", "")), command
    for prose in ("# intro to the topic", "The dog - a good one", "sie sagte -- nein, danach ging sie"):
        assert mask_non_words(prose) == prose


def test_program_names_of_hyphenated_words_in_a_french_manual_are_code_not_english():
    # a French manual page naming a line editor's commands and settings: names of a program, not English text
    text = ("Commandes de déplacement\n"
            "       beginning-of-line (C-a)\n"
            "              Se déplacer au début de la ligne courante.\n"
            "       backward-kill-word (M-Effacement)\n"
            "              Effacer le mot situé avant le curseur.\n"
            "       history-search-backward\n"
            "              Rechercher en arrière dans l'historique la ligne commençant comme la ligne courante.\n"
            "       re-read-init-file (C-x C-r)\n"
            "              Relire le fichier d'initialisation et prendre en compte les raccourcis.\n"
            "       show-all-if-ambiguous (Off)\n"
            "              Avec cette option, les complétions possibles sont affichées aussitôt.\n")
    assert Detector(expect="fr").scan(text) == []
    from langscan.evidence import mask_non_words

    for name in ("re-read-init-file", "(show-all-if-ambiguous)", "reset-on-fork.", "auto-reboot-to-firmware-setup"):
        assert not mask_non_words(name).strip(), name
    # two-part compounds and a word repeated are left to the reader: prose writes them
    for prose in ("a well-known writer", "anak-anak-anak", "vis-à-vis"):
        assert mask_non_words(prose) == prose
    # an English sentence among the names is still found in the French text
    found = Detector(expect="fr").scan(text + "       Note that this command is not bound to any key by default.\n")
    assert [f.lang for f in found] == ["en"]


def test_asking_the_info_reader_for_a_manual_is_code_not_english():
    # the end of a German manual page of a GNU tool, and its SEE ALSO section
    text = ("SIEHE AUCH\n"
            "       Vollständige Dokumentation unter: <https://www.gnu.org/software/coreutils/cat>\n"
            "       oder lokal verfügbar mit: info '(coreutils) cat invocation'\n\n"
            "       Die vollständige Dokumentation liegt als Texinfo-Handbuch vor. Wenn die Programme korrekt\n"
            "       installiert sind, sollte Ihnen der Befehl\n\n"
            "              info grep\n\n"
            "       den Zugriff auf das vollständige Handbuch ermöglichen.\n")
    assert Detector(expect="de").scan(text) == []
    from langscan.evidence import mask_non_words

    # (with typographic quotes, as some translations write them)
    assert not mask_non_words("info \u2019(coreutils) arch invocation\u2019").strip()
    # prose that says "info" is left alone
    for prose in ("more info here", "plus d'info sur le site", "info grep is a tool"):
        assert mask_non_words(prose) == prose


def test_german_compounds_no_lexicon_lists_are_german_words():
    from langscan.detect.setup import _best_zipf

    # two German words each, written as one: not unknown words for a German text
    for word in ("dateiinhalte", "programmvarianten", "gerätesysteme", "schlagwörter", "arbeitsplatzsuche"):
        assert _best_zipf(("de",), word) > 0, word
    # English words German web text borrows are no German parts: "understanding" is not "under" + "standing"
    assert _best_zipf(("de",), "understanding") == 0.0
    # and nothing is split for a language that does not compound
    assert _best_zipf(("fr",), "dateiinhalte") == 0.0
    text = ("Es gibt emulierte SCSI-kompatible Gerätesysteme, die SCSI-Protokolle verwenden.\n"
            "Zusätzlich entsprechen die Programmvarianten egrep, fgrep und rgrep den Aufrufen.\n")
    assert Detector(expect="de").scan(text) == []


def test_a_word_broken_across_lines_by_a_hyphen_is_no_foreign_span():
    # groff hard-wraps German manual pages with U+2010 at the break: "Datei‐" / "deskriptoren"
    text = ("Das Programm meldet einen Fehler, wenn es keine ungewöhnlichen Datei\u2010\n"
            "       deskriptoren vorfindet.\n\n"
            "Schaltet den Schreibmodus Plextor VariRec an. Der zwin\u2010\n"
            "                     gend notwendige Wert ist 4.\n")
    assert Detector(expect="de").scan(text) == []
    # a foreign line is still found, without the half of a broken word it ends with
    text = "The committee met on Tuesday.\nWeitere Inhalte finden Sie hier unten auf der Seite-\nnavigation.\n"
    got = [(f.text, f.lang) for f in Detector(expect="en").scan(text)]
    assert got == [("Weitere Inhalte finden Sie hier unten auf der", "de")]
