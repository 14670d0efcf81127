"""Throughput of langscan beside CLD2, measured the way a user runs both (issue 10).

    python -m benchmarks.speed [--rounds 3] [--no-write] [--huge-mb 8]

What is timed, per corpus kind (clean English, English with fragments, whole non-English documents, one
huge document), each in the same run so the ratios compare like with like:

- ``cld2-raw``: ``pycld2.detect(text, returnVectors=True)`` alone (no offsets converted);
- ``cld2``: the same plus its UTF-8 byte offsets turned into code points the fast way (one incremental
  decode between consecutive vector boundaries), which any tool that reports offsets into ``str`` must do;
- ``langscan``: ``Detector(expect="en").scan`` with a **fresh Detector per timing round** (its line-verdict
  cache starts empty every round; process-wide data such as the model stays loaded, as in any long scan);
- ``langscan-first``: the first pass over the corpus in a **fresh process**, lazy loading included,
  reported on its own beside the warm figure.

Where the time goes (``where_time_goes``): in one more warm pass per corpus, the seconds spent inside
fastText's and lingua's own calls (the models langscan's decisions ask), and the seconds of the least any
word-based screen in Python does (fold the text, split it, make the set of its words). With CLD2's time in the
same run they say what the issue's ratio targets leave for langscan's own code; and the models' load time,
taken in a fresh process, says what the first-pass target leaves.

Beside that: wall time of ``langscan --version`` and ``langscan scan small.md`` (median of 10 fresh
processes) and the peak RSS of the latter. The load average (1 min) is read before every timing and printed
beside it: figures taken on a busy machine say so. Results go to docs/speed.md and docs/speed.png.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# (LANGSCAN_CORPORA, as benchmarks/realpages/pages.py reads it: a worktree elsewhere finds the corpora too)
SHARED = Path(os.environ.get("LANGSCAN_CORPORA") or REPO.parent / "shared" / "corpora")
ARTICLES = SHARED / "article-extraction-benchmark" / "ground-truth.json"
READABILITY = SHARED / "readability-test-pages" / "html"
# readability pages whose prose is not English (named in the corpus README)
FOREIGN_PAGES = ("aktualne", "folha", "heise", "la-nacion", "lemonde-1", "liberation-1", "pixnet", "qq",
                 "rtl-1", "rtl-2", "rtl-3", "rtl-4", "hukumusume", "gmw")
KINDS = ("clean English", "English with fragments", "non-English documents", "one huge document")


def load() -> float:
    return os.getloadavg()[0]


# ------------------------------------------------------------------ corpora
def corpora(huge_mb: float) -> dict[str, list[str]]:
    from .corpus import load_corpus

    docs = load_corpus()
    out: dict[str, list[str]] = {k: [] for k in KINDS}
    if ARTICLES.exists():
        gt = json.loads(ARTICLES.read_text(encoding="utf-8"))
        lang = _article_languages()  # 20 of the 181 articles are not English: they are documents, not clean English
        for key, v in sorted(gt.items()):
            if v.get("articleBody"):
                kind = "clean English" if lang.get(key, "en") == "en" else "non-English documents"
                out[kind].append(v["articleBody"])
    else:  # a clone without ../shared: the benchmark corpus's clean English documents
        out["clean English"] = [d["text"] for d in docs if d["clean"]]
    for d in docs:
        kinds = {g["kind"] for g in d["gold"]}
        if "document" in kinds:
            out["non-English documents"].append(d["text"])
        elif kinds:
            out["English with fragments"].append(d["text"])
    out["non-English documents"] += _foreign_pages()
    # one huge document: English with fragments, repeated with a varying number so no line repeats exactly
    base = out["English with fragments"]
    parts, size, i = [], 0, 0
    while size < huge_mb * 1e6:
        t = f"Part {i}. " + base[i % len(base)]
        parts.append(t)
        size += len(t.encode("utf-8"))
        i += 1
    out["one huge document"] = ["\n\n".join(parts)]
    return out


def _article_languages() -> dict[str, str]:
    """Each article's page language, from the hand labels of benchmarks/realpages (``page_lang``)."""
    out = {}
    path = REPO / "benchmarks" / "realpages" / "labels" / "articles.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("type") == "page":
            out[rec["page"]] = rec.get("page_lang", "en")
    return out


