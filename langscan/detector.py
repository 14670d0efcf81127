"""Detector: segment -> classify -> decide -> findings.  Pure: a str in, findings out.

Three stages look at the text, each cheap before it is thorough:

1. foreign scripts: one compiled-regex pass finds every run of letters from a
   script the expected language does not use.  Runs of look-alike Cyrillic or
   Greek letters inside a Latin word become ``homoglyph`` findings; the rest
   are bridged over spaces and dashes into ``script`` findings, each given a
   language the model picks among the languages of that script.
2. Latin-script languages: each line is screened against the expected
   language's common words (a set difference, at C speed); only lines with
   unexplained lowercase words, short lines and menus go on.  Those are scored
   word by word (log frequency ratio, foreign language vs expected language,
   from shipped lexicons), the best-scoring spans are found, and fastText (with
   langdetect on borderline spans) must agree before a span becomes a
   ``latin`` finding.  Names, acronyms, loanwords, URLs and code score zero.
3. Whole document: when most of the letters are foreign, the findings are
   replaced by one ``document`` finding.

All decisions go through ``_decide_*`` functions that also write the reason
into the explain trace, so ``langscan explain`` shows exactly what was decided.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Optional, Sequence

from . import artifacts, lexicon
from .document import LineIndex
from .evidence import LOANWORDS, NAME_PARTICLES, mask_non_words, token_case
from .finding import Finding, Kind
from .languages import DEFAULT_FOR_SCRIPT, SIMPLIFIED_ONLY, languages_of_script, name_of, same_family, script_of_lang
from .lid import LanguageModel, load_model, second_opinion
from .scripts import HOMOGLYPHS, char_label, foreign_run_regex, script_of
from .segment import lines, units

SENSITIVITY: dict[str, dict[str, float]] = {
    # threshold: minimum score; min_length: minimum letters in a fragment; llr: minimum summed
    # log10 frequency ratio (foreign vs expected) of a Latin span.
    "strict": {"threshold": 0.7, "min_length": 3, "llr": 5.0},
    "balanced": {"threshold": 0.5, "min_length": 2, "llr": 4.0},
    "aggressive": {"threshold": 0.35, "min_length": 1, "llr": 3.0},
}
ALL_KINDS = ("script", "latin", "homoglyph", "document", "mojibake")

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# "...stránkeThe army": text glued to the next sentence without a space (three lowercase letters, then a
# capitalised word), the mark of a scraped caption; "iPhone", "YouTube", "McDonald" do not match.
_GLUED = re.compile(r"[a-zß-ÿ]{3}[A-ZÀ-Þ][a-zß-ÿ]")
_CAMEL = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ][a-zß-ÿ])")


def _words(line: str, base: int):
    """(start, end, word) of each word; text glued without a space ("enteroBut") is two words."""
    for m in _WORD.finditer(line):
        word = m.group()
        start = m.start()
        cut = 0
        for c in _CAMEL.finditer(word):
            if c.start() > 1:  # keep "iPhone", "eBay" whole
                yield base + start + cut, base + start + c.start(), word[cut:c.start()]
                cut = c.start()
        yield base + start + cut, base + m.end(), word[cut:]
_HARD_GAP = set("\n\r\t|•·/\\")
_CJK = {"Han", "Hiragana", "Katakana", "Bopomofo"}
_MENU = re.compile(r"\s[|•·]\s|\s/\s")


@dataclass(frozen=True)
class DetectorOptions:
    """Settings of a Detector; frozen and picklable so worker processes can rebuild it."""

    expect: tuple[str, ...] = ("en",)
    sensitivity: str = "balanced"
    threshold: Optional[float] = None
    min_length: Optional[int] = None
    model_path: Optional[str] = None
    kinds: tuple[str, ...] = ALL_KINDS

    def __post_init__(self) -> None:
        if isinstance(self.expect, str):
            object.__setattr__(self, "expect", tuple(x.strip() for x in self.expect.split(",") if x.strip()))
        if not self.expect:
            raise ValueError("expect: at least one language code is needed, e.g. 'en'")
        if self.sensitivity not in SENSITIVITY:
            raise ValueError(f"sensitivity must be one of {', '.join(SENSITIVITY)}, not {self.sensitivity!r}")
        if self.threshold is not None and not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {self.threshold}")
        if self.min_length is not None and self.min_length < 1:
            raise ValueError(f"min_length must be at least 1, not {self.min_length}")
        bad = [k for k in self.kinds if k not in ALL_KINDS]
        if bad:
            raise ValueError(f"unknown kind(s) {', '.join(bad)}; known: {', '.join(ALL_KINDS)}")


@dataclass
class Unit:
    """One piece of evidence and the decision taken on it (what ``langscan explain`` prints)."""

    start: int
    end: int
    text: str
    stage: str  # script | homoglyph | latin | screen | document
    lang: str
    score: float
    flagged: bool
    reason: str


@dataclass
class _Token:
    start: int
    end: int
    word: str
    lower: str
    case: str
    initial: bool  # first word of its unit: capitalisation says nothing there


class Detector:
    """Finds foreign fragments in text expected to be in ``expect`` languages.

    Building one is cheap; the model and lexicons load on first use, once per
    process, and are shared by every Detector.  ``scan`` is a pure function of
    its text (a bounded cache of scored lines only saves time), so one Detector
    may serve many threads.
    """

    def __init__(
        self,
        expect: Sequence[str] | str = ("en",),
        *,
        sensitivity: str = "balanced",
        threshold: Optional[float] = None,
        min_length: Optional[int] = None,
        model_path: Optional[str] = None,
        kinds: Sequence[str] = ALL_KINDS,
        options: Optional[DetectorOptions] = None,
    ) -> None:
        if options is None:
            if isinstance(expect, str):
                expect = tuple(x.strip() for x in expect.split(",") if x.strip())
            options = DetectorOptions(
                expect=tuple(expect), sensitivity=sensitivity, threshold=threshold,
                min_length=min_length, model_path=model_path, kinds=tuple(kinds),
            )
        self.options = options
        preset = SENSITIVITY[options.sensitivity]
        self.threshold = options.threshold if options.threshold is not None else preset["threshold"]
        self.min_length = options.min_length if options.min_length is not None else int(preset["min_length"])
        self.min_llr = preset["llr"]
        self.expect = options.expect
        scripts = set()
        for lang in self.expect:
            s = script_of_lang(lang)
            scripts |= _CJK | {"Hangul"} if s in ("Japanese", "Hangul", "Han") else {s}
            if s == "Japanese":
                scripts |= _CJK
        self.expected_scripts = frozenset(scripts)
        self._latin_expected = "Latin" in self.expected_scripts
        self._init_lock = threading.Lock()
        self._line_cache: dict[str, list] = {}
        self._expected_memo: dict[str, bool] = {}
        self._ready = False

    @classmethod
    def from_options(cls, options: DetectorOptions) -> "Detector":
        return cls(options=options)

    # ----------------------------------------------------------------- resources
    def _prepare(self) -> None:
        if self._ready:
            return
        with self._init_lock:
            if self._ready:
                return
            self._model: LanguageModel = load_model(self.options.model_path)
            screen: set[str] = set()
            for l in self.expect:
                screen |= lexicon.common_words(l, 3.0)
            if "en" not in self.expect:
                # Other languages' web text borrows English words; a word more common in English
                # than in the expected language is no evidence of the expected language.
                en = lexicon.load("en") or {}
                screen = {w for w in screen if en.get(w, 0.0) <= self._expected_zipf(w)}
            self._screen = frozenset(screen | LOANWORDS)
            # Every word the expected language's lexicon knows, however rare: rare English words
            # ("thermobaric") are no reason to look closer; words it has never seen are.
            known = LOANWORDS
            for l in self.expect:
                known = known | lexicon.words(l)
            self._known = known
            self._lexicons = lexicon.available()
            self._everyday = lexicon.everyday_elsewhere(self.expect)
            self._ready = True

    @property
    def _expected_lex(self) -> list[dict[str, float]]:
        """Frequency tables of the expected languages, built on first use (scoring, not screening)."""
        tables = self.__dict__.get("_expected_tables")
        if tables is None:
            tables = self.__dict__["_expected_tables"] = [lexicon.load(l) or {} for l in self.expect]
        return tables

    @property
    def _index(self) -> dict[str, str]:
        return lexicon.everyday_index()

    def _expected_zipf(self, word: str) -> float:
        best = 0.0
        for lex in self._expected_lex:
            z = lex.get(word, 0.0)
            if z > best:
                best = z
        return best

    def _is_expected(self, lang: str) -> bool:
        known = self._expected_memo.get(lang)
        if known is None:
            known = self._expected_memo[lang] = any(same_family(lang, e) for e in self.expect)
        return known

    # ----------------------------------------------------------------- public
    def scan(self, text: str) -> list[Finding]:
        """Findings in ``text``, sorted by start offset."""
        return self._scan(text, None)

    def explain(self, text: str) -> list[Unit]:
        """Every unit looked at, with its language guess, score and the reason for the decision."""
        trace: list[Unit] = []
        self._scan(text, trace)
        trace.sort(key=lambda u: (u.start, u.end))
        return trace

    # ----------------------------------------------------------------- pipeline
    def _scan(self, text: str, trace: Optional[list[Unit]]) -> list[Finding]:
        if not isinstance(text, str):
            raise TypeError(f"scan() needs a str, not {type(text).__name__}")
        if not text or text.isspace():
            return []
        self._prepare()
        kinds = set(self.options.kinds)
        spans: list[tuple[Kind, int, int, str, str, float, str, tuple[str, ...]]] = []
        # ---- issue 13 (langscan/artifacts.py): look-alike words and mojibake, stages of their own ----
        extra = artifacts.stage(text, self.expect, self._model.predict, kinds,
                                None if trace is None else (lambda *a: trace.append(Unit(*a))))
        if not (text.isascii() and self._latin_expected):
            spans.extend(self._script_stage(text, trace))
        spans = artifacts.merge(spans, extra, trace)  # issue 13: they replace script spans they overlap
        if self._latin_expected:
            taken = _Taken(sorted((s, e) for _, s, e, *_ in spans))
            spans.extend(self._latin_stage(text, trace, taken))
        spans.sort(key=lambda x: x[1])
        spans = _merge_latin(text, spans)
        doc = self._document_stage(text, artifacts.for_document(spans), trace)  # issue 13: artifacts not counted
        if doc is not None:
            spans = [doc] + [x for x in spans if x[0] in artifacts.KINDS]  # issue 13: kept beside it
        index = LineIndex(text) if spans else None
        out = []
        for kind, s, e, lang, script, score, detail, chars in spans:
            if kind.value not in kinds or score < self.threshold:
                continue
            line, col = index.locate(s)
            out.append(Finding(kind=kind, start=s, end=e, line=line, column=col, text=text[s:e], lang=lang,
                               lang_name=name_of(lang), script=script, score=round(score, 4), detail=detail,
                               chars=chars))
        return out

    # ----------------------------------------------------------------- stage 1: scripts
    def _script_stage(self, text: str, trace):
        regex = foreign_run_regex(self.expected_scripts)
        pieces: list[tuple[int, int, str]] = []  # (start, end, script) of one-script letter runs
        homoglyph_words: dict[tuple[int, int], None] = {}
        expected = self.expected_scripts
        for m in regex.finditer(text):
            s = m.start()
            cur = None
            for i in range(m.start(), m.end()):
                sc = script_of(text[i])
                if sc != cur:
                    if cur is not None and cur != "Common" and cur not in expected:
                        pieces.append((s, i, cur))
                    s, cur = i, sc
            if cur != "Common" and cur not in expected:
                pieces.append((s, m.end(), cur))
        if not pieces:
            return []
        # Homoglyphs: a Latin word carrying look-alike foreign letters.
        kept = []
        for s, e, sc in pieces:
            if self._latin_expected and sc in ("Cyrillic", "Greek"):
                ws, we = _word_around(text, s, e)
                word = text[ws:we]
                has_latin = any(script_of(c) == "Latin" for c in word)
                foreign = [c for c in word if c.isalpha() and script_of(c) not in self.expected_scripts]
                if has_latin and foreign and all(c in HOMOGLYPHS for c in foreign):
                    homoglyph_words[(ws, we)] = None
                    continue
            kept.append((s, e, sc))
        out = []
        for ws, we in homoglyph_words:
            word = text[ws:we]
            odd = tuple(dict.fromkeys(c for c in word if c in HOMOGLYPHS and script_of(c) != "Latin"))
            scripts = sorted({script_of(c) for c in odd})
            detail = "look-alike letters: " + ", ".join(f"{c!r} {char_label(c)}" for c in odd)
            out.append((Kind.HOMOGLYPH, ws, we, "en" if "en" in self.expect else self.expect[0],
                        "+".join(["Latin"] + scripts), 0.95, detail, odd))
            if trace is not None:
                trace.append(Unit(ws, we, word, "homoglyph", "-", 0.95, True, detail))
        # Bridge same-script pieces over spaces, dashes and punctuation into runs.
        runs: list[list] = []
        for s, e, sc in kept:
            group = "CJK" if sc in _CJK else sc
            if runs and runs[-1][2] == group and _bridgeable(text, runs[-1][1], s):
                runs[-1][1] = e
                runs[-1][3].add(sc)
            else:
                runs.append([s, e, group, {sc}])
        for s, e, group, scripts in runs:
            s, e = _trim_to_letters(text, s, e)
            if e <= s:
                continue
            out.extend(self._decide_script_run(text, s, e, group, scripts, trace))
        return out

    def _decide_script_run(self, text, s, e, group, scripts, trace):
        frag = text[s:e]
        letters = sum(1 for c in frag if c.isalpha())
        if group == "CJK":
            script = "Japanese" if scripts & {"Hiragana", "Katakana"} else "Han"
        else:
            script = group
        reason = None
        if letters < self.min_length:
            reason = f"{letters} letter(s) < min length {self.min_length}"
        elif script == "Greek":
            longest = max((len(w) for w in _WORD.findall(frag)), default=0)
            if longest < 3:
                reason = "Greek letters used as symbols (no Greek word of 3+ letters)"
        if reason is not None:
            if trace is not None:
                trace.append(Unit(s, e, frag, "script", "-", 0.0, False, reason))
            return []
        if script == "Latin":
            words = len(_WORD.findall(frag))
            preds = self._model.predict(frag, k=5)
            top = next(((l, p) for l, p in preds if script_of_lang(l) == "Latin" and not self._is_expected(l)), None)
            if words < 3 or top is None or top[1] < 0.5:
                if trace is not None:
                    trace.append(Unit(s, e, frag, "script", top[0] if top else "-", 0.0, False,
                                      "Latin words in non-Latin text: names, brands and code unless 3+ words "
                                      "the model is sure of"))
                return []
            lang, p = top
            score = min(0.99, 0.5 + 0.5 * p)
            if trace is not None:
                trace.append(Unit(s, e, frag, "script", lang, score, score >= self.threshold,
                                  f"{words} Latin words; model says {lang} ({p:.2f})"))
            return [(Kind.SCRIPT, s, e, lang, script, score, "", ())]
        lang, p = self._script_language(frag, script)
        score = min(0.99, 0.6 + 0.05 * letters)
        if trace is not None:
            trace.append(Unit(s, e, frag, "script", lang, score, score >= self.threshold,
                              f"{letters} letters of {script}, not a script of {','.join(self.expect)}; "
                              f"model says {lang} ({p:.2f})"))
        return [(Kind.SCRIPT, s, e, lang, script, score, "", ())]

    def _script_language(self, frag: str, script: str) -> tuple[str, float]:
        if script == "Japanese":
            return "ja", 1.0
        if script == "Hangul":
            return "ko", 1.0
        allowed = languages_of_script(script)
        if script == "Han" and any(c in SIMPLIFIED_ONLY for c in frag):
            return "zh", 1.0
        for lang, p in self._model.predict(frag, k=30):
            if lang in allowed:
                return lang, p
        return DEFAULT_FOR_SCRIPT.get(script, "und"), 0.0

    # ----------------------------------------------------------------- stage 2: Latin-script languages
    def _latin_stage(self, text: str, trace, taken: "_Taken"):
        """Screen the text cheaply; score only lines that may hold another language.

        The screen is set arithmetic on the text's words: a word that is common
        in the expected language, or that is not everyday vocabulary in any
        other language we know, cannot start a Latin finding.  Most clean
        documents stop here after one pass of C-level string methods.
        """
        folded = _fold(text)
        words = set(folded.split())
        rare = words.difference(self._screen)
        everyday = rare.intersection(self._everyday)
        # words in other scripts (Cyrillic, Arabic...) are the script stage's business, not suspects here
        unseen = {w for w in rare.difference(self._known) if w.isalpha() and _latin_word(w)}
        suspects = everyday | unseen
        # Strong suspects: everyday words of another language, or words with letters English
        # does not use (é, ł, ő...). A lone unseen ASCII word is a name, brand or typo.
        strong = everyday | {w for w in unseen if not w.isascii()}
        if not suspects:
            if trace is not None:
                trace.append(Unit(0, len(text), text[:80], "screen", self.expect[0], 0.0, False,
                                  "no word is everyday vocabulary of another language"))
            return []
        out = []
        for ls, le, folded_line in _lines_holding(folded, text, suspects, strong):
            if le - ls < 2:
                continue
            line_words = folded_line.split()
            found = suspects.intersection(line_words)
            if len(found) < 2 and (len(line_words) > 8 or strong.isdisjoint(found)):
                continue  # one odd word in a long line is a name or loanword, never a foreign span
            line = text[ls:le]
            if len(line_words) > 4 and not _MENU.search(line) and not _mostly_upper(line) \
                    and not _GLUED.search(line):
                lowered = found.intersection(_fold(line, lower=False).split())
                if not lowered or (strong.isdisjoint(lowered) and len(lowered) < 2):
                    if trace is not None:
                        trace.append(Unit(ls, le, line, "screen", self.expect[0], 0.0, False,
                                          "foreign-looking words appear only capitalised here (names)"))
                    continue
            hints: dict[str, int] = {}
            for w in found:
                langs = self._index.get(w)
                for lang in langs.split(",") if langs else ():
                    if not self._is_expected(lang):
                        hints[lang] = hints.get(lang, 0) + 1
            out.extend(self._latin_line_cached(text, ls, le, trace, taken, hints, len(found & unseen), found))
        return out

    def _latin_line_cached(self, text, ls, le, trace, taken, hints, unseen, found):
        """Scraped corpora repeat their boilerplate lines; a line's verdict depends only on the line
        (when no script finding lies inside it), so it is remembered, relative to the line start."""
        if trace is not None or taken.any_within(ls, le):
            return self._latin_line(text, ls, le, trace, taken, hints, unseen, found)
        line = text[ls:le]
        cached = self._line_cache.get(line)
        if cached is None:
            cached = [(k, s - ls, e - ls, *rest) for k, s, e, *rest in
                      self._latin_line(text, ls, le, trace, taken, hints, unseen, found)]
            if len(self._line_cache) >= _LINE_CACHE_SIZE:
                self._line_cache.clear()
            self._line_cache[line] = cached
        return [(k, s + ls, e + ls, *rest) for k, s, e, *rest in cached]

    def _latin_line(self, text, ls, le, trace, taken, hints=None, unseen=0, found=frozenset()):
        caps_line = _mostly_upper(text[ls:le])
        unit_spans = units(text, ls, le)
        chosen_units: "range | list[int]" = range(len(unit_spans))
        suspicious = set(chosen_units)
        if len(unit_spans) > 1 and found:
            suspicious = {u for u, (us, ue) in enumerate(unit_spans)
                          if not found.isdisjoint(_fold(text[us:ue]).split())}
            if len(unit_spans) > 3:
                # a long paragraph: read only the sentences holding suspect words, and their neighbours
                near = {v for u in suspicious for v in (u - 1, u, u + 1)}
                chosen_units = sorted(u for u in near if 0 <= u < len(unit_spans))
        tokens: list[_Token] = []
        unit_of: list[int] = []
        for u in chosen_units:
            us, ue = unit_spans[u]
            first = True
            for s, e, word in _words(mask_non_words(text[us:ue]), us):
                if not self._latin_token(word):
                    continue
                if taken.covers(s):
                    continue  # already part of a homoglyph or script finding
                tokens.append(_Token(s, e, word, word.lower(), token_case(word), first))
                unit_of.append(u)
                first = False
        if not tokens:
            return []
        # Candidate languages: first those the line's everyday words belong to (no model call);
        # the model is asked only when they give nothing and unknown words remain to explain.
        tried: set[str] = set()
        proposals = []
        # Ties (a word everyday in several languages) are broken by what the model hears in the line,
        # then by code, never by set order: results must not depend on PYTHONHASHSEED.
        heard: dict[str, float] = {}
        if hints and len(hints) > 2:
            top_count = max(hints.values())
            if sum(1 for c in hints.values() if c == top_count) > 2:
                heard = dict(self._model.predict(text[ls:le], k=10))
        for lang in sorted(hints or {}, key=lambda l: (-(hints or {})[l], -heard.get(l, 0.0), l))[:2]:
            tried.add(lang)
            proposals.extend(self._proposals(text, tokens, unit_of, unit_spans, lang, caps_line, trace))
        cand: dict[str, float] = {}
        if not proposals and (not hints or unseen >= 2):
            probes = [(ls, le)]
            if len(set(unit_of)) > 1:
                probes = [(unit_spans[u][0], unit_spans[u][1]) for u in sorted(set(unit_of)) if u in suspicious]
            for ps, pe in probes:
                for lang, p in self._model.predict(text[ps:pe].lower() if caps_line else text[ps:pe], k=4):
                    if p >= 0.08 and not self._is_expected(lang) and script_of_lang(lang) == "Latin":
                        cand[lang] = max(cand.get(lang, 0.0), p)
            for lang in sorted(cand, key=lambda l: (-cand[l], l))[:3]:
                if lang not in tried:
                    tried.add(lang)
                    proposals.extend(self._proposals(text, tokens, unit_of, unit_spans, lang, caps_line, trace))
        if not proposals:
            if trace is not None:
                trace.append(Unit(ls, le, text[ls:le], "latin", self.expect[0], 0.0, False,
                                  f"no span reaches word evidence {self.min_llr * 0.5:.1f} for "
                                  f"{', '.join(sorted(tried)) or 'any other language the model hears'}"))
            return []
        proposals.sort(key=lambda p: (-p[2], p[0], p[3]))
        chosen = []
        used: set[int] = set()
        for i, j, llr, lang, scores in proposals:
            if used.intersection(range(i, j)):
                continue
            res = self._decide_latin_span(text, tokens, unit_of, unit_spans, i, j, llr, lang, scores, trace)
            if res is not None:
                chosen.append(res)
                used.update(range(i, j))
        return chosen

    def _proposals(self, text, tokens, unit_of, unit_spans, lang, caps_line, trace):
        """Best-scoring spans (inside one unit each) of words more common in ``lang`` than expected."""
        code = _lexicon_code(lang)
        lex = lexicon.load(code) if code in self._lexicons else None
        if lex is None:
            return self._no_lexicon_spans(text, tokens, unit_of, unit_spans, lang, trace)
        out = []
        abc = lexicon.alphabet(code)
        scores = [self._token_score(t, lex, caps_line, abc) for t in tokens]
        k = 0
        while k < len(tokens):
            u_end = k
            while u_end < len(tokens) and unit_of[u_end] == unit_of[k]:
                u_end += 1
            for i, j, llr in _best_spans(scores[k:u_end], self.min_llr * 0.5):
                i, j = i + k, j + k
                while j - i > 1 and scores[i] < 0.5:  # weak words at the edges are not evidence
                    llr -= scores[i]
                    i += 1
                while j - i > 1 and scores[j - 1] < 0.5:
                    llr -= scores[j - 1]
                    j -= 1
                out.append((i, j, llr, lang, scores))
            k = u_end
        return out

    def _latin_token(self, word: str) -> bool:
        c = word[0]
        return c.isascii() or script_of(c) == "Latin"

    def _token_score(self, t: _Token, lex: dict[str, float], caps_line: bool,
                     abc: frozenset[str] = frozenset()) -> float:
        """Log10 frequency ratio foreign/expected of one word, weighted by how name-like it is."""
        if t.lower in LOANWORDS:
            return -0.5
        weight = 1.0
        if not caps_line:
            if t.case == "upper" or t.case == "mixed":
                return 0.0  # acronyms and camelCase: not language evidence
            if t.case == "title" and not t.initial:
                weight = 0.5  # probably a name
        if len(t.lower) == 1:
            weight *= 0.3
        fz = max(lex.get(t.lower, 0.0), lexicon.FLOOR)
        ez = max(self._expected_zipf(t.lower), lexicon.FLOOR)
        if fz == ez == lexicon.FLOOR and abc and not t.lower.isascii() and t.lower not in self._known:
            # in no lexicon, but spelt with this language's letters (and not a word we expect)
            if all(c in abc for c in t.lower if not c.isascii()):
                fz = lexicon.FLOOR + 1.0
        d = fz - ez
        if d > 3.0:
            d = 3.0
        elif d < -3.0:
            d = -3.0
        return d * weight

    def _decide_latin_span(self, text, tokens, unit_of, unit_spans, i, j, llr, lang, scores, trace):
        s, e = tokens[i].start, tokens[j - 1].end
        # Grow the span over neighbouring words of its unit that are not clearly the expected
        # language (names, numbers' neighbours, weak words); if it then fills the unit, take the unit.
        ua = unit_of[i]
        gi, gj = i, j
        while gi > 0 and unit_of[gi - 1] == ua and scores[gi - 1] > -1.0:
            gi -= 1
        while gj < len(tokens) and unit_of[gj] == ua and scores[gj] > -1.0:
            gj += 1
        if (gi == 0 or unit_of[gi - 1] != ua) and (gj == len(tokens) or unit_of[gj] != ua):
            i, j = gi, gj
            s, e = tokens[i].start, tokens[j - 1].end
        e = _extend_punct(text, e)
        frag = text[s:e]
        strong = sum(1 for k in range(i, j) if scores[k] > 0.5)
        whole_units = tokens[i].initial and (j == len(tokens) or unit_of[j] != unit_of[j - 1])
        reason = None
        needed = self.min_llr
        strong_lower = sum(1 for k in range(i, j) if scores[k] > 0.5 and tokens[k].case == "lower"
                           and len(tokens[k].lower) > 1 and tokens[k].lower not in NAME_PARTICLES)
        titles = sum(1 for k in range(i, j) if tokens[k].case == "title" and not tokens[k].initial)
        caps = _mostly_upper(frag)
        if j - i >= 2 and not caps and (strong_lower == 0 or (titles >= 2 and strong_lower < 2)):
            reason = "the foreign-looking words are capitalised: a name or title"
        elif j - i == 1 and tokens[i].case == "upper":
            reason = "one word in capitals: an acronym or a label"
        elif not whole_units and strong < 3:
            reason = f"{strong} foreign-looking word(s) inside a sentence: a name or loanword"
        elif whole_units and strong < 2 and not (_MENU.search(text[unit_spans[0][0]:unit_spans[-1][1]])
                                                  or len(unit_spans) == 1):
            reason = "one foreign-looking word: only a menu item or a line of its own counts"
        elif whole_units:
            # a whole line, sentence, clause or menu item: less word evidence is needed
            needed = self.min_llr * (0.5 if strong < 2 else 0.75)
        if reason is None and llr < needed:
            reason = f"word evidence {llr:.1f} < {needed:.1f}"
        letters = sum(1 for c in frag if c.isalpha())
        if reason is None and letters < max(self.min_length, 3):
            reason = f"{letters} letters: too short to tell"
        ft_lang, ft_p, p_exp = lang, 0.0, 0.0
        borderline = False
        if reason is None:
            preds = self._model.predict(frag.lower() if caps else frag, k=5)
            p_exp = sum(p for l, p in preds if self._is_expected(l))
            top = next(((l, p) for l, p in preds if not self._is_expected(l)), (lang, 0.0))
            ft_lang, ft_p = top
            p_lang = sum(p for l, p in preds if same_family(l, lang))
            if p_exp >= 0.35:
                reason = f"model hears the expected language ({p_exp:.2f})"
            elif max(ft_p, p_lang) < (0.25 if llr >= 1.25 * needed and p_exp < 0.2 else 0.4) \
                    and not (llr >= 2 * needed and p_exp < 0.1):
                reason = f"model unsure ({ft_lang} {ft_p:.2f})"
            borderline = (j - i) <= 3 and max(ft_p, p_lang) < 0.75
            if script_of_lang(ft_lang) != "Latin" or self._is_expected(ft_lang) or ft_p < p_lang * 0.5:
                ft_lang, ft_p = lang, p_lang
            elif not same_family(ft_lang, lang):
                # The model and the lexicons disagree on which language: let the word evidence
                # under the model's language decide.
                code = _lexicon_code(ft_lang)
                alt_lex = lexicon.load(code) if code in self._lexicons else None
                alt = (sum(self._token_score(tokens[k], alt_lex, caps, lexicon.alphabet(code)) for k in range(i, j))
                       if alt_lex else None)
                if (alt is not None and alt < 0.6 * llr) or (alt is None and ft_p < 0.7):
                    ft_lang, ft_p = lang, max(p_lang, ft_p)
        score = 0.5 * min(1.0, llr / (1.5 * needed)) + 0.5 * min(1.0, max(ft_p, 0.0))
        if reason is None and score >= self.threshold and borderline:
            # langdetect is slow: asked only about spans that would otherwise be flagged
            ld = second_opinion(frag)
            if ld and self._is_expected(ld[0][0]) and ld[0][1] >= 0.5:
                reason = f"langdetect hears the expected language ({ld[0][0]} {ld[0][1]:.2f})"
        flagged = reason is None and score >= self.threshold
        if reason is None and not flagged:
            reason = f"score {score:.2f} < threshold {self.threshold:.2f}"
        if trace is not None:
            trace.append(Unit(s, e, frag, "latin", ft_lang, score, flagged,
                              reason or f"word evidence {llr:.1f} for {lang}; model {ft_lang} {ft_p:.2f}, "
                                        f"expected {p_exp:.2f}"))
        if not flagged:
            return None
        return (Kind.LATIN, s, e, ft_lang, "Latin", score, "", ())

    def _no_lexicon_spans(self, text, tokens, unit_of, unit_spans, lang, trace):
        """Languages without a shipped lexicon: whole units the model is sure of, with few expected words."""
        out = []
        members: dict[int, list[int]] = {}
        for k, u in enumerate(unit_of):
            members.setdefault(u, []).append(k)
        for u, idx in members.items():
            if len(idx) < 3:
                continue
            us, ue = unit_spans[u]
            preds = self._model.predict(text[us:ue], k=3)
            if not preds or preds[0][0] != lang or preds[0][1] < 0.9:
                continue
            common = sum(1 for k in idx if self._expected_zipf(tokens[k].lower) >= 3.5)
            if common / len(idx) >= 0.25:
                continue
            scores = [0.0] * len(tokens)
            for k in idx:
                scores[k] = self.min_llr / len(idx)
            out.append((idx[0], idx[-1] + 1, self.min_llr, lang, scores))
        return out

    # ----------------------------------------------------------------- stage 3: whole document
    def _document_stage(self, text, spans, trace):
        if not spans or "document" not in self.options.kinds:
            return None
        total = len(_LETTER.findall(text))
        if total < 40:
            return None
        covered = sum(len(_LETTER.findall(text, s, e)) for _, s, e, *_ in spans)
        share = covered / total
        if share < 0.25:
            return None
        whole_lang = None
        if share < 0.8:
            if total < 400:
                return None
            # Partly covered (tables of names and numbers, link lists): ask the model about the whole.
            # The less of the text the fragments cover, the surer the model must be.
            preds = self._model.predict(text[:4000], k=3)
            top = next(((l, p) for l, p in preds if not self._is_expected(l)), None)
            p_exp = sum(p for l, p in preds if self._is_expected(l))
            need, allow_exp = (0.7, 0.2) if share >= 0.4 else (0.85, 0.05)
            if top is None or top[1] < need or p_exp > allow_exp:
                return None
            share = max(share, top[1])  # the model's certainty about the whole is the score
            whole_lang = top[0]
        by_lang: dict[str, int] = {}
        script_of_lang_seen: dict[str, str] = {}
        for _, s, e, lang, script, *_ in spans:
            by_lang[lang] = by_lang.get(lang, 0) + (e - s)
            script_of_lang_seen[lang] = script
        lang = max(by_lang, key=by_lang.get)
        if whole_lang is not None and whole_lang != lang:
            lang = whole_lang  # the model read the whole text; the fragments' languages are guesses on parts
            script_of_lang_seen.setdefault(lang, script_of_lang(lang))
        s, e = _trim_to_letters(text, 0, len(text), keep_punct=True)
        score = min(0.99, share)
        if trace is not None:
            trace.append(Unit(s, e, text[s:e][:80], "document", lang, score, True,
                              f"{share:.0%} of the letters are in foreign fragments"))
        return (Kind.DOCUMENT, s, e, lang, script_of_lang_seen[lang], score, f"{share:.0%} of letters foreign", ())


_LETTER = re.compile(r"[^\W\d_]")
_LINE_CACHE_SIZE = 20_000  # scored lines remembered per Detector (cleared when full: bounded memory)


def _lexicon_code(lang: str) -> str:
    return {"nn": "no", "nb": "no", "sh": "hr", "bs": "hr", "sr": "hr", "fil": "tl"}.get(lang, lang)


def _word_around(text: str, s: int, e: int) -> tuple[int, int]:
    while s > 0 and (text[s - 1].isalpha() or unicodedata.category(text[s - 1]) == "Mn"):
        s -= 1
    n = len(text)
    while e < n and (text[e].isalpha() or unicodedata.category(text[e]) == "Mn"):
        e += 1
    return s, e


def _bridgeable(text: str, end: int, start: int) -> bool:
    """May two runs of one script be joined over text[end:start]? Only over short neutral gaps."""
    if start - end > 8:
        return False
    for c in text[end:start]:
        if c in _HARD_GAP or c.isalpha():
            return False
    return True


def _trim_to_letters(text: str, s: int, e: int, keep_punct: bool = False) -> tuple[int, int]:
    if keep_punct:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e
    while s < e and not (text[s].isalpha() or text[s].isdigit()):
        s += 1
    while e > s and not (text[e - 1].isalpha() or text[e - 1].isdigit()):
        if unicodedata.category(text[e - 1]).startswith("M"):
            break
        e -= 1
    n = len(text)
    while e < n and unicodedata.category(text[e]).startswith("M"):
        e += 1
    return s, e


class _Taken:
    """Spans the script stage already reported, sorted, with their starts kept for bisection."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def covers(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.spans[k][1]

    def any_within(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, start)
        return k < len(self.starts) and self.starts[k] < end


