"""`scan --summary` groups recurring fragments across documents (template boilerplate)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FOUNDING = Path(__file__).parent / "data" / "founding_example.txt"


def test_summary_shows_the_recurring_russian_footer_across_pages(tmp_path):
    for i in range(3):
        shutil.copy(FOUNDING, tmp_path / f"page{i}.txt")
    proc = subprocess.run([sys.executable, "-m", "langscan", "scan", "--summary", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Recurring fragments" in proc.stdout and "by language: ar 6, ru 3" in proc.stdout
    line = next(l for l in proc.stdout.splitlines() if "x in 3 doc(s)" in l and "Заголовок" in l)
    assert "3x in 3 doc(s)" in line and "page0.txt:56:1" in line
    arabic = next(l for l in proc.stdout.splitlines() if "x in 3 doc(s)" in l and "الدفاع الوطني" in l)
    assert "6x in 3 doc(s)" in arabic
    as_json = subprocess.run([sys.executable, "-m", "langscan", "scan", "--summary", "--format", "json",
                              str(tmp_path)], capture_output=True, text=True)
    import json

    assert len(json.loads(as_json.stdout)["findings"]) == 9  # stdout stays valid JSON
    assert "Recurring fragments" in as_json.stderr
