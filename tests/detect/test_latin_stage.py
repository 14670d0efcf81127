"""The rebuilt Latin stage on realistic text with the real models (fastText, lexicons, lingua)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from langscan import Detector
from langscan.detector import DetectorOptions
from langscan.detect.segmentation import segment, viterbi_spans

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector(expect=("en",))


def found(det, text):
    return [(f.kind.value, f.text, f.lang, f.context) for f in det.scan(text)]


# --------------------------------------------------------------------------- menus whole
@pytest.mark.parametrize("item,lang", [
    ("French Français", "fr"), ("Dansk (Danish)", "da"), ("En Español", "es"), ("em Português", "pt"),
    ("Edición en Español", "es"), ("People en Español", "es"), ("Bahasa Indonesia", "id"),
    ("Afrique francophone (français)", "fr"),
])
def test_edition_and_language_items_are_found_whole(det, item, lang):
    text = f"Subscribe\n{item}\nSign in"
    assert found(det, text) == [("latin", item, lang, "menu")]


def test_language_menu_with_a_cyrillic_item_is_one_finding(det):
    # the whole menu, separators included, so clean removes it and leaves no half menu
    assert found(det, "Read this in: Italiano | Magyar | Русский") == [
        ("latin", "Italiano | Magyar | Русский", "mul", "menu")]


def test_a_labelled_menu_row_whose_first_item_is_a_two_word_name_is_one_finding(det):
    # the label before the first item is no item: the row is read from "French Français" on
    row = "French Français | Dansk (Danish) | En Español | Deutsch | 日本語 | Русский"
    text = (f"The library opens on Monday after a three-year renovation.\nRead this page in: {row}\n"
            "The council said the building would also house a café.\n")
    assert found(det, text) == [("latin", row, "mul", "menu")]


def test_menu_links_left_with_only_spaces_between_them_are_one_menu(det):
    # an extraction that drops the separators of a dropdown: "Language: English ▾ Deutsch Français Español"
    text = ("The library opens on Monday after a three-year renovation.\nLanguage: English ▾ Deutsch Français "
            "Español\nThe council said the building would also house a café.\n")
    assert found(det, text) == [("latin", "English ▾ Deutsch Français Español", "mul", "menu")]
    # language names inside a sentence are no menu
    assert det.scan("He speaks English French and German fluently, and some Italian.") == []


def test_a_foreign_menu_row_under_a_foreign_ui_line_is_found_whole(det):
    text = ("Residents had complained for months about potholes on the main roads into the town centre.\n"
            "Aviso de Privacidad\nInicio | Noticias | Deportes | Contacto\n")
    assert [f.text for f in det.scan(text)] == ["Aviso de Privacidad\nInicio | Noticias | Deportes | Contacto"]


def test_foreign_ui_words_english_never_uses_are_found_among_english_menu_items(det):
    # "Impressum" and "Suche" between English items and the article: no English name or heading uses them
    text = ("Home\nNews\nImpressum\nSuche\nCity council approves new budget for road repairs\n"
            "The council voted eight to three on Tuesday to approve a budget that doubles spending on road repairs "
            "over the next two years, the mayor said.\n")
    assert [(f.text, f.lang) for f in det.scan(text)] == [("Impressum\nSuche", "de")]
    # an item English uses as a name stays a name there ("Bundesliga", "Piazza")
    named = text.replace("Impressum\nSuche", "Bundesliga\nPiazza")
    assert det.scan(named) == []


def test_foreign_menu_row_is_one_finding(det):
    text = "Inicio | Noticias | Deportes | Contacto"
    assert found(det, text) == [("latin", text, "es", "menu")]


def test_one_language_a_line_menu_is_one_finding_with_the_english_item(det):
    text = "Choose your language\nEnglish\n\n  \nDeutsch\nTiếng Việt\nTürkçe\nPolski\nWe use cookies."
    assert found(det, text) == [("latin", "English\n\n  \nDeutsch\nTiếng Việt\nTürkçe\nPolski", "mul", "menu")]


def test_edition_menu_of_country_names_is_one_finding(det):
    # CLDR country names in their own languages ("Brasil", "Deutschland") make the list an edition menu
    text = "eHow en Español\n\n eHow Brasil\n\n eHow Deutschland\nHow to fix a leaking tap in ten minutes."
    assert [(f.text, f.context) for f in det.scan(text)] == [
        ("eHow en Español\n\n eHow Brasil\n\n eHow Deutschland", "menu")]


@pytest.mark.parametrize("menu,whole", [
    # country names in their own languages, found one by one, seed the edition menu they stand in
    ("Choose your edition\nInternational\nDeutschland\nPolska\nMagyarország\nRomânia\n",
     "Deutschland\nPolska\nMagyarország\nRomânia"),
    ("Editions:\nU.S. Edition\n日本\n한국\nPakistan\nPolska\nRomânia\n", "日本\n한국\nPakistan\nPolska\nRomânia"),
])
def test_edition_menu_of_country_endonyms_is_one_finding(det, menu, whole):
    body = ("The company said on Tuesday that it would cut prices across its range of electric cars, "
            "the third reduction this year, as competition from cheaper rivals intensified.\n\n")
    assert [(f.text, f.lang, f.context) for f in det.scan(body + menu)] == [(whole, "mul", "menu")]


@pytest.mark.parametrize("row,whole", [
    # an edition menu in capitals: the country's own name is an item of it, though a lone word in capitals is
    # otherwise read as an acronym or a label
    ("U.S. | INTERNATIONAL | MÉXICO | ESPAÑOL", "MÉXICO | ESPAÑOL"),
    # three languages named: the edition menu is found whole, its English item included
    ("US | Japón | Italia | Español", "US | Japón | Italia | Español"),
])
def test_country_names_in_their_own_language_are_items_of_a_row_naming_a_language(det, row, whole):
    body = "\nThe city council decided on Monday to cut fees for after-school programs, the mayor said.\n"
    assert [(f.text, f.context) for f in det.scan(row + body)] == [(whole, "menu")]


@pytest.mark.parametrize("row", [
    "Home | World | Japan | Australia | Español",  # English names of countries stay English
    "Italia | Roma | Milano",  # a row of places that names no language is no edition menu
])
def test_country_names_items_need_a_foreign_name_and_a_row_naming_a_language(det, row):
    body = "\nThe city council decided on Monday to cut fees for after-school programs, the mayor said.\n"
    assert all(f.text in ("Español",) for f in det.scan(row + body))


@pytest.mark.parametrize("expect, switcher, body", [
    ("de", "English\n\nDeutsch", "Die Stadtverwaltung informiert über die neuen Öffnungszeiten der Bürgerbüros."),
    ("de", "English | Deutsch", "Die Stadtverwaltung informiert über die neuen Öffnungszeiten der Bürgerbüros."),
    ("en", "English / Español", "The city council has announced new opening hours for its citizen offices."),
    ("en", "Read in: English | Français", "The city council has announced new opening hours for its offices."),
])
def test_a_two_item_switcher_is_found_whole_with_the_pages_own_language(expect, switcher, body):
    found = [(f.text, f.context) for f in Detector(expect=expect).scan(switcher + "\n" + body + "\n")]
    assert found == [(switcher.replace("Read in: ", ""), "menu")]


def test_the_pages_own_language_named_in_a_sentence_is_no_switcher_item(det):
    assert det.scan("Our German course: Deutsch\nThe city council has announced new opening hours.\n") == []


_DE_NEWS = "Die Stadtverwaltung informiert über die neuen Öffnungszeiten der Bürgerbüros ab dem kommenden Montag.\n"


def test_an_english_menu_one_item_a_line_on_a_german_page_is_one_finding():
    # "Germany" (German readers know the word too) sits between found items: it is part of the menu
    text = "Backstage\nFront Page\n\tWorld\n\tEurope\n\tGermany\n\tBusiness\nAbo-Angebote\n" + _DE_NEWS
    got = [(f.text, f.lang, f.context) for f in Detector(expect="de").scan(text)]
    assert got == [("Front Page\n\tWorld\n\tEurope\n\tGermany\n\tBusiness", "en", "menu")]


def test_english_items_with_a_german_item_between_them_are_not_joined_over_it():
    text = "Front Page\nWorld\nWirtschaft und Finanzen\nEurope\nBusiness\n" + _DE_NEWS
    assert "Wirtschaft" not in " ".join(f.text for f in Detector(expect="de").scan(text))


def test_a_switcher_of_language_codes_one_a_line_is_a_menu():
    text = "DE\t\t\n\n\t   FR\t\t\n\n\t   IT\n" + _DE_NEWS
    assert [(f.text, f.context) for f in Detector(expect="de").scan(text)] == [("DE\t\t\n\n\t   FR\t\t\n\n\t   IT", "menu")]


@pytest.mark.parametrize("expect, lines", [
    ("en", "US\nUK\nEU\n"),  # abbreviations, and no "EN" among them: the page's own code makes a switcher
    ("de", "DE\nAT\nCH\n"),  # country codes of German-speaking countries
])
def test_capital_abbreviations_one_a_line_are_no_switcher(expect, lines):
    body = _DE_NEWS if expect == "de" else "The city council has announced new opening hours for its citizen offices.\n"
    assert Detector(expect=expect).scan(lines + body) == []


def test_switcher_of_scripts_and_language_codes_is_one_finding(det):
    text = "Follow us\nالعربية\nESP\nРУС\nDE\nFR\nThe news of the day is here."
    assert [(f.text, f.context) for f in det.scan(text)] == [("العربية\nESP\nРУС\nDE\nFR", "menu")]


def test_bracketed_endonym_closing_a_menu_item_is_found(det):
    text = "Sign in\nSwitch to Latino (Español)\nThe market closed higher on Friday."
    assert found(det, text) == [("latin", "(Español)", "es", "menu")]
    assert det.scan("He said it in Spanish (Español) twice, then switched to English.") == []


def test_site_menus_with_one_foreign_item_each_are_not_a_language_menu(det):
    text = "Contact | World | Kontakt | Subscribe | News\nTravel | World | Հայերեն | Opinion | Video\n"
    assert [f.text for f in det.scan(text)] == ["Kontakt", "Հայերեն"]


def test_a_short_line_holding_a_foreign_run_ends_the_switcher(det):
    text = "Follow us\nالعربية esp рус de fr\nинотв rтд\nThe news of the day is here, with more to come."
    assert [(f.text, f.context) for f in det.scan(text)] == [("العربية esp рус de fr\nинотв rтд", "menu")]


def test_country_names_in_english_prose_are_not_a_menu(det):
    assert det.scan("We drove from Canada to Brasil and then flew to Deutschland for the fair.") == []


def test_language_names_in_an_english_sentence_are_not_a_menu(det):
    assert det.scan("He speaks Deutsch, French and Italian.") == []
    assert det.scan("The Indonesia trip was planned for May.") == []


# --------------------------------------------------------------------------- capitalised foreign text
@pytest.mark.parametrize("text", [
    "Legen Sie Ihr Vermögen in vertrauensvolle Hände?",
    "Deine Nachrichten an einem Ort",
])
def test_capitalised_german_is_german_not_names(det, text):
    page = "Sign up for our weekly newsletter.\n" + text + "\nRead more about our privacy policy."
    (f,) = det.scan(page)
    assert f.lang == "de" and f.text == text


def test_capitalised_german_with_one_plain_word_in_lowercase_is_german(det):
    # every capitalised word could be a name, and "installierten", the one lowercase word English lacks, is no
    # everyday German word; but every other lowercase word is German too ("zur", "von"), as no name has it
    text = "Dialog zur Verwaltung von installierten Erweiterungen"
    (f,) = det.scan("Sign up for our weekly newsletter.\n" + text + "\nRead more about our privacy policy.")
    assert (f.text, f.lang) == (text, "de")


@pytest.mark.parametrize("text", ["Alle Menschen", "Aktuelle Nachrichten", "Grenzen Informationen"])
def test_two_capitalised_german_words_english_hardly_knows_are_german(det, text):
    # two words are too few to call capitalised German prose by count alone, but every word is everyday German
    # and rare in English: no name English writes about
    (f,) = det.scan("Sign up for our weekly newsletter.\n" + text + "\nRead more about our privacy policy.")
    assert (f.text, f.lang) == (text, "de")


@pytest.mark.parametrize("name", ["Deutsche Bank", "Bayern München", "Der Spiegel", "Die Welt"])
def test_two_word_german_names_english_knows_stay_names(det, name):
    assert det.scan("Sign up for our weekly newsletter.\n" + name + "\nRead more about our privacy policy.") == []


def test_a_german_compound_no_word_list_holds_is_german_evidence(det):
    # "Datenspeicher" is in neither word list; read as "Daten" + "Speicher" it is German, and "einem" alone is
    # too little to call the pair German
    text = "The manual says to copy the files before the upgrade. einem Datenspeicher\nThen restart the machine."
    (f,) = det.scan(text)
    assert (f.text, f.lang) == ("einem Datenspeicher", "de")


def test_english_words_made_of_english_parts_are_no_german_compounds(det):
    # each part is more common in English than in German, so the words are no German compounds
    assert det.scan("The boatyard's floatplanes and the shipwrights' workbenches were sold at the auction.") == []


def test_a_foreign_word_in_a_list_of_names_is_a_name(det):
    # a navbox of discontinued Mozilla products, one a line: "Minimo" is an Italian word, and a product's name
    # beside "Grendel", a name no language uses every day
    navbox = "Discontinued\n\nCalendar Project\n\nCamino\n\nFirefox Home\n\nGrendel\n\nMinimo\n\n"
    assert det.scan("The browser was first released in 2005.\n\n" + navbox + "The project ended in 2010.") == []
    # a German footer link under English ones, or under another German one, is still found
    assert found(det, "The council met on Tuesday.\n\nAbout us\nContact\nImpressum\nPrivacy\n") == [
        ("latin", "Impressum", "de", "boilerplate")]
    assert [f.text for f in det.scan("The council met on Tuesday.\n\nDatenschutz\nImpressum\n")] == [
        "Datenschutz\nImpressum"]


@pytest.mark.parametrize("name", ["Museo de la Ciudad de México y Centro Histórico",
                                  "Wernher von Braun Space Flight Center", "Rudolf von Habsburg zu Lothringen"])
def test_long_names_with_particles_stay_names(det, name):
    assert det.scan("Sign up for our weekly newsletter.\n" + name + "\nRead more about our privacy policy.") == []


def test_names_in_english_stay_clean(det):
    for text in ["The gallery's director, José Müller, welcomed François Hollande and Nguyễn Văn Thành.",
                 "Łukasz Piszczek and Wojciech Szczęsny joined the squad on Monday."]:
        assert det.scan(text) == []


# --------------------------------------------------------------------------- languages without a lexicon
@pytest.mark.parametrize("sentence,lang", [
    ("Ngiyabonga kakhulu ngosizo lwakho namhlanje.", "zu"),
    ("Mahali pazuri pa kupumzika baada ya kazi ngumu ya siku nzima.", "sw"),
])
def test_languages_without_a_word_list_are_found_and_named(det, sentence, lang):
    text = f"We stopped at the village before noon. {sentence} Then we drove on to the coast."
    (f,) = det.scan(text)
    assert f.text == sentence and f.lang == lang


def test_a_word_pair_lingua_misnames_is_found_in_the_language_fasttext_is_sure_of(det):
    # lingua reads "der komprimierten" as Spanish, whose word list does not hold "der"; fastText hears German
    # surely, and German's list knows "der" far better than English does
    text = "We stopped at the village before noon.\nder komprimierten\nThen we drove on to the coast."
    assert [(f.text, f.lang) for f in det.scan(text)] == [("der komprimierten", "de")]


def test_quoted_word_pair_is_found(det):
    (f,) = det.scan('At the end of the evening he wrote "eskerrik asko" on the card.')
    assert (f.text, f.lang, f.context) == ("eskerrik asko", "eu", "quote")


# --------------------------------------------------------------------------- spans that fill their sentence
_FR_BEFORE = "Le conseil municipal a voté mardi soir le nouveau budget de la ville pour l’année prochaine.\n"
_FR_AFTER = "\nLa séance a duré plus de trois heures et les débats ont été animés."


def test_an_english_sentence_on_a_french_page_is_found_whole():
    # the dash ends a unit, and "even if it’s" alone is no evidence: the second half came out without it, and
    # clean left "- even if it’s" behind. The words left out are no French words, so the sentence is one finding
    sentence = "Feeding the pigeons in the square will cost you a fine - even if it’s supposed to be kind."
    got = [(f.text, f.lang) for f in Detector(expect="fr").scan(_FR_BEFORE + sentence + _FR_AFTER)]
    assert got == [(sentence, "en")]


def test_english_words_before_a_foreign_sentence_do_not_join_it(det):
    text = "Rob Lowe remembers a Raamatukogu on avatud iga päev peale pühapäeva.\nThen we drove on to the coast."
    (f,) = det.scan("We stopped at the village before noon.\n" + text)
    assert f.lang == "et" and "pühapäeva" in f.text and "remembers" not in f.text


def test_a_title_inside_a_foreign_sentence_stays_a_title():
    # the title is English and capitalised; the French words around it must not make it a French sentence's
    # English finding ("Le documentaire ... du cinéaste" is French prose)
    text = ("Le documentaire The Secret Life of Harbour Seals du cinéaste Paul Martin relate la vie des phoques. "
            "Il sort en mars.")
    assert Detector(expect="fr").scan(_FR_BEFORE + text + _FR_AFTER) == []


# --------------------------------------------------------------------------- word boundaries
@pytest.mark.parametrize("text,fragment", [
    ("Auf WhatsApp teilen und Facebook liken", "Auf WhatsApp teilen und Facebook liken"),
    ("Jetzt bei YouTube abonnieren", "Jetzt bei YouTube abonnieren"),
])
def test_findings_do_not_cut_camelcase_brands(det, text, fragment):
    assert [f.text for f in det.scan("Share this story.\n" + text)] == [fragment]


def test_cyrillic_word_with_a_latin_letter_is_found_whole(det):
    texts = [f.text for f in det.scan("Россия (Pусский)")]
    assert "Pусский" in texts and "усский" not in texts


def test_glued_caption_is_not_extended_into_the_next_sentence(det):
    text = "Annetulla sivulla ei ole tuloksiaBy the time the police arrived, the crowd had gone."
    (f,) = det.scan(text)
    assert f.text == "Annetulla sivulla ei ole tuloksia" and f.context == "caption"


# --------------------------------------------------------------------------- other expected languages
def test_urls_emails_domains_and_hashtags_are_never_findings_in_russian():
    det = Detector(expect="ru")
    text = "Подробнее на сайте www.wday.ru, пишите на wday.ru_legal@hspub.ru или заходите на vse-diety.com #здоровье"
    assert det.scan(text) == []


def test_urls_are_never_findings_in_portuguese():
    det = Detector(expect="pt")
    text = "Mais informações em www.wday.ru ou escreva para wday.ru_legal@hspub.ru e visite vse-diety.com hoje mesmo."
    assert det.scan(text) == []


def test_game_console_commands_in_a_russian_post_are_code_not_english():
    # dotted names ("player.setav") are code: masked, the words left ("speedmult", "health") are too few
    det = Detector(expect="ru")
    text = ("Характеристики бега можно увеличить за счет кодов\n"
            "стандартная скорость\u00a0player.setav speedmult *х100\n"
            "player.setav health * .\nplayer.setav stamina *\n"
            "Рекомендуем дополнительно изучить консоль управления игрой.\n")
    assert det.scan(text) == []


@pytest.mark.parametrize("expect, text", [
    ("ru", "Чтобы установить пакет, выполните pip install --upgrade numpy pandas, затем import numpy as np.\n"),
    ("pt", 'Para instalar, rode npm install --save-dev typescript eslint e depois git commit -m "fix build".\n'),
    ("de", "Mit dem Befehl sudo apt-get install build-essential libssl-dev installieren Sie die Abhängigkeiten.\n"),
    ("fr", "Lancez ensuite make -j4 puis docker compose up -d pour démarrer tous les services du projet.\n"),
])
def test_command_lines_written_inside_prose_are_code_whatever_the_expected_language(expect, text):
    assert Detector(expect=expect).scan(text) == []


@pytest.mark.parametrize("expect, text", [
    # an Angular template left in a French page's text: its string literals are code, not an English sentence
    ("fr", "Le conseil municipal a voté le budget mercredi soir après un long débat.\n"
           '{{nrco.contentDetailController.content.status === "published" ? "Contenu publié" :\n'
           '  nrco.contentDetailController.content.status === "pending" ? "Waiting for review" : "Unknown"}}\n'),
    # a script left in an English page's text: method calls are code (and "FormData" glues nothing)
    ("en", "Sign in to comment on this story.\n"
           "var form = new FormData(document.getElementById('login-form'));\n"
           'fetch("/login", { method: "POST", body: form })\n'),
])
def test_lines_that_are_mostly_code_are_code_whole(expect, text):
    assert Detector(expect=expect).scan(text) == []


def test_a_cloud_command_line_in_a_manual_is_code():
    # a gcloud manual page as man renders it: its synopsis and examples name subcommands, no English sentence
    text = ("NAME\n"
            "       gcloud dataplex glossaries create - create a Dataplex Glossary resource\n\n"
            "EXAMPLES\n"
            "       To create a glossary in the project, run:\n\n"
            "         $ gcloud dataplex glossaries create test-glossary \\\n"
            "             --location=us-central1 --display-name=\"Glossary\"\n\n"
            "       This variant is also available:\n\n"
            "         $ gcloud alpha dataplex glossaries create\n")
    assert Detector(expect="en").scan(text) == []


def test_a_template_line_repeated_through_a_page_is_code_every_time():
    line = '{{ctrl.item.status === "published" ? "Published" : "Waiting for review"}}\n'
    text = "Le conseil municipal a voté le budget mercredi soir après un long débat.\n" + line * 3
    assert Detector(expect="fr").scan(text) == []


def test_a_sentence_with_one_identifier_or_a_link_is_still_read():
    from langscan.evidence import mask_non_words

    line = "Setzen Sie die Option user_name in der Datei, bevor Sie den Server neu starten."
    assert mask_non_words(line).split() == [w for w in line.split() if w != "user_name"]
    line = "Lesen Sie mehr unter https://www.spiegel.de/politik/deutschland/ein-langer-pfad.html"
    assert mask_non_words(line).split() == ["Lesen", "Sie", "mehr", "unter"]


def test_a_program_name_that_is_an_everyday_word_starts_no_command_without_code_after_it():
    from langscan.evidence import mask_non_words

    # "cargo" is Spanish, "make" and "go" English: with no flag, path or file name after them they are words
    line = "El director a cargo del equipo dijo que make sure y go home son frases en inglés."
    assert mask_non_words(line) == line
    assert mask_non_words("Luego ejecute cargo build --release").split() == ["Luego", "ejecute"]
    # and an English fragment after a sentence that names a program is still found in German text
    text = "Wir nutzen git für alle Projekte. Please do not reply to this automatically generated message.\n"
    assert [f.lang for f in Detector(expect="de").scan(text)] == ["en"]


@pytest.mark.parametrize("expect, text", [
    ("ru", "Правительство утвердило новый план развития транспорта.\n"
           "Метки: fitness, healthy food, diet, sport, wellness, yoga\nМинистр отметил, что деньги выделят.\n"),
    ("pt", "O governo anunciou um novo pacote de medidas para a economia.\n"
           "Tags: breaking news, economy, stock market, inflation, interest rates\n"
           "O ministro afirmou que as medidas entram em vigor neste mês.\n"),
])
def test_a_labelled_tag_cloud_of_english_keywords_is_no_finding(expect, text):
    assert Detector(expect=expect).scan(text) == []


def test_a_lowercase_foreign_list_without_a_label_is_still_found(det):
    # month names appended to an English line are foreign text, not tags
    text = "The calendar on the wall listed the months as janvier, février, mars, avril, mai, juin.\n"
    assert [f.lang for f in det.scan(text)] == ["fr"]


# --------------------------------------------------------------------------- whole pages
def test_indonesian_page_with_english_furniture_is_one_document_finding(det):
    text = (DATA / "indonesian_page_english_furniture.txt").read_text(encoding="utf-8")
    (f,) = det.scan(text)
    assert f.kind.value == "document" and f.lang == "id"


# --------------------------------------------------------------------------- glosses
def test_vocabulary_gloss_is_reported_only_when_asked():
    text = "Lesson 4: food\n食べる (たべる) - to eat\n飲む (のむ) - to drink"
    assert Detector().scan(text) == []
    from langscan import DetectorOptions

    shown = Detector(options=DetectorOptions(report_glosses=True)).scan(text)
    assert [f.context for f in shown] == ["gloss", "gloss"] and shown[0].text.startswith("食べる")


# --------------------------------------------------------------------------- segmentation and overlaps
def test_viterbi_finds_a_foreign_run_between_expected_words():
    llrs = [-2.0, -2.0, 1.5, 1.5, 1.5, -2.0]
    assert viterbi_spans(llrs, 1.2) == [(2, 5)]
    assert viterbi_spans([-1.0, 0.4, -1.0], 1.2) == []
    # two runs a cheap switch keeps apart, one when the gap costs less than two switches
    assert viterbi_spans([2.0, 2.0, -0.5, 2.0, 2.0], 1.2) == [(0, 5)]
    assert viterbi_spans([2.0, 2.0, -3.0, 2.0, 2.0], 1.2) == [(0, 2), (3, 5)]
    assert segment([2.0, 2.0, -3.0, 0.8], 0.0, 2.0) == [(0, 2, 4.0)]


PIECES = [
    "The army said on Monday that the offensive continued. ", "Italiano | Magyar | Русский", "\n",
    "Alle Rechte vorbehalten. ", "Inicio | Noticias | Deportes | Contacto", "Auf WhatsApp teilen ",
    "N\u0430val ", "Россия (Pусский) ", "French Français", "(", ")", " | ", '"eskerrik asko" ',
    "Ngiyabonga kakhulu ngosizo lwakho namhlanje. ", "Annetulla sivulla ei ole tuloksia", "By the way ",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=10))
def test_findings_never_overlap_and_never_start_or_end_with_space(pieces):
    text = "".join(pieces)
    fs = Detector().scan(text)
    for a, b in zip(fs, fs[1:]):
        assert a.end <= b.start
    for f in fs:
        assert text[f.start:f.end] == f.text and f.text == f.text.strip()
        if f.kind.value == "latin":
            assert not (f.start > 0 and text[f.start - 1].isalpha() and text[f.start].isalpha()
                        and not (text[f.start - 1].islower() and text[f.start].isupper()))


# --------------------------------------------------------------------------- calibration
def test_calibration_table_is_monotone_and_a_probability():
    import json

    from langscan.lid import models_dir

    doc = json.loads((models_dir() / "calibration.json").read_text(encoding="utf-8"))
    assert doc["tables"], "no fitted table shipped"
    for group, steps in doc["tables"].items():
        uppers = [u for u, _ in steps]
        probs = [p for _, p in steps]
        assert uppers == sorted(uppers) and uppers[-1] == 1.0, group
        assert probs == sorted(probs), f"{group}: a higher raw score maps to a lower probability"
        assert all(0.0 < p < 1.0 for p in probs), group


def test_reported_scores_are_the_calibrated_ones(det):
    from langscan import DetectorOptions
    from langscan.detect.calibration import calibrate

    text = "The minister spoke for an hour. Le gouvernement a annoncé de nouvelles mesures pour lutter contre la pollution."
    raw = Detector(options=DetectorOptions(calibrated=False)).scan_raw(text)
    (f,) = det.scan(text)
    ((g, r),) = raw
    assert g.score == round(r, 4)
    assert f.score == round(calibrate("latin", f.context, r), 4)


def test_english_spoofed_with_lookalikes_is_homoglyphs_not_a_document(det):
    text = ("Тhе соmраnу sаid thаt its nеw sеrviсе wоuld bе аvаilаblе tо аll сustоmеrs frоm Моndау mоrning. "
            "Тhе рriсе wаs nоt аnnоunсеd.")
    found_ = det.scan(text)
    assert found_ and all(f.kind.value == "homoglyph" for f in found_)
    assert len({(f.start, f.end) for f in found_}) == len(found_)


def test_one_homoglyph_finding_for_a_word_with_a_combining_mark(det):
    (f,) = det.scan("The Nav\u0430\u0488l academy opened.")
    assert f.kind.value == "homoglyph" and f.text == "Nav\u0430\u0488l"


def test_clean_english_does_not_load_lingua():
    """lingua's models load only for a span that needs a language; a clean English page never does."""
    import subprocess
    import sys

    code = (
        "import sys; from langscan import Detector; import langscan.detect.lingua_evidence as le; "
        "t = open(sys.argv[1], encoding='utf-8').read(); "
        "t = t.replace('الدفاع الوطني - القناة الرسمية', '').replace('Заголовок открываемого материала', ''); "
        "assert Detector().scan(t) == []; print(le._detector is None)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(DATA / "founding_example.txt")], capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "True"


def test_one_edition_a_line_list_is_one_finding(det):
    text = ("Choose a language\n\nUnited States (English) - en\n\nUnited States (español) - es\n\n"
            "Suisse (français)\nTürkiye (Türkçe)\n")
    assert [(f.text, f.lang, f.context) for f in det.scan(text)] == [
        ("United States (English) - en\n\nUnited States (español) - es\n\nSuisse (français)\nTürkiye (Türkçe)",
         "mul", "menu")]


# --------------------------------------------------------------------------- names of works, page terms, tag lists
def test_quoted_title_in_a_reference_entry_is_a_cited_work(det):
    title = "Die Geschichte der deutschen Eisenbahn im Wandel der Zeit"
    assert [f.text for f in det.scan(title)] == [title]  # on its own, German
    entry = f'^ Müller, Hans (2004). "{title}". Der Spiegel. Retrieved 12 May 2010.'
    assert det.scan(entry) == []


def test_a_quote_is_discussed_only_when_words_about_language_stand_next_to_it(det):
    quote = "Det er ikke så lett å si hva som skjer"
    # "means" far from the quote, in a line of ordinary prose: the quote is stray text
    text = (f"This means that the settings file is read once at start-up, and the log then shows "
            f"“{quote}” where the English message should be.")
    assert [(f.text, f.context) for f in det.scan(text)] == [(quote, "quote")]
    # the word next to it says it is discussed: an example, reported only when glosses are asked for
    discussed = f"The Norwegian sentence “{quote}” means that nobody knows what will happen."
    assert det.scan(discussed) == []


def test_accessed_without_a_date_is_prose_not_a_reference_entry(det):
    title = "Die Geschichte der deutschen Eisenbahn im Wandel der Zeit"
    assert det.scan(f'^ Müller, Hans (2004). "{title}". Accessed on 3 May 2010.') == []
    prose = f'Accessed by the firmware at boot, the table is labelled "{title}" by the vendor.'
    assert [f.text for f in det.scan(prose)] == [title]


def test_a_passage_quoted_in_its_script_over_its_translation_is_a_gloss(det):
    saying = "اطلبوا العلم من المهد إلى اللحد"
    page = (f"The teacher opened the lesson with an old saying:\n\n{saying}\n\n"
            "“Seek knowledge from the cradle to the grave.”\n\nThen she asked the class what it meant to them.\n")
    assert det.scan(page) == []
    glossing = Detector(options=DetectorOptions(expect=("en",), report_glosses=True))
    assert [(f.text, f.context) for f in glossing.scan(page)] == [(saying, "gloss")]
    # with no translation after it, the same passage is a stray fragment
    alone = f"The teacher opened the lesson.\n\n{saying}\n\nThen she asked the class to sit down.\n"
    assert [f.text for f in det.scan(alone)] == [saying]
    # a word on its line over a quoted headline is no passage with its translation
    heading = "네팔어\n“Alarming mortality rate”\nHealth care providers have protested longer detention periods.\n"
    assert [f.text for f in det.scan(heading)] == ["네팔어"]


def test_the_translation_test_reads_only_short_lines():
    from langscan.detect import tuning
    from langscan.detect.context import _short_line

    text = "first line\nАрабский текст здесь\nlast line"
    assert _short_line(text, 11, 15) == (11, 31)
    # a line longer than GLOSS_LINE_MAX is prose: not read, however far its start or end lies
    huge = "word Заголовок " * (tuning.GLOSS_LINE_MAX // 5)
    middle = len(huge) // 2
    assert _short_line(huge, middle, middle + 9) is None
    assert _short_line("x\n" + huge, 2, 6) is None


def test_a_foreign_headline_in_title_case_is_found_and_english_headlines_with_foreign_names_are_not(det):
    text = ("Related coverage from our partners\n"
            "Gobierno Aprueba Nueva Ley De Vivienda Para Jóvenes\n"
            "Governo Anuncia Novas Medidas Para A Economia\n"
            "The council voted eight to three on Tuesday to approve a budget that doubles spending on roads.\n")
    assert [(f.text, f.lang) for f in det.scan(text)] == [
        ("Gobierno Aprueba Nueva Ley De Vivienda Para Jóvenes", "es"),
        ("Governo Anuncia Novas Medidas Para A Economia", "pt")]
    english = ("Real Madrid Beat Barcelona In El Clásico At The Santiago Bernabéu\n"
               "Mexico City's Día De Los Muertos Parade Draws Record Crowds This Year\n"
               "Bayern München Extend Lead In Bundesliga With Win Over Borussia Dortmund\n")
    assert det.scan(english) == []


def test_a_title_after_its_reference_entrys_year_is_a_cited_work(det):
    refs = ("Müller, H. (2004). Die Geschichte der deutschen Eisenbahn. Berlin: Springer. pp. 12–45.\n"
            "García Márquez, Gabriel (1967). Cien años de soledad. Buenos Aires: Editorial Sudamericana.\n")
    assert det.scan(refs) == []
    # the same sentence with no entry around it is stray text
    stray = "The report ends here. Die Geschichte der deutschen Eisenbahn ist lang und voller Umwege.\n"
    assert [f.lang for f in det.scan(stray)] == ["de"]


def test_terms_in_brackets_after_the_word_they_translate_are_glosses(det):
    text = "Social life was organised around families (whānau), subtribes (hapū) and tribes (iwi), each led by a chief."
    assert det.scan(text) == []
    glossing = Detector(options=DetectorOptions(expect=("en",), report_glosses=True))
    assert [f.context for f in glossing.scan(text)] == ["gloss"]


# Wikipedia's lead sentences and lists give every name from another script with its original spelling
WIKI_LEADS = (
    "Moscow (Russian: Москва, tr. Moskva) is the capital and largest city of Russia, standing on the Moskva River.\n"
    "Tokyo (東京, Tōkyō) is the capital of Japan and one of the most populous cities in the world.\n"
    "Athens (Greek: Αθήνα, romanized: Athína) is the capital and largest city of Greece.\n"
    "Shuzo Matsutani (松谷 修造, Matsutani Shūzō) is a student of kendo and carries a wooden stick.\n"
    "The Hwajeontae Dance (花前態舞) is one of the royal court dances performed at the palace.\n"
    '1. "A Girl Admiring The Sunset" "Tasogare wo mitsu meru shōjo" (黄昏を見つめる少女) October 14, 1999\n'
    "今、そこに いる僕\n\n(Ima, Soko ni Iru Boku)\n\nGenre: Drama, Military, Science Fiction\n"
)


def test_a_name_with_its_spelling_in_another_script_beside_it_is_a_gloss(det):
    assert det.scan(WIKI_LEADS) == []
    glossing = Detector(options=DetectorOptions(expect=("en",), report_glosses=True))
    shown = glossing.scan(WIKI_LEADS)
    assert {f.context for f in shown} == {"gloss"}
    assert {"Москва", "東京", "Αθήνα", "松谷 修造", "花前態舞", "黄昏を見つめる少女", "今、そこに いる僕"} <= \
        {f.text for f in shown}


def test_foreign_text_beside_a_bracket_in_its_own_script_or_a_dateline_is_still_found(det):
    # the bracket after it is the next paragraph's dateline, not a reading of the credit
    credit = "Credit: Заголовок открываемого материала\n(CNN) President Donald Trump made an unscheduled trip."
    assert [f.text for f in det.scan(credit)] == ["Заголовок открываемого материала"]
    # a bracket in the same script as the fragment is no spelling of it
    menu = "Read more: Заголовок открываемого материала (Москва) at the end of the page, then go home."
    assert [f.text for f in det.scan(menu)] == ["Заголовок открываемого материала (Москва)"]


def test_a_title_that_recurs_in_english_prose_is_a_name(det):
    assert [f.text for f in det.scan("Related films\nNaken\n")] == ["Naken"]
    text = "The film is a remake of the 2000 Swedish film Naken, shot in Stockholm.\n\nRelated films\nNaken\n"
    assert det.scan(text) == []


@pytest.mark.parametrize("expect, text", [
    ("de", "Der Streamingdienst startet im Herbst mit der Serie Andor und dem Film Guardians of the Galaxy."),
    ("es", "El grupo anunció las fechas de su gira Music of the Spheres en estadios de México y Argentina."),
])
def test_an_english_title_in_title_case_inside_a_sentence_is_a_name(expect, text):
    assert Detector(expect=expect).scan(text) == []


def test_an_english_sentence_in_another_language_is_still_found():
    # lowercase words that no English title leaves in lowercase ("do", "reply") make it a sentence
    text = "Die Nachricht endet mit dem Satz Please do not reply to this message und einem Link zur Hilfe."
    assert [f.lang for f in Detector(expect="de").scan(text)] == ["en"]


def test_english_title_inside_a_french_sentence_is_a_name():
    fr = Detector(expect=("fr",))
    assert fr.scan("Le documentaire The Death and Life of Marsha P. Johnson du cinéaste David France relate "
                   "l’enquête de l’activiste Victoria Cruz.") == []
    # an English sentence appended to French text is still found
    assert [f.text for f in fr.scan("Le documentaire raconte la vie de Marsha et de ses amies. "
                                   "Read the whole story on our English website today.")] == [
        "Read the whole story on our English website today."]


def test_keyword_list_is_not_a_fragment():
    pt = Detector(expect=("pt",))
    tags = ("calendario stock car 2018, stock car brasil, stock car cascavel, stock car corrida milhão, "
            "stock car interlagos, stock car santa cruz do sul, stock car taruma, stock car velopark")
    assert pt.scan(tags) == []


def test_english_furniture_repeated_on_a_spanish_page_is_found():
    es = Detector(expect=("es",))
    story = ("El presidente habló ayer con los periodistas sobre la reforma fiscal.\nPhoto\n"
             "La oposición pidió más tiempo para estudiar el proyecto de ley.\n")
    assert es.scan(story) == []  # once, "Photo" could be a caption word borrowed by the page
    found = es.scan(story * 3)
    assert [(f.text, f.lang) for f in found] == [("Photo", "en")] * 3


def test_an_english_ad_label_repeated_on_a_spanish_page_is_found():
    es = Detector(expect=("es",))
    story = ("El presidente habló ayer con los periodistas sobre la reforma fiscal.\n   Advertisement\n"
             "La oposición pidió más tiempo para estudiar el proyecto de ley.\n")
    assert es.scan(story) == []
    assert [(f.text, f.lang) for f in es.scan(story * 3)] == [("Advertisement", "en")] * 3


def test_a_repeated_name_the_model_does_not_hear_as_the_language_is_not_furniture(det):
    # "Palau" is an everyday Catalan word, but as a line heading each row it is the country's name
    rows = "".join(f"Palau\nPopulation {n} thousand, capital Ngerulmud, reported this year.\n" for n in (17, 18, 19))
    assert det.scan(rows) == []



# --------------------------------------------------------------------------- word pairs in English sentences
@pytest.mark.parametrize("text,frag,lang", [
    ("Here is a rough overview of the key points of the system. Tous les", "Tous les", "fr"),
    ("Here is an “Tous les” overview of the main commands of the tool.", "Tous les", "fr"),
])
def test_a_foreign_pair_appended_or_quoted_in_a_long_english_line_is_found(det, text, frag, lang):
    assert [(f.text, f.lang) for f in det.scan(text)] == [(frag, lang)]


def test_a_lone_everyday_foreign_word_in_a_long_english_line_is_not_flagged(det):
    assert det.scan("The band played a set of old tunes at the fair, then the crowd sang along. Tous.") == []
    assert det.scan("We met Alle at the station and then walked over to the market to buy fresh bread.") == []


def test_a_quoted_setswana_sentence_of_short_shared_words_is_found(det):
    text = "The report says “Mongwe le mongwe o na le tshwanelo ya boagi.” according to the authors."
    assert [(f.text, f.lang) for f in det.scan(text)] == [("Mongwe le mongwe o na le tshwanelo ya boagi", "tn")]
    # a quoted English line of slang is still English
    assert det.scan("He shouted “I’mnah drunk! I’m jethnah master now.” and fell asleep.") == []


def test_a_quoted_english_tweet_of_words_other_languages_share_is_not_flagged(det):
    # "tall", "glass" and "november" are everyday Swedish or Dutch too; lingua reads the quote as Yoruba, a
    # language without a word list, and only short shared particles may stand for its words
    assert det.scan("He said: “— tall glass of coquito 🎄 (@_orabora) November 19, 2019” and left.") == []


@pytest.mark.parametrize("quote", ["Pats place Olszewski on IR", "Māori Battalion haka in Egypt, 1941",
                                   "umair haque in Eudaimonia and Co"])
def test_a_quoted_line_of_names_between_english_words_is_not_flagged(det, quote):
    # real English lines (a sports headline, a photo caption, a byline) that lingua gives to Polish, Tsonga and
    # Shona by the spelling of their names; fastText hears English in them
    text = ("The package manager keeps a list of the software installed on the system. They wrote "
            f"“{quote}” in the notes.\nYou can update that list with a single command before installing anything.")
    assert det.scan(text) == []


def test_a_quoted_foreign_sentence_with_one_name_is_still_found(det):
    text = ("The report says “Kila mtu ana haki ya kupumzika na kupata likizo ya Mungu.” according to the "
            "authors of the study.")
    assert [f.lang for f in det.scan(text)] == ["sw"]


def test_a_short_latin_line_of_its_own_is_found(det):
    text = "The report was published today.\nOmnes servitudines omnibus modis prohibentur.\nThe end."
    assert [(f.text, f.lang) for f in det.scan(text)] == [("Omnes servitudines omnibus modis prohibentur.", "la")]


@pytest.mark.parametrize("line,lang", [
    ("Kia kaua hoki e utaina ki te tangata he whakawhiu e taimaha ake ana i tērā e mana ana i te wā o te mahi hara.",
     "mi"),
    ("Un’wana na un’wana u na fanelo ya ku va ni vuakatiko.", "ts"),
    # fastText hears English in this Swahili; lingua is certain and English knows none of its words
    ("Ikiwa utafanya tendo lingine, mabadiliko ambayo hayajahifadhiwa yatapotea.", "sw"),
])
def test_a_sentence_of_short_words_other_languages_share_is_found(det, line, lang):
    text = f"The report was published today.\n{line}\nThe end."
    assert [(f.text, f.lang) for f in det.scan(text)] == [(line, lang)]


@pytest.mark.parametrize("pair", ["ha sido", "encontrar un"])
def test_a_quoted_spanish_pair_lingua_ranks_second_is_found(det, pair):
    # lingua puts Portuguese first on two words; the Spanish lexicon explains them, the Portuguese one does not
    text = f"Here is an “{pair}” overview of the main commands."
    assert [(f.text, f.lang) for f in det.scan(text)] == [(pair, "es")]


def test_one_language_named_on_two_labelled_lines_is_not_a_menu(det):
    assert [f.text for f in det.scan("Menu: Русский\nFooter: Русский\n")] == ["Русский", "Русский"]


def test_a_long_single_line_text_gets_every_finding(det):
    # the context and names-of-works tests read a window around each finding, not the whole line
    line = " ".join(["The council met on Tuesday and the mayor said “Tous les jours” was the plan."] * 400)
    found = det.scan(line)
    assert len(found) == 400 and {f.text for f in found} == {"Tous les jours"}


# --------------------------------------------------------------------------- words English knows too
# "les", "des", "pour", "est" are in the English screen (English uses them: "de Gaulle", "par", "est."), yet
# far more common in French; a short unit holding them is read, and lingua and the lexicons decide it.
_HOST = ("The installer copies the configuration files into place and restarts the service.{sep}{pair}"
         "\nReboot the machine afterwards so the kernel picks up the new modules.")


@pytest.mark.parametrize("pair", ["les modifications", "pour les"])
@pytest.mark.parametrize("sep", [" ", "\n"])
def test_a_french_pair_of_words_english_knows_too_is_found(det, pair, sep):
    # appended to the paragraph's last sentence, or on a line of its own (context: body or boilerplate)
    assert [(f.kind.value, f.text, f.lang) for f in det.scan(_HOST.format(sep=sep, pair=pair))] == [
        ("latin", pair, "fr")]


def test_a_quoted_french_pair_of_words_english_knows_too_is_found(det):
    text = ("In the changelog the maintainer had written “les modifications” where the English text belonged, "
            "and nobody noticed it for weeks.")
    assert [(f.text, f.lang) for f in det.scan(text)] == [("les modifications", "fr")]


@pytest.mark.parametrize("text", [
    "Charles de Gaulle led the Free French during the war and later founded the Fifth Republic.",
    "He rode in the Tour de France three times before retiring to coach younger cyclists.",
    "She moved to Los Angeles in 2019.\nTour de France\nThe race started in Brussels this year.",
    "Losing the first match was par for the course.",
    "Honestly, losing a few files on an old laptop is par for the course.\nWe restored most of them.",
    "The museum opens at nine a.m. and closes at five p.m. est.",
    "The results are given in Smith et al. and reproduced here with the authors' permission.",
    "Visit ExpressNews.com for more. We’ve been there before.",
])
def test_english_with_words_common_elsewhere_is_not_flagged(det, text):
    assert found(det, text) == []


def test_whole_word_search_for_words_common_elsewhere_is_the_same_in_short_and_long_texts(monkeypatch):
    # long texts find "les", "de"... in one regex pass, short ones with str.find per word: same answer
    from langscan.detect import short_units
    from langscan.detect.text import fold

    text = ("The Tour de France passed the town, and the mayor said it was par for the course.\n"
            "He wrote: \"pour les enfants\" on the board.\nEst. 1921 by the decided founders.\n"
            "Merci pour les fleurs\nThe end of the desert road. La vie est belle.\n") * 40
    folded = fold(text)
    common = {"de", "les", "pour", "est", "la", "par"}
    by_find = short_units.in_short_units(text, folded, set(common))
    monkeypatch.setattr(short_units, "WHOLE_WORD_REGEX_FROM", 0)
    by_regex = short_units.in_short_units(text, folded, set(common))
    assert by_find == by_regex
    assert {"les", "pour", "est"} <= by_find  # a quoted pair, a short line, an appended short sentence


# --------------------------------------------------------------------------- in_short_units, line by line
def _in_short_units_by_hit(text, folded, common):
    """The plain reading of ``in_short_units``: each hit's line worked out again (quadratic on one long line)."""
    from langscan.detect import tuning
    from langscan.detect.short_units import QUOTE_CHARS, whole_word_hits, written_alone

    kept = set()
    for w, i, k in whole_word_hits(folded, common):
        if w in kept or not written_alone(text, i, k):
            continue
        ls = text.rfind("\n", 0, i) + 1
        le = text.find("\n", i)
        le = len(text) if le == -1 else le
        if le - ls <= tuning.SHORT_LINE_CHARS or any(text.find(q, ls, le) != -1 for q in QUOTE_CHARS):
            kept.add(w)
        else:
            cut = max(text.rfind(". ", ls, le), text.rfind("! ", ls, le), text.rfind("? ", ls, le))
            if -1 < cut < i and text.count(" ", cut + 2, le) < tuning.SHORT_UNIT_MAX_WORDS:
                kept.add(w)
    return kept


_PIECES = ["les", "Des", "und", "the", "report", "said", ". ", "? ", " ", " ", "\n", "\"", "example.com", "Les"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=120), st.integers(0, 3))
def test_in_short_units_works_each_line_out_once_with_the_same_answer(pieces, long_line):
    from langscan.detect.short_units import in_short_units
    from langscan.detect.text import fold

    text = " ".join(pieces) + " filler words" * (40 * long_line)  # long lines reach the sentence-end test
    common = {"les", "des", "und"}
    folded = fold(text)
    assert in_short_units(text, folded, set(common)) == _in_short_units_by_hit(text, folded, common)


@pytest.mark.parametrize("expect, text", [
    # elided articles and pronouns are words of the expected language ("d’ouvrages" was read as unknown and
    # joined the English gloss after it)
    ("fr", "La revue publie surtout des notices d’ouvrages (annotated listings) et quelques comptes rendus "
           "critiques. Qu’il s’agisse de l’histoire ou de l’économie, c’est l’ensemble des disciplines qui "
           "s’interroge aujourd’hui sur l’évaluation.\n"),
    ("it", "Nell’anno del centenario, l’università ha pubblicato dell’archivio soltanto l’indice, "
           "com’era stato promesso all’inizio dell’estate.\n"),
])
def test_elided_words_are_words_of_the_expected_language(expect, text):
    assert Detector(expect=expect).scan(text) == []


def test_an_english_sentence_on_a_french_page_is_still_found_beside_elided_words():
    text = ("L’équipe d’Olivier a présenté l’application qu’elle développe depuis l’été dernier.\n"
            "Please make sure you have saved your work before you close the editor.\n")
    assert [(f.text, f.lang) for f in Detector(expect="fr").scan(text)] == [
        ("Please make sure you have saved your work before you close the editor.", "en")]


def test_soft_hyphens_inside_words_are_invisible():
    # a hyphenated French paragraph (soft hyphens, U+00AD, at every break point) is French, not word pieces
    para = ("Les can\u00addi\u00addats doivent remplir des condi\u00adtions scien\u00adti\u00adfiques "
            "exi\u00adgeantes, et la hié\u00adrar\u00adchie admi\u00adnis\u00adtra\u00adtive garde "
            "l’ini\u00adtia\u00adtive, quelle que soit la por\u00adtée de leurs tra\u00advaux.\n")
    assert Detector(expect="fr").scan(para * 3) == []
    from langscan.detect.text import words

    got = [(w, para[s:e]) for s, e, w in words(para, 0)][:2]
    assert got == [("Les", "Les"), ("candidats", "can\u00addi\u00addats")]


def test_a_camelcase_brand_closing_its_line_is_kept_whole():
    body = "Le conseil municipal a voté le budget mercredi soir après un long débat sur les investissements.\n"
    got = [f.text for f in Detector(expect="fr").scan(body + "Powered by\u00a0WordPress\u00a0and\u00a0ThemeGrill.\n")]
    assert got == ["Powered by\u00a0WordPress\u00a0and\u00a0ThemeGrill"]


def test_a_function_reference_in_an_english_manual_does_not_make_its_sentence_foreign():
    # getent(1) as man renders it: the references "getprotoent(3)" are code, and heard with them the sentence
    # sounded Dutch to the models; without them it is plainly English
    text = ("       protocols When no key is provided, use setprotoent(3), getpro\u2010\n"
            "                 toent(3), and endprotoent(3) to enumerate the protocols\n"
            "                 database. When one or more key arguments are provided,\n"
            "                 pass each numeric key to getprotobynumber(3) and each non\u2010\n"
            "                 numeric key to getprotobyname(3) and display the result.\n")
    assert Detector(expect="en").scan(text) == []
    # a foreign sentence holding a reference is still found
    found = Detector(expect="en").scan(text + "       Mit getent(1) lassen sich die Einträge der Datenbanken "
                                              "bequem anzeigen, auch wenn sie aus dem Netz kommen.\n")
    assert [f.lang for f in found] == ["de"]


def test_a_file_extension_and_the_half_of_a_broken_word_are_no_evidence_of_a_language():
    from langscan.evidence import mask_non_words

    # python(1) as man renders it: "par\u2010" / "allel" is one word broken by the hyphenation, and ".pyc" names
    # files; heard with them, the English option text sounded French
    text = ("          -X pycache_prefix=PATH: enable writing .pyc files to a par\u2010\n"
            "          allel tree rooted at the given directory instead of to the code tree.\n")
    assert Detector(expect="en").scan(text) == []
    assert mask_non_words("enable writing .pyc files to a par\u2010").split() == ["enable", "writing", "files",
                                                                                "to", "a"]
    # a hyphen inside a line, or a suspended compound, is left alone
    for prose in ("Ein- und Ausgabe", "a well-known writer", "une porte-fenêtre ouverte"):
        assert mask_non_words(prose) == prose


def test_english_left_untranslated_in_an_italian_manual_is_named_english():
    # an Italian manual page with sentences the translators left in English: lingua's quick models hear "The
    # file descriptors" as Latin and "without regard to the case of alphabetic characters" as Latin too; the
    # words are plainly English words, and English is what is reported
    text = ("       Quando viene usato l'operatore, la stringa alla sua destra è considerata un'espressione\n"
            "       regolare estesa e confrontata di conseguenza. Il valore di ritorno è 0 se la stringa\n"
            "       corrisponde al modello, e 1 altrimenti. If the nocasematch shell option is enabled, the match\n"
            "       is performed without regard to the case of alphabetic characters. Se una parte qualsiasi\n"
            "       del modello è protetta, la parte protetta viene confrontata letteralmente.\n"
            "       Se impostata, la shell chiude automaticamente i descrittori. The file descriptors\n"
            "       are closed when the command completes.\n")
    found = Detector(expect="it").scan(text)
    assert [f.lang for f in found] == ["en", "en"]
    assert found[1].text.startswith("The file descriptors")


def test_a_latin_phrase_lingua_names_keeps_its_name():
    from langscan.detect.latin_common import label_by_words

    det = Detector(expect="it")
    det.scan("scaldare")
    st = det._setup
    # English words, lingua saying Latin: English
    assert label_by_words(st, ["the", "file", "descriptors"], "la", "fr") == "la"  # (French's list lacks them)
    assert label_by_words(st, ["exit", "status", "of", "the", "function"], "la", "en") == "en"
    # a Latin phrase whose words the English list holds only rarely keeps lingua's Latin
    assert label_by_words(st, ["gentium", "quaedam", "omnibus"], "la", "en") == "la"
    # a French phrase keeps French against English: its words are far more common in French
    assert label_by_words(st, ["de", "la", "part", "de", "la", "commission"], "fr", "en") == "fr"


def test_technical_english_fasttext_is_unsure_of_is_named_by_its_words():
    # a Hungarian manual's option list with one description left in English: fastText hears Tamil 0.08, English
    # 0.06; the stage found it as Esperanto. Its words are English words (one, "hexdump", no list holds)
    text = ("       -x     Kétbájtos hexadecimális kimenet, egy sorban nyolc érték jelenik meg.\n\n"
            "       -c     Karakteres kimenet: a nem nyomtatható bájtok oktális kóddal látszanak.\n\n"
            "       -C, --canonical\n"
            "              Display hexdump format output\n\n"
            "       -n, --length hossz\n"
            "              Csak a megadott számú bájtot olvassa be a bemenetről.\n")
    assert [(f.lang, f.text) for f in Detector(expect="hu").scan(text)] == [("en", "Display hexdump format output")]
    from langscan.detect.latin_common import label_by_words

    st = Detector(expect="hu")._setup
    st.prepare()
    # short everyday words many languages share decide nothing ("o ti lo", Yoruba, is no English)
    assert label_by_words(st, ["o", "ti", "lo"], "yo", "en") == "yo"


def test_a_c_expression_in_a_manual_is_code():
    from langscan.evidence import mask_non_words

    # perf-dlfilter(1): a C expression on a line of its own
    assert not mask_non_words("           offsetof(struct perf_dlfilter_sample, vcpu) + sizeof(sample->vcpu)").strip()
    line = "Der Wert steht in sample->vcpu und wird mit std::size_t gezählt."
    assert mask_non_words(line).split() == ["Der", "Wert", "steht", "in", "und", "wird", "mit", "gezählt."]


def test_a_danish_option_text_heard_as_turkish_stays_danish():
    # cksum(1) in Danish: fastText hears "opret en kontrolsum i BSD-stil (standard)" as Turkish 0.80, but its
    # longer words are Danish words, far more common in Danish than in Turkish
    text = ("BESKRIVELSE\n"
            "       Udskriv eller kontrollér kontrolsummer for hver FIL. Uden FIL, eller når FIL er -, læses\n"
            "       standard-inddata.\n\n"
            "       -a, --algorithm=TYPE\n"
            "              vælg den kontrolsumalgoritme, der skal bruges\n\n"
            "       --tag\n"
            "              opret en kontrolsum i BSD-stil (standard)\n\n"
            "       --untagged\n"
            "              opret en kontrolsum i omvendt stil uden angivelse af typen\n")
    assert Detector(expect="da").scan(text) == []


def test_an_expression_on_a_line_of_its_own_is_code_and_english_of_short_words_is_named_english():
    from langscan.evidence import mask_non_words

    # bc(1) in Finnish: its list of expressions is code, whatever the words
    for line in ("       expr + expr", "       var <op>= expr", "       expr && expr"):
        assert not mask_non_words(line).strip(), line
    # a manual page's name line and prose with an operator inside are left to the reader
    assert mask_non_words("rm - remove files or directories") == "rm - remove files or directories"
    # a sentence left in English, most of its words short ("of", "the", "and"), is named English
    text = ("       scale(lauseke)\n"
            "              Lausekkeen desimaalien määrä. Arvo lasketaan seuraavasti: maximum of the precision\n"
            "              value and the precision of the argument.\n\n"
            "       sqrt(lauseke)\n"
            "              Lausekkeen neliöjuuri. Jos lauseke on negatiivinen, tulostetaan virheilmoitus.\n")
    assert [f.lang for f in Detector(expect="fi").scan(text)] == ["en"]


# --------------------------------------------------------------------------- English furniture on other pages
def test_a_name_s_initial_ends_no_sentence():
    from langscan.detect.text import units

    line = "Photo Illustration by Andrew B. Myers for The New York Times. It ran in the U.S. Then it closed."
    got = [line[s:e] for s, e in units(line, 0, len(line))]
    assert got == ["Photo Illustration by Andrew B. Myers for The New York Times.", "It ran in the U.S.",
                   "Then it closed."]


def test_an_english_photo_credit_on_a_spanish_page_is_found():
    # "by", "for" and "the" are in every language's web text, so they hinted Czech and French as much as English
    det = Detector(expect=("es",))
    credit = "Photo Illustration by Andrew B. Myers for The New York Times"
    page = ("El desafío de comer sano en una ciudad llena de tentaciones.\n"
            f"{credit}\nLa alimentación de los niños preocupa cada vez más a los padres y a los médicos.\n")
    assert [(f.text, f.lang) for f in det.scan(page)] == [(credit, "en")]


def test_an_english_title_with_its_details_in_brackets_on_a_french_page_is_a_name_of_a_work():
    det = Detector(expect=("fr",))
    page = ("Pour honorer la mémoire d’une icône queer, le documentaire revient sur sa vie.\n"
            "The Death and Life of Marsha P. Johnson (docu, 1h45, Netflix)\n"
            "Marsha, la militante de New York, est retrouvée morte dans l’Hudson en 1992.\n")
    assert det.scan(page) == []


def test_next_to_a_name_reads_only_short_neighbouring_lines():
    from langscan.detect.latin_common import next_to_a_name

    from langscan.detect.setup import Setup

    st = Setup(DetectorOptions(expect=("en",)))
    st.prepare()

    def at(text, word):
        s = text.rindex(word)
        return next_to_a_name(st, text, s, s + len(word))

    assert at("Camino\n\nGrendel\n\nMinimo\n\n", "Minimo")
    assert not at("About us\nContact\nImpressum\nPrivacy\n", "Impressum")
    assert not at("Grendel and more text around Minimo\n", "Minimo")  # not alone on its line
    # a neighbour longer than NAME_LINE_MAX_CHARS is no name, and is not read
    assert not at("Grendel " * 20_000 + "\nMinimo\n", "Minimo")
