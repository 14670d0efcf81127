"""Document: the unit a reader hands to the detector, and where it came from.

The detector only ever sees ``Document.text``.  Everything about where that
text lives in the user's file (path, JSONL record, field, the line/column of
an offset in the HTML source) belongs to the Document, so that reporters can
locate a finding without knowing the input format.
"""

from __future__ import annotations

from bisect import bisect_right
import dataclasses
import re
from dataclasses import dataclass
from typing import Callable, Optional


_LINE_END = re.compile("\r(?!\n)|\n")


def line_ends(text: str, start: int = 0, end: Optional[int] = None) -> int:
    """How many lines end in ``text[start:end]``: at "\\n", "\\r\\n" or a lone "\\r"."""
    end = len(text) if end is None else end
    n = text.count("\n", start, end)
    if "\r" in text:
        n += text.count("\r", start, end) - text.count("\r\n", start, end)
        if end < len(text) and end > start and text[end - 1] == "\r" and text[end] == "\n":
            n -= 1  # a "\r\n" cut in two: its line ends at the "\n"
    return n


class LineIndex:
    """Maps a code-point offset in a text to a 1-based (line, column).

    Lines end at "\\n", "\\r\\n" (the "\\r" counts as part of the line, so offsets
    stay true to the text as read) or a lone "\\r" (old Mac files, some exports).
    """

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        if "\r" in text:
            starts.extend(m.end() for m in _LINE_END.finditer(text))
            self._starts = starts
            return
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, column) of ``offset``, both 1-based."""
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


@dataclass
class Document:
    """A text to scan plus the information needed to point back to its source.

    ``locate`` maps a code-point offset in ``text`` to (line, column) in the
    source file; when it is None the text itself is the source, shifted by
    ``line_base`` lines (for a record that starts on a later line).
    """

    text: str
    path: str = "<text>"
    record: Optional[int] = None  # 1-based record number (JSONL line, CSV row, JSON array index + 1)
    field: Optional[str] = None  # the record's field this text came from
    line_base: int = 0  # lines before the text starts in the source (0 for a whole file)
    locate: Optional[Callable[[int], tuple[int, int]]] = None
    meta: dict = dataclasses.field(default_factory=dict)

    def source_position(self, offset: int) -> tuple[int, int]:
        """(line, column) in the user's file of a code-point offset into ``text``."""
        if self.locate is not None:
            return self.locate(offset)
        idx = self.meta.get("_line_index")
        if idx is None:
            idx = self.meta["_line_index"] = LineIndex(self.text)
        line, col = idx.locate(offset)
        return line + self.line_base, col
