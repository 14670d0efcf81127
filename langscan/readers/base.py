"""What every reader shares: the error item, the options, and the source handle.

A reader turns one input (a file, a compressed file, stdin) into a stream of
``Document`` items interleaved with ``ReadError`` items.  Errors never stop
the stream: the scan goes on and the CLI exits 2 at the end.
"""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Iterator, Optional, Union

from ..document import Document

# Text files up to this size are one Document (so a whole-document language
# finding is possible); larger ones are cut into chunks of whole lines.
TEXT_WHOLE_LIMIT = 16 * 1024 * 1024
TEXT_CHUNK_SIZE = 4 * 1024 * 1024
# How many leading bytes are sniffed for NUL (binary) and magic numbers.
SNIFF_BYTES = 8192


def _env_bytes(name: str, default: int) -> int:
    try:
        value = int(os.environ.get(name, "").strip() or default)
    except ValueError:
        return default
    return value if value > 0 else default


# The longest JSONL line or CSV record held in memory; a longer one is an error for that
# record (skipped without being held).  Text lines have no limit: a long one is cut into
# pieces of TEXT_CHUNK_SIZE.  LANGSCAN_MAX_RECORD_BYTES sets it.
MAX_RECORD_BYTES = _env_bytes("LANGSCAN_MAX_RECORD_BYTES", 256 * 1024 * 1024)


@dataclass(frozen=True)
class ReadError:
    """An input, or part of one, that could not be read; the scan goes on.

    ``line`` is 1-based in the user's (decompressed) file, ``byte`` a 0-based
    byte offset into it.
    """

    path: str
    message: str
    line: Optional[int] = None
    byte: Optional[int] = None

    def __str__(self) -> str:
        from ..reporters.safe import printable

        where = printable(self.path)
        if self.line is not None:
            where += f":{self.line}"
        pos = f" (byte {self.byte})" if self.byte is not None else ""
        return f"{where}: error: {printable(self.message)}{pos}"


@dataclass(frozen=True)
class ReadNote:
    """Something skipped on purpose (a binary file met while walking a
    directory, an empty file): reported on stderr, does not change the exit code."""

    path: str
    message: str

    def __str__(self) -> str:
        from ..reporters.safe import printable

        return f"{printable(self.path)}: note: {printable(self.message)}"


Item = Union[Document, ReadError, ReadNote]


@dataclass(frozen=True)
class ReaderOptions:
    """How records are turned into texts.

    ``fields``: dotted paths into JSON records (``meta.title``; a number
    indexes a list); ``columns``: CSV/TSV/Parquet column names.
    """

    fields: tuple[str, ...] = ("text",)
    columns: tuple[str, ...] = ("text",)
    stdin_format: str = "text"
    whole_limit: int = TEXT_WHOLE_LIMIT
    chunk_size: int = TEXT_CHUNK_SIZE
    max_record_bytes: int = MAX_RECORD_BYTES


@dataclass
class Source:
    """One input: a display path, how to open its (decompressed) bytes, and
    whether the user named it (binary files named explicitly are errors,
    binary files met in a directory walk are only notes)."""

    path: str  # as shown to the user
    opener: Callable[[], BinaryIO]  # returns a fresh stream of decompressed bytes
    fmt: str  # reader name, e.g. "jsonl"
    fs_path: Optional[str] = None  # the file on disk, when there is one
    explicit: bool = True
    meta: dict = field(default_factory=dict)

    def size(self) -> Optional[int]:
        if self.fs_path is None:
            return None
        try:
            return os.stat(self.fs_path).st_size
        except OSError:
            return None


Reader = Callable[[Source, BinaryIO, ReaderOptions], Iterator[Item]]


class SpecialFile(OSError):
    """A path that is not a regular file (a FIFO, a device, a socket, a folder): never read,
    because reading a FIFO or a terminal blocks forever and a device never ends."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(f"not a regular file ({kind}); not read")
        self.strerror = f"not a regular file ({kind}); not read"
        self.filename = path
        self.kind = kind


def file_kind(mode: int) -> str:
    """A readable name for the type of a file from its ``st_mode``."""
    if stat.S_ISREG(mode):
        return "regular file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "a special file"


def special_kind(path: str) -> Optional[str]:
    """None for a regular file (or a missing one: opening it reports that), else what it is.
    Uses stat only: a FIFO is never opened to find out."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return None if stat.S_ISREG(mode) else file_kind(mode)


def open_regular(path: str) -> BinaryIO:
    """Open ``path`` for reading in binary mode, refusing anything but a regular file.

    The file is opened without blocking and checked with ``fstat`` on the open
    descriptor, so a FIFO swapped in after a check cannot hang the read.
    Raises SpecialFile (an OSError) for FIFOs, devices, sockets and folders.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except ValueError as exc:  # a NUL byte in the name
        raise OSError(22, f"invalid file name ({exc})", path) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise SpecialFile(path, file_kind(mode))
        if getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def open_regular_text(path: str, encoding: str = "utf-8"):
    """:func:`open_regular` as a text stream (config, baseline and allow-list files)."""
    return io.TextIOWrapper(open_regular(path), encoding=encoding)


def peekable(head: bytes, rest: BinaryIO) -> BinaryIO:
    """A buffered stream that yields ``head`` and then the rest of ``rest``."""
    return io.BufferedReader(PeekableStream(head, rest), buffer_size=1 << 16)  # type: ignore[return-value]


class PeekableStream(io.RawIOBase):
    """A binary stream whose first bytes were already read for sniffing."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def close(self) -> None:
        try:
            self._rest.close()
        finally:
            super().close()
