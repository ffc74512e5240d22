"""Spans stay valid on real news text (skipped when the shared data is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
NEWS = sorted((SHARED / "data" / "news" / "xinwenlianbo-2025h2").glob("*.md"))[:3]


@pytest.mark.skipif(not NEWS, reason="news sample not available")
@pytest.mark.parametrize("fast", [False, True], ids=["default", "fast"])
def test_entities_valid_on_news(run, fast):
    for path in NEWS:
        doc = run(path.read_text(encoding="utf-8"), fast=fast)
        assert doc.entities
        end = 0
        for e in doc.entities:
            assert (
                doc.text[e.start : e.end] == e.text and e.start >= end and e.text.strip() == e.text
            )
            assert e.label in {"PERSON", "ORG", "GPE", "LOC", "PRODUCT", "TITLE"}
            assert e.canonical
            end = e.end
