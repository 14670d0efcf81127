"""Other languages' UI strings standing alone on a page ("Impressum", "Política de privacidad", "Weiterlesen").

On an English page, a line "Impressum" with no other German line near it is the footer link of a German site
template. The furniture reader (``furniture.foreign_ui_lines``) needs neighbours of the line's language, because a
lone line of everyday foreign words is as often a name or a heading ("Modern Love", "Museo del Prado"). The
translation catalogs of WordPress and MediaWiki settle it without neighbours: their German translators
wrote "Impressum" and "Weiterlesen" for a site's own links, so a line that is exactly one of those strings is
user-interface text of that language. ``models/ui-foreign.tsv`` (built by ``tools/build_ui_foreign.py``) lists them,
each with the languages whose catalogs hold it, and leaves out every string the catalogs also use in English.

The rule: an item (a line of its own, or a part of a menu row) of at most UI_CATALOG_MAX_WORDS words whose text is
such a string of a language X other than the expected one, written as UI strings are (capitalised, no digit, no
address), is X's page furniture when

- the expected language hardly knows its words (each word of UI_FOREIGN_LONG_WORD letters or more below
  UI_FOREIGN_EXPECTED_ZIPF there: "Data" and "Film" are Italian and Polish catalog strings but English words), and
- X is heard: fastText (lowercased) gives X at least UI_FOREIGN_MODEL_P and the expected language less than
  MODEL_HEARS_EXPECTED, or X's word list knows every long word (UI_FOREIGN_LEXICON_ZIPF), the expected
  language none of them (below UI_FOREIGN_UNKNOWN_ZIPF), and it is not written in capitals. A catalog string
  the model does not hear and the expected language knows a little ("Roboto", a font's name, and a Lithuanian
  word) is left.

Language names ("Deutsch") are left to the menu reader; acronyms ("XUL", "AP") are no UI strings here. A string
several languages' catalogs hold ("Arkiv": Danish, Norwegian, Swedish) keeps them all as the candidate's
``alternatives``: ``agree_with_neighbours`` then gives it the language of the findings around it, and a block of
short lines (``ui_blocks``) reads it as one of its own lines.
"""

from __future__ import annotations

import threading

from .. import lexicon
from ..finding import Kind
from ..lid import models_dir
from . import tuning
from .candidate import Candidate
from .furniture import _lex, _model_hears
from .latin_common import Taken, short_lines_holding
from .menus import is_language_name
from .text import fold
from .ui_catalog import label_items

_lock = threading.Lock()
_table = None  # (the .tsv bytes, its hash slots), or () when the files are missing or do not match


_words = None  # the same for ui-foreign-words.txt, every word of the strings


def _read(name: str):
    """(the bytes of ``models/<name>.*``'s text, its hash slots), or () when missing or not matching."""
    d = models_dir()
    text = next((p for p in (d / f"{name}.tsv", d / f"{name}.txt") if p.is_file()), None)
    try:
        blob = text.read_bytes() if text is not None else b""
        slots = lexicon.lines_index_slots(blob, (d / f"{name}.hash").read_bytes()) if blob else None
    except OSError:
        slots = None
    return () if slots is None else (blob, slots)


def _load():
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                _table = _read("ui-foreign")
    return _table


def listed_words(words: set[str]) -> set[str]:
    """Those of the folded ``words`` that stand in a UI string of the table (a look-up each, nothing parsed)."""
    global _words
    if _words is None:
        with _lock:
            if _words is None:
                _words = _read("ui-foreign-words")
    if not _words:
        return set()
    blob, slots = _words
    known = _listed_memo
    if len(known) > _LISTED_MEMO_MAX:
        known.clear()  # (bounded: a corpus of many names would grow it without end)
    out = set()
    for w in words:
        got = known.get(w)
        if got is None:
            got = known[w] = lexicon.find_line(blob, slots, w) is not None
        if got:
            out.add(w)
    return out


