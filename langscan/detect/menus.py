"""Language and edition menus: a list whose items name languages is found whole.

The names are every language's own name and its English name from CLDR
(``models/endonyms.tsv``, built by ``tools/build_endonyms.py`` with Babel).
A line is read as a menu when its items (separated by | • · / , or a tab, or
one item on a line of its own) are short and name languages.  An item naming
a language other than the expected ones ("Français", "Dansk (Danish)",
"French Français", "En Español", "Edición en Español", "People en Español")
becomes one ``latin`` candidate with context ``menu``, brackets kept.

Cost on clean text: one set intersection of the text's folded words with the
names' first words (done by the Latin stage's screen), and a look at the few
lines holding one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
import threading
import unicodedata
from typing import Optional

from .. import lexicon
from ..finding import Kind
from ..lid import models_dir
from ..scripts import script_of
from . import tuning
from .candidate import Candidate
from .setup import Setup
from .text import SpanIndex, words

_lock = threading.Lock()
_names: Optional[dict[tuple[str, ...], list[tuple[str, str]]]] = None  # name words -> [(lang, kind)]
_LONGEST = 4
_all_first: Optional[frozenset[str]] = None
_triggers: dict[tuple[str, ...], frozenset[str]] = {}

# CLDR codes whose language langscan reports under another code
_CODE = {"nb": "no", "fil": "tl", "iw": "he", "in": "id", "zh": "zh"}

_ITEM_SEP = re.compile(r"\s*(?:[|•·/,;]|\t|\s{3,})\s*")

# what may stand before a run of language names on its line: a label and one item ("Language: English ▾ ")
_MENU_LEAD = re.compile(r"[^\n:：]{0,40}[:：]\s*(?:[^\w\n]*\w+[^\w\n]*)?")
_OPEN, _CLOSE = "([«“„‘", ")]»”“’"


def label_end(text: str, s: int, e: int) -> int:
    """Where a label before the first item of a row ends ("Read this page in: French Français"): after the
    last colon of ``text[s:e]`` followed by whitespace, and that whitespace; -1 when there is none.

    (One pass back from the end. The pattern ``.*[:：]\\s+``, searched, read the rest of the item again from each of
    its places when no colon stood there: quadratic on a long item.) An item holds no line break.
    """
    i = e
    while True:
        j = max(text.rfind(":", s, i), text.rfind("：", s, i))
        if j == -1:
            return -1
        k = j + 1
        while k < e and text[k].isspace():
            k += 1
        if k > j + 1:
            return k
        i = j


def _load() -> None:
    global _names
    if _names is not None:
        return
    with _lock:
        if _names is not None:
            return
        _names = _read_names("endonyms.tsv")


def _read_names(filename: str) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    """A names table of models/ (name, lang, kind a row; CLDR via Babel): name words -> [(lang, kind)]."""
    table: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    path = models_dir() / filename
    rows = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    for row in rows:
        if row.startswith("#"):
            continue
        name, lang, kind = row.split("\t")
        table.setdefault(tuple(name.split()), []).append((_CODE.get(lang, lang), kind))
    return table


def trigger_words(setup: Setup) -> frozenset[str]:
    """First words (lowercase) of the names that may name a language other than the expected ones:
    a text holding none of them has no language menu worth reporting."""
    cached = _triggers.get(setup.expect)
    if cached is None:
        _load()
        # only endonyms can make a menu item foreign ("French" alone is English)
        cached = frozenset(k[0] for k, langs in _names.items()  # type: ignore[union-attr]
                           if any(kind == "endonym" and _names_foreign(setup, lang, langs) for lang, kind in langs))
        _triggers[setup.expect] = cached  # per expected languages, once per process
    return cached


def _expected_name(setup: Setup, lang: str) -> bool:
    """Does a menu item naming ``lang`` name an expected language?  A name is explicit, so only the
    expected languages themselves count (on a Portuguese page "Español" names another language,
    though the model confuses the two)."""
    return lang in setup.expect or (lang == "no" and ("nb" in setup.expect or "nn" in setup.expect))


def _names_foreign(setup: Setup, lang: str, langs: list[tuple[str, str]]) -> bool:
    """Can this endonym name a language other than the expected ones?  An endonym that is also the
    language's English name ("Hindi", "Esperanto") is an English word when English is expected."""
    if _expected_name(setup, lang):
        return False
    return (lang, "english") not in langs or not setup.is_expected("en")


def _match(toks: list[str], i: int) -> Optional[tuple[int, list[tuple[str, str]]]]:
    """The longest language name starting at token ``i``: (length in tokens, [(lang, kind)])."""
    for n in range(min(_LONGEST, len(toks) - i), 0, -1):
        hit = _names.get(tuple(toks[i:i + n]))  # type: ignore[union-attr]
        if hit:
            return n, hit
    return None


