"""What every stage needs to know: the resolved options and the shared resources, loaded once.

Building a ``Setup`` is cheap; the word sets are made on the first ``prepare()``
(as ``lexicon.WordSet`` objects: they answer a few words from the prebuilt
lexicon indexes and build their frozensets only for a text with many words)
and the language-ID model loads on the first ``model`` or ``predict`` use (once
per process: ``lid`` and ``lexicon`` cache them, and the sets are shared by
every Setup expecting the same languages), so a Detector that never scans
costs nothing, a small file builds no big set and a clean text that no stage
asks the model about never loads it.
"""

from __future__ import annotations

import threading

from .. import lexicon
from ..evidence import LOANWORDS
from ..languages import same_family, script_of_lang
from . import tuning

_SHARED: dict[tuple[str, ...], tuple] = {}  # expected languages -> (screen, known, lexicons, everyday, familiar)
_SHARED_LOCK = threading.RLock()  # (foreign_common's first use may call prepare() under it)
_FOREIGN_COMMON: dict[tuple[str, ...], lexicon.WordSet] = {}  # expected languages -> Setup.foreign_common

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
        """The screen's word sets for these expected languages (made once per process, shared).

        Each is a ``lexicon.WordSet``: it answers ``in`` word by word from the prebuilt lexicon indexes
        and builds its frozenset only on a bulk use or after many words (a small file asks about a few
        dozen words; building the four sets cost ~75 ms of a 0.25 s start-up). The build functions are
        the ones the sets were always built with, and each ``contains`` answers what they hold."""
        expect = self.expect
        if "en" in expect:
            screen = lexicon.union_set(expect, tuning.SCREEN_MIN_ZIPF, LOANWORDS)
        else:
            # Other languages' web text borrows English words; a word more common in English
            # than in the expected language is no evidence of the expected language.
            listed = lexicon.union_set(expect, tuning.SCREEN_MIN_ZIPF)

            def english_more(w) -> bool:
                return (lexicon.load("en") or {}).get(w, 0.0) > _best_zipf(expect, w)

            def screen_contains(w) -> bool:
                return w in LOANWORDS or (w in listed and not english_more(w))

            def screen_build() -> frozenset[str]:
                kept = [w for w in lexicon.union(expect, tuning.SCREEN_MIN_ZIPF) if not english_more(w)]
                return lexicon.word_set(kept + list(LOANWORDS))

            screen = lexicon.WordSet("screen:" + "+".join(expect), screen_contains, screen_build)
        # Every word the expected language's lexicon knows, however rare: rare English words
        # ("thermobaric") are no reason to look closer; words it has never seen are.
        known = lexicon.union_set(expect, None, LOANWORDS)
        # words the expected language uses often enough that a short unit holding them is no suspect
        familiar = lexicon.union_set(expect, tuning.SHORT_RARE_ZIPF, LOANWORDS)
        return screen, known, lexicon.available(), lexicon.everyday_elsewhere_set(expect), familiar

    def build_word_sets(self) -> None:
        """Build the shared word sets whole now (before forking workers, so they share one copy)."""
        self.prepare()
        for ws in (self.screen, self.known, self.everyday, self.familiar, self.foreign_common):
            ws.frozen()

    @property
    def foreign_common(self) -> lexicon.WordSet:
        """Words of the screen (the expected language knows them) that another shipped language uses far
        more often ("les", "des", "est", "une" in English): not suspects, but a short unit holding them is
        read (``tuning.FOREIGN_COMMON_MIN_ZIPF``, ``FOREIGN_COMMON_MARGIN``). Made once per process, a
        WordSet: a word is answered from the other languages' top words (read once, ~7,000 words), the
        expected tables and the screen; the set is built only for a text with many words."""
        got = _FOREIGN_COMMON.get(self.expect)
        if got is None:
            self.prepare()
            with _SHARED_LOCK:
                got = _FOREIGN_COMMON.get(self.expect)
                if got is None:
                    got = _FOREIGN_COMMON[self.expect] = self._foreign_common_set()
        return got

    def _foreign_common_set(self) -> lexicon.WordSet:
        screen, expect = self.screen, self.expect
        foreign_top: list[dict[str, float]] = []  # word -> its highest Zipf among the other languages' top words

        def top() -> dict[str, float]:
            # (read on the first word asked, ~8 ms; two threads may both read it: the same dict, stored whole)
            if not foreign_top:
                got: dict[str, float] = {}
                for lang in sorted(self.lexicons):
                    if not self.is_expected(lang):
                        for w, z in lexicon.top_words(lang, tuning.FOREIGN_COMMON_MIN_ZIPF).items():
                            if z > got.get(w, 0.0):
                                got[w] = z
                foreign_top[:] = [got]
            return foreign_top[0]

        def own_zipf(w: str) -> float:
            # the word's Zipf in the expected language where it is most common, counted only when it is
            # above the screen's cut (as ``top_words(lang, SCREEN_MIN_ZIPF)`` would list it)
            best = 0.0
            for lang in expect:
                t = lexicon.load(lang)
                z = t.get(w) if t is not None else None
                if lexicon.above_cut(z, tuning.SCREEN_MIN_ZIPF) and z > best:
                    best = z
            return best

        def contains(w) -> bool:
            if type(w) is not str or not w.isalpha() or (len(w) < 2 and w.isascii()):
                return False
            z = top().get(w)
            if z is None:
                return False
            # some other language uses it FOREIGN_COMMON_MARGIN more often (the highest of them does, when
            # any does); a word the expected list lacks is a loanword kept on purpose: "café"
            own = own_zipf(w)
            # (the screen asked last: only of the few words left, so it stays unbuilt)
            return bool(own) and z - own >= tuning.FOREIGN_COMMON_MARGIN and w in screen

        def build() -> frozenset[str]:
            # the same test as ``contains`` over every candidate, with the expected languages' top words
            # read whole (from the list the screen's build reads) instead of a table lookup per word
            screen.frozen()
            expected = [lexicon.top_words(l, tuning.SCREEN_MIN_ZIPF) for l in expect]
            words: list[str] = []
            for w, z in top().items():
                if w.isalpha() and (len(w) > 1 or not w.isascii()):
                    own = max((t.get(w, 0.0) for t in expected), default=0.0)
                    if own and z - own >= tuning.FOREIGN_COMMON_MARGIN and w in screen:
                        words.append(w)
            return lexicon.word_set(words)

        return lexicon.WordSet("foreign-common:" + "+".join(expect), contains, build)

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
        return _best_zipf(self.expect, word, self.expected_lex)

    def is_expected(self, lang: str) -> bool:
        known = self._expected_memo.get(lang)
        if known is None:
            known = self._expected_memo[lang] = any(same_family(lang, e) for e in self.expect)
        return known


