"""Look-alike words, found by their confusable skeleton (Unicode UTS #39).

A word is a ``homoglyph`` finding when its skeleton (what it looks like, after
compatibility forms are folded by NFKC and every character is replaced by the
prototype Unicode's confusables.txt gives it) spells an everyday word of the
expected language, while the word itself is not a word of that language.  That
covers every mix: "ѕсоре" (all Cyrillic), "usｅd" (a fullwidth e), "𝐇𝐞𝐥𝐥𝐨"
(mathematical bold), "troսble" (an Armenian seh), Cherokee and Lisu capitals,
and numbers that mix digit systems ("2০26").

Real words of other languages can have an English skeleton too (Russian "сор"
reads "cop"), so a word whose letters all come from another script, or from
compatibility forms, must sit among words of the expected language: a real
word of its own script nearby, or a model that does not hear the expected
language in the repaired text around it, and it is left alone.  Mathematical
letters next to mathematical symbols are notation, not words.

``find`` is a pure function of the text (plus the language model it is
given); the data (models/confusables.tsv.gz, built by
tools/build_confusables.py from Unicode's file, and models/lookalike.json, what
the same tool derives from it) and the skeleton index of the
expected language's everyday words load once per process, on first need.
"""

from __future__ import annotations

import gzip
import re
import threading
import unicodedata
from bisect import bisect_left
from typing import Callable, Optional, Sequence

from . import lexicon
from .finding import Kind
from .languages import same_family, script_of_lang
from .detect.candidate import Candidate
from .detect.screen import non_ascii
from .scripts import HOMOGLYPHS, char_label, script_of

EVERYDAY_ZIPF = 3.0  # a skeleton must spell a word at least this common (Zipf) in the expected language
MIN_LETTERS_FOREIGN = 3  # a word with no letter of the expected script: shorter ones ("он", "ΜΕ") are real words
CONTEXT_WORDS = 6  # words either side of a candidate that make up its context
CONTEXT_CHARS = 400  # and at most this many characters either side (a line without spaces would be one "word":
# each of its thousands of candidates read the whole line, quadratic)
OTHER_LANGUAGE_P = 0.5  # the repaired context is a foreign sentence when the model hears another language this surely


Predict = Callable[[str, int], list]

_lock = threading.Lock()
_data: dict = {}
# Compatibility blocks whose letters NFKC folds to ASCII: fullwidth forms, mathematical alphanumerics,
# circled letters. Typographic ligatures (U+FB00..FB06, "ﬁ") are left out: they are the same letters.
_COMPAT_BLOCKS = ((0xFF10, 0xFF5A), (0x1D400, 0x1D7FF), (0x24B6, 0x24E9))
_MATH = (0x1D400, 0x1D7FF)
_WORD_CHARS = re.compile(r"[\w'’\u0300-\u036f]")
_CJK_NEAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u3000-\u303f]")
_NUMBER = re.compile(r"\d{2,}")
_MATH_NEAR = re.compile(r"[=<>+×÷∈∉⊂⊆∑∏∫√∞≈≠≤≥^_|∂∇]")


DERIVED_FILE = "lookalike.json"  # built by tools/build_confusables.py --derived


def _parse_confusables() -> dict[str, str]:
    """source character -> prototype string, read from models/confusables.tsv.gz (the source data)."""
    from .lid import models_dir

    t = {}
    raw = gzip.decompress((models_dir() / "confusables.tsv.gz").read_bytes()).decode("ascii")
    for line in raw.splitlines():
        if not line or line.startswith("#"):
            continue
        src, _, proto = line.partition("\t")
        t[chr(int(src, 16))] = "".join(chr(int(x, 16)) for x in proto.split())
    return t


def _derived() -> Optional[dict]:
    """models/lookalike.json: the table, and the look-alike readings and foreign digits computed from it,
    so a process does not rebuild them (~35 ms) on its first non-ASCII text. None when the file is absent."""
    if "derived" not in _data:
        with _lock:
            if "derived" not in _data:
                import json

                from .lid import models_dir

                path = models_dir() / DERIVED_FILE
                _data["derived"] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    return _data["derived"]


def _table() -> dict[str, str]:
    """source character -> prototype string (UTS #39 confusables)."""
    t = _data.get("table")
    if t is None:
        derived = _derived()  # (takes the lock itself: not under it)
        with _lock:
            t = _data.get("table")
            if t is None:
                t = _data["table"] = derived["table"] if derived else _parse_confusables()
    return t


