"""Words no lexicon explains: for the languages without a shipped lexicon (Zulu, Welsh, Basque,
Swahili...), the expected lexicon says which words are expected, a two-state Viterbi segmentation
with a switching cost finds runs of the rest, and lingua names the run's language."""

from __future__ import annotations

from .. import lexicon
from ..evidence import LOANWORDS
from ..finding import Kind
from . import tuning
from .candidate import Candidate
from .latin_common import Token, lingua_verdict
from .segmentation import viterbi_spans
from .setup import Setup
from .text import extend_punct

def word_llr(st: Setup, t: Token, caps_line: bool) -> float:
    """Evidence that one word is foreign (> 0) or expected (< 0), from the expected lexicon alone."""
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



def unknown_word_spans(st: Setup, text, tokens, unit_of, unit_spans, caps_line, trace,
                       min_words: int = tuning.UNKNOWN_MIN_WORDS) -> list[Candidate]:
    """Spans of words the expected lexicon does not know, segmented by Viterbi, named by lingua.

    For the languages no shipped lexicon covers (Zulu, Welsh, Basque, Swahili...): the
    expected language's lexicon says which words are expected, a two-state segmentation
    with a switching cost finds runs of the rest, and lingua's character statistics name
    the run's language and must be sure of it. ``min_words``: the fewest words of a span that is
    neither a whole unit nor quoted.
    """
    out: list[Candidate] = []
    llrs = [word_llr(st, t, caps_line) for t in tokens]
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
            if lower_unknown < tuning.UNKNOWN_MIN_LOWER or (n < min_words and not (whole or quoted)):
                continue
            e = extend_punct(text, e)
            frag = text[s:e]
            verdict = lingua_verdict(st, frag)
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



def wider(chosen: list[Candidate], unknown: list[Candidate]) -> list[Candidate]:
    """The lexicons' candidates of a line, with each run of unknown words that holds one or more of them
    whole (and overlaps no other partly) in their place; a run overlapping none is added."""
    if not unknown:
        return chosen
    runs = sorted(unknown, key=lambda c: c.start)
    if any(a.end > b.start for a, b in zip(runs, runs[1:])):
        return _wider_each(chosen, unknown)  # (overlapping runs: each must see the others' replacements)
    # The runs are disjoint, so each is judged against the lexicons' candidates alone, and only those starting
    # before its end can touch it: one sweep, not every run against every candidate (thousands of runs on one
    # long line made that quadratic).
    order = sorted(range(len(chosen)), key=lambda k: chosen[k].start)
    dropped: set[int] = set()
    added: list[Candidate] = []
    k = 0
    open_: list[int] = []  # candidates started before the current run's start that may still reach into it
    for u in runs:
        while k < len(order) and chosen[order[k]].start < u.start:
            open_.append(order[k])
            k += 1
        open_ = [i for i in open_ if chosen[i].end > u.start]
        inside, partly = [], bool(open_)
        j = k
        while j < len(order) and chosen[order[j]].start < u.end:
            c = chosen[order[j]]
            if c.end <= u.end:
                inside.append(order[j])
            else:
                partly = True
            j += 1
        if partly or (inside and sum(chosen[i].end - chosen[i].start for i in inside) * 2 > u.end - u.start):
            continue  # (a run barely longer than the lexicons' pieces adds nothing: keep their verdict)
        dropped.update(inside)
        added.append(u)
    out = [c for i, c in enumerate(chosen) if i not in dropped] + added
    return sorted(out, key=lambda c: c.start)


def _wider_each(chosen: list[Candidate], unknown: list[Candidate]) -> list[Candidate]:
    """``wider`` run by run against everything kept so far (for runs that overlap each other)."""
    out = list(chosen)
    for u in unknown:
        inside = [c for c in out if u.start <= c.start and c.end <= u.end]
        partly = [c for c in out if c.start < u.end and u.start < c.end and c not in inside]
        if partly or (inside and sum(c.end - c.start for c in inside) * 2 > u.end - u.start):
            continue
        out = [c for c in out if c not in inside] + [u]
    return sorted(out, key=lambda c: c.start)
