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
from .decode import BOM, decode
from .decode import complete_utf8 as _complete_utf8
from .jsonpath import FieldError, JsonLocator, RecordError, _skip_ws, raw_decode, resolve
BATCH = 1 << 16  # bytes decoded at a time


class _Buffer:
    """Decoded text of the file from some point onwards, filled by byte blocks on demand.

    Tracks the line and column of its first character, and a forward-only
    cursor, so locating each record costs only the text since the previous one
    (a 1 GB one-line array is read in linear time and bounded memory).
    """

    def __init__(self, source: Source, stream: BinaryIO, errors: list):
        self.stream, self.source, self.errors = stream, source, errors
        source.meta["progress"] = self  # .line: how far the file was read, for truncation errors
        self.text = ""
        self.first_line, self.first_col = 1, 0  # position of text[0] in the file (column 0-based)
        self.byte, self.line = 0, 1  # bytes decoded so far; line number where they end
        self.carry = b""
        self.eof = False
        self._reset_cursor()

    def _reset_cursor(self) -> None:
        self._cur, self._cur_line, self._cur_linestart = 0, self.first_line, -self.first_col

    def more(self, want: int = BATCH) -> bool:
        """Append about ``want`` more bytes of text; False at end of file."""
        if self.eof:
            return False
        data = self.carry + self.stream.read(want)
        at_end = len(data) == len(self.carry)
        if self.byte == 0 and data.startswith(BOM):
            data, self.byte = data[3:], 3
        cut = len(data) if at_end else _complete_utf8(data)
        if at_end:
            self.eof = True
            if not data:
                return False
        chunk, self.carry = data[:cut], data[cut:]
        text, err = decode(chunk, self.source.path, byte_base=self.byte, line_base=self.line - 1)
        if err:
            self.errors.append(err)
        self.byte += len(chunk)
        self.line += chunk.count(b"\n")
        self.text += text
        return bool(text) or not self.eof

    def skip_ws(self, pos: int) -> int:
        while True:
            pos = _skip_ws(self.text, pos)
            if pos < len(self.text) or not self.more():
                return pos

    def position(self, pos: int) -> tuple[int, int]:
        """(line, 0-based column) in the file of ``text[pos]``; ``pos`` never goes backwards."""
        nl = self.text.count("\n", self._cur, pos)
        if nl:
            self._cur_line += nl
            self._cur_linestart = self.text.rfind("\n", self._cur, pos) + 1
        self._cur = pos
        return self._cur_line, pos - self._cur_linestart

    def drop_before(self, pos: int) -> int:
        """Forget the text before ``pos`` once enough has been consumed; returns ``pos`` in the kept text."""
        if pos < (1 << 16) or pos * 2 < len(self.text):
            return pos  # copying the rest each record would be quadratic on long buffers
        self.first_line, self.first_col = self.position(pos)
        self.text = self.text[pos:]
        self._reset_cursor()
        return 0


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


def _trailing(source: Source, buf: _Buffer, pos: int) -> Iterator[Item]:
    """An error when anything but blanks follows the file's one JSON value (a second array, trailing
    garbage): it was not read, and saying nothing would pass it off as scanned."""
    pos = buf.skip_ws(pos)
    if pos < len(buf.text):
        yield ReadError(source.path, "malformed JSON: more after the end of the JSON value; not read",
                        line=buf.position(pos)[0])


def read_json(source: Source, stream: BinaryIO, opts: ReaderOptions) -> Iterator[Item]:
    errors: list = []
    buf = _Buffer(source, stream, errors)
    pos = buf.skip_ws(0)
    if pos < len(buf.text) and buf.text[pos] == "{":  # one record object: read it whole
        while buf.more(1 << 20):
            pass
        yield from errors
        try:
            record, end = raw_decode(buf.text, pos)
        except json.JSONDecodeError as exc:
            yield ReadError(source.path, f"malformed JSON: {exc.msg} at column {exc.colno}", line=exc.lineno)
            return
        except RecordError as exc:
            yield ReadError(source.path, f"record 1 {exc}; skipped", line=buf.first_line)
            return
        yield from _record_docs(source, opts, 1, record, buf.text, pos, buf.first_line, buf.first_col)
        yield from _trailing(source, buf, end)
        return
    if pos >= len(buf.text) or buf.text[pos] != "[":
        yield from errors
        yield ReadError(source.path, "malformed JSON: expected an array of records or one record object",
                        line=buf.position(pos)[0])
        return
    pos += 1
    n = 0
    while True:
        pos = buf.skip_ws(pos)
        yield from errors
        errors.clear()
        if pos < len(buf.text) and buf.text[pos] == "]":
            yield from _trailing(source, buf, pos + 1)
            return
        if pos >= len(buf.text):
            yield ReadError(source.path, "malformed JSON: unterminated array", line=buf.position(pos)[0])
            return
        want = BATCH
        while True:
            try:
                record, end = raw_decode(buf.text, pos)
                break
            except RecordError as exc:
                yield from errors
                yield ReadError(source.path, f"record {n + 1} {exc}; rest of file skipped",
                                line=buf.position(pos)[0])
                return
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
        line, col0 = buf.position(pos)
        yield from _record_docs(source, opts, n, record, buf.text[pos:end], 0, line, col0)
        pos = buf.skip_ws(end)
        if pos < len(buf.text) and buf.text[pos] == ",":
            pos += 1
        elif not (pos < len(buf.text) and buf.text[pos] == "]"):
            yield ReadError(source.path, "malformed JSON: expected ',' or ']' after a record; rest of file skipped",
                            line=buf.position(pos)[0])
            return
        pos = buf.drop_before(pos)
