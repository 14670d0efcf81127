"""The fast loading paths (issue 10) give exactly what the plain per-word code gave."""
from __future__ import annotations

import pytest

from langscan import lexicon, lookalike


def _index_one_word_at_a_time(lang: str) -> dict[str, tuple[str, ...]]:
    """The look-alike index as it was built before: a replacement loop per ASCII form, skeleton() for others."""
    pairs = [(c, p) for c, p in lookalike._table().items() if c.isascii()]
    idx: dict[str, tuple[str, ...]] = {}
    for w in sorted(lexicon.common_words(lang, lookalike.EVERYDAY_ZIPF)):
        for form in dict.fromkeys((w, w[:1].upper() + w[1:], w.upper())):
            if form.isascii():
                sk = form
                for c, p in pairs:
                    if c in sk:
                        sk = sk.replace(c, p)
            else:
                sk = lookalike.skeleton(form)
            idx[sk] = idx.get(sk, ()) + (form,)
    return idx


@pytest.mark.parametrize("lang", ["en", "de", "fr", "pl", "vi"])
def test_lookalike_index_equals_the_per_word_build(lang):
    if lang not in lexicon.available():
        pytest.skip(f"no lexicon ships for {lang}")
    old = _index_one_word_at_a_time(lang)
    new = lookalike._build_index(sorted(lexicon.common_words(lang, lookalike.EVERYDAY_ZIPF)))
    assert new == old
    assert list(new.items()) == list(old.items())  # same insertion order, same order of forms
    assert len(new) > 1000


def test_lookalike_index_keys_are_skeletons():
    words = ["modern", "illicit", "café", "straße", "100%", "i", "naïve"]
    idx = lookalike._build_index(words)
    for sk, forms in idx.items():
        for f in forms:
            assert lookalike.skeleton(f) == sk
    assert "rnodern" in idx and idx["lllicit"] == ("Illicit",) and idx["l"] == ("I",)


def test_lookalike_index_gathers_forms_sharing_a_skeleton_in_order():
    # "burn" and "bum"... here "rn" and "m": "modern" and "rnodern" share one skeleton
    idx = lookalike._build_index(["modern", "rnodern", "zoo"])
    assert idx["rnodern"] == ("modern", "rnodern")
    assert list(idx) == ["rnodern", "Modern", "MODERN", "Rnodern", "RNODERN", "zoo", "Zoo", "ZOO"]
