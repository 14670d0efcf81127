"""Stage 1: letters of a script the expected languages do not use.

One compiled-regex pass finds every run of foreign-script letters (clean
text costs that pass and nothing else).  Runs of look-alike Cyrillic or Greek
letters inside a Latin word become ``homoglyph`` candidates, one per word;
the rest are bridged over spaces and dashes into ``script`` candidates, each
given the language the model picks among the languages of its script.
"""

from __future__ import annotations

import re
import threading
from typing import Optional

from .. import lexicon
from ..evidence import mask_non_words
from ..finding import Kind
from ..languages import DEFAULT_FOR_SCRIPT, SIMPLIFIED_ONLY, languages_of_script, script_of_lang
from ..scripts import HOMOGLYPHS, char_label, foreign_run_regex, script_of
from . import tuning
from .candidate import Candidate
from .context import holds_notice
from .furniture import neighbour_lines
from .menus import foreign_endonym, menu_item_at
from .screen import foreign_script_free
from .setup import CJK, Setup
from .text import WORD, WordBounds, bridgeable, keyword_list, trim_to_letters


def script_stage(setup: Setup, text: str, trace) -> list[Candidate]:
    """Candidates for foreign-script runs and homoglyph words in ``text``."""
    if foreign_script_free(text, setup.expected_scripts):
        return []  # no letter of another script: no run to find (the regex pass below would find none)
    regex = foreign_run_regex(setup.expected_scripts)
    expected = setup.expected_scripts
    pieces: list[tuple[int, int, str]] = []  # (start, end, script) of one-script letter runs
    for m in regex.finditer(text):
        s = m.start()
        cur = None
        for i in range(m.start(), m.end()):
            sc = script_of(text[i])
            if sc != cur:
                if cur is not None and cur != "Common" and cur not in expected:
                    pieces.append((s, i, cur))
                s, cur = i, sc
        if cur != "Common" and cur not in expected:
            pieces.append((s, m.end(), cur))
    if not pieces:
        return []
    out: list[Candidate] = []
    kept = _homoglyphs(setup, text, pieces, out, trace)
    # Bridge same-script pieces over spaces, dashes and punctuation into runs.
    runs: list[list] = []
    for s, e, sc in kept:
        group = "CJK" if sc in CJK else sc
        if runs and runs[-1][2] == group and bridgeable(text, runs[-1][1], s, tuning.BRIDGE_MAX_GAP):
            runs[-1][1] = e
            runs[-1][3].add(sc)
        else:
            runs.append([s, e, group, {sc}])
    for s, e, group, scripts in runs:
        s, e = trim_to_letters(text, s, e)
        if e <= s:
            continue
        cand = _decide_run(setup, text, s, e, group, scripts, trace)
        if cand is not None:
            out.append(cand)
    return out


def _homoglyphs(setup: Setup, text: str, pieces, out: list[Candidate], trace):
    """Turn pieces inside Latin words made of look-alikes into homoglyph candidates; return the rest."""
    kept = []
    words: dict[tuple[int, int], None] = {}
    bounds = WordBounds(text)  # pieces come in order: each word's bounds are found once, not once per piece
    last: tuple[int, int] = (-1, -1)
    spoofed = False
    for s, e, sc in pieces:
        if setup.latin_expected and sc in ("Cyrillic", "Greek"):
            ws, we = bounds(s, e)
            if (ws, we) != last:  # a new word: judge it once for all its pieces
                last = (ws, we)
                word = text[ws:we]
                has_latin = any(script_of(c) == "Latin" for c in word)
                foreign = [c for c in word if c.isalpha() and script_of(c) not in setup.expected_scripts]
                spoofed = has_latin and bool(foreign) and all(c in HOMOGLYPHS for c in foreign)
            if spoofed:
                words[(ws, we)] = None
                continue
        kept.append((s, e, sc))
    for ws, we in words:
        word = text[ws:we]
        odd = tuple(dict.fromkeys(c for c in word if c in HOMOGLYPHS and script_of(c) != "Latin"))
        scripts = sorted({script_of(c) for c in odd})
        detail = "look-alike letters: " + ", ".join(f"{c!r} {char_label(c)}" for c in odd)
        out.append(Candidate(Kind.HOMOGLYPH, ws, we, setup.first_expected, "+".join(["Latin"] + scripts),
                             tuning.HOMOGLYPH_SCORE, detail, odd))
        if trace.on:
            trace.add(ws, we, word, "homoglyph", "-", tuning.HOMOGLYPH_SCORE, True, detail)
    return kept


