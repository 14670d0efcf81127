"""`langscan report`: the HTML page's content, its JSON twin, rule suggestions.
(Rendering in a real headless Chromium: tests/test_report_render.py.)"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from langscan.clean.rules import parse_rules

DATA = Path(__file__).parent / "data"
CLI = [sys.executable, "-c", "import sys; sys.argv[0] = 'langscan'; from langscan.cli import main; main()"]
FOOTER = "Заголовок открываемого материала"
STORIES = [
    "Flood warnings remain in place along the river after three days of heavy rain. Emergency crews "
    "evacuated 240 residents from low-lying streets overnight.",
    "The museum reopened on Saturday after a two-year renovation that cost €14 million. Visitors queued "
    "around the block.",
    "The central bank left interest rates unchanged on Thursday, citing slowing inflation and weak demand.",
    "Officials said the new rail link would cut journey times by forty minutes between the two cities.",
]


def cli(*args, cwd=None):
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    site = root / "site"
    site.mkdir()
    for i, story in enumerate(STORIES):
        (site / f"page{i}.txt").write_text(f"{story}\n\n{FOOTER}\n", encoding="utf-8")
    # markup inside scraped text must be shown, never run
    (site / "odd.txt").write_text("Readers wrote <script>alert('x')</script> about the "
                                  "Русский version of the page.\n", encoding="utf-8")
    records = [{"text": "The festival closes with a concert in the old harbour. Alle Rechte vorbehalten."},
               {"text": "© Photo : youtube/الدفاع الوطني - القناة الرسميةSyria's army uses the TOS-1."}]
    (root / "news.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                     encoding="utf-8")
    shutil.copy(DATA / "founding_example.txt", root / "founding.txt")
    return root


@pytest.fixture(scope="module")
def report_files(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    html, js = out / "report.html", out / "report.json"
    r1 = cli("report", corpus, "-o", html)
    r2 = cli("report", corpus, "--format", "json", "-o", js)
    assert r1.returncode == 0, r1.stderr
    assert r2.returncode == 0, r2.stderr
    return html.read_text(encoding="utf-8"), json.loads(js.read_text(encoding="utf-8")), html


def test_json_has_totals_languages_kinds_files_and_recurring(report_files):
    _html, data, _p = report_files
    t = data["totals"]
    assert t["files"] == 7 and t["documents"] == 8
    assert t["findings"] == sum(d["count"] for d in data["by_kind"]) == sum(d["count"] for d in data["by_lang"])
    langs = {d["lang"]: d["count"] for d in data["by_lang"]}
    assert langs["ru"] >= 6 and langs["ar"] >= 3 and langs.get("de", 0) >= 1
    top = data["recurring"][0]
    assert (top["text"], top["count"], top["documents"]) == (FOOTER, 5, 5)  # 4 pages + the founding example
    assert {e["path"] for e in top["examples"]} <= {str(p) for p in Path(data["settings"]["paths"][0]).rglob("*.txt")}
    arabic = next(g for g in data["recurring"] if g["lang"] == "ar")
    assert arabic["count"] == 3 and arabic["documents"] == 2
    assert data["settings"]["expect"] == ["en"] and data["settings"]["sensitivity"] == "balanced"
    assert data["by_file"][0]["findings"] >= data["by_file"][-1]["findings"]
    s = data["samples"][0]
    assert {"path", "line", "column", "before", "text", "after", "lang", "kind"} <= set(s)


def test_html_is_self_contained_and_holds_the_same_numbers(report_files):
    html, data, _p = report_files
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)  # no CDN, no network
    assert "<link" not in html and "@import" not in html
    assert html.count("<svg") == 3 and "ru (Russian)" in html and ">script</text>" in html
    assert f">{data['totals']['findings']}</b><span>findings</span>" in html
    assert f'<span class="frag">{FOOTER}</span>' in html
    assert f"<code class=\"one\" title=\"exact ru {FOOTER}\">" in html  # the rule it gets
    assert "<mark><bdi>الدفاع الوطني - القناة الرسمية</bdi></mark>" in html
    assert 'id="sites"' in html and "<b>site/</b>" in html and "Share of foreign text per document" in html
    assert "expected language: <b>en</b>" in html.lower()


def test_corpus_markup_is_escaped(report_files):
    html, _data, _p = report_files
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # only the page's own filter script


def test_suggest_rules_feed_clean(corpus, tmp_path):
    r = cli("report", corpus, "--suggest-rules")
    assert r.returncode == 0, r.stderr
    rules = parse_rules(r.stdout)
    assert ("exact", "ru", FOOTER) in [(x.type, x.lang, x.pattern) for x in rules]
    rules_file = tmp_path / "rules.txt"
    rules_file.write_text(r.stdout, encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(f"{STORIES[0]}\n\n{FOOTER}\n", encoding="utf-8")
    assert cli("clean", page, "--rules", rules_file, "--in-place").returncode == 0
    assert page.read_text(encoding="utf-8") == STORIES[0] + "\n"


def test_unreadable_input_is_listed_and_exit_2(tmp_path):
    (tmp_path / "ok.txt").write_text(f"{STORIES[1]}\n{FOOTER}\n", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "fine"}\nnot json\n', encoding="utf-8")
    r = cli("report", tmp_path, "--format", "json")
    assert r.returncode == 2
    data = json.loads(r.stdout)
    assert data["totals"]["errors"] == 1 and "bad.jsonl:2" in data["errors"][0]
    assert data["totals"]["findings"] >= 1


def test_whole_document_finding_is_shown_shortened(tmp_path):
    german = ("Die Stadtverwaltung hat am Dienstag beschlossen, den Nachtbus in die östlichen Vororte "
              "zu verlängern. Der Versuch läuft sechs Monate und beginnt im März. ") * 8
    (tmp_path / "de.txt").write_text(german, encoding="utf-8")
    r = cli("report", tmp_path, "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    doc = [s for s in data["samples"] if s["kind"] == "document"]
    assert doc and doc[0]["lang"] == "de"
    # its first sentences and its size, not the whole page
    assert doc[0]["text"] == ("Die Stadtverwaltung hat am Dienstag beschlossen, den Nachtbus in die östlichen "
                              "Vororte zu verlängern. Der Versuch läuft sechs Monate und beginnt im März. …")
    size = len(german.rstrip())  # the finding ends at the last sentence
    assert doc[0]["size"] == size and doc[0]["size_label"] == f"{size:,} characters"
    assert data["foreign_share"]["bins"][-1] == {"label": "whole text", "upto": 1.0, "documents": 1}


SCRAPED = """<html><head><title>Harbour news</title></head><body>
<nav>  Home  |
      News  |
      Русский
      | Contact </nav>