def skeleton(s: str) -> str:
    """UTS #39 skeleton: NFD, each character replaced by its prototype, NFD again."""
    table = _table()
    s = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFD", "".join(table.get(c, c) for c in s))


def _ascii_word(s: str) -> bool:
    return bool(s) and s.isascii() and all(c.isalnum() or c in "'" for c in s)


def compute_latinish(table: dict[str, str]) -> tuple[dict[str, str], frozenset[str]]:
    """(look-alike character -> what it reads as, the decimal digits of every other system), computed from
    the confusables table and this Python's Unicode data (tools/build_confusables.py stores the result)."""
    out: dict[str, str] = {}
    for c in table:
        if c.isascii() or len(c) != 1 or not (c.isalpha() or c.isdigit()):
            continue
        if 0xFB00 <= ord(c) <= 0xFB06:
            continue
        sk = skeleton(unicodedata.normalize("NFKC", c))
        if _ascii_word(sk):
            nf = unicodedata.normalize("NFKC", c)
            out[c] = nf if _ascii_word(nf) else HOMOGLYPHS.get(c, sk)
    for lo, hi in _COMPAT_BLOCKS:
        for cp in range(lo, hi + 1):
            c = chr(cp)
            nf = unicodedata.normalize("NFKC", c)
            if nf != c and len(nf) == 1 and nf.isascii() and nf.isalnum():
                out.setdefault(c, nf)
    digits = set()
    for cp in range(0x80, 0x1FBFA):  # decimal digits of every other system (zero points found by scan)
        if unicodedata.decimal(chr(cp), None) == 0:
            digits.update(chr(cp + k) for k in range(10))
    return out, frozenset(digits)


def _latinish() -> dict[str, str]:
    """Non-ASCII characters that look like ASCII letters or digits -> what they read as (for display).

    From the confusables whose prototype is ASCII, and the compatibility blocks NFKC folds to ASCII;
    read from models/lookalike.json when it was computed with this Python's Unicode version."""
    m = _data.get("latinish")
    if m is None:
        derived = _derived()
        if derived is not None and derived.get("unicode") == unicodedata.unidata_version:
            out, digits = derived["latinish"], frozenset(derived["digits"])
        else:
            out, digits = compute_latinish(_table())
        _data["foreign_digits"] = digits
        _data["suspects"] = frozenset(out) | _data["foreign_digits"]
        m = _data["latinish"] = out
    return m


def _bmp_class(kind: str) -> "re.Pattern[str]":
    """One class of every character of ``kind`` in the BMP, compiled once per process: the look-alikes
    ("suspects", the digits of other systems left out) or the decimal digits that are not ASCII ("digits").
    A class holding characters outside the BMP makes the engine test every character of a text slowly
    (1 s on 8 MB); this one runs at the speed of a short class, and a text needs no class of its own."""
    key = "class:" + kind
    rx = _data.get(key)
    if rx is None:
        if kind == "suspects":
            _latinish()
            chars = _data["suspects"].difference(_data["foreign_digits"])
        else:
            chars = (c for c in map(chr, range(0x80, 0x10000)) if c.isdecimal())
        rx = _data[key] = re.compile("[" + "".join(re.escape(c) for c in sorted(chars) if c <= "\uffff") + "]")
    return rx


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _suspect_finder(text: str, present: frozenset[str], kind: str) -> Callable[[int], int]:
    """A function giving the offset of the first character of ``present`` in ``text`` at or after an
    offset (-1 when there is none). ``present``: the characters of ``kind`` (see ``_bmp_class``) that
    ``text`` holds, all of them: those in the BMP are found by the kind's one class, the others (rare:
    mathematical letters and digits) apart, by a one-range class and a set."""
    astral = frozenset(c for c in present if c > "\uffff")
    rx = _bmp_class(kind) if len(astral) < len(present) else None
    far = [m.start() for m in _ASTRAL.finditer(text) if m.group() in astral] if astral else []

    def at_or_after(pos: int) -> int:
        m = rx.search(text, pos) if rx is not None else None
        a = m.start() if m is not None else -1
        if far:
            k = bisect_left(far, pos)
            if k < len(far) and (a == -1 or far[k] < a):
                a = far[k]
        return a

    return at_or_after


