"""Language codes, their English names, and the script each is written in.

The codes are those of fastText's lid.176 labels (ISO 639-1 where one
exists, else ISO 639-3).  Names follow the CLDR English names (via the
``langcodes``/``language_data`` packages, looked up once when this table was
written).  The script table says which languages a run of a given script can
be, so a Cyrillic run is labelled Russian, Ukrainian, Bulgarian... but never
German.
"""

from __future__ import annotations

NAMES: dict[str, str] = {
    "af": "Afrikaans", "als": "Tosk Albanian", "am": "Amharic", "an": "Aragonese", "ar": "Arabic",
    "arz": "Egyptian Arabic", "as": "Assamese", "ast": "Asturian", "av": "Avaric", "az": "Azerbaijani",
    "azb": "South Azerbaijani", "ba": "Bashkir", "bar": "Bavarian", "bcl": "Central Bikol", "be": "Belarusian",
    "bg": "Bulgarian", "bh": "Bihari", "bn": "Bangla", "bo": "Tibetan", "bpy": "Bishnupriya", "br": "Breton",
    "bs": "Bosnian", "bxr": "Buriat", "ca": "Catalan", "ce": "Chechen", "ceb": "Cebuano",
    "ckb": "Central Kurdish", "co": "Corsican", "cs": "Czech", "cv": "Chuvash", "cy": "Welsh", "da": "Danish",
    "de": "German", "diq": "Dimli", "dsb": "Lower Sorbian", "dty": "Dotyali", "dv": "Divehi", "el": "Greek",
    "eml": "Emilian-Romagnol", "en": "English", "eo": "Esperanto", "es": "Spanish", "et": "Estonian",
    "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "frr": "Northern Frisian",
    "fy": "Western Frisian", "ga": "Irish", "gd": "Scottish Gaelic", "gl": "Galician", "gn": "Guarani",
    "gom": "Goan Konkani", "gu": "Gujarati", "gv": "Manx", "he": "Hebrew", "hi": "Hindi", "hif": "Fiji Hindi",
    "hr": "Croatian", "hsb": "Upper Sorbian", "ht": "Haitian Creole", "hu": "Hungarian", "hy": "Armenian",
    "ia": "Interlingua", "id": "Indonesian", "ie": "Interlingue", "ilo": "Iloko", "io": "Ido",
    "is": "Icelandic", "it": "Italian", "ja": "Japanese", "jbo": "Lojban", "jv": "Javanese", "ka": "Georgian",
    "kk": "Kazakh", "km": "Khmer", "kn": "Kannada", "ko": "Korean", "krc": "Karachay-Balkar", "ku": "Kurdish",
    "kv": "Komi", "kw": "Cornish", "ky": "Kyrgyz", "la": "Latin", "lb": "Luxembourgish", "lez": "Lezghian",
    "li": "Limburgish", "lmo": "Lombard", "lo": "Lao", "lrc": "Northern Luri", "lt": "Lithuanian",
    "lv": "Latvian", "mai": "Maithili", "mg": "Malagasy", "mhr": "Eastern Mari", "min": "Minangkabau",
    "mk": "Macedonian", "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi", "mrj": "Western Mari",
    "ms": "Malay", "mt": "Maltese", "mwl": "Mirandese", "my": "Burmese", "myv": "Erzya", "mzn": "Mazanderani",
    "nah": "Nahuatl", "nap": "Neapolitan", "nds": "Low German", "ne": "Nepali", "new": "Newari", "nl": "Dutch",
    "nn": "Norwegian Nynorsk", "no": "Norwegian", "oc": "Occitan", "or": "Odia", "os": "Ossetic",
    "pa": "Punjabi", "pam": "Pampanga", "pfl": "Palatine German", "pl": "Polish", "pms": "Piedmontese",
    "pnb": "Western Panjabi", "ps": "Pashto", "pt": "Portuguese", "qu": "Quechua", "rm": "Romansh",
    "ro": "Romanian", "ru": "Russian", "rue": "Rusyn", "sa": "Sanskrit", "sah": "Yakut", "sc": "Sardinian",
    "scn": "Sicilian", "sco": "Scots", "sd": "Sindhi", "sh": "Serbo-Croatian", "si": "Sinhala", "sk": "Slovak",
    "sl": "Slovenian", "so": "Somali", "sq": "Albanian", "sr": "Serbian", "su": "Sundanese", "sv": "Swedish",
    "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "tg": "Tajik", "th": "Thai", "tk": "Turkmen",
    "tl": "Tagalog", "tr": "Turkish", "tt": "Tatar", "tyv": "Tuvinian", "ug": "Uyghur", "uk": "Ukrainian",
    "ur": "Urdu", "uz": "Uzbek", "vec": "Venetian", "vep": "Veps", "vi": "Vietnamese", "vls": "West Flemish",
    "vo": "Volapük", "wa": "Walloon", "war": "Waray", "wuu": "Wu Chinese", "xal": "Kalmyk", "xmf": "Mingrelian",
    "yi": "Yiddish", "yo": "Yoruba", "yue": "Cantonese", "zh": "Chinese", "und": "Undetermined",
}

