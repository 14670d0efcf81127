"""Helpers used to label the article-extraction-benchmark pages (corpus "articles") by hand.

Nothing here decides a label: it reads a page the way langscan's HTML reader does, splits its lines into
article text (found in the corpus's ground-truth article body) and page furniture, and marks candidate lines
with what several independent tools think (today's langscan, CLD2, fastText per line, non-ASCII letters,
CLDR endonyms through Babel).  The labels themselves are written by hand in ``labels/articles.src`` and
compiled to ``labels/articles.jsonl`` by ``compile``, which checks that every span's text occurs in the
page's ``Document.text``.

    PYTHONPATH=$PWD python benchmarks/realpages/articles_tools.py list
    PYTHONPATH=$PWD python benchmarks/realpages/articles_tools.py review PAGE [--all]
    PYTHONPATH=$PWD python benchmarks/realpages/articles_tools.py compile
    PYTHONPATH=$PWD python benchmarks/realpages/articles_tools.py secondpass   # what may still be missing
    PYTHONPATH=$PWD python benchmarks/realpages/articles_tools.py counts

Site key and split: the host of the page's URL in ground-truth.json, lower-cased, without a leading
"www."; dev when the first 8 hex digits of sha1(site) read as a fraction of 0xFFFFFFFF are below 0.6,
else heldout (the same rule as the readability labels, so a site is never on both sides).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels"
SRC = LABELS / "articles.src"
OUT = LABELS / "articles.jsonl"
ROOT = Path(os.environ.get("LANGSCAN_CORPORA", "/work/shared/corpora")) / "article-extraction-benchmark"
CORPUS = "articles"
KINDS = {"script", "latin", "homoglyph", "document", "mojibake"}
CONTEXTS = {"menu", "boilerplate", "caption", "quote", "gloss", "body"}


@lru_cache(maxsize=1)
def ground_truth() -> dict:
    with open(ROOT / "ground-truth.json", encoding="utf-8") as fh:
        return json.load(fh)


def pages() -> list[str]:
    return sorted(p.name[: -len(".html.gz")] for p in (ROOT / "html").glob("*.html.gz"))


def resolve(prefix: str) -> str:
    hits = [p for p in pages() if p.startswith(prefix)]
    if len(hits) != 1:
        raise SystemExit(f"page prefix {prefix!r} matches {len(hits)} pages")
    return hits[0]


@lru_cache(maxsize=4)
def page_text(page: str) -> str:
    """The page's Document.text as langscan's HTML reader gives it."""
    from langscan.document import Document
    from langscan.readers import ReaderOptions, read_inputs

    docs = [d for d in read_inputs([str(ROOT / "html" / f"{page}.html.gz")], ReaderOptions()) if isinstance(d, Document)]
    return docs[0].text if len(docs) == 1 else "\n".join(d.text for d in docs)


def site_of(page: str) -> str:
    host = urlparse(ground_truth()[page].get("url") or "").netloc.lower().split(":")[0]
    return host[4:] if host.startswith("www.") else host


def split_of(site: str, dev_share: float = 0.6) -> str:
    h = int(hashlib.sha1(site.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "dev" if h < dev_share else "heldout"


# ---------------------------------------------------------------- candidate finders (hints only)

@lru_cache(maxsize=1)
def endonyms() -> dict[str, str]:
    """Language names in their own language (CLDR through Babel), lower-cased -> locale; English left out."""
    from babel import Locale, localedata

    out: dict[str, str] = {}
    for ident in localedata.locale_identifiers():
        try:
            loc = Locale.parse(ident)
            name = loc.get_language_name(ident)
        except Exception:  # noqa: BLE001 - some identifiers do not parse; they are only hints
            continue
        if name and len(name) >= 4 and loc.language != "en":
            out.setdefault(name.lower(), loc.language)
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def langscan_findings(page: str) -> list[dict]:
    """Today's langscan findings on the page text (expected English), as dicts with start/kind/lang/text."""
    from langscan.detector import scan_text

    out = []
    for f in scan_text(page_text(page)):
        out.append({"start": f.start, "kind": f.kind, "lang": f.lang, "text": f.text})
    return out


