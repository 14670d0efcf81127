"""`langscan languages`: every language code the bundled model knows, with its English name."""

from __future__ import annotations

import click

from ._app import app


@app.command(epilog="\b\nExamples:\n  langscan languages\n  langscan languages | grep -i german")
def languages() -> None:
    """List the language codes --expect and --lang accept (ISO 639-3 codes and English names work too)."""
    from ..options import known_languages

    for code, name in known_languages():
        click.echo(f"{code}\t{name}")
