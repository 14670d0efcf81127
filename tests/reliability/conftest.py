"""Shared helpers for the reliability suite: run the real CLI in a subprocess, with a time
bound so a hang fails the test instead of stalling the suite, and check that no command
ever prints a Python traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
CLI = [sys.executable, "-c", "import sys; sys.argv[0] = 'langscan'; from langscan.cli import main; main()"]
ENGLISH = ("The museum reopened on Saturday after a two-year renovation. Visitors queued around the block "
           "to see the restored hall.\n")
RUSSIAN = "Заголовок открываемого материала"


class Run:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.returncode, self.stdout, self.stderr = proc.returncode, proc.stdout, proc.stderr

    def __repr__(self) -> str:
        return f"<rc={self.returncode} stdout={self.stdout[-400:]!r} stderr={self.stderr[-800:]!r}>"


def run_cli(*args, cwd=None, timeout: float = 120, input=None, env=None, text=True) -> Run:
    """The CLI's exit code and output; fails the test on a hang or a traceback."""
    try:
        proc = subprocess.run([*CLI, *map(str, args)], capture_output=True, text=text, cwd=cwd, timeout=timeout,
                              input=input, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"langscan {' '.join(map(str, args))} did not finish in {timeout} s (a hang)")
    run = Run(proc)
    err = run.stderr if text else run.stderr.decode("utf-8", "replace")
    assert "Traceback (most recent call last)" not in err, run
    return run


@pytest.fixture
def cli():
    return run_cli
