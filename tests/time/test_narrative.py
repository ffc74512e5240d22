"""Times told in a story (issue 16, 'the event's own time'): a bare day takes the month of
the last full date written before it, a story's clock runs on from its last time of day,
some-ten days are approximate, and a number in brackets after a name is a shirt number."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsie.time import find_times

REF = datetime.fromisoformat("2025-08-20T12:00:00+08:00")

# (text, the expression looked at, its start as YYYY-MM-DDTHH:MM, anchor, approximate)
CASES = [
    ("2025年7月3日，某地发生火灾。5日，当地又发生爆炸。", "5日", "2025-07-05T00:00", "previous", False),
    ("2025年7月30日，工厂停产。2日，工厂复产。", "2日", "2025-08-02T00:00", "previous", False),
    # a date read off the reference (前年11月10日) is no full date: 今（18日） is this month's
    ("前年11月10日发生冲突，案件今（18日）判刑。", "18日", "2025-08-18T00:00", "published", False),
    ("5日，会议召开。", "5日", "2025-08-05T00:00", "published", False),
    ("当地时间5日上午10时许，工厂发生爆炸。约15分钟后，附近仓库起火。", "15分钟后",
     "2025-08-05T10:15", "previous", False),
    ("3小时后，救援队抵达。", "3小时后", "2025-08-20T15:00", "published", False),
    ("10多天前，该公司宣布裁员200人。", "10多天前", "2025-08-10T00:00", "published", True),
    ("10天前，该公司宣布裁员200人。", "10天前", "2025-08-10T00:00", "published", False),
]


@pytest.mark.parametrize(("text", "expression", "start", "anchor", "approximate"), CASES)
def test_story_times(text, expression, start, anchor, approximate):
    found = {text[m.start : m.end]: m for m in find_times(text, REF)}
    value = found[expression].value
    assert value.start.strftime("%Y-%m-%dT%H:%M") == start
    assert (value.anchor, value.approximate) == (anchor, approximate)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("球员张三（4号）在比赛中受伤。", []),
        ("今天（4号）下午开会。", ["今天", "4号", "下午"]),
        ("4号，会议举行。", ["4号"]),
    ],
)
def test_a_number_in_brackets_after_a_name_is_no_date(text, dates):
    assert [text[m.start : m.end] for m in find_times(text, REF)] == dates
