"""Work counted, not timed: for growth tests that a busy machine cannot fail.

:func:`lines` counts the Python lines run in newsie's code (every loop iteration of a
stage counts), :class:`Scanned` the characters its string searches and slices go over.
Both are the same on any machine, loaded or not.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

NEWSIE = str(Path(__file__).resolve().parents[1] / "newsie")


def lines(fn: Callable[[], object], where: str = NEWSIE) -> int:
    """The number of Python lines ``fn()`` runs in files under ``where``."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(where) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        fn()
    finally:
        sys.settrace(previous)
    return count


class Scanned(str):
    """A str that counts the characters its ``find``/``rfind``/``index`` calls and its
    slices go over (``scanned``): a stage handed one shows how often it rereads text."""

    scanned = 0
    _lock = threading.Lock()

    def _add(self, count: int) -> None:
        with self._lock:
            type(self).scanned += count

    def _span(self, start, end) -> tuple[int, int]:
        return slice(start, end).indices(len(self))[:2]

    def find(self, sub, start=None, end=None):
        found = super().find(sub, start, end)
        a, b = self._span(start, end)
        self._add((found + len(sub) if found >= 0 else b) - a)
        return found

    def rfind(self, sub, start=None, end=None):
        found = super().rfind(sub, start, end)
        a, b = self._span(start, end)
        self._add(b - (found if found >= 0 else a))
        return found

    def __getitem__(self, key):
        piece = super().__getitem__(key)
        self._add(max(len(piece), 1))
        return piece
