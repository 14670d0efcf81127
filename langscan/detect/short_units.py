"""Short units: a quoted phrase, a line of its own or a sentence appended to a line, of a few words,
holding a word the expected lexicon has never seen (or one far more common in another language).
Word evidence cannot decide two or three words and fastText is unreliable on them: lingua's
character statistics decide, and every word the expected lexicon knows must fit the language named."""

from __future__ import annotations

import re

from .. import lexicon, spelling
from ..evidence import is_code_line, mask_non_words, token_case
from ..finding import Kind
from . import tuning
from .candidate import Candidate
from .latin_common import QUOTE_CHARS, QUOTED, lexicon_code, lines_holding, lingua_verdict
from .setup import Setup
from .whole_units import expected_run
from .text import extend_punct, words

def short_units(st: Setup, text, folded, unseen, taken, trace, everyday=frozenset(),
                 common_elsewhere=frozenset()) -> list[Candidate]:
    """A quoted phrase, a line of its own or a sentence appended to a line, of a few words, holding
    a word the expected lexicon has never seen: lingua's character statistics decide it.

    Word evidence cannot decide two or three words, and fastText is unreliable on them; lingua
    must be sure it is not the expected language (and name a language) before it is a finding.
    """
    out: list[Candidate] = []
    odd = unseen.difference(common_elsewhere)
    aligned = len(folded) == len(text)
    for ls, le, folded_line in lines_holding(folded, text, unseen, unseen):
        # a line whose only reason is a word common elsewhere ("les"): only the units holding it
        # (checked on the folded text first, cheaply: most such lines are English, "Tour de France")
        only_common = bool(common_elsewhere) and aligned and odd.isdisjoint(folded_line.split())
        spans = []
        if le - ls <= tuning.SHORT_LINE_CHARS:
            spans.append((ls, le, False))
        else:
            line = text[ls:le]
            if any(q in line for q in QUOTE_CHARS):
                spans = [(m.start(1), m.end(1), True) for m in QUOTED.finditer(text, ls, le)]
                if spans and is_code_line(line):
                    spans = []  # string literals of a line of code are code ('status === "pending" ? "Waiting"')
            cut = max(line.rfind(". "), line.rfind("! "), line.rfind("? "))
            if cut != -1 and line.count(" ", cut + 2) < tuning.SHORT_UNIT_MAX_WORDS:
                spans.append((ls + cut + 2, le, False))  # a short sentence appended to the line
        for s, e, quoted in spans:
            if only_common and not holds_written(text[s:e], common_elsewhere):
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
                        expected_run(st, lowered) >= tuning.WHOLE_UNIT_EXPECTED_RUN:
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
                unseen_here = any(st.expected_zipf(w) == 0.0 for w in lowered)
                if any(st.expected_zipf(w) >= tuning.SHORT_KNOWN_ZIPF and w not in st.everyday
                       and not (spelling.listed(w, st.expect) if unseen_here else spelling.vouches(w, st.expect))
                       for w in lowered):
                    continue  # an expected word no other language uses every day ("humidifier", "diy"),
                    # nor a spelling list holds (Swahili "barua"; beside a word the expected lexicon never
                    # saw, also one the expected language's own list holds, Latin "omnibus"): checked
                    # against the language lingua names below
            fs, fe = toks[0][0], toks[-1][1]
            fe = extend_punct(text, fe)
            frag = text[fs:fe]
            verdict = lingua_verdict(st, frag)
            if verdict is None:
                continue
            preds, l_exp = verdict
            lang, p = preds[0]
            min_p = tuning.SHORT_PAIR_MIN_P if len(toks) <= tuning.SHORT_UNSURE_MAX_WORDS else tuning.LINGUA_MIN_P
            flagged = (not st.is_expected(lang) and p >= min_p
                       and (l_exp <= tuning.SHORT_MAX_EXPECTED
                            or (l_exp <= tuning.SHORT_SPELLED_MAX_EXPECTED and not long_quote
                                and spelled_through(st, lowered, lang))))
            if flagged and long_quote and sum(1 for _, _, w in toks[1:] if w[:1].isupper()) >= \
                    tuning.SHORT_QUOTE_NAMES and sum(q for l, q in st.predict(frag, k=5) if st.is_expected(l)) \
                    >= tuning.MODEL_HEARS_EXPECTED:
                # names around a few English words, and fastText hears the expected language in the whole quote
                # ("Pats place Olszewski on IR", "Māori Battalion haka in Egypt"): lingua, reading characters,
                # gives it to a language whose spelling the names happen to fit. (Without the names, fastText's
                # English is no veto: it hears English in sentences of languages it hardly knows, Manx, Kabyle)
                flagged = False
            if flagged and long_quote and common_words:
                # most everyday expected words of a quoted sentence must be more common in the language
                # lingua names (or, without its lexicon, particles everyday elsewhere, "le", "o", "na" in
                # Setswana, or words its spelling list holds), not English words ("drunk", "master", "now";
                # "tall", "glass", "november" are everyday Swedish or Dutch too, and no Yoruba)
                code = lexicon_code(lang)
                named_lex = lexicon.load(code) if code in st.lexicons else None
                listed = spelling.words(lang) if named_lex is None else None
                english_like = sum(1 for w in common_words
                                   if (named_lex.get(w, 0.0) <= st.expected_zipf(w) if named_lex is not None
                                       else not (w in st.everyday and (len(w) <= tuning.SHORT_PARTICLE_LETTERS
                                                                       or (listed is not None and w in listed)))))
                flagged = 2 * english_like < len(toks)
            if flagged and not long_quote:
                fit = _fitting_language(st, frag, lowered, preds)
                flagged = fit is not None
                if fit is not None:
                    lang, p = fit
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



