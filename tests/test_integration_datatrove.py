"""langscan inside a real datatrove pipeline: JSONL reader -> langscan step -> JSONL writer."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove", reason="the [datatrove] extra is not installed")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from langscan import Detector  # noqa: E402
from langscan.integrations.datatrove import LangscanFilter, LangscanStripper  # noqa: E402

DATA = Path(__file__).parent / "data"
RECORDS = [json.loads(line) for line in (DATA / "scale_records.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def expected():
    det = Detector(expect=("en",))
    return {r["id"]: det.scan(r["text"]) for r in RECORDS}


@pytest.fixture()
def shards(tmp_path):
    """The fixture split over 4 files so that 4 tasks each get work."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        with open(src / f"part{i}.jsonl", "w", encoding="utf-8") as fh:
            for r in RECORDS[i::4]:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return src


def _run(src: Path, out: Path, step, logs: Path, exclusions: Path | None = None) -> dict[str, dict]:
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(src)), step, JsonlWriter(str(out))],
        tasks=4,
        workers=2,
        logging_dir=str(logs),
    ).run()
    rows = {}
    for path in sorted(out.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                rows[row["id"]] = row
    return rows


@pytest.mark.slow
def test_filter_label_only_annotates_every_document(shards, tmp_path, expected):
    rows = _run(shards, tmp_path / "out", LangscanFilter(expect="en", label_only=True), tmp_path / "logs")
    assert set(rows) == {r["id"] for r in RECORDS}
    for rid, row in rows.items():
        meta = row["metadata"]
        want = expected[rid]
        assert meta["langscan_count"] == len(want)
        assert meta["langscan_findings"] == [{**f.to_dict(), "detail": f.detail, "repair": f.repair} for f in want]
        assert meta["langscan_languages"] == sorted({f.lang for f in want})
        for f in meta["langscan_findings"]:
            assert row["text"][f["start"] : f["end"]] == f["text"]
    founding = rows["news-005"]["metadata"]["langscan_findings"]
    assert [f["text"] for f in founding].count("الدفاع الوطني - القناة الرسمية") == 2
    assert rows["news-001"]["metadata"]["langscan_count"] == 0  # €, names, numbers: clean


@pytest.mark.slow
def test_filter_drops_flagged_documents(shards, tmp_path, expected):
    from datatrove.pipeline.writers import JsonlWriter as Writer

    step = LangscanFilter(expect=("en",), exclusion_writer=Writer(str(tmp_path / "dropped")))
    rows = _run(shards, tmp_path / "out", step, tmp_path / "logs")
    assert set(rows) == {rid for rid, found in expected.items() if not found}
    assert "news-005" not in rows and "news-001" in rows
    dropped = {}
    for path in (tmp_path / "dropped").glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            dropped.update((json.loads(line)["id"], json.loads(line)) for line in fh)
    assert set(dropped) == {rid for rid, found in expected.items() if found}
    for row in dropped.values():
        assert row["metadata"]["filter_reason"].startswith("langscan_")


@pytest.mark.slow
def test_stripper_removes_fragments_and_keeps_english(shards, tmp_path, expected):
    rows = _run(shards, tmp_path / "out", LangscanStripper(expect="en"), tmp_path / "logs")
    source = {r["id"]: r["text"] for r in RECORDS}
    assert set(rows) == set(source)
    for rid, row in rows.items():
        fragments = [f for f in expected[rid] if f.kind.value != "document"]
        if not fragments:
            assert row["text"] == source[rid]
        for f in fragments:
            assert f.text not in row["text"]
    founding = rows["news-005"]["text"]
    assert "Syria's army uses the TOS-1 thermobaric MLRS" in founding and "Hmeimim" in founding
    assert "Заголовок открываемого материала" not in founding
    assert "The Naval Command said" in rows["news-007"]["text"]  # homoglyph word repaired, not cut


@pytest.mark.slow
def test_example_pipeline_runs_as_written(tmp_path, expected):
    """examples/datatrove_pipeline.py on its bundled sample, the way the README tells users to run it."""
    import subprocess
    import sys

    example = Path(__file__).parent.parent / "examples" / "datatrove_pipeline.py"
    if not example.exists():
        pytest.skip("examples/ is not part of this installation (sdist/wheel test)")
    out = tmp_path / "out"
    subprocess.run([sys.executable, str(example), str(example.parent / "data"), str(out), "--mode", "drop"],
                   check=True, capture_output=True, timeout=300)
    kept = set()
    for path in (out / "output").glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            kept.update(json.loads(line)["id"] for line in fh)
    sample = [json.loads(line)["id"] for line in (example.parent / "data" / "sample.jsonl").read_text().splitlines()]
    assert kept == {rid for rid in sample if not expected.get(rid)}
