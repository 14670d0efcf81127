"""Generated corpora for the scale benchmark: large JSONL shards and many small files.

Source text: the benchmark corpus (benchmarks/data/corpus.jsonl: English news
articles and pages, some with gold artifacts), else the English article bodies
of /work/shared/corpora/article-extraction-benchmark (MIT, Scrapinghub).
Records are drawn with artifacts at ``rate`` (default 7 % of records carry
one), and every line is lightly perturbed (digits re-drawn, one word dropped,
one repeated) so that the detector's per-line cache sees mostly new lines, as
it would on a real corpus, instead of the same 600 records again and again.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).parent
BENCH_CORPUS = HERE / "data" / "corpus.jsonl"
ARTICLES = Path("/work/shared/corpora/article-extraction-benchmark/ground-truth.json")
_EN_WORDS = frozenset("the and of to in a is that for it was on with as by at from said".split())


def _sources() -> tuple[list[str], list[str]]:
    """(clean texts, texts with artifacts)."""
    if BENCH_CORPUS.exists():
        rows = [json.loads(line) for line in BENCH_CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
        clean = [r["text"] for r in rows if r.get("clean")]
        dirty = [r["text"] for r in rows if not r.get("clean")]
        if clean and dirty:
            return clean, dirty
    data = json.loads(ARTICLES.read_text(encoding="utf-8"))
    clean = []
    for v in data.values():
        words = v["articleBody"].lower().split()
        if words and sum(w in _EN_WORDS for w in words) / len(words) > 0.12:
            clean.append(v["articleBody"])
    dirty = [t + "\nEnglish Русский Deutsch Français\n© 2019 Alle Rechte vorbehalten." for t in clean[::5]]
    return clean, dirty


def _perturb(line: str, rng: random.Random) -> str:
    line = re.sub(r"\d", lambda _: str(rng.randrange(10)), line)
    words = line.split(" ")
    if len(words) > 6:
        del words[rng.randrange(len(words))]
        i = rng.randrange(len(words))
        words.insert(i, words[i])
    return " ".join(words)


class RecordMaker:
    """Endless stream of realistic record texts (seeded, reproducible)."""

    def __init__(self, rate: float = 0.07, seed: int = 0):
        self.clean, self.dirty = _sources()
        self.rate = rate
        self.rng = random.Random(seed)

    def text(self, max_chars: int = 0) -> str:
        rng = self.rng
        src = rng.choice(self.dirty if rng.random() < self.rate else self.clean)
        text = "\n".join(_perturb(line, rng) for line in src.split("\n"))
        if max_chars and len(text) > max_chars:
            cut = text.rfind("\n", 0, max_chars)
            text = text[: cut if cut > max_chars // 3 else max_chars]
        return text


def build_jsonl(folder: Path, size_mb: float, shards: int = 8, rate: float = 0.07, seed: int = 0) -> list[Path]:
    """About ``size_mb`` MB of JSONL records split over ``shards`` files (reused if present)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"shard-{i:02d}.jsonl" for i in range(shards)]
    stamp = folder / "MADE"
    want = f"{size_mb} {shards} {rate} {seed}"
    if stamp.exists() and stamp.read_text() == want and all(p.exists() for p in paths):
        return paths
    maker = RecordMaker(rate, seed)
    per_shard = int(size_mb * 1e6 / shards)
    n = 0
    for p in paths:
        with open(p, "w", encoding="utf-8") as fh:
            written = 0
            while written < per_shard:
                line = json.dumps({"id": f"r{n}", "text": maker.text(), "source": "langscan-scale"}, ensure_ascii=False)
                fh.write(line + "\n")
                written += len(line.encode("utf-8")) + 1
                n += 1
    stamp.write_text(want)
    return paths


def concat(paths: list[Path], target: Path) -> Path:
    """One large JSONL file made of the shards (the single-big-file case)."""
    if target.exists() and target.stat().st_size == sum(p.stat().st_size for p in paths):
        return target
    with open(target, "wb") as out:
        for p in paths:
            with open(p, "rb") as fh:
                while block := fh.read(1 << 20):
                    out.write(block)
    return target


def build_small_files(folder: Path, count: int, max_chars: int = 900, rate: float = 0.07, seed: int = 1) -> Path:
    """``count`` small .txt files (pre-commit / scraped-page style), 1,000 per directory."""
    stamp = folder / "MADE"
    want = f"{count} {max_chars} {rate} {seed}"
    if stamp.exists() and stamp.read_text() == want:
        return folder
    maker = RecordMaker(rate, seed)
    for i in range(count):
        d = folder / f"d{i // 1000:03d}"
        if i % 1000 == 0:
            d.mkdir(parents=True, exist_ok=True)
        (d / f"page{i:06d}.txt").write_text(maker.text(max_chars) + "\n", encoding="utf-8")
    stamp.write_text(want)
    return folder