def _fitting_language(st: Setup, frag: str, lowered: list[str], preds: list[tuple[str, float]]
                      ) -> tuple[str, float] | None:
    """The language of a short unit of a few words, and how surely it is heard, when its words fit it: every
    word the expected lexicon knows must be more common there ("hypersensitive pneumonitis" is rare English,
    not Esperanto; ``short_words_fit``). Tried in turn: lingua's first language, its runners-up (two words
    rarely tell close languages apart: "encontrar un" is pt 0.42, es below it; a runner-up needs a lexicon or a
    spelling list to be checked against), then the language fastText is sure of when lingua has not named it
    ("der komprimierten": lingua es, fastText de 0.96). None when none fits."""
    named = preds[:1] + [(l, q) for l, q in preds[1:tuning.SHORT_ALT_LANGS]
                         if q >= tuning.SHORT_PAIR_MIN_P and not st.is_expected(l) and _checkable(st, l)]
    for lang, q in named:
        if short_words_fit(st, lowered, lang):
            return lang, q
    for lang, q in st.predict(frag.lower(), k=1):  # (asked only when none of lingua's fits)
        if q >= tuning.SHORT_MODEL_ALT_P and not st.is_expected(lang) and all(lang != l for l, _ in named) \
                and _checkable(st, lang) and short_words_fit(st, lowered, lang):
            return lang, q
    return None


def _checkable(st: Setup, lang: str) -> bool:
    """Has ``lang`` a shipped lexicon or a spelling list to check a unit's words against?"""
    return lexicon_code(lang) in st.lexicons or lang in spelling.available()


def spelled_through(st: Setup, lowered: list[str], lang: str) -> bool:
    """Is every word of a short unit either a word of ``lang``'s spelling list or unknown to the expected
    language, with at least one from the list ("van ons", "enige land" in Afrikaans)?"""
    dictionary = spelling.words(lang)
    if dictionary is None:
        return False
    listed = [w in dictionary for w in lowered]
    return any(listed) and all(ok or st.expected_zipf(w) == 0.0 for ok, w in zip(listed, lowered))


def short_words_fit(st: Setup, lowered: list[str], lang: str) -> bool:
    """Is every word of a short unit that the expected language knows more common in ``lang``?"""
    code = lexicon_code(lang)
    lex = lexicon.load(code) if code in st.lexicons else None
    if lex is None:
        # no lexicon to compare with: the everyday-elsewhere test stands in, and the language's spelling
        # list where there is one. A word the expected language knows fits when
        # - it is everyday in another language and not an everyday expected word longer than a particle
        #   (those say the phrase is the expected language's jargon: "serial ioctl", "fpcr file"), or
        # - the language's list holds it and the expected language's own list does not (Swahili "barua";
        #   not "ellipsis", "modulo", which English and Latin share) or the unit holds a word the expected
        #   lexicon has never seen ("omnibus" beside "servitudines"), or
        # - the list holds an everyday expected word beside a word the expected lexicon has never seen or
        #   that the list vouches for ("die wagwoord", "van ons" are Afrikaans, "cum quaedam" Latin; "die
        #   hard", "modulo operator" prove nothing: English spells them too)
        dictionary = spelling.words(lang) or frozenset()
        unseen = any(st.expected_zipf(w) == 0.0 for w in lowered)
        shares_everyday = unseen or any(w in dictionary and spelling.vouches(w, st.expect) for w in lowered)
        for w in lowered:
            z = st.expected_zipf(w)
            if z < tuning.SHORT_KNOWN_ZIPF:
                continue
            everyday_expected = z >= tuning.SHORT_COMMON_ZIPF and len(w) > tuning.SHORT_PARTICLE_LETTERS
            if w in st.everyday and not everyday_expected:
                continue
            if w in dictionary and (shares_everyday if everyday_expected
                                    else unseen or spelling.vouches(w, st.expect)):
                continue
            return False
        return True
    return all(st.expected_zipf(w) < tuning.SHORT_KNOWN_ZIPF or lex.get(w, 0.0) > st.expected_zipf(w)
               for w in lowered)