def line_hints(line: str) -> list[str]:
    hints = []
    letters = [c for c in line if c.isalpha()]
    odd = [c for c in letters if ord(c) > 0x24F]
    accented = [c for c in letters if 0x7F < ord(c) <= 0x24F]
    if odd:
        hints.append("script:" + "".join(sorted(set(odd)))[:12])
    if accented:
        hints.append("acc:" + "".join(sorted(set(accented)))[:12])
    if re.search(r"Ã.|Â.|â€", line):
        hints.append("MOJIBAKE?")
    words = re.findall(r"[^\W\d_]+", line)
    ends = endonyms()
    low = line.lower()
    for name in ends:
        if name in low and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", low):
            hints.append("endonym:" + name)
    if len(words) >= 2:
        try:
            import pycld2

            ok, _, det = pycld2.detect(line)
            if ok and det[0][1] not in ("en", "un"):
                hints.append(f"cld2:{det[0][1]}")
        except Exception:  # noqa: BLE001
            pass
        try:
            from langscan.lid import load_model

            pred = load_model().predict(line.replace("\n", " "), k=1)
            if pred and pred[0][0] != "en" and pred[0][1] > 0.7:
                hints.append(f"ft:{pred[0][0]}{pred[0][1]:.2f}")
        except Exception:  # noqa: BLE001
            pass
    return hints


def review(page: str, show_all: bool = False, maxlen: int = 220) -> None:
    text = page_text(page)
    gt = ground_truth()[page]
    body = _norm(gt.get("articleBody", ""))
    site = site_of(page)
    finds = langscan_findings(page)
    print(f"# {page}  site={site} split={split_of(site)} chars={len(text)} url={gt.get('url')}")
    print(f"# body starts: {body[:150]!r}")
    by_line: dict[int, list[str]] = {}
    offs = []
    pos = 0
    lines = text.split("\n")
    for i, ln in enumerate(lines):
        offs.append(pos)
        pos += len(ln) + 1
    import bisect

    for f in finds:
        i = bisect.bisect_right(offs, f["start"]) - 1
        by_line.setdefault(i, []).append(f"LS:{f['kind']}/{f.get('lang')}:{f['text'][:40]!r}")
    seen = set()
    run: list[str] = []

    def flush() -> None:
        if run:
            print("      | " + " ¦ ".join(run))
            run.clear()

    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s:
            continue
        in_body = len(s) > 25 and _norm(s) in body
        hints = line_hints(s) + by_line.get(i, [])
        dup = s in seen
        seen.add(s)
        if in_body and not hints and not show_all:
            flush()
            continue
        if dup and not hints:
            continue
        tag = "A" if in_body else "B"
        shown = s if len(s) <= maxlen else s[:maxlen] + f"...(+{len(s) - maxlen})"
        if hints or len(s) > 80:
            flush()
            print(f"{i:5d} {tag} {shown}" + (f"   <<{' '.join(hints)}>>" if hints else ""))
        else:
            run.append(shown)
            if sum(len(r) + 3 for r in run) > 200:
                flush()
    flush()


# ---------------------------------------------------------------- label source -> JSONL

def parse_src(path: Path = SRC) -> list[dict]:
    """Read the hand-written label source.

    ``@ PAGEPREFIX lang=en coverage=full`` starts a page; ``note: ...`` is its note;
    ``kind|lang|context|stray|occ|text|reason`` lines are spans (stray is y/n, text may use \\n).
    Lines starting with # are comments.
    """
    recs: list[dict] = []
    page = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("@"):
            parts = line[1:].split()
            page = resolve(parts[0])
            kv = dict(p.split("=", 1) for p in parts[1:])
            site = site_of(page)
            recs.append({"type": "page", "corpus": CORPUS, "page": page, "site": site, "split": split_of(site),
                         "page_lang": kv.get("lang", "en"), "coverage": kv.get("coverage", "full"), "note": ""})
        elif line.startswith("note:"):
            recs[-1]["note"] = (recs[-1]["note"] + " " + line[5:].strip()).strip()
        else:
            fields = line.split("|")
            if len(fields) < 7:
                raise SystemExit(f"{path}:{n}: expected 7 fields: {line}")
            kind, lang, ctx, stray, occ = (f.strip() for f in fields[:5])
            reason = fields[-1].strip()
            span = "|".join(fields[5:-1]).replace("\\n", "\n")
            if kind not in KINDS or ctx not in CONTEXTS or stray not in ("y", "n"):
                raise SystemExit(f"{path}:{n}: bad kind/context/stray: {line}")
            recs.append({"type": "span", "corpus": CORPUS, "page": page, "text": span, "occurrence": int(occ or 0),
                         "kind": kind, "lang": lang, "context": ctx, "stray": stray == "y", "reason": reason})
    return recs


