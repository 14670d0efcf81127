"""Labelled look-alike words and mojibake for the dev corpus (issue 13), made from texts the corpus already holds.

    python -m benchmarks.artifacts [--corpus benchmarks/data/corpus.jsonl]

``build_corpus.build`` calls :func:`add` on the documents it built; run as a module, this rewrites the
committed corpus with its artifact documents made anew (the sources need not be fetched again).

Every new document is a copy of a *clean* English host document (article body or page boilerplate), so the
originals stay clean, and it keeps its host's split:

- ``-lk`` documents: 1-3 everyday English words of the copy (Zipf >= 3 in the shipped English lexicon, the
  definition of "everyday" the issue uses), or a number, respelt the ways spoofed and mangled text spells them:
  all-Cyrillic, Greek or Armenian letters inside a Latin word, fullwidth forms, mathematical bold and sans-serif
  letters, Cherokee and Lisu capitals, a digit from another digit system. Gold: kind ``homoglyph``, style
  ``lookalike``, lang ``en``.
- ``-mj`` documents: a real mis-decoding made here: UTF-8 bytes decoded as Windows-1252 (undefined bytes kept as
  Latin-1 does), as Latin-1, or twice as Windows-1252. Either a foreign fragment the corpus already uses
  (Django/Debian translations) is added as a line of its own, mis-decoded (gold lang: the fragment's), or one of
  the copy's own lines with non-ASCII characters (curly quotes, dashes, accents) is mis-decoded in place (gold:
  each changed stretch, lang ``en``). Gold: kind ``mojibake``, style ``mojibake``.

The letter tables below are written out by hand from the Unicode code charts; the detector reads Unicode's
confusables data instead, so the two are independent.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

SEED = 20261201
SHARE = 0.5  # of the clean documents, half become a look-alike copy and the other half a mojibake copy

CYRILLIC = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "s": "ѕ", "i": "і", "j": "ј"}
GREEK = {"o": "ο", "v": "ν", "u": "υ", "i": "ι", "k": "κ", "A": "Α", "B": "Β", "E": "Ε", "H": "Η", "I": "Ι",
         "K": "Κ", "M": "Μ", "N": "Ν", "O": "Ο", "P": "Ρ", "T": "Τ", "X": "Χ", "Y": "Υ", "Z": "Ζ"}
ARMENIAN = {"u": "ս", "n": "ո", "o": "օ", "h": "հ"}
CHEROKEE = {"A": "Ꭺ", "B": "Ᏼ", "C": "Ꮯ", "D": "Ꭰ", "E": "Ꭼ", "G": "Ꮐ", "H": "Ꮋ", "J": "Ꭻ", "K": "Ꮶ", "L": "Ꮮ",
            "M": "Ꮇ", "P": "Ꮲ", "R": "Ꭱ", "S": "Ꮪ", "T": "Ꭲ", "V": "Ꮩ", "W": "Ꮃ", "Z": "Ꮓ"}
LISU = {"A": "ꓮ", "B": "ꓐ", "C": "ꓚ", "D": "ꓓ", "E": "ꓰ", "F": "ꓝ", "G": "ꓖ", "H": "ꓧ", "I": "ꓲ", "J": "ꓙ",
        "K": "ꓗ", "L": "ꓡ", "M": "ꓟ", "N": "ꓠ", "O": "ꓳ", "P": "ꓑ", "R": "ꓣ", "S": "ꓢ", "T": "ꓔ", "U": "ꓴ",
        "V": "ꓦ", "W": "ꓪ", "X": "ꓫ", "Y": "ꓬ", "Z": "ꓜ"}
DIGIT_ZEROS = {"Bengali": 0x09E6, "Devanagari": 0x0966, "Arabic-Indic": 0x0660, "fullwidth": 0xFF10,
               "mathematical bold": 0x1D7CE}
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _styled(c: str, upper: int, lower: int) -> str:
    if "A" <= c <= "Z":
        return chr(upper + ord(c) - 65)
    if "a" <= c <= "z":
        return chr(lower + ord(c) - 97)
    return c


def fullwidth(c: str) -> str:
    return chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c


def math_bold(c: str) -> str:
    return _styled(c, 0x1D400, 0x1D41A)


def math_sans_bold(c: str) -> str:
    return _styled(c, 0x1D5D4, 0x1D5EE)


def sloppy_cp1252(b: bytes) -> str:
    """Bytes read as Windows-1252, the five undefined bytes kept as the C1 controls Latin-1 gives them."""
    return "".join(chr(x) if x in _CP1252_UNDEFINED else bytes([x]).decode("cp1252") for x in b)


def misdecode(text: str, how: str) -> str:
    raw = text.encode("utf-8")
    if how == "latin-1":
        return raw.decode("latin-1")
    once = sloppy_cp1252(raw)
    return sloppy_cp1252(once.encode("utf-8")) if how == "double" else once


class Spoofer:
    """Respells one word or number; returns (new text, provenance) or None when the word does not suit."""

    def __init__(self, rng: random.Random):
        self.r = rng

    def word(self, w: str):
        r = self.r
        ways = []
        low = w.islower()
        if low and all(c in CYRILLIC for c in w):
            ways.append("whole-cyrillic")
        if low and sum(c in CYRILLIC for c in w) >= 1:
            ways.append("cyrillic")
        if sum(c in GREEK for c in w) >= 1:
            ways.append("greek")
        if low and sum(c in ARMENIAN for c in w) >= 1:
            ways.append("armenian")
        if w[0] in CHEROKEE:
            ways.append("cherokee")
        if w[0] in LISU:
            ways.append("lisu")
        ways += ["fullwidth-letter", "fullwidth-word", "math-bold", "math-sans-bold"]
        way = r.choice(ways)
        chars = list(w)
        if way == "whole-cyrillic":
            chars = [CYRILLIC[c] for c in chars]
        elif way in ("cyrillic", "greek", "armenian"):
            table = {"cyrillic": CYRILLIC, "greek": GREEK, "armenian": ARMENIAN}[way]
            pos = [k for k, c in enumerate(chars) if c in table]
            for k in r.sample(pos, min(len(pos), r.choice([1, 1, 2]))):
                chars[k] = table[chars[k]]
        elif way in ("cherokee", "lisu"):
            table = CHEROKEE if way == "cherokee" else LISU
            if w.isupper():
                chars = [table.get(c, c) for c in chars]
            else:
                chars[0] = table[chars[0]]
        elif way == "fullwidth-letter":
            k = r.randrange(len(chars))
            chars[k] = fullwidth(chars[k])
        elif way == "fullwidth-word":
            chars = [fullwidth(c) for c in chars]
        elif way == "math-bold":
            chars = [math_bold(c) for c in chars]
        else:
            chars = [math_sans_bold(c) for c in chars]
        new = "".join(chars)
        return (new, way) if new != w else None

    def number(self, n: str):
        system = self.r.choice(sorted(DIGIT_ZEROS))
        k = self.r.randrange(len(n))
        new = n[:k] + chr(DIGIT_ZEROS[system] + int(n[k])) + n[k + 1:]
        return new, f"digit-{system}"


def _everyday(path: Path | None = None) -> frozenset[str]:
    import gzip

    path = path or Path(__file__).resolve().parent.parent / "models" / "lexicon" / "en.tsv.gz"
    rows = gzip.decompress(path.read_bytes()).decode("utf-8").split()
    return frozenset(w for w, z in zip(rows[0::2], rows[1::2]) if int(z) >= 300)


def _lookalike_doc(src: dict, rng: random.Random, everyday: frozenset[str]):
    text = src["text"]
    spoof = Spoofer(rng)
    cands = []
    for m in re.finditer(r"(?<![\w'’-])([A-Za-z]{3,}|\d{2,})(?![\w'’-])", text):
        tok = m.group()
        if tok.isdigit() or tok.lower() in everyday:
            cands.append((m.start(), m.end(), tok))
    if not cands:
        return None
    picked = sorted(rng.sample(cands, min(len(cands), rng.choice([1, 2, 3]))))
    out, gold, pos, shift = [], [], 0, 0
    for s, e, tok in picked:
        res = spoof.number(tok) if tok.isdigit() else spoof.word(tok)
        if res is None:
            continue
        new, way = res
        out.append(text[pos:s])
        start = s + shift
        out.append(new)
        gold.append({"start": start, "end": start + len(new), "text": new, "lang": "en", "kind": "homoglyph",
                     "style": "lookalike", "provenance": f"generated:{way} from {tok!r}"})
        shift += len(new) - (e - s)
        pos = e
    out.append(text[pos:])
    return "".join(out), gold


def _changed_runs(new_tokens: list[str], old_tokens: list[str], base: int) -> list[tuple[int, int]]:
    """Gold spans of a line mis-decoded token by token: in each changed token, the changed characters and the
    word a mis-decoded letter sits in ("cafÃ©," -> "cafÃ©"; "solved,â€\x9d" -> "â€\x9d": neither the comma nor
    the word was mis-decoded, only the quotation mark)."""
    spans, pos = [], base
    for o, n in zip(old_tokens, new_tokens):
        if o != n:
            p = 0
            while p < min(len(o), len(n)) and o[p] == n[p]:
                p += 1
            q = 0
            while q < min(len(o), len(n)) - p and o[-1 - q] == n[-1 - q]:
                q += 1
            a, b = p, len(n) - q
            if p < len(o) - q and o[p].isalnum():  # a mis-decoded letter: the word it belongs to
                while a > 0 and n[a - 1].isalnum():
                    a -= 1
            if p < len(o) - q and o[len(o) - q - 1].isalnum():
                while b < len(n) and n[b].isalnum():
                    b += 1
            if b > a:
                spans.append((pos + a, pos + b))
        pos += len(n) + 1
    return spans


def _mojibake_doc(src: dict, rng: random.Random, pool: list[dict]):
    text = src["text"]
    lines = text.split("\n")
    how = rng.choices(["cp1252", "latin-1", "double"], [0.6, 0.2, 0.2])[0]
    own = [i for i, ln in enumerate(lines) if not ln.isascii() and len(ln) >= 20]
    if own and rng.random() < 0.4:
        i = rng.choice(own)
        if how == "latin-1":
            how = "cp1252"  # Latin-1 would put C1 controls (one of them a line break to Python) into English text
        old_tokens = lines[i].split(" ")
        new_tokens = [misdecode(t, how) for t in old_tokens]
        base = sum(len(ln) + 1 for ln in lines[:i])
        lines[i] = " ".join(new_tokens)
        new = "\n".join(lines)
        gold = [{"start": a, "end": b, "text": new[a:b], "lang": "en", "kind": "mojibake", "style": "mojibake",
                 "provenance": f"generated:{how} of the page's own line"}
                for a, b in _changed_runs(new_tokens, old_tokens, base)]
        return new, gold
    frag = rng.choice(pool)
    bad = misdecode(frag["text"], how)
    if how == "latin-1" and any(c in bad for c in "\x85\x1c\x1d\x1e\x1f"):
        how, bad = "cp1252", misdecode(frag["text"], "cp1252")
    at = rng.randint(0, len(lines))
    lines.insert(at, bad)
    new = "\n".join(lines)
    start = sum(len(ln) + 1 for ln in lines[:at])
    gold = [{"start": start, "end": start + len(bad), "text": bad, "lang": frag["lang"], "kind": "mojibake",
             "style": "mojibake", "provenance": f"generated:{how} of {frag['provenance']}"}]
    return new, gold


def add(docs: list[dict], seed: int = SEED) -> list[dict]:
    """``docs`` without old artifact documents, plus new ones made from its clean English documents."""
    docs = [d for d in docs if d.get("origin") != "artifact"]
    rng = random.Random(seed)
    everyday = _everyday()
    pool = [g for d in docs for g in d["gold"]
            if g["kind"] in ("script", "latin") and not g.get("native") and len(g["text"].split()) >= 2
            and not g["text"].isascii()]
    pool.sort(key=lambda g: (g["provenance"], g["text"]))
    clean = [d for d in docs if d["clean"] and d["origin"] in ("article", "page")]
    new_docs = []
    for k, src in enumerate(clean):
        if k % 2 == 0:
            made, suffix = _lookalike_doc(src, rng, everyday), "lk"
        else:
            made, suffix = _mojibake_doc(src, rng, pool), "mj"
        if not made or not made[1]:
            continue
        text, gold = made
        for g in gold:
            assert text[g["start"]:g["end"]] == g["text"], (src["id"], g)
        new_docs.append({"id": f"{src['id']}-{suffix}", "split": src["split"], "origin": "artifact",
                         "host": src["host"], "clean": False, "text": text, "gold": gold, "negatives": []})
    return docs + new_docs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).parent / "data" / "corpus.jsonl")
    args = ap.parse_args(argv)
    docs = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = add(docs)
    with open(args.corpus, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
    manifest = args.corpus.parent / "MANIFEST.json"
    if manifest.exists():
        info = json.loads(manifest.read_text())
        gold = [g for d in docs for g in d["gold"]]
        info["sha256"] = hashlib.sha256(args.corpus.read_bytes()).hexdigest()
        info["documents"] = len(docs)
        info["clean_documents"] = sum(d["clean"] for d in docs)
        info["splits"] = {s: sum(d["split"] == s for d in docs) for s in ("dev", "heldout")}
        info["gold_by_kind"] = {k: sum(g["kind"] == k for g in gold)
                                for k in ("script", "latin", "homoglyph", "document", "mojibake")}
        info["gold_by_style"] = {s: sum(g["style"] == s for g in gold) for s in sorted({g["style"] for g in gold})}
        info["artifact_seed"] = SEED
        manifest.write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps({"documents": len(docs), "artifact_documents": sum(d["origin"] == "artifact" for d in docs)}))


if __name__ == "__main__":
    main()
