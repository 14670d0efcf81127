"""The core detector on realistic text, with the real bundled model."""

from __future__ import annotations

from pathlib import Path

import pytest

from langscan import Detector, DetectorOptions, Finding, Kind, scan_text

DATA = Path(__file__).parent / "data"
FOUNDING = (DATA / "founding_example.txt").read_text(encoding="utf-8")
ARABIC = "الدفاع الوطني - القناة الرسمية"
RUSSIAN = "Заголовок открываемого материала"


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector(expect=("en",))


def spans(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.kind.value, f.lang, f.text) for f in findings]


# --------------------------------------------------------------------------- founding example
def test_founding_example_has_exactly_its_three_findings(det):
    found = det.scan(FOUNDING)
    assert spans(found) == [("script", "ar", ARABIC), ("script", "ar", ARABIC), ("script", "ru", RUSSIAN)]
    for f in found:
        assert FOUNDING[f.start:f.end] == f.text
        assert f.script in ("Arabic", "Cyrillic")
        assert 0.0 <= f.score <= 1.0
    # each Arabic run is glued to the English sentence after it
    assert FOUNDING[found[0].end:found[0].end + 5] == "Syria"
    assert FOUNDING[found[1].end:found[1].end + 3] == "And"
    assert found[2].line == FOUNDING.count("\n", 0, found[2].start) + 1
    assert found[2].column == 1


def test_founding_example_line_and_column_are_one_based_code_points(det):
    for f in det.scan(FOUNDING):
        lines = FOUNDING.split("\n")
        assert lines[f.line - 1][f.column - 1:].startswith(f.text)


