"""Build models/endonyms.tsv: every language's name for itself (CLDR, via Babel) and its English name.

Run once by a developer (langscan reads the file; it does not need Babel at run time):

    pip install babel && python tools/build_endonyms.py

Rows: ``name<TAB>lang<TAB>kind`` with ``kind`` ``endonym`` (the language's own name, e.g. "français")
or ``english`` (its English name, e.g. "French"), lowercased, sorted, deterministic.  A qualifier in
brackets ("srpski (latinica)") is dropped, so the row is the bare name.  Language codes are CLDR's
(ISO 639-1 where one exists).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel import Locale
from babel.localedata import locale_identifiers

OUT = Path(__file__).resolve().parent.parent / "models" / "endonyms.tsv"


def _clean(name: str) -> str:
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    return " ".join(name.lower().split())


def main() -> int:
    english = Locale("en")
    rows: set[tuple[str, str, str]] = set()
    for ident in locale_identifiers():
        try:
            loc = Locale.parse(ident)
        except Exception:
            continue
        if loc.territory is not None or loc.variant is not None:
            continue  # one name per language (and per script); territories only add "(Brasil)"
        lang = loc.language
        own = loc.get_display_name(loc)
        if own:
            rows.add((_clean(own), lang, "endonym"))
        eng = english.languages.get(lang)
        if eng:
            rows.add((_clean(eng), lang, "english"))
    # Latin-script names of two letters are words of other languages; "中文" is a name
    rows = {r for r in rows if r[0] and (len(r[0]) >= 3 or not r[0].isascii())}
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# name\tlang\tkind  (CLDR via Babel; see models/README.md)\n")
        for name, lang, kind in sorted(rows):
            fh.write(f"{name}\t{lang}\t{kind}\n")
    print(f"{OUT}: {len(rows)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
