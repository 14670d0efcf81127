"""Run the per-language probe: recall per language and false alarms on English, for langscan and the anchors.

    python -m benchmarks.probe.run [--split dev|heldout|both] [--tools langscan,cld2,fasttext,langdetect,lingua]
                                   [--langs zu,xh,...] [--out docs/probe.md] [--dump misses.jsonl]

Scoring (the same for every tool):

- a foreign item is **found** when the tool's flagged spans cover >= 50 % of the letters of its fragment (the
  language label is not required to be right: the question is whether the fragment is flagged at all);
- an English-only item is a **false alarm** when the tool flags anything in it;
- a foreign item with a flagged span that does not touch the fragment counts as a **host alarm** (an English
  host sentence flagged).

How each tool flags spans:

- **langscan**: ``langscan.detector.Detector(expect="en").scan(text)``; every finding is a flagged span;
- the anchors look at *units*: every non-blank line (trimmed) and every quoted span inside a line (“…”, "…",
  „…“, «…»); a unit is flagged when the tool is confident it is not English: its top language is not English and
  has probability >= 0.5 (``UNIT_THRESHOLD``):
  - **fasttext**: lid.176 through ``langscan.lid`` (the bundled model), top-1 prediction of the unit;
  - **langdetect**: ``detect_langs`` with ``DetectorFactory.seed = 0``;
  - **lingua**: all languages, high accuracy, preloaded; ``compute_language_confidence_values``;
  - **cld2**: ``pycld2.detect(returnVectors=True)`` on the whole paragraph: every non-English, known-language
    vector is flagged (UTF-8 byte offsets converted to code points by decoding the byte prefix); and each unit
    whose reliable top language is not English with >= 50 % of its bytes.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DATA = HERE / "data" / "probe.jsonl.gz"
TOOLS = ["langscan", "cld2", "fasttext", "langdetect", "lingua"]
STYLES = ("line", "appended", "quoted")
FOUND_SHARE = 0.5  # share of a fragment's letters a tool must flag for the fragment to count as found
UNIT_THRESHOLD = 0.5  # an anchor flags a unit whose top language is not English with at least this probability
THRESHOLDS = (0.5, 0.7, 0.9, 0.99)  # the anchors are also shown at these thresholds (one scan serves all)
# the bars of issue 9 ("Done when"), shown beside each language
BAR_SENTENCES, BAR_PAIRS = 0.85, 0.60

_QUOTED = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"|„([^“”\n]+)[“”]|«\s*([^»\n]+?)\s*»")


def load(split: str = "dev", langs=None) -> list[dict]:
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh]
    return [r for r in recs if (split == "both" or r["split"] == split)
            and (not langs or r["lang"] in langs or r["lang"] == "en")]


def units(text: str):
    """(start, end) of every trimmed non-blank line and every quoted span of ``text``."""
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e
    for m in _QUOTED.finditer(text):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        s, e = m.span(g)
        if text[s:e].strip():
            yield s, e


# ------------------------------------------------------------------ tools: text -> [(start, end)]
def make_langscan():
    from langscan.detector import Detector

    det = Detector(expect="en")
    return lambda text: [(f.start, f.end, 1.0) for f in det.scan(text)]


def _per_unit(top):
    """A scanner giving (start, end, probability) of each unit whose ``top(unit) -> (is_english, prob)`` is not
    English; the threshold is applied when scoring, so one pass serves every threshold."""
    def scan(text):
        out = []
        for s, e in units(text):
            res = top(text[s:e])
            if res is not None and not res[0]:
                out.append((s, e, res[1]))
        return out
    return scan


def make_fasttext():
    from langscan import lid

    model = lid.load_model()

    def top(unit):
        pred = model.predict(unit, k=1)
        return (pred[0][0] == "en", pred[0][1]) if pred else None
    return _per_unit(top)


def make_langdetect():
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def top(unit):
        try:
            best = detect_langs(unit)[0]
        except LangDetectException:  # no letters to judge
            return None
        return best.lang == "en", best.prob
    return _per_unit(top)


def make_lingua():
    from lingua import Language, LanguageDetectorBuilder

    det = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

    def top(unit):
        vals = det.compute_language_confidence_values(unit)
        if not vals:
            return None
        return vals[0].language == Language.ENGLISH, vals[0].value
    return _per_unit(top)


_CLD2_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def make_cld2():
    import pycld2

    def cp(data: bytes, off: int) -> int:
        return len(data[:off].decode("utf-8", "ignore"))  # byte offset -> code points, one decode per offset

    def scan(text):
        clean = _CLD2_BAD.sub(" ", text)  # CLD2 rejects these; same length in code points
        data = clean.encode("utf-8")
        out = []
        try:
            vectors = pycld2.detect(clean, returnVectors=True)[3]
        except pycld2.error:
            vectors = []
        for off, length, _name, code in vectors:
            if code not in ("en", "un", "xx") and code:
                s, e = cp(data, off), cp(data, off + length)
                if text[s:e].strip():
                    out.append((s, e, 1.0))
        for s, e in units(clean):
            try:
                reliable, _n, details = pycld2.detect(clean[s:e])
            except pycld2.error:
                continue
            code, pct = details[0][1], details[0][2]
            if reliable and code not in ("en", "un", "xx"):
                out.append((s, e, pct / 100))
        return out
    return scan


FACTORIES = {"langscan": make_langscan, "cld2": make_cld2, "fasttext": make_fasttext,
             "langdetect": make_langdetect, "lingua": make_lingua}


# ------------------------------------------------------------------ scoring
def judge(rec: dict, spans, threshold: float = UNIT_THRESHOLD) -> tuple[bool, bool]:
    """(found, alarm): ``found`` for a foreign item (>= FOUND_SHARE of its letters flagged); ``alarm``: a flagged
    span outside the fragment (for an English item: any flagged span). Spans below ``threshold`` are ignored."""
    spans = [(s, e) for s, e, p in spans if p >= threshold]
    if rec["lang"] == "en":
        return False, bool(spans)
    s0, e0 = rec["start"], rec["end"]
    text = rec["text"]
    letters = [i for i in range(s0, e0) if text[i].isalpha()]
    covered = set()
    alarm = False
    for s, e in spans:
        if e <= s0 or s >= e0:
            alarm = True
            continue
        covered.update(range(max(s, s0), min(e, e0)))
    hit = sum(i in covered for i in letters)
    return bool(letters) and hit >= FOUND_SHARE * len(letters), alarm


def run_tool(name: str, recs: list[dict], dump=None) -> dict:
    """Scan every record; keep the flagged spans (with their probability) and the verdict at UNIT_THRESHOLD."""
    scan = FACTORIES[name]()
    res, kept = {}, {}
    t0 = time.perf_counter()
    for r in recs:
        try:
            spans = scan(r["text"])
        except Exception as exc:  # a tool that fails on an item has not flagged it; say so in the dump
            spans = []
            if dump:
                dump.write(json.dumps({"tool": name, "id": r["id"], "error": repr(exc)}) + "\n")
        kept[r["id"]] = spans
        found, alarm = judge(r, spans)
        res[r["id"]] = (found, alarm)
        if dump and ((r["lang"] != "en" and not found) or (r["lang"] == "en" and alarm)):
            dump.write(json.dumps({"tool": name, "id": r["id"], "lang": r["lang"], "unit": r["unit"],
                                   "style": r["style"], "fragment": r["fragment"], "spans":
                                   [[s, e, round(p, 3), r["text"][s:e]] for s, e, p in spans]},
                                  ensure_ascii=False) + "\n")
    return {"results": res, "spans": kept, "seconds": time.perf_counter() - t0}


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f}" if d else "–"


def tables(recs: list[dict], runs: dict[str, dict], split: str, load_before, load_after) -> str:
    tools = list(runs)
    foreign = [r for r in recs if r["lang"] != "en"]
    english = [r for r in recs if r["lang"] == "en"]
    langs = sorted({r["lang"] for r in foreign})
    # (tool, lang, unit, style) -> [found, total]
    cnt = defaultdict(lambda: [0, 0])
    host_alarms = defaultdict(int)
    for t in tools:
        res = runs[t]["results"]
        for r in foreign:
            found, alarm = res[r["id"]]
            for key in ((t, r["lang"], r["unit"], r["style"]), (t, r["lang"], r["unit"], "*"),
                        (t, "*", r["unit"], r["style"]), (t, "*", r["unit"], "*")):
                cnt[key][0] += found
                cnt[key][1] += 1
            host_alarms[t] += alarm
        for r in english:
            _, alarm = res[r["id"]]
            for key in ((t, "en", r["unit"], r["style"]), (t, "en", r["unit"], "*"), (t, "en", "*", "*")):
                cnt[key][0] += alarm
                cnt[key][1] += 1

    def c(t, lang, unit, style="*"):
        n, d = cnt[(t, lang, unit, style)]
        return pct(n, d)

    out = [f"## {split} split", "",
           f"Generated by `python -m benchmarks.probe.run` on "
           f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}; load average "
           f"{load_before[0]:.2f} before, {load_after[0]:.2f} after (2 cores shared with other jobs, so the "
           f"seconds are indicative only). Data: `benchmarks/probe/data/probe.jsonl.gz` "
           f"({len(foreign)} foreign items in {len(langs)} languages, {len(english)} English-only items in this "
           f"split); how it is built and scored: `benchmarks/probe/README.md`.", "",
           "Found = the tool flags >= 50 % of the fragment's letters (any language label). False alarms = "
           "English-only paragraphs with anything flagged. Host alarms = foreign items where an English host "
           "sentence was flagged as well.", "",
           "### Summary", "",
           "| tool | sentences found % | line | appended | quoted | pairs found % | line | appended | quoted "
           "| false alarms on English | sentences | pairs | words | host alarms | seconds |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for t in tools:
        fa = cnt[(t, "en", "*", "*")]
        out.append(f"| {t} | {c(t, '*', 'sentence')} | " + " | ".join(c(t, '*', 'sentence', s) for s in STYLES)
                   + f" | {c(t, '*', 'pair')} | " + " | ".join(c(t, '*', 'pair', s) for s in STYLES)
                   + f" | {fa[0]}/{fa[1]} | "
                   + " | ".join(f"{cnt[(t, 'en', u, '*')][0]}/{cnt[(t, 'en', u, '*')][1]}"
                                for u in ("sentence", "pair", "word"))
                   + f" | {host_alarms[t]}/{len(foreign)} | {runs[t]['seconds']:.0f} |")
    anchors = [t for t in tools if t != "langscan"]
    if anchors:
        out += ["", f"Anchors at other thresholds (the tables use {UNIT_THRESHOLD}): sentences % / pairs % found, "
                "false alarms on English.", "",
                "| tool | " + " | ".join(f"p >= {th}" for th in THRESHOLDS) + " |", "|---|" + "---|" * len(THRESHOLDS)]
        recs_by_id = {r["id"]: r for r in recs}
        for t in anchors:
            cells = []
            for th in THRESHOLDS:
                agg = defaultdict(lambda: [0, 0])
                for rid, r in recs_by_id.items():
                    found, alarm = judge(r, runs[t]["spans"][rid], th)
                    agg[r["unit"] if r["lang"] != "en" else "en"][0] += found if r["lang"] != "en" else alarm
                    agg[r["unit"] if r["lang"] != "en" else "en"][1] += 1
                cells.append(f"{pct(*agg['sentence'])} / {pct(*agg['pair'])}, FA {agg['en'][0]}/{agg['en'][1]}")
            out.append(f"| {t} | " + " | ".join(cells) + " |")
    out += ["", "### Per language: sentences % / pairs % found", "",
            f"Bold: meets issue 9's bar (>= {BAR_SENTENCES:.0%} of sentences and >= {BAR_PAIRS:.0%} of pairs). "
            "n = sentence items / pair items (each source item in three styles).", "",
            "| lang | n | " + " | ".join(tools) + " |", "|---|---|" + "---|" * len(tools)]
    for lang in langs:
        row = [lang, f"{cnt[(tools[0], lang, 'sentence', '*')][1]}/{cnt[(tools[0], lang, 'pair', '*')][1]}"]
        for t in tools:
            ns, ds = cnt[(t, lang, "sentence", "*")]
            npair, dp = cnt[(t, lang, "pair", "*")]
            cell = f"{pct(ns, ds)} / {pct(npair, dp)}"
            if ds and dp and ns >= BAR_SENTENCES * ds and npair >= BAR_PAIRS * dp:
                cell = f"**{cell}**"
            row.append(cell)
        out.append("| " + " | ".join(row) + " |")
    for t in tools:
        out += ["", f"### {t}: per language and style (% found)", "",
                "| lang | sentences | line | appended | quoted | pairs | line | appended | quoted |",
                "|---|---|---|---|---|---|---|---|---|"]
        for lang in langs:
            out.append(f"| {lang} | {c(t, lang, 'sentence')} | "
                       + " | ".join(c(t, lang, 'sentence', s) for s in STYLES)
                       + f" | {c(t, lang, 'pair')} | " + " | ".join(c(t, lang, 'pair', s) for s in STYLES) + " |")
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Per-language probe: recall per language, false alarms on English.")
    ap.add_argument("--split", choices=["dev", "heldout", "both"], default="both",
                    help="which split to run (default both: one table set per split)")
    ap.add_argument("--tools", default="langscan", help=f"comma-separated, from {','.join(TOOLS)}")
    ap.add_argument("--langs", default="", help="comma-separated language codes (default: all)")
    ap.add_argument("--out", type=Path, default=None,
                    help="markdown report to write (default: docs/probe.md when every language is run; "
                         "else stdout only)")
    ap.add_argument("--dump", type=Path, default=None, help="write misses and false alarms (JSON lines) here")
    args = ap.parse_args(argv)
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    bad = [t for t in tools if t not in FACTORIES]
    if bad:
        ap.error(f"unknown tool(s) {bad}; choose from {TOOLS}")
    langs = {l.strip() for l in args.langs.split(",") if l.strip()}
    recs = load(args.split, langs)
    load_before = os.getloadavg()
    runs = {}
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    try:
        for t in tools:
            try:
                runs[t] = run_tool(t, recs, dump)
            except ImportError as exc:
                print(f"{t}: not installed ({exc}); skipped", file=sys.stderr)
                continue
            print(f"{t}: {runs[t]['seconds']:.0f} s", file=sys.stderr)
    finally:
        if dump:
            dump.close()
    if not runs:
        print("no tool could run", file=sys.stderr)
        return 1
    load_after = os.getloadavg()
    splits = ["dev", "heldout"] if args.split == "both" else [args.split]
    md = "# Per-language probe\n\n" + "\n".join(
        tables([r for r in recs if r["split"] == sp], runs, sp, load_before, load_after) for sp in splits)
    out = args.out
    if out is None and not langs:
        out = REPO / "docs" / "probe.md"
    if out is not None:
        out.write_text(md, encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    else:
        sys.stdout.write(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
