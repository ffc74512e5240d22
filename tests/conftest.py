"""Shared fixtures: paths to the sample page, the seed page and the evaluation data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PAGE = ROOT / "corpora" / "samples" / "page.txt"
SEED_PAGE = ROOT.parent / "shared" / "seeds" / "000_1c4daa1ff2b208cf.txt"
DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE_PAGE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED_PAGE.is_file():
        pytest.skip(f"seed page not found at {SEED_PAGE}")
    return SEED_PAGE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    import newsie

    return newsie.load()
