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
        if not CORPORA[r["corpus"]].is_dir():
            continue
        if key not in texts:
            texts[key] = page_text(*key)
        if r["kind"] == "document":  # page-level: its text is the page's first 80 characters
            assert texts[key].startswith(r["text"]), key
            continue
        if locate(texts[key], r["text"], r["occurrence"]) < 0:
            lost.append((key, r["text"][:60], r["occurrence"]))
    assert not lost, lost


@pytest.mark.skipif(not CORPORA["readability"].is_dir(), reason="the readability pages are not on this machine")
def test_scoring_counts_a_menu_found_whole_and_a_false_finding():
    from benchmarks.realpages.anchors import Hit
    from benchmarks.realpages.evaluate import Score, load_pages, score_page

    pages, problems = load_pages(["readability"], "all")
    assert not [p for p in problems if "/mozilla-2:" in p]
    page = next(p for p in pages if p.name == "mozilla-2")
    menu = next(g for g in page.gold if g.context == "menu")
    title = page.text.index("Welcome to Firefox Developer Edition")
    # one finding covering the whole language menu, one on the English title: 1 of 2 findings true
    hits = [Hit(menu.start, menu.end, "mul", "latin"), Hit(title, title + 7, "de", "latin")]
    sc = Score()
    score_page(page, hits, sc, glosses=False)
    assert (sc.menus_whole, sc.menus) == (1, 1)
    assert (sc.tp["latin"], sc.hits["latin"]) == (1, 2)
    assert sc.found[("kind", "latin")] == sc.gold[("kind", "latin")] == 1
    # half the menu is not the menu found whole, though the menu is found
    sc = Score()
    score_page(page, [Hit(menu.start, (menu.start + menu.end) // 2, "mul", "latin")], sc, glosses=False)
    assert (sc.menus_whole, sc.menus) == (0, 1) and sc.found[("kind", "latin")] == 1
