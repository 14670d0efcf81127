"""Nothing is ever lost: `clean --in-place` killed at random points, a full
disk, a file-size limit, an unwritable destination.  After any of these, each
file is byte-identical to its original or exactly the complete cleaned result."""

from __future__ import annotations

import gzip
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
CLI = [sys.executable, "-c", "import sys; sys.argv[0] = 'langscan'; from langscan.cli import main; main()"]
TMP_SUFFIX = ".langscan-tmp"


def make_corpus(root: Path, n: int = 12) -> dict[str, bytes]:
    """Text, JSONL and gzipped JSONL files, each with artifacts, some large."""
    page = (DATA / "founding_example.txt").read_text(encoding="utf-8")
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        if i % 3 == 0:
            (root / f"page{i:02}.txt").write_text((page + "\n\n") * (1 + i % 4), encoding="utf-8")
        elif i % 3 == 1:
            recs = [{"id": k, "text": page.split("\n\n")[k % 8] + ("\nЗаголовок открываемого материала" if k % 3 == 0 else "")}
                    for k in range(20)]
            (root / f"rec{i:02}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs),
                                                   encoding="utf-8")
        else:
            with gzip.open(root / f"rec{i:02}.jsonl.gz", "wt", encoding="utf-8") as fh:
                fh.write(json.dumps({"text": page}, ensure_ascii=False) + "\n")
    return {p.name: p.read_bytes() for p in sorted(root.iterdir())}


def run_cli(*args, preexec=None, timeout=300):
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, preexec_fn=preexec,
                          timeout=timeout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """(originals, expected cleaned bytes, seconds a full run takes)."""
    base = tmp_path_factory.mktemp("kill")
    originals = make_corpus(base / "orig")
    t0 = time.monotonic()
    r = run_cli("clean", base / "orig", "-o", base / "expected")
    duration = time.monotonic() - t0
    assert r.returncode == 0, r.stderr
    expected = {name: (base / "expected" / name).read_bytes() for name in originals}
    assert all(expected[n] != originals[n] for n in originals)  # every file has something to clean
    return originals, expected, duration


