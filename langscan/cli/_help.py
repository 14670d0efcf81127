"""The options every command shares, defined once: same names, plain type names, one example each.

Each help text ends with an example and states its default in words once (typer's own default
display is off, so a default is never shown twice).  Values are checked by ``langscan.options``.
"""

from __future__ import annotations

from typing import Iterable, Optional

import typer

# the readers' STDIN_FORMATS, written out so --help does not import the readers (a test keeps them equal)
STDIN_FORMATS = ("text", "markdown", "html", "jsonl", "json", "csv", "tsv")

EXIT_CODES = """Exit status: 0 nothing found, 1 findings reported, 2 bad usage, bad configuration or an input
that could not be read (the other inputs are still processed)."""


def split(values) -> Optional[tuple]:
    """Repeated and/or comma-separated option values as one tuple (None when not given)."""
    if not values:
        return None
    if isinstance(values, str):
        values = [values]
    out = tuple(v.strip() for item in values for v in item.split(",") if v.strip())
    return out or None


def _o(*names: str, help: str, metavar: Optional[str] = None, default=None):
    return typer.Option(default, *names, help=help, metavar=metavar, show_default=False)


class Opt:
    """Factories for the shared options (a fresh typer.Option each time)."""

    @staticmethod
    def expect():
        return _o("--expect", "-e", metavar="LANGS",
                  help="Language(s) the text should be in: ISO 639-1 or 639-3 codes or English names, comma-separated. "
                       "Default: the config's expect, else en. Example: --expect en,fr")

    @staticmethod
    def sensitivity():
        return _o("--sensitivity", metavar="LEVEL",
                  help="strict (fewer, surer findings), balanced or aggressive. Default: balanced. "
                       "Example: --sensitivity strict")

    @staticmethod
    def threshold():
        return _o("--threshold", metavar="SCORE",
                  help="Minimum score (0 to 1) of a finding; overrides the level's. Example: --threshold 0.9")

    @staticmethod
    def min_length():
        return _o("--min-length", metavar="LETTERS",
                  help="Ignore fragments shorter than this many letters. Example: --min-length 4")

    @staticmethod
    def model():
        return _o("--model", metavar="FILE",
                  help="Another fastText language-ID model (lid.176.bin, GlotLID). Example: --model ~/lid.176.bin")

    @staticmethod
    def field():
        return _o("--field", metavar="NAME",
                  help="JSON/JSONL field(s) holding the text, dotted for nesting; repeat or comma-separate. "
                       "Default: text. Example: --field text --field meta.title")

    @staticmethod
    def column():
        return _o("--column", metavar="NAME",
                  help="CSV/TSV/Parquet column(s) holding the text; repeat or comma-separate. Default: text. "
                       "Example: --column body")

    @staticmethod
    def stdin_format():
        return typer.Option("text", "--stdin-format", metavar="FORMAT", show_default=False,
                            help=f"Format of standard input (-): {', '.join(STDIN_FORMATS)}; compression is "
                                 "detected. Default: text. Example: --stdin-format jsonl")

    @staticmethod
    def include():
        return _o("--include", metavar="GLOB",
                  help="Only read files matching this glob (repeatable). Example: --include '**/*.md'")

    @staticmethod
    def exclude():
        return _o("--exclude", metavar="GLOB",
                  help="Skip files and folders matching this glob (repeatable). Example: --exclude 'vendor/**'")

    @staticmethod
    def config():
        return _o("--config", metavar="FILE",
                  help="Config file to use instead of the nearest .langscan.toml or pyproject.toml "
                       "([tool.langscan]). Example: --config ci/langscan.toml")

    @staticmethod
    def allow():
        return _o("--allow", metavar="TERM",
                  help="A term that is fine (the whole finding, any case; repeatable). Example: --allow Русский")

    @staticmethod
    def allow_file():
        return _o("--allow-file", metavar="FILE",
                  help="File of allowed terms, one a line ('#' comments, 're:' for a regex). "
                       "Example: --allow-file .langscan-allow.txt")

    @staticmethod
    def jobs():
        return _o("--jobs", "-j", metavar="N",
                  help="Worker processes; 0 means one per CPU (small inputs never start workers). Default: 0. "
                       "Example: --jobs 4")


def names(values: Iterable[str]) -> str:
    return ", ".join(values)
