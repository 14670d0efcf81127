"""Dump each page's text (as langscan's HTML reader gives it) for reading while labelling.

    python -m benchmarks.realpages.extract [--corpus readability] [--out DIR] [PAGE ...]

Writes DIR/<page>.txt with line numbers, so a labeller can read the page as the detector sees it.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from .pages import page_names, page_text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="readability")
    ap.add_argument("--out", default="/tmp/realpages-text")
    ap.add_argument("pages", nargs="*")
    args = ap.parse_args(argv)
    out = Path(args.out) / args.corpus
    out.mkdir(parents=True, exist_ok=True)
    for page in args.pages or page_names(args.corpus):
        text = page_text(args.corpus, page)
        lines = [ln for ln in text.split("\n")]
        with open(out / f"{page}.txt", "w", encoding="utf-8") as fh:
            for i, ln in enumerate(lines, 1):
                if ln.strip():
                    fh.write(f"{i:5d}  {ln.strip()}\n")
        print(f"{page}\t{len(text)} chars\t{len(text.split())} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
