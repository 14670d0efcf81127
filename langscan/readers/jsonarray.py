"""A .json file holding an array of records (or a single record object), streamed.

The array is read in batches of lines and each element is parsed as soon as
it is complete (``raw_decode``), so memory holds one record and a batch of
text, not the file.  ``record`` is the 1-based index in the array; each
element keeps the source text of its own lines, so findings are located at
their exact line and column.  A syntax error ends the file with one
``ReadError`` at its line (the records before it are scanned); a single
top-level object is read whole as record 1.
"""

from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from ..document import Document
from ..policy import marker_lines
from .base import Item, ReadError, ReaderOptions, Source
from .decode import LineStream, decode
from .jsonpath import FieldError, JsonLocator, _skip_ws, resolve

_decoder = json.JSONDecoder()
BATCH = 1 << 16  # bytes of lines decoded at a time


class _Buffer:
    """Decoded text of the file from the start of some line onwards, filled on demand."""

    def __init__(self, source: Source, stream: BinaryIO, errors: list):
        self.lines = LineStream(stream)
        source.meta["progress"] = self.lines
        self._it = iter(self.lines)
        self.source, self.errors = source, errors
        self.text = ""
        self.first_line = 1  # line number of text[0]
        self.first_col = 0  # code points before text[0] on its line
        self.eof = False

    def more(self, want: int = BATCH) -> bool:
        """Append at least ``want`` bytes' worth of lines; False at end of file."""
        if self.eof:
            return False
        raw, base_byte, base_line, size = [], None, None, 0
        for line_no, start, chunk in self._it:
            if base_byte is None:
                base_byte, base_line = start, line_no
            raw.append(chunk)
            size += len(chunk)
            if size >= want:
                break
        if not raw:
            self.eof = True
            return False
        text, err = decode(b"".join(raw), self.source.path, byte_base=base_byte, line_base=base_line - 1)
        if err:
            self.errors.append(err)
        self.text += text
        return True

    def skip_ws(self, pos: int) -> int:
        while True:
            pos = _skip_ws(self.text, pos)
            if pos < len(self.text) or not self.more():
                return pos

    def drop_before(self, pos: int) -> int:
        """Forget the text before ``pos`` (even mid-line: one-line arrays stay small); returns 0."""
        nl = self.text.rfind("\n", 0, pos)
        if nl == -1:
            self.first_col += pos
        else:
            self.first_line += self.text.count("\n", 0, pos)
            self.first_col = pos - nl - 1
        self.text = self.text[pos:]
        return 0

    def line_of(self, pos: int) -> int:
        return self.first_line + self.text.count("\n", 0, pos)


def _record_docs(source: Source, opts: ReaderOptions, n: int, record, raw: str, start: int, first_line: int,
                 col_base: int = 0):
    """Documents (or errors) for record ``n`` whose source text ``raw`` begins at line ``first_line``
    after ``col_base`` characters."""
    line = first_line + raw.count("\n", 0, start)
    ignore = marker_lines(raw, first_line)
    for path in opts.fields:
        try:
            text = resolve(record, path)
        except FieldError as exc:
            yield ReadError(source.path, f"record {n}: {exc}", line=line)
            continue
        yield Document(text=text, path=source.path, record=n, field=path, line_base=line - 1,
                       locate=JsonLocator(raw, start, path, line_base=first_line - 1, col_base=col_base),
                       meta={"ignore_lines": ignore})


def read_json(source: Source, stream: BinaryIO, opts: ReaderOptions) -> Iterator[Item]:
    errors: list = []
    buf = _Buffer(source, stream, errors)
    pos = buf.skip_ws(0)
    if pos < len(buf.text) and buf.text[pos] == "{":  # one record object: read it whole
        while buf.more(1 << 20):
            pass
        yield from errors
        try:
            record, _ = _decoder.raw_decode(buf.text, pos)
        except json.JSONDecodeError as exc:
            yield ReadError(source.path, f"malformed JSON: {exc.msg} at column {exc.colno}", line=exc.lineno)
            return
        yield from _record_docs(source, opts, 1, record, buf.text, pos, buf.first_line, buf.first_col)
        return
    if pos >= len(buf.text) or buf.text[pos] != "[":
        yield from errors
        yield ReadError(source.path, "malformed JSON: expected an array of records or one record object",
                        line=buf.line_of(pos))
        return
    pos += 1
    n = 0
    while True:
        pos = buf.skip_ws(pos)
        yield from errors
        errors.clear()
        if pos < len(buf.text) and buf.text[pos] == "]":
            return
        if pos >= len(buf.text):
            yield ReadError(source.path, "malformed JSON: unterminated array", line=buf.line_of(pos))
            return
        want = BATCH
        while True:
            try:
                record, end = _decoder.raw_decode(buf.text, pos)
                break
            except json.JSONDecodeError as exc:
                if buf.more(want):  # maybe the element is not complete yet
                    want *= 2
                    continue
                yield from errors
                line = buf.first_line + exc.lineno - 1
                yield ReadError(source.path, f"malformed JSON: {exc.msg}; rest of file skipped", line=line)
                return
        yield from errors
        errors.clear()
        n += 1
        ls = buf.text.rfind("\n", 0, pos) + 1
        raw = buf.text[ls:end]
        yield from _record_docs(source, opts, n, record, raw, pos - ls, buf.line_of(ls), 0 if ls else buf.first_col)
        pos = buf.skip_ws(end)
        if pos < len(buf.text) and buf.text[pos] == ",":
            pos += 1
        elif not (pos < len(buf.text) and buf.text[pos] == "]"):
            yield ReadError(source.path, "malformed JSON: expected ',' or ']' after a record; rest of file skipped",
                            line=buf.line_of(pos))
            return
        pos = buf.drop_before(pos)
