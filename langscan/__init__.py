"""langscan: find stray foreign-language fragments in text that should be in one language.

Public API::

    from langscan import Detector, Finding, Kind, scan_text
    findings = Detector(expect=("en",)).scan(text)
"""

from __future__ import annotations

__version__ = "0.1.0"

from .finding import Finding, Kind  # noqa: E402
from .detector import Detector, DetectorOptions, scan_text  # noqa: E402

__all__ = ["Detector", "DetectorOptions", "Finding", "Kind", "scan_text", "__version__"]
