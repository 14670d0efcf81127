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

    ``limit``: no line longer than this many bytes is ever held.  A longer one is
    yielded as ``None`` (its bytes read and dropped; ``too_long`` holds its length),
    so the reader can report it and go on.
    """

    def __init__(self, stream: BinaryIO, limit: Optional[int] = None) -> None:
        self._stream = stream
        self.limit = limit
        self.line = 0  # number of the last line returned (1-based)
        self.byte = 0  # byte offset just past the last line returned
        self.too_long = 0

    def __iter__(self) -> Iterator[tuple[int, int, Optional[bytes]]]:
        """Yields (line number, byte offset of the line, raw bytes incl. newline, or None if too long)."""
        if self.limit is None:
            lines: Iterator[Optional[bytes]] = iter(self._stream)
        else:
            lines = self._bounded()
        for raw in lines:
            start = self.byte
            self.line += 1
            if raw is None:
                self.byte += self.too_long
                yield self.line, start, None
                continue
            self.byte += len(raw)
            if self.line == 1 and raw.startswith(BOM):
                raw = raw[3:]
                start += 3
            yield self.line, start, raw

    def _bounded(self) -> Iterator[Optional[bytes]]:
        limit = self.limit or 0
        readline = self._stream.readline
        while True:
            raw = readline(limit + 1)
            if not raw:
                return
            if len(raw) <= limit or raw.endswith(b"\n"):
                yield raw
                continue
            size = len(raw)
            while not raw.endswith(b"\n"):
                raw = readline(1 << 20)
                if not raw:
                    break
                size += len(raw)
            self.too_long = size
            yield None


def complete_utf8(data: bytes) -> int:
    """Length of the longest prefix of ``data`` that does not end inside a UTF-8 sequence."""
    i = len(data)
    back = 0
    while i > 0 and back < 3 and (data[i - 1] & 0xC0) == 0x80:
        i -= 1
        back += 1
    if i == 0:
        return len(data)
    lead = data[i - 1]
    need = 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if 0xF0 <= lead < 0xF8 else 1
    return i - 1 if need > 1 and len(data) - (i - 1) < need else len(data)


class ChunkStream:
    """Iterate a binary stream as chunks of at most ``size`` bytes that end at a line end,
    except a piece of a line longer than a chunk (cut between words, or at a UTF-8 character
    boundary), so a 2 GiB line is never held whole.

    Yields (line number, byte offset, raw bytes, code points of the same line before the
    chunk).  The stream is read a block at a time and cut at the block's last "\n", so the
    cost does not grow with the number of lines (reading line by line took 40 s for 32 MiB
    of empty lines).  Line numbers also count a lone "\r" as a line end, as ``LineIndex``
    does, so an old Mac file (one "line" to a reader of "\n") is located on its true lines.
    ``line`` (lines ended so far) and ``byte`` tell an error handler how far the stream got.
    """

    def __init__(self, stream: BinaryIO, size: int) -> None:
        self._stream = stream
        self.size = max(size, 8)
        self.line = 0
        self.byte = 0

    def _read(self, n: int) -> bytes:
        """Up to ``n`` bytes; fewer only at the end of the stream."""
        got = self._stream.read(n)
        while got and len(got) < n:
            more = self._stream.read(n - len(got))
            if not more:
                break
            got += more
        return got

    def __iter__(self) -> Iterator[tuple[int, int, bytes, int]]:
        carry = b""  # the start of a line not yet ended (always shorter than a chunk)
        col = 0
        while True:
            want = self.size - len(carry)
            got = self._read(want)
            data = carry + got
            if not data:
                return
            if self.byte == 0 and data.startswith(BOM):
                data = data[3:]
                self.byte = 3
                if not data:
                    return
            if len(got) < want:  # the end of the stream: all of it
                cut = len(data)
            elif b"\n" in data:
                cut = data.rindex(b"\n") + 1
            else:  # a piece of a line longer than a chunk
                space = data.rfind(b" ", len(data) // 2)  # cut between words where there is a space
                cut = space + 1 if space != -1 else complete_utf8(data)
                if cut > 1 and data[cut - 1] == 0x0D:
                    cut -= 1  # never cut "\r\n" in two (a "\r" still ending the piece is a lone one)
            raw, carry = data[:cut], data[cut:]
            yield self.line + 1, self.byte, raw, col
            self.byte += len(raw)
            # A chunk never ends in the "\r" of a "\r\n" (see above), so its line ends count alone.
            self.line += raw.count(b"\n") + (raw.count(b"\r") - raw.count(b"\r\n") if b"\r" in raw else 0)
            last = max(raw.rfind(b"\n"), raw.rfind(b"\r"))
            tail = len(raw[last + 1:].decode("utf-8", "replace"))
            col = tail if last != -1 else col + tail


def truncated(path: str, data: bytes, exc: BaseException) -> ReadError:
    """The error for compressed data cut short after ``data`` was read."""
    return ReadError(path, f"truncated or corrupt compressed data ({exc}); scanned what came before",
                     line=data.count(b"\n") + 1)
