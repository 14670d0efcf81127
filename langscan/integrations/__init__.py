"""Adapters that run langscan inside corpus engines (datatrove, Ray Data).

Each engine lives in its own module and imports the engine only there, so
``import langscan`` never needs datatrove or Ray.  What they share is here:
how findings are scanned (through ``langscan.parallel`` so huge documents are
split exactly as the CLI splits them) and how they are summarised on a record.
"""

from __future__ import annotations

from typing import Iterable

from ..detector import DetectorOptions
from ..document import Document
from ..finding import Finding, Kind


def detector_options(expect, sensitivity, threshold, min_length, model_path, options) -> DetectorOptions:
    """The integrations' settings, parsed like the command line's: ``expect="en,fr"``, ``("eng", "French")``
    and ``"en"`` all work, and an unknown language is a ``langscan.UsageError`` naming the nearest codes."""
    if options is not None:
        return options
    from ..options import detector_options as parse

    return parse(expect, sensitivity=sensitivity, threshold=threshold, min_length=min_length, model_path=model_path)


def scan_texts(texts: Iterable[str], options: DetectorOptions) -> list[list[Finding]]:
    """Findings for each text, in this process (the detector is built once per process)."""
    from ..parallel import scan_documents

    return [found for _, found in scan_documents((Document(t) for t in texts), options, jobs=1)]


def finding_record(f: Finding) -> dict:
    """A finding as a flat dict with every key present (columnar engines need one schema)."""
    d = f.to_dict()
    d.setdefault("detail", "")
    d.setdefault("repair", None)
    return d


def summary(findings: list[Finding]) -> dict:
    """What a record gets: the findings, their languages and counts (keys without prefix)."""
    return {
        "count": len(findings),
        "languages": sorted({f.lang for f in findings}),
        "kinds": sorted({f.kind.value for f in findings}),
        "chars": sum(f.end - f.start for f in findings),
        "findings": [finding_record(f) for f in findings],
    }


def strippable(findings: Iterable[Finding]) -> list[Finding]:
    """Findings that name a fragment (a whole-document verdict is for filters, not for cutting)."""
    return [f for f in findings if f.kind != Kind.DOCUMENT]


def strip_text(text: str, findings: list[Finding]) -> str:
    """``text`` cleaned the way ``langscan clean --action strip`` does it: foreign fragments cut
    out with their seams tidied, homoglyph words and mis-decoded words of the expected language repaired
    ("Nаval" -> "Naval", "cafÃ©" -> "café")."""
    from ..clean import Action, apply

    return apply(text, strippable(findings), Action.STRIP)
