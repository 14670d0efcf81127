"""Issue 14, part 4: cost that used to explode. Checked by counting work, never by timing:
`clean --action strip` handed the whole text to every strip (320k findings: 461 s); now
each strip sees a window of a few lines, and the result is the reference algorithm's."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from langscan.clean import core


def _finding(a: int, b: int, kind: str = "script", lang: str = "ru"):
    return SimpleNamespace(start=a, end=b, kind=kind, lang=lang)


def _work(monkeypatch) -> list:
    seen: list = []
    real = core._strip_span

    def counting(text, a, b):
        seen.append(len(text))
        return real(text, a, b)

    monkeypatch.setattr(core, "_strip_span", counting)
    return seen


def test_strip_many_findings_on_many_lines_is_linear(monkeypatch):
    line = "The museum reopened on Saturday Заголовок and more visitors came.\n"
    n = 5000
    text = line * n
    at = line.index("Заголовок")
    fs = [_finding(i * len(line) + at, i * len(line) + at + 9) for i in range(n)]
    seen = _work(monkeypatch)
    out = core.apply(text, fs, "strip")
    assert out == line.replace(" Заголовок", "") * n
    assert sum(seen) < 10 * len(text)  # was n * len(text): every strip copied the whole text


def test_strip_many_findings_on_one_line_is_linear(monkeypatch):
    n = 5000
    text = "word Русский " * n + "end.\n"
    fs = [_finding(i * 13 + 5, i * 13 + 12) for i in range(n)]
    seen = _work(monkeypatch)
    out = core.apply(text, fs, "strip")
    assert out == "word " * n + "end.\n"
    assert sum(seen) < 10 * len(text)


def test_strip_whole_foreign_lines_is_linear(monkeypatch):
    block = "Заголовок открываемого материала\n\nThe museum reopened.\n"
    n = 3000
    text = block * n
    fs = [_finding(i * len(block), i * len(block) + 32) for i in range(n)]
    seen = _work(monkeypatch)
    out = core.apply(text, fs, "strip")
    assert "Заголовок" not in out and out.count("The museum reopened.") == n
    assert "\n\n\n" not in out
    assert sum(seen) < 10 * len(text)


_WORDS = ["word", "Русский", "ഒരു", "a", "Naval", "الوطني"]
_GLUE = [" ", "\n", "\r\n", "|", "-", "(", ")", ".", ",", "!", "«", "»", "\u200f", "  ", "\t", "।", "\n\n", ":",
         " | ", " - ", "\n\n\n"]


@st.composite
def _text_and_findings(draw):
    toks = draw(st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), min_size=1, max_size=60))
    text = "".join(toks)
    pos, spans = 0, []
    for t in toks:
        if t in _WORDS and draw(st.booleans()):
            spans.append([pos, pos + len(t)])
        pos += len(t)
    fs, i = [], 0
    while i < len(spans):
        a, b = spans[i]
        if i + 1 < len(spans) and draw(st.integers(0, 4)) == 0:  # a finding over two words (and the gap)
            b = spans[i + 1][1]
            i += 1
        fs.append(_finding(a, b))
        i += 1
    return text, fs


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text_and_findings())
def test_linear_strip_equals_the_reference(monkeypatch_free_case):
    text, fs = monkeypatch_free_case
    spans = core._merge_spans(text, fs, bridge=True)
    reference = core._strip_spans_slow(text, spans)
    old_min = core._INNER_MIN
    core._INNER_MIN = 1  # take the inside-a-line path even for a few spans
    try:
        fast = core._strip_by_lines(text, spans) if spans else text
    except core._Fallback:
        fast = reference
    finally:
        core._INNER_MIN = old_min
    assert fast == reference


# A single token alternating Latin and Cyrillic look-alikes: every Cyrillic letter is a script piece, and
# each piece used to re-read the whole word (6,000 letters: 5 s; 24,000: about 100 s).

def _alternating(n: int) -> str:
    return "The museum reopened on Saturday " + "aа" * (n // 2) + " after a renovation.\n"


def _calls(func) -> int:
    """Python and C function calls made by ``func()``: a deterministic measure of work, unlike time."""
    import sys

    count = 0

    def prof(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(prof)
    try:
        func()
    finally:
        sys.setprofile(None)
    return count


@pytest.fixture(scope="module")
def detector():
    from langscan.detector import Detector

    d = Detector(expect=["en"])
    d.scan(_alternating(100))  # load the model and word lists outside the count
    return d


def test_alternating_lookalike_token_is_one_finding_in_linear_work(detector):
    small, big = _alternating(1000), _alternating(4000)
    found = detector.scan(big)
    assert [(f.kind.value, f.text) for f in found] == [("homoglyph", "aа" * 2000)]
    w_small = _calls(lambda: detector.scan(small))
    w_big = _calls(lambda: detector.scan(big))
    assert w_big < 6 * w_small, (w_small, w_big)  # 4x the text: about 4x the work (it was 16x)


def test_alternating_lookalike_token_of_24k_letters_does_not_hang(tmp_path):
    """The issue's case through the CLI, with a generous bound as a hang guard (not a timing test)."""
    from conftest import run_cli

    f = tmp_path / "spoof.txt"
    f.write_text(_alternating(24000), encoding="utf-8")
    r = run_cli("scan", f, "--format", "jsonl", timeout=60)
    assert r.returncode == 1, r
    import json

    hits = [json.loads(l) for l in r.stdout.splitlines()]
    assert [(h["kind"], len(h["text"])) for h in hits] == [("homoglyph", 24000)]