def _decide_run(setup: Setup, text: str, s: int, e: int, group: str, scripts: set[str], trace):
    frag = text[s:e]
    letters = sum(1 for c in frag if c.isalpha())
    if group == "CJK":
        script = "Japanese" if scripts & {"Hiragana", "Katakana"} else "Han"
    else:
        script = group
    reason = None
    if letters < setup.min_length:
        reason = f"{letters} letter(s) < min length {setup.min_length}"
    elif script == "Greek":
        longest = max((len(w) for w in WORD.findall(frag)), default=0)
        if longest < tuning.GREEK_MIN_WORD:
            reason = "Greek letters used as symbols (no Greek word of 3+ letters)"
    if reason is not None:
        if trace.on:
            trace.add(s, e, frag, "script", "-", 0.0, False, reason)
        return None
    if script == "Latin":
        return _latin_in_foreign_text(setup, text, s, e, trace)
    lang, p = _language_of_run(setup, frag, script)
    score = min(tuning.SCORE_CAP, tuning.SCRIPT_SCORE_BASE + tuning.SCRIPT_SCORE_PER_LETTER * letters)
    if trace.on:
        trace.add(s, e, frag, "script", lang, score, score >= setup.threshold,
                  f"{letters} letters of {script}, not a script of {','.join(setup.expect)}; "
                  f"model says {lang} ({p:.2f})")
    return Candidate(Kind.SCRIPT, s, e, lang, script, score)


def _latin_in_foreign_text(setup: Setup, text: str, s: int, e: int, trace):
    """Latin letters where no Latin-script language is expected: a finding only for real sentences."""
    frag = text[s:e]
    named = foreign_endonym(setup, frag)
    if named is not None and menu_item_at(text, s, e):
        # a language menu's item ("English" in a Chinese page's header): the page in another language
        if trace.on:
            trace.add(s, e, frag, "script", named, tuning.MENU_SCORE, tuning.MENU_SCORE >= setup.threshold,
                      f"a menu item naming {named} (CLDR endonym)")
        return Candidate(Kind.SCRIPT, s, e, named, "Latin", tuning.MENU_SCORE, context="menu")
    if holds_notice(frag):
        return _notice(setup, text, s, e, trace)
    if keyword_list(text, s, e):
        if trace.on:
            trace.add(s, e, frag, "script", "-", 0.0, False, "a list of lowercase keywords (a tag cloud)")
        return None
    if not _LOWER_WORD.search(frag) and (_name_inside_prose(text, s, e) or _recurs_inside_prose(text, s, e, frag)):
        if trace.on:
            trace.add(s, e, frag, "script", "-", 0.0, False,
                      "capitalised Latin words written inside a sentence of the expected script (here or "
                      "elsewhere in the text): a name or a product")
        return None
    # URLs, e-mail addresses, domains, hashtags and code are no language: they are masked first
    masked = mask_non_words(frag)
    found = WORD.findall(masked)
    words = len(found)
    block = _ui_block(setup, text, s, e)
    if block is not None:
        if trace.on:
            trace.add(s, e, frag, "script", block, tuning.UI_PHRASE_SCORE, tuning.UI_PHRASE_SCORE >= setup.threshold,
                      f"an item of a block of {block} UI lines (a menu in another language)")
        return Candidate(Kind.SCRIPT, s, e, block, "Latin", tuning.UI_PHRASE_SCORE, context="menu")
    if words < tuning.UI_PHRASE_MIN_WORDS:
        if trace.on:
            trace.add(s, e, frag, "script", "-", 0.0, False,
                      "Latin words in non-Latin text: names, brands, URLs and code unless 3+ words")
        return None
    preds = setup.model.predict(" ".join(found), k=5)
    top = next(((l, p) for l, p in preds if script_of_lang(l) == "Latin" and not setup.is_expected(l)), None)
    if words < tuning.LATIN_IN_FOREIGN_MIN_WORDS or top is None or top[1] < tuning.LATIN_IN_FOREIGN_MIN_P:
        phrase = _everyday_phrase(text, s, e, found, top[0] if top is not None else "en")
        if phrase is not None:
            if trace.on:
                trace.add(s, e, frag, "script", phrase, tuning.UI_PHRASE_SCORE,
                          tuning.UI_PHRASE_SCORE >= setup.threshold,
                          f"a phrase of everyday {phrase} words standing apart from the page's prose (a UI string)")
            return Candidate(Kind.SCRIPT, s, e, phrase, "Latin", tuning.UI_PHRASE_SCORE)
        if trace.on:
            trace.add(s, e, frag, "script", top[0] if top else "-", 0.0, False,
                      "Latin words in non-Latin text: names, brands and code unless 3+ words "
                      "the model is sure of")
        return None
    lang, p = top
    if _romanised_name(found, lang):
        if trace.on:
            trace.add(s, e, frag, "script", lang, 0.0, False,
                      f"every word capitalised, most of them no everyday {lang} word: a name in Latin letters")
        return None
    score = min(tuning.SCORE_CAP, 0.5 + 0.5 * p)
    if trace.on:
        trace.add(s, e, frag, "script", lang, score, score >= setup.threshold,
                  f"{words} Latin words; model says {lang} ({p:.2f})")
    return Candidate(Kind.SCRIPT, s, e, lang, "Latin", score)


