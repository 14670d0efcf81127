"""Build models/territories.tsv: country and region names in the languages spoken there (CLDR, via Babel).

Run once by a developer (langscan reads the file; it does not need Babel at run time):

    pip install babel && python tools/build_territories.py

Rows: ``name<TAB>lang<TAB>kind``: for every CLDR locale with a territory ("de_CH"), the territory's name in
that locale's language ("schweiz", de, ``local``); and every territory's English name ("switzerland", en,
``english``).  Lowercased, sorted, deterministic.  Edition menus list countries in their own languages
("België", "Belgique", "Danmark", "Deutschland"); ``langscan/detect/menus.py`` reads such a list as one menu.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale
from babel.localedata import locale_identifiers

OUT = Path(__file__).resolve().parent.parent / "models" / "territories.tsv"


def _clean(name: str) -> str:
    return " ".join(name.lower().split())


def main() -> int:
    english = Locale("en")
    rows: set[tuple[str, str, str]] = set()
    for code, name in english.territories.items():
        if code.isalpha():  # countries, not numeric regions ("419": Latin America is listed by its locales)
            rows.add((_clean(name), "en", "english"))
    for ident in locale_identifiers():
        try:
            loc = Locale.parse(ident)
        except Exception:
            continue
        if loc.territory is None or loc.variant is not None or not loc.territory.isalpha():
            continue  # countries only ("en_001" would make "world" a place)
        name = loc.territories.get(loc.territory)
        if name:
            rows.add((_clean(name), loc.language, "local"))
    rows = {r for r in rows if len(r[0]) >= 3}
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# name\tlang\tkind  (CLDR via Babel; see models/README.md)\n")
        for name, lang, kind in sorted(rows):
            fh.write(f"{name}\t{lang}\t{kind}\n")
    print(f"{OUT}: {len(rows)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
