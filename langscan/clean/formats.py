"""Per-format round-trip cleaners: plain text, JSONL, CSV/TSV (Parquet in parquet.py).

Each cleaner gets the decoded text of one file and a :class:`Context`, and
returns the new text plus the rejected records.  Only what was acted on
changes: a JSONL record keeps every other field byte for byte (the scanned
string token is spliced), a CSV row with no finding keeps its raw bytes, line
endings are never normalised.  Records that cannot be parsed are kept as they
are and reported (the run then exits 2).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from ..document import Document
from . import core
from .core import Action
from ..policy import marker_lines
from ..readers.jsonpath import JsonLocator
from .jsonfield import locate_string, string_token
from ..reporters.safe import printable
from ..options import LangscanError

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class FormatError(LangscanError, ValueError):
    """The whole file cannot be cleaned in this format (it is left untouched)."""


@dataclass
class Reject:
    """A record left out by drop-record, with the findings that caused it."""

    path: str
    record: int
    reasons: list
    raw: Optional[str] = None  # the record's exact text (JSONL line, CSV row)
    row: Optional[dict] = None  # CSV / Parquet: the record as a mapping

    def to_dict(self) -> dict:
        d = {"path": self.path, "record": self.record,
             "reasons": [f.to_dict() if hasattr(f, "to_dict") else f for f in self.reasons]}
        if self.raw is not None:
            d["raw"] = self.raw
        if self.row is not None:
            d["row"] = self.row
        return d


@dataclass
class Cleaned:
    """What a cleaner made of one file."""

    text: str
    acted: int = 0  # findings acted on
    records: int = 0  # records changed or dropped
    rejects: list = field(default_factory=list)
    errors: list = field(default_factory=list)


@dataclass
class Context:
    """The cleaning settings plus the scanner (documents -> findings per document)."""

    scan: Callable[[Sequence[Document]], list]
    action: Action = Action.STRIP
    kinds: Optional[tuple] = None
    langs: Optional[tuple] = None
    contexts: Optional[tuple] = None  # (menu, boilerplate, caption, quote, gloss, body; None = any)
    mask_template: str = core.DEFAULT_MASK
    fields: tuple = ("text",)
    columns: tuple = ("text",)

    skipped_documents: int = 0  # whole-document findings left alone by the default kinds

    def select(self, findings: Sequence) -> list:
        kinds = self.kinds if self.kinds is not None else core.default_kinds(self.action)
        chosen = core.select(findings, kinds, self.langs, self.contexts)
        if self.action is Action.REPAIR:
            chosen = [f for f in chosen if core.repairable(f)]  # nothing without a repair is touched
        if self.kinds is None and kinds is not None:
            self.skipped_documents += sum(1 for f in findings if str(getattr(f.kind, "value", f.kind)) == "document"
                                          and f not in chosen)
        return chosen

    def act(self, text: str, findings: Sequence) -> str:
        """Act on findings already chosen by :meth:`select`."""
        return core.apply(text, findings, self.action, kinds=core.ALL_KINDS, mask_template=self.mask_template)


def clean_plain(text: str, path: str, ctx: Context) -> Cleaned:
    """A text file is one document."""
    if ctx.action is Action.DROP_RECORD:
        raise FormatError("drop-record needs records (JSONL, CSV, Parquet); use --action drop-line for text")
    (findings,) = ctx.scan([Document(text, path=path)])
    chosen = ctx.select(findings)
    new = ctx.act(text, chosen) if chosen else text
    return Cleaned(new, acted=len(chosen), records=int(new != text))


def clean_jsonl(text: str, path: str, ctx: Context, first_line: int = 1) -> Cleaned:
    """One JSON object a line; the string fields ``ctx.fields`` are scanned.

    ``first_line``: the line number of ``text``'s first line in the file (a streamed batch)."""
    lines = text.split("\n")
    out = Cleaned(text)
    spans: list[tuple[int, list]] = []  # (line index, [(a, b, value, field)])
    docs = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        found = []
        for fname in ctx.fields:
            try:
                loc = locate_string(line, tuple(fname.split(".")))
            except RecursionError:
                out.errors.append(f"{printable(path)}:{i + first_line}: JSON record nested too deeply to read; "
                                  "kept unchanged")
                found = []
                break
            except ValueError as exc:
                out.errors.append(f"{printable(path)}:{i + first_line}: invalid JSON record ({printable(exc)}); "
                                  "kept unchanged")
                found = []
                break
            if loc is not None:
                found.append((*loc, fname))
                docs.append(Document(loc[2], path=path, record=i + first_line, field=fname, line_base=i + first_line - 1,
                                     locate=JsonLocator(line, 0, fname, line_base=i + first_line - 1),
                                     meta={"ignore_lines": marker_lines(line, i + first_line)}))  # as the reader does
        if found:
            spans.append((i, found))
    results = iter(ctx.scan(docs))
    doc_iter = iter(docs)
    drop = set()
    for i, found in spans:
        per_field = []
        reasons = []
        for a, b, v, fname in found:
            sel = ctx.select(next(results))
            doc = next(doc_iter)
            per_field.append((a, b, v, fname, sel))
            reasons.extend(_reason(doc, f) for f in sel)
        hits = [f for *_x, sel in per_field for f in sel]
        if not hits:
            continue
        out.acted += len(hits)
        if ctx.action is Action.DROP_RECORD:
            drop.add(i)
            out.records += 1
            out.rejects.append(Reject(path, i + first_line, reasons, raw=lines[i].rstrip("\r")))
            continue
        line = lines[i]
        for a, b, v, _f, sel in sorted(per_field, key=lambda p: -p[0]):
            if sel:
                new = ctx.act(v, sel)
                if new != v:
                    line = line[:a] + string_token(new, line[a:b]) + line[b:]
        if line != lines[i]:
            lines[i] = line
            out.records += 1
    # each kept line with its own line ending ("\r\n" stays whole when the last record, with no line break
    # after it, is dropped: "rec1\r\nrec2" becomes "rec1\r\n", never "rec1\r")
    last = len(lines) - 1
    out.text = "".join(l if i == last else l + "\n" for i, l in enumerate(lines) if i not in drop)
    return out


