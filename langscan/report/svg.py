"""Inline SVG bar charts: no library, no network, readable without JavaScript."""

from __future__ import annotations

from html import escape
from typing import Sequence

PALETTE = ("#3b6fd8", "#d8823b", "#3ba776", "#b54ac4", "#c9423f", "#6b7a8f", "#2aa3b5", "#a08a2b")


def bar_chart(items: Sequence[tuple[str, int]], title: str, width: int = 520, bar: int = 22,
              label_width: int = 150, max_items: int = 12) -> str:
    """A horizontal bar chart of (label, value) pairs, largest first as given."""
    items = list(items)[:max_items]
    if not items:
        return f'<p class="empty">No findings to chart for {escape(title.lower())}.</p>'
    top = max(v for _l, v in items) or 1
    gap = 6
    height = len(items) * (bar + gap) + gap
    plot = width - label_width - 60
    rows = []
    for i, (label, value) in enumerate(items):
        y = gap + i * (bar + gap)
        w = max(2, round(plot * value / top))
        colour = PALETTE[i % len(PALETTE)]
        rows.append(
            f'<g><title>{escape(label)}: {value}</title>'
            f'<text x="{label_width - 8}" y="{y + bar * 0.7:.1f}" text-anchor="end" class="lbl">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{w}" height="{bar}" rx="3" fill="{colour}"/>'
            f'<text x="{label_width + w + 6}" y="{y + bar * 0.7:.1f}" class="val">{value}</text></g>')
    return (f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
            + "".join(rows) + "</svg>")
