"""`langscan report`: one self-contained HTML page (or JSON) about a corpus.

Parses options and calls :mod:`langscan.report`; ``--suggest-rules`` prints
the recurring fragments as rules for ``langscan clean --rules``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import app

_EPILOG = """\b
Examples:
  # one self-contained page: open it in any browser, offline
  langscan report corpus/ -o report.html
  langscan report data.jsonl.gz --field text --format json -o report.json
  langscan report corpus/ --suggest-rules > rules.txt
  langscan clean corpus/ --rules rules.txt --in-place
\b
Exit codes: 0 report written; 2 some input could not be read (the report
lists it) or bad usage."""


@app.command(epilog=_EPILOG)
def report(
    paths: List[Path] = typer.Argument(..., help="Files or directories, any format `langscan scan` reads."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report here [default: stdout]."),
    fmt: str = typer.Option("html", "--format", "-f", help="html (one self-contained page) or json (the same data)."),
    expect: Optional[str] = typer.Option(None, "--expect", "-e", help="The language(s) the text should be in, comma-separated (default: from the config file, else en)."),
    sensitivity: Optional[str] = typer.Option(None, "--sensitivity", help="strict | balanced | aggressive (default: config, else balanced)."),
    threshold: Optional[float] = typer.Option(None, "--threshold", help="Score a fragment needs to count (0..1)."),
    config: Optional[str] = typer.Option(None, "--config", help="Config file (default: langscan.toml / pyproject [tool.langscan] found upwards)."),
    field: Optional[List[str]] = typer.Option(None, "--field", help="JSON field(s) to scan (default: text)."),
    column: Optional[List[str]] = typer.Option(None, "--column", help="CSV/TSV/Parquet column(s) to scan (default: text)."),
    samples: int = typer.Option(40, "--samples", help="How many findings to show in context."),
    top: int = typer.Option(15, "--top", help="How many recurring fragments to list."),
    suggest_rules: bool = typer.Option(False, "--suggest-rules", help="Print recurring fragments as cleaning rules instead of a report."),
    min_count: int = typer.Option(2, "--min-count", help="--suggest-rules: occurrences needed to make a rule."),
    allow: Optional[List[str]] = typer.Option(None, "--allow", help="A term that is not an artifact (repeatable)."),
    allow_file: Optional[Path] = typer.Option(None, "--allow-file", help="Allow-list file: one term a line, re: for a regex."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes for scanning."),
) -> None:
    """Summarise a corpus: totals, languages, kinds, files, recurring fragments, samples."""
    from ..recurring import format_suggestions
    from ..readers import ReaderOptions
    from ..report import collect, public, render_html, summary_line
    from .clean import _split

    def fail(msg: str) -> None:
        typer.echo(f"error: {msg}", err=True)
        raise typer.Exit(2)

    if fmt not in ("html", "json"):
        fail(f"--format must be html or json (got {fmt!r})")
    from ..clean.settings import resolve
    try:
        det, policy, fields, columns = resolve(
            expect=_split([expect]) if expect else None, sensitivity=sensitivity, threshold=threshold,
            min_length=None, config=config, allow=tuple(allow or ()),
            allow_file=str(allow_file) if allow_file else None, fields=_split(field), columns=_split(column))
    except ValueError as exc:
        fail(str(exc))
    ropts = ReaderOptions(fields=tuple(fields), columns=tuple(columns))
    from ..parallel import WorkerDied
    try:
        data = collect([str(p) for p in paths], detector_options=det, reader_options=ropts,
                       policy=policy, jobs=jobs, samples=samples, top=top)
    except WorkerDied as exc:  # killed or out of memory: no half report is written
        fail(f"{exc}; no report written")
    for e in data["errors"]:
        typer.echo(e, err=True)
    if suggest_rules:
        text = format_suggestions(data["_recurring_index"], min_count=min_count)
    elif fmt == "json":
        text = json.dumps(public(data), ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_html(data)
    if output and output != "-":
        try:
            from ..clean.atomic import write_atomic
            write_atomic(output, text.encode("utf-8"))
        except Exception as exc:  # WriteError: a clear reason, nothing half-written
            fail(str(exc))
        typer.echo(f"langscan report: {summary_line(data)}; wrote {output}", err=True)
    else:
        sys.stdout.write(text)
    raise typer.Exit(2 if data["errors"] else 0)
