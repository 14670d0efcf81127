"""`langscan explain`: every unit the detector looked at, and why it was or was not flagged.

It reads its inputs through the same pipeline as `scan` (file selection, readers for every format,
the config's expect/overrides/allow-lists, inline markers, baseline), so the findings it lists under
"reported" are exactly the ones `scan` prints for the same files.
"""

from __future__ import annotations

import click

from ._app import app
from ._help import EXIT_CODES, fail, flag, paths_argument, shared, split

EPILOG = """\b
Examples:
  langscan explain page.txt
  echo 'Alle Rechte vorbehalten.' | langscan explain -
  langscan explain page.html --all          # every line read, and why it passed
  langscan explain data.jsonl --field text --expect en,fr
\b
""" + EXIT_CODES.replace("1 findings reported", "1 a finding would be reported")


@app.command(epilog=EPILOG, no_args_is_help=True)
@paths_argument("")
@shared("expect", "sensitivity", "threshold", "min_length", "model", "field", "column", "stdin_format", "include",
        "exclude", "config", "allow", "allow_file")
@flag("--all", "show_all", help="Show every line read, with the reason it passed. Example: --all")
def explain(paths, expect, sensitivity, threshold, min_length, model, field, column, stdin_format, include,
            exclude, config, allow, allow_file, show_all) -> None:
    """Show each unit of the text with its language guess, score and the reason it was or was not flagged.

    PATH...: files or directories in any format scan reads; - reads standard input.
    """
    import sys

    from ..readers import ReadError
    from ._scanrun import ScanArgs, pipeline_for

    a = ScanArgs(paths=list(paths or []), expect=split(expect), sensitivity=sensitivity, threshold=threshold,
                 min_length=min_length, model=model, fields=split(field), columns=split(column),
                 stdin_format=stdin_format, include=split(include) or (), exclude=split(exclude) or (),
                 config=config, allow=tuple(allow or ()), allow_file=allow_file)
    out = sys.stdout
    try:
        pipe = pipeline_for(a)
    except ValueError as exc:
        fail("explain", str(exc))
    errors = reported = 0
    try:
        for item in pipe.explain():
            if not isinstance(item, tuple):
                if isinstance(item, ReadError):
                    errors += 1
                click.echo(str(item), err=True)
                continue
            res, units = item
            reported += len(res.findings)
            out.write(render(res, units, show_all))
    except (RuntimeError, ValueError) as exc:  # a --model that is not a fastText model
        fail("explain", str(exc))
    o = pipe.options
    src = f" (config {pipe.settings.source})" if pipe.settings.source else ""
    out.write(f"{reported} finding(s) reported; decisions use --expect {','.join(o.expect)} "
              f"--sensitivity {o.sensitivity}{src}\n")
    raise SystemExit(2 if errors else 1 if reported else 0)


def _snippet(text: str, limit: int = 70) -> str:
    s = text if len(text) <= limit else text[: limit - 3] + "..."
    return s.replace("\r", "\\r").replace("\n", "\\n")


def render(res, units: list, show_all: bool) -> str:
    """The explanation of one document (the text explain prints)."""
    doc = res.doc
    where = doc.path + (f" record {doc.record}" if doc.record is not None else "") + \
        (f" field {doc.field}" if doc.field else "")
    lines = [f"== {where}"]
    shown = 0

    def unit_line(u) -> str:
        line, col = doc.source_position(u.start)
        mark = "FLAG" if u.flagged else "keep"
        return (f"{line}:{col}: {mark} {u.stage:<9} {u.lang:<4} {u.score:.2f} \"{_snippet(u.text)}\"\n"
                f"    {u.reason}")

    if not show_all:
        for u in units:
            if u.stage == "screen":
                continue
            lines.append(unit_line(u))
            shown += 1
    else:
        text = doc.text
        by_start = sorted(units, key=lambda u: u.start)
        whole = [u for u in by_start if u.stage == "screen" and u.start == 0 and u.end >= len(text.rstrip())]
        i = 0
        pos = 0
        for raw in text.splitlines(keepends=True):
            end = pos + len(raw)
            here = []
            while i < len(by_start) and by_start[i].start < end:
                if by_start[i] not in whole:
                    here.append(by_start[i])
                i += 1
            if here:
                lines.extend(unit_line(u) for u in here)
                shown += len(here)
            elif raw.strip():
                line, col = doc.source_position(pos)
                why = whole[0].reason if whole else (
                    "passed the screen: no other script, and too few foreign everyday words to look closer")
                lines.append(f"{line}:{col}: pass line      \"{_snippet(raw.rstrip())}\"\n    {why}")
                shown += 1
            pos = end
    flagged = sum(1 for u in units if u.flagged and u.stage != "screen")
    for f in res.findings:
        line, col = doc.source_position(f.start)
        kind = getattr(f.kind, "value", f.kind)
        lines.append(f"  reported {line}:{col} {kind} {f.lang} ({f.lang_name}) \"{_snippet(f.text)}\"")
    extra = []
    if res.allowed:
        extra.append(f"{res.allowed} allowed by an allow-list or an inline 'langscan: ignore'")
    if res.baselined:
        extra.append(f"{res.baselined} recorded in the baseline")
    lines.append(f"  {shown} unit(s) shown, {flagged} flagged; {len(res.findings)} finding(s) reported"
                 + (f" ({'; '.join(extra)})" if extra else ""))
    return "\n".join(lines) + "\n"
