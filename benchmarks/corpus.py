"""Loading the committed labelled corpus and choosing documents for a run."""
from __future__ import annotations

import json
import os
from pathlib import Path

CORPUS = Path(os.environ.get("LANGSCAN_BENCH_CORPUS") or Path(__file__).resolve().parent / "data" / "corpus.jsonl")


def load_corpus(path: Path | str = CORPUS) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def select(docs: list[dict], split: str = "dev", quick: bool = False, limit: int | None = None) -> list[dict]:
    """Documents of ``split`` ("dev", "heldout", "all"); ``quick`` keeps an evenly spread ~1/12 of them, and
    always some of every kind, style and origin (so every table row has data)."""
    docs = [d for d in docs if split == "all" or d["split"] == split]
    if quick:
        step = 20
        picked = docs[::step]
        have = {(g["kind"], g["style"]) for d in picked for g in d["gold"]} | {("clean", d["origin"]) for d in picked if d["clean"]}
        for d in docs:
            keys = {(g["kind"], g["style"]) for g in d["gold"]} | ({("clean", d["origin"])} if d["clean"] else set())
            if keys - have:
                picked.append(d)
                have |= keys
        order = {id(d): i for i, d in enumerate(docs)}
        docs = sorted(picked, key=lambda d: order[id(d)])
    if limit is not None:
        docs = docs[:limit]
    return docs