def _occurrence_at(text: str, needle: str, at: int) -> int:
    """Which occurrence of needle (0 = first, overlapping counted) starts at offset ``at``."""
    n, i = 0, text.find(needle)
    while i != -1 and i < at:
        n, i = n + 1, text.find(needle, i + 1)
    return n


def compile_labels() -> int:
    recs = parse_src()
    bad = 0
    seen_pages = set()
    for r in recs:
        if r["type"] == "page":
            if r["page"] in seen_pages:
                print(f"duplicate page {r['page']}")
                bad += 1
            seen_pages.add(r["page"])
            continue
        text = page_text(r["page"])
        if r["kind"] == "document":
            r["text"] = text[:80]
        elif " ... " in r["text"]:  # "first words ... last words": the exact run from one to the other
            head, tail = r["text"].split(" ... ", 1)
            i = -1
            for _ in range(r["occurrence"] + 1):
                i = text.find(head, i + 1)
                if i == -1:
                    break
            j = text.find(tail, i + len(head)) if i != -1 else -1
            if i == -1 or j == -1:
                print(f"RANGE NOT FOUND {r['page'][:10]}: {r['text']!r}")
                bad += 1
                continue
            r["text"] = text[i:j + len(tail)]
            r["occurrence"] = _occurrence_at(text, r["text"], i)
        count, i = 0, text.find(r["text"])
        while i != -1:
            count, i = count + 1, text.find(r["text"], i + 1)
        if not r["text"] or count <= r["occurrence"]:
            print(f"NOT FOUND {r['page'][:10]} occ={r['occurrence']} (found {count}): {r['text']!r}")
            bad += 1
    LABELS.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    spans = [r for r in recs if r["type"] == "span"]
    print(f"{len(seen_pages)} pages, {len(spans)} spans, {bad} problems -> {OUT}")
    return 1 if bad else 0


def counts() -> None:
    """Pages, sites and spans by split, kind, context and stray/intended (the tables in ARTICLES_NOTES.md)."""
    import collections

    recs = [json.loads(l) for l in OUT.read_text(encoding="utf-8").splitlines()]
    pages_ = [r for r in recs if r["type"] == "page"]
    split = {r["page"]: r["split"] for r in pages_}
    spans = [r for r in recs if r["type"] == "span"]
    print("pages by split:", dict(collections.Counter(r["split"] for r in pages_)))
    print("sites by split:", dict(collections.Counter(sp for _, sp in {(r["site"], r["split"]) for r in pages_})))
    print("pages by language:", dict(collections.Counter(r["page_lang"] for r in pages_)))
    print("pages by coverage:", dict(collections.Counter(r["coverage"] for r in pages_)))
    print("pages with spans by split:", dict(collections.Counter(split[p] for p in {r["page"] for r in spans})))
    for field in ("kind", "context"):
        table = collections.Counter((r[field], split[r["page"]], "stray" if r["stray"] else "intended") for r in spans)
        print(f"\nspans by {field} (dev stray / dev intended / heldout stray / heldout intended)")
        for value in sorted({k[0] for k in table}):
            row = [table[(value, sp, st)] for sp in ("dev", "heldout") for st in ("stray", "intended")]
            print(f"  {value:12s}", *row, sep="\t")


def _labelled_ranges() -> tuple[dict, dict]:
    """Page records and, per page, the (start, end) ranges of the compiled spans."""
    import collections

    recs = [json.loads(l) for l in OUT.read_text(encoding="utf-8").splitlines()]
    pages_ = {r["page"]: r for r in recs if r["type"] == "page"}
    ranges: dict = collections.defaultdict(list)
    for r in recs:
        if r["type"] != "span":
            continue
        text, i = page_text(r["page"]), -1
        for _ in range(r["occurrence"] + 1):
            i = text.find(r["text"], i + 1)
        ranges[r["page"]].append((i, i + len(r["text"])))
    return pages_, ranges


