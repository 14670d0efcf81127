"""Where a candidate sits: menu, boilerplate, caption, quote, gloss or body.

Context is data on every finding, so users and ``clean`` can act on it.
``gloss`` is text about a language (a foreign term with its translation or
reading beside it, a quoted example the text discusses): intended, not stray,
and reported only when asked (``DetectorOptions.report_glosses``).
"""

from __future__ import annotations

import re

from ..finding import Kind
from ..languages import name_of
from ..lid import data_rows
from ..scripts import FAMILY, is_letter, script_of
from . import tuning
from .candidate import Candidate
from .menus import is_language_name
from .text import words

_SEPARATED = re.compile(r"\s[|•·/]\s|\t")
_ITEM_SEP = re.compile(r"\s*(?:[|•·/]|\t)\s*")
_CREDIT = re.compile(r"^\W*(?:©|\(c\)|photo|image|picture|source|credit|credits|video|via|foto|caption)\b",
                     re.IGNORECASE)
# ("Ã©" is "é" mis-decoded, not a copyright sign: "cafÃ©" in a sentence is no footer)
_BOILER = re.compile(r"(?<!Ã)©|\bcookies?\b|\bprivacy\b", re.IGNORECASE)  # (and a copyright notice: holds_notice)
# a translation or reading beside a term: "Hund (dog)", "Hund - dog", "Hund = dog", "Hund: dog"
_GLOSS_AFTER = re.compile(r"[)\]]?\s*(?:[(\[]|\s[-–—=]\s|:\s)\s*[\"'“‘]?[A-Za-z][a-z]")
_TRANSLATION_AFTER = re.compile(r"[\"'”’»]?\s*\(([^()\n]{2,60})\)")
_OPEN_Q = "\"'“‘„«‚‹"
_CLOSE_Q = "\"'”’“»‘›"
# English words that mark text about language (a term defined, an example discussed)
_ABOUT = re.compile(
    r"\b(?:means?|meaning|translat\w*|literally|pronounc\w*|grammar|verb|noun|adjective|phrase|"
    r"idiom|sentence|word|vocabulary|lesson|conjugat\w*)\b", re.IGNORECASE)


QUOTE_CONTEXT = 2000


def assign(setup, text: str, cands: list[Candidate]) -> None:
    """Set ``context`` on each candidate still marked ``body`` (in place)."""
    lines: dict = {}  # what is true of a whole line, found once per line (a line may hold thousands of findings)
    for c in cands:
        if c.context != "body" or c.kind is Kind.DOCUMENT:
            continue
        c.context = _context(setup, text, c, lines)


_NOTICE: re.Pattern | None = None


def holds_notice(text: str) -> bool:
    """Does ``text`` hold a phrase of a copyright notice (``models/notice-words.txt``: "copyright", "all
    rights", ...), as whole words? A line holding one is boilerplate; so is, in the script stage, a Latin run
    holding one on a page in another script, however few its words."""
    global _NOTICE
    if _NOTICE is None:
        phrases = data_rows("notice-words.txt")
        _NOTICE = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(r"\s+".join(map(re.escape, p)) for p in phrases)
                             if phrases else r"(?!)", re.IGNORECASE)
    return _NOTICE.search(text) is not None


def _line(text: str, c: Candidate) -> tuple[int, int]:
    """The candidate's line, at most CONTEXT_WINDOW characters either side of it (a text of one long
    line would otherwise be read whole for every candidate)."""
    # (a line ends at "\n", "\r\n" or a lone "\r": the same line whatever the file's line endings)
    # (both searches bounded by the window: a text without "\r" is not read to its end for every candidate)
    w = tuning.CONTEXT_WINDOW
    lo, hi = max(0, c.start - w), min(len(text), c.end + w)
    ls = max(text.rfind("\n", lo, c.start) + 1, text.rfind("\r", lo, c.start) + 1, lo)
    ends = [k for k in (text.find("\n", c.end, hi), text.find("\r", c.end, hi)) if k != -1]
    return ls, min(ends) if ends else hi


