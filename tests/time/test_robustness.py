"""Robustness: linear time on adversarial input, valid offsets on random text."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.time import find_times, parse_time
from tests.timing import seconds

PUB = datetime(2025, 11, 28, 13, 39, tzinfo=ZoneInfo("Asia/Shanghai"))
ADVERSARIAL = [
    "1234567890",
    "年月日",
    "2025年",
    "1年",
    "十一月二十八日",
    "12:34:",
    "2025年11月28日13:39",
    "周三周",
    "上下前后今明",
    "一二三四五六七八九十",
    "2025-11-",
    "点时分秒",
]


def _elapsed(text: str) -> float:
    return seconds(lambda: find_times(text, PUB))


@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_linear_time(unit: str) -> None:
    small = unit * (40_000 // len(unit))
    big = unit * (160_000 // len(unit))
    _elapsed(small[:1000])
    t_small = min(_elapsed(small) for _ in range(2))
    t_big = _elapsed(big)
    # 4x the input: linear is ~4x the time; allow slack for a busy machine
    assert t_big < 10 * t_small + 0.5, (t_small, t_big)


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["1234567890", "年月日", "2025年11月28日", "1年"])
def test_one_megabyte(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    assert _elapsed(text) < 60


ALPHABET = st.sampled_from(
    list(
        "0123456789年月日号周星期一二三四五六七八九十上下午前后今明昨点时分秒:-/.至到，。 天每近初底末旬季度半个小早晚凌晨第Q"
    )
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_find_times_offsets(text: str) -> None:
    prev_end = 0
    for m in find_times(text, PUB):
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= prev_end
        prev_end = m.end
        if m.value is not None:
            v = m.value
            assert v.kind in ("point", "range", "open", "duration", "set", "vague")
            if v.start is not None and v.end is not None:
                assert v.start < v.end
                assert v.start.tzinfo is not None
        else:
            assert m.unresolved


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=20).map("".join))
def test_parse_time_total(text: str) -> None:
    v = parse_time(text, PUB)
    if v is not None and v.start is not None:
        assert v.start < v.end
    for prefer in ("future", "nearest"):
        parse_time(text, PUB, prefer=prefer)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_unicode(text: str) -> None:
    for m in find_times(text, PUB):
        assert 0 <= m.start < m.end <= len(text)
    parse_time(text, PUB)
    find_times(text, None)
