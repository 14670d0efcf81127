"""`langscan scan PATH...`: read inputs, detect, apply policy and baseline, report.

Thin: option parsing here, the pipeline in ``langscan.cli._scanrun``.  Heavy
modules (the detector's model, pyarrow, zstandard) load only when needed, so
a pre-commit run over a few files starts fast.
"""

from __future__ import annotations

from typing import List, Optional

import typer

from . import app

EXAMPLES = """
Examples:

  langscan scan page.txt                      # exit 1 and one line a finding if anything is found

  langscan scan corpus/ --expect en,fr        # a bilingual corpus; directories are walked

  langscan scan data.jsonl.gz --field text --field meta.title --format jsonl

  langscan scan table.csv --column body --format csv > findings.csv

  cat page.html | langscan scan - --stdin-format html

  langscan scan docs/ --format sarif > langscan.sarif       # for GitHub code scanning

  langscan scan . --write-baseline .langscan-baseline.json   # accept today's findings

  langscan scan . --baseline .langscan-baseline.json         # then report only new ones

Exit status: 0 nothing found, 1 findings reported, 2 usage, configuration or input error
(an unreadable file, bad UTF-8, a malformed JSON line...: the rest is still scanned).
"""


def _split(values: Optional[List[str]]) -> Optional[tuple[str, ...]]:
    if not values:
        return None
    out = tuple(v.strip() for item in values for v in item.split(",") if v.strip())
    return out or None


@app.command(
    help="Scan files, directories or stdin (-) for stray foreign-language fragments.\n\n" + EXAMPLES,
    no_args_is_help=True,
)
def scan(
    paths: List[str] = typer.Argument(
        None, help="Files and directories to scan (directories recursively, skipping .git and binary files); '-' reads stdin.",
        show_default=False,
    ),
    expect: Optional[str] = typer.Option(
        None, "--expect", "-e", help="Expected language(s), comma-separated ISO 639 codes. Example: --expect en,fr (default: en)",
        show_default=False,
    ),
    sensitivity: Optional[str] = typer.Option(
        None, "--sensitivity", help="Preset trading recall for precision: strict, balanced or aggressive. Example: --sensitivity strict (default: balanced)",
        show_default=False,
    ),
    threshold: Optional[float] = typer.Option(
        None, "--threshold", help="Minimum score (0..1) for a finding; overrides the preset. Example: --threshold 0.9", show_default=False
    ),
    min_length: Optional[int] = typer.Option(
        None, "--min-length", help="Ignore fragments shorter than this many letters. Example: --min-length 4", show_default=False
    ),
    model: Optional[str] = typer.Option(
        None, "--model", help="Another fastText language-ID model file (lid.176.bin, GlotLID). Example: --model ~/models/lid.176.bin",
        show_default=False,
    ),
    fmt: str = typer.Option(
        "text", "--format", "-f", help="Output: text, json, jsonl, sarif, github or csv. Example: --format jsonl"
    ),
    field: Optional[List[str]] = typer.Option(
        None, "--field", help="JSON/JSONL field(s) to scan, dotted paths, repeatable or comma-separated. Example: --field text --field meta.title (default: text)",
        show_default=False,
    ),
    column: Optional[List[str]] = typer.Option(
        None, "--column", help="CSV/TSV/Parquet column(s) to scan, repeatable or comma-separated. Example: --column body (default: text)",
        show_default=False,
    ),
    stdin_format: str = typer.Option(
        "text", "--stdin-format", help="Format of stdin ('-'): text, markdown, html, jsonl, json, csv or tsv (compression is detected). Example: --stdin-format jsonl"
    ),
    include: Optional[List[str]] = typer.Option(
        None, "--include", help="Only scan files matching this glob (repeatable). Example: --include '**/*.md'", show_default=False
    ),
    exclude: Optional[List[str]] = typer.Option(
        None, "--exclude", help="Skip files and folders matching this glob (repeatable). Example: --exclude 'vendor/**'", show_default=False
    ),
    config: Optional[str] = typer.Option(
        None, "--config", help="Config file to use instead of the nearest .langscan.toml or pyproject.toml (tool.langscan table). Example: --config ci/langscan.toml",
        show_default=False,
    ),
    allow: Optional[List[str]] = typer.Option(
        None, "--allow", help="A term that is fine (whole finding, case-insensitive; repeatable). Example: --allow Русский", show_default=False
    ),
    allow_file: Optional[str] = typer.Option(
        None, "--allow-file", help="File of allowed terms, one a line ('#' comments, 're:' prefix for a regex). Example: --allow-file .langscan-allow.txt",
        show_default=False,
    ),
    baseline: Optional[str] = typer.Option(
        None, "--baseline", help="Report only findings not recorded in this baseline. Example: --baseline .langscan-baseline.json", show_default=False
    ),
    write_baseline: Optional[str] = typer.Option(
        None, "--write-baseline", help="Record every current finding in this file and exit 0 (2 on input errors). Example: --write-baseline .langscan-baseline.json",
        show_default=False,
    ),
    summary: bool = typer.Option(False, "--summary", help="Also print counts by language, kind and file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the findings (no summary line, no notes, no progress)."),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", show_default=False,
        help="Worker processes (0: one per CPU). Small scans never start workers. Example: --jobs 4 (default: one per CPU)",
    ),
    no_color: bool = typer.Option(False, "--no-color", help="Never colour the text output (colour is only used on a terminal anyway)."),
    report_glosses: bool = typer.Option(
        False, "--report-glosses", help="Also report text about a language (context 'gloss'): a foreign term with its translation beside it, a foreign example discussed in the text."),
) -> None:
    from ._scanrun import ScanArgs, run

    args = ScanArgs(
        paths=list(paths or []), expect=_split([expect] if expect else None), sensitivity=sensitivity, threshold=threshold,
        min_length=min_length, model=model, fmt=fmt, fields=_split(field), columns=_split(column),
        stdin_format=stdin_format, include=_split(include) or (), exclude=_split(exclude) or (), config=config,
        allow=tuple(allow or ()), allow_file=allow_file, baseline=baseline, write_baseline=write_baseline,
        summary=summary, quiet=quiet, jobs=jobs, no_color=no_color, report_glosses=report_glosses,
    )
    raise typer.Exit(run(args))
