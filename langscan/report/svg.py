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


def histogram(items: Sequence[tuple[str, int]], title: str, width: int = 520, height: int = 190,
              axis_label: str = "") -> str:
    """A vertical bar chart of (bin label, count) pairs, in the order given; each bar
    carries its count on top and its label below."""
    items = list(items)
    if not items or not any(v for _l, v in items):
        return f'<p class="empty">Nothing to chart for {escape(title.lower())}.</p>'
    top = max(v for _l, v in items) or 1
    left, bottom, head = 8, 34 if axis_label else 22, 18
    plot_h = height - bottom - head
    step = (width - 2 * left) / len(items)
    bar = step * 0.72
    rows = [f'<line x1="{left}" y1="{head + plot_h}" x2="{width - left}" y2="{head + plot_h}" stroke="#c8ced8"/>']
    for i, (label, value) in enumerate(items):
        h = 0 if not value else max(2, round(plot_h * value / top))
        x = left + i * step + (step - bar) / 2
        y = head + plot_h - h
        colour = "#c9423f" if i == len(items) - 1 else ("#9aa5b8" if i == 0 else PALETTE[0])
        cx = x + bar / 2
        rows.append(
            f'<g><title>{escape(label)}: {value} document(s)</title>'
            f'<rect x="{x:.1f}" y="{y}" width="{bar:.1f}" height="{h}" rx="2" fill="{colour}"/>'
            f'<text x="{cx:.1f}" y="{y - 4}" text-anchor="middle" class="val">{value}</text>'
            f'<text x="{cx:.1f}" y="{head + plot_h + 15}" text-anchor="middle" class="lbl">{escape(label)}</text></g>')
    if axis_label:
        rows.append(f'<text x="{width / 2:.0f}" y="{height - 4}" text-anchor="middle" class="val">'
                    f'{escape(axis_label)}</text>')
    return (f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">' + "".join(rows) + "</svg>")
