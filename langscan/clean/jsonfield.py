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

_DECODER = json.JSONDecoder()
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


def string_token(value: str, like: str) -> str:
    """JSON token for ``value``, escaping non-ASCII only if the old token ``like`` did."""
    ascii_style = "\\u" in like and all(ord(c) < 128 for c in like)
    return json.dumps(value, ensure_ascii=ascii_style)
