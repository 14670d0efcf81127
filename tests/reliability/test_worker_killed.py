"""Issue 14, part 3: a worker process killed during `report` or `clean --jobs 2` is exit 2 and a
one-line message, never a traceback; clean leaves every file complete or untouched."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CLI, DATA, RUSSIAN

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="finds the worker processes through /proc (Linux)")


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _corpus(root: Path, files: int = 12, records: int = 400) -> dict:
    recs = [json.loads(l) for l in (DATA / "scale_records.jsonl").read_text(encoding="utf-8").splitlines() if l]
    root.mkdir()
    originals = {}
    for i in range(files):
        lines = []
        for k in range(records):
            r = dict(recs[k % len(recs)])
            r["text"] = r["text"] + (f"\n{RUSSIAN}" if k % 3 == 0 else "")
            lines.append(json.dumps(r, ensure_ascii=False))
        p = root / f"part{i:02}.jsonl"
        p.write_text("\n".join(lines) + "\n", encoding="utf-8")
        originals[p.name] = p.read_bytes()
    return originals


def _run_and_kill_a_worker(args, cwd):
    proc = subprocess.Popen([*CLI, *map(str, args)], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = False
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        workers = _children(proc.pid)
        if len(workers) >= 2:  # the pool is up (fork: workers are children of the CLI process)
            time.sleep(0.3)
            try:
                os.kill(sorted(workers)[0], signal.SIGKILL)
                killed = True
            except ProcessLookupError:
                continue
            break
        time.sleep(0.02)
    try:
        out, err = proc.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("the run hung after a worker was killed")
    return killed, proc.returncode, out, err


def test_clean_jobs_2_worker_killed(tmp_path):
    originals = _corpus(tmp_path / "in")
    killed, rc, out, err = _run_and_kill_a_worker(["clean", tmp_path / "in", "--jobs", "2", "-o", tmp_path / "out"],
                                                  tmp_path)
    if not killed or rc == 0:
        pytest.skip("the run finished before a worker could be killed (machine too fast for this corpus)")
    assert "Traceback" not in err and "╭" not in err, err
    assert rc == 2, err
    assert "worker process died" in err and "untouched" in err
    for name, raw in originals.items():  # inputs untouched, every output complete
        assert (tmp_path / "in" / name).read_bytes() == raw
        o = tmp_path / "out" / name
        if o.exists():
            lines = o.read_text(encoding="utf-8").splitlines()
            assert len(lines) == 400 and all(json.loads(l)["text"] for l in lines)
            assert RUSSIAN not in o.read_text(encoding="utf-8")


def test_report_worker_killed(tmp_path):
    _corpus(tmp_path / "in")
    killed, rc, out, err = _run_and_kill_a_worker(["report", tmp_path / "in", "--jobs", "2", "-o", tmp_path / "r.html"],
                                                  tmp_path)
    if not killed or rc == 0:
        pytest.skip("the run finished before a worker could be killed (machine too fast for this corpus)")
    assert "Traceback" not in err and "╭" not in err, err
    assert rc == 2, err
    assert "worker process died" in err and "no report written" in err
    assert not (tmp_path / "r.html").exists()
