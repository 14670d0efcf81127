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
    assert "Recurring fragments" in proc.stderr
    line = next(l for l in proc.stderr.splitlines() if "Заголовок открываемого материала" in l)
    assert "3x in 3 doc(s)" in line and "page0.txt:56:1" in line
    arabic = next(l for l in proc.stderr.splitlines() if "الدفاع الوطني - القناة الرسمية" in l)
    assert "6x in 3 doc(s)" in arabic
