"""Build the labelled dev corpus (deterministic: same sources + same seed -> same bytes).

    python -m benchmarks.build_corpus [--sources DIR] [--out benchmarks/data] [--seed N] [--check]

English hosts (article bodies and page boilerplate, see hosts.py) get real foreign fragments (fragments.py)
inserted the ways scraping leaves them; about a third stay clean; hard negatives (negatives.py) go into every
host document; copies of the clean ones get look-alike words or mojibake (artifacts.py); the non-English articles and a few synthetic all-foreign texts are ``document``-kind cases.
Every gold span is checked (``text[start:end] == fragment``). A fifth of the hosts (by host, so an article
and its page boilerplate stay together) is the ``heldout`` split that nothing is tuned on.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

from . import artifacts, sources
from .fragments import build_pools
from .hosts import foreign_spans, load_hosts
from .langdata import script_profile
from .negatives import NEGATIVES

SEED = 20261124
CHUNK = 3500
STYLES = ["own_line", "caption_glued", "credit", "mid_sentence", "appended", "menu"]
KIND_WEIGHTS = [("script", 0.45), ("latin", 0.35), ("homoglyph", 0.20)]
MENU_ITEMS = ["Home", "News", "World", "Business", "Sport", "Opinion", "Culture", "Travel", "Video", "Weather",
              "Contact", "About us", "Subscribe", "Newsletters", "Podcasts", "Science", "Tech"]
CREDITS = ["Photo: {}", "Image: {} / Reuters", "Source: {}", "Credit: {}", "Video: {}", "Via {}", "Photo by {}"]
HOMOGLYPHS = {
    "a": "а", "e": "е", "o": "оο", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "s": "ѕ", "j": "ј",
    "A": "АΑ", "B": "ВΒ", "E": "ЕΕ", "K": "КΚ", "M": "МΜ", "H": "НΗ", "O": "ОΟ", "P": "РΡ", "C": "С",
    "T": "ТΤ", "X": "ХΧ", "N": "Ν", "I": "І",
}


class Doc:
    """A document as lines of segments (text, label-or-None), so offsets are computed once at the end."""

    def __init__(self, lines):
        self.lines = [[(ln, None)] for ln in lines]

    def plain_lines(self, min_len=0):
        return [i for i, ln in enumerate(self.lines) if len(ln) == 1 and ln[0][1] is None and len(ln[0][0]) >= min_len]

    def render(self):
        text, gold, negs, pos = [], [], [], 0
        for i, line in enumerate(self.lines):
            if i:
                text.append("\n")
                pos += 1
            for seg, label in line:
                if label is not None and seg:
                    if label.get("negative"):
                        negs.append([pos, pos + len(seg)])
                    else:
                        gold.append({"start": pos, "end": pos + len(seg), "text": seg, **label})
                text.append(seg)
                pos += len(seg)
        return "".join(text), gold, negs


def chunks(lines, size=CHUNK):
    cur, n = [], 0
    for ln in lines:
        if cur and n + len(ln) > size:
            yield cur
            cur, n = [], 0
        cur.append(ln)
        n += len(ln) + 1
    if cur:
        yield cur


class Builder:
    def __init__(self, pools, seed):
        self.pools = pools
        self.rng = random.Random(seed)

    # ------------------------------------------------------------ fragments
    def fragment(self, kind, style):
        r = self.rng
        lang = r.choice(sorted(self.pools[kind]))
        frags = self.pools[kind][lang]
        want = "sentence" if style == "appended" else ("ui" if style in ("menu", "caption_glued", "credit",
                                                                          "mid_sentence") else None)
        if kind == "script" and style == "menu" and r.random() < 0.3:
            want = "endonym"
        sub = [f for f in frags if want is None or f["source"] == want]
        if not sub and style == "appended":  # no sentences in this language: UI messages that are sentences
            sub = [f for f in frags if re.search(r"[.!?।։።]$", f["text"]) and " " in f["text"]]
        sub = sub or frags
        return r.choice(sub)

    def label(self, frag, style):
        return {"lang": frag["lang"], "kind": frag["kind"], "style": style, "provenance": frag["provenance"]}

    def english_sentence(self, doc):
        r = self.rng
        cands = [doc.lines[i][0][0] for i in doc.plain_lines(60)]
        if not cands:
            return "Police said the investigation was continuing."
        m = re.match(r".{30,200}?[.!?](?=\s|$)", r.choice(cands))
        return m.group(0) if m else r.choice(cands)[:80]

    # ------------------------------------------------------------ insertion styles
    def insert(self, doc, kind, style):
        r = self.rng
        if kind == "homoglyph":
            return self.homoglyph(doc)
        frag = self.fragment(kind, style)
        f, lab = frag["text"], self.label(frag, style)
        at = r.randint(0, len(doc.lines))
        if style == "own_line":
            doc.lines.insert(at, [(f, lab)])
        elif style == "caption_glued":
            doc.lines.insert(at, [("© Photo : youtube/", None), (f, lab), (self.english_sentence(doc), None)])
        elif style == "credit":
            pre, _, post = r.choice(CREDITS).partition("{}")
            doc.lines.insert(at, [(pre, None), (f, lab), (post, None)])
        elif style == "menu":
            items = r.sample(MENU_ITEMS, r.randint(4, 7))
            k = r.randint(0, len(items))
            left, right = " | ".join(items[:k]), " | ".join(items[k:])
            doc.lines.insert(at, [(left + (" | " if left else ""), None), (f, lab),
                                  ((" | " if right else "") + right, None)])
        elif style == "mid_sentence":
            cands = [i for i in doc.plain_lines(80) if len(doc.lines[i][0][0].split()) >= 12]
            if not cands:
                return False
            i = r.choice(cands)
            line = doc.lines[i][0][0]
            cuts = [m.end() for m in re.finditer(r"[\w,;] (?=\w)", line)][2:-2] or [m.end() for m in re.finditer(r" ", line)]
            cut = r.choice(cuts)
            doc.lines[i] = [(line[:cut], None), (f, lab), (" " + line[cut:], None)]
        elif style == "appended":
            cands = [i for i in doc.plain_lines(40) if re.search(r"[.!?”\"]$", doc.lines[i][0][0])]
            if not cands:
                return False
            i = r.choice(cands)
            doc.lines[i] = [(doc.lines[i][0][0] + " ", None), (f, lab)]
        return True

    def homoglyph(self, doc):
        r = self.rng
        cands = []
        for i in doc.plain_lines(20):
            for m in re.finditer(r"\b[A-Za-z]{4,}\b", doc.lines[i][0][0]):
                if sum(c in HOMOGLYPHS for c in m.group()) >= 2:
                    cands.append((i, m.start(), m.end()))
        if not cands:
            return False
        i, s, e = r.choice(cands)
        line = doc.lines[i][0][0]
        word = list(line[s:e])
        pos = [k for k, c in enumerate(word) if c in HOMOGLYPHS]
        scripts = set()
        for k in r.sample(pos, min(len(pos), r.choice([1, 1, 2]))):
            word[k] = r.choice(HOMOGLYPHS[word[k]])
            scripts |= set(script_profile(word[k]))
        lab = {"lang": "en", "kind": "homoglyph", "style": "homoglyph",
               "provenance": "generated:" + "+".join(sorted(scripts)) + " look-alikes"}
        doc.lines[i] = [(line[:s], None), ("".join(word), lab), (line[e:], None)]
        return True

    def add_negatives(self, doc):
        r = self.rng
        for _ in range(r.choice([1, 1, 2])):
            neg = r.choice(NEGATIVES)
            lab = {"negative": True}
            cands = [i for i in doc.plain_lines(40) if re.search(r"[.!?]$", doc.lines[i][0][0])]
            if cands and r.random() < 0.5 and not neg.isupper():
                i = r.choice(cands)
                doc.lines[i] = [(doc.lines[i][0][0] + " ", None), (neg, lab)]
            else:
                doc.lines.insert(r.randint(0, len(doc.lines)), [(neg, lab)])

    # ------------------------------------------------------------ documents
    def host_docs(self, host):
        art = [ln.strip() for ln in host["article"].split("\n") if ln.strip()]
        for n, part in enumerate(chunks(art)):
            yield f"{host['id']}-a{n}", "article", Doc(part), None
        for n, part in enumerate(chunks(host["boilerplate"])):
            native = [foreign_spans(ln) for ln in part]
            if not any(native):
                yield f"{host['id']}-p{n}", "page", Doc(part), None
                continue
            doc = Doc(part)
            for i, spans in enumerate(native):
                if spans:
                    ln, segs, last = part[i], [], 0
                    for s, e, kind, lang in spans:
                        segs += [(ln[last:s], None), (ln[s:e], {"lang": lang, "kind": kind, "style": "page_native",
                                                                 "provenance": f"page:{host['id']}", "native": True})]
                        last = e
                    doc.lines[i] = segs + [(ln[last:], None)]
            yield f"{host['id']}-p{n}", "page", doc, "native"

    def dirty(self, doc):
        r = self.rng
        kind = r.choices([k for k, _ in KIND_WEIGHTS], [w for _, w in KIND_WEIGHTS])[0]
        style = "homoglyph" if kind == "homoglyph" else r.choice(STYLES)
        for _ in range(r.choice([1, 1, 2, 2, 3])):
            self.insert(doc, kind, style)

    def synthetic_document(self, kind):
        r = self.rng
        langs = [lang for lang, fr in sorted(self.pools[kind].items()) if len(fr) >= 40]
        lang = r.choice(langs)
        frs = self.pools[kind][lang]
        sents = [f for f in frs if f["source"] == "sentence"] or [f for f in frs if f["source"] == "ui"]
        picked = r.sample(sents, min(len(sents), r.randint(6, 12)))
        lines, cur = [], []
        for f in picked:
            cur.append(f["text"])
            if len(cur) >= r.randint(2, 4):
                lines.append(" ".join(cur))
                cur = []
        if cur:
            lines.append(" ".join(cur))
        prov = sorted({f["provenance"].split(":")[0] for f in picked})
        return Doc(lines), lang, "+".join(prov)


def document_case(doc, lang, provenance):
    text, _, _ = doc.render()
    s = len(text) - len(text.lstrip())
    e = len(text.rstrip())
    return text, [{"start": s, "end": e, "text": text[s:e], "lang": lang, "kind": "document", "style": "document",
                   "provenance": provenance}], []


def build(cache: Path, seed: int = SEED) -> list[dict]:
    pools = build_pools(cache)
    b = Builder(pools, seed)
    hosts = list(load_hosts())
    ids = sorted(h["id"] for h in hosts)
    heldout = set(random.Random(seed + 1).sample(ids, len(ids) // 5))
    docs = []

    def emit(doc_id, host_id, origin, text, gold, negs):
        for g in gold:
            assert text[g["start"]:g["end"]] == g["text"], (doc_id, g)
        docs.append({"id": doc_id, "split": "heldout" if host_id in heldout else "dev", "origin": origin,
                     "host": host_id, "clean": not gold, "text": text, "gold": gold, "negatives": negs})

    for h in hosts:
        if h["lang"] != "en":
            paras = [ln.strip() for ln in h["article"].split("\n") if ln.strip()]
            doc = Doc(next(chunks(paras, 6000)))
            emit(h["id"] + "-doc", h["id"], "article", *document_case(doc, h["lang"], f"aeb:{h['id']}"))
            continue
        for doc_id, origin, doc, native in b.host_docs(h):
            if native is None and b.rng.random() >= 1 / 3:
                b.dirty(doc)
            b.add_negatives(doc)
            emit(doc_id, h["id"], origin, *doc.render())
    for n in range(24):
        doc, lang, prov = b.synthetic_document("script" if n % 2 else "latin")
        host = f"synth{n:02d}"
        split = "heldout" if n % 5 == 4 else "dev"
        heldout.add(host) if split == "heldout" else None
        emit(f"{host}-doc", host, "synthetic", *document_case(doc, lang, prov))
    return artifacts.add(docs)  # look-alike words and mojibake made from copies of the clean documents


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=sources.DEFAULT_CACHE, help="cache of downloaded sources")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--check", action="store_true",
                    help="build into a temporary directory and compare with the committed corpus checksum")
    args = ap.parse_args(argv)
    if args.check:
        import tempfile
        want = json.loads((Path(__file__).parent / "data" / "MANIFEST.json").read_text())["sha256"]
        with tempfile.TemporaryDirectory() as tmp:
            main(["--sources", str(args.sources), "--out", tmp, "--seed", str(args.seed)])
            got = json.loads((Path(tmp) / "MANIFEST.json").read_text())["sha256"]
        print("corpus reproduced: sha256 matches" if got == want else f"MISMATCH: built {got}, committed {want}")
        raise SystemExit(0 if got == want else 1)
    cache = sources.fetch(args.sources)
    docs = build(cache, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    gold = [g for d in docs for g in d["gold"]]
    summary = {
        "seed": args.seed, "sha256": digest, "documents": len(docs),
        "clean_documents": sum(d["clean"] for d in docs),
        "splits": {s: sum(d["split"] == s for d in docs) for s in ("dev", "heldout")},
        "gold_by_kind": {k: sum(g["kind"] == k for g in gold) for k in ("script", "latin", "homoglyph", "document", "mojibake")},
        "gold_by_style": {s: sum(g["style"] == s for g in gold) for s in sorted({g["style"] for g in gold})},
        "languages": len({g["lang"] for g in gold}),
        "sources": {"debian": sources.deb_versions(cache),
                    "django": sorted(p.name for p in cache.glob("[Dd]jango-*.whl"))[-1]},
    }
    try:
        import babel
        summary["sources"]["babel"] = babel.__version__
    except ImportError:
        pass
    (args.out / "MANIFEST.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps({k: v for k, v in summary.items() if k != "sources"}, indent=1))


if __name__ == "__main__":
    main()
