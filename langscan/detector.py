"""Detector: text in, findings out; the stages live in :mod:`langscan.detect`.

``Detector.scan`` first decides a text plainly in another language as one
document finding (``early_document``: its lines are then never read); else it
runs the script stage (foreign writing systems, homoglyph words), the Latin
stage (Latin-script text in another language), merges neighbouring Latin
candidates, lets the document stage decide whether the whole text is foreign,
and turns the surviving candidates into ``Finding`` records.  ``Detector.explain`` runs the same code with a recording trace.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Optional, Sequence

from . import artifacts
from .detect import context
from .detect.calibration import calibrate
from .detect.candidate import Candidate
from .detect.menus import complete_menus
from .detect.resolve import tidy
from .detect.document_stage import document_stage, early_document
from .detect.latin_stage import LatinStage, Taken, merge_latin
from .detect.screen import fold_words
from .detect.script_stage import script_stage
from .detect.setup import Setup
from .detect.trace import NULL_TRACE, Trace, Unit
from .detect.tuning import ALL_KINDS, SENSITIVITY
from .document import LineIndex
from .finding import Finding
from .languages import name_of

__all__ = ["ALL_KINDS", "SENSITIVITY", "Detector", "DetectorOptions", "Unit", "scan_text"]


@dataclass(frozen=True)
class DetectorOptions:
    """Settings of a Detector; frozen and picklable so worker processes can rebuild it."""

    expect: tuple[str, ...] = ("en",)
    sensitivity: str = "balanced"
    threshold: Optional[float] = None
    min_length: Optional[int] = None
    model_path: Optional[str] = None
    kinds: tuple[str, ...] = ALL_KINDS
    # text about a language (a foreign term with its translation, an example discussed in the text) is
    # found with context "gloss" and reported only when this is true
    report_glosses: bool = False
    # scores are calibrated on dev data (models/calibration.json): a score of 0.8 is right about 80 % of
    # the time; False keeps the stages' raw scores (for fitting the table)
    calibrated: bool = True

    def __post_init__(self) -> None:
        from .options import languages  # one parser for every entry point: codes, 639-3 and names checked

        if not self.expect:
            raise ValueError("expect: at least one language code is needed, e.g. 'en'")
        object.__setattr__(self, "expect", languages(self.expect, "expect"))
        if self.sensitivity not in SENSITIVITY:
            raise ValueError(f"sensitivity must be one of {', '.join(SENSITIVITY)}, not {self.sensitivity!r}")
        if self.threshold is not None and not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {self.threshold}")
        if self.min_length is not None and self.min_length < 1:
            raise ValueError(f"min_length must be at least 1, not {self.min_length}")
        bad = [k for k in self.kinds if k not in ALL_KINDS]
        if bad:
            raise ValueError(f"unknown kind(s) {', '.join(bad)}; known: {', '.join(ALL_KINDS)}")


class Detector:
    """Finds foreign fragments in text expected to be in ``expect`` languages.

    Building one is cheap; the model and lexicons load on first use, once per
    process, and are shared by every Detector.  ``scan`` is a pure function of
    its text (a bounded cache of scored lines only saves time), so one Detector
    may serve many threads.
    """

    def __init__(
        self,
        expect: Sequence[str] | str = ("en",),
        *,
        sensitivity: str = "balanced",
        threshold: Optional[float] = None,
        min_length: Optional[int] = None,
        model_path: Optional[str] = None,
        kinds: Sequence[str] = ALL_KINDS,
        options: Optional[DetectorOptions] = None,
    ) -> None:
        if options is None:
            if isinstance(expect, str):
                expect = tuple(x.strip() for x in expect.split(",") if x.strip())
            options = DetectorOptions(
                expect=tuple(expect), sensitivity=sensitivity, threshold=threshold,
                min_length=min_length, model_path=model_path, kinds=tuple(kinds),
            )
        self.options = options
        self._setup = Setup(options)
        self._latin = LatinStage(self._setup)
        self.threshold = self._setup.threshold
        self.min_length = self._setup.min_length
        self.expect = options.expect
        self.expected_scripts = self._setup.expected_scripts

    @classmethod
    def from_options(cls, options: DetectorOptions) -> "Detector":
        return cls(options=options)

    def scan(self, text: str) -> list[Finding]:
        """Findings in ``text``, sorted by start offset."""
        return self._scan(text, NULL_TRACE)

    def explain(self, text: str) -> list[Unit]:
        """Every unit looked at, with its language guess, score and the reason for the decision."""
        trace = Trace()
        self._scan(text, trace)
        return trace.sorted()

    def _scan(self, text: str, trace, want_raw: bool = False) -> list[Finding]:
        if not isinstance(text, str):
            raise TypeError(f"scan() needs a str, not {type(text).__name__}")
        if not text or text.isspace():
            return []
        setup = self._setup
        setup.prepare()
        folded_words = None
        if setup.latin_expected and "document" in self.options.kinds:
            # a text plainly in another language is one document finding: decided first, so its lines are
            # never read one by one (findings never overlap a document finding)
            folded_words = fold_words(text, setup.screen)
            doc = early_document(setup, text, len(folded_words[1]), len(folded_words[2]), trace)
            # a text that may hold mis-decoded runs takes the full path: its document finding carries their repair
            if doc is not None and not ("mojibake" in self.options.kinds and artifacts.may_hold_mojibake(text)):
                return self._finish(text, [doc], trace, want_raw)
        cands: list[Candidate] = []
        # issue 13 (langscan/artifacts.py): look-alike words and mojibake, stages of their own; they replace
        # the script spans they overlap and take no part in the whole-document decision
        extra = artifacts.candidates(text, self.expect, setup.predict, self.options.kinds, trace)
        if not (text.isascii() and setup.latin_expected):
            cands.extend(script_stage(setup, text, trace))
        cands = artifacts.merge_candidates(cands, extra, trace)
        if setup.latin_expected:
            taken = Taken(sorted((c.start, c.end) for c in cands))
            cands.extend(self._latin.run(text, trace, taken, folded_words))
        cands.sort(key=lambda c: c.start)
        # menu rows are completed before neighbouring candidates merge: a UI line merged into the row's first
        # items would take them off the row's line ("Aviso de Privacidad" over "Inicio | Noticias | Deportes")
        cands = complete_menus(setup, text, cands)
        cands = merge_latin(text, cands)
        cands = tidy(text, cands, setup.known)
        # a language menu names languages; it says nothing about the language of the page's prose
        doc = document_stage(setup, text, [c for c in artifacts.foreign_evidence(cands, setup.is_expected)
                                           if c.context != "menu"], trace)
        if doc is not None:
            # findings never overlap: the page is one finding, which carries the repair of its mis-decoded runs
            cands = artifacts.absorb_mojibake(text, doc, cands, trace)
        return self._finish(text, cands, trace, want_raw)

    def _finish(self, text: str, cands: list[Candidate], trace, want_raw: bool) -> list[Finding]:
        """Threshold, context, calibration and the Finding records of the surviving candidates."""
        setup = self._setup
        kinds = self.options.kinds
        cands = [c for c in cands if c.kind.value in kinds and c.score >= self.threshold]
        context.assign(setup, text, cands)  # only for what will be reported
        if not self.options.report_glosses:
            cands = [c for c in cands if c.context != "gloss"]
        raw = [c.score for c in cands]
        if self.options.calibrated:
            for c in cands:
                c.score = calibrate(c.kind.value, c.context, c.score)
            keep = [k for k, c in enumerate(cands) if c.score >= self.threshold]
            cands, raw = [cands[k] for k in keep], [raw[k] for k in keep]
        found = self._findings(text, cands)
        if want_raw:
            return list(zip(found, raw))  # type: ignore[return-value]
        return found

    def scan_raw(self, text: str) -> list[tuple[Finding, float]]:
        """(finding, raw stage score) pairs: what ``tools/fit_calibration.py`` fits the table on."""
        return self._scan(text, NULL_TRACE, want_raw=True)  # type: ignore[return-value]

    def _findings(self, text: str, cands: list[Candidate]) -> list[Finding]:
        where = _line_columns(text, [c.start for c in cands]) if cands else {}
        out = []
        for c in cands:
            line, col = where[c.start]
            out.append(Finding(kind=c.kind, start=c.start, end=c.end, line=line, column=col,
                               text=text[c.start:c.end], lang=c.lang, lang_name=name_of(c.lang),
                               script=c.script, score=round(c.score, 4), detail=c.detail, chars=c.chars,
                               context=c.context, repair=artifacts.repair_of(text, c)))
        return out


def _line_columns(text: str, offsets: list[int]) -> dict[int, tuple[int, int]]:
    """offset -> 1-based (line, column), as ``LineIndex(text).locate`` gives them. A text whose lines end at
    "\\n" only is not indexed whole (a list of every line start, for the few findings of a long text): the
    line breaks before each offset are counted from the previous one, in C."""
    if "\r" in text:  # (a lone "\r" ends a line too: the index knows how)
        index = LineIndex(text)
        return {o: index.locate(o) for o in offsets}
    out: dict[int, tuple[int, int]] = {}
    line, pos, last_break = 1, 0, -1
    for o in sorted(set(offsets)):
        k = text.count("\n", pos, o)
        if k:
            line += k
            last_break = text.rfind("\n", pos, o)
        out[o] = (line, o - last_break)  # (the column counts from the character after the last break)
        pos = o
    return out


_default_lock = threading.Lock()
_default: dict[tuple, Detector] = {}


def scan_text(text: str, expect: Sequence[str] | str = ("en",), **kwargs) -> list[Finding]:
    """Scan one text with a shared Detector for these settings (convenience for notebooks)."""
    if isinstance(expect, str):
        expect = tuple(x.strip() for x in expect.split(",") if x.strip())
    key = (tuple(expect), tuple(sorted(kwargs.items())))
    with _default_lock:
        det = _default.get(key)
        if det is None:
            det = _default[key] = Detector(expect=tuple(expect), **kwargs)
    return det.scan(text)
