"""Anchors: absolute / published / previous / reference, and never the clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from newsie.time import TimeValue, find_times, parse_time

SH = ZoneInfo("Asia/Shanghai")
PUB = datetime(2025, 11, 28, 13, 39, tzinfo=SH)


def _at(text: str, mention: str, published=PUB):
    a = text.index(mention)
    for m in find_times(text, published):
        if (m.start, m.end) == (a, a + len(mention)):
            return m
    raise AssertionError(
        f"{mention!r} not found in {[text[m.start : m.end] for m in find_times(text, published)]}"
    )


def test_next_day_chains_to_previous_mention() -> None:
    text = "2025年11月20日，患者因鼻痒就医，次日清晨面部肿胀加剧。"
    m = _at(text, "次日清晨")
    assert m.value.anchor == "previous"
    assert m.value.start == datetime(2025, 11, 21, 5, tzinfo=SH)
    assert m.value.end == datetime(2025, 11, 21, 8, tzinfo=SH)


@pytest.mark.parametrize(
    "word,start,end",
    [
        ("次日", datetime(2025, 3, 11), datetime(2025, 3, 12)),
        ("翌日", datetime(2025, 3, 11), datetime(2025, 3, 12)),
        ("当天", datetime(2025, 3, 10), datetime(2025, 3, 11)),
        ("当日", datetime(2025, 3, 10), datetime(2025, 3, 11)),
        ("同日", datetime(2025, 3, 10), datetime(2025, 3, 11)),
        ("当晚", datetime(2025, 3, 10, 18), datetime(2025, 3, 11)),
        ("此后两天", datetime(2025, 3, 11), datetime(2025, 3, 13)),
    ],
)
def test_anaphora(word: str, start: datetime, end: datetime) -> None:
    text = f"3月10日，代表团抵达当地。{word}，双方举行会谈。"
    m = _at(text, word)
    assert m.value.anchor == "previous"
    assert (m.value.start, m.value.end) == (start.replace(tzinfo=SH), end.replace(tzinfo=SH))


def test_chain_follows_the_latest_mention() -> None:
    text = "11月1日，工程开工。11月5日，主体完工，次日通过验收。"
    m = _at(text, "次日")
    assert m.value.start == datetime(2025, 11, 6, tzinfo=SH)


def test_anaphora_without_previous_uses_published() -> None:
    m = _at("当天，全市降温明显。", "当天")
    assert m.value.anchor == "published"
    assert m.value.start == datetime(2025, 11, 28, tzinfo=SH)


def test_relative_is_published_anchored() -> None:
    m = _at("杭州市中医院近日接诊了一位患者，昨天病情好转。", "昨天")
    assert m.value.anchor == "published"
    assert m.value.start == datetime(2025, 11, 27, tzinfo=SH)


def test_absolute_needs_nothing() -> None:
    m = _at("2025年11月26日，香港大埔区发生火灾。", "2025年11月26日", published=None)
    assert m.value is not None and m.value.anchor == "absolute"
    assert m.unresolved is None


def test_no_publication_time_leaves_relative_unresolved() -> None:
    text = "2025年11月26日发生火灾，近日善款到位，周三举行悼念，次日恢复通车。"
    found = {text[m.start : m.end]: m for m in find_times(text, None)}
    assert found["2025年11月26日"].value is not None
    for word in ("近日", "周三"):
        assert found[word].value is None
        assert found[word].unresolved == "no publication time"
    # 次日 can still chain to the absolute date before it
    assert found["次日"].value.start == datetime(2025, 11, 27, tzinfo=SH)
    assert found["次日"].value.anchor == "previous"


@pytest.mark.parametrize(
    "expr", ["今天", "周三", "近日", "3天前", "11月28日", "下午3点", "春节", "本月"]
)
def test_parse_time_never_uses_the_clock(expr: str) -> None:
    assert parse_time(expr) is None
    v = parse_time(expr, PUB)
    assert isinstance(v, TimeValue) and v.anchor == "reference"


def test_parse_time_absolute_without_reference() -> None:
    v = parse_time("2025年11月28日")
    assert v.anchor == "absolute" and v.grain == "day" and v.kind == "point"
    assert v.start == datetime(2025, 11, 28, tzinfo=SH)
    assert v.end == datetime(2025, 11, 29, tzinfo=SH)


def test_naive_reference_is_read_in_tz() -> None:
    v = parse_time("今天", datetime(2025, 11, 28, 23, 0))
    assert v.start == datetime(2025, 11, 28, tzinfo=SH)


def test_reference_in_other_zone_is_converted() -> None:
    utc_ref = datetime(2025, 11, 28, 20, 0, tzinfo=timezone.utc)  # 04:00 on the 29th in Beijing
    v = parse_time("今天", utc_ref)
    assert v.start == datetime(2025, 11, 29, tzinfo=SH)


@pytest.mark.parametrize(
    "prefer,expected",
    [
        ("past", datetime(2025, 11, 26)),
        ("future", datetime(2025, 12, 3)),
        ("nearest", datetime(2025, 11, 26)),
    ],
)
def test_prefer_weekday(prefer: str, expected: datetime) -> None:
    v = parse_time("周三", PUB, prefer=prefer)
    assert v.start == expected.replace(tzinfo=SH)


def test_prefer_nearest_picks_closest() -> None:
    v = parse_time("周六", PUB, prefer="nearest")  # Fri 28th: Sat 29th is 1 day away
    assert v.start == datetime(2025, 11, 29, tzinfo=SH)


def test_prefer_month_day() -> None:
    assert parse_time("12月20日", PUB).start.year == 2025  # 22 days ahead: still this year
    assert parse_time("1月10日", PUB).start.year == 2025
    assert parse_time("1月10日", PUB, prefer="future").start.year == 2026
    assert parse_time("11月1日", PUB, prefer="future").start.year == 2026


@pytest.mark.parametrize(
    "expr,zone,hour",
    [
        ("北京时间11月28日13时", "Asia/Shanghai", 13),
        ("美国东部时间27日晚8点", "America/New_York", 20),
        ("格林尼治时间28日6时", "UTC", 6),
        ("日本时间28日上午10点", "Asia/Tokyo", 10),
        ("伦敦时间28日下午2点", "Europe/London", 14),
    ],
)
def test_named_zones(expr: str, zone: str, hour: int) -> None:
    v = parse_time(expr, PUB)
    z = ZoneInfo(zone)
    assert v.start.astimezone(z).hour == hour
    assert v.start.utcoffset() == v.start.astimezone(z).utcoffset()
    assert not v.approximate


def test_local_time_falls_back_and_is_marked() -> None:
    v = parse_time("当地时间28日上午", PUB)
    assert v.approximate
    assert v.start == datetime(2025, 11, 28, 8, tzinfo=SH)


def test_eastern_time_to_utc() -> None:
    v = parse_time("美国东部时间2025年11月27日晚8点", PUB)
    assert v.start.astimezone(timezone.utc) == datetime(2025, 11, 28, 1, tzinfo=timezone.utc)
    assert v.end - v.start == timedelta(hours=1)


def test_coordinated_mentions_share_the_year() -> None:
    text = "例如，2003年3月和4月，当地发生冲突；2025年11月26日、27日两天举行活动。"
    found = {text[m.start : m.end]: m.value for m in find_times(text, PUB)}
    assert found["4月"].start == datetime(2003, 4, 1, tzinfo=SH)
    assert found["27日"].start == datetime(2025, 11, 27, tzinfo=SH)


@pytest.mark.parametrize("expr", ["2025年11月28日，", " 2025年11月28日。", "“2025年11月28日”", "（2025年11月28日）"])
def test_parse_time_ignores_surrounding_punctuation(expr: str) -> None:
    assert parse_time(expr).start == datetime(2025, 11, 28, tzinfo=SH)
