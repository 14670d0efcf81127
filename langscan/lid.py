"""Language identification: the bundled fastText model.

The fastText lid.176 model ships inside the package (``langscan/_models`` in
a wheel, ``models/`` in a source checkout), is checked against its sha256 on
first load and loaded once per process (the detector loads it on the first
unit a stage asks about: a clean text never does).  We call it through the
``fasttext-predict`` distribution: prebuilt wheels, inference only, no numpy,
so it neither builds from source nor breaks under numpy 2.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Optional

from .options import LangscanError

MODEL_FILE = "lid.176.ftz"
MODEL_SHA256 = "8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83"

_lock = threading.Lock()
_models: dict[str, "LanguageModel"] = {}


class ModelError(LangscanError, RuntimeError):
    """The language-ID model is missing, corrupt or not a fastText model."""


def data_rows(name: str) -> list[list[str]]:
    """The words of each line of the data file ``models/<name>`` (a word list written for langscan), blank lines
    and ``#`` comments left out; [] when the file is missing."""
    path = models_dir() / name
    if not path.is_file():
        return []
    return [line.split() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def models_dir() -> Path:
    """Where the bundled model and lexicons live (wheel first, then source checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_models", here.parent / "models"):
        if (candidate / MODEL_FILE).is_file():
            return candidate
    raise ModelError(
        f"bundled model {MODEL_FILE} not found in {here / '_models'} or {here.parent / 'models'}; "
        "reinstall langscan or pass --model PATH"
    )


def _sha256(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class LanguageModel:
    """A loaded fastText language-ID model; ``predict`` is safe to call from threads."""

    def __init__(self, path: Path, check_sha256: Optional[str] = None) -> None:
        if not path.is_file():
            raise ModelError(f"model file not found: {path}")
        if check_sha256 is not None and _sha256(path) != check_sha256:
            raise ModelError(f"model file {path} does not match its recorded sha256 (corrupt or replaced)")
        try:
            import fasttext  # provided by the fasttext-predict distribution
        except ImportError as exc:  # pragma: no cover - dependency missing
            raise ModelError("the 'fasttext-predict' package is required: pip install fasttext-predict") from exc
        try:
            self._model = fasttext.load_model(str(path))
        except Exception as exc:
            raise ModelError(f"cannot load fastText model {path}: {exc}") from exc
        self.path = path
        self._raw = self._model.f

    def predict(self, text: str, k: int = 5) -> list[tuple[str, float]]:
        """Top-``k`` (language, probability) pairs for one unit of text."""
        line = text.replace("\n", " ").replace("\r", " ") + "\n"
        if not line.isascii():
            line = line.translate(_SPACES)  # fastText splits words at ASCII whitespace only ("by\u00a0WordPress")
        try:
            preds = self._raw.predict(line, k, 0.0, "replace")
        except Exception:  # pragma: no cover - defensive: odd input must not kill a scan
            return []
        out = []
        for prob, label in preds:
            code = label[9:] if label.startswith("__label__") else label
            out.append((_normalise(code), float(prob)))
        return out


# Unicode spaces (no-break, thin, narrow no-break, ideographic...) as plain spaces for the model's tokenizer
_SPACES = {c: " " for c in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)}


def _normalise(code: str) -> str:
    """Map model labels to the codes langscan reports (GlotLID-style 'rus_Cyrl' -> 'rus')."""
    if "_" in code:
        code = code.split("_", 1)[0]
    return code


def load_model(path: Optional[str] = None) -> LanguageModel:
    """The model at ``path`` (or the bundled one), loaded once per process."""
    key = path or "<bundled>"
    model = _models.get(key)
    if model is not None:
        return model
    with _lock:
        model = _models.get(key)
        if model is None:
            if path is None:
                model = LanguageModel(models_dir() / MODEL_FILE, check_sha256=MODEL_SHA256)
            else:
                model = LanguageModel(Path(path))
            _models[key] = model
    return model
