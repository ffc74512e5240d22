"""Fuzz target: the page splitter (newsie.stages.page.PageSplitter) on news-like text.

Checks, beyond "no exception": every item is an exact substring of the page at its
offset, items do not overlap and come in order, furniture marks lie inside their item,
published times are timezone-aware.  See fuzz/README.md for how to run it.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import atheris

with atheris.instrument_imports(include=["newsie"]):
    from newsie.document import Document
    from newsie.stages.page import PageSplitter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import news_text

SPLITTER = PageSplitter()
PUBLISHED = datetime(2025, 11, 28, 8, 0, tzinfo=UTC)


def check(text: str, published: datetime | None) -> None:
    page = Document(text=text, published=published)
    items = SPLITTER(page)
    assert isinstance(items, list) and items, "splitter returned no documents"
    if len(items) == 1 and items[0] is page:
        return
    last_end = 0
    for item in items:
        assert item.text == text[item.offset : item.offset + len(item.text)], (
            f"item text is not the page text at its offset: {item.offset} {item.text!r}"
        )
        assert item.offset >= last_end, "items overlap or are out of order"
        last_end = item.offset + len(item.text)
        assert item.text.strip(), "empty item"
        for start, end, kind in item.meta.get("furniture", []):
            assert 0 <= start <= end <= len(item.text), f"furniture out of item: {start, end}"
        if item.published is not None:
            assert item.published.tzinfo is not None, "naive published time"


def TestOneInput(data: bytes) -> None:
    text = news_text(data)
    check(text, PUBLISHED)
    check(text, None)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
