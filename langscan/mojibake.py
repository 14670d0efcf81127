"""Mojibake: runs of UTF-8 text that was decoded as Latin-1 or Windows-1252 (once or twice) and saved again.

"cafÃ©", "â€”", "Ð—Ð°Ð³Ð¾Ð»Ð¾Ð²Ð¾Ðº" are ``mojibake`` findings, with the repaired
text ("café", "—", "Заголовок") in ``detail`` and, when the repaired text is in
another script or language, that language and script: a mis-decoded Russian
line is a Russian fragment that no language-ID tool could see.

Detection and repair are ftfy's (Robyn Speer's "fixes text for you"; its
heuristics are tuned for precision on real web text, so Portuguese "JOÃO" or
"São Paulo" is left alone).  Only ftfy's encoding fixes are applied; its other
normalisations (quotes, HTML entities, character width) are not artifacts this
stage reports.  Each line that ftfy's badness measure finds suspicious is
repaired; the changed stretches, widened to whole words and joined over
separators, are the runs.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import Match, SequenceMatcher
from functools import lru_cache
from typing import Callable, Optional, Sequence

from .finding import Kind
from .languages import DEFAULT_FOR_SCRIPT, languages_of_script, name_of, same_family, script_of_lang
from .detect.candidate import Candidate
from .detect.screen import non_ascii
from .lookalike import Predict
from .scripts import script_of

SCORE = 0.9
MAX_LINE = 2_000  # longer lines are repaired in pieces of about this many characters: diffing a line with its
# repair costs its length times the number of repairs in it (a hostile 20,000-character piece with a repair
# every 15 characters took 23 s)
CUT_BACK = 200  # a piece ends after the last space in this many characters before its nominal end, so a cut
# seldom falls inside a mis-decoded run (never after a non-ASCII character: "Ã" before a space is one)

MIN_WORDS_FOR_LANG = 3  # a repaired Latin-script run names another language only from this many words
SURE_P = 0.6  # fastText alone names the language of a repaired Latin-script run this surely
UNSURE_MAX_EXPECTED = 0.1  # below SURE_P, fastText may hear this much of the expected language at most
_LOGOGRAPHIC = frozenset({"Han", "Hiragana", "Katakana", "Hangul", "Yi"})  # one character is a word


def piece_start(text: str, ls: int, le: int, m: int) -> int:
    """Where piece ``m`` of the line ``text[ls:le]`` starts (piece 0 at ``ls``; past the last one, ``le``): about
    ``m * MAX_LINE`` characters in, moved back after a space when one lies within CUT_BACK before. Each start is
    found on its own, so the piece holding an offset is found without reading the line from its start."""
    at = ls + m * MAX_LINE
    if m <= 0:
        return ls
    if at >= le:
        return le
    i = text.rfind(" ", at - CUT_BACK, at)
    while i > at - CUT_BACK and not text[i - 1].isascii():
        i = text.rfind(" ", at - CUT_BACK, i)
    return i + 1 if i > at - CUT_BACK else at


def _piece_of(text: str, ls: int, le: int, offset: int) -> tuple[int, int]:
    """(start, end) of the piece of the line ``text[ls:le]`` holding ``offset``."""
    m = (offset - ls) // MAX_LINE
    if offset >= piece_start(text, ls, le, m + 1):
        m += 1
    return piece_start(text, ls, le, m), piece_start(text, ls, le, m + 1)

_config = None


def _ftfy_config():
    global _config
    if _config is None:
        from ftfy import TextFixerConfig

        # encoding repairs only: the rest of ftfy's clean-up changes text that was never mis-decoded
        _config = TextFixerConfig(
            unescape_html=False, remove_terminal_escapes=False, fix_encoding=True, restore_byte_a0=True,
            replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True,
            fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
            fix_surrogates=False, remove_control_chars=False, normalization=None, explain=False,
        )
    return _config


def repair(run: str) -> str:
    """The run with its encoding repaired (ftfy); unchanged when ftfy sees nothing to fix."""
    import ftfy

    try:
        return _fix_dense(ftfy.fix_text(run, _ftfy_config()))
    except Exception:  # defensive: odd input must never break a scan or a clean
        return run


# ftfy's badness measure never fires on two-byte UTF-8 whose lead byte reads as Ò..Ö in Windows-1252: it keeps
# those letters out of its rules so that emoticons ("ÒwÓ") stay untouched. Armenian (U+0530..U+058F, lead bytes
# 0xD4..0xD6) read as Windows-1252 is made of nothing else ("Õ„Õ¥Õ¯Õ¨" is "Մեկը"), so ftfy leaves it as it is.
# What no emoticon looks like: three or more lead+continuation pairs in a row (words of them joined only by
# blanks or punctuation) whose bytes are valid UTF-8 for letters of one script other than Latin. Such a stretch
# is repaired with ftfy's own plan for this case (encode as ftfy's sloppy Windows-1252, decode as UTF-8).
_DENSE_PLAN = [("encode", "sloppy-windows-1252"), ("decode", "utf-8")]
MIN_DENSE_PAIRS = 3
_dense_re = None


def _dense() -> "re.Pattern[str]":
    global _dense_re
    if _dense_re is None:
        import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)

        # the characters Windows-1252 (as ftfy reads it) shows for UTF-8 lead bytes of two-byte sequences and
        # for continuation bytes: derived from the codec, not written out here
        lead = re.escape(bytes(range(0xC2, 0xE0)).decode("sloppy-windows-1252"))
        cont = re.escape(bytes(range(0x80, 0xC0)).decode("sloppy-windows-1252"))
        pair = f"[{lead}][{cont}]"
        _dense_re = re.compile(f"(?:{pair})+(?:[ \t,.;:!?()'\"-]+(?:{pair})+)*")
    return _dense_re


def _dense_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, repair) of each stretch of two-byte UTF-8 read as Windows-1252 that ftfy's measure skips."""
    out = []
    if text.isascii():
        return out
    for m in _dense().finditer(text):
        run = m.group()
        if sum(1 for c in run if c in _DENSE_LEADS) < MIN_DENSE_PAIRS:
            continue
        try:
            from ftfy import apply_plan

            fixed = apply_plan(run, _DENSE_PLAN)
        except (UnicodeError, LookupError):
            continue
        scripts = {script_of(c) for c in fixed if c.isalpha()}
        if len(scripts) != 1 or "Latin" in scripts or sum(c.isalpha() for c in fixed) < 2:
            continue
        out.append((m.start(), m.end(), fixed))
    return out


