"""Real web pages with hand-written gold labels of their stray foreign fragments, and the harness that scores
langscan and the anchors (CLD2, fastText, langdetect, lingua) on them. See ``evaluate.py`` and
``docs/realpages.md``; the label format and conventions are in ``labels/README.md``.

``LANGSCAN_SRC=/path/to/checkout`` makes the harness import ``langscan`` from that checkout (for example a
sibling worktree with a new detector) while the harness and labels come from this one; it must be set before
the first import of this package.
"""
import os as _os
import sys as _sys

_src = _os.environ.get("LANGSCAN_SRC")
if _src and "langscan" not in _sys.modules:
    _sys.path.insert(0, _os.path.abspath(_src))
