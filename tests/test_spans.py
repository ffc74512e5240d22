"""Every span on every layer points at its own text: doc.text[start:end] == span.text."""

from __future__ import annotations

import pytest


def assert_spans_valid(doc) -> int:
    checked = 0
    for item in doc.documents():
        if item is not doc:
            assert doc.text[item.offset : item.offset + len(item.text)] == item.text
        text = item.text
        for layer in ("sentences", "tokens", "entities", "times", "values"):
            for span in getattr(item, layer):
                assert text[span.start : span.end] == span.text, (layer, span)
                checked += 1
        for event in item.events:
            assert text[event.trigger.start : event.trigger.end] == event.trigger.text
            assert event.evidence.document_id == item.id
            for argument in event.arguments:
                assert text[argument.start : argument.end] == argument.text, argument
                checked += 1
    return checked


@pytest.mark.parametrize("which", ["sample_text", "seed_text"])
def test_all_layers_have_exact_offsets(which, request, nlp):
    text = request.getfixturevalue(which)
    doc = nlp(text, published="2025-11-28T09:00:00+08:00")
    assert assert_spans_valid(doc) > 100
    assert all(item.sentences and item.tokens for item in doc.documents())
    assert any(item.entities for item in doc.documents())
    assert any(item.times for item in doc.documents())
    assert any(item.values for item in doc.documents())
    assert doc.all_events