def second_pass() -> None:
    """Lines not covered by any label that still look foreign, for a second reading.

    English pages: words unknown to the English lexicon but common in another shipped lexicon, and any letter
    outside Latin; other pages: lines where English everyday words dominate or fastText says English; all pages:
    today's langscan findings (expected = page language) that no label overlaps.
    """
    from langscan import lexicon
    from langscan.detector import scan_text
    from langscan.lid import load_model

    model = load_model()
    en_all, en_common = lexicon.words("en"), lexicon.common_words("en", 3.0)
    others = {l: lexicon.common_words(l, 3.5) for l in lexicon.available() if l != "en"}
    pages_, ranges = _labelled_ranges()
    for page, rec in sorted(pages_.items()):
        text, lang = page_text(page), rec["page_lang"]
        covered = lambda a, b: any(s < b and a < e for s, e in ranges[page])  # noqa: E731
        own = lexicon.words(lang) if lang in lexicon.available() else frozenset()
        pos, seen = 0, set()
        for line in text.split("\n"):
            start, pos = pos, pos + len(line) + 1
            s = line.strip()
            if not s or s in seen or covered(start, start + len(line)):
                continue
            seen.add(s)
            if lang == "en":
                odd = sorted({c for c in s if c.isalpha() and ord(c) > 0x24F})
                foreign = [w for w in re.findall(r"[^\W\d_]{4,}", s) if w.lower() not in en_all
                           and any(w.lower() in ws for ws in others.values())]
                if odd or foreign:
                    print(page[:6], "en", "|", s[:110], "|", "".join(odd), " ".join(foreign[:5]))
            else:
                ws = [w.lower() for w in re.findall(r"[A-Za-z]+", s)]
                enw = [w for w in ws if w in en_common and w not in own and len(w) > 2]
                pred = model.predict(s, k=1)
                if enw and (len(enw) >= len(ws) / 2 or (pred and pred[0][0] == "en")):
                    print(page[:6], lang, "|", s[:110], "|", " ".join(enw[:6]))
        for f in scan_text(text, expect=(lang,)):
            if not covered(f.start, f.end):
                print(page[:6], lang, "| langscan finding without a label:", f.kind.value, f.lang, repr(f.text[:60]))


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "list"
    if cmd == "list":
        for p in pages():
            s = site_of(p)
            print(p[:12], s, split_of(s), len(page_text(p)))
    elif cmd == "reviewall":  # reviewall DIR: one review file per page not yet reviewed
        import contextlib

        for p in (pages()[::-1] if "--reverse" in argv else pages()):
            dest = Path(argv[1]) / f"{p[:12]}.txt"
            if dest.exists():
                continue
            with open(dest, "w", encoding="utf-8") as fh, contextlib.redirect_stdout(fh):
                review(p)
    elif cmd == "review":
        review(resolve(argv[1]), show_all="--all" in argv)
    elif cmd == "text":
        print(page_text(resolve(argv[1])))
    elif cmd == "find":  # find PAGE TEXT: every occurrence with a little context
        t = page_text(resolve(argv[1]))
        needle = argv[2].replace("\\n", "\n")
        i, n = t.find(needle), 0
        while i != -1:
            print(n, repr(t[max(0, i - 60):i + len(needle) + 60]))
            i, n = t.find(needle, i + 1), n + 1
    elif cmd == "lines":  # lines PAGE A B: the exact text of lines A..B (review numbering), trimmed, \n escaped
        t = page_text(resolve(argv[1])).split("\n")
        print("\n".join(t[int(argv[2]):int(argv[3]) + 1]).strip().replace("\n", "\\n"))
    elif cmd == "occ":  # occ PAGE LINE TEXT: the occurrence index of TEXT on that line (review numbering)
        t = page_text(resolve(argv[1]))
        at = sum(len(l) + 1 for l in t.split("\n")[: int(argv[2])])
        at = t.find(argv[3], at)
        print(_occurrence_at(t, argv[3], at))
    elif cmd == "compile":
        return compile_labels()
    elif cmd == "secondpass":
        second_pass()
    elif cmd == "counts":
        counts()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
