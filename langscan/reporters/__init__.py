"""Reporters: one module per output format, chosen with ``--format``.

text (default, for people), json, jsonl (one object a finding: the stable
contract), sarif (GitHub code scanning), github (workflow annotations), csv.
"""

from __future__ import annotations

from importlib import import_module
from typing import TextIO

from .base import Hit, Reporter, Stats, message

FORMATS = {
    "text": ("text", "TextReporter"),
    "json": ("jsonfmt", "JsonReporter"),
    "jsonl": ("jsonfmt", "JsonlReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "github": ("github", "GithubReporter"),
    "csv": ("csvfmt", "CsvReporter"),
}

__all__ = ["FORMATS", "Hit", "Reporter", "Stats", "make_reporter", "message"]


def make_reporter(fmt: str, out: TextIO, err: TextIO, **kw) -> Reporter:
    """The reporter for ``fmt`` (one of FORMATS)."""
    module, cls = FORMATS[fmt]
    return getattr(import_module(f"{__name__}.{module}"), cls)(out, err, **kw)
