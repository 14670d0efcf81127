"""The benchmark harness: the committed corpus is well formed, the scoring follows issue 3's definitions, and
``python -m benchmarks --quick`` produces a table with every tool and metric (no speed is asserted)."""
from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # benchmarks/ is not an installed package

from benchmarks import metrics
from benchmarks.corpus import load_corpus, select
from benchmarks.run import main as bench_main

CORPUS = load_corpus()
ANCHOR_MODULES = {"cld2": "pycld2", "fasttext": "fasttext", "langdetect": "langdetect", "lingua": "lingua"}


def test_every_gold_span_is_exactly_its_fragment():
    for d in CORPUS:
        for g in d["gold"]:
            assert d["text"][g["start"]:g["end"]] == g["text"], (d["id"], g)
            assert g["kind"] in ("script", "latin", "homoglyph", "document", "mojibake")
            assert g["lang"] and g["style"] and g["provenance"]
        assert d["clean"] == (not d["gold"])


def test_corpus_mix_and_split_by_host():
    kinds = Counter(g["kind"] for d in CORPUS for g in d["gold"])
    assert min(kinds[k] for k in ("script", "latin", "homoglyph", "document", "mojibake")) >= 30
    hosts = {}
    for d in CORPUS:
        hosts.setdefault(d["host"], set()).add(d["split"])
    assert all(len(s) == 1 for s in hosts.values()), "a host must not straddle dev and heldout"
    heldout = sum(d["split"] == "heldout" for d in CORPUS) / len(CORPUS)
    assert 0.12 < heldout < 0.3
    host_docs = [d for d in CORPUS if d["origin"] in ("article", "page")]
    assert 0.2 < sum(d["clean"] for d in host_docs) / len(host_docs) < 0.45


def _doc(text, spans):
    gold = [{"start": s, "end": e, "text": text[s:e], "lang": lang, "kind": kind, "style": "own_line",
             "provenance": "test"} for s, e, lang, kind in spans]
    return {"id": "t", "text": text, "gold": gold, "origin": "article", "clean": not gold, "negatives": []}


def test_recall_needs_half_the_fragment_and_precision_half_the_finding():
    text = "The minister spoke.\nЗаголовок открываемого материала\nMore English here."
    s = text.index("З")
    e = s + len("Заголовок открываемого материала")
    doc = _doc(text, [(s, e, "ru", "script")])
    exact = metrics.evaluate_doc(doc, [(s, e, "ru", "script")])
    assert exact.gold_found == [True] and exact.findings == [(True, 0)] and exact.gold_lang_ok == [True]
    first_word = metrics.evaluate_doc(doc, [(s, s + 9, "uk", "script")])  # 9 of 30 letters: not found
    assert first_word.gold_found == [False] and first_word.findings == [(True, 0)]
    whole = metrics.evaluate_doc(doc, [(0, len(text), "ru", "")])  # mostly English: found, but a wrong finding
    assert whole.gold_found == [True] and whole.findings == [(False, None)] and whole.wrong == 1
    wrong_lang = metrics.evaluate_doc(doc, [(s, e, "uk", "script")])
    assert wrong_lang.gold_lang_ok == [False]


def test_group_scores_ignore_other_groups_gold_and_count_false_findings():
    text = "Nаval forces met.\nDies ist ein Satz, der hier nicht hingehört.\nFine English line here."
    hs, ls = text.index("Nаval"), text.index("Dies")
    doc = _doc(text, [(hs, hs + 5, "en", "homoglyph"), (ls, text.index("\nFine"), "de", "latin")])
    fine = text.index("Fine")
    ev = metrics.evaluate_doc(doc, [(ls, text.index("\nFine"), "de", "latin"), (fine, fine + 4, "fr", "latin")])
    latin = metrics.group_score([doc], [ev], lambda g: g["kind"] == "latin")
    homo = metrics.group_score([doc], [ev], lambda g: g["kind"] == "homoglyph")
    assert (latin.gold, latin.found, latin.right, latin.wrong) == (1, 1, 1, 1)
    assert (homo.gold, homo.found, homo.right, homo.wrong) == (1, 0, 0, 1)
    assert latin.f1 == pytest.approx(2 / 3)
    wrong, words, per100k = metrics.false_per_100k([doc], [ev])
    assert wrong == 1 and words == 6 and per100k == pytest.approx(1e5 / 6)  # gold blanked out