# --------------------------------------------------------------------------- must not flag
NEGATIVES = [
    "Russian pilots prepared to board the SU-30 attack plane to take off from the Hmeimim aerodrome in Syria.",
    "In the eastern Deir Ezzor, the army destroyed a key bridge; offensives in Homs, Hama and Idleb continued.",
    "The al-Nusra Front was pushed out of Kweiris and Latakia, the ministry said of the MQ-9 Reaper flight.",
    "The gallery's director, José Müller, welcomed François Hollande and the painter Nguyễn Văn Thành.",
    "She felt a strong sense of déjà vu as the coup d'état unfolded, which was not, per se, a surprise.",
    "Smith et al. argued that the status quo was an ad hoc arrangement, and attached her résumé.",
    "DIRECTED BY KYLE KLEIN\nPRODUCED BY MARIA GONZÁLEZ AND JÜRGEN SCHMIDT",
    "Tickets cost €25, the hall is kept at 21 °C, particles measure 3 µm ± 0.2 µm, and Acme™ sponsors it.",
    "The α-helix binds the β-blocker; over a time Δt the phase shifts by π/2 and γδ T cells respond.",
    "Read more at https://www.example.de/kontakt/impressum or write to redaktion@example.de. #Nachrichten",
    "Install it with `pip install langscan`, then call detector.scan(text) from your_module.py.",
    "Newsfeed\nChats\nSubscribe\nloader\nSputnik International\nTo participate in the discussion\nlog in or register",
    "We loved the trip 😀🎉 and the café au lait — 10/10 would go again ¯\\_(ツ)_/¯",
    "The film premiered at the Berlinale in Berlin before opening in São Paulo and Zürich.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_english_with_names_loanwords_symbols_and_code_is_clean(det, text):
    assert det.scan(text) == []


def test_real_sputnik_page_body_without_artifacts_is_clean(det):
    clean = FOUNDING.replace(ARABIC, "").replace(RUSSIAN, "")
    assert det.scan(clean) == []


# --------------------------------------------------------------------------- script kind
@pytest.mark.parametrize(
    "text,fragment,lang,script",
    [
        ("Choose your language: English | Русский", "Русский", "ru", "Cyrillic"),
        ("Language: العربية", "العربية", "ar", "Arabic"),
        ("Also available in 日本語 (Japanese).", "日本語", "ja", "Han"),
        ("Друзі, підписуйтесь на наш канал! Follow us for more updates.", "Друзі, підписуйтесь на наш канал", "uk", "Cyrillic"),
        ("The caption read: این یک آزمایش است. It was posted yesterday.", "این یک آزمایش است", "fa", "Arabic"),
        ("Read the story in Korean: 오늘의 주요 뉴스를 확인하세요", "오늘의 주요 뉴스를 확인하세요", "ko", "Hangul"),
        ("The sign said שלום עולם in large letters.", "שלום עולם", "he", "Hebrew"),
        ("A visitor wrote Καλημέρα σας on the board.", "Καλημέρα σας", "el", "Greek"),
        ("Tagline: यह एक परीक्षण है and nothing else.", "यह एक परीक्षण है", "hi", "Devanagari"),
    ],
)
def test_foreign_script_runs_are_found_with_exact_bounds_and_language(det, text, fragment, lang, script):
    found = det.scan(text)
    assert spans(found) == [("script", lang, fragment)]
    f = found[0]
    assert f.script == script
    assert text[f.start:f.end] == fragment


def test_script_run_glued_to_english_keeps_its_exact_boundary(det):
    text = "© Photo : youtube/Первый каналSyrian army night-time operation"
    (f,) = det.scan(text)
    assert f.text == "Первый канал" and text[f.end:].startswith("Syrian")


def test_japanese_run_with_kana_is_japanese(det):
    (f,) = det.scan("Footer: 日本語のページはこちら")
    assert (f.lang, f.script) == ("ja", "Japanese")


# --------------------------------------------------------------------------- latin kind
@pytest.mark.parametrize(
    "text,fragment,lang",
    [
        ("© 2019 Example Media GmbH. Alle Rechte vorbehalten.", "Alle Rechte vorbehalten.", "de"),
        ("The minister spoke for an hour. Le gouvernement a annoncé de nouvelles mesures pour lutter contre la pollution.",
         "Le gouvernement a annoncé de nouvelles mesures pour lutter contre la pollution.", "fr"),
        ("The team won again on Sunday. El presidente anunció ayer un nuevo plan económico para el país.",
         "El presidente anunció ayer un nuevo plan económico para el país.", "es"),
        ("Police said the suspect fled. Ten artykuł opisuje nowe zasady dotyczące ochrony danych osobowych.",
         "Ten artykuł opisuje nowe zasady dotyczące ochrony danych osobowych.", "pl"),
        ("The sign on the door read Bitte nicht stören, so we walked away quietly.", "Bitte nicht stören", "de"),
    ],
)
def test_latin_script_foreign_text_is_localised_to_its_sentence_or_clause(det, text, fragment, lang):
    found = det.scan(text)
    assert spans(found) == [("latin", lang, fragment)]
    assert found[0].script == "Latin"


def test_foreign_item_in_a_menu_is_found(det):
    text = "Home | News | Sport | Kontakt"
    found = det.scan(text)
    assert [f.text for f in found] == ["Kontakt"] and found[0].lang == "de"


def test_language_switcher_is_found_whole(det):
    # one finding for the whole switcher (the English item and the separators too), context menu
    text = "English | Русский | Español | العربية"
    assert [(f.text, f.lang, f.context) for f in det.scan(text)] == [(text, "mul", "menu")]


# --------------------------------------------------------------------------- homoglyph kind
def test_homoglyph_word_is_one_finding_naming_the_odd_letters(det):
    text = "The N\u0430val Academy announced the results on Monday."
    (f,) = det.scan(text)
    assert f.kind is Kind.HOMOGLYPH
    assert f.text == "N\u0430val" and (f.start, f.end) == (4, 9)
    assert "U+0430 CYRILLIC SMALL LETTER A" in f.detail
    assert f.chars == ("\u0430",)


def test_greek_homoglyph_is_found(det):
    (f,) = det.scan("Update your \u039Fffice password here.")
    assert f.kind is Kind.HOMOGLYPH and "GREEK CAPITAL LETTER OMICRON" in f.detail


# --------------------------------------------------------------------------- document kind
def test_whole_foreign_document_is_one_finding(det):
    text = (DATA / "russian_article.txt").read_text(encoding="utf-8")
    found = det.scan(text)
    assert len(found) == 1 and found[0].kind is Kind.DOCUMENT and found[0].lang == "ru"
    assert text[found[0].start:found[0].end] == found[0].text


def test_whole_german_document_is_one_finding(det):
    text = (
        "Die Digitalisierung verändert die Arbeitswelt grundlegend.\n\n"
        "Viele Unternehmen investieren deshalb in die Weiterbildung ihrer Mitarbeiter.\n\n"
        "Nach Angaben des Verbandes wollen zwei Drittel der Firmen ihre Ausgaben im nächsten Jahr erhöhen."
    )
    found = det.scan(text)
    assert [(f.kind.value, f.lang) for f in found] == [("document", "de")]


# --------------------------------------------------------------------------- expected languages
def test_english_in_a_german_text_is_found_with_expect_de():
    det = Detector(expect=("de",))
    text = ("Die Bundesregierung hat am Mittwoch neue Regeln für den Datenschutz beschlossen. "
            "The government said the new rules will take effect next year. Der Bundestag muss noch zustimmen.")
    assert spans(det.scan(text)) == [("latin", "en", "The government said the new rules will take effect next year.")]


def test_bilingual_corpus_accepts_both_languages():
    text = "The meeting starts at noon. La réunion commence à midi et se termine à deux heures."
    assert Detector(expect=("en", "fr")).scan(text) == []
    assert [f.lang for f in Detector(expect=("en",)).scan(text)] == ["fr"]


def test_options_validate_and_are_picklable():
    import pickle

    opts = DetectorOptions(expect=("en",), sensitivity="strict")
    assert pickle.loads(pickle.dumps(opts)) == opts
    with pytest.raises(ValueError, match="sensitivity"):
        DetectorOptions(sensitivity="paranoid")
    with pytest.raises(ValueError, match="threshold"):
        DetectorOptions(threshold=1.5)


def test_strict_sensitivity_drops_short_runs_balanced_keeps():
    text = "Menu: English | Ру"
    assert Detector(sensitivity="balanced").scan(text) != []
    assert Detector(sensitivity="strict").scan(text) == []


def test_scan_text_convenience_and_explain_agree(det):
    text = "All rights reserved. Alle Rechte vorbehalten."
    found = scan_text(text)
    flagged = [u for u in det.explain(text) if u.flagged]
    assert [(u.start, u.end) for u in flagged] == [(f.start, f.end) for f in found]
    assert all(u.reason for u in det.explain(text))


def test_empty_and_whitespace_text(det):
    assert det.scan("") == [] and det.scan(" \n\t\n") == []
    with pytest.raises(TypeError):
        det.scan(b"bytes")  # type: ignore[arg-type]


def test_to_dict_is_the_json_contract(det):
    (f, *_) = det.scan(FOUNDING)
    d = f.to_dict()
    for key in ("kind", "start", "end", "line", "column", "text", "lang", "lang_name", "script", "score"):
        assert key in d
    assert d["lang_name"] == "Arabic" and d["kind"] == "script"


def test_scan_is_thread_safe(det):
    from concurrent.futures import ThreadPoolExecutor

    texts = [FOUNDING, NEGATIVES[3], "Alle Rechte vorbehalten.", FOUNDING] * 4
    expected = [det.scan(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(det.scan, texts)) == expected


def test_crlf_text_keeps_offsets_true(det):
    text = FOUNDING.replace("\n", "\r\n")
    found = det.scan(text)
    assert [f.text for f in found] == [ARABIC, ARABIC, RUSSIAN]
    for f in found:
        assert text[f.start:f.end] == f.text
        assert text.split("\n")[f.line - 1][f.column - 1:].startswith(f.text)


def test_results_do_not_depend_on_the_hash_seed(tmp_path):
    """Set iteration order changes with PYTHONHASHSEED; the findings must not."""
    import os
    import subprocess
    import sys

    sample = tmp_path / "mixed.txt"
    sample.write_text(
        FOUNDING + "\n© Photo : youtube/Bu parola çok geneldir.Police said the investigation was continuing.\n"
        "Science | Ne, grįžti atgal | News | Subscribe\nWeather | News | Por favor, instale docutils | World\n",
        encoding="utf-8")
    code = ("import sys; from langscan import Detector; t=open(sys.argv[1], encoding='utf-8').read(); "
            "print([(f.start, f.end, f.lang, f.kind.value) for f in Detector().scan(t)])")
    outs = set()
    for seed in ("0", "1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", code, str(sample)], env=env, capture_output=True,
                                text=True, check=True).stdout)
    assert len(outs) == 1


