"""langscan in Ray Data: map_batches over a JSONL dataset on a local 2-CPU Ray."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="the [ray] extra is not installed")
pytest.importorskip("ray.data", reason="the [ray] extra (ray[data]) is not installed")

from langscan import Detector  # noqa: E402
from langscan.integrations.ray import LangscanBatchScanner, scan_dataset  # noqa: E402

DATA = Path(__file__).parent / "data"
RECORDS = [json.loads(line) for line in (DATA / "scale_records.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def expected():
    det = Detector(expect=("en",))
    return {r["id"]: det.scan(r["text"]) for r in RECORDS}


def _check(rows, expected, strip_column=None):
    assert sorted(r["id"] for r in rows) == sorted(expected)
    for row in rows:
        want = expected[row["id"]]
        assert row["langscan_count"] == len(want)
        assert list(row["langscan_languages"]) == sorted({f.lang for f in want})
        assert [dict(f) for f in row["langscan_findings"]] == [{**f.to_dict(), "detail": f.detail, "repair": f.repair} for f in want]
        if strip_column:
            for f in want:
                if f.kind.value != "document":
                    assert f.text not in row[strip_column]


@pytest.mark.slow
def test_map_batches_adds_findings_to_every_row(local_ray, tmp_path, expected):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(2):  # two files: two read blocks, two actors busy
        with open(src / f"part{i}.jsonl", "w", encoding="utf-8") as fh:
            for r in RECORDS[i::2]:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    ds = ray.data.read_json(str(src))
    ds = ds.map_batches(
        LangscanBatchScanner,
        fn_constructor_kwargs={"expect": ("en",), "strip_column": "text_clean"},
        batch_format="pyarrow",
        batch_size=3,  # several batches per block, some without any finding
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=2),  # a fixed 2-actor pool would starve the reads
    )
    rows = ds.take_all()
    _check(rows, expected, strip_column="text_clean")
    founding = next(r for r in rows if r["id"] == "news-005")
    assert [f["text"] for f in founding["langscan_findings"]].count("الدفاع الوطني - القناة الرسمية") == 2


@pytest.mark.slow
def test_scan_dataset_with_pandas_and_numpy_batches(local_ray, expected):
    ds = ray.data.from_items(RECORDS)
    _check(scan_dataset(ds, expect="en", actors=1, batch_size=5).take_all(), expected)
    for fmt in ("pandas", "numpy"):
        out = ds.map_batches(LangscanBatchScanner, batch_format=fmt, batch_size=4, compute=ray.data.ActorPoolStrategy(size=1))
        _check(out.take_all(), expected)
