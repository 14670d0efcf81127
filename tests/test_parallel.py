"""scan_documents: order, determinism across --jobs, huge-document splitting, bounded work, Ctrl-C."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from langscan import Detector
from langscan.detector import DetectorOptions
from langscan.document import Document, LineIndex
from langscan.parallel import scan_documents, split_text

DATA = Path(__file__).parent / "data"
FOUNDING = (DATA / "founding_example.txt").read_text(encoding="utf-8")
OPTIONS = DetectorOptions(expect=("en",))


def _records() -> list[str]:
    return [json.loads(line)["text"] for line in (DATA / "scale_records.jsonl").read_text(encoding="utf-8").splitlines()]


def _key(results):
    return [(doc.path, [f.to_dict() for f in found]) for doc, found in results]


# ---- splitting (pure) ----------------------------------------------------------------------


def test_split_text_keeps_small_texts_whole():
    assert list(split_text("short text\n", piece_chars=4, split_chars=100)) == [(0, 1, 1, "short text\n")]


def test_split_text_cuts_at_line_ends_and_reassembles():
    text = "".join(f"Line number {i} of a longer English document.\n" for i in range(2000))
    pieces = list(split_text(text, piece_chars=5000, split_chars=10000))
    assert len(pieces) > 10
    assert "".join(p for *_, p in pieces) == text
    index = LineIndex(text)
    for base, line, col, piece in pieces:
        assert piece.endswith("\n") or base + len(piece) == len(text)
        assert index.locate(base) == (line, col) == (line, 1)
        assert len(piece) <= 5000


def test_split_text_single_huge_line_cuts_at_sentences_with_true_columns():
    sentence = "The committee met again on Thursday and agreed on the budget. "
    text = sentence * 20000  # ~1.2 M characters, no newline at all
    pieces = list(split_text(text, piece_chars=50_000, split_chars=100_000))
    assert "".join(p for *_, p in pieces) == text
    for base, line, col, piece in pieces:
        assert (line, col) == (1, base + 1)
        assert piece.endswith(". ") or base + len(piece) == len(text)


def test_split_text_unbroken_run_is_cut_hard_but_losslessly():
    text = "x" * 250_001
    pieces = list(split_text(text, piece_chars=100_000, split_chars=100_000))
    assert [len(p) for *_, p in pieces] == [100_000, 100_000, 50_001]


# ---- scanning with the real detector -----------------------------------------------------------


def _corpus(n: int) -> list[Document]:
    texts = _records()
    return [Document(texts[i % len(texts)], path=f"doc{i}.txt") for i in range(n)]


def test_serial_results_equal_detector_scan_in_input_order():
    docs = _corpus(40)
    det = Detector.from_options(OPTIONS)
    got = list(scan_documents(docs, OPTIONS, jobs=1, chunk_chars=2000))
    assert [d.path for d, _ in got] == [d.path for d in docs]
    for doc, found in got:
        assert found == det.scan(doc.text)


def test_jobs_2_gives_identical_results_to_jobs_1():
    docs = _corpus(60)
    one = _key(scan_documents(docs, OPTIONS, jobs=1, chunk_chars=3000))
    two = _key(scan_documents(docs, OPTIONS, jobs=2, chunk_chars=3000))
    assert two == one
    assert any(found for _, found in one), "the corpus has artifacts; nothing found means the comparison is empty"


def test_large_document_split_over_workers_keeps_offsets_lines_and_columns():
    text = "\n\n".join([FOUNDING] * 40)  # ~240 K characters, 6 findings... per copy
    doc = Document(text, path="big.txt")
    det = Detector.from_options(OPTIONS)
    whole = det.scan(text)
    for jobs in (1, 2):
        [(got_doc, found)] = list(scan_documents([doc], OPTIONS, jobs=jobs, piece_chars=8000, split_chars=20_000))
        assert got_doc is doc
        index = LineIndex(text)
        for f in found:
            assert text[f.start : f.end] == f.text
            assert (f.line, f.column) == index.locate(f.start)
        assert [f.to_dict() for f in found] == [f.to_dict() for f in whole]


def test_huge_single_line_is_scanned_in_pieces():
    sentence = "Officials said the new bridge would open to traffic in the spring. "
    text = sentence * 30_000 + "Заголовок открываемого материала. " + sentence * 3000
    [(_, found)] = list(scan_documents([Document(text)], OPTIONS, jobs=2, piece_chars=100_000, split_chars=200_000))
    for f in found:
        assert text[f.start : f.end] == f.text and f.line == 1 and f.column == f.start + 1
    assert any("Заголовок" in f.text for f in found)


def test_in_flight_work_is_bounded_on_an_endless_stream():
    pulled = [0]
    texts = _records()

    def endless():
        for i in itertools.count():
            pulled[0] += 1
            yield Document(texts[i % len(texts)], path=str(i))

    gen = scan_documents(endless(), OPTIONS, jobs=2, chunk_docs=4, window=3)
    seen = 0
    for doc, _ in itertools.islice(gen, 100):
        assert doc.path == str(seen)
        seen += 1
        ahead = pulled[0] - seen  # documents read but not yet handed back
        assert ahead <= (3 + 1) * 4, ahead  # the window's chunks plus the chunk being filled
    gen.close()  # closing early stops the pool


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the worker processes through /proc (Linux)")
def test_ctrl_c_stops_workers_and_keeps_output_valid(tmp_path):
    """A driver shaped like the CLI: SIGINT mid-scan -> workers gone, complete JSONL lines, exit 130."""
    out = tmp_path / "out.jsonl"
    script = tmp_path / "driver.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import itertools, json, os, sys
            from langscan.detector import DetectorOptions
            from langscan.document import Document
            from langscan.parallel import scan_documents
            texts = [json.loads(l)["text"] for l in open({str(DATA / "scale_records.jsonl")!r}, encoding="utf-8")]
            docs = (Document(texts[i % len(texts)], path=str(i)) for i in itertools.count())
            results = scan_documents(docs, DetectorOptions(expect=("en",)), jobs=2, chunk_docs=8)
            with open({str(out)!r}, "w", encoding="utf-8") as fh:
                try:
                    for doc, found in results:
                        fh.write(json.dumps({{"path": doc.path, "n": len(found)}}) + "\\n")
                        fh.flush()
                except KeyboardInterrupt:
                    results.close()
                    fh.flush()
                    sys.exit(130)
            """
        )
    )
    import langscan

    env = {**os.environ, "PYTHONPATH": str(Path(langscan.__file__).parents[1])}
    # (Ctrl-C as usual in the child, even when the test run was started in the background with it ignored)
    proc = subprocess.Popen([sys.executable, str(script)], stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size < 2000) and time.monotonic() < deadline:
        time.sleep(0.1)
        assert proc.poll() is None, proc.stderr.read()
    children = _children(proc.pid)
    assert len(children) >= 2, "the pool should be running"
    proc.send_signal(signal.SIGINT)
    rc = proc.wait(timeout=30)
    err = proc.stderr.read()
    assert rc == 130, err
    assert "Traceback" not in err, err
    time.sleep(0.5)
    assert not [pid for pid in children if _alive(pid)], "workers outlived the scan"
    lines = out.read_text().splitlines()
    assert lines and [json.loads(line)["path"] for line in lines] == [str(i) for i in range(len(lines))]


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_huge_foreign_document_is_still_one_document_finding():
    para = "Заголовок открываемого материала и ещё немного текста на русском языке о погоде и городе.\n"
    text = para * 3000  # ~270 K characters, Russian throughout
    det = Detector.from_options(OPTIONS)
    whole = det.scan(text)
    [(_, found)] = list(scan_documents([Document(text)], OPTIONS, jobs=2, piece_chars=20_000, split_chars=40_000))
    assert [f.kind.value for f in whole] == ["document"]
    assert [(f.kind.value, f.lang, f.start, f.end) for f in found] == [(f.kind.value, f.lang, f.start, f.end) for f in whole]
    assert found[0].text == text[found[0].start : found[0].end]


@pytest.mark.slow
def test_spawn_start_method_gives_the_same_results(monkeypatch):
    """macOS and Windows start workers with spawn: each loads the model in the initializer."""
    import multiprocessing as mp

    import langscan.parallel as par

    monkeypatch.setattr(par, "_mp_context", lambda: mp.get_context("spawn"))
    docs = _corpus(48)
    one = _key(scan_documents(docs, OPTIONS, jobs=1))
    two = _key(scan_documents(docs, OPTIONS, jobs=2, chunk_docs=8))
    assert two == one


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the worker processes through /proc (Linux)")
def test_a_killed_worker_is_reported_not_hung():
    from langscan.parallel import WorkerDied

    texts = _records()
    docs = (Document(texts[i % len(texts)], path=str(i)) for i in itertools.count())
    before = set(_children(os.getpid()))
    gen = scan_documents(docs, OPTIONS, jobs=2, chunk_docs=4)
    seen = 0
    with pytest.raises(WorkerDied):
        for doc, _ in gen:
            assert doc.path == str(seen)
            seen += 1
            if seen == 20:
                workers = sorted(set(_children(os.getpid())) - before)
                os.kill(workers[0], signal.SIGKILL)
    assert seen >= 20
