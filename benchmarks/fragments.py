"""Pools of real foreign fragments (UI strings, sentences, endonyms) filtered to be clearly in one language.

A fragment is a dict: text, lang (base ISO 639-1), kind ("script" | "latin"), source ("ui" | "sentence" |
"endonym"), provenance ("<package>:<file>"). Script fragments hold no Latin letters; Latin fragments have at
least three words, one stop word of their language that is not English, few English words, and nothing that
looks like code, an option, a path or a placeholder.
"""
from __future__ import annotations

import re
from collections import defaultdict

from . import sources
from .langdata import ENGLISH, STOPWORDS, norm_lang, script_profile

_CODEY = re.compile(r"[\\/_=<>{}\[\]|@#$%^*~`+]|\d|\.\w|\s-|^-|\(\)|https?:|%\(|\.\.\.|…")
_SENT_SPLIT = re.compile(r"(?<=[.!?。！？])\s+")
_SKIP_LANGS = {"io", "ia", "eo", "ie", "vo"}  # constructed languages: catalogs hold other languages' names
_CJK = {"Han", "Hiragana", "Katakana", "Hangul"}


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)


def classify(text: str, lang: str) -> str | None:
    """"script" / "latin" if ``text`` is a clean fragment of ``lang``, else None."""
    text = text.strip()
    if not text or "\n" in text or _CODEY.search(text):
        return None
    prof = script_profile(text)
    letters = sum(prof.values())
    if letters < 2:
        return None
    if lang in _SKIP_LANGS:
        return None
    if re.search(r"\b[^\W\d_]*[A-ZÀ-ÞА-ЯΑ-Ω]{2,}[^\W\d_]*\b", text):  # placeholders in capitals (FILE, ФАЙЛ)
        return None
    if text.count("(") != text.count(")") or text.count("«") != text.count("»"):
        return None
    if "Latin" in prof:
        if prof["Latin"] != letters or "(" in text or not text[0].isupper():
            return None
        if re.search(r"(?<![^\s])[a-z]+-[a-z-]+\b", text):  # command names such as grub-mkrelpath
            return None
        sw = STOPWORDS.get(lang)
        words = [w.lower() for w in _words(text)]
        if sw is None or len(words) < 3 or len(text) < 15:
            return None
        if not any(w in sw and w not in ENGLISH for w in words):
            return None
        if sum(w in ENGLISH for w in words) / len(words) > 0.25:
            return None
        if sum(w[0].isupper() for w in _words(text)) / len(words) > 0.5:  # title-cased names and headings
            return None
        return "latin"
    main = max(prof, key=prof.get)
    if prof[main] / letters < 0.9 and not set(prof) <= _CJK | {"Han"}:
        return None
    cjk = set(prof) & _CJK
    if cjk and letters < 3:
        return None
    return "script"


def _ok_length(text: str, kind: str, source: str) -> bool:
    cjk = bool(set(script_profile(text)) & _CJK)
    n = len(text) if cjk else len(text.split())
    if source == "ui" and kind == "script" and not cjk and sum(script_profile(text).values()) < 4:
        return False  # abbreviations such as "Съб" are too short to call
    if source == "ui":
        return (2 <= n <= 25) if cjk else (1 <= n <= 8 if kind == "script" else 3 <= n <= 10)
    return (8 <= n <= 60) if cjk else (4 <= n <= 25)


def build_pools(cache, man_files: int = 120) -> dict[str, dict[str, list[dict]]]:
    """{kind: {lang: [fragment, ...]}} over Django UI strings, man-page sentences and Babel endonyms."""
    seen = set()
    pools: dict[str, dict[str, list[dict]]] = {"script": defaultdict(list), "latin": defaultdict(list)}

    def add(text, lang, source, prov):
        text = re.sub(r"\s+", " ", text).strip()
        if not text or text in seen:
            return
        kind = classify(text, lang)
        if kind is None or not _ok_length(text, kind, source):
            return
        if source == "sentence" and not re.search(r"[.!?。！？]$", text):
            return
        if source == "sentence" and text[0].isalpha() and text[0].lower() == text[0] and text[0].upper() != text[0]:
            return
        seen.add(text)
        pools[kind][lang].append({"text": text, "lang": lang, "kind": kind, "source": source,
                                  "provenance": prov})

    for lang_dir, msgid, msgstr, prov in sources.django_messages(cache):
        lang = norm_lang(lang_dir)
        if lang == "en" or msgstr.strip() == msgid.strip():
            continue
        add(msgstr, lang, "ui", "django-wheel:" + prov.split(":", 1)[1])
    for lang_dir in sources.man_languages(cache):
        lang = norm_lang(lang_dir)
        for para, prov in sources.man_paragraphs(cache, lang_dir, max_files=man_files):
            for sent in _SENT_SPLIT.split(para):
                add(sent, lang, "sentence", prov)
    langs = sorted(set(pools["script"]) | {"ru", "uk", "bg", "ar", "fa", "he", "el", "ja", "zh", "ko", "hi",
                                           "th", "ka", "hy", "bn", "ta"})
    for lang, name, prov in sources.babel_endonyms(langs):
        text = name.strip()
        prof = script_profile(text)
        if prof and "Latin" not in prof and text not in seen:
            seen.add(text)
            pools["script"][lang].append({"text": text, "lang": lang, "kind": "script", "source": "endonym",
                                          "provenance": prov})
    return {k: {lang: v for lang, v in sorted(d.items()) if v} for k, d in pools.items()}
