"""Cleaning rules cannot cut words, and suggested rules cannot damage text (issue 12).

The texts and the five bad suggestions are the ones the issue reported:
`exact zh 中文`, `exact ja 日本`, `exact de Politik`, `exact en Сolumn`, `exact it Cina`
turned "Menu: English | 中文网 | 日本語 | Сolumn" into "Menu: English | 网 | 語".
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from langscan import Detector
from langscan.clean.core import apply
from langscan.clean.rules import (Rule, RuleError, format_rules, is_whole_unit, match_rules,
                                  parse_rules)
from langscan.document import Document
from langscan.finding import Finding, Kind
from langscan.recurring import RecurringIndex, format_suggestions

MENU = "Menu: English | 中文网 | 日本語 | Сolumn"  # "Сolumn" starts with CYRILLIC CAPITAL LETTER ES
POLITIK = "The Politiker said Politik matters. Read the Сolumn today."
CINA = "Cinacity"
BAD = [("exact", "zh", "中文"), ("exact", "ja", "日本"), ("exact", "de", "Politik"),
       ("exact", "en", "Сolumn"), ("exact", "it", "Cina")]
BAD_FILE = "".join(f"{t} {lang} {p}\n" for t, lang, p in BAD)
CLI = [sys.executable, "-c", "import sys; sys.argv[0] = 'langscan'; from langscan.cli import main; main()"]


def clean_with(text: str, rules_text: str) -> str:
    return apply(text, match_rules(text, parse_rules(rules_text)), "strip")


def test_the_issue_rules_cut_no_word_and_repair_the_lookalike():
    rules = BAD_FILE
    assert clean_with(MENU, rules) == "Menu: English | 中文网 | 日本語 | Column"
    # "Politiker" keeps its letters; the standalone "Politik" is what the rule names
    assert clean_with(POLITIK, rules) == "The Politiker said matters. Read the Column today."
    assert clean_with(CINA, rules) == CINA


@pytest.mark.parametrize("rule,text,expected", [
    ("exact zh 中文", "Menu: 中文 | English", ["中文"]),           # the whole Han run: matched
    ("exact zh 中文", "Menu: 中文网 | English", []),               # part of a longer Han run: never
    ("exact zh 中文", "欢迎访问中文网", []),
    ("exact ja 日本語", "日本語のページ", ["日本語"]),               # a Han run ending at kana is whole
    ("exact ja 日本", "日本語のページ", []),
    ("exact th ภาษาไทย", "อ่านภาษาไทยวันนี้", []),                  # Thai is written without spaces
    ("exact it Cina", "Cina, Cinacity e la cina", ["Cina"]),       # case-sensitive exact, whole words
    ("exact ar الدفاع الوطني", "youtube/الدفاع الوطنيSyria's army", ["الدفاع الوطني"]),  # script change
    ("regex de Politik\\w*", "The Politiker said Politik", ["Politiker", "Politik"]),
    ("regex de Polit", "The Politiker said", []),                 # a regex cannot cut a word either
])
def test_a_rule_matches_only_whole_units(rule, text, expected):
    found = match_rules(text, parse_rules(rule))
    assert [f.text for f in found] == expected
    assert all(is_whole_unit(text, f.start, f.end) and text[f.start:f.end] == f.text for f in found)


def test_a_lookalike_word_is_repaired_by_any_rule_never_removed():
    for rule in ("exact en Сolumn", "repair en Сolumn Column", "regex en \\S*olumn"):
        (f,) = match_rules(POLITIK, parse_rules(rule))
        assert f.kind is Kind.HOMOGLYPH and f.chars == ("С",)
        assert apply(POLITIK, [f], "strip") == "The Politiker said Politik matters. Read the Column today."


def test_repair_rules_are_checked_when_read():
    assert parse_rules("repair en Сolumn Column") == [Rule("repair", "en", "Сolumn", replacement="Column")]
    for bad in ("repair en Column Column", "repair en Сolumn Colunm", "repair en Сolumn", "fix en a b"):
        with pytest.raises(RuleError):
            parse_rules(bad)
    rules = [Rule("repair", "en", "Сolumn", "2 occurrence(s)", replacement="Column"),
             Rule("exact", "ru", "Заголовок открываемого материала")]
    assert parse_rules(format_rules(rules)) == rules


def _index_of(pages: list[str], fragments: list[tuple[str, str, Kind]]) -> RecurringIndex:
    """A RecurringIndex fed the fragments the issue's detector reported, at their first place on each page."""
    index = RecurringIndex()
    for i, text in enumerate(pages):
        found = []
        for frag, lang, kind in fragments:
            at = text.find(frag)
            if at >= 0:
                found.append(Finding(kind, at, at + len(frag), 1, at + 1, frag, lang, lang, "X", 0.9))
        index.add(Document(text, path=f"site/p{i}.html"), found)
    return index


