"""The fast loading paths (issue 10) give exactly what the plain per-word code gave."""
from __future__ import annotations

import pytest

from langscan import lexicon


# ------------------------------------------------------------------ lexicon lookups from the .hash indexes
LEXICON_DIR = lexicon.models_dir() / "lexicon"
NAMES = sorted(p.name[: -len(lexicon.SUFFIX)] for p in LEXICON_DIR.glob("*" + lexicon.SUFFIX))


@pytest.mark.parametrize("name", NAMES)
def test_hash_index_is_what_the_build_makes_of_its_words_file(name):
    words = (LEXICON_DIR / f"{name}{lexicon.SUFFIX}").read_bytes()
    committed = (LEXICON_DIR / f"{name}{lexicon.HASH_SUFFIX}").read_bytes()
    assert lexicon.hash_index(words) == committed, "rebuild with: python tools/build_lexicons.py --compact"


def _fresh_table(name: str) -> lexicon.Table:
    t = lexicon._table(name)
    assert isinstance(t, lexicon.Table), f"{name}: no index matching its .words file"
    return t


@pytest.mark.parametrize("name", NAMES)
def test_every_lookup_equals_the_full_dict(name, monkeypatch):
    monkeypatch.setattr(lexicon.Table, "SWITCH", 10**9)  # answer every word from the index
    t = _fresh_table(name)
    full = lexicon._everyday_dict() if name == "common" else lexicon._full_dict(name)
    assert len(full) > 10000
    for w, z in full.items():  # every listed word
        assert t.get(w) == z, w
    # words of other lists, in other cases, cut, extended: misses and hits alike
    other = lexicon._full_dict("de" if name == "en" else "en")
    probes = list(other)[:20000] + [w.upper() for w in list(full)[:3000]] + [w[:-1] for w in list(full)[:3000]]
    probes += [w + "s" for w in list(full)[:3000]] + ["", "\n", "a\nb", "\ud800x", "x" * 300, " ", "the "]
    for w in probes:
        assert t.get(w, 0.0) == full.get(w, 0.0), repr(w)
        assert (w in t) == (w in full)
    assert not t._full  # no dict was built for any of that


def test_a_table_switches_to_its_dict_after_many_words_and_answers_the_same(monkeypatch):
    monkeypatch.setattr(lexicon.Table, "SWITCH", 50)
    t = _fresh_table("fr")
    full = lexicon._full_dict("fr")
    words = list(full)[:200] + ["zzzq", "the", "Paris"]
    got = [t.get(w, 0.0) for w in words]
    assert t._full is not None and t.get == t._full.get  # from then on, the dict's own get
    assert got == [full.get(w, 0.0) for w in words]
    assert t == full and t["être"] == full["être"] and "zzzq" not in t
    with pytest.raises(KeyError):
        t["zzzq"]


def test_a_stale_index_is_not_used(tmp_path, monkeypatch):
    d = tmp_path / "lexicon"
    d.mkdir()
    words = (LEXICON_DIR / "vi.words").read_bytes()
    (d / "vi.words").write_bytes(words)
    (d / "vi.hash").write_bytes(lexicon.hash_index(words))
    monkeypatch.setattr(lexicon, "models_dir", lambda: tmp_path)
    assert isinstance(lexicon._table("vi"), lexicon.Table)
    # the list changed (its last word replaced) but its index was not rebuilt: the full dict is used
    lines = words.decode("utf-8").split("\n")
    lines[-2] = "zzzyzzy"
    (d / "vi.words").write_bytes("\n".join(lines).encode("utf-8"))
    got = lexicon._table("vi")
    assert isinstance(got, dict) and "zzzyzzy" in got
    (d / "vi.hash").unlink()
    assert isinstance(lexicon._table("vi"), dict)


def test_scan_results_do_not_depend_on_the_index(monkeypatch):
    from langscan import Detector

    text = ("The committee met on Tuesday. Alle Rechte vorbehalten. The report was published in March, "
            "and la commission a rendu son avis le lendemain.\nIt was well received by everyone.")
    lexicon._cache.clear()
    with_index = [(f.kind, f.start, f.end, f.lang, f.score) for f in Detector(expect="en").scan(text)]
    monkeypatch.setattr(lexicon, "HASH_SUFFIX", ".no-such-index")
    lexicon._cache.clear()
    from langscan.detect import setup

    monkeypatch.setattr(setup, "_SHARED", {})
    monkeypatch.setattr(setup, "_FOREIGN_COMMON", {})
    without = [(f.kind, f.start, f.end, f.lang, f.score) for f in Detector(expect="en").scan(text)]
    assert isinstance(lexicon.load("de"), dict)
    lexicon._cache.clear()
    assert with_index == without and with_index


