"""Build models/lexicon/*.tsv.gz from the wordfreq package's word lists, and the compact files read at run time.

Run once by a developer (needs `pip install wordfreq`); the output is committed
and shipped, so langscan itself never needs wordfreq or the network.  Each
file holds the most frequent words of one language with their Zipf frequency
(log10 of occurrences per billion words, times 100, as an integer), one
"word<TAB>zipf100" per line, most frequent first.

    python tools/build_lexicons.py            # wordfreq -> *.tsv.gz -> *.words
    python tools/build_lexicons.py --compact  # only *.tsv.gz -> *.words and *.hash (no wordfreq needed)
    python tools/build_lexicons.py --lookalike  # only models/lookalike-en.tsv and .hash (both others write them)

The ``.tsv.gz`` files are the source (what wordfreq gave); the ``.words`` files
are what ``langscan.lexicon`` reads: the same rows in a form that loads without
parsing (see ``compact_language`` and ``compact_common``).  tests/test_lexicon.py
rebuilds them in memory and checks they match the committed ones byte for byte.

Data: wordfreq by Robyn Speer et al., https://github.com/rspeer/wordfreq,
word lists licensed CC BY-SA 4.0 (see models/README.md).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

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
    from wordfreq import top_n_list, zipf_frequency

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
    build_compact(out_dir)


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


# ---------------------------------------------------------------- compact files (what langscan reads)
#
# <lang>.words, UTF-8, uncompressed, lines separated by "\n":
#   1. "langscan-lexicon<TAB>2<TAB><lang><TAB><number of words>"
#   2. the Zipf values (x100) of the runs of equal values, most frequent first: "773 743 741 ... 100"
#   3. the length of each run: "1 1 1 ... 5210" (the words are stored most frequent first, so the values
#      descend and the runs stay few: a few hundred for 150,000 words)
#   4. the alphabet: the non-ASCII letters of the 20,000 most frequent words, sorted, one string
#   5... one word a line, in the source's order
# common.words: the everyday index, its rows grouped by their language list:
#   1. "langscan-everyday<TAB>2<TAB><number of words>"
#   2. the groups' language lists, in order: "ca ca,cs ... de ... en,tl ..."
#   3. how many words each group holds: "4169 1 ..."
#   4... one word a line, each group's words sorted
# Loading is one read, one decode and one split (the headers too are split, not parsed item by item);
# sets and dicts are built from slices in C.

FORMAT = "2"
ALPHABET_WORDS = 20_000  # langscan.lexicon.alphabet() looks at this many of the most frequent words


def _rows(path: Path) -> list[tuple[str, str]]:
    """(word, value) rows of one .tsv.gz, read exactly as langscan read them before the compact files."""
    fields = gzip.decompress(path.read_bytes()).decode("utf-8").split()
    if len(fields) % 2:
        raise SystemExit(f"{path}: odd number of fields")
    rows = list(zip(fields[0::2], fields[1::2]))
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    if [tuple(l.split("\t")) for l in lines] != rows:
        raise SystemExit(f"{path}: a word holds whitespace")
    return rows


def compact_language(path: Path) -> bytes:
    """The .words bytes for one language's .tsv.gz."""
    code = path.name.split(".")[0]
    rows = _rows(path)
    values = [int(v) for _, v in rows]
    if any(a < b for a, b in zip(values, values[1:])):
        raise SystemExit(f"{path}: values do not descend")
    runs: list[list[int]] = []
    for v in values:
        if runs and runs[-1][0] == v:
            runs[-1][1] += 1
        else:
            runs.append([v, 1])
    letters = {c for w, _ in rows[:ALPHABET_WORDS] if not w.isascii() for c in w if not c.isascii() and c.isalpha()}
    head = [f"langscan-lexicon\t{FORMAT}\t{code}\t{len(rows)}", " ".join(str(v) for v, _ in runs),
            " ".join(str(n) for _, n in runs), "".join(sorted(letters))]
    if any("\n" in h or "\r" in h for h in head[3:]):
        raise SystemExit(f"{path}: a newline in the alphabet")
    return ("\n".join(head + [w for w, _ in rows]) + "\n").encode("utf-8")


def compact_common(path: Path) -> bytes:
    """The .words bytes for common.tsv.gz (the everyday index)."""
    groups: dict[str, list[str]] = {}
    for word, langs in _rows(path):
        groups.setdefault(langs, []).append(word)
    words = sum(len(g) for g in groups.values())
    order = sorted(groups)
    if any(" " in l for l in order):
        raise SystemExit(f"{path}: a language list holds a space")
    head = [f"langscan-everyday\t{FORMAT}\t{words}", " ".join(order), " ".join(str(len(groups[l])) for l in order)]
    body = [w for l in order for w in sorted(groups[l])]
    return ("\n".join(head + body) + "\n").encode("utf-8")


def compact(path: Path) -> bytes:
    return compact_common(path) if path.name == "common.tsv.gz" else compact_language(path)


def hash_index(words: bytes) -> bytes:
    """The .hash bytes for one language's .words bytes: the lookup index langscan.lexicon.load reads (its
    layout is described and built by ``langscan.lexicon.hash_index``, so reader and writer cannot differ)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from langscan.lexicon import hash_index as build

    return build(words)


def build_compact(out_dir: Path) -> None:
    for path in sorted(out_dir.glob("*.tsv.gz")):
        target = out_dir / (path.name.split(".")[0] + ".words")
        target.write_bytes(compact(path))
        print(f"{target.name}: {target.stat().st_size // 1024} KiB")
        index = target.with_suffix(".hash")
        index.write_bytes(hash_index(target.read_bytes()))
        print(f"{index.name}: {index.stat().st_size // 1024} KiB")


def build_lookalike(out_dir: Path) -> None:
    """models/lookalike-<lang>.tsv and .hash: the look-alike skeleton index of each language in
    langscan.lookalike.PREBUILT, as langscan.lookalike builds it at run time (read from the shipped
    lexicon and confusables; deterministic for the same data and Python Unicode version)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from langscan import lexicon, lookalike

    models = out_dir.parent
    for lang in lookalike.PREBUILT:
        text = lookalike.prebuilt_index_text(lang).encode("utf-8")
        (models / f"lookalike-{lang}.tsv").write_bytes(text)
        (models / f"lookalike-{lang}.hash").write_bytes(lexicon.lines_index(text))
        print(f"lookalike-{lang}.tsv: {len(text) // 1024} KiB")


if __name__ == "__main__":  # noqa: E305
    args = [a for a in sys.argv[1:] if a not in ("--compact", "--lookalike")]
    where = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "models" / "lexicon"
    if "--lookalike" in sys.argv[1:]:
        build_lookalike(where)
    else:
        (build_compact if "--compact" in sys.argv[1:] else main)(where)
        build_lookalike(where)
