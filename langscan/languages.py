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
    "mul": "Multiple languages",  # a whole language menu (ISO 639-2 "mul")
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


# Common characters that exist only in simplified Chinese (Japanese and traditional Chinese write
# other forms: 读/読/讀, 这/這, 门/門...). One of them settles a short Han run the model is unsure of.
SIMPLIFIED_ONLY: frozenset[str] = frozenset(
    "阅读们这说时为对发现经动关长开问间点业东车实电见过进题应机体报还头书学记话语请让员场样级类网页闻简"
    "与条视频览购买卖设计总统区华务广专产图论传边号选编辑评线内联系万亿龙马鸟鱼访问谢乐热门导航历软件"
    "载户帐复轮节尔欢迎稿评论载们爱听说写认识该险贵钱铁银错钟锁闭间阅陈陆随隐难顺须顾领风飞饭馆驾验"
    "鲜齐齿亲仅从众优伤伦侧儿兰关兴养兽冲决况冻净减凤刘则刚创删别剧劝办务动劳势勋区医单卫厅历压厌县"
    "参双发变叙叶号叹后吓吗启员响哑团园围图圣场块坚坛坏垄墙壮声处备复够头夹夺奋奖妆妇妈娱婴孙宁宝实"
    "宠审宪宫对寻导寿将尔尘尝层属岁岂岛峡币师帐帘带帮干并广庄庆库应庙废开异弃张弹强归录彻征径恋恶惊"
    "惯愿戏战户扑执扩扫扬扰抚抛护报担拟拥拦择挂挡挣挤挥损换据掷揽搀摄摆摇撑无旧时显晋晒晓晕暂术机杀"
    "杂权条来杨极构枪柜栋栏树样档桥梦检楼横欢欧岁残毁毕气汇汉汤沟没泪泽洁洒浅测济浑浓涛涨润涩渊渐渔"
    "温湾湿满滚滞滤滥灭灯灵灾炉点炼烂热焕爷牵犹独狮猎猫献环现玛电画畅疗疯痒盐监盖盘眯着矿码砖础确"
    "礼祸离种积称稳穷窍竞笔筑签简粮纠红纪约级纯纳纵纷纸纹纺线练组细织终绍经结绕绘给络绝统继绩续绳维"
    "绵综绿缓编缘缩缴网罗罚罢羡习聪肃肠肤肿胀胁胜脑脚脱脸腊舆舰艰艺节芦苏苹范茧荐荣药莱获营萧萨蓝蔼"
)