_DENSE_LEADS = frozenset(map(chr, range(0xC2, 0xE0)))  # lead bytes of two-byte UTF-8, as Windows-1252 shows them


def _fix_dense(text: str) -> str:
    runs = _dense_runs(text)
    for a, b, fixed in reversed(runs):
        text = text[:a] + fixed + text[b:]
    return text


# What every UTF-8 multi-byte character read as Latin-1 or Windows-1252 leaves: a lead byte (Â..ô) followed by a
# continuation byte (0x80..0xBF, as Latin-1 or cp1252 shows it), or "Â "/"Ã " where a no-break space (byte 0xA0)
# became a space. Two one-pass screens at C speed (no alternation, so the engine scans for the first class);
# ftfy's own measure, a far larger expression, runs only where one matches.
_NBSP_SCREEN = re.compile("[\u00c2\u00c3] ")
_SCREEN = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def _is_bad(text: str) -> bool:
    if _SCREEN.search(text) is None and _NBSP_SCREEN.search(text) is None:
        return False
    from ftfy.badness import is_bad

    return is_bad(text) or bool(_dense_runs(text))


# Both screens start with one of these characters (the lead bytes Â..ô as Latin-1 shows them)
_SCREEN_LEADS = frozenset(map(chr, range(0xC2, 0xF5)))


def _text_is_bad(text: str) -> bool:
    """``_is_bad`` for a whole text: first whether the text holds any character a screen starts with, from
    its set of non-ASCII characters (``screen.non_ascii``, kept for the look-alike stage that asks next:
    made once, it costs less than the screens' own pass over every character)."""
    if _SCREEN_LEADS.isdisjoint(non_ascii(text)):
        return False
    return _is_bad(text)


def may_hold(text: str) -> bool:
    """The screens and ftfy's measure: could ``text`` hold a mis-decoded run? (asked of a text decided whole
    before its stages run: no later stage wants its set of characters, so the screens read it directly)"""
    return not text.isascii() and _is_bad(text)


