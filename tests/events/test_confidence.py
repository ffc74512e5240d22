"""The calibrated event confidence: its features, the model, and the stage's use of it."""

from __future__ import annotations

import math
import tomllib

import pytest

import newsie
from newsie.events.confidence import (
    CALIBRATION,
    MIN_LENGTH,
    Calibration,
    event_features,
    shipped_calibration,
)
from newsie.events.extractor import EventExtractor
from newsie.events.template import registered_templates
from newsie.io.clean import simplified_view
from newsie.resources import corpora_path

from .conftest import annotate

#: An article long enough to be calibrated: a filler paragraph, then two events.
ARTICLE = (
    "本报讯，本市今年以来持续推进城市更新工作，多个老旧小区完成改造，居民生活条件明显改善，"
    "有关部门表示将继续加大投入力度，确保各项民生工程按期完成，让更多群众受益。"
    * 3
    + "\n2024年3月5日，华为公司在北京发布新款手机。"
    + "\n张伟表示：“华为公司已经收购了小米公司。”"
)


def _events(text: str):
    doc = annotate(
        text, entities={"ORG": ["华为公司", "小米公司"], "GPE": ["北京"], "PERSON": ["张伟"]}
    )
    return doc, EventExtractor(list(registered_templates().values()))(doc).events


def test_features_describe_the_event_and_its_sentence():
    doc, events = _events(ARTICLE)
    (launch,) = [e for e in events if e.type == "product_launch"]
    (purchase,) = [e for e in events if e.type == "acquisition"]
    f = event_features(launch, doc.text, traditional=False)
    assert f["type=product_launch"] == 1.0 and f["status=" + launch.status] == 1.0
    assert f["rule_score"] == launch.confidence
    assert f["dated"] == 1.0 and f["in_quote"] == 0.0 and f["first_sentence"] == 0.0
    assert f["before=" + doc.text[launch.trigger.start - 1]] == 1.0
    assert f["after=" + doc.text[launch.trigger.end]] == 1.0
    assert f["arguments"] == min(len(launch.arguments), 5) / 5
    assert 0 < f["position"] < 1 and f["traditional"] == 0.0
    quoted = event_features(purchase, doc.text, traditional=True)
    assert quoted["in_quote"] == 1.0 and quoted["traditional"] == 1.0
    assert quoted["position"] > f["position"]


def test_features_at_the_edges_of_the_text():
    doc, events = _events("四川发生地震")
    (quake,) = [e for e in events if e.type == "earthquake"]
    f = event_features(quake, doc.text, traditional=False)
    assert not any(k.startswith("after=") for k in f)  # the trigger ends the text
    assert f["before=生"] == 1.0 and f["first_sentence"] == 1.0


@pytest.mark.parametrize(
    ("intercept", "weights", "features", "expected"),
    [
        (0.0, {}, {"a": 1.0}, 0.5),
        (1.0, {}, {}, 1 / (1 + math.exp(-1))),
        (
            0.5,
            {"a": 2.0, "b": -1.0},
            {"a": 0.5, "b": 1.0, "unknown": 3.0},
            1 / (1 + math.exp(-0.5)),
        ),
        (-2.0, {"a": 4.0}, {"a": 1.0}, 1 / (1 + math.exp(-2.0))),
    ],
)
def test_calibration_is_a_logistic_model(intercept, weights, features, expected):
    assert Calibration(intercept, weights).probability(features) == pytest.approx(expected)


def test_shipped_weights_cover_every_numeric_feature():
    with open(corpora_path(*CALIBRATION), "rb") as f:
        data = tomllib.load(f)
    doc, events = _events(ARTICLE)
    numeric = {k for k in event_features(events[0], doc.text, False) if "=" not in k}
    assert numeric <= set(data["weights"])  # a renamed feature needs a refit
    assert shipped_calibration().weights == pytest.approx(data["weights"])


def _pipeline_events(text: str, confidence: str):
    nlp = newsie.load()
    nlp.replace("events", config={"confidence": confidence})
    return nlp(text, published="2024-03-06").events


def test_the_stage_replaces_the_rule_score_in_an_article():
    assert len(ARTICLE) >= MIN_LENGTH
    rules = _pipeline_events(ARTICLE, "rules")
    calibrated = _pipeline_events(ARTICLE, "calibrated")
    assert [(e.type, e.trigger.start) for e in rules] == [
        (e.type, e.trigger.start) for e in calibrated
    ]
    assert rules
    model = shipped_calibration()
    view = simplified_view(ARTICLE)
    for rule_event, event in zip(rules, calibrated):
        expected = model.probability(event_features(rule_event, view, traditional=False))
        assert event.confidence == round(expected, 3)
        assert event.model_dump(exclude={"confidence"}) == rule_event.model_dump(
            exclude={"confidence"}
        )


def test_a_short_text_keeps_the_rule_score():
    text = "华为公司3月5日在北京发布新款手机。"
    assert len(text) < MIN_LENGTH
    rules = _pipeline_events(text, "rules")
    assert rules and _pipeline_events(text, "calibrated") == rules


def test_min_confidence_reads_the_calibrated_confidence():
    nlp = newsie.load()
    events = nlp(ARTICLE, published="2024-03-06").events
    cut = max(e.confidence for e in events)
    nlp.replace("events", config={"min_confidence": cut})
    kept = nlp(ARTICLE, published="2024-03-06").events
    assert kept and all(e.confidence >= cut for e in kept) and len(kept) < len(events)


def test_unknown_confidence_mode_is_a_clear_error():
    with pytest.raises(ValueError, match="'calibrated' or 'rules'"):
        newsie.load().replace("events", config={"confidence": "learned"})


def test_the_mode_round_trips_through_the_config(tmp_path):
    nlp = newsie.load()
    nlp.replace("events", config={"confidence": "rules"})
    nlp.save(tmp_path / "p.toml")
    again = newsie.load(tmp_path / "p.toml")
    assert again.get("events").confidence == "rules"


def test_the_gold_scorer_reports_events_by_confidence(monkeypatch):
    import sys
    from pathlib import Path

    monkeypatch.setattr(sys, "path", list(sys.path))  # the scorer adds its folders
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from news_events import _by_confidence

    def event(start: int, confidence: float) -> dict:
        trigger = {"start": start, "end": start + 2}
        return {"type": "fire", "trigger": trigger, "arguments": [], "confidence": confidence}

    gold = [
        {"type": "fire", "mentions": [[0, 2]], "arguments": [], "time": None, "status": "happened"},
        {
            "type": "fire",
            "mentions": [[10, 12]],
            "arguments": [],
            "time": None,
            "status": "happened",
        },
    ]
    record = {"id": "d", "events": gold}
    predicted = {"d": [event(0, 0.95), event(10, 0.65), event(20, 0.55)]}
    rows = _by_confidence([record], {"d": "起火" * 12}, predicted).splitlines()[1:]
    table = {float(row.split()[0]): [float(x) for x in row.split()[1:]] for row in rows}
    assert table[0.0] == [3, 0.667, 1.0, 0.8]
    assert table[0.6] == [2, 1.0, 1.0, 1.0]
    assert table[0.7] == [1, 1.0, 0.5, 0.667]
    assert table[0.9][0] == 1 and table[0.5][0] == 3
