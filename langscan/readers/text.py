"""Plain text and Markdown (and any file of unknown type that is not binary).

A file up to ``ReaderOptions.whole_limit`` bytes (16 MiB) is one Document,
so a text wholly in another language can be reported as one ``document``
finding.  A larger file is read as chunks of whole lines of about
``chunk_size`` bytes (4 MiB); each chunk's ``line_base`` keeps line numbers
true, and since chunks start at a line start, columns are true too.  A single
line longer than a chunk is kept whole.
"""

from __future__ import annotations

from typing import BinaryIO, Iterator

from ..document import Document
from ..policy import marker_lines
from .base import Item, ReaderOptions, peekable, Source
from .compression import read_upto
from .decode import BOM, LineStream, decode, truncated


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
    lines = LineStream(stream)
    source.meta["progress"] = lines
    buf: list[bytes] = []
    size = 0
    first_line = 1
    first_byte = 0
    for line_no, start, raw in lines:
        if not buf:
            first_line, first_byte = line_no, start
        buf.append(raw)
        size += len(raw)
        if size >= opts.chunk_size:
            yield from _chunk_doc(source, b"".join(buf), first_line, first_byte)
            buf, size = [], 0
    if buf:
        yield from _chunk_doc(source, b"".join(buf), first_line, first_byte)


def _chunk_doc(source: Source, data: bytes, first_line: int, first_byte: int) -> Iterator[Item]:
    text, err = decode(data, source.path, byte_base=first_byte, line_base=first_line - 1)
    if err:
        yield err
    yield Document(
        text=text,
        path=source.path,
        line_base=first_line - 1,
        meta={"ignore_lines": marker_lines(text, first_line), "chunk_first_line": first_line},
    )
