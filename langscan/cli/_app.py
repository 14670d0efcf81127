"""The typer app of the `langscan` command (imported only when a command runs or help is asked for)."""

from __future__ import annotations

import typer

from .. import __version__

def _plain_argument_types() -> None:
    """typer prints an argument's Python type beside its name ("PATH <list[str]>"); the name says enough."""
    try:
        from typer.core import TyperArgument

        TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
    except (ImportError, AttributeError):  # pragma: no cover - another typer version: keep its display
        pass


_plain_argument_types()

app = typer.Typer(
    name="langscan",
    help=(
        "Find stray foreign-language fragments in text that should be in one language.\n\n"
        "Example: langscan scan corpus/ --expect en"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain click help: no rich import, no "<list[str]>" type names, [brackets] kept
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"langscan {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Find stray foreign-language fragments in text that should be in one language."""


# Command modules register themselves on `app` when imported.
from . import scan, explain, clean, report, languages  # noqa: E402,F401
