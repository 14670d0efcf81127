"""Build models/language_codes.tsv: every name and code a user may type for a language the model knows.

Run once by a developer (needs Babel: ``pip install babel``); langscan itself does not import Babel.
Source: the Unicode CLDR data shipped in Babel (language aliases such as deu/ger -> de, and the
English display names), plus the names in ``langscan.languages.NAMES``.  CLDR is under the Unicode
License v3 (https://www.unicode.org/license.txt); see models/README.md.

Output: one line a model code, tab, then its aliases separated by "|" (lower case), sorted;
written deterministically so a rebuild gives the same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from babel import Locale
    from babel.core import get_global

    from langscan.languages import NAMES

    codes = sorted(c for c in NAMES if c != "und")
    aliases: dict[str, set[str]] = {c: set() for c in codes}
    english = Locale("en").languages
    for c in codes:
        aliases[c].add(NAMES[c].lower())
        if c in english:
            aliases[c].add(english[c].lower())
    for alias, target in get_global("language_aliases").items():
        base = target.split("_")[0]
        if base in aliases and alias != base and "_" not in alias:
            aliases[base].add(alias.lower())
    # CLDR names a few model codes by a code the model does not use (nb for Norwegian Bokmål,
    # fil for Filipino): accept those codes and their names too.
    for other, target in (("nb", "no"), ("fil", "tl"), ("hbs", "sh"), ("bih", "bh")):
        if target in aliases:
            aliases[target].add(other)
            if other in english:
                aliases[target].add(english[other].lower())
    taken: dict[str, str] = {}
    for c in codes:
        for a in sorted(aliases[c]):
            if a in NAMES and a != c:
                aliases[c].discard(a)  # a model code is never an alias of another code
            elif a in taken and taken[a] != c:
                aliases[c].discard(a)  # ambiguous: keep the first owner only
            else:
                taken[a] = c
    lines = ["# model code\taliases (ISO 639-2/639-3 codes and English names from Unicode CLDR via Babel; "
             "built by tools/build_language_codes.py)"]
    lines += [f"{c}\t{'|'.join(sorted(aliases[c] - {c}))}" for c in codes]
    out = ROOT / "models" / "language_codes.tsv"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(codes)} codes, {sum(len(v) for v in aliases.values())} aliases)")


if __name__ == "__main__":
    main()
