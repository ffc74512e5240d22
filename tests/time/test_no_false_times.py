"""Numbers and words that look like times but are not."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from newsie.time import find_times, parse_time

PUB = datetime(2025, 11, 28, 13, 39, tzinfo=ZoneInfo("Asia/Shanghai"))
TIMELINE = ("point", "range", "vague", "set")

# (sentence, substring that must not be (part of) a time on the timeline)
NEGATIVE = [
    ("商汤科技第一时间伸出援手。", "第一时间"),
    ("一年期贷款利率降至4.15以下。", "4.15"),  # a rate, not 15 April
    ("该股在3.15以下获得支撑。", "3.15"),
    ("这家拥有33年辉煌历史的老牌美食店焕新升级。", "33年"),
    ("步行距离仅为实际距离的四分之一左右。", "四分之一"),
    ("AMD即将推出Radeon AI PRO R9700S与R9600D。", "R9700S"),
    ("苹果发布了iPhone 16系列手机。", "16"),
    ("计划分阶段累计采购26万块GPU。", "26万"),
    ("商汤科技宣布捐赠300万港元善款。", "300万"),
    ("该磁体中心磁场强度达到了16.5特斯拉。", "16.5"),
    ("公司股价上涨50%。", "50%"),
    ("AMD即将推出两款新显卡。", "两款"),
    ("韩国科学技术信息通信部第二次官柳济明出席。", "第二次"),
    ("他一时兴起，报名参加了比赛。", "一时"),
    ("会议提出三点要求。", "三点"),
    ("这一点非常重要。", "一点"),
    ("神舟二十号乘组顺利返回。", "二十号"),
    ("北京地铁3号线今天恢复运营。", "3号"),
    ("中央一号文件发布。", "一号"),
    ("此次试点聚焦37项重点任务。", "37项"),
    ("营业面积实现了两倍增长，新增109平方米室内用餐区。", "109"),
    ("内孔直径达到了150毫米。", "150"),
    ("新中国成立76周年。", "76周年"),
    ("今后年均增长保持在5%以上。", "后年"),
    ("这款产品展现在世人面前。", "现在"),
    ("他是一名90后创业者。", "90后"),
    ("本周期内数据保持稳定。", "本周"),
    ("张先生今年52岁。", "52岁"),
    ("比分定格在3:2。", "3:2"),
    ("最后一天的比赛十分激烈。", "后一天"),
    ("离我们最近的医院在两公里外。", "最近"),
    ("国家统计局发布数据。", "国家"),
    ("中国航天员顺利出舱。", "中国"),
    # a holiday naming a thing or an occasion, not a day
    ("中国驻法国大使馆近日举办国庆招待会。", "国庆"),
    ("公共場所的聖誕樹被推倒。", "聖誕"),
    ("台南市举办112年教师节表扬大会。", "教师节"),
    # a number with a full stop before a measure, not month.day
    ("交易作價，3.2億元的。", "3.2"),
    ("该县发生6.3级地震。", "6.3"),
    ("收入达7.21元。", "7.21"),
    ("版本1.2发布。", "1.2"),
]


@pytest.mark.parametrize("sentence,bad", NEGATIVE, ids=[b for _, b in NEGATIVE])
def test_no_false_time(sentence: str, bad: str) -> None:
    a = sentence.index(bad)
    b = a + len(bad)
    for m in find_times(sentence, PUB):
        overlaps = m.start < b and a < m.end
        if overlaps and m.value is not None:
            assert m.value.kind not in TIMELINE, (sentence[m.start : m.end], m.value)


@pytest.mark.parametrize(
    "text",
    [
        "第一时间",
        "四分之一",
        "R9700S",
        "26万",
        "50%",
        "16.5",
        "两款",
        "iPhone 16",
        "",
        "   ",
        "中国",
    ],
)
def test_parse_time_rejects(text: str) -> None:
    assert parse_time(text, PUB) is None


def test_33_years_is_a_duration_not_2033() -> None:
    sentence = "这家拥有33年辉煌历史的老牌美食店焕新升级。"
    found = [m for m in find_times(sentence, PUB) if m.value is not None]
    assert all(m.value.kind == "duration" for m in found)
    assert all(m.value.start is None or m.value.start.year != 2033 for m in found)


def test_two_digit_year_only_with_a_cue() -> None:
    # in running text a two-digit count before 年 is a year only with a month, an edge, a
    # holiday ... after it, 在/于/从/自 before it, or a leading zero
    found = find_times("这家店已经开了25年，口碑很好。", PUB)
    assert all(m.value.kind == "duration" for m in found)
    v = parse_time("25年3月", PUB)
    assert v is not None and v.start.year == 2025 and v.start.month == 3
    # parse_time of the year alone: a year when it is not after the reference year
    assert parse_time("25年", PUB).start.year == 2025
    assert parse_time("33年", PUB).kind == "duration"


def test_once_a_week_is_not_monday() -> None:
    sentence = "他每周一次前往医院复查。"
    texts = [sentence[m.start : m.end] for m in find_times(sentence, PUB)]
    assert "每周一" not in texts
    assert all(m.value is None or m.value.kind == "set" for m in find_times(sentence, PUB))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("教师节当天，他获得表彰。", "2025-09-10T00:00:00+08:00"),
        ("国庆节当天发生火灾。", "2025-10-01T00:00:00+08:00"),
        ("圣诞节当晚发生火灾。", "2024-12-25T18:00:00+08:00"),
    ],
)
def test_a_holiday_and_its_day_is_the_holiday(text: str, expected: str) -> None:
    """教师节当天 is the holiday's own day, not the day told before it (当天 = that day)."""
    published = datetime(2025, 9, 30, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    (mention,) = find_times(text, published)
    assert mention.value.start.isoformat() == expected
