"""`langscan clean`: write the corpus with the findings acted on.

Parses options and calls :func:`langscan.clean.run`; all behaviour lives in
the ``langscan.clean`` package.
"""

from __future__ import annotations

import sys
import click

from ._app import app
from ._help import flag, option, paths_argument, shared, split as _split

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
  # remove only language menus and foreign page furniture
  langscan clean pages/ --context menu,boilerplate -o clean/
  # remove reviewed boilerplate without the detector
  langscan report corpus/ --suggest-rules > rules.txt
  langscan clean corpus/ --rules rules.txt --in-place
\b
Exit codes: 0 done (whether or not anything changed); 2 a file could not be
read or written (it is left untouched) or bad usage."""


@app.command(epilog=_EPILOG, no_args_is_help=True)
@paths_argument("")
@option("--action", "-a", metavar="ACTION", default="strip",
        help="strip: remove the fragment and the gap it leaves (a look-alike word, or a mis-decoded word of the "
             "expected language, is repaired, never removed); "
             "mask: replace it with --mask-template; drop-line: remove its lines; "
             "repair: write the repaired text of look-alike words and mojibake runs (of a whole document "
             "holding mojibake: the text with it repaired); nothing is removed, every other finding is left as "
             "it is; "
             "drop-record: leave the JSONL/CSV/Parquet record out (written to "
             "--rejects). Default: strip. Example: -a repair")
@option("--kind", "-k", metavar="KIND", multiple=True,
        help="Only these kinds: script, latin, homoglyph, mojibake, document (repeat or comma-separate). Default: "
             "all but document (repair: homoglyph, mojibake and documents holding mojibake; drop-record: all). "
             "Example: --kind script,homoglyph")
@option("--lang", "-l", metavar="LANGS", multiple=True,
        help="Only fragments in these languages (codes or names). Example: --lang ru,ar")
@option("--context", "-c", "context", metavar="CONTEXT", multiple=True,
        help="Only findings in these contexts: menu, boilerplate, caption, quote, gloss, body (repeat or "
             "comma-separate; scan's output names each finding's context). Naming gloss acts on text about a "
             "language too (a term with its translation, an example discussed), which is otherwise left alone. "
             "Default: every context but gloss. Example: --context menu,boilerplate")
@option("--output", "-o", metavar="PATH",
        help="Write here: a file (one input), a directory (several), or - for standard output. Example: -o clean/")
@flag("--in-place", "-i", help="Replace the inputs atomically (temp file, fsync, rename; permissions kept). "
                               "Example: --in-place --backup")
@flag("--backup", help="With --in-place: keep the original as FILE.bak. Example: --backup")
@option("--backup-suffix", metavar="SUFFIX", default=".bak",
        help="Suffix of --backup copies. Default: .bak. Example: --backup-suffix .orig")
@flag("--dry-run", "-n", help="Print a unified diff of what would change; write nothing. Example: -n")
@option("--rejects", metavar="FILE",
        help="drop-record: append the records left out (with reasons) to this JSONL file. Default: beside the "
             "output, compressed alike (kept.rejects.jsonl.gz). Example: --rejects rejected.jsonl")
@shared("expect", "sensitivity", "threshold", "min_length", "model", "config", "field", "column", "stdin_format",
        "include", "exclude")
@option("--mask-template", metavar="TEMPLATE", default="[foreign:{lang}]",
        help="mask: the placeholder; may use {lang} {lang_name} {kind} {script}. Default: [foreign:{lang}]. "
             "Example: --mask-template '[{lang_name}]'")
@option("--rules", metavar="FILE",
        help="Use these exact/regex rules (from `langscan report --suggest-rules`) instead of the detector. "
             "Example: --rules rules.txt")
@shared("allow", "allow_file", "jobs")
def clean(paths, action, kind, lang, context, output, in_place, backup, backup_suffix, dry_run, rejects, expect, sensitivity,
          threshold, min_length, model, config, field, column, stdin_format, include, exclude, mask_template, rules,
          allow, allow_file, jobs) -> None:
    """Remove, mask or drop the foreign fragments langscan finds, writing files safely.

    PATH...: files or directories (text, Markdown, JSONL, CSV/TSV, Parquet; .gz/.bz2/.xz/.zst kept),
    or - for standard input.
    """
    from ..clean import CleanOptions, run
    from ..clean.core import Action, check_mask_template
    from ..clean.rules import RuleError, parse_rules

    from ..options import UsageError, contexts as parse_contexts, kinds as parse_kinds, languages

    def fail(msg: str) -> None:
        click.echo(f"langscan clean: error: {msg}", err=True)
        raise SystemExit(2)

    if not paths:
        fail("nothing to clean: give files or directories, or - for standard input")

    try:
        act = Action(action)
    except ValueError:
        fail(f"--action: must be one of strip, mask, drop-line, drop-record, repair, not {action!r}")
    try:
        kinds = parse_kinds(kind)
        langs = languages(lang, "--lang") if lang else None
        contexts = parse_contexts(context)
    except UsageError as exc:
        fail(str(exc))
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
    if contexts and rules is not None:
        fail("--context chooses among the detector's findings; --rules matches carry no context")
    rule_list = None
    if rules is not None:
        try:
            from ..readers.base import open_regular_text  # a FIFO or device is refused, never read
            with open_regular_text(str(rules)) as fh:
                rule_list = parse_rules(fh.read(), str(rules))
        except OSError as exc:
            fail(f"{rules}: cannot read: {exc.strerror or exc}")
        except (RuleError, UnicodeDecodeError) as exc:
            fail(f"{rules}: {exc}" if isinstance(exc, UnicodeDecodeError) else str(exc))
    from ._scanrun import ScanArgs, pipeline_for

    a = ScanArgs(paths=list(paths), expect=_split(expect), sensitivity=sensitivity, threshold=threshold,
                 min_length=min_length, model=model, fields=_split(field), columns=_split(column),
                 stdin_format=stdin_format, include=_split(include) or (), exclude=_split(exclude) or (),
                 config=config, allow=tuple(allow or ()), allow_file=allow_file, jobs=jobs,
                 report_glosses=bool(contexts and "gloss" in contexts))
    try:
        pipe = pipeline_for(a)
    except ValueError as exc:
        fail(str(exc))
    opts = CleanOptions(action=act, kinds=kinds, langs=langs, contexts=contexts, mask_template=mask_template,
                        fields=pipe.reader_options.fields, columns=pipe.reader_options.columns,
                        detector=pipe.options, rules=rule_list, jobs=pipe.jobs, policy=pipe.policy,
                        pipeline=pipe, stdin_format=stdin_format)
    try:
        code, _results = run(list(paths), opts, output=output, in_place=in_place,
                             backup_suffix=backup_suffix if backup else None, dry_run=dry_run, rejects=rejects,
                             out=sys.stdout, err=sys.stderr)
    except KeyboardInterrupt:
        click.echo("langscan clean: interrupted; every file is either complete or untouched", err=True)
        raise SystemExit(130)
    raise SystemExit(code)

