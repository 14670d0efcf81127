"""The one scanning pipeline behind ``scan``, ``report``, ``clean`` and ``explain``.

From paths to accepted findings, in one place::

    file selection (walk, include/exclude globs, langscan's own files left out, non-record JSON noted)
      -> readers (every format, compression, stdin)
      -> per-path settings (the config's [[overrides]]: expect, sensitivity, allow-lists...)
      -> detector (through langscan.parallel, so --jobs never changes a result)
      -> allow-lists and inline ``langscan: ignore`` markers -> baseline

The four commands only consume what this module yields, so on the same tree with the same config
they report the same fragments by construction.  Typical use::

    from langscan.pipeline import Pipeline, Request
    pipe = Pipeline(Request(paths=["docs/"], expect="en"))
    for item in pipe.scan():
        if isinstance(item, Scanned):
            for f in item.findings: ...

Every option is checked by :mod:`langscan.options` when the Pipeline is built (``UsageError``).
"""

from __future__ import annotations

import itertools
import json
import os
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

from . import options as opt
from .options import UsageError

OWN_FILE_PREFIX = ".langscan"  # .langscan.toml, .langscan-allow.txt, .langscan-baseline.json: never scanned
JSON_SNIFF_BYTES = 1 << 16


@dataclass
class Request:
    """What the user asked for; ``None`` means "from the config file, else the default"."""

    paths: Sequence[str] = ()
    expect: Union[str, Sequence[str], None] = None
    sensitivity: Optional[str] = None
    threshold: Optional[float] = None
    min_length: Optional[int] = None
    model: Optional[str] = None
    kinds: Union[str, Sequence[str], None] = None
    fields: Union[str, Sequence[str], None] = None
    columns: Union[str, Sequence[str], None] = None
    stdin_format: str = "text"
    include: Sequence[str] = ()
    exclude: Sequence[str] = ()
    config: Optional[str] = None  # a config file instead of the nearest .langscan.toml / pyproject.toml
    use_config: bool = True  # False: no config file at all (library callers that pass every option)
    allow: Sequence[str] = ()
    allow_file: Optional[str] = None
    baseline: Optional[str] = None
    use_baseline: bool = True  # False: report baselined findings too (e.g. while writing a new baseline)
    extra_own_files: Sequence[str] = ()  # more files never to scan (the baseline being written)
    jobs: Optional[int] = None
    # text about a language (glosses, discussed examples) is reported too (context "gloss")
    report_glosses: bool = False


@dataclass
class Scanned:
    """One document and what the pipeline decided about it."""

    doc: object  # langscan.document.Document
    findings: list  # reported: after allow-lists, inline markers and the baseline
    accepted: list = field(default_factory=list)  # after allow-lists and markers, before the baseline
    allowed: int = 0  # dropped by an allow-list or an inline marker
    baselined: int = 0  # dropped because the baseline records them
    key: str = ""  # the document's path relative to the config's folder (baseline key)