# Languages written in a script other than Latin (by their usual script in lid.176's training data).
_BY_SCRIPT: dict[str, tuple[str, ...]] = {
    "Cyrillic": ("ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "tg", "mn", "ba", "tt", "cv", "ce", "os",
                 "sah", "av", "krc", "kv", "lez", "mhr", "mrj", "myv", "rue", "tyv", "xal", "bxr"),
    "Arabic": ("ar", "fa", "ur", "ps", "ckb", "sd", "ug", "arz", "azb", "mzn", "pnb", "lrc"),
    "Hebrew": ("he", "yi"),
    "Greek": ("el",),
    "Devanagari": ("hi", "mr", "ne", "sa", "mai", "new", "bh", "gom", "dty"),
    "Bengali": ("bn", "as", "bpy"),
    "Gurmukhi": ("pa",), "Gujarati": ("gu",), "Oriya": ("or",), "Tamil": ("ta",), "Telugu": ("te",),
    "Kannada": ("kn",), "Malayalam": ("ml",), "Sinhala": ("si",), "Thai": ("th",), "Lao": ("lo",),
    "Tibetan": ("bo",), "Myanmar": ("my",), "Georgian": ("ka", "xmf"), "Armenian": ("hy",),
    "Ethiopic": ("am",), "Khmer": ("km",), "Thaana": ("dv",),
    "Han": ("zh", "yue", "wuu", "ja"), "Japanese": ("ja",), "Hiragana": ("ja",), "Katakana": ("ja",),
    "Hangul": ("ko",), "Korean": ("ko",),
}

# The default language of a script when the model offers none of its languages.
DEFAULT_FOR_SCRIPT: dict[str, str] = {s: langs[0] for s, langs in _BY_SCRIPT.items()}

SCRIPT_OF_LANG: dict[str, str] = {}
for _script, _langs in _BY_SCRIPT.items():
    for _lang in _langs:
        SCRIPT_OF_LANG.setdefault(_lang, _script)
SCRIPT_OF_LANG["ja"] = "Japanese"
SCRIPT_OF_LANG["ko"] = "Hangul"

# Languages the model confuses with each other; a finding is not "wrong language" between them.
FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"es", "gl", "ast", "an", "ca", "pt", "mwl"}),
    frozenset({"no", "nn", "da", "sv"}),
    frozenset({"cs", "sk"}),
    frozenset({"hr", "sr", "bs", "sh"}),
    frozenset({"id", "ms", "min", "jv", "su"}),
    frozenset({"nl", "af", "li", "vls", "fy"}),
    frozenset({"de", "bar", "lb", "nds", "pfl", "als"}),
    frozenset({"it", "vec", "lmo", "nap", "scn", "pms", "eml", "co", "sc"}),
    frozenset({"fr", "wa", "oc", "br"}),
    frozenset({"ru", "uk", "be", "rue", "bg", "mk"}),
)


def name_of(lang: str) -> str:
    """English name of a language code ("und" when unknown)."""
    return NAMES.get(lang, lang)


def script_of_lang(lang: str) -> str:
    """The usual ISO 15924 script name of a language (Latin when not listed)."""
    return SCRIPT_OF_LANG.get(lang, "Latin")


def languages_of_script(script: str) -> tuple[str, ...]:
    """Languages that a run of ``script`` may be written in."""
    return _BY_SCRIPT.get(script, ())


def same_family(a: str, b: str) -> bool:
    """True when two codes are the same language or ones the model confuses."""
    if a == b:
        return True
    return any(a in fam and b in fam for fam in FAMILIES)
