"""Look for hostile text that langscan reads slowly: a short pattern repeated into a long line or page.

    python tools/fuzz_hostile.py [--seed 1] [--expect en,de,fr,ru,zh] [--trials 200] [--html]

Each trial repeats a pattern of one to eight pieces (separators, quotes, letters of several scripts, look-alike
letters, mis-decoded sequences, code signs, menu words) into a text of 5,000-80,000 characters, sometimes inside
English prose, and times one scan with each expected language. ``--html`` feeds the same patterns, with markup
pieces, to the HTML reader instead. The slowest trials are printed with their throughput: a cost that grows with
the square of the text shows as a throughput that falls as the text grows (rerun the pattern at two sizes).

This found, on 2026-12-02, nine patterns and loops quadratic in a line (UI labels, menu rows, unit boundaries,
glued words, look-alike contexts, the diff of mis-decoded runs, unclosed HTML markup) and one crash (an unknown
HTML marked section); each has a test in ``tests/reliability/test_cost.py``. Timings are not asserted anywhere:
this is a tool for finding cases, the tests count work.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PIECES = [
    # separators, spaces and punctuation
    "|", " | ", "/", " / ", "•", "·", ":", "::", ";", "-", "—", "...", "…", "?", "!", "'", "\"", "«", "»", "(", ")",
    "[", "]", " ", "  ", "\t", "\n", "\n\n", "\u00a0", "\u200b", "\u00ad", "par\u2010\n",
    # words of several languages and scripts, menu words, look-alikes, mis-decoded sequences
    "Deutsch", "Français", "English", "Home", "Zurück", "Русский", "日本語", "les ", "der ", "the ", "Wörter ",
    "Alle Rechte vorbehalten.", "Lire la suite", "Café", "naïve", "ß", "ı", "İ", "aа", "оо", "Ã©", "Ã", "â€™",
    "®", "©", "™",
    # code and addresses
    "a-b-c-", "->", "std::", "(x)", "a(b, c)", ".pyc ", "www.x.de", "a@b.c", "#tag ", "`", "x=", "+ ", "== ",
    "info '(", "1", "2020", "1.2.3",
]
HTML_PIECES = ["<!--", "-->", "<a ", "<a href='", "'>", "</a>", "<p>", "</p>", "<![CDATA[", "]]>", "<![foo[",
               "<?", "</", "<", ">", "&amp;", "&#", "<script>", "</script>", "<br/>"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--expect", default="en,de", help="comma-separated expected languages, one detector each")
    ap.add_argument("--trials", type=int, default=200)
    ap.add_argument("--html", action="store_true", help="feed the patterns, with markup, to the HTML reader")
    ap.add_argument("--show", type=int, default=8, help="how many of the slowest trials to print")
    args = ap.parse_args(argv)

    from langscan import Detector
    from langscan.readers.html import extract

    langs = [lang for lang in args.expect.split(",") if lang]
    for lang in langs:  # (the models and word lists load once, outside the timings)
        Detector(expect=lang).scan("Warm-up: Alle Rechte vorbehalten. Заголовок открываемого материала")
    pieces = PIECES + (HTML_PIECES * 3 if args.html else [])
    rng = random.Random(args.seed)
    results = []
    for _ in range(args.trials):
        pattern = "".join(rng.choice(pieces) for _ in range(rng.choice([1, 2, 3, 5, 8])))
        size = rng.choice([5_000, 30_000, 80_000])
        text = (pattern * (size // max(1, len(pattern)) + 1))[:size]
        if rng.random() < 0.5:
            text = "The report said the council met on Monday.\n" + text + "\nAnd then it stopped."
        if args.html:
            t0 = time.perf_counter()
            extract(text)
            results.append((time.perf_counter() - t0, "html", pattern, size))
            continue
        for lang in langs:
            fresh = Detector(expect=lang)  # (a detector that read a line remembers its verdict)
            t0 = time.perf_counter()
            fresh.scan(text)
            results.append((time.perf_counter() - t0, lang, pattern, size))
    results.sort(reverse=True)
    for seconds, what, pattern, size in results[:args.show]:
        print(f"{seconds:7.2f} s  {what:5} {size / 1000 / max(seconds, 1e-9):8.0f} kB/s  n={size:<6} {pattern!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
