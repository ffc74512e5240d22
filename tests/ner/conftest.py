"""Shared helpers for the NER tests."""

from __future__ import annotations

import pytest

from newsie.document import Document, Sentence


def _make_doc(text: str) -> Document:
    """A document with one sentence covering the whole text."""
    doc = Document(text=text)
    doc.sentences = [doc.span(0, len(text), "SENT", cls=Sentence)] if text else []
    return doc


@pytest.fixture(scope="session")
def make_doc():
    return _make_doc


@pytest.fixture(scope="session")
def entities_stage():
    from newsie.registry import get_stage

    return get_stage("entities").build({})


@pytest.fixture(scope="session")
def fast_stage():
    from newsie.registry import get_stage

    return get_stage("entities_fast").build({})


@pytest.fixture(scope="session")
def run(entities_stage, fast_stage):
    """run(text, fast=False) -> Document with entities."""

    def _run(text: str, fast: bool = False) -> Document:
        return (fast_stage if fast else entities_stage)(_make_doc(text))

    return _run
