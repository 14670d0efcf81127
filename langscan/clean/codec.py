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
import os
import struct
from dataclasses import dataclass
from typing import Optional

from ..options import LangscanError

BOM = b"\xef\xbb\xbf"


class DecodeError(LangscanError, ValueError):
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


class _NoClose:
    """Let a compressor's close() finish its stream without closing the file under it."""

    def __init__(self, fh) -> None:
        self._fh = fh

    def write(self, data) -> int:
        return self._fh.write(data)

    def flush(self) -> None:
        self._fh.flush()

    def close(self) -> None:
        self._fh.flush()


def compressing_writer(codec: Codec, fh):
    """A binary stream that writes ``codec``-compressed data to ``fh``; close() finishes the
    compressed stream (``fh`` stays open)."""
    if codec.name == "none":
        return _NoClose(fh)
    if codec.name == "gzip":
        return gzip.GzipFile(filename=(codec.gzip_name or b"").decode("latin-1"), mode="wb", fileobj=_NoClose(fh),
                             compresslevel=codec.gzip_level, mtime=codec.gzip_mtime)
    if codec.name == "bz2":
        return bz2.BZ2File(_NoClose(fh), mode="wb")
    if codec.name == "xz":
        return lzma.LZMAFile(_NoClose(fh), mode="wb")
    if codec.name == "zstd":
        import zstandard
        return zstandard.ZstdCompressor().stream_writer(_NoClose(fh), closefd=False)
    raise ValueError(codec.name)


def open_payload(fh) -> tuple:
    """(decompressed binary stream, Codec) of an open file, read as a stream."""
    from ..readers.base import peekable
    from ..readers.compression import MissingExtra, codec_from_magic
    from ..readers.compression import decompress as stream_of

    head = fh.read(1 << 16)
    name = codec_from_magic(head[:8])
    stream = peekable(head, fh)
    if name is None:
        return stream, Codec()
    try:
        codec = _gzip_header(head) if name == "gzip" else Codec(name)
        return stream_of(stream, name), codec
    except MissingExtra:
        raise DecodeError("zstd-compressed; install langscan[zstd] to clean it") from None
    except (ValueError, IndexError, struct.error) as exc:
        raise DecodeError(f"corrupt compressed data: truncated or damaged ({exc})") from None


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


# What one file may decompress to before clean refuses it (the whole payload is held in memory
# while it is rewritten): a bomb (10 GiB of zeros in a 47 MB gzip) is an error, never a MemoryError.
# Set LANGSCAN_CLEAN_MAX_BYTES (bytes) to raise or lower it.
DEFAULT_MAX_BYTES = 2 << 30


_warned_max = False


def max_bytes() -> int:
    """LANGSCAN_CLEAN_MAX_BYTES when it is a positive whole number of bytes, else the default (a value that is
    not one is said once on standard error, not silently ignored)."""
    global _warned_max
    value = os.environ.get("LANGSCAN_CLEAN_MAX_BYTES", "")
    if not value.strip():
        return DEFAULT_MAX_BYTES
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if limit > 0:
        return limit
    if not _warned_max:
        _warned_max = True
        import sys

        print(f"langscan: warning: LANGSCAN_CLEAN_MAX_BYTES={value!r} is not a positive number of bytes; "
              f"using {DEFAULT_MAX_BYTES:,}", file=sys.stderr)
    return DEFAULT_MAX_BYTES


def _too_big(limit: int) -> DecodeError:
    return DecodeError(f"larger than {limit:,} bytes once decompressed (clean holds one file in memory; "
                       "set LANGSCAN_CLEAN_MAX_BYTES to allow more)")


def decompress(raw: bytes, limit: Optional[int] = None) -> tuple[bytes, Codec]:
    """The payload of ``raw`` and the codec it was wrapped in.

    Decompressed as a stream: every frame or member is kept (``cat a.zst b.zst``,
    pzstd, multi-member gzip), a truncated or corrupt input raises DecodeError
    (nothing is written), and more than ``limit`` bytes of payload raises
    DecodeError instead of filling memory.
    """
    from ..readers.compression import MissingExtra, codec_from_magic, decompression_errors
    from ..readers.compression import decompress as stream_of

    limit = max_bytes() if limit is None else limit
    name = codec_from_magic(raw[:8])
    if name is None:
        if len(raw) > limit:
            raise _too_big(limit)
        return raw, Codec()
    try:
        codec = _gzip_header(raw) if name == "gzip" else Codec(name)
        stream = stream_of(io.BytesIO(raw), name)
        out = bytearray()
        try:
            while True:
                chunk = stream.read(1 << 20)
                if not chunk:
                    break
                out += chunk
                if len(out) > limit:
                    raise _too_big(limit)
        finally:
            stream.close()
    except MissingExtra:
        raise DecodeError("zstd-compressed; install langscan[zstd] to clean it") from None
    except DecodeError:
        raise
    except (decompression_errors() + (ValueError, IndexError, struct.error)) as exc:
        raise DecodeError(f"corrupt compressed data: truncated or damaged ({exc})") from None
    return bytes(out), codec


def check_text_head(head: bytes) -> None:
    """Refuse a payload whose first 8 KiB are not UTF-8 text: UTF-16 or UTF-32 (a byte-order mark and the NUL
    bytes of such text: named, with what to do), or binary data (NUL bytes)."""
    head = head[:8192]
    if b"\0" not in head:
        return
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise DecodeError("UTF-16 or UTF-32 text (its byte-order mark says so): clean rewrites UTF-8 only; "
                          "convert it first, e.g. iconv -f UTF-16 -t UTF-8")
    raise DecodeError("binary data (NUL bytes), not text (UTF-16 without a byte-order mark reads so too)")


def decode_text(data: bytes) -> tuple[str, bool]:
    """(text, had_bom); raises DecodeError naming the first bad byte."""
    bom = data.startswith(BOM)
    body = data[3:] if bom else data
    check_text_head(data if not bom else body)
    try:
        return body.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        raise DecodeError(f"not valid UTF-8 at byte {exc.start + (3 if bom else 0)} (line {line})") from None


def encode_text(text: str, bom: bool) -> bytes:
    return (BOM if bom else b"") + text.encode("utf-8")
