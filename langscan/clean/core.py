"""The pure cleaning core: a text and its findings in, the cleaned text out.

No I/O and no detector here, so every action can be tested on plain strings and
reused on any text a format writer hands over (a whole file, a JSONL field, a
CSV cell).  Findings are anything with ``start``/``end`` (code-point offsets into
``text``), ``kind`` and ``lang``, e.g. :class:`langscan.Finding`.

Actions
-------
``strip``
    Remove the fragment *and the separator it leaves*:

    * a line that held nothing but the fragment goes entirely, with its line
      ending, and no double blank line is left behind;
    * inside a line, the whitespace on one side goes (``"a Русский b"`` ->
      ``"a b"``), whitespace before closing punctuation goes
      (``"said Русский, then"`` -> ``"said, then"``), a dangling list separator
      goes (``"Home | Русский | News"`` -> ``"Home | News"``,
      ``"Title - Русский"`` -> ``"Title"``), and brackets or quotes left empty
      go too (``"Naval (Русский) base"`` -> ``"Naval base"``);
    * what belongs to the fragment but was not part of the finding goes with
      it: direction marks around it, a closing bracket it opened, and its
      sentence-final punctuation when the text before it had already ended a
      sentence (``"Reserved. ഒരു നല്കുക."`` -> ``"Reserved."``);
    * a ``homoglyph`` word is repaired, not removed: its look-alike characters
      become the letters they imitate (``"Nаval"`` -> ``"Naval"``, ``"ѕсоре"`` ->
      ``"scope"``, ``"usｅd"`` -> ``"used"``), and so is a ``mojibake`` run of the
      expected language (``"cafÃ©"`` -> ``"café"``); a mis-decoded line of another
      language is removed like any foreign fragment;
    * a fragment glued between two words is replaced by one space, so the words
      on either side do not fuse: ``"youtube/الدفاع الوطني - القناة الرسميةSyria's army"``
      -> ``"youtube/ Syria's army"``.

``mask``
    Replace the fragment with a placeholder, ``"[foreign:{lang}]"`` by default;
    the template may use ``{lang}``, ``{lang_name}``, ``{kind}``, ``{script}``.

``drop-line``
    Remove every line a fragment touches, with its line ending.

``repair``
    Write each finding's ``repair``: ``homoglyph`` words (``"ѕсоре"`` -> ``"scope"``),
    ``mojibake`` runs (``"cafÃ©"`` -> ``"café"``, a mis-decoded Russian line -> the
    Russian line), and a ``document`` finding that holds mis-decoded runs (the whole
    text with them repaired; its language is left as it is).  Findings without a
    repair (``script``, ``latin``, a ``document`` without mojibake) are left untouched:
    nothing is removed.

With no ``kinds`` given, ``document`` findings (the whole text is in another
language) are left alone except by drop-record: stripping them would empty the
text.  Name ``document`` in ``kinds`` to act on them anyway.

Line endings are preserved byte for byte: ``"\\r\\n"`` and ``"\\n"`` are both
understood, and nothing is normalised.  Every action is idempotent: applied with
no findings it returns the text unchanged.
"""

from __future__ import annotations

from enum import Enum
from typing import Iterable, Optional, Sequence

DEFAULT_MASK = "[foreign:{lang}]"
ALL_KINDS = ("script", "latin", "homoglyph", "document", "mojibake")
REPAIRABLE = ("homoglyph", "mojibake")

# characters that separate menu items / title parts and dangle when one side goes
_SEPARATORS = "|·•–—-"
_CLOSING = ",.;:!?)]}»”’…"
_OPENING = "([{«“‘"
_TERMINAL = ".!?。！？।॥؟۔…"  # sentence-final punctuation (Latin, CJK, Devanagari, Arabic, Urdu)
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\ufeff"
_OPEN_CLOSE = (("(", ")"), ("[", "]"), ("（", "）"), ("«", "»"))
_PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”", "„": "“", "‘": "’", '"': '"', "'": "'"}


class Action(str, Enum):
    """What to do with a fragment that was found."""

    STRIP = "strip"
    MASK = "mask"
    DROP_LINE = "drop-line"
    DROP_RECORD = "drop-record"
    REPAIR = "repair"

    def __str__(self) -> str:
        return self.value