def _line_facts(line: str) -> tuple[bool, bool, bool, int]:
    """(a menu row, a credit line, boilerplate, its number of words)."""
    menu = False
    if _SEPARATED.search(line):
        items = [x for x in _ITEM_SEP.split(line) if x.strip()]
        menu = len(items) >= 2 and all(len(x.split()) <= tuning.MENU_ITEM_MAX_WORDS for x in items)
    return menu, bool(_CREDIT.match(line)), bool(_BOILER.search(line) or holds_notice(line)), len(line.split())


def _context(setup, text: str, c: Candidate, lines: dict | None = None) -> str:
    ls, le = _line(text, c)
    facts = lines.get((ls, le)) if lines is not None else None
    if facts is None:
        facts = _line_facts(text[ls:le])
        if lines is not None:
            lines[(ls, le)] = facts
    menu_row, credit, boiler, line_words = facts
    frag = text[c.start:c.end]
    if is_language_name(frag):
        return "menu"
    if c.kind is Kind.SCRIPT and _labelled_with_translation(setup, text, c, ls, le):
        return "gloss"
    if c.kind in (Kind.SCRIPT, Kind.LATIN) and _spelled_in_other_script(text, c, ls):
        return "gloss"
    if c.kind is Kind.SCRIPT and _quoted_with_translation(setup, text, c):
        return "gloss"
    if menu_row:
        return "menu"
    before = text[ls:c.start]
    after = text[c.end:le]
    # a term with its translation or reading beside it, on a short line of its own
    if c.kind is not Kind.HOMOGLYPH and not before.strip(" \t-*•·0123456789.)") and _GLOSS_AFTER.match(after) \
            and line_words <= tuning.GLOSS_LINE_MAX_WORDS and _english(setup, after):
        return "gloss"
    b, a = before.rstrip()[-1:], after.lstrip()[:1]
    quoted = bool(b) and bool(a) and b in _OPEN_Q and a in _CLOSE_Q
    # a term with its translation in brackets right after it, inside a sentence: "Caja Mágica" (Magic Box)
    m = _TRANSLATION_AFTER.match(after)
    if m and c.kind is not Kind.HOMOGLYPH and len(frag.split()) <= tuning.GLOSS_TERM_MAX_WORDS \
            and _english(setup, m.group(1)):
        return "gloss"
    if quoted or _in_quotes(frag):
        # the words around it, up to QUOTE_CONTEXT characters either side (a whole 1 MB line for each of
        # its thousands of quoted words was quadratic; a line of prose is far shorter than the limit)
        # (only the words next to the quote say it is discussed: "the word «X» means…", not a "means"
        # somewhere else in the line)
        w = tuning.GLOSS_ABOUT_WINDOW
        others = before[-min(w, QUOTE_CONTEXT):] + " " + after[:min(w, QUOTE_CONTEXT)]
        lang_name = name_of(c.lang)
        if _ABOUT.search(others) or (lang_name and re.search(rf"\b{re.escape(lang_name)}\b", others)):
            return "gloss"
        return "quote"
    if credit or (c.start > ls and text[c.start - 1].isalpha()) or \
            (c.end < le and text[c.end].isalpha()):
        return "caption"
    if boiler or (not before.strip() and not after.strip(" .!?:")
                                and sum(1 for _ in words(frag, 0)) <= tuning.BOILERPLATE_MAX_WORDS):
        return "boilerplate"
    return "body"


_ROW_START = re.compile(r"\s*\|\s*")  # ("/" and ":" introduce credits: "Image: <caption> / Reuters")
_ROW_END = re.compile(r"[<\n]")  # (markup left in the text ends a row: "...Academia</a><br />Rating: ...")


