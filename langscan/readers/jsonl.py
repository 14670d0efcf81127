"""JSON Lines (.jsonl, .ndjson): one record a line, read line by line.

Each ``--field`` of each record is one Document with ``record`` = the line
number and ``field`` = the dotted path; findings are located at their exact
line and column in the file (escapes such as ``\\u00e9`` accounted for).
A malformed line, a missing field or a non-string field is a ``ReadError``
for that line; the rest of the file goes on.  Blank lines are skipped.
"""

from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from ..document import Document
from ..policy import marker_lines
from .base import Item, ReadError, ReaderOptions, Source
from .decode import LineStream, decode
from .jsonpath import FieldError, JsonLocator, RecordError, loads, resolve


def read_jsonl(source: Source, stream: BinaryIO, opts: ReaderOptions) -> Iterator[Item]:
    lines = LineStream(stream, limit=opts.max_record_bytes)
    source.meta["progress"] = lines
    for line_no, start, raw in lines:
        if raw is None:
            yield ReadError(source.path, f"record of {lines.too_long:,} bytes is longer than the limit of "
                            f"{opts.max_record_bytes:,} (LANGSCAN_MAX_RECORD_BYTES); skipped", line=line_no)
            continue
        if not raw.strip():
            continue
        line, err = decode(raw, source.path, byte_base=start, line_base=line_no - 1)
        if err:
            yield err
        try:
            record = loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(source.path, f"malformed JSON: {exc.msg} at column {exc.colno}", line=line_no)
            continue
        except RecordError as exc:
            yield ReadError(source.path, f"record {exc}; skipped", line=line_no)
            continue
        ignore = marker_lines(line, line_no)
        for path in opts.fields:
            try:
                text = resolve(record, path)
            except FieldError as exc:
                yield ReadError(source.path, str(exc), line=line_no)
                continue
            yield Document(
                text=text,
                path=source.path,
                record=line_no,
                field=path,
                line_base=line_no - 1,
                locate=JsonLocator(line, 0, path, line_base=line_no - 1),
                meta={"ignore_lines": ignore},
            )
