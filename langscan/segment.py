"""Moved to :mod:`langscan.detect.text`; kept so old imports work."""

from .detect.text import MAX_UNIT, lines, trim, units  # noqa: F401
