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


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_sigint_while_reading_leaves_valid_output(fmt):
    proc = subprocess.Popen([sys.executable, "-m", "langscan", "scan", "-", "--stdin-format", "jsonl",
                             "--format", fmt, "--jobs", "1"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
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
