"""Lines worth reading when labelling a page: what each tool flags, and where a language's own name stands.

    python -m benchmarks.realpages.candidates [--corpus readability] [--lang PAGE=LANG ...] [PAGE ...]

For each page: its dominant language by fastText (letters of each line weighted), then every line that
langscan, CLD2, fastText or lingua flags against the page language, or that holds an endonym from CLDR (Babel's
``Locale(x).get_display_name(x)`` for every language Babel knows, 4 letters or more, other than the page's
own language), or letters of a script the page language does not use. Nothing here decides a label: it only
says where to look. Output goes to stdout, one block per page.
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from functools import lru_cache

from .anchors import FACTORIES, foreign_letters, lines
from .evaluate import Page, run_tool
from .pages import page_names, page_text


@lru_cache(maxsize=1)
def endonyms() -> dict[str, str]:
    """Endonym (as written) -> language code, from CLDR through Babel."""
    from babel import Locale, localedata

    out: dict[str, str] = {}
    for ident in localedata.locale_identifiers():
        try:
            loc = Locale.parse(ident)
            names = {loc.get_display_name(loc), loc.get_language_name(loc)}
        except Exception:
            continue
        for name in names:
            if not name:
                continue
            for variant in {name, name[:1].upper() + name[1:]}:
                base = variant.split(" (")[0]
                if len(base) >= 4:
                    out.setdefault(base, loc.language)
    return out


@lru_cache(maxsize=1)
def _endonym_re():
    names = sorted(endonyms(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def dominant_language(text: str) -> str:
    from langscan.lid import load_model

    model = load_model()
    votes: Counter = Counter()
    for s, e in lines(text):
        pred = model.predict(text[s:e], k=1)
        if pred:
            votes[pred[0][0]] += sum(1 for c in text[s:e] if c.isalpha())
    return votes.most_common(1)[0][0] if votes else "en"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="readability")
    ap.add_argument("--lang", action="append", default=[], help="PAGE=LANG: the page's expected language")
    ap.add_argument("--tools", default="langscan,cld2,fasttext,lingua")
    ap.add_argument("pages", nargs="*")
    args = ap.parse_args(argv)
    given = dict(x.split("=", 1) for x in args.lang)
    pages = []
    for name in args.pages or page_names(args.corpus):
        text = page_text(args.corpus, name)
        lang = given.get(name) or dominant_language(text)
        p = Page(args.corpus, name, "", "", lang, "", text=text)
        pages.append(p)
    tools = [t for t in args.tools.split(",") if t in FACTORIES]
    results = {t: run_tool(t, pages, True, False)[0] for t in tools}
    rx = _endonym_re()
    ends = endonyms()
    for p in pages:
        text = p.text
        flags: dict[int, set[str]] = {}
        starts = [m.start() for m in re.finditer(r"^", text, re.M)]
        import bisect

        def line_of(off: int) -> int:
            return bisect.bisect_right(starts, off)
        for t in tools:
            for h in results[t][(p.corpus, p.name)]:
                for ln in range(line_of(h.start), line_of(max(h.start, h.end - 1)) + 1):
                    flags.setdefault(ln, set()).add(f"{t}:{h.lang}" + (f"/{h.kind}" if t == "langscan" else ""))
        for s, e in lines(text):
            seg = text[s:e]
            for m in rx.finditer(seg):
                if ends[m.group()] != p.lang:
                    flags.setdefault(line_of(s), set()).add(f"endonym:{m.group()}")
            inside, outside = foreign_letters(seg, p.lang)
            if outside > inside:
                flags.setdefault(line_of(s), set()).add("script")
        all_lines = text.split("\n")
        print(f"### {p.name} lang={p.lang} words={len(text.split())} flagged_lines={len(flags)}")
        for ln in sorted(flags):
            seg = all_lines[ln - 1].strip()
            print(f"{ln:5d} [{' '.join(sorted(flags[ln]))}] {seg[:240]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
