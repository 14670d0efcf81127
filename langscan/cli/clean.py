"""`langscan clean`: write the corpus with the findings acted on.

Parses options and calls :func:`langscan.clean.run`; all behaviour lives in
the ``langscan.clean`` package.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from . import app

_EPILOG = """\b
Examples:
  # strip fragments into a new file
  langscan clean page.txt -o page.clean.txt
  # replace files atomically, keeping corpus/x.txt.bak
  langscan clean corpus/ --in-place --backup
  # leave whole records out, with the reasons in rejected.jsonl
  langscan clean data.jsonl.gz --action drop-record -o clean.jsonl.gz \\
      --rejects rejected.jsonl
  # show what masking Russian would change, write nothing
  langscan clean docs/ --action mask --lang ru --dry-run
  # remove reviewed boilerplate without the detector
  langscan report corpus/ --suggest-rules > rules.txt
  langscan clean corpus/ --rules rules.txt --in-place
\b
Exit codes: 0 done (whether or not anything changed); 2 a file could not be
read or written (it is left untouched) or bad usage."""


def _split(values: Optional[List[str]]) -> Optional[tuple]:
    if not values:
        return None
    out = tuple(v.strip() for item in values for v in item.split(",") if v.strip())
    return out or None


@app.command(epilog=_EPILOG)
def clean(
    paths: List[Path] = typer.Argument(..., help="Files or directories (text, JSONL, CSV/TSV, Parquet; .gz/.bz2/.xz/.zst kept)."),
    action: str = typer.Option("strip", "--action", "-a",
                               help="strip: remove the fragment and the gap it leaves; mask: replace it with "
                                    "--mask-template; drop-line: remove its lines; drop-record: leave the "
                                    "JSONL/CSV/Parquet record out (written to --rejects); repair: write the "
                                    "repaired text of look-alike words and mojibake."),
    kind: Optional[List[str]] = typer.Option(None, "--kind", "-k", help="Only these kinds: script, latin, homoglyph, document, mojibake (repeat or comma-separate)."),
    lang: Optional[List[str]] = typer.Option(None, "--lang", "-l", help="Only fragments in these languages, e.g. ru,ar."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write here: a file (one input), a directory (several), or - for stdout."),
    in_place: bool = typer.Option(False, "--in-place", "-i", help="Replace the inputs atomically (temp file, fsync, rename; permissions kept)."),
    backup: bool = typer.Option(False, "--backup", help="With --in-place: keep the original as FILE.bak."),
    backup_suffix: str = typer.Option(".bak", "--backup-suffix", help="Suffix for --backup."),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Print a unified diff of what would change; write nothing."),
    rejects: Optional[str] = typer.Option(None, "--rejects", help="drop-record: append the records left out (with reasons) to this JSONL file (default: OUTPUT.rejects.jsonl)."),
    expect: Optional[str] = typer.Option(None, "--expect", "-e", help="The language(s) the text should be in, comma-separated (default: from the config file, else en)."),
    sensitivity: Optional[str] = typer.Option(None, "--sensitivity", help="strict | balanced | aggressive (default: config, else balanced)."),
    threshold: Optional[float] = typer.Option(None, "--threshold", help="Score a fragment needs to count (0..1)."),
    config: Optional[str] = typer.Option(None, "--config", help="Config file (default: langscan.toml / pyproject [tool.langscan] found upwards)."),
    field: Optional[List[str]] = typer.Option(None, "--field", help="JSON field(s) to clean, dotted for nesting (default: text)."),
    column: Optional[List[str]] = typer.Option(None, "--column", help="CSV/TSV/Parquet column(s) to clean (default: text)."),
    mask_template: str = typer.Option("[foreign:{lang}]", "--mask-template", help="mask: placeholder; may use {lang} {lang_name} {kind} {script}."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="Use these exact/regex rules (from `langscan report --suggest-rules`) instead of the detector."),
    allow: Optional[List[str]] = typer.Option(None, "--allow", help="A term that is not an artifact (repeatable)."),
    allow_file: Optional[Path] = typer.Option(None, "--allow-file", help="Allow-list file: one term a line, re: for a regex."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes for scanning."),
) -> None:
    """Remove, mask or drop the foreign fragments langscan finds, writing files safely."""
    from ..clean import CleanOptions, run
    from ..clean.core import Action, check_mask_template
    from ..clean.rules import RuleError, parse_rules

    def fail(msg: str) -> None:
        typer.echo(f"error: {msg}", err=True)
        raise typer.Exit(2)

    try:
        act = Action(action)
    except ValueError:
        fail(f"--action must be one of strip, mask, drop-line, drop-record, repair (got {action!r})")
    kinds = _split(kind)
    bad = [k for k in kinds or () if k not in ("script", "latin", "homoglyph", "document", "mojibake")]
    if bad:
        fail(f"unknown --kind {', '.join(bad)}")
    if not (output or in_place or dry_run):
        fail("say where the result goes: -o PATH, --in-place, or --dry-run")
    if output and in_place:
        fail("use either -o or --in-place, not both")
    if backup and not in_place:
        fail("--backup goes with --in-place")
    try:
        check_mask_template(mask_template)
    except ValueError as exc:
        fail(str(exc))
    rule_list = None
    if rules is not None:
        try:
            from ..readers.base import open_regular_text
            with open_regular_text(str(rules)) as fh:
                rule_list = parse_rules(fh.read(), str(rules))
        except OSError as exc:
            fail(f"{rules}: cannot read rules: {exc.strerror or exc}")
        except (RuleError, UnicodeDecodeError) as exc:
            fail(f"{rules}: {exc}" if isinstance(exc, UnicodeDecodeError) else str(exc))
    from ..clean.settings import resolve
    try:
        det, policy, fields, columns = resolve(
            expect=_split([expect]) if expect else None, sensitivity=sensitivity, threshold=threshold,
            min_length=None, config=config, allow=tuple(allow or ()),
            allow_file=str(allow_file) if allow_file else None, fields=_split(field), columns=_split(column))
    except ValueError as exc:
        fail(str(exc))
    opts = CleanOptions(action=act, kinds=kinds, langs=_split(lang), mask_template=mask_template,
                        fields=tuple(fields), columns=tuple(columns),
                        detector=det, rules=rule_list, jobs=jobs, policy=policy)
    try:
        code, _results = run([str(p) for p in paths], opts, output=output, in_place=in_place,
                             backup_suffix=backup_suffix if backup else None, dry_run=dry_run, rejects=rejects)
    except KeyboardInterrupt:
        typer.echo("langscan clean: interrupted; every file is either complete or untouched", err=True)
        raise typer.Exit(130)
    raise typer.Exit(code)

