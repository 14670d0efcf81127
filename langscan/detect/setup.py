"""What every stage needs to know: the resolved options and the shared resources, loaded once.

Building a ``Setup`` is cheap; the language-ID model and the word sets load
on the first ``prepare()`` (once per process: ``lid`` and ``lexicon`` cache
them), so a Detector that never scans costs nothing.
"""

from __future__ import annotations

import threading

from .. import lexicon
from ..evidence import LOANWORDS
from ..languages import same_family, script_of_lang
from . import tuning

_SHARED: dict[tuple[str, ...], tuple] = {}  # expected languages -> (screen, known, lexicons, everyday, familiar)
_SHARED_LOCK = threading.Lock()

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

    def prepare(self) -> None:
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            from ..lid import load_model

            self.model = load_model(self.options.model_path)
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
        screen: set[str] = set()
        for l in self.expect:
            screen |= lexicon.common_words(l, tuning.SCREEN_MIN_ZIPF)
        if "en" not in self.expect:
            # Other languages' web text borrows English words; a word more common in English
            # than in the expected language is no evidence of the expected language.
            en = lexicon.load("en") or {}
            screen = {w for w in screen if en.get(w, 0.0) <= self.expected_zipf(w)}
        screen_set = frozenset(screen | LOANWORDS)
        # Every word the expected language's lexicon knows, however rare: rare English words
        # ("thermobaric") are no reason to look closer; words it has never seen are.
        known = LOANWORDS
        for l in self.expect:
            known = known | lexicon.words(l)
        # words the expected language uses often enough that a short unit holding them is no suspect
        familiar: frozenset[str] = LOANWORDS
        for l in self.expect:
            familiar = familiar | lexicon.common_words(l, tuning.SHORT_RARE_ZIPF)
        return screen_set, known, lexicon.available(), lexicon.everyday_elsewhere(self.expect), familiar

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
