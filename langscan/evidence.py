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
_MAYBE = re.compile(r"[\d@#`/\\_=<>{}\[\]~^$*:.|]|(?:^|\s)-{1,2}[A-Za-z]|[a-z],[a-z]|[a-z]-[a-z]+-[a-z]|[a-z]\([\w,.]+\)")
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
                         r"|^[a-z]\w*(?:\.[a-z]\w*)+\W*$"  # a dotted name, "player.setav", "os.path.join"
                         r"|^[A-Za-z]\w*(?:\.[a-z]\w*){2,}\W*$"  # ... opening with a capital: "Ctrl.content.status"
                         r"|[a-z]\.[a-zA-Z]\w*\("  # a method call: "document.getElementById("
                         r"|^\.[a-z][a-z0-9]{0,4}\W*$"  # a file name extension: ".pyc", ".gz"
                         r"|\w->\w|\w::\w"  # a member or a path of C, C++, Rust, Perl: "sample->vcpu", "std::vec"
                         r"|^[a-z_]\w*\([\w,.]+\)\W*$")  # a call or a signature: "scale(lauseke)", "sqrt(x),"
_CAPTION_TAIL = re.compile(r"/([A-ZÀ-Þ][^/\s]*)$")
_BRACKETED = re.compile(r"<[^<>\n]{0,120}>")  # <e-mail at example dot org>, <tags>


# a command-line option ("-R", "--keep-going", "--entry=TEXT", "-r,"), and words glued by commas with no space
# after them ("mode,ownership,timestamps": a value list, which prose never writes)
_OPTION = re.compile(r"--?[A-Za-z][\w.-]*(?:=\S*)?[,.;:)]?")
_GLUED_LIST = re.compile(r"[a-z],[a-z]")
# three or more lowercase ASCII words joined by hyphens ("backward-kill-word", "reset-on-fork", "set-timeout-oneshot"):
# a command, key or option name of a program, which manual pages and configuration documents name in any language.
# (Prose writes such chains too, "state-of-the-art", "c'est-à-dire": as one token they are no evidence of a
# language either. A word repeated, "pura-pura-pura", is left to the reader.)
_HYPHEN_NAME = re.compile(r"\(?([a-z][a-z0-9]*(?:-[a-z0-9]+){2,})\)?[,.;:]?\)?")


# A whitespace-free run longer than this is read in slices of this length: the rules' patterns try each place
# of a run (a domain, an address, a path may start anywhere in it) and read on from there, which on one long run
# costs its length squared (a 16 kB token took 18 s). An ASCII run this long is no word of any language (a URL,
# a hash, glued code) and is blanked whole.
LONG_CHUNK = 200


def _mask_chunk(m: "re.Match[str]") -> str:
    chunk = m.group()
    if len(chunk) > LONG_CHUNK:
        if chunk.isascii():
            return " " * len(chunk)
        return "".join(_mask_piece(chunk[k:k + LONG_CHUNK]) for k in range(0, len(chunk), LONG_CHUNK))
    return _mask_piece(chunk)


def _mask_piece(chunk: str) -> str:
    if _MAYBE.search(chunk) is None:
        return chunk
    if _OPTION.fullmatch(chunk) or _GLUED_LIST.search(chunk):
        return " " * len(chunk)
    name = _HYPHEN_NAME.fullmatch(chunk)
    if name is not None and len(set(name.group(1).split("-"))) > 1:
        return " " * len(chunk)
    if _CODE_SIGNS.search(chunk):
        return " " * len(chunk)  # identifiers, paths with underscores, markup: no word in it is language
    if "/" in chunk and "://" not in chunk:
        tail = _CAPTION_TAIL.search(chunk)
        if tail is None:
            return " " * len(chunk)  # a path such as src/main/java
        # "youtube/Este": the site is not language, the caption glued after it is
        return " " * tail.start(1) + _NOT_WORDS.sub(_blank, tail.group(1))
    return _NOT_WORDS.sub(_blank, chunk)


_COMMANDS: tuple[frozenset[str], frozenset[str]] | None = None


def _command_words() -> tuple[frozenset[str], frozenset[str]]:
    """(programs that start a command line, those of them that are everyday words too): ``models/command-words.txt``."""
    global _COMMANDS
    if _COMMANDS is None:
        from .lid import data_rows

        rows = data_rows("command-words.txt")
        _COMMANDS = (frozenset(r[0] for r in rows), frozenset(r[0] for r in rows if r[1:] == ["weak"]))
    return _COMMANDS


