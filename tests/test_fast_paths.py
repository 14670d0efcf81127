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


# ------------------------------------------------------------------ huge texts: each text searched once (issue 10)
# The four places that searched a whole text once per line, phrase or word asked about now search it once per
# text; each is checked against the search it replaces (written out here as it was), and a long document is
# scanned with the plain searches swapped back in: the findings must be the same.

from collections import Counter

from langscan.detect import furniture, intended, latin_stage, screen, short_units
from langscan.detect.latin_common import Taken
from langscan.detect.text import fold, lines
from langscan.detector import Detector


def _long_document(chars: int) -> str:
    """The speed benchmark's "one huge document" at ``chars`` characters: the benchmark corpus's English pages
    with fragments, each opened with its number (so no line repeats exactly)."""
    from benchmarks.corpus import load_corpus

    base = [d["text"] for d in load_corpus()
            if d["gold"] and not any(g["kind"] == "document" for g in d["gold"])]
    parts, size, i = [], 0, 0
    while size < chars:
        parts.append(f"Part {i}. " + base[i % len(base)])
        size += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)


@pytest.fixture(scope="module")
def long_document() -> str:
    return _long_document(400_000)


def test_whole_line_counts_answer_as_the_search_through_the_text(long_document):
    long_line = "a line of furniture long enough to be counted only once a longer content is asked about"
    tricky = ("Photo\n  photo \r\nphoto photo\n\tPhoto\t\nPhotos\nphoto\u2028\n\x85photo\nadvertisement\n"
              f"Advertisement\r\nthe photo\nphoto\n{long_line}\n {long_line}\n")
    for text in (tricky, tricky * 3, long_document[:60_000]):
        folded = fold(text)
        counts = furniture.whole_line_counts(folded)
        contents = {fl.strip() for fl in folded.split("\n")} - {""}
        contents |= {"photo", "hoto", "photo photo", "advertisement", "not in the text", long_line}
        for content in sorted(contents, key=len):  # (short ones first: the counts grow to the longer lines)
            assert furniture.whole_line_count(folded, content, counts) == furniture.whole_line_count(folded, content), \
                content
    counts = furniture.whole_line_counts(fold(tricky))
    assert furniture.whole_line_count(fold(tricky), "photo", counts) == 3
    assert furniture.whole_line_count(fold(tricky), long_line, counts) == 2 and counts.limit >= len(long_line)


def _plain_recurs(st, low: str, phrase: str, taken: Taken, lang: str) -> bool:
    """recurs_in_expected_text as it was: one search through the text per call."""
    from langscan.detect.text import words
    from langscan.detect.latin_common import lexicon_code
    from langscan import lexicon

    code = lexicon_code(lang)
    lex = (lexicon.load(code) if code in st.lexicons else None) or {}
    pos, seen = low.find(phrase), 0
    while pos != -1 and seen < 50:
        end = pos + len(phrase)
        seen += 1
        if (pos == 0 or not low[pos - 1].isalnum()) and (end == len(low) or not low[end].isalnum()) \
                and not (taken.covers(pos) or taken.any_within(pos, end)):
            ls = max(low.rfind("\n", 0, pos) + 1, pos - 400)
            le = low.find("\n", end)
            le = min(len(low) if le == -1 else le, end + 400)
            others = [w.lower() for _, _, w in words(low[ls:pos] + " " + low[end:le], 0)]
            common = sum(1 for w in others if st.expected_zipf(w) >= max(4.0, lex.get(w, 0.0)))
            if len(others) >= 2 and common * 2 > len(others):
                return True
        pos = low.find(phrase, end)
    return False


def test_phrase_places_are_the_places_the_search_looked_at():
    text = ("la la la lala la\n" + "Tour de France, the tour de force of the tour.\n" * 80).lower()
    for phrase in ("la la", "la", "tour de", "tour", "de", "not there", "e"):
        plain, pos = [], text.find(phrase)
        while pos != -1 and len(plain) < 50:
            plain.append(pos)
            pos = text.find(phrase, pos + len(phrase))
        assert intended.phrase_places(text, phrase) == plain
    # "la la" also stands at 3, overlapping the one at 0: the search went on after the end of the first
    assert text.find("la la", 1) == 3 and intended.phrase_places(text, "la la")[:2] == [0, 6]
    assert len(intended.phrase_places(text, "tour")) == 50  # (bounded: RECUR_MAX_LOOKS places)


