"""Minimal removal of finding spans from a text, for the engine integrations.

A stop-gap until the cleaning package (``langscan.clean``) offers the same:
cut each span, then tidy each touched line so no double space, stray leading
or trailing blank, or emptied line is left behind.  Lines without a span are
never changed.  Linear in the text's length.
"""

from __future__ import annotations

from typing import Iterable

_BLANK = " \t"


def _line_spans(text: str, spans: Iterable[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
    """Spans cut at line ends and grouped by the offset where their line starts."""
    by_line: dict[int, list[tuple[int, int]]] = {}
    for s, e in sorted(spans):
        while s < e:
            ls = text.rfind("\n", 0, s) + 1
            le = text.find("\n", s)
            le = len(text) if le == -1 else le
            by_line.setdefault(ls, []).append((s, min(e, le)))
            s = le + 1
    return by_line


def _tidy_line(line: str, spans: list[tuple[int, int]]) -> str:
    """``line`` (no newline) without ``spans`` (relative to it), seams tidied."""
    body = line.rstrip("\r")
    cr = line[len(body):]
    indent = len(body) - len(body.lstrip(_BLANK))
    pieces: list[str] = []
    prev = 0
    for s, e in spans:
        s = max(s, prev)
        if s >= e:
            continue
        pieces.append(body[prev:s])
        prev = e
    pieces.append(body[prev:])
    out = pieces[0]
    for piece in pieces[1:]:
        if out.endswith(tuple(_BLANK)) or len(out) <= indent:
            piece = piece.lstrip(_BLANK)
        out += piece
    head, rest = out[:indent], out[indent:]
    rest = rest.lstrip(_BLANK) if spans[0][0] <= indent else rest
    if not rest.strip(_BLANK):
        return ""
    if spans[-1][1] >= len(body.rstrip(_BLANK)):
        rest = rest.rstrip(_BLANK)
    return head + rest + cr


def strip_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` without the given [start, end) code-point spans.

    A line left blank by the removal is dropped with its newline; a line that
    still has text keeps its indentation and newline.
    """
    out: list[str] = []
    prev = 0
    for ls, line_spans in sorted(_line_spans(text, spans).items()):
        le = text.find("\n", ls)
        le = len(text) if le == -1 else le
        out.append(text[prev:ls])
        new = _tidy_line(text[ls:le], [(s - ls, e - ls) for s, e in line_spans])
        if new or not text[ls:le].strip():
            out.append(new)
            prev = le
        else:
            prev = le + 1  # drop the emptied line and its newline
            if le >= len(text):  # last line emptied: no dangling newline either
                i = len(out) - 1
                while i > 0 and not out[i]:
                    i -= 1
                if out and out[i].endswith("\n"):
                    out[i] = out[i][:-2] if out[i].endswith("\r\n") else out[i][:-1]
    out.append(text[prev:])
    return "".join(out)
