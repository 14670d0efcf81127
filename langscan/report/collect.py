"""Scanning a corpus into the report's data: one JSON-ready dict.

The HTML page and ``--format json`` are both renderings of this dict, so they
always hold the same numbers.  Documents come from ``langscan.readers``
(every format ``scan`` reads), findings from ``scan_documents``, and the same
allow-list policy and inline markers as ``scan`` are applied.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from typing import Iterable, Optional

from .. import __version__
from ..recurring import RecurringIndex

CONTEXT_CHARS = 90
MAX_SHOWN = 400  # a whole-document finding is shown by its start only


def _value(x) -> str:
    return str(getattr(x, "value", x))


def _context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    a = max(0, start - width)
    b = min(len(text), end + width)
    before = ("…" if a > 0 else "") + text[a:start]
    after = text[end:b] + ("…" if b < len(text) else "")
    return before, after


def _pick_samples(candidates: list, n: int) -> list:
    """Up to ``n`` samples, round-robin over (language, kind) so rare ones show too."""
    buckets: dict[tuple, list] = defaultdict(list)
    for s in candidates:
        buckets[(s["lang"], s["kind"])].append(s)
    order = sorted(buckets, key=lambda k: -len(buckets[k]))
    picked, i = [], 0
    while len(picked) < n and any(buckets[k] for k in order):
        k = order[i % len(order)]
        if buckets[k]:
            picked.append(buckets[k].pop(0))
        i += 1
    return picked


def collect(paths: Iterable[str], *, pipeline=None, detector_options=None, reader_options=None, policy=None,
            jobs: int = 1, samples: int = 40, top: int = 15, keep_per_bucket: int = 40) -> dict:
    """Scan ``paths`` and return the report data (see module doc).

    ``pipeline`` (a :class:`langscan.pipeline.Pipeline`) decides file selection, per-path settings,
    allow-lists and the baseline exactly as ``scan`` does; without one, a pipeline is built from
    ``detector_options``, ``reader_options`` and ``policy`` (no config file).
    """
    from ..pipeline import Pipeline, Request, Scanned
    from ..readers import ReaderOptions, ReadError, ReadNote

    paths = [str(p) for p in paths]
    if pipeline is None:
        ro = reader_options or ReaderOptions()
        d = detector_options
        pipeline = Pipeline(Request(
            paths=paths, expect=d.expect if d else None, sensitivity=d.sensitivity if d else None,
            threshold=d.threshold if d else None, min_length=d.min_length if d else None,
            model=d.model_path if d else None, fields=ro.fields, columns=ro.columns, jobs=jobs,
            allow=tuple(getattr(policy, "allow", ()) or ()), use_config=False))
        if policy is not None:
            pipeline.policy = policy
    det = pipeline.options
    ropts = pipeline.reader_options
    policy = pipeline.policy
    errors: list[str] = []
    notes: list[str] = []
    files: dict[str, dict] = {}
    by_lang: Counter = Counter()
    lang_kinds: dict = defaultdict(Counter)
    lang_names: dict = {}
    by_kind: Counter = Counter()
    recurring = RecurringIndex(max_examples=3)
    candidates: list = []
    per_bucket: Counter = Counter()
    totals = Counter()

    def scanned():
        for item in pipeline.scan(paths, jobs=jobs):
            if isinstance(item, ReadError):
                errors.append(str(item))
            elif isinstance(item, ReadNote):
                notes.append(str(item))
            elif isinstance(item, Scanned):
                yield item.doc, item.findings

    for doc, findings in scanned():
        entry = files.setdefault(doc.path, {"path": doc.path, "documents": 0, "characters": 0,
                                            "findings": 0, "langs": Counter()})
        entry["documents"] += 1
        entry["characters"] += len(doc.text)
        totals["documents"] += 1
        totals["characters"] += len(doc.text)
        if not findings:
            continue
        totals["documents_with_findings"] += 1
        recurring.add(doc, findings)
        for f in findings:
            kind = _value(f.kind)
            entry["findings"] += 1
            entry["langs"][f.lang] += 1
            by_lang[f.lang] += 1
            lang_kinds[f.lang][kind] += 1
            lang_names.setdefault(f.lang, f.lang_name)
            by_kind[kind] += 1
            if per_bucket[(f.lang, kind)] < keep_per_bucket:
                per_bucket[(f.lang, kind)] += 1
                line, col = doc.source_position(f.start)
                before, after = _context(doc.text, f.start, f.end)
                shown = f.text if len(f.text) <= MAX_SHOWN else f.text[:MAX_SHOWN] + "…"
                candidates.append({"path": doc.path, "line": line, "column": col, "record": doc.record,
                                   "field": doc.field, "kind": kind, "lang": f.lang, "lang_name": f.lang_name,
                                   "script": f.script, "score": round(float(f.score), 3), "text": shown,
                                   "before": before, "after": after, "detail": getattr(f, "detail", "")})
    by_file = sorted(({**e, "langs": dict(e["langs"].most_common())} for e in files.values()),
                     key=lambda e: (-e["findings"], e["path"]))
    total_findings = sum(by_kind.values())
    return {
        "tool": "langscan",
        "version": __version__,
        "generated": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "settings": {
            "paths": paths, "expect": list(det.expect), "sensitivity": det.sensitivity,
            "threshold": det.threshold, "min_length": det.min_length,
            "fields": list(ropts.fields), "columns": list(ropts.columns), "jobs": jobs,
            "allow_terms": len(getattr(policy, "allow", ()) or ()),
            "allow_patterns": len(getattr(policy, "allow_regex", ()) or ()),
        },
        "totals": {
            "files": len(files), "files_with_findings": sum(1 for e in files.values() if e["findings"]),
            "documents": totals["documents"], "documents_with_findings": totals["documents_with_findings"],
            "characters": totals["characters"], "findings": total_findings,
            "recurring_fragments": len(recurring.groups(2)), "errors": len(errors),
        },
        "by_lang": [{"lang": k, "lang_name": lang_names.get(k, k), "count": v, "kinds": dict(lang_kinds[k])}
                    for k, v in by_lang.most_common()],
        "by_kind": [{"kind": k, "count": v} for k, v in by_kind.most_common()],
        "by_file": by_file,
        "recurring": [g.to_dict() for g in recurring.top(top, min_count=2)],
        "samples": _pick_samples(candidates, samples),
        "errors": errors,
        "notes": notes,
        "_recurring_index": recurring,
    }


def public(data: dict) -> dict:
    """The data without in-memory helpers (what ``--format json`` prints)."""
    return {k: v for k, v in data.items() if not k.startswith("_")}


def summary_line(data: dict, top_files: Optional[int] = None) -> str:
    t = data["totals"]
    return (f"{t['findings']} finding(s) in {t['documents_with_findings']} of {t['documents']} document(s), "
            f"{t['files']} file(s); {t['recurring_fragments']} recurring fragment(s)")
