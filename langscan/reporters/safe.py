"""Making text safe to print: file names, fields and fragments come from the input, and the
input may be hostile.

* :func:`printable` escapes what a terminal would act on or reorder: C0 and C1 control
  characters (ESC starts the sequences that retitle or clear a terminal, CR and LF fake new
  lines), DEL, the bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
  U+061C, which reorder the rest of the output line), the line and paragraph separators
  U+2028/U+2029, and lone surrogates (a file name that is not valid UTF-8 reaches Python as
  U+DC80-U+DCFF; it is shown as the byte, ``\\xff``).  Everything else, every script
  included, is printed as it is.
* :func:`spreadsheet_cell` also neutralises a cell a spreadsheet would run as a formula
  (starting with ``=``, ``+``, ``-``, ``@``, or a tab or CR before one) by prefixing ``'``.
* :func:`json_text` turns lone surrogates in a JSON text into ``\\uXXXX`` escapes, so a
  JSON document with ``ensure_ascii=False`` can always be written as UTF-8 (and reads back
  to the same string).
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(m: re.Match) -> str:
    c = m.group()
    named = _NAMED.get(c)
    if named:
        return named
    o = ord(c)
    if 0xDC80 <= o <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{o - 0xDC00:02x}"
    if o < 0x100:
        return f"\\x{o:02x}"
    return f"\\u{o:04x}"


def printable(s: object) -> str:
    """``s`` as text that cannot drive or reorder a terminal (see the module doc)."""
    s = str(s)
    return _UNSAFE.sub(_escape, s) if _UNSAFE.search(s) else s


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A CSV cell value: strings made printable and kept from being run as a formula."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return printable(value)


def json_text(s: str) -> str:
    """A JSON text with its lone surrogates written as escapes (valid JSON, valid UTF-8)."""
    if not _SURROGATE.search(s):
        return s
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", s)
