"""Build ``models/ui-foreign.tsv`` (and its ``.hash`` index): other languages' UI strings, as their translators wrote them.

    python tools/build_ui_foreign.py --wordpress wordpress-l10n_6.1.9+dfsg1-0+deb12u1_all.deb \\
        --django django-5.2.19-py3-none-any.whl --mediawiki mediawiki_1.39.17-1+deb12u2_all.deb

(get them with ``apt-get download wordpress-l10n mediawiki`` and ``pip download --no-deps django==5.2.19``; run
once by a developer, langscan depends on none of them).

Django's translations are not used (only its English strings, to keep English out): the synthetic benchmark
and the per-language probe take foreign fragments from them, and a table holding them would find those by heart.

Why: on an English page, a line "Impressum", "Aviso de Privacidad" or "Suche" alone, with no other foreign line
near it, is a German or Spanish page-furniture string left by the site's template. Word frequencies cannot tell it
from a name or a heading in the same language ("Modern Love", "Museo del Prado"): both are everyday words of the
language, capitalised, alone on a line. The translation catalogs of two large web applications can: their
translators wrote "Suche" for "Search" and "Datenschutz" for "Privacy policy", so a line that is exactly one of
those strings is a user-interface string of that language.

A string is kept for language X when

- it translates a short English source string: 1 to ``MAX_WORDS`` words of letters, no placeholder, no markup, no
  digit, capitalised as labels, buttons and headings are (the same test as ``tools/build_ui_strings.py``);
- the translation itself is short (1 to ``MAX_WORDS`` words, at most ``MAX_CHARS`` characters, no placeholder) and
  differs from the English source string (case, accents and closing ":" / "..." ignored): "Navigation" kept as
  it is in German is no German UI string on an English page;
- it is no English string of any of the catalogs, Django's included (neither a source string nor an English
  variant's text), so "Start" (German for "Home") is kept out: it is an English word too;
- X is written in the Latin script (on a page in another script, the script stage reads them already) and is a
  language fastText's lid.176 knows.

Beside it, ``models/ui-foreign-words.txt`` (and its ``.hash``) lists every word of those strings, so that a text
none of whose rare words is among them is passed over without reading its lines.

The output is UTF-8 text: a header line, then one string a line, the string as langscan looks it up (``key_of``:
closing ":", "." and "…" removed, lowercased, punctuation as spaces, spaces single), a tab, and the comma-separated codes of the languages
(langscan's codes) whose catalogs hold it. Deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_ui_strings import _SKIP, _latin_share, django, plain, wordpress  # noqa: E402

MAX_WORDS = 5
MAX_CHARS = 40
_MW_SKIP = ("$", "{{", "[[", "<", "&", "%", "'''", "''")  # MediaWiki's placeholders and markup
_CODE = {"nb": "no", "nn": "nn", "sr-el": "sr", "sr-latn": "sr"}  # MediaWiki / gettext code -> langscan's

HEADER = ("# UI strings of other languages (translations of short English UI strings in the WordPress 6.1.9 and "
          "MediaWiki 1.39.17 catalogs, both GPL-2.0-or-later; strings Django 5.2.19 or either uses in English left "
          "out), built by tools/build_ui_foreign.py; see models/README.md. Columns: string as looked up <TAB> "
          "languages.\n")


WORDS_HEADER = "# the words of models/ui-foreign.tsv's strings, one a line (built with it by tools/build_ui_foreign.py)\n"


def mediawiki(deb: Path):
    """(language code, {English message: translation}) for every MediaWiki core message file in the package."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["dpkg-deb", "-x", str(deb), tmp], check=True)
        i18n = next(Path(tmp).rglob("languages/i18n"))
        english = json.loads((i18n / "en.json").read_text(encoding="utf-8"))
        for p in sorted(i18n.glob("*.json")):
            code = p.stem
            if code in ("qqq", "en") or code.startswith("en-"):
                continue
            data = json.loads(p.read_text(encoding="utf-8"))
            yield code, {english[k]: v for k, v in data.items()
                         if k in english and isinstance(v, str) and isinstance(english[k], str)}