# an argument of a command: a flag, a subcommand, a package, a path or an option (lowercase, no prose punctuation)
_ARG = re.compile(r"-{0,2}[a-z0-9][\w./:=@~+-]*|-[A-Za-z]|\.{1,2}/[\w./-]*|~/[\w./-]*")
_CODE_ARG = re.compile(r"^-|[/=]|\.\w")  # what makes an argument code: a flag, a path, an option, a file name
_QUOTED_ARG = re.compile(r"\"[^\"\n]{0,80}\"|'[^'\n]{0,80}'")
_WORD_AT = re.compile(r"[a-z][\w-]*")
COMMAND_MAX_ARGS = 12  # a command line written in prose has at most this many arguments; the rest is prose
COMMAND_PLAIN_ARGS = 3  # ... and, when none of them looks like code (no flag, path or file name), at most this many


def _mask_commands(line: str) -> str:
    """The line with inline command lines ("sudo apt-get install build-essential", "git commit -m 'fix'",
    "import numpy as np") blanked: a program from ``models/command-words.txt`` written in lowercase and the
    arguments after it, up to the first token that is no argument or ends in prose punctuation."""
    programs, weak = _command_words()
    shell = _SHELL_LINE.match(line)
    if shell:  # a command line of its own: its first word is a program, whichever
        program = next(g for g in shell.groups() if g)
        programs, weak = programs | {program}, weak - {program}
    out = line
    for m in _WORD_AT.finditer(line):
        word = m.group()
        if word not in programs or (m.start() > 0 and (line[m.start() - 1].isalnum() or line[m.start() - 1] in "-_./")):
            continue
        pos, end, args, code, ends = m.end(), m.end(), 0, False, []
        while args < COMMAND_MAX_ARGS:
            gap = len(line[pos:]) - len(line[pos:].lstrip(" "))
            if gap == 0 or pos + gap >= len(line):
                break
            start = pos + gap
            q = _QUOTED_ARG.match(line, start) if code else None  # a quoted argument after a flag: -m "fix build"
            a = q or _ARG.match(line, start)
            if a is None or (a.end() < len(line) and not line[a.end()].isspace() and line[a.end()] not in ",.;:!?)"):
                break
            args += 1
            code = code or bool(q) or bool(_CODE_ARG.search(a.group()))
            pos = end = a.end()
            ends.append(end)
            if a.end() < len(line) and line[a.end()] in ",;:!?)" or line[a.end():a.end() + 2].rstrip() == ".":
                break  # prose punctuation ends the command
        if args and not code:
            if word in weak:
                continue
            end = ends[min(args, COMMAND_PLAIN_ARGS) - 1]  # ("npm install typescript eslint": no sign of code)
        if args:
            out = out[:m.start()] + " " * (end - m.start()) + out[end:]
    return out


# The GNU documentation reader asked for a manual: "info '(coreutils) cat invocation'" (a node reference, in any
# language's prose), or "info grep" on a line of its own (a manual page's SEE ALSO section).
_INFO_COMMAND = re.compile(r"(?<![\w'’-])p?info\s+['‘’]\([\w.+-]+\)[^'‘’\n]{0,80}['‘’]|^\s*p?info\s+[a-z][\w.+-]*\s*$")


_PY_IMPORT = re.compile(r"(?<![\w.])(?:from [a-z_][\w.]* import [\w.*]+(?:, [\w.]+)*(?: as [a-z_]\w*)?"
                        r"|import [a-z_][\w.]* as [a-z_]\w{1,5}\b)")


# A line that is a command of its own: after a shell prompt ("$ grep maja tel2", "# ionice -c 2 -n 0 bash"), or a
# lowercase word opening the line with a flag or an option after it ("gunzip -c foo", "chgrp -hR staff /u",
# "wodim dev=1,0 -raw96r"), whatever the
# program: manual pages and READMEs show commands no list of programs holds. (A prompt "#" needs the flag too:
# "# intro" is a Markdown heading.)
_SHELL_LINE = re.compile(r"\s*(?:[•*·]\s+)?(?:(?:\$ +|% +)?([a-z][\w.+-]*) +(?=-{1,2}[A-Za-z]|[\w.-]+=\S)"
                         r"|\$ +([a-z][\w.+-]*) +(?=\S)|# +([a-z][\w.+-]*) +(?=-{1,2}[A-Za-z]))")


def _names_a_program(line: str) -> bool:
    """Does a lowercase word of the line (as ``_mask_commands`` reads them) name a program of
    ``models/command-words.txt``, or is the line a command of its own (``_SHELL_LINE``)? (One regex pass and
    a set test, in C.)"""
    return not _command_words()[0].isdisjoint(_WORD_AT.findall(line)) or _SHELL_LINE.match(line) is not None


