"""The model and lexicons reach users of a built wheel (installed in a fresh virtual environment)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOUNDING = Path(__file__).parent / "data" / "founding_example.txt"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    src = tmp_path_factory.mktemp("src") / "langscan"
    # build from a copy of the tracked sources so a dirty work tree or build/ folder cannot leak in
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", "build", "dist", "*.egg-info",
                                                              "__pycache__", ".pytest_cache", "benchmarks"))
    proc = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(src)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    (whl,) = out.glob("langscan-*.whl")
    return whl


@pytest.mark.slow
def test_wheel_contains_model_and_lexicons(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "langscan/_models/lid.176.ftz" in names
    assert "langscan/_models/lexicon/en.tsv.gz" in names
    assert "langscan/_models/lexicon/common.tsv.gz" in names
    assert "langscan/_models/lexicon/en.words" in names and "langscan/_models/lexicon/common.words" in names
    assert "langscan/_models/lexicon/en.hash" in names and "langscan/_models/lexicon/common.hash" in names
    assert "langscan/_models/lookalike-en.tsv" in names and "langscan/_models/lookalike-en.hash" in names
    assert "langscan/_models/lookalike.json" in names
    assert "langscan/_models/confusables.tsv.gz" in names
    assert "langscan/_models/README.md" in names


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_scans_the_founding_example(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    proc = subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    # run from an empty directory so the source checkout's models/ cannot be picked up
    proc = subprocess.run([str(env_dir / "bin" / "langscan"), "scan", "--format", "jsonl", str(FOUNDING)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    lines = [l for l in proc.stdout.splitlines() if l.strip()]
    assert len(lines) == 3
    assert "Заголовок открываемого материала" in lines[2]
    proc = subprocess.run([str(py), "-c", "import langscan.lid as l; print(l.models_dir())"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert "_models" in proc.stdout and str(ROOT) not in proc.stdout
