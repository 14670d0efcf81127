"""Human output: ``path:line:col: kind lang (Script, context) "fragment"`` and a summary line.

The fragment is shown on one line (whitespace runs collapsed; a ``document``
finding as its first sentences and its size); ``--format json`` keeps the exact text.

Colour only when writing to a terminal (and not with --no-color or NO_COLOR).
"""

from __future__ import annotations

import json

from ..display import note, shown
from .base import Hit, Reporter, Stats
from .safe import printable

_BOLD, _YELLOW, _CYAN, _RED, _DIM, _RESET = "\033[1m", "\033[33m", "\033[36m", "\033[31m", "\033[2m", "\033[0m"


class TextReporter(Reporter):
    def _c(self, code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if self.color else s

    def hit(self, hit: Hit) -> None:
        f = hit.finding
        where = self._c(_BOLD, f"{printable(hit.path)}:{hit.line}:{hit.column}:")
        kind = self._c(_YELLOW, str(getattr(f.kind, "value", f.kind)))
        context = getattr(f, "context", "") or ""
        lang = self._c(_CYAN, f"{f.lang} ({f.script}{', ' + context if context else ''})")
        # shown as one line: whitespace runs collapsed, a whole document as its opening and size
        frag = printable(json.dumps(shown(f.text, kind=str(getattr(f.kind, "value", f.kind))), ensure_ascii=False))
        extra = ""
        if hit.record is not None:
            extra = f" [record {hit.record}" + (f", field {printable(hit.field)}" if hit.field else "") + "]"
        kind_name = getattr(f.kind, "value", f.kind)
        if (kind_name in ("homoglyph", "mojibake") and (f.detail or f.repair is not None)) or \
                (kind_name == "document" and f.repair is not None):  # a foreign text holding mojibake says so
            extra += f" ({printable(note(f))})"
        print(f"{where} {kind} {lang} {frag}{self._c(_DIM, extra) if extra else ''}", file=self.out)

    def problem(self, item) -> None:
        if self.quiet and type(item).__name__ == "ReadNote":
            return
        text = str(item)
        if type(item).__name__ == "ReadError" and self.color:
            text = self._c(_RED, text)
        print(text, file=self.err)

    def finish(self, stats: Stats) -> None:
        if self.quiet:
            return
        print(stats.line(), file=self.out)
        if self.summary:
            for line in stats.table():
                print(line, file=self.out)
