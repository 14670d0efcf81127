"""Text shown to a person: whitespace runs collapsed, whole pages cut to their opening.

Findings keep the exact text of the source (``text == source[start:end]`` is
the JSON contract); what a terminal or a report *shows* is made here, so a
fragment scraped from HTML ("Nutzungsbedingungen\\n\\n\\t\\t   sowie") reads as
one line and a ``document`` finding shows its first sentences and its size,
not a screen of blank lines.
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
# a sentence ends at . ! ? (and their CJK / Devanagari / Arabic forms) followed by space or the end
_SENTENCE_END = re.compile(r"[.!?。！？।॥؟۔](?=\s|$)|[。！？]")


def collapse(text: str) -> str:
    """Every run of whitespace (line breaks, tabs, no-break spaces) as one space, ends trimmed."""
    return _SPACE.sub(" ", text).strip()


def size_label(text: str) -> str:
    """"1,234 characters" (with the line count when there are several lines)."""
    lines = text.count("\n") + 1 if text else 0
    label = f"{len(text):,} characters"
    return label + (f", {lines:,} lines" if lines > 1 else "")


def opening(text: str, limit: int = 160, sentences: int = 2) -> str:
    """The first ``sentences`` sentences of ``text``, whitespace collapsed, at most ``limit`` characters."""
    flat = collapse(text)
    end, count = 0, 0
    for m in _SENTENCE_END.finditer(flat):
        end, count = m.end(), count + 1
        if count >= sentences or end >= limit:
            break
    slack = limit + limit // 4  # a sentence that ends a little past the limit is shown whole
    cut = flat[:end] if 0 < end <= slack else flat[:limit]
    if len(cut) < len(flat):
        if end <= 0 or end > slack:  # cut inside a sentence: end at a word when there is one near
            space = cut.rfind(" ", limit // 2)
            cut = cut[:space] if space > 0 else cut
        cut = cut.rstrip() + " …"
    return cut


def shown(text: str, limit: int = 120, kind: str = "") -> str:
    """How a finding's text is displayed: collapsed, and cut to its opening with its size
    when it is a whole document or longer than ``limit``."""
    flat = collapse(text)
    if kind != "document" and len(flat) <= limit:
        return flat
    return f"{opening(text, max(limit, 160) if kind == 'document' else limit)} ({size_label(text)})"


def note(f, limit: int = 120) -> str:
    """A finding's detail for a person, with its repair ("look-alike characters: ...; repaired: scope");
    a ``document`` finding's repair (the whole text) is not repeated, its detail says what it holds."""
    detail = getattr(f, "detail", "") or ""
    repair = getattr(f, "repair", None)
    if repair is None or str(getattr(f.kind, "value", f.kind)) == "document":
        return detail
    fixed = shown(repair, limit) if repair.strip() else repr(repair)
    return f"{detail}; repaired: {fixed}" if detail else f"repaired: {fixed}"


def window(text: str, start: int, end: int, reach: int) -> tuple[int, int, bool, bool]:
    """(a, b, cut before, cut after): at most ``reach`` characters either side of
    ``text[start:end]``, and whether text was left out there (show "…").  The window
    crosses line breaks: in scraped HTML they are layout, and a menu item's neighbours
    are its context."""
    a, b = max(0, start - reach), min(len(text), end + reach)
    return a, b, a > 0, b < len(text)
