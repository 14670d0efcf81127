"""`langscan scan PATH...`: read inputs, detect, apply policy and baseline, report.

Thin: option parsing here, the pipeline in ``langscan.cli._scanrun``.  Heavy
modules (the detector's model, pyarrow, zstandard) load only when needed, so
a pre-commit run over a few files starts fast.
"""

from __future__ import annotations

from typing import List, Optional

import typer

from ._app import app
from ._help import EXIT_CODES, Opt, split as _split

EXAMPLES = """
Examples:
  langscan scan page.txt                      # exit 1 and one line a finding if anything is found
  langscan scan corpus/ --expect en,fr        # a bilingual corpus; directories are walked
  langscan scan data.jsonl.gz --field text --field meta.title --format jsonl
  langscan scan table.csv --column body --format csv > findings.csv
  cat page.html | langscan scan - --stdin-format html
  langscan scan docs/ --format sarif > langscan.sarif        # for GitHub code scanning
  langscan scan . --write-baseline .langscan-baseline.json   # accept today's findings
  langscan scan . --baseline .langscan-baseline.json         # then report only new ones
"""


@app.command(
    help="Scan files, directories or stdin (-) for stray foreign-language fragments.",
    epilog="\b" + EXAMPLES + "\b\n" + EXIT_CODES,
    no_args_is_help=True,
)
def scan(
    paths: List[str] = typer.Argument(
        None, help="Files and directories to scan (directories recursively, skipping .git and binary files); '-' reads stdin.",
        show_default=False, metavar="PATH",
    ),
    expect: Optional[str] = Opt.expect(),
    sensitivity: Optional[str] = Opt.sensitivity(),
    threshold: Optional[float] = Opt.threshold(),
    min_length: Optional[int] = Opt.min_length(),
    model: Optional[str] = Opt.model(),
    fmt: str = typer.Option(
        "text", "--format", "-f", metavar="FORMAT", show_default=False,
        help="Output: text, json, jsonl, sarif, github or csv. Default: text. Example: --format jsonl"
    ),
    field: Optional[List[str]] = Opt.field(),
    column: Optional[List[str]] = Opt.column(),
    stdin_format: str = Opt.stdin_format(),
    include: Optional[List[str]] = Opt.include(),
    exclude: Optional[List[str]] = Opt.exclude(),
    config: Optional[str] = Opt.config(),
    allow: Optional[List[str]] = Opt.allow(),
    allow_file: Optional[str] = Opt.allow_file(),
    baseline: Optional[str] = typer.Option(
        None, "--baseline", metavar="FILE", help="Report only findings not recorded in this baseline. Example: --baseline .langscan-baseline.json", show_default=False
    ),
    write_baseline: Optional[str] = typer.Option(
        None, "--write-baseline", metavar="FILE", help="Record every current finding in this file and exit 0 (2 on input errors). Example: --write-baseline .langscan-baseline.json",
        show_default=False,
    ),
    summary: bool = typer.Option(False, "--summary", help="Also print counts by language, kind and file, and recurring fragments. Example: --summary"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the findings (no summary line, no notes, no progress bar). Example: -q"),
    jobs: Optional[int] = Opt.jobs(),
    no_color: bool = typer.Option(False, "--no-color", help="Never colour the text output (colour is only used on a terminal anyway). Example: --no-color"),
) -> None:
    from ._scanrun import ScanArgs, run

    args = ScanArgs(
        paths=list(paths or []), expect=_split([expect] if expect else None), sensitivity=sensitivity, threshold=threshold,
        min_length=min_length, model=model, fmt=fmt, fields=_split(field), columns=_split(column),
        stdin_format=stdin_format, include=_split(include) or (), exclude=_split(exclude) or (), config=config,
        allow=tuple(allow or ()), allow_file=allow_file, baseline=baseline, write_baseline=write_baseline,
        summary=summary, quiet=quiet, jobs=jobs, no_color=no_color,
    )
    raise typer.Exit(run(args))