def _index(lang: str) -> dict[str, tuple[str, ...]]:
    """skeleton -> the everyday words of ``lang`` it spells, in lower, Title and UPPER case.

    Built from the word set the detector's screen already holds (no frequency table is loaded)."""
    key = "index:" + lang
    idx = _data.get(key)
    if idx is None:
        # ASCII sources ("I" -> "l", "m" -> "rn"...) map to ASCII that is no source itself, so plain
        # replacements give an ASCII word's skeleton (NFD changes no ASCII), much faster than skeleton()
        pairs = [(c, p) for c, p in _table().items() if c.isascii()]
        idx = {}
        for w in sorted(lexicon.common_words(lang, EVERYDAY_ZIPF)):
            for form in dict.fromkeys((w, w[:1].upper() + w[1:], w.upper())):
                if form.isascii():
                    sk = form
                    for c, p in pairs:
                        if c in sk:
                            sk = sk.replace(c, p)
                else:
                    sk = skeleton(form)
                idx[sk] = idx.get(sk, ()) + (form,)
        _data[key] = idx
    return idx


PREBUILT = ("en",)  # languages whose skeleton index ships prebuilt (models/lookalike-<lang>.tsv and .hash)
_PREBUILT_MAGIC = "langscan-lookalike\t2"


def _fingerprint(lang: str) -> str:
    """What a prebuilt index of ``lang`` was made from: the Zipf cut and the CRC-32 of the lexicon and of
    the confusables files (it is used only when they all match). It holds the ASCII forms only, whose
    skeletons are plain replacements: no Unicode version of this Python changes them."""
    from zlib import crc32

    from .lid import models_dir

    d = models_dir()
    parts = [f"{EVERYDAY_ZIPF:g}"]
    for path in (d / "lexicon" / f"{lang}{lexicon.SUFFIX}", d / "confusables.tsv.gz", d / DERIVED_FILE):
        parts.append(f"{crc32(path.read_bytes()):08x}" if path.is_file() else "-")
    return "\t".join(parts)


def prebuilt_index_text(lang: str) -> str:
    """The text of models/lookalike-<lang>.tsv: a header (``_PREBUILT_MAGIC``, the language, its
    ``_fingerprint``), then one line per skeleton of ``_index(lang)`` (in its order) that an ASCII form
    spells: the skeleton and those forms, tab-separated (tools/build_lexicons.py writes it and its .hash).
    The few non-ASCII forms (NFD depends on the Unicode version) are indexed at run time (``_non_ascii``)."""
    lines = [f"{_PREBUILT_MAGIC}\t{lang}\t{_fingerprint(lang)}"]
    for sk, forms in _index(lang).items():
        kept = tuple(f for f in forms if f.isascii())
        if not kept:
            continue
        if any(c in x for x in (sk,) + kept for c in "\t\n"):
            raise ValueError(f"a skeleton or form holds a tab or a line break: {sk!r} {kept!r}")
        lines.append("\t".join((sk,) + kept))
    return "\n".join(lines) + "\n"


def _non_ascii(lang: str) -> dict[str, tuple[str, ...]]:
    """skeleton -> the forms of ``_index(lang)`` that are not ASCII (a few dozen: "café", "CAFÉ", "naïve"),
    built as ``_index`` builds them. (An ASCII word's forms are all ASCII: they are in the prebuilt file.)"""
    out: dict[str, tuple[str, ...]] = {}
    for w in sorted(lexicon.non_ascii_common_words(lang, EVERYDAY_ZIPF)):
        for form in dict.fromkeys((w, w[:1].upper() + w[1:], w.upper())):
            if not form.isascii():
                sk = skeleton(form)
                out[sk] = out.get(sk, ()) + (form,)
    return out


def _prebuilt(lang: str):
    """(the .tsv bytes, its hash slots, the non-ASCII forms, a memo) of ``lang``'s prebuilt index, or None
    when none ships or it was made from other data (then ``_index`` builds the whole index)."""
    key = "prebuilt:" + lang
    got = _data.get(key, _data)
    if got is _data:
        got = None
        if lang in PREBUILT:
            try:  # (not under _lock: reading it takes the lock itself; two threads would read it alike)
                got = _read_prebuilt(lang)
            except (OSError, ValueError, UnicodeDecodeError):
                got = None
        got = _data.setdefault(key, got)
    return got


