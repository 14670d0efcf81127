"""Blocks of short lines in another language: a sidebar or footer of UI strings ("Arkiv / Kategorier / Kommentarer
/ Logga in" on an English page), found as one.

Each line alone is too short for word evidence or for the model ("Sunting", "Golygu": fastText hears nothing
sure in one word), and a language without a shipped lexicon has no everyday-word test either. Together they
are a sample: the model reads the block's lines as one text.

A block is BLOCK_MIN_LINES or more lines of at most BLOCK_LINE_MAX_WORDS words, one after the other (blank lines
and at most BLOCK_GAP_LINES other short lines between two of them), each of them foreign-looking: at least half
of its words rare in the expected language (Zipf below BLOCK_RARE_ZIPF there), none of them a number, not a
name (two or more words, all capitalised). It is found, from
its first such line to its last, when fastText (or lingua, when fastText is unsure) hears one other Latin-script
language in the lines read together, surely (BLOCK_MODEL_P) and the expected one hardly (BLOCK_MAX_EXPECTED),
and the lines are words of that language, not names the model guessed at (``_words_of``).
"""

from __future__ import annotations

import re

from .. import lexicon, spelling
from ..evidence import holds_non_words
from ..finding import Kind
from ..languages import same_family, script_of_lang
from . import tuning
from .candidate import Candidate
from .latin_common import Taken, lexicon_code, short_lines_holding
from .text import trim, words

_SENTENCE = re.compile(r"[.!?;]\s+\S|[,;]\s*$|[\d@#/\\=<>{}\[\]_]")  # prose, numbers, code, addresses
_BLANK = re.compile(r"\s*")


def _foreign_looking(st, line: str) -> bool:
    toks = [w for _, _, w in words(line, 0)]
    if not toks or len(toks) > tuning.BLOCK_LINE_MAX_WORDS or _SENTENCE.search(line.strip()) \
            or holds_non_words(line.strip()):
        return False
    if len(toks) >= 2 and not any(w[:1].islower() for w in toks):
        return False  # names are capitalised word by word ("Thomas Müller"); UI strings are in sentence case
        # ("Lämna ett svar"), or one word
    rare = sum(1 for w in toks if st.expected_zipf(w.lower()) < tuning.BLOCK_RARE_ZIPF)
    return rare * 2 >= len(toks)


