"""Byte-level round trip: compression and text encoding, undone and redone exactly.

Cleaning must hand back a file the way it came: gzip stays gzip (same stored
name, mtime and level class), a UTF-8 BOM stays, bytes are never re-encoded
when nothing changed.  Compression is recognised by magic bytes, not by name.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import struct
from dataclasses import dataclass
from typing import Optional

BOM = b"\xef\xbb\xbf"


class DecodeError(ValueError):
    """The file cannot be decoded as (compressed) UTF-8 text."""


@dataclass(frozen=True)
class Codec:
    """How a file's bytes were compressed, enough to compress them back alike."""

    name: str = "none"  # none | gzip | bz2 | xz | zstd
    gzip_name: Optional[bytes] = None
    gzip_mtime: int = 0
    gzip_level: int = 6

    def compress(self, data: bytes) -> bytes:
        if self.name == "none":
            return data
        if self.name == "gzip":
            buf = io.BytesIO()
            with gzip.GzipFile(filename=(self.gzip_name or b"").decode("latin-1"), mode="wb",
                               fileobj=buf, compresslevel=self.gzip_level, mtime=self.gzip_mtime) as gz:
                gz.write(data)
            return buf.getvalue()
        if self.name == "bz2":
            return bz2.compress(data)
        if self.name == "xz":
            return lzma.compress(data)
        if self.name == "zstd":
            import zstandard  # optional extra: langscan[zstd]
            return zstandard.ZstdCompressor().compress(data)
        raise ValueError(self.name)


def _gzip_header(raw: bytes) -> Codec:
    flags, mtime, xfl = raw[3], struct.unpack("<I", raw[4:8])[0], raw[8]
    name = None
    pos = 10
    if flags & 4:  # FEXTRA
        pos += 2 + struct.unpack("<H", raw[pos:pos + 2])[0]
    if flags & 8:  # FNAME
        end = raw.index(b"\0", pos)
        name = raw[pos:end]
    level = 9 if xfl == 2 else 1 if xfl == 4 else 6
    return Codec("gzip", gzip_name=name, gzip_mtime=mtime, gzip_level=level)


def decompress(raw: bytes) -> tuple[bytes, Codec]:
    """The payload of ``raw`` and the codec it was wrapped in."""
    try:
        if raw[:2] == b"\x1f\x8b":
            return gzip.decompress(raw), _gzip_header(raw)
        if raw[:3] == b"BZh":
            return bz2.decompress(raw), Codec("bz2")
        if raw[:6] == b"\xfd7zXZ\x00":
            return lzma.decompress(raw), Codec("xz")
        if raw[:4] == b"\x28\xb5\x2f\xfd":
            try:
                import zstandard
            except ImportError:
                raise DecodeError("zstd-compressed; install langscan[zstd] to clean it") from None
            return zstandard.ZstdDecompressor().decompressobj().decompress(raw), Codec("zstd")
    except (OSError, EOFError, lzma.LZMAError, ValueError) as exc:
        if isinstance(exc, DecodeError):
            raise
        raise DecodeError(f"corrupt compressed data: {exc}") from None
    return raw, Codec()


def decode_text(data: bytes) -> tuple[str, bool]:
    """(text, had_bom); raises DecodeError naming the first bad byte."""
    bom = data.startswith(BOM)
    body = data[3:] if bom else data
    if b"\0" in body[:8192]:
        raise DecodeError("binary data (NUL bytes), not text")
    try:
        return body.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        raise DecodeError(f"not valid UTF-8 at byte {exc.start + (3 if bom else 0)} (line {line})") from None


def encode_text(text: str, bom: bool) -> bytes:
    return (BOM if bom else b"") + text.encode("utf-8")