def all_first_words() -> frozenset[str]:
    """First words of every language name, the expected languages' included ("english")."""
    global _all_first
    if _all_first is None:
        _load()
        _all_first = frozenset(k[0] for k in _names)  # type: ignore[union-attr]
    return _all_first


def menu_candidates(setup: Setup, text: str, lines_: list[tuple[int, int]],
                    named_lines: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates for the foreign-language items of the language menus on ``lines_``.

    ``named_lines`` are all lines naming any language: a line whose nearest non-blank neighbour
    is one of them belongs to a one-item-a-line list of languages or editions.
    """
    _load()
    named_starts = {ls for ls, _ in named_lines}
    out: list[Candidate] = []
    for ls, le in lines_:
        listed = _neighbour_named(text, ls, le, named_starts)
        out.extend(_menu_line(setup, text, ls, le, listed))
    return out


def _neighbour_named(text: str, ls: int, le: int, named_starts: set[int]) -> bool:
    """Is the nearest non-blank line above or below this one a line of menu items naming a language? (A line
    of prose naming one, "asam jawa" in an Indonesian recipe, makes no list of the title above it.)"""
    k = ls - 1
    while k > 0:  # the line above: skip blank lines
        ps = text.rfind("\n", 0, k) + 1
        if text[ps:k].strip():
            if ps in named_starts and _item_line(text, ps, k):
                return True
            break
        k = ps - 1
    k = le
    n = len(text)
    while k < n:
        ns = k + 1
        ne = text.find("\n", ns)
        ne = n if ne == -1 else ne
        if text[ns:ne].strip():
            return ns in named_starts and _item_line(text, ns, ne)
        k = ne
    return False


def _item_line(text: str, ls: int, le: int) -> bool:
    """Is ``text[ls:le]`` a line of menu items (each of at most MENU_ITEM_MAX_WORDS words), not prose?"""
    items = _items(text, ls, le)
    return bool(items) and all(len(text[s:e].split()) <= tuning.MENU_ITEM_MAX_WORDS for s, e in items)


def _space_run(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The items of the longest run of at least MENU_SPACE_RUN language names in ``text[s:e]`` that follow each
    other with nothing but blank space and symbols between them, or [] when there is none."""
    toks = list(words(text[s:e], s))
    if len(toks) < tuning.MENU_SPACE_RUN:
        return []
    lowered = [w.lower() for _, _, w in toks]
    best: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    k = 0
    while k < len(toks):
        m = _match(lowered, k)
        gap = text[run[-1][1]:toks[k][0]] if run else ""
        if m and not any(ch.isalnum() for ch in gap):
            run.append((toks[k][0], toks[k + m[0] - 1][1]))
            k += m[0]
            continue
        if len(run) > len(best):
            best = run
        run = []
        if m is None:
            k += 1
    if len(run) > len(best):
        best = run
    if len(best) < tuning.MENU_SPACE_RUN:
        return []
    # the run must be the line's content: before it at most a label ("Language:") or a name of the expected
    # language's own item ("English ▾"), after it nothing but symbols
    before, after = text[s:best[0][0]], text[best[-1][1]:e]
    if any(ch.isalnum() for ch in after) or (any(ch.isalnum() for ch in before) and not _MENU_LEAD.fullmatch(before)):
        return []
    return best


def _items(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    out = []
    pos = ls
    for m in _ITEM_SEP.finditer(text, ls, le):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if le > pos:
        out.append((pos, le))
    if len(out) >= 2:
        # a label before the first item of a row is no item: "Read this page in: French Français | Dansk | ..."
        s, e = out[0]
        end = label_end(text, s, e)
        if end != -1 and end < e:
            out[0] = (end, e)
    return out


def _menu_line(setup: Setup, text: str, ls: int, le: int, listed: bool = False) -> list[Candidate]:
    items = _items(text, ls, le)
    if not items:
        return []
    if len(items) == 1:
        # menu items the page's extraction left with only spaces between them ("Language: English ▾ Deutsch
        # Français Español"): a run of language names, each an item
        items = _space_run(text, *items[0]) or items
    body = text[ls:le].rstrip()
    if body.endswith((".", "!", "?")) and len(body.split()) > tuning.MENU_ITEM_MAX_WORDS:
        return []  # a sentence that names languages ("He speaks Deutsch, French and Italian.")
    parsed = []
    for s, e in items:
        toks = list(words(text[s:e], s))
        if not toks or len(toks) > tuning.MENU_ITEM_MAX_WORDS:
            return []  # a sentence, not a menu
        lowered = [w.lower() for _, _, w in toks]
        names = []  # (first tok, n tok, langs)
        k = 0
        while k < len(toks):
            m = _match(lowered, k)
            if m:
                names.append((k, m[0], m[1]))
                k += m[0]
            else:
                k += 1
        parsed.append((s, e, toks, lowered, names))
    named = sum(1 for p in parsed if p[4])
    if len(parsed) == 1 and named == 1:
        single = True
    elif len(parsed) >= 2 and named >= 1:
        single = False
    else:
        return []
    out = []
    places = []  # items that are a country's name in another language, and nothing else ("MÉXICO", "Japón")
    for s, e, toks, lowered, names in parsed:
        cand = _item(setup, text, s, e, toks, lowered, names, (single or named < 2) and not listed, listed)
        if cand is not None:
            out.append(cand)
        elif not single:
            lang = _place_language(setup, text[s:e])
            if lang is not None:
                places.append(Candidate(Kind.LATIN, toks[0][0], toks[-1][1], lang, "Latin", tuning.MENU_SCORE,
                                        context="menu"))
    if out and places:
        # a row that names another language is a language or edition menu: its editions named after a country
        # in that country's language are items of it, whatever their case ("U.S. | INTERNATIONAL | MÉXICO |
        # ESPAÑOL", where word evidence takes a lone word in capitals for an acronym)
        out = sorted(out + places, key=lambda c: c.start)
    return out


def _place_language(setup: Setup, frag: str) -> Optional[str]:
    """The language ``frag`` (punctuation aside) is a country's name in, when it is exactly such a name in a
    language other than the expected ones and never the country's English name (``foreign_place``); else None.
    (The table's names are "local" or "english": a name with no English row has a local language.)"""
    toks = tuple(w.lower() for _, _, w in words(frag, 0))
    place = _load_places().get(toks) if toks else None
    if not place or any(kind == "english" or _expected_name(setup, lang) for lang, kind in place):
        return None
    return next((lang for lang, kind in place if kind == "local"), None)


def _item(setup: Setup, text: str, s: int, e: int, toks, lowered, names, lone: bool,
          listed: bool = False) -> Optional[Candidate]:
    """The candidate for one menu item, or None when it names no foreign language."""
    foreign = None
    for k, n, langs in names:
        # an endonym that is also the language's English name ("Hindi", "Esperanto") is English here
        own = [lang for lang, kind in langs if kind == "endonym" and _names_foreign(setup, lang, langs)]
        if own and not any(_expected_name(setup, lang) for lang, _ in langs):
            foreign = (k, n, own[0])
            break
    if foreign is None:
        return None
    k, n, lang = foreign
    name = " ".join(lowered[k:k + n])
    if any(script_of(c) not in ("Latin", "Common") for c in name):
        return None  # another script: the script stage finds it (the menu context is set later)
    # The whole item when its other words are language names, words English does not use,
    # or a title before a preposition of the named language ("People en Español").
    in_names = {j for kk, nn, _ in names for j in range(kk, kk + nn)}
    lex = lexicon.load(lang) if lang in lexicon.available() else None
    prep = k >= 1 and lex is not None and lex.get(lowered[k - 1], 0.0) >= tuning.MENU_PREPOSITION_ZIPF
    whole = True
    for j, w in enumerate(lowered):
        if j in in_names or setup.expected_zipf(w) < tuning.MENU_OTHER_WORD_MAX_EXPECTED_ZIPF:
            continue
        if j < k and prep:
            continue  # "en Español", "em Português", and the title before them
        whole = False
        break
    if not whole and listed and k > 0 and s < toks[k][0] and text[toks[k][0] - 1] in "([" :
        whole = True  # "United States (español)": an edition in a list of editions is one item
    # "Switch to Latino (Español)": an endonym in brackets closing its item labels a language link
    bracketed = k > 0 and text[toks[k][0] - 1] == "(" and text[toks[k + n - 1][1]:e].strip() == ")"
    if lone:
        # A name that is not in a list of names must be the whole item (or its bracketed end), and not
        # a word English uses itself ("Indonesia", "Latina" are English words too).
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()  # "Māori" -> "maori"
        if not (whole or bracketed) or (len(toks) == 1 and max(setup.expected_zipf(name), setup.expected_zipf(plain))
                         >= tuning.MENU_LONE_MAX_EXPECTED_ZIPF):
            return None
    elif n == 1 and setup.expected_zipf(name) >= tuning.MENU_ITEM_MAX_EXPECTED_ZIPF:
        # even in a list, one of the expected language's commonest words is that word ("akan", Indonesian for
        # "will", and the Akan language's name, in a manual's table of options)
        return None
    if whole:
        fs, fe = toks[0][0], toks[-1][1]
    else:
        fs, fe = toks[k][0], toks[k + n - 1][1]
    fs, fe = _with_brackets(text, fs, fe, s, e)
    return Candidate(Kind.LATIN, fs, fe, lang, "Latin", tuning.MENU_SCORE, context="menu")


def _with_brackets(text: str, fs: int, fe: int, s: int, e: int) -> tuple[int, int]:
    """Take the item's brackets and closing punctuation when they belong to it: "Dansk (Danish)"."""
    k = fe
    while k < e and (text[k] in _CLOSE or text[k] in ".!?"):
        k += 1
    seg = text[fs:k]
    opens = sum(seg.count(c) for c in "([")
    closes = sum(seg.count(c) for c in ")]")
    if closes > opens:
        # a closing bracket with no opening one inside: keep only if the opening one is just before
        if fs > s and text[fs - 1] in "([":
            fs -= 1
        else:
            k = fe
    elif opens > closes:
        pass
    return fs, k


def complete_menus(setup: Setup, text: str, cands: list[Candidate]) -> list[Candidate]:
    """A menu line whose items are mostly found in one language is found whole.

    "Inicio | Noticias | Deportes | Contacto": when at least two items of a
    separated line hold Latin candidates of one language, the line's other
    items that English does not know are that language's too, and the run of
    foreign items becomes one candidate with context ``menu``.
    """
    by_line: dict[int, list[int]] = {}
    for n, c in enumerate(cands):
        if c.kind is Kind.LATIN:
            by_line.setdefault(text.rfind("\n", 0, c.start) + 1, []).append(n)
    drop: set[int] = set()
    added: list[Candidate] = []
    for ls, idx in by_line.items():
        if len(idx) < 2:
            continue
        le = text.find("\n", ls)
        le = len(text) if le == -1 else le
        items = _items(text, ls, le)
        if len(items) < 3 or not _SEPARATED.search(text, ls, le):
            continue
        langs = {cands[n].lang for n in idx}
        if len(langs) != 1:
            continue
        lang = langs.pop()
        # (the line's candidates by start: each item asks only those from the first that ends after its start,
        # a pointer that moves right with the items, so a row of thousands of items is read once, not per item)
        idx = sorted(idx, key=lambda n: cands[n].start)
        j = 0
        foreign = []
        for s, e in items:
            toks = list(words(text[s:e], s))
            if not toks or len(toks) > tuning.MENU_ITEM_MAX_WORDS:
                foreign = []
                break
            while j < len(idx) and cands[idx[j]].end <= s:
                j += 1
            hit = j < len(idx) and cands[idx[j]].start < e
            unknown = all(setup.expected_zipf(w.lower()) < tuning.MENU_OTHER_WORD_MAX_EXPECTED_ZIPF
                          for _, _, w in toks)
            foreign.append((s, e, hit or unknown, hit))
        if sum(1 for f in foreign if f[3]) < 2:
            continue
        # runs of consecutive foreign items, each holding at least one found item
        starts = [cands[n].start for n in idx]
        ends = [cands[n].end for n in idx]
        ends_sorted = all(a <= b for a, b in zip(ends, ends[1:]))  # (disjoint candidates: ends follow starts)
        run: list = []
        for item in foreign + [(0, 0, False, False)]:
            if item[2]:
                run.append(item)
                continue
            if run and any(r[3] for r in run) and len(run) >= 2:
                s, e = run[0][0], run[-1][1]
                # (the candidates starting before the run's end, from the first ending after its start)
                lo = bisect_right(ends, s) if ends_sorted else 0
                inside = [n for n in idx[lo:bisect_left(starts, e)] if cands[n].start < e and cands[n].end > s]
                score = max(cands[n].score for n in inside)
                drop.update(inside)
                added.append(Candidate(Kind.LATIN, s, e, lang, "Latin", score, context="menu"))
            run = []
    if added:
        cands = [c for n, c in enumerate(cands) if n not in drop] + added
        cands.sort(key=lambda c: c.start)
    cands = _complete_columns(setup, text, cands)
    switchers = code_switchers(setup, text, cands)
    if switchers:
        cands = sorted(cands + switchers, key=lambda c: c.start)
    return whole_menus(setup, text, cands)


# a line that is one two-letter code in capitals; the pattern opens with the line break so that the regex
# engine skips from break to break (a MULTILINE "^" is tried at every character: 9x slower on prose)
_CODE_LINE = re.compile(r"\n[ \t\u00a0]*([A-Z]{2})[ \t\u00a0]*(?=\n|\Z)")
_CODE_FIRST_LINE = re.compile(r"[ \t\u00a0]*([A-Z]{2})[ \t\u00a0]*(?=\n|\Z)")


def _code_lines(text: str):
    """The matches of the lines of ``text`` that are one two-letter code in capitals (group 1: the code)."""
    first = _CODE_FIRST_LINE.match(text)
    if first:
        yield first
    yield from _CODE_LINE.finditer(text)


def code_switchers(setup: Setup, text: str, cands: list[Candidate]) -> list[Candidate]:
    """A switcher written as language codes one a line ("DE / FR / IT" on a Swiss German page): at least
    MENU_CODE_SWITCHER_MIN lines in a row (blank lines between them) that are each one two-letter code in
    capitals, the expected language's among them and at least two others. The page's own code is what tells
    a switcher from a list of abbreviations ("US", "UK", "EU" on an English page name no English)."""
    if not (_CODE_LINE.search(text) or _CODE_FIRST_LINE.match(text)):
        return []
    codes = _codes()
    out: list[Candidate] = []
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        langs = [code for _, _, code in run]
        own = [code for code in langs if _expected_name(setup, code)]
        if len(run) >= tuning.MENU_CODE_SWITCHER_MIN and own and len(set(langs) - set(own)) >= 2:
            s, e = run[0][0], run[-1][1]
            if not any(c.start < e and s < c.end for c in cands):
                out.append(Candidate(Kind.LATIN, s, e, "mul", "Latin", tuning.MENU_SCORE, context="menu"))
        run.clear()

    for m in _code_lines(text):
        code = m.group(1).lower()
        if code not in codes:
            close()
            continue
        if run and text[run[-1][1]:m.start(1)].strip():
            close()  # (something other than blank lines stands between the two codes)
        run.append((m.start(1), m.end(1), code))
    close()
    return out


def _complete_columns(setup: Setup, text: str, cands: list[Candidate]) -> list[Candidate]:
    """A menu written one item a line, most of whose items are found in one language, is found whole.

    "Front Page / World / Europe / Germany / Business" in a German page's header: the found items are lines
    of their own; at most MENU_FILLER_RUN unfound item lines between two of them ("Germany", which the expected
    lexicon knows too) join the run when every word of theirs is everyday in that language or rare in the
    expected one; a run holding MENU_COLUMN_MIN_FOUND found lines becomes one candidate with context ``menu``.
    """
    whole: list[tuple[int, int, int]] = []  # (line start, line end, candidate) of the candidates that are a line
    for n, c in enumerate(cands):
        if c.kind is not Kind.LATIN or "\n" in text[c.start:c.end]:
            continue
        ls = text.rfind("\n", 0, c.start) + 1
        le = _line_end(text, c.end)
        a, b = ls + len(text[ls:le]) - len(text[ls:le].lstrip()), ls + len(text[ls:le].rstrip())
        if c.start <= a and c.end >= b - 1 and len(text[a:b].split()) <= tuning.UI_MAX_WORDS:
            whole.append((a, b, n))
    if len(whole) < tuning.MENU_COLUMN_MIN_FOUND:
        return cands
    whole.sort()
    runs: list[list[tuple[int, int, int]]] = [[whole[0]]]
    for prev, cur in zip(whole, whole[1:]):
        if cands[prev[2]].lang == cands[cur[2]].lang and _column_gap(setup, text, prev[1], cur[0], cands[cur[2]].lang):
            runs[-1].append(cur)
        else:
            runs.append([cur])
    drop: set[int] = set()
    added: list[Candidate] = []
    for run in runs:
        if len(run) < tuning.MENU_COLUMN_MIN_FOUND:
            continue
        inside = [n for _, _, n in run]
        drop.update(inside)
        first = cands[inside[0]]
        added.append(Candidate(Kind.LATIN, run[0][0], max(run[-1][1], cands[inside[-1]].end), first.lang, "Latin",
                               max(cands[n].score for n in inside), context="menu"))
    if not added:
        return cands
    out = [c for n, c in enumerate(cands) if n not in drop] + added
    out.sort(key=lambda c: c.start)
    return out


def _column_gap(setup: Setup, text: str, end: int, start: int, lang: str) -> bool:
    """Are the non-blank lines between two found item lines (``end`` of one, ``start`` of the next) at most
    MENU_FILLER_RUN short items whose every word is everyday in ``lang`` or rare in the expected language?"""
    lex = lexicon.load(lang) if lang in lexicon.available() else None
    pos, fillers = end, 0
    while True:
        nxt = _next_line(text, _line_end(text, pos), 1)
        if nxt is None or nxt[0] >= start:
            return True
        fillers += 1
        seg = text[nxt[0]:nxt[1]]
        toks = [w for _, _, w in words(seg, 0)]
        if fillers > tuning.MENU_FILLER_RUN or not toks or len(seg.split()) > tuning.UI_MAX_WORDS \
                or seg[-1] in ".!?:":
            return False
        for w in toks:
            low = w.lower()
            if not ((lex is not None and lex.get(low, 0.0) >= tuning.UI_GROW_ZIPF)
                    or setup.expected_zipf(low) < tuning.MENU_OTHER_WORD_MAX_EXPECTED_ZIPF):
                return False
        pos = nxt[1]


# ------------------------------------------------------------------ menus of many lines, found whole
_places: Optional[dict[tuple[str, ...], list[tuple[str, str]]]] = None  # territory name words -> [(lang, kind)]


def _load_places() -> dict[tuple[str, ...], list[tuple[str, str]]]:
    global _places
    if _places is None:
        with _lock:
            if _places is None:
                _places = _read_names("territories.tsv")
    return _places


def _line_names(text: str, ls: int, le: int) -> tuple[int, int, list[tuple[str, str]]]:
    """(items, items naming a language or a country, the (lang, kind) of the country names) of a line
    read as menu items; (0, 0, []) when an item is too long to be one."""
    _load()
    places = _load_places()
    items = _items(text, ls, le)
    if len(items) == 1:
        items = _space_run(text, *items[0]) or items  # ("Language: English ▾ Deutsch Français Español")
    named = 0
    countries: list[tuple[str, str]] = []
    for s, e in items:
        raw = text[s:e]
        toks = [w.lower() for _, _, w in words(raw, 0)]
        if len(toks) > tuning.MENU_ITEM_MAX_WORDS:
            return 0, 0, []
        plain = tuple(raw.strip(" ()[].,;:").lower().split())
        hit = bool(plain) and plain in _names  # type: ignore[operator]
        # a language code in capitals ("DE", "FR") is a switcher item
        hit = hit or (len(plain) == 1 and raw.strip().isupper() and plain[0] in _codes())
        for k in range(len(toks)):
            for n in range(min(_LONGEST, len(toks) - k), 0, -1):
                key = tuple(toks[k:k + n])
                if key in _names:  # type: ignore[operator]
                    hit = True
                place = places.get(key)
                if place:
                    hit = True
                    countries.extend(place)
        named += hit
    return len(items), named, countries


_code_set: Optional[frozenset[str]] = None


def _codes() -> frozenset[str]:
    """The two-letter codes of the languages the endonym table names ("de", "fr")."""
    global _code_set
    if _code_set is None:
        _load()
        _code_set = frozenset(lang for langs in _names.values() for lang, _ in langs  # type: ignore[union-attr]
                              if len(lang) == 2)
    return _code_set


def _next_line(text: str, pos: int, step: int) -> Optional[tuple[int, int]]:
    """The nearest non-blank line after (step 1) or before (step -1) the line ending/starting at ``pos``,
    trimmed to its first and last non-space characters; None when there is none."""
    n = len(text)
    while True:
        if step > 0:
            if pos >= n:
                return None
            ls = pos + 1
            le = text.find("\n", ls)
            le = n if le == -1 else le
            pos = le
        else:
            if pos <= 0:
                return None
            le = pos - 1
            ls = text.rfind("\n", 0, le) + 1
            pos = ls
        seg = text[ls:le]
        if seg.strip():
            return ls + (len(seg) - len(seg.lstrip())), ls + len(seg.rstrip())


def whole_menus(setup: Setup, text: str, cands: list[Candidate]) -> list[Candidate]:
    """A menu of language or edition names (one item a line, or items between separators) is found
    whole, separators and the expected language's own item included, so ``clean`` removes all of it.

    Seeds are the menu candidates (language names the menu reader found) and script runs that are
    language names; the menu grows over neighbouring lines (blank lines between them) whose items name
    a language or a country ("Canada (English)", "eHow Brasil"), and over short unnamed lines between
    named ones (at most ``MENU_FILLER_RUN`` in a row, fewer than the named ones).  It needs at least
    two foreign items (seeds, or country names in another language: "Suisse") naming at least two
    languages; it then replaces every
    candidate inside it with one candidate, context ``menu``.
    """
    def seed(c: Candidate) -> bool:
        # a menu item, a language name in another script, or a country's name in another language found
        # as a line or item of its own ("Japón" in an English edition menu)
        return c.context == "menu" or (c.kind is Kind.SCRIPT and is_language_name(text[c.start:c.end])) or (
            c.kind is Kind.LATIN and foreign_place(setup, text[c.start:c.end]) and menu_item_at(text, c.start, c.end))

    seeds = [k for k, c in enumerate(cands) if seed(c)]
    if not seeds:
        return cands
    if any(cands[k].start > cands[k + 1].start for k in range(len(cands) - 1)):
        cands = sorted(cands, key=lambda c: c.start)
        seeds = [k for k, c in enumerate(cands) if seed(c)]
    # bisection over the candidates' starts: a text of thousands of menu lines costs linear work
    starts = [c.start for c in cands]
    spans = SpanIndex((c.start, c.end) for c in cands)

    def covered(s: int, e: int) -> bool:  # does one candidate cover s:e?
        k = bisect_right(starts, s) - 1
        return k >= 0 and cands[k].end >= e

    def starting_in(a: int, b: int) -> range:  # the candidates starting in a:b
        return range(bisect_left(starts, a), bisect_left(starts, b))

    blocks: list[tuple[int, int]] = []
    grown: list[tuple[int, int]] = []  # the lines every seed so far grew over, a menu or not (read once)
    info: dict[tuple[int, int], tuple] = {}  # line -> _line_names (what a line names depends on the line only)
    for k in seeds:
        c = cands[k]
        if any(bs <= c.start < be for bs, be in blocks) or (grown and grown[-1][0] <= c.start < grown[-1][1]):
            continue  # (seeds come in text order: a seed inside the last grown run would grow the same run)
        ls = text.rfind("\n", 0, c.start) + 1
        le = text.find("\n", c.end)
        le = len(text) if le == -1 else le
        seg = text[ls:le]
        first = (ls + len(seg) - len(seg.lstrip()), ls + len(seg.rstrip()))
        lines_ = [first]
        if first not in info:
            info[first] = _line_names(text, *first)
        if not _menu_of_names(info[first]):
            continue
        for step in (-1, 1):
            filler = 0
            edge = first
            while True:
                pos = text.rfind("\n", 0, edge[0]) + 1 if step < 0 else _line_end(text, edge[1])
                nxt = _next_line(text, pos, step)
                if nxt is None:
                    break
                if nxt not in info:
                    info[nxt] = _line_names(text, *nxt)
                items, named, _ = info[nxt]
                if not named and items == 1 and (covered(*nxt) or (
                        len(text[nxt[0]:nxt[1]].split()) <= tuning.MENU_FILLER_MAX_WORDS
                        and spans.overlaps(*nxt))):
                    # a line found foreign as a whole, or a short one holding a foreign run ("инотв rтд")
                    info[nxt] = (items, 1, info[nxt][2])
                    named = 1
                if named and _menu_of_names(info[nxt]):
                    filler = 0
                elif items <= 2 and len(text[nxt[0]:nxt[1]].split()) <= tuning.MENU_FILLER_MAX_WORDS \
                        and text[nxt[1] - 1] not in ".!?:" and filler < tuning.MENU_FILLER_RUN:
                    filler += 1  # unnamed items between named ones ("Bân-lâm-gú", "Bikol Central")
                else:
                    break
                lines_.append(nxt)
                edge = nxt
        lines_.sort()
        grown.append((lines_[0][0], lines_[-1][1]))
        while lines_ and not info[lines_[0]][1]:
            lines_.pop(0)
        while lines_ and not info[lines_[-1]][1]:
            lines_.pop()
        if sum(1 for line in lines_ if not info[line][1]) > len(lines_) // 2:
            continue  # mostly unnamed lines: a list of something else
        bs, be = lines_[0][0], lines_[-1][1]
        colon = text.find(": ", bs, lines_[0][1])
        if colon != -1 and not _line_names(text, bs, colon)[1]:
            bs = colon + 2  # a label before the menu ("Languages: Italiano | Magyar") is not part of it
        inside = list(starting_in(bs, be))
        if any(cands[n].kind not in (Kind.LATIN, Kind.SCRIPT) for n in inside):
            continue  # a look-alike word or mojibake keeps its own finding (and its repair)
        # items naming a country in another language than the expected ones ("Suisse", "Deutschland")
        places = 0
        langs = {cands[n].lang for n in inside}
        for line in lines_:
            _, _, countries = info[line]
            if len(starting_in(max(line[0], bs), line[1])):
                continue
            if countries and not any(kind == "english" for _, kind in countries) \
                    and not any(_expected_name(setup, lang) for lang, _ in countries):
                places += 1
                langs.add(countries[0][0])
        total_items = sum(info[line][0] for line in lines_)
        if _switcher(setup, text, lines_, info, inside, cands):
            pass  # "English | Deutsch" on a German page: the page's own item goes with the other
        elif len(inside) + places < tuning.MENU_BLOCK_MIN_FOREIGN or total_items < tuning.MENU_BLOCK_MIN_FOREIGN:
            continue
        elif len(langs) < 2:
            continue  # one language named twice ("Menu: Русский", "Footer: Русский") is no language menu
        elif len(lines_) == 1 and len(inside) == 1:
            continue
        blocks.append((bs, be))
    if not blocks:
        return cands
    blocks.sort()
    merged: list[tuple[int, int]] = []
    for bs, be in blocks:  # menus grown from two seeds may meet: one finding each, never overlapping
        if merged and bs <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(be, merged[-1][1]))
        else:
            merged.append((bs, be))
    blocks = merged
    taken = SpanIndex(blocks)
    out = [c for c in cands if not taken.overlaps(c.start, c.end)]
    longest = max(c.end - c.start for c in cands)
    for bs, be in blocks:
        inside = [cands[n] for n in starting_in(bs - longest, be) if cands[n].end > bs]
        langs = sorted({c.lang for c in inside})
        latin = any(c.kind is Kind.LATIN for c in inside)
        scripts = {c.script for c in inside}
        script = scripts.pop() if len(scripts) == 1 else "Mixed"  # "English | Русский | العربية"
        out.append(Candidate(Kind.LATIN if latin else Kind.SCRIPT, bs, be, langs[0] if len(langs) == 1 else "mul",
                             script, max(c.score for c in inside), context="menu"))
    out.sort(key=lambda c: c.start)
    return out


def _switcher(setup: Setup, text: str, lines_: list, info: dict, inside: list, cands: list) -> bool:
    """Is the block a switcher of two items, one found naming another language and the other naming an
    expected one ("English" over "Deutsch" on a German page, "English | Deutsch")?"""
    items = [it for ls, le in lines_ for it in _items(text, ls, le)]
    found = {(cands[n].start, cands[n].end) for n in inside}  # (stages may both have found the item)
    if len(items) != 2 or len(found) != 1 or not any(cands[n].context == "menu" for n in inside):
        return False
    (fs, fe), = found
    own = [text[s:e] for s, e in items if not (fs <= s < fe)]
    return len(own) == 1 and _names_expected(setup, own[0])


def _names_expected(setup: Setup, frag: str) -> bool:
    """Is ``frag`` (punctuation aside) exactly a name of an expected language ("Deutsch" on a German page)?"""
    _load()
    toks = tuple(w.lower() for _, _, w in words(frag, 0))
    langs = _names.get(toks) if toks else None  # type: ignore[union-attr]
    return bool(langs) and any(_expected_name(setup, lang) for lang, _ in langs)


def _menu_of_names(info: tuple[int, int, list]) -> bool:
    """Do at least half the items of a line name a language or a country?  ("Travel | World | Հայերեն |
    Opinion" is a site menu holding one foreign item, not a language menu.)"""
    items, named, _ = info
    return named > 0 and 2 * named >= items


def _line_end(text: str, pos: int) -> int:
    """The position of the line break ending the line that holds ``pos`` (or the text's end)."""
    k = text.find("\n", pos)
    return len(text) if k == -1 else k


_SEPARATED = re.compile(r"\s[|•·/]\s|\t")


def is_place_name(frag: str) -> bool:
    """Is ``frag`` (brackets and punctuation aside) the name of a country or territory in some language
    (``models/territories.tsv``: "Chile", "Puerto Rico", "El Salvador")?"""
    places = _load_places()
    toks = tuple(w.lower() for _, _, w in words(frag, 0))
    return bool(toks) and toks in places


def foreign_place(setup: Setup, frag: str) -> bool:
    """Is ``frag`` (punctuation aside) a country's name in a language other than the expected ones and never
    its English name ("Japón", "Italia", "Deutschland"; not "Chile", which English writes the same)?"""
    return _place_language(setup, frag) is not None


def foreign_endonym(setup: Setup, frag: str) -> Optional[str]:
    """The language ``frag`` (punctuation aside) names when it is exactly one endonym of a language other
    than the expected ones ("English" on a Chinese page), else None."""
    _load()
    toks = tuple(w.lower() for _, _, w in words(frag, 0))
    langs = _names.get(toks) if toks else None  # type: ignore[union-attr]
    if not langs or any(_expected_name(setup, lang) for lang, _ in langs):
        return None
    own = [lang for lang, kind in langs if kind == "endonym" and _names_foreign(setup, lang, langs)]
    return own[0] if own else None


def menu_item_at(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` a whole menu item: between line ends or separators (``_ITEM_SEP``: "|", "•", "·", "/",
    ",", ";", a tab, three spaces), spaces and brackets aside? Read outwards from the run, a few characters
    at most (a text of one long line holding many such runs costs no pass over the line for each)."""
    return _item_edge(text, s - 1, -1) and _item_edge(text, e, 1)


_EDGE_CHARS = "|•·/,;\t\n"


def _item_edge(text: str, i: int, step: int) -> bool:
    """Walking from ``i`` by ``step`` over spaces and brackets, is an item's edge reached?"""
    n = len(text)
    spaces = 0
    for _ in range(64):
        if i < 0 or i >= n:
            return True
        c = text[i]
        if c in _EDGE_CHARS:
            return True
        if c in " \u00a0\r":
            spaces += 1
        elif c not in "()[]":
            return spaces >= 3
        i += step
    return spaces >= 3


def is_language_name(frag: str) -> bool:
    """Is ``frag`` (brackets and punctuation aside) one language name, "Русский", "Deutsch"?"""
    _load()
    toks = tuple(w.lower() for _, _, w in words(frag, 0))
    if toks and toks in _names:  # type: ignore[operator]
        return True
    # scripts whose vowel signs are combining marks ("मराठी") are not split into words by \w
    plain = tuple(frag.strip(" ()[].,;:").lower().split())
    return bool(plain) and plain in _names  # type: ignore[operator]