def _best_zipf(expect: tuple[str, ...], word: str, tables=None) -> float:
    """``word``'s Zipf frequency in the language of ``expect`` where it is most common (0.0: none lists it)."""
    if "’" in word:
        word = word.replace("’", "'")  # the lexicons spell "weren't" with the ASCII apostrophe
    best = 0.0
    tables = tables if tables is not None else [lexicon.load(l) or {} for l in expect]
    for lex in tables:
        z = lex.get(word, 0.0)
        if z > best:
            best = z
    if not best and len(word) >= tuning.COMPOUND_MIN_LETTERS and not tuning.COMPOUNDING_LANGS.isdisjoint(expect):
        best = _compound_zipf(expect, word, tables)
    if not best and "'" in word and not tuning.ELIDING_LANGS.isdisjoint(expect):
        # an elided article or pronoun glued to its word ("l'année", "qu'il", "dell'anno"): the lexicons list
        # the word alone (their tokenizer cut the elision off), so the word's own frequency stands for it
        head, _, rest = word.partition("'")
        if 0 < len(head) <= tuning.ELISION_MAX_LETTERS and rest and "'" not in rest:
            for lex in tables:
                z = lex.get(rest, 0.0)
                if z > best:
                    best = z
    return best


_compounds: dict[tuple, float] = {}  # (expected languages, word) or (expected languages, foreign code, word)


def _compound_zipf(expect: tuple[str, ...], word: str, tables) -> float:
    """A compound of the expected language that its lexicon does not list ("Dateiinhalte", "Gerätesysteme",
    "Schlagwörter"): two words it lists, each more common there than in English (so "understanding" is not
    "under" + "standing", English words German web text borrows). See ``compound_zipf``; 0.0 for none.
    Memoised: German prose repeats its compounds."""
    key = (expect, word)
    got = _compounds.get(key)
    if got is not None:
        return got
    english = lexicon.load("en") if "en" not in expect else None
    against = (lambda w: english.get(w, 0.0)) if english is not None else (lambda w: 0.0)
    got = 0.0
    for lex, lang in zip(tables, expect):
        if lang in tuning.COMPOUNDING_LANGS:
            got = max(got, compound_zipf(lex, word, against))
    _remember(key, got)
    return got


def foreign_compound_zipf(st: "Setup", code: str, lex, word: str) -> float:
    """``word`` read as a compound of another language (``code``, its lexicon ``lex``), each part more common there
    than in the expected language ("Datenspeicher" on an English page; see ``compound_zipf``). Memoised beside
    the expected language's compounds."""
    key = (st.expect, code, word)
    got = _compounds.get(key)
    if got is None:
        got = compound_zipf(lex, word, st.expected_zipf)
        _remember(key, got)
    return got


def _remember(key: tuple, zipf: float) -> None:
    if len(_compounds) > 100_000:
        _compounds.clear()  # (bounded: a text of endless invented words cannot grow it)
    _compounds[key] = zipf


def compound_zipf(lex, word: str, against) -> float:
    """``word`` read as a compound of the lexicon ``lex`` (a language of COMPOUNDING_LANGS): a head and a tail it
    lists, each of COMPOUND_MIN_PART letters or more, at least COMPOUND_PART_ZIPF there and more common there than
    ``against(part)`` says the other language uses it, a linking "s" allowed after the head ("Arbeits|platz").
    Its frequency stands at the rarer part's, COMPOUND_DISCOUNT lower; 0.0 when no split works."""
    if len(word) < tuning.COMPOUND_MIN_LETTERS:
        return 0.0

    def part(w: str) -> float:
        z = lex.get(w, 0.0)
        return z if z >= tuning.COMPOUND_PART_ZIPF and against(w) < z else 0.0

    got = 0.0
    for i in range(tuning.COMPOUND_MIN_PART, len(word) - tuning.COMPOUND_MIN_PART + 1):
        head, tail = word[:i], word[i:]
        zt = part(tail)
        if not zt:
            continue
        zh = part(head) or (part(head[:-1]) if head.endswith("s") and len(head) > tuning.COMPOUND_MIN_PART else 0.0)
        if zh:
            got = max(got, min(zh, zt) - tuning.COMPOUND_DISCOUNT)
    return got
