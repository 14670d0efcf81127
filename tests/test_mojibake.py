"""Issue 13, mojibake: mis-decoded runs found with ftfy, named, repaired; with the real model."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from langscan import Detector, Kind
from langscan.cli import app
from langscan.clean import apply
from langscan.mojibake import find, repair_at

DATA = Path(__file__).parent / "data"
FOUNDING = (DATA / "founding_example.txt").read_text(encoding="utf-8")
RUSSIAN = "Заголовок открываемого материала"


def as_cp1252(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (its five undefined bytes kept as Latin-1 reads them)."""
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
                   for b in text.encode("utf-8"))


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector(expect=("en",))


def test_the_founding_examples_russian_line_after_a_cp1252_round_trip(det):
    bad = as_cp1252(RUSSIAN)
    assert bad.startswith("Ð—Ð°Ð³Ð¾Ð»Ð¾Ð²Ð¾Ðº")
    text = f"Russia Strikes ISIL: Another Week in Review\n{bad}\nRussian pilots prepared to board the plane.\n"
    (f,) = det.scan(text)
    assert f.kind is Kind.MOJIBAKE
    assert (f.start, f.end) == (44, 44 + len(bad)) and f.text == bad
    assert (f.lang, f.lang_name, f.script) == ("ru", "Russian", "Cyrillic")
    assert f.repair == RUSSIAN and f.detail == "mis-decoded UTF-8 of Russian text"
    assert apply(text, [f], "repair") == text.replace(bad, RUSSIAN)
    assert apply(text, [f], "strip") == ("Russia Strikes ISIL: Another Week in Review\n"
                                         "Russian pilots prepared to board the plane.\n")


@pytest.mark.parametrize("run, repaired", [("cafÃ©", "café"), ("â€”", "—"), ("Ã¼ber", "über")])
def test_the_issues_short_examples(det, run, repaired):
    text = f"The menu said {run} in the middle of a sentence."
    (f,) = det.scan(text)
    assert f.kind is Kind.MOJIBAKE and f.text == run and f.start == 14
    assert f.detail == "mis-decoded UTF-8" and f.repair == repaired
    assert apply(text, [f], "repair") == text.replace(run, repaired)


def test_double_mis_decoding_is_repaired_in_one_step(det):
    once = as_cp1252("Zürich – “quoted”")
    twice = as_cp1252(once)
    text = f"The office in {twice} opened in May."
    found = det.scan(text)
    assert found and {f.kind for f in found} == {Kind.MOJIBAKE}
    assert apply(text, found, "repair") == "The office in Zürich – “quoted” opened in May."


def test_a_whole_mis_decoded_page_is_repaired_exactly(det):
    bad = as_cp1252(FOUNDING)
    found = det.scan(bad)
    assert found and all(f.kind is Kind.MOJIBAKE for f in found)
    assert apply(bad, found, "repair") == FOUNDING
    langs = {(f.lang, f.script) for f in found}
    assert ("ru", "Cyrillic") in langs and ("ar", "Arabic") in langs  # the foreign runs it hid, named


def test_a_lone_byte_is_repaired_within_its_line():
    line = as_cp1252("Dmitriy Vinogradov\u00a0/ Sputnik")
    (c,) = find(line)
    assert line[c.start:c.end] == "Â"
    assert repair_at(line, c.start, c.end) == ""  # the no-break space after it stays


def test_pound_sign_mis_decoded_before_a_price_is_found_and_repaired(det):
    text = "Rooms from Â£100 a night, breakfast included."
    (f,) = det.scan(text)
    assert f.kind is Kind.MOJIBAKE and f.text == "Â" and f.start == 11
    assert apply(text, [f], "repair") == "Rooms from £100 a night, breakfast included."


ARMENIAN = "Երևանը Հայաստանի մայրաքաղաքն է։"


@pytest.mark.parametrize("twice", [False, True])
def test_armenian_read_as_cp1252_is_found_though_ftfys_measure_skips_it(det, twice):
    # ftfy keeps Ò..Ö (the lead bytes of Armenian) out of its badness rules for the sake of emoticons, so
    # "Ô´Õ¡..." scores 0 there; langscan repairs such stretches with ftfy's own encode/decode plan
    bad = as_cp1252(ARMENIAN)
    if twice:
        bad = as_cp1252(bad)
    from ftfy.badness import is_bad

    assert twice or not is_bad(bad)  # the cause: ftfy alone would not look at it
    text = f"The city guide opens with one line.\n{bad}\nThe rest of the guide is in English.\n"
    (f,) = det.scan(text)
    assert f.kind is Kind.MOJIBAKE and f.text == bad and f.start == text.index(bad)
    assert (f.lang, f.script) == ("hy", "Armenian")
    assert f.repair == ARMENIAN
    assert apply(text, [f], "repair") == text.replace(bad, ARMENIAN)


