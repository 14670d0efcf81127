"""The progress bar of long scans: bytes read of the total, rate and time left (tqdm), on a terminal only.

Nothing is drawn for the first half second (a pre-commit run over a few files never imports tqdm),
nothing at all when stderr is not a terminal.  Bytes are counted from the position of the file being
read (compressed bytes for a compressed file), so a single 10 GB JSONL shows real progress.
"""

from __future__ import annotations

import os
import time
from typing import TextIO

DELAY = float(os.environ.get("LANGSCAN_PROGRESS_DELAY", "0.5"))  # seconds before the bar appears


class NoProgress:
    def watch(self, fh) -> None:
        pass

    def update(self, stats, doc=None) -> None:
        pass

    def clear(self) -> None:
        pass

    close = clear


class Progress(NoProgress):
    """A tqdm bar over the total size of the inputs, redrawn at most five times a second."""

    def __init__(self, err: TextIO, total: int | None):
        self.err, self.total = err, total
        self.start = time.monotonic()
        self.bar = None
        self.done = 0  # bytes of the files finished
        self.current = None  # the open file being read
        self.last = 0.0

    def watch(self, fh) -> None:
        """The file now being read (its position is how far the scan got)."""
        if self.current is not None:
            self.done += self._size(self.current)
        self.current = fh

    @staticmethod
    def _size(fh) -> int:
        try:
            return os.fstat(fh.fileno()).st_size
        except (OSError, ValueError):
            return 0

    def _position(self) -> int:
        fh = self.current
        if fh is None:
            return self.done
        try:
            return self.done + fh.tell()
        except (OSError, ValueError):  # closed: the file was read to its end
            return self.done + self._size(fh)

    def update(self, stats, doc=None) -> None:
        now = time.monotonic()
        if now - self.last < 0.2 or now - self.start < DELAY:
            return
        self.last = now
        if self.bar is None:
            from tqdm import tqdm

            try:
                sized = os.get_terminal_size(self.err.fileno()).columns > 0
            except (OSError, ValueError, AttributeError):
                sized = False
            self.bar = tqdm(total=self.total, unit="B", unit_scale=True, unit_divisor=1024, file=self.err,
                            dynamic_ncols=sized, ncols=None if sized else 80, leave=False, desc="scanning",
                            mininterval=0.2)
        pos = self._position()
        self.bar.n = min(pos, self.total) if self.total else pos
        self.bar.set_postfix_str(f"{stats.files} files, {stats.findings} findings", refresh=False)
        self.bar.refresh()

    def clear(self) -> None:
        """Erase the bar before other output goes to the same terminal (it comes back on the next update)."""
        if self.bar is not None:
            self.bar.clear()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
