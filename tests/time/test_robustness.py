"""Robustness: linear work on adversarial input, valid offsets on random text."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.time import find_times, parse_time
from tests.work import lines

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


def _work(text: str) -> int:
    """The Python lines find_times runs: counted, the same on a busy machine (times at
    1 MB and up: benchmarks/adversarial.py and benchmarks/time.py --adversarial)."""
    return lines(lambda: find_times(text, PUB))


@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_linear_work(unit: str) -> None:
    small = unit * (5_000 // len(unit))
    big = unit * (20_000 // len(unit))
    _work(small[:1000])
    w_small, w_big = _work(small), _work(big)
    assert w_big <= 4.4 * w_small + 1000, (w_small, w_big)  # 4x the input


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
    if v is not None and v.start is not None and v.end is not None:  # 1月后: open, no end
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


@pytest.mark.parametrize(
    "published", [PUB, "2025-11-28T13:39:00+08:00", "2025-11-28T13:39", PUB.date()]
)
def test_find_times_takes_the_publication_time_as_the_pipeline_does(published):
    """A datetime, an ISO 8601 string (naive: Beijing time) or a date: 昨天 is the 27th."""
    (match,) = find_times("昨天他来了", published=published)
    assert match.value.start.date().isoformat() == "2025-11-27"


@pytest.mark.parametrize(("published", "error"), [("yesterday", ValueError), (5.5, TypeError)])
def test_a_bad_publication_time_is_a_clear_error(published, error):
    with pytest.raises(error, match="published"):
        find_times("昨天他来了", published=published)


@pytest.mark.parametrize("text", [None, b"\xd6\xd0\xb9\xfa", 123])
def test_a_text_that_is_no_str_is_a_clear_error(text):
    with pytest.raises(TypeError, match="must be a str"):
        find_times(text, published=PUB)
    with pytest.raises(TypeError, match="must be a str"):
        parse_time(text, PUB)
