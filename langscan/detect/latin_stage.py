"""Stage 2: Latin-script text in a language other than the expected ones.

Follow one decision from text to finding:

1. screen (``run``): set arithmetic on the text's folded words, at C speed.
   A word common in the expected language, or not everyday vocabulary in any
   other language we know, cannot start a finding; a clean text stops here.
   Lines naming a language (CLDR endonyms) go to the menu reader
   (``menus.py``); lines holding two suspect words, or one strong one, go on.
2. whole units (``_foreign_units``): a sentence of many words the expected
   lexicon barely explains, which fastText (or, when it is unsure, lingua)
   does not hear as expected, is foreign as a whole.
3. word evidence (``_proposals``): each word's log-frequency ratio, foreign
   lexicon vs expected lexicon, for the languages the line's everyday words
   point to (or the model hears); the best-scoring spans of each unit are
   proposed and decided (``_decide``): grown to whole units, checked against
   name and acronym evidence, and the model must agree.
4. words no lexicon explains (``_unknown_word_spans``): for the languages
   without a shipped lexicon, a two-state Viterbi segmentation (expected /
   foreign, a cost for switching) of the expected lexicon's evidence, with
   lingua naming the span's language.

langdetect is no longer asked: on the dev data it changed no decision that
lingua and fastText did not already make, and it cost 0.6 s of loading.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .. import lexicon
from ..evidence import LOANWORDS, NAME_PARTICLES, mask_non_words, token_case
from ..finding import Kind
from ..languages import same_family, script_of_lang
from ..scripts import script_of
from . import tuning
from .candidate import Candidate
from .screen import fold_words, lines_holding_any as _lines_holding_any, occurring
from .menus import all_first_words, menu_candidates, trigger_words
from .segmentation import segment, viterbi_spans
from .setup import Setup
from .text import GLUED, MENU, extend_punct, fold, is_latin_word, lines, mostly_upper, units, words


@dataclass(slots=True)
class Token:
    start: int
    end: int
    word: str
    lower: str
    case: str
    initial: bool  # first word of its unit: capitalisation says nothing there


@dataclass(slots=True)
class Proposal:
    """Tokens ``i:j`` of a line scored ``llr`` for ``lang`` (``scores``: every token's score)."""

    i: int
    j: int
    llr: float
    lang: str
    scores: list


class Taken:
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


_QUOTE_CHARS = "“\"„«"
_QUOTED = re.compile(r"[“\"„«]([^“”\"„«»\n]{2,200}?)[”\"“»]")


def _expected_run(setup: Setup, lowered: list[str]) -> int:
    """The longest run of consecutive words common in the expected language that holds a word no other
    language uses every day ("according to the" counts; Sesotho's "o na le", all everyday elsewhere
    too, does not)."""
    run = longest = 0
    own = False
    for w in lowered:
        if setup.expected_zipf(w) >= tuning.WHOLE_UNIT_COMMON_ZIPF:
            run += 1
            own = own or w not in setup.everyday
            if own:
                longest = max(longest, run)
        else:
            run, own = 0, False
    return longest


def _capitalises_nouns(langs: str, setup: Setup) -> bool:
    """Is one of these (comma-separated) languages, not an expected one, written with capitalised
    everyday words (German nouns, English title-case UI strings)?"""
    return any(l in tuning.NOUNS_CAPITALISED and not setup.is_expected(l) for l in langs.split(",")) \
        if langs else False


def lexicon_code(lang: str) -> str:
    """The shipped lexicon that stands for ``lang`` (Norwegian variants, Serbo-Croatian, Filipino)."""
    return {"nn": "no", "nb": "no", "sh": "hr", "bs": "hr", "sr": "hr", "fil": "tl"}.get(lang, lang)


class LatinStage:
    """The Latin-script stage of one Detector (holds its bounded cache of line verdicts)."""

    def __init__(self, setup: Setup) -> None:
        self.setup = setup
        self._line_cache: dict[str, list[Candidate]] = {}

    # ------------------------------------------------------------------ screen
    def run(self, text: str, trace, taken: Taken, folded_words=None) -> list[Candidate]:
        st = self.setup
        # (the detector may have folded the text already)
        folded, words_, rare = folded_words or fold_words(text, st.screen)
        everyday = rare.intersection(st.everyday)
        # words in other scripts (Cyrillic, Arabic...) are the script stage's business, not suspects here
        unseen = {w for w in rare.difference(st.known) if w.isalpha() and is_latin_word(w)}
        suspects = everyday | unseen
        # Strong suspects: everyday words of another language, or words with letters English
        # does not use (é, ł, ő...). A lone unseen ASCII word is a name, brand or typo.
        strong = everyday | {w for w in unseen if not w.isascii()}
        menu: list[Candidate] = []
        named = words_.intersection(trigger_words(st))
        if named:
            any_named = words_.intersection(all_first_words())
            menu = menu_candidates(st, text, [(ls, le) for ls, le, _ in _lines_holding(folded, text, named, named)],
                                   [(ls, le) for ls, le, _ in _lines_holding(folded, text, any_named, any_named)])
            if trace.on:
                for c in menu:
                    trace.add(c.start, c.end, text[c.start:c.end], "latin", c.lang, c.score, True,
                              f"a menu item naming {c.lang} (CLDR endonym)")
        # short everyday words of another language that the expected one knows too ("les", "des", "est"),
        # standing where a short unit can hold them (most stand in English prose: "Tour de France")
        common_elsewhere = words_.intersection(st.foreign_common)
        if common_elsewhere:
            common_elsewhere = _in_short_units(text, folded, common_elsewhere)
        if not suspects:
            if common_elsewhere:  # only the short units holding them are read
                out = menu + self._short_units(text, folded, common_elsewhere, taken, trace,
                                               common_elsewhere=common_elsewhere)
                return _drop_names_of_works(st, text, out, trace) if out else out
            if trace.on:
                trace.add(0, len(text), text[:80], "screen", st.expect[0], 0.0, False,
                          "no word is everyday vocabulary of another language")
            return menu
        out: list[Candidate] = menu
        index = st.everyday_index
        lone_strong: set[str] = set()
        read: set[int] = set()  # starts of the lines read below
        for ls, le, folded_line in _lines_holding(folded, text, suspects, strong):
            if le - ls < 2:
                continue
            line_words = folded_line.split()
            found = suspects.intersection(line_words)
            if len(found) < 2 and (len(line_words) > tuning.LONG_LINE_WORDS or strong.isdisjoint(found)):
                # one odd word in a long line is a name or loanword, never a foreign span of the line;
                # an everyday word of another language may still open a quoted or appended short unit
                lone_strong.update(found & strong)
                continue
            line = text[ls:le]
            if len(line_words) > tuning.CAPS_ONLY_LINE_WORDS and not MENU.search(line) \
                    and not mostly_upper(line) and not GLUED.search(line):
                lowered = found.intersection(fold(line, lower=False).split())
                # capitalised suspects that are everyday nouns of a language capitalising its nouns (German)
                capital_everyday = sum(1 for w in (found - lowered) & everyday
                                       if _capitalises_nouns(index.get(w, ""), st))
                if capital_everyday < tuning.CAPITAL_EVERYDAY_WORDS and \
                        (not lowered or (strong.isdisjoint(lowered) and len(lowered) < 2)):
                    if trace.on:
                        trace.add(ls, le, line, "screen", st.expect[0], 0.0, False,
                                  "foreign-looking words appear only capitalised here (names)")
                    continue
            hints: dict[str, int] = {}
            for w in found:
                langs = index.get(w)
                for lang in langs.split(",") if langs else ():
                    if not st.is_expected(lang):
                        hints[lang] = hints.get(lang, 0) + 1
            read.add(ls)
            got = self._line_cached(text, ls, le, trace, taken, hints, len(found & unseen), found)
            if not got and len(line_words) <= tuning.REPEAT_MAX_WORDS and not taken.any_within(ls, le):
                rep = self._repeated_line(text, ls, le, line_words, hints, trace,
                                          _whole_line_count(folded, folded_line.strip()))
                got = [rep] if rep is not None else got
            out.extend(got)
        # a short line of words no lexicon of the expected language knows, repeated through the text
        # ("Advertisement" between the articles of a Spanish page): the screen let it pass as one weak word
        weak = unseen - strong
        # (bounded work: not on a long text with very many unknown words)
        if weak and len(weak) * len(folded) <= tuning.REPEAT_WEAK_SEARCH:
            weak = {w for w in weak if folded.count(w) >= tuning.REPEAT_MIN}  # C-speed count first
        else:
            weak = set()
        if weak:
            short: dict[str, list[tuple[int, int]]] = {}
            for ls, le, folded_line in _lines_holding(folded, text, weak, weak):
                line_words = folded_line.split()
                if ls not in read and len(line_words) <= tuning.REPEAT_MAX_WORDS and weak.issuperset(line_words):
                    short.setdefault(" ".join(line_words), []).append((ls, le))
            for key, spans in short.items():
                if len(spans) < tuning.REPEAT_MIN:
                    continue
                for ls, le in spans:
                    if taken.any_within(ls, le):
                        continue
                    rep = self._repeated_line(text, ls, le, key.split(), {}, trace, len(spans))
                    if rep is not None:
                        out.append(rep)
        # words the expected language hardly uses (wordfreq's English list holds much foreign noise,
        # so "never seen" is too strict a test for two or three words)
        # words English hardly uses that it has never seen, or that are everyday elsewhere
        odd = rare.difference(st.familiar)
        if odd:
            # seen in lowercase somewhere (names and brands are capitalised wherever they appear)
            odd = occurring(text, folded, words_, lambda: set(fold(text, lower=False).split()),
                            {w for w in odd if (w not in st.known or w in st.everyday) and w.isalpha()
                             and is_latin_word(w)})
        # everyday words of another language alone in a long line ("... points. Tous les"): lingua judges
        # the quoted or appended short unit around them
        odd |= lone_strong
        # a short unit holding a word common elsewhere is read like one holding an odd word (lingua and the
        # lexicons decide it)
        common_elsewhere = common_elsewhere.difference(odd)
        if odd or common_elsewhere:
            out.extend(self._short_units(text, folded, odd | common_elsewhere, taken, trace, lone_strong,
                                         common_elsewhere))
        return _drop_names_of_works(st, text, out, trace) if out else out

    # ------------------------------------------------------------------ repeated page furniture
    def _repeated_line(self, text, ls, le, line_words, hints, trace, repeats: int) -> Candidate | None:
        """A short line repeated as a line of its own through the text ("Photo" under every picture,
        "Advertisement" between articles) is the page's template: when every word of it is an everyday
        word of another language and more common there than in the expected one, it is that language's
        furniture, though each word alone is weak evidence (the expected lexicon holds web loans)."""
        st = self.setup
        raw = text[ls:le]
        line = raw.strip()
        if not line or repeats < tuning.REPEAT_MIN:
            return None
        langs = sorted(hints, key=lambda l: (-hints[l], l)) if hints else []
        if not langs:
            langs = [l for l, p in st.model.predict(line.lower(), k=2)
                     if not st.is_expected(l) and script_of_lang(l) == "Latin" and p >= tuning.MODEL_PROBE_MIN_P]
        for lang in langs[:tuning.MAX_HINT_LANGS]:
            code = lexicon_code(lang)
            lex = lexicon.load(code) if code in st.lexicons else None
            if lex is None:
                continue
            llrs = [max(lex.get(w, 0.0), lexicon.FLOOR) - max(st.expected_zipf(w), lexicon.FLOOR) for w in line_words]
            if not all(lex.get(w, 0.0) >= tuning.REPEAT_WORD_ZIPF and d >= tuning.REPEAT_WORD_LLR
                       for w, d in zip(line_words, llrs)):
                continue
            preds = st.model.predict(line.lower(), k=5)
            p_exp = sum(q for l, q in preds if st.is_expected(l))
            p_lang = sum(q for l, q in preds if same_family(l, lang))
            s = ls + (len(raw) - len(raw.lstrip()))
            score = min(tuning.SCORE_CAP, 0.5 + 0.5 * min(1.0, sum(llrs) / (tuning.EVIDENCE_SCALE * st.min_llr)))
            # the model must hear the language too ("digg", a share button, is no Norwegian)
            flagged = p_exp < tuning.MODEL_HEARS_EXPECTED and p_lang >= tuning.MODEL_UNSURE and score >= st.threshold
            if trace.on:
                trace.add(s, s + len(line), line, "latin", lang, score, flagged,
                          f"a line repeated through the text, every word everyday {lang} (evidence "
                          f"{sum(llrs):.1f}); model hears {lang} {p_lang:.2f}, the expected language {p_exp:.2f}")
            if flagged:
                return Candidate(Kind.LATIN, s, s + len(line), lang, "Latin", score)
            return None
        return None

    # ------------------------------------------------------------------ short units: pairs, quotes
    def _short_units(self, text, folded, unseen, taken, trace, everyday=frozenset(),
                     common_elsewhere=frozenset()) -> list[Candidate]:
        """A quoted phrase, a line of its own or a sentence appended to a line, of a few words, holding
        a word the expected lexicon has never seen: lingua's character statistics decide it.

        Word evidence cannot decide two or three words, and fastText is unreliable on them; lingua
        must be sure it is not the expected language (and name a language) before it is a finding.
        """
        st = self.setup
        out: list[Candidate] = []
        odd = unseen.difference(common_elsewhere)
        aligned = len(folded) == len(text)
        for ls, le, folded_line in _lines_holding(folded, text, unseen, unseen):
            # a line whose only reason is a word common elsewhere ("les"): only the units holding it
            # (checked on the folded text first, cheaply: most such lines are English, "Tour de France")
            only_common = bool(common_elsewhere) and aligned and odd.isdisjoint(folded_line.split())
            spans = []
            if le - ls <= tuning.SHORT_LINE_CHARS:
                spans.append((ls, le, False))
            else:
                line = text[ls:le]
                if any(q in line for q in _QUOTE_CHARS):
                    spans = [(m.start(1), m.end(1), True) for m in _QUOTED.finditer(text, ls, le)]
                cut = max(line.rfind(". "), line.rfind("! "), line.rfind("? "))
                if cut != -1 and line.count(" ", cut + 2) < tuning.SHORT_UNIT_MAX_WORDS:
                    spans.append((ls + cut + 2, le, False))  # a short sentence appended to the line
            for s, e, quoted in spans:
                if only_common and not _holds_written(text[s:e], common_elsewhere):
                    continue
                toks = list(words(mask_non_words(text[s:e]), s, st.known))
                limit = tuning.SHORT_QUOTE_MAX_WORDS if quoted else tuning.SHORT_UNIT_MAX_WORDS
                if not toks or len(toks) > limit or taken.any_within(s, e) or taken.covers(s):
                    continue
                lowered = [w.lower() for _, _, w in toks]
                long_quote = quoted and len(toks) >= tuning.SHORT_LONG_QUOTE_WORDS
                common_words = [w for w in lowered if st.expected_zipf(w) >= tuning.SHORT_COMMON_ZIPF]
                if common_elsewhere and not long_quote:
                    # a word far more common in another language ("les", "des", "pour") is no sign of English
                    common_words = [w for w in common_words if w not in common_elsewhere]
                common = len(common_words)
                if long_quote:
                    # a quoted sentence: judged like a whole unit (few expected words, no run of them)
                    # (short words other languages use every day too, "le", "o", "na", do not count)
                    own = sum(1 for w in common_words if w not in st.everyday)
                    if own > tuning.SHORT_QUOTE_MAX_COMMON * len(toks) or \
                            _expected_run(st, lowered) >= tuning.WHOLE_UNIT_EXPECTED_RUN:
                        continue
                else:
                    if not any(w in unseen for w in lowered[0 if quoted else 1:]) and \
                            not (lowered[0] in unseen and (toks[0][2].islower() or lowered[0] in everyday)):
                        continue  # a capitalised unknown word alone is a name or a brand (an everyday
                        # word of another language opening its sentence is not)
                    if len(toks) < 2:
                        continue
                    if any(w[:1].isupper() and k > 0 and not quoted for k, (_, _, w) in enumerate(toks)):
                        continue  # capitalised words after the first: a name or a title
                    if any(token_case(w) in ("upper", "mixed") for _, _, w in toks):
                        continue  # acronyms and brands (KKL-JNF, iFixit, eNewspaper)
                    if common * 2 > len(toks) or any(w not in st.everyday for w in common_words):
                        continue  # an everyday expected word that is no other language's everyday word ("says")
                    if any(st.expected_zipf(w) >= tuning.SHORT_KNOWN_ZIPF and w not in st.everyday
                           for w in lowered):
                        continue  # an expected word no other language uses every day ("humidifier", "diy")
                fs, fe = toks[0][0], toks[-1][1]
                fe = extend_punct(text, fe)
                frag = text[fs:fe]
                verdict = _lingua_verdict(st, frag)
                if verdict is None:
                    continue
                preds, l_exp = verdict
                lang, p = preds[0]
                min_p = tuning.SHORT_PAIR_MIN_P if len(toks) <= 3 else tuning.LINGUA_MIN_P
                flagged = (not st.is_expected(lang) and p >= min_p and l_exp <= tuning.SHORT_MAX_EXPECTED)
                if flagged and long_quote and common_words:
                    # most everyday expected words of a quoted sentence must be more common in the language
                    # lingua names (or, without its lexicon, everyday elsewhere: "le", "o", "na" in
                    # Setswana), not English words ("drunk", "master", "now")
                    code = lexicon_code(lang)
                    named_lex = lexicon.load(code) if code in st.lexicons else None
                    english_like = sum(1 for w in common_words
                                       if (named_lex.get(w, 0.0) <= st.expected_zipf(w) if named_lex is not None
                                           else w not in st.everyday))
                    flagged = 2 * english_like < len(toks)
                if flagged and not long_quote:
                    # every word the expected lexicon knows must be more common in the named language
                    # ("hypersensitive pneumonitis" is rare English, not Esperanto); lingua's runners-up
                    # are tried too, since two words rarely tell close languages apart ("encontrar un":
                    # pt 0.42, es below it)
                    named = [(lang, p)] + [(l, q) for l, q in preds[1:tuning.SHORT_ALT_LANGS]
                                           if q >= tuning.SHORT_PAIR_MIN_P and not st.is_expected(l)
                                           and lexicon_code(l) in st.lexicons]  # runners-up need a lexicon
                    flagged = False
                    for alt, q in named:
                        if self._short_words_fit(lowered, alt):
                            flagged = True
                            lang, p = alt, max(p if alt == lang else q, q)
                            break
                if flagged and quoted and all(w[:1].isupper() for _, _, w in toks) and len(toks) < 3:
                    flagged = False  # a quoted title or name ("Quo Vadis", "Caja Magica")
                score = min(tuning.SCORE_CAP, 0.5 + 0.5 * p * (1 - common / len(toks)))
                if trace.on:
                    trace.add(fs, fe, frag, "latin", lang, score, flagged,
                              f"a short {'quoted ' if quoted else ''}unit with a word the expected lexicon never saw; "
                              f"lingua hears {lang} {p:.2f}, expected {l_exp:.2f}")
                if flagged and score >= st.threshold:
                    out.append(Candidate(Kind.LATIN, fs, fe, lang, "Latin", score))
        return out

    def _short_words_fit(self, lowered: list[str], lang: str) -> bool:
        """Is every word of a short unit that the expected language knows more common in ``lang``?"""
        st = self.setup
        code = lexicon_code(lang)
        lex = lexicon.load(code) if code in st.lexicons else None
        if lex is None:
            # no lexicon to compare with (the everyday-elsewhere test stands in): an everyday expected
            # word longer than a particle ("serial ioctl", "fpcr file") says the phrase is the expected
            # language's jargon
            return not any(st.expected_zipf(w) >= tuning.SHORT_COMMON_ZIPF
                           and len(w) > tuning.SHORT_PARTICLE_LETTERS for w in lowered)
        return all(st.expected_zipf(w) < tuning.SHORT_KNOWN_ZIPF or lex.get(w, 0.0) > st.expected_zipf(w)
                   for w in lowered)

    def _line_cached(self, text, ls, le, trace, taken, hints, unseen, found):
        """Scraped corpora repeat their boilerplate lines; a line's verdict depends only on the line
        (when no script finding lies inside it), so it is remembered, relative to the line start."""
        if trace.on or taken.any_within(ls, le):
            return self._line(text, ls, le, trace, taken, hints, unseen, found)
        line = text[ls:le]
        cached = self._line_cache.get(line)
        if cached is None:
            cached = [c.shifted(-ls) for c in self._line(text, ls, le, trace, taken, hints, unseen, found)]
            if len(self._line_cache) >= tuning.LINE_CACHE_SIZE:
                self._line_cache.clear()
            self._line_cache[line] = cached
        return [c.shifted(ls) for c in cached]

    # ------------------------------------------------------------------ one suspect line
    def _line(self, text, ls, le, trace, taken, hints=None, unseen=0, found=frozenset()):
        st = self.setup
        caps_line = mostly_upper(text[ls:le])
        unit_spans = _rejoin_brands(text, units(text, ls, le), st.known)
        chosen_units: "range | list[int]" = range(len(unit_spans))
        suspicious = set(chosen_units)
        if len(unit_spans) > 1 and found:
            suspicious = {u for u, (us, ue) in enumerate(unit_spans)
                          if not found.isdisjoint(fold(text[us:ue]).split())}
            if len(unit_spans) > 3:
                # a long paragraph: read only the sentences holding suspect words, and their neighbours
                near = {v for u in suspicious for v in (u - 1, u, u + 1)}
                chosen_units = sorted(u for u in near if 0 <= u < len(unit_spans))
        tokens: list[Token] = []
        unit_of: list[int] = []
        for u in chosen_units:
            us, ue = unit_spans[u]
            first = True
            for s, e, word in words(mask_non_words(text[us:ue]), us, st.known):
                c = word[0]
                if not (c.isascii() or script_of(c) == "Latin"):
                    continue
                if taken.covers(s):
                    continue  # already part of a homoglyph or script finding
                tokens.append(Token(s, e, word, word.lower(), token_case(word), first))
                unit_of.append(u)
                first = False
        if not tokens:
            return []
        # Whole foreign units first: a sentence the expected lexicon barely explains and the model
        # does not hear as expected is foreign as a whole, whatever lexicon explains which word.
        whole_units = (self._foreign_units(text, tokens, unit_of, unit_spans, caps_line, trace)
                       if len(found) >= tuning.WHOLE_UNIT_MIN_SUSPECTS or not found else [])
        if whole_units:
            done = {u for u, _ in whole_units}
            keep = [k for k in range(len(tokens)) if unit_of[k] not in done]
            if not keep:
                return [c for _, c in whole_units]
            tokens = [tokens[k] for k in keep]
            unit_of = [unit_of[k] for k in keep]
            rest = self._line_tokens(text, ls, le, trace, tokens, unit_of, unit_spans, caps_line, hints,
                                     unseen, suspicious)
            return sorted([c for _, c in whole_units] + rest, key=lambda c: c.start)
        return self._line_tokens(text, ls, le, trace, tokens, unit_of, unit_spans, caps_line, hints, unseen,
                                 suspicious)

    def _foreign_units(self, text, tokens, unit_of, unit_spans, caps_line, trace):
        """(unit, candidate) for the units of many words that are foreign as a whole."""
        st = self.setup
        members: dict[int, list[int]] = {}
        for k, u in enumerate(unit_of):
            members.setdefault(u, []).append(k)
        out = []
        for u, idx in members.items():
            if len(idx) < (tuning.WHOLE_LINE_MIN_WORDS if len(unit_spans) == 1 else tuning.WHOLE_UNIT_MIN_WORDS):
                continue
            commons = [tokens[k].lower for k in idx if st.expected_zipf(tokens[k].lower) >= tuning.WHOLE_UNIT_COMMON_ZIPF
                       or tokens[k].lower in LOANWORDS]
            common = len(commons)
            # (short words other languages use every day, "te", "e", "i", "o", count only for fastText)
            own = sum(1 for w in commons if w not in st.everyday)
            if own > tuning.WHOLE_UNIT_MAX_COMMON_LINGUA * len(idx):
                continue
            # with many short words the languages share ("a", "an", "in", "na"), only lingua decides
            lingua_only = common > tuning.WHOLE_UNIT_MAX_COMMON * len(idx)
            if lingua_only:
                if _expected_run(st, [tokens[k].lower for k in idx]) >= tuning.WHOLE_UNIT_EXPECTED_RUN:
                    continue  # a run of expected words: an expected sentence holding a fragment
            s, e = tokens[idx[0]].start, tokens[idx[-1]].end
            e = extend_punct(text, e)
            frag = text[s:e]
            lowered = sum(1 for k in idx if tokens[k].case == "lower")
            if lowered < tuning.WHOLE_UNIT_MIN_LOWER and not caps_line:
                continue  # a row of capitalised words: names and titles
            if frag.count(",") >= tuning.WHOLE_UNIT_LIST_COMMAS * len(idx):
                continue  # a comma-separated list of names, handles or tags, not a sentence
            preds = st.model.predict(frag.lower() if caps_line else frag, k=5)
            p_exp = sum(q for l, q in preds if st.is_expected(l))
            heard_expected = p_exp >= tuning.MODEL_HEARS_EXPECTED
            if heard_expected and (own > tuning.WHOLE_UNIT_MAX_COMMON * len(idx) or sum(
                    1 for k in idx if tokens[k].lower not in st.known) < tuning.LINGUA_OVERRULES_UNKNOWN * len(idx)):
                continue
            # (fastText hearing the expected language in a sentence of words the expected lexicon does not
            # know, "Ikiwa utafanya tendo lingine...", is overruled only by a near-certain lingua below)
            top = next(((l, q) for l, q in preds if not st.is_expected(l) and script_of_lang(l) == "Latin"), None)
            lang, p = top if top else ("und", 0.0)
            if p < (tuning.WHOLE_UNIT_FASTTEXT_SURE if lingua_only else tuning.LINGUA_ASKED_BELOW) \
                    or p_exp > tuning.WHOLE_UNIT_MAX_EXPECTED:
                # fastText is unsure, or hears some of the expected language: lingua's character
                # statistics must then be sure of another language and hear none of the expected one
                verdict = _lingua_verdict(st, frag)
                (l_top, p_top), l_exp = (verdict[0][0], verdict[1]) if verdict else (("und", 0.0), 1.0)
                if not st.is_expected(l_top) \
                        and p_top >= (tuning.LINGUA_OVERRULES_P if heard_expected else tuning.LINGUA_MIN_P) \
                        and l_exp <= tuning.WHOLE_UNIT_LINGUA_MAX_EXPECTED:
                    lang, p = l_top, p_top
                else:
                    if trace.on:
                        trace.add(s, e, frag, "latin", lang, 0.0, False,
                                  f"few expected words ({common}/{len(idx)}) but no model names a language")
                    continue
            score = min(tuning.SCORE_CAP, 0.5 + 0.5 * p * (1 - common / len(idx)))
            flagged = score >= st.threshold
            if trace.on:
                trace.add(s, e, frag, "latin", lang, score, flagged,
                          f"a whole unit: {common}/{len(idx)} common expected words, model hears the expected "
                          f"language {p_exp:.2f}, {lang} {p:.2f}")
            if flagged:
                out.append((u, Candidate(Kind.LATIN, s, e, lang, "Latin", score)))
        return out

    def _line_tokens(self, text, ls, le, trace, tokens, unit_of, unit_spans, caps_line, hints, unseen, suspicious):
        st = self.setup
        # Candidate languages: first those the line's everyday words belong to (no model call);
        # the model is asked only when they give nothing and unknown words remain to explain.
        tried: set[str] = set()
        proposals: list[Proposal] = []
        # Ties (a word everyday in several languages) are broken by what the model hears in the line,
        # then by code, never by set order: results must not depend on PYTHONHASHSEED.
        heard: dict[str, float] = {}
        if hints and len(hints) > 2:
            top_count = max(hints.values())
            if sum(1 for c in hints.values() if c == top_count) > 2:
                heard = dict(st.model.predict(text[ls:le], k=10))
        for lang in sorted(hints or {}, key=lambda l: (-(hints or {})[l], -heard.get(l, 0.0), l))[
                :tuning.MAX_HINT_LANGS]:
            tried.add(lang)
            proposals.extend(self._proposals(text, tokens, unit_of, unit_spans, lang, caps_line))
        cand: dict[str, float] = {}
        if not proposals and (not hints or unseen >= tuning.MIN_UNSEEN_FOR_PROBE):
            probes = [(ls, le)]
            if len(set(unit_of)) > 1:
                probes = [(unit_spans[u][0], unit_spans[u][1]) for u in sorted(set(unit_of)) if u in suspicious]
            for ps, pe in probes:
                for lang, p in st.model.predict(text[ps:pe].lower() if caps_line else text[ps:pe], k=4):
                    if p >= tuning.MODEL_PROBE_MIN_P and not st.is_expected(lang) and script_of_lang(lang) == "Latin":
                        cand[lang] = max(cand.get(lang, 0.0), p)
            for lang in sorted(cand, key=lambda l: (-cand[l], l))[:tuning.MODEL_PROBE_LANGS]:
                if lang not in tried:
                    tried.add(lang)
                    proposals.extend(self._proposals(text, tokens, unit_of, unit_spans, lang, caps_line))
        if not proposals:
            found_unknown = self._unknown_word_spans(text, tokens, unit_of, unit_spans, caps_line, trace)
            if found_unknown:
                return found_unknown
            if trace.on:
                trace.add(ls, le, text[ls:le], "latin", st.expect[0], 0.0, False,
                          f"no span reaches word evidence {st.min_llr * tuning.PROPOSAL_FACTOR:.1f} for "
                          f"{', '.join(sorted(tried)) or 'any other language the model hears'}")
            return []
        proposals.sort(key=lambda p: (-p.llr, p.i, p.lang))
        chosen = []
        used: set[int] = set()
        for p in proposals:
            if used.intersection(range(p.i, p.j)):
                continue
            res = self._decide(text, tokens, unit_of, unit_spans, p, trace)
            if res is not None:
                chosen.append(res)
                used.update(range(p.i, p.j))
        return chosen

    def _proposals(self, text, tokens, unit_of, unit_spans, lang, caps_line) -> list[Proposal]:
        """Best-scoring spans (inside one unit each) of words more common in ``lang`` than expected."""
        st = self.setup
        code = lexicon_code(lang)
        lex = lexicon.load(code) if code in st.lexicons else None
        if lex is None:
            return self._no_lexicon_spans(text, tokens, unit_of, unit_spans, lang)
        out = []
        abc = lexicon.alphabet(code)
        nouns = code in tuning.NOUNS_CAPITALISED and not st.is_expected(code)
        scores = [self.token_score(t, lex, caps_line, abc, nouns) for t in tokens]
        k = 0
        while k < len(tokens):
            u_end = k
            while u_end < len(tokens) and unit_of[u_end] == unit_of[k]:
                u_end += 1
            for i, j, llr in segment(scores[k:u_end], tuning.LEXICON_SWITCH_COST, st.min_llr * tuning.PROPOSAL_FACTOR):
                i, j = i + k, j + k
                while j - i > 1 and scores[i] < tuning.STRONG_WORD:  # weak words at the edges are not evidence
                    llr -= scores[i]
                    i += 1
                while j - i > 1 and scores[j - 1] < tuning.STRONG_WORD:
                    llr -= scores[j - 1]
                    j -= 1
                out.append(Proposal(i, j, llr, lang, scores))
            k = u_end
        return out

    def token_score(self, t: Token, lex: dict[str, float], caps_line: bool,
                    abc: frozenset[str] = frozenset(), nouns_capitalised: bool = False) -> float:
        """Log10 frequency ratio foreign/expected of one word, weighted by how name-like it is."""
        st = self.setup
        if t.lower in LOANWORDS:
            return tuning.LOANWORD_SCORE
        weight = 1.0
        if not caps_line:
            if t.case == "upper" or t.case == "mixed":
                return 0.0  # acronyms and camelCase: not language evidence
            if t.case == "title" and not t.initial and not (
                    nouns_capitalised and lex.get(t.lower, 0.0) >= tuning.EVERYDAY_ZIPF):
                weight = tuning.NAME_WEIGHT  # probably a name (an everyday word of the language is not:
                # German capitalises its nouns, Spanish and Portuguese titles their words)
        if len(t.lower) == 1:
            weight *= tuning.ONE_LETTER_WEIGHT
        fz = max(lex.get(t.lower, 0.0), lexicon.FLOOR)
        ez = max(st.expected_zipf(t.lower), lexicon.FLOOR)
        if fz == ez == lexicon.FLOOR and abc and not t.lower.isascii() and t.lower not in st.known:
            # in no lexicon, but spelt with this language's letters (and not a word we expect)
            if all(c in abc for c in t.lower if not c.isascii()):
                fz = lexicon.FLOOR + tuning.ALPHABET_BONUS
        d = fz - ez
        cap = tuning.WORD_SCORE_CAP
        if d > cap:
            d = cap
        elif d < -cap:
            d = -cap
        return d * weight

    # ------------------------------------------------------------------ one proposed span
    def _decide(self, text, tokens, unit_of, unit_spans, p: Proposal, trace):
        st = self.setup
        i, j, llr, lang, scores = p.i, p.j, p.llr, p.lang, p.scores
        s, e = tokens[i].start, tokens[j - 1].end
        # Grow the span over neighbouring words of its unit that are not clearly the expected
        # language (names, numbers' neighbours, weak words); if it then fills the unit, take the unit.
        ua = unit_of[i]
        gi, gj = i, j
        while gi > 0 and unit_of[gi - 1] == ua and scores[gi - 1] > tuning.GROW_OVER:
            gi -= 1
        while gj < len(tokens) and unit_of[gj] == ua and scores[gj] > tuning.GROW_OVER:
            gj += 1
        if (gi == 0 or unit_of[gi - 1] != ua) and (gj == len(tokens) or unit_of[gj] != ua):
            i, j = gi, gj
            s, e = tokens[i].start, tokens[j - 1].end
        e = extend_punct(text, e)
        frag = text[s:e]
        strong_w = tuning.STRONG_WORD
        strong = sum(1 for k in range(i, j) if scores[k] > strong_w)
        whole_units = tokens[i].initial and (j == len(tokens) or unit_of[j] != unit_of[j - 1])
        reason = None
        needed = st.min_llr
        code = lexicon_code(lang)
        lex = lexicon.load(code) if code in tuning.NOUNS_CAPITALISED and not st.is_expected(code) else None
        capital_everyday = 0 if lex is None else sum(
            1 for k in range(i, j) if tokens[k].case == "title" and lex.get(tokens[k].lower, 0.0) >= tuning.EVERYDAY_ZIPF)
        # A whole line of nothing but capitalised everyday words of the language could be a title-case
        # UI string ("Take Our Poll") but is as often a title or a name ("House of Cards", "The New York
        # Times" on a Portuguese page): measured on the real-page dev split, counting it cost more
        # precision than it gained recall, so it is not evidence.
        title_case_ui = False
        if lex is not None and not any(scores[k] > strong_w and tokens[k].case == "lower"
                                       and tokens[k].lower not in NAME_PARTICLES for k in range(i, j)) \
                and not title_case_ui \
                and not (whole_units and capital_everyday >= tuning.CAPITAL_NOUNS_ALONE):
            # capitalised nouns count beside a lowercase word of the language, or as a whole sentence
            # of several of them; "Kyle Busch" is a name
            lex = None
        strong_lower = sum(1 for k in range(i, j) if scores[k] > strong_w
                           and (tokens[k].case == "lower"
                                or (lex is not None and tokens[k].case == "title"
                                    and lex.get(tokens[k].lower, 0.0) >= tuning.EVERYDAY_ZIPF))
                           and len(tokens[k].lower) > 1 and tokens[k].lower not in NAME_PARTICLES)
        titles = sum(1 for k in range(i, j) if tokens[k].case == "title" and not tokens[k].initial)
        caps = mostly_upper(frag)
        if j - i >= 2 and not caps and (strong_lower == 0 or (titles >= 2 and strong_lower < 2)):
            reason = "the foreign-looking words are capitalised: a name or title"
        elif j - i == 1 and tokens[i].case == "upper":
            reason = "one word in capitals: an acronym or a label"
        elif not whole_units and strong < tuning.INSIDE_SENTENCE_STRONG:
            reason = f"{strong} foreign-looking word(s) inside a sentence: a name or loanword"
        elif whole_units and strong < 2 and not (MENU.search(text[unit_spans[0][0]:unit_spans[-1][1]])
                                                  or len(unit_spans) == 1):
            reason = "one foreign-looking word: only a menu item or a line of its own counts"
        elif whole_units:
            # a whole line, sentence, clause or menu item: less word evidence is needed
            needed = st.min_llr * (tuning.WHOLE_UNIT_WEAK_FACTOR if strong < 2 else tuning.WHOLE_UNIT_STRONG_FACTOR)
        if reason is None and llr < needed:
            reason = f"word evidence {llr:.1f} < {needed:.1f}"
        letters = sum(1 for c in frag if c.isalpha())
        if reason is None and letters < max(st.min_length, tuning.MIN_SPAN_LETTERS):
            reason = f"{letters} letters: too short to tell"
        ft_lang, ft_p, p_exp = lang, 0.0, 0.0
        if reason is None:
            preds = st.model.predict(frag.lower() if caps or title_case_ui else frag, k=5)
            p_exp = sum(q for l, q in preds if st.is_expected(l))
            top = next(((l, q) for l, q in preds if not st.is_expected(l)), (lang, 0.0))
            ft_lang, ft_p = top
            p_lang = sum(q for l, q in preds if same_family(l, lang))
            strong_llr = llr >= tuning.STRONG_EVIDENCE_FACTOR * needed and p_exp < tuning.LOW_EXPECTED
            if p_exp >= tuning.MODEL_HEARS_EXPECTED:
                reason = f"model hears the expected language ({p_exp:.2f})"
            elif max(ft_p, p_lang) < (tuning.MODEL_UNSURE_STRONG_WORDS if strong_llr else tuning.MODEL_UNSURE) \
                    and not (llr >= tuning.VERY_STRONG_EVIDENCE_FACTOR * needed
                             and p_exp < tuning.VERY_STRONG_MAX_EXPECTED):
                reason = f"model unsure ({ft_lang} {ft_p:.2f})"
            if script_of_lang(ft_lang) != "Latin" or st.is_expected(ft_lang) or ft_p < p_lang * 0.5:
                ft_lang, ft_p = lang, p_lang
            elif not same_family(ft_lang, lang):
                # The model and the lexicons disagree on which language: let the word evidence
                # under the model's language decide.
                code = lexicon_code(ft_lang)
                alt_lex = lexicon.load(code) if code in st.lexicons else None
                alt = (sum(self.token_score(tokens[k], alt_lex, caps, lexicon.alphabet(code)) for k in range(i, j))
                       if alt_lex else None)
                if (alt is not None and alt < tuning.ALT_LEXICON_SHARE * llr) or \
                        (alt is None and ft_p < tuning.ALT_MODEL_P):
                    ft_lang, ft_p = lang, max(p_lang, ft_p)
        if reason is None and ft_p < tuning.LINGUA_ASKED_BELOW:
            # fastText is unsure of the language (Swahili read as Malay): lingua's character
            # statistics cover every Latin-script language and name it when they are sure
            from .lingua_evidence import languages_of

            named = languages_of(frag, k=1)
            if named and named[0][1] >= tuning.LINGUA_RENAMES_P and not st.is_expected(named[0][0]) \
                    and not same_family(named[0][0], ft_lang):
                ft_lang = named[0][0]
        score = 0.5 * min(1.0, llr / (tuning.EVIDENCE_SCALE * needed)) + 0.5 * min(1.0, max(ft_p, 0.0))
        flagged = reason is None and score >= st.threshold
        if reason is None and not flagged:
            reason = f"score {score:.2f} < threshold {st.threshold:.2f}"
        if trace.on:
            trace.add(s, e, frag, "latin", ft_lang, score, flagged,
                      reason or f"word evidence {llr:.1f} for {lang}; model {ft_lang} {ft_p:.2f}, "
                                f"expected {p_exp:.2f}")
        if not flagged:
            return None
        return Candidate(Kind.LATIN, s, e, ft_lang, "Latin", score)

    # ------------------------------------------------------------------ words no lexicon explains
    def _word_llr(self, t: Token, caps_line: bool) -> float:
        """Evidence that one word is foreign (> 0) or expected (< 0), from the expected lexicon alone."""
        st = self.setup
        if t.lower in LOANWORDS:
            return -tuning.KNOWN_WORD_CAP
        z = st.expected_zipf(t.lower)
        if z >= tuning.KNOWN_COMMON_ZIPF:
            return -min(tuning.KNOWN_WORD_CAP, tuning.KNOWN_WORD_SLOPE * (z - lexicon.FLOOR))
        if z >= tuning.KNOWN_RARE_ZIPF:
            return tuning.KNOWN_UNCOMMON_LLR
        if z > 0.0:
            # Very rare in the expected lexicon (wordfreq's English holds much foreign noise): weak
            # evidence either way; lingua's verdict on the whole span protects rare English words.
            return tuning.KNOWN_RARE_LLR
        if t.case in ("upper", "mixed") and not caps_line:
            return 0.0  # acronyms, brands
        if t.case == "title" and not t.initial and not caps_line:
            return tuning.UNKNOWN_TITLE_LLR
        return tuning.UNKNOWN_WORD_LLR if t.lower.isascii() else tuning.UNKNOWN_ACCENTED_LLR

    def _unknown_word_spans(self, text, tokens, unit_of, unit_spans, caps_line, trace) -> list[Candidate]:
        """Spans of words the expected lexicon does not know, segmented by Viterbi, named by lingua.

        For the languages no shipped lexicon covers (Zulu, Welsh, Basque, Swahili...): the
        expected language's lexicon says which words are expected, a two-state segmentation
        with a switching cost finds runs of the rest, and lingua's character statistics name
        the run's language and must be sure of it.
        """
        st = self.setup
        out: list[Candidate] = []
        llrs = [self._word_llr(t, caps_line) for t in tokens]
        k = 0
        while k < len(tokens):
            u_end = k
            while u_end < len(tokens) and unit_of[u_end] == unit_of[k]:
                u_end += 1
            for i, j in viterbi_spans(llrs[k:u_end], tuning.SWITCH_COST):
                i, j = i + k, j + k
                n = j - i
                lower_unknown = sum(1 for q in range(i, j) if llrs[q] >= tuning.UNKNOWN_WORD_LLR)
                s, e = tokens[i].start, tokens[j - 1].end
                us, ue = unit_spans[unit_of[i]]
                whole = s - us <= 1 and ue - e <= 1
                quoted = s > 0 and text[s - 1] in "\"'“‘„«" and e < len(text) and text[e] in "\"'”’“»"
                if lower_unknown < tuning.UNKNOWN_MIN_LOWER or (n < tuning.UNKNOWN_MIN_WORDS and not (whole or quoted)):
                    continue
                e = extend_punct(text, e)
                frag = text[s:e]
                verdict = _lingua_verdict(st, frag)
                if verdict is None:
                    continue
                (lang, p), p_exp = verdict[0][0], verdict[1]
                flagged = (not st.is_expected(lang) and p >= tuning.LINGUA_MIN_P
                           and p_exp <= tuning.LINGUA_MAX_EXPECTED)
                evidence = sum(llrs[i:j])
                score = min(tuning.SCORE_CAP, 0.5 * min(1.0, evidence / (tuning.EVIDENCE_SCALE * st.min_llr)) + 0.5 * p)
                flagged = flagged and score >= st.threshold
                if trace.on:
                    trace.add(s, e, frag, "latin", lang, score, flagged,
                              f"{n} words the expected lexicon does not explain (evidence {evidence:.1f}); "
                              f"lingua hears {lang} {p:.2f}, expected {p_exp:.2f}")
                if flagged:
                    out.append(Candidate(Kind.LATIN, s, e, lang, "Latin", score))
            k = u_end
        return out

    def _no_lexicon_spans(self, text, tokens, unit_of, unit_spans, lang) -> list[Proposal]:
        """Languages without a shipped lexicon: whole units the model is sure of, with few expected words."""
        st = self.setup
        out = []
        members: dict[int, list[int]] = {}
        for k, u in enumerate(unit_of):
            members.setdefault(u, []).append(k)
        for u, idx in members.items():
            if len(idx) < tuning.NO_LEXICON_MIN_WORDS:
                continue
            us, ue = unit_spans[u]
            preds = st.model.predict(text[us:ue], k=3)
            if not preds or preds[0][0] != lang or preds[0][1] < tuning.NO_LEXICON_MODEL_P:
                continue
            common = sum(1 for k in idx if st.expected_zipf(tokens[k].lower) >= tuning.EXPECTED_COMMON_ZIPF)
            if common / len(idx) >= tuning.NO_LEXICON_MAX_COMMON:
                continue
            scores = [0.0] * len(tokens)
            for k in idx:
                scores[k] = st.min_llr / len(idx)
            out.append(Proposal(idx[0], idx[-1] + 1, st.min_llr, lang, scores))
        return out


# A reference entry: "^ Zawinski, Jamie (1996). "nscp dorm". Retrieved 2007-10-12."
_CITATION = re.compile(r"^\s*\^|\b(?:Retrieved|Archived from|Accessed)\b|\bISBN\b|\bdoi:", re.IGNORECASE)
_TAG_LIST_MIN_COMMAS = 4
_BRACKETED = re.compile(r"\(([^()\n]{1,40})\)")


def _drop_names_of_works(st: Setup, text: str, cands: list[Candidate], trace) -> list[Candidate]:
    """Drop the Latin candidates that are names, titles or the page's own terms, not stray text:

    - a quoted title in a reference entry (a cited work keeps its own language);
    - a quoted phrase of capitalised words only ("«Eins Zwei Drei», le clown"): a title or a name;
    - an item of a comma-separated keyword list (a tag cloud) that is not the whole line;
    - a short phrase that recurs in the text inside a line of the expected language ("the 2000
      Swedish film Naken", "Notícias da Stock Car"): the page's own name or loanword.
    Menu candidates are kept.  Costs a few line look-ups and one search per short candidate.
    """
    out = []
    lowered: list[str] = []  # the text in lowercase, made once when a recurrence is looked for
    taken = Taken(sorted((c.start, c.end) for c in cands))
    for c in cands:
        if c.kind is not Kind.LATIN or c.context == "menu":
            out.append(c)
            continue
        reason = _intended(st, text, c, taken, lowered)
        if reason is None:
            out.append(c)
        elif reason.startswith("gloss:"):
            c.context = "gloss"  # text about a language: reported only when glosses are asked for
            out.append(c)
        elif trace.on:
            trace.add(c.start, c.end, text[c.start:c.end], "latin", c.lang, c.score, False, reason)
    return out


def _intended(st: Setup, text: str, c: Candidate, taken: Taken, lowered: list[str]) -> str | None:
    # the candidate's line, at most CONTEXT_WINDOW characters either side (bounded work on long lines)
    ls = max(text.rfind("\n", 0, c.start) + 1, c.start - tuning.CONTEXT_WINDOW)
    le = text.find("\n", c.end)
    le = min(len(text) if le == -1 else le, c.end + tuning.CONTEXT_WINDOW)
    line = text[ls:le]
    frag = text[c.start:c.end]
    b = text[c.start - 1] if c.start > ls else ""
    quoted = bool(b) and b in _QUOTE_CHARS + "'‘‹"
    if _CITATION.search(line) and (quoted or any(m.start(1) <= c.start - ls and c.end - ls <= m.end(1)
                                                 for m in _QUOTED.finditer(line))):
        return "a quoted title in a reference entry: the name of a cited work"
    toks = [w for _, _, w in words(frag, 0)]
    if quoted and 1 <= len(toks) <= tuning.TITLE_MAX_WORDS and all(w[:1].isupper() for w in toks):
        return "a quoted phrase of capitalised words: a title or a name"
    rest = [w for _, _, w in words(line[:c.start - ls] + " " + line[c.end - ls:], 0)]
    if len(toks) >= tuning.TITLE_MIN_WORDS and len(rest) >= tuning.TITLE_PROSE_WORDS and not MENU.search(line) \
            and all(w[:1].isupper() for w in toks if len(w) >= tuning.TITLE_CONTENT_LETTERS) \
            and sum(1 for w in toks if w[:1].isupper()) >= 2 * sum(1 for w in toks if w[:1].islower()):
        return "a title-case phrase inside a line: the title of a work or a name"
    groups = [m for m in _BRACKETED.finditer(line) if m.start() < c.end - ls and c.start - ls < m.end()]
    if groups and all(m.start() > 0 and line[m.start() - 1] == " " and line[m.start() - 2:m.start() - 1].isalpha()
                      for m in groups):
        outside = [w for s_, _, w in words(frag, c.start)
                   if not any(m.start() <= s_ - ls < m.end() for m in groups)]
        if len(outside) <= len(groups) - 1:
            return "gloss: foreign terms in brackets after the expected word they translate"
    items = line.split(",")
    if len(items) > _TAG_LIST_MIN_COMMAS and len(line.split()) <= tuning.TAG_MEAN_WORDS * len(items) \
            and "." not in line.replace(".com", "") \
            and (c.end - c.start) < tuning.TAG_LIST_WHOLE_SHARE * len(line.strip()):
        return "part of a comma-separated keyword list (a tag cloud)"
    if len(toks) <= tuning.RECUR_MAX_WORDS:
        phrase = " ".join(toks[:2]).lower()
        if phrase and not lowered:
            lowered.append(text.lower())
        # (when lowercasing changes the length, U+0130, offsets would not match: no recurrence test)
        if phrase and len(lowered[0]) == len(text) and _recurs_in_expected_text(st, lowered[0], phrase, taken, c.lang):
            return f"{phrase!r} recurs inside text of the expected language: a name or loanword of the page"
    return None


def _whole_line_count(folded: str, content: str) -> int:
    """How many lines of the folded text hold ``content`` and nothing else (up to REPEAT_MIN)?"""
    n, pos, found = len(folded), folded.find(content), 0
    while pos != -1 and found < tuning.REPEAT_MIN:
        end = pos + len(content)
        ls = folded.rfind("\n", 0, pos) + 1
        le = folded.find("\n", end)
        le = n if le == -1 else le
        if not folded[ls:pos].strip() and not folded[end:le].strip():
            found += 1
        pos = folded.find(content, le)
    return found


def _recurs_in_expected_text(st: Setup, low: str, phrase: str, taken: Taken, lang: str) -> bool:
    """Does ``phrase`` occur (any case, whole words) outside the candidates, in a line whose other
    words are mostly common words of the expected language, more common there than in ``lang``?"""
    code = lexicon_code(lang)
    lex = (lexicon.load(code) if code in st.lexicons else None) or {}
    pos = low.find(phrase)
    seen = 0
    while pos != -1 and seen < tuning.RECUR_MAX_LOOKS:
        end = pos + len(phrase)
        seen += 1
        if (pos == 0 or not low[pos - 1].isalnum()) and (end == len(low) or not low[end].isalnum()) \
                and not (taken.covers(pos) or taken.any_within(pos, end)):
            ls = max(low.rfind("\n", 0, pos) + 1, pos - tuning.CONTEXT_WINDOW)
            le = low.find("\n", end)
            le = min(len(low) if le == -1 else le, end + tuning.CONTEXT_WINDOW)
            others = [w.lower() for _, _, w in words(low[ls:pos] + " " + low[end:le], 0)]
            common = sum(1 for w in others if st.expected_zipf(w) >= max(tuning.RECUR_COMMON_ZIPF,
                                                                          lex.get(w, 0.0)))
            if len(others) >= tuning.RECUR_MIN_WORDS and common * 2 > len(others):
                return True
        pos = low.find(phrase, end)
    return False


def _rejoin_brands(text: str, spans: list[tuple[int, int]], known: frozenset) -> list[tuple[int, int]]:
    """Units cut at glued text ("...enteroBut") are joined again when the glued word is a known word
    ("WhatsApp", "YouTube")."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and out[-1][1] == s and s > 0 and text[s - 1].isalpha() and text[s].isalpha():
            ws = s
            while ws > 0 and text[ws - 1].isalpha():
                ws -= 1
            we = s
            while we < len(text) and text[we].isalpha():
                we += 1
            if text[ws:we].lower() in known:
                out[-1] = (out[-1][0], e)
                continue
        out.append((s, e))
    return out


def _lingua_verdict(st, frag: str) -> tuple[list[tuple[str, float]], float] | None:
    """lingua on ``frag``: (its languages, best first, with their confidence; the confidence it gives the
    expected languages together), or None when it names nothing."""
    from .lingua_evidence import languages_of

    preds = languages_of(frag, k=100)
    if not preds:
        return None
    return preds, sum(q for l, q in preds if st.is_expected(l))


def merge_latin(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join Latin candidates of one language into one when only separators lie between them: flagged
    units of one line ("Kontakt | Impressum"), or a sentence a line break cuts in two.  Lines that each
    end (menu items, UI strings, a footer) stay separate findings."""
    out: list[Candidate] = []
    for item in cands:
        if out:
            prev = out[-1]
            if prev.kind == item.kind == Kind.LATIN and prev.lang == item.lang:
                gap = text[prev.end:item.start]
                breaks = gap.count("\n")
                if not any(c.isalnum() for c in gap) and (
                        (breaks == 0 and len(gap) <= tuning.MERGE_SAME_LINE_GAP)
                        or (breaks == 1 and len(gap) <= tuning.MERGE_NEXT_LINE_GAP
                            and text[prev.end - 1] not in ".!?:;…")):
                    prev.end = item.end
                    prev.score = max(prev.score, item.score)
                    continue
        out.append(item)
    return out


_JOINERS = ".'’-@/_"  # a word glued to its neighbour by these is part of a name, a domain or a contraction


def _written_alone(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` written as a word of its own, in lowercase or capitalised after a line start,
    a sentence end or a quotation mark ("les", "Des"; not "example.com", "We’ve", "co-op", "SME", "Los")?"""
    word = text[s:e]
    before = text[s - 1] if s else "\n"
    after = text[e] if e < len(text) else "\n"
    if before in _JOINERS or (after in _JOINERS and text[e + 1:e + 2].isalnum()):
        return False
    if word.islower():
        return True
    if not word.istitle():
        return False
    k = s - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in "\n\r.!?" or text[k] in _QUOTE_CHARS


def _in_short_units(text: str, folded: str, common: set[str]) -> set[str]:
    """The words of ``common`` standing, as whole words, somewhere ``_short_units`` reads: a short line,
    a line with a quotation mark, or a short sentence ending a line (the lines are read properly later)."""
    n = len(folded)
    if n != len(text):
        return common
    kept: set[str] = set()
    for w, i, k in _whole_word_hits(folded, common):
        if w in kept or not _written_alone(text, i, k):
            continue
        ls = text.rfind("\n", 0, i) + 1
        le = text.find("\n", i)
        le = n if le == -1 else le
        if le - ls <= tuning.SHORT_LINE_CHARS or any(text.find(q, ls, le) != -1 for q in _QUOTE_CHARS):
            kept.add(w)
        else:
            cut = max(text.rfind(". ", ls, le), text.rfind("! ", ls, le), text.rfind("? ", ls, le))
            if -1 < cut < i and text.count(" ", cut + 2, le) < tuning.SHORT_UNIT_MAX_WORDS:
                kept.add(w)
        if len(kept) == len(common):
            break
    return kept


_WHOLE_WORD_REGEX_FROM = 100_000  # characters: from here one regex pass beats a str.find per word (cheaper
                                  # to set up, slower to run: "de" is found inside every "decided")


def _whole_word_hits(folded: str, common: set[str]):
    """(word, start, end) of the whole-word occurrences of ``common`` in ``folded`` (words are separated by
    whitespace there): word by word with ``str.find`` in a short text, in one regex pass in a long one."""
    n = len(folded)
    if n >= _WHOLE_WORD_REGEX_FROM:
        alts = "|".join(re.escape(w) for w in sorted(common, key=len, reverse=True))
        for m in re.finditer(rf"(?<![^ \t\n\r])(?:{alts})(?![^ \t\n\r])", folded):
            yield m.group(), m.start(), m.end()
        return
    find = folded.find
    for w in sorted(common):
        k = len(w)
        i = find(w)
        while i != -1:
            if (i == 0 or folded[i - 1] in " \t\n\r") and (i + k == n or folded[i + k] in " \t\n\r"):
                yield w, i, i + k
            i = find(w, i + k)



_EDGE_PUNCT = "\"'“”‘’«»()[]{}.,;:!?¡¿…–—*"


def _holds_written(unit: str, common: frozenset[str] | set[str]) -> bool:
    """Does ``unit`` hold one of ``common`` written as a word of its own, in lowercase or opening the unit
    ("les modifications", "Des configurations"; not "ExpressNews.com", "We’ve", "Los Angeles", "SME")?
    A cheap test on whitespace-separated tokens, before the unit is tokenized properly."""
    toks = [t.strip(_EDGE_PUNCT) for t in unit.split()]
    if len(toks) < 2:
        return False
    if toks[0].istitle() and toks[0].lower() in common:
        return True
    return not common.isdisjoint(t for t in toks if t.islower())


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
        if n != len(text):
            spans = lines(text)
            return [(ls, le, fl) for (ls, le), fl in zip(spans, folded.split("\n"))
                    if not words.isdisjoint(fl.split())]
        return _lines_holding_any(folded, text, words)
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
