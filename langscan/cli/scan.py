"""`langscan scan PATH...`: read inputs, detect, apply policy and baseline, report.

Thin: option parsing here, the pipeline in ``langscan.pipeline`` (driven by ``_scanrun``).  Heavy
modules (the detector's model, pyarrow, zstandard) load only when needed, so a pre-commit run over
a few files starts fast.
"""

from __future__ import annotations

from ._app import app
from ._help import EXIT_CODES, flag, option, paths_argument, shared, split

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


@app.command(epilog="\b" + EXAMPLES + "\b\n" + EXIT_CODES, no_args_is_help=True)
@paths_argument("")
@shared("expect", "sensitivity", "threshold", "min_length", "model")
@option("--format", "-f", "fmt", metavar="FORMAT", default="text",
        help="Output: text, json, jsonl, sarif, github or csv. Default: text. Example: --format jsonl")
@shared("field", "column", "stdin_format", "include", "exclude", "config", "allow", "allow_file")
@option("--baseline", metavar="FILE",
        help="Report only findings not recorded in this baseline. Example: --baseline .langscan-baseline.json")
@option("--write-baseline", metavar="FILE",
        help="Record every current finding in this file and exit 0 (2 on input errors). "
             "Example: --write-baseline .langscan-baseline.json")
@flag("--summary", help="Also print counts by language, kind and file, and recurring fragments. Example: --summary")
@flag("--quiet", "-q", help="Print only the findings (no summary line, no notes, no progress bar). Example: -q")
@shared("jobs")
@flag("--report-glosses", help="Also report text about a language (a foreign term with its translation, an example "
      "discussed in the text), found with context gloss; left out by default. Example: --report-glosses")
@flag("--no-color", help="Never colour the text output (colour is only used on a terminal anyway). Example: --no-color")
def scan(paths, expect, sensitivity, threshold, min_length, model, fmt, field, column, stdin_format, include,
         exclude, config, allow, allow_file, baseline, write_baseline, summary, quiet, jobs, report_glosses, no_color) -> None:
    """Scan files, directories or stdin (-) for stray foreign-language fragments.

    PATH...: files and directories to scan (directories recursively, skipping .git and binary
    files); - reads standard input.
    """
    from ._scanrun import ScanArgs, run

    args = ScanArgs(
        paths=list(paths or []), expect=split(expect), sensitivity=sensitivity, threshold=threshold,
        min_length=min_length, model=model, fmt=fmt, fields=split(field), columns=split(column),
        stdin_format=stdin_format, include=split(include) or (), exclude=split(exclude) or (), config=config,
        allow=tuple(allow or ()), allow_file=allow_file, baseline=baseline, write_baseline=write_baseline,
        summary=summary, quiet=quiet, jobs=jobs, no_color=no_color, report_glosses=report_glosses,
    )
    raise SystemExit(run(args))