def test_recurrence_with_the_places_given_is_the_search(long_document):
    st = Detector(expect="en")._setup
    st.prepare()
    text = ("The 2000 Swedish film Naken was shown in Stockholm. Critics said Naken was a brave and very funny "
            "film for the whole family.\nNaken\nLater that year naken opened in more cinemas across the country.\n"
            "Notícias da Stock Car: the Stock Car race of the weekend.\n") + long_document[:30_000]
    low = text.lower()
    taken = Taken([(22, 27)])
    for phrase in ("naken", "stock car", "notícias da", "part", "the", "zzz qqq"):
        for lang in ("sv", "pt", "de"):
            places = intended.phrase_places(low, phrase)
            want = _plain_recurs(st, low, phrase, taken, lang)
            assert intended.recurs_in_expected_text(st, low, phrase, taken, lang, places) == want
            assert intended.recurs_in_expected_text(st, low, phrase, taken, lang) == want
    assert _plain_recurs(st, low, "naken", taken, "sv")  # (the test can tell the two answers apart)
    assert not _plain_recurs(st, low, "zzz qqq", taken, "sv")


def _token_hits(folded: str, common) -> list[tuple[str, int, int]]:
    """The whole-word occurrences by definition: the runs of characters between separators."""
    return [(m.group(), m.start(), m.end()) for m in re.finditer(r"[^ \t\n\r]+", folded) if m.group() in common]


def test_whole_word_hits_are_the_words_between_separators(monkeypatch, long_document):
    common = {"de", "del", "della", "les", "la", "pour", "est", "a", "dela"}
    texts = [
        "de de de del della\tdela\rles\n\nla\x85de de\u2000la pour-les est",  # (\x85, \u2000: no separators)
        "de",
        "della casa de la vie\n" * 7 + "les",
        fold(long_document[:150_000]),
    ]
    for folded in texts:
        want = _token_hits(folded, common)
        monkeypatch.setattr(short_units, "WHOLE_WORD_REGEX_FROM", 0)  # the regex pass, on any length
        assert list(short_units.whole_word_hits(folded, common)) == want
        monkeypatch.setattr(short_units, "WHOLE_WORD_REGEX_FROM", 10 ** 12)  # str.find word by word
        assert sorted(short_units.whole_word_hits(folded, common), key=lambda h: h[1]) == want
    assert list(short_units.whole_word_hits("x de y", set())) == []
    assert len(_token_hits(texts[-1], common)) > 100


def test_trie_pattern_matches_exactly_its_strings():
    rnd = random.Random(7)
    strings = {"".join(rnd.choice("ab.é") for _ in range(rnd.randint(1, 5))) for _ in range(40)}
    pattern = re.compile(screen.trie_pattern(strings))
    every = {"".join(p) for n in range(1, 6) for p in itertools.product("ab.é", repeat=n)}
    assert {s for s in every if pattern.fullmatch(s)} == strings


def _plain_lines(folded: str, text: str, words) -> list[tuple[int, int, str]]:
    return [(ls, le, fl) for (ls, le), fl in zip(lines(text), folded.split("\n")) if not words.isdisjoint(fl.split())]


def test_shared_lines_answer_as_one_pass_per_set_of_words(monkeypatch, long_document):
    text = long_document[:120_000] + "\r\nlast line with la vie en rose\r\n"
    folded = fold(text)
    vocab_words = {w for w in set(folded.split()) if len(w) > 7} | {"la", "vie"}
    asks = [{w for w in vocab_words if w.startswith(c)} for c in "abcst"] + [{"la"}, set(), {"vie", "rose"}]
    passes = []
    plain_pass = screen._lines_holding
    monkeypatch.setattr(screen, "_lines_holding", lambda *a, **k: passes.append(a[2]) or plain_pass(*a, **k))
    with screen.share_lines(folded, text, lambda: set(vocab_words)):
        for words in asks:
            assert screen.lines_holding_any(folded, text, words) == _plain_lines(folded, text, words)
        other = fold("Some other text\nwith la vie")  # another text: searched as before
        assert screen.lines_holding_any(other, "Some other text\nwith la vie", {"la"}) == [(16, 27, "with la vie")]
    # one pass over the lines for every set among the vocabulary; {"vie", "rose"} and the other text: their own
    assert len(passes) == 3
    assert sum(1 for words in asks if words <= vocab_words) == 7
    assert getattr(screen._shared, "folded", None) is None  # nothing of the text is held after the scan
    assert screen.lines_holding_any(folded, text, {"la"}) == _plain_lines(folded, text, {"la"})


def _plain_whole_word_hits(folded, common):
    find = folded.find
    for w in sorted(common):
        k, i = len(w), find(w)
        while i != -1:
            if (i == 0 or folded[i - 1] in " \t\n\r") and (i + k == len(folded) or folded[i + k] in " \t\n\r"):
                yield w, i, i + k
            i = find(w, i + k)


