"""Build models/lexicon/*.tsv.gz from the wordfreq package's word lists.

Run once by a developer (needs `pip install wordfreq`); the output is committed
and shipped, so langscan itself never needs wordfreq or the network.  Each
file holds the most frequent words of one language with their Zipf frequency
(log10 of occurrences per billion words, times 100, as an integer), one
"word<TAB>zipf100" per line, most frequent first.

Data: wordfreq by Robyn Speer et al., https://github.com/rspeer/wordfreq,
word lists licensed CC BY-SA 4.0 (see models/README.md).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

# wordfreq code -> the code langscan (fastText lid.176) uses for the language.
LATIN_LANGUAGES = {
    "en": "en", "ca": "ca", "cs": "cs", "da": "da", "de": "de", "es": "es", "fi": "fi", "fil": "tl",
    "fr": "fr", "hu": "hu", "id": "id", "is": "is", "it": "it", "lt": "lt", "lv": "lv", "ms": "ms",
    "nb": "no", "nl": "nl", "pl": "pl", "pt": "pt", "ro": "ro", "sh": "hr", "sk": "sk", "sl": "sl",
    "sv": "sv", "tr": "tr", "vi": "vi",
}
SIZES = {"en": 150_000}
DEFAULT_SIZE = 40_000


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for wf_code, code in LATIN_LANGUAGES.items():
        n = SIZES.get(code, DEFAULT_SIZE)
        rows = []
        for word in top_n_list(wf_code, n):
            if not any(ch.isalpha() for ch in word) or " " in word:
                continue
            z = zipf_frequency(word, wf_code)
            if z <= 0:
                continue
            rows.append(f"{word}\t{round(z * 100)}")
        path = out_dir / f"{code}.tsv.gz"
        with gzip.GzipFile(path, "wb", mtime=0) as fh:  # mtime=0: byte-identical rebuilds
            fh.write(("\n".join(rows) + "\n").encode("utf-8"))
        print(f"{code}: {len(rows)} words -> {path} ({path.stat().st_size // 1024} KiB)")
    build_common_index(out_dir)


COMMON_ZIPF = 4.0  # 1 use per 100,000 words: the everyday vocabulary of a language


def build_common_index(out_dir: Path) -> None:
    """common.tsv.gz: each everyday word and the languages it is everyday in.

    The detector's cheap screen asks "is any word of this line everyday in some
    language other than the expected one?" with one set lookup per word.
    """
    langs_of: dict[str, list[str]] = {}
    for path in sorted(out_dir.glob("*.tsv.gz")):
        code = path.name.split(".")[0]
        if code == "common":
            continue
        rows = gzip.decompress(path.read_bytes()).decode("utf-8").split()
        for word, z in zip(rows[0::2], rows[1::2]):
            if int(z) >= COMMON_ZIPF * 100:
                langs_of.setdefault(word, []).append(code)
    path = out_dir / "common.tsv.gz"
    body = "\n".join(f"{w}\t{','.join(ls)}" for w, ls in sorted(langs_of.items()))
    with gzip.GzipFile(path, "wb", mtime=0) as fh:
        fh.write((body + "\n").encode("utf-8"))
    print(f"common: {len(langs_of)} words -> {path} ({path.stat().st_size // 1024} KiB)")


if __name__ == "__main__":  # noqa: E305
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "models" / "lexicon")