def _foreign_pages() -> list[str]:
    if not READABILITY.exists():
        return []
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.parts, self.skip = [], 0

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style"):
                self.skip += 1

        def handle_endtag(self, tag):
            if tag in ("script", "style") and self.skip:
                self.skip -= 1

        def handle_data(self, data):
            if not self.skip and data.strip():
                self.parts.append(data.strip())

    texts = []
    for name in FOREIGN_PAGES:
        p = READABILITY / f"{name}.html.gz"
        if p.exists():
            h = Text()
            h.feed(gzip.decompress(p.read_bytes()).decode("utf-8", "replace"))
            texts.append("\n".join(h.parts))
    return texts


# ------------------------------------------------------------------ tools
def cld2_raw():
    import pycld2

    def scan(text: str):
        try:
            return pycld2.detect(text, returnVectors=True)[3]
        except pycld2.error:
            return ()
    return scan


def cld2_offsets():
    """CLD2 with byte offsets converted to code points in one pass over the text."""
    import pycld2

    def scan(text: str):
        data = text.encode("utf-8")
        try:
            vectors = pycld2.detect(text, returnVectors=True)[3]
        except pycld2.error:
            return []
        out, byte_pos, cp = [], 0, 0
        for off, length, _name, code in vectors:  # vectors come in text order
            cp += len(data[byte_pos:off].decode("utf-8", "ignore"))
            start = cp
            cp += len(data[off:off + length].decode("utf-8", "ignore"))
            byte_pos = off + length
            if code not in ("en", "un", "xx") and code:
                out.append((start, cp, code))
        return out
    return scan


def langscan_fresh():
    from langscan import Detector

    def scan_all(texts):
        det = Detector(expect="en")  # fresh per round: an empty line-verdict cache
        for t in texts:
            det.scan(t)
    return scan_all



def _cld2_safe(texts: list[str]) -> list[str]:
    """CLD2 refuses control characters and surrogates; replace them one for one (offsets unchanged)."""
    import re

    bad = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
    return [bad.sub(" ", t) for t in texts]


def time_rounds(fn, texts, rounds: int) -> tuple[float, float, list[float]]:
    """Median seconds over ``rounds`` and the load average read before the first round."""
    la = load()
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn(texts)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), la, times


def first_pass_child(kind: str, huge_mb: float) -> None:
    """Run inside a fresh process: time the first pass (lazy loading included), then a warm one."""
    texts = corpora(huge_mb)[kind]
    la = load()
    t0 = time.perf_counter()
    from langscan import Detector

    det = Detector(expect="en")
    for t in texts:
        det.scan(t)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    det = Detector(expect="en")
    for t in texts:
        det.scan(t)
    warm = time.perf_counter() - t0
    print(json.dumps({"first": first, "warm": warm, "load": la}))