def test_a_mis_decoded_foreign_sentence_is_one_finding_in_its_language(det):
    french = "Le café était fermé, alors nous sommes allés à la bibliothèque près de la gare."
    bad = as_cp1252(french)
    text = f"Our notes from the trip.\n{bad}\nWe took the train home after that.\n"
    (f,) = det.scan(text)
    assert f.kind is Kind.MOJIBAKE and f.text == bad  # the whole line, not its accented words one by one
    assert f.lang == "fr" and f.repair == french
    assert apply(text, [f], "repair") == text.replace(bad, french)


def test_an_english_line_keeps_its_mis_decoded_words_apart(det):
    line = as_cp1252("The résumé of the café’s chef was long.")
    found = det.scan(line)
    assert [f.text for f in found] == ["rÃ©sumÃ©", "cafÃ©â€™"]  # the "s" after the quotation mark was never broken
    assert all(f.kind is Kind.MOJIBAKE and f.lang == "en" for f in found)
    assert apply(line, found, "repair") == "The résumé of the café’s chef was long."


@pytest.mark.parametrize("french", ["Créer un compte gratuit", "Modifier les paramètres du compte",
                                    "Supprimer la sélection"])
def test_a_short_mis_decoded_foreign_line_is_named(det, french):
    text = f"Account settings\n{as_cp1252(french)}\nSave your changes.\n"
    (f,) = det.scan(text)
    assert (f.kind, f.lang, f.text, f.repair) == (Kind.MOJIBAKE, "fr", as_cp1252(french), french)


def test_a_lone_mis_decoded_greek_letter_is_a_symbol_of_the_english_text(det):
    text = f"The angle {as_cp1252('α')} is small and {as_cp1252('η²')} is large."
    found = det.scan(text)
    assert [(f.text, f.repair, f.lang, f.script) for f in found] == [("Î±", "α", "en", "Greek"),
                                                                     ("Î·Â", "η", "en", "Greek")]
    assert apply(text, found, "repair") == "The angle α is small and η² is large."


# --------------------------------------------------------------------------- what is not mojibake
def test_quoted_samples_of_mojibake_in_text_about_it_are_not_mojibake(det):
    text = 'If a page shows "Â£" or “â€™” instead of the pound sign, it was read as Windows-1252.'
    assert det.scan(text) == []
    (f,) = det.scan('The menu said "cafÃ©" in big letters.')  # a quoted word is real mojibake
    assert f.text == "cafÃ©"



@pytest.mark.parametrize("text", [
    "JOÃO DA SILVA, SÃO PAULO: a MÃE de João e a AÇÃO da Conceição.",  # Portuguese capitals with Ã
    "Tickets cost £100, or €120; © 2024 Example Ltd. Lengths in Å (ångström) are fine.",
    "Ελληνικά: Η γάτα κάθεται στο σπίτι.",
    "Русский текст: кошка сидит дома.",
    "Ես չեմ հասկանում, թե ինչու է այդպես։",
    "Let 𝑓(𝑥) = 𝑥² + 𝛼𝑥 for 𝑥 ∈ ℝ.",
    "这是一个测试，我们使用ＣＰＵ和ＧＰＵ。（括号）",
    "Straße „Grün“ – naïve café, déjà vu, Ærø, Øresund, Œuvre.",
])
def test_text_that_merely_looks_odd_is_not_mojibake(text):
    assert find(text, ("en",)) == []
    assert all(f.kind is not Kind.MOJIBAKE for f in Detector(expect=("en",)).scan(text))


