"""Where newsie's shipped data lives at run time (lexicons and models)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

#: The ``newsie`` package directory (works for regular and namespace packages).
PACKAGE_DIR = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def corpora_dir() -> Path:
    """The corpora folder: ``newsie/_corpora`` in a wheel, else ``<repo>/corpora``."""
    try:  # the project-wide helper (newsie/resources.py), when present
        from newsie.resources import corpora_root

        return Path(corpora_root())
    except (ImportError, FileNotFoundError):
        pass
    shipped = PACKAGE_DIR / "_corpora"
    if shipped.is_dir():
        return shipped
    return PACKAGE_DIR.parent / "corpora"


def lexicon_dir() -> Path:
    """Folder of the entity lexicons (``*.tsv``)."""
    return corpora_dir() / "lexicons"


def models_dir() -> Path:
    """Folder of the shipped statistical models."""
    return PACKAGE_DIR / "models"
