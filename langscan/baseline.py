"""Baselines: accept today's findings, report only new ones.

``langscan scan --write-baseline .langscan-baseline.json`` records every
finding; ``--baseline .langscan-baseline.json`` then hides the recorded ones.

A fingerprint identifies a finding by *what* it is and *what surrounds it*,
never by where it is: SHA-256 of the field name, the normalised fragment and
up to 32 characters of context on each side within the same line.  So adding
or removing text elsewhere in the file (which moves offsets and line numbers)
keeps the fingerprint, while editing the fragment or its own line makes it a
new finding.  Identical fragments in identical contexts are counted, so a
third copy of a baselined pair is still reported.  (The idea of a reviewed,
committed JSON file of fingerprints is detect-secrets'; the file format here
is langscan's own.)
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import unicodedata
from collections import Counter
from typing import Iterable, Optional

VERSION = 1
CONTEXT = 32


from .options import UsageError


class BaselineError(UsageError):
    """The baseline file is missing, unreadable or not a langscan baseline."""


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def fingerprint(doc, finding) -> str:
    """Stable identity of ``finding`` in ``doc`` (see module docstring)."""
    text: str = doc.text
    lo = max(0, finding.start - CONTEXT)
    before = text[lo : finding.start]
    before = before[before.rfind("\n") + 1 :]  # same line only
    after = text[finding.end : finding.end + CONTEXT]
    nl = after.find("\n")
    if nl != -1:
        after = after[:nl]
    key = "\x00".join(("v1", doc.field or "", _norm(before), _norm(finding.text), _norm(after)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class Baseline:
    """Recorded fingerprints per path; ``consume`` says whether a finding is known."""

    def __init__(self, counts: Counter | None = None):
        self.counts: Counter = counts or Counter()

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}: not valid JSON (line {exc.lineno}): {exc.msg}") from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("results"), dict):
            raise BaselineError(f"{path}: not a langscan baseline (version {VERSION} with a 'results' object)")
        counts: Counter = Counter()
        for file, entries in data["results"].items():
            for e in entries:
                counts[(file, e["fingerprint"])] += 1
        return cls(counts)

    def consume(self, path: str, fp: str) -> bool:
        """True if (path, fp) is in the baseline (each entry hides one finding)."""
        key = (path, fp)
        if self.counts[key] > 0:
            self.counts[key] -= 1
            return True
        return False


def entry(hit, path: Optional[str] = None) -> dict:
    """What a baseline keeps of a reporters.Hit (not the document: baselines of big scans stay small)."""
    f = hit.finding
    e = {"path": path or hit.path, "fingerprint": hit.fingerprint, "line": hit.line,
         "kind": str(getattr(f.kind, "value", f.kind)), "lang": f.lang, "text": f.text}
    if hit.record is not None:
        e["record"] = hit.record
    if hit.field is not None:
        e["field"] = hit.field
    return e


def write(path: str, entries: Iterable[dict], tool_version: str) -> int:
    """Write a baseline of ``entries`` (from ``entry``) atomically; returns the count."""
    results: dict[str, list[dict]] = {}
    n = 0
    for e in entries:
        e = dict(e)
        results.setdefault(e.pop("path"), []).append(e)
        n += 1
    for lst in results.values():
        lst.sort(key=lambda e: (e["line"], e["fingerprint"]))
    data = {"version": VERSION, "generated_by": f"langscan {tool_version}",
            "results": {k: results[k] for k in sorted(results)}}
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".langscan-baseline.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return n


def _mode(path: str) -> int:
    """Keep an existing baseline's permissions; a new one gets the usual 0o666 less the umask."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
