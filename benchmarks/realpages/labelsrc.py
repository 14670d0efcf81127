"""Compile the hand-written label source (``labels/<corpus>.src``) into ``labels/<corpus>.jsonl``.

    python -m benchmarks.realpages.labelsrc [--corpus readability] [--check]

The source is quicker to write and read than JSON; every line is one decision:

    @ PAGE site=SITE lang=LANG coverage=full|sampled      starts a page (its split comes from the site;
                                                           "split=fresh" puts it in the never-tuned-on split)
    note: what kind of page it is and what was read
    KIND LANG CONTEXT y|n OCCURRENCE ⟦exact text⟧ reason   one span; "\\n" in the text is a line break
    KIND LANG CONTEXT y|n OCCURRENCE ⟦first … last⟧ reason  a span from the OCCURRENCE-th "first" through the
                                                           end of the next "last" (a menu over many lines); the
                                                           JSONL gets the exact text and its own occurrence
    KIND LANG CONTEXT y|n * ⟦text⟧ reason                  one span for every occurrence of the text that
                                                           stands as a whole line (a UI string repeated)
    # a comment

Every span is checked against the page text as langscan's HTML reader gives it; a span that cannot be found
stops the compilation with its line number.
"""
from __future__ import annotations

import argparse
import json
import re
import sys

from .evaluate import CONTEXTS, KINDS, locate
from .pages import LABELS, page_names, page_text, split_of

_SPAN = re.compile(r"^(\w+) (\S+) (\w+) ([yn]) (\d+|\*) ⟦(.*?)⟧\s*(.*)$")


def _expand(page: str, spec: str, occ: int):
    """(exact text, its occurrence) of a "first … last" range, or (None, occ) when it is not in the page."""
    first, last = spec.split(" … ", 1)
    start = locate(page, first, occ)
    if start < 0:
        return None, occ
    end = page.find(last, start + len(first))
    if end < 0:
        return None, occ
    text = page[start:end + len(last)]
    n, pos = 0, page.find(text)
    while 0 <= pos < start:
        n += 1
        pos = page.find(text, pos + 1)
    return text, n


def whole_line_occurrences(page: str, text: str) -> list[int]:
    """The occurrence numbers of ``text`` where it fills its line (only spaces around it)."""
    out, n, pos = [], 0, page.find(text)
    while pos >= 0:
        ls = page.rfind("\n", 0, pos) + 1
        le = page.find("\n", pos + len(text))
        le = len(page) if le < 0 else le
        if not page[ls:pos].strip() and not page[pos + len(text):le].strip():
            out.append(n)
        n += 1
        pos = page.find(text, pos + 1)
    return out


def parse(corpus: str, src: str) -> tuple[list[dict], list[str]]:
    recs, errors = [], []
    page = None
    texts: dict[str, str] = {}
    known = set(page_names(corpus))
    for n, raw in enumerate(src.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@ "):
            parts = line[2:].split()
            page = parts[0]
            kv = dict(p.split("=", 1) for p in parts[1:])
            if kv.get("split", "fresh") != "fresh":
                errors.append(f"line {n}: only split=fresh can be given, dev/heldout come from the site")
            if page not in known:
                errors.append(f"line {n}: no page {page!r} in corpus {corpus}")
            recs.append({"type": "page", "corpus": corpus, "page": page, "site": kv["site"],
                         "split": "fresh" if kv.get("split") == "fresh" else split_of(kv["site"]),
                         "page_lang": kv.get("lang", "en"),
                         "coverage": kv.get("coverage", "sampled"), "note": ""})
            continue
        if page is None:
            errors.append(f"line {n}: label before the first page")
            continue
        if line.startswith("note:"):
            recs[-1 - sum(1 for r in reversed(recs) if r["type"] == "span" and r["page"] == page)]["note"] = \
                line[5:].strip()
            continue
        m = _SPAN.match(line)
        if not m:
            errors.append(f"line {n}: cannot read: {line[:80]}")
            continue
        kind, lang, ctx, stray, occ, text, reason = m.groups()
        text = text.replace("\\n", "\n")
        if occ == "*":
            if page not in texts:
                texts[page] = page_text(corpus, page)
            occs = whole_line_occurrences(texts[page], text)
            if not occs:
                errors.append(f"line {n}: no whole-line occurrence in {page}: {text[:60]!r}")
            for o in occs:
                recs.append({"type": "span", "corpus": corpus, "page": page, "text": text, "occurrence": o,
                             "kind": kind, "lang": lang, "context": ctx, "stray": stray == "y",
                             "reason": reason.strip()})
            continue
        if kind not in KINDS or ctx not in CONTEXTS:
            errors.append(f"line {n}: unknown kind or context: {kind} {ctx}")
        if not reason.strip():
            errors.append(f"line {n}: no reason given")
        if kind == "document":
            text = None
        else:
            if page not in texts:
                texts[page] = page_text(corpus, page)
            if " … " in text:
                text, occ = _expand(texts[page], text, int(occ))
                if text is None:
                    errors.append(f"line {n}: range not found in {page}: {m.group(6)[:60]!r}")
                    continue
            if locate(texts[page], text, int(occ)) < 0:
                errors.append(f"line {n}: not in {page}: {text[:60]!r} (occurrence {occ})")
        if text is None:
            if page not in texts:
                texts[page] = page_text(corpus, page)
            text = texts[page][:80]
        recs.append({"type": "span", "corpus": corpus, "page": page, "text": text, "occurrence": int(occ),
                     "kind": kind, "lang": lang, "context": ctx, "stray": stray == "y", "reason": reason.strip()})
    return recs, errors


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="readability")
    ap.add_argument("--check", action="store_true", help="check only, do not write the JSONL")
    ap.add_argument("--show", nargs="*", metavar="PAGE", help="print where each span of these pages lands")
    args = ap.parse_args(argv)
    src = (LABELS / f"{args.corpus}.src").read_text(encoding="utf-8")
    recs, errors = parse(args.corpus, src)
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        return 1
    pages = [r for r in recs if r["type"] == "page"]
    dup = {r["page"] for r in pages if sum(1 for q in pages if q["page"] == r["page"]) > 1}
    if dup:
        print(f"pages given twice: {sorted(dup)}", file=sys.stderr)
        return 1
    if not args.check:
        with open(LABELS / f"{args.corpus}.jsonl", "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    spans = [r for r in recs if r["type"] == "span"]
    if args.show is not None:
        for r in spans:
            if args.show and r["page"] not in args.show or r["kind"] == "document":
                continue
            text = page_text(args.corpus, r["page"])
            at = locate(text, r["text"], r["occurrence"])
            line = text.count("\n", 0, at) + 1
            print(f"{r['page']}:{line} {r['kind']}/{r['lang']}/{r['context']}/{'y' if r['stray'] else 'n'} "
                  f"{r['text'][:70]!r}{'...' if len(r['text']) > 70 else ''} ({len(r['text'])} chars)")
    by_split = {s: sum(1 for r in pages if r["split"] == s) for s in ("dev", "heldout", "fresh")}
    sites = {s: len({r["site"] for r in pages if r["split"] == s}) for s in ("dev", "heldout", "fresh")}
    print(f"{len(pages)} pages ({by_split}; sites {sites}), {len(spans)} spans "
          f"({sum(r['stray'] for r in spans)} stray)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
