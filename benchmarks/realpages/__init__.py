"""Real web pages with hand-written gold labels of their stray foreign fragments, and the harness that scores
langscan and the anchors (CLD2, fastText, langdetect, lingua) on them. See ``evaluate.py`` and
``docs/realpages.md``; the label format is described in ``labels/README.md``."""