def _labelled_with_translation(setup, text: str, c: Candidate, ls: int, le: int) -> bool:
    """Is the candidate, in another script, the first item of a short row whose other items are Latin and
    name no language, the last of them in the expected language: a name given with its transliteration
    and translation ("僕のヒーローアカデミア | Boku no Hero Academia | My Hero Academia", a fandom tag), not a
    menu of its own? (A language or edition menu's items are language names; they stay menus.)"""
    before = text[ls:c.start].rstrip()
    if before and before[-1] not in ">-–—":
        return False  # not the row's first item (a title's parts before it: "Chapter 1 - Author - 僕の…")
    after = text[c.end:le]
    if not _ROW_START.match(after):
        return False
    items = [x.strip() for x in _ITEM_SEP.split(_ROW_END.split(after, 1)[0]) if x.strip()]
    if not 1 <= len(items) < tuning.GLOSS_ROW_MAX_ITEMS:
        return False
    if any(is_language_name(x) or any(ord(ch) > 0x24F and ch.isalpha() for ch in x) for x in items):
        return False  # (another script among them, or a language name: a menu)
    return _english(setup, items[-1])


_OPEN_BRACKET = "(（[【"
_CLOSE_BRACKET = {"(": ")", "（": "）", "[": "]", "【": "】"}
_BRACKET_BREAK = re.compile(r"[)）\]】\n]")


_BRACKET_AFTER = re.compile(r"[\s%s]{0,%d}[(（\[【]" % (re.escape(_CLOSE_Q), tuning.GLOSS_BRACKET_GAP))


def _scripts(s: str) -> set[str]:
    """The scripts of the letters of ``s`` (Hiragana, Katakana and Han as one: Japanese writes them together)."""
    out = set()
    for ch in s:
        if ch.isalpha() or is_letter(ch):
            sc = script_of(ch)
            if sc != "Common":
                out.add("Japanese" if FAMILY.get(sc) in ("Japanese", "Han") else sc)
    return out


def _spelled_in_other_script(text: str, c: Candidate, ls: int) -> bool:
    """Is the candidate one spelling of a term whose other spelling, in another script, stands beside it in
    brackets? Either the candidate is inside a short bracket right after a term, and the term or another item
    of the bracket is in another script ("Tokyo (東京, Tōkyō)", "Shuzo Matsutani (松谷 修造, Matsutani Shūzō)",
    "Moscow (Russian: Москва)", the Latin "skyrim" after its Russian spelling), or a short bracket in another
    script follows it ("Tasogare wo mitsu meru shōjo" (黄昏を見つめる少女), a title and its romanisation on the
    next line of an infobox). That is the term's original spelling, reading or transliteration: text about a
    language (Wikipedia's lead sentences give one for every name from another script), not a stray fragment."""
    frag = text[c.start:c.end]
    if len(frag.split()) > tuning.GLOSS_SPELLING_MAX_WORDS:
        return False
    own: set[str] | None = None  # (the candidate's scripts, read only when a bracket is near)
    # (a) inside a bracket: its opening on the line, with no closing bracket or line break after it
    lo = max(ls, c.start - tuning.GLOSS_BRACKET_MAX)
    before = text[lo:c.start]
    i = max(before.rfind(b) for b in _OPEN_BRACKET)
    if i >= 0 and not _BRACKET_BREAK.search(before, i + 1):
        i += lo
        close = text.find(_CLOSE_BRACKET[text[i]], c.end, i + tuning.GLOSS_BRACKET_MAX)
        if close != -1 and "\n" not in text[c.end:close]:
            outside = text[max(0, i - tuning.GLOSS_BRACKET_MAX):i].rstrip().rstrip(_CLOSE_Q).rstrip()
            term = outside.split()[-1] if outside.split() else ""
            own = _scripts(frag)
            if term and own and (_scripts(term) - own or _scripts(text[i + 1:close]) - own):
                return True
    # (b) a bracket right after it (past a closing quote and blank space, a line break or two included)
    m = _BRACKET_AFTER.match(text, c.end)
    if m:
        j = m.end() - 1
        close = text.find(_CLOSE_BRACKET[text[j]], j + 1, j + tuning.GLOSS_BRACKET_MAX)
        # (past a line break, only a bracket that is its line's whole text: a reading under an infobox title,
        # not a dateline opening the next paragraph, "(CNN) President ...")
        crossed = "\n" in text[c.end:j]
        if close != -1 and "\n" not in text[j:close] and \
                not (crossed and text[close + 1:text.find("\n", close) % (len(text) + 1)].strip()):
            inner = _scripts(text[j + 1:close])
            own = _scripts(frag) if own is None else own
            return bool(inner) and bool(own) and not (inner & own)
    return False


