"""The per-language probe's committed data matches its manifest, and every fragment offset is right."""
from __future__ import annotations

import gzip
import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.probe.build import LANGS, NAMED, STYLES, split_of

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "probe" / "data"
MANIFEST = json.loads((DATA / "MANIFEST.json").read_text(encoding="utf-8"))
RAW = (DATA / MANIFEST["file"]).read_bytes()
RECORDS = [json.loads(line) for line in gzip.decompress(RAW).decode("utf-8").splitlines()]



def test_file_matches_manifest_checksums():
    assert hashlib.sha256(RAW).hexdigest() == MANIFEST["sha256_gz"]
    assert hashlib.sha256(gzip.decompress(RAW)).hexdigest() == MANIFEST["sha256_jsonl"]
    assert len(RECORDS) == MANIFEST["records"]


def test_counts_match_manifest():
    counts: dict = {}
    for r in RECORDS:
        c = counts.setdefault(r["lang"], Counter())
        c[f"{r['unit']}/{r['split']}"] += 1
        c[f"{r['unit']}/{r['source']}"] += 1
    assert {k: dict(v) for k, v in counts.items()} == MANIFEST["counts"]
    assert dict(Counter(r["split"] for r in RECORDS)) == MANIFEST["splits"]


def test_every_fragment_offset_is_right():
    for r in RECORDS:
        frag, text, s, e = r["fragment"], r["text"], r["start"], r["end"]
        assert text[s:e] == frag, r["id"]
        assert frag == frag.strip() and frag, r["id"]
        if r["style"] == "line":
            assert (s == 0 or text[s - 1] == "\n") and text[e:e + 1] in ("", "\n"), r["id"]
        elif r["style"] == "quoted":
            assert text[s - 1] == "“" and text[e] == "”", r["id"]
        else:
            assert r["style"] == "appended" and text[s - 1] == " " and text[e] == "\n", r["id"]
        # the host around the fragment is English prose, never another copy of the fragment
        assert text.count(frag) == 1 or r["unit"] in ("word", "pair"), r["id"]


def test_records_are_well_formed_and_unique():
    assert len({r["id"] for r in RECORDS}) == len(RECORDS)
    for r in RECORDS:
        assert r["style"] in STYLES
        if r["lang"] == "en":
            assert r["kind"] == "english" and r["unit"] in ("sentence", "pair", "word")
        else:
            assert r["kind"] == r["unit"] and r["unit"] in ("sentence", "pair")
        if r["unit"] == "pair":
            assert len(r["fragment"].split(" ")) == 2, r["id"]
        if r["unit"] == "word":
            assert " " not in r["fragment"], r["id"]


def test_split_is_the_fixed_hash_of_the_source_item():
    for r in RECORDS:
        assert r["split"] == split_of(r["lang"], r["item"]), r["id"]
    share = sum(r["split"] == "dev" for r in RECORDS) / len(RECORDS)
    assert 0.45 < share < 0.55


def test_foreign_items_appear_in_all_three_styles():
    styles: dict = {}
    for r in RECORDS:
        if r["lang"] != "en":
            styles.setdefault((r["lang"], r["item"], r["fragment"]), set()).add(r["style"])
    assert all(s == set(STYLES) for s in styles.values())


@pytest.mark.parametrize("lang", NAMED)
def test_named_language_has_enough_items(lang):  # NAMED: the languages issue 9 names and the big ones
    c = MANIFEST["counts"][lang]
    n_sentences = (c.get("sentence/dev", 0) + c.get("sentence/heldout", 0)) // len(STYLES)
    n_pairs = (c.get("pair/dev", 0) + c.get("pair/heldout", 0)) // len(STYLES)
    assert n_sentences >= 20 and n_pairs >= 60, (lang, n_sentences, n_pairs)


def test_at_least_45_languages_and_3000_english_negatives():
    assert set(NAMED) <= set(MANIFEST["languages"]) and len(MANIFEST["languages"]) >= 45
    assert set(MANIFEST["languages"]) == set(LANGS)
    english = Counter(r["unit"] for r in RECORDS if r["lang"] == "en")
    assert sum(english.values()) >= 3000 and set(english) == {"sentence", "pair", "word"}