def _between_is_short(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` (what lies between two lines of a block) blank lines and at most BLOCK_GAP_LINES short
    lines?"""
    if _BLANK.fullmatch(text, a, b):
        return True
    others = [l for l in text[a:b].split("\n") if l.strip()]
    return len(others) <= tuning.BLOCK_GAP_LINES and all(
        sum(1 for _ in words(l, 0)) <= tuning.BLOCK_LINE_MAX_WORDS for l in others)


def foreign_blocks(st, text: str, folded: str, rare: set[str], cands: list[Candidate], taken: Taken,
                   trace) -> list[Candidate]:
    """One candidate for each block of short foreign-looking lines the model hears as one other language."""
    if not rare:
        return []
    lines = short_lines_holding(folded, text, rare, tuning.BLOCK_LINE_MAX_WORDS)
    if len(lines) < tuning.BLOCK_MIN_LINES:
        return []
    blocks: list[list[tuple[int, int]]] = []
    for ls, le in lines:
        if not _foreign_looking(st, text[ls:le]):
            continue
        if blocks and _between_is_short(text, blocks[-1][-1][1], ls):
            blocks[-1].append((ls, le))
        else:
            blocks.append([(ls, le)])
    # (a UI string found alone by the catalogs, its language open, is read as part of the block around it: the
    # block, longer, then wins over it)
    covered = Taken(sorted((c.start, c.end) for c in cands if not c.alternatives))
    out: list[Candidate] = []
    for block in blocks:
        if len(block) < tuning.BLOCK_MIN_LINES:
            continue
        block = [trim(text, a, b) for a, b in block]  # (the lines without their indentation)
        s, e = block[0][0], block[-1][1]
        if taken.any_within(s, e) or taken.covers(s):
            continue
        if all(covered.covers(a) for a, _ in block):
            continue  # (every line found already)
        sample = " . ".join(text[a:b].lower() for a, b in block)
        lang, p, p_exp, how = _heard(st, sample)
        flagged = lang is not None and p >= tuning.BLOCK_MODEL_P and p_exp <= tuning.BLOCK_MAX_EXPECTED
        if flagged and not _words_of(st, lang, [text[a:b] for a, b in block], how):
            flagged, how = False, how + " (but its lines are not words of that language: names)"
        if trace.on:
            trace.add(s, e, text[s:e], "latin", lang or st.expect[0], p, flagged,
                      f"a block of {len(block)} short lines whose words the expected language hardly uses; "
                      f"read together, {how} hears {lang} {p:.2f}, the expected language {p_exp:.2f}")
        if not flagged:
            continue
        score = min(tuning.SCORE_CAP, p)
        if not any(covered.any_within(a, b) or covered.covers(a) for a, b in block):
            out.append(Candidate(Kind.LATIN, s, e, lang, "Latin", score, context="boilerplate"))
            continue
        # part of the block is found already: its other lines, one by one (the final pass joins neighbours);
        # the lines found one by one take the block's language ("Arkiv" alone reads as Norwegian, the block
        # around it is Swedish)
        for c in cands:
            if c.kind is Kind.LATIN and s <= c.start and c.end <= e:
                c.lang = lang
        out.extend(Candidate(Kind.LATIN, a, b, lang, "Latin", score, context="boilerplate")
                   for a, b in block if not (covered.any_within(a, b) or covered.covers(a)))
    return out


def _words_of(st, lang: str, lines: list[str], how: str) -> bool:
    """Are the block's lines words of ``lang``, not names the model merely guessed at ("Deadspin / Gizmodo /
    Jalopnik", "Necko / NPAPI")? With a shipped lexicon (or spelling list), BLOCK_KNOWN_SHARE of the lines must
    have all their words in it (BLOCK_KNOWN_ZIPF); a language with neither is not found this way."""
    code = lexicon_code(lang)
    table = lexicon.load(code) if code in st.lexicons else None
    listed = spelling.words(lang) if table is None else None
    if table is None and listed is None:
        # no word list to tell its words from names: lingua's n-grams alone are not enough (a tag cloud of
        # software names unknown to every list was read as Yoruba, 0.99 sure); such a block is left to the
        # line-by-line rules
        return False
    known = 0
    for line in lines:
        toks = [w.lower() for _, _, w in words(line, 0)]
        if table is not None:
            ok = all(table.get(w, 0.0) >= tuning.BLOCK_KNOWN_ZIPF for w in toks)
        else:
            ok = all(w in listed for w in toks)
        known += ok
    return known >= tuning.BLOCK_KNOWN_SHARE * len(lines)


def _heard(st, sample: str) -> tuple[str | None, float, float, str]:
    """(the other Latin-script language heard in ``sample``, its probability with its family, the expected
    languages' probability, which model): fastText, then lingua when fastText is unsure."""
    preds = st.model.predict(sample, k=5)
    p_exp = sum(q for l, q in preds if st.is_expected(l))
    top = next((l for l, _ in preds if not st.is_expected(l) and script_of_lang(l) == "Latin"), None)
    p = sum(q for l, q in preds if top is not None and same_family(l, top))
    if top is not None and p >= tuning.BLOCK_MODEL_P:
        return top, p, p_exp, "fastText"
    from .lingua_evidence import languages_of

    named = languages_of(sample, k=3)
    l_exp = sum(q for l, q in named if st.is_expected(l))
    if named and not st.is_expected(named[0][0]) and script_of_lang(named[0][0]) == "Latin":
        return named[0][0], named[0][1], max(p_exp, l_exp), "lingua"
    return top, p, p_exp, "fastText"
