"""CSV (.csv) and TSV (.tsv, .tab) with a header row; ``--column`` names the text columns.

Read line by line (quoted cells may span lines).  Each named column of each
row is one Document with ``record`` = the data row number (header excluded)
and ``field`` = the column name; findings are located at their exact line
and column in the file (doubled quotes accounted for).  A missing column or
a short row is a ``ReadError``; the rest goes on.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from typing import BinaryIO, Iterator, Optional

from ..document import Document, LineIndex, line_ends
from ..policy import marker_lines
from .base import Item, ReadError, ReaderOptions, Source
from .decode import LineStream, decode

csv.field_size_limit(2**31 - 1)


class _TooLong(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class CsvLocator:
    """Maps an offset in one cell's text to (line, column) in the CSV file.

    A cell's text is its raw characters in order, except that each doubled quote ("") is
    one character of the text.  So only the cell's start and the text offsets of its doubled
    quotes are kept, and an offset is mapped by bisection: memory grows with the number of
    doubled quotes, not with the cell's length (one int per character was 2.6 GB for a
    57 MB cell).
    """

    def __init__(self, raw: str, cell: int, delimiter: str, line_base: int):
        self.raw, self.cell, self.delimiter, self.line_base = raw, cell, delimiter, line_base
        self._cell: Optional[tuple[int, int, list[int]]] = None
        self._index: Optional[LineIndex] = None

    def _build(self) -> tuple[int, int, list[int]]:
        """(raw offset of the cell's first character, length of its text, text offsets of its doubled quotes)."""
        raw, delimiter, i, n = self.raw, self.delimiter, 0, 0
        end = len(raw)
        while n < self.cell and i < end:  # skip earlier cells
            if raw[i] == '"':
                i = _closing_quote(raw, i + 1, None)
            j = raw.find(delimiter, i)
            i = (end if j == -1 else j) + 1
            n += 1
        doubled: list[int] = []
        if raw[i : i + 1] == '"':
            start = i + 1
            stop = _closing_quote(raw, start, doubled)
        else:
            start = i
            m = re.compile(f"[{re.escape(delimiter)}\r\n]").search(raw, i)
            stop = m.start() if m else max(end, i)
        return start, stop - start - len(doubled), doubled

    def __call__(self, offset: int) -> tuple[int, int]:
        if self._cell is None:
            self._cell = self._build()
            self._index = LineIndex(self.raw)
        start, length, doubled = self._cell
        offset = min(max(offset, 0), length)
        line, col = self._index.locate(start + offset + bisect_left(doubled, offset))  # type: ignore[union-attr]
        return line + self.line_base, col


def _closing_quote(raw: str, i: int, doubled: Optional[list[int]]) -> int:
    """Offset of the quote closing a quoted cell whose text starts at ``i`` (``len(raw)`` if none).

    With ``doubled``, the text offset of each doubled quote on the way is appended to it."""
    start, skipped = i, 0
    while True:
        j = raw.find('"', i)
        if j == -1:
            return len(raw)
        if raw[j + 1 : j + 2] != '"':
            return j
        if doubled is not None:
            doubled.append(j - start - skipped)
        skipped += 1
        i = j + 2


def _reader(delimiter: str):
    def read(source: Source, stream: BinaryIO, opts: ReaderOptions) -> Iterator[Item]:
        lines = LineStream(stream, limit=opts.max_record_bytes)
        source.meta["progress"] = lines
        errors: list[ReadError] = []
        pending: list[str] = []
        held = [0]  # bytes of the record being assembled (quoted cells may span lines)

        def decoded() -> Iterator[str]:
            for line_no, start, raw in lines:
                if raw is not None and not pending:
                    held[0] = 0
                if raw is not None:
                    held[0] += len(raw)
                if raw is None or held[0] > opts.max_record_bytes:
                    raise _TooLong(line_no)
                text, err = decode(raw, source.path, byte_base=start, line_base=line_no - 1)
                if err:
                    errors.append(err)
                pending.append(text)
                yield text

        rows = csv.reader(decoded(), delimiter=delimiter)
        too_long = (f"a record longer than the limit of {opts.max_record_bytes:,} bytes "
                    "(LANGSCAN_MAX_RECORD_BYTES); rest of file skipped")
        try:
            header = next(rows, None)
        except csv.Error as exc:
            yield ReadError(source.path, f"malformed CSV header: {exc}", line=1)
            return
        except _TooLong as exc:
            yield ReadError(source.path, too_long, line=exc.line)
            return
        yield from errors
        errors.clear()
        # Lines are numbered as LineIndex numbers them (a lone "\r" in a quoted cell ends a line
        # too), so each record's positions follow on from those of the record before.
        first_line = 1 + line_ends("".join(pending))
        pending.clear()
        if header is None:
            return
        cells = []
        for name in opts.columns:
            if name in header:
                cells.append((name, header.index(name)))
            else:
                yield ReadError(source.path, f"no column {name!r} (the header has: {', '.join(header)})", line=1)
        if not cells:
            return
        record = 0
        while True:
            try:
                row = next(rows)
            except StopIteration:
                break
            except _TooLong as exc:
                yield from errors
                yield ReadError(source.path, too_long, line=exc.line)
                return
            except csv.Error as exc:
                yield from errors
                yield ReadError(source.path, f"malformed CSV: {exc}; rest of file skipped", line=lines.line)
                return
            yield from errors
            errors.clear()
            raw = "".join(pending)
            pending.clear()
            line_base = first_line - 1
            first_line += line_ends(raw)
            if not row:
                continue
            record += 1
            ignore = marker_lines(raw, line_base + 1)
            for name, idx in cells:
                if idx >= len(row):
                    yield ReadError(source.path, f"row {record} has no column {name!r}", line=line_base + 1)
                    continue
                yield Document(
                    text=row[idx],
                    path=source.path,
                    record=record,
                    field=name,
                    line_base=line_base,
                    locate=CsvLocator(raw, idx, delimiter, line_base),
                    meta={"ignore_lines": ignore},
                )

    return read


read_csv = _reader(",")
read_tsv = _reader("\t")