def _romanised_name(found: list[str], lang: str) -> bool:
    """Is a run of capitalised words, most of them no everyday words of ``lang``, a name written in Latin
    letters ("Khin Maung Win (Shwe Inn Thar)" under a Burmese photo), not a sentence of ``lang``?"""
    if not all(w[:1].isupper() for w in found):
        return False
    table = lexicon.load(lang)
    if table is None:
        return False
    rare = sum(1 for w in found if table.get(w.lower(), 0.0) < tuning.UI_PHRASE_ZIPF)
    return rare >= tuning.ROMANISED_NAME_SHARE * len(found)


def _everyday_phrase(text: str, s: int, e: int, found: list[str], lang: str):
    """The language of a short Latin run on a non-Latin page that is a UI string rather than a name
    ("Skip to main content", "Image caption", "Top story"), or None: it stands apart from the page's prose
    (``_name_inside_prose``), holds a lowercase word (names are capitalised word by word: "Financial
    Times", "Deep Insight") and every word is everyday in ``lang`` (the model's best guess, English when
    it has none) at UI_PHRASE_ZIPF or more (a rare word makes a name or a term: "Tweets by prachatai")."""
    # words between spaces, each all letters ("E-mail" is one word; "tr?id" and 'style="display:none"' are code)
    tokens = [t.strip(_PHRASE_PUNCT) for t in text[s:e].split()]
    if len(tokens) < tuning.UI_PHRASE_MIN_WORDS or not all(_PHRASE_WORD.fullmatch(t) for t in tokens):
        return None
    if not any(t.islower() and len(t) > 1 for t in tokens) or _name_inside_prose(text, s, e):
        return None
    table = lexicon.load(lang)
    if table is None:
        return None
    for w in found:
        if table.get(w.lower().replace("’", "'"), 0.0) < tuning.UI_PHRASE_ZIPF:
            return None
    return lang


def _ui_item(line: str) -> Optional[list[str]]:
    """``_item_words`` of ``line``, remembered (a block's lines are read again for each of its runs)."""
    got = _item_memo.get(line, False)
    if got is False:
        if len(_item_memo) >= tuning.LINE_CACHE_SIZE:
            _item_memo.clear()
        got = _item_memo[line] = _item_words(line)
    return got


_item_memo: dict[str, Optional[list[str]]] = {}  # line -> its UI item words (bounded)


def _item_words(line: str) -> Optional[list[str]]:
    """The words of a line that can be a UI item: 1 to UI_MAX_WORDS words between spaces, each all letters
    once the punctuation and symbols at its ends are stripped ("News∨", "Sport"), a lowercase one among
    several ("Sign in"); else None."""
    tokens = line.split()
    if not tokens or len(tokens) > tuning.UI_MAX_WORDS:
        return None
    out = []
    for t in tokens:
        t = _EDGE_SYMBOLS.sub("", t)
        if not t.isascii() or not _PHRASE_WORD.fullmatch(t):
            return None
        out.append(t)
    if len(out) > 1 and not any(t.islower() for t in out):
        return None  # several words each capitalised: a name ("Financial Times", "Deep Insight")
    return out


_EDGE_SYMBOLS = re.compile(r"^[^\w]+|[^\w]+$")


