"""Machine output: ``json`` (one document) and ``jsonl`` (one object a finding).

Each finding object is ``Finding.to_dict()`` (kind, start, end, line, column,
text, lang, lang_name, script, score, context[, detail]) plus ``path`` and, for
records, ``record`` and ``field``; ``line``/``column`` are the position in
the user's file, ``start``/``end`` code-point offsets into the scanned text
(the record's field for JSON Lines, CSV and Parquet).
"""

from __future__ import annotations

import json

from .base import Hit, Reporter, Stats
from .safe import json_text


class JsonlReporter(Reporter):
    def hit(self, hit: Hit) -> None:
        self.out.write(json_text(json.dumps(hit.to_dict(), ensure_ascii=False)) + "\n")


class JsonReporter(Reporter):
    """``{"version": 1, "findings": [...], "errors": [...], "summary": {...}}``"""

    carries_errors = True

    def start(self) -> None:
        self.findings: list[dict] = []
        self.errors: list[dict] = []

    def hit(self, hit: Hit) -> None:
        self.findings.append(hit.to_dict())

    def problem(self, item) -> None:
        super().problem(item)
        if type(item).__name__ == "ReadError":
            d = {"path": item.path, "message": item.message}
            if item.line is not None:
                d["line"] = item.line
            if item.byte is not None:
                d["byte"] = item.byte
            self.errors.append(d)

    def finish(self, stats: Stats) -> None:
        doc = {"version": 1, "findings": self.findings, "errors": self.errors, "summary": stats.to_dict()}
        self.out.write(json_text(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n")
