"""CSV (.csv) and TSV (.tsv, .tab) with a header row; ``--column`` names the text columns.

Read line by line (quoted cells may span lines).  Each named column of each
row is one Document with ``record`` = the data row number (header excluded)
and ``field`` = the column name; findings are located at their exact line
and column in the file (doubled quotes accounted for).  A missing column or
a short row is a ``ReadError``; the rest goes on.
"""

from __future__ import annotations

import csv
from typing import BinaryIO, Iterator, Optional

from ..document import Document, LineIndex
from ..policy import marker_lines
from .base import Item, ReadError, ReaderOptions, Source
from .decode import LineStream, decode

csv.field_size_limit(2**31 - 1)


class _TooLong(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class CsvLocator:
    """Maps an offset in one cell's text to (line, column) in the CSV file."""

    def __init__(self, raw: str, cell: int, delimiter: str, line_base: int):
        self.raw, self.cell, self.delimiter, self.line_base = raw, cell, delimiter, line_base
        self._map: Optional[list[int]] = None
        self._index: Optional[LineIndex] = None

    def _build(self) -> list[int]:
        raw, i, n = self.raw, 0, 0
        while n < self.cell and i < len(raw):  # skip earlier cells
            if raw[i] == '"':
                i += 1
                while i < len(raw):
                    if raw[i] == '"':
                        if raw[i + 1 : i + 2] == '"':
                            i += 2
                            continue
                        break
                    i += 1
            while i < len(raw) and raw[i] != self.delimiter:
                i += 1
            i += 1
            n += 1
        out = []
        if raw[i : i + 1] == '"':
            i += 1
            while i < len(raw):
                if raw[i] == '"':
                    if raw[i + 1 : i + 2] != '"':
                        break
                    out.append(i)
                    i += 2
                    continue
                out.append(i)
                i += 1
        else:
            while i < len(raw) and raw[i] not in (self.delimiter, "\r", "\n"):
                out.append(i)
                i += 1
        out.append(i)
        return out

    def __call__(self, offset: int) -> tuple[int, int]:
        if self._map is None:
            self._map = self._build()
            self._index = LineIndex(self.raw)
        line, col = self._index.locate(self._map[min(max(offset, 0), len(self._map) - 1)])  # type: ignore[union-attr]
        return line + self.line_base, col


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
        first_line = 2
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
            first_line = lines.line + 1
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
