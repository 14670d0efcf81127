"""HTML (.html, .htm, .xhtml): the visible text, located in the HTML source.

Only prose a reader of the page sees is scanned: the contents of
``script``/``style``/``template``, code and preformatted blocks (``code``/``kbd``/``samp``/``pre``: terminal sessions, listings), comments
and attribute values are left out.  The page is decoded as UTF-8 unless it has
no BOM and declares another charset in a ``<meta>`` tag (windows-1251 pages
are common in scraped corpora).
Entities are decoded (``&amp;`` is one "&").  Block elements (p, div, li,
h1..., td, br...) end a line in the extracted text, so the items of a
language-switcher menu do not run together; adjacent links get a space.

Every code-point offset of the extracted text maps back to the (line,
column) in the HTML source where that character (or the entity or tag that
produced it) stands, through ``HtmlLocator``.
"""

from __future__ import annotations

import codecs
import html
import re
from bisect import bisect_right
from html.parser import HTMLParser
from typing import BinaryIO, Iterator, Optional

from ..document import Document
from ..policy import marker_lines
from .base import Item, ReaderOptions, Source
from .compression import read_upto
from .decode import BOM, decode, truncated

SKIP = frozenset({"script", "style", "template", "code", "kbd", "samp", "pre"})  # not prose: code samples are not findings
BLOCK = frozenset(
    """address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 head header hr html li main menu nav ol optgroup option p pre section summary
    table tbody td tfoot th thead title tr ul""".split()
)
SOFT = frozenset({"a", "button"})  # inline, but adjacent ones must not glue together


_LONE_CR = re.compile("\r(?!\n)")


class HtmlLocator:
    """Maps an offset in the extracted text to (line, column) in the HTML source.

    The text is a sequence of pieces; a verbatim piece (a run of character
    data) maps character by character, a synthetic one (an entity, a line
    break for a block tag) maps every character to where it came from.
    """

    def __init__(self, text: str, starts: list[int], lines: list[int], cols: list[int], verbatim: list[bool]):
        self.text, self.starts, self.lines, self.cols, self.verbatim = text, starts, lines, cols, verbatim

    def __call__(self, offset: int) -> tuple[int, int]:
        if not self.starts:
            return 1, 1
        i = max(0, bisect_right(self.starts, offset) - 1)
        line, col = self.lines[i], self.cols[i]
        if not self.verbatim[i]:
            return line, col
        rel = offset - self.starts[i]
        start = self.starts[i]
        nl = self.text.count("\n", start, start + rel)
        if nl == 0:
            return line, col + rel
        last = self.text.rfind("\n", start, start + rel)
        return line + nl, offset - last


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.pieces: list[str] = []
        self.starts: list[int] = []
        self.lines: list[int] = []
        self.cols: list[int] = []
        self.verbatim: list[bool] = []
        self.n = 0
        self.skip = 0
        self.last = "\n"

    def _emit(self, s: str, verbatim: bool) -> None:
        if not s:
            return
        line, col0 = self.getpos()
        self.starts.append(self.n)
        self.lines.append(line)
        self.cols.append(col0 + 1)
        self.verbatim.append(verbatim)
        self.pieces.append(s)
        self.n += len(s)
        self.last = s[-1]

    def _break(self) -> None:
        if self.n and self.last != "\n":
            self._emit("\n", False)

    # html.parser searches to the end of its buffer for the close of every comment and marked section it meets,
    # so a page with thousands of "<!--" and no close after them took the square of its length (200 kB: 30 s).
    # The buffer's last possible close is found once: a comment or section starting after it has none. (Each
    # pattern is a superset of the parser's own closes, "--\s*>" or "--!?>" for comments, "]\s*]\s*>" and
    # "]\s*>" for sections, so a close the parser could find is never missed.)
    _COMMENT_CLOSE = re.compile(r"--!?\s*>")
    _SECTION_CLOSE = re.compile(r"]\s*>")
    _NAME_WINDOW = 64  # what a section with no close is shown of itself: its "<![" and keyword
    _closes: tuple = (None, {})  # (the buffer, pattern -> where its last match starts in it)

    def _last_close(self, pattern: re.Pattern) -> int:
        """Where the last match of ``pattern`` starts in the parser's buffer (-1: none), found once a buffer."""
        raw = self.rawdata
        buffer, found = self._closes
        if raw is not buffer:
            found = {}
            self._closes = (raw, found)
        if pattern not in found:
            found[pattern] = max((m.start() for m in pattern.finditer(raw)), default=-1)
        return found[pattern]

    def parse_comment(self, i, report=1):
        if i + 4 > self._last_close(self._COMMENT_CLOSE):
            return -1  # no close after it: incomplete, as the parser's own search would say
        return super().parse_comment(i, report)

    def parse_marked_section(self, i, report=1):
        raw = self.rawdata
        try:
            if i + 3 > self._last_close(self._SECTION_CLOSE):
                self.rawdata = raw[i:i + self._NAME_WINDOW]  # (offsets from the section's start)
                try:
                    j = super().parse_marked_section(0, report)
                finally:
                    self.rawdata = raw
                return j if j < 0 else i + j
            return super().parse_marked_section(i, report)
        except AssertionError:
            # html.parser fails on a keyword it does not know ("<![foo["), which stopped the whole scan; the
            # HTML standard reads such a section as a bogus comment that ends at the next ">"
            j = raw.find(">", i + 3)
            return -1 if j < 0 else j + 1

    def handle_starttag(self, tag, attrs):  # noqa: D401 - HTMLParser hook
        if tag in SKIP:
            self.skip += 1
        elif self.skip:
            return
        elif tag in BLOCK:
            self._break()
        elif tag in SOFT and self.last.isalnum():
            self._emit(" ", False)

    def handle_startendtag(self, tag, attrs):
        if not self.skip and tag in BLOCK:
            self._break()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif not self.skip and tag in BLOCK:
            self._break()

    def handle_data(self, data):
        if not self.skip:
            self._emit(data, True)

    def handle_entityref(self, name):
        if not self.skip:
            decoded = html.unescape(f"&{name};")
            self._emit(decoded if decoded != f"&{name};" else f"&{name}", False)

    def handle_charref(self, name):
        if not self.skip:
            self._emit(html.unescape(f"&#{name};"), False)


