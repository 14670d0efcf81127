"""Issue 10: the faster ways the stages find things give the same answers as the plain ones they replace.

Each test compares a fast path with the simple definition it stands for (difflib's own matcher, a regex
over every character, a loop over every line), on realistic text and on small exhaustive or seeded cases.
No timing is asserted.
"""

from __future__ import annotations

import itertools
import random
import re
from difflib import SequenceMatcher

import pytest

from langscan import lookalike, mojibake
from langscan.detect.screen import non_ascii

RUSSIAN = "Заголовок открываемого материала"


def as_cp1252(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (its five undefined bytes kept as Latin-1 reads them)."""
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
                   for b in text.encode("utf-8"))


# ------------------------------------------------------------------ mojibake: the string matcher
def _same_as_difflib(a: str, b: str) -> bool:
    ours = mojibake._StringMatcher(None, a, b, autojunk=False)
    theirs = SequenceMatcher(None, a, b, autojunk=False)
    return ours.get_matching_blocks() == theirs.get_matching_blocks() and ours.get_opcodes() == theirs.get_opcodes()


def test_string_matcher_equals_difflib_on_every_pair_of_short_strings():
    # ties everywhere: every string of up to five letters over a two-letter alphabet, both ways round
    seqs = ["".join(p) for n in range(6) for p in itertools.product("ab", repeat=n)]
    bad = [(a, b) for a in seqs for b in seqs if not _same_as_difflib(a, b)]
    assert bad == []


def test_string_matcher_equals_difflib_on_edited_text():
    rnd = random.Random(10)
    words = "the café résumé naïve Zürich — “quoted” text is here again and again".split()
    for _ in range(400):
        a = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 40)))
        b = list(a)
        for _ in range(rnd.randint(0, 6)):  # a few local edits, as a repair makes them (and some repeats)
            p = rnd.randint(0, len(b))
            b[p:p + rnd.randint(0, 4)] = rnd.choice(["Ã©", "é", "", "â€”", " again", "e"])
        b = "".join(b)
        assert _same_as_difflib(a, b) and _same_as_difflib(b, a), (a, b)


def test_string_matcher_equals_difflib_on_mojibake_lines():
    lines = [
        as_cp1252("Le café est fermé à Zürich — “très” cher, déjà vu."),
        "Prices: " + as_cp1252("10 € – 20 €, naïve résumé") + " and more text after it.",
        as_cp1252(RUSSIAN) + " in an English line " + as_cp1252("Привет"),
        "The cafÃ© on the corner servesÂ coffee; the cafÃ© next door does not.",
    ]
    for line in lines:
        fixed = mojibake.repair(line)
        assert fixed != line
        assert _same_as_difflib(line, fixed)
        # and the runs found with it are the ones difflib's opcodes give
        assert mojibake._runs(line, fixed)


# ------------------------------------------------------------------ mojibake: screened lines
def test_screened_lines_are_the_lines_a_screen_matches():
    bad = as_cp1252("Заголовок")
    text = "\n".join([
        "plain ASCII line", "", f"a {bad} line", "naïve but fine", "â€” a dash\r", "Ã and a space Ã ",
        "café " * 5, bad, "", f"{bad} again at the end",
    ])
    want, pos = [], 0
    for line in text.split("\n"):
        if mojibake._SCREEN.search(line) or mojibake._NBSP_SCREEN.search(line):
            want.append((pos, line))
        pos += len(line) + 1
    assert mojibake._screened_lines(text) == want
    assert mojibake._screened_lines("no mojibake here\nnor here") == []


def test_find_reads_a_long_text_as_its_lines_one_by_one():
    bad = as_cp1252(RUSSIAN)
    parts = [f"Line {i} of plain English text about the weather." for i in range(300)]
    parts[17] = f"Title: {bad}"
    parts[250] = "The cafÃ© on the corner, and a naïve remark."
    parts[251] = "Plain text with Ã and a space Ã  in it."
    text = "\n".join(parts)
    want, pos = [], 0
    for line in parts:  # each line scanned on its own, offsets moved to the text's
        want += [(pos + c.start, pos + c.end, c.lang, c.repair) for c in mojibake.find(line)]
        pos += len(line) + 1
    got = [(c.start, c.end, c.lang, c.repair) for c in mojibake.find(text)]
    assert got == want
    assert "cafÃ©" in [text[s:e] for s, e, _, _ in got] and len(got) >= 3


# ------------------------------------------------------------------ look-alikes: finding the suspects
def _all_suspect_words(text: str) -> list[tuple[int, int]]:
    """The words holding a look-alike character, read from every match of one class (the plain way)."""
    lookalike._latinish()
    present = lookalike._data["suspects"].intersection(non_ascii(text))
    present = present.difference(lookalike._data["foreign_digits"])
    rx = re.compile("[" + "".join(re.escape(c) for c in sorted(present)) + "]")
    words, last = {}, -1
    for m in rx.finditer(text):
        if m.start() < last:
            continue
        span = lookalike._word_span(text, m.start(), m.end())
        last = max(span[1], m.end())
        if span[1] > span[0]:
            words[span] = None
    return list(words)


def _fast_suspect_words(text: str) -> list[tuple[int, int]]:
    lookalike._latinish()
    present = lookalike._data["suspects"].intersection(non_ascii(text))
    present = frozenset(present.difference(lookalike._data["foreign_digits"]))
    at_or_after = lookalike._suspect_finder(text, present, "suspects")
    words, a = {}, at_or_after(0)
    while a != -1:
        span = lookalike._word_span(text, a, a + 1)
        if span[1] > span[0]:
            words[span] = None
        a = at_or_after(max(span[1], a + 1))
    return list(words)


@pytest.mark.parametrize("text", [
    "We use ѕсоре and troսble here, then 𝐇𝐞𝐥𝐥𝐨 𝐰𝐨𝐫𝐥𝐝 and usｅd words, " + RUSSIAN + ".",
    "𝐀𝐁 plain 𝐇𝐞𝐥𝐥𝐨 and 𝐱 = 𝐲 + 1, then Ⓗⓔⓛⓛⓞ and aⒶbⒷc glued, ’ѕсоре’ quoted.",
    "only ASCII here, and one emoji 🙂 with ѕсоре after it",
])
def test_suspect_finder_finds_the_words_one_class_finds(text):
    assert _fast_suspect_words(text) == _all_suspect_words(text)


def test_numbers_mixing_digit_systems_are_the_numbers_the_regex_gives():
    text = "In 2০26 and ২০২৬, page 1٢ of 99, code 7𝟖9, and 5 or ৫ alone, then 12345 and ４２."
    det_found = lookalike.find(text)
    numbers = [(m.start(), m.end()) for m in lookalike._NUMBER.finditer(text) if not m.group().isascii()]
    mixed = [(s, e) for s, e in numbers if lookalike._digit_candidate(text, s, e, ("en",)) is not None]
    assert mixed  # the text holds numbers mixing systems
    assert [(c.start, c.end) for c in det_found if c.repair and c.repair.isdigit()] == mixed


# ------------------------------------------------------------------ mojibake: the whole-text screen
def test_a_text_without_a_screen_lead_is_never_bad():
    # every two-character string a screen can match starts with one of the leads; a text none of whose
    # characters is a lead is not bad, whatever ftfy's measure says of the rest
    for text in ["“Quoted” — and naïve", "Заголовок", "plain ascii", "Ã© in it", "Â\u00a0x", "ô€ too"]:
        lead = not mojibake._SCREEN_LEADS.isdisjoint(text)
        assert mojibake._text_is_bad(text) == mojibake._is_bad(text)
        if not lead:
            assert mojibake._SCREEN.search(text) is None and mojibake._NBSP_SCREEN.search(text) is None
    assert mojibake.may_hold("The cafÃ© is closed") and not mojibake.may_hold("The “café” is closed")


# ------------------------------------------------------------------ text: ALL-CAPS lines
def test_mostly_upper_counts_as_the_letter_classes_do():
    from langscan.detect import text as tx

    rnd = random.Random(7)
    alphabet = "aBcDEFGHxyz ÀÉÖØÞßàéöøÿ 12.,|"
    samples = ["BREAKING NEWS: MARKETS FALL", "Breaking news", "NASA and the ESA", "ÉTÉ À PARIS", "", "A B C D e"]
    samples += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(2000)]
    for s in samples:
        low, up = len(tx._LOWER.findall(s)), len(tx._UPPER.findall(s))
        assert tx.mostly_upper(s) == (up >= 4 and up > 4 * low), s


# ------------------------------------------------------------------ detector: lines and columns
def test_line_columns_are_the_line_index_ones():
    from langscan.detector import _line_columns
    from langscan.document import LineIndex

    rnd = random.Random(3)
    texts = ["", "one line", "a\nb\n\nc\n", "\n\nstarts with breaks", "x" * 50 + "\n" + "y" * 50,
             "windows\r\nlines\r\nhere", "old\rmac\rlines", "mixed\r\nand\nlone\rbreaks"]
    texts += ["".join(rnd.choice("ab \n") for _ in range(rnd.randint(1, 80))) for _ in range(300)]
    for t in texts:
        offsets = [rnd.randrange(len(t)) for _ in range(rnd.randint(1, 6))] if t else [0]
        index = LineIndex(t)
        assert _line_columns(t, offsets) == {o: index.locate(o) for o in offsets}, (t, offsets)



def test_ftfy_measure_is_one_search_of_its_expression():
    # the shortcut in mojibake._bad_inside rests on this: ftfy's is_bad(text) is BADNESS_RE.search(text)
    from ftfy.badness import BADNESS_RE, is_bad

    bad = as_cp1252(RUSSIAN)
    for text in ["plain", "The cafÃ© is closed", bad, "Ã x", "a\nÃ x", "naïve “quoted” text", "â€” dash"]:
        assert is_bad(text) == bool(BADNESS_RE.search(text)), text


def test_a_line_proves_the_whole_text_suspicious_only_when_it_is():
    # "Ã " opening a line is suspicious in the line alone (ftfy's measure anchors that pattern at the
    # start) but not inside the text: the shortcut must not say the text is bad
    text = "Fine line 12.\nÃ x"
    assert mojibake._is_bad("Ã x") and not mojibake._is_bad(text)
    assert not mojibake._bad_inside(text, 14, len(text), True)
    # wherever a line of real mojibake says the text is bad, it is
    bad = as_cp1252(RUSSIAN)
    texts = [f"Intro.\n{bad}\nOutro.", f"Intro.\nThe cafÃ© is closed.\n{bad}", "Ã x\nline", f"a\n{bad}"]
    for t in texts:
        pos = 0
        for line in t.split("\n"):
            if mojibake._bad_inside(t, pos, pos + len(line), True):
                assert mojibake._is_bad(t), (t, line)
            pos += len(line) + 1
    assert mojibake._bad_inside(texts[0], 7, 7 + len(bad), True)


def test_explain_notes_only_the_runs_found():
    bad = as_cp1252(RUSSIAN)
    for text in ["Fine line 12.\nÃ x", f"Title\n{bad}\nThe cafÃ© is closed."]:
        notes = []
        found = mojibake.find(text, note=lambda *a: notes.append(a))
        assert [(n[0], n[1]) for n in notes] == [(c.start, c.end) for c in found]
    assert found and not mojibake.find("Fine line 12.\nÃ x")


def test_words_cut_glued_text_as_the_camel_pattern_says():
    from langscan.detect import text as tx

    def slow(line, base, keep=frozenset()):
        for m in tx.WORD.finditer(line):
            word, start, cut = m.group(), m.start(), 0
            if keep and word.lower() in keep:
                yield base + start, base + m.end(), word
                continue
            for c in tx._CAMEL.finditer(word):
                if c.start() > 1:
                    yield base + start + cut, base + start + c.start(), word[cut:c.start()]
                    cut = c.start()
            yield base + start + cut, base + m.end(), word[cut:]

    rnd = random.Random(5)
    lines = ["...stránkeThe army said", "iPhone and eBay, YouTube, WhatsApp, McDonald", "enteroBut ÉtéÀParis",
             "don’t stop", "Ω ΩΩ σΣ", ""]
    lines += ["".join(rnd.choice("aBcÉéxY ’'-1") for _ in range(rnd.randint(0, 25))) for _ in range(3000)]
    for line in lines:
        for keep in (frozenset(), frozenset({"youtube", "whatsapp"})):
            assert list(tx.words(line, 7, keep)) == list(slow(line, 7, keep)), line
