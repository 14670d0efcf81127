"""English host texts from the article-extraction benchmark, and its non-English articles.

Hosts are the ``articleBody`` of the English articles and the visible text of the HTML pages minus the article
itself (the page boilerplate: menus, footers, related links). A page line holding non-Latin letters is real
foreign text on an English page (a language switcher "Русский", a homoglyph "Сolumn"): it is kept and labelled
as gold ("page_native"); a line naming a Latin-script language in its own tongue ("Deutsch") is dropped.
Which articles are not English is decided by rule, not by hand: mostly non-Latin letters (script ratio), or more
stop words of another Latin language than of English.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from .langdata import ENGLISH, LATIN_ENDONYMS, LOOKALIKES, SCRIPT_DEFAULT_LANG, STOPWORDS, script_of, script_profile, words

AEB = Path("/work/shared/corpora/article-extraction-benchmark")
_EN_STOP = frozenset("the of and to in a is that for it on with as was by be are at this from have an".split())
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}
_BLOCK = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
          "footer", "nav", "ul", "ol", "table", "title", "option", "dd", "dt", "figcaption", "blockquote", "td",
          "th", "form", "aside", "main", "figure", "button", "label"}


class _Visible(HTMLParser):
    """Visible text of a page, one block element per line; script/style content dropped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.out.append("\n")
        elif tag in ("a", "span", "img"):
            self.out.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def page_lines(html: str) -> list[str]:
    p = _Visible()
    p.feed(html)
    text = unicodedata.normalize("NFC", "".join(p.out))
    lines = (re.sub(r"\s+", " ", ln).strip() for ln in text.split("\n"))
    return [ln for ln in lines if ln]


def article_language(text: str) -> str:
    """"en", or the language of a non-English article by script ratio / stop-word profile."""
    prof = script_profile(text)
    letters = sum(prof.values()) or 1
    if prof.get("Latin", 0) / letters < 0.5:
        main = max((s for s in prof if s != "Latin"), key=prof.get)
        if main in ("Hiragana", "Katakana") or (main == "Han" and prof.get("Hiragana", 0) + prof.get("Katakana", 0)):
            return "ja"
        return SCRIPT_DEFAULT_LANG.get(main, "und")
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return "und"
    best, score = "en", 0.0
    for lang, sw in STOPWORDS.items():  # words both lists hold ("a", "as", "de") decide nothing
        en = sum(w in _EN_STOP and w not in sw for w in words) / len(words)
        r = sum(w in sw and w not in _EN_STOP for w in words) / len(words)
        if r > en * 1.3 and r > 0.08 and r > score:
            best, score = lang, r
    return best


# Real foreign lines in English page chrome that the rules above cannot see (too few stop words), found while
# reading the pages; they are labelled gold like the other page-native items.
ADJUDICATED_LINES = {"Votre message a été envoyé!": "fr"}


def foreign_latin_line(line: str) -> bool:
    """A boilerplate line in another Latin-script language: two or more of its stop words, more than English."""
    ws = re.findall(r"[^\W\d_]+", line.lower())
    en = sum(w in _EN_STOP for w in ws)
    for sw in STOPWORDS.values():
        hits = [w for w in ws if w in sw and len(w) > 1 and w not in _EN_STOP and w not in ENGLISH]
        if len(set(hits)) >= 2 and len(hits) > en:
            return True
    return False


def foreign_spans(line: str):
    """(start, end, kind, lang) of runs of words holding non-Latin letters in a page line."""
    spans = []
    for ws, we in words(line):
        w = line[ws:we]
        scripts = [script_of(c) for c in w if script_of(c) != "Common"]
        other = [s for s in scripts if s != "Latin"]
        if not other:
            continue
        latin = len(scripts) - len(other)
        lookalike = all(c in LOOKALIKES for c in w if script_of(c) not in ("Latin", "Common"))
        kind = "homoglyph" if latin > len(other) and lookalike else "script"
        main = max(set(other), key=other.count)
        lang = "en" if kind == "homoglyph" else SCRIPT_DEFAULT_LANG.get(main, "und")
        if main in ("Hiragana", "Katakana") or (main == "Han" and {"Hiragana", "Katakana"} & set(other)):
            lang = "ja"
        if spans and kind == "script" == spans[-1][2] and not re.search(r"[A-Za-z]", line[spans[-1][1]:ws]):
            spans[-1] = (spans[-1][0], we, kind, spans[-1][3])
        else:
            spans.append((ws, we, kind, lang))
    if line in ADJUDICATED_LINES:
        return [(0, len(line), "latin", ADJUDICATED_LINES[line])]
    out = []
    for s, e, kind, lang in spans:
        if kind == "script" and sum(script_of(c) not in ("Latin", "Common") for c in line[s:e]) < 2:
            continue  # a single foreign letter in a logo ("RTД") is a name, not text  # close a bracket the run opened: "Ελλάδα (ελληνικά)"
        if line.count("(", s, e) > line.count(")", s, e) and line[e:e + 1] == ")":
            e += 1
        out.append((s, e, kind, lang))
    return out


def load_hosts():
    """Yield host dicts: id, url, lang, article (str), boilerplate (list of lines)."""
    truth = json.loads((AEB / "ground-truth.json").read_text())
    for key in sorted(truth):
        body = truth[key]["articleBody"].strip()
        lang = article_language(body)
        boiler = []
        f = AEB / "html" / f"{key}.html.gz"
        if lang == "en" and f.exists():
            raw = gzip.open(f).read()
            try:
                html = raw.decode("utf-8")
            except UnicodeDecodeError:
                html = raw.decode("cp1252", "replace")
            flat = re.sub(r"\s+", " ", body)
            dropped = 0
            for ln in page_lines(html):
                if len(ln) > 40 and ln in flat:
                    continue  # part of the article itself
                if any(w.lower() in LATIN_ENDONYMS for w in re.findall(r"[^\W\d_]+", ln)):
                    continue
                if foreign_latin_line(ln):
                    dropped += 1
                    continue
                boiler.append(ln)
            if dropped >= 2:
                boiler = []  # the page chrome is in another language: not an English host
        yield {"id": key[:12], "url": truth[key]["url"], "lang": lang, "article": body, "boilerplate": boiler}
