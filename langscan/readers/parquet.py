"""Parquet (.parquet, .pq) with ``--column``: read in record batches, never whole.

Needs pyarrow, an optional extra: ``pip install 'langscan[parquet]'``; without
it each Parquet file is a ``ReadError`` saying so.  ``record`` is the 1-based
row number; Parquet has no lines, so a finding's line and column are its
position inside the cell's text.
"""

from __future__ import annotations

from typing import BinaryIO, Iterator

from ..document import Document
from ..policy import marker_lines
from .base import Item, ReadError, ReaderOptions, Source


def read_parquet(source: Source, stream: BinaryIO, opts: ReaderOptions) -> Iterator[Item]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield ReadError(source.path, "reading Parquet needs pyarrow: pip install 'langscan[parquet]'")
        return
    try:
        pf = pq.ParquetFile(source.fs_path if source.fs_path else stream)
        names = pf.schema_arrow.names
    except Exception as exc:  # pyarrow raises its own error types for corrupt files
        yield ReadError(source.path, f"not a readable Parquet file: {exc}")
        return
    cols = [c for c in opts.columns if c in names]
    for c in opts.columns:
        if c not in names:
            yield ReadError(source.path, f"no column {c!r} (the file has: {', '.join(names)})")
    if not cols:
        return
    row = 0
    try:
        for batch in pf.iter_batches(columns=cols, batch_size=1024):
            data = batch.to_pydict()
            for i in range(batch.num_rows):
                row += 1
                for c in cols:
                    value = data[c][i]
                    if not isinstance(value, str):
                        kind = "null" if value is None else type(value).__name__
                        yield ReadError(source.path, f"row {row}: column {c!r} is {kind}, not a string")
                        continue
                    yield Document(text=value, path=source.path, record=row, field=c, meta={"ignore_lines": marker_lines(value)})
    except Exception as exc:
        yield ReadError(source.path, f"Parquet read failed after row {row}: {exc}")
