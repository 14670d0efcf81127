"""Ctrl-C during `langscan scan`: exit 130 and output that is still a valid document."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

FOUNDING = (Path(__file__).parent / "data" / "founding_example.txt").read_text(encoding="utf-8")


def _sigint_as_usual() -> None:
    # (in the child: a shell without job control starts background commands with Ctrl-C ignored, and the
    # child would inherit that from a test run started so; Ctrl-C is what these tests send)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_sigint_while_reading_leaves_valid_output(fmt):
    proc = subprocess.Popen([sys.executable, "-m", "langscan", "scan", "-", "--stdin-format", "jsonl",
                             "--format", fmt, "--jobs", "1"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_sigint_as_usual)
    for i in range(3):
        proc.stdin.write(json.dumps({"id": i, "text": FOUNDING}, ensure_ascii=False) + "\n")
    proc.stdin.flush()
    time.sleep(3)  # the scanner now waits for more input on the open pipe
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err
    doc = json.loads(out)  # a complete JSON document, not a truncated one
    assert isinstance(doc, dict)


@pytest.mark.parametrize("delay", [0.05, 0.1, 0.15, 0.2, 0.3, 0.5])
def test_sigint_at_any_moment_of_start_up_means_interrupted_never_findings(delay):
    # Ctrl-C while the command is still starting (reading its options, loading the model) once reached click,
    # which printed "Aborted!" and exited 1: the code that means findings. Whenever it comes, it is 130. (Not at
    # 0 s: before Python's own handler is installed, the signal ends the process as signals do.)
    proc = subprocess.Popen([sys.executable, "-m", "langscan", "scan", "-", "--format", "json", "--jobs", "1"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_sigint_as_usual)
    proc.stdin.write(FOUNDING)
    proc.stdin.flush()
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    if "init_import_site" in err or ("Traceback" in err and "langscan/cli/__init__.py" not in err):
        # (on a slow or busy machine: Python still importing site or the package, before langscan's entry point)
        pytest.skip("Ctrl-C landed in Python's own start-up, before langscan's entry point ran")
    # 130, or ended by the signal itself as a shell reports it as 130 (this happens when the signal lands while
    # Python is still starting, and now and then as the interpreter ends after the message)
    assert proc.returncode in (130, -signal.SIGINT), (delay, err)
    assert "Aborted" not in err and "Traceback" not in err
