"""Find the raw JSON token of one string field inside a JSON object text.

Rewriting a JSONL record with ``json.dumps`` would reorder nothing but could
still change other fields' bytes (number spelling, escapes, spacing).  Instead
the cleaner locates the exact token of the scanned string and splices a new
token in its place, so every other byte of the record stays as it was.
"""

from __future__ import annotations

import json
from json.decoder import scanstring
from typing import Optional

from ..readers.jsonpath import _parse_int

_DECODER = json.JSONDecoder(parse_int=_parse_int)  # a 5,000-digit number is read, not an error
_WS = " \t\n\r"


def _skip(s: str, i: int) -> int:
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def locate_string(s: str, path: tuple[str, ...], i: int = 0) -> Optional[tuple[int, int, str]]:
    """(start, end, value) of the string at dotted ``path`` in the object at ``s[i:]``.

    None when the path is missing or not a string; raises ValueError when the
    text is not a JSON object.  With duplicate keys the last wins, as in
    ``json.loads``.
    """
    i = _skip(s, i)
    if s[i:i + 1] != "{":
        raise ValueError("not a JSON object")
    i = _skip(s, i + 1)
    found = None
    if s[i:i + 1] == "}":
        return None
    while True:
        if s[i:i + 1] != '"':
            raise ValueError(f"expected a key at column {i + 1}")
        key, i = scanstring(s, i + 1)
        i = _skip(s, i)
        if s[i:i + 1] != ":":
            raise ValueError(f"expected ':' at column {i + 1}")
        vstart = _skip(s, i + 1)
        try:
            value, vend = _DECODER.raw_decode(s, vstart)
        except json.JSONDecodeError as exc:
            raise ValueError(str(exc)) from None
        if key == path[0]:
            if len(path) == 1:
                found = (vstart, vend, value) if isinstance(value, str) else None
            else:
                found = locate_string(s, path[1:], vstart) if isinstance(value, dict) else None
        i = _skip(s, vend)
        if s[i:i + 1] == ",":
            i = _skip(s, i + 1)
            continue
        if s[i:i + 1] == "}":
            return found
        raise ValueError(f"expected ',' or '}}' at column {i + 1}")


def _escaped_chars(token: str) -> set:
    """The non-ASCII characters a JSON string token writes as ``\\uXXXX`` escapes."""
    out: set = set()
    i, n = token.find("\\"), len(token)
    while i != -1 and i < n - 1:
        if token[i + 1] == "u":
            try:
                unit = int(token[i + 2:i + 6], 16)
            except ValueError:
                unit = 0
            step = 6
            if 0xD800 <= unit < 0xDC00 and token[i + 6:i + 8] == "\\u":
                try:
                    low = int(token[i + 8:i + 12], 16)
                except ValueError:
                    low = 0
                if 0xDC00 <= low < 0xE000:
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    step = 12
            if unit >= 0x80:
                out.add(chr(unit))
            i = token.find("\\", i + step)
        else:
            i = token.find("\\", i + 2)
    return out


def _u_escape(c: str) -> str:
    o = ord(c)
    if o < 0x10000:
        return f"\\u{o:04x}"
    o -= 0x10000
    return f"\\u{0xD800 + (o >> 10):04x}\\u{0xDC00 + (o & 0x3FF):04x}"


def string_token(value: str, like: str) -> str:
    """JSON token for ``value`` written the way the old token ``like`` was.

    All-ASCII with escapes stays all-ASCII; otherwise characters are written raw,
    except those ``like`` wrote as ``\\uXXXX`` (a ``\\u2028`` stays an escape, so a
    JavaScript-safe record stays safe) and lone surrogates, which have no raw
    UTF-8 form.
    """
    ascii_style = "\\u" in like and all(ord(c) < 128 for c in like)
    token = json.dumps(value, ensure_ascii=ascii_style)
    if ascii_style:
        return token
    keep = _escaped_chars(like) if "\\u" in like else set()
    if not keep and not any("\ud800" <= c <= "\udfff" for c in token):
        return token
    return "".join(_u_escape(c) if (c in keep or "\ud800" <= c <= "\udfff") else c for c in token)
