"""Stage 2: Latin-script text in a language other than the expected ones.

Follow one decision from text to finding (each step is a module of its own):

1. screen (``LatinStage._screen``, here): set arithmetic on the text's folded words, at C speed.
   A word common in the expected language, or not everyday vocabulary in any other language we
   know, cannot start a finding (``_Suspects``); a clean text stops here.  Then, in order:
   lines naming a language (CLDR endonyms) go to the menu reader (``_menus``, ``menus.py``); lines
   holding two suspect words, or one strong one, are read (``_suspect_lines`` -> ``_line``), and a
   short one repeated through the text is page furniture (``furniture.py``), as is a repeated line of
   unknown words (``_repeated_weak_lines``); short UI strings of another language are judged by the
   block they stand in (``_furniture``); a few odd words in a quote, a short line or an appended
   sentence make a short unit (``_odd_short_units``, ``short_units.py``).
2. whole units (``whole_units.py``): a sentence of many words the expected lexicon barely explains,
   which fastText (or, when it is unsure, lingua) does not hear as expected, is foreign as a whole.
3. word evidence (``word_evidence.py``): each word's log-frequency ratio, foreign lexicon vs expected
   lexicon, for the languages the line's everyday words point to (or the model hears); the best
   spans of each unit are proposed and decided: grown to whole units, checked against name and
   acronym evidence, and the model must agree.
4. words no lexicon explains (``unknown_words.py``): for the languages without a shipped lexicon, a
   two-state Viterbi segmentation (expected / foreign, a cost for switching), lingua naming the span.
5. intended text (``intended.py``): names of works, titles, tag clouds and the page's own terms are
   dropped; glosses are marked as such.

Every threshold is named once, with what it trades, in ``tuning.py``; the explain trace
(``trace.py``) only records what the decisions did.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import lexicon, spelling
from ..evidence import is_code_line, mask_non_words, token_case
from ..finding import Kind
from ..languages import script_of_lang
from ..scripts import script_of
from . import tuning
from .candidate import Candidate
from .furniture import foreign_ui_lines, grow_furniture, grow_title_lists, repeated_line, site_sections, whole_line_count, \
    whole_line_counts
from .intended import drop_names_of_works
from .latin_common import Proposal, Taken, Token, capitalises_nouns, lines_holding, relabel, short_lines_holding
from .menus import all_first_words, menu_candidates, trigger_words
from .screen import fold_words, occurring, share_lines
from .setup import Setup
from .short_units import in_short_units, short_units
from .text import GLUED, MENU, fold, is_latin_word, mostly_upper, units, without_broken_halves, words
from .ui_blocks import foreign_blocks
from .ui_catalog import catalog_lines
from .ui_foreign import agree_with_neighbours, foreign_catalog_lines
from .unknown_words import unknown_word_spans, wider
from .whole_units import foreign_units
from .word_evidence import decide, fill_units, proposals

__all__ = ["LatinStage", "Taken", "merge_latin"]


@dataclass(slots=True)
class _Suspects:
    """The words of a text that can start a finding."""

    everyday: set[str]  # everyday words of another language the expected one does not use every day
    unseen: set[str]  # Latin words the expected lexicon has never seen
    suspects: set[str]  # both
    strong: set[str]  # everyday elsewhere, or spelt with letters English does not use (é, ł, ő...);
    # a lone unseen ASCII word is a name, brand or typo

    @staticmethod
    def of(st: Setup, rare: set[str]) -> "_Suspects":
        everyday = st.everyday.among(rare)
        # words in other scripts (Cyrillic, Arabic...) are the script stage's business, not suspects here
        unseen = {w for w in st.known.outside(rare) if w.isalpha() and is_latin_word(w)}
        return _Suspects(everyday, unseen, everyday | unseen, everyday | {w for w in unseen if not w.isascii()})


def _case_blind(st, line: str) -> bool:
    """Does the line's capitalisation say nothing about names? In capitals, or a headline of another language
    with every word capitalised (``_foreign_title``): then no capital marks a name."""
    return mostly_upper(line) or _foreign_headline(st, line)


def _foreign_headline(st, line: str) -> bool:
    """Every word of the line capitalised, and the line a headline of another language (``_foreign_title``).
    (A word starting in lowercase, as in most lines, answers no early.)"""
    for w in line.split():
        if w[0].islower():
            return False
    ws = [w for _, _, w in words(line, 0)]
    return len(ws) >= tuning.TITLE_LINE_MIN_WORDS and all(w[:1].isupper() for w in ws) \
        and _foreign_title(st, [w.lower() for w in ws])


def _foreign_title(st, line_words: list[str]) -> bool:
    """Is a line written in title case a headline of another language rather than a name: at least
    TITLE_LINE_MIN_WORDS words, and at least TITLE_LINE_FOREIGN_SHARE of them everyday words of another
    language that the expected one hardly uses ("Gobierno Aprueba Nueva Ley De Vivienda Para Jóvenes")?
    Names are short, or hold words the expected language knows ("Universidad De Chile")."""
    if len(line_words) < tuning.TITLE_LINE_MIN_WORDS:
        return False
    index = st.everyday_index
    foreign = sum(1 for w in line_words if index.get(w) and st.expected_zipf(w) < tuning.TITLE_LINE_EXPECTED_ZIPF)
    return foreign >= tuning.TITLE_LINE_FOREIGN_SHARE * len(line_words)


def _lowercase_all_foreign(st, written: list[str], lowered: set[str]) -> bool:
    """Is every word the line writes in lowercase a suspect or a short everyday word of another language
    (``Setup.foreign_common``), at least LOWERCASE_FOREIGN_WORDS of them? Then its capitals are nouns of a
    language that capitalises them, not names: "Menü zur Konfiguration von bevorzugten Anwendungen" holds one
    suspect in lowercase beside "zur" and "von". A name keeps its lowercase words to particles ("Museo de la
    Ciudad") or English ("Museum of Modern Art"), and one suspect among them is not enough. ``written``: the
    line's words as written (``fold(line, lower=False).split()``)."""
    low = {w for w in written if w[:1].islower()}
    if len(low) < tuning.LOWERCASE_FOREIGN_WORDS:
        return False
    rest = low - lowered
    return len(st.foreign_common.among(rest)) == len(rest)


@dataclass(slots=True)
class _LinesRead:
    """What reading the suspect lines left for the later steps."""

    starts: set[int] = field(default_factory=set)  # starts of the lines read
    short_lines: list[tuple[int, int]] = field(default_factory=list)  # short ones: menu rows, UI strings
    repeated: list[Candidate] = field(default_factory=list)  # lines found as furniture repeated in the text
    lone_strong: set[str] = field(default_factory=set)  # everyday foreign words alone in a long line


class LatinStage:
    """The Latin-script stage of one Detector (holds its bounded cache of line verdicts)."""

    def __init__(self, setup: Setup) -> None:
        self.setup = setup
        self._line_cache: dict[str, list[Candidate]] = {}

    # ------------------------------------------------------------------ screen
    def run(self, text: str, trace, taken: Taken, folded_words=None) -> list[Candidate]:
        st = self.setup
        # (the detector may have folded the text already)
        folded_words = folded_words or fold_words(text, st.screen)
        folded, words_, rare = folded_words
        # every set of words whose lines the stage asks for is among these: on a long text, one pass over its
        # lines finds the lines holding any of them, and each later question is answered from those
        with share_lines(folded, text, lambda: rare.union(words_.intersection(all_first_words()),
                                                          words_.intersection(trigger_words(st)),
                                                          st.foreign_common.among(words_))):
            out = self._screen(text, trace, taken, folded_words)
        if out:
            agree_with_neighbours(text, out)  # (ui_foreign.py: a shared catalog string takes its block's language)
            out = without_broken_halves(text, out, trace)
            relabel(st, text, out)  # (latin_common.py: the language the words and fastText agree on)
        return out

    def _screen(self, text: str, trace, taken: Taken, folded_words) -> list[Candidate]:
        """The stage's steps, in order; each reads only the lines its words point to."""
        st = self.setup
        folded, words_, rare = folded_words
        sus = _Suspects.of(st, rare)
        menu = self._menus(text, folded, words_, trace)
        # English UI strings the expected language's catalogs translate ("Back" on a German page: ui_catalog.py)
        menu += catalog_lines(st, text, folded, words_, menu, taken, trace)
        # other languages' UI strings standing alone ("Impressum" on an English page: ui_foreign.py)
        menu += foreign_catalog_lines(st, text, folded, rare, menu, taken, trace)
        # short everyday words of another language that the expected one knows too ("les", "des", "est"),
        # standing where a short unit can hold them (most stand in English prose: "Tour de France")
        common_elsewhere = st.foreign_common.among(words_)
        if common_elsewhere:
            common_elsewhere = in_short_units(text, folded, common_elsewhere)
        if not sus.suspects:
            return self._without_suspects(text, folded, rare, menu, common_elsewhere, taken, trace)
        out, lines_read = self._suspect_lines(text, folded, sus, taken, trace)
        out = menu + out
        repeated = lines_read.repeated + self._repeated_weak_lines(text, folded, sus, lines_read.starts, taken, trace)
        out += repeated[len(lines_read.repeated):]
        out = self._furniture(text, folded, out, repeated, lines_read, common_elsewhere, taken, trace)
        out.extend(self._odd_short_units(text, folded, words_, rare, lines_read.lone_strong, common_elsewhere,
                                         taken, trace))
        out.extend(foreign_blocks(st, text, folded, rare, out, taken, trace))  # (ui_blocks.py)
        return drop_names_of_works(st, text, out, trace) if out else out

    def _menus(self, text: str, folded: str, words_: set[str], trace) -> list[Candidate]:
        """Lines naming a language (CLDR endonyms) go to the menu reader (``menus.py``)."""
        st = self.setup
        named = words_.intersection(trigger_words(st))
        if not named:
            return []
        any_named = words_.intersection(all_first_words())
        menu = menu_candidates(st, text, [(ls, le) for ls, le, _ in lines_holding(folded, text, named, named)],
                               [(ls, le) for ls, le, _ in lines_holding(folded, text, any_named, any_named)])
        if trace.on:
            for c in menu:
                trace.add(c.start, c.end, text[c.start:c.end], "latin", c.lang, c.score, True,
                          f"a menu item naming {c.lang} (CLDR endonym)")
        return menu

    def _without_suspects(self, text, folded, rare, menu, common_elsewhere, taken, trace) -> list[Candidate]:
        """No word is everyday vocabulary of another language: only short units holding a word common
        elsewhere ("les") or a rare expected word a spelling list holds ("uhuru wote", "gentium qua") are
        read, and short UI lines holding the former."""
        st = self.setup
        spelled = spelling.vouched_among(st.familiar.outside(rare), st.expect)
        if spelled:
            spelled = in_short_units(text, folded, spelled)
        blocks = foreign_blocks(st, text, folded, rare, menu, taken, trace)  # (ui_blocks.py)
        if blocks:
            menu = menu + blocks
        if not (common_elsewhere or spelled):
            if trace.on:
                trace.add(0, len(text), text[:80], "screen", st.expect[0], 0.0, False,
                          "no word is everyday vocabulary of another language")
            return menu
        out = list(menu)
        if common_elsewhere:
            ui_rows = short_lines_holding(folded, text, common_elsewhere, tuning.UI_ROW_MAX_WORDS)
            out += foreign_ui_lines(st, text, ui_rows, menu, taken, trace)
        out += short_units(st, text, folded, common_elsewhere | spelled, taken, trace,
                           common_elsewhere=common_elsewhere)
        return drop_names_of_works(st, text, out, trace) if out else out

    def _suspect_lines(self, text, folded, sus: "_Suspects", taken, trace) -> tuple[list[Candidate], "_LinesRead"]:
        """Lines holding two suspect words, or one strong one, are read (``_line``); a short one that
        yields nothing may be furniture repeated through the text (``furniture.repeated_line``)."""
        st = self.setup
        index = st.everyday_index
        out: list[Candidate] = []
        seen = _LinesRead()
        line_counts = None  # how often each folded line stands in the text (made when first asked)
        for ls, le, folded_line in lines_holding(folded, text, sus.suspects, sus.strong):
            if le - ls < 2:
                continue
            line_words = folded_line.split()
            found = sus.suspects.intersection(line_words)
            if len(found) < 2 and (len(line_words) > tuning.LONG_LINE_WORDS or sus.strong.isdisjoint(found)):
                # one odd word in a long line is a name or loanword, never a foreign span of the line;
                # an everyday word of another language may still open a quoted or appended short unit
                seen.lone_strong.update(found & sus.strong)
                continue
            line = text[ls:le]
            if len(line_words) > tuning.CAPS_ONLY_LINE_WORDS and not MENU.search(line) \
                    and not mostly_upper(line) and not GLUED.search(line):
                written = fold(line, lower=False).split()
                lowered = found.intersection(written)
                # capitalised suspects that are everyday nouns of a language capitalising its nouns (German)
                capital_everyday = sum(1 for w in (found - lowered) & sus.everyday
                                       if capitalises_nouns(index.get(w, ""), st))
                if capital_everyday < tuning.CAPITAL_EVERYDAY_WORDS and \
                        (not lowered or (sus.strong.isdisjoint(lowered) and len(lowered) < 2
                                         and not _lowercase_all_foreign(st, written, lowered))) \
                        and not _foreign_headline(st, line):
                    if trace.on:
                        trace.add(ls, le, line, "screen", st.expect[0], 0.0, False,
                                  "foreign-looking words appear only capitalised here (names)")
                    continue
            hints: dict[str, int] = {}  # the languages the line's everyday words belong to
            for w in found:
                langs = index.get(w)
                for lang in langs.split(",") if langs else ():
                    if not st.is_expected(lang):
                        hints[lang] = hints.get(lang, 0) + 1
            if "en" in hints:
                english = lexicon.load("en")
                hints["en"] += sum(1 for w in found if english.get(w, 0.0) >= tuning.ENGLISH_HINT_ZIPF)
            seen.starts.add(ls)
            got = self._line_cached(text, ls, le, trace, taken, hints, len(found & sus.unseen), found)
            if not got and len(line_words) <= tuning.REPEAT_MAX_WORDS and not taken.any_within(ls, le):
                if line_counts is None:
                    line_counts = whole_line_counts(folded)  # (once per text: many short lines ask)
                rep = repeated_line(st, text, ls, le, line_words, hints, trace,
                                    whole_line_count(folded, folded_line.strip(), line_counts))
                if rep is not None:
                    got = [rep]
                    seen.repeated.append(rep)
            if len(line_words) <= tuning.UI_ROW_MAX_WORDS:
                seen.short_lines.append((ls, le))  # judged as page furniture later, when nothing else took it
            out.extend(got)
        return out, seen

    def _repeated_weak_lines(self, text, folded, sus: "_Suspects", read: set[int], taken, trace) -> list[Candidate]:
        """A short line of words no lexicon of the expected language knows, repeated through the text
        ("Advertisement" between the articles of a Spanish page): the screen let it pass as one weak word."""
        st = self.setup
        weak = sus.unseen - sus.strong
        # (bounded work: not on a long text with very many unknown words)
        if not weak or len(weak) * len(folded) > tuning.REPEAT_WEAK_SEARCH:
            return []
        weak = {w for w in weak if folded.count(w) >= tuning.REPEAT_MIN}  # C-speed count first
        if not weak:
            return []
        short: dict[str, list[tuple[int, int]]] = {}
        for ls, le, folded_line in lines_holding(folded, text, weak, weak):
            line_words = folded_line.split()
            if ls not in read and len(line_words) <= tuning.REPEAT_MAX_WORDS and weak.issuperset(line_words):
                short.setdefault(" ".join(line_words), []).append((ls, le))
        out = []
        for key, spans in short.items():
            if len(spans) < tuning.REPEAT_MIN:
                continue
            for ls, le in spans:
                if taken.any_within(ls, le):
                    continue
                rep = repeated_line(st, text, ls, le, key.split(), {}, trace, len(spans))
                if rep is not None:
                    out.append(rep)
        return out

    def _furniture(self, text, folded, out, repeated, seen: "_LinesRead", common_elsewhere, taken,
                   trace) -> list[Candidate]:
        """Page furniture (``furniture.py``): the site's own names for its sections are dropped from the
        repeated lines; short UI strings of another language in a menu or sidebar block ("Search", "User"
        on a French page) are found; found furniture grows over its neighbours of the same language."""
        st = self.setup
        if repeated:
            drop = site_sections(st, text, repeated, out, trace)
            out = [c for c in out if id(c) not in drop]
        short_lines = seen.short_lines
        if common_elsewhere:  # ("Archives du blog": no suspect, but "du" is far more common in French)
            short_lines = short_lines + [x for x in short_lines_holding(folded, text, common_elsewhere, tuning.UI_ROW_MAX_WORDS)
                                         if x[0] not in seen.starts]
        if short_lines:
            out.extend(foreign_ui_lines(st, text, sorted(short_lines), out, taken, trace))
        if out:
            out.extend(grow_furniture(st, text, out, taken, trace))
            out.extend(grow_title_lists(st, text, out, taken, trace))
        return out

    def _odd_short_units(self, text, folded, words_, rare, lone_strong, common_elsewhere, taken,
                         trace) -> list[Candidate]:
        """Short units (``short_units.py``) holding a word the expected language hardly uses and has never
        seen, or an everyday word of another language (written in lowercase somewhere: names and brands
        are capitalised wherever they appear), or one alone in a long line ("... points. Tous les"), or a
        word common elsewhere: lingua and the lexicons decide them."""
        st = self.setup
        # (wordfreq's English list holds much foreign noise, so "never seen" is too strict a test for two
        # or three words)
        odd = st.familiar.outside(rare)
        if odd:
            odd = {w for w in odd if w.isalpha() and is_latin_word(w)}
            # never seen, or everyday elsewhere, or a word a spelling list vouches for (Swahili "barua"), in
            # set operations at C speed
            unknown = st.known.outside(odd)
            seen = odd - unknown
            odd = unknown | st.everyday.among(seen)
            odd |= spelling.vouched_among(seen - odd, st.expect)
            odd = occurring(text, folded, words_, lambda: set(fold(text, lower=False).split()), odd)
        odd |= lone_strong
        common_elsewhere = common_elsewhere.difference(odd)
        if not (odd or common_elsewhere):
            return []
        return short_units(st, text, folded, odd | common_elsewhere, taken, trace, lone_strong, common_elsewhere)

    # ------------------------------------------------------------------ repeated page furniture

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
        if is_code_line(text[ls:le]):
            # a line of code: its string literals are code too ('"Waiting for review"'), though a unit alone
            # (split at "?" or ":") may not look like code
            if trace.on:
                trace.add(ls, le, text[ls:le][:80], "screen", st.expect[0], 0.0, False, "a line of code")
            return []
        caps_line = _case_blind(st, text[ls:le])
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
        whole_units = (foreign_units(st, text, tokens, unit_of, unit_spans, caps_line, trace)
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

    def _line_tokens(self, text, ls, le, trace, tokens, unit_of, unit_spans, caps_line, hints, unseen, suspicious):
        st = self.setup
        # Candidate languages: first those the line's everyday words belong to (no model call);
        # the model is asked only when they give nothing and unknown words remain to explain.
        tried: set[str] = set()
        props: list[Proposal] = []
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
            props.extend(proposals(st, text, tokens, unit_of, unit_spans, lang, caps_line))
        cand: dict[str, float] = {}
        if not props and (not hints or unseen >= tuning.MIN_UNSEEN_FOR_PROBE):
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
                    props.extend(proposals(st, text, tokens, unit_of, unit_spans, lang, caps_line))
        if not props:
            found_unknown = unknown_word_spans(st, text, tokens, unit_of, unit_spans, caps_line, trace)
            if found_unknown:
                return fill_units(st, text, tokens, unit_of, unit_spans, found_unknown)
            if trace.on:
                trace.add(ls, le, text[ls:le], "latin", st.expect[0], 0.0, False,
                          f"no span reaches word evidence {st.min_llr * tuning.PROPOSAL_FACTOR:.1f} for "
                          f"{', '.join(sorted(tried)) or 'any other language the model hears'}")
            return []
        props.sort(key=lambda p: (-p.llr, p.i, p.lang))
        chosen = []
        used: set[int] = set()
        for p in props:
            if used.intersection(range(p.i, p.j)):
                continue
            res = decide(st, text, tokens, unit_of, unit_spans, p, trace, caps_line)
            if res is not None:
                chosen.append(res)
                used.update(range(p.i, p.j))
        # the lexicons' spans may be none or a piece of the line (Maori read as Latvian, Latin as Italian):
        # the words no lexicon explains are segmented as for a language without a lexicon, and a longer
        # span found so replaces the pieces it holds
        got = wider(chosen, unknown_word_spans(st, text, tokens, unit_of, unit_spans, caps_line, trace,
                                               tuning.UNKNOWN_AFTER_LEXICONS_MIN_WORDS))
        # (a span the segmentation stopped short of its sentence's end, at words that are no English either)
        return fill_units(st, text, tokens, unit_of, unit_spans, got)



def _rejoin_brands(text: str, spans: list[tuple[int, int]], known: frozenset) -> list[tuple[int, int]]:
    """Units cut at glued text ("...enteroBut") are joined again when the glued word is a known word
    ("WhatsApp", "YouTube")."""
    out: list[tuple[int, int]] = []
    run = (0, 0, False)  # the last run of letters walked: (start, end, is it a known word); a long run glued
    # many times ("CaféFrançaisCafé...") is walked once, not once per glue
    for s, e in spans:
        if out and out[-1][1] == s and s > 0 and text[s - 1].isalpha() and text[s].isalpha():
            if not run[0] < s < run[1]:
                ws = s
                while ws > 0 and text[ws - 1].isalpha():
                    ws -= 1
                we = s
                while we < len(text) and text[we].isalpha():
                    we += 1
                run = (ws, we, text[ws:we].lower() in known)
            if run[2]:
                out[-1] = (out[-1][0], e)
                continue
        out.append((s, e))
    return out




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

