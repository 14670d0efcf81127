"""The `langscan` command line: a thin click app.

Each command lives in its own module (scan, explain, clean, report, languages) and only parses
options, calls the library (``langscan.pipeline``) and prints; no detection logic lives here.
This package's top level stays light: ``langscan --version`` answers before click is imported,
and nothing here loads a model.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        from .. import __version__

        sys.stdout.write(f"langscan {__version__}\n")
        return
    from ._app import app

    app()


def __getattr__(name: str):
    if name == "app":
        from ._app import app

        return app
    raise AttributeError(f"module 'langscan.cli' has no attribute {name!r}")
