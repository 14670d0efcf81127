"""The word lists langscan reads at run time (models/lexicon/*.words) against their source (*.tsv.gz).

The compact files are what ``langscan.lexicon`` loads (no row parsing at start-up); the .tsv.gz files are
what wordfreq gave.  These tests rebuild the compact files from the sources with the build tool and read
the sources independently here, so the two can never drift apart.
"""

from __future__ import annotations

import gc
import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from langscan import Detector, lexicon

ROOT = Path(__file__).resolve().parent.parent
LEXICON_DIR = ROOT / "models" / "lexicon"
SOURCES = sorted(LEXICON_DIR.glob("*.tsv.gz"))



def _source_rows(code: str) -> list[tuple[str, str]]:
    text = gzip.decompress((LEXICON_DIR / f"{code}.tsv.gz").read_bytes()).decode("utf-8")
    return [tuple(line.split("\t")) for line in text.splitlines()]


def test_every_source_has_its_compact_file_and_back():
    assert len(SOURCES) == 28  # 27 languages and the everyday index
    compact = {p.name.split(".")[0] for p in LEXICON_DIR.glob("*.words")}
    assert compact == {p.name.split(".")[0] for p in SOURCES}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_compact_file_is_what_the_build_makes_of_its_source(source, load_tool):
    built = load_tool("build_lexicons").compact(source)
    committed = (LEXICON_DIR / (source.name.split(".")[0] + ".words")).read_bytes()
    assert built == committed, f"rebuild with: python tools/build_lexicons.py --compact ({source.name} changed)"


@pytest.mark.parametrize("code", ["en", "de", "hu", "vi", "tl"])
def test_loaded_tables_equal_the_source_rows(code):
    rows = _source_rows(code)
    assert lexicon.load(code) == {w: int(z) / 100.0 for w, z in rows}
    assert lexicon.words(code) == {w for w, _ in rows}
    for zipf in (2.5, 3.0, 4.0):
        # more frequent than the threshold (a word at exactly the threshold is left out)
        assert lexicon.common_words(code, zipf) == {w for w, z in rows if int(z) > round(zipf * 100)}
    letters = {c for w, _ in rows[:20000] for c in w if not c.isascii() and c.isalpha()}
    assert lexicon.alphabet(code) == letters


def test_everyday_index_equals_its_source():
    rows = dict(_source_rows("common"))
    assert lexicon.everyday_index() == rows
    assert lexicon.everyday_elsewhere(("en",)) == {w for w, langs in rows.items() if langs != "en"}
    only = {"de", "nl", "de,nl"}
    assert lexicon.everyday_elsewhere(("nl", "de")) == {w for w, langs in rows.items() if langs not in only}


def test_what_the_lists_say_about_real_words():
    assert lexicon.load("de")["vorbehalten"] > 2.0 and "vorbehalten" not in lexicon.load("en")
    assert "pneumonitis" in lexicon.words("en") and "pneumonitis" not in lexicon.common_words("en", 3.0)
    assert {"ő", "ű"} <= lexicon.alphabet("hu") and "ő" not in lexicon.alphabet("en")
    assert "de" in lexicon.everyday_index()["und"].split(",")
    # "although" is everyday in English alone; "because" in English and Tagalog (web text borrows it)
    assert "although" not in lexicon.everyday_elsewhere(("en",)) and "because" in lexicon.everyday_elsewhere(("en",))
    assert "because" not in lexicon.everyday_elsewhere(("en", "tl"))
    assert lexicon.available() >= {"en", "de", "fr", "vi", "tl"} and "common" not in lexicon.available()


def test_a_language_without_a_lexicon():
    assert lexicon.load("xx") is None and lexicon.load("common") is None
    assert lexicon.words("xx") == frozenset() and lexicon.common_words("xx") == frozenset()
    assert lexicon.alphabet("xx") == frozenset()
    assert lexicon.union(["xx"], 3.0, ["extra"]) == {"extra"}


def test_union_is_the_union_of_the_languages_sets():
    both = lexicon.union(["en", "de"], 3.0, ["zzz"])
    assert both == lexicon.common_words("en", 3.0) | lexicon.common_words("de", 3.0) | {"zzz"}
    assert lexicon.union(["de"]) == lexicon.words("de")


def test_big_word_sets_are_hidden_from_the_garbage_collector():
    pytest.importorskip("ctypes")
    for s in (lexicon.words("en"), lexicon.common_words("en", 3.0), lexicon.everyday_elsewhere(("en",)),
              lexicon.union(["fr"], 2.0, ["x"])):
        assert not gc.is_tracked(s)
        assert len(s) > 1000
    assert not gc.is_tracked(lexicon.table("en"))  # a dict of strings and floats: CPython never tracks it
    gc.collect()  # and they survive collections intact
    assert "because" in lexicon.words("en") and "weil" in lexicon.everyday_elsewhere(("en",))


def test_detectors_share_the_word_sets():
    a, b = Detector(expect="en"), Detector(expect="en")
    a.scan("A short text.")
    b.scan("Another short text.")
    sa, sb = a._setup, b._setup
    assert sa.known is sb.known and sa.screen is sb.screen and sa.everyday is sb.everyday
    assert all(isinstance(s, lexicon.WordSet) for s in (sa.screen, sa.known, sa.familiar, sa.everyday))
    assert "pneumonitis" in sa.known and "the" in sa.screen and "und" in sa.everyday


@pytest.mark.parametrize("code", sorted(lexicon.available()))
def test_no_list_holds_a_word_twice(code):
    # (what lets a WordSet answer from a language's table: a word's one value says where the list has it)
    lst = lexicon._list(code)
    assert len(set(lst.words)) == len(lst.words)


def _fresh(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=120).stdout.strip()


def test_a_clean_text_loads_no_model_and_no_foreign_list():
    out = _fresh(
        "import langscan, langscan.lid as lid, langscan.lexicon as lx\n"
        "d = langscan.Detector(expect='en')\n"
        "print(d.scan('The release adds a faster reader and fixes two bugs in the parser.'))\n"
        "print(sorted(k for k in lx._cache if k.startswith('list:')), bool(lid._models))\n"
        "print(d.scan('The word Москва is Russian.')[0].lang, bool(lid._models))\n")
    # (not even the English list is read whole: its table answers the text's words, see WordSet)
    assert out.splitlines() == ["[]", "[] False", "ru True"]


def test_a_model_the_user_names_is_checked_before_the_first_scan(tmp_path):
    from langscan.lid import ModelError

    with pytest.raises(ModelError):
        Detector(model_path=str(tmp_path / "missing.bin")).scan("The release adds a faster reader.")
