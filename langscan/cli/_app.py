"""The click group of the `langscan` command (imported only when a command runs or help is asked for).

Plain click: its import is a few milliseconds, where typer (which wraps click) also imports pydantic
to coerce every parameter, about a tenth of a second at each start of a pre-commit hook.
"""

from __future__ import annotations

import click

from .. import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(name="langscan", context_settings=CONTEXT, no_args_is_help=True,
             epilog="Example: langscan scan corpus/ --expect en")
@click.version_option(__version__, "--version", "-V", prog_name="langscan", message="%(prog)s %(version)s",
                      help="Print the version and exit.")
def app() -> None:
    """Find stray foreign-language fragments in text that should be in one language."""


# Command modules register themselves on `app` when imported.
from . import scan, explain, clean, report, languages  # noqa: E402,F401