_listed_memo: dict[str, bool] = {}  # word -> does it stand in a UI string (texts share their rare words: names)
_LISTED_MEMO_MAX = 200_000


def languages_of(label: str) -> list[str]:
    """The languages whose catalogs hold ``label`` as a UI string (folded as the table is), [] when none."""
    return _languages_of_key(" ".join(fold(label).split()))


def held_by_catalogs(folded: str) -> bool:
    """Is the folded line a UI string of some language's catalogs (the table read on first use)?"""
    return bool(_load()) and bool(_languages_of_key(" ".join(folded.split())))


def _languages_of_key(key: str) -> list[str]:
    table = _load()
    row = lexicon.find_line(table[0], table[1], key) if table else None
    return row.split("\t", 1)[1].split(",") if row else []


def _unheard(st, toks: list[str]) -> bool:
    """No long word of the item is known to the expected language (see the module's docstring)."""
    long_words = [w for w in toks if len(w) >= tuning.UI_FOREIGN_LONG_WORD]
    return bool(long_words) and all(st.expected_zipf(w) < tuning.UI_FOREIGN_EXPECTED_ZIPF for w in long_words)


def _heard(st, label: str, toks: list[str], langs: list[str]) -> tuple[str, str] | None:
    """(the language, how it is heard) among ``langs``, or None."""
    preds = st.predict(label.lower(), k=5)
    own = dict(preds)
    best = None
    for lang in langs:
        ok, p_lang, _ = _model_hears(st, preds, lang)
        # (the family's p decides; the language's own p picks among a family: "Datenschutz" is de and bar)
        if ok and p_lang >= tuning.UI_FOREIGN_MODEL_P and (best is None or (p_lang, own.get(lang, 0.0)) > best[1:]):
            best = (lang, p_lang, own.get(lang, 0.0))
    if best is not None:
        return best[0], f"the model hears {best[0]} {best[1]:.2f}"
    long_words = [w for w in toks if len(w) >= tuning.UI_FOREIGN_LONG_WORD]
    if label.isupper() or any(st.expected_zipf(w) >= tuning.UI_FOREIGN_UNKNOWN_ZIPF for w in long_words):
        return None  # (in capitals, a word the model does not hear is as often a name in a program's text:
        # "LISTER", an environment variable on a Polish manual page, is a French word too)
    for lang in langs:
        lex = _lex(st, lang)
        if lex and all(lex.get(w, 0.0) >= tuning.UI_FOREIGN_LEXICON_ZIPF for w in long_words):
            return lang, f"{lang}'s word list knows its words, the expected language none"
    return None


