"""The real-page gold labels are usable: every label is found in its page's text, every page has a split, and
no site is on both sides of the split (across corpora too)."""
from __future__ import annotations

import json
from collections import defaultdict

import pytest

from benchmarks.realpages.evaluate import CONTEXTS, KINDS, LABELS, locate
from benchmarks.realpages.pages import CORPORA, page_text, split_of

FILES = sorted(LABELS.glob("*.jsonl"))


def _records():
    out = []
    for path in FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out


def test_label_files_exist():
    assert any(p.name == "readability.jsonl" for p in FILES)


def test_every_page_has_a_split_and_no_site_is_on_both_sides():
    sides = defaultdict(set)
    pages = [r for r in _records() if r["type"] == "page"]
    assert len(pages) >= 100
    for r in pages:
        assert r["split"] in ("dev", "heldout"), r["page"]
        assert r["split"] == split_of(r["site"]), r["page"]
        assert r["coverage"] in ("full", "sampled"), r["page"]
        assert r.get("page_lang"), r["page"]
        sides[r["site"]].add(r["split"])
    both = [s for s, v in sides.items() if len(v) > 1]
    assert not both, both
    dev = sum(1 for s in sides.values() if "dev" in s)
    assert 0.4 < dev / len(sides) < 0.8  # about 60 % of the sites are dev


@pytest.mark.skipif(not all(p.is_dir() for p in CORPORA.values() if p.name == "html"),
                    reason="the real-page corpora are not on this machine (/work/shared/corpora)")
def test_every_label_is_locatable_in_its_page_text():
    recs = _records()
    pages = {(r["corpus"], r["page"]) for r in recs if r["type"] == "page"}
    texts = {}
    lost = []
    for r in recs:
        if r["type"] != "span":
            continue
        key = (r["corpus"], r["page"])
        assert key in pages, f"span for a page without a page record: {key}"
        assert r["kind"] in KINDS and r["context"] in CONTEXTS, r
        assert isinstance(r["stray"], bool) and r["reason"].strip(), r
        if r["kind"] == "document":
            continue
        if not CORPORA[r["corpus"]].is_dir():
            continue
        if key not in texts:
            texts[key] = page_text(*key)
        if locate(texts[key], r["text"], r["occurrence"]) < 0:
            lost.append((key, r["text"][:60], r["occurrence"]))
    assert not lost, lost
