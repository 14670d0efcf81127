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
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    # The last line of defence: whatever escapes a command (a bug, an input nobody foresaw) becomes one
    # line on stderr and exit code 2, never a Python traceback; a closed pipe ends the run quietly.
    try:
        from ._app import app

        app()
    except SystemExit as done:
        _end(done)
    except (KeyboardInterrupt, Interrupted):
        print("langscan: interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except BrokenPipeError:
        import os

        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        raise SystemExit(141) from None
    except _langscan_error() as exc:  # raised on purpose (a model that will not load...): its message says it all
        from ..reporters.safe import printable

        command = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in _COMMANDS else ""
        print(f"langscan{' ' + command if command else ''}: error: {printable(str(exc))}", file=sys.stderr)
        raise SystemExit(2) from None
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


_COMMANDS = ("scan", "explain", "clean", "report", "languages")


class Interrupted(Exception):
    """Ctrl-C while a command ran, outside the command's own handling of it (loading the model, reading the
    options). Raised in place of KeyboardInterrupt, which click would turn into "Aborted!" and exit code 1,
    the code that means findings."""


def _langscan_error() -> type:
    from ..options import LangscanError

    return LangscanError


def _end(done: SystemExit) -> None:
    """End the process once the command is over, without tearing down what it loaded.

    Python's own exit walks and frees every object (the word sets alone are several hundred thousand
    strings): about a quarter of a small run's time, for memory the system reclaims anyway. So when
    the command has finished and no other thread is running, the output is flushed, the exit handlers
    run, and the process ends there. Anything unusual (threads still running, output that cannot be
    flushed) takes Python's normal exit instead."""
    import threading

    code = done.code
    if not isinstance(code, (int, type(None))) or threading.active_count() > 1:
        raise done
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001 - a closed pipe and the like: let the normal exit report it
        raise done from None
    import atexit
    import os

    atexit._run_exitfuncs()
    os._exit(code or 0)


def __getattr__(name: str):
    if name == "app":
        from ._app import app

        return app
    raise AttributeError(f"module 'langscan.cli' has no attribute {name!r}")
