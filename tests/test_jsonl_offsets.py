"""JSON string offsets: the piecewise map from decoded text to the raw JSON line is exact."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from langscan.readers.jsonpath import _OffsetMap


def reference(raw: str, quote: int) -> list[int]:
    """One raw index per decoded code point, by walking the escapes one by one."""
    out, i = [], quote + 1
    while raw[i] != '"':
        out.append(i)
        if raw[i] == "\\":
            if raw[i + 1] == "u":
                unit = int(raw[i + 2:i + 6], 16)
                i += 6
                if 0xD800 <= unit < 0xDC00 and raw[i:i + 2] == "\\u":
                    i += 6
            else:
                i += 2
        else:
            i += 1
    out.append(i)
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.booleans())
def test_offset_map_matches_a_walk_over_every_escape(text, ascii_only):
    raw = json.dumps({"id": 1, "text": text}, ensure_ascii=ascii_only)
    quote = raw.index('"text": "') + len('"text": ')
    expected = reference(raw, quote)
    assert len(expected) == len(text) + 1
    m = _OffsetMap(raw, quote)
    assert [m(k) for k in range(len(text) + 1)] == expected


def test_a_long_string_without_escapes_needs_one_breakpoint():
    raw = json.dumps({"text": "word " * 200_000})
    m = _OffsetMap(raw, raw.index('"text": "') + len('"text": '))
    assert len(m.decoded) == 1 and m(999_999) == raw.index('"text": "') + len('"text": ') + 1 + 999_999