def _value(x) -> str:
    return getattr(x, "value", x)


def select(findings: Iterable, kinds: Optional[Iterable[str]] = None,
           langs: Optional[Iterable[str]] = None, contexts: Optional[Iterable[str]] = None) -> list:
    """The findings whose kind, language and context pass the filters (None = any)."""
    kset = {str(_value(k)) for k in kinds} if kinds else None
    lset = {str(x) for x in langs} if langs else None
    cset = {str(x) for x in contexts} if contexts else None
    out = []
    for f in findings:
        if kset is not None and str(_value(f.kind)) not in kset:
            continue
        if lset is not None and f.lang not in lset:
            continue
        if cset is not None and getattr(f, "context", "body") not in cset:
            continue
        out.append(f)
    return out


def default_kinds(action: "Action | str") -> Optional[tuple]:
    """The kinds acted on when none are named: every kind for drop-record, all
    but ``document`` otherwise (a whole-document finding would empty the text;
    leaving the record out is what drop-record is for)."""
    action = Action(action)
    if action is Action.DROP_RECORD:
        return None
    if action is Action.REPAIR:
        return REPAIRABLE + ("document",)  # a document finding is repaired only when it carries a repair
    return ("script", "latin", "homoglyph", "mojibake")


def repaired(text: str, f) -> str:
    """What a ``homoglyph`` word or ``mojibake`` run of ``text`` becomes when repaired: the finding's
    ``repair`` when it has one, else worked out from the text (findings made elsewhere, e.g. by hand)."""
    rep = getattr(f, "repair", None)
    if rep is not None:
        return rep
    frag = text[f.start:f.end]
    if str(_value(f.kind)) == "mojibake":
        from ..mojibake import repair_at

        return repair_at(text, f.start, f.end)
    from ..lookalike import repair_word

    return repair_word(frag, (getattr(f, "lang", "") or "en",))


def repairable(f) -> bool:
    """A homoglyph word, a mojibake run, or any finding that carries a repair (a ``document`` finding
    holding mis-decoded runs carries the whole text repaired)."""
    return str(_value(f.kind)) in REPAIRABLE or getattr(f, "repair", None) is not None


def kept_when_stripped(f) -> bool:
    """Is ``f`` a word of the text's own language written wrong, which ``strip`` repairs instead of removing?
    A homoglyph word ("Nаval"), and a mojibake run of the expected language ("cafÃ©" in an English text: its
    ``detail`` names no other language, as a mis-decoded Russian line's "mis-decoded UTF-8 of Russian text"
    does). Removing either would cut a word out of the text's own sentences."""
    kind = str(_value(f.kind))
    detail = getattr(f, "detail", "") or ""
    return kind == "homoglyph" or (kind == "mojibake" and detail.startswith("mis-decoded") and " of " not in detail)


def repair_homoglyphs(text: str, findings: Sequence) -> str:
    """Replace ``homoglyph`` words and ``mojibake`` runs by their repair ("Nаval" -> "Naval",
    "cafÃ©" -> "café"), and a ``document`` finding that carries a repair by it; other findings are
    ignored.  Lengths may change."""
    done, edits = len(text) + 1, []
    for f in sorted(findings, key=lambda f: (f.start, f.end), reverse=True):
        if not repairable(f) or f.end > done or f.end <= f.start:
            continue
        edits.append((f.start, f.end, repaired(text, f)))  # every repair read from the text as scanned
        done = f.start
    for a, b, new in edits:  # right to left: offsets to the left stay true
        text = text[:a] + new + text[b:]
    return text


