"""Bytes to text without losing positions.

Decision (documented in docs/readme/formats.md): invalid UTF-8 is decoded
with U+FFFD replacement and the text is still scanned, and a ``ReadError``
names the byte and line of the first bad sequence (so the exit code is 2).
Offsets stay true to the text that was scanned.  A UTF-8 BOM is dropped
before decoding, so the first character is line 1, column 1.  CR stays in the
text ("\\r\\n" ends a line at "\\n"), so columns count exactly what the file
holds.
"""

from __future__ import annotations

from typing import BinaryIO, Iterator, Optional

from .base import ReadError

BOM = b"\xef\xbb\xbf"


def decode(data: bytes, path: str, byte_base: int = 0, line_base: int = 0) -> tuple[str, Optional[ReadError]]:
    """Decode UTF-8; on bad bytes, replace them and describe the first one.

    ``byte_base``/``line_base``: bytes and lines of the file before ``data``.
    """
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", "replace")
        bad = text.count("\ufffd") - data.count("\ufffd".encode())
        line = line_base + data.count(b"\n", 0, exc.start) + 1
        err = ReadError(
            path,
            f"invalid UTF-8 ({bad} bad byte sequence{'s' if bad != 1 else ''}, the first here); "
            "replaced with U+FFFD and scanned",
            line=line,
            byte=byte_base + exc.start,
        )
        return text, err


class LineStream:
    """Iterate the raw lines of a binary stream, tracking line number and byte offset.

    The BOM of the first line is dropped (and counted in ``byte``).  The
    attributes tell an error handler how far the stream got.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.line = 0  # number of the last line returned (1-based)
        self.byte = 0  # byte offset just past the last line returned

    def __iter__(self) -> Iterator[tuple[int, int, bytes]]:
        """Yields (line number, byte offset of the line, raw bytes incl. newline)."""
        for raw in self._stream:
            start = self.byte
            self.byte += len(raw)
            self.line += 1
            if self.line == 1 and raw.startswith(BOM):
                raw = raw[3:]
                start += 3
            yield self.line, start, raw


def truncated(path: str, data: bytes, exc: BaseException) -> ReadError:
    """The error for compressed data cut short after ``data`` was read."""
    return ReadError(path, f"truncated or corrupt compressed data ({exc}); scanned what came before",
                     line=data.count(b"\n") + 1)
