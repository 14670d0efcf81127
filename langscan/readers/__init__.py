"""Readers: turn files, compressed files and stdin into Documents.

One module per input family, registered here by name and file extension: the one format registry.
``langscan clean`` asks it which rewriter a file gets (``Format.cleaner``), and the pre-commit
manifest's ``files:`` pattern is :func:`precommit_pattern` (a test keeps them equal)::

    text (.txt .rst and anything unknown)   markdown (.md: code blocks and spans not scanned)
    html (.html .htm .xhtml)
    jsonl (.jsonl .ndjson)   json (.json)   csv (.csv)   tsv (.tsv .tab)   parquet (.parquet .pq)

Any of them may be compressed (.gz .bz2 .xz .zst, or detected by magic bytes).
``read_inputs`` yields ``Document``, ``ReadError`` and ``ReadNote`` items in
input order; it never raises for bad input.
"""

from __future__ import annotations

import io
import os
import sys
from typing import BinaryIO, Callable, Iterable, Iterator, NamedTuple, Optional

from .base import SNIFF_BYTES, Item, ReadError, ReaderOptions, ReadNote, Source, SpecialFile, open_regular, peekable, special_kind
from .compression import MissingExtra, codec_from_magic, codec_from_name, decompress, decompression_errors

__all__ = [
    "FORMATS", "REGISTRY", "Format", "Item", "precommit_pattern", "ReadError", "ReadNote", "ReaderOptions", "Source",
    "format_for", "read_inputs", "read_source", "register",
]

FORMATS: dict[str, Callable] = {}
EXTENSIONS: dict[str, str] = {}


class Format(NamedTuple):
    """One input format: its reader, whether ``clean`` can rewrite it, whether pre-commit runs on it."""

    name: str
    extensions: tuple
    cleaner: Optional[str]  # key of langscan.clean.formats.CLEANERS (or "parquet"); None: scan only
    precommit: bool  # prose a repository keeps (not JSON settings files, not binary tables)


REGISTRY: dict[str, Format] = {}


def register(name: str, extensions: Iterable[str], loader: Callable[[], Callable], *,
             cleaner: Optional[str] = None, precommit: bool = False) -> None:
    """Register a reader; ``loader`` imports its module only when first used."""
    FORMATS[name] = loader
    REGISTRY[name] = Format(name, tuple(extensions), cleaner, precommit)
    for ext in extensions:
        EXTENSIONS[ext] = name


def _lazy(module: str, func: str) -> Callable[[], Callable]:
    def load():
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{module}"), func)

    return load


register("text", (".txt", ".text", ".rst"), _lazy("text", "read_text"), cleaner="text", precommit=True)
register("markdown", (".md", ".markdown", ".mdown", ".mkd"), _lazy("markdown", "read_markdown"),
         cleaner="markdown", precommit=True)
register("html", (".html", ".htm", ".xhtml"), _lazy("html", "read_html"), precommit=True)
register("jsonl", (".jsonl", ".ndjson", ".jsonlines"), _lazy("jsonl", "read_jsonl"), cleaner="jsonl", precommit=True)
register("json", (".json",), _lazy("jsonarray", "read_json"))
register("csv", (".csv",), _lazy("csvfile", "read_csv"), cleaner="csv", precommit=True)
register("tsv", (".tsv", ".tab"), _lazy("csvfile", "read_tsv"), cleaner="tsv", precommit=True)
register("parquet", (".parquet", ".pq"), _lazy("parquet", "read_parquet"), cleaner="parquet")


def precommit_pattern() -> str:
    """The ``files:`` regular expression of the pre-commit hook: every format marked ``precommit``."""
    exts = sorted(e.lstrip(".") for f in REGISTRY.values() if f.precommit for e in f.extensions)
    from .compression import SUFFIXES

    comp = "|".join(sorted(c.lstrip(".") for c in SUFFIXES))
    return rf"\.({'|'.join(exts)})(\.({comp}))?$"

STDIN_FORMATS = ("text", "markdown", "html", "jsonl", "json", "csv", "tsv")


def format_for(path: str) -> tuple[str, Optional[str]]:
    """(reader name, compression codec by name) for a file name."""
    inner, codec = codec_from_name(os.path.basename(path))
    ext = os.path.splitext(inner)[1].lower()
    return EXTENSIONS.get(ext, "text"), codec


