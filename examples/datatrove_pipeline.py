"""A FineWeb-style datatrove pipeline with langscan: JSONL in -> langscan -> JSONL out.

Runs as written on one machine on the bundled sample:

    pip install "langscan[datatrove]"
    python examples/datatrove_pipeline.py                      # label: keep all, annotate metadata
    python examples/datatrove_pipeline.py --mode drop          # drop documents with findings
    python examples/datatrove_pipeline.py --mode strip         # cut the fragments out of the text

On a cluster, the same steps run under datatrove's other executors:

    python examples/datatrove_pipeline.py s3://bucket/crawl/ s3://bucket/out/ --executor slurm --tasks 1000
    python examples/datatrove_pipeline.py /shared/crawl/ /shared/out/ --executor ray --tasks 200

(Slurm: sbatch on the submitting node; Ray: an existing `ray start` cluster.  The
logging folder must then be on a filesystem every node sees.)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from langscan.integrations.datatrove import LangscanFilter, LangscanStripper

HERE = Path(__file__).parent


def pipeline(src: str, out: str, mode: str, expect: list[str]) -> list:
    if mode == "strip":
        step = LangscanStripper(expect=expect, annotate=True)
    else:
        step = LangscanFilter(
            expect=expect,
            label_only=(mode == "label"),
            exclusion_writer=JsonlWriter(f"{out}/removed") if mode == "drop" else None,
        )
    return [JsonlReader(src, glob_pattern="*.jsonl*"), step, JsonlWriter(f"{out}/output")]


def executor(steps: list, args):
    logs = f"{args.output}/logs"
    if args.executor == "slurm":
        from datatrove.executor import SlurmPipelineExecutor

        return SlurmPipelineExecutor(
            pipeline=steps, tasks=args.tasks, workers=args.workers, time="04:00:00", partition=args.partition,
            cpus_per_task=1, mem_per_cpu_gb=2, logging_dir=logs, job_name="langscan",
        )
    if args.executor == "ray":
        from datatrove.executor import RayPipelineExecutor

        return RayPipelineExecutor(
            pipeline=steps, tasks=args.tasks, workers=args.workers, cpus_per_task=1, mem_per_cpu_gb=2, logging_dir=logs
        )
    from datatrove.executor import LocalPipelineExecutor

    return LocalPipelineExecutor(pipeline=steps, tasks=args.tasks, workers=args.workers, logging_dir=logs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", nargs="?", default=str(HERE / "data"), help="folder of .jsonl(.gz) files (any fsspec URL)")
    ap.add_argument("output", nargs="?", default="langscan-datatrove-out", help="output folder")
    ap.add_argument("--mode", choices=("label", "drop", "strip"), default="label")
    ap.add_argument("--expect", default="en", help="expected language(s), comma-separated")
    ap.add_argument("--executor", choices=("local", "slurm", "ray"), default="local")
    ap.add_argument("--tasks", type=int, default=4, help="shards of the input (one model load per task process)")
    ap.add_argument("--workers", type=int, default=2, help="tasks run at once (local: one per core)")
    ap.add_argument("--partition", default="cpu", help="Slurm partition")
    args = ap.parse_args()
    steps = pipeline(args.input, args.output, args.mode, args.expect.split(","))
    executor(steps, args).run()
    print(f"done: {args.output}/output")


if __name__ == "__main__":
    main()