def test_a_table_pickles_as_its_language():
    import pickle

    t = lexicon.load("de")
    assert pickle.loads(pickle.dumps(t)) is t
    assert pickle.loads(pickle.dumps(lexicon.everyday_index())) is lexicon.everyday_index()
    assert "de" in repr(t)


# ------------------------------------------------------------------ the prebuilt look-alike index
from langscan import lookalike  # noqa: E402


@pytest.mark.parametrize("lang", lookalike.PREBUILT)
def test_prebuilt_lookalike_index_is_what_the_build_makes(lang):
    text = lookalike.prebuilt_index_text(lang).encode("utf-8")
    assert (lexicon.models_dir() / f"lookalike-{lang}.tsv").read_bytes() == text, \
        "rebuild with: python tools/build_lexicons.py --lookalike"
    assert (lexicon.models_dir() / f"lookalike-{lang}.hash").read_bytes() == lexicon.lines_index(text)


@pytest.mark.parametrize("lang", lookalike.PREBUILT)
def test_prebuilt_lookalike_index_gives_the_forms_the_run_time_index_gives(lang):
    assert lookalike._prebuilt(lang) is not None, "the prebuilt index does not match the shipped data"
    idx = lookalike._index(lang)
    assert len(idx) > 50000
    for key, forms in idx.items():
        assert sorted(lookalike._forms(lang, key)) == sorted(forms), key
    for key in ["", "\t", "la\tx", "a\nb", "\ud800", "xyzzyq", "Rnodern", "CAFE", "cafe\u0301", "naı\u0308ve"]:
        assert lookalike._forms(lang, key) == idx.get(key) or sorted(lookalike._forms(lang, key)) == sorted(idx[key])
    # what the finder reads from it: the everyday word a look-alike word spells
    for word in ["ѕсоре", "usｅd", "troսble", "Наrd", "сafé", "mоdern", "ΜΟDERN", "іllicit"]:
        key = lookalike.skeleton(__import__("unicodedata").normalize("NFKC", word))
        assert lookalike._lookup(key, word, [lang]) == _lookup_with_run_time_index(key, word, lang)


def _lookup_with_run_time_index(key, word, lang):
    forms = lookalike._index(lang).get(key)
    if not forms:
        return None
    latin = lookalike._latinish()
    import unicodedata

    nf = unicodedata.normalize("NFKC", word)
    near = "".join(c if c.isascii() else lookalike.HOMOGLYPHS.get(c) or latin.get(c, c) for c in nf)
    return max(forms, key=lambda f: (len(f) == len(near), sum(a == b for a, b in zip(f, near)), f))


def test_homoglyph_findings_do_not_depend_on_the_prebuilt_index(monkeypatch):
    from langscan import Detector

    text = ("Тhe ѕсоре of this release is small: it fixes the parser and updates the docs.\n"
            "Please rеad the notes before you upgrade, and report any trоuble you have.\n"
            "Ｍｏｄｅｒｎ browsers are supported. Visit the 𝐇𝐞𝐥𝐥𝐨 page for the full list.")
    pre = [(f.kind, f.start, f.end, f.repair if hasattr(f, "repair") else None) for f in Detector(expect="en").scan(text)]
    monkeypatch.setattr(lookalike, "PREBUILT", ())
    monkeypatch.setitem(lookalike._data, "prebuilt:en", None)
    run_time = [(f.kind, f.start, f.end, f.repair if hasattr(f, "repair") else None) for f in Detector(expect="en").scan(text)]
    assert pre == run_time and any(f[0].value == "homoglyph" for f in pre)


def test_a_prebuilt_index_of_other_data_is_not_used(monkeypatch):
    monkeypatch.setattr(lookalike, "EVERYDAY_ZIPF", 3.5)  # the file was made with the cut at 3.0
    assert lookalike._read_prebuilt("en") is None
