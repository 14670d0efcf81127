"""Calibrated scores: a finding's score is the share of dev findings with its raw score that were right.

The table (``models/calibration.json``) is fitted by ``tools/fit_calibration.py`` on the dev splits
(isotonic regression per kind, so it is monotone).  A score of 0.8 means about 80 % of the dev findings
of that kind with that raw score were right.  Without the file, scores stay raw.
"""

from __future__ import annotations

import json
import threading
from bisect import bisect_left
from typing import Optional

from ..lid import models_dir

_lock = threading.Lock()
_tables: Optional[dict[str, tuple[list[float], list[float]]]] = None


def _load() -> dict[str, tuple[list[float], list[float]]]:
    global _tables
    if _tables is None:
        with _lock:
            if _tables is None:
                path = models_dir() / "calibration.json"
                tables: dict[str, tuple[list[float], list[float]]] = {}
                try:
                    raw = json.loads(path.read_text(encoding="utf-8"))["tables"]
                    for group, steps in raw.items():
                        tables[group] = ([float(u) for u, _ in steps], [float(p) for _, p in steps])
                except (OSError, ValueError, KeyError, TypeError):
                    tables = {}
                _tables = tables
    return _tables


def calibrate(kind: str, context: str, raw: float) -> float:
    """The calibrated score of a finding of ``kind`` in ``context`` with this raw score."""
    tables = _load()
    table = tables.get(f"{kind}:{context}") or tables.get(kind)
    if table is None:
        return raw
    uppers, probs = table
    k = bisect_left(uppers, raw)
    return probs[min(k, len(probs) - 1)]