def first_pass(kind: str, huge_mb: float) -> dict:
    proc = subprocess.run([sys.executable, "-m", "benchmarks.speed", "--first-pass-child", kind,
                           "--huge-mb", str(huge_mb)], cwd=REPO, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))
    if proc.returncode:
        return {"error": proc.stderr[-400:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ where the time goes
class _Timed:
    """Stands in for a model object: its ``method`` calls go through, and their seconds add up in ``acc[key]``."""

    def __init__(self, inner, method: str, acc: dict, key: str) -> None:
        self._inner, self._method, self._acc, self._key = inner, method, acc, key

    def __getattr__(self, name):
        attr = getattr(self._inner, name)
        if name != self._method:
            return attr

        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                self._acc[self._key] += time.perf_counter() - t0
        return timed


def where_time_goes(texts: list[str]) -> dict:
    """Seconds of one warm pass (a fresh Detector, the models loaded), of it inside fastText's and lingua's
    calls, and of folding and splitting the texts alone (the least a word-based screen in Python does)."""
    from langscan import Detector
    from langscan.detect import lingua_evidence
    from langscan.detect.text import fold
    from langscan.lid import load_model

    model = load_model()
    lingua = lingua_evidence._load()
    acc = {"fasttext": 0.0, "lingua": 0.0}
    raw = model._raw
    model._raw = _Timed(raw, "predict", acc, "fasttext")
    lingua_evidence._detector = _Timed(lingua, "compute_language_confidence_values", acc, "lingua")
    try:
        det = Detector(expect="en")
        t0 = time.perf_counter()
        for t in texts:
            det.scan(t)
        total = time.perf_counter() - t0
    finally:
        model._raw = raw
        lingua_evidence._detector = lingua
    t0 = time.perf_counter()
    for t in texts:
        set(fold(t).split())
    floor = time.perf_counter() - t0
    return {"total": total, "fasttext": acc["fasttext"], "lingua": acc["lingua"], "fold_split": floor, "load": load()}


_LOAD_TIMES = (
    "import json,time\n"
    "t=time.perf_counter()\n"
    "from langscan.lid import load_model\n"
    "load_model()\n"
    "a=time.perf_counter()\n"
    "from langscan.detect import lingua_evidence\n"
    "lingua_evidence._load()\n"
    "b=time.perf_counter()\n"
    "print(json.dumps({'fasttext': a-t, 'lingua': b-a}))\n"
)


def model_load_times() -> dict:
    """Seconds to load fastText's model and to build lingua's detector, in a fresh process."""
    proc = subprocess.run([sys.executable, "-c", _LOAD_TIMES], cwd=REPO, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))
    if proc.returncode:
        return {"error": proc.stderr[-400:]}
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["load"] = load()
    return out


# ------------------------------------------------------------------ start-up
# A child forked from this (large) process would report this process's RSS as its own peak, so a small
# wrapper interpreter starts each timed command and reports its wall time and the child's peak RSS.
_WRAP = (
    "import os,subprocess,sys,time\n"
    "t=time.perf_counter()\n"
    "p=subprocess.Popen(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\n"
    "_,st,ru=os.wait4(p.pid,0)\n"
    "print(time.perf_counter()-t, ru.ru_maxrss, os.waitstatus_to_exitcode(st))\n"
)


def _run_timed(cmd: list[str], cwd: str) -> tuple[float, int]:
    """Wall seconds and peak RSS (kB) of one fresh process, which must exit 0: a command that fails at once
    (an install pointing elsewhere: "No module named langscan.cli") would otherwise time as a fast start."""
    out = subprocess.run([sys.executable, "-c", _WRAP, *cmd], cwd=cwd, capture_output=True, text=True).stdout
    wall, rss, code = out.split()
    if int(code) != 0:
        raise SystemExit(f"speed: {' '.join(cmd)} exited {code}; run it by hand to see why (is langscan installed "
                         f"from this checkout? pip install -e .)")
    return float(wall), int(rss)


def _compile_bytecode() -> None:
    """Write langscan's .pyc files first, as ``pip install`` does for an installed package: without them
    (an editable checkout under PYTHONDONTWRITEBYTECODE) every start recompiles the sources (~50 ms)."""
    import compileall

    import langscan

    compileall.compile_dir(str(Path(langscan.__file__).parent), quiet=1, force=False)


def startup(n: int = 10) -> dict:
    _compile_bytecode()
    exe = [sys.executable, "-m", "langscan"]
    from shutil import which

    if which("langscan"):
        exe = [which("langscan")]
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.md"
        small.write_text("# Notes\n\nThe release adds a faster reader and fixes two bugs in the parser.\n"
                         "Thanks to everyone who tested the beta.\n", encoding="utf-8")
        out = {}
        for name, cmd in (("--version", exe + ["--version"]), ("scan small.md", exe + ["scan", str(small)])):
            la = load()
            runs = [_run_timed(cmd, tmp) for _ in range(n)]
            out[name] = {"median_s": statistics.median(r[0] for r in runs),
                         "peak_rss_mb": max(r[1] for r in runs) / 1024, "load": la, "runs": n}
    return out


# ------------------------------------------------------------------ report
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--huge-mb", type=float, default=8.0)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--first-pass-child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.first_pass_child:
        first_pass_child(args.first_pass_child, args.huge_mb)
        return 0

    data = corpora(args.huge_mb)
    cld2_texts = {k: _cld2_safe(v) for k, v in data.items()}
    raw, conv = cld2_raw(), cld2_offsets()
    # warm the model once so "langscan" is the steady state; the first pass is measured apart
    from langscan import Detector
    Detector(expect="en").scan("Warm-up: Alle Rechte vorbehalten. Заголовок открываемого материала")
    rows = []
    for kind in KINDS:
        texts = data[kind]
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        row = {"kind": kind, "docs": len(texts), "mb": mb}
        for name, fn, tx in (("cld2-raw", lambda ts: [raw(t) for t in ts], cld2_texts[kind]),
                             ("cld2", lambda ts: [conv(t) for t in ts], cld2_texts[kind]),
                             ("langscan", langscan_fresh(), texts)):
            med, la, times = time_rounds(fn, tx, args.rounds)
            row[name] = {"mb_s": mb / med, "load": la, "seconds": times}
        row["where"] = where_time_goes(texts)
        fp = first_pass(kind, args.huge_mb)
        if "first" in fp:
            row["langscan-first"] = {"mb_s": mb / fp["first"], "load": fp["load"],
                                     "warm_same_process_mb_s": mb / fp["warm"], "first_s": fp["first"],
                                     "warm_same_process_s": fp["warm"]}
        rows.append(row)
        print(f"{kind:24} {mb:6.2f} MB  cld2 {row['cld2']['mb_s']:6.2f}  raw {row['cld2-raw']['mb_s']:6.2f}  "
              f"langscan {row['langscan']['mb_s']:6.2f}  first {row.get('langscan-first', {}).get('mb_s', 0):6.2f}"
              f"  load {row['langscan']['load']:.2f}", flush=True)
    loads = model_load_times()
    st = startup()
    for k, v in st.items():
        print(f"{k:16} median {v['median_s']:.3f} s  peak RSS {v['peak_rss_mb']:.0f} MB  load {v['load']:.2f}")
    result = {"when": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": _machine(),
              "rounds": args.rounds, "rows": rows, "startup": st, "model_load": loads}
    if not args.no_write:
        (REPO / "benchmarks" / "results").mkdir(exist_ok=True)
        (REPO / "benchmarks" / "results" / "speed.json").write_text(json.dumps(result, indent=1))
        write_doc(result)
    return 0


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


TARGETS = {"clean English": 1.5, "English with fragments": 1.0, "non-English documents": 1.0}  # issue 10


def _where_lines(r: dict) -> list[str]:
    """The section saying what the issue's targets leave for langscan's own code (``where_time_goes``)."""
    rows = [row for row in r["rows"] if "where" in row]
    if not rows:
        return []
    out = ["", "## What the targets leave for langscan's own code", "",
           "One more warm pass per corpus (a fresh `Detector`, the models loaded), with the seconds spent inside",
           "the models' own calls added up: fastText (`lid.176.ftz`, the core model) and lingua. *Models only* is",
           "the throughput langscan would have if none of its Python took any time; *fold + split* is the least a",
           "word-based screen in Python does (fold the text, split it, the set of its words). *Allowed* is the",
           "time the issue's target ratio leaves langscan, from CLD2's time (with offsets) in the same run. Where",
           "*allowed* is less than the time in the models, or hardly more than *fold + split*, no work on langscan's",
           "Python meets the target: the models would have to be asked less, or the stage run compiled.", "",
           "| corpus | CLD2 + offsets | target | allowed | langscan | in fastText | in lingua | models only | fold + split | load |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        w, mb = row["where"], row["mb"]
        cld2_s = mb / row["cld2"]["mb_s"]
        target = TARGETS.get(row["kind"])
        allowed = f"{cld2_s / target:.3f} s" if target else "-"
        models = w["fasttext"] + w["lingua"]
        ceiling = f"{mb / models:.1f} MB/s" if models > 0 else "-"
        out.append(f"| {row['kind']} | {cld2_s:.3f} s | {f'{target:.1f}x' if target else '-'} | {allowed} | "
                   f"{w['total']:.3f} s | {w['fasttext']:.3f} s | {w['lingua']:.3f} s | {ceiling} | "
                   f"{w['fold_split']:.3f} s ({mb / w['fold_split']:.0f} MB/s) | {w['load']:.2f} |")
    ml = r.get("model_load", {})
    firsts = [row for row in r["rows"] if "first_s" in row.get("langscan-first", {})]
    if firsts and "fasttext" in ml:
        out += ["", "The first pass in a fresh process loads what the scan needs as it goes. The target (first pass",
                "within 20 % of the warm figure) allows a fifth of the warm pass for loading. Loading the two models",
                f"alone in a fresh process took {ml['fasttext']:.3f} s (fastText) and {ml['lingua']:.3f} s (lingua, "
                f"its Latin-script models; load {ml['load']:.2f}).", "",
                "| corpus | first pass | warm pass, same process | loading (first - warm) | allowed (0.2 x warm) |",
                "|---|---:|---:|---:|---:|"]
        for row in firsts:
            f = row["langscan-first"]
            out.append(f"| {row['kind']} | {f['first_s']:.3f} s | {f['warm_same_process_s']:.3f} s | "
                       f"{f['first_s'] - f['warm_same_process_s']:.3f} s | {0.2 * f['warm_same_process_s']:.3f} s |")
    return out


def write_doc(r: dict) -> None:
    lines = [
        "# Speed: langscan beside CLD2", "",
        f"Measured {r['when']} on {r['machine']} by `python -m benchmarks.speed` ({r['rounds']} rounds, median).",
        "Every figure is single-process throughput in MB/s of UTF-8 input, from the same run; `load` is the",
        "1-minute load average read just before that timing (on 2 cores, a load above ~1 means another",
        "process shared the CPU and the figure is pessimistic). langscan's figure uses a fresh `Detector` per",
        "round (an empty verdict cache); its first pass in a fresh process, lazy loading included, is beside it.",
        "CLD2 is shown raw and with its byte offsets converted to code points (one pass), as langscan reports.",
        "Corpora: *clean English* is the article text of the English pages of the article-extraction benchmark",
        "(page language from the hand labels in benchmarks/realpages; its 20 non-English articles go to *non-English",
        "documents*, beside the benchmark corpus's documents and the non-English readability pages); *English with",
        "fragments* is the benchmark corpus's English documents holding labelled fragments; *one huge document* is",
        "those repeated into one text, every part numbered so no line repeats.",
        "", "![throughput](speed.png)", "",
        "| corpus | docs | MB | CLD2 raw | CLD2 + offsets | langscan | langscan first pass | ratio vs CLD2 + offsets | load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in r["rows"]:
        fp = row.get("langscan-first", {}).get("mb_s", float("nan"))
        ratio = row["langscan"]["mb_s"] / row["cld2"]["mb_s"]
        lines.append(f"| {row['kind']} | {row['docs']} | {row['mb']:.2f} | {row['cld2-raw']['mb_s']:.1f} | "
                     f"{row['cld2']['mb_s']:.1f} | {row['langscan']['mb_s']:.1f} | {fp:.1f} | {ratio:.2f}x | "
                     f"{row['langscan']['load']:.2f} |")
    lines += _where_lines(r)
    lines += ["", "| start-up (fresh process, median of 10) | wall | peak RSS | load |", "|---|---:|---:|---:|"]
    for k, v in r["startup"].items():
        lines.append(f"| `langscan {k}` | {v['median_s']:.3f} s | {v['peak_rss_mb']:.0f} MB | {v['load']:.2f} |")
    lines += ["", "Start-up runs the installed `langscan` console script with its bytecode compiled first, as",
              "`pip install` leaves it (an editable checkout without `.pyc` files recompiles ~50 ms at every start)."]
    lines += ["", "Parallel scaling (`--jobs 2` vs `--jobs 1`) and memory on a 1 GB JSONL are in",
              "[benchmarks-scale.md](benchmarks-scale.md).", ""]
    (REPO / "docs" / "speed.md").write_text("\n".join(lines), encoding="utf-8")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        kinds = [row["kind"] for row in r["rows"]]
        series = [("CLD2 raw", "cld2-raw"), ("CLD2 + offsets", "cld2"), ("langscan", "langscan")]
        fig, ax = plt.subplots(figsize=(8, 3.6))
        w = 0.25
        for i, (label, key) in enumerate(series):
            ax.bar([x + i * w for x in range(len(kinds))], [row[key]["mb_s"] for row in r["rows"]], w, label=label)
        ax.set_xticks([x + w for x in range(len(kinds))], kinds, fontsize=8)
        ax.set_ylabel("MB/s, one process")
        ax.set_title(f"Throughput ({r['when']})", fontsize=9)
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(REPO / "docs" / "speed.png", dpi=110)
    except ImportError:
        pass


if __name__ == "__main__":
    raise SystemExit(main())
