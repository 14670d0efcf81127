"""Do two versions of langscan report the same findings? (an equality check for speed work, issue 10)

    python -m benchmarks.same_findings [--base REF] [--huge-mb 8] [--only speed,corpus,pages]

Scans, with the code of this checkout and with the code of ``REF`` (default: the merge base of HEAD and
``main``, exported with ``git archive`` to a temporary folder), every text of

- the speed corpora of ``benchmarks/speed.py`` (clean English, English with fragments, non-English
  documents, one huge document),
- the synthetic benchmark corpus (``benchmarks/data/corpus.jsonl``, every split),
- the labelled real pages of ``benchmarks/realpages`` (both corpora, every split; each with its page
  language as the expected one),

each with ``Detector(expect=...)`` in its own process, and compares every finding: kind, start, end,
lang, score (rounded to 4 places), context. Exit status 1 when anything differs (the first differences
are printed). The base's findings are cached under benchmarks/results/ keyed by its commit.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "benchmarks" / "results" / "same_findings"
PARTS = ("speed", "corpus", "pages")


def texts(parts, huge_mb: float) -> list[tuple[str, str, str]]:
    """(name, expected language, text) of every text checked."""
    out = []
    if "speed" in parts:
        from benchmarks.realpages.pages import CORPORA_ROOT

        os.environ.setdefault("LANGSCAN_CORPORA", str(CORPORA_ROOT))  # the same shared corpora as the pages
        from benchmarks.speed import corpora

        for kind, ts in corpora(huge_mb).items():
            out += [(f"speed/{kind}/{i}", "en", t) for i, t in enumerate(ts)]
    if "corpus" in parts:
        from benchmarks.corpus import load_corpus

        for i, d in enumerate(load_corpus()):
            out.append((f"corpus/{d['id']}", "en", d["text"]))
    if "pages" in parts:
        from benchmarks.realpages.evaluate import load_pages

        pages, _ = load_pages(("readability", "articles"), "all")
        out += [(f"pages/{p.corpus}/{p.name}", p.lang, p.text) for p in pages]
    return out


def dump(parts, huge_mb: float, path: str) -> None:
    """Scan every text with the langscan on sys.path and write its findings as JSON lines."""
    from langscan import Detector

    dets: dict[str, object] = {}
    with open(path, "w", encoding="utf-8") as fh:
        for name, lang, text in texts(parts, huge_mb):
            det = dets.get(lang)
            if det is None:
                det = dets[lang] = Detector(expect=lang)
            found = [[f.kind.value, f.start, f.end, f.lang, round(f.score, 4), f.context] for f in det.scan(text)]
            fh.write(json.dumps([name, found], ensure_ascii=False) + "\n")


def _run(code_root: Path, parts, huge_mb: float, out: Path) -> None:
    # the texts always come from this checkout's benchmarks (the same inputs for both versions)
    env = dict(os.environ, PYTHONPATH=f"{code_root}{os.pathsep}{REPO}")
    proc = subprocess.run([sys.executable, "-c",
                           "import sys; sys.path[:0] = sys.argv[1:3]; from benchmarks.same_findings import dump; "
                           f"dump({list(parts)!r}, {huge_mb!r}, sys.argv[3])",
                           str(code_root), str(REPO), str(out)], cwd=str(code_root), env=env)
    if proc.returncode:
        raise SystemExit(f"scan with {code_root} failed")


def _export(ref: str, dest: Path) -> None:
    data = subprocess.run(["git", "archive", ref, "langscan", "models"], cwd=REPO, capture_output=True,
                          check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(dest)


def _load(path: Path) -> dict:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, found = json.loads(line)
        out[name] = found
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default=None, help="git ref to compare with (default: merge-base HEAD main)")
    ap.add_argument("--huge-mb", type=float, default=8.0)
    ap.add_argument("--only", default=",".join(PARTS))
    args = ap.parse_args(argv)
    parts = tuple(p for p in args.only.split(",") if p)
    ref = args.base or subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=REPO, capture_output=True,
                                      text=True, check=True).stdout.strip()
    commit = subprocess.run(["git", "rev-parse", ref], cwd=REPO, capture_output=True, text=True,
                            check=True).stdout.strip()
    CACHE.mkdir(parents=True, exist_ok=True)
    base_out = CACHE / f"{commit[:12]}-{'-'.join(parts)}-{args.huge_mb:g}.jsonl"
    if not base_out.exists():
        with tempfile.TemporaryDirectory() as tmp:
            _export(commit, Path(tmp))
            _run(Path(tmp), parts, args.huge_mb, base_out.with_suffix(".tmp"))
            os.replace(base_out.with_suffix(".tmp"), base_out)
    mine_out = CACHE / "worktree.jsonl"
    _run(REPO, parts, args.huge_mb, mine_out)
    base, mine = _load(base_out), _load(mine_out)
    diffs = [n for n in base if base[n] != mine.get(n)] + [n for n in mine if n not in base]
    n_find = sum(len(v) for v in base.values())
    print(f"base {commit[:12]}: {len(base)} texts, {n_find} findings; this checkout: {len(mine)} texts, "
          f"{sum(len(v) for v in mine.values())} findings; texts that differ: {len(diffs)}")
    for n in diffs[:10]:
        b, m = base.get(n, []), mine.get(n, [])
        print(f"  {n}: only base {[f for f in b if f not in m][:3]} only here {[f for f in m if f not in b][:3]}")
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())
