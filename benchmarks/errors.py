"""Browse langscan's errors on the dev split while tuning the detector.

    python -m benchmarks.errors [--split dev] [--limit N] [--kind K] [--style S] [--only fp|miss] [--json]

Prints the false findings (finding text, kind, language, score, detail, and the line around it, with the
hard negative it hit if any) and the missed gold fragments (fragment, kind, style, language, provenance, line).
Tune on ``dev`` only: the ``heldout`` split exists to tell whether the tuning generalises.
"""
from __future__ import annotations

import argparse
import json
import sys

from . import metrics
from .corpus import load_corpus, select


def _line(text: str, s: int, e: int, width: int = 220) -> str:
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    if len(line) > width:  # centre the window on the span
        a = max(0, s - ls - width // 3)
        line = ("…" if a else "") + line[a:a + width] + "…"
    return line.replace("\t", " ")


def collect(docs, detector):
    fps, misses = [], []
    for d in docs:
        found = detector.scan(d["text"])
        tuples = [(f.start, f.end, f.lang, str(getattr(f.kind, "value", f.kind))) for f in found]
        ev = metrics.evaluate_doc(d, tuples)
        k = 0
        for f in found:
            if not f.text.strip():
                continue
            ok, _gi = ev.findings[k]
            k += 1
            if not ok:
                neg = any(s < f.end and e > f.start for s, e in d.get("negatives", []))
                fps.append({"doc": d["id"], "clean": d["clean"], "start": f.start, "text": f.text,
                            "kind": str(getattr(f.kind, "value", f.kind)), "lang": f.lang,
                            "score": round(float(f.score), 3), "detail": getattr(f, "detail", ""),
                            "negative": neg, "line": _line(d["text"], f.start, f.end)})
        for g, ok in zip(d["gold"], ev.gold_found):
            if not ok:
                misses.append({"doc": d["id"], "start": g["start"], "text": g["text"], "kind": g["kind"],
                               "style": g["style"], "lang": g["lang"], "provenance": g["provenance"],
                               "line": _line(d["text"], g["start"], g["end"])})
    return fps, misses


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m benchmarks.errors", description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    ap.add_argument("--limit", type=int, default=50, help="print at most N of each (default 50)")
    ap.add_argument("--docs", type=int, help="only the first N documents of the split")
    ap.add_argument("--kind", help="only gold / findings of this kind")
    ap.add_argument("--style", help="only misses of this insertion style")
    ap.add_argument("--only", choices=["fp", "miss"])
    ap.add_argument("--json", action="store_true", help="one JSON object per error instead of text")
    args = ap.parse_args(argv)
    from langscan import Detector

    docs = select(load_corpus(), args.split, limit=args.docs)
    fps, misses = collect(docs, Detector(expect=("en",)))
    if args.kind:
        fps = [f for f in fps if f["kind"] == args.kind]
        misses = [m for m in misses if m["kind"] == args.kind]
    if args.style:
        misses = [m for m in misses if m["style"] == args.style]
    out = sys.stdout
    if args.json:
        for tag, rows in (("fp", fps), ("miss", misses)):
            if args.only in (None, tag):
                for r in rows[:args.limit]:
                    out.write(json.dumps({"error": tag, **r}, ensure_ascii=False) + "\n")
        return
    gold = sum(len(d["gold"]) for d in docs)
    print(f"{len(docs)} {args.split} documents, {gold} gold fragments: "
          f"{len(fps)} false findings, {len(misses)} missed fragments\n")
    if args.only in (None, "fp"):
        print(f"== false findings ({min(len(fps), args.limit)} of {len(fps)}) ==")
        for f in fps[:args.limit]:
            tags = ("clean doc" if f["clean"] else "dirty doc") + (", on a hard negative" if f["negative"] else "")
            print(f"- {f['doc']}@{f['start']} [{f['kind']} {f['lang']} {f['score']}] {f['text']!r} ({tags})"
                  + (f"\n    detail: {f['detail']}" if f["detail"] else "") + f"\n    line: {f['line']}")
        print()
    if args.only in (None, "miss"):
        print(f"== missed gold fragments ({min(len(misses), args.limit)} of {len(misses)}) ==")
        for m in misses[:args.limit]:
            print(f"- {m['doc']}@{m['start']} [{m['kind']}/{m['style']} {m['lang']}] {m['text']!r}"
                  f"\n    from: {m['provenance']}\n    line: {m['line']}")


if __name__ == "__main__":
    main()