def _joins(neighbour: str, repaired_edge: str) -> bool:
    """Does the repaired text continue the word beside it? ("caf" + "é"; not "past" + no-break space,
    not an Arabic run + the English word glued after it)."""
    return neighbour.isalnum() and repaired_edge.isalnum() and script_of(neighbour) == script_of(repaired_edge)


class _StringMatcher(SequenceMatcher):
    """``SequenceMatcher(None, a, b, autojunk=False)`` on two strings, with the same matching blocks and
    opcodes, found faster.

    Without junk, ``find_longest_match`` returns the longest common substring of ``a[alo:ahi]`` and
    ``b[blo:bhi]``, and among the longest the one starting first in ``a``, then first in ``b`` (its
    dynamic programme keeps the first it meets, in that order). difflib finds it by walking every pair
    of equal characters, a cost quadratic in the line for text (18 ms for a 680-character line); here
    the length is found by bisection (a common substring of length L exists for every L up to the
    longest), each test one set of ``b``'s substrings of that length, and the place by one search."""

    def _SequenceMatcher__chain_b(self):
        # difflib's index of b (every character's places) serves only its own find_longest_match
        self.b2j, self.bjunk, self.bpopular = {}, set(), set()

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        a, b = self.a, self.b
        ahi = len(a) if ahi is None else ahi
        bhi = len(b) if bhi is None else bhi
        na, nb = ahi - alo, bhi - blo
        if na <= 0 or nb <= 0:
            return Match(alo, blo, 0)
        # one range inside the other: it is the longest common substring (first place in the longer one)
        if nb <= na:
            i = a.find(b[blo:bhi], alo, ahi)
            if i != -1:
                return Match(i, blo, nb)
        else:
            j = b.find(a[alo:ahi], blo, bhi)
            if j != -1:
                return Match(alo, j, na)
        # a common substring of length lo exists (the common prefix or suffix); none is longer than hi
        lo = max(_common_prefix(a, alo, b, blo, min(na, nb)), _common_suffix(a, ahi, b, bhi, min(na, nb)))
        hi = min(na, nb) - 1
        if lo < hi and not _substrings(b, blo, bhi, lo + 1).isdisjoint(_pieces(a, alo, ahi, lo + 1)):
            lo += 1  # longer than the prefix and suffix (when the edits are few, it seldom is)
            # gallop up from lo before bisecting: a test at length L costs L per place, so a first test near
            # hi (half a long line) cost the line's length squared when the answer was short (many edits)
            while lo < hi:
                up = min(hi, 2 * lo)
                if _substrings(b, blo, bhi, up).isdisjoint(_pieces(a, alo, ahi, up)):
                    hi = up - 1
                    break
                lo = up
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if _substrings(b, blo, bhi, mid).isdisjoint(_pieces(a, alo, ahi, mid)):
                    hi = mid - 1
                else:
                    lo = mid
        else:
            hi = lo
        if lo == 0:
            return Match(alo, blo, 0)
        subs = _substrings(b, blo, bhi, lo)
        for i, piece in enumerate(_pieces(a, alo, ahi, lo), alo):
            if piece in subs:
                return Match(i, b.find(piece, blo, bhi), lo)
        raise AssertionError("unreachable: a common substring of this length was found")


def _common_prefix(a: str, i: int, b: str, j: int, n: int) -> int:
    """The length of the common prefix of ``a[i:i+n]`` and ``b[j:j+n]`` (bisection on slice equality)."""
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[i:i + mid] == b[j:j + mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, i: int, b: str, j: int, n: int) -> int:
    """The length of the common suffix of ``a[i-n:i]`` and ``b[j-n:j]``."""
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[i - mid:i] == b[j - mid:j]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _pieces(s: str, lo: int, hi: int, k: int):
    """The substrings of length ``k`` of ``s[lo:hi]``, in order (made in C: no Python step per piece)."""
    return map(s.__getitem__, map(slice, range(lo, hi - k + 1), range(lo + k, hi + 1)))


def _substrings(s: str, lo: int, hi: int, k: int) -> set[str]:
    return set(_pieces(s, lo, hi, k))


