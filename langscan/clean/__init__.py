"""Acting on findings: strip, mask, drop lines or drop records, safely.

``core.apply`` is the pure text transformation; ``formats``/``parquet`` rewrite
one file format each without touching anything else; ``atomic`` makes every
write all-or-nothing; ``run`` ties them together for ``langscan clean``.
"""

from .core import DEFAULT_MASK, Action, apply, select
from .rules import Rule, format_rules, match_rules, parse_rules
from .run import CleanOptions, run

__all__ = ["Action", "CleanOptions", "DEFAULT_MASK", "Rule", "apply", "format_rules",
           "match_rules", "parse_rules", "run", "select"]
