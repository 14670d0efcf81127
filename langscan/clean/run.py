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
import sys
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional, TextIO

from . import codec as codecs
from .atomic import TMP_SUFFIX, WriteError, write_atomic
from .core import DEFAULT_MASK, Action
from .formats import CLEANERS, Context, FormatError, format_of
from .rules import Rule, match_rules

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
    mask_template: str = DEFAULT_MASK
    fields: tuple = ("text",)
    columns: tuple = ("text",)
    detector: object = None  # DetectorOptions; None = defaults
    rules: Optional[list] = None  # with rules, rule matches replace the detector
    jobs: int = 1
    policy: object = None  # langscan.policy.Policy: allow-list and inline markers
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


def discover(paths: Iterable[str], skip_suffixes: tuple = (), pipeline=None, notes: Optional[list] = None
             ) -> tuple[list, list]:
    """([(file, relative name for -o DIR)], [error messages]) in a stable order.

    With a ``pipeline``, files are selected exactly as ``langscan scan`` selects them (include and
    exclude globs, langscan's own files left out); formats clean cannot rewrite are errors when
    named and notes (in ``notes``) when met in a directory.
    """
    files, errors = [], []
    notes = notes if notes is not None else []
    skip = (TMP_SUFFIX, REJECTS_SUFFIX) + tuple(s for s in skip_suffixes if s)
    for p in paths:
        if p == "-":
            files.append(("-", "-"))
            continue
        if pipeline is not None:
            listed = list(pipeline.files([p]))
        elif os.path.isdir(p):
            listed = [(os.path.join(r, n), False) for r, ds, ns in os.walk(p) for n in ns]
        else:
            listed = [(p, True)]
        for item in sorted(listed, key=lambda x: x[0] if isinstance(x, tuple) else "") if pipeline is None else listed:
            if not isinstance(item, tuple):
                notes.append(str(item))
                continue
            full, explicit = item
            name = os.path.basename(full)
            if not explicit and (_is_rejects(name) or name.endswith(skip)):
                continue
            if explicit and not os.path.exists(full):
                errors.append(f"{full}: error: no such file or directory")
                continue
            fmt = format_of(full)
            if fmt is None:
                if explicit:
                    errors.append(f"{full}: error: clean cannot rewrite this format yet "
                                  "(text, Markdown, JSONL, CSV/TSV, Parquet; optionally compressed)")
                else:
                    notes.append(f"{full}: note: clean cannot rewrite this format yet, skipped "
                                 "(scan, report and explain read it)")
                continue
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


def destination(src: str, rel: str, output: Optional[str], many: bool) -> str:
    """Where the cleaned ``src`` goes for ``-o output``."""
    if output is None:
        return src
    if many or os.path.isdir(output) or output.endswith(os.sep):
        return os.path.join(output, rel)
    return output


BATCH_FILES = 256
BATCH_BYTES = 16 << 20


def _read_batches(files: list, ctx: Context, scanner, batched: bool):
    """(src, rel, raw bytes or the OSError, findings per document or None) per file.

    With several worker processes, the documents of a batch of files are
    scanned in one ``scan_documents`` call, so the pool is started once per
    batch, not once per file: a first parse-only pass records each file's
    documents, the real pass then replays the findings in the same order.
    """
    def read(src):
        if src == "-":
            return sys.stdin.buffer.read()
        try:
            with open(src, "rb") as fh:
                return fh.read()
        except OSError as exc:
            return exc

    if not batched:
        for src, rel in files:
            yield src, rel, read(src), None
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
                except (codecs.DecodeError, FormatError):
                    pass  # reported by the real pass
            spans.append((start, len(recorded)))
        findings = scanner(recorded) if recorded else []
        for (src, rel, raw), (a, b) in zip(batch, spans):
            yield src, rel, raw, findings[a:b]


def run(paths: list, options: CleanOptions, *, output: Optional[str] = None, in_place: bool = False,
        backup_suffix: Optional[str] = None, dry_run: bool = False, rejects: Optional[str] = None,
        out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> tuple[int, list]:
    """Clean ``paths``; returns (exit code, [FileResult]). Messages go to ``err``."""
    notes: list = []
    files, errors = discover(paths, (backup_suffix,) if backup_suffix else (), options.pipeline, notes)
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
    scanner = make_scanner(options)
    ctx = Context(scan=scanner, action=options.action, kinds=options.kinds,
                  langs=options.langs, mask_template=options.mask_template,
                  fields=options.fields, columns=options.columns)
    batched = options.jobs > 1 and options.rules is None
    results = []
    skipped_documents = 0
    for src, rel, raw, found in _read_batches(files, ctx, scanner, batched):
        res = FileResult(src)
        results.append(res)
        try:
            if isinstance(raw, OSError):
                raise raw
            fctx = replace(ctx, scan=(lambda docs, found=found: found) if batched else scanner)
            try:
                data, cleaned, before, after = clean_bytes(
                    raw, "<stdin>" if src == "-" else src, fctx, fmt=_stdin_format(options) if src == "-" else None)
            finally:
                skipped_documents += fctx.skipped_documents
        except (OSError, codecs.DecodeError, FormatError) as exc:
            msg = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            res.errors.append(f"{src}: error: {msg}; left untouched")
            print(res.errors[-1], file=err)
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
            msg = str(exc) if isinstance(exc, WriteError) else f"cannot write {dest}: {exc.strerror}; original left untouched"
            res.errors.append(f"{src}: error: {msg}")
            print(res.errors[-1], file=err)
    if skipped_documents:
        print(f"langscan clean: note: {skipped_documents} whole-document finding(s) left alone (text in another language "
              f"throughout); use --action drop-record, or --kind document to {options.action} them", file=err)
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
