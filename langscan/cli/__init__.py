"""The `langscan` command line: a thin typer app.

Each command lives in its own module (scan, explain, clean, report) and only
parses options, calls the library and prints; no detection logic lives here.
"""

from __future__ import annotations

import typer

from .. import __version__

app = typer.Typer(
    name="langscan",
    help=(
        "Find stray foreign-language fragments in text that should be in one language.\n\n"
        "Example: langscan scan corpus/ --expect en"
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"langscan {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Find stray foreign-language fragments in text that should be in one language."""


# Command modules register themselves on `app` when imported.
from . import scan, explain, clean, report  # noqa: E402,F401


def main() -> None:
    """Console-script entry point.

    The last line of defence: whatever escapes a command (a bug, an input nobody foresaw)
    becomes one line on stderr and exit code 2, never a Python traceback.  Output that cannot
    be encoded for the terminal is escaped instead of failing, and a closed pipe
    (``langscan scan ... | head``) ends the run quietly.
    """
    import sys

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("langscan: interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except BrokenPipeError:
        import os

        try:  # the reader went away: nothing more to say, and nothing to flush at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        raise SystemExit(141) from None
    except MemoryError:
        print("langscan: error: out of memory (a line, record or file too large to hold; see docs/bad-input.md)",
              file=sys.stderr)
        raise SystemExit(2) from None
    except Exception as exc:  # noqa: BLE001 - the documented last resort
        from ..reporters.safe import printable

        where = ""
        tb = exc.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        if tb is not None:
            where = f" at {tb.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}"
        print(f"langscan: error: {type(exc).__name__}: {printable(str(exc))[:300]} (an unexpected failure{where}; "
              "please report it)", file=sys.stderr)
        raise SystemExit(2) from None