class Pipeline:
    """Settings resolved once; then :meth:`scan`, :meth:`explain`, :meth:`files` and :meth:`findings_for`."""

    def __init__(self, request: Request):
        from .config import Settings, load

        r = self.request = request
        self.settings = s = load(r.config) if r.use_config else Settings()
        self.root = s.root
        self.jobs = opt.jobs(r.jobs)
        if r.stdin_format not in STDIN_FORMATS():
            raise UsageError(f"--stdin-format: must be one of {', '.join(STDIN_FORMATS())}, not {r.stdin_format!r}")
        # CLI values are checked here (config values were checked when the file was read)
        self._cli = dict(
            expect=opt.languages(r.expect) if r.expect is not None else None,
            sensitivity=opt.sensitivity(r.sensitivity),
            threshold=opt.threshold(r.threshold),
            min_length=opt.min_length(r.min_length),
        )
        self.model = opt.model_path(r.model) if r.model else (opt.model_path(s.model, "model (config)") if s.model else None)
        self.kinds = opt.kinds(r.kinds)
        self.options = self._options(s)
        self.policy = self._base_policy()
        from .readers import ReaderOptions

        self.reader_options = ReaderOptions(
            fields=opt.names(r.fields) or s.field or ("text",),
            columns=opt.names(r.columns) or s.column or ("text",),
            stdin_format=r.stdin_format,
        )
        self.baseline_path = r.baseline or s.baseline
        self.baseline = None
        if self.baseline_path and r.use_baseline:
            from .baseline import Baseline, BaselineError

            try:
                self.baseline = Baseline.load(self.baseline_path)
            except BaselineError as exc:
                raise UsageError(str(exc)) from None
        own = [s.source, s.allow_file, r.allow_file, self.baseline_path, *r.extra_own_files]
        self.own_files = frozenset(os.path.abspath(p) for p in own if p)
        self._opts_cache: dict = {}
        self._last_key: tuple = (None, None)  # (path, key(path)) of the last path asked about
        self._policy_cache: dict = {}

    # ------------------------------------------------------------------ settings
    def _options(self, s):
        c = self._cli
        return opt.detector_options(
            c["expect"] or s.expect, sensitivity=c["sensitivity"] or s.sensitivity,
            threshold=c["threshold"] if c["threshold"] is not None else s.threshold,
            min_length=c["min_length"] if c["min_length"] is not None else s.min_length,
            model_path=self.model, kinds=self.kinds, check_model=False,
            report_glosses=self.request.report_glosses,
        )

    def _base_policy(self):
        from .policy import Policy, PolicyError, read_allow_file

        s, r = self.settings, self.request
        allow, regex = list(s.allow) + list(r.allow), list(s.allow_regex)
        for path in filter(None, (s.allow_file, r.allow_file)):
            try:
                terms, pats = read_allow_file(path)
            except OSError as exc:
                raise UsageError(f"{path}: cannot read allow-list file: {exc.strerror or exc}") from None
            except (PolicyError, UnicodeDecodeError) as exc:
                raise UsageError(f"{path}: {exc}") from None
            allow += terms
            regex += pats
        try:
            return Policy(tuple(allow), tuple(regex))
        except PolicyError as exc:
            raise UsageError(str(exc)) from None

    def key(self, path: str) -> str:
        """``path`` as the config's globs and the baseline see it."""
        if path == "<stdin>":
            return path
        if self._last_key[0] == path:  # (asked once per record: the records of a file share it)
            return self._last_key[1]
        from .readers.walk import relative

        rel = relative(path, self.root)
        self._last_key = (path, rel)
        return rel

    def _path_settings(self, path: str):
        s = self.settings
        if not s.overrides or path == "<stdin>":
            return None
        ps = s.for_path(self.key(path))
        return None if ps == s else ps

    def options_for(self, path: str):
        """The DetectorOptions for a file: the config's matching override, command-line flags winning."""
        ps = self._path_settings(path)
        if ps is None:
            return self.options
        k = (ps.expect, ps.sensitivity, ps.threshold, ps.min_length)
        if k not in self._opts_cache:
            self._opts_cache[k] = self._options(ps)
        return self._opts_cache[k]

    def policy_for(self, path: str):
        ps = self._path_settings(path)
        if ps is None:
            return self.policy
        s = self.settings
        k = (ps.allow, ps.allow_regex)
        if k not in self._policy_cache:
            self._policy_cache[k] = self.policy.merged(ps.allow[len(s.allow):], ps.allow_regex[len(s.allow_regex):])
        return self._policy_cache[k]

    # ------------------------------------------------------------------ selection
    def is_own_file(self, path: str) -> bool:
        return os.path.basename(path).startswith(OWN_FILE_PREFIX) or os.path.abspath(path) in self.own_files

    def sources(self, paths: Optional[Iterable[str]] = None) -> Iterator:
        """``Source`` for every file to read (stdin for ``-``), and ``ReadNote`` for files left out on purpose."""
        from .readers import ReadNote, sources

        r, s = self.request, self.settings
        include = tuple(r.include) or tuple(s.include)
        exclude = tuple(r.exclude) + tuple(s.exclude)
        for src in sources(list(r.paths if paths is None else paths), self.reader_options, include, exclude,
                           base=self.root):
            if src.fs_path is not None and self.is_own_file(src.fs_path):
                continue  # silently, also when named: pre-commit names every changed file
            if src.fmt == "json" and not src.explicit and src.fs_path is not None:
                why = _not_records(src.fs_path, self.reader_options.fields)
                if why:
                    yield ReadNote(src.path, f"{why}, skipped (name the file to scan it)")
                    continue
            if self.watch is not None and src.fs_path is not None:
                src.opener = _watched(src.opener, self.watch)
            yield src

    watch: Optional[Callable] = None  # called with each file object opened (the progress bar follows it)

    def total_bytes(self, paths: Optional[Iterable[str]] = None) -> Optional[int]:
        """The size of every selected file (None when stdin is read)."""
        total = 0
        saved, self.watch = self.watch, None
        try:
            for src in self.sources(paths):
                if hasattr(src, "opener"):
                    if src.fs_path is None:
                        return None
                    total += src.size() or 0
        finally:
            self.watch = saved
        return total

    def files(self, paths: Optional[Iterable[str]] = None) -> Iterator:
        """(path, explicit) of every file selected, plus ``ReadNote`` items: what ``clean`` walks."""
        for src in self.sources(paths):
            if hasattr(src, "opener"):
                yield (src.fs_path if src.fs_path is not None else "-"), src.explicit
            else:
                yield src

    def items(self, paths: Optional[Iterable[str]] = None) -> Iterator:
        """Documents, ``ReadError`` and ``ReadNote`` items in input order (``files_read`` counts sources)."""
        from .readers import read_source

        for src in self.sources(paths):
            if not hasattr(src, "opener"):
                yield src
                continue
            self.files_read += 1
            yield from read_source(src, self.reader_options)

    files_read = 0

    # ------------------------------------------------------------------ decisions
    def decide(self, doc, findings: list) -> Scanned:
        """Apply the path's allow-lists and markers, then the baseline, to a document's findings."""
        accepted = self.policy_for(doc.path).filter(doc, findings)
        key = self.key(doc.path)
        out = Scanned(doc, accepted, accepted, allowed=len(findings) - len(accepted), key=key)
        if self.baseline is not None and accepted:
            from .baseline import fingerprint

            out.findings = [f for f in accepted if not self.baseline.consume(key, fingerprint(doc, f))]
            out.baselined = len(accepted) - len(out.findings)
        return out

    def scan(self, paths: Optional[Iterable[str]] = None, jobs: Optional[int] = None) -> Iterator:
        """``Scanned`` for every document, ``ReadError``/``ReadNote`` in between, in input order."""
        from .document import Document
        from .parallel import scan_documents
        from .readers import read_source

        jobs = self.jobs if jobs is None else jobs
        for det_opts, group in itertools.groupby(self.sources(paths), key=self._group_key):
            pending: deque = deque()
            count = 0

            def docs(group=group) -> Iterator[Document]:
                nonlocal count
                for src in group:
                    if not hasattr(src, "opener"):
                        pending.append((count, src))
                        continue
                    self.files_read += 1
                    for item in read_source(src, self.reader_options):
                        if isinstance(item, Document):
                            count += 1
                            yield item
                        else:
                            pending.append((count, item))

            seen = 0
            for doc, findings in scan_documents(docs(), det_opts, jobs):
                seen += 1
                while pending and pending[0][0] < seen:
                    yield pending.popleft()[1]
                yield self.decide(doc, findings)
            while pending:
                yield pending.popleft()[1]

    def _group_key(self, src):
        return self.options_for(src.path) if hasattr(src, "opener") else self.options

    def findings_for(self, docs: Sequence, jobs: Optional[int] = None) -> list:
        """Reported findings for each document (what ``clean`` acts on), per-path settings applied."""
        from .parallel import scan_documents
        from .policy import marker_lines

        jobs = self.jobs if jobs is None else jobs
        out: list = []
        for det_opts, group in itertools.groupby(docs, key=lambda d: self.options_for(d.path)):
            group = list(group)
            for d in group:
                d.meta.setdefault("ignore_lines", marker_lines(d.text, d.line_base + 1))
            for doc, findings in scan_documents(group, det_opts, jobs=jobs):
                out.append(self.decide(doc, findings).findings)
        return out

    def explain(self, paths: Optional[Iterable[str]] = None) -> Iterator:
        """(Scanned, units) for every document, ``ReadError``/``ReadNote`` in between.

        ``units`` is the detector's trace (every unit looked at and why); ``Scanned.findings`` is
        exactly what ``scan`` reports for the same document.
        """
        from .detector import Detector
        from .document import Document

        detectors: dict = {}
        for item in self.items(paths):
            if not isinstance(item, Document):
                yield item
                continue
            o = self.options_for(item.path)
            det = detectors.get(o) or detectors.setdefault(o, Detector(options=o))
            units = det.explain(item.text)
            findings = det.scan(item.text) if len(item.text) <= _split_chars() else _split_scan(item, o)
            yield self.decide(item, findings), units


