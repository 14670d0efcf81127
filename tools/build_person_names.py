"""Build ``models/person-names.txt``: given names and family names written in the Latin script, from Faker.

    pip install --no-deps --target /tmp/fk faker==40.40.0
    PYTHONPATH=/tmp/fk python tools/build_person_names.py

(run once by a developer; langscan does not depend on Faker).

Why: a short line of capitalised words that are everyday words of another language ("Juan Carlos Pérez",
"María José López" in a list of people on an English page) reads, word by word, like a Spanish UI string: given
names are frequent words in wordfreq's lists. A line whose every word is a personal name is a name. Faker's
person providers list, per locale, the given names and family names its fake data is drawn from: real names,
hundreds per locale.

Kept: every name token of a Latin-script locale's ``first_names*`` and ``last_names*`` (multi-word names split
into words), casefolded, of letters (and an inner apostrophe or hyphen) only, at least two letters. One name a
line, sorted; deterministic.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import unicodedata
from pathlib import Path

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary", "last_names",
         "last_names_male", "last_names_female")


def _latin(word: str) -> bool:
    return all("LATIN" in unicodedata.name(c, "") for c in word if c.isalpha())


def build() -> list[str]:
    import faker.providers.person as person

    names: set[str] = set()
    for mod in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = getattr(importlib.import_module(f"faker.providers.person.{mod}"), "Provider", None)
        for attr in ATTRS:
            values = getattr(provider, attr, None) or ()
            if not isinstance(values, (tuple, list, dict)):
                continue  # (a property computed from the others)
            for value in values:  # (a tuple, or a dict of name -> weight)
                for token in _TOKEN.findall(str(value)):
                    token = token.casefold()
                    if len(token) >= 2 and _latin(token):
                        names.add(token)
    return sorted(names)


HEADER = """\
# Given names and family names in the Latin script (a line of capitalised words that are all personal names is a
# name, not a UI string of a language: detect/furniture.py). From the person providers of Faker 40.40.0
# (https://github.com/joke2k/faker, MIT licence, copyright Daniele Faraglia and contributors), built by
# tools/build_person_names.py. One casefolded name a line.
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path,
                    default=Path(__file__).resolve().parent.parent / "models" / "person-names.txt")
    a = ap.parse_args(argv)
    names = build()
    a.out.write_text(HEADER + "".join(n + "\n" for n in names), encoding="utf-8")
    print(f"{len(names)} names -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
