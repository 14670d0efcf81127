"""Issue 14, part 4: memory bounded by a setting for huge lines and fields. A text line is cut
into chunk-sized pieces (each located at its true column); a JSONL line or CSV record over
LANGSCAN_MAX_RECORD_BYTES is an error for that record, read past without being held."""

from __future__ import annotations

import gzip
import json
import os

from conftest import ENGLISH, RUSSIAN

from langscan.readers import ReaderOptions, ReadError, read_inputs
from langscan.document import Document


def test_one_line_gzip_is_read_in_bounded_pieces(tmp_path):
    filler = "word " * 200_000  # 1 MB on one line, no newline
    p = tmp_path / "one.txt.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write("First line.\n" + filler + RUSSIAN + " and the end")
    opts = ReaderOptions(whole_limit=64 * 1024, chunk_size=32 * 1024)
    docs = [d for d in read_inputs([str(p)], opts)]
    assert all(isinstance(d, Document) for d in docs)
    assert max(len(d.text) for d in docs) <= 32 * 1024
    assert "".join(d.text for d in docs) == "First line.\n" + filler + RUSSIAN + " and the end"
    (doc,) = [d for d in docs if "Заголовок" in d.text]
    assert doc.source_position(doc.text.index("Заголовок")) == (2, len(filler) + 1)


def test_oversized_jsonl_record_is_skipped_with_an_error(tmp_path, cli):
    p = tmp_path / "r.jsonl"
    p.write_text(json.dumps({"text": "x " * 50_000}) + "\n" + json.dumps({"text": f"Next. {RUSSIAN}"},
                                                                         ensure_ascii=False) + "\n", encoding="utf-8")
    env = dict(os.environ, LANGSCAN_MAX_RECORD_BYTES="10000")
    r = cli("scan", p, env=env)
    assert r.returncode == 2, r
    assert "r.jsonl:1: error: record of 100,013 bytes is longer than the limit of 10,000" in r.stderr
    assert "[record 2, field text]" in r.stdout  # the scan went on


def test_oversized_csv_field_is_an_error(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text('id,text\n1,"' + ("a" * 3000 + "\n") * 5 + '"\n2,ok\n', encoding="utf-8")
    items = list(read_inputs([str(p)], ReaderOptions(max_record_bytes=4000)))
    errs = [i for i in items if isinstance(i, ReadError)]
    assert len(errs) == 1 and "longer than the limit of 4,000 bytes" in errs[0].message


def test_clean_streams_jsonl_never_inflating_it_whole(tmp_path, monkeypatch):
    """`clean` of a JSONL file (compressed or not) goes batch by batch from the decompressing
    reader to the compressing writer: the whole-file decompression is never called, and the
    result is the same as cleaning the records one by one."""
    import importlib
    import io

    from langscan.clean import codec

    run_module = importlib.import_module("langscan.clean.run")
    CleanOptions, run = run_module.CleanOptions, run_module.run

    lines = [json.dumps({"id": i, "text": ENGLISH + (RUSSIAN if i % 3 == 0 else "")}, ensure_ascii=False)
             for i in range(300)]
    src = tmp_path / "r.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")

    def whole(*a, **k):
        raise AssertionError("the whole file was decompressed into memory")

    monkeypatch.setattr(codec, "decompress", whole)
    monkeypatch.setattr(run_module, "STREAM_BATCH", 4096, raising=False)  # many batches
    code, results = run([str(src)], CleanOptions(), in_place=True, err=io.StringIO())
    assert code == 0 and results[0].changed and results[0].acted == 100
    out = gzip.open(src, "rt", encoding="utf-8").read().splitlines()
    assert [json.loads(l)["id"] for l in out] == list(range(300))
    assert all(json.loads(l)["text"] == ENGLISH.strip() or json.loads(l)["text"] == ENGLISH for l in out)
