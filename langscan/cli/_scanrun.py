"""The `langscan scan` pipeline: sources -> readers -> scan_documents -> policy -> baseline -> reporter.

Order is kept: read errors are reported between the findings of the
documents around them, whatever ``--jobs`` is.  Exit status: 2 if any input
(or the configuration) could not be read, else 1 if a finding was reported,
else 0.  ``--write-baseline`` exits 0 unless an input failed.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
import time
from collections import deque
from dataclasses import dataclass
from typing import Iterator, Optional, TextIO

_LANG = re.compile(r"^[a-z]{2,3}$")


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
    no_color: bool = False
    report_glosses: bool = False


class UsageError(Exception):
    """Bad options or configuration: message printed, exit 2."""


class Progress:
    """A one-line counter on stderr, only on a terminal, at most 5 updates a second."""

    def __init__(self, err: TextIO, enabled: bool):
        self.err, self.enabled, self.last = err, enabled, 0.0

    def update(self, stats) -> None:
        now = time.monotonic()
        if self.enabled and now - self.last > 0.2:
            self.last = now
            self.shown = True
            self.err.write(f"\rscanning: {stats.files} files, {stats.documents} texts, {stats.findings} findings\033[K")
            self.err.flush()

    shown = False

    def clear(self) -> None:
        """Erase the progress line before other output goes to the same terminal."""
        if self.shown:
            self.shown = False
            self.err.write("\r\033[K")
            self.err.flush()

    close = clear


def _settings(a: ScanArgs):
    from ..config import load

    s = load(a.config)
    expect = a.expect or s.expect or ("en",)
    bad = [e for e in expect if not _LANG.match(e)]
    if bad:
        raise UsageError(f"--expect: not an ISO 639 language code: {', '.join(bad)} (example: --expect en,fr)")
    if a.sensitivity is not None and a.sensitivity not in ("strict", "balanced", "aggressive"):
        raise UsageError(f"--sensitivity must be strict, balanced or aggressive, not {a.sensitivity!r}")
    if a.threshold is not None and not 0 <= a.threshold <= 1:
        raise UsageError(f"--threshold must be between 0 and 1, not {a.threshold}")
    if a.min_length is not None and a.min_length < 1:
        raise UsageError(f"--min-length must be at least 1, not {a.min_length}")
    model = a.model or s.model
    if model is not None and not os.path.isfile(os.path.expanduser(model)):
        raise UsageError(f"--model: no such file: {model}")
    return s, model


def _detector_options(s, a: ScanArgs, model: Optional[str]):
    """DetectorOptions for settings ``s`` (already override-resolved), CLI flags winning."""
    from ..detector import DetectorOptions

    try:
        return DetectorOptions(
            expect=tuple(a.expect or s.expect or ("en",)),
            sensitivity=a.sensitivity or s.sensitivity or "balanced",
            threshold=a.threshold if a.threshold is not None else s.threshold,
            min_length=a.min_length if a.min_length is not None else s.min_length,
            model_path=os.path.expanduser(model) if model else None,
            report_glosses=a.report_glosses,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _policy(s, a: ScanArgs):
    from ..policy import Policy, PolicyError, read_allow_file

    allow, regex = list(s.allow) + list(a.allow), list(s.allow_regex)
    for path in filter(None, (s.allow_file, a.allow_file)):
        try:
            terms, pats = read_allow_file(path)
        except OSError as exc:
            raise UsageError(f"{path}: cannot read allow-list file: {exc.strerror or exc}") from None
        except (PolicyError, UnicodeDecodeError) as exc:
            raise UsageError(str(exc)) from None
        allow += terms
        regex += pats
    try:
        return Policy(tuple(allow), tuple(regex))
    except Exception as exc:  # PolicyError from a bad regex
        raise UsageError(str(exc)) from None


def run(a: ScanArgs, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    """Run a scan; returns the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    from ..baseline import Baseline, BaselineError
    from ..config import ConfigError
    from ..readers import STDIN_FORMATS, ReaderOptions
    from ..reporters import FORMATS

    try:
        if not a.paths:
            raise UsageError("nothing to scan: give files or directories, or '-' for stdin (see langscan scan --help)")
        if a.fmt not in FORMATS:
            raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {a.fmt!r}")
        if a.stdin_format not in STDIN_FORMATS:
            raise UsageError(f"--stdin-format must be one of {', '.join(STDIN_FORMATS)}, not {a.stdin_format!r}")
        if a.jobs is not None and a.jobs < 0:
            raise UsageError(f"--jobs must be 0 (one per CPU) or more, not {a.jobs}")
        s, model = _settings(a)
        base_policy = _policy(s, a)
        base_opts = _detector_options(s, a, model)
        bl_path = a.baseline or s.baseline
        bl = Baseline.load(bl_path) if bl_path else None
    except (UsageError, ConfigError, BaselineError) as exc:
        print(f"langscan scan: error: {exc}", file=err)
        return 2

    ropts = ReaderOptions(fields=a.fields or s.field or ("text",), columns=a.columns or s.column or ("text",),
                          stdin_format=a.stdin_format)
    return _pipeline(a, s, model, base_policy, base_opts, bl, bl_path, ropts, out, err)