def test_the_five_bad_suggestions_cannot_be_made():
    pages = [f"{MENU}\n{POLITIK}\nVisit Cina now.\n",
             f"{MENU}\n{POLITIK}\nCina reviews: {CINA}.\n",
             "Menu: English | 中文 | 日本 | Сolumn\nPolitik: Cina and Сolumn.\n"]
    index = _index_of(pages, [("中文", "zh", Kind.SCRIPT), ("日本", "ja", Kind.SCRIPT),
                              ("Politik", "de", Kind.LATIN), ("Сolumn", "en", Kind.HOMOGLYPH),
                              ("Cina", "it", Kind.LATIN)])
    rules, skipped = index.suggestions(min_count=2)
    assert [(r.type, r.pattern, r.replacement) for r in rules] == [("repair", "Сolumn", "Column")]
    why = {g.text: reason for g, reason in skipped}
    assert set(why) == {"中文", "日本", "Politik", "Cina"}
    assert "cut out of a longer word" in why["中文"] and "cut out of a longer word" in why["Politik"]
    assert "Cinacity" in why["Cina"]
    text = format_suggestions(index)
    assert "repair en Сolumn Column" in text and "look-alike letters: С (U+0421)" in text
    assert "3 occurrence(s) in 3 document(s)" in text and text.count("«Сolumn»") == 2  # count and two contexts
    for line in text.splitlines():
        assert line.startswith("#") or not line.strip() or line == "repair en Сolumn Column"
    for page in pages:  # what was suggested changes no letter but the look-alike one
        assert clean_with(page, text) == page.replace("Сolumn", "Column")


def test_a_fragment_inside_common_english_words_gets_no_rule():
    pages = [f"Stories from Cina. Page {i}." for i in range(3)]
    index = _index_of(pages, [("Cina", "it", Kind.LATIN)])
    rules, ((g, why),) = index.suggestions()
    assert rules == [] and "English" in why and "fascinat" in why


def test_real_detector_suggestions_change_only_whole_units(tmp_path):
    footer = "Заголовок открываемого материала"
    stories = ["Flood warnings remain in place along the river after three days of heavy rain.",
               "The museum reopened on Saturday after a two-year renovation that cost a fortune.",
               "Officials said the new rail link would cut journey times by forty minutes."]
    det = Detector(expect=("en",))
    index = RecurringIndex()
    pages = [f"{MENU}\n\n{s}\n\n{footer}\n" for s in stories]
    for i, page in enumerate(pages):
        doc = Document(page, path=f"site/p{i}.txt")
        index.add(doc, det.scan(page))
    rules = index.suggest_rules()
    assert ("exact", footer) in [(r.type, r.pattern) for r in rules]
    for page in pages:
        for f in match_rules(page, rules):
            assert is_whole_unit(page, f.start, f.end), f.text
        cleaned = clean_with(page, format_rules(rules))
        assert footer not in cleaned and cleaned.startswith("Menu: English")
        assert "网" not in cleaned.replace("中文网", "") and "語" not in cleaned.replace("日本語", "")


def test_dry_run_shows_what_each_rule_would_change(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(f"{MENU}\n{POLITIK}\n{CINA}\n", encoding="utf-8")
    rules = tmp_path / "rules.txt"
    rules.write_text(BAD_FILE, encoding="utf-8")
    r = subprocess.run([*CLI, "clean", str(page), "--rules", str(rules), "--dry-run"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "+Menu: English | 中文网 | 日本語 | Column" in r.stdout
    assert "rule 'exact zh 中文': 0 match(es)" in r.stderr
    assert "rule 'exact it Cina': 0 match(es)" in r.stderr
    assert "rule 'exact de Politik': 1 match(es) in 1 document(s)" in r.stderr
    assert "  + The Politiker said matters. Read the Сolumn today." in r.stderr
    assert "rule 'exact en Сolumn': 2 match(es)" in r.stderr
    assert page.read_text(encoding="utf-8") == f"{MENU}\n{POLITIK}\n{CINA}\n"  # dry run wrote nothing


@pytest.mark.parametrize("action,after", [("mask", "  + The Politiker said [foreign:de] matters."),
                                          ("drop-line", "  + (the line is removed)"),
                                          ("drop-record", "  + (the whole record is left out)")])
def test_dry_run_preview_follows_the_action(tmp_path, action, after):
    data = tmp_path / "b.jsonl"
    data.write_text('{"text": "The Politiker said Politik matters."}\n', encoding="utf-8")
    rules = tmp_path / "rules.txt"
    rules.write_text(BAD_FILE, encoding="utf-8")
    r = subprocess.run([*CLI, "clean", str(data), "--rules", str(rules), "--dry-run", "--action", action],
                       capture_output=True, text=True)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert after in r.stderr.splitlines()
