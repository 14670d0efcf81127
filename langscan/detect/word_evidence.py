"""Word evidence: each word's log-frequency ratio, foreign lexicon vs expected lexicon, for one
candidate language; the best-scoring spans of each unit are proposed (``proposals``) and decided
(``decide``): grown to whole units, checked against name and acronym evidence, and the model must
agree.  Languages without a shipped lexicon propose only whole units the model is sure of."""

from __future__ import annotations

from dataclasses import replace

from .. import lexicon
from ..evidence import LOANWORDS, NAME_PARTICLES
from ..finding import Kind
from ..languages import same_family, script_of_lang
from . import tuning
from .candidate import Candidate
from .latin_common import Proposal, Token, foreign_lexicon, lexicon_code, next_to_a_name
from .segmentation import segment
from .setup import Setup, foreign_compound_zipf
from .text import MENU, extend_punct, mostly_upper

def proposals(st: Setup, text, tokens, unit_of, unit_spans, lang, caps_line) -> list[Proposal]:
    """Best-scoring spans (inside one unit each) of words more common in ``lang`` than expected."""
    code = lexicon_code(lang)
    lex = lexicon.load(code) if code in st.lexicons else None
    if lex is None:
        return no_lexicon_spans(st, text, tokens, unit_of, unit_spans, lang)
    out = []
    abc = lexicon.alphabet(code)
    nouns = code in tuning.NOUNS_CAPITALISED and not st.is_expected(code)
    compounds = code if code in tuning.COMPOUNDING_LANGS and not st.is_expected(code) else ""
    scores = [token_score(st, t, lex, caps_line, abc, nouns, compounds) for t in tokens]
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



def token_score(st: Setup, t: Token, lex: dict[str, float], caps_line: bool,
                abc: frozenset[str] = frozenset(), nouns_capitalised: bool = False, compounds: str = "") -> float:
    """Log10 frequency ratio foreign/expected of one word, weighted by how name-like it is. ``compounds``: the
    code of ``lex`` when that language writes compounds as one word (a word its lexicon lacks may be one)."""
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
    if compounds and fz == ez == lexicon.FLOOR and t.lower.isalpha():
        # "Datenspeicher", "wachtwoordindeling": a compound of two words the language uses more than the
        # expected one does ("understanding" is no German "under" + "standing")
        fz = max(fz, foreign_compound_zipf(st, compounds, lex, t.lower))
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


def decide(st: Setup, text, tokens, unit_of, unit_spans, p: Proposal, trace, caps_line: bool = False):
    """A proposed span, grown to its unit, becomes a candidate when its words are evidence enough
    (``_word_reason``), the model agrees (``_model_verdict``) and the score reaches the threshold.
    ``caps_line``: the line's capitalisation says nothing about names (in capitals, or a foreign headline in
    title case)."""
    i, j = _grown(p, unit_of)
    s, e = tokens[i].start, extend_punct(text, tokens[j - 1].end)
    frag = text[s:e]
    caps = caps_line or mostly_upper(frag)
    reason, needed = _word_reason(st, text, tokens, unit_of, unit_spans, p, i, j, frag, caps)
    lang, p_lang, p_exp = p.lang, 0.0, 0.0
    if reason is None:
        reason, lang, p_lang, p_exp = _model_verdict(st, tokens, p, i, j, frag, caps, needed)
    if reason is None and p_lang < tuning.LINGUA_ASKED_BELOW:
        lang = _lingua_renames(st, frag, lang)
    score = 0.5 * min(1.0, p.llr / (tuning.EVIDENCE_SCALE * needed)) + 0.5 * min(1.0, max(p_lang, 0.0))
    flagged = reason is None and score >= st.threshold
    if reason is None and not flagged:
        reason = f"score {score:.2f} < threshold {st.threshold:.2f}"
    if trace.on:
        trace.add(s, e, frag, "latin", lang, score, flagged,
                  reason or f"word evidence {p.llr:.1f} for {p.lang}; model {lang} {p_lang:.2f}, "
                            f"expected {p_exp:.2f}")
    return Candidate(Kind.LATIN, s, e, lang, "Latin", score) if flagged else None