def _watched(opener: Callable, watch: Callable) -> Callable:
    def open_and_watch():
        fh = opener()
        watch(fh)
        return fh

    return open_and_watch


def _split_chars() -> int:
    from .parallel import SPLIT_CHARS

    return SPLIT_CHARS


def _split_scan(doc, o) -> list:
    """Findings of a document long enough that ``scan`` cuts it into pieces: cut it the same way."""
    from .parallel import scan_documents

    return next(iter(scan_documents([doc], o, jobs=1)))[1]


def STDIN_FORMATS() -> tuple:
    from .readers import STDIN_FORMATS as f

    return f


def _not_records(path: str, fields: Sequence[str]) -> Optional[str]:
    """Why a .json file met in a directory walk is not a file of records (None: it is, or may be)."""
    from .readers.compression import codec_from_name

    if codec_from_name(os.path.basename(path))[1]:
        return None  # compressed: let the reader decide
    try:
        with open(path, "rb") as fh:
            head = fh.read(JSON_SNIFF_BYTES)
    except OSError:
        return None  # the reader reports it
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if not text.startswith(("[", "{")):
        return None  # malformed: the reader says where
    if text.startswith("{"):
        return "a JSON object, not a list of records (a package.json or settings file)"
    body = text[1:].lstrip()
    if body.startswith("]"):
        return "an empty JSON list"
    try:
        first, _ = json.JSONDecoder().raw_decode(body)
    except ValueError:
        return None  # the first record is longer than the sniff: a record file
    except RecursionError:
        return None  # nested too deeply to sniff: the reader reports it, with its place
    if not isinstance(first, dict):
        return "a JSON list of values, not of records"
    tops = {f.split(".")[0] for f in fields}
    if not tops.intersection(first):
        return f"JSON records without the field(s) {', '.join(fields)}"
    return None


__all__ = ["Pipeline", "Request", "Scanned", "UsageError"]
