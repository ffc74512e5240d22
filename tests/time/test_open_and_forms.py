"""Open intervals, the reference forms of parse_time, +08:00 before 1901, and the negative
cases of the expression classes of issue 17 (the positive ones are in cases.tsv)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import newsie
from newsie.display import format_time
from newsie.document import Document, TimeMention
from newsie.time import TimeValue, find_times, parse_time

SH = ZoneInfo("Asia/Shanghai")
PUB = datetime(2025, 11, 28, 13, 39, tzinfo=SH)
TIMELINE = ("point", "range", "open", "vague", "set")


def _at(text: str, mention: str, published=PUB):
    a = text.index(mention)
    for m in find_times(text, published):
        if (m.start, m.end) == (a, a + len(mention)):
            return m
    raise AssertionError(
        f"{mention!r} not found in {[text[m.start : m.end] for m in find_times(text, published)]}"
    )


# -- the open value --------------------------------------------------------------------


def test_until_and_from_on() -> None:
    until = parse_time("截至2026年6月底", PUB)
    assert (until.kind, until.start, until.end) == ("open", None, datetime(2026, 7, 1, tzinfo=SH))
    since = parse_time("2019年以后", PUB)
    assert (since.kind, since.start, since.end) == ("open", datetime(2019, 1, 1, tzinfo=SH), None)
    assert since.grain == "year" and since.anchor == "absolute"


def test_clock_time_is_an_instant() -> None:
    v = parse_time("下午5点前", PUB)
    assert v.end == datetime(2025, 11, 28, 17, tzinfo=SH)
    v = parse_time("11月28日前", PUB)  # a day: until its end
    assert v.end == datetime(2025, 11, 29, tzinfo=SH)


def test_since_without_a_reference_is_open() -> None:
    v = parse_time("2019年以来")
    assert (v.kind, v.start, v.end) == ("open", datetime(2019, 1, 1, tzinfo=SH), None)
    v = parse_time("2019年以来", PUB)  # with one: up to the end of the reference day
    assert (v.kind, v.end) == ("range", datetime(2025, 11, 29, tzinfo=SH))


def test_start_word_needs_from() -> None:
    text = "比赛将于下午3点开始，从明天开始实行新规。"
    assert _at(text, "下午3点").value.kind == "point"
    assert _at(text, "明天开始").value.kind == "open"


def test_the_schema_has_open_values() -> None:
    schema = json.dumps(newsie.json_schema(), ensure_ascii=False)
    assert '"open"' in schema  # TimeValue.kind in the events' JSON Schema
    assert "until end" in schema


def test_an_event_keeps_an_open_time() -> None:
    events = newsie.extract("截至2025年9月底，华为向灾区捐款500万元。", published=PUB)
    times = [(e.time.kind, e.time.start, e.time.end, e.time_text) for e in events if e.time]
    assert ("open", None, datetime(2025, 10, 1, tzinfo=SH), "截至2025年9月底") in times


def test_json_round_trip_of_open_values() -> None:
    for text in ("截至2026年6月底", "2019年以后", "45日内"):
        v = parse_time(text, PUB)
        back = TimeValue.model_validate_json(v.model_dump_json())
        assert back == v


def test_display() -> None:
    assert format_time(parse_time("截至2026年6月底", PUB)) == "~… – 2026-06-30"
    assert format_time(parse_time("2019年以后", PUB)) == "2019 – …"
    assert format_time(parse_time("2025年12月31日前", PUB)) == "… – 2025-12-31"


# -- parse_time's reference ----------------------------------------------------------------


@pytest.mark.parametrize(
    "reference",
    [
        datetime(2025, 11, 20, 12),
        datetime(2025, 11, 20, 12, tzinfo=SH),
        date(2025, 11, 20),
        "2025-11-20T12:00",
        "2025-11-20",
        "2025-11-20T04:00:00Z",
        "2025-11-20T12:00:00+08:00",
    ],
)
def test_reference_forms(reference) -> None:
    v = parse_time("昨天", reference)
    assert v.start == datetime(2025, 11, 19, tzinfo=SH)
    assert v.anchor == "reference"


def test_bad_reference() -> None:
    with pytest.raises(ValueError):
        parse_time("昨天", "yesterday")
    with pytest.raises(TypeError):
        parse_time("昨天", 20251120)


def test_public_wrapper_takes_a_string_reference() -> None:
    assert newsie.parse_time("明天", "2025-11-20T12:00").start == datetime(2025, 11, 21, tzinfo=SH)


# -- years before 1901: +08:00, exact JSON round trips ------------------------------------


@pytest.mark.parametrize("text", ["1900年", "1900年3月5日", "乾隆十年5月", "1895年4月17日10时"])
def test_old_dates_are_at_plus_eight(text: str) -> None:
    v = parse_time(text)
    assert v.start.utcoffset() == timedelta(hours=8)
    assert v.end.utcoffset() == timedelta(hours=8)
    back = TimeValue.model_validate_json(v.model_dump_json())
    assert (back.start, back.end) == (v.start, v.end)


def test_document_json_round_trip_is_exact() -> None:
    text = "1900年，八国联军攻入北京。"
    v = find_times(text, PUB)[0].value
    doc = Document(text=text, published=PUB)
    doc.times = [TimeMention(start=0, end=5, text="1900年", label="TIME", value=v)]
    back = Document.model_validate_json(doc.model_dump_json())
    assert back.times[0].value.start == v.start
    assert back.times[0].value.start - datetime(1900, 1, 1, tzinfo=timezone.utc) == timedelta(
        hours=-8
    )


# -- conventions that are easy to get wrong ----------------------------------------------


def test_n_units_after_names_a_unit_and_span_is_duckling() -> None:
    v = parse_time("3天后", PUB)
    assert (v.kind, v.start, v.grain) == ("point", datetime(2025, 12, 1, tzinfo=SH), "day")
    v = parse_time("3天后", PUB, offsets="span")
    assert (v.kind, v.start, v.end) == (
        "range",
        datetime(2025, 11, 29, tzinfo=SH),
        datetime(2025, 12, 2, tzinfo=SH),
    )
    found = find_times("两年前，他来到这里。", PUB, offsets="span")
    assert found[0].value.kind == "range"


def test_time_of_day_takes_the_reference_date() -> None:
    for prefer in ("past", "nearest"):
        v = parse_time("凌晨2点", PUB, prefer=prefer)
        assert v.start == datetime(2025, 11, 28, 2, tzinfo=SH)
    v = parse_time("凌晨2点", PUB, prefer="future")  # Duckling: the next one
    assert v.start == datetime(2025, 11, 29, 2, tzinfo=SH)


def test_range_parts_keep_their_grain() -> None:
    assert parse_time("2024年3月至5月", PUB).grain == "month"
    assert parse_time("2023-2025年", PUB).grain == "year"
    assert parse_time("下午2点到4点十分", PUB).grain == "minute"


def test_two_digit_years_in_text() -> None:
    assert _at("04年雅典奥运会上，他夺得金牌。", "04年").value.start.year == 2004
    assert _at("于23年，公司上市。", "23年").value.start.year == 2023
    assert parse_time("零六年", PUB).start.year == 2006
    assert parse_time("49年10月", PUB).start.year == 1949


# -- negative cases ------------------------------------------------------------------------

NEGATIVE = [
    # a 4- or 8-digit number that is no year / date
    ("该车间今年共生产零件2035件。", "2035"),
    ("订单编号20251399已发货。", "20251399"),
    ("请拨打热线电话20250611123咨询。", "20250611123"),
    ("全村共有1900户村民。", "1900"),
    # 第三 / 最后 that is no week, month or day of anything
    ("比赛进入第三周，球队状态回升。", "第三周"),
    ("这是他第二个月参加培训。", "第二个月"),
    ("最后一天的比赛十分激烈。", "最后一天"),
    ("公司成立第3周年之际举行庆典。", "第3周"),
    # 前 / 后 / 起 / 内 after a time that mark no open interval
    ("代表团11月28日前往北京。", "前往"),
    ("他们2019年后来又见过一次。", "后来"),
    ("飞机于下午3点起飞。", "起飞"),
    ("会议讨论了2025年内容安排。", "内容"),
    # solar terms that are weather, 小雪 light snow
    ("今天夜里有小雪，明天转晴。", "小雪"),
    ("受冷空气影响，山区将出现大雪。", "大雪"),
    ("雨水来临之前，工人们完成了抢修。", "雨水"),
    # two-digit counts of years
    ("这家拥有33年辉煌历史的老店焕新升级。", "33年"),
    ("他在这里工作了18年。", "18年"),
    ("新中国成立76周年。", "76周年"),
    # numbers that look like compact dates
    ("他以1·2的比分落后。", "1·2"),
    ("每月1,060元的补贴按时发放。", "1,060"),
    ("本店已营业9个月2星期。", "9个月2"),
    ("公元前221年，秦统一六国。", "公元前221年"),
]


@pytest.mark.parametrize("sentence,bad", NEGATIVE, ids=[b for _, b in NEGATIVE])
def test_no_false_time(sentence: str, bad: str) -> None:
    a = sentence.index(bad)
    b = a + len(bad)
    for m in find_times(sentence, PUB):
        overlaps = m.start < b and a < m.end
        if overlaps and m.value is not None:
            assert m.value.kind not in TIMELINE, (sentence[m.start : m.end], m.value)


def test_open_markers_need_a_time_before_them() -> None:
    for text in ("前往", "以后", "起飞", "内容", "以内"):
        assert parse_time(text, PUB) is None


def test_reign_years_stay_in_their_reign() -> None:
    assert parse_time("乾隆八十年") is None  # 乾隆 ended in its sixtieth year (1795)
    assert parse_time("民国114年").start.year == 2025  # 民国 is still counted in Taiwan


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("他早在6.12就響應罷工。", (6, 12)),
        ("示威者於7.1衝入立法會大樓。", (7, 1)),
        ("此事和7.21元朗事件无关。", (7, 21)),
        ("何桂藍直播7.21元朗站白衣人襲擊片段。", (7, 21)),  # what was streamed
        ("王婆婆於去年8.11太古地鐵站示威後失蹤。", (8, 11)),  # after a year word
        ("被問到8.18遊行時有否想過會被控。", (8, 18)),  # after 到
    ],
)
def test_a_day_with_a_full_stop_after_a_setting_word(sentence, day):
    """Hong Kong news names days as 6.12, 7.1: after 在, 於, 和, 直播 or a year too, not only
    opening a phrase."""
    published = datetime(2020, 12, 1, tzinfo=ZoneInfo("Asia/Hong_Kong"))
    found = [m for m in find_times(sentence, published) if m.value is not None and m.value.start]
    assert [(m.value.start.month, m.value.start.day) for m in found] == [day]


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("昨晨約7時50分，警方發現有大批暴徒在天橋聚集。", (11, 11, 7)),
        ("前晚8時，一名男子被捕。", (11, 10, 20)),
    ],
)
def test_yesterday_morning_and_the_night_before_last(sentence, when):
    """昨晨 and 前晚 / 前晨 are day words with a part of the day (not 提前晚了, 之前晚上)."""
    published = datetime(2019, 11, 12, tzinfo=ZoneInfo("Asia/Hong_Kong"))
    (found,) = [m for m in find_times(sentence, published) if m.value is not None and m.value.start]
    assert (found.value.start.month, found.value.start.day, found.value.start.hour) == when


@pytest.mark.parametrize("sentence", ["航班比原定提前晚了两小时。", "在此之前晚上他都在家。"])
def test_no_night_before_last_inside_other_words(sentence):
    published = datetime(2019, 11, 12, tzinfo=ZoneInfo("Asia/Hong_Kong"))
    assert not any("前晚" in sentence[m.start : m.end] for m in find_times(sentence, published))
