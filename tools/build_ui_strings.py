"""Build ``models/ui-strings.tsv``: English UI strings that a language's own translators translate.

    python tools/build_ui_strings.py --wordpress wordpress-l10n_6.1.9+dfsg1-0+deb12u1_all.deb \\
        --django django-5.2.19-py3-none-any.whl

(get them with ``apt-get download wordpress-l10n`` and ``pip download --no-deps django==5.2.19``; run once by a
developer, langscan depends on neither).

Why: on a page in German, is a line "Back" or "Search for:" a stray English UI string, or an English word the
site uses as its own ("Community", "Blog")? Word frequencies cannot say (wordfreq's German list gives both
groups the same range). The translation catalogs of two large web applications can: WordPress's and Django's
German translators turn "Back" into "Zurück" and "Search for:" into "Suche nach:", but keep "Blog" and "Status"
(and, in one context of three, "Home"). A string is kept for a language X when

- it is a short English source string (msgid) of the catalogs: 1 to ``MAX_WORDS`` words of letters, no
  placeholder, no markup, no digit, at least two letters, capitalised as labels, buttons and headings are;
- X's catalogs translate it, and every translation differs from it (case, accents and a closing ":" / "..."
  ignored: "Themes" is kept out of French's list, as "THEMES" is French "Thèmes" in capitals);
- X's translators never use it as a translation of anything (so "Start", German for "Home", is kept out of
  German's list even if "Start" is also an English source string translated "Starten").

The output is UTF-8 text, one string a line: the normalised string (casefolded, inner whitespace single,
closing ":", "." and "…" removed), a tab, and the comma-separated codes of the languages (langscan's codes:
``nb`` is ``no``) for which it is kept. Only languages written in the Latin script are listed: on a page in
another script, the script stage reads English UI strings already. Deterministic: the same inputs give the
same bytes.
"""

from __future__ import annotations

import argparse
import gettext
import io
import re
import tarfile
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

MAX_WORDS = 5  # longer strings are sentences, which the other rules read
MAX_CHARS = 40
_SKIP = re.compile(r"[%{}<>\[\]=/\\@#|_\d\n\t]|&[a-z]+;")
_ENGLISH = {"en"}
_CODE = {"nb": "no", "nn": "nn"}


def norm(s: str) -> str:
    """The form langscan compares: casefolded, whitespace single, closing ':', '.', '…' dropped."""
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"[\s:.…]+$", "", s)
    return s.casefold()


def plain(s: str) -> str:
    """``s`` without its accents: French capitals drop them ("THEMES" for "Thèmes"), so a string that differs
    from a translation only by accents cannot be told from it on a page."""
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def _catalog(data: bytes) -> dict:
    return gettext.GNUTranslations(io.BytesIO(data))._catalog  # (msgid -> msgstr; plurals as tuples)


def wordpress(deb: Path):
    """(language code, catalog) for every WordPress core catalog in the Debian package."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["dpkg-deb", "-x", str(deb), tmp], check=True)
        for p in sorted(Path(tmp).rglob("wp-content/languages/*.mo")):
            name = p.stem
            if name.startswith("continents-cities"):
                continue  # (place names, not UI)
            yield name.split("-")[-1].split("_")[0], _catalog(p.read_bytes())


def django(wheel: Path):
    """(language code, catalog) for every catalog in the Django wheel."""
    with zipfile.ZipFile(wheel) as z:
        for name in sorted(z.namelist()):
            if name.endswith(".mo") and "/locale/" in name:
                lang = name.split("/locale/")[1].split("/")[0].split("_")[0]
                yield lang, _catalog(z.read(name))


def _latin_share(strings) -> float:
    letters = [c for s in strings for c in s if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "LATIN" in unicodedata.name(c, "")) / len(letters)


def build(catalogs) -> dict[str, list[str]]:
    ids: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # lang -> id -> translations
    used: dict[str, set[str]] = defaultdict(set)  # lang -> every translation it uses
    for lang, cat in catalogs:
        if lang in _ENGLISH:
            continue
        for key, value in cat.items():
            if isinstance(key, tuple) or not key or not value:
                continue  # (plural forms; the header)
            msgid = key.split("\x04")[-1]  # (drop a message context)
            used[lang].add(plain(norm(value)))
            if _SKIP.search(msgid) or len(msgid) > MAX_CHARS or len(msgid.split()) > MAX_WORDS:
                continue
            if sum(c.isalpha() for c in msgid) < 2 or not msgid.isascii() or not msgid[:1].isupper():
                continue  # (a lowercase source string is a fragment or a value, "blog" as a signup type: labels,
                # buttons and headings are capitalised)
            ids[lang][norm(msgid)].add(plain(norm(value)))
    out: dict[str, list[str]] = defaultdict(list)
    for lang in sorted(ids):
        if _latin_share(list(used[lang])[:2000]) < 0.9:
            continue
        for s, translations in ids[lang].items():
            if s and s not in translations and s not in used[lang]:
                out[s].append(_CODE.get(lang, lang))
    return {s: sorted(set(langs)) for s, langs in sorted(out.items())}


HEADER = """\
# English UI strings (WordPress and Django source strings) that each listed language's translators translate:
# on a page in that language, one standing as a line or a menu item of its own is an untranslated UI string.
# Built by tools/build_ui_strings.py from WordPress 6.1.9 core catalogs (Debian wordpress-l10n
# 6.1.9+dfsg1-0+deb12u1, GPL-2.0-or-later) and Django 5.2.19 catalogs (BSD-3-Clause); this file is
# GPL-2.0-or-later. See models/README.md. Columns: normalised string <TAB> language codes.
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wordpress", type=Path, required=True, help="wordpress-l10n .deb")
    ap.add_argument("--django", type=Path, required=True, help="Django wheel")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "models" / "ui-strings.tsv")
    a = ap.parse_args(argv)
    table = build(list(wordpress(a.wordpress)) + list(django(a.django)))
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for s, langs in table.items():
            f.write(f"{s}\t{','.join(langs)}\n")
    print(f"{len(table)} strings -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