MANY_EDITS_CHARS = 64  # a repair this many characters shorter than its piece holds dozens of runs: the diff is
# made between the ASCII runs both keep (``_anchored_edits``) instead of by longest matches over the piece (whose
# cost is the piece's length times its runs: 4 s for 20,000 characters of hostile text)
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def _anchored_edits(a: str, b: str) -> Optional[list[tuple[str, int, int, int, int]]]:
    """The edits turning ``a`` into ``b`` (``get_opcodes`` without the equal stretches), diffed between anchors:
    a mis-decoded run is made of non-ASCII characters, so when ``a`` and ``b`` hold the same runs of ASCII
    characters in the same order, the n-th stretches between them pair up and only the pairs that differ are
    diffed. None when the ASCII runs differ (a repair that took a space: "Ã " is "à")."""
    runs = _ASCII_RUN.findall(a)
    if runs != _ASCII_RUN.findall(b):
        return None
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for k, (xa, xb) in enumerate(zip(_ASCII_RUN.split(a), _ASCII_RUN.split(b))):
        if xa != xb and len(xa) > MANY_EDITS_CHARS and not any(c.isspace() for c in xa):
            # a long stretch with no space: ``_runs`` joins every edit inside it into one run anyway, so the
            # run is the stretch less what both texts share at its ends (no diff: its cost grows with the
            # stretch's length times its edits, 3 kB/s on a line of nothing but mis-decoded runs)
            n = min(len(xa), len(xb))
            p = _common_prefix(xa, 0, xb, 0, n)
            q = _common_suffix(xa, len(xa), xb, len(xb), n - p)
            ops.append(("replace", i + p, i + len(xa) - q, j + p, j + len(xb) - q))
        elif xa != xb:
            for tag, i1, i2, j1, j2 in _StringMatcher(None, xa, xb, autojunk=False).get_opcodes():
                if tag != "equal":
                    ops.append((tag, i + i1, i + i2, j + j1, j + j2))
        i += len(xa)
        j += len(xb)
        if k < len(runs):
            i += len(runs[k])
            j += len(runs[k])
    return ops


def _runs(line: str, fixed: str) -> list[tuple[int, int, int, int]]:
    """(start, end) in ``line`` and (start, end) in ``fixed`` of each changed stretch, widened to the word
    it is part of when the repaired characters are letters of that word."""
    ops = _anchored_edits(line, fixed) if len(line) - len(fixed) > MANY_EDITS_CHARS else None
    if ops is None:
        ops = [op for op in _StringMatcher(None, line, fixed, autojunk=False).get_opcodes() if op[0] != "equal"]
    groups: list[list[int]] = []
    for _, i1, i2, j1, j2 in ops:
        if groups:
            gap = line[groups[-1][1]:i1]
            if not gap.strip() or not any(c.isspace() for c in gap) or not any(c.isalnum() for c in gap):
                groups[-1][1], groups[-1][3] = i2, j2
                continue
        groups.append([i1, i2, j1, j2])
    out = []
    n = len(line)
    for i1, i2, j1, j2 in groups:
        a, b = i1, i2
        if j2 > j1:
            while a > 0 and _joins(line[a - 1], fixed[j1]):
                a -= 1
            while b < n and _joins(line[b], fixed[j2 - 1]):
                b += 1
        out.append((a, b, j1 - (i1 - a), j2 + (b - i2)))
    # widening may make neighbours touch: join them
    merged: list[tuple[int, int, int, int]] = []
    for r in out:
        if merged and r[0] <= merged[-1][1]:
            p = merged[-1]
            merged[-1] = (p[0], max(p[1], r[1]), p[2], max(p[3], r[3]))
        else:
            merged.append(r)
    return merged


_QUOTES = {'"': '"', "'": "'", "`": "`", "“": "”", "‘": "’", "«": "»", "„": "“"}
MAX_SAMPLE = 6  # a quoted run this short is a sample of mojibake under discussion, not mojibake


def _quoted_sample(line: str, a: int, b: int) -> bool:
    """A short run of no ASCII letters standing alone in quotation marks or backticks: text *about*
    mis-decoding (you may see "Â£" instead of "£"), which is not mis-decoded itself."""
    s, e = a, b
    while s > 0 and not line[s - 1].isspace():
        s -= 1
    while e < len(line) and not line[e].isspace():
        e += 1
    token = line[s:e].rstrip(".,;:!?)")
    inner = token[1:-1]
    return (len(token) >= 3 and token[0] in _QUOTES and token[-1] == _QUOTES[token[0]]
            and len(inner) <= MAX_SAMPLE and s < a and b <= s + len(token) - 1
            and not any(c.isascii() and c.isalpha() for c in inner))  # "cafÃ©" in quotes is a mis-decoded word