def _ui_block(setup: Setup, text: str, s: int, e: int) -> Optional[str]:
    """The language of the block of UI lines the run stands in, or None: the run is a line of its own, and it
    and its neighbours (blank lines skipped) make UI_BLOCK_MIN_ITEMS or more lines in a row that are short
    items of Latin words, every word everyday in one language at UI_PHRASE_ZIPF ("News / Sport / Weather /
    Radio / Arts" on a Burmese page; the language is the model's on the items together, English when it has
    none). A lone "Menu" or "Tweet" is a design label, and a line of names holds a word no lexicon calls
    everyday."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le == -1 else le
    if _ui_item(text[ls:le]) is None or text[ls:s].strip(_EDGE_CHARS) or text[e:le].strip(_EDGE_CHARS):
        return None
    items = [_ui_item(text[ls:le])]
    for step in (-1, 1):  # the neighbours above, then below, blank lines skipped, up to the first non-item
        for a, b in neighbour_lines(text, ls, le, step, tuning.UI_BLOCK_MAX_ITEMS - len(items), None):
            item = _ui_item(text[a:b])
            if item is None:
                break
            items.append(item)
    if len(items) < tuning.UI_BLOCK_MIN_ITEMS:
        return None
    joined = " ".join(" ".join(i) for i in items)
    lang = _block_lang.get((setup.expect, joined))
    if lang is None:  # (remembered: every line of a block, and a page's repeated blocks, ask the same)
        lang = next((l for l, _ in setup.predict(joined, k=5)
                     if script_of_lang(l) == "Latin" and not setup.is_expected(l)), "en")
        if len(_block_lang) >= tuning.LINE_CACHE_SIZE:
            _block_lang.clear()
        _block_lang[(setup.expect, joined)] = lang
    table = lexicon.load(lang)
    if table is None or any(table.get(w.lower(), 0.0) < tuning.UI_PHRASE_ZIPF for i in items for w in i):
        return None
    return lang


_block_lang: dict[tuple, str] = {}  # (expected languages, a block's words) -> the Latin language the model hears in them (bounded)
_EDGE_CHARS = " \t\r\u00a0\u3000∨▼▾>›»|•·"
_PHRASE_PUNCT = ".,:;!?()\"'‘’“”"
_PHRASE_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _notice(setup: Setup, text: str, s: int, e: int, trace):
    """A copyright notice in Latin letters on a page in another script: the site's boilerplate, in the
    language the model hears in its words (names and domains masked), English when it hears none surely."""
    frag = text[s:e]
    words = WORD.findall(mask_non_words(frag))
    preds = setup.model.predict(" ".join(words), k=5) if words else []
    top = next(((l, p) for l, p in preds if script_of_lang(l) == "Latin" and not setup.is_expected(l)), None)
    lang, p = top if top is not None and top[1] >= tuning.LATIN_IN_FOREIGN_MIN_P else ("en", tuning.LATIN_IN_FOREIGN_MIN_P)
    score = min(tuning.SCORE_CAP, 0.5 + 0.5 * p)
    if trace.on:
        trace.add(s, e, frag, "script", lang, score, score >= setup.threshold,
                  f"a copyright notice in Latin letters; model says {lang} ({p:.2f})")
    return Candidate(Kind.SCRIPT, s, e, lang, "Latin", score, context="boilerplate")


def _language_of_run(setup: Setup, frag: str, script: str) -> tuple[str, float]:
    if script == "Japanese":
        return "ja", 1.0
    if script == "Hangul":
        return "ko", 1.0
    allowed = languages_of_script(script)
    if script == "Han" and any(c in SIMPLIFIED_ONLY for c in frag):
        return "zh", 1.0
    for lang, p in setup.model.predict(frag, k=30):
        if lang in allowed:
            return lang, p
    return DEFAULT_FOR_SCRIPT.get(script, "und"), 0.0


_LOWER_WORD = re.compile(r"(?<![\w.])[a-z]{%d,}(?![\w.])" % tuning.LATIN_IN_FOREIGN_CONTENT_LETTERS)


def _name_inside_prose(text: str, s: int, e: int) -> bool:
    """Is the run ``text[s:e]``, which holds no lowercase content word ("Kindle for PC", "State University of
    New York"), written inside a sentence of the expected (non-Latin) script: letters of that script on its
    line (before or after it: "Raspberry Pi Zero Wは...")?  A sentence or a UI string standing as its own
    line ("All Rights Reserved") is not."""
    w = tuning.CONTEXT_WINDOW  # (searched within the window: a text of one long line is not read whole per run)
    ls = text.rfind("\n", max(0, s - w), s) + 1
    le = text.find("\n", e, e + w)
    le = len(text) if le == -1 else le
    before, after = text[max(ls, s - w):s], text[e:min(le, e + w)]
    return any(c.isalpha() and not c.isascii() for c in before) or any(c.isalpha() and not c.isascii() for c in after)


def _recurs_inside_prose(text: str, s: int, e: int, frag: str) -> bool:
    """Is the name-like run ``text[s:e]`` written elsewhere in the text inside a sentence of the expected
    script (the page's own term, standing alone here as a heading or caption)?  At most RECUR_MAX_LOOKS
    occurrences are looked at."""
    if _recur.__dict__.get("text") is not text:
        _recur.text, _recur.memo = text, {}
    hits = _recur.memo.get(frag)
    if hits is None:
        # (the places inside prose among the first looks, kept per text: a page repeating one run thousands
        # of times asks about it thousands of times)
        hits = []
        pos, looks = text.find(frag), 0
        while pos != -1 and looks < tuning.RECUR_MAX_LOOKS and len(hits) < 2:
            looks += 1
            if _name_inside_prose(text, pos, pos + len(frag)):
                hits.append(pos)
            pos = text.find(frag, pos + len(frag))
        _recur.memo[frag] = hits
    return any(pos != s for pos in hits)


_recur = threading.local()  # the text last asked about, and its answers (per thread)