@pytest.mark.parametrize("unit", ["&nbsp;", "\u00a0", "...", "-|-", "&#160;"])
def test_long_punctuation_runs_cost_linear_work(detector, unit):
    """`&nbsp;&nbsp;...` without a space scanned at ~9 KB/s; the scan of 4x the run is about 4x the work."""
    text = lambda n: "The museum reopened. " + unit * (n // len(unit)) + " Заголовок открываемого материала\n"
    assert [f.text for f in detector.scan(text(40_000))] == ["Заголовок открываемого материала"]
    w_small = _calls(lambda: detector.scan(text(10_000)))
    w_big = _calls(lambda: detector.scan(text(40_000)))
    assert w_big < 6 * w_small, (w_small, w_big)


def test_word_bounds_agree_with_word_around():
    from langscan.detect.text import WordBounds, word_around

    rng = __import__("random").Random(14)
    alphabet = ["a", "а", "о", "o", " ", "҂", "\u0301", "-", "ж", "1", "\n"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        spans, pos = [], 0
        while pos < len(text):
            s = rng.randint(pos, len(text))
            e = rng.randint(s, min(len(text), s + 3))
            if e > s:
                spans.append((s, e))
            pos = e + rng.randint(0, 2)
        bounds = WordBounds(text)
        assert [bounds(s, e) for s, e in spans] == [word_around(text, s, e) for s, e in spans], (text, spans)


# Thousands of findings on one long line: each finding used to look at every other finding of the text
# (look-alike words: their neighbours, the candidates they replace) or at its whole line (context).
_ONE_LINE = {
    "look-alike words": lambda n: "aа " * (n // 3),
    "look-alike words between signs": lambda n: "aа҂" * (n // 3),
    "spoofed prose": lambda n: ("Тhе сity соuncil mеt оn Mоndаy tо diѕсuѕѕ thе nеw budgеt. " * n)[:n],
    "quoted Russian words": lambda n: "«Заголовок» and " * (n // 16),
}


def test_quoted_words_on_one_line_read_their_neighbourhood_only(detector, monkeypatch):
    """A quoted foreign word is a gloss when the words around it talk about language; that regex read the
    whole line for every quoted word (its cost is inside the regex engine, so count what it reads)."""
    from langscan.detect import context

    read = []

    class Counting:
        def __init__(self, rx):
            self.rx = rx

        def search(self, s, *a):
            read.append(len(s))
            return self.rx.search(s, *a)

    monkeypatch.setattr(context, "_ABOUT", Counting(context._ABOUT))
    text = lambda n: "The museum reopened. " + "«Заголовок» and " * (n // 16) + "the end.\n"
    for n in (20_000, 80_000):
        read.clear()
        found = detector.scan(text(n))
        assert len(found) == n // 16 and {f.context for f in found} == {"quote"}
        assert sum(read) < 5000 * len(read)  # a window around each word, not the 80,000-character line


@pytest.mark.parametrize("shape", sorted(_ONE_LINE))
def test_many_findings_on_one_line_cost_linear_work(detector, shape):
    make = _ONE_LINE[shape]
    text = lambda n: "The museum reopened on Saturday. " + make(n) + " The end.\n"
    small, big = text(1500), text(6000)
    found = detector.scan(big)
    assert len(found) >= 100 and all(f.line == 1 for f in found)
    w_small = _calls(lambda: detector.scan(small))
    w_big = _calls(lambda: detector.scan(big))
    assert w_big < 6 * w_small, (w_small, w_big)


def _language_menu(n: int) -> str:
    names = ["Français", "Deutsch", "Italiano", "Magyar", "Polski", "Türkçe", "Español", "English",
             "Dansk (Danish)", "Русский"]
    return "Choose a language\n" + "\n".join(names[(k * 7) % len(names)] for k in range(n)) + "\nThe end.\n"


def test_a_language_menu_of_thousands_of_lines_costs_linear_work(detector):
    # a menu found whole grows line by line; each line used to scan every candidate (quadratic: 30,000
    # lines took 24 s)
    small, big = _language_menu(1500), _language_menu(6000)
    found = detector.scan(big)
    assert any(f.context == "menu" and f.end - f.start > len(big) // 2 for f in found)
    w_small = _calls(lambda: detector.scan(small))
    w_big = _calls(lambda: detector.scan(big))
    assert w_big < 6 * w_small, (w_small, w_big)


def test_masking_a_long_run_without_spaces_reads_it_in_bounded_slices(monkeypatch):
    # a 16 kB token of hyphenated letters ending in a full stop took 18 s: the address and path patterns were
    # tried, and read on to its end, from each of its places. The rules now see at most LONG_CHUNK characters at
    # a time; an ASCII run that long is no word and is blanked whole
    from langscan import evidence

    sizes: list[int] = []
    real = evidence._mask_piece

    def counting(chunk):
        sizes.append(len(chunk))
        return real(chunk)

    monkeypatch.setattr(evidence, "_mask_piece", counting)
    hostile = "a-b-" * 25_000 + "."
    line = "Dies ist ein Satz " + hostile + " und noch einer."
    out = evidence.mask_non_words(line)
    assert len(out) == len(line)
    assert out.split() == ["Dies", "ist", "ein", "Satz", "und", "noch", "einer."]
    assert max(sizes) <= evidence.LONG_CHUNK
    # a long run of another script (no spaces in Chinese) is never blanked for its length
    chinese = "中文的句子没有空格。" * 200
    assert evidence.mask_non_words(chinese) == chinese
    with_link = chinese + "https://example.com/a-b-c." + chinese
    masked = evidence.mask_non_words(with_link)
    assert len(masked) == len(with_link) and masked.count("中") >= chinese.count("中")
    assert max(sizes) <= evidence.LONG_CHUNK


# Lines a fuzzer of hostile text found slow (2026-12-02): a long run of one character that a pattern tried from
# each of its places and read to the run's end every time (a pattern ending in `X+$`, `.*:`, or one opening with
# `\s*`), and thousands of runs of unknown words on one line, each compared with every candidate of the line.
# 60,000 characters of them took 6-125 s; the same at 200,000 characters would take minutes to hours.
_HOSTILE_LINES = {
    "spaces": "  ",  # menu items and unit boundaries (`\s*` from every place)
    "guillemets and spaces": "\u00ab  ",
    "colons": "::",  # the closing colons of a UI label
    "one long word of Ã": "ÃÃ",  # words whose continuation byte was lost (`\w*Ã[a-z]\w*` from every place)
}


@pytest.mark.parametrize("shape", sorted(_HOSTILE_LINES))
def test_long_runs_in_one_line_do_not_hang(tmp_path, shape):
    """Through the CLI with a generous bound, as a hang guard (not a timing test)."""
    from conftest import run_cli

    unit = _HOSTILE_LINES[shape]
    f = tmp_path / "run.txt"
    f.write_text("The report said " + unit * (200_000 // len(unit)) + " and then stopped.\n", encoding="utf-8")
    for lang in ("fr", "de"):
        r = run_cli("scan", f, "--expect", lang, "--format", "jsonl", timeout=90)
        assert r.returncode in (0, 1), r


# The rewritten helpers must answer exactly what the patterns they replace answered.

def _random_strings(alphabet: str, n: int, longest: int, seed: int):
    rng = __import__("random").Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))


def test_ui_label_helpers_agree_with_the_patterns_they_replace():
    import re

    from langscan.detect.ui_catalog import _count_start, _label

    count = re.compile(r"\s*[(\[]\s*\d[\d.,]*\s*[)\]]\s*$")
    close = re.compile(r"[\s:.…]+$")
    for frag in _random_strings("ab (1)[]:.… \t,9", 20_000, 14, 21):
        m = count.search(frag)
        assert _count_start(frag) == (-1 if m is None else m.start()), frag
        assert _label(frag) == close.sub("", frag), frag
    assert _label("Search for: ") == "Search for" and _count_start("Uncategorized (51)") == 13


def test_menu_label_end_agrees_with_the_pattern_it_replaces():
    import random
    import re

    from langscan.detect.menus import label_end

    pattern = re.compile(r".*[:：]\s+")
    rng = random.Random(5)
    for text in _random_strings("ab :：\t\u00a0x", 20_000, 16, 22):
        s = rng.randint(0, len(text))
        e = rng.randint(s, len(text))
        m = pattern.search(text, s, e)
        assert label_end(text, s, e) == (-1 if m is None else m.end()), (text, s, e)
    text = "Read this page in: French Français"
    assert text[label_end(text, 0, len(text)):] == "French Français"


def test_unit_boundaries_and_menu_items_agree_with_the_patterns_they_replace():
    import random
    import re

    from langscan.detect import furniture, text as text_mod

    old_boundary = re.compile(r"""
          \s*[|•·►»«]\s*
        | \s+[-–—/]\s+
        | \t+
        | (?<=[.!?…。！？])(?<![\s(][A-Z]\.)["'”’)\]]*\s+
        | \s*;\s+
        | \s*:\s+
        | (?<=[a-zß-ÿ.!?])(?=[A-ZÀ-Þ][a-zß-ÿ])(?<![A-Z][a-z])
        """, re.VERBOSE)
    old_items = re.compile(r"[ \t\u00a0]*[|•·][ \t\u00a0]*|\t+")
    new_boundary, new_items = text_mod._BOUNDARY, furniture._ITEM_SPLIT
    rng = random.Random(11)
    lines = list(_random_strings("ab  \t\t|•»;:-–/.!?\"')Aé\u00a0x", 30_000, 14, 23))
    try:
        for k in range(0, len(lines) - 2, 3):
            page = "\n".join(lines[k:k + 3])
            j = rng.randint(0, 2)
            s = sum(len(x) + 1 for x in lines[k:k + j])
            e = s + len(lines[k + j])  # the callers ask about one line at a time
            text_mod._BOUNDARY, furniture._ITEM_SPLIT = old_boundary, old_items
            before = text_mod._units(page, s, e), furniture.line_items(page, s, e)
            text_mod._BOUNDARY, furniture._ITEM_SPLIT = new_boundary, new_items
            assert (text_mod._units(page, s, e), furniture.line_items(page, s, e)) == before, (page, s, e)
    finally:
        text_mod._BOUNDARY, furniture._ITEM_SPLIT = new_boundary, new_items


def test_page_number_helper_agrees_with_the_pattern_it_replaces():
    import re

    from langscan.report.collect import _without_page_number

    pattern = re.compile(r"[-_.]?\d+$")
    for name in _random_strings("ab-_.12٣", 20_000, 10, 24):
        assert _without_page_number(name) == pattern.sub("", name), name


def test_wider_runs_in_one_sweep_agree_with_run_by_run(monkeypatch):
    import random

    from langscan.detect import unknown_words
    from langscan.detect.candidate import Candidate
    from langscan.finding import Kind

    rng = random.Random(2)
    key = lambda cs: [(c.start, c.end, c.lang) for c in cs]
    for _ in range(5000):
        chosen = []
        for _ in range(rng.randint(0, 6)):
            a = rng.randint(0, 40)
            chosen.append(Candidate(Kind.LATIN, a, a + rng.randint(1, 8), rng.choice("ab"), "Latin", 0.9))
        runs, pos = [], rng.randint(0, 5)
        for _ in range(rng.randint(1, 4)):
            a = pos + rng.randint(0, 5)
            b = a + rng.randint(1, 12)
            runs.append(Candidate(Kind.LATIN, a, b, "xx", "Latin", 0.8))
            pos = b
        rng.shuffle(runs)
        assert key(unknown_words.wider(chosen, runs)) == key(unknown_words._wider_each(chosen, runs)), (chosen, runs)
    # disjoint runs, as the segmentation makes them, never take the run-by-run path (quadratic on long lines)
    monkeypatch.setattr(unknown_words, "_wider_each", lambda *a: pytest.fail("run by run"))
    many = [Candidate(Kind.LATIN, 10 * k, 10 * k + 8, "xx", "Latin", 0.8) for k in range(5000)]
    inner = [Candidate(Kind.LATIN, 10 * k + 1, 10 * k + 3, "fr", "Latin", 0.9) for k in range(5000)]
    assert key(unknown_words.wider(inner, many)) == key(many)


def test_a_long_run_of_glued_words_costs_linear_work():
    # "CaféFrançaisCafé..." without a space: every glue point walked the whole run of letters again to ask
    # whether the glued word is a brand ("WhatsApp"); 20,000 characters took 7 s
    text = lambda n: "The report said the council met on Monday.\n" + "CaféFrançais" * (n // 12) + "\nThe end.\n"
    from langscan.detector import Detector

    def work(n: int) -> int:
        fresh = Detector(expect=["en"])  # (a detector that has read the line remembers its verdict)
        fresh.scan(_alternating(100))
        return _calls(lambda: fresh.scan(text(n)))

    w_small, w_big = work(2500), work(10_000)
    assert w_big < 6 * w_small, (w_small, w_big)


def test_look_alike_words_in_a_line_without_spaces_read_a_bounded_context(monkeypatch):
    # look-alike words between soft hyphens, no space in the line: each took the whole line as its context
    # (80,000 characters: 19 s); the context is now at most CONTEXT_CHARS either side
    from langscan import lookalike
    from langscan.detector import Detector

    read = []
    real = lookalike._context

    def counting(text, s, e):
        a, b = real(text, s, e)
        read.append(b - a)
        return a, b

    monkeypatch.setattr(lookalike, "_context", counting)
    text = "The report said the council met on Monday.\n" + "\u00ada\u0430" * 10_000 + "\nThe end.\n"
    found = Detector(expect=["en"]).scan(text)
    assert len(found) > 1000 and read
    assert max(read) <= 2 * lookalike.CONTEXT_CHARS + 10


def test_a_long_line_with_many_mis_decoded_runs_is_diffed_in_bounded_pieces(monkeypatch):
    # a line with a mis-decoded run every 15 characters ("Café®©" reads as UTF-8 mojibake): the diff between
    # the line and its repair costs the piece's length times its runs, and pieces of 20,000 characters took
    # 23 s each (80,000 characters: 13 minutes before the longest match galloped). Pieces are now about
    # MAX_LINE characters, cut after a space.
    from langscan import mojibake

    sizes = []
    real = mojibake._line_repairs

    def counting(line):
        sizes.append(len(line))
        return real(line)

    monkeypatch.setattr(mojibake, "_line_repairs", counting)
    unit = "-na\u00efve\t\u00b7Caf\u00e9\u00ae\u00a9\u0130"
    line = unit * (12_000 // len(unit))
    found = mojibake.find("The report said.\n" + line + "\nThe end.\n")
    assert len(found) > 500 and all(f.repair == "\u9BA9" for f in found)
    assert sizes and max(sizes) <= mojibake.MAX_LINE
    assert sum(sizes) == len(line)  # the pieces cover the line, once


def test_line_pieces_cut_after_a_space_and_find_their_offsets():
    from langscan import mojibake

    line = ("word " * 1000) + "x" * 3000
    n = len(line)
    starts = [mojibake.piece_start(line, 0, n, m) for m in range(5)]
    assert starts[0] == 0 and starts[1] == 2000 and line[starts[1] - 1] == " "  # (a space just before 2,000)
    assert starts[2] == 4000 and starts[3] == 6000 and starts[4] == n  # no space near: a hard cut
    for offset in (0, 1999, 2000, 3999, 4000, 7999):
        s, e = mojibake._piece_of(line, 0, n, offset)
        assert s <= offset < e and s in starts and (e in starts or e == n)


def _count_diffs(monkeypatch) -> list[int]:
    """Make the mojibake diff record the length of each pair of texts it is asked to diff; the list it fills."""
    from langscan import mojibake

    read: list[int] = []
    real = mojibake._StringMatcher

    class Counting(real):
        def __init__(self, isjunk, a, b, autojunk=False):
            read.append(len(a) + len(b))
            super().__init__(isjunk, a, b, autojunk=autojunk)

    monkeypatch.setattr(mojibake, "_StringMatcher", Counting)
    return read


def test_a_piece_with_many_repairs_is_diffed_between_its_ascii_runs(monkeypatch):
    # a 2,000-character piece with a repair in every word ("'1ß™the " repeated, read as mis-decoded with Chinese
    # expected) took 4 s to diff by longest matches over the piece; the diff is now one stretch between ASCII runs
    # at a time
    import ftfy

    from langscan import mojibake

    line = "naÃ¯ve cafÃ© crÃ¨me seÃ±or " * 80
    fixed = ftfy.fix_text(line, mojibake._ftfy_config())
    assert len(line) - len(fixed) > mojibake.MANY_EDITS_CHARS
    read = _count_diffs(monkeypatch)
    ops = mojibake._anchored_edits(line, fixed)
    assert ops and max(read) < 20  # one stretch and its repair at a time, never the piece
    # the edits turn the line into its repair
    out, pos = [], 0
    for _, i1, i2, j1, j2 in ops:
        out.append(line[pos:i1] + fixed[j1:j2])
        pos = i2
    assert "".join(out) + line[pos:] == fixed
    # without a space: the stretches between the ASCII runs ("2020") pair up just the same
    read.clear()
    dense = "Ã•2020" * 400
    assert mojibake._anchored_edits(dense, ftfy.fix_text(dense, mojibake._ftfy_config())) and max(read) < 10
    runs = mojibake._runs(line, fixed)
    assert [line[a:b] for a, b, _, _ in runs[:4]] == ["naÃ¯ve", "cafÃ©", "crÃ¨me", "seÃ±or"]
    # "Ã" before a space is "à" whose no-break space became a space: the spaces differ, and the piece is
    # diffed whole as before
    assert mojibake._anchored_edits("dÃ©jÃ  vu " * 40, ftfy.fix_text("dÃ©jÃ  vu " * 40, mojibake._ftfy_config())) is None


def test_a_piece_of_mis_decoded_runs_without_ascii_or_space_is_one_run_without_a_diff(monkeypatch):
    # "·\u200bÃ©" repeated: no ASCII character to anchor on and no space to part runs, so every edit joins into
    # one run; diffing the 2,000-character piece by longest matches first ran at 3 kB/s
    import ftfy

    from langscan import mojibake

    line = "·\u200bÃ©" * 500
    fixed = ftfy.fix_text(line, mojibake._ftfy_config())
    real = mojibake._StringMatcher
    read = _count_diffs(monkeypatch)
    runs = mojibake._runs(line, fixed)
    assert read == []  # no diff
    assert len(runs) == 1
    a, b, j1, j2 = runs[0]
    assert line[:a] + fixed[j1:j2] + line[b:] == fixed  # the run and its repair give the repaired line
    assert line[:a] == fixed[:j1] and line[b:] == fixed[j2:]
    # and the diff, which the shortcut replaces, joins into the same run
    monkeypatch.setattr(mojibake, "_StringMatcher", real)
    monkeypatch.setattr(mojibake, "MANY_EDITS_CHARS", 10 ** 9)  # (always the plain diff)
    assert mojibake._runs(line, fixed) == runs


# HTML that html.parser reads in the square of its length: markup that never closes, met thousands of times
# (each "<" searched on to the end of the page again). 80-200 kB of it took 30-40 s; 400 kB, minutes.
_HOSTILE_HTML = {
    "unclosed comments": "<!--",
    "unclosed start tags": "<a ",
    "unclosed attributes": "<a href='",
    "comments closed by no --> but by >": "<!-- a > ",
    "CDATA sections closed by no ]]> but by >": "<![CDATA[ a > ",
}


@pytest.mark.parametrize("shape", sorted(_HOSTILE_HTML))
def test_html_markup_that_never_closes_does_not_hang(tmp_path, shape):
    """Through the CLI with a generous bound, as a hang guard (not a timing test)."""
    from conftest import run_cli

    unit = _HOSTILE_HTML[shape]
    f = tmp_path / "page.html"
    f.write_text("<p>The museum reopened.</p>" + unit * (400_000 // len(unit)) + " Заголовок", encoding="utf-8")
    r = run_cli("scan", f, "--format", "jsonl", timeout=90)
    assert r.returncode == 1, r  # the Russian words at the end are still read
    assert "Заголовок" in r.stdout


def test_an_unknown_marked_section_does_not_stop_the_scan(tmp_path):
    # "<![foo[" made html.parser raise, and the whole run stopped with "an unexpected failure"; browsers read it
    # as a bogus comment that ends at the next ">"
    from conftest import run_cli

    (tmp_path / "a.html").write_text("<p>Hello there</p><![foo[ x ]]> <p>Заголовок открываемого материала</p>\n",
                                     encoding="utf-8")
    (tmp_path / "b.txt").write_text("The museum reopened. Alle Rechte vorbehalten.\n", encoding="utf-8")
    r = run_cli("scan", tmp_path, "--format", "jsonl", timeout=90)
    assert r.returncode == 1, r
    assert "unexpected failure" not in r.stderr
    texts = {__import__("json").loads(line)["text"] for line in r.stdout.splitlines()}
    assert texts == {"Заголовок открываемого материала", "Alle Rechte vorbehalten."}


def test_html_extraction_after_the_last_tag_keeps_text_and_places():
    from langscan.readers.html import extract

    tail = "x <y " * 2000 + "&amp; Заголовок"
    text, locate = extract("<p>Hello</p>\n" + tail)
    assert text.endswith("x <y x <y & Заголовок") and "\ue000" not in text
    assert locate(len(text) - 1) == (2, len(tail))  # the last letter, on the tail's line


def test_a_reader_failing_on_one_file_leaves_the_others_scanned(tmp_path, monkeypatch):
    """Whatever a reader's bug (the unknown marked section above was one), the run goes on with the other files,
    and the failing file is named as an input error."""
    from langscan.document import Document
    from langscan.readers import FORMATS, ReadError, ReaderOptions, read_inputs

    real = FORMATS["markdown"]

    def failing():
        inner = real()

        def read(source, stream, opts):
            yield from inner(source, stream, opts)
            raise RuntimeError("a reader bug")
        return read

    monkeypatch.setitem(FORMATS, "markdown", failing)
    (tmp_path / "a.md").write_text("# Notes\n\nAlle Rechte vorbehalten.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Заголовок открываемого материала\n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], ReaderOptions()))
    errors = [i for i in items if isinstance(i, ReadError)]
    docs = [i for i in items if isinstance(i, Document)]
    assert [e.path.endswith("a.md") for e in errors] == [True] and "a reader bug" in errors[0].message
    assert any("Заголовок" in d.text for d in docs) and any("Rechte" in d.text for d in docs)


def test_lost_byte_words_are_found_as_before():
    import re

    from langscan import mojibake

    pattern = re.compile(r"\w*\u00c3[a-z\u00df-\u00ff]\w*")  # the pattern before it started at words only
    for text in _random_strings("aÃé ß1-Ã\u00a0x", 20_000, 20, 25):
        assert [m.span() for m in mojibake._LOST_TOKEN.finditer(text)] == [m.span() for m in pattern.finditer(text)]


def test_a_phrase_repeated_through_a_line_is_looked_up_once_per_scan(monkeypatch):
    # a template string repeated hundreds of times on one line (found by tools/fuzz_hostile.py, 10 kB/s on a
    # German page): whether it recurs in text of the expected language is one question, asked once
    from langscan.detect import intended
    from langscan.detector import Detector

    det = Detector(expect=["de"])
    asked = []
    real = intended.recurs_in_expected_text

    def counting(st, low, phrase, taken, lang, places=None):
        asked.append((phrase, lang))
        return real(st, low, phrase, taken, lang, places)

    monkeypatch.setattr(intended, "recurs_in_expected_text", counting)
    found = det.scan('Lire la suite-(]"...\xadthe ' * 400)
    assert len(found) >= 100
    assert len(asked) == len(set(asked)) and len(asked) <= 3


def test_a_foreign_menu_row_of_thousands_of_items_costs_linear_work(detector):
    # complete_menus asked every candidate of the row about every item (found by tools/fuzz_hostile.py seed 44:
    # 160 kB of one row took 12 s, a quarter of it 1.9 s); the row's candidates are now walked with the items
    row = lambda n: "The museum reopened on Saturday.\n" + ("Wörter | Bücher | Straße | " * (n // 27)) + "\n"
    small, big = row(6000), row(24000)
    (f,) = detector.scan(big)
    assert f.context == "menu" and f.text.startswith("Wörter") and f.lang == "de"
    w_small = _calls(lambda: detector.scan(small))
    w_big = _calls(lambda: detector.scan(big))
    assert w_big < 6 * w_small, (w_small, w_big)