def _line_repairs(line: str) -> list[tuple[int, int, str]]:
    """(start, end, repaired text) of each mis-decoded run of one line (offsets into the line)."""
    if line.isascii() or not _is_bad(line):
        return []
    fixed = repair(line)
    if fixed == line:
        return []
    out = []
    for a, b, ja, jb in _runs(line, fixed):
        run, rep = line[a:b], fixed[ja:jb]
        if run == rep or run.isascii():
            continue
        if _quoted_sample(line, a, b):
            continue
        if unicodedata.normalize("NFC", run) == unicodedata.normalize("NFC", rep):
            continue
        out.append((a, b, rep))
    return out


# A continuation byte lost on the way: Windows-1252 has no character for 0x81, 0x8D, 0x8F, 0x90 and 0x9D, and 0xAD
# is a soft hyphen that clean-ups drop, so "Ángel" (C3 81) read as Windows-1252 comes out as "Ãngel" and ftfy has
# nothing left to repair. "Ã" before a lowercase letter is no letter of any language's spelling (Portuguese and
# Vietnamese write "ã" in lowercase words, "Ã" in capitals: "SÃO", "JOÃO"). The lost letter is one of few: at
# the start of a word Á, Í, Ï, Ð or Ý (0x81, 0x8D, 0x8F, 0x90, 0x9D), inside a lowercase word í (0xAD); the
# shipped lexicons say which makes a word (LOST_BYTE_MIN_ZIPF in one of them), and a word none of them makes
# is left alone.
_LOST_TOKEN = re.compile(r"(?<!\w)\w*\u00c3[a-z\u00df-\u00ff]\w*")  # (from a word's start only: tried
# from every place of a long word without such a letter, \w* read the rest of the word again each time)
_LOST_AT_START = ("\u00c1", "\u00cd", "\u00cf", "\u00d0", "\u00dd")  # Á Í Ï Ð Ý
_LOST_INSIDE = ("\u00ed",)  # í
LOST_BYTE_MIN_ZIPF = 2.5  # lower: rarer words repaired, and more chances that a guess makes some word
LOST_BYTE_MAX_WORDS = 2000  # distinct words read per text (each asks every lexicon): bounded work on a hostile text


def _best_word(cands: list[str]) -> Optional[str]:
    """The candidate that is the most common word (LOST_BYTE_MIN_ZIPF at least) of any shipped lexicon."""
    from . import lexicon

    best, best_z = None, LOST_BYTE_MIN_ZIPF
    for cand in cands:
        low = cand.lower()
        for code in sorted(lexicon.available()):
            table = lexicon.load(code)
            z = table.get(low, 0.0) if table is not None else 0.0
            if z > best_z or (z == best_z and best is None):
                best, best_z = cand, z
    return best


@lru_cache(maxsize=4096)
def _lost_byte_repair(word: str) -> Optional[tuple[int, str]]:
    """(where in ``word`` the repaired run starts, the run repaired) when ``word`` holds a letter whose
    continuation byte was lost: "Ãngel" -> (0, "Ángel"), "dÃa" -> (0, "día"), "CreditÃngel" (a credit glued
    to a name) -> (6, "Ángel"); None when no reading makes a word."""
    if word.count("\u00c3") != 1:
        return None
    i = word.index("\u00c3")
    head, tail = word[:i], word[i + 1:]
    if head and not head[-1].islower():
        return None  # ("SÃo": capitals around it are another matter)
    if not head:
        got = _best_word([x + tail for x in _LOST_AT_START])
        return None if got is None else (0, got)
    if head.islower():
        got = _best_word([head + x + tail for x in _LOST_INSIDE])
        if got is not None:
            return 0, got
    got = _best_word([x + tail for x in _LOST_AT_START])  # a capitalised word glued to the one before it
    return None if got is None else (i, got)


