"""Finding the files to scan: explicit paths, recursive directories, globs.

Directories are walked recursively in sorted order (so output is stable),
skipping version-control folders.  Globs are matched against the path
relative to a base directory (the config file's folder, else the current
directory), with ``/`` separators: ``**`` matches any number of folders,
``*`` and ``?`` stay within one folder; a pattern without ``/`` matches the
file's (or folder's) name at any depth, as in .gitignore.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Iterable, Iterator, Optional

# Left behind by langscan itself: a temporary file of an interrupted atomic write
# (``.NAME.xxxx.langscan-tmp``, ``.langscan-baseline.xxxx``) and ``clean --backup`` copies.
# A directory walk never reads them (they would double every finding); named explicitly they are read.
LEFTOVER_SUFFIXES = (".langscan-tmp", ".bak")
LEFTOVER_PREFIXES = (".langscan-baseline.",)


def leftover(name: str) -> bool:
    """Is ``name`` a temporary or backup file written by langscan?"""
    return name.endswith(LEFTOVER_SUFFIXES) or (name.startswith(LEFTOVER_PREFIXES) and not name.endswith(".json"))


VCS_DIRS = frozenset({".git", ".hg", ".svn", ".bzr", "_darcs", "CVS", ".jj", ".pijul", ".fossil"})


_STAR1, _STAR2, _STAR2_SLASH = "[^/]*", ".*", "(?:.*/)?"


def _glob_tokens(p: str) -> list:
    """The regex pieces of a glob: the three kinds of star, and fixed pieces."""
    out: list = []
    i = 0
    while i < len(p):
        c = p[i]
        if p.startswith("**/", i):
            out.append(_STAR2_SLASH)
            i += 3
        elif p.startswith("**", i):
            out.append(_STAR2)
            i += 2
        elif c == "*":
            out.append(_STAR1)
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = p.find("]", i + 1)
            if j == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = p[i + 1 : j].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                try:
                    re.compile(f"[{body}]")
                    out.append(f"[{body}]")
                except re.error:  # "[z-a]", "[]": not a character class, so the characters themselves
                    out.append(re.escape(p[i : j + 1]))
                i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    # a run of stars is one star (the widest of them): "[^/]*[^/]*" matches what "[^/]*" does,
    # and costs the square of the path length to fail
    merged: list = []
    for t in out:
        if merged and t in (_STAR1, _STAR2) and merged[-1] in (_STAR1, _STAR2):
            merged[-1] = _STAR2 if _STAR2 in (t, merged[-1]) else _STAR1
        elif merged and t == _STAR2_SLASH and merged[-1] == _STAR2_SLASH:
            continue
        else:
            merged.append(t)
    return merged


@lru_cache(maxsize=256)
def _glob_re(pattern: str) -> re.Pattern:
    """The regex of a glob, built so that matching never backtracks exponentially.

    As in the standard library's fnmatch: "STAR fixed STAR" takes the first place where
    the fixed part matches, atomically (a lookahead and a back-reference), which is
    always right when the star after it can absorb whatever a later choice would have
    skipped (the same kind of star, or a wider one).  Without it, ``*a*a*a*a*a*a*b``
    from a cloned repository's config takes seconds per path.
    """
    p = pattern.strip()
    anchored = "/" in p.rstrip("/")
    p = p.lstrip("/").rstrip("/")
    toks = _glob_tokens(p)
    stars = (_STAR1, _STAR2, _STAR2_SLASH)
    out: list = []
    i, group = 0, 0
    while i < len(toks):
        t = toks[i]
        if t in (_STAR1, _STAR2):
            j = i + 1
            while j < len(toks) and toks[j] not in stars:
                j += 1
            nxt = toks[j] if j < len(toks) else None
            if j > i + 1 and nxt is not None and (t == _STAR1 or nxt != _STAR1):
                group += 1
                fixed = "".join(toks[i + 1 : j])
                lazy = "[^/]*?" if t == _STAR1 else ".*?"
                out.append(f"(?=(?P<g{group}>{lazy}{fixed}))(?P=g{group})")
                i = j
                continue
        out.append(t)
        i += 1
    body = "".join(out)
    # a pattern also matches everything below a matching folder
    return re.compile(("" if anchored else "(?:.*/)?") + body + "(?:/.*)?", re.DOTALL)


def match_any(rel: str, patterns: Iterable[str]) -> bool:
    """Does the relative posix path ``rel`` match one of the globs?"""
    return any(_glob_re(p).fullmatch(rel) for p in patterns)


def relative(path: str, base: str) -> str:
    """``path`` relative to ``base`` with / separators (absolute if outside it)."""
    ap = os.path.abspath(path)
    try:
        rel = os.path.relpath(ap, base)
    except ValueError:  # another drive on Windows
        return ap.replace(os.sep, "/")
    if rel.startswith(".."):
        return ap.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def selected(rel: str, include: Iterable[str], exclude: Iterable[str]) -> bool:
    include = tuple(include)
    if include and not match_any(rel, include):
        return False
    return not match_any(rel, exclude)


def walk(
    paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = (), base: Optional[str] = None
) -> Iterator[tuple[str, bool]]:
    """Yield (path, explicit) for every file to read; ``-`` is passed through.

    A missing path is yielded too (explicit), so the reader reports it.
    """
    base = os.path.abspath(base or os.getcwd())
    include, exclude = tuple(include), tuple(exclude)
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            if p == "-" or not os.path.exists(p) or selected(relative(p, base), include, exclude):
                yield p, True
            continue
        yield from _walk_dir(p, base, include, exclude)


def _walk_dir(d: str, base: str, include: tuple, exclude: tuple) -> Iterator[tuple[str, bool]]:
    """Files below ``d`` in sorted path order (like ``find | sort``), pruning VCS and excluded folders."""
    try:
        entries = sorted(os.scandir(d), key=lambda e: e.name)
    except OSError:
        yield d, True  # unreadable folder: let the reader report it
        return
    for e in entries:
        try:
            if e.is_symlink() and e.is_dir():
                continue  # symlinked folders are not followed (no loops), as in ripgrep
            is_dir = e.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if e.name in VCS_DIRS or match_any(relative(e.path, base), exclude):
                continue
            yield from _walk_dir(e.path, base, include, exclude)
        elif leftover(e.name):
            continue
        elif selected(relative(e.path, base), include, exclude):
            yield os.path.normpath(e.path), False  # "./docs/a.md" -> "docs/a.md"
