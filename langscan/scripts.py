"""Which writing system (ISO 15924 script) a character belongs to.

Python's ``unicodedata`` has no script property, so this module keeps a
table of the Unicode blocks of the scripts langscan reports.  Block
granularity is enough here: only *letters* decide a script (punctuation and
digits inside a block are treated as neutral by the caller), and the blocks
listed are assigned to one script each.  Anything not listed (ASCII,
punctuation, symbols, emoji) is "Common".
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

# (first, last, script) — inclusive code-point ranges, kept sorted by first.
_RANGES: list[tuple[int, int, str]] = sorted([
    (0x0041, 0x005A, "Latin"), (0x0061, 0x007A, "Latin"), (0x00AA, 0x00AA, "Latin"), (0x00BA, 0x00BA, "Latin"),
    (0x00C0, 0x00D6, "Latin"), (0x00D8, 0x00F6, "Latin"), (0x00F8, 0x024F, "Latin"), (0x0250, 0x02AF, "Latin"),
    (0x1D00, 0x1DBF, "Latin"), (0x1E00, 0x1EFF, "Latin"), (0x2C60, 0x2C7F, "Latin"), (0xA720, 0xA7FF, "Latin"),
    (0xAB30, 0xAB6F, "Latin"), (0xFB00, 0xFB06, "Latin"), (0xFF21, 0xFF3A, "Latin"), (0xFF41, 0xFF5A, "Latin"),
    (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"), (0x1C80, 0x1C8F, "Cyrillic"), (0x2DE0, 0x2DFF, "Cyrillic"), (0xA640, 0xA69F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"), (0xFB13, 0xFB17, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"), (0xFB1D, 0xFB4F, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"), (0x0870, 0x08FF, "Arabic"), (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0x0700, 0x074F, "Syriac"), (0x0780, 0x07BF, "Thaana"), (0x07C0, 0x07FF, "Nko"),
    (0x0900, 0x097F, "Devanagari"), (0xA8E0, 0xA8FF, "Devanagari"), (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"), (0x0A80, 0x0AFF, "Gujarati"), (0x0B00, 0x0B7F, "Oriya"), (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"), (0x0C80, 0x0CFF, "Kannada"), (0x0D00, 0x0D7F, "Malayalam"), (0x0D80, 0x0DFF, "Sinhala"),
    (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Lao"), (0x0F00, 0x0FFF, "Tibetan"), (0x1000, 0x109F, "Myanmar"),
    (0x10A0, 0x10FF, "Georgian"), (0x1C90, 0x1CBF, "Georgian"), (0x2D00, 0x2D2F, "Georgian"),
    (0x1100, 0x11FF, "Hangul"), (0x3130, 0x318F, "Hangul"), (0xA960, 0xA97F, "Hangul"), (0xAC00, 0xD7AF, "Hangul"),
    (0xD7B0, 0xD7FF, "Hangul"), (0xFFA0, 0xFFDC, "Hangul"),
    (0x1200, 0x139F, "Ethiopic"), (0x2D80, 0x2DDF, "Ethiopic"), (0x13A0, 0x13FF, "Cherokee"),
    (0x1400, 0x167F, "Canadian_Aboriginal"), (0x1780, 0x17FF, "Khmer"), (0x19E0, 0x19FF, "Khmer"),
    (0x1800, 0x18AF, "Mongolian"), (0x2D30, 0x2D7F, "Tifinagh"),
    (0x3040, 0x309F, "Hiragana"), (0x30A0, 0x30FF, "Katakana"), (0x31F0, 0x31FF, "Katakana"), (0xFF66, 0xFF9F, "Katakana"),
    (0x3100, 0x312F, "Bopomofo"), (0x2E80, 0x2FDF, "Han"), (0x3005, 0x3005, "Han"), (0x3007, 0x3007, "Han"),
    (0x3021, 0x3029, "Han"), (0x3038, 0x303B, "Han"), (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"),
    (0xF900, 0xFAFF, "Han"), (0x20000, 0x2FA1F, "Han"), (0x30000, 0x3134F, "Han"), (0xA000, 0xA4CF, "Yi"),
])
_STARTS = [r[0] for r in _RANGES]

# Scripts that one language writes together: a run mixing them is one run.
FAMILY: dict[str, str] = {"Hiragana": "Japanese", "Katakana": "Japanese", "Han": "Han", "Hangul": "Hangul",
                          "Bopomofo": "Han"}


# Hangul fillers: letters by their Unicode category, but invisible (blank nicknames, spoofed "empty" text); they
# write no language, so they are neutral, like spaces
INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")


@lru_cache(maxsize=65536)
def script_of(ch: str) -> str:
    """ISO 15924 script name of one character ("Common" for neutral ones)."""
    if ch in INVISIBLE_LETTERS:
        return "Common"
    cp = ord(ch)
    i = bisect_right(_STARTS, cp) - 1
    if i >= 0:
        first, last, script = _RANGES[i]
        if first <= cp <= last:
            return script
    return "Common"


def is_letter(ch: str) -> bool:
    """A letter or combining mark (what decides a script), not punctuation/digit/symbol (nor an invisible
    Hangul filler)."""
    return unicodedata.category(ch)[0] in "LM" and ch not in INVISIBLE_LETTERS


def _class_for(scripts: set[str]) -> str:
    parts = []
    for first, last, script in _RANGES:
        if script in scripts:
            parts.append(f"\\U{first:08x}-\\U{last:08x}" if first != last else f"\\U{first:08x}")
    return "".join(parts)


# Blocks that hold only Latin letters, punctuation, symbols and emoji. When Latin is the only expected
# script, "anything outside these" is a short complemented class the regex engine tests quickly; the
# runs it finds are then split by script and their neutral parts dropped.
_LATIN_AND_NEUTRAL = (
    "\x00-\u036f\u1d00-\u1dbf\u1e00-\u1eff\u2000-\u2bff\u2c60-\u2c7f\ua720-\ua7ff"
    "\ufb00-\ufb06\ufe00-\ufe0f\ufe20-\ufe2f\U0001f000-\U0001faff\U000e0000-\U000e007f"
)
_NOT_LATIN = re.compile(f"[^{_LATIN_AND_NEUTRAL}]+")


@lru_cache(maxsize=32)
def foreign_run_regex(expected_scripts: frozenset[str]) -> "re.Pattern[str]":
    """A compiled regex matching runs of characters from scripts not in ``expected_scripts``.

    A compiled character class runs at C speed, so clean text in the expected
    script costs one regex pass and nothing else.
    """
    if expected_scripts == {"Latin"}:
        return _NOT_LATIN  # matches may include neutral characters: callers keep letters of a script only
    foreign = {s for _, _, s in _RANGES} - set(expected_scripts)
    return re.compile(f"[{_class_for(foreign)}]+")


# Cyrillic and Greek letters that look like Latin ones (after Unicode's confusables.txt, trimmed to
# the look-alikes used to spoof English words; lowercase Greek letters common in science are left out).
HOMOGLYPHS: dict[str, str] = {
    "а": "a", "в": "B", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ү": "y", "ԍ": "G",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "У": "Y", "Ү": "Y", "Ԛ": "Q", "Ԝ": "W",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o",
}


def char_label(ch: str) -> str:
    """Human name of a character, e.g. 'U+0430 CYRILLIC SMALL LETTER A'."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}"