def _lost_byte_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, repaired word) of each word holding a letter whose continuation byte was lost."""
    if "\u00c3" not in text:
        return []
    out = []
    seen: dict[str, Optional[tuple[int, str]]] = {}
    for m in _LOST_TOKEN.finditer(text):
        word = m.group()
        got = seen.get(word, False)
        if got is False:
            if len(seen) >= LOST_BYTE_MAX_WORDS:
                continue  # (a new word past the bound is not read; the words already read still are)
            got = seen[word] = _lost_byte_repair(word)
        if got is not None:
            out.append((m.start() + got[0], m.end(), got[1]))
    return out


def repair_at(text: str, start: int, end: int) -> str:
    """The repair of the run ``text[start:end]`` as :func:`find` reported it: the run is repaired within its
    line, since a lone mis-decoded byte ("Â" before a no-break space) means nothing out of context."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le == -1 else le
    ps, pe = _piece_of(text, ls, le, start)
    for a, b, rep in _line_repairs(text[ps:pe]):
        if (ps + a, ps + b) == (start, end):
            return rep
    lost = _lost_byte_repair(text[start:end])
    if lost is not None and lost[0] == 0:
        return lost[1]
    return repair(text[start:end])


def _language(repaired: str, expect: Sequence[str], predict: Predict) -> tuple[str, str]:
    """(language, script) of the repaired text."""
    counts: dict[str, int] = {}
    for c in repaired:
        if c.isalpha():
            sc = script_of(c)
            counts[sc] = counts.get(sc, 0) + 1
    if not counts:
        return expect[0], "Common"
    script = max(counts, key=counts.get)
    if script == "Latin" or script == "Common":
        if len(repaired.split()) >= MIN_WORDS_FOR_LANG:
            preds = predict(repaired, 3)
            if preds and script_of_lang(preds[0][0]) == "Latin":
                top, p = preds[0]
                if p >= SURE_P:
                    return top, "Latin"
                # a short line fastText is unsure of ("Réinitialiser le mot de passe": French 0.33): named
                # when fastText hears little of the expected language and lingua's n-grams name the same one
                p_exp = sum(q for lang, q in preds if any(same_family(lang, x) for x in expect))
                if p_exp <= UNSURE_MAX_EXPECTED and not any(same_family(top, x) for x in expect):
                    from .detect.lingua_evidence import languages_of

                    named = languages_of(repaired, k=1)
                    if named and named[0][0] == top:
                        return top, "Latin"
        return expect[0], "Latin"
    if sum(counts.values()) == 1 and script not in _LOGOGRAPHIC:
        return expect[0], script  # one letter ("α", "η²" in an English formula) is a symbol of the text around it
    if script in ("Hiragana", "Katakana"):
        return "ja", "Japanese"
    if script == "Hangul":
        return "ko", "Hangul"
    allowed = languages_of_script(script)
    for lang, _p in predict(repaired, 30):
        if lang in allowed:
            return lang, script
    return DEFAULT_FOR_SCRIPT.get(script, "und"), script


def _foreign_line(line: str, reps: list[tuple[int, int, str]], expect: Sequence[str],
                  predict: Predict) -> list[tuple[int, int, str, str, str]]:
    """The runs of one line with their language and script; one run for the whole line when the line, once
    repaired, is in another language: a mis-decoded French sentence is one finding, French, with the sentence
    repaired (not its accented words one by one, named English, with the French words between them unreported).
    """
    if not reps:
        return []
    s = len(line) - len(line.lstrip())
    e = len(line.rstrip())
    if len(reps) > 1 or (reps[0][0], reps[0][1]) != (s, e):
        parts, pos = [], s
        for a, b, rep in reps:
            parts.append(line[pos:a])
            parts.append(rep)
            pos = b
        parts.append(line[pos:e])
        whole = "".join(parts)
        if len(whole.split()) >= MIN_WORDS_FOR_LANG:
            lang, script = _language(whole, expect, predict)
            if not any(same_family(lang, x) for x in expect):
                return [(s, e, whole, lang, script)]
    return [(a, b, rep, *_language(rep, expect, predict)) for a, b, rep in reps]