<article><p>The festival closes with a concert in the old harbour on Sunday evening, organisers said.</p>
<p>Visitors can read the Сolumn by our critic, who reviewed every concert this summer.</p>
<p>By using this site you accept our terms. Es gelten die Nutzungsbedingungen                    sowie die
			Datenschutzerklärung der Firma.</p></article></body></html>
"""


def test_html_input_gives_one_line_samples_and_names_lookalike_letters(tmp_path):
    (tmp_path / "harbour-1.html").write_text(SCRAPED, encoding="utf-8")
    (tmp_path / "harbour-2.html").write_text(SCRAPED.replace("Sunday", "Saturday"), encoding="utf-8")
    r = cli("report", tmp_path, "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    samples = data["samples"]
    assert samples
    for s in samples:  # what is shown is collapsed: no run of whitespace anywhere
        for part in (s["before"], s["text"], s["after"]):
            assert not re.search(r"\s{2,}|[\n\t]", part), (s["kind"], part)
    german = next(s for s in samples if s["lang"] == "de")
    assert "Nutzungsbedingungen sowie die" in german["before"] + german["text"] + german["after"]
    odd = next(s for s in samples if s["kind"] == "homoglyph")
    assert odd["text"] == "Сolumn" and odd["repaired"] == "Column"
    assert odd["odd"] == [{"char": "С", "code": "U+0421", "name": "Cyrillic Capital Letter Es"}]
    assert [(x["site"], x["documents"]) for x in data["sites"]] == [("harbour", 2)]
    assert sum(b["documents"] for b in data["foreign_share"]["bins"]) == 2
    html = cli("report", tmp_path).stdout
    assert "<b>С</b> U+0421 Cyrillic Capital Letter Es → <b>Column</b>" in html
    assert "Body text: words spelt with look-alike letters" in html


class _Annotate:
    """A policy hook that tags real detector findings with the context the rebuilt detector will report."""

    def filter(self, doc, findings):
        out = []
        for f in findings:
            line = doc.text[doc.text.rfind("\n", 0, f.start) + 1: f.start]
            tagged = type("Tagged", (), {"__getattr__": lambda self, n, f=f: getattr(f, n)})()
            tagged.context = "menu" if "|" in line or line.startswith("Menu") else None
            out.append(tagged)
        return out


def test_sections_follow_the_finding_context_when_there_is_one(tmp_path):
    from langscan.report import collect, render_html

    (tmp_path / "a.txt").write_text("Menu: English | 中文网 | Русский\n\n" + STORIES[0] + " Alle Rechte vorbehalten "
                                    "und Русский текст.\n", encoding="utf-8")
    data = collect([str(tmp_path)], policy=_Annotate())
    keys = [(s["context"], s["kind"]) for s in data["sections"]]
    assert keys[0][0] == "body" and ("menu", "script") in keys
    menu = next(s for s in data["sections"] if s["context"] == "menu")
    assert {x["text"] for x in menu["samples"]} >= {"English | 中文网 | Русский"}  # a language menu, whole
    assert all(x["context"] == "menu" for x in menu["samples"])
    assert sum(s["count"] for s in data["sections"]) == data["totals"]["findings"]
    assert "Menus: fragments in another writing system" in render_html(data)


def test_jsonl_report_is_readable(corpus):
    r = cli("report", corpus / "news.jsonl")
    assert r.returncode == 0, r.stderr
    assert "news.jsonl:1 #1" in r.stdout or "news.jsonl:2 #2" in r.stdout  # record numbers in the locations
    assert "<b>news</b>" in r.stdout  # the file is the site
