"""Fixtures for the robustness tests: the most complete pipeline that works here, and a
checker that every span on every layer points at its text."""

from __future__ import annotations

import pytest

from newsie import Document, Pipeline
from newsie.pipeline import DEFAULT_STAGES

PROBE = "2025年11月28日，中国科学院电工研究所成功研制出大口径高场超导磁体，投资3亿元。"


def _works(stages) -> bool:
    try:
        nlp = Pipeline(stages)
        doc = next(nlp.pipe([PROBE]))
    except Exception:  # noqa: BLE001
        return False
    return not doc.errors


def build_robust_pipeline() -> Pipeline:
    """The default pipeline if it works; else the longest working prefix-compatible subset
    of its stages (while other parts of newsie are still being built)."""
    if _works(DEFAULT_STAGES):
        return Pipeline(DEFAULT_STAGES)
    kept: list[str] = []
    for name in DEFAULT_STAGES:
        if _works([*kept, name]):
            kept.append(name)
    return Pipeline(kept)


@pytest.fixture(scope="session")
def robust_nlp() -> Pipeline:
    return build_robust_pipeline()


def check_spans(doc: Document) -> None:
    """Every span of ``doc`` (and of its items) is exactly the text at its offsets."""
    for item in doc.items:
        assert item.text == doc.text[item.offset : item.offset + len(item.text)], (
            f"item {item.id} is not the page text at offset {item.offset}"
        )
        check_spans(item)
    text = doc.text
    for layer in ("sentences", "tokens", "entities", "times", "values"):
        for span in getattr(doc, layer):
            assert 0 <= span.start <= span.end <= len(text), (layer, span)
            assert text[span.start : span.end] == span.text, (layer, span)
    for event in doc.events:
        trigger = event.trigger
        assert text[trigger.start : trigger.end] == trigger.text, ("trigger", event)
        for argument in event.arguments:
            assert text[argument.start : argument.end] == argument.text, ("argument", event)


def fingerprint(doc: Document) -> dict:
    """Everything a run produces except tracebacks (which name memory addresses)."""
    data = doc.model_dump(mode="json")

    def strip(d: dict) -> dict:
        d["meta"] = {k: v for k, v in d["meta"].items() if k != "traceback"}
        d["items"] = [strip(i) for i in d["items"]]
        return d

    return strip(data)
