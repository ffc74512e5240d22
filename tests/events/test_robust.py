"""Robustness of the event layer: pickling events, nominals and long inputs in linear
time, and the sentence/document indexes agreeing with a plain scan."""

from __future__ import annotations

import pickle
import time

import pytest

from newsie.events.models import Event, event_model
from newsie.events.nominals import find_nominals
from tests.events.conftest import annotate
from tests.timing import seconds

FIRE = "2025年11月26日，香港大埔区宏福苑发生火灾，造成多人伤亡。"


def _fire(extract):
    doc = annotate(FIRE, {"GPE": ["香港", "大埔区"], "LOC": ["宏福苑"]})
    events = [e for e in extract(doc) if e.type == "fire"]
    assert events
    return events[0]


def test_event_pickles(extract):
    event = _fire(extract)
    assert type(event) is event_model("fire")
    again = pickle.loads(pickle.dumps(event))
    assert again == event
    assert type(again) is type(event)
    assert again.get("place") == event.get("place")
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps([event], protocol=protocol)) == [event]


def test_built_event_pickles():
    model = event_model("fire")
    event = model.model_validate(
        {
            "id": "x",
            "type": "fire",
            "trigger": {"start": 0, "end": 2, "text": "火灾"},
            "confidence": 0.5,
            "evidence": {
                "document_id": "d", "sentence_index": 0, "start": 0, "end": 2,
                "stage": "events", "template": "fire", "template_version": "1",
            },
        }
    )
    assert pickle.loads(pickle.dumps(event)) == event


def test_event_model_is_made_once():
    assert event_model("fire") is event_model("fire")
    assert issubclass(event_model("fire"), Event)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("警方抓获3名嫌疑人", ["警方", "3名嫌疑人"]),
        ("一名25岁男子被刑拘", ["一名25岁男子"]),
        ("25岁男子", ["25岁男子"]),
        ("十一名学生", ["十一名学生"]),
        ("百二十岁老人", ["二十岁老人"]),
        ("2024年12名女子", ["12名女子"]),
        ("该男子", ["该男子"]),
    ],
)
def test_nominals(text, expected):
    assert [text[a:b] for a, b, _ in find_nominals(text)] == expected


def _seconds(fn, *args) -> float:
    return seconds(lambda: fn(*args))


def test_nominals_linear_on_digit_runs():
    # the quantifier and the modifier both took digit runs: cubic backtracking
    assert _seconds(find_nominals, "1" * 20_000) < 1.0
    assert _seconds(find_nominals, "一" * 20_000 + "十" * 20_000) < 1.0
    assert find_nominals("1" * 5000 + "岁男子") == [(0, 5003, "PERSON")]


def test_long_sentence_is_read_in_windows(extract):
    # one 60,000-character "sentence" full of triggers: bounded work per trigger
    text = "中国科学院研究所发布" * 6000
    doc = annotate(text, {"ORG": ["中国科学院研究所"]})
    start = time.perf_counter()
    events = extract(doc)
    assert time.perf_counter() - start < 30
    for event in events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        for argument in event.arguments:
            assert text[argument.start : argument.end] == argument.text


def test_digit_run_sentence(extract):
    doc = annotate("1" * 4000)
    start = time.perf_counter()
    assert extract(doc) == []
    assert time.perf_counter() - start < 5
