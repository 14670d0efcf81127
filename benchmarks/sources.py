"""Fetch and read the real foreign-text sources the dev corpus draws fragments from.

Everything comes from the package registries through their ordinary clients (pip, apt), is unpacked into a
cache directory and read from there, so the build is reproducible offline once the cache exists:

- Django wheel: ``django/**/locale/<lang>/LC_MESSAGES/django.po`` msgstr entries (short real UI strings);
- Debian translated man pages ``manpages-<lang>`` (de-roffed, sentence-length fragments);
- Babel's locale data: language endonyms ("Русский", "العربية") as language-switcher items.

Debian ``fortunes-*`` and the system catalogs under /usr/share/locale are deliberately NOT used: they are
kept for an independent evaluation.
"""
from __future__ import annotations

import gzip
import re
import subprocess
import sys
import zipfile
from pathlib import Path

MAN_PACKAGES = [
    "manpages-cs", "manpages-da", "manpages-de", "manpages-el", "manpages-es", "manpages-fi", "manpages-fr",
    "manpages-hu", "manpages-id", "manpages-it", "manpages-ja", "manpages-mk", "manpages-nb", "manpages-nl",
    "manpages-pl", "manpages-pt-br", "manpages-ro", "manpages-ru", "manpages-sr", "manpages-sv", "manpages-tr",
    "manpages-uk", "manpages-vi", "manpages-zh",
]
DJANGO = "django==5.2.19"  # pinned: the committed corpus was built from it (see benchmarks/data/MANIFEST.json)
DEFAULT_CACHE = Path.home() / ".cache" / "langscan-bench-sources"


def fetch(cache: Path = DEFAULT_CACHE) -> Path:
    """Download (once) the Django wheel and the man-page .debs and unpack them under ``cache``.

    Needs ``apt-get update`` to have run once. The .deb versions are whatever Debian's archive serves; they and
    Babel's version are recorded in MANIFEST.json, and a different version changes the corpus checksum.
    """
    cache.mkdir(parents=True, exist_ok=True)
    if not list(cache.glob("[Dd]jango-*.whl")):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", DJANGO, "-d", str(cache)],
                       check=True)
    debs = cache / "debs"
    debs.mkdir(exist_ok=True)
    missing = [p for p in MAN_PACKAGES if not list(debs.glob(f"{p}_*.deb"))]
    if missing:
        subprocess.run(["apt-get", "download", *missing], cwd=debs, check=True)
    root = cache / "root"
    if not (root / "usr/share/man").is_dir():
        root.mkdir(exist_ok=True)
        for deb in sorted(debs.glob("*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return cache


def deb_versions(cache: Path) -> dict[str, str]:
    """Package name -> version of every unpacked .deb (for the provenance manifest)."""
    out = {}
    for deb in sorted((cache / "debs").glob("*.deb")):
        name, version, _ = deb.name.split("_", 2)
        out[name] = version.replace("%3a", ":")
    return out


# ---------------------------------------------------------------- Django .po catalogs
_PO_ENTRY = re.compile(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.M)


def _po_unquote(block: str) -> str:
    parts = re.findall(r'^"(.*)"$', block, re.M)
    s = "".join(parts)
    return s.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def django_messages(cache: Path):
    """Yield (lang_dir, msgid, msgstr, member_path) for every translated singular message of the wheel."""
    whl = sorted(cache.glob("[Dd]jango-*.whl"))[-1]
    with zipfile.ZipFile(whl) as z:
        for name in sorted(z.namelist()):
            m = re.search(r"/locale/([^/]+)/LC_MESSAGES/django\.po$", name)
            if not m:
                continue
            text = z.read(name).decode("utf-8", "replace")
            for e in _PO_ENTRY.finditer(text):
                msgid, msgstr = _po_unquote(e.group(1)), _po_unquote(e.group(2))
                if msgid and msgstr:
                    yield m.group(1), msgid, msgstr, f"{whl.name}:{name}"


# ---------------------------------------------------------------- man pages
_FONT_MACROS = {"B", "I", "BI", "BR", "IB", "IR", "RB", "RI", "SM", "SB"}
_ESCAPES = [
    (re.compile(r"\\f(\[[^\]]*\]|\(..|.)"), ""),
    (re.compile(r"\\\*(\[[^\]]*\]|\(..|.)"), ""),
    (re.compile(r"\\\((em|en)"), "—"),
    (re.compile(r"\\\((lq|Lq)"), "“"),
    (re.compile(r"\\\((rq|Rq)"), "”"),
    (re.compile(r"\\\(aq"), "'"),
    (re.compile(r"\\\(..|\\\[[^\]]*\]"), ""),
    (re.compile(r"\\[-]"), "-"),
    (re.compile(r"\\[&|^%:0~ ]"), lambda m: " " if m.group(0) in ("\\~", "\\ ", "\\0") else ""),
    (re.compile(r"\\e"), lambda m: "\\"),
    (re.compile(r"\\[a-zA-Z]"), ""),
]


def deroff(source: str) -> list[str]:
    """Turn roff man-page source into plain-text paragraphs (a small regex de-roff, good enough for prose)."""
    paragraphs, cur = [], []
    for line in source.splitlines():
        if line.startswith(('.\\"', "'\\\"", '\\"')):
            continue
        if line.startswith((".", "'")):
            macro, _, rest = line[1:].strip().partition(" ")
            if macro in _FONT_MACROS and rest:
                cur.append(rest.replace('"', ""))
                continue
            if cur:
                paragraphs.append(" ".join(cur))
                cur = []
            continue
        if not line.strip():
            if cur:
                paragraphs.append(" ".join(cur))
                cur = []
            continue
        cur.append(line)
    if cur:
        paragraphs.append(" ".join(cur))
    out = []
    for p in paragraphs:
        for rx, rep in _ESCAPES:
            p = rx.sub(rep, p)
        p = re.sub(r"\s+", " ", p).strip()
        if p:
            out.append(p)
    return out


def man_paragraphs(cache: Path, lang_dir: str, max_files: int = 120):
    """Yield (paragraph, provenance) from the first ``max_files`` man pages (sorted) of one language."""
    base = cache / "root/usr/share/man" / lang_dir
    files = sorted(p for p in base.rglob("*.gz") if p.is_file())[:max_files]
    for f in files:
        try:
            src = gzip.open(f).read().decode("utf-8")
        except (UnicodeDecodeError, OSError, EOFError):
            continue
        pkg = "manpages-" + lang_dir.lower().replace("_", "-").replace("pt-br", "pt-br")
        if lang_dir in ("zh_CN", "zh_TW"):
            pkg = "manpages-zh"
        for para in deroff(src):
            yield para, f"{pkg}:{f.relative_to(cache / 'root')}"


def man_languages(cache: Path) -> list[str]:
    base = cache / "root/usr/share/man"
    return sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith("man"))


def babel_endonyms(langs):
    """Yield (lang, endonym, provenance) from Babel's CLDR locale data."""
    try:
        import babel
        from babel import Locale
    except ImportError:
        return
    for lang in langs:
        try:
            name = Locale.parse(lang).get_display_name(lang)
        except Exception:  # unknown locale in this Babel version
            continue
        if name:
            yield lang, name[0].upper() + name[1:], f"babel-{babel.__version__}:locale-data/{lang}"
