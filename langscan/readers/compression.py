"""Transparent decompression: .gz, .bz2, .xz and .zst, by extension and by magic bytes.

A file is decompressed when its name ends in a known suffix *or* its first
bytes are a known magic number (a gzipped file named ``data.jsonl`` is still
read).  A truncated file raises ``EOFError`` when its end is reached, which
the readers turn into a ``ReadError`` naming the line reached.
zstandard is an optional extra (``pip install 'langscan[zstd]'``).
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO, Optional

from ..options import LangscanError

SUFFIXES = {".gz": "gzip", ".gzip": "gzip", ".bz2": "bz2", ".xz": "xz", ".lzma": "xz", ".zst": "zstd", ".zstd": "zstd"}
MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)


class MissingExtra(LangscanError, RuntimeError):
    """An optional dependency needed for this input is not installed."""


def codec_from_name(name: str) -> tuple[str, Optional[str]]:
    """(name without the compression suffix, codec or None)."""
    low = name.lower()
    for suffix, codec in SUFFIXES.items():
        if low.endswith(suffix):
            return name[: -len(suffix)], codec
    return name, None


def codec_from_magic(head: bytes) -> Optional[str]:
    for magic, codec in MAGIC:
        if head.startswith(magic):
            return codec
    return None


class _ZstdReader(io.RawIOBase):
    """Streaming zstd decompression that notices a truncated last frame
    (zstandard's own stream_reader silently stops there)."""

    def __init__(self, raw: BinaryIO) -> None:
        try:
            import zstandard
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise MissingExtra("reading .zst needs zstandard: pip install 'langscan[zstd]'") from exc
        self._zstd = zstandard
        self._raw = raw
        self._obj = zstandard.ZstdDecompressor().decompressobj()
        self._buf = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        while not self._buf and not self._done:
            chunk = self._raw.read(1 << 16)
            if not chunk:
                self._done = True
                if not self._obj.eof:
                    raise EOFError("compressed file ended before the end-of-stream marker was reached")
                break
            out = self._obj.decompress(chunk)
            while self._obj.eof and self._obj.unused_data:  # concatenated frames
                rest = self._obj.unused_data
                self._obj = self._zstd.ZstdDecompressor().decompressobj()
                out += self._obj.decompress(rest)
            self._buf = out
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def decompress(raw: BinaryIO, codec: str) -> BinaryIO:
    """Wrap a raw binary stream in a streaming decompressor."""
    if codec == "gzip":
        import gzip

        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    if codec == "bz2":
        import bz2

        return bz2.BZ2File(raw, mode="rb")  # type: ignore[return-value]
    if codec == "xz":
        import lzma

        return lzma.LZMAFile(raw, mode="rb")  # type: ignore[return-value]
    if codec == "zstd":
        return io.BufferedReader(_ZstdReader(raw), buffer_size=1 << 16)  # type: ignore[return-value]
    raise ValueError(f"unknown compression {codec!r}")


def decompression_errors() -> tuple:
    """Exception types that mean "truncated or corrupt compressed data"."""
    errs: list = [EOFError, OSError, zlib.error]
    try:
        import lzma

        errs.append(lzma.LZMAError)
    except ImportError:  # pragma: no cover - Python built without lzma
        pass
    try:
        import zstandard

        errs.append(zstandard.ZstdError)
    except ImportError:
        pass
    return tuple(errs)


def read_upto(stream: BinaryIO, limit: int = -1) -> tuple[bytes, Optional[BaseException]]:
    """Read up to ``limit`` bytes (all if -1); on truncated compressed data return
    what was read and the exception, so the part before the cut is still scanned."""
    buf = bytearray()
    read = getattr(stream, "read1", stream.read)  # small reads: a cut loses at most one block
    try:
        while limit < 0 or len(buf) < limit:
            chunk = read(1 << 16 if limit < 0 else min(1 << 16, limit - len(buf)))
            if not chunk:
                break
            buf += chunk
    except decompression_errors() as exc:
        return bytes(buf), exc
    return bytes(buf), None
