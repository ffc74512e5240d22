"""Where newsie's data files are, installed or in a source checkout."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def corpora_root() -> Path:
    """The ``corpora`` folder: shipped in the wheel as ``newsie/_corpora``, or the checkout's."""
    for candidate in (_PACKAGE / "_corpora", _PACKAGE.parent / "corpora"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "newsie's data folder is missing (looked for newsie/_corpora and ../corpora); "
        "reinstall newsie"
    )


def corpora_path(*parts: str) -> Path:
    """A path inside the corpora folder, e.g. ``corpora_path('lexicons', 'titles.txt')``."""
    return corpora_root().joinpath(*parts)