@pytest.mark.slow
def test_sigkill_at_random_points_leaves_each_file_whole(corpus, tmp_path):
    originals, expected, duration = corpus
    rng = random.Random(20261125)
    # when this very command starts writing and when it ends, here and now (the corpus fixture timed a
    # cold first run of another command): half the kills land before the first write, half during the
    # writes (after this run's first write, watched for), at random points in each, so both stages are hit
    # whatever the machine's speed
    probe = tmp_path / "probe"
    probe.mkdir()
    for name, raw in originals.items():
        (probe / name).write_bytes(raw)
    t0 = time.monotonic()
    proc = subprocess.Popen([*CLI, "clean", str(probe), "--in-place", "--backup"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    first_write = None
    while proc.poll() is None:
        if first_write is None and any((probe / n).read_bytes() != raw for n, raw in originals.items()):
            first_write = time.monotonic() - t0
        time.sleep(0.002)
    total = time.monotonic() - t0
    assert proc.returncode == 0
    first_write = min(first_write or total * 0.8, total)
    rounds = 8
    outcomes = {"original": 0, "cleaned": 0}
    for round_no in range(rounds):
        work = tmp_path / f"round{round_no}"
        work.mkdir()
        for name, raw in originals.items():
            (work / name).write_bytes(raw)
        proc = subprocess.Popen([*CLI, "clean", str(work), "--in-place", "--backup"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if round_no % 2 == 0:
            time.sleep(rng.uniform(0.05, max(0.05, first_write * 0.9)))
        else:
            # during the writes: wait until this run has replaced a file (a slower or busier machine than the
            # timed run above must not turn these kills into kills before the first write), then a random
            # further moment within the time the writes took there
            while proc.poll() is None and all((work / n).read_bytes() == raw for n, raw in originals.items()):
                time.sleep(0.002)
            time.sleep(rng.uniform(0, max(0.0, total - first_write) * 1.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for name in originals:
            now = (work / name).read_bytes()
            assert now in (originals[name], expected[name]), f"round {round_no}: {name} is half-written"
            outcomes["original" if now == originals[name] else "cleaned"] += 1
            bak = work / (name + ".bak")
            if bak.exists():
                assert bak.read_bytes() == originals[name], f"round {round_no}: backup of {name} is not the original"
        leftovers = [p for p in os.listdir(work) if p.startswith(".")]
        assert all(p.endswith(TMP_SUFFIX) for p in leftovers), leftovers
        # finishing the job afterwards gives exactly the complete result
        r = run_cli("clean", work, "--in-place")
        assert r.returncode == 0, r.stderr
        for name in originals:
            assert (work / name).read_bytes() == expected[name], f"round {round_no}: rerun did not finish {name}"
    # the kills landed at different stages, not all before or all after the writes
    assert outcomes["original"] > 0 and outcomes["cleaned"] > 0, outcomes


@pytest.mark.slow
def test_sigkill_during_drop_record_never_loses_a_record(corpus, tmp_path):
    """Rejected records reach the rejects file (fsync'ed) before their data file is replaced."""
    originals, _expected, duration = corpus
    jsonl = {n: raw for n, raw in originals.items() if n.endswith(".jsonl")}
    ref = tmp_path / "ref"
    ref.mkdir()
    for name, raw in jsonl.items():
        (ref / name).write_bytes(raw)
    r = run_cli("clean", ref, "-o", tmp_path / "ref-out", "--action", "drop-record", "--rejects", tmp_path / "ref.rej")
    assert r.returncode == 0, r.stderr
    expected = {n: (tmp_path / "ref-out" / n).read_bytes() for n in jsonl}
    assert all(0 < len(expected[n]) < len(jsonl[n]) for n in jsonl)  # some records kept, some dropped
    rng = random.Random(7)
    for round_no in range(5):
        work = tmp_path / f"round{round_no}"
        work.mkdir()
        for name, raw in jsonl.items():
            (work / name).write_bytes(raw)
        rej = tmp_path / f"rejects{round_no}.jsonl"
        proc = subprocess.Popen([*CLI, "clean", str(work), "--in-place", "--action", "drop-record", "--rejects", str(rej)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, duration))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        rejected = set()
        if rej.exists():
            for line in rej.read_text(encoding="utf-8").splitlines():
                try:
                    rejected.add(json.loads(line)["raw"])
                except ValueError:
                    pass  # a torn last line is only possible for a file not yet replaced
        for name, raw in jsonl.items():
            now = (work / name).read_bytes()
            assert now in (raw, expected[name]), f"round {round_no}: {name} is half-written"
            kept = set(now.decode("utf-8").splitlines())
            lost = [l for l in raw.decode("utf-8").splitlines() if l not in kept and l not in rejected]
            assert not lost, f"round {round_no}: {len(lost)} record(s) of {name} are nowhere"


def _limit_file_size(limit: int):
    def preexec():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() then fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return preexec


def test_file_size_limit_mid_write_keeps_original(corpus, tmp_path):
    originals, _expected, _d = corpus
    name = "page09.txt"
    src = tmp_path / name
    src.write_bytes(originals[name])
    r = run_cli("clean", src, "--in-place", preexec=_limit_file_size(4096))
    assert r.returncode == 2, r.stderr
    assert "no space left (or file size limit reached)" in r.stderr and "original left untouched" in r.stderr
    assert src.read_bytes() == originals[name]
    assert os.listdir(tmp_path) == [name]  # the partial temp file was removed


def test_full_device_output_is_a_clear_error(corpus, tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    originals, _expected, _d = corpus
    src = tmp_path / "page00.txt"
    src.write_bytes(originals["page00.txt"])
    r = run_cli("clean", src, "-o", "/dev/full")
    assert r.returncode == 2, r.stderr
    assert "cannot write /dev/full: no space left" in r.stderr
    assert src.read_bytes() == originals["page00.txt"]


def test_unwritable_destination_is_a_clear_error(corpus, tmp_path):
    originals, _expected, _d = corpus
    src = tmp_path / "page00.txt"
    src.write_bytes(originals["page00.txt"])
    if os.geteuid() == 0:
        dest = "/sys/langscan-clean-test.txt"  # sysfs refuses new files even to root
    else:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        dest = str(ro / "out.txt")
    r = run_cli("clean", src, "-o", dest)
    assert r.returncode == 2, r.stderr
    assert "destination not writable" in r.stderr or "cannot write" in r.stderr
    assert src.read_bytes() == originals["page00.txt"]
    assert not os.path.exists(dest)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions, so a read-only dir cannot be simulated")
def test_in_place_in_read_only_directory_keeps_original(corpus, tmp_path):
    originals, _expected, _d = corpus
    ro = tmp_path / "ro"
    ro.mkdir()
    src = ro / "page00.txt"
    src.write_bytes(originals["page00.txt"])
    ro.chmod(0o555)
    try:
        r = run_cli("clean", src, "--in-place")
        assert r.returncode == 2 and "destination not writable" in r.stderr
        assert src.read_bytes() == originals["page00.txt"]
    finally:
        ro.chmod(0o755)
        shutil.rmtree(ro)