def apply(text: str, findings: Sequence, action: "Action | str" = Action.STRIP, *,
          kinds: Optional[Iterable[str]] = None, langs: Optional[Iterable[str]] = None,
          mask_template: str = DEFAULT_MASK, contexts: Optional[Iterable[str]] = None) -> str:
    """Return ``text`` with the selected findings acted on (see module doc).

    ``kinds=None`` means :func:`default_kinds` for the action."""
    action = Action(action)
    chosen = select(findings, kinds if kinds is not None else default_kinds(action), langs, contexts)
    if not chosen:
        return text
    if action in (Action.STRIP, Action.DROP_LINE) and "\r" in text and "\n" not in text:
        # an old Mac file: its lines end at "\r", as `scan` counts them. Stripping and dropping lines
        # look for "\n"; the swap keeps every offset (one character for one) and is undone exactly,
        # since neither action ever writes a line ending of its own.
        return apply(text.replace("\r", "\n"), chosen, action, kinds=kinds, langs=langs,
                     mask_template=mask_template).replace("\n", "\r")
    if action is Action.REPAIR:
        return repair_homoglyphs(text, chosen)  # acts only on findings with a repair
    if action is Action.STRIP:
        # a homoglyph word or a mojibake run of the expected language: fix its letters, keep it. Repairs may change
        # lengths, so every edit goes right to left (a strip only touches blanks beside its span).
        words = [f for f in chosen if kept_when_stripped(f)]
        if words:
            fixed = repair_homoglyphs(text, words)
            if len(fixed) != len(text):
                # a repair changed a length (a ligature, a mathematical letter): every edit right to left
                spans = _merge_spans(text, [f for f in chosen if not kept_when_stripped(f)], bridge=True)
                edits = [(a, b, None) for a, b in spans if text[a:b].strip()]
                edits += [(f.start, f.end, f) for f in words if not any(a < f.end and f.start < b for a, b in spans)]
                for a, b, f in sorted(edits, key=lambda x: (x[0], x[1]), reverse=True):
                    text = _strip_span(text, a, b) if f is None else repair_homoglyphs(text, [f])
                return text
            text = fixed  # same length: the strip spans below keep their offsets
            chosen = [f for f in chosen if not kept_when_stripped(f)]
        # a span of nothing but blanks (only a hand-written rule can match one) is not stripped:
        # removing the blank line around it would move the text under the spans before it
        spans = [(a, b) for a, b in _merge_spans(text, chosen, bridge=True) if text[a:b].strip()]
        return _strip_spans(text, spans)
    if action is Action.MASK:
        return _mask(text, chosen, mask_template)
    if action is Action.DROP_LINE:
        return _drop_lines(text, chosen)
    raise ValueError("drop-record acts on whole records; use a record-format cleaner")


# ---------------------------------------------------------------- spans

def _is_ws(ch: str) -> bool:
    return ch.isspace() and ch not in "\r\n"


