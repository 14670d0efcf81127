"""Cleaning files: discover them, scan, rewrite, and write the result safely.

This is what ``langscan clean`` calls.  Per file: read and decode the bytes
(compression and BOM remembered), let the format's cleaner act on the
findings, re-encode exactly as before, then write with :func:`write_atomic`
(or print a diff).  Rejected records are appended (and fsync'ed) to the
rejects file *before* the data file is replaced, so a record is never in
neither place.  A file that cannot be read or written is reported and left
alone; the run goes on and returns exit code 2.
"""

from __future__ import annotations

import difflib
import json
import os
import stat
import sys
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional, TextIO

from . import codec as codecs
from .atomic import TMP_SUFFIX, WriteError, write_atomic
from .core import DEFAULT_MASK, Action
from .formats import CLEANERS, Context, FormatError, format_of
from .rules import Rule, RuleError, RuleLog, match_rules
from ..readers.base import file_kind, open_regular, special_kind
from ..readers.walk import leftover
from ..reporters.safe import printable as _p

REJECTS_SUFFIX = ".rejects.jsonl"
RECORD_CLEANERS = ("jsonl", "csv", "tsv", "parquet")


def _stdin_format(options) -> str:
    """The cleaner for standard input, from --stdin-format."""
    from .formats import format_of as fmt_of

    return fmt_of("stdin." + {"markdown": "md"}.get(options.stdin_format, options.stdin_format)) or "text"


@dataclass
class CleanOptions:
    """Everything ``langscan clean`` decides, minus where the output goes."""

    action: Action = Action.STRIP
    kinds: Optional[tuple] = None
    langs: Optional[tuple] = None
    contexts: Optional[tuple] = None  # only findings in these contexts (None: any)
    mask_template: str = DEFAULT_MASK
    fields: tuple = ("text",)
    columns: tuple = ("text",)
    detector: object = None  # DetectorOptions; None = defaults
    rules: Optional[list] = None  # with rules, rule matches replace the detector
    jobs: int = 1
    policy: object = None  # langscan.policy.Policy: allow-list and inline markers
    rule_log: object = None  # rules.RuleLog: what each rule changed (filled in by --dry-run)
    pipeline: object = None  # langscan.pipeline.Pipeline: selection, per-path settings, allow-lists, baseline
    stdin_format: str = "text"  # the format of "-" (standard input)


@dataclass
class FileResult:
    path: str
    output: Optional[str] = None
    changed: bool = False
    acted: int = 0
    records: int = 0
    rejects: int = 0
    errors: list = field(default_factory=list)


def make_scanner(options: CleanOptions):
    """documents -> findings per document, from rules or the detector."""
    if options.rules is not None:
        rules: list[Rule] = options.rules
        log = options.rule_log
        if log is not None:
            return lambda docs: [log.add(d.text, match_rules(d.text, rules)) for d in docs]
        return lambda docs: [match_rules(d.text, rules) for d in docs]
    if options.pipeline is not None:  # the same decisions as `langscan scan`, file by file
        pipe = options.pipeline
        return lambda docs: pipe.findings_for(list(docs), jobs=options.jobs)
    from ..detector import DetectorOptions
    from ..parallel import scan_documents

    det_opts = options.detector or DetectorOptions()

    policy = options.policy
    if policy is not None:
        from ..policy import marker_lines

    def scan(docs):
        docs = list(docs)
        if policy is None:
            return [fs for _d, fs in scan_documents(docs, det_opts, jobs=options.jobs)]
        for d in docs:
            d.meta.setdefault("ignore_lines", marker_lines(d.text))
        return [policy.filter(d, fs) for d, fs in scan_documents(docs, det_opts, jobs=options.jobs)]
    return scan


def _lkind(path: str) -> Optional[str]:
    """None for a regular file that is not a link, else what ``path`` is (without following links)."""
    try:
        st = os.lstat(path)
    except (OSError, ValueError):
        return None
    if stat.S_ISLNK(st.st_mode):
        return "a symbolic link"
    return None if stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode) else file_kind(st.st_mode)