def _quoted_with_translation(setup, text: str, c: Candidate) -> bool:
    """Is the candidate, in another script, a passage on lines of its own followed by its translation: the next
    line not in its script opens with a quotation mark or bracket and reads as the expected language? A verse
    or saying quoted in the original and then translated (an Arabic hadith over its Indonesian translation in
    quotes on a religious blog) is text about a language, not a stray fragment. Only lines of at most
    GLOSS_LINE_MAX characters are read (a longer one is prose): the work per candidate stays bounded."""
    own_line = _short_line(text, c.start, c.end)
    if own_line is None:
        return False
    ls, le = own_line
    if any(ch.isalnum() for ch in text[ls:c.start]) or any(ch.isalnum() for ch in text[c.end:le]):
        return False  # not lines of its own (marks and punctuation around it aside)
    own = _scripts(text[c.start:c.end])
    # the passage: the run of lines in its script around it (blank lines inside it allowed)
    passage = _letters_in(text[ls:le])
    back = ls - 1
    for _ in range(tuning.GLOSS_TRANSLATION_LINES):
        prev = _short_line(text, back, back) if back > 0 else None
        if prev is None:
            break
        line = text[prev[0]:prev[1]]
        back = prev[0] - 1
        scripts = _scripts(line)
        if not scripts:
            continue
        if not scripts <= own:
            break
        passage += _letters_in(line)
    pos = le
    for _ in range(tuning.GLOSS_TRANSLATION_LINES):
        if pos >= len(text):
            return False
        nxt = text.find("\n", pos + 1, pos + 1 + tuning.GLOSS_LINE_MAX)
        nxt = min(len(text), pos + 1 + tuning.GLOSS_LINE_MAX) if nxt == -1 else nxt
        line = text[pos + 1:nxt].strip()
        pos = nxt
        if not line:
            continue
        scripts = _scripts(line)
        if scripts and scripts <= own:
            passage += _letters_in(line)
            continue  # more of the quoted passage
        # a passage of a verse's length, and a translation at least half as long (not a one-word heading over
        # a quoted English headline)
        return passage >= tuning.GLOSS_PASSAGE_MIN_LETTERS and 2 * _letters_in(line) >= passage \
            and line[0] in _OPEN_Q + "([" and _english(setup, line[1:tuning.CONTEXT_WINDOW])
    return False


def _short_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the line holding ``text[start:end]``, or None when the line is longer than
    GLOSS_LINE_MAX characters (each search stops there: no scan back to the start of a huge line)."""
    lo = max(0, end - tuning.GLOSS_LINE_MAX)
    ls = text.rfind("\n", lo, start) + 1
    if ls == 0 and lo > 0:
        return None
    le = text.find("\n", end, ls + tuning.GLOSS_LINE_MAX + 1)
    if le == -1:
        if len(text) > ls + tuning.GLOSS_LINE_MAX:
            return None
        le = len(text)
    return ls, le


def _letters_in(s: str) -> int:
    return sum(1 for ch in s if ch.isalpha())


def _english(setup, s: str) -> bool:
    """Are most words of ``s`` common words of the expected language (a translation beside a term)?"""
    ws = [w.lower() for _, _, w in words(s, 0)]
    if not ws:
        return False
    common = sum(1 for w in ws if setup.expected_zipf(w) >= tuning.GLOSS_WORD_ZIPF)
    return common * 2 > len(ws)


def _in_quotes(frag: str) -> bool:
    return len(frag) > 2 and frag[0] in _OPEN_Q and frag[-1] in _CLOSE_Q
