"""The bundled language-ID model: located, checksummed, loaded once; other models by path."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from langscan import Detector
from langscan.lid import MODEL_FILE, MODEL_SHA256, LanguageModel, ModelError, load_model, models_dir

FOUNDING = Path(__file__).parent / "data" / "founding_example.txt"


def test_bundled_model_is_found_and_loaded_once():
    assert (models_dir() / MODEL_FILE).is_file()
    assert load_model() is load_model()
    langs = [l for l, _ in load_model().predict("Alle Rechte vorbehalten.", k=3)]
    assert langs[0] == "de"


def test_a_corrupted_model_is_refused(tmp_path):
    bad = tmp_path / MODEL_FILE
    data = bytearray((models_dir() / MODEL_FILE).read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="sha256"):
        LanguageModel(bad, check_sha256=MODEL_SHA256)


def test_another_model_by_path_is_used(tmp_path):
    other = tmp_path / "my-lid.ftz"
    shutil.copy(models_dir() / MODEL_FILE, other)
    det = Detector(model_path=str(other))
    assert [f.text for f in det.scan(FOUNDING.read_text(encoding="utf-8"))][-1] == "Заголовок открываемого материала"
    assert load_model(str(other)) is not load_model()


def test_missing_or_invalid_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="not found"):
        Detector(model_path=str(tmp_path / "nope.bin")).scan("hello world")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"not a fasttext model")
    with pytest.raises(ModelError, match="cannot load"):
        Detector(model_path=str(junk)).scan("hello world")


def test_cli_model_option_and_its_error(tmp_path):
    other = tmp_path / "lid.ftz"
    shutil.copy(models_dir() / MODEL_FILE, other)
    ok = subprocess.run([sys.executable, "-m", "langscan.cli", "scan", "--model", str(other), str(FOUNDING)],
                        capture_output=True, text=True)
    assert ok.returncode == 1 and "Заголовок открываемого материала" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "langscan.cli", "scan", "--model", str(tmp_path / "x.bin"),
                          str(FOUNDING)], capture_output=True, text=True)
    assert bad.returncode == 2 and "x.bin" in bad.stderr


def test_no_break_spaces_separate_words_for_the_model():
    # fastText splits words at ASCII whitespace only: "by\u00a0WordPress\u00a0and" was one unknown token
    model = load_model()
    plain = dict(model.predict("Powered by WordPress and the community theme", k=3))
    nbsp = dict(model.predict("Powered\u00a0by\u00a0WordPress\u00a0and\u00a0the\u00a0community\u00a0theme", k=3))
    assert nbsp.get("en", 0.0) == pytest.approx(plain.get("en", 0.0), abs=1e-6) and plain["en"] > 0.5