def _grown(p: Proposal, unit_of: list[int]) -> tuple[int, int]:
    """Tokens ``i:j`` of the proposal grown over neighbouring words of its unit that are not clearly the
    expected language (names, numbers' neighbours, weak words), kept only if it then fills the unit."""
    i, j, scores = p.i, p.j, p.scores
    ua = unit_of[i]
    gi, gj = i, j
    while gi > 0 and unit_of[gi - 1] == ua and scores[gi - 1] > tuning.GROW_OVER:
        gi -= 1
    while gj < len(unit_of) and unit_of[gj] == ua and scores[gj] > tuning.GROW_OVER:
        gj += 1
    if (gi == 0 or unit_of[gi - 1] != ua) and (gj == len(unit_of) or unit_of[gj] != ua):
        return gi, gj
    return i, j


def fill_units(st: Setup, text: str, tokens: list[Token], unit_of: list[int], unit_spans, cands: list[Candidate]
               ) -> list[Candidate]:
    """The candidates of one unit, all of one language, that hold at least FILL_MIN_SHARE of its words become one
    candidate of the whole unit when the words they left out are not the expected language: at most
    FILL_MAX_COMMON_SHARE of them are its words (``_expected_word``). The segmentation stops at a foreign word
    the expected language also knows ("as" in a Manx sentence) and at words no list knows, and an English
    sentence on a French page came out in two pieces without "- even if it's" between them; the rest of a
    sentence made of such words is that sentence too. A foreign phrase inside an English sentence keeps its
    span: the words around it are English. Left as they are: runs of RECUR_MAX_WORDS words or fewer, and runs
    mostly capitalised (titles and names, which the names test after this step must see as they are)."""
    if not cands:
        return cands
    where: dict[int, list[int]] = {}  # unit -> the indexes of its tokens
    for k, u in enumerate(unit_of):
        where.setdefault(u, []).append(k)
    unit_at = {tokens[k].start: unit_of[k] for k in range(len(tokens))}
    groups: dict[int, list[Candidate]] = {}  # unit -> its candidates
    for c in cands:
        u = unit_at.get(c.start)
        if u is not None:
            groups.setdefault(u, []).append(c)
    filled: dict[int, Candidate] = {}  # id of a unit's first candidate -> the whole unit's; the others dropped
    dropped: set[int] = set()
    for u, group in groups.items():
        whole = _filled(st, text, tokens, where[u], unit_spans[u], group)
        if whole is not None:
            filled[id(group[0])] = whole
            dropped.update(id(c) for c in group[1:])
    if not filled:
        return cands
    return [filled.get(id(c), c) for c in cands if id(c) not in dropped]


def _filled(st: Setup, text: str, tokens: list[Token], idx: list[int], unit: tuple[int, int],
            group: list[Candidate]) -> Candidate | None:
    """The whole unit (token indexes ``idx``) as one candidate, when ``group`` fills it (``fill_units``)."""
    lang = group[0].lang
    if any(c.kind is not Kind.LATIN or c.lang != lang for c in group):
        return None
    # the unit's tokens inside a candidate and outside all of them, in one sweep along both (sorted by start;
    # a candidate left behind ends before the token's start, so before every later token's too)
    group = sorted(group, key=lambda c: c.start)
    inside, outside = [], []
    j = 0
    for k in idx:
        t = tokens[k]
        while j < len(group) and group[j].end <= t.start:
            j += 1
        state = None  # (None: no candidate overlaps the token; False: one cuts it; True: one holds it)
        i = j
        while i < len(group) and group[i].start < t.end:
            c = group[i]
            if c.end > t.start:
                state = state or (c.start <= t.start and t.end <= c.end)
            i += 1
        if state is None:
            outside.append(k)
        elif state:
            inside.append(k)
        else:
            return None  # (a candidate ending inside a word)
    if 2 * sum(1 for k in inside if tokens[k].word[:1].isupper() and not tokens[k].initial) >= len(inside):
        return None  # (capitalised words: a title or a name, which the names test after this step judges whole:
        # "Le documentaire The Death and Life of Marsha P." would hide a film's title in a French sentence)
    if not outside or len(inside) < tuning.FILL_MIN_SHARE * len(idx):
        return None
    if len(inside) <= tuning.RECUR_MAX_WORDS:
        return None  # (a phrase this short may be a term of the page, which the names test after this step looks
        # for elsewhere in the text by its first words: grown, it would no longer be asked)
    lex = foreign_lexicon(st, lang) or {}
    if sum(1 for k in outside if _expected_word(st, tokens[k].lower, lex)) > tuning.FILL_MAX_COMMON_SHARE * len(outside):
        return None
    first, last = group[0], max(group, key=lambda c: c.end)
    s, e = min(first.start, tokens[idx[0]].start), max(last.end, extend_punct(text, tokens[idx[-1]].end))
    us, ue = unit
    if not (us <= s and e <= max(ue, last.end)):
        return None
    return replace(first, start=s, end=e, score=max(c.score for c in group))


