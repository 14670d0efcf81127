"""English UI strings left untranslated on a page in another language ("Back", "Search for:", "Uncategorized").

On a German page, is a line "Back" a stray English UI string, or an English word the site uses as its own
("Community", "Blog")? Word frequencies cannot tell: wordfreq's German list gives both groups the same range.
The translation catalogs of WordPress and Django can: their German translators turn "Back" into "Zurück" and
"Search for:" into "Suche nach:", and keep "Blog" and "Status". ``models/ui-strings.tsv`` (built by
``tools/build_ui_strings.py``) lists each short English source string with the languages whose translators
always translate it and never use it themselves.

The rule: on a page whose expected language X is not English, an item that stands as a line of its own or as
an item of a menu row ("Back", "Home | About | Contact", "Uncategorized (51)" with its post count), and is one of
those strings for X, is English page furniture, when its words are more common in English than in X
(UI_CATALOG_MARGIN: "Art" is listed, translated "Kunst", but is a German word too). Language names ("English")
are left to the menu reader.
"""

from __future__ import annotations

import re
import threading

from .. import lexicon
from ..evidence import holds_non_words
from ..finding import Kind
from ..lid import models_dir
from . import tuning
from .candidate import Candidate
from .furniture import _Found, _local_votes, line_items
from .latin_common import Taken, lines_holding
from .menus import is_language_name
from .text import fold

_lock = threading.Lock()
_rows: dict[str, str] | None = None  # folded string -> comma-separated language codes
_by_lang: dict[str, tuple[frozenset[str], frozenset[str]]] = {}  # lang -> (strings, their first words)
_COUNT = re.compile(r"\s*[(\[]\s*\d[\d.,]*\s*[)\]]$")  # a closing post count: "Uncategorized (51)"
_COUNT_MAX = 40  # characters of an item's end read for its post count (a count is short; a search over a whole
# long item would try every place of a run of spaces: quadratic)
_CLOSING = ":.…"  # stripped off a label's end, with whitespace
_DIGIT = re.compile(r"\d")


def _count_start(frag: str) -> int:
    """Where a closing post count starts in ``frag`` ("Uncategorized (51)" -> 13), or -1."""
    body = frag.rstrip()
    m = _COUNT.search(body, max(0, len(body) - _COUNT_MAX))
    return -1 if m is None else m.start()


def _label(frag: str) -> str:
    """``frag`` without its closing colons, full stops, ellipses and whitespace (one pass from the end: a
    pattern such as ``[\\s:.…]+$`` tries every place of a long run of them, quadratic)."""
    i = len(frag)
    while i and (frag[i - 1] in _CLOSING or frag[i - 1].isspace()):
        i -= 1
    return frag[:i]


def _load_rows() -> dict[str, str]:
    global _rows
    if _rows is None:
        with _lock:
            if _rows is None:
                rows: dict[str, str] = {}
                path = models_dir() / "ui-strings.tsv"
                try:
                    data = path.read_text(encoding="utf-8")
                except OSError:
                    data = ""
                for line in data.splitlines():
                    if line and not line.startswith("#"):
                        s, _, langs = line.partition("\t")
                        key = " ".join(fold(s).split())
                        if key:
                            rows[key] = langs if key not in rows else rows[key] + "," + langs
                _rows = rows
    return _rows


def strings_for(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the folded UI strings ``lang``'s translators translate, the first words of those strings)."""
    got = _by_lang.get(lang)
    if got is None:
        strings = frozenset(s for s, langs in _load_rows().items() if lang in langs.split(","))
        got = _by_lang[lang] = (strings, frozenset(s.split()[0] for s in strings))
    return got


def _english_enough(st, words_: list[str]) -> bool:
    """Every word at least as common in English as in the expected language, one UI_CATALOG_MARGIN more."""
    en = lexicon.load("en")
    margins = [max(en.get(w, 0.0), lexicon.FLOOR) - max(st.expected_zipf(w), lexicon.FLOOR) for w in words_]
    return bool(margins) and min(margins) >= 0.0 and max(margins) >= tuning.UI_CATALOG_MARGIN


def label_items(text: str, lines, wanted=None):
    """Each item of the short ``lines`` ((start, end) of lines of at most UI_ROW_MAX_WORDS words) written as a UI
    label: ``(line start, line end, start, end, item, label, folded words, items in its row)``. The item ends
    before a closing post count ("Uncategorized (51)"); its label is the item without a closing ":", "." or "…".
    Left out: items of more than UI_CATALOG_MAX_WORDS words, items whose folded words ``wanted`` (when given, a
    cheap test: a table look-up) refuses, and labels holding a digit ("Top 5": the site's own), starting in
    lowercase ("food", "scroll": tags; UI strings are written in sentence case or capitals) or holding an address
    or code."""
    for ls, le in lines:
        row = line_items(text, ls, le)
        for s, e in row:
            frag = text[s:e]
            k = _count_start(frag)
            if k != -1:
                e = s + k
                frag = text[s:e]
            label = _label(frag)
            if label[:1].islower():
                continue
            toks = fold(label).split()
            if not toks or len(toks) > tuning.UI_CATALOG_MAX_WORDS or (wanted is not None and not wanted(toks)):
                continue
            if _DIGIT.search(label) or holds_non_words(frag):
                continue
            yield ls, le, s, e, frag, label, toks, len(row)


def catalog_lines(st, text: str, folded: str, words_: set[str], cands: list[Candidate], taken: Taken,
                  trace) -> list[Candidate]:
    """Candidates for the items of short lines that are English UI strings of the expected language's catalogs."""
    lang = st.expect[0]
    if len(st.expect) != 1 or st.is_expected("en"):
        return []
    strings, first = strings_for(lang)
    starts = words_.intersection(first)
    if not starts:
        return []
    covered = Taken(sorted((c.start, c.end) for c in cands))
    out: list[Candidate] = []
    index = None  # (the found candidates, for the neighbour votes; made when first asked)
    lines = [(ls, le) for ls, le, fl in lines_holding(folded, text, starts, starts)
             if len(fl.split()) <= tuning.UI_ROW_MAX_WORDS]
    for ls, le, s, e, frag, label, toks, _ in label_items(text, lines, lambda toks: " ".join(toks) in strings):
        if taken.any_within(s, e) or taken.covers(s) or covered.any_within(s, e) or covered.covers(s):
            continue
        if is_language_name(label) or not _english_enough(st, toks):
            continue
        if len(toks) == 1 and st.expected_zipf(toks[0]) > 0.0:
            # one word the expected language uses as a loan ("Next", a French daily's supplement): among
            # the items of the expected language it is the name of a section, not an untranslated string
            if index is None:
                index = _Found(cands)
            english, expected, _ = _local_votes(st, text, ls, le, s, "en", index)
            if expected > english:
                if trace.on:
                    trace.add(s, e, frag, "latin", "en", tuning.UI_CATALOG_SCORE, False,
                              f"an English UI string of the {lang} catalogs, but among {expected} item(s) of "
                              f"the expected language and {english} of English: a section's name")
                continue
        # (the item keeps a closing ":" or "…", as the other UI readers keep it: "Search for:")
        if trace.on:
            trace.add(s, e, frag, "latin", "en", tuning.UI_CATALOG_SCORE, True,
                      f"an English UI string that the {lang} catalogs of WordPress and Django translate, "
                      f"standing as an item of its own")
        out.append(Candidate(Kind.LATIN, s, e, "en", "Latin", tuning.UI_CATALOG_SCORE, context="boilerplate"))
    return out
