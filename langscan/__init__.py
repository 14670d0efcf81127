"""langscan: find stray foreign-language fragments in text that should be in one language.

The public API, all of it importable from here::

    from langscan import Detector, scan_text
    findings = Detector(expect="en").scan(text)          # Finding(kind, start, end, line, column, text, lang, ...)

    from langscan import Pipeline, Request, Scanned       # what the command line runs: files, config, allow-lists
    for item in Pipeline(Request(paths=["docs/"])).scan():
        if isinstance(item, Scanned):
            print(item.doc.path, [f.text for f in item.findings])

    from langscan import parse_languages, UsageError      # "eng,German" -> ("en", "de"); a typo -> UsageError

Errors langscan raises on purpose derive from ``LangscanError``; bad options and configuration are
``UsageError`` (a ``ValueError``), the config file's own problems ``ConfigError`` (a ``UsageError``).

Names are imported on first use, so ``import langscan`` (and ``langscan --version``) loads no model.
"""

from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "Detector": "detector", "DetectorOptions": "detector", "scan_text": "detector",
    "Finding": "finding", "Kind": "finding",
    "Document": "document",
    "Pipeline": "pipeline", "Request": "pipeline", "Scanned": "pipeline",
    "LangscanError": "options", "UsageError": "options", "parse_languages": "options", "known_languages": "options",
    "ConfigError": "config",
    "ReadError": "readers", "ReadNote": "readers",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'langscan' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