def _pipeline(a, s, model, base_policy, base_opts, bl, bl_path, ropts, out, err) -> int:
    from .. import __version__
    from ..baseline import entry, fingerprint, write
    from ..document import Document
    from ..lid import ModelError
    from ..parallel import WorkerDied, scan_documents
    from ..readers import ReadError, read_source, sources
    from ..readers.walk import relative
    from ..reporters import Hit, Stats, make_reporter

    color = out.isatty() and not a.no_color and "NO_COLOR" not in os.environ
    reporter = make_reporter(a.fmt, out, err, color=color, quiet=a.quiet, summary=a.summary)
    stats = Stats()
    progress = Progress(err, err.isatty() and not a.quiet)
    root = s.root
    exclude = tuple(a.exclude) + tuple(s.exclude)
    for p in (bl_path, a.write_baseline):  # never read our own baseline as input
        if p:
            exclude += (relative(p, root),)
    include = tuple(a.include) or tuple(s.include)
    recorded: list = []
    recurring = None
    if a.summary:
        from ..recurring import RecurringIndex

        recurring = RecurringIndex()  # template boilerplate: the same fragment across documents
    reporter.start()
    policies: dict = {}
    options_cache: dict = {}

    def settings_for(path: str):
        if not s.overrides or path == "<stdin>":
            return None
        return s.for_path(relative(path, root))

    def opts_for(src) -> object:
        ps = settings_for(src.path)
        if ps is None:
            return base_opts
        key = (ps.expect, ps.sensitivity, ps.threshold, ps.min_length)
        if key not in options_cache:
            options_cache[key] = _detector_options(ps, a, model)
        return options_cache[key]

    def policy_for(path: str):
        ps = settings_for(path)
        if ps is None:
            return base_policy
        key = (ps.allow, ps.allow_regex)
        if key not in policies:
            policies[key] = base_policy.merged(ps.allow[len(s.allow):], ps.allow_regex[len(s.allow_regex):])
        return policies[key]

    def problem(item) -> None:
        progress.clear()
        if isinstance(item, ReadError):
            stats.errors += 1
        reporter.problem(item)

    def handle(doc, findings) -> None:
        stats.documents += 1
        kept = policy_for(doc.path).filter(doc, findings)
        stats.suppressed += len(findings) - len(kept)
        if recurring is not None:
            recurring.add(doc, kept)
        key = doc.path if doc.path == "<stdin>" else relative(doc.path, root)
        for f in kept:
            hit = Hit.of(doc, f, fingerprint=fingerprint(doc, f))
            if a.write_baseline:
                recorded.append(entry(hit, key))
            if bl is not None and bl.consume(key, hit.fingerprint):
                stats.suppressed += 1
                continue
            stats.add(hit)
            progress.clear()
            reporter.hit(hit)
        progress.update(stats)

    try:
        srcs = sources(a.paths, ropts, include, exclude, base=root)
        for det_opts, group in itertools.groupby(srcs, key=opts_for):
            pending: deque = deque()
            count = 0

            def docs(group=group) -> Iterator[Document]:
                nonlocal count
                for src in group:
                    stats.files += 1
                    for item in read_source(src, ropts):
                        if isinstance(item, Document):
                            count += 1
                            yield item
                        else:
                            pending.append((count, item))

            seen = 0
            for doc, findings in scan_documents(docs(), det_opts, a.jobs):
                seen += 1
                while pending and pending[0][0] < seen:
                    problem(pending.popleft()[1])
                handle(doc, findings)
            while pending:
                problem(pending.popleft()[1])
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
