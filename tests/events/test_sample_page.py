"""The README's sample page (corpora/samples/page.txt), through the real default
pipeline: each item states one real event, and each is found with its key arguments
(the companies there are in no lexicon: the NER rules must find them)."""

from __future__ import annotations

import pytest

import newsie
from tests.conftest import SAMPLE_PAGE

# (type, status, role, argument) for every event the page states, in page order
EXPECTED = [
    # announced in its own sentence; 据了解 later frames the financing, not the departure
    ("departure", "happened", "organization", "晨光机器人公司"),
    ("founding", "planned", "organization", "青岚人工智能实验室"),
    ("financing", "reported", "company", "晨光机器人公司"),
    ("fire", "happened", "place", "浙江省宁波市海曙区"),
    ("donation", "happened", "donor", "远望科技"),
    ("procurement", "planned", "buyer", "江南市人民医院"),
    ("product_launch", "happened", "product", "星辰X10 Pro"),
    ("opening", "planned", "organization", "福满楼"),
]


@pytest.fixture(scope="module")
def events():
    doc = newsie.load()(SAMPLE_PAGE.read_text(encoding="utf-8"), published="2025-11-20T12:00")
    return doc.all_events


def test_every_event_and_no_other(events):
    assert [(e.type, e.status) for e in events] == [(t, s) for t, s, _, _ in EXPECTED]


@pytest.mark.parametrize(("event_type", "status", "role", "argument"), EXPECTED)
def test_key_argument(events, event_type, status, role, argument):
    (event,) = [e for e in events if e.type == event_type]
    assert argument in [a.text for a in event.all(role)]
