"""Fixtures for the user-facing tests (display, exports, report, docs, notebook)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture()
def page():
    from builders import make_page

    return make_page()


@pytest.fixture()
def demo_docs():
    from builders import demo_documents

    return demo_documents(24)


@pytest.fixture(scope="session")
def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name) or (
            f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").is_file() else None
        )
        if path:
            return path
    pytest.skip("chromium not installed (apt-get install chromium)")
