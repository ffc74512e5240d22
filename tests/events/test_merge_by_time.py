"""Mentions told with times of their own that do not meet are two happenings, however
alike (a career history: 2015年出任…, 2019年出任…); a restatement without a time of its own
still joins its event."""

from __future__ import annotations

import pytest

import newsie

PUBLISHED = "2025-03-10T10:00:00+08:00"


@pytest.fixture(scope="module")
def nlp():
    return newsie.load()


@pytest.mark.parametrize(
    ("text", "event_type", "count"),
    [
        ("2015年，张伟出任市长。2019年，张伟出任市委书记。", "appointment", 2),
        # a career's tenures meet at their ends: each post begins at its own time
        ("李建国于2011年6月至2015年11月任岚县县委常委，2015年11月至2017年2月任柳林县县委常委。", "appointment", 2),
        ("3月1日，北京一小区发生火灾。3月5日，北京又发生火灾。", "fire", 2),
        # one happening: the restatement has no time of its own
        ("3月1日，北京一小区发生火灾。这场火灾造成2人受伤。", "fire", 1),
        # one happening told twice with times that meet (a day within its month)
        ("3月，北京一小区发生火灾。3月1日的这场火灾造成2人受伤。", "fire", 1),
    ],
)
def test_own_times_that_do_not_meet_keep_events_apart(nlp, text, event_type, count):
    events = [e for e in nlp(text, published=PUBLISHED).events if e.type == event_type]
    assert len(events) == count, [(e.trigger.text, e.time_text) for e in events]


def test_a_vague_word_is_kept_as_words_without_a_value(nlp):
    """近日 names no date (the gold set's reading), but DuEE and readers keep the words."""
    (fire,) = nlp("近日，北京一小区发生火灾。", published=PUBLISHED).events
    assert (fire.time, fire.time_text) == (None, "近日")


def test_a_date_beats_a_vague_word_when_mentions_merge(nlp):
    text = "近日，北京一小区发生火灾。3月1日的这场火灾造成2人受伤。"
    (fire,) = [e for e in nlp(text, published=PUBLISHED).events if e.type == "fire"]
    assert fire.time_text == "3月1日" and fire.time is not None


def test_a_name_replaces_an_office_when_mentions_merge(nlp):
    """The headline names the guest by office, the story by name: one guest."""
    text = "王沪宁会见伊朗总统\n全国政协主席王沪宁2日在京会见来华访问的伊朗总统佩泽希齐扬。"
    (meeting,) = [e for e in nlp(text, published=PUBLISHED).events if e.type == "meeting"]
    assert meeting.roles["counterpart"] == ["佩泽希齐扬"]


def test_a_restatement_that_names_no_one_joins_the_latest_event(nlp):
    """However far down the story, 火灾 with no place or participant of its own restates
    the fire told before; one naming another place is another fire."""
    text = (
        "3月1日，北京一小区发生火灾。消防员迅速赶到现场。现场浓烟滚滚。"
        "附近居民被疏散。起火原因正在调查。这起火灾造成2人受伤。"
    )
    fires = [e for e in nlp(text, published=PUBLISHED).events if e.type == "fire"]
    assert len(fires) == 1
    other = "3月1日，北京一小区发生火灾。消防员迅速赶到现场。现场浓烟滚滚。附近居民被疏散。上海一工厂也发生火灾。"
    assert len([e for e in nlp(other, published=PUBLISHED).events if e.type == "fire"]) == 2