def discover(paths: Iterable[str], skip_suffixes: tuple = (), pipeline=None, notes: Optional[list] = None,
             in_place: bool = False) -> tuple[list, list]:
    """([(file, relative name for -o DIR)], [error messages]) in a stable order.

    With a ``pipeline``, files are selected exactly as ``langscan scan`` selects them (include and
    exclude globs, langscan's own files left out); formats clean cannot rewrite are errors when
    named and notes (in ``notes``) when met in a directory.  A directory walk takes regular files
    only: symbolic links are never followed (a link to a file outside the tree is never rewritten),
    FIFOs and devices are never opened (each a note).  Named explicitly, a FIFO or device is an
    error, and so is a symbolic link with ``--in-place``.  A file named twice is cleaned once.
    """
    files, errors = [], []
    notes = notes if notes is not None else []
    skip = (TMP_SUFFIX, REJECTS_SUFFIX) + tuple(s for s in skip_suffixes if s)
    seen: set = set()
    for p in paths:
        if p == "-":
            files.append(("-", "-"))
            continue
        kind = _lkind(p)
        if kind == "a symbolic link" and os.path.isdir(p):
            errors.append(f"{_p(p)}: error: a symbolic link to a folder; clean does not follow links (name the folder itself)")
            continue
        if kind not in (None, "a symbolic link"):
            errors.append(f"{_p(p)}: error: not a regular file ({kind}); not read")
            continue
        if kind == "a symbolic link" and in_place:
            errors.append(f"{_p(p)}: error: a symbolic link; --in-place does not write through links "
                          "(name its target, or use -o); left untouched")
            continue
        if pipeline is not None:
            listed = list(pipeline.files([p]))
        elif os.path.isdir(p):
            listed = sorted((os.path.join(r, n), False) for r, ds, ns in os.walk(p) for n in ns)
        else:
            listed = [(p, True)]
        for item in listed:
            if not isinstance(item, tuple):
                notes.append(str(item))
                continue
            full, explicit = item
            name = os.path.basename(full)
            if not explicit and (_is_rejects(name) or name.endswith(skip) or leftover(name)):
                continue
            if explicit and not os.path.lexists(full):
                errors.append(f"{_p(full)}: error: no such file or directory")
                continue
            k = _lkind(full)
            if not explicit and k is not None:
                notes.append(f"{_p(full)}: note: skipped: {k}; clean only rewrites regular files "
                             "inside the folders named")
                continue
            if explicit and k not in (None, "a symbolic link"):
                errors.append(f"{_p(full)}: error: not a regular file ({k}); not read")
                continue
            fmt = format_of(full)
            if fmt is None:
                if explicit:
                    errors.append(f"{_p(full)}: error: clean cannot rewrite this format yet "
                                  "(text, Markdown, JSONL, CSV/TSV, Parquet; optionally compressed)")
                else:
                    notes.append(f"{_p(full)}: note: clean cannot rewrite this format yet, skipped "
                                 "(scan, report and explain read it)")
                continue
            try:
                key = os.path.realpath(full)
            except (OSError, ValueError):
                key = full
            if key in seen:
                continue
            seen.add(key)
            files.append((full, os.path.relpath(full, p) if os.path.isdir(p) else os.path.basename(full)))
    return files, errors


