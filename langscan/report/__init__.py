"""The corpus report: what a corpus holds, as one offline HTML page or JSON.

``collect`` scans and builds the data, ``render_html`` draws it; both are
used by ``langscan report``.
"""

from .collect import collect, public, summary_line
from .html import render_html

__all__ = ["collect", "public", "render_html", "summary_line"]
