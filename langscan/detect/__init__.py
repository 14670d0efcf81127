"""The detector's stages, one decision each, from text to candidate spans.

``langscan.detector.Detector.scan`` runs them in this order::

    text ─► script_stage    foreign-script runs and homoglyph words              (script_stage.py)
         ─► LatinStage      Latin-script text in another language: the screen    (latin_stage.py)
                            · language menus from CLDR endonyms                  (menus.py)
                            · repeated page furniture                            (furniture.py)
                            · quotes, short lines, appended sentences            (short_units.py)
                            · whole foreign sentences                            (whole_units.py)
                            · word evidence, spans proposed and decided          (word_evidence.py)
                            · words no lexicon explains, Viterbi-segmented       (unknown_words.py,
                                                                                  segmentation.py)
                            · names of works, titles, glosses set aside          (intended.py)
                            · lingua for every Latin-script language, lazily     (lingua_evidence.py)
         ─► merge + menus   same-language neighbours joined, menu rows whole     (latin_stage, menus)
         ─► tidy            whole words, brackets, no whitespace, no overlaps    (resolve.py)
         ─► document_stage  the whole text foreign?                              (document_stage.py)
         ─► context         menu, boilerplate, caption, quote, gloss, body       (context.py)
         ─► calibrate       raw score -> probability of being right              (calibration.py)
         ─► Finding                                                              (langscan/detector.py)

Shared pieces: ``latin_common`` (tokens, proposals, lexicon and lingua look-ups), ``text`` (lines, units, words as offsets), ``candidate`` (the ``Candidate`` type),
``tuning`` (every threshold, named once, with what it trades), ``setup`` (resolved options and
resources loaded once per process), ``trace`` (what explain prints; a null trace costs nothing).
"""