def _is_rejects(name: str) -> bool:
    base = name
    for suffix in (".gz", ".bz2", ".xz", ".zst"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
    return base.endswith(REJECTS_SUFFIX)


def rejects_path(dest: str) -> str:
    """Default rejects file of an output: beside it, compressed the same way (kept.jsonl.gz -> kept.rejects.jsonl.gz)."""
    for suffix in (".gz", ".bz2", ".xz", ".zst"):
        if dest.endswith(suffix):
            stem = dest[: -len(suffix)]
            for ext in (".jsonl", ".ndjson", ".jsonlines", ".csv", ".tsv", ".tab", ".txt"):
                if stem.endswith(ext):
                    stem = stem[: -len(ext)]
                    break
            return stem + REJECTS_SUFFIX + suffix
    return dest + REJECTS_SUFFIX


def clean_bytes(raw: bytes, path: str, ctx: Context, fmt: Optional[str] = None) -> tuple[bytes, object, str, str]:
    """(new bytes, Cleaned, text before, text after) for one file's bytes."""
    fmt = fmt or format_of(path)
    if fmt == "parquet":
        from .parquet import clean_parquet
        data, res, before, after = clean_parquet(raw, path, ctx)
        return data, res, "\n".join(before) + "\n" if before else "", "\n".join(after) + "\n" if after else ""
    payload, codec = codecs.decompress(raw)
    text, bom = codecs.decode_text(payload)
    res = CLEANERS[fmt](text, path, ctx)
    if res.text == text:
        return raw, res, text, text
    return codec.compress(codecs.encode_text(res.text, bom)), res, text, res.text


def _codec_for_name(path: str):
    from ..readers.compression import codec_from_name

    name = codec_from_name(os.path.basename(path))[1]
    return codecs.Codec(name) if name else None


def _append_rejects(path: str, rejects: list) -> None:
    data = "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in rejects).encode("utf-8")
    codec = _codec_for_name(path)
    if codec is not None:  # a compressed stream appended as one more member/frame: readers see one file
        data = codec.compress(data)
    with open(path, "ab") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _label(side: str, path: str) -> str:
    return path if os.path.isabs(path) else f"{side}/{path}"


def _diff(before: str, after: str, path: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=_label("a", path), tofile=_label("b", path))
    return "".join(l if l.endswith("\n") else l + "\n\\ No newline at end of file\n" for l in lines)


def check_destinations(files: list, output: Optional[str], in_place: bool, many: bool) -> list:
    """Error messages for outputs that would be lost or written where they must not be, checked
    before anything is written: two inputs cleaned to the same output name (``d1/a.txt d2/a.txt -o
    out/``), an output that is an input of the same run (itself included: ``-o`` never means
    in place, ``--in-place`` does), and (with ``-o DIR``) an output that is a symbolic link or lies
    outside DIR through a linked folder."""
    if output == "-" or (output is None and not in_place):
        return []
    problems = []
    by_dest: dict = {}
    inputs = {}
    for src, _rel in files:
        try:
            inputs[os.path.realpath(src)] = src
        except (OSError, ValueError):
            pass
    root = os.path.realpath(output) if output and many else None
    for src, rel in files:
        dest = src if in_place else destination(src, rel, output, many)
        key = os.path.normcase(os.path.abspath(dest))
        if key in by_dest:
            problems.append(f"{_p(src)}: error: would be written to {_p(dest)}, the output of {_p(by_dest[key])} too; "
                            "name the inputs so their output names differ (or clean them one at a time)")
            continue
        by_dest[key] = src
        if in_place:
            continue
        real = os.path.realpath(dest)
        if real in inputs and inputs[real] == src:  # `clean x.txt -o x.txt`, `clean dir -o dir`
            problems.append(f"{_p(src)}: error: its output {_p(dest)} is the input itself; use --in-place to "
                            "replace it (with --backup to keep the original), or choose another output")
        elif real in inputs:
            problems.append(f"{_p(src)}: error: its output {_p(dest)} is the input {_p(inputs[real])} of this run; "
                            "choose another output folder")
        if os.path.islink(dest):
            problems.append(f"{_p(src)}: error: the output {_p(dest)} is a symbolic link; clean does not write "
                            "through links (remove it or choose another output)")
        elif root is not None and not _inside(os.path.dirname(real), root):
            problems.append(f"{_p(src)}: error: the output {_p(dest)} would land outside {_p(output)} "
                            "(through a linked folder); nothing is written outside the output folder")
        elif many and os.path.lexists(dest) and not os.path.isfile(dest):
            problems.append(f"{_p(src)}: error: the output {_p(dest)} exists and is not a regular file "
                            f"({special_kind(dest) or 'a special file'})")
    return problems


def check_rejects(files: list, output: Optional[str], in_place: bool, many: bool,
                  rejects: Optional[str]) -> Optional[str]:
    """The error for a ``--rejects`` file that is an input or an output of the run, else None.
    Rejected records are appended to it before the data file is written, so the data file would
    then replace them (``--in-place``, or ``-o`` the same file) or get them appended (an input
    cleaned to ``-o``): records lost or mixed in, with exit 0."""
    if not rejects:
        return None
    for src, rel in files:
        dest = src if in_place else destination(src, rel, output, many)
        for role, path in (("input", src), ("output", dest)):
            if path != "-" and _same_file(rejects, path):
                return (f"langscan clean: error: --rejects {_p(rejects)} is the {role} {_p(path)} of this run; the "
                        "records left out need a file of their own (choose another --rejects file); nothing written")
    return None


def _same_file(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name one file: the same inode when both exist (hard links, ``./x``),
    else the same resolved path (an output not written yet)."""
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))
    except (OSError, ValueError):
        return False


def _inside(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([root, path]) == root
    except ValueError:  # another drive (Windows)
        return False


def destination(src: str, rel: str, output: Optional[str], many: bool) -> str:
    """Where the cleaned ``src`` goes for ``-o output``."""
    if output is None:
        return src
    if many or os.path.isdir(output) or output.endswith(os.sep):
        return os.path.join(output, rel)
    return output


BATCH_FILES = 256
BATCH_BYTES = 16 << 20


_LAZY = object()


def _read_file(src: str):
    """The bytes of ``src``, or the error (an OSError or DecodeError) to report."""
    try:
        with open_regular(src) as fh:
            limit = codecs.max_bytes()
            if os.fstat(fh.fileno()).st_size > limit:
                return codecs._too_big(limit)
            return fh.read()
    except OSError as exc:
        return exc
    except ValueError as exc:  # a NUL byte in the name
        return OSError(str(exc))


STREAM_BATCH = 4 << 20  # bytes of JSONL lines cleaned at a time when streaming
MAX_MESSAGES = 100  # per file: a file of a billion bad lines says so in a hundred lines and a count


TEXT_WHOLE = 16 << 20  # a text file up to this size is cleaned as one document, as `scan` reads it


def _batches(payload, limit: int, size: int, whole: int = 0):
    """Byte batches of whole lines of about ``size``; with ``whole``, a payload of at most
    ``whole`` bytes comes back as one batch (a text file is one document up to that size)."""
    from ..readers.base import peekable

    sniff = payload.read(8192)  # binary data is refused before a line of it is read
    codecs.check_text_head(sniff)
    payload = peekable(sniff, payload)
    whole = min(whole, limit)
    if whole:
        head = bytearray()
        while len(head) <= whole:
            chunk = payload.read(min(1 << 20, whole + 1 - len(head)))
            if not chunk:
                break
            head += chunk
        if len(head) <= whole:
            if head:
                yield bytes(head), 1
            return
        payload = peekable(bytes(head), payload)
    while True:
        batch, got = [], 0
        while got < size:
            line = payload.readline(limit + 1)
            if not line:
                break
            if len(line) > limit:
                raise codecs._too_big(limit)
            batch.append(line)
            got += len(line)
        if not batch:
            return
        yield b"".join(batch), len(batch)


def _clean_streamed(src: str, dest: str, res: "FileResult", ctx: Context, backup: Optional[str],
                    rejects_path: str, fmt: str) -> list:
    """Clean a JSONL or text file batch by batch, from the (decompressed) input stream to the
    (recompressed) temporary output, so memory holds one batch, never the file.  A text file
    up to 16 MiB is one batch (one document, as `scan` reads it); a larger one goes in
    batches of whole lines, as `scan` reads it too.  Returns the messages of records kept
    unchanged; raises DecodeError or FormatError (nothing written) or WriteError.  An
    unchanged file is left alone in place, or copied byte for byte to ``-o``."""
    from .atomic import Unchanged, write_atomic_stream
    from .formats import clean_jsonl, clean_plain
    from ..readers.compression import decompression_errors

    same = os.path.exists(dest) and os.path.samefile(src, dest)
    limit = codecs.max_bytes()
    found: dict = {"acted": 0, "records": 0, "rejects": [], "errors": [], "skipped": 0, "more": 0}

    def produce(out_fh) -> None:
        changed = False
        with open_regular(src) as fh:
            try:
                payload, codec = codecs.open_payload(fh)
                writer = codecs.compressing_writer(codec, out_fh)
                line_no, first = 1, True
                for data, nlines in _batches(payload, limit, STREAM_BATCH, TEXT_WHOLE if fmt == "text" else 0):
                    bom = False
                    if first:
                        text, bom = codecs.decode_text(data)
                    else:
                        try:
                            text = data.decode("utf-8")
                        except UnicodeDecodeError as exc:
                            bad_line = line_no + data.count(b"\n", 0, exc.start)
                            raise codecs.DecodeError(f"not valid UTF-8 (line {bad_line})") from None
                    fctx = replace(ctx)
                    if fmt == "jsonl":
                        part = clean_jsonl(text, src, fctx, first_line=line_no)
                    else:
                        part = clean_plain(text, src, fctx)
                    found["skipped"] += fctx.skipped_documents
                    found["acted"] += part.acted
                    found["records"] += part.records
                    found["rejects"].extend(part.rejects)
                    room = MAX_MESSAGES - len(found["errors"])
                    found["errors"].extend(part.errors[:max(room, 0)])
                    found["more"] += max(len(part.errors) - max(room, 0), 0)
                    if part.text != text:
                        changed = True
                    writer.write(codecs.encode_text(part.text, bom))
                    line_no += nlines
                    first = False
                writer.close()
                if fmt == "text":  # one file is one record, however many batches it took
                    found["records"] = int(changed)
            except codecs.DecodeError:
                raise
            except decompression_errors() as exc:
                raise codecs.DecodeError(f"corrupt compressed data: truncated or damaged ({exc})") from None
        if not changed:
            if same:
                raise Unchanged
            out_fh.seek(0)  # -o: the input's own bytes, not a recompression of them
            out_fh.truncate()
            with open_regular(src) as fh:
                import shutil
                shutil.copyfileobj(fh, out_fh, 1 << 20)
        res.changed = changed
        if found["rejects"]:  # before the data file is replaced: a record is never in neither place
            _append_rejects(rejects_path, found["rejects"])

    write_atomic_stream(dest, produce, mode_from=src, backup=backup)
    res.acted, res.records, res.rejects = found["acted"], found["records"], len(found["rejects"])
    res._skipped = found["skipped"]  # type: ignore[attr-defined]
    if found["more"]:
        found["errors"].append(f"{_p(src)}: ... and {found['more']} more record(s) kept unchanged for the same reasons")
    return found["errors"]


def _read_batches(files: list, ctx: Context, scanner, batched: bool):
    """(src, rel, raw bytes or the OSError, findings per document or None) per file.

    With several worker processes, the documents of a batch of files are
    scanned in one ``scan_documents`` call, so the pool is started once per
    batch, not once per file: a first parse-only pass records each file's
    documents, the real pass then replays the findings in the same order.
    """
    def read(src):
        return sys.stdin.buffer.read() if src == "-" else _read_file(src)

    if not batched:
        for src, rel in files:
            # read when cleaned: JSONL is streamed, never read whole (standard input is read here)
            yield src, rel, (read(src) if src == "-" else _LAZY), None
        return
    i = 0
    while i < len(files):
        batch, size = [], 0
        while i < len(files) and len(batch) < BATCH_FILES and size < BATCH_BYTES:
            src, rel = files[i]
            raw = read(src)
            size += len(raw) if isinstance(raw, bytes) else 0
            batch.append((src, rel, raw))
            i += 1
        recorded: list = []
        spans = []
        record_ctx = replace(ctx, scan=lambda docs: (recorded.extend(docs), [[] for _ in docs])[1])
        for src, _rel, raw in batch:
            start = len(recorded)
            if isinstance(raw, bytes):
                try:
                    clean_bytes(raw, src, record_ctx)
                except (codecs.DecodeError, FormatError, RecursionError):
                    pass  # reported by the real pass
            spans.append((start, len(recorded)))
        findings = scanner(recorded) if recorded else []
        for (src, rel, raw), (a, b) in zip(batch, spans):
            yield src, rel, raw, findings[a:b]


def _fail(res: FileResult, message: str, err) -> None:
    """Report that ``res``'s file could not be cleaned or written.  It is left as it was, so the
    summary counts it as not changed, with nothing acted on: the summary tells what was written."""
    res.errors.append(message)
    print(message, file=err)
    res.changed, res.acted, res.records, res.rejects = False, 0, 0, 0


def _clean_all(files, ctx, scanner, batched, results, options, output, in_place, backup_suffix, dry_run,
               rejects, many, out, err) -> None:
    """Clean each file in turn, appending a FileResult per file to ``results``."""
    for src, rel, raw, found in _read_batches(files, ctx, scanner, batched):
        res = FileResult(src)
        results.append(res)
        if raw is _LAZY:
            dest = src if in_place else destination(src, rel, output, many)
            fmt = format_of(src)
            if not dry_run and dest != "-" and (fmt == "jsonl" or (fmt == "text" and options.action is not Action.DROP_RECORD)):
                res.output = dest
                same = os.path.exists(dest) and os.path.samefile(src, dest)
                if os.path.dirname(dest):
                    try:
                        os.makedirs(os.path.dirname(dest), exist_ok=True)
                    except OSError as exc:
                        _fail(res, f"{_p(src)}: error: cannot write {_p(dest)}: {exc.strerror}; "
                                   "original left untouched", err)
                        continue
                try:
                    kept = _clean_streamed(src, dest, res, ctx, (src + backup_suffix) if (same and backup_suffix)
                                           else None, rejects or rejects_path(dest), fmt)
                except (OSError, codecs.DecodeError, FormatError, RuleError) as exc:
                    msg = _p(exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc))
                    _fail(res, f"{_p(src)}: error: {msg}; left untouched", err)
                    continue
                except WriteError as exc:
                    _fail(res, f"{_p(src)}: error: {_p(str(exc))}", err)
                    continue
                for e in kept:
                    print(e, file=err)
                res.errors.extend(kept)
                continue
            raw = _read_file(src)
        try:
            if isinstance(raw, (OSError, codecs.DecodeError)):
                raise raw
            fctx = replace(ctx, scan=(lambda docs, found=found: found) if batched else scanner)
            try:
                data, cleaned, before, after = clean_bytes(
                    raw, "<stdin>" if src == "-" else src, fctx, fmt=_stdin_format(options) if src == "-" else None)
            finally:
                res._skipped = fctx.skipped_documents  # type: ignore[attr-defined]
        except (OSError, codecs.DecodeError, FormatError, RuleError) as exc:
            msg = _p(exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc))
            _fail(res, f"{_p(src)}: error: {msg}; left untouched", err)
            continue
        for e in cleaned.errors:
            print(e, file=err)
        res.errors.extend(cleaned.errors)
        res.changed, res.acted, res.records, res.rejects = data != raw, cleaned.acted, cleaned.records, len(cleaned.rejects)
        if dry_run:
            if res.changed:
                out.write(_diff(before, after, src))
            continue
        dest = src if in_place else destination(src, rel, output, many)
        res.output = dest
        try:
            if dest == "-":
                if cleaned.rejects:
                    _append_rejects(rejects or ("langscan-stdin" + REJECTS_SUFFIX if src == "-" else rejects_path(src)),
                                    cleaned.rejects)
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
                continue
            same = src != "-" and os.path.exists(dest) and os.path.samefile(src, dest)
            if same and not res.changed:
                continue  # nothing to do: the file (and its mtime) stay as they are
            if os.path.dirname(dest):
                os.makedirs(os.path.dirname(dest), exist_ok=True)
            if cleaned.rejects:
                _append_rejects(rejects or rejects_path(dest), cleaned.rejects)
            write_atomic(dest, data, mode_from=None if src == "-" else src,
                         backup=(src + backup_suffix) if (same and backup_suffix) else None)
        except (WriteError, OSError) as exc:
            msg = _p(str(exc)) if isinstance(exc, WriteError) else f"cannot write {_p(dest)}: {exc.strerror}; original left untouched"
            _fail(res, f"{_p(src)}: error: {msg}", err)


def run(paths: list, options: CleanOptions, *, output: Optional[str] = None, in_place: bool = False,
        backup_suffix: Optional[str] = None, dry_run: bool = False, rejects: Optional[str] = None,
        out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> tuple[int, list]:
    """Clean ``paths``; returns (exit code, [FileResult]). Messages go to ``err``."""
    notes: list = []
    files, errors = discover(paths, (backup_suffix,) if backup_suffix else (), options.pipeline, notes,
                             in_place=in_place)
    for e in notes + errors:
        print(e, file=err)
    if any(src == "-" for src, _rel in files) and output is None and not dry_run:
        print("langscan clean: error: standard input (-) needs -o FILE or -o - (stdout), or --dry-run", file=err)
        return 2, []
    many = len(files) > 1 or any(os.path.isdir(p) for p in paths)
    if output == "-" and many:
        print("langscan clean: error: -o - (stdout) takes a single input file", file=err)
        return 2, []
    if in_place and any(src == "-" for src, _rel in files):
        print("langscan clean: error: --in-place cannot replace standard input; use -o", file=err)
        return 2, []
    if not dry_run and options.action is Action.DROP_RECORD:  # the one action that writes rejects
        clash_rejects = check_rejects(files, output, in_place, many, rejects)
        if clash_rejects:
            print(clash_rejects, file=err)
            return 2, []
    if not dry_run:
        clash = check_destinations(files, output, in_place, many)
        if clash:
            for e in clash:
                print(e, file=err)
            print("langscan clean: nothing written", file=err)
            return 2, []
    if dry_run and options.rules is not None and options.rule_log is None:
        options = replace(options, rule_log=RuleLog(options.action))
    scanner = make_scanner(options)
    ctx = Context(scan=scanner, action=options.action, kinds=options.kinds,
                  langs=options.langs, contexts=options.contexts, mask_template=options.mask_template,
                  fields=options.fields, columns=options.columns)
    batched = options.jobs > 1 and options.rules is None
    results = []
    skipped_documents = 0
    from ..parallel import WorkerDied

    try:
        _clean_all(files, ctx, scanner, batched, results, options, output, in_place, backup_suffix, dry_run,
                   rejects, many, out, err)
    except WorkerDied as exc:  # killed or out of memory: what was written is complete, the rest untouched
        done = sum(1 for r in results if r.output and not r.errors)
        print(f"langscan clean: error: {exc} {done} file(s) were written completely before that; "
              "every other file is untouched.", file=err)
        return 2, results
    skipped_documents = sum(getattr(r, "_skipped", 0) for r in results)
    if skipped_documents:
        how = ("repair only fixes mis-decoded text; use --action drop-record to leave them out"
               if str(options.action) == "repair" else
               f"use --action drop-record, or --kind document to {options.action} them")
        print(f"langscan clean: note: {skipped_documents} whole-document finding(s) left alone (text in another language "
              f"throughout); {how}", file=err)
    if dry_run and options.rule_log is not None:
        out.flush()
        err.write("What each rule would change:\n" + options.rule_log.format(options.rules))
    n_changed = sum(r.changed for r in results)
    verb = "would change" if dry_run else "changed"
    record_files = [r for r in results if format_of(r.path if r.path != "-" else "x." + _stdin_format(options))
                    in RECORD_CLEANERS]
    tail = ""
    if record_files:
        tail = (f", {sum(r.records for r in record_files)} record(s) affected, "
                f"{sum(r.rejects for r in record_files)} rejected")
    print(f"langscan clean: {len(results)} file(s), {verb} {n_changed}; "
          f"{sum(r.acted for r in results)} finding(s) acted on ({options.action}){tail}", file=err)
    failed = errors or any(r.errors for r in results)
    return (2 if failed else 0), results
