"""langscan as datatrove pipeline steps (extra: ``pip install "langscan[datatrove]"``).

* ``LangscanFilter`` drops documents with findings or, with ``label_only=True``,
  keeps every document and annotates ``doc.metadata``.
* ``LangscanStripper`` removes the fragments from ``doc.text``.

Both are ordinary datatrove steps, so they run under its Local, Slurm and Ray
executors.  They are pickled to the workers with only their DetectorOptions;
each worker process builds the Detector once, on first use.

Metadata written (``prefix`` defaults to "langscan_"): ``<prefix>count``,
``<prefix>languages``, ``<prefix>kinds``, ``<prefix>chars`` (characters
flagged) and ``<prefix>findings`` (the JSON contract of each finding, with
``detail`` always present, ``repair`` present and null when the finding has none).
"""

from __future__ import annotations

from typing import Iterable, Optional

from datatrove.data import Document as DTDocument
from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.writers.disk_base import DiskWriter

from ..detector import DetectorOptions
from ..finding import Finding
from . import scan_texts, strip_text, strippable, summary

__all__ = ["LangscanFilter", "LangscanStripper"]


def _options(expect, sensitivity, threshold, min_length, model_path, options) -> DetectorOptions:
    from . import detector_options

    return detector_options(expect, sensitivity, threshold, min_length, model_path, options)


def _annotate(doc: DTDocument, findings: list[Finding], prefix: str) -> None:
    for key, value in summary(findings).items():
        doc.metadata[prefix + key] = value


class LangscanFilter(BaseFilter):
    """Drop documents that contain foreign-language fragments (or only label them).

    ``kinds``: only findings of these kinds count (e.g. ``("document",)`` to
    drop wrong-language documents but keep ones with a stray fragment).
    Dropped documents go to ``exclusion_writer`` with the metadata filled in
    and ``filter_reason`` = "langscan_<first finding's kind>".
    """

    name = "🔤 langscan"

    def __init__(
        self,
        expect: Iterable[str] | str = ("en",),
        *,
        sensitivity: str = "balanced",
        threshold: Optional[float] = None,
        min_length: Optional[int] = None,
        model_path: Optional[str] = None,
        options: Optional[DetectorOptions] = None,
        label_only: bool = False,
        kinds: Optional[Iterable[str]] = None,
        prefix: str = "langscan_",
        exclusion_writer: Optional[DiskWriter] = None,
        batch_size: int = 64,
    ):
        super().__init__(exclusion_writer, batch_size)
        self.options = _options(expect, sensitivity, threshold, min_length, model_path, options)
        self.label_only = label_only
        self.kinds = None if kinds is None else frozenset(str(k) for k in kinds)
        self.prefix = prefix

    def _decide(self, doc: DTDocument, findings: list[Finding]) -> bool | tuple[bool, str]:
        _annotate(doc, findings, self.prefix)
        counted = findings if self.kinds is None else [f for f in findings if f.kind.value in self.kinds]
        if counted:
            self.stat_update("langscan_flagged")
        if self.label_only or not counted:
            return True
        return False, f"langscan_{counted[0].kind.value}"

    def filter(self, doc: DTDocument) -> bool | tuple[bool, str]:
        return self._decide(doc, scan_texts([doc.text], self.options)[0])

    def filter_batch(self, batch: list[DTDocument]) -> list[bool | tuple[bool, str]]:
        found = scan_texts((d.text for d in batch), self.options)
        return [self._decide(doc, f) for doc, f in zip(batch, found)]


class LangscanStripper(PipelineStep):
    """Remove foreign-language fragments from ``doc.text``.

    Fragment findings (script, latin) are cut out and their seams tidied,
    homoglyph words get their Latin letters back (as ``langscan clean`` does);
    a whole-document verdict is left to ``LangscanFilter``.  With
    ``annotate=True`` the findings (offsets into the text *before* stripping)
    are written to the metadata as ``LangscanFilter`` does.  Documents left
    empty are dropped unless ``keep_empty``.
    """

    name = "🔤 langscan strip"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        expect: Iterable[str] | str = ("en",),
        *,
        sensitivity: str = "balanced",
        threshold: Optional[float] = None,
        min_length: Optional[int] = None,
        model_path: Optional[str] = None,
        options: Optional[DetectorOptions] = None,
        annotate: bool = False,
        keep_empty: bool = False,
        prefix: str = "langscan_",
        batch_size: int = 64,
    ):
        super().__init__()
        self.options = _options(expect, sensitivity, threshold, min_length, model_path, options)
        self.annotate = annotate
        self.keep_empty = keep_empty
        self.prefix = prefix
        self.batch_size = batch_size

    def _strip(self, doc: DTDocument, findings: list[Finding]) -> None:
        cut = strippable(findings)
        if self.annotate:
            _annotate(doc, findings, self.prefix)
        if cut:
            doc.text = strip_text(doc.text, cut)
            self.stat_update("langscan_stripped_docs")
            self.stat_update("langscan_stripped_chars", value=sum(f.end - f.start for f in cut))

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        from datatrove.utils.batching import batched

        for batch in batched(data, self.batch_size):
            with self.track_time("batch"):
                found = scan_texts((d.text for d in batch), self.options)
                for doc, findings in zip(batch, found):
                    self._strip(doc, findings)
            for doc in batch:
                self.stat_update("total")
                if doc.text.strip() or self.keep_empty:
                    self.stat_update("forwarded")
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update("dropped_empty")
