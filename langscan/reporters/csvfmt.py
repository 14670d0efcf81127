"""CSV output with a header row, one finding a row (spreadsheet-friendly)."""

from __future__ import annotations

import csv

from .base import Hit, Reporter
from .safe import spreadsheet_cell

COLUMNS = ["path", "line", "column", "record", "field", "kind", "lang", "lang_name", "script", "score", "context", "start", "end", "text", "detail", "repair"]


class CsvReporter(Reporter):
    def start(self) -> None:
        self.writer = csv.writer(self.out, lineterminator="\n")
        self.writer.writerow(COLUMNS)

    def hit(self, hit: Hit) -> None:
        d = hit.to_dict()
        # every text cell printable and never a formula (=HYPERLINK(...) from a fragment)
        self.writer.writerow([spreadsheet_cell("" if d.get(c) is None else d.get(c)) for c in COLUMNS])
