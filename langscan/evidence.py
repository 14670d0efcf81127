"""Evidence that a span of Latin text is (or is not) in the expected language.

Guards that protect real English: loanwords and Latin tags that English uses
as its own, tokens that are names (capitalised inside a sentence), acronyms,
and things that are not words at all (URLs, e-mail addresses, handles,
hashtags, code, numbers).  Each is a fact about one token; ``detector``
combines them in one place.
"""

from __future__ import annotations

import re

# Loanwords and Latin tags used in English running text: they are English here.
LOANWORDS: frozenset[str] = frozenset(
    """
    déjà vu deja coup d'état d'etat état etat per se et al al etc status quo ad hoc hominem nauseam infinitum
    résumé resume bona fide vice versa la carte raison d'être d'etre fait accompli joie de vivre savoir faire
    laissez faire femme fatale tête-à-tête tete vis-à-vis vis pièce résistance cause célèbre celebre je ne sais
    quoi c'est vie bon appétit appetit voyage carte blanche en route masse avant garde avant-garde nouveau riche
    force majeure mea culpa persona non grata quid pro quo bono de facto jure alma mater magnum opus modus
    operandi sequitur post mortem prima facie sine qua terra firma verbatim zeitgeist schadenfreude wanderlust
    kindergarten angst doppelgänger doppelganger gesundheit über uber fiesta siesta hasta vista mañana manana
    piñata aficionado aficionados rendezvous rendez-vous vous soirée soiree entrée entree protégé protege café
    cafe naïve naive fiancé fiancée fiance fiancee cliché cliche décor decor débâcle debacle façade facade
    touché touche hors d'oeuvre d'oeuvres oeuvre tour de force détente detente genre ennui élan elan chargé
    d'affaires affaires attaché attache exposé expose née nee papier-mâché mâché crème brûlée creme brulee
    la mode à vis-a-vis au lait olé bon mot mots haute couture cuisine ciao bravo brava adieu amigo hombre señor senor señora senora signor signora
    sayonara arigato kaput realpolitik weltanschauung gestalt leitmotif wunderkind ersatz kitsch poltergeist
    vox populi habeas corpus alibi alias ergo ipso inter alia sic passim ibid idem op cit viz cf vs
    summa cum laude magna honoris causa curriculum vitae anno domini circa versus veni vidi vici carpe diem
    e pluribus unum semper fidelis annus horribilis mirabilis terra incognita sui generis pro forma
    rigor tempore tempus fugit memento mori ante bellum antebellum a priori posteriori priori posteriori
    """.split()
)

# Lowercase particles inside personal names ("Miquel van Smoorenburg", "Sveinn í Felli"): not evidence.
NAME_PARTICLES: frozenset[str] = frozenset(
    "van von vom zu zum der den ter ten de da di do dos das del della degli la le du des al el bin ibn ben "
    "bint abu y e i í och und af av".split()
)

# Things that are not words of any language: they are masked before tokens are read.
# A whitespace-separated chunk that may hold a non-word: a cheap test first, the full rules after.
_MAYBE = re.compile(r"[\d@#`/\\_=<>{}\[\]~^$*:.|]")
_NOT_WORDS = re.compile(
    r"""
      (?:https?|ftp)://\S+            # URLs
    | www\.\S+
    | [\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|co|uk|de|fr|es|it|ru|nl|br|jp|cn|in|info|biz|tv|me|ly|us|ca|au|eu|ch|at|pl|se|no|dk|fi|pt|be|cz|ai|app|dev)\b  # domains
    | [\w.+-]+@[\w-]+\.[\w.-]+        # e-mail addresses
    | (?<!\w)[@#][\w-]+               # handles and hashtags
    | `[^`\n]*`?                      # inline code
    | [^\s\\/_=<>{}\[\]~^$*]*[\\/_=<>{}\[\]~^$*]  # paths, identifiers, markup (a/b, foo_bar, x=y): up to the sign
    | [^\s\d]*\d\S*                   # anything with a digit: numbers, units, model names (MQ-9, TOS-1)
    """,
    re.VERBOSE,
)
_CHUNK = re.compile(r"\S+")


def _blank(m: "re.Match[str]") -> str:
    return " " * (m.end() - m.start())


_CODE_SIGNS = re.compile(r"[_\\={}~^$*|]|\w\.[a-z0-9]{1,4}$|\w\.[a-z0-9]{1,4}\W*$"  # identifiers, file names (siv-cmac.c)
                         r"|^[a-z]\w*(?:\.[a-z]\w*)+\W*$")  # a dotted name, "player.setav", "os.path.join"
_CAPTION_TAIL = re.compile(r"/([A-ZÀ-Þ][^/\s]*)$")
_BRACKETED = re.compile(r"<[^<>\n]{0,120}>")  # <e-mail at example dot org>, <tags>


def _mask_chunk(m: "re.Match[str]") -> str:
    chunk = m.group()
    if _MAYBE.search(chunk) is None:
        return chunk
    if _CODE_SIGNS.search(chunk):
        return " " * len(chunk)  # identifiers, paths with underscores, markup: no word in it is language
    if "/" in chunk and "://" not in chunk:
        tail = _CAPTION_TAIL.search(chunk)
        if tail is None:
            return " " * len(chunk)  # a path such as src/main/java
        # "youtube/Este": the site is not language, the caption glued after it is
        return " " * tail.start(1) + _NOT_WORDS.sub(_blank, tail.group(1))
    return _NOT_WORDS.sub(_blank, chunk)


def mask_non_words(line: str) -> str:
    """The line with URLs, e-mails, handles, code and numbers replaced by spaces.

    Lengths are kept, so token offsets stay true to the original line.  The
    rules run per whitespace-separated chunk, and only on chunks holding a
    digit or a sign that non-words use, so the cost stays linear.
    """
    if _MAYBE.search(line) is None and "<" not in line:
        return line
    if "<" in line:
        line = _BRACKETED.sub(_blank, line)
    return _CHUNK.sub(_mask_chunk, line)


def token_case(token: str) -> str:
    """'lower', 'title', 'upper' or 'mixed' — capitalisation is evidence of names and acronyms."""
    if token.islower():
        return "lower"
    if token.isupper():
        return "upper" if len(token) > 1 else "title"
    if token[0].isupper() and token[1:].islower():
        return "title"
    return "mixed"