def _read_prebuilt(lang: str):
    from .lid import models_dir

    d = models_dir()
    tsv, hsh = d / f"lookalike-{lang}.tsv", d / f"lookalike-{lang}.hash"
    if not (tsv.is_file() and hsh.is_file()):
        return None
    blob = tsv.read_bytes()
    first = blob.index(b"\n")
    if blob[:first].decode("utf-8") != f"{_PREBUILT_MAGIC}\t{lang}\t{_fingerprint(lang)}":
        return None
    slots = lexicon.lines_index_slots(blob, hsh.read_bytes())
    return None if slots is None else (blob, slots, _non_ascii(lang), {})


def _forms(lang: str, key: str) -> Optional[tuple[str, ...]]:
    """The forms ``_index(lang)`` gives ``key`` (None when none), answered from the prebuilt index when one
    ships for ``lang`` (the same forms; their order may differ, which ``_lookup``'s choice ignores)."""
    pre = _prebuilt(lang)
    if pre is None:
        return _index(lang).get(key)
    blob, slots, non_ascii, memo = pre
    got = memo.get(key, _data)
    if got is _data:
        line = lexicon.find_line(blob, slots, key)
        got = (tuple(line.split("\t")[1:]) if line is not None else ()) + non_ascii.get(key, ())
        got = memo[key] = got or None
    return got


def _lookup(key: str, word: str, langs: Sequence[str]) -> Optional[str]:
    """The everyday word a skeleton spells; when several do ("burn" and "bum" share one), the one that keeps
    most of the word's own characters in place."""
    latin = _latinish()
    nf = unicodedata.normalize("NFKC", word)
    near = "".join(c if c.isascii() else HOMOGLYPHS.get(c) or latin.get(c, c) for c in nf)
    for l in langs:
        forms = _forms(l, key)
        if forms:
            return max(forms, key=lambda f: (len(f) == len(near), sum(a == b for a, b in zip(f, near)), f))
    return None


def _known(word: str, langs: Sequence[str]) -> bool:
    low = word.lower()
    return any(low in lexicon.words(l) for l in langs)


def _expected_alphabet(langs: Sequence[str]) -> frozenset[str]:
    out: set[str] = set()
    for l in langs:
        out |= lexicon.alphabet(l)
    # Latin letters only: the English lexicon's "α" and "β" do not make Greek letters English
    return frozenset(c for c in out if script_of(c) == "Latin")


def _is_math(c: str) -> bool:
    return _MATH[0] <= ord(c) <= _MATH[1]


def _word_span(text: str, s: int, e: int) -> tuple[int, int]:
    n = len(text)
    while s > 0 and _WORD_CHARS.match(text[s - 1]) and text[s - 1] != "_":
        s -= 1
    while e < n and _WORD_CHARS.match(text[e]) and text[e] != "_":
        e += 1
    while s < e and text[s] in "'’":
        s += 1
    while e > s and text[e - 1] in "'’":
        e -= 1
    return s, e


