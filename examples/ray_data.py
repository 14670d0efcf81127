"""Ray Data with langscan: read JSONL, add findings to every row, write clean and flagged rows.

Runs as written on one machine on the bundled sample (starts a local Ray):

    pip install "langscan[ray]"
    python examples/ray_data.py
    python examples/ray_data.py /data/crawl/ out/ --actors 8      # a bigger folder, 8 model-holding actors

On a cluster, start Ray there (`ray start --head` / `--address`) and pass
--address auto; the same code then spreads the actors over the nodes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import ray

from langscan.integrations.ray import LangscanBatchScanner

HERE = Path(__file__).parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", nargs="?", default=str(HERE / "data"), help="folder or file of JSONL records with a 'text' field")
    ap.add_argument("output", nargs="?", default="langscan-ray-out")
    ap.add_argument("--expect", default="en")
    ap.add_argument("--actors", type=int, default=2, help="at most this many actors, each with its own model")
    ap.add_argument("--address", default=None, help="an existing Ray cluster ('auto'); default: start a local one")
    ap.add_argument("--num-cpus", type=int, default=None, help="CPUs for the local Ray (default: all)")
    args = ap.parse_args()

    ray.init(address=args.address, num_cpus=args.num_cpus if args.address is None else None)
    ds = ray.data.read_json(args.input)
    scanned = ds.map_batches(
        LangscanBatchScanner,
        fn_constructor_kwargs={"expect": tuple(args.expect.split(",")), "strip_column": "text_clean"},
        batch_format="pyarrow",
        batch_size=256,
        # grow from one actor: a fixed pool holding every CPU would leave none for the read tasks
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=args.actors),
    ).materialize()
    scanned.filter(lambda row: row["langscan_count"] == 0).write_json(f"{args.output}/clean")
    flagged = scanned.filter(lambda row: row["langscan_count"] > 0)
    flagged.write_json(f"{args.output}/flagged")
    print(f"{scanned.count()} rows, {flagged.count()} with findings -> {args.output}/")
    for row in flagged.take(3):
        print(row["id"], [(f["lang"], f["text"]) for f in row["langscan_findings"]])


if __name__ == "__main__":
    main()