def _reason(doc: Document, f) -> dict:
    """A finding as a reject reason: where it is in the file (line, column), and in which field."""
    d = f.to_dict() if hasattr(f, "to_dict") else dict(f)
    line, col = doc.source_position(f.start)
    d.update(line=line, column=col, field=doc.field, record=doc.record)
    return d


class _CellLocator:
    """(line, column) in the file of an offset into a CSV cell: exact when the cell's text appears
    as is in the row's source (no doubled quotes), else the row's first line."""

    def __init__(self, raw: str, value: str, first_line: int):
        self.raw, self.value, self.first_line = raw, value, first_line
        self.at = raw.find(value) if value else -1

    def __call__(self, offset: int) -> tuple[int, int]:
        if self.at < 0:
            return self.first_line, 1
        pos = self.at + offset
        line = self.first_line + self.raw.count("\n", 0, pos)
        return line, pos - (self.raw.rfind("\n", 0, pos) + 1) + 1


def _csv_quoting(header_raw: str, header: list, quotechar: str) -> int:
    body = header_raw.rstrip("\r\n")
    if header and body.count(quotechar) >= 2 * len(header) and body.startswith(quotechar):
        return csv.QUOTE_ALL
    return csv.QUOTE_MINIMAL


def clean_csv(text: str, path: str, ctx: Context, delimiter: str = ",") -> Cleaned:
    """A header row, then records; ``ctx.columns`` are scanned. Untouched rows keep their bytes."""
    chunks = [c for c in re.split(r"(?<=\n)", text) if c]
    consumed: list[str] = []

    def feed():
        for c in chunks:
            consumed.append(c)
            yield c

    reader = csv.reader(feed(), delimiter=delimiter)
    rows: list[tuple[str, list]] = []
    try:
        header = next(reader, None)
        header_raw = "".join(consumed)
        consumed.clear()
        for cells in reader:
            rows.append(("".join(consumed), cells))
            consumed.clear()
    except csv.Error as exc:
        raise FormatError(f"CSV parse error at line {reader.line_num}: {exc}") from None
    if header is None:
        return Cleaned(text)
    cols = [(c, header.index(c)) for c in ctx.columns if c in header]
    if not cols:
        raise FormatError(f"no column {', '.join(map(repr, ctx.columns))} in the header "
                          f"(columns: {', '.join(header)}); use --column")
    out = Cleaned(text)
    docs, where = [], []
    line_no = 1 + header_raw.count("\n")
    for r, (raw, cells) in enumerate(rows):
        for name, idx in cols:
            if idx < len(cells) and cells[idx]:
                docs.append(Document(cells[idx], path=path, record=r + 1, field=name,
                                     locate=_CellLocator(raw, cells[idx], line_no),
                                     meta={"ignore_lines": marker_lines(raw, line_no)}))
                where.append((r, idx))
        line_no += raw.count("\n")
    hits_by_row: dict[int, list] = {}
    reasons_by_row: dict[int, list] = {}
    for (r, idx), fs, doc in zip(where, ctx.scan(docs), docs):
        sel = ctx.select(fs)
        if sel:
            hits_by_row.setdefault(r, []).append((idx, sel))
            reasons_by_row.setdefault(r, []).extend(_reason(doc, f) for f in sel)
    quoting = _csv_quoting(header_raw, header, '"')
    pieces = [header_raw]
    for r, (raw, cells) in enumerate(rows):
        hits = hits_by_row.get(r)
        if not hits:
            pieces.append(raw)
            continue
        flat = [f for _i, sel in hits for f in sel]
        out.acted += len(flat)
        out.records += 1
        if ctx.action is Action.DROP_RECORD:
            out.rejects.append(Reject(path, r + 1, reasons_by_row[r], raw=raw.rstrip("\r\n"),
                                      row=dict(zip(header, cells))))
            continue
        cells = list(cells)
        for idx, sel in hits:
            cells[idx] = ctx.act(cells[idx], sel)
        ending = raw[len(raw.rstrip("\r\n")):]
        buf = io.StringIO()
        csv.writer(buf, delimiter=delimiter, lineterminator=ending, quoting=quoting).writerow(cells)
        pieces.append(buf.getvalue())
    out.text = "".join(pieces)
    return out


def format_of(name: str) -> Optional[str]:
    """The cleaner a file gets, from the one format registry (langscan.readers); None: scan-only format."""
    from ..readers import REGISTRY, format_for

    return REGISTRY[format_for(name)[0]].cleaner


def clean_markdown(text: str, path: str, ctx: Context) -> Cleaned:
    """Markdown: found in the prose as ``scan`` finds it (code blocks and spans blanked), acted on in the file."""
    from ..readers.markdown import mask_code

    if ctx.action is Action.DROP_RECORD:
        raise FormatError("drop-record needs records (JSONL, CSV, Parquet); use --action drop-line for text")
    (findings,) = ctx.scan([Document(mask_code(text), path=path)])
    chosen = ctx.select(findings)
    new = ctx.act(text, chosen) if chosen else text
    return Cleaned(new, acted=len(chosen), records=int(new != text))


CLEANERS = {
    "text": clean_plain,
    "markdown": clean_markdown,
    "jsonl": clean_jsonl,
    "csv": clean_csv,
    "tsv": lambda text, path, ctx: clean_csv(text, path, ctx, delimiter="\t"),
}