def read_source(source: Source, opts: ReaderOptions) -> Iterator[Item]:
    """Read one source: open, decompress, sniff for binary/empty, dispatch; never raises for bad input."""
    progress_line = lambda: getattr(source.meta.get("progress"), "line", None)  # noqa: E731
    kind = special_kind(source.fs_path) if source.fs_path is not None else None
    if kind is not None:  # a FIFO or a device would block or never end: never opened
        if source.explicit:
            yield ReadError(source.path, f"not a regular file ({kind}); not read")
        else:
            yield ReadNote(source.path, f"skipped: not a regular file ({kind})")
        return
    try:
        raw = source.opener()
    except SpecialFile as exc:
        yield ReadError(source.path, exc.strerror)
        return
    except OSError as exc:
        yield ReadError(source.path, f"cannot read: {exc.strerror or exc}")
        return
    except ValueError as exc:  # e.g. a NUL byte in the path
        yield ReadError(source.path, f"cannot read: {exc}")
        return
    if source.fmt == "parquet" and source.fs_path is not None:
        yield from FORMATS["parquet"]()(source, raw, opts)
        raw.close()
        return
    stream: BinaryIO = raw
    try:
        try:
            head = raw.read(8)
            codec = source.meta.get("codec") or codec_from_magic(head)
            stream = peekable(head, raw)
            if codec:
                stream = decompress(stream, codec)
            head = stream.read(SNIFF_BYTES)
            wide = _wide_encoding(head)
            if wide:  # UTF-16/32 text (Windows tools write it): transcode to UTF-8, positions are code points anyway
                head = (head + stream.read()).decode(wide, "replace").encode("utf-8")
                stream.close()
                stream = io.BytesIO(b"")  # type: ignore[assignment]
        except MissingExtra as exc:
            yield ReadError(source.path, str(exc))
            return
        except decompression_errors() as exc:
            yield ReadError(source.path, f"truncated or corrupt compressed data: {exc}", line=1)
            return
        nul = head.find(b"\x00")
        if nul != -1:
            if source.explicit:
                yield ReadError(source.path, "binary file (NUL byte), not scanned", byte=nul)
            else:
                yield ReadNote(source.path, "binary file skipped")
            return
        if not head:
            if source.explicit:
                yield ReadNote(source.path, "empty file, nothing to scan")
            return
        reader = FORMATS.get(source.fmt, FORMATS["text"])()
        try:
            yield from reader(source, peekable(head, stream), opts)
        except decompression_errors() as exc:
            line = progress_line()
            yield ReadError(
                source.path,
                f"truncated or corrupt compressed data ({exc}); the rest of the file is lost",
                line=(line + 1) if line is not None else None,
            )
        except OSError as exc:
            yield ReadError(source.path, f"read failed: {exc}", line=progress_line())
        except Exception as exc:  # a reader's own failure on one odd file must not end the run for every other one
            yield ReadError(source.path, f"could not be read ({type(exc).__name__}: {exc}); the rest of this file is "
                                         f"not scanned (please report it)", line=progress_line())
    finally:
        stream.close()


def _wide_encoding(head: bytes) -> Optional[str]:
    """"utf-32"/"utf-16" when ``head`` starts with their byte-order mark, else None."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def _file_source(path: str, explicit: bool) -> Source:
    fmt, codec = format_for(path)
    return Source(path=path, opener=lambda: open_regular(path), fmt=fmt, fs_path=path, explicit=explicit,
                  meta={"codec": codec} if codec else {})


def stdin_source(fmt: str, stream: Optional[BinaryIO] = None) -> Source:
    """Standard input read as ``fmt`` (compression is detected by magic bytes)."""
    stream = stream if stream is not None else sys.stdin.buffer
    return Source(path="<stdin>", opener=lambda: _NoClose(stream), fmt=fmt, explicit=True)


class _NoClose:
    """Do not close the process's stdin when a reader is done with it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._s = stream

    def read(self, n: int = -1) -> bytes:
        return self._s.read(n)

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        pass


def sources(paths: Iterable[str], opts: ReaderOptions, include=(), exclude=(), base=None) -> Iterator[Source]:
    """The Sources for command-line paths (``-`` is stdin)."""
    from .walk import walk

    for path, explicit in walk(paths, include, exclude, base):
        if path == "-":
            yield stdin_source(opts.stdin_format)
        else:
            yield _file_source(path, explicit)


def read_inputs(paths: Iterable[str], opts: ReaderOptions = ReaderOptions(), include=(), exclude=(), base=None) -> Iterator[Item]:
    """Every item of every input, in order."""
    for src in sources(paths, opts, include, exclude, base):
        yield from read_source(src, opts)