def foreign_catalog_lines(st, text: str, folded: str, rare: set[str], cands: list[Candidate], taken: Taken,
                          trace) -> list[Candidate]:
    """Candidates for the items of short lines that are UI strings of another language's catalogs."""
    if not rare or not _load():
        return []
    listed = listed_words(rare)  # (a text whose rare words stand in no UI string, most English ones, stops here)
    if not listed:
        return []
    covered = Taken(sorted((c.start, c.end) for c in cands))
    out: list[Candidate] = []
    verdicts: dict[str, tuple[list[str], tuple[str, str] | None]] = {}  # label -> (its languages, how heard)
    # (the short lines holding a rare word, a pass the block reader shares, then those holding a listed one)
    lines = [(ls, le) for ls, le in short_lines_holding(folded, text, rare, tuning.UI_ROW_MAX_WORDS)
             if not listed.isdisjoint(folded[ls:le].split())]
    held: dict[str, list[str]] = {}  # folded item -> the languages whose catalogs hold it

    def wanted(toks: list[str]) -> bool:  # (a listed word, and a string of the table: one look-up, before the rest)
        if listed.isdisjoint(toks):
            return False
        key = " ".join(toks)
        got = held.get(key)
        if got is None:
            got = held[key] = _languages_of_key(key)
        return bool(got)

    for _, _, s, e, frag, label, toks, row in label_items(text, lines, wanted):
        context = "menu" if row >= 2 else "boilerplate"  # (an item of a menu row, or a line of its own)
        if len(toks) == 1 and label.isupper() and len(label) <= tuning.UI_FOREIGN_ACRONYM_MAX:
            continue  # ("AP", "XUL": acronyms)
        if taken.any_within(s, e) or taken.covers(s) or covered.any_within(s, e) or covered.covers(s):
            continue
        got = verdicts.get(label)
        if got is None:  # (a template repeats its strings: each is judged once a text)
            langs = [l for l in held[" ".join(toks)] if not st.is_expected(l)]
            if langs and (is_language_name(label) or not _unheard(st, toks)):
                langs = []  # (a language's name: the menu reader's; or words the expected language knows)
            got = verdicts[label] = (langs, _heard(st, label, toks, langs) if langs else None)
        langs, heard = got
        if not langs or (heard is None and not trace.on):
            continue
        if trace.on:
            trace.add(s, e, frag, "latin", heard[0] if heard else langs[0], tuning.UI_CATALOG_SCORE,
                      heard is not None,
                      f"a UI string of the {', '.join(langs[:5])} catalogs of WordPress or MediaWiki, "
                      f"as an item of its own; " + (heard[1] if heard else "but no model or word list hears it"))
        if heard is not None:
            out.append(Candidate(Kind.LATIN, s, e, heard[0], "Latin", tuning.UI_CATALOG_SCORE, context=context,
                                 alternatives=tuple(langs)))
    return out


def _only_separators(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` short and only whitespace and menu separators (the gap between two items of a block)?"""
    return b - a <= tuning.UI_FOREIGN_GAP_MAX and not any(ch.isalnum() for ch in text[a:b])


def agree_with_neighbours(text: str, cands: list[Candidate]) -> None:
    """Catalog items several languages share take the language of the findings next to them when their catalogs
    list it too ("Arkiv" and "Kategorier" over a Swedish sidebar are Swedish, not Danish), so the final pass joins
    them. Items next to each other are decided together: the languages all of them allow, and of those the one
    the surest neighbouring finding is of."""
    latin = sorted((c for c in cands if c.kind is Kind.LATIN), key=lambda c: (c.start, c.end))
    done = [False] * len(latin)
    for i, c in enumerate(latin):
        if not c.alternatives or done[i]:
            continue
        group, todo = [], [i]  # (the shared items joined to this one through gaps of separators)
        done[i] = True
        while todo:
            k = todo.pop()
            group.append(k)
            for j in _neighbours(text, latin, k):
                if latin[j].alternatives and not done[j]:
                    done[j] = True
                    todo.append(j)
        allowed = set.intersection(*(set(latin[k].alternatives) for k in group))
        best: dict[str, float] = {}
        for k in group:
            for j in _neighbours(text, latin, k):
                n = latin[j]
                if not n.alternatives and n.lang in allowed:
                    best[n.lang] = max(best.get(n.lang, 0.0), n.score)
        if best:
            lang = max(sorted(best), key=best.__getitem__)
            for k in group:
                latin[k].lang = lang


def _neighbours(text: str, latin: list[Candidate], i: int) -> list[int]:
    """The indexes of the candidates right before and after ``latin[i]`` (sorted by start) with only blanks and
    separators between, looking at most UI_FOREIGN_LOOK candidates either way."""
    c = latin[i]
    out = []
    for j in range(max(0, i - tuning.UI_FOREIGN_LOOK), min(len(latin), i + tuning.UI_FOREIGN_LOOK + 1)):
        n = latin[j]
        if (n.end <= c.start and _only_separators(text, n.end, c.start)) or \
                (n.start >= c.end and _only_separators(text, c.end, n.start)):
            out.append(j)
    return out
