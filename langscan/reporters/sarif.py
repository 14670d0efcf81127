"""SARIF 2.1.0, the format GitHub code scanning uploads (validated against the
official OASIS schema in tests/test_reporters.py).

One rule per kind of finding; each result carries the region in the user's
file (columns in Unicode code points, declared with ``columnKind``), the
fragment as a snippet, the baseline fingerprint as a partial fingerprint (so
code scanning tracks a finding across edits), and language, script and score
as properties.  A homoglyph word or mojibake run also carries its repair, as
a property and, when the scanned text is the file itself, as a SARIF fix.
Read errors are tool execution notifications.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .base import Hit, Reporter, Stats, message

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
RULES = [
    ("script", "ForeignScript", "A run of a writing system foreign to the expected language."),
    ("latin", "ForeignLatinText", "Latin-script text in a language other than the expected one."),
    ("homoglyph", "HomoglyphWord", "A word of the expected language spelt with look-alike characters (other "
     "scripts, fullwidth or mathematical letters, mixed digit systems)."),
    ("document", "WrongLanguageDocument", "The whole text is in a language other than the expected one."),
    ("mojibake", "MisDecodedText", "Text that was mis-decoded (UTF-8 read as Latin-1 or Windows-1252) and saved again."),
]
RULE_INDEX = {rid: i for i, (rid, _, _) in enumerate(RULES)}


def _uri(path: str) -> tuple[str, bool]:
    """(uri, relative?) for a path as shown to the user."""
    if path == "<stdin>":
        return "stdin", True
    p = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return Path(path).as_uri(), False
    if p.startswith("./"):
        p = p[2:]
    return quote(p, errors="surrogateescape"), True  # an undecodable file name: its bytes, %-encoded


def _location(path: str, region: dict) -> dict:
    uri, rel = _uri(path)
    art = {"uri": uri}
    if rel:
        art["uriBaseId"] = "%SRCROOT%"
    return {"physicalLocation": {"artifactLocation": art, "region": region}}


class SarifReporter(Reporter):
    carries_errors = True

    def start(self) -> None:
        self.results: list[dict] = []
        self.notes: list[dict] = []
        self.failed = False

    def hit(self, hit: Hit) -> None:
        f = hit.finding
        kind = str(getattr(f.kind, "value", f.kind))
        region = {
            "startLine": hit.line,
            "startColumn": hit.column,
            "endLine": hit.end_line,
            "endColumn": hit.end_column,
            "snippet": {"text": f.text},
        }
        props = {"lang": f.lang, "langName": f.lang_name, "script": f.script, "score": round(f.score, 4),
                 "context": getattr(f, "context", "body"), "start": f.start, "end": f.end}
        if hit.record is not None:
            props["record"] = hit.record
        if hit.field is not None:
            props["field"] = hit.field
        result = {
            "ruleId": kind,
            "ruleIndex": RULE_INDEX.get(kind, 0),
            "level": "warning",
            "message": {"text": message(f)},
            "locations": [_location(hit.path, region)],
            "properties": props,
        }
        repair = getattr(f, "repair", None)
        if repair is not None:
            props["repair"] = repair
            doc = hit.doc
            if kind != "document" and getattr(doc, "locate", None) is None and getattr(doc, "record", None) is None:
                # the text is the file itself: the repair is a fix code scanning can offer as it stands
                deleted = {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")}
                result["fixes"] = [{"description": {"text": f"Repair the {kind} text"},
                                    "artifactChanges": [{"artifactLocation": result["locations"][0][
                                        "physicalLocation"]["artifactLocation"],
                                        "replacements": [{"deletedRegion": deleted,
                                                          "insertedContent": {"text": repair}}]}]}]
        if hit.fingerprint:
            result["partialFingerprints"] = {"langscanFragment/v1": hit.fingerprint}
        self.results.append(result)

    def problem(self, item) -> None:
        super().problem(item)
        is_error = type(item).__name__ == "ReadError"
        self.failed |= is_error
        note = {"level": "error" if is_error else "note", "message": {"text": item.message}}
        region = {"startLine": item.line} if getattr(item, "line", None) else None
        note["locations"] = [_location(item.path, region)] if region else [
            {"physicalLocation": {"artifactLocation": {"uri": _uri(item.path)[0]}}}
        ]
        self.notes.append(note)

    def finish(self, stats: Stats) -> None:
        from .. import __version__

        rules = [
            {
                "id": rid,
                "name": name,
                "shortDescription": {"text": desc},
                "fullDescription": {"text": desc + " Found by langscan."},
                "defaultConfiguration": {"level": "warning"},
                "help": {"text": "Remove or translate the fragment, allow it (allow = [...] in [tool.langscan]), "
                         "or mark the line with 'langscan: ignore'."},
            }
            for rid, name, desc in RULES
        ]
        run = {
            "tool": {"driver": {"name": "langscan", "version": __version__, "semanticVersion": __version__,
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(os.getcwd()).as_uri().rstrip("/") + "/"}},
            "invocations": [{"executionSuccessful": not self.failed, "toolExecutionNotifications": self.notes}],
            "results": self.results,
            "properties": {"summary": stats.to_dict()},
        }
        from .safe import json_text

        self.out.write(json_text(json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]},
                                            ensure_ascii=False, indent=2)) + "\n")