def _expected_word(st: Setup, w: str, lex: dict[str, float]) -> bool:
    """Is ``w`` a word of the expected language rather than of the span's (``lex``, its lexicon)? At least
    FILL_WORD_LETTERS letters (the short ones, "a", "as", "le", are words of many languages), at least
    FILL_EXPECTED_ZIPF there, and more common there than in the span's language."""
    if len(w) < tuning.FILL_WORD_LETTERS:
        return False
    w = w.replace("\u2019", "'")  # (the lists spell "it's" with the straight apostrophe)
    z = st.expected_zipf(w)
    return z >= tuning.FILL_EXPECTED_ZIPF and z > lex.get(w, 0.0)


def _word_reason(st: Setup, text, tokens, unit_of, unit_spans, p: Proposal, i: int, j: int, frag: str,
                 caps: bool) -> tuple[str | None, float]:
    """(why the words of tokens ``i:j`` are no foreign span, or None; the word evidence they need).

    Names and titles (capitalised words, unless everyday nouns of a language that capitalises them),
    acronyms, a lone word inside a sentence, and too little evidence or too few letters are reasons."""
    scores, strong_w = p.scores, tuning.STRONG_WORD
    strong = sum(1 for k in range(i, j) if scores[k] > strong_w)
    whole_units = tokens[i].initial and (j == len(tokens) or unit_of[j] != unit_of[j - 1])
    code = lexicon_code(p.lang)
    lex = lexicon.load(code) if code in tuning.NOUNS_CAPITALISED and not st.is_expected(code) else None
    capital_everyday = 0 if lex is None else sum(
        1 for k in range(i, j) if tokens[k].case == "title" and lex.get(tokens[k].lower, 0.0) >= tuning.EVERYDAY_ZIPF)
    # ... and two of them are enough when every word of the unit is an everyday word of the language that the
    # expected one hardly uses ("Alle Menschen", "Grenzen Informationen"): names the expected language
    # writes about are words it knows ("Deutsche Bank", "Bayern München")
    nouns_alone = tuning.CAPITAL_NOUNS_ALONE
    if capital_everyday >= tuning.CAPITAL_UNHEARD_NOUNS_ALONE and all(
            lex.get(tokens[k].lower, 0.0) >= tuning.EVERYDAY_ZIPF
            and st.expected_zipf(tokens[k].lower) < tuning.CAPITAL_UNHEARD_EXPECTED_ZIPF for k in range(i, j)):
        nouns_alone = tuning.CAPITAL_UNHEARD_NOUNS_ALONE
    # A whole line of nothing but capitalised everyday words of the language could be a title-case
    # UI string ("Take Our Poll") but is as often a title or a name ("House of Cards", "The New York
    # Times" on a Portuguese page): the words alone cannot tell, so it is not evidence here. Such a line
    # is judged as page furniture instead (furniture.foreign_ui_lines), by the block it stands in.
    if lex is not None and not any(scores[k] > strong_w and tokens[k].case == "lower"
                                   and tokens[k].lower not in NAME_PARTICLES for k in range(i, j)) \
            and not (whole_units and capital_everyday >= nouns_alone):
        # capitalised nouns count beside a lowercase word of the language, or as a whole sentence
        # of several of them; "Kyle Busch" is a name
        lex = None
    strong_lower = sum(1 for k in range(i, j) if scores[k] > strong_w
                       and (tokens[k].case == "lower"
                            or (lex is not None and tokens[k].case == "title"
                                and lex.get(tokens[k].lower, 0.0) >= tuning.EVERYDAY_ZIPF))
                       and len(tokens[k].lower) > 1 and tokens[k].lower not in NAME_PARTICLES)
    titles = sum(1 for k in range(i, j) if tokens[k].case == "title" and not tokens[k].initial)
    needed = st.min_llr
    if j - i >= 2 and not caps and (strong_lower == 0 or (titles >= 2 and strong_lower < 2)):
        return "the foreign-looking words are capitalised: a name or title", needed
    if j - i == 1 and tokens[i].case == "upper":
        return "one word in capitals: an acronym or a label", needed
    if j - i == 1 and tokens[i].case == "title" and next_to_a_name(st, text, tokens[i].start, tokens[i].end):
        return "one capitalised word next to a line that is a name: a name in a list of names", needed
    if not whole_units and strong < tuning.INSIDE_SENTENCE_STRONG:
        return f"{strong} foreign-looking word(s) inside a sentence: a name or loanword", needed
    if whole_units and strong < 2 and not (MENU.search(text[unit_spans[0][0]:unit_spans[-1][1]])
                                           or len(unit_spans) == 1):
        return "one foreign-looking word: only a menu item or a line of its own counts", needed
    if whole_units:
        # a whole line, sentence, clause or menu item: less word evidence is needed
        needed = st.min_llr * (tuning.WHOLE_UNIT_WEAK_FACTOR if strong < 2 else tuning.WHOLE_UNIT_STRONG_FACTOR)
    if p.llr < needed:
        return f"word evidence {p.llr:.1f} < {needed:.1f}", needed
    letters = sum(1 for c in frag if c.isalpha())
    if letters < max(st.min_length, tuning.MIN_SPAN_LETTERS):
        return f"{letters} letters: too short to tell", needed
    return None, needed


