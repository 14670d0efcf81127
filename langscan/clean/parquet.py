"""Parquet: the scanned string columns rewritten, or records dropped; needs pyarrow.

Parquet cannot be patched in place byte for byte; the table is rewritten with
the same schema, row-group size and compression codec, and every column that
is not scanned keeps its values exactly.
"""

from __future__ import annotations

import io
import json

from ..document import Document
from .core import Action
from .formats import Cleaned, Context, FormatError, Reject


def _pa():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise FormatError("Parquet needs pyarrow: pip install 'langscan[parquet]'") from None
    return pa, pq


def clean_parquet(raw: bytes, path: str, ctx: Context) -> tuple[bytes, Cleaned, list[str], list[str]]:
    """(new bytes, summary, before lines, after lines) for one Parquet file."""
    pa, pq = _pa()
    try:
        pf = pq.ParquetFile(io.BytesIO(raw))
        table = pf.read()
    except Exception as exc:  # pyarrow raises several types for corrupt files
        raise FormatError(f"unreadable Parquet file: {exc}") from None
    cols = [c for c in ctx.columns if c in table.column_names]
    if not cols:
        raise FormatError(f"no column {', '.join(map(repr, ctx.columns))} "
                          f"(columns: {', '.join(table.column_names)}); use --column")
    values = {c: table.column(c).to_pylist() for c in cols}
    docs, where = [], []
    for c in cols:
        for r, v in enumerate(values[c]):
            if isinstance(v, str) and v:
                docs.append(Document(v, path=path, record=r + 1, field=c))
                where.append((c, r))
    out = Cleaned("")
    hits: dict[int, list] = {}
    for (c, r), fs in zip(where, ctx.scan(docs)):
        sel = ctx.select(fs)
        if sel:
            hits.setdefault(r, []).append((c, sel))
    before, after = [], []
    if not hits:
        return raw, out, before, after
    keep = [True] * table.num_rows
    new_values = {c: list(v) for c, v in values.items()}
    for r in sorted(hits):
        flat = [f for _c, sel in hits[r] for f in sel]
        out.acted += len(flat)
        out.records += 1
        if ctx.action is Action.DROP_RECORD:
            keep[r] = False
            row = {k: v for k, v in zip(table.column_names, (table.column(k)[r].as_py() for k in table.column_names))}
            out.rejects.append(Reject(path, r + 1, flat, row=json.loads(json.dumps(row, default=str))))
            before.append(f"record {r + 1}: dropped")
            continue
        for c, sel in hits[r]:
            new_values[c][r] = ctx.act(values[c][r], sel)
            before.append(f"record {r + 1} {c}: {values[c][r]!r}")
            after.append(f"record {r + 1} {c}: {new_values[c][r]!r}")
    for c in cols:
        i = table.column_names.index(c)
        table = table.set_column(i, table.schema.field(i), pa.array(new_values[c], type=table.schema.field(i).type))
    if ctx.action is Action.DROP_RECORD:
        table = table.filter(pa.array(keep))
    md = pf.metadata
    codec = md.row_group(0).column(0).compression.lower() if md.num_row_groups else "snappy"
    rg = max((md.row_group(i).num_rows for i in range(md.num_row_groups)), default=None) or None
    buf = io.BytesIO()
    pq.write_table(table, buf, compression=None if codec == "uncompressed" else codec, row_group_size=rg)
    return buf.getvalue(), out, before, after