# --------------------------------------------------------------------------- output and clean
def test_every_output_format_and_clean_repair_from_the_cli(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Subscribe to the newsletter.\nThe cafÃ© opens at nine â€” every day.\n", encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(app, ["scan", str(page)], catch_exceptions=False)
    assert r.exit_code == 1
    assert ':2:5: mojibake en (Latin, body) "cafÃ©" (mis-decoded UTF-8; repaired: café)' in r.stdout
    r = runner.invoke(app, ["scan", str(page), "--format", "jsonl"], catch_exceptions=False)
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [(x["kind"], x["text"]) for x in rows] == [("mojibake", "cafÃ©"), ("mojibake", "â€”")]
    r = runner.invoke(app, ["scan", str(page), "--format", "sarif"], catch_exceptions=False)
    log = json.loads(r.stdout)
    assert "mojibake" in {rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert [x["ruleId"] for x in log["runs"][0]["results"]] == ["mojibake", "mojibake"]
    assert [x["repair"] for x in rows] == ["café", "—"] and [x["detail"] for x in rows] == ["mis-decoded UTF-8"] * 2
    assert [x["properties"]["repair"] for x in log["runs"][0]["results"]] == ["café", "—"]
    fix = log["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix == {"deletedRegion": {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 10},
                   "insertedContent": {"text": "café"}}
    r = runner.invoke(app, ["scan", str(page), "--format", "csv"], catch_exceptions=False)
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(x["text"], x["detail"], x["repair"]) for x in rows] == [("cafÃ©", "mis-decoded UTF-8", "café"),
                                                                      ("â€”", "mis-decoded UTF-8", "—")]
    r = runner.invoke(app, ["scan", str(page), "--format", "github"], catch_exceptions=False)
    assert "Mis-decoded text (mojibake): \"cafÃ©\" (mis-decoded UTF-8; repaired: café)" in r.stdout
    out = tmp_path / "fixed.txt"
    r = runner.invoke(app, ["clean", str(page), "--action", "repair", "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8") == "Subscribe to the newsletter.\nThe café opens at nine — every day.\n"
    r = runner.invoke(app, ["explain", str(page)], catch_exceptions=False)
    assert "FLAG mojibake" in r.stdout and "repaired: café" in r.stdout


def test_report_names_the_kind(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("The cafÃ© opens at nine.\nWe measured the ѕсоре of it.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    r = CliRunner().invoke(app, ["report", str(page), "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "mis-decoded text" in html and "look-alike letters" in html
    assert "repaired: café" in html and "→ <b>scope</b>" in html  # the homoglyph note names the repaired word


# --------------------------------------------------------------------------- a foreign document holding mojibake
FRENCH_PAGE = """La bibliothèque municipale ouvre ses portes tous les jours sauf le dimanche.
Les enfants peuvent emprunter jusqu'à cinq livres pendant trois semaines.
{line}
Le catalogue complet est disponible sur le site de la mairie depuis le mois dernier.
Pour toute question, adressez-vous à l'accueil au rez-de-chaussée.
"""
FRENCH_LINE = "Une salle de lecture réservée aux étudiants se trouve au premier étage."


def test_a_foreign_document_keeps_the_repair_of_the_mojibake_it_holds(det):
    good = FRENCH_PAGE.format(line=FRENCH_LINE)
    text = FRENCH_PAGE.format(line=as_cp1252(FRENCH_LINE))
    (f,) = det.scan(text)  # findings never overlap: the page is one finding
    assert f.kind is Kind.DOCUMENT and f.lang == "fr"
    assert f.detail.endswith("; holds 1 mis-decoded run, repaired in the finding's repair "
                             "(clean --action repair writes it)")
    assert f.repair == good.strip()  # the whole text with the run repaired
    assert apply(text, [f], "repair") == good
    assert apply(text, [f], "strip") == text  # a document is not stripped by default
    # asked only for mojibake, the run itself is reported
    (run,) = Detector(expect=("en",), kinds=("mojibake",)).scan(text)
    assert run.kind is Kind.MOJIBAKE and run.text == as_cp1252(FRENCH_LINE) and run.repair == FRENCH_LINE
    # without mojibake the document finding carries no repair, and repair leaves it alone
    (plain,) = det.scan(good)
    assert plain.kind is Kind.DOCUMENT and plain.repair is None
    assert apply(good, [plain], "repair") == good


# --------------------------------------------------------------------------- issue 13's examples, end to end
ISSUE_PAGE = (
    "We measured the ѕсоре of the problem, usｅd a ｆｕｌｌｗｉｄｔｈ font and wrote 𝐇𝐞𝐥𝐥𝐨 on top.\n"
    "There was troսble: nobody could սnderstand the logs.\n"
    + as_cp1252(RUSSIAN) + "\n"
    "The cafÃ© was Ã¼ber busy.\n"
    "It ended â€” as usual.\n"
    "The team in SÃO PAULO met JOÃO at the AÇÃO office.\n"
)
ISSUE_FIXED = (
    "We measured the scope of the problem, used a fullwidth font and wrote Hello on top.\n"
    "There was trouble: nobody could understand the logs.\n"
    + RUSSIAN + "\n"
    "The café was über busy.\n"
    "It ended — as usual.\n"
    "The team in SÃO PAULO met JOÃO at the AÇÃO office.\n"
)


def test_the_issues_examples_end_to_end_with_the_cli(tmp_path):
    page = tmp_path / "issue.txt"
    page.write_text(ISSUE_PAGE, encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(app, ["scan", str(page), "--format", "jsonl"], catch_exceptions=False)
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    got = [(x["kind"], x["text"], x["repair"], x["lang"]) for x in rows]
    assert got == [
        ("homoglyph", "ѕсоре", "scope", "en"), ("homoglyph", "usｅd", "used", "en"),
        ("homoglyph", "ｆｕｌｌｗｉｄｔｈ", "fullwidth", "en"), ("homoglyph", "𝐇𝐞𝐥𝐥𝐨", "Hello", "en"),
        ("homoglyph", "troսble", "trouble", "en"), ("homoglyph", "սnderstand", "understand", "en"),
        ("mojibake", as_cp1252(RUSSIAN), RUSSIAN, "ru"),
        ("mojibake", "cafÃ©", "café", "en"), ("mojibake", "Ã¼ber", "über", "en"), ("mojibake", "â€”", "—", "en"),
    ]  # nothing on the Portuguese capitals
    for x in rows:
        assert ISSUE_PAGE[x["start"]:x["end"]] == x["text"]
    out = tmp_path / "fixed.txt"
    r = runner.invoke(app, ["clean", str(page), "--action", "repair", "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8") == ISSUE_FIXED
    r = runner.invoke(app, ["clean", str(page), "-o", str(out)], catch_exceptions=False)  # strip
    stripped = out.read_text(encoding="utf-8")
    assert stripped.startswith("We measured the scope of the problem, used a fullwidth font and wrote Hello on top.\n"
                               "There was trouble: nobody could understand the logs.\nThe")  # repaired
    # mis-decoded English words are words of the text: repaired, not cut out; the mis-decoded Russian line is a
    # foreign fragment: removed
    assert "The café was über busy." in stripped and "It ended — as usual." in stripped
    assert "Ð" not in stripped and RUSSIAN not in stripped and "SÃO PAULO" in stripped
    # repair touches nothing else: a script fragment stays where it is
    other = tmp_path / "other.txt"
    other.write_text("The cafÃ© sign said Добро пожаловать in big letters.\n", encoding="utf-8")
    r = runner.invoke(app, ["clean", str(other), "--action", "repair", "-o", "-"], catch_exceptions=False)
    assert r.stdout == "The café sign said Добро пожаловать in big letters.\n"


def test_clean_help_says_what_repair_does():
    r = CliRunner().invoke(app, ["clean", "--help"], env={"COLUMNS": "200", "TERM": "dumb"})
    flat = "".join(r.stdout.split())  # compared without blanks: click wraps lines (and splits "look-alike")

    def said(words: str) -> bool:
        return "".join(words.split()) in flat

    assert said("repair: write the repaired text of look-alike words and mojibake runs")
    assert said("nothing is removed, every other finding is left as it is")
    assert said("script, latin, homoglyph, mojibake, document")


def test_a_mis_decoded_accent_in_a_sentence_is_body_not_a_copyright_footer(det):
    # "Ã©" is "é" read as cp1252: its "©" is no copyright sign, the sentence is prose
    text = ("The city council met on Tuesday evening to discuss the budget for next year.\n"
            "We met at the cafÃ© afterwards and it was Ã¼ber nice, said one of the councillors who attended.\n")
    found = det.scan(text)
    assert [(f.kind.value, f.text, f.context) for f in found] == [
        ("mojibake", "cafÃ©", "body"), ("mojibake", "Ã¼ber", "body")]
    # a real copyright line, even mis-decoded ("Â©"), is still boilerplate
    footer = "Â© 2019 The Daily Courier. All rights reserved, cafÃ© edition.\n"
    assert {f.context for f in det.scan(footer)} == {"boilerplate"}


# ------------------------------------------------------------------ a continuation byte lost on the way
def test_a_letter_whose_second_byte_was_lost_is_found_and_repaired(det):
    # "Ángel" is C3 81; Windows-1252 has no character for 0x81, so the byte was dropped and only "Ã" is left.
    # The credit is glued to the name, as the New York Times pages give it.
    text = "Workers cleaned the reservoir in May.CreditÃngel Franco/The New York Times\n"
    (f,) = det.scan(text)
    assert f.kind is Kind.MOJIBAKE and f.text == "Ãngel" and f.repair == "Ángel"
    assert text[f.start:f.end] == "Ãngel" and f.lang == "en"
    assert apply(text, [f], "repair") == text.replace("Ãngel", "Ángel")


def test_a_lost_soft_hyphen_byte_inside_a_word_is_repaired():
    # "í" is C3 AD, and 0xAD (a soft hyphen in Windows-1252) is what HTML clean-ups drop
    text = "El Ãndice de precios subió y el dÃa terminó con calma en los mercados.\n"
    got = {(f.text, f.repair) for f in Detector(expect=("es",)).scan(text) if f.kind is Kind.MOJIBAKE}
    assert got == {("Ãndice", "Índice"), ("dÃa", "día")}


@pytest.mark.parametrize("text", [
    "The mayor of SÃO PAULO met JOÃO Silva at the AÇÃO office.\n",  # Portuguese capitals are spelling
    "The code Ãzzq3 is a product key, not a word.\n",  # no reading makes a word of any lexicon
    "She wrote SÃo Tomé with an odd capital.\n",
])
def test_a_capital_a_with_tilde_that_no_lost_byte_explains_is_left_alone(det, text):
    assert [f for f in det.scan(text) if f.kind is Kind.MOJIBAKE] == []