def _model_verdict(st: Setup, tokens, p: Proposal, i: int, j: int, frag: str, caps: bool,
                   needed: float) -> tuple[str | None, str, float, float]:
    """fastText on the span: (why it disagrees, or None; the language named; its probability; the
    probability of the expected languages).  Strong word evidence lowers how sure it must be; when it
    names another language than the lexicons, the word evidence under its language decides."""
    lang, llr = p.lang, p.llr
    reason = None
    preds = st.model.predict(frag.lower() if caps else frag, k=5)
    p_exp = sum(q for l, q in preds if st.is_expected(l))
    ft_lang, ft_p = next(((l, q) for l, q in preds if not st.is_expected(l)), (lang, 0.0))
    p_lang = sum(q for l, q in preds if same_family(l, lang))
    strong_llr = llr >= tuning.STRONG_EVIDENCE_FACTOR * needed and p_exp < tuning.LOW_EXPECTED
    if p_exp >= tuning.MODEL_HEARS_EXPECTED:
        reason = f"model hears the expected language ({p_exp:.2f})"
    elif max(ft_p, p_lang) < (tuning.MODEL_UNSURE_STRONG_WORDS if strong_llr else tuning.MODEL_UNSURE) \
            and not (llr >= tuning.VERY_STRONG_EVIDENCE_FACTOR * needed
                     and p_exp < tuning.VERY_STRONG_MAX_EXPECTED):
        reason = f"model unsure ({ft_lang} {ft_p:.2f})"
    if script_of_lang(ft_lang) != "Latin" or st.is_expected(ft_lang) or ft_p < p_lang * tuning.MODEL_RENAMES_SHARE:
        ft_lang, ft_p = lang, p_lang
    elif not same_family(ft_lang, lang):
        # The model and the lexicons disagree on which language: let the word evidence
        # under the model's language decide.
        code = lexicon_code(ft_lang)
        alt_lex = lexicon.load(code) if code in st.lexicons else None
        alt = (sum(token_score(st, tokens[k], alt_lex, caps, lexicon.alphabet(code)) for k in range(i, j))
               if alt_lex else None)
        if (alt is not None and alt < tuning.ALT_LEXICON_SHARE * llr) or \
                (alt is None and ft_p < tuning.ALT_MODEL_P):
            ft_lang, ft_p = lang, max(p_lang, ft_p)
    return reason, ft_lang, ft_p, p_exp


def _lingua_renames(st: Setup, frag: str, lang: str) -> str:
    """fastText is unsure of the language (Swahili read as Malay): lingua's character statistics cover
    every Latin-script language and rename the span when they are sure of another family (the name is
    checked against the span's words at the stage's end: ``latin_common.relabel``)."""
    from .lingua_evidence import languages_of

    named = languages_of(frag, k=1)
    if named and named[0][1] >= tuning.LINGUA_RENAMES_P and not st.is_expected(named[0][0]) \
            and not same_family(named[0][0], lang):
        return named[0][0]
    return lang

# ------------------------------------------------------------------ words no lexicon explains


def no_lexicon_spans(st: Setup, text, tokens, unit_of, unit_spans, lang) -> list[Proposal]:
    """Languages without a shipped lexicon: whole units the model is sure of, with few expected words."""
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
