"""Robustness of the event layer: pickling events, nominals and long inputs in linear
work (counted, not timed: tests/work.py), and the sentence/document indexes agreeing with
a plain scan."""

from __future__ import annotations

import pickle

import pytest

from newsie.events.models import Event, event_model
from newsie.events.nominals import find_nominals
from tests.events.conftest import annotate
from tests.work import lines

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
        # a head that starts a word for a place or a thing is none
        ("俄军新控制居民点", []),
        ("学生证丢失", []),
        ("市政府今日举办记者会", ["政府"]),
        ("记者会上一名记者提问", ["一名记者"]),
        ("3名学生受伤", ["3名学生"]),
        # Hong Kong reports: a crowd by its kind (大批暴徒, 黑衣人)
        ("大批暴徒突然出现", ["大批暴徒"]),
        ("有黑衣人向警方掷汽油弹", ["黑衣人", "警方"]),
        # a kind of body named by what it is not
        ("无国界记者是国际非政府组织", ["记者"]),
    ],
)
def test_nominals(text, expected):
    assert [text[a:b] for a, b, _ in find_nominals(text)] == expected


def _grows_linearly(fn, make, n: int) -> None:
    """``fn(make(4 * n))`` runs at most 4.4 times the Python lines of ``fn(make(n))``."""
    small, large = make(n), make(4 * n)
    fn(small)
    w_small, w_large = lines(lambda: fn(small)), lines(lambda: fn(large))
    assert w_large <= 4.4 * w_small + 1000, (w_small, w_large)


class _Windows:
    """Stands in for the nominal pattern and adds up the characters it searches."""

    def __init__(self, pattern):
        self.pattern, self.read = pattern, 0

    def search(self, text, start, end):
        self.read += end - start
        return self.pattern.search(text, start, end)


RUNS = {
    "digits": lambda k: "1" * k,
    "numerals": lambda k: "一" * k + "十" * k,
    "digits-age": lambda k: "1" * k + "岁男子",
}


@pytest.mark.parametrize("make", RUNS.values(), ids=RUNS)
def test_nominals_linear_on_digit_runs(make, monkeypatch):
    # the quantifier and the modifier both took digit runs: cubic backtracking.  Now the
    # pattern (possessive runs) is searched only around head words, each character at
    # most twice (timings on digit runs: benchmarks/adversarial.py, input digit-run)
    from newsie.events import nominals

    windows = _Windows(nominals._pattern())
    monkeypatch.setattr(nominals, "_pattern", lambda: windows)
    text = make(20_000)
    find_nominals(text)
    assert windows.read <= 2 * len(text)
    _grows_linearly(find_nominals, make, 5_000)
    assert find_nominals("1" * 5000 + "岁男子") == [(0, 5003, "PERSON")]


def test_long_sentence_is_read_in_windows(extract):
    # one long "sentence" full of triggers: bounded work per trigger
    def run(text):
        events = extract(annotate(text, {"ORG": ["中国科学院研究所"]}))
        for event in events:
            assert text[event.trigger.start : event.trigger.end] == event.trigger.text
            for argument in event.arguments:
                assert text[argument.start : argument.end] == argument.text

    _grows_linearly(run, lambda n: "中国科学院研究所发布" * n, 1000)


def test_digit_run_sentence(extract):
    assert extract(annotate("1" * 4000)) == []
    _grows_linearly(lambda text: extract(annotate(text)), lambda n: "1" * n, 2000)