def test_long_document_findings_are_the_same_with_the_plain_searches(monkeypatch, long_document):
    calls: Counter = Counter()
    phrases: dict[str, list[str]] = {"phrase_places": [], "recurs_in_expected_text": []}

    def counted(module, name):
        f = getattr(module, name)

        def wrapper(*a, **k):
            calls[name] += 1
            if name in phrases:
                phrases[name].append(a[1] if name == "phrase_places" else a[2])
            return f(*a, **k)
        monkeypatch.setattr(module, name, wrapper)

    made = []
    plain_counts = latin_stage.whole_line_counts
    monkeypatch.setattr(latin_stage, "whole_line_counts", lambda folded: made.append(plain_counts(folded)) or made[-1])
    for module, name in [(latin_stage, "whole_line_counts"), (latin_stage, "whole_line_count"),
                         (intended, "phrase_places"), (intended, "recurs_in_expected_text"),
                         (screen, "_lines_holding"), (latin_stage, "in_short_units")]:
        counted(module, name)

    def findings(text):
        return [(f.kind.value, f.start, f.end, f.lang, round(f.score, 6), f.detail)
                for f in Detector(expect="en").scan(text)]

    fast = findings(long_document)
    # each search ran once per text, while the stage asked many times
    assert calls["whole_line_counts"] == 1 and calls["whole_line_count"] > 20
    assert made[0].limit == 64  # the lines were counted once (the count grows only for a longer content)
    searched, asked = phrases["phrase_places"], phrases["recurs_in_expected_text"]
    assert sorted(searched) == sorted(set(asked)) and len(asked) > len(searched) > 0  # once per phrase
    assert calls["_lines_holding"] == 1  # the stage asks about 4-5 sets of words
    assert len(fast) > 30 and {k for k, *_ in fast} >= {"latin", "script"}
    monkeypatch.undo()
    monkeypatch.setattr(latin_stage, "whole_line_counts", lambda folded: None)  # whole_line_count searches
    monkeypatch.setattr(intended, "recurs_in_expected_text",
                        lambda st, low, phrase, taken, lang, places=None: _plain_recurs(st, low, phrase, taken, lang))
    monkeypatch.setattr(short_units, "whole_word_hits", _plain_whole_word_hits)

    class no_sharing:
        def __init__(self, *a):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return None

    monkeypatch.setattr(latin_stage, "share_lines", no_sharing)
    monkeypatch.setattr(screen, "_lines_holding", lambda folded, text, words, keep_words=False:
                        _plain_lines(folded, text, words))
    assert findings(long_document) == fast


def test_places_of_many_phrases_in_one_pass_are_each_phrase_searched(monkeypatch, long_document):
    rnd = random.Random(10)
    monkeypatch.setattr(screen, "PLACES_BATCH_FROM", 1)  # the regex pass for any number of phrases
    for recompile_after in (1, 1000):
        monkeypatch.setattr(screen, "_RECOMPILE_AFTER", recompile_after)
        for _ in range(300):
            text = "".join(rnd.choice("aab ") for _ in range(rnd.randint(0, 120)))
            phrases = {"".join(rnd.choice("ab ") for _ in range(rnd.randint(1, 4))) for _ in range(rnd.randint(1, 8))}
            limit = rnd.choice([1, 3, 50])
            assert screen.places_of(text, phrases, limit) == {p: screen.places(text, p, limit) for p in phrases}
    low = long_document.lower()
    phrases = {"part", "the", "de la", "la", "tour de", "l", "not in it", "é", "è", "de", "", "x" * 101}
    phrases |= set(low.split()[:200:3])
    got = screen.places_of(low, phrases, 50)
    assert got == {p: screen.places(low, p, 50) for p in phrases}
    assert sum(len(v) == 50 for v in got.values()) > 10  # many phrases done early, the pass went on for the rest


def test_many_candidates_search_their_phrases_in_one_pass(monkeypatch, long_document):
    # the same recurrence answers when the candidates' phrases are found together (in one regex pass)
    passes = []
    plain = screen.places_of
    monkeypatch.setattr(intended, "places_of", lambda *a: passes.append(len(a[1])) or plain(*a))
    monkeypatch.setattr(intended, "PLACES_BATCH_FROM", 2)
    monkeypatch.setattr(screen, "PLACES_BATCH_FROM", 2)

    def findings():
        return [(f.kind.value, f.start, f.end, f.lang, f.score) for f in Detector(expect="en").scan(long_document)]

    together = findings()
    assert len(passes) == 1 and passes[0] >= 2
    monkeypatch.setattr(intended, "PLACES_BATCH_FROM", 10 ** 9)
    assert findings() == together
    assert len(passes) == 1
