"""Run langscan and the anchor tools over the labelled corpus, score them and publish the figures.

    python -m benchmarks [--quick] [--split dev|heldout|all] [--tools langscan,cld2,...] [--no-write]

Each tool runs in its own worker process (benchmarks/worker.py), one after the other (single process each,
so throughput is comparable). Scores are computed here (metrics.py); the report (report.py) is printed and,
unless ``--no-write``, written to docs/benchmarks.md with the plot docs/benchmarks.png.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from . import metrics
from .corpus import CORPUS, load_corpus, select
from .tools import PACKAGES, REPO, TOOLS

KINDS = ["script", "latin", "homoglyph", "document", "mojibake"]
STYLES = ["own_line", "caption_glued", "credit", "mid_sentence", "appended", "menu", "homoglyph", "lookalike",
          "page_native", "document", "mojibake"]
LINGUA_DOCS = {False: 60, True: 2}


def run_tool(tool: str, docs: list[dict], tmp: Path, corpus: Path, reps: int = 1) -> dict:
    ids = tmp / f"{tool}.ids.json"
    out = tmp / f"{tool}.out.json"
    ids.write_text(json.dumps([d["id"] for d in docs]))
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               LANGSCAN_BENCH_CORPUS=str(corpus))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "benchmarks.worker", tool, str(ids), str(out), str(reps)],
                          cwd=REPO, env=env, capture_output=True, text=True)
    if proc.returncode != 0 or not out.exists():
        return {"tool": tool, "docs": {}, "error": f"worker exited {proc.returncode}: {proc.stderr[-600:]}"}
    res = json.loads(out.read_text())
    res["wall_seconds"] = time.perf_counter() - t0
    return res


def lingua_subset(docs: list[dict], quick: bool) -> list[dict]:
    n = LINGUA_DOCS[quick]
    step = max(1, len(docs) // n)
    return docs[::step][:n]


def cold_start(runs: int = 3) -> dict:
    """Wall time of ``langscan scan`` on one small file in a fresh process (best of ``runs``)."""
    exe = shutil.which("langscan")
    cmd = [exe] if exe else [sys.executable, "-c", "from langscan.cli import main; main()"]
    sample = REPO / "tests" / "data" / "founding_example.txt"
    times, last = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        try:
            last = subprocess.run(cmd + ["scan", str(sample)], capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            return {"seconds": None, "note": f"could not run: {e}"}
        times.append(time.perf_counter() - t0)
        if last.returncode not in (0, 1) or "Traceback" in last.stderr:
            return {"seconds": None, "note": f"CLI not ready (exit {last.returncode}): {last.stderr.strip()[-200:]}"}
    return {"seconds": min(times), "note": f"`{' '.join(Path(c).name for c in cmd[:1])} scan` on a 4 kB file, best of {runs}"}


def evaluate(tool_res: dict, docs: list[dict]) -> dict | None:
    """All metrics of one tool over ``docs`` (only the documents it ran on)."""
    ran = [d for d in docs if d["id"] in tool_res.get("docs", {})]
    if not ran:
        return None
    found = [[tuple(f) for f in tool_res["docs"][d["id"]]["findings"]] for d in ran]
    evals = [metrics.evaluate_doc(d, f) for d, f in zip(ran, found)]
    secs = {d["id"]: tool_res["docs"][d["id"]]["seconds"] for d in ran}

    def mbps(sub):
        b = sum(len(d["text"].encode("utf-8")) for d in sub)
        t = sum(secs[d["id"]] for d in sub)
        return b / t / 1e6 if t else float("nan")
    clean = [d for d in ran if d["clean"]]
    misses, false_examples, by_lang = Counter(), [], Counter()
    for d, ev, f in zip(ran, evals, found):
        by_lang.update(f"{g['kind']}:{g['lang']}" for g in d["gold"] if g["kind"] in ("script", "latin"))
        misses.update(f"{g['kind']}:{g['lang']}" for g, ok in zip(d["gold"], ev.gold_found) if not ok)
        valid = [x for x in f if d["text"][x[0]:x[1]].strip()]
        false_examples += [d["text"][x[0]:x[1]][:60] for x, (ok, _gi) in zip(valid, ev.findings) if not ok]
    wrong, words, per100k = metrics.false_per_100k(ran, evals)
    cwrong, cwords, cper100k = metrics.false_per_100k(ran, evals, only_clean=True)
    return {
        "docs": len(ran),
        "overall": metrics.overall_score(ran, evals),
        "kinds": {k: metrics.group_score(ran, evals, lambda g, k=k: g["kind"] == k) for k in KINDS},
        "styles": {s: metrics.group_score(ran, evals, lambda g, s=s: g["style"] == s) for s in STYLES},
        "false": {"wrong": wrong, "words": words, "per100k": per100k,
                  "clean_wrong": cwrong, "clean_words": cwords, "clean_per100k": cper100k},
        "negatives_hit": sum(metrics.negatives_hit(d, f) for d, f in zip(ran, found)),
        "negatives": sum(len(d.get("negatives", [])) for d in ran),
        "homoglyph_false": sum(ev.homoglyph_wrong for ev in evals),
        "clean_homoglyph_false": sum(ev.homoglyph_wrong for d, ev in zip(ran, evals) if d["clean"]),
        "clean_mojibake_false": sum(sum(1 for x in f if x[3] == "mojibake") for d, f in zip(ran, found) if d["clean"]),
        "misses": misses, "false_examples": false_examples, "gold_by_lang": by_lang,
        "mbps_clean": mbps(clean) if clean else float("nan"),
        "mbps_all": mbps(ran),
    }


def machine() -> dict:
    model = platform.processor() or "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = None
    return {"cores": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "platform": platform.platform(terse=True), "load": load}


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a small evenly spread subset (well under a minute)")
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="all",
                    help="which documents (all: both, reported separately)")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of " + ",".join(TOOLS))
    ap.add_argument("--limit", type=int, help="at most N documents (after --quick)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    ap.add_argument("--out", type=Path, default=REPO / "docs", help="directory for benchmarks.md/.png")
    ap.add_argument("--json", type=Path, help="also write the raw figures as JSON here")
    args = ap.parse_args(argv)
    from .report import render, plot  # matplotlib only when reporting

    docs = select(load_corpus(args.corpus), args.split, args.quick, args.limit)
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    raw = {}
    with tempfile.TemporaryDirectory() as tmp:
        for tool in tools:
            sub = lingua_subset(docs, args.quick) if tool == "lingua" else docs
            print(f"[bench] {tool}: {len(sub)} documents ...", file=sys.stderr, flush=True)
            raw[tool] = run_tool(tool, sub, Path(tmp), args.corpus, reps=2 if args.quick else 3)
            if raw[tool].get("error"):
                print(f"[bench] {tool}: {raw[tool]['error'].strip().splitlines()[-1]}", file=sys.stderr)
    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    results = {}
    for split in splits:
        part = [d for d in docs if d["split"] == split]
        results[split] = {t: evaluate(raw[t], part) for t in tools}
    info = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(), "quick": args.quick, "split": args.split, "documents": len(docs),
        "corpus": json.loads((args.corpus.parent / "MANIFEST.json").read_text())
        if (args.corpus.parent / "MANIFEST.json").exists() else {},
        "tools": {t: {"error": raw[t].get("error"), "load_seconds": raw[t].get("load_seconds"),
                      "peak_rss_mb": raw[t].get("peak_rss_mb"), "base_rss_mb": raw[t].get("base_rss_mb"),
                      "timing_passes": raw[t].get("timing_passes"), "doc_errors": raw[t].get("doc_errors", []),
                      "docs": len(raw[t].get("docs", {})), "package": PACKAGES.get(t)} for t in tools},
        "cold_start": cold_start(1 if args.quick else 3) if "langscan" in tools else {"seconds": None, "note": "langscan not run"},
        "command": "python -m benchmarks" + (" --quick" if args.quick else "")
                   + (f" --split {args.split}" if args.split != "all" else ""),
    }
    md = render(results, info)
    print(md)
    if not args.no_write:
        args.out.mkdir(parents=True, exist_ok=True)
        png = args.out / "benchmarks.png"
        plot(results, info, png)
        (args.out / "benchmarks.md").write_text(md)
        print(f"[bench] wrote {args.out / 'benchmarks.md'} and {png}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"info": info, "results": {
            s: {t: _plain(r) for t, r in res.items()} for s, res in results.items()}}, indent=1, default=str))
    return {"info": info, "results": results}


def _plain(r):
    if r is None:
        return None
    conv = lambda sc: {k: getattr(sc, k) for k in ("gold", "found", "right", "wrong", "precision", "recall",
                                                    "f1", "char_f1", "lang_acc", "docs")}
    out = dict(r)
    out["overall"] = conv(r["overall"])
    out["kinds"] = {k: conv(v) for k, v in r["kinds"].items()}
    out["styles"] = {k: conv(v) for k, v in r["styles"].items()}
    return out


if __name__ == "__main__":
    main()
