"""Run one tool over a set of corpus documents in its own process (clean peak RSS, isolated failures).

    python -m benchmarks.worker TOOL IDS.json OUT.json [REPS]

Writes {"tool", "load_seconds", "peak_rss_mb", "base_rss_mb", "docs": {id: {"seconds", "findings"}}, "error"}.
The tool is loaded and warmed up on a short text first; that time is ``load_seconds`` and is not counted
in throughput. With REPS > 1 (and a first pass under 10 s) each document is timed REPS times and the best
time kept, which steadies the small per-document timings; each pass uses a fresh tool instance, so a cache a
detector keeps (langscan remembers verdicts of lines it has seen) never carries answers from one pass to the next.
"""
from __future__ import annotations

import json
import resource
import sys
import time
import traceback

from .corpus import load_corpus
from .tools import FACTORIES

MAX_REPEAT_SECONDS = 10.0
WARMUP = ("Warm-up text for the language detector, with a few lines in other languages.\n"
          "Это тест. これはテストです。 هذا اختبار. Dies ist ein Test. Ceci est un test. Esto es una prueba.\n"
          "Nаval forces met on Tuesday.")


def _rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv=None):
    args = argv or sys.argv[1:]
    tool, ids_path, out_path = args[:3]
    reps = int(args[3]) if len(args) > 3 else 1
    ids = json.load(open(ids_path))
    docs = [d for d in load_corpus() if d["id"] in set(ids)]
    base = _rss_mb()
    result = {"tool": tool, "docs": {}, "error": None, "base_rss_mb": base}
    try:
        t0 = time.perf_counter()
        scan = FACTORIES[tool]()
        scan(WARMUP)
        result["load_seconds"] = time.perf_counter() - t0
        first = time.perf_counter()
        doc_errors = []
        for d in docs:
            t = time.perf_counter()
            try:
                findings = scan(d["text"])
            except Exception as e:  # reported (count and first messages), the document scores as no findings
                doc_errors.append(f"{d['id']}: {type(e).__name__}: {e}"[:300])
                findings = []
            result["docs"][d["id"]] = {"seconds": time.perf_counter() - t, "findings": findings}
        result["doc_errors"] = doc_errors
        result["peak_rss_mb"] = _rss_mb()  # after the scoring pass: the timing passes' extra instances excluded
        # timing passes: per document, the best of ``reps`` runs (skipped for slow tools)
        reps = reps if time.perf_counter() - first < MAX_REPEAT_SECONDS else 1
        for _ in range(reps - 1):
            scan = FACTORIES[tool]()  # a fresh instance: no per-instance cache carried over from the last pass
            scan(WARMUP)
            for d in docs:
                t = time.perf_counter()
                try:
                    scan(d["text"])
                except Exception:  # already reported by the first pass
                    pass
                rec = result["docs"][d["id"]]
                rec["seconds"] = min(rec["seconds"], time.perf_counter() - t)
        result["timing_passes"] = reps
    except ImportError as e:
        result["error"] = f"not installed: {e}"
    except Exception:  # a broken tool must not stop the other tools' figures
        result["error"] = traceback.format_exc(limit=3)
    result.setdefault("peak_rss_mb", _rss_mb())
    with open(out_path, "w") as fh:
        json.dump(result, fh)


if __name__ == "__main__":
    main()
