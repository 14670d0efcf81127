"""Recurring fragments: grouping across documents, counts, examples, rules."""

from __future__ import annotations

import re

from langscan import Detector
from langscan.clean.rules import Rule, format_rules, match_rules, parse_rules
from langscan.document import Document
from langscan.recurring import RecurringIndex, normalise, rule_for

FOOTER = "Заголовок открываемого материала"
STORIES = [
    "Flood warnings remain in place along the river after three days of heavy rain.",
    "The museum reopened on Saturday after a two-year renovation that cost €14 million.",
    "The central bank left interest rates unchanged on Thursday, citing slowing inflation.",
    "Officials said the new rail link would cut journey times by forty minutes.",
]


def test_normalise_nfkc_casefold_whitespace():
    assert normalise("  Заголовок\u00a0 ОТКРЫВАЕМОГО\nматериала ") == "заголовок открываемого материала"
    assert normalise("ｆｕｌｌ ｗｉｄｔｈ") == "full width"


def test_footer_on_every_page_groups_with_real_detector():
    det = Detector(expect=("en",))
    index = RecurringIndex(max_examples=2)
    for i, story in enumerate(STORIES):
        doc = Document(f"{story}\n\n{FOOTER}\n", path=f"site/page{i}.txt")
        index.add(doc, det.scan(doc.text))
    top = index.top(5)
    assert top and top[0].text == FOOTER
    g = top[0]
    assert (g.count, g.documents, g.lang, g.kind) == (4, 4, "ru", "script")
    assert [str(e) for e in g.examples] == ["site/page0.txt:3:1", "site/page1.txt:3:1"]
    assert "4x in 4 doc(s)" in index.format_summary()


def _add(index, path, text, *frags, record=None):
    doc = Document(text, path=path, record=record, field="text" if record else None)
    index.add(doc, match_rules(text, [Rule("exact", "ru", f) for f in frags]))


def test_variants_group_and_get_a_regex_rule_matching_all_of_them():
    index = RecurringIndex()
    _add(index, "a.jsonl", "Menu: Русский язык", "Русский язык", record=1)
    _add(index, "a.jsonl", "Menu: русский  язык", "русский  язык", record=2)
    _add(index, "a.jsonl", "Menu: Русский язык and Русский язык", "Русский язык", record=3)
    (g,) = index.groups()
    assert (g.count, g.documents) == (4, 3)
    assert g.text == "Русский язык"
    rule = rule_for(g)
    assert rule.type == "regex"
    for form in ("Русский язык", "русский  язык"):
        assert re.fullmatch(rule.pattern, form)
    assert str(g.examples[0]) == "a.jsonl:1:7 record 1 [text]"


def test_single_spelling_gives_exact_rule_and_rules_round_trip():
    index = RecurringIndex()
    for i in range(3):
        _add(index, f"p{i}.txt", f"Story {i}.\n{FOOTER}", FOOTER)
    _add(index, "p9.txt", "Only once: Купить", "Купить")
    rules = index.suggest_rules(min_count=2)
    assert [(r.type, r.lang, r.pattern) for r in rules] == [("exact", "ru", FOOTER)]
    text = format_rules(rules)
    assert "# 3 occurrence(s) in 3 document(s): script ru" in text
    assert parse_rules(text) == [Rule("exact", "ru", FOOTER)]
    assert [f.text for f in match_rules(f"x\n{FOOTER}\n", parse_rules(text))] == [FOOTER]


def test_document_findings_are_not_fragments():
    class DocFinding:
        kind, text, lang, lang_name, start, line, column = "document", "Ein ganzer Text.", "de", "German", 0, 1, 1

    index = RecurringIndex()
    index.add(Document("Ein ganzer Text.", path="de.txt"), [DocFinding(), DocFinding()])
    assert len(index) == 0 and index.top() == []
