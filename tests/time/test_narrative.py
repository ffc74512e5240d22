"""Times told in a story (issue 16, 'the event's own time'): a bare day takes the month of
the last full date written before it, and so does a bare time of day; a story's clock runs
on from its last time of day,
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
    # a clock time alone is on the day last written out, and the story runs on from it
    ("2022年3月21日，客机执行航班。13时16分飞机起飞，64分钟后坠毁。", "13时16分",
     "2022-03-21T13:16", "previous", False),
    ("2022年3月21日，客机执行航班。13时16分飞机起飞，64分钟后坠毁。", "64分钟后",
     "2022-03-21T14:20", "previous", False),
    ("13时16分飞机起飞。", "13时16分", "2025-08-20T13:16", "published", False),
    # ... and on a day named from the reference before it in its sentence (昨凌晨…早上)
    ("昨凌晨1时许，一名学生在薄扶林道被捕；早上7时许，有4名学生被捕。", "早上7时许",
     "2025-08-19T07:00", "previous", True),
    # not across a sentence: a flashback (原來昨夜…) does not move the story's day
    ("原来昨夜10时许，律师传真了一封信。法官再休庭半小时，直至下午四时半才宣布裁决。", "下午四时半",
     "2025-08-20T16:30", "published", False),
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


@pytest.mark.parametrize(
    ("text", "expression", "kind", "days"),
    [
        ("张三被警方行政拘留5日。", "5日", "duration", 5),
        ("该公司股票停牌3日。", "3日", "duration", 3),
        ("警方对其处以5日行政拘留。", "5日", "duration", 5),
        ("该球员被禁赛10日。", "10日", "duration", 10),
        ("会议于5日举行。", "5日", "point", None),
        ("政府停摆持续\n1日，参议院投票。", "1日", "point", None),
        ("12月5日，张三被拘留。", "12月5日", "point", None),
    ],
)
def test_a_day_after_a_verb_of_days_counts_days(text, expression, kind, days):
    found = {text[m.start : m.end]: m.value for m in find_times(text, REF)}
    value = found[expression]
    assert value.kind == kind
    if days is not None:
        assert value.duration_seconds == days * 86400


# (text, published, expression, start, end as YYYY-MM-DDTHH:MM, approximate)
NEWS_WORDS = [
    # seasons: spring March-May ... winter December to February
    ("去年春天，该组织宣布解散。", REF, "去年春天", "2024-03-01T00:00", "2024-06-01T00:00", True),
    ("2022年冬天，当地遭遇寒潮。", REF, "2022年冬天", "2022-12-01T00:00", "2023-03-01T00:00", True),
    ("今年秋季，学校将扩招。", REF, "今年秋季", "2025-09-01T00:00", "2025-12-01T00:00", True),
    ("2019年春，他来到北京。", REF, "2019年春", "2019-03-01T00:00", "2019-06-01T00:00", True),
    ("今春以来，降雨偏少。", REF, "今春以来", "2025-03-01T00:00", "2025-08-21T00:00", True),
    ("做好今冬明春供暖工作。", REF, "今冬", "2025-12-01T00:00", "2026-03-01T00:00", True),
    ("去冬今春，当地降水偏少。", REF, "去冬", "2024-12-01T00:00", "2025-03-01T00:00", True),
    # Hong Kong usage: 昨午 / 今午 are yesterday's / today's afternoon
    ("专家组昨午到医院视察。", REF, "昨午", "2025-08-19T12:00", "2025-08-19T19:00", False),
    # the part of a period before / after the reference
    ("该公司本周早些时候发布新品。", REF, "本周早些时候", "2025-08-18T00:00", "2025-08-20T00:00", True),
    ("双方将于今天晚些时候会谈。", REF, "今天晚些时候", "2025-08-20T13:00", "2025-08-21T00:00", True),
    # 同年 / 次年 after a time from a start on
    ("2018年2月起，他任副区长，同年12月任区委常委。", REF, "同年12月", "2018-12-01T00:00",
     "2019-01-01T00:00", False),
    ("自2019年起，公司扩张，次年上市。", REF, "次年", "2020-01-01T00:00", "2021-01-01T00:00", False),
    # 的 between a year and its month
    ("据2021年报道，当年的3月20日，大会召开。", REF, "当年的3月20日", "2021-03-20T00:00",
     "2021-03-21T00:00", False),
    # a date put off or planned is ahead of the reference
    ("案件押后至周四审理。", REF, "周四", "2025-08-21T00:00", "2025-08-22T00:00", False),
    ("展会将于3月举行。", REF, "3月", "2026-03-01T00:00", "2026-04-01T00:00", False),
    ("展会于3月举行。", REF, "3月", "2025-03-01T00:00", "2025-04-01T00:00", False),
    # a word of approximation before an hour (近1時, 约3点) keeps the hour with its day
    ("昨日下午近1時，他提堂。", REF, "昨日下午近1時", "2025-08-19T13:00", "2025-08-19T14:00", False),
    ("今年近3个月以来，销量增长。", REF, "今年", "2025-01-01T00:00", "2026-01-01T00:00", False),
    # a date a session is adjourned to is ahead too; 将 after a date marks an object as often
    ("被告獲准保釋，11月14日再訊。", REF, "11月14日", "2025-11-14T00:00", "2025-11-15T00:00", False),
    ("委员会于7月31日将响应级别提升至三级。", REF, "7月31日", "2025-07-31T00:00", "2025-08-01T00:00", False),
    ("他11月14日被捕。", REF, "11月14日", "2024-11-14T00:00", "2024-11-15T00:00", False),
    # Taiwan: 今(20)日 is the reference day, its date in brackets
    ("市府今（20）日举办活动。", REF, "今（20）日", "2025-08-20T00:00", "2025-08-21T00:00", False),
    ("市府昨(19)日表示，将加强巡查。", REF, "昨(19)日", "2025-08-19T00:00", "2025-08-20T00:00", False),
    # ... and when the metadata's day is not the one it writes, the written date wins
    ("市府今(22)日举办活动。", REF, "今(22)日", "2025-08-22T00:00", "2025-08-23T00:00", False),
    ("市府昨（17）日表示，将加强巡查。", REF, "昨（17）日", "2025-08-17T00:00", "2025-08-18T00:00", False),
    # years of the Republic of China in a text that is dated in them
    ("社会局今(114)年与企业合作，预计于115年8月完工。", REF, "今(114)年", "2025-01-01T00:00",
     "2026-01-01T00:00", False),
    ("社会局今(114)年与企业合作，预计于115年8月完工。", REF, "115年8月", "2026-08-01T00:00",
     "2026-09-01T00:00", False),
    ("市府114年度预算通过。他于94年加入协会，至今已服务18年。", REF, "94年", "2005-01-01T00:00",
     "2006-01-01T00:00", False),
    ("市府114年度预算通过。工务局自112 年起检查大楼。", REF, "112 年起", "2023-01-01T00:00", "", False),
    ("鉴于110 年某大楼火警，工务局自112 年起检查大楼。", REF, "110 年", "2021-01-01T00:00",
     "2022-01-01T00:00", False),
]


@pytest.mark.parametrize(
    ("text", "published", "expression", "start", "end", "approximate"), NEWS_WORDS
)
def test_news_time_words(text, published, expression, start, end, approximate):
    found = {text[m.start : m.end]: m for m in find_times(text, published)}
    value = found[expression].value
    assert value.start.strftime("%Y-%m-%dT%H:%M") == start
    assert (value.end.strftime("%Y-%m-%dT%H:%M") if value.end else "") == end
    assert value.approximate == approximate


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("过去冬天很冷。", []),  # 去冬 inside 过去
        ("会议决定免去夏光的职务。", []),  # 去夏 is no season word
        ("如今春天来了。", ["如今"]),  # 今春 inside 如今; 春天 alone is no time
        ("今春节期间客流大增。", ["春节期间"]),
        ("他在这里工作了94年。", ["94年"]),  # no year of the Republic: a duration
        ("创会110年以来首位女会长。", ["110年以来"]),
        ("据“今日俄罗斯”电视台报道，今日头条用户增长。", []),  # names, not today
        ("今日，某地举行活动。", ["今日"]),
        ("市府114年度预算通过。屋龄20 年以上的大楼须检查。", ["114年度", "20 年"]),
    ],
)
def test_no_season_republic_year_or_name(text, mentions):
    assert [text[m.start : m.end] for m in find_times(text, REF)] == mentions


def test_republic_years_only_in_a_text_dated_in_them():
    (m,) = find_times("创会110年以来首位女会长。", REF)
    assert m.value.kind == "range" and m.value.start.year == 1915  # 110 years, not 2021
    (m,) = find_times("市府114年度预算通过。", REF)
    assert m.value.start.year == 2025


@pytest.mark.parametrize(
    ("text", "schedule", "others"),
    [
        ("7月1日起，週一至週五中午12時至下午4時開放戶外園區。", "週一至週五中午12時至下午4時", ["7月1日起"]),
        ("展馆每周二至周日9:00-17:00开放。", "每周二至周日9:00-17:00", []),
        ("周一至周五上午9时至下午5时办理业务。", "周一至周五上午9时至下午5时", []),
    ],
)
def test_opening_hours_are_a_weekly_schedule_not_a_date(text, schedule, others):
    """A span of weekdays with the hours of each is one weekly set, no date (the time of an
    event told with it comes from elsewhere)."""
    found = {text[m.start : m.end]: m.value for m in find_times(text, REF)}
    assert (found[schedule].kind, found[schedule].recurrence, found[schedule].start) == ("set", "week", None)
    assert sorted(set(found) - {schedule}) == others


@pytest.mark.parametrize(
    ("text", "mentions", "start"),
    [
        # a weekday in brackets names the date before it again: it joins the date to the time
        # of day after it, and is no time of its own
        ("2023年4月28日（星期五）13时至16时许，二人在商店内赌博。",
         ["2023年4月28日（星期五）13时至16时许"], "2023-04-28T13:00"),
        ("5月3日(周三)上午10时，会议召开。", ["5月3日(周三)上午10时"], "2025-05-03T10:00"),
        ("5月3日（周三），会议召开。", ["5月3日"], "2025-05-03T00:00"),
        # after a word of the day it is a day of its own (今天（周五）: read as written)
        ("今天（周三）下午，会议召开。", ["今天", "周三", "下午"], "2025-08-20T00:00"),
    ],
)
def test_a_weekday_in_brackets_after_a_date(text, mentions, start):
    found = find_times(text, REF)
    assert [text[m.start : m.end] for m in found] == mentions
    assert found[0].value.start.strftime("%Y-%m-%dT%H:%M") == start
