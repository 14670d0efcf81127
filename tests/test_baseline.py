"""Baselines: fingerprints survive edits elsewhere, new findings still show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from langscan import Detector
from langscan.baseline import Baseline, BaselineError, entry, fingerprint, write
from langscan.document import Document
from langscan.reporters import Hit

DATA = Path(__file__).parent / "data"
FOUNDING = (DATA / "founding_example.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def det():
    return Detector(expect=("en",))


def fps(det, text, field=None):
    doc = Document(text=text, path="page.txt", field=field)
    return [fingerprint(doc, f) for f in det.scan(text)]


def test_fingerprints_survive_edits_elsewhere(det):
    before = fps(det, FOUNDING)
    edited = "Editor's note: this story was updated on Friday.\n\n" + FOUNDING.replace(
        "Russia has increased the number", "Russia has sharply increased the number")
    assert fps(det, edited) == before
    assert len(set(before)) == 3  # the two Arabic credits differ by their context


def test_fingerprint_changes_with_the_fragment_or_its_line(det):
    before = fps(det, FOUNDING)
    changed = FOUNDING.replace("youtube/الدفاع الوطني - القناة الرسميةAnd the result.",
                               "youtube/الدفاع الوطني - القناة الرسميةAnd the outcome.")
    after = fps(det, changed)
    assert after[0] == before[0] and after[2] == before[2] and after[1] != before[1]
    assert fps(det, FOUNDING, field="title") != before


def test_counts_hide_only_as_many_as_recorded(tmp_path, det):
    text = "Menu: Русский\nFooter: Русский\n"
    doc = Document(text=text, path="a.txt")
    fs = det.scan(text)
    hits = [Hit.of(doc, f, fingerprint=fingerprint(doc, f)) for f in fs]
    path = tmp_path / "b.json"
    assert write(str(path), [entry(h) for h in hits[:1]], "test") == 1
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["results"]["a.txt"][0]["text"] == "Русский"
    bl = Baseline.load(str(path))
    assert [bl.consume("a.txt", h.fingerprint) for h in hits] == [True, False]
    assert not Baseline.load(str(path)).consume("other.txt", hits[0].fingerprint)


def test_bad_baseline_files(tmp_path):
    with pytest.raises(BaselineError, match="cannot read"):
        Baseline.load(str(tmp_path / "none.json"))
    p = tmp_path / "x.json"
    p.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(BaselineError, match="not a langscan baseline"):
        Baseline.load(str(p))
    p.write_text("{", encoding="utf-8")
    with pytest.raises(BaselineError, match="not valid JSON"):
        Baseline.load(str(p))
