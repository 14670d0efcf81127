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


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "models" / "lexicon")
