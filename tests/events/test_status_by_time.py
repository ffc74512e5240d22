"""An event's own time settles its status when the cue words cannot: dated two days or
more after publication, it is planned; a headline's halves, split by an ideographic
space, are separate clauses (the date of one is not the other's)."""

from __future__ import annotations

import pytest

import newsie

PUBLISHED = "2023-03-28T10:00:00+08:00"


@pytest.fixture(scope="module")
def nlp():
    return newsie.load()


@pytest.mark.parametrize(
    ("text", "event_type", "status"),
    [
        # the plan's cue (暂定) comes after the trigger; the date says it is to come
        ("该案二审开庭时间暂定在4月3日。", "hearing", "planned"),
        ("法院将于4月3日开庭审理此案。", "hearing", "planned"),
        # a date before publication, or the next day (a dateline may run a day ahead)
        ("3月20日，法院开庭审理此案。", "hearing", "happened"),
        ("29日，北京一小区发生火灾。", "fire", "happened"),
        # a headline's halves: 周四 is when the hearing resumes, not when they were charged
        ("黄之锋等20人被控藐视法庭\u3000押后至周四审理", "lawsuit", "happened"),
    ],
)
def test_status_follows_the_event_time(nlp, text, event_type, status):
    events = [e for e in nlp(text, published=PUBLISHED).events if e.type == event_type]
    assert [e.status for e in events] == [status]


def test_headline_halves_are_clauses(nlp):
    """黄之锋等20人被控藐视法庭　押后至周四审理: 周四 dates the hearing, not the charge."""
    doc = nlp("黄之锋等20人被控藐视法庭\u3000押后至周四审理", published=PUBLISHED)
    (charge,) = [e for e in doc.events if e.type == "lawsuit"]
    assert charge.time_text != "周四"