def test_simplified_chinese_run_is_chinese_even_when_short(det):
    (f,) = det.scan("Read the full story: 阅读全文")
    assert (f.lang, f.script, f.text) == ("zh", "Han", "阅读全文")


def test_a_findings_context_does_not_depend_on_the_files_line_endings():
    text = ("The committee met on Tuesday to discuss the budget for the coming year.\n"
            "Members agreed that the proposal needed more work before a vote.\n"
            "Заголовок открываемого материала\n"
            "The chair thanked everyone for attending and closed the meeting at noon.\n")
    det = Detector(expect=("en",))
    got = {ending: [(f.kind.value, f.context) for f in det.scan(text.replace("\n", ending))]
           for ending in ("\n", "\r\n", "\r")}
    assert got["\n"] == [("script", "boilerplate")]
    assert got["\r\n"] == got["\n"] and got["\r"] == got["\n"]


def test_invisible_hangul_fillers_write_no_language():
    # U+3164 and its kin are letters by category but invisible (blank nicknames); a thousand of them made an
    # English text a Korean document, so drop-record would have dropped it
    det = Detector(expect=("en",))
    text = "The committee met on Tuesday to discuss the budget.\n" + "\u3164" * 1000 + "\nThe chair closed it.\n"
    assert det.scan(text) == []
    assert det.scan("Hello \u3164\u3164 world, a name of fillers: \u115f\u1160.\n") == []
    korean = "The meeting was long.\n안녕하세요 여러분, 오늘은 좋은 날입니다.\n"
    assert [(f.kind.value, f.lang) for f in det.scan(korean)] == [("script", "ko")]