def test_quick_selection_keeps_every_kind_and_style():
    quick = select(CORPUS, "all", quick=True)
    assert len(quick) < len(CORPUS) / 4
    have = {(g["kind"], g["style"]) for d in quick for g in d["gold"]}
    assert have == {(g["kind"], g["style"]) for d in CORPUS for g in d["gold"]}


def _tiny_corpus(tmp_path):
    """First document of each kind, of each split, plus clean ones: a handful of small documents."""
    picked, seen = [], set()
    for d in sorted(CORPUS, key=lambda d: len(d["text"])):
        key = (d["split"], d["gold"][0]["kind"] if d["gold"] else "clean")
        if key not in seen:
            seen.add(key)
            picked.append(d)
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in picked))
    return path, picked


def _available(tools):
    missing = [t for t in tools if t in ANCHOR_MODULES and importlib.util.find_spec(ANCHOR_MODULES[t]) is None]
    return [t for t in tools if t not in missing], missing


def _run_and_check(tmp_path, tools):
    tools, missing = _available(tools)
    if len(tools) == 1:
        pytest.skip(f"benchmark anchors not installed ({', '.join(missing)}): pip install -e .[bench]")
    corpus, picked = _tiny_corpus(tmp_path)
    out = tmp_path / "docs"
    res = bench_main(["--quick", "--corpus", str(corpus), "--tools", ",".join(tools), "--out", str(out),
                      "--json", str(tmp_path / "raw.json")])
    md = (out / "benchmarks.md").read_text()
    assert (out / "benchmarks.png").stat().st_size > 1000
    for column in ("| P |", "| R |", "| F1 |", "char F1", "lang acc", "script F1", "latin F1", "homoglyph R",
                   "document R", "false / 100k words", "clean MB/s", "corpus MB/s", "peak RSS MB"):
        assert column in md, column
    for section in ("## dev split", "## heldout split", "### Targets", "### Per kind", "### Per style",
                    "Cold start"):
        assert section in md
    for tool in tools:
        assert res["info"]["tools"][tool]["error"] is None, res["info"]["tools"][tool]["error"]
        row = next(line for line in md.splitlines() if line.startswith(f"| {tool}"))
        assert row.count("|") >= 17 and "–" not in row.split("|")[3], row  # P is a number
    dev = res["results"]["dev"]["langscan"]
    ran = select(picked, "all", quick=True)  # --quick keeps a document only for a (kind, style) not yet seen
    assert dev["overall"].gold == sum(len(d["gold"]) for d in ran if d["split"] == "dev")


def test_quick_run_produces_a_table_with_every_tool_and_metric(tmp_path):
    _run_and_check(tmp_path, ["langscan", "cld2", "fasttext", "langdetect"])


@pytest.mark.slow
def test_quick_run_with_lingua(tmp_path):
    _run_and_check(tmp_path, ["langscan", "lingua"])


def test_error_browser_lists_false_findings_and_misses():
    from langscan import Detector

    from benchmarks.errors import collect

    docs = [d for d in CORPUS if d["split"] == "dev"][:25]
    fps, misses = collect(docs, Detector(expect=("en",)))
    gold = sum(len(d["gold"]) for d in docs)
    assert len(misses) <= gold
    for m in misses:
        assert {"doc", "text", "kind", "style", "lang", "provenance", "line"} <= set(m)
    for f in fps:
        assert {"doc", "text", "kind", "lang", "score", "line", "negative"} <= set(f)


def test_artifact_documents_are_reproduced_from_the_committed_corpus():
    """benchmarks/artifacts.py makes the look-alike and mojibake documents anew, byte for byte."""
    from benchmarks import artifacts

    rebuilt = artifacts.add([d for d in CORPUS if d["origin"] != "artifact"])
    assert [json.dumps(d, sort_keys=True, ensure_ascii=False) for d in rebuilt] == \
        [json.dumps(d, sort_keys=True, ensure_ascii=False) for d in CORPUS]
    made = [d for d in CORPUS if d["origin"] == "artifact"]
    assert all(not d["clean"] for d in made) and len({d["id"] for d in made}) == len(made)
    styles = Counter(g["style"] for d in made for g in d["gold"])
    assert styles["lookalike"] >= 150 and styles["mojibake"] >= 100