_TAIL_MIN = 4096  # characters after the last ">" from which the tail is read in one pass (a page's usual tail,
# a closing line or two, is read as before)
_HELD = "\ue000"  # a private-use character standing for "<" in such a tail


def extract(source_text: str) -> tuple[str, HtmlLocator]:
    """The visible text of an HTML document and its locator."""
    p = _Extractor()
    if "\r" in source_text:
        # HTML reads a lone CR as a line break (the standard's newline normalisation), and so does
        # `scan` everywhere; the parser and the locator count "\n" only. One character for one:
        # every source offset stays where it was.
        source_text = _LONE_CR.sub("\n", source_text)
    # After the source's last ">", no markup can be complete, yet html.parser tries each "<" there and reads on
    # to the end of the source every time ("<a <a <a ...": 80 kB took 42 s). A long such tail is fed with its
    # "<" held back as a placeholder (one character for one: offsets stay), so it reads as the text the parser
    # would have made of it, in one pass.
    cut = source_text.rfind(">") + 1
    if len(source_text) - cut > _TAIL_MIN and "<" in source_text[cut:] and _HELD not in source_text:
        p.feed(source_text[:cut])
        p.feed(source_text[cut:].replace("<", _HELD))
        p.close()
        p.pieces = [x.replace(_HELD, "<") for x in p.pieces]
    else:
        p.feed(source_text)
        p.close()
    text = "".join(p.pieces)
    return text, HtmlLocator(text, p.starts, p.lines, p.cols, p.verbatim)


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> Optional[str]:
    """The codec a page declares in a <meta> tag within its first 2 KiB, if Python knows it as a
    text encoding and it is not UTF-8.

    As the HTML standard says, a declared UTF-16 or UTF-32 is read as UTF-8: a tag readable as
    ASCII proves the page is not in a 16- or 32-bit encoding (real UTF-16 pages start with a BOM,
    handled before this).  Codecs that are not text encodings (``zlib``, ``base64``, ``idna``'s
    cousins ``rot13``, ``hex``...) are ignored, so the page is read as UTF-8.
    """
    m = _CHARSET.search(data[:2048])
    if not m:
        return None
    try:
        info = codecs.lookup(m.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError, ValueError):
        return None
    name = info.name
    if not getattr(info, "_is_text_encoding", True) or name in ("idna", "punycode", "undefined"):
        return None
    if name.startswith(("utf-16", "utf-32", "utf_16", "utf_32")) or name in ("utf-8", "utf-8-sig", "utf-7"):
        return None
    try:  # an ASCII-compatible 8-bit or multibyte codec only: the tag itself must read back
        if "charset".encode(name) != b"charset":
            return None
    except (LookupError, UnicodeError, ValueError):
        return None
    return name


def read_html(source: Source, stream: BinaryIO, opts: ReaderOptions) -> Iterator[Item]:
    data, cut = read_upto(stream)
    if cut is not None:
        yield truncated(source.path, data, cut)
    bom = data.startswith(BOM)
    charset = None if bom else declared_charset(data)
    raw = None
    if charset:  # a legacy page (windows-1251, iso-8859-1...): decode as it says
        try:
            raw = data.decode(charset, "replace")
        except (LookupError, UnicodeError, ValueError, TypeError):
            raw = None
    if raw is None:
        raw, err = decode(data[3:] if bom else data, source.path, byte_base=3 if bom else 0)
        if err:
            yield err
    text, locator = extract(raw)
    yield Document(text=text, path=source.path, locate=locator, meta={"ignore_lines": marker_lines(raw)})
