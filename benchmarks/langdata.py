"""Small language facts the corpus builder uses to keep fragments clearly in their language.

Stop-word lists are short, hand-written lists of the commonest function words of each Latin-script language
(general linguistic knowledge); a Latin fragment must contain one of them that is not also an English word,
so names and bare nouns ("Berlin", "Email") never become gold. The script table maps a Unicode script to the
language a bare run of it is labelled with when nothing better is known (only for real page items).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

STOPWORDS = {
    "de": "der die das und ist nicht ein eine zu mit sich auf für von den dem des im wird werden sie kann oder auch nur",
    "fr": "de le la les et est une des du pour pas dans que qui sur avec vous ce cette sont être ou au aux ne",
    "es": "a de el la los las y es una del para que por con no en se su al está son como o más",
    "pt": "a de o os as e é um uma do da dos das para que com não em se por ao está são ou",
    "it": "il lo la gli le e è un una del della per che non con di sono questo questa o nel",
    "nl": "de het een en is van niet dat voor met op zijn te wordt deze kan of er",
    "pl": "i w z na nie się do że jest to jak dla lub od przez są być",
    "cs": "a v se na je to že s z do pro jako nebo není být jsou",
    "sk": "a v sa na je to že s z do pre ako alebo nie sú",
    "tr": "ve bir bu için ile da de değil olarak veya çok daha olan",
    "vi": "và của là có không được các một cho với này trong những để",
    "sv": "och är det att en ett som för med på inte av till kan eller",
    "da": "og er det at en et som for med på ikke af til kan eller",
    "nb": "og er det at en et som for med på ikke av til kan eller",
    "fi": "ja on ei se että tai kun jos tämä ovat voi",
    "hu": "a az és egy nem hogy is van meg vagy csak",
    "ro": "și este nu o un în cu pe de la care pentru sau",
    "id": "dan yang di ke dari ini itu untuk dengan tidak adalah akan",
    "ca": "el la els les i és un una per que amb no de",
    "hr": "i je u na se da za ne su od ili",
    "sl": "in je v na se da za ne so ali",
    "et": "ja on ei et see või kui",
    "lv": "un ir ar no uz par vai",
    "lt": "ir yra su ne kad į iš arba",
}
STOPWORDS = {k: frozenset(v.split()) for k, v in STOPWORDS.items()}

# Common English words (and the computing vocabulary man pages and UI catalogs are full of): a Latin fragment
# with too many of them is not clearly foreign.
ENGLISH = frozenset("""
a an the and or of to in on at by for with from as is are was were be been it its this that these those not no
yes you your we our they their he she his her i me my do does did done can could will would should may might
must have has had if then else when where which who what how all any some more most other into over under out
up down about after before between through during without again also just only than too very so such here there
file files option options user users password name names email address data list page pages item items field
fields value values error errors type types object objects set get new old open close save delete add remove
edit view show hide search home help about contact login logout log sign account settings default mode server
client system program command commands directory path text line lines number size time date version print
output input format image images link links video audio menu next previous back main top bottom left right
pro texinfo info manual django namespace model models tag tags template templates admin bash gzip grub shell subshell filename emit apache make unix linux gnu posix
""".split())

# Latin language-switcher endonyms: page lines holding them are dropped from the English hosts.
LATIN_ENDONYMS = frozenset("""
deutsch español espanol français francais italiano português portugues nederlands polski türkçe turkce
svenska dansk norsk suomi čeština magyar română bahasa tiếng català hrvatski slovenčina srpski
belgië belgique danmark deutschland nederland norge sverige schweiz suisse svizzera österreich polska românia
españa italia magyarország česko türkiye brasil méxico
""".split())

SCRIPT_DEFAULT_LANG = {
    "Cyrillic": "ru", "Arabic": "ar", "Hebrew": "he", "Greek": "el", "Han": "zh", "Hiragana": "ja",
    "Katakana": "ja", "Hangul": "ko", "Devanagari": "hi", "Thai": "th", "Georgian": "ka", "Armenian": "hy",
    "Bengali": "bn", "Tamil": "ta", "Telugu": "te", "Gujarati": "gu", "Gurmukhi": "pa", "Kannada": "kn",
    "Malayalam": "ml", "Sinhala": "si", "Khmer": "km", "Myanmar": "my", "Ethiopic": "am", "Lao": "lo",
}

_NAME_TO_SCRIPT = {
    "CJK": "Han", "HIRAGANA": "Hiragana", "KATAKANA": "Katakana", "HANGUL": "Hangul", "CYRILLIC": "Cyrillic",
    "ARABIC": "Arabic", "HEBREW": "Hebrew", "GREEK": "Greek", "DEVANAGARI": "Devanagari", "THAI": "Thai",
    "GEORGIAN": "Georgian", "ARMENIAN": "Armenian", "BENGALI": "Bengali", "TAMIL": "Tamil", "TELUGU": "Telugu",
    "GUJARATI": "Gujarati", "GURMUKHI": "Gurmukhi", "KANNADA": "Kannada", "MALAYALAM": "Malayalam",
    "SINHALA": "Sinhala", "KHMER": "Khmer", "MYANMAR": "Myanmar", "ETHIOPIC": "Ethiopic", "LAO": "Lao",
    "LATIN": "Latin", "FULLWIDTH": "Common",
}


@lru_cache(maxsize=65536)
def script_of(ch: str) -> str:
    """Unicode script of a letter (coarse, from its character name); non-letters give "Common"."""
    if not unicodedata.category(ch).startswith("L"):
        return "Common"  # marks inherit their base letter's script; symbols and digits are shared
    o = ord(ch)
    if o < 0x250 or 0x1E00 <= o <= 0x1EFF or 0x2C60 <= o <= 0x2C7F or 0xA720 <= o <= 0xA7FF:
        return "Latin"
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first == "HALFWIDTH":
        first = name.split(" ", 2)[1]
    return _NAME_TO_SCRIPT.get(first, first.title() if first else "Common")


# Cyrillic and Greek letters that look like Latin ones (the homoglyph alphabet).
LOOKALIKES = frozenset("аеорсхуіѕјӏԁԛԝһАВЕКМНОРСТХУІЅЈΑΒΕΖΗΙΚΜΝΟΡΤΥΧοκνυ")


def words(text: str):
    """(start, end) of runs of letters and combining marks (so Devanagari vowel signs stay in their word)."""
    start = None
    for i, ch in enumerate(text):
        if unicodedata.category(ch)[0] in "LM":
            if start is None:
                start = i
        elif start is not None:
            yield start, i
            start = None
    if start is not None:
        yield start, len(text)


def script_profile(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for ch in text:
        s = script_of(ch)
        if s != "Common":
            out[s] = out.get(s, 0) + 1
    return out


_SAME = {"sh": "hbs", "hr": "hbs", "sr": "hbs", "bs": "hbs"}  # Serbo-Croatian: fastText's "sh" covers all


def same_lang(a: str, b: str) -> bool:
    a, b = norm_lang(a), norm_lang(b)
    return a == b or _SAME.get(a, a) == _SAME.get(b, b)


def norm_lang(code: str) -> str:
    """Base ISO 639 code: zh_Hans -> zh, pt_BR -> pt, sr_Latn -> sr, nn/no -> nb."""
    base = code.replace("-", "_").split("_")[0].lower()
    return {"nn": "nb", "no": "nb", "iw": "he", "in": "id", "ji": "yi"}.get(base, base)
