"""Findings shown to people carry no raw whitespace; machines keep the exact text (issue 12)."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from langscan import Detector
from langscan.display import collapse, opening, shown, size_label
from langscan.document import Document
from langscan.reporters import Hit, Stats, make_reporter

CLI = [sys.executable, "-c", "import sys; sys.argv[0] = 'langscan'; from langscan.cli import main; main()"]
TERMS = ("By using this site you accept our terms. Es gelten die Nutzungsbedingungen                    sowie "
         "die\n\t\tDatenschutzerklärung der Firma.\nThe weather was fine all week and the crowds came back.")
GERMAN_PAGE = ("\n\n\n\t\t<Startseite>\n\n\t\t" + "Die Stadtverwaltung hat am Dienstag beschlossen, den Nachtbus "
               "in die östlichen Vororte zu verlängern.\n\n\t\t\tDer Versuch läuft sechs Monate und beginnt im März. " * 6)


@pytest.fixture(scope="module")
def detector():
    return Detector(expect=("en",))


def text_output(doc: Document, detector) -> str:
    out = io.StringIO()
    rep = make_reporter("text", out, io.StringIO())
    stats = Stats()
    for f in detector.scan(doc.text):
        h = Hit.of(doc, f)
        stats.add(h)
        rep.hit(h)
    return out.getvalue()


def test_collapse_and_opening():
    assert collapse("Nutzungsbedingungen                    sowie\n\n\t die ") == "Nutzungsbedingungen sowie die"
    assert collapse("a\u00a0\u3000b") == "a b"
    text = "First one here. Second one there! Third is not shown. " * 3
    assert opening(text) == "First one here. Second one there! …"
    assert opening("没有空格的句子。第二句。第三句。") == "没有空格的句子。第二句。 …"
    assert opening("word " * 100, limit=40).endswith(" …") and len(opening("word " * 100, limit=40)) <= 42
    assert size_label("a\nb") == "3 characters, 2 lines"
    assert shown("x  y") == "x y"


def test_text_output_collapses_whitespace_runs_in_fragments(detector):
    out = text_output(Document(TERMS, path="terms.txt"), detector)
    line = next(x for x in out.splitlines() if " latin de " in x)
    assert line.endswith('"Es gelten die Nutzungsbedingungen sowie die"')
    assert "  " not in line.split(" latin de ", 1)[1] and "\\n" not in line and "\\t" not in line


def test_document_finding_shows_opening_and_size_not_the_page(detector):
    out = text_output(Document(GERMAN_PAGE, path="de.txt"), detector)
    (line,) = [x for x in out.splitlines() if " document de " in x]
    assert "\\n" not in line and "\\t" not in line and "  " not in line
    assert ('"<Startseite> Die Stadtverwaltung hat am Dienstag beschlossen, den Nachtbus in die östlichen '
            'Vororte zu verlängern. Der Versuch läuft sechs Monate und beginnt im März. …') in line
    assert "characters, " in line and " lines)" in line and len(line) < 300


def test_json_keeps_the_exact_text(tmp_path):
    page = tmp_path / "terms.txt"
    page.write_text(TERMS, encoding="utf-8")
    r = subprocess.run([*CLI, "scan", str(page), "--format", "json"], capture_output=True, text=True)
    assert r.returncode in (0, 1), r.stderr
    data = json.loads(r.stdout)
    findings = data["findings"] if isinstance(data, dict) else data
    de = next(f for f in findings if f["lang"] == "de")
    assert "Nutzungsbedingungen                    sowie" in de["text"]
    assert TERMS[de["start"]:de["end"]] == de["text"]
