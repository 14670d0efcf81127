"""The `langscan scan` pipeline: sources -> readers -> scan_documents -> policy -> baseline -> reporter.

Order is kept: read errors are reported between the findings of the
documents around them, whatever ``--jobs`` is.  Exit status: 2 if any input
(or the configuration) could not be read, else 1 if a finding was reported,
else 0.  ``--write-baseline`` exits 0 unless an input failed.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Optional, TextIO



@dataclass
class ScanArgs:
    paths: list
    expect: Optional[tuple] = None
    sensitivity: Optional[str] = None
    threshold: Optional[float] = None
    min_length: Optional[int] = None
    model: Optional[str] = None
    fmt: str = "text"
    fields: Optional[tuple] = None
    columns: Optional[tuple] = None
    stdin_format: str = "text"
    include: tuple = ()
    exclude: tuple = ()
    config: Optional[str] = None
    allow: tuple = ()
    allow_file: Optional[str] = None
    baseline: Optional[str] = None
    write_baseline: Optional[str] = None
    summary: bool = False
    quiet: bool = False
    jobs: Optional[int] = None  # None or 0: one per CPU (scan_documents decides)
    kinds: Optional[tuple] = None
    no_color: bool = False
    report_glosses: bool = False


from ..options import UsageError  # noqa: E402  (bad options or configuration: message printed, exit 2)


def make_progress(err: TextIO, enabled: bool, pipe=None):
    """The progress display for a scan: a real bar on a terminal, nothing otherwise."""
    from .progress import NoProgress, Progress

    if not enabled:
        return NoProgress()
    bar = Progress(err, pipe.total_bytes() if pipe is not None else None)
    if pipe is not None:
        pipe.watch = bar.watch
    return bar


def input_overwritten(output: Optional[str], paths) -> Optional[str]:
    """The input of ``paths`` (as given on the command line) that writing ``output`` would replace,
    or None.  Checked before anything is read: `report page.txt -o page.txt` replaced the corpus
    with the report, `scan x.txt --write-baseline x.txt` skipped x.txt as langscan's own file and
    then overwrote it.  The same file under another name (a link, ``./x.txt``) counts too."""
    if not output or output == "-":
        return None
    for p in paths:
        if p == "-":
            continue
        try:
            if os.path.samefile(output, p):
                return p
        except (OSError, ValueError):  # one of them does not exist (yet): not the same file
            pass
    return None


def pipeline_for(a, paths=None, **extra):
    """The Pipeline for command-line arguments ``a`` (any object with ScanArgs' attributes)."""
    from ..pipeline import Pipeline, Request

    g = lambda name, default=None: getattr(a, name, default)  # noqa: E731
    if sys.stdin is None and "-" in (paths if paths is not None else g("paths", [])):
        # started with standard input closed (`<&-`): Python then has no sys.stdin at all
        raise UsageError("-: standard input is closed; nothing to read")
    return Pipeline(Request(
        paths=list(paths if paths is not None else g("paths", [])), expect=g("expect"), sensitivity=g("sensitivity"),
        threshold=g("threshold"), min_length=g("min_length"), model=g("model"), kinds=g("kinds"),
        fields=g("fields"), columns=g("columns"), stdin_format=g("stdin_format") or "text",
        include=g("include") or (), exclude=g("exclude") or (), config=g("config"), allow=g("allow") or (),
        allow_file=g("allow_file"), baseline=g("baseline"), jobs=g("jobs"),
        report_glosses=bool(g("report_glosses", False)), **extra))


def run(a: ScanArgs, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    """Run a scan; returns the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    from ..reporters import FORMATS

    try:
        if not a.paths:
            raise UsageError("nothing to scan: give files or directories, or '-' for stdin (see langscan scan --help)")
        if a.fmt not in FORMATS:
            raise UsageError(f"--format: must be one of {', '.join(FORMATS)}, not {a.fmt!r}")
        clash = input_overwritten(a.write_baseline, a.paths)
        if clash is not None:
            raise UsageError(f"--write-baseline {a.write_baseline} is the input {clash}; writing the baseline "
                             "would replace it (choose another file); nothing written")
        pipe = pipeline_for(a, use_baseline=not a.write_baseline,
                            extra_own_files=(a.write_baseline,) if a.write_baseline else ())
    except (UsageError, ValueError) as exc:
        print(f"langscan scan: error: {exc}", file=err)
        return 2
    return _pipeline(a, pipe, out, err)


def _pipeline(a, pipe, out, err) -> int:
    from .. import __version__
    from ..baseline import entry, fingerprint, write
    from ..lid import ModelError
    from ..parallel import WorkerDied
    from ..pipeline import Scanned
    from ..readers import ReadError
    from ..reporters import Hit, Stats, make_reporter

    color = out.isatty() and not a.no_color and "NO_COLOR" not in os.environ
    reporter = make_reporter(a.fmt, out, err, color=color, quiet=a.quiet, summary=a.summary)
    stats = Stats()
    progress = make_progress(err, err.isatty() and not a.quiet, pipe)
    recorded: list = []
    recurring = None
    if a.summary:
        from ..recurring import RecurringIndex

        recurring = RecurringIndex()  # template boilerplate: the same fragment across documents
    reporter.start()

    def handle(res) -> None:
        doc = res.doc
        stats.documents += 1
        stats.suppressed += res.allowed + res.baselined
        if recurring is not None:
            recurring.add(doc, res.accepted)
        shown = res.findings if a.write_baseline is None else res.accepted
        for f in shown:
            hit = Hit.of(doc, f, fingerprint=fingerprint(doc, f))
            if a.write_baseline:
                recorded.append(entry(hit, res.key))
            stats.add(hit)
            progress.clear()
            reporter.hit(hit)
        stats.files = pipe.files_read
        progress.update(stats, doc)

    try:
        for item in pipe.scan():
            if isinstance(item, Scanned):
                handle(item)
                continue
            progress.clear()
            if isinstance(item, ReadError):
                stats.errors += 1
            reporter.problem(item)
        stats.files = pipe.files_read
    except KeyboardInterrupt:
        progress.close()
        reporter.finish(stats)  # what was found so far, as a complete document (json/sarif stay valid)
        out.flush()
        print("langscan scan: interrupted; the output holds what was scanned before Ctrl-C", file=err)
        return 130
    except WorkerDied as exc:  # a worker process was killed (out of memory, a signal)
        progress.close()
        reporter.finish(stats)
        print(f"langscan scan: error: {exc}", file=err)
        return 2
    except ModelError as exc:  # --model pointing at something that is not a fastText model
        progress.close()
        print(f"langscan scan: error: {exc}", file=err)
        return 2
    progress.close()
    if a.write_baseline:
        try:
            n = write(a.write_baseline, recorded, __version__)
        except OSError as exc:
            print(f"langscan scan: error: cannot write baseline {a.write_baseline}: {exc.strerror or exc}", file=err)
            reporter.finish(stats)
            return 2
        if not a.quiet:
            print(f"langscan: wrote {n} finding{'s' if n != 1 else ''} to baseline {a.write_baseline}", file=err)
    reporter.finish(stats)
    if recurring is not None and not a.quiet:
        # beside the text summary table on stdout; machine formats keep stdout parseable
        (out if a.fmt == "text" else err).write(recurring.format_summary(10))
    out.flush()
    if stats.errors:
        return 2
    if a.write_baseline:
        return 0
    return 1 if stats.findings else 0