def _screened_lines(text: str) -> list[tuple[int, str]]:
    """(start, line) of the lines of ``text`` where one of the two screens matches, in order: the only lines
    (and pieces of lines) that ``_is_bad`` can find suspicious. Neither screen matches a line break, so a
    match lies inside one line; the lines without one are never split out of the text."""
    starts: set[int] = set()
    n = len(text)
    for screen in (_SCREEN, _NBSP_SCREEN):
        m = screen.search(text)
        while m is not None:
            ls = text.rfind("\n", 0, m.start()) + 1
            le = text.find("\n", m.end())
            le = n if le == -1 else le
            starts.add(ls)
            m = screen.search(text, le)  # the next line holding a match
    out = []
    for ls in sorted(starts):
        le = text.find("\n", ls)
        out.append((ls, text[ls:n if le == -1 else le]))
    return out


def find(text: str, expect: Sequence[str] = ("en",), predict: Optional[Predict] = None,
         note: Optional[Callable[..., None]] = None) -> list[Candidate]:
    """``mojibake`` candidates in ``text``: mis-decoded runs with their repair, language and script.

    ``predict(text, k)`` names the language of repaired text (langscan's fastText model when None);
    ``note(start, end, text, stage, lang, score, flagged, reason)`` receives every decision (explain)."""
    if text.isascii() or _SCREEN_LEADS.isdisjoint(non_ascii(text)):
        return []  # (no character a screen starts with: _is_bad(text) is False)
    if predict is None:
        from .lid import load_model

        predict = load_model().predict
    out: list[Candidate] = []
    notes: list[tuple] = []
    whole_bad = False  # is _is_bad(text) known to be True (from a line)?
    for base, raw_line in _screened_lines(text):
        n = len(raw_line)
        for m in range((n + MAX_LINE - 1) // MAX_LINE):
            k = piece_start(raw_line, 0, n, m)
            line = raw_line[k:piece_start(raw_line, 0, n, m + 1)]
            if not line:
                continue
            reps = _line_repairs(line)
            if reps and not whole_bad:
                whole_bad = _bad_inside(text, base + k, base + k + len(line), line == raw_line)
            for a, b, rep, lang, script in _foreign_line(line, reps, expect, predict):
                run = line[a:b]
                s, e = base + k + a, base + k + b
                where = "" if any(same_family(lang, x) for x in expect) else f" ({lang}, {script})"
                detail = "mis-decoded UTF-8" + (f" of {name_of(lang)} text" if where else "")
                out.append(Candidate(Kind.MOJIBAKE, s, e, lang, script, SCORE, detail, (), repair=rep))
                if note:
                    notes.append((s, e, run, "mojibake", lang, SCORE, True,
                                  f"mis-decoded UTF-8; repaired: {rep if rep.strip() else repr(rep)}{where}"))
    # the whole text must be suspicious too (_is_bad): asked last, and only when a line holds a run; a line
    # that showed it already saves ftfy's measure a pass over the whole text
    if out and not (whole_bad or _is_bad(text)):
        out, notes = [], []
    # words whose continuation byte was lost ("Ãngel"): ftfy's measure cannot see them, the lexicons can
    taken = [(c.start, c.end) for c in out]
    for s, e, rep in _lost_byte_runs(text):
        if any(a < e and s < b for a, b in taken):
            continue
        out.append(Candidate(Kind.MOJIBAKE, s, e, expect[0], "Latin", SCORE, "mis-decoded UTF-8 (a byte lost)", (),
                             repair=rep))
        if note:
            notes.append((s, e, text[s:e], "mojibake", expect[0], SCORE, True,
                          f"mis-decoded UTF-8 with a lost byte; repaired: {rep}"))
    if not out:
        return []
    out.sort(key=lambda c: c.start)
    for args in notes:
        note(*args)
    return out


def _bad_inside(text: str, start: int, end: int, whole_line: bool) -> bool:
    """True when ``text[start:end]`` (a line, or a piece of one) shows that ``_is_bad(text)`` is True; False
    when it cannot tell. ftfy's measure is a search of one expression (``is_bad`` is
    ``bool(BADNESS_RE.search(text))``) without lookarounds: a match inside the piece, searched in place
    (``pos``/``endpos`` keep ``^`` at the text's real start), is a match in the text. A dense run of a whole
    line is one of the text (neither kind of its characters is a line break)."""
    try:
        from ftfy.badness import BADNESS_RE
    except ImportError:  # another ftfy: no shortcut
        return False
    if BADNESS_RE.search(text, start, end) is not None:
        return True
    return whole_line and bool(_dense_runs(text[start:end]))
