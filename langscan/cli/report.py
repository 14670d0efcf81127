"""`langscan report`: one self-contained HTML page (or JSON) about a corpus.

Parses options and calls :mod:`langscan.report` with the scan pipeline, so it counts exactly what
`langscan scan` reports; ``--suggest-rules`` prints the recurring fragments as rules for
``langscan clean --rules``.
"""

from __future__ import annotations

import json
import sys
import click

from ._app import app
from ._help import flag, option, paths_argument, shared, split

_EPILOG = """\b
Examples:
  # one self-contained page: open it in any browser, offline
  langscan report corpus/ -o report.html
  langscan report data.jsonl.gz --field text --format json -o report.json
  langscan report corpus/ --suggest-rules > rules.txt
  langscan clean corpus/ --rules rules.txt --in-place
\b
Exit status: 0 report written; 2 bad usage, bad configuration or some input could not be read
(the report lists it)."""


@app.command(epilog=_EPILOG, no_args_is_help=True)
@paths_argument("")
@option("--output", "-o", metavar="FILE", help="Write the report here. Default: standard output. Example: -o report.html")
@option("--format", "-f", "fmt", metavar="FORMAT", default="html",
        help="html (one self-contained page) or json (the same data). Default: html. Example: --format json")
@shared("expect", "sensitivity", "threshold", "min_length", "model", "config", "field", "column", "stdin_format",
        "include", "exclude")
@option("--samples", metavar="N", type=click.IntRange(min=0), default=40,
        help="How many findings to show in context. Default: 40. Example: --samples 100")
@option("--top", metavar="N", type=click.IntRange(min=0), default=15,
        help="How many recurring fragments to list. Default: 15. Example: --top 30")
@flag("--suggest-rules", help="Print recurring fragments as cleaning rules instead of a report. "
                              "Example: --suggest-rules > rules.txt")
@option("--min-count", metavar="N", type=click.IntRange(min=1), default=2,
        help="With --suggest-rules: occurrences needed to make a rule. Default: 2. Example: --min-count 5")
@shared("allow", "allow_file", "jobs")
def report(paths, output, fmt, expect, sensitivity, threshold, min_length, model, config, field, column,
           stdin_format, include, exclude, samples, top, suggest_rules, min_count, allow, allow_file, jobs) -> None:
    """Summarise a corpus: totals, languages, kinds, files, recurring fragments, samples.

    PATH...: files or directories, any format `langscan scan` reads; - reads standard input.
    """
    from ..recurring import format_suggestions
    from ..report import collect, public, render_html, summary_line
    from ._scanrun import ScanArgs, input_overwritten, pipeline_for

    def fail(msg: str) -> None:
        click.echo(f"langscan report: error: {msg}", err=True)
        raise SystemExit(2)

    if fmt not in ("html", "json"):
        fail(f"--format: must be html or json, not {fmt!r}")
    clash = input_overwritten(output, paths or ())
    if clash is not None:
        fail(f"-o {output} is the input {clash}; the report would replace it (choose another file); nothing written")
    a = ScanArgs(paths=list(paths or []), expect=split(expect), sensitivity=sensitivity, threshold=threshold,
                 min_length=min_length, model=model, fields=split(field), columns=split(column),
                 stdin_format=stdin_format, include=split(include) or (), exclude=split(exclude) or (),
                 config=config, allow=tuple(allow or ()), allow_file=allow_file, jobs=jobs)
    try:
        pipe = pipeline_for(a)
    except ValueError as exc:
        fail(str(exc))
    from ..parallel import WorkerDied

    try:
        data = collect(a.paths, pipeline=pipe, jobs=pipe.jobs, samples=samples, top=top)
    except WorkerDied as exc:  # killed or out of memory: no half report is written
        fail(f"{exc}; no report written")
    for e in data["notes"] + data["errors"]:
        click.echo(e, err=True)
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
        click.echo(f"langscan report: {summary_line(data)}; wrote {output}", err=True)
    else:
        sys.stdout.write(text)
    raise SystemExit(2 if data["errors"] else 0)