def english_strings(wp_deb: Path, dj_wheel: Path, mw_deb: Path) -> set[str]:
    """Every English text of the catalogs, normalised without accents: source strings and English variants."""
    out: set[str] = set()
    for source in (wordpress(wp_deb), django(dj_wheel)):
        for lang, cat in source:
            for key, value in cat.items():
                for k in (key if isinstance(key, tuple) else (key,)):
                    if isinstance(k, str) and k:
                        out.add(plain(key_of(k.split("\x04")[-1])))
                if lang == "en":
                    for v in (value if isinstance(value, tuple) else (value,)):
                        if isinstance(v, str) and v:
                            out.add(plain(key_of(v)))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["dpkg-deb", "-x", str(mw_deb), tmp], check=True)
        i18n = next(Path(tmp).rglob("languages/i18n"))
        for p in [i18n / "en.json", *sorted(i18n.glob("en-*.json"))]:
            for v in json.loads(p.read_text(encoding="utf-8")).values():
                if isinstance(v, str):
                    out.add(plain(key_of(v)))
    return out


def key_of(s: str) -> str:
    """The form langscan looks a line's item up by: its label (closing ":", "." and "…" dropped) folded as the
    detector folds text (lowercase, punctuation and digits as spaces: ``langscan.detect.text.fold``), spaces single."""
    import re

    from langscan.detect.text import fold

    return " ".join(fold(re.sub(r"[\s:.…]+$", "", s)).split())


def _short(s: str, ascii_only: bool) -> bool:
    if _SKIP.search(s) or any(m in s for m in _MW_SKIP) or len(s) > MAX_CHARS or len(s.split()) > MAX_WORDS:
        return False
    if sum(c.isalpha() for c in s) < 2 or not s[:1].isupper():
        return False
    return s.isascii() or not ascii_only


def build(catalogs, english: set[str], known: set[str]) -> dict[str, list[str]]:
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # lang -> string -> sources
    for lang, cat in catalogs:
        code = _CODE.get(lang.lower(), lang.lower().split("-")[0].split("_")[0])
        if code not in known or code == "en":
            continue
        for key, value in cat.items():
            if isinstance(key, tuple) or not key or not isinstance(value, str) or not value:
                continue  # (plural forms; the header)
            msgid = key.split("\x04")[-1]
            if not _short(msgid, ascii_only=True) or not _short(value.strip(), ascii_only=False):
                continue
            s = key_of(value)
            if not s or plain(s) == plain(key_of(msgid)) or plain(s) in english:
                continue
            found[code][s].add(msgid)
    out: dict[str, list[str]] = defaultdict(list)
    for code in sorted(found):
        if _latin_share(list(found[code])[:3000]) < 0.9:
            continue
        for s in found[code]:
            out[s].append(code)
    return {s: sorted(set(langs)) for s, langs in sorted(out.items())}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wordpress", type=Path, required=True, help="wordpress-l10n .deb")
    ap.add_argument("--django", type=Path, required=True, help="Django wheel")
    ap.add_argument("--mediawiki", type=Path, required=True, help="mediawiki .deb")
    root = Path(__file__).resolve().parent.parent
    ap.add_argument("--out", type=Path, default=root / "models" / "ui-foreign.tsv")
    a = ap.parse_args(argv)
    from langscan import lexicon
    from langscan.lid import data_rows

    known = {row[0] for row in data_rows("language_codes.tsv")}  # (the codes lid.176 predicts)
    english = english_strings(a.wordpress, a.django, a.mediawiki)
    # (Django's translations are left out on purpose: the synthetic benchmark and the probe take their foreign
    # fragments from them, and a table of them would find those by heart; Django's English strings still keep
    # English out)
    catalogs = list(wordpress(a.wordpress)) + list(mediawiki(a.mediawiki))
    table = build(catalogs, english, known)
    text = HEADER + "".join(f"{s}\t{','.join(langs)}\n" for s, langs in table.items())
    blob = text.encode("utf-8")
    a.out.write_bytes(blob)
    a.out.with_suffix(".hash").write_bytes(lexicon.lines_index(blob))
    # every word of the strings, one a line: a text none of whose rare words is one of them holds no such string,
    # and is not read further (most English texts: their rare words are names)
    words = sorted({w for s in table for w in s.split()})
    wblob = (WORDS_HEADER + "".join(f"{w}\n" for w in words)).encode("utf-8")
    wpath = a.out.with_name(a.out.stem + "-words.txt")
    wpath.write_bytes(wblob)
    wpath.with_suffix(".hash").write_bytes(lexicon.lines_index(wblob))
    print(f"{len(table)} strings in {len({l for ls in table.values() for l in ls})} languages -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
