"""What reporters share: a located finding (Hit), scan statistics, the Reporter interface.

A reporter writes findings to ``out`` (stdout) as they come, and problems
(read errors, notes) to ``err`` (stderr) unless its format carries them.
``line``/``column`` of a Hit are always the position in the user's file
(the HTML source, the JSONL line...), never in the extracted text.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, TextIO


@dataclass
class Hit:
    """A finding located in its source: what every reporter prints."""

    doc: object  # langscan.document.Document
    finding: object  # langscan.finding.Finding
    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # column just past the last character
    fingerprint: str = ""

    @classmethod
    def of(cls, doc, finding, path: Optional[str] = None, fingerprint: str = "") -> "Hit":
        line, col = doc.source_position(finding.start)
        eline, ecol = doc.source_position(max(finding.start, finding.end - 1))
        return cls(doc, finding, path or doc.path, line, col, eline, ecol + 1, fingerprint)

    @property
    def record(self) -> Optional[int]:
        return self.doc.record  # type: ignore[attr-defined]

    @property
    def field(self) -> Optional[str]:
        return self.doc.field  # type: ignore[attr-defined]

    def to_dict(self) -> dict:
        """The jsonl/json contract: Finding.to_dict() plus where it is."""
        d = {"path": self.path}
        d.update(self.finding.to_dict())  # type: ignore[attr-defined]
        d["line"], d["column"] = self.line, self.column
        if self.record is not None:
            d["record"] = self.record
        if self.field is not None:
            d["field"] = self.field
        return d


def shorten(text: str, limit: int = 120) -> str:
    """``text`` for display: whitespace runs collapsed, cut to its opening and size past ``limit``."""
    from ..display import shown
    return shown(text, limit)


def message(f) -> str:
    """A one-sentence description of a finding, for SARIF and GitHub."""
    from .safe import printable

    kind = getattr(f.kind, "value", f.kind)
    frag = printable(json.dumps(shorten(f.text), ensure_ascii=False))
    from ..display import note

    extra = f" ({printable(note(f))})" if note(f) else ""
    if kind == "homoglyph":
        return f"Word spelt with look-alike characters ({f.script}): {frag}{extra}"
    if kind == "mojibake":
        return f"Mis-decoded text (mojibake): {frag}{extra}"
    if kind == "document":
        runs = ". It holds mis-decoded text; the finding's repair is the text repaired" \
            if getattr(f, "repair", None) is not None else ""
        return f"The whole text is in {f.lang_name} ({f.lang}), not the expected language{runs}"
    # the script only when the name does not already say it ("Arabic (Arabic)" says nothing twice)
    script = f" in {f.script} script" if f.script and f.script not in (f.lang_name, "Latin") else ""
    return f"Stray {f.lang_name} fragment{script}: {frag}"


@dataclass
class Stats:
    """Counts gathered during a scan, for the summary line and ``--summary``."""

    files: int = 0
    documents: int = 0
    findings: int = 0
    errors: int = 0
    by_lang: Counter = field(default_factory=Counter)
    by_kind: Counter = field(default_factory=Counter)
    by_file: Counter = field(default_factory=Counter)
    suppressed: int = 0  # by allow rules, markers or the baseline

    def add(self, hit: Hit) -> None:
        self.findings += 1
        self.by_lang[hit.finding.lang] += 1  # type: ignore[attr-defined]
        self.by_kind[str(getattr(hit.finding.kind, "value", hit.finding.kind))] += 1  # type: ignore[attr-defined]
        self.by_file[hit.path] += 1

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "documents": self.documents,
            "findings": self.findings,
            "errors": self.errors,
            "suppressed": self.suppressed,
            "by_lang": dict(self.by_lang.most_common()),
            "by_kind": dict(self.by_kind.most_common()),
            "by_file": dict(self.by_file.most_common()),
        }

    def line(self) -> str:
        files_with = len(self.by_file)
        s = "" if self.findings == 1 else "s"
        head = (
            f"langscan: {self.findings} finding{s} in {files_with} file{'' if files_with == 1 else 's'}"
            if self.findings
            else "langscan: no findings"
        )
        tail = f" ({self.files} file{'' if self.files == 1 else 's'}, {self.documents} text{'' if self.documents == 1 else 's'} scanned"
        if self.suppressed:
            tail += f", {self.suppressed} suppressed"
        tail += ")"
        if self.errors:
            tail += f"; {self.errors} input error{'' if self.errors == 1 else 's'}"
        return head + tail

    def table(self) -> list[str]:
        def fmt(c: Counter) -> str:
            return ", ".join(f"{k} {v}" for k, v in c.most_common()) or "-"

        lines = [f"by language: {fmt(self.by_lang)}", f"by kind: {fmt(self.by_kind)}", "by file:"]
        from .safe import printable

        lines += [f"  {n:6d}  {printable(p)}" for p, n in self.by_file.most_common()] or ["  -"]
        return lines


class Reporter:
    """Base reporter: subclasses override ``start``/``hit``/``finish``."""

    carries_errors = False  # True when the format records read errors itself

    def __init__(self, out: TextIO, err: TextIO, *, color: bool = False, quiet: bool = False, summary: bool = False):
        self.out, self.err = out, err
        self.color, self.quiet, self.summary = color, quiet, summary

    def start(self) -> None:
        pass

    def hit(self, hit: Hit) -> None:
        raise NotImplementedError

    def problem(self, item) -> None:
        """A ReadError or ReadNote: stderr (notes are dropped with --quiet)."""
        if self.quiet and type(item).__name__ == "ReadNote":
            return
        print(str(item), file=self.err)

    def finish(self, stats: Stats) -> None:
        """Called once at the end; plain formats print the summary on stderr."""
        if self.summary:
            for line in [stats.line(), *stats.table()]:
                print(line, file=self.err)
