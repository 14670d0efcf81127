"""A .json file holding an array of records (or a single record object).

The file is read whole (JSON arrays cannot be split without a streaming
parser; use JSON Lines for large corpora).  Each element is parsed in turn
with ``raw_decode`` so its position in the file is known: ``record`` is the
1-based index in the array and findings are located at their exact line and
column.  A syntax error ends the file with one ``ReadError`` at its line.
"""

from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from ..document import Document, LineIndex
from ..policy import marker_lines
from .base import Item, ReadError, ReaderOptions, Source
from .compression import read_upto
from .decode import BOM, decode, truncated
from .jsonpath import FieldError, JsonLocator, _skip_ws, resolve

_decoder = json.JSONDecoder()


def _elements(raw: str) -> Iterator[tuple[int, int, object]]:
    """(index, start offset, value) of each record; raises JSONDecodeError."""
    i = _skip_ws(raw, 0)
    if raw.startswith("{", i):
        value, _ = _decoder.raw_decode(raw, i)
        yield 0, i, value
        return
    if not raw.startswith("[", i):
        raise json.JSONDecodeError("expected an array of records or one record object", raw, i)
    i = _skip_ws(raw, i + 1)
    n = 0
    while i < len(raw) and raw[i] != "]":
        start = i
        value, i = _decoder.raw_decode(raw, i)
        yield n, start, value
        n += 1
        i = _skip_ws(raw, i)
        if i < len(raw) and raw[i] == ",":
            i = _skip_ws(raw, i + 1)
        elif i < len(raw) and raw[i] != "]":
            raise json.JSONDecodeError("expected ',' or ']'", raw, i)
    if i >= len(raw):
        raise json.JSONDecodeError("unterminated array", raw, i)


def read_json(source: Source, stream: BinaryIO, opts: ReaderOptions) -> Iterator[Item]:
    data, cut = read_upto(stream)
    if cut is not None:  # the array is cut short: the syntax error below says where
        yield truncated(source.path, data, cut)
    bom = data.startswith(BOM)
    raw, err = decode(data[3:] if bom else data, source.path, byte_base=3 if bom else 0)
    if err:
        yield err
    index = LineIndex(raw)
    ignore = marker_lines(raw)
    try:
        for n, start, record in _elements(raw):
            line = index.locate(start)[0]
            for path in opts.fields:
                try:
                    text = resolve(record, path)
                except FieldError as exc:
                    yield ReadError(source.path, f"record {n + 1}: {exc}", line=line)
                    continue
                yield Document(
                    text=text,
                    path=source.path,
                    record=n + 1,
                    field=path,
                    line_base=line - 1,
                    locate=JsonLocator(raw, start, path, index=index),
                    meta={"ignore_lines": ignore},
                )
    except json.JSONDecodeError as exc:
        yield ReadError(source.path, f"malformed JSON: {exc.msg} at column {exc.colno}; rest of file skipped", line=exc.lineno)
