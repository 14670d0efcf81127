"""What every stage needs to know: the resolved options and the shared resources, loaded once.

Building a ``Setup`` is cheap; the word sets load on the first ``prepare()``
and the language-ID model on the first ``model`` or ``predict`` use (once per
process: ``lid`` and ``lexicon`` cache them, and the sets are shared by every
Setup expecting the same languages), so a Detector that never scans costs
nothing and a clean text that no stage asks the model about never loads it.
"""

from __future__ import annotations

import threading

from .. import lexicon
from ..evidence import LOANWORDS
from ..languages import same_family, script_of_lang
from . import tuning

_SHARED: dict[tuple[str, ...], tuple] = {}  # expected languages -> (screen, known, lexicons, everyday, familiar)
_SHARED_LOCK = threading.Lock()
_FOREIGN_COMMON: dict[tuple[str, ...], frozenset[str]] = {}  # expected languages -> Setup.foreign_common

CJK = frozenset({"Han", "Hiragana", "Katakana", "Bopomofo"})


class Setup:
    """Resolved thresholds, expected languages and scripts, and lazily loaded resources."""

    def __init__(self, options) -> None:
        self.options = options
        preset = tuning.SENSITIVITY[options.sensitivity]
        self.threshold = options.threshold if options.threshold is not None else preset["threshold"]
        self.min_length = options.min_length if options.min_length is not None else int(preset["min_length"])
        self.min_llr = preset["llr"]
        self.expect = options.expect
        self.first_expected = "en" if "en" in self.expect else self.expect[0]
        scripts: set[str] = set()
        for lang in self.expect:
            s = script_of_lang(lang)
            scripts |= CJK | {"Hangul"} if s in ("Japanese", "Hangul", "Han") else {s}
            if s == "Japanese":
                scripts |= CJK
        self.expected_scripts = frozenset(scripts)
        self.latin_expected = "Latin" in self.expected_scripts
        self._lock = threading.Lock()
        self._expected_memo: dict[str, bool] = {}
        self._ready = False

    @property
    def model(self):
        """The fastText model (loaded on first use, once per process)."""
        model = self.__dict__.get("_model")
        if model is None:
            from ..lid import load_model

            model = self.__dict__["_model"] = load_model(self.options.model_path)
        return model

    def predict(self, text: str, k: int = 5) -> list[tuple[str, float]]:
        """``model.predict``, loading the model only when a stage first asks."""
        return self.model.predict(text, k)

    def prepare(self) -> None:
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            if self.options.model_path is not None:
                self.model  # a model the user named: a wrong path is an error at once, not at first use
            shared = _SHARED.get(self.expect)
            if shared is None:
                with _SHARED_LOCK:
                    shared = _SHARED.get(self.expect)
                    if shared is None:
                        shared = _SHARED[self.expect] = self._word_sets()
            self.screen, self.known, self.lexicons, self.everyday, self.familiar = shared
            self._ready = True

    def _word_sets(self):
        """The screen's word sets for these expected languages (built once per process, shared)."""
        # (each set is built once, straight from the word lists: no per-language copy is kept beside it)
        if "en" in self.expect:
            screen_set = lexicon.union(self.expect, tuning.SCREEN_MIN_ZIPF, LOANWORDS)
        else:
            # Other languages' web text borrows English words; a word more common in English
            # than in the expected language is no evidence of the expected language.
            en = lexicon.load("en") or {}
            screen = lexicon.union(self.expect, tuning.SCREEN_MIN_ZIPF)
            kept = [w for w in screen if en.get(w, 0.0) <= self.expected_zipf(w)]
            screen_set = lexicon.word_set(kept + list(LOANWORDS))
        # Every word the expected language's lexicon knows, however rare: rare English words
        # ("thermobaric") are no reason to look closer; words it has never seen are.
        known = lexicon.union(self.expect, None, LOANWORDS)
        # words the expected language uses often enough that a short unit holding them is no suspect
        familiar = lexicon.union(self.expect, tuning.SHORT_RARE_ZIPF, LOANWORDS)
        return screen_set, known, lexicon.available(), lexicon.everyday_elsewhere(self.expect), familiar

    @property
    def foreign_common(self) -> frozenset[str]:
        """Words of the screen (the expected language knows them) that another shipped language uses far
        more often ("les", "des", "est", "une" in English): not suspects, but a short unit holding them is
        read (``tuning.FOREIGN_COMMON_MIN_ZIPF``, ``FOREIGN_COMMON_MARGIN``). Built once per process."""
        got = _FOREIGN_COMMON.get(self.expect)
        if got is None:
            self.prepare()
            expected = [lexicon.top_words(l, tuning.SCREEN_MIN_ZIPF) for l in self.expect]
            words: set[str] = set()
            for lang in sorted(self.lexicons):
                if self.is_expected(lang):
                    continue
                for w, z in lexicon.top_words(lang, tuning.FOREIGN_COMMON_MIN_ZIPF).items():
                    if w in self.screen and len(w) > 1 and w.isalpha():
                        # (a word the expected list lacks is a loanword kept on purpose: "café")
                        own = max((t.get(w, 0.0) for t in expected), default=0.0)
                        if own and z - own >= tuning.FOREIGN_COMMON_MARGIN:
                            words.add(w)
            got = _FOREIGN_COMMON[self.expect] = lexicon.word_set(words)
        return got

    @property
    def expected_lex(self) -> list[dict[str, float]]:
        """Frequency tables of the expected languages, built on first use (scoring, not screening)."""
        tables = self.__dict__.get("_expected_tables")
        if tables is None:
            tables = self.__dict__["_expected_tables"] = [lexicon.load(l) or {} for l in self.expect]
        return tables

    @property
    def everyday_index(self) -> dict[str, str]:
        return lexicon.everyday_index()

    def expected_zipf(self, word: str) -> float:
        """The word's Zipf frequency in the expected language where it is most common."""
        if "’" in word:
            word = word.replace("’", "'")  # the lexicons spell "weren't" with the ASCII apostrophe
        best = 0.0
        for lex in self.expected_lex:
            z = lex.get(word, 0.0)
            if z > best:
                best = z
        return best

    def is_expected(self, lang: str) -> bool:
        known = self._expected_memo.get(lang)
        if known is None:
            known = self._expected_memo[lang] = any(same_family(lang, e) for e in self.expect)
        return known