def mask_non_words(line: str) -> str:
    """The line with URLs, e-mails, handles, code and numbers replaced by spaces.

    Lengths are kept, so token offsets stay true to the original line.  The
    rules run per whitespace-separated chunk, and only on chunks holding a
    digit or a sign that non-words use, so the cost stays linear.
    """
    command = _names_a_program(line)
    broken = line.rstrip()[-1:] in _BREAK_HYPHENS
    operators = _OPERATOR_GAP.search(line) is not None
    if _MAYBE.search(line) is None and "<" not in line and "import " not in line and "info " not in line \
            and not command and not broken and not operators:
        return line
    if operators and _EXPRESSION.fullmatch(line):
        return " " * len(line)  # an expression: "expr + expr", "var = expr", "a && b"
    if "import " in line:
        line = _PY_IMPORT.sub(_blank, line)
    if "info " in line:
        line = _INFO_COMMAND.sub(_blank, line)
    if command:
        line = _mask_commands(line)
    if "<" in line:
        line = _BRACKETED.sub(_blank, line)
    out = _CHUNK.sub(_mask_chunk, line)
    if broken:
        # the first half of a word a hyphen breaks at the line's end ("par‐" / "allel"): no word of any language
        out = _BROKEN_HALF.sub(_blank, out)
    if _CODE_SIGNS.search(line) and _code_share(line, out) >= (
            CODE_LINE_SHARE_OPERATOR if _CODE_OPERATOR.search(line) else CODE_LINE_SHARE):
        # mostly code ('ctrl.content.status === "published" ? "Contenu publié"'): its string literals and
        # keywords are code too, not a sentence of any language
        return _CHUNK.sub(_blank, out)
    return out


# a line that is an expression: operands joined by operators with spaces around them ("expr + expr", "var <op>=
# expr", "x && y"), which prose never writes as a whole line ("rm - remove files" has words without operators)
# (not "-", "/" or "|": menus and lists separate their items with them, "Contact | World | Kontakt")
_OPERATOR = r"(?:[+*%^]|[=!<>]=?|==|&&|\|\||<\w+>=?)"
_OPERATOR_GAP = re.compile(r"\s" + _OPERATOR + r"\s")
_EXPRESSION = re.compile(r"\s*[\w.()\[\]]+(?:\s+" + _OPERATOR + r"\s+[\w.()\[\]]+)+\s*[;.]?\s*")

_BREAK_HYPHENS = "-\u2010\u00ad"
_BROKEN_HALF = re.compile(r"(?<![\w-])[^\W\d_]+[-\u2010\u00ad]\s*$")

_LINK = re.compile(r"://|^www\.|@")  # (a URL or an e-mail address ending in ".html" is no code)
_CODE_OPERATOR = re.compile(r"===|!==|&&|\|\||=>|\{\{|\}\}")  # operators and template braces no prose writes
CODE_LINE_SHARE_OPERATOR = 0.3  # ... with one of them, a line this much code is code whole ('=== "draft" ? "Draft"')
CODE_LINE_SHARE = 0.5  # a line (or unit) whose characters are this much code is code whole; lower: prose with an identifier lost


def holds_non_words(frag: str) -> bool:
    """Does ``frag`` (a short item: a menu entry, a UI line) hold anything ``mask_non_words`` blanks: a
    command-line option, code, a path, a number, an address? Such an item is no UI string of a language."""
    return mask_non_words(frag) != frag


def is_code_line(line: str) -> bool:
    """Is the whole line code (``mask_non_words`` blanks it by the code-line rule)? Only a line with a sign of
    code is masked to find out: a line of prose answers no at C speed."""
    return _CODE_SIGNS.search(line) is not None and not mask_non_words(line).strip()


def _code_share(line: str, masked: str) -> float:
    """The share of the line's non-space characters blanked as code (identifiers, markup, commands; not URLs,
    e-mail addresses or numbers, which stand in prose)."""
    total = code = 0
    for m in _CHUNK.finditer(line):
        chunk = m.group()
        total += len(chunk)
        if _CODE_SIGNS.search(chunk) and not _LINK.search(chunk) and not masked[m.start():m.end()].strip():
            code += len(chunk)
    return code / total if total else 0.0


def token_case(token: str) -> str:
    """'lower', 'title', 'upper' or 'mixed' — capitalisation is evidence of names and acronyms."""
    if token.islower():
        return "lower"
    if token.isupper():
        return "upper" if len(token) > 1 else "title"
    if token[0].isupper() and token[1:].islower():
        return "title"
    return "mixed"
