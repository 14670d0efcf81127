"""Dotted field paths into JSON records, and where a string value sits in the raw JSON.

``meta.title`` reads ``record["meta"]["title"]``; a number indexes a list
(``messages.0.content``).  ``JsonLocator`` finds the raw span of that string
in the record's source text and maps each decoded code point (escapes such as
``\\n`` or ``\\u00e9`` included) back to its line and column in the file.  It
works lazily: nothing is computed unless a finding needs locating.
"""

from __future__ import annotations

from bisect import bisect_right

import json
from typing import Any, Optional

from ..document import LineIndex
from ..options import LangscanError

_MISSING = object()


def _parse_int(digits: str):
    """An integer literal; one too long for int() (over 4,300 digits) becomes a float (inf)
    instead of an error, so the record's text fields are still read."""
    return int(digits) if len(digits) <= 4000 else float(digits)


_decoder = json.JSONDecoder(parse_int=_parse_int)


class RecordError(LangscanError, ValueError):
    """A JSON record that parses but cannot be held: nested deeper than Python can recurse."""


def loads(text: str):
    """``json.loads`` for one record: huge integers are read, too deep nesting is a RecordError
    (json.JSONDecodeError for bad syntax, as usual)."""
    try:
        return _decoder.decode(text)
    except RecursionError:
        raise RecordError("nested too deeply to read (more than about 900 levels)") from None


def raw_decode(text: str, pos: int):
    """``JSONDecoder.raw_decode`` with the same guards as :func:`loads`."""
    try:
        return _decoder.raw_decode(text, pos)
    except RecursionError:
        raise RecordError("nested too deeply to read (more than about 900 levels)") from None
_WS = " \t\r\n"


class FieldError(Exception):
    """The field is missing or not a string."""


def resolve(record: Any, path: str) -> str:
    """The string at ``path`` in ``record``; FieldError says why not."""
    value: Any = record
    for part in path.split("."):
        if isinstance(value, dict):
            value = value.get(part, _MISSING)
        elif isinstance(value, list) and part.lstrip("-").isdigit():
            i = int(part)
            value = value[i] if -len(value) <= i < len(value) else _MISSING
        else:
            value = _MISSING
        if value is _MISSING:
            raise FieldError(f"record has no field {path!r}")
    if not isinstance(value, str):
        kind = "null" if value is None else type(value).__name__
        raise FieldError(f"field {path!r} is {kind}, not a string")
    return value


def _skip_ws(s: str, i: int) -> int:
    while i < len(s) and s[i] in _WS:
        i += 1
    return i


def find_string(raw: str, start: int, path: str) -> Optional[int]:
    """Index of the opening quote of the string at ``path`` in the JSON value at ``raw[start:]``."""
    i = _skip_ws(raw, start)
    for part in path.split("."):
        if i >= len(raw):
            return None
        if raw[i] == "{":
            i = _skip_ws(raw, i + 1)
            found = None
            while i < len(raw) and raw[i] == '"':
                key, i = json.decoder.scanstring(raw, i + 1)
                i = _skip_ws(raw, _skip_ws(raw, i) + 1)  # past ':'
                if key == part:
                    found = i  # the last duplicate wins, as in json.loads
                _, i = _decoder.raw_decode(raw, i)
                i = _skip_ws(raw, i)
                if i < len(raw) and raw[i] == ",":
                    i = _skip_ws(raw, i + 1)
            if found is None:
                return None
            i = found
        elif raw[i] == "[" and part.lstrip("-").isdigit():
            starts = []
            i = _skip_ws(raw, i + 1)
            while i < len(raw) and raw[i] != "]":
                starts.append(i)
                _, i = _decoder.raw_decode(raw, i)
                i = _skip_ws(raw, i)
                if i < len(raw) and raw[i] == ",":
                    i = _skip_ws(raw, i + 1)
            k = int(part)
            if not -len(starts) <= k < len(starts):
                return None
            i = starts[k]
        else:
            return None
    return i if i < len(raw) and raw[i] == '"' else None


class _OffsetMap:
    """Decoded offset -> index in ``raw`` for one JSON string literal, as a piecewise-linear map.

    Breakpoints sit only at escapes (``\\n``, ``\\u00e9``, surrogate pairs), found with str.find,
    so a 50 MB string without escapes costs two list entries, not one int per code point.
    """

    __slots__ = ("decoded", "rawpos", "end")

    def __init__(self, raw: str, quote: int) -> None:
        decoded, rawpos = [0], [quote + 1]
        i, d = quote + 1, 0
        find = raw.find
        while True:
            q = find('"', i)
            bsl = find("\\", i)
            if q == -1 and bsl == -1:
                self.end = len(raw)
                break
            if bsl == -1 or (q != -1 and q < bsl):
                self.end = q  # the closing quote: where offset == len(text) points
                break
            d += bsl - i
            step = 2
            if raw[bsl + 1 : bsl + 2] == "u":
                step = 6
                unit = int(raw[bsl + 2 : bsl + 6] or "0", 16)
                if 0xD800 <= unit < 0xDC00 and raw[bsl + 6 : bsl + 8] == "\\u":
                    low = int(raw[bsl + 8 : bsl + 12] or "0", 16)
                    if 0xDC00 <= low < 0xE000:
                        step = 12
            decoded.append(d)
            rawpos.append(bsl)
            i = bsl + step
            d += 1
            decoded.append(d)
            rawpos.append(i)
        self.decoded, self.rawpos = decoded, rawpos

    def __call__(self, offset: int) -> int:
        k = bisect_right(self.decoded, offset) - 1
        return min(self.rawpos[k] + (offset - self.decoded[k]), self.end)


class JsonLocator:
    """Maps an offset in a field's decoded text to (line, column) in the JSON file.

    ``raw`` is the record's source text (a JSONL line, or the lines of a .json
    array element), ``start`` the index where the record begins in it, ``index``
    the LineIndex of ``raw``, ``line_base`` the lines of the file before ``raw``
    and ``col_base`` the characters before ``raw`` on its first line.
    Falls back to the record's first line if the value cannot be found.
    """

    def __init__(self, raw: str, start: int, path: str, line_base: int = 0, index: Optional[LineIndex] = None,
                 col_base: int = 0):
        self.raw, self.start, self.path, self.line_base = raw, start, path, line_base
        self.index = index
        self.col_base = col_base  # code points before raw[0] on its line (raw may start mid-line)
        self._map: Optional[_OffsetMap] = None
        self._no_map = False

    def _raw_offset(self, offset: int) -> int:
        if self._map is None and not self._no_map:
            try:
                quote = find_string(self.raw, self.start, self.path)
            except (ValueError, IndexError, RecursionError):
                quote = None
            if quote is None:
                self._no_map = True
            else:
                self._map = _OffsetMap(self.raw, quote)
        if self._map is None:
            return _skip_ws(self.raw, self.start)
        return self._map(max(offset, 0))

    def __call__(self, offset: int) -> tuple[int, int]:
        if self.index is None:
            self.index = LineIndex(self.raw)
        line, col = self.index.locate(self._raw_offset(offset))
        return line + self.line_base, col + (self.col_base if line == 1 else 0)
