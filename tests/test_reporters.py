"""Reporters: each output format on real findings; SARIF validated against the official 2.1.0 schema."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from langscan import Detector
from langscan.baseline import fingerprint
from langscan.readers import ReaderOptions, ReadError, ReadNote, read_inputs
from langscan.document import Document
from langscan.reporters import FORMATS, Hit, Stats, make_reporter

DATA = Path(__file__).parent / "data"
SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FOUNDING = (DATA / "founding_example.txt").read_text(encoding="utf-8")
RUSSIAN = "Заголовок открываемого материала"


@pytest.fixture(scope="module")
def detector():
    return Detector(expect=("en",))


def render(fmt, items, detector, **kw):
    """Run items (Documents and errors) through a reporter; (stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    rep = make_reporter(fmt, out, err, **kw)
    stats = Stats()
    rep.start()
    for it in items:
        if isinstance(it, Document):
            stats.documents += 1
            for f in detector.scan(it.text):
                h = Hit.of(it, f, fingerprint=fingerprint(it, f))
                stats.add(h)
                rep.hit(h)
        else:
            stats.errors += isinstance(it, ReadError)
            rep.problem(it)
    rep.finish(stats)
    return out.getvalue(), err.getvalue()


@pytest.fixture()
def inputs(tmp_path):
    page = tmp_path / "news" / "page one.txt"
    page.parent.mkdir()
    page.write_text(FOUNDING, encoding="utf-8")
    rec = tmp_path / "crawl.jsonl"
    rec.write_text(json.dumps({"text": "Subscribe to our newsletter. " + RUSSIAN}, ensure_ascii=False) + "\n{oops\n",
                   encoding="utf-8")
    return list(read_inputs([str(page), str(rec), str(tmp_path / "missing.txt")], ReaderOptions()))


def test_sarif_is_valid_against_the_official_schema(inputs, detector):
    out, _ = render("sarif", inputs, detector)
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "langscan"
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert len(results) == 4
    r = results[2]
    loc = r["locations"][0]["physicalLocation"]
    assert r["ruleId"] == "script" and r["level"] == "warning"
    assert loc["region"]["startLine"] == 56 and loc["region"]["startColumn"] == 1
    assert loc["region"]["endColumn"] == 1 + len(RUSSIAN) and loc["region"]["snippet"]["text"] == RUSSIAN
    assert loc["artifactLocation"]["uri"].endswith("news/page%20one.txt")
    assert r["partialFingerprints"]["langscanFragment/v1"]
    rec = results[3]
    assert rec["properties"]["record"] == 1 and rec["properties"]["field"] == "text"
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert [n["level"] for n in inv["toolExecutionNotifications"]] == ["error", "error"]


def test_sarif_clean_run_is_valid(detector, tmp_path):
    p = tmp_path / "ok.md"
    p.write_text("All quiet on the harbour front today.\n", encoding="utf-8")
    out, _ = render("sarif", list(read_inputs([str(p)], ReaderOptions())), detector)
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_text_colour_only_when_asked(inputs, detector):
    plain, err = render("text", inputs, detector)
    assert "\033[" not in plain and "missing.txt: error" in err
    coloured, _ = render("text", inputs, detector, color=True)
    assert "\033[" in coloured
    assert f'page one.txt:56:1: script ru (Cyrillic, boilerplate) "{RUSSIAN}"' in plain
    assert "[record 1, field text]" in plain


def test_jsonl_one_object_per_finding(inputs, detector):
    out, err = render("jsonl", inputs, detector)
    rows = [json.loads(x) for x in out.splitlines()]
    assert len(rows) == 4 and "crawl.jsonl:2: error: malformed JSON" in err
    assert rows[3]["record"] == 1 and rows[3]["field"] == "text" and rows[3]["column"] == 40
    assert "record" not in rows[0]


def test_json_document(inputs, detector):
    out, _ = render("json", inputs, detector)
    doc = json.loads(out)
    assert doc["version"] == 1 and len(doc["findings"]) == 4
    assert doc["errors"][0] == {"path": doc["errors"][0]["path"], "message": doc["errors"][0]["message"], "line": 2}
    assert doc["summary"]["by_lang"] == {"ar": 2, "ru": 2}


def test_csv_has_a_header_and_quotes_properly(inputs, detector):
    out, _ = render("csv", inputs, detector)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert out.startswith("path,line,column,record,field,kind,lang,")
    assert [r["text"] for r in rows][2:] == [RUSSIAN, RUSSIAN]
    assert rows[3]["record"] == "1" and rows[0]["record"] == ""


def test_github_escapes_properties_and_reports_errors(detector, tmp_path):
    p = tmp_path / "a,b:c.txt"
    p.write_text("Intro line.\n" + RUSSIAN + "\n", encoding="utf-8")
    items = list(read_inputs([str(p)], ReaderOptions())) + [ReadError("x.jsonl", "malformed JSON: 50% done", line=3),
                                                             ReadNote("img.png", "binary file skipped")]
    out, err = render("github", items, detector)
    lines = out.splitlines()
    assert lines[0].startswith("::warning file=") and "a%2Cb%3Ac.txt,line=2,col=1," in lines[0]
    assert lines[1] == "::error file=x.jsonl,line=3,title=langscan input error::malformed JSON: 50%25 done"
    assert "img.png: note" in err


def test_summary_on_stderr_for_machine_formats(inputs, detector):
    out, err = render("jsonl", inputs, detector, summary=True)
    assert "by language:" in err and "by language:" not in out


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_handles_no_findings(fmt, detector):
    out, _ = render(fmt, [Document(text="Nothing to see here, move along.", path="a.txt")], detector)
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "csv":
        assert out.splitlines() == [out.splitlines()[0]]


def test_whole_document_findings_are_shortened_for_people_but_not_for_machines(detector, tmp_path):
    de = ("Der Gemeinderat hat am Dienstag nach einer langen Debatte den neuen Haushalt verabschiedet. "
          "Die Fähren zu den Inseln wurden bis auf Weiteres eingestellt, teilte der Betreiber mit. ") * 4
    doc = Document(text=de, path="de.txt")
    kinds = [str(f.kind) for f in detector.scan(de)]
    assert kinds == ["document"], kinds
    text_out, _ = render("text", [doc], detector)
    assert "characters)" in text_out and len(text_out.splitlines()[0]) < 250
    rows = [json.loads(x) for x in render("jsonl", [doc], detector)[0].splitlines()]
    assert rows[0]["text"] == de[rows[0]["start"] : rows[0]["end"]] and rows[0]["lang"] == "de"


def test_every_format_carries_the_repair_of_look_alike_words_and_mojibake(detector, tmp_path):
    page = tmp_path / "notes.txt"
    page.write_text("We measured the ѕсоре of the problem.\nThe cafÃ© opens at nine.\n", encoding="utf-8")
    rec = tmp_path / "rows.jsonl"
    rec.write_text(json.dumps({"text": "The cafÃ© opens at nine."}, ensure_ascii=False) + "\n", encoding="utf-8")
    items = list(read_inputs([str(page), str(rec)], ReaderOptions()))
    out, _ = render("sarif", items, detector)
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)  # the fixes object is valid SARIF
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["properties"]["repair"]) for r in results] == [
        ("homoglyph", "scope"), ("mojibake", "café"), ("mojibake", "café")]
    # a fix only where the text is the file itself: inside a JSON string the bytes differ
    assert [("fixes" in r) for r in results] == [True, True, False]
    out, _ = render("jsonl", items, detector)
    rows = [json.loads(x) for x in out.splitlines()]
    assert [x["repair"] for x in rows] == ["scope", "café", "café"]
    assert all("repaired" not in x["detail"] for x in rows)
    out, _ = render("csv", items, detector)
    assert [r["repair"] for r in csv.DictReader(io.StringIO(out))] == ["scope", "café", "café"]
    out, _ = render("text", items, detector)
    assert "repaired: scope)" in out and out.count("(mis-decoded UTF-8; repaired: café)") == 2
    out, _ = render("github", items, detector)
    assert out.count("repaired: café") == 2 and "repaired: scope" in out
    out, _ = render("json", items, detector)
    assert "\"repair\": \"scope\"" in out
