"""The detector's big word sets (``Setup.screen``, ``known``, ``familiar``, ``everyday``, ``foreign_common``)
are ``lexicon.WordSet`` objects: they answer a word at a time from the lexicons' prebuilt indexes and build
their frozenset only when a bulk operation needs it. These tests check that both ways give the same answer
for real words of several languages, and that scanning a small file never builds them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from langscan import lexicon
from langscan.detect import setup as setup_mod, tuning
from langscan.detector import DetectorOptions
from langscan.evidence import LOANWORDS

ROOT = Path(__file__).resolve().parents[2]


def _setup(expect: tuple[str, ...]) -> setup_mod.Setup:
    """A Setup with word sets of its own (not the process-wide shared ones), none of them built yet."""
    st = setup_mod.Setup(DetectorOptions(expect=expect))
    st.screen, st.known, st.lexicons, st.everyday, st.familiar = st._word_sets()
    st._ready = True
    return st


def _sample(langs: tuple[str, ...]) -> list[str]:
    """Every 7th word of the languages' lists (frequent and rare words alike), the loanwords, and words
    no list holds or that no set could hold."""
    got: list[str] = []
    for lang in langs:
        got += lexicon.union([lang])  # (a frozenset: its order is arbitrary, so the sample is spread out)
    got = sorted(set(got))[::7]
    return got + sorted(LOANWORDS) + ["", "zzqxv", "weren’t", "weren't", "Café", "café", "a b", "the\nend"]


@pytest.mark.parametrize("expect", [("en",), ("de",), ("en", "fr")])
def test_each_word_gets_the_same_answer_from_the_index_as_from_the_built_set(expect):
    st = _setup(expect)
    words = _sample(("en", "de", "fr", "es", "pl"))
    for name in ("screen", "known", "familiar", "everyday"):
        ws = getattr(st, name)
        by_word = [w for w in words if ws._contains(w)]
        assert not ws.built
        whole = ws.frozen()
        assert by_word == [w for w in words if w in whole], name
        assert len(whole) > 1000, name
    fc = st._foreign_common_set()
    assert [w for w in words if fc._contains(w)] == [w for w in words if w in fc.frozen()]


def _foreign_common_as_before(st: setup_mod.Setup) -> set[str]:
    """Setup.foreign_common as it was computed before it became a WordSet: language by language, from
    the expected and the other languages' lists of top words."""
    expected = [lexicon.top_words(l, tuning.SCREEN_MIN_ZIPF) for l in st.expect]
    screen = st.screen.frozen()
    words: set[str] = set()
    for lang in sorted(st.lexicons):
        if st.is_expected(lang):
            continue
        for w, z in lexicon.top_words(lang, tuning.FOREIGN_COMMON_MIN_ZIPF).items():
            # (a one-letter word only when it is not ASCII: "à", "é"; "a", "e", "i" are words everywhere)
            if w in screen and w.isalpha() and (len(w) > 1 or not w.isascii()):
                own = max((t.get(w, 0.0) for t in expected), default=0.0)
                if own and z - own >= tuning.FOREIGN_COMMON_MARGIN:
                    words.add(w)
    return words


@pytest.mark.parametrize("expect", [("en",), ("fr",)])
def test_foreign_common_holds_what_it_held_before(expect):
    st = _setup(expect)
    got = st._foreign_common_set()
    before = _foreign_common_as_before(st)
    assert set(got.frozen()) == before and before
    if expect == ("en",):
        assert {"les", "des", "une", "à"} <= before
        assert not {"a", "e", "i", "o"} & before


def test_few_words_are_answered_one_by_one_and_many_build_the_set():
    st = _setup(("en",))
    text_words = {"the", "release", "adds", "und", "weil", "pneumonitis", "zzqxv"}
    assert st.known.outside(text_words) == {"zzqxv"}
    # ("the" is everyday in many other languages too; "release" in Dutch, Malay and Tagalog)
    assert st.everyday.among(text_words) == text_words & lexicon.everyday_elsewhere(("en",)) >= {"und", "weil"}
    assert not st.known.built and not st.everyday.built
    many = set(lexicon.union(["de"], 3.0))  # more words than WordSet.SWITCH
    assert len(many) > lexicon.WordSet.SWITCH
    assert st.known.outside(many) == many.difference(lexicon.union(["en"], None, LOANWORDS))
    assert st.known.built


def test_scanning_a_small_file_builds_no_word_set(tmp_path):
    small = tmp_path / "small.md"
    small.write_text("# Notes\n\nThe release adds a faster reader and fixes two bugs in the parser.\n"
                     "Thanks to everyone who tested the beta.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from langscan.cli._app import app\n"
        "from langscan.detect import setup\n"
        "try:\n"
        "    app(['scan', sys.argv[1]], prog_name='langscan', standalone_mode=True)\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "sets = [s for shared in setup._SHARED.values() for s in shared if hasattr(s, 'built')]\n"
        "sets += list(setup._FOREIGN_COMMON.values())\n"
        "print(len(sets), [s.name for s in sets if s.built])\n")
    out = subprocess.run([sys.executable, "-c", code, str(small)], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    # the scan asked the screen, known, familiar, everyday and foreign_common sets, and built none of them
    assert out.stdout.strip().splitlines()[-1] == "5 []"


def test_build_word_sets_builds_them_all_before_workers_fork():
    st = _setup(("de",))
    setup_mod._FOREIGN_COMMON.pop(("de",), None)  # (its foreign_common is made from this Setup's screen)
    st.build_word_sets()
    sets = (st.screen, st.known, st.familiar, st.everyday, st.foreign_common)
    assert all(ws.built for ws in sets)
    assert "weil" in st.screen and "weil" not in st.everyday and "nicht" in st.everyday  # (Dutch too)


def test_threads_asking_while_the_set_is_built_get_the_same_answers():
    from concurrent.futures import ThreadPoolExecutor

    st = _setup(("en",))
    words = _sample(("en", "de"))[:3000]  # more words than WordSet.SWITCH: the set is built mid-way
    whole = lexicon.union(["en"], None, LOANWORDS)
    expected = [w in whole for w in words]
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda k: [w in st.known for w in words[k:] + words[:k]], (0, 700, 1500, 2200)))
    for k, got in zip((0, 700, 1500, 2200), answers):
        assert got == expected[k:] + expected[:k]
    assert st.known.built
