"""`langscan explain`: show every unit the detector looked at and why it was or was not flagged.

It runs the same decision code as `scan` (Detector.explain records the
reasons while deciding), so the two cannot disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command(
    epilog=(
        "Examples:\n\n"
        "  langscan explain page.txt\n\n"
        "  echo 'Alle Rechte vorbehalten.' | langscan explain -\n\n"
        "  langscan explain notes.md --expect en,fr --all"
    )
)
def explain(
    path: str = typer.Argument(..., help="A text file to explain, or '-' to read standard input."),
    expect: str = typer.Option("en", "--expect", "-e", help="Expected language(s), comma-separated ISO codes, e.g. 'en' or 'en,fr'."),
    sensitivity: str = typer.Option("balanced", help="Preset trading recall for precision: strict, balanced or aggressive."),
    threshold: Optional[float] = typer.Option(None, help="Minimum score (0..1) of a finding; default from --sensitivity."),
    min_length: Optional[int] = typer.Option(None, "--min-length", help="Minimum letters in a fragment; default from --sensitivity."),
    model: Optional[str] = typer.Option(None, "--model", help="Path of another fastText language-ID model (e.g. lid.176.bin)."),
    show_all: bool = typer.Option(False, "--all", help="Also show lines the fast screen passed without scoring."),
) -> None:
    """Print each unit of a text with its language guess, score and the reason it was or was not flagged."""
    from ..detector import Detector, DetectorOptions
    from ..document import LineIndex

    try:
        if path == "-":
            raw = sys.stdin.buffer.read()
        else:
            from ..readers.base import open_regular  # a FIFO or device is refused, never read
            with open_regular(path) as fh:
                raw = fh.read()
    except OSError as exc:
        from ..reporters.safe import printable
        typer.echo(f"langscan: error: cannot read {printable(path)}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2)
    text = raw.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        det = Detector(options=DetectorOptions(expect=tuple(x.strip() for x in expect.split(",") if x.strip()),
                                               sensitivity=sensitivity, threshold=threshold,
                                               min_length=min_length, model_path=model))
        units = det.explain(text)
    except (ValueError, RuntimeError) as exc:
        typer.echo(f"langscan: error: {exc}", err=True)
        raise typer.Exit(2)
    index = LineIndex(text)
    shown = 0
    for u in units:
        if u.stage == "screen" and not show_all:
            continue
        line, col = index.locate(u.start)
        mark = "FLAG" if u.flagged else "keep"
        snippet = u.text if len(u.text) <= 70 else u.text[:67] + "..."
        snippet = snippet.replace("\n", "\\n")
        typer.echo(f"{line}:{col}: {mark} {u.stage:<9} {u.lang:<4} {u.score:.2f} \"{snippet}\"\n    {u.reason}")
        shown += 1
    flagged = sum(1 for u in units if u.flagged and u.stage != "screen")
    typer.echo(f"{shown} unit(s) shown, {flagged} flagged; decisions use --expect {expect} --sensitivity {sensitivity}")
