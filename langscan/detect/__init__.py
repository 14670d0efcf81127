"""The detector's stages, one decision each, from text to candidate spans.

``langscan.detector.Detector.scan`` runs them in this order::

    text ─► script_stage   foreign-script runs and homoglyph words     (script_stage.py)
         ─► LatinStage     Latin-script text in another language       (latin_stage.py)
         ─► merge          same-language Latin neighbours joined       (latin_stage.merge_latin)
         ─► document_stage the whole text foreign?                     (document_stage.py)
         ─► Finding        threshold and kinds applied                 (langscan/detector.py)

Shared pieces: ``text`` (lines, units, words as offsets), ``candidate``
(the ``Candidate`` type), ``tuning`` (every threshold, named once),
``setup`` (resolved options and resources), ``trace`` (what explain prints).
"""
