"""Markdown (.md, .markdown): prose is scanned, code is not.

Read like plain text (same size limits and chunking), then fenced code
blocks (``` or ~~~) and inline code spans (`like this`) are blanked out with
spaces, newlines kept, so every offset, line and column stays true to the
file while a code sample's string literals ("Привет", a locale table) are
not reported as stray text.  The fence lines themselves are blanked too.
"""

from __future__ import annotations

import re
from typing import BinaryIO, Iterator

from ..document import Document
from .base import Item, ReaderOptions, Source
from .text import read_text

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def _blank(s: str) -> str:
    return re.sub(r"[^\r\n]", " ", s)


def mask_code(text: str) -> str:
    """``text`` with fenced code blocks and inline code spans replaced by spaces."""
    if "`" not in text and "~~~" not in text:
        return text
    out = []
    fence = None  # the opening fence while inside a block
    for line in text.splitlines(keepends=True):
        m = _FENCE.match(line)
        if fence is None:
            if m:
                fence = m.group(1)
                out.append(_blank(line))
            else:
                out.append(_INLINE.sub(lambda mm: _blank(mm.group(0)), line) if "`" in line else line)
        else:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip(" \r\n`~"):
                fence = None
            out.append(_blank(line))
    return "".join(out)


def read_markdown(source: Source, stream: BinaryIO, opts: ReaderOptions) -> Iterator[Item]:
    for item in read_text(source, stream, opts):
        if isinstance(item, Document):
            item.text = mask_code(item.text)
        yield item
