"""Character n-gram evidence for every Latin-script language, from lingua (Apache-2.0).

lingua's low-accuracy models (trigram statistics for the 49 Latin-script
languages it knows) load lazily, on the first span that needs a language no
shipped lexicon covers: a clean English text never loads them.
"""

from __future__ import annotations

import threading
from typing import Optional

_lock = threading.Lock()
_detector = None
_CODE = {"nb": "no", "nn": "no"}


def _load():
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                from lingua import LanguageDetectorBuilder

                # (the models are loaded when the detector is built, all at once: 0.21 s here, against
                # 0.39 s when the first question loads them one language at a time; the same models, the
                # same answers)
                _detector = (LanguageDetectorBuilder.from_all_languages_with_latin_script()
                             .with_low_accuracy_mode().with_preloaded_language_models().build())
    return _detector


# lingua reads at most this many characters of a text (as much as the document check's prose sample): its
# time grows with the square of a word's length (a 50,000-letter token took 0.7 s, a million letters minutes)
MAX_CHARS = 4000


def languages_of(text: str, k: int = 3) -> list[tuple[str, float]]:
    """lingua's top ``k`` (language code, confidence) for ``text`` (its first MAX_CHARS characters); [] when
    lingua is unavailable."""
    try:
        det = _load()
        values = det.compute_language_confidence_values(text[:MAX_CHARS])
    except Exception:  # an odd input or a broken install must not kill a scan
        return []
    out = []
    for cv in values[:k]:
        iso = cv.language.iso_code_639_1.name.lower()
        out.append((_CODE.get(iso, iso), float(cv.value)))
    return out


def confidence_of(text: str, lang: str) -> Optional[float]:
    for code, p in languages_of(text, k=100):
        if code == lang:
            return p
    return None
