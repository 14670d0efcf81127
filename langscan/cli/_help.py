"""The options every command shares, defined once: same names, plain type names, one example each.

Each help text ends with an example and states its default in words once (click shows no default
of its own here).  Values are checked by ``langscan.options``, not by the option parser.
"""

from __future__ import annotations

from typing import Optional

import click

# the readers' STDIN_FORMATS, written out so --help does not import the readers (a test keeps them equal)
STDIN_FORMATS = ("text", "markdown", "html", "jsonl", "json", "csv", "tsv")

EXIT_CODES = """Exit status: 0 nothing found, 1 findings reported, 2 bad usage, bad configuration or an input
that could not be read (the other inputs are still processed)."""


def split(values) -> Optional[tuple]:
    """Repeated and/or comma-separated option values as one tuple (None when not given)."""
    if values is None or (not isinstance(values, str) and not values):
        return None
    if isinstance(values, str):
        values = [values]
    # (given but empty, `--expect ""`: an empty tuple, which the option's check refuses, not None, the default)
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def option(*names: str, help: str, metavar: Optional[str] = None, **kw):
    return click.option(*names, help=help, metavar=metavar, show_default=False, **kw)


def flag(*names: str, help: str):
    return click.option(*names, is_flag=True, default=False, help=help)


def paths_argument(help_text: str):
    """The PATH... argument (click has no argument help: it goes into the command's text)."""
    return click.argument("paths", nargs=-1, metavar="PATH...")


class Opt:
    """Decorators for the shared options."""

    expect = staticmethod(lambda: option(
        "--expect", "-e", metavar="LANGS",
        help="Language(s) the text should be in: ISO 639-1 or 639-3 codes or English names, comma-separated. "
             "Default: the config's expect, else en. Example: --expect en,fr"))
    sensitivity = staticmethod(lambda: option(
        "--sensitivity", metavar="LEVEL",
        help="strict (fewer, surer findings), balanced or aggressive. Default: balanced. Example: --sensitivity strict"))
    threshold = staticmethod(lambda: option(
        "--threshold", metavar="SCORE", type=float,
        help="Minimum score (0 to 1) of a finding; overrides the level's. Example: --threshold 0.9"))
    min_length = staticmethod(lambda: option(
        "--min-length", metavar="LETTERS", type=int,
        help="Ignore fragments shorter than this many letters. Example: --min-length 4"))
    model = staticmethod(lambda: option(
        "--model", metavar="FILE",
        help="Another fastText language-ID model (lid.176.bin, GlotLID). Example: --model ~/lid.176.bin"))
    field = staticmethod(lambda: option(
        "--field", metavar="NAME", multiple=True,
        help="JSON/JSONL field(s) holding the text, dotted for nesting; repeat or comma-separate. "
             "Default: text. Example: --field text --field meta.title"))
    column = staticmethod(lambda: option(
        "--column", metavar="NAME", multiple=True,
        help="CSV/TSV/Parquet column(s) holding the text; repeat or comma-separate. Default: text. "
             "Example: --column body"))
    stdin_format = staticmethod(lambda: option(
        "--stdin-format", metavar="FORMAT", default="text",
        help=f"Format of standard input (-): {', '.join(STDIN_FORMATS)}; compression is detected. "
             "Default: text. Example: --stdin-format jsonl"))
    include = staticmethod(lambda: option(
        "--include", metavar="GLOB", multiple=True,
        help="Only read files matching this glob (repeatable). Example: --include '**/*.md'"))
    exclude = staticmethod(lambda: option(
        "--exclude", metavar="GLOB", multiple=True,
        help="Skip files and folders matching this glob (repeatable). Example: --exclude 'vendor/**'"))
    config = staticmethod(lambda: option(
        "--config", metavar="FILE",
        help="Config file to use instead of the nearest .langscan.toml or pyproject.toml ([tool.langscan]). "
             "Example: --config ci/langscan.toml"))
    allow = staticmethod(lambda: option(
        "--allow", metavar="TERM", multiple=True,
        help="A term that is fine (the whole finding, any case; repeatable). Example: --allow Русский"))
    allow_file = staticmethod(lambda: option(
        "--allow-file", metavar="FILE",
        help="File of allowed terms, one a line ('#' comments, 're:' for a regex). "
             "Example: --allow-file .langscan-allow.txt"))
    jobs = staticmethod(lambda: option(
        "--jobs", "-j", metavar="N", type=int,
        help="Worker processes; 0 means one per CPU (small inputs never start workers). Default: 0. "
             "Example: --jobs 4"))


def shared(*names: str):
    """Apply the shared options ``names`` (in that order in --help)."""
    def deco(f):
        for n in reversed(names):
            f = getattr(Opt, n)()(f)
        return f
    return deco


def fail(command: str, message: str, code: int = 2) -> None:
    """The one error style: ``langscan COMMAND: error: MESSAGE`` on stderr, then exit ``code``."""
    click.echo(f"langscan {command}: error: {message}", err=True)
    raise SystemExit(code)
