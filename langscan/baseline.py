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
    # surrogatepass: a lone surrogate (a JSON "\\ud800", an undecodable file name) is hashed, never an error
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class Baseline:
    """Recorded fingerprints per path; ``consume`` says whether a finding is known."""

    def __init__(self, counts: Counter | None = None):
        self.counts: Counter = counts or Counter()

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            from .readers.base import open_regular_text

            with open_regular_text(path) as fh:
                data = json.load(fh)
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}: not valid JSON (line {exc.lineno}): {exc.msg}") from None
        except UnicodeDecodeError as exc:
            raise BaselineError(f"{path}: not UTF-8 text (byte {exc.start})") from None
        except (ValueError, RecursionError) as exc:  # a 5,000-digit number, nesting too deep to parse
            raise BaselineError(f"{path}: cannot read baseline: {str(exc) or type(exc).__name__}") from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("results"), dict):
            raise BaselineError(f"{path}: not a langscan baseline (version {VERSION} with a 'results' object)")
        counts: Counter = Counter()
        for file, entries in data["results"].items():
            if not isinstance(entries, list):
                raise BaselineError(f"{path}: results[{json.dumps(file, ensure_ascii=True)}] must be a list of "
                                    f"findings, got {type(entries).__name__}")
            for i, e in enumerate(entries):
                fp = e.get("fingerprint") if isinstance(e, dict) else None
                if not isinstance(fp, str) or not fp:
                    raise BaselineError(f"{path}: results[{json.dumps(file, ensure_ascii=True)}][{i}] must be an "
                                        "object with a 'fingerprint' string (rewrite it with --write-baseline)")
                counts[(file, fp)] += 1
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
    _check_target(path)
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".langscan-baseline.", dir=directory)
    try:
        from .reporters.safe import json_text

        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return n


class SpecialTarget(OSError):
    """The baseline path exists and is not a regular file; it is left as it is."""


def _check_target(path: str) -> None:
    """Refuse to replace a symbolic link, FIFO, device or folder with the baseline file:
    the rename would destroy the link or node (a FIFO is never opened either)."""
    import stat

    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except ValueError as exc:  # a NUL byte in the name
        err = SpecialTarget(f"invalid file name ({exc})")
        err.strerror = f"invalid file name ({exc})"
        raise err from None
    except OSError:
        return  # the write itself reports it
    if stat.S_ISREG(st.st_mode):
        return
    from .readers.base import file_kind

    msg = f"it is {file_kind(st.st_mode)}, not a regular file; left as it is (write the baseline to a plain file)"
    exc = SpecialTarget(msg)
    exc.strerror = msg
    raise exc


def _mode(path: str) -> int:
    """Keep an existing baseline's permissions; a new one gets the usual 0o666 less the umask."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
