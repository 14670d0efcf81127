"""Plain text and Markdown (and any file of unknown type that is not binary).

A file up to ``ReaderOptions.whole_limit`` bytes (16 MiB) is one Document,
so a text wholly in another language can be reported as one ``document``
finding.  A larger file is read as chunks of whole lines of at most
``chunk_size`` bytes (4 MiB): a block at a time, cut after its last newline
(``ChunkStream``), so millions of short lines cost no more than a few long
ones.  Each chunk's ``line_base`` keeps line numbers true, and since chunks
start at a line start, columns are true too.  A single line longer than a chunk
is cut into pieces of about ``chunk_size`` bytes (between words, or at a
character boundary), each placed at its true line and column, so memory stays
bounded whatever the line length (a 2 GiB one-line file is read 4 MiB at a time).
"""

from __future__ import annotations

from typing import BinaryIO, Iterator

from ..document import Document, LineIndex
from ..policy import marker_lines
from .base import Item, ReaderOptions, peekable, Source
from .compression import read_upto
from .decode import BOM, ChunkStream, decode, truncated


def read_text(source: Source, stream: BinaryIO, opts: ReaderOptions) -> Iterator[Item]:
    data, cut = read_upto(stream, opts.whole_limit + 1)
    if len(data) <= opts.whole_limit:
        bom = data.startswith(BOM)
        text, err = decode(data[3:] if bom else data, source.path, byte_base=3 if bom else 0)
        if err:
            yield err
        yield Document(text=text, path=source.path, meta={"ignore_lines": marker_lines(text)})
        if cut is not None:
            yield truncated(source.path, data, cut)
        return
    yield from _chunks(source, peekable(data, stream), opts)


def _chunks(source: Source, stream: BinaryIO, opts: ReaderOptions) -> Iterator[Item]:
    chunks = ChunkStream(stream, opts.chunk_size)
    source.meta["progress"] = chunks
    for first_line, first_byte, raw, first_col in chunks:
        yield from _chunk_doc(source, raw, first_line, first_byte, first_col)


class _ShiftedLines:
    """(line, column) in the file for a chunk that starts ``col`` code points into line ``line``."""

    def __init__(self, text: str, line: int, col: int) -> None:
        self.index, self.line, self.col = LineIndex(text), line, col

    def __call__(self, offset: int) -> tuple[int, int]:
        line, col = self.index.locate(offset)
        return line + self.line - 1, col + (self.col if line == 1 else 0)


def _chunk_doc(source: Source, data: bytes, first_line: int, first_byte: int, first_col: int = 0) -> Iterator[Item]:
    text, err = decode(data, source.path, byte_base=first_byte, line_base=first_line - 1)
    if err:
        yield err
    yield Document(
        text=text,
        path=source.path,
        line_base=first_line - 1,
        locate=_ShiftedLines(text, first_line, first_col) if first_col else None,
        meta={"ignore_lines": marker_lines(text, first_line), "chunk_first_line": first_line},
    )
