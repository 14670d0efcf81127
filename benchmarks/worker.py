"""Run one tool over a set of corpus documents in its own process (clean peak RSS, isolated failures).

    python -m benchmarks.worker TOOL IDS.json OUT.json

Writes {"tool", "load_seconds", "peak_rss_mb", "base_rss_mb", "docs": {id: {"seconds", "findings"}}, "error"}.
The tool is loaded and warmed up on a short text first; that time is ``load_seconds`` and is not counted
in throughput.
"""
from __future__ import annotations

import json
import resource
import sys
import time
import traceback

from .corpus import load_corpus
from .tools import FACTORIES

WARMUP = "Warm-up text for the language detector. Это тест. これはテストです。"


def _rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv=None):
    tool, ids_path, out_path = (argv or sys.argv[1:])[:3]
    ids = json.load(open(ids_path))
    docs = [d for d in load_corpus() if d["id"] in set(ids)]
    base = _rss_mb()
    result = {"tool": tool, "docs": {}, "error": None, "base_rss_mb": base}
    try:
        t0 = time.perf_counter()
        scan = FACTORIES[tool]()
        scan(WARMUP)
        result["load_seconds"] = time.perf_counter() - t0
        for d in docs:
            t = time.perf_counter()
            findings = scan(d["text"])
            result["docs"][d["id"]] = {"seconds": time.perf_counter() - t, "findings": findings}
    except ImportError as e:
        result["error"] = f"not installed: {e}"
    except Exception:  # a broken tool must not stop the other tools' figures
        result["error"] = traceback.format_exc(limit=3)
    result["peak_rss_mb"] = _rss_mb()
    with open(out_path, "w") as fh:
        json.dump(result, fh)


if __name__ == "__main__":
    main()