_JOINERS = ".'’-@/_"  # a word glued to its neighbour by these is part of a name, a domain or a contraction


def written_alone(text: str, s: int, e: int) -> bool:
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
    return k < 0 or text[k] in "\n\r.!?" or text[k] in QUOTE_CHARS


def in_short_units(text: str, folded: str, common: set[str]) -> set[str]:
    """The words of ``common`` standing, as whole words, somewhere ``_short_units`` reads: a short line,
    a line with a quotation mark, or a short sentence ending a line (the lines are read properly later)."""
    n = len(folded)
    if n != len(text):
        return common
    kept: set[str] = set()
    line = (0, -1, True, -1)  # the line of the last hit: (start, end, read whole?, last sentence end opening a short one)
    for w, i, k in whole_word_hits(folded, common):
        if w in kept or not written_alone(text, i, k):
            continue
        if not line[0] <= i <= line[1]:
            # (what is asked of a line is worked out once: a text of one long line holding many hits would
            # otherwise be read again for each)
            ls = text.rfind("\n", 0, i) + 1
            le = text.find("\n", i)
            le = n if le == -1 else le
            whole = le - ls <= tuning.SHORT_LINE_CHARS or any(text.find(q, ls, le) != -1 for q in QUOTE_CHARS)
            cut = -1
            if not whole:
                cut = max(text.rfind(". ", ls, le), text.rfind("! ", ls, le), text.rfind("? ", ls, le))
                if cut != -1 and text.count(" ", cut + 2, le) >= tuning.SHORT_UNIT_MAX_WORDS:
                    cut = -1
            line = (ls, le, whole, cut)
        if line[2] or -1 < line[3] < i:
            kept.add(w)
        if len(kept) == len(common):
            break
    return kept


WHOLE_WORD_REGEX_FROM = 100_000  # characters: from here one regex pass beats a str.find per word (cheaper
                                  # to set up, slower to run: "de" is found inside every "decided")
_SEPARATORS = " \t\n\r"  # what separates the words of a folded text, for these helpers


def whole_word_hits(folded: str, common: set[str]):
    """(word, start, end) of the whole-word occurrences of ``common`` in ``folded`` (words are separated by
    ``_SEPARATORS`` there): word by word with ``str.find`` in a short text, in one regex pass in a long one,
    in the order of the text."""
    n = len(folded)
    if n >= WHOLE_WORD_REGEX_FROM:
        if not common:
            return
        # The pattern opens with the separator before the word, so the regex engine skips from separator to
        # separator in C (a pattern opening with a look-behind is tried at every character), and the words
        # form a trie (each separator costs a few character tests, not one per word); the look-ahead leaves
        # the separator after a word to open the next. The text's first word has no separator before it.
        first, pattern = _whole_word_regex(frozenset(common))
        m = first.match(folded)
        if m:
            yield m.group(1), 0, m.end()
        for m in pattern.finditer(folded):
            yield m.group(1), m.start() + 1, m.end()
        return
    find = folded.find
    for w in sorted(common):
        k = len(w)
        i = find(w)
        while i != -1:
            if (i == 0 or folded[i - 1] in _SEPARATORS) and (i + k == n or folded[i + k] in _SEPARATORS):
                yield w, i, i + k
            i = find(w, i + k)


def _whole_word_regex(common: frozenset[str]) -> tuple[re.Pattern, re.Pattern]:
    """(a word of ``common`` (non-empty) opening the text, ``[separator](word)``), each followed by a
    separator or the end."""
    from .screen import trie_pattern

    words = f"({trie_pattern(common)})(?![^{_SEPARATORS}])"
    return re.compile(words), re.compile(f"[{_SEPARATORS}]{words}")



_EDGE_PUNCT = "\"'“”‘’«»()[]{}.,;:!?¡¿…–—*"


def holds_written(unit: str, common: frozenset[str] | set[str]) -> bool:
    """Does ``unit`` hold one of ``common`` written as a word of its own, in lowercase or opening the unit
    ("les modifications", "Des configurations"; not "ExpressNews.com", "We’ve", "Los Angeles", "SME")?
    A cheap test on whitespace-separated tokens, before the unit is tokenized properly."""
    toks = [t.strip(_EDGE_PUNCT) for t in unit.split()]
    if len(toks) < 2:
        return False
    if toks[0].istitle() and toks[0].lower() in common:
        return True
    return not common.isdisjoint(t for t in toks if t.islower())