def _case_like(target: str, word: str) -> str:
    """``target`` in the capitalisation ``word`` shows (after NFKC)."""
    nf = unicodedata.normalize("NFKC", word)
    letters = [c for c in nf if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return target.upper()
    if letters and letters[0].isupper():
        return target[:1].upper() + target[1:]
    return target


def repair_word(word: str, langs: Sequence[str] = ("en",)) -> str:
    """The word with its look-alike characters replaced: the everyday word its skeleton spells when there is
    one, else character by character (NFKC, the Cyrillic/Greek table, the confusable prototype)."""
    if not word:
        return word
    if word and all(c.isdigit() for c in word):
        return "".join(str(unicodedata.decimal(c, 0)) if not c.isascii() else c for c in word)
    t = _lookup(skeleton(unicodedata.normalize("NFKC", word)), word, langs)
    if t is not None:
        return _case_like(t, word)
    latin = _latinish()
    return "".join(c if c.isascii() else HOMOGLYPHS.get(c) or latin.get(c, c) for c in word)


def _digit_candidate(text: str, s: int, e: int, expect: Sequence[str]) -> Optional[Candidate]:
    """A number mixing digit systems ("2০26"): the digits outside ASCII are the odd ones."""
    zeros = {ord(c) - unicodedata.decimal(c, 0) for c in text[s:e]}
    if len(zeros) < 2:
        return None
    word = text[s:e]
    odd = tuple(dict.fromkeys(c for c in word if not c.isascii()))
    fixed = "".join(str(unicodedata.decimal(c)) if not c.isascii() else c for c in word)
    detail = "mixed digit systems: " + ", ".join(f"{c!r} {char_label(c)}" for c in odd)
    return Candidate(Kind.HOMOGLYPH, s, e, expect[0], "Common", 0.9, detail, odd, repair=fixed)


def _context(text: str, s: int, e: int) -> tuple[int, int]:
    """The stretch of the line around [s, e): up to CONTEXT_WORDS words, and CONTEXT_CHARS characters, either side."""
    ls = max(text.rfind("\n", max(0, s - CONTEXT_CHARS), s) + 1, s - CONTEXT_CHARS, 0)
    le = text.find("\n", e, e + CONTEXT_CHARS)
    le = min(len(text), e + CONTEXT_CHARS) if le == -1 else le
    a = s
    for _ in range(CONTEXT_WORDS + 1):
        k = text.rfind(" ", ls, a - 1) if a - 1 > ls else -1
        if k == -1:
            a = ls
            break
        a = k
    b = e
    for _ in range(CONTEXT_WORDS + 1):
        k = text.find(" ", b + 1, le)
        if k == -1:
            b = le
            break
        b = k
    return a, b


def find(text: str, expect: Sequence[str] = ("en",), predict: Optional[Predict] = None,
         note: Optional[Callable[..., None]] = None) -> list[Candidate]:
    """``homoglyph`` candidates in ``text``: look-alike words and mixed-digit numbers.

    ``predict(text, k)`` is a language model's top-k (lang, p) list (langscan's fastText model when None);
    ``note(start, end, text, stage, lang, score, flagged, reason)`` receives every decision (explain)."""
    if text.isascii():
        return []
    shipped = _data.get("shipped")
    if shipped is None:
        shipped = _data["shipped"] = lexicon.available()
    langs = [l for l in expect if script_of_lang(l) == "Latin" and l in shipped]
    if not langs:
        return []
    latin = _latinish()
    # every look-alike is non-ASCII: the text's distinct non-ASCII characters (one C pass, shared with the
    # script stage) say which it holds
    present = _data["suspects"].intersection(non_ascii(text))
    if not present:
        return []
    foreign_digits = not _data["foreign_digits"].isdisjoint(present)
    present = present.difference(_data["foreign_digits"])
    alphabet = _expected_alphabet(langs)
    words: dict[tuple[int, int], None] = {}
    if present:
        at_or_after = _suspect_finder(text, frozenset(present), "suspects")
        a = at_or_after(0)
        while a != -1:
            span = _word_span(text, a, a + 1)  # (every look-alike is one code point)
            if span[1] > span[0]:
                words[span] = None
            a = at_or_after(max(span[1], a + 1))  # past the other look-alike characters of this word
    cands: list[tuple[int, int, str, tuple[str, ...], str]] = []  # start, end, repair, odd, class
    for s, e in words:
        word = text[s:e]
        odd, bad = [], False
        for c in word:
            if c.isascii() or c in alphabet:
                continue  # a letter of the expected language (Turkish "ı" when Turkish is expected)
            if c in latin:
                odd.append(c)
            elif unicodedata.category(c)[0] == "M":
                continue
            else:
                bad = True  # a letter that imitates nothing ASCII: a real word of its script
                break
        if bad or not odd:
            continue
        if all(c.isdigit() for c in word):
            continue  # numbers: below
        if _known(word, langs):
            continue
        nf = unicodedata.normalize("NFKC", word)
        target = _lookup(skeleton(nf), word, langs)
        compat = all(unicodedata.normalize("NFKC", c) != c for c in odd)
        if target is None and compat and len(nf) >= 4 and nf.isascii() and nf.isalpha():
            target = nf  # fullwidth or mathematical letters spelling a word too rare for the index
        if target is None:
            continue
        letters = sum(1 for c in word if c.isalpha())
        has_latin = any(c.isascii() and c.isalpha() for c in word)
        cls = "mixed" if has_latin and not compat else ("compat" if compat else "foreign")
        if cls != "mixed" and letters < MIN_LETTERS_FOREIGN:
            if note:
                note(s, e, word, "homoglyph", "-", 0.0, False,
                     f"reads as {target!r}, but {letters} letters in other characters may be a word of their own")
            continue
        if letters < 2:
            continue
        cands.append((s, e, _case_like(target, word), tuple(dict.fromkeys(odd)), cls))
    if foreign_digits:
        # the numbers (runs of two or more decimal digits, as _NUMBER matches them) holding a digit that
        # is not ASCII, found from those digits rather than by reading every number of the text
        at_or_after = _suspect_finder(text, frozenset(c for c in non_ascii(text) if c.isdecimal()), "digits")
        n = len(text)
        a = at_or_after(0)
        while a != -1:
            ds, de = a, a + 1
            while ds > 0 and text[ds - 1].isdecimal():
                ds -= 1
            while de < n and text[de].isdecimal():
                de += 1
            if de - ds >= 2:
                d = _digit_candidate(text, ds, de, expect)
                if d is not None:
                    cands.append((d.start, d.end, d.repair, d.chars, "digits"))
            a = at_or_after(de)
    if not cands:
        return []
    if predict is None:
        from .lid import load_model

        predict = load_model().predict
    from .detect.text import SpanIndex

    repairs = {(s, e): r for s, e, r, _, _ in cands}
    spans = SpanIndex(repairs)  # thousands of look-alike words on one line: each asks about its neighbours only
    out = []
    for s, e, fixed, odd, cls in cands:
        word = text[s:e]
        reason = _reject(text, s, e, odd, cls, repairs, spans, latin, expect, predict)
        if reason is not None:
            if note:
                note(s, e, word, "homoglyph", "-", 0.0, False, f"reads as {fixed!r}, but {reason}")
            continue
        if cls == "digits":
            detail = "mixed digit systems: "
        else:
            detail = "look-alike characters: "
        detail += ", ".join(f"{c!r} {char_label(c)}" for c in odd)  # the repaired word is the finding's repair
        scripts = []
        for c in word:
            sc = _script(c)
            if sc != "Common" and sc not in scripts:
                scripts.append(sc)
        scripts.sort(key=lambda x: (x != "Latin", x))
        score = {"mixed": 0.95, "digits": 0.9, "compat": 0.9}.get(cls, 0.85)
        lang = expect[0] if cls == "digits" else next(l for l in expect if l in langs)
        out.append(Candidate(Kind.HOMOGLYPH, s, e, lang, "+".join(scripts) or "Common", score, detail, odd,
                             repair=fixed))
        if note:
            note(s, e, word, "homoglyph", lang, score, True, f"{detail}; repaired: {fixed}")
    return out


def _script(c: str) -> str:
    """The script of one character; letters of blocks the script table leaves out (Lisu...) by their name."""
    sc = script_of(c)
    if sc == "Common" and c.isalpha():
        first = unicodedata.name(c, "COMMON").split()[0]
        # mathematical, fullwidth and circled letters are Latin letters in another style
        sc = "Latin" if first in ("MATHEMATICAL", "FULLWIDTH", "CIRCLED", "LATIN") else first.title()
    return sc


def _reject(text, s, e, odd, cls, repairs, spans, latin, expect, predict) -> Optional[str]:
    """Why a candidate is not a look-alike word (None when it is)."""
    a, b = _context(text, s, e)
    if cls == "digits":
        return None
    foreign = {_script(c) for c in odd} - {"Latin", "Common"}
    if foreign:
        for m in re.finditer(r"\S+", text[a:b]):
            ws, we = a + m.start(), a + m.end()
            if (ws, we) == (s, e) or spans.overlaps(ws, we):
                continue
            if any(c.isalpha() and c not in latin and _script(c) in foreign for c in m.group()):
                return f"real {'/'.join(sorted(foreign))} words stand next to it"
    if any(_is_math(c) for c in odd):
        near = text[max(a, s - 12):min(b, e + 12)]
        if _MATH_NEAR.search(near) or e - s < 3:
            return "mathematical letters among mathematical symbols: notation"
    if cls == "mixed":
        return None
    if cls == "compat" and _CJK_NEAR.search(text, a, b):
        return "fullwidth forms are native to the CJK text around it"
    window = list(text[a:b])
    for rs, re_ in reversed(spans.inside(a, b)):
        window[rs - a:re_ - a] = list(repairs[(rs, re_)])
    ctx = "".join(window).strip()
    preds = predict(ctx, 5)
    top = preds[0] if preds else ("-", 0.0)
    if top[1] >= OTHER_LANGUAGE_P and not any(same_family(top[0], x) for x in expect):
        return f"the text around it is a sentence in another language (model: {top[0]} {top[1]:.2f})"
    return None
