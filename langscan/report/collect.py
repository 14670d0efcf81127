"""Scanning a corpus into the report's data: one JSON-ready dict.

The HTML page and ``--format json`` are both renderings of this dict, so they
always hold the same numbers.  Documents come from ``langscan.readers``
(every format ``scan`` reads), findings from ``scan_documents``, and the same
allow-list policy and inline markers as ``scan`` are applied.

What a curator needs to decide, and what the dict holds for it:

* ``sections``: findings grouped by where they sit (``context``: menu,
  boilerplate, caption, quote, gloss, body — read from the finding when the
  detector says, "body" otherwise) and by kind, each with its count and a
  few compact samples: the fragment in one line of context (whitespace
  collapsed), a whole-document finding as its first sentences and its size,
  a homoglyph word with its odd letters named;
* ``sites``: per site (the first folder under an input directory, or the file
  name without its page number) what to clean: whole documents to drop,
  fragments to strip, recurring ones a rule removes, words to repair;
* ``foreign_share``: how much of each document is foreign text, as a histogram;
* ``recurring``: the fragments seen on many pages, each with the rule
  ``--suggest-rules`` would write for it or the reason it gets none.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import unicodedata
from collections import Counter, defaultdict
from typing import Iterable, Optional

from .. import __version__
from ..clean.rules import homoglyph_repair, odd_letters
from ..display import collapse, opening, window, size_label
from ..recurring import RecurringIndex, normalise, rule_for, unsafe_reason

CONTEXT_CHARS = 45  # characters of context shown on each side of a fragment
FRAGMENT_CHARS = 90  # a longer fragment is shown by its start
MAX_SHOWN = FRAGMENT_CHARS  # (kept for callers of the old name)
CONTEXTS = ("body", "menu", "boilerplate", "caption", "quote", "gloss")
KINDS = ("document", "script", "latin", "homoglyph")
# share of foreign text in a document: (label, upper bound inclusive)
SHARE_BINS = (("none", 0.0), ("< 1%", 0.01), ("1–5%", 0.05), ("5–20%", 0.20), ("20–50%", 0.50),
              ("50–99%", 0.99), ("whole text", 1.0))
_SUFFIXES = (".gz", ".bz2", ".xz", ".zst", ".html", ".htm", ".xhtml", ".txt", ".md", ".jsonl", ".ndjson",
             ".json", ".csv", ".tsv", ".parquet")


def _without_page_number(name: str) -> str:
    """``name`` without a closing page number and the separator before it ("news-12" -> "news"); one pass from
    the end (a pattern such as ``[-_.]?\\d+$`` would try every place of a long run of digits)."""
    i = len(name)
    while i and name[i - 1].isdecimal():
        i -= 1
    if i == len(name):
        return name
    if i and name[i - 1] in "-_.":
        i -= 1
    return name[:i]


def _value(x) -> str:
    return str(getattr(x, "value", x))


def _context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """One line of context either side of ``text[start:end]``, whitespace
    collapsed, at most ``width`` characters a side and cut between words ("…" where cut)."""
    a, b, cut_a, cut_b = window(text, start, end, width * 4)
    before = collapse(text[a:start] + "x")[:-1]  # keeps one space before the fragment if there was one
    after = collapse("x" + text[end:b])[1:]
    if len(before) > width:
        before, cut_a = before[-width:], True
        space = before.find(" ")
        if 0 <= space < width // 2:
            before = before[space:]
    if len(after) > width:
        after, cut_b = after[:width], True
        space = after.rfind(" ")
        if space > width // 2:
            after = after[:space]
    return ("…" + before.lstrip() if cut_a else before), (after.rstrip() + "…" if cut_b else after)


def site_of(path: str, roots: list[str]) -> str:
    """The group a document's path belongs to in the per-site table: the first folder
    below the input directory, else the file name without extension and page number
    ("ars-1.html.gz" and "ars-2.html.gz" are site "ars")."""
    rel = None
    for root in roots:
        if os.path.isdir(root):
            r = os.path.relpath(path, root)
            if not r.startswith(".."):
                rel = r
                break
    if rel is not None and os.sep in rel:
        return rel.split(os.sep, 1)[0] + "/"
    name = os.path.basename(path)
    lowered = name.lower()
    changed = True
    while changed:
        changed = False
        for suf in _SUFFIXES:
            if lowered.endswith(suf) and len(lowered) > len(suf):
                name, lowered = name[: -len(suf)], lowered[: -len(suf)]
                changed = True
    stem = _without_page_number(name)
    return stem or name


def _odd(text: str, chars) -> list[dict]:
    """The look-alike letters of a homoglyph word, named."""
    letters = [c for c in (chars or ()) if c in text] or odd_letters(text)
    out = []
    for ch in dict.fromkeys(letters):
        out.append({"char": ch, "code": f"U+{ord(ch):04X}", "name": unicodedata.name(ch, "?").title()})
    return out


def _sample(doc, f, kind: str, context: str, site: str) -> dict:
    line, col = doc.source_position(f.start)
    s = {"path": doc.path, "line": line, "column": col, "record": doc.record, "field": doc.field,
         "kind": kind, "context": context, "site": site, "lang": f.lang, "lang_name": f.lang_name,
         "script": f.script, "score": round(float(f.score), 3), "detail": getattr(f, "detail", "") or ""}
    if kind == "document":
        s.update(text=opening(f.text, 160), before="", after="", size=len(f.text), size_label=size_label(f.text))
        return s
    frag = collapse(f.text)
    if len(frag) > FRAGMENT_CHARS:
        frag = frag[: FRAGMENT_CHARS - 1].rstrip() + "…"
    before, after = _context(doc.text, f.start, f.end)
    s.update(text=frag, before=before, after=after, size=f.end - f.start)
    repair = getattr(f, "repair", None)
    if kind == "homoglyph":
        s["odd"] = _odd(f.text, getattr(f, "chars", ()))
        s["repaired"] = repair if repair is not None else homoglyph_repair(f.text.strip()) or ""
    elif kind == "mojibake" and repair is not None:
        s["repaired"] = repair
    return s


def _share(text: str, findings: list) -> float:
    """The share of ``text`` (letters and digits) inside foreign findings; 1.0 for a whole-document one."""
    if any(_value(f.kind) == "document" for f in findings):
        return 1.0
    total = sum(1 for c in text if c.isalnum())
    if not total:
        return 0.0
    covered, pos = 0, 0
    for f in sorted(findings, key=lambda f: f.start):
        a = max(f.start, pos)
        if f.end > a:
            covered += sum(1 for c in text[a:f.end] if c.isalnum())
            pos = f.end
    return min(1.0, covered / total)


def _bin(share: float) -> int:
    if share >= 1.0:
        return len(SHARE_BINS) - 1
    for i, (_label, hi) in enumerate(SHARE_BINS):
        if share <= hi:
            return i
    return len(SHARE_BINS) - 2


def _pick(candidates: list, n: int) -> list:
    """Up to ``n`` samples, round-robin over languages (then sites) so rare ones show too;
    a fragment already shown is not shown again."""
    buckets: dict[str, list] = defaultdict(list)
    for s in candidates:
        buckets[s["lang"]].append(s)
    order = sorted(buckets, key=lambda k: -len(buckets[k]))
    picked, seen, sites = [], set(), Counter()
    while len(picked) < n and any(buckets[k] for k in order):
        for k in order:
            if len(picked) >= n:
                break
            bucket = buckets[k]
            while bucket:
                # prefer a sample from a site not shown yet, then any new text
                idx = next((i for i, s in enumerate(bucket) if not sites[s["site"]]), 0)
                s = bucket.pop(idx)
                key = normalise(s["text"]) if s["kind"] != "document" else (s["path"], s["record"])
                if key in seen:
                    continue
                seen.add(key)
                sites[s["site"]] += 1
                picked.append(s)
                break
    return picked


def _section_order(key: tuple) -> tuple:
    ctx, kind = key
    return (CONTEXTS.index(ctx) if ctx in CONTEXTS else len(CONTEXTS), ctx,
            KINDS.index(kind) if kind in KINDS else len(KINDS), kind)


def collect(paths: Iterable[str], *, pipeline=None, detector_options=None, reader_options=None, policy=None,
            jobs: int = 1, samples: int = 40, top: int = 15, keep_per_bucket: int = 40,
            per_section: int = 8) -> dict:
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
    sites: dict[str, dict] = {}
    by_lang: Counter = Counter()
    lang_kinds: dict = defaultdict(Counter)
    lang_names: dict = {}
    by_kind: Counter = Counter()
    by_section: Counter = Counter()
    section_langs: dict = defaultdict(Counter)
    recurring = RecurringIndex(max_examples=3)
    candidates: dict = defaultdict(list)
    per_bucket: Counter = Counter()
    share_bins = [0] * len(SHARE_BINS)
    top_shares: list = []
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
        site = site_of(doc.path, paths)
        entry = files.setdefault(doc.path, {"path": doc.path, "documents": 0, "characters": 0,
                                            "findings": 0, "langs": Counter()})
        sentry = sites.setdefault(site, {"site": site, "files": set(), "documents": 0,
                                         "documents_with_findings": 0, "characters": 0, "foreign_characters": 0,
                                         "findings": 0, "kinds": Counter(), "langs": Counter(),
                                         "whole_documents": Counter(), "keys": Counter()})
        entry["documents"] += 1
        entry["characters"] += len(doc.text)
        sentry["files"].add(doc.path)
        sentry["documents"] += 1
        sentry["characters"] += len(doc.text)
        totals["documents"] += 1
        totals["characters"] += len(doc.text)
        share = _share(doc.text, findings) if findings else 0.0
        share_bins[_bin(share)] += 1
        if share > 0:
            where = doc.path + (f" record {doc.record}" if doc.record is not None else "")
            top_shares.append((round(share, 4), where))
            top_shares.sort(key=lambda x: -x[0])
            del top_shares[10:]
        if not findings:
            continue
        totals["documents_with_findings"] += 1
        sentry["documents_with_findings"] += 1
        sentry["foreign_characters"] += round(share * len(doc.text))
        recurring.add(doc, findings)
        for f in findings:
            kind = _value(f.kind)
            context = str(getattr(f, "context", None) or "body")
            entry["findings"] += 1
            entry["langs"][f.lang] += 1
            sentry["findings"] += 1
            sentry["kinds"][kind] += 1
            sentry["langs"][f.lang] += 1
            if kind == "document":
                sentry["whole_documents"][f.lang] += 1
            else:
                sentry["keys"][normalise(f.text)] += 1
            by_lang[f.lang] += 1
            lang_kinds[f.lang][kind] += 1
            lang_names.setdefault(f.lang, f.lang_name)
            by_kind[kind] += 1
            by_section[(context, kind)] += 1
            section_langs[(context, kind)][f.lang] += 1
            bucket = (context, kind, f.lang)
            if per_bucket[bucket] < keep_per_bucket:
                per_bucket[bucket] += 1
                candidates[(context, kind)].append(_sample(doc, f, kind, context, site))

    # recurring fragments, with the rule --suggest-rules would write (or why not)
    recurring_rows = []
    for g in recurring.top(top, min_count=2):
        row = g.to_dict()
        why = unsafe_reason(g)
        row["rule"] = None if why else rule_for(g).to_line(with_comment=False)
        row["no_rule"] = why
        recurring_rows.append(row)
    rules = recurring.suggest_rules(min_count=2)
    recurring_keys = {g.key for g in recurring.groups(2)}

    # sections: one per (context, kind), samples spread over them
    keys = sorted(by_section, key=_section_order)
    budget = max(samples, 0)
    sections = []
    for i, key in enumerate(keys):
        left = len(keys) - i
        n = min(per_section, max(1, budget // left)) if budget > 0 else 0
        picked = _pick(candidates.get(key, []), n)
        for s in picked:
            grp = recurring.group_of(s["text"]) if s["kind"] != "document" else None
            s["occurrences"] = grp.count if grp is not None else 1
        budget -= len(picked)
        ctx, kind = key
        sections.append({"context": ctx, "kind": kind, "count": by_section[key],
                         "langs": dict(section_langs[key].most_common()), "samples": picked})

    site_rows = []
    for s in sites.values():
        recurring_n = sum(n for k, n in s["keys"].items() if k in recurring_keys)
        site_rows.append({
            "site": s["site"], "files": len(s["files"]), "documents": s["documents"],
            "documents_with_findings": s["documents_with_findings"], "characters": s["characters"],
            "foreign_characters": s["foreign_characters"],
            "foreign_share": round(s["foreign_characters"] / s["characters"], 4) if s["characters"] else 0.0,
            "findings": s["findings"], "kinds": dict(s["kinds"]), "langs": dict(s["langs"].most_common()),
            "clean": {"drop_documents": sum(s["whole_documents"].values()),
                      "drop_langs": dict(s["whole_documents"].most_common()),
                      "repair_words": s["kinds"].get("homoglyph", 0),
                      "strip_fragments": s["kinds"].get("script", 0) + s["kinds"].get("latin", 0),
                      "by_rules": recurring_n},
        })
    # most foreign text first: what cleaning would change most (whole documents in another language lead)
    site_rows.sort(key=lambda r: (-r["foreign_characters"], -r["findings"], r["site"]))

    by_file = sorted(({**e, "langs": dict(e["langs"].most_common())} for e in files.values()),
                     key=lambda e: (-e["findings"], e["path"]))
    total_findings = sum(by_kind.values())
    flat_samples = [s for sec in sections for s in sec["samples"]]
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
            "recurring_fragments": len(recurring.groups(2)), "errors": len(errors), "sites": len(sites),
            "suggested_rules": len(rules),
        },
        "by_lang": [{"lang": k, "lang_name": lang_names.get(k, k), "count": v, "kinds": dict(lang_kinds[k])}
                    for k, v in by_lang.most_common()],
        "by_kind": [{"kind": k, "count": v} for k, v in by_kind.most_common()],
        "by_file": by_file,
        "sites": site_rows,
        "foreign_share": {"bins": [{"label": label, "upto": hi, "documents": n}
                                   for (label, hi), n in zip(SHARE_BINS, share_bins)],
                          "highest": [{"share": sh, "where": w} for sh, w in top_shares]},
        "recurring": recurring_rows,
        "sections": sections,
        "samples": flat_samples,
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