def _merge_spans(text: str, findings: Sequence, bridge: bool) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans; with ``bridge``, spans separated only by
    blanks or list separators on one line ("Русский | Українська") become one."""
    spans = sorted((int(f.start), int(f.end)) for f in findings if f.end > f.start)
    merged: list[list[int]] = []
    for a, b in spans:
        if merged:
            pa, pb = merged[-1]
            gap = text[pb:a] if a > pb else ""
            if a <= pb or (bridge and gap and "\n" not in gap
                           and all(_is_ws(c) or c in _SEPARATORS for c in gap)):
                merged[-1][1] = max(pb, b)
                continue
        merged.append([a, b])
    return [(a, b) for a, b in merged]


def _line_bounds(text: str, a: int, b: int) -> tuple[int, int, int]:
    """(start of a's line, end of the last line's content, its "\\n" index or len)."""
    ls = text.rfind("\n", 0, a) + 1
    last = b - 1 if b > a else a
    nl = text.find("\n", last) if last < len(text) else -1
    if nl == -1:
        nl = len(text)
    ce = nl - 1 if nl > ls and nl - 1 >= b and text[nl - 1] == "\r" else nl
    return ls, ce, nl


def _blank(s: str) -> bool:
    return s.strip() == ""


def _remove_lines(text: str, ls: int, nl: int) -> str:
    """Remove the lines from ``ls`` up to the "\\n" at ``nl`` (or the end),
    without leaving a doubled blank line or a new blank line at the edges."""
    n = len(text)
    if nl < n:  # the block ends with a line terminator: take it too
        head, tail = text[:ls], text[nl + 1:]
        prev_blank = ls == 0 or _blank(head[head.rfind("\n", 0, ls - 1) + 1: ls - 1])
        nxt_end = tail.find("\n")
        next_line = tail if nxt_end == -1 else tail[:nxt_end]
        if prev_blank and tail and _blank(next_line):
            # blank above (or file start) and blank below: drop the one below
            tail = "" if nxt_end == -1 else tail[nxt_end + 1:]
        elif not tail and ls > 0 and prev_blank:
            # removed the last line and a blank line now trails: drop it
            p = head.rfind("\n", 0, ls - 1) + 1
            head = head[:p]
        return head + tail
    # last line without a terminator: take the preceding line ending instead
    if ls == 0:
        return ""
    cut = ls - 1
    if cut > 0 and text[cut - 1] == "\r":
        cut -= 1
    return text[:cut]


# ---------------------------------------------------------------- strip

def _absorb(text: str, a: int, b: int) -> tuple[int, int]:
    """Widen a fragment over what belongs to it but was not part of the finding:
    invisible direction marks around it, a closing bracket it opened, and its
    sentence-final punctuation when the text before it already ended a sentence
    (``"Reserved. X."`` -> ``"Reserved."``, ``"youtube/X.Next"`` -> ``"youtube/ Next"``)."""
    n = len(text)
    while a > 0 and text[a - 1] in _INVISIBLE:
        a -= 1
    while b < n and text[b] in _INVISIBLE:
        b += 1
    frag = text[a:b]
    for o, c in _OPEN_CLOSE:
        if b < n and text[b] == c and frag.count(o) > frag.count(c):
            b += 1
            frag = text[a:b]
    t = b + 1 if text[b:b + 2] in (" ।", " ॥") else b  # Devanagari puts a space before the danda
    if t < n and text[t] in _TERMINAL:
        e = t
        while e < n and text[e] in _TERMINAL:
            e += 1
        ls = text.rfind("\n", 0, a) + 1
        before = text[ls:a]
        core = before.rstrip(" \t\u00a0\u3000")
        glued = bool(core) and len(core) == len(before)
        if not core.strip() or core[-1] in _TERMINAL + ":;" or glued:
            b = e
    return a, b


def _strip_spans_slow(text: str, spans: list) -> str:
    """The reference: strip each span right to left on the whole text (quadratic in spans)."""
    for a, b in reversed(spans):
        text = _strip_span(text, a, b)
    return text


_INNER_MIN = 8  # spans in a group of lines before groups inside a line are stripped on their own


class _Fallback(Exception):
    pass


def _strip_spans(text: str, spans: list) -> str:
    """Strip sorted, non-overlapping ``spans``: the same result as :func:`_strip_spans_slow`
    in time linear in the text for spans on different lines.

    Stripping a span changes only its own line, except that removing a whole line looks at
    (and may remove) the blank line after it or the line ending before it.  So the lines are
    processed last to first, each group of lines joined by spans being handed, with the line
    before it (as it was) and the line after it (as it is now), to :func:`_strip_span` as a
    small window; the part already done is kept as a stack of pieces, never re-copied.  Many
    spans on one very long line still cost the line's length per span.
    """
    if len(spans) < 8:
        return _strip_spans_slow(text, spans)
    try:
        return _strip_by_lines(text, spans)
    except _Fallback:  # a shape the window reasoning does not cover: the reference is always right
        return _strip_spans_slow(text, spans)


def _strip_by_lines(text: str, spans: list) -> str:
    from bisect import bisect_right

    n = len(text)
    starts = [0]
    i = text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    nlines = len(starts)

    def start(k: int) -> int:
        return starts[k] if k < nlines else n

    def line_of(pos: int) -> int:
        return bisect_right(starts, pos) - 1

    units: list = []  # [first line, last line, spans]
    for a, b in spans:
        la, lb = line_of(a), line_of(max(a, b - 1))
        if units and la <= units[-1][1]:
            units[-1][1] = max(units[-1][1], lb)
            units[-1][2].append((a, b))
        else:
            units.append([la, lb, [(a, b)]])

    stack: list = []  # the text from line `done` on, as it is now, in pieces (stack[-1] first)

    def pop_line() -> str:
        parts = []
        while stack:
            piece = stack.pop()
            j = piece.find("\n")
            if j == -1:
                parts.append(piece)
                continue
            if j + 1 < len(piece):
                stack.append(piece[j + 1:])
            parts.append(piece[:j + 1])
            break
        return "".join(parts)

    done = nlines  # lines >= done are in the stack
    for first, last, uspans in reversed(units):
        if done > last + 1:
            stack.append(text[start(last + 1):start(done)])
            done = last + 1
        block = text[start(first):start(min(done, last + 1))]
        for k in range(done, last + 1):  # a line the unit after this one changed (its line ending cut)
            cur = pop_line()
            orig = text[start(k):start(k + 1)]
            if not (cur == orig or (orig.startswith(cur) and not orig[len(cur):].strip())):
                raise _Fallback
            block += cur
        after = pop_line()
        prev = text[start(first - 1):start(first)] if first > 0 else ""
        base = start(first) - len(prev)
        limit = start(first) + len(block)
        if any(b > limit for _a, b in uspans):
            raise _Fallback
        w = prev + block + after
        local = [(a - base, b - base) for a, b in uspans]
        if len(local) >= _INNER_MIN:
            w, local = _strip_inner(w, local)
        for a, b in reversed(local):
            w = _strip_span(w, a, b)
        if first > 0 and w.startswith(prev):
            stack.append(w[len(prev):])
            done = first
        else:
            stack.append(w)
            done = first - 1 if first > 0 else 0
    return text[:start(done)] + "".join(reversed(stack))


def _strip_inner(w: str, spans: list) -> tuple[str, list]:
    """Strip the spans of ``w`` that sit inside a line between two letters or digits, each
    group on its own; returns the new text and the other spans, shifted to it.

    Stripping never removes a letter or digit outside a span, and looks past one only to ask
    whether the line is blank (it is not, then).  So a group of spans with a letter or digit
    on its line before it and after it changes nothing beyond those two characters and sees
    nothing beyond them: it can be stripped in the window between them, in any order.  This
    keeps a long line with many findings linear.  The groups at the ends of a line are left
    to the caller (they may empty the line).
    """
    segs = [[spans[0]]]
    for a, b in spans[1:]:
        gap = w[segs[-1][-1][1]:a]
        if "\n" in gap or any(c.isalnum() for c in gap):
            segs.append([(a, b)])
        else:
            segs[-1].append((a, b))
    out: list = []
    pos = 0  # w[:pos] is already in out
    shift = 0  # length change of the replacements so far
    edge: list = []
    prev_end = 0
    for k, seg in enumerate(segs):
        a0, b1 = seg[0][0], seg[-1][1]
        lo = max(prev_end, w.rfind("\n", prev_end, a0) + 1)
        left = a0 - 1
        while left >= lo and not w[left].isalnum():
            left -= 1
        hi = segs[k + 1][0][0] if k + 1 < len(segs) else len(w)
        nl = w.find("\n", b1, hi)
        end = nl if nl != -1 else hi
        right = b1
        while right < end and not w[right].isalnum():
            right += 1
        prev_end = b1
        if left < lo or right >= end or left < pos - 1:
            edge.extend((a + shift, b + shift) for a, b in seg)
            continue
        sub = w[left:right + 1]
        res = _strip_spans_slow(sub, [(a - left, b - left) for a, b in seg])
        if len(res) < 2 or res[0] != w[left] or res[-1] != w[right]:
            raise _Fallback
        out.append(w[pos:left + 1])
        out.append(res[1:-1])
        pos = right
        shift += len(res) - len(sub)
    out.append(w[pos:])
    return "".join(out), edge


def _strip_span(text: str, a: int, b: int) -> str:
    if b > len(text):  # the line ending it held went with the line after it
        b = len(text)
        if a >= b:
            return text
    a, b = _absorb(text, a, b)
    ls, ce, nl = _line_bounds(text, a, b)
    left, right = text[ls:a], text[b:ce]
    if _blank(left) and _blank(right.strip(_SEPARATORS + " \t")):
        return _remove_lines(text, ls, nl)

    lcore = left.rstrip(" \t\u00a0\u3000")
    rcore = right.lstrip(" \t\u00a0\u3000")
    lw, rw = len(left) - len(lcore), len(right) - len(rcore)
    head, tail = text[:ls] + lcore, rcore + text[ce:]

    if _blank(lcore):  # fragment opened the line: keep indentation, drop the gap
        if rcore[:1] in _SEPARATORS and rcore[1:2].isspace():
            tail = rcore[1:].lstrip(" \t") + text[ce:]
        return text[:ls] + left + tail
    if _blank(rcore):  # fragment closed the line: drop it and a dangling separator
        t = lcore
        if t[-1:] in _SEPARATORS and t[-2:-1].isspace():
            t = t[:-1].rstrip(" \t")
        return text[:ls] + t + text[ce:]
    if lw and rw:  # spaces on both sides: keep the left space
        if lcore[-1] in _SEPARATORS and rcore[0] == lcore[-1] and rcore[1:2].isspace():
            tail = rcore[1:].lstrip(" \t") + text[ce:]  # "a | X | b" -> "a | b"
        if rcore[0] in _CLOSING:
            return head + tail
        return head + left[len(lcore):] + tail
    if lw or rw:  # one space: none before closing punctuation or after opening
        if rcore[0] in _CLOSING or lcore[-1] in _OPENING:
            return head + tail
        return head + (left[len(lcore):] or right[: rw]) + tail
    # glued on both sides
    if _PAIRS.get(lcore[-1]) == rcore[0]:  # "(X)" -> drop the empty brackets too
        return _strip_span(text, a - 1, b + 1)
    if rcore[0] in _CLOSING or lcore[-1] in _OPENING:
        return head + tail
    return head + " " + tail  # "youtube/XSyria" -> "youtube/ Syria"


# ---------------------------------------------------------------- mask / drop-line

class _Fields(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(f"unknown placeholder {{{key}}} in mask template")


def mask_text(f, template: str = DEFAULT_MASK) -> str:
    """The placeholder for one finding."""
    return template.format_map(_Fields(
        lang=f.lang, lang_name=getattr(f, "lang_name", f.lang),
        kind=str(_value(f.kind)), script=getattr(f, "script", "")))


MASK_FIELDS = ("lang", "lang_name", "kind", "script")


def check_mask_template(template: str) -> None:
    """Raise ValueError unless the template uses only the documented placeholders.

    ``{lang}``, ``{lang_name}``, ``{kind}`` and ``{script}``, each at most with a
    plain format spec (``{lang:>4}``) or conversion (``{lang!r}``); no attribute or
    index access (``{lang.__class__}``, ``{lang[0]}``), no nested fields, no
    positional ``{}``.  ``{{`` and ``}}`` are literal braces.
    """
    import string

    def bad(why: str) -> ValueError:
        return ValueError(f"bad --mask-template {template!r}: {why} (placeholders: "
                          + ", ".join("{" + f + "}" for f in MASK_FIELDS) + "; {{ and }} for braces)")

    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise bad(str(exc)) from None
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in MASK_FIELDS:
            if name == "" or name.isdigit():
                raise bad("positional placeholders are not supported")
            head = name.split(".", 1)[0].split("[", 1)[0]
            if head in MASK_FIELDS:
                raise bad(f"{{{name}}}: attribute and index access are not supported")
            raise bad(f"unknown placeholder {{{name}}}")
        if spec and ("{" in spec or "}" in spec):
            raise bad(f"{{{name}:{spec}}}: nested placeholders are not supported")
        if spec and any(len(d) > 3 for d in __import__("re").findall(r"\d+", spec)):
            raise bad(f"{{{name}:{spec}}}: widths and precisions above 999 are not supported")
        if conversion not in (None, "r", "s", "a"):
            raise bad(f"unknown conversion !{conversion}")

    class _F:
        lang, lang_name, kind, script = "ru", "Russian", "script", "Cyrillic"
    try:
        mask_text(_F, template)
    except (KeyError, ValueError, IndexError, AttributeError, TypeError) as exc:
        raise bad(str(exc)) from None


def _mask(text: str, findings: Sequence, template: str) -> str:
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    out, pos = [], 0
    for f in ordered:
        if f.start < pos or f.end <= f.start:
            continue  # overlaps one already masked
        out.append(text[pos:f.start])
        out.append(mask_text(f, template))
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def _drop_lines(text: str, findings: Sequence) -> str:
    blocks: list[list[int]] = []
    for f in sorted(findings, key=lambda f: f.start):
        ls, _ce, nl = _line_bounds(text, f.start, f.end)
        if blocks and ls <= blocks[-1][1] + 1:
            blocks[-1][1] = max(blocks[-1][1], nl)
        else:
            blocks.append([ls, nl])
    for ls, nl in reversed(blocks):
        text = _remove_lines(text, ls, nl)
    return text