def _latin_word(word: str) -> bool:
    c = word[0]
    return c < "\u0250" or "\u1e00" <= c <= "\u1eff"


def _lines_holding(folded: str, text: str, words: set[str], strong: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, folded line) of the lines of ``text`` holding two suspect words, or one strong one.

    A few str.find calls per suspect word instead of a Python step per line:
    most lines of a document hold no suspect at all, and most of the rest
    hold a single name.
    """
    n = len(folded)
    if n != len(text) or len(words) * n > 400_000:
        # lowercasing changed the length (rare letters such as U+0130), or many suspects in a long
        # text: one split per line is then the better deal
        spans = lines(text)
        return [(ls, le, fl) for (ls, le), fl in zip(spans, folded.split("\n")) if not words.isdisjoint(fl.split())]
    hits: list[tuple[int, int]] = []
    find = folded.find
    for w in words:
        k = len(w)
        weight = 2 if w in strong else 1
        i = find(w)
        while i != -1:
            if (i == 0 or folded[i - 1] in " \t\n\r") and (i + k == n or folded[i + k] in " \t\n\r"):
                hits.append((i, weight))
            i = find(w, i + k)
    hits.sort()
    out: list[tuple[int, int, str]] = []
    idx = 0
    while idx < len(hits):
        pos = hits[idx][0]
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        weight = 0
        while idx < len(hits) and hits[idx][0] < end:
            weight += hits[idx][1]
            idx += 1
        if weight >= 2:
            ls = text.rfind("\n", 0, pos) + 1
            le = end - 1 if end > ls and text[end - 1] == "\r" else end
            out.append((ls, le, folded[ls:le]))
    return out


def _merge_latin(text: str, spans: list) -> list:
    """Join Latin findings of one language into one when only separators lie between them: flagged units
    of one line ("Kontakt | Impressum"), or a sentence a line break cuts in two.  Lines that each end
    (menu items, UI strings, a footer) stay separate findings."""
    out: list = []
    for item in spans:
        if out:
            prev = out[-1]
            if prev[0] == item[0] == Kind.LATIN and prev[3] == item[3]:
                gap = text[prev[2]:item[1]]
                breaks = gap.count("\n")
                if not any(c.isalnum() for c in gap) and (
                        (breaks == 0 and len(gap) <= 4)
                        or (breaks == 1 and len(gap) <= 20 and text[prev[2] - 1] not in ".!?:;…")):
                    out[-1] = (prev[0], prev[1], item[2], prev[3], prev[4], max(prev[5], item[5]), prev[6], prev[7])
                    continue
        out.append(item)
    return out


def _extend_punct(text: str, e: int) -> int:
    """Take a sentence's closing punctuation into the fragment."""
    n = len(text)
    k = e
    while k < n and text[k] in ".!?…":
        k += 1
    if k > e and (k == n or text[k].isspace()):
        return k
    return e


