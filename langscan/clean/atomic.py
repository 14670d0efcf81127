"""Writing a file so that it is either the old file or the complete new one.

The new bytes go to a temporary file beside the destination (same filesystem),
are fsync'ed, get the original's permissions, and then ``os.replace`` swaps
them in; the directory is fsync'ed too.  A crash, SIGKILL, full disk or
read-only directory at any point leaves the original intact (at worst a stray
``.NAME.*.langscan-tmp`` file beside it).  The new file gets the original's
mode, owner and group (when allowed) and extended attributes; it is a new
inode, so other hard links to the original keep the old content.  Destinations that are not regular
files (``/dev/stdout``, a FIFO, ``/dev/full``) are written directly.  A
destination that is a symbolic link is refused: writing through it would
change a file elsewhere, replacing it would lose the link.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile

from ..options import LangscanError

TMP_SUFFIX = ".langscan-tmp"


class WriteError(LangscanError):
    """Writing the output failed; the original is untouched."""

    def __init__(self, message: str, errno_: int | None = None) -> None:
        super().__init__(message)
        self.errno = errno_


def _describe(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return f"no space left (or file size limit reached): {exc.strerror}"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"destination not writable: {exc.strerror}"
    return exc.strerror or str(exc)


def _fsync_dir(directory: str) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_tmp(directory: str, base: str, produce, mode_from: str | None) -> str:
    fd, tmp = tempfile.mkstemp(prefix=f".{base}.", suffix=TMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            produce(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if mode_from is not None:
            st = os.stat(mode_from)
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # not ours to give away; the mode is what matters
            _copy_xattrs(mode_from, tmp)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        return tmp
    except BaseException:
        _discard(tmp)
        raise


def _copy_xattrs(src: str, dst: str) -> None:
    """Copy extended attributes (SELinux labels, user.* tags) where the platform has them;
    any that cannot be set (another namespace, no permission) are left out silently."""
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(src)
    except OSError:
        return
    for name in names:
        try:
            os.setxattr(dst, name, os.getxattr(src, name))
        except OSError:
            pass


def _discard(tmp: str) -> None:
    """Remove a half-written temporary file; it may already be gone."""
    try:
        os.unlink(tmp)
    except OSError:
        pass


class Unchanged(Exception):
    """Raised by a producer of :func:`write_atomic_stream`: keep the file as it is, write nothing."""


def _write_backup(real: str, backup: str) -> None:
    """Copy ``real`` to ``backup`` atomically.  A failure is a WriteError naming the backup: the
    file being cleaned was fine, so a message naming it sent the user looking in the wrong place."""
    bdir, bbase = os.path.split(os.path.abspath(backup))
    try:
        fd, btmp = tempfile.mkstemp(prefix=f".{bbase}.", suffix=TMP_SUFFIX, dir=bdir or ".")
        os.close(fd)
        try:
            shutil.copy2(real, btmp)
            os.replace(btmp, backup)
        except BaseException:
            _discard(btmp)
            raise
    except OSError as exc:
        raise WriteError(f"cannot write the backup {backup}: {_describe(exc)}; original left untouched",
                         exc.errno) from exc


def write_atomic(path: str, data: bytes, *, mode_from: str | None = None,
                 backup: str | None = None) -> None:
    """Replace ``path`` with ``data`` atomically; see the module doc.

    ``mode_from``: copy permissions from this file (the input being cleaned).
    ``backup``: first copy the current ``path`` there (atomically as well).
    Raises WriteError with a readable reason; the original is then intact.
    """
    write_atomic_stream(path, lambda fh: fh.write(data), mode_from=mode_from, backup=backup)


def write_atomic_stream(path: str, produce, *, mode_from: str | None = None,
                        backup: str | None = None) -> None:
    """:func:`write_atomic` for output made piece by piece: ``produce(fh)`` writes it to a
    binary file.  If ``produce`` raises, the temporary file is removed and the original stays
    (``Unchanged``: silently; anything else propagates, OSError as WriteError)."""
    if os.path.islink(path):
        raise WriteError(f"cannot write {path}: it is a symbolic link and langscan does not write through "
                         "links (remove it or choose another output); nothing written")
    try:
        if os.path.exists(path) and not stat.S_ISREG(os.stat(path).st_mode):
            with open(path, "wb") as fh:  # device / FIFO: nothing to swap
                try:
                    produce(fh)
                except Unchanged:
                    return
                fh.flush()
            return
        real = os.path.realpath(path)
        directory, base = os.path.split(real)
        directory = directory or "."
        try:
            tmp = _write_tmp(directory, base, produce, mode_from if mode_from and os.path.exists(mode_from) else None)
        except Unchanged:
            return
        try:
            if backup is not None and os.path.exists(real):
                _write_backup(real, backup)
            os.replace(tmp, real)
        except BaseException:
            _discard(tmp)
            raise
        _fsync_dir(directory)
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {_describe(exc)}; original left untouched", exc.errno) from exc
