"""The click group of the `langscan` command (imported only when a command runs or help is asked for).

Plain click: its import is a few milliseconds, where typer (which wraps click) also imports pydantic
to coerce every parameter, about a tenth of a second at each start of a pre-commit hook.
"""

from __future__ import annotations

import os
import sys

import click

from .. import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class OutputError(Exception):
    """Writing to standard output or standard error failed (a full disk, a device error)."""

    def __init__(self, stream: str, exc: OSError) -> None:
        super().__init__(f"cannot write to {stream}: {exc.strerror or exc}")
        self.stream = stream


class _Std:
    """sys.stdout or sys.stderr while a command runs: the same stream, except that a failed write
    raises OutputError naming the stream. Without it, `scan > /dev/full` ended in an "unexpected
    failure" naming whichever reporter happened to write, and a failed stderr in a Python
    traceback that could not be printed either (exit 1, which means findings). A closed pipe
    (BrokenPipeError) is let through: the entry point ends such a run quietly."""

    def __init__(self, stream, name: str) -> None:
        self._stream, self._name = stream, name

    def _call(self, method, *args):
        try:
            return method(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(self._name, exc) from None

    def write(self, data):
        return self._call(self._stream.write, data)

    def flush(self) -> None:
        self._call(self._stream.flush)

    @property
    def buffer(self):  # `clean -o -` writes bytes
        return _Std(self._stream.buffer, self._name)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _drop_pending(stream) -> None:
    """Point a stream that failed at /dev/null, so the bytes still in its buffer cannot make the
    flush at exit fail again (Python would then exit 120 whatever the command returned)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        out, err = sys.stdout, sys.stderr
        if out is not None:
            sys.stdout = _Std(out, "standard output")  # type: ignore[assignment]
        if err is not None:
            sys.stderr = _Std(err, "standard error")  # type: ignore[assignment]
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            from . import Interrupted

            raise Interrupted() from None  # (the entry point ends the run with exit code 130)
        except OutputError as exc:
            if exc.stream == "standard output":
                _drop_pending(out)
                try:
                    print(f"langscan {ctx.invoked_subcommand}: error: {exc}", file=err, flush=True)
                except OSError:
                    _drop_pending(err)
            else:  # nowhere left to say it: the exit code does
                _drop_pending(err)
            raise SystemExit(2) from None
        finally:
            sys.stdout, sys.stderr = out, err


@click.group(name="langscan", cls=_Group, context_settings=CONTEXT, no_args_is_help=True,
             epilog="Example: langscan scan corpus/ --expect en")
@click.version_option(__version__, "--version", "-V", prog_name="langscan", message="%(prog)s %(version)s",
                      help="Print the version and exit.")
def app() -> None:
    """Find stray foreign-language fragments in text that should be in one language."""


# Command modules register themselves on `app` when imported.
from . import scan, explain, clean, report, languages  # noqa: E402,F401