def _mostly_upper(s: str) -> bool:
    """An ALL-CAPS line: capitalisation then says nothing about names."""
    low = len(_LOWER.findall(s))
    up = len(_UPPER.findall(s))
    return up >= 4 and up > 4 * low


def _fold(text: str, lower: bool = True) -> str:
    """Words only: lowercased, punctuation and digits turned to spaces, newlines kept.

    Done with bytes.translate on the UTF-8 form (C speed for any text); the
    number and order of lines are unchanged, so a line's words are its
    folded line's words.
    """
    if lower:
        text = text.lower()
    return text.encode("utf-8", "surrogatepass").translate(_BYTE_FOLD).decode("utf-8", "surrogatepass")


_BYTE_FOLD = bytes(
    c if (65 <= c <= 90 or 97 <= c <= 122 or c in (9, 10, 13, 32) or c >= 128) else 32 for c in range(256)
)
_LOWER = re.compile(r"[a-zß-öø-ÿ]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")


def _best_spans(scores: list[float], min_sum: float) -> list[tuple[int, int, float]]:
    """Non-overlapping maximal-sum token spans whose sum reaches ``min_sum`` (Kadane, repeated)."""
    out = []
    stack = [(0, len(scores))]
    while stack:
        lo, hi = stack.pop()
        best = 0.0
        bs = be = -1
        cur = 0.0
        cs = lo
        for i in range(lo, hi):
            if cur <= 0:
                cur, cs = 0.0, i
            cur += scores[i]
            if cur > best:
                best, bs, be = cur, cs, i + 1
        if be > bs >= 0 and best >= min_sum:
            out.append((bs, be, best))
            stack.append((lo, bs))
            stack.append((be, hi))
    out.sort()
    return out


_default_lock = threading.Lock()
_default: dict[tuple, Detector] = {}


def scan_text(text: str, expect: Sequence[str] | str = ("en",), **kwargs) -> list[Finding]:
    """Scan one text with a shared Detector for these settings (convenience for notebooks)."""
    if isinstance(expect, str):
        expect = tuple(x.strip() for x in expect.split(",") if x.strip())
    key = (tuple(expect), tuple(sorted(kwargs.items())))
    with _default_lock:
        det = _default.get(key)
        if det is None:
            det = _default[key] = Detector(expect=tuple(expect), **kwargs)
    return det.scan(text)
