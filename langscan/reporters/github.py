"""GitHub Actions workflow commands: ``::warning file=...,line=...,col=...::message``.

Read errors become ``::error`` commands so they show on the file too.
Escaping follows GitHub's rules for command data and properties.
"""

from __future__ import annotations

from .base import Hit, Reporter, Stats, message
from .safe import printable


def _data(s: str) -> str:
    # escaped by GitHub's rules first (a newline in a message stays a line break there), then
    # whatever could still drive the log viewer or a terminal is made visible
    return printable(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    carries_errors = True

    def hit(self, hit: Hit) -> None:
        f = hit.finding
        kind = str(getattr(f.kind, "value", f.kind))
        props = f"file={_prop(hit.path)},line={hit.line},col={hit.column}"
        if hit.end_line == hit.line:
            props += f",endColumn={hit.end_column}"
        else:
            props += f",endLine={hit.end_line}"
        context = getattr(f, "context", "") or ""
        props += f",title={_prop(f'langscan {kind} {f.lang}' + (f' ({context})' if context else ''))}"
        print(f"::warning {props}::{_data(message(f))}", file=self.out)

    def problem(self, item) -> None:
        if type(item).__name__ != "ReadError":
            return super().problem(item)
        props = f"file={_prop(item.path)}" + (f",line={item.line}" if item.line is not None else "")
        print(f"::error {props},title=langscan input error::{_data(item.message)}", file=self.out)

    def finish(self, stats: Stats) -> None:
        if not self.quiet:
            print(stats.line(), file=self.out)
        if self.summary:
            for line in stats.table():
                print(line, file=self.out)
