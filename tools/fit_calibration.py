"""Fit models/calibration.json: raw detector score -> probability that the finding is right.

Run by a developer on the dev splits only (never the held-out ones):

    PYTHONPATH=$PWD python tools/fit_calibration.py

Data: every finding langscan makes on
- the synthetic benchmark's dev documents (``benchmarks/data/corpus.jsonl``, ``split == "dev"``): right
  when at least half of its non-space characters lie inside gold (the benchmark's own rule);
- the hand-labelled real pages' dev split, when ``benchmarks.realpages`` and its labels are present: right
  when it overlaps a stray gold span, or the page's gold is a whole-page ``document`` span.

Per kind (``latin`` split by menu / other context), the (raw score, right) pairs are sorted by score and
fitted by isotonic regression (pool adjacent violators), so the table is monotone: a higher raw score
never maps to a lower probability.  The table is a list of [upper raw score, probability] steps.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "models" / "calibration.json"
MIN_BLOCK = 20  # findings per step at least (a step of a handful of findings says little)


def _nonspace_inside(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    total = sum(1 for c in text[s:e] if not c.isspace())
    inside = 0
    for gs, ge in spans:
        a, b = max(s, gs), min(e, ge)
        if b > a:
            inside += sum(1 for c in text[a:b] if not c.isspace())
    return total > 0 and inside * 2 >= total


def synthetic(det_for) -> list[tuple[str, float, bool]]:
    out = []
    for line in open(ROOT / "benchmarks" / "data" / "corpus.jsonl", encoding="utf-8"):
        doc = json.loads(line)
        if doc.get("split") != "dev":
            continue
        spans = [(g["start"], g["end"]) for g in doc["gold"]]
        for f, raw in det_for("en").scan_raw(doc["text"]):
            out.append((_group(f), raw, _nonspace_inside(doc["text"], f.start, f.end, spans)))
    return out


def realpages(det_for) -> list[tuple[str, float, bool]]:
    try:
        from benchmarks.realpages.evaluate import CORPUS_NAMES, load_pages
    except ImportError:
        print("benchmarks.realpages not found: synthetic data only", file=sys.stderr)
        return []
    pages, _ = load_pages(CORPUS_NAMES, "dev")
    out = []
    for p in pages:
        if not p.text:
            continue
        stray = [(g.start, g.end) for g in p.gold if g.stray]
        whole = any(g.stray for g in p.doc_gold)
        for f, raw in det_for(p.lang).scan_raw(p.text):
            right = whole or any(f.start < ge and f.end > gs for gs, ge in stray)
            out.append((_group(f), raw, right))
    return out


def _group(f) -> str:
    kind = f.kind.value
    if kind == "latin":
        return "latin:menu" if f.context == "menu" else "latin"
    return kind


def isotonic(points: list[tuple[float, bool]]) -> list[list[float]]:
    """Pool adjacent violators over points sorted by score: [[upper score, probability], ...]."""
    points.sort()
    blocks: list[list[float]] = []  # [sum right, count, upper score]
    for score, right in points:
        blocks.append([float(right), 1.0, score])
        while len(blocks) > 1 and (blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]
                                   or blocks[-2][1] < MIN_BLOCK):
            r, n, up = blocks.pop()
            blocks[-1][0] += r
            blocks[-1][1] += n
            blocks[-1][2] = up
    # a small last block joins the one before it (monotone still: pooling keeps the order)
    while len(blocks) > 1 and blocks[-1][1] < MIN_BLOCK:
        r, n, up = blocks.pop()
        blocks[-1][0] += r
        blocks[-1][1] += n
        blocks[-1][2] = up
    # Laplace-smoothed rates, never claiming 0 or 1 exactly
    table = [[round(up, 4), round((r + 1) / (n + 2), 4)] for r, n, up in blocks]
    for k in range(1, len(table)):  # smoothing may break ties the wrong way: keep the table monotone
        table[k][1] = max(table[k][1], table[k - 1][1])
    table[-1][0] = 1.0
    return table


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from langscan.detector import Detector, DetectorOptions

    cache: dict[str, Detector] = {}

    def det_for(lang: str) -> Detector:
        if lang not in cache:
            cache[lang] = Detector(options=DetectorOptions(expect=(lang,), calibrated=False))
        return cache[lang]

    data = synthetic(det_for) + realpages(det_for)
    groups: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for g, raw, right in data:
        groups[g].append((raw, right))
    tables = {g: isotonic(pts) for g, pts in sorted(groups.items())}
    doc = {
        "about": "raw langscan score -> probability the finding is right, fitted on dev data by "
                 "tools/fit_calibration.py (isotonic regression per kind); see models/README.md",
        "fitted": date.today().isoformat(),
        "findings": {g: len(pts) for g, pts in sorted(groups.items())},
        "right": {g: sum(1 for _, r in pts if r) for g, pts in sorted(groups.items())},
        "tables": tables,
    }
    OUT.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for g, t in tables.items():
        print(f"{g}: {doc['right'][g]}/{doc['findings'][g]} right; steps {t}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
