"""Generate ``cases.tsv``: news-style sentences with the expected normalised interval.

The expectations are computed here with plain calendar arithmetic (``datetime``),
following the documented conventions in ``docs/time.md`` -- never by running the
parser.  Holiday dates are written out by hand.  Run ``python tests/time/build_cases.py``
to regenerate the file.
"""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

OUT = Path(__file__).with_name("cases.tsv")
TZ = "+08:00"

# publication times (weekday in the comment, checked with datetime)
REFS = [
    datetime(2025, 11, 28, 13, 39),  # Friday
    datetime(2025, 8, 4, 19, 0),  # Monday
    datetime(2026, 1, 5, 9, 30),  # Monday
    datetime(2024, 2, 29, 20, 0),  # Thursday (leap day)
    datetime(2025, 3, 16, 8, 0),  # Sunday
]
assert [r.weekday() for r in REFS] == [4, 0, 0, 3, 6]

FRAMES = [
    "据报道，{}，相关部门召开专题会议。",
    "记者了解到，该项目于{}正式启动。",
    "{}，多地气象部门发布预警。",
    "数据显示，{}，全市累计完成投资超百亿元。",
    "公司方面表示，新产品计划在{}上市。",
]

HOLIDAYS = {  # name -> {year: date}
    "元旦": {y: date(y, 1, 1) for y in (2023, 2024, 2025, 2026, 2027)},
    "春节": {
        2023: date(2023, 1, 22),
        2024: date(2024, 2, 10),
        2025: date(2025, 1, 29),
        2026: date(2026, 2, 17),
        2027: date(2027, 2, 6),
    },
    "除夕": {
        2023: date(2023, 1, 21),
        2024: date(2024, 2, 9),
        2025: date(2025, 1, 28),
        2026: date(2026, 2, 16),
        2027: date(2027, 2, 5),
    },
    "元宵节": {
        2023: date(2023, 2, 5),
        2024: date(2024, 2, 24),
        2025: date(2025, 2, 12),
        2026: date(2026, 3, 3),
        2027: date(2027, 2, 20),
    },
    "清明节": {
        2023: date(2023, 4, 5),
        2024: date(2024, 4, 4),
        2025: date(2025, 4, 4),
        2026: date(2026, 4, 5),
        2027: date(2027, 4, 5),
    },
    "劳动节": {y: date(y, 5, 1) for y in (2023, 2024, 2025, 2026, 2027)},
    "端午节": {
        2023: date(2023, 6, 22),
        2024: date(2024, 6, 10),
        2025: date(2025, 5, 31),
        2026: date(2026, 6, 19),
        2027: date(2027, 6, 9),
    },
    "七夕": {
        2023: date(2023, 8, 22),
        2024: date(2024, 8, 10),
        2025: date(2025, 8, 29),
        2026: date(2026, 8, 19),
        2027: date(2027, 8, 8),
    },
    "中秋节": {
        2023: date(2023, 9, 29),
        2024: date(2024, 9, 17),
        2025: date(2025, 10, 6),
        2026: date(2026, 9, 25),
        2027: date(2027, 9, 15),
    },
    "重阳节": {
        2023: date(2023, 10, 23),
        2024: date(2024, 10, 11),
        2025: date(2025, 10, 29),
        2026: date(2026, 10, 18),
        2027: date(2027, 10, 8),
    },
    "国庆节": {y: date(y, 10, 1) for y in (2023, 2024, 2025, 2026, 2027)},
    "冬至": {
        2023: date(2023, 12, 22),
        2024: date(2024, 12, 21),
        2025: date(2025, 12, 21),
        2026: date(2026, 12, 22),
        2027: date(2027, 12, 22),
    },
    "圣诞节": {y: date(y, 12, 25) for y in (2023, 2024, 2025, 2026, 2027)},
    "平安夜": {y: date(y, 12, 24) for y in (2023, 2024, 2025, 2026, 2027)},
    "情人节": {y: date(y, 2, 14) for y in (2023, 2024, 2025, 2026, 2027)},
    "妇女节": {y: date(y, 3, 8) for y in (2023, 2024, 2025, 2026, 2027)},
    "儿童节": {y: date(y, 6, 1) for y in (2023, 2024, 2025, 2026, 2027)},
    "教师节": {y: date(y, 9, 10) for y in (2023, 2024, 2025, 2026, 2027)},
    "复活节": {
        2023: date(2023, 4, 9),
        2024: date(2024, 3, 31),
        2025: date(2025, 4, 20),
        2026: date(2026, 4, 5),
        2027: date(2027, 3, 28),
    },
    "母亲节": {
        2023: date(2023, 5, 14),
        2024: date(2024, 5, 12),
        2025: date(2025, 5, 11),
        2026: date(2026, 5, 10),
        2027: date(2027, 5, 9),
    },
    "感恩节": {
        2023: date(2023, 11, 23),
        2024: date(2024, 11, 28),
        2025: date(2025, 11, 27),
        2026: date(2026, 11, 26),
        2027: date(2027, 11, 25),
    },
}


def d0(x) -> datetime:
    return datetime(x.year, x.month, x.day)


def add_months(dt: datetime, n: int) -> datetime:
    i = dt.year * 12 + dt.month - 1 + n
    return dt.replace(year=i // 12, month=i % 12 + 1)


def month_end(y: int, m: int) -> datetime:
    return add_months(datetime(y, m, 1), 1)


def past_pick(cands, p, tol_days):
    """Latest candidate starting no later than p + tolerance (else the earliest)."""
    best = None
    for c in sorted(cands):
        if c[0] <= p + timedelta(days=tol_days):
            best = c
    return best or sorted(cands)[0]


def E(kind, start, end, grain, approx=False, extra=""):
    return (kind, start, end, grain, approx, extra)


def day(x) -> tuple:
    s = d0(x)
    return E("point", s, s + timedelta(days=1), "day")


def expectations(p: datetime) -> list[tuple[str, tuple]]:
    """(mention, expected) pairs for publication time ``p``."""
    D = d0(p)
    Y = p.year
    mon = D - timedelta(days=D.weekday())
    one = timedelta(days=1)
    out: list[tuple[str, tuple]] = []
    add = lambda m, e: out.append((m, e))

    # absolute dates in many notations
    add("2025年11月26日", day(date(2025, 11, 26)))
    add("二〇二五年十一月二十八日", day(date(2025, 11, 28)))
    add("２０２５年１１月２８日", day(date(2025, 11, 28)))
    add("2025.11.28", day(date(2025, 11, 28)))
    add("2025/11/28", day(date(2025, 11, 28)))
    add("2024-02-29", day(date(2024, 2, 29)))
    t = datetime(2025, 11, 28, 13, 39)
    add("2025-11-28 13:39", E("point", t, t + timedelta(minutes=1), "minute"))
    add("2025年11月28日13:39", E("point", t, t + timedelta(minutes=1), "minute"))
    add("2025年11月28日 13:39", E("point", t, t + timedelta(minutes=1), "minute"))
    add("2019年", E("point", datetime(2019, 1, 1), datetime(2020, 1, 1), "year"))
    add("二〇二三年", E("point", datetime(2023, 1, 1), datetime(2024, 1, 1), "year"))
    add("2024年3月", E("point", datetime(2024, 3, 1), datetime(2024, 4, 1), "month"))
    add("2025年第三季度", E("point", datetime(2025, 7, 1), datetime(2025, 10, 1), "quarter"))
    add("2024年下半年", E("point", datetime(2024, 7, 1), datetime(2025, 1, 1), "half_year"))
    add("2026年初", E("range", datetime(2026, 1, 1), datetime(2026, 2, 1), "month", True))
    add("2024年底", E("range", datetime(2024, 12, 1), datetime(2025, 1, 1), "month", True))
    add("2025年6月底", E("range", datetime(2025, 6, 21), datetime(2025, 7, 1), "day", True))

    # month/day without year: the reference year unless > 30 days ahead (then last year)
    for m_, d_ in ((11, 28), (3, 1), (12, 20), (8, 15)):
        cands = [(datetime(y, m_, d_),) for y in (Y - 1, Y, Y + 1)]
        s = past_pick(cands, p, 30)[0]
        add(f"{m_}月{d_}日", E("point", s, s + one, "day"))
    for m_ in (3, 10):
        cands = [(datetime(y, m_, 1),) for y in (Y - 1, Y, Y + 1)]
        s = past_pick(cands, p, 30)[0]
        add(f"{m_}月份", E("point", s, add_months(s, 1), "month"))
    # a day of the month only: this month unless > 14 days ahead (then last month's); never
    # next month's when the past is preferred
    for d_ in (3, 20, 28):
        cands = []
        for k in (-1, 0):
            first = add_months(datetime(Y, p.month, 1), k)
            try:
                cands.append((first.replace(day=d_),))
            except ValueError:
                pass
        s = past_pick(cands, p, 14)[0]
        add(f"{d_}日", E("point", s, s + one, "day"))
    # 旬 and month edges
    cands = [(datetime(y, 11, 1),) for y in (Y - 1, Y, Y + 1)]
    ny = past_pick(cands, p, 30)[0].year
    add("11月上旬", E("range", datetime(ny, 11, 1), datetime(ny, 11, 11), "day"))
    add("11月中旬", E("range", datetime(ny, 11, 11), datetime(ny, 11, 21), "day"))
    add("11月下旬", E("range", datetime(ny, 11, 21), datetime(ny, 12, 1), "day"))
    add("11月底", E("range", datetime(ny, 11, 21), datetime(ny, 12, 1), "day", True))
    first = datetime(Y, p.month, 1)
    add("本月初", E("range", first, first + timedelta(days=10), "day", True))
    add("本月底", E("range", first + timedelta(days=20), add_months(first, 1), "day", True))
    add("年初", E("range", datetime(Y, 1, 1), datetime(Y, 2, 1), "month", True))
    add("年底", E("range", datetime(Y, 12, 1), datetime(Y + 1, 1, 1), "month", True))
    add("去年底", E("range", datetime(Y - 1, 12, 1), datetime(Y, 1, 1), "month", True))
    add("明年上半年", E("point", datetime(Y + 1, 1, 1), datetime(Y + 1, 7, 1), "half_year"))
    add("上半年", E("point", datetime(Y, 1, 1), datetime(Y, 7, 1), "half_year"))
    add("下半年", E("point", datetime(Y, 7, 1), datetime(Y + 1, 1, 1), "half_year"))
    add("第三季度", E("point", datetime(Y, 7, 1), datetime(Y, 10, 1), "quarter"))
    add("一季度", E("point", datetime(Y, 1, 1), datetime(Y, 4, 1), "quarter"))
    add("Q4", E("point", datetime(Y, 10, 1), datetime(Y + 1, 1, 1), "quarter"))
    add("前三季度", E("range", datetime(Y, 1, 1), datetime(Y, 10, 1), "quarter"))

    # weekdays: prefer past = the latest on or before the publication day
    for word, wd in (("周三", 2), ("星期五", 4), ("礼拜天", 6), ("週一", 0), ("星期六", 5)):
        back = (D.weekday() - wd) % 7
        add(word, day(D - timedelta(days=back)))
    add("上周五", day(mon - timedelta(days=3)))
    add("下周一", day(mon + timedelta(days=7)))
    add("本周三", day(mon + timedelta(days=2)))
    add("上星期二", day(mon - timedelta(days=6)))
    add("本周", E("point", mon, mon + timedelta(days=7), "week"))
    add("上周", E("point", mon - timedelta(days=7), mon, "week"))
    add("下周", E("point", mon + timedelta(days=7), mon + timedelta(days=14), "week"))
    add("本周至下周", E("range", mon, mon + timedelta(days=14), "week"))

    # relative days / months / years
    for word, k in (
        ("今天", 0),
        ("今日", 0),
        ("昨天", -1),
        ("昨日", -1),
        ("前天", -2),
        ("明天", 1),
        ("后天", 2),
        ("大前天", -3),
    ):
        add(word, day(D + k * one))
    for word, k in (("今年", 0), ("去年", -1), ("前年", -2), ("明年", 1), ("后年", 2)):
        add(word, E("point", datetime(Y + k, 1, 1), datetime(Y + k + 1, 1, 1), "year"))
    for word, k in (("本月", 0), ("上月", -1), ("上个月", -1), ("下个月", 1)):
        s = add_months(first, k)
        add(word, E("point", s, add_months(s, 1), "month"))
    # N units before/after: the unit N units from the reference's, at its grain
    add("3天前", day(D - 3 * one))
    add("两年前", E("point", datetime(Y - 2, 1, 1), datetime(Y - 1, 1, 1), "year"))
    add("三个月后", E("point", add_months(first, 3), add_months(first, 4), "month"))
    add("未来三天", E("range", D + one, D + 4 * one, "day"))
    add("过去两周", E("range", mon - timedelta(days=14), mon, "week"))

    # parts of day and clock times on the publication day
    for word, a, b in (
        ("今天清晨", 5, 8),
        ("今天早上", 4, 12),
        ("今天上午", 8, 12),
        ("今天中午", 11, 14),
        ("今天下午", 12, 19),
        ("今天傍晚", 17, 19),
        ("今天晚上", 18, 24),
        ("今天凌晨", 0, 6),
        ("昨天夜间", -4, 5),
        ("今天深夜", 22, 27),
        ("今晚", 18, 24),
        ("昨晚", -6, 0),
    ):
        base = D - one if word.startswith("昨") else D
        if word == "昨天夜间":
            s, e = base + timedelta(hours=20), base + timedelta(hours=29)
        elif word == "昨晚":
            s, e = base + timedelta(hours=18), base + timedelta(hours=24)
        else:
            s, e = base + timedelta(hours=a), base + timedelta(hours=b)
        add(word, E("range", s, e, "hour"))
    hm = lambda h, m=0: D + timedelta(hours=h, minutes=m)
    add("晚8点", E("point", hm(20), hm(21), "hour"))
    add("下午3点半", E("point", hm(15, 30), hm(15, 31), "minute"))
    add("20时15分", E("point", hm(20, 15), hm(20, 16), "minute"))
    add("上午8点一刻", E("point", hm(8, 15), hm(8, 16), "minute"))
    add("凌晨3点45分", E("point", hm(3, 45), hm(3, 46), "minute"))
    add("13:39", E("point", hm(13, 39), hm(13, 40), "minute"))
    add("今天下午4点", E("point", hm(16), hm(17), "hour"))
    add("明天上午9点", E("point", hm(33), hm(34), "hour"))
    add("次日清晨", None)  # anaphoric, tested in test_chaining
    out.pop()

    # ranges
    cands = [(datetime(y, 11, 26),) for y in (Y - 1, Y, Y + 1)]
    s = past_pick(cands, p, 30)[0]
    add("11月26日至28日", E("range", s, s + 3 * one, "day"))
    add("11月26日-28日", E("range", s, s + 3 * one, "day"))
    add("11月26日到28日", E("range", s, s + 3 * one, "day"))
    add("2023-2025年", E("range", datetime(2023, 1, 1), datetime(2026, 1, 1), "year"))
    add("2023年至2025年", E("range", datetime(2023, 1, 1), datetime(2026, 1, 1), "year"))
    add("2024年3月至5月", E("range", datetime(2024, 3, 1), datetime(2024, 6, 1), "month"))
    add("今年1—10月", E("range", datetime(Y, 1, 1), datetime(Y, 11, 1), "month"))
    add("今年前10个月", E("range", datetime(Y, 1, 1), datetime(Y, 11, 1), "month"))
    add("2019年以来", E("range", datetime(2019, 1, 1), D + one, "year", True))
    add("今年以来", E("range", datetime(Y, 1, 1), D + one, "year", True))
    add("2019年至今", E("range", datetime(2019, 1, 1), D + one, "year", True))
    add("五年来", E("range", datetime(Y - 5, 1, 1), D + one, "year", True))

    # durations and sets
    for word, secs, grain in (
        ("三个月", 90 * 86400, "month"),
        ("两周", 14 * 86400, "week"),
        ("半年", 182.5 * 86400, "year"),
        ("3天", 3 * 86400, "day"),
        ("两个小时", 7200, "hour"),
        ("45分钟", 2700, "minute"),
        ("一年半", 1.5 * 365 * 86400, "year"),
        ("33年", 33 * 365 * 86400, "year"),
    ):
        add(word, E("duration", None, None, grain, False, f"{secs:g}"))
    for word, rec in (("每周三", "week"), ("每年", "year"), ("每天", "day"), ("每月", "month")):
        add(word, E("set", None, None, None, False, rec))

    # vague words: windows around the publication day
    for word, a, b in (
        ("近日", -7, 1),
        ("日前", -10, 1),
        ("近期", -30, 30),
        ("目前", 0, 1),
        ("此前", -90, 0),
        ("最近", -30, 1),
        ("前不久", -30, 0),
    ):
        add(word, E("vague", D + a * one, D + b * one, "day", True))

    # holidays without a year: the latest occurrence starting before p + 30 days
    for name, table in HOLIDAYS.items():
        cands = [(d0(table[y]),) for y in (Y - 1, Y, Y + 1)]
        s = past_pick(cands, p, 30)[0]
        add(name, E("point", s, s + one, "day"))
    add("2025年春节", day(date(2025, 1, 29)))
    add("2026年中秋节", day(date(2026, 9, 25)))
    return out


P0 = datetime(2025, 11, 28, 13, 39)  # Friday
# Hand-written sentences (published P0); expected values reasoned on the calendar:
# 2025-11-28 is a Friday, so that week runs Mon 11-24 .. Sun 11-30.
MANUAL = [
    ("xAI联合创始人于周三在X平台宣布离职。", "周三", day(date(2025, 11, 26))),
    ("商汤科技第一时间宣布，2025年11月26日向灾区捐款。", "2025年11月26日", day(date(2025, 11, 26))),
    (
        "新门店将于2026年初在上海开业。",
        "2026年初",
        E("range", datetime(2026, 1, 1), datetime(2026, 2, 1), "month", True),
    ),
    (
        "杭州市中医院近日接诊了一位患者。",
        "近日",
        E("vague", datetime(2025, 11, 21), datetime(2025, 11, 29), "day", True),
    ),
    (
        "发布会定于後天上午10點舉行。",
        "後天上午10點",
        E("point", datetime(2025, 11, 30, 10), datetime(2025, 11, 30, 11), "hour"),
    ),
    (
        "他在星期三晚上抵達北京。",
        "星期三晚上",
        E("range", datetime(2025, 11, 26, 18), datetime(2025, 11, 27), "hour"),
    ),
    (
        "會議於下午3時30分結束。",
        "下午3時30分",
        E("point", datetime(2025, 11, 28, 15, 30), datetime(2025, 11, 28, 15, 31), "minute"),
    ),
    ("數據顯示，11/28當天成交量創新高。", "11/28", day(date(2025, 11, 28))),
    (
        "活动从11月26日到28日持续三天。",
        "11月26日到28日",
        E("range", datetime(2025, 11, 26), datetime(2025, 11, 29), "day"),
    ),
    (
        "比赛将在12月1日晚8点开始。",
        "12月1日晚8点",
        E("point", datetime(2025, 12, 1, 20), datetime(2025, 12, 1, 21), "hour"),
    ),
    (
        "事故发生在凌晨2点左右。",
        "凌晨2点左右",
        E("point", datetime(2025, 11, 28, 2), datetime(2025, 11, 28, 3), "hour", True),
    ),
    (
        "预计11月底前后完成验收。",
        "11月底前后",
        E("range", datetime(2025, 11, 21), datetime(2025, 12, 1), "day", True),
    ),
    ("项目建设周期约为两年左右。", "两年左右", E("duration", None, None, "year", True, "63072000")),
    (
        "该政策自2019年以来持续实施。",
        "2019年以来",
        E("range", datetime(2019, 1, 1), datetime(2025, 11, 29), "year", True),
    ),
    ("列车每天早上7点发车。", "每天早上7点", E("set", None, None, None, False, "day")),
    (
        "北京时间11月28日20时，火箭发射升空。",
        "北京时间11月28日20时",
        E("point", datetime(2025, 11, 28, 20), datetime(2025, 11, 28, 21), "hour"),
    ),
    (
        "今年第三季度，公司营收增长12%。",
        "今年第三季度",
        E("point", datetime(2025, 7, 1), datetime(2025, 10, 1), "quarter"),
    ),
    (
        "他于2023年10月加入公司。",
        "2023年10月",
        E("point", datetime(2023, 10, 1), datetime(2023, 11, 1), "month"),
    ),
    (
        "上个月，全国新能源汽车销量同比增长。",
        "上个月",
        E("point", datetime(2025, 10, 1), datetime(2025, 11, 1), "month"),
    ),
    (
        "本周五下午，工作组召开首次会议。",
        "本周五下午",
        E("range", datetime(2025, 11, 28, 12), datetime(2025, 11, 28, 19), "hour"),
    ),
    (
        "下周一起，新规正式施行。",
        "下周一起",
        E("open", datetime(2025, 12, 1), None, "day"),
    ),
    ("上周日，市民在公园参加活动。", "上周日", day(date(2025, 11, 23))),
    ("十月第一个星期一是法定纪念日。", "十月第一个星期一", day(date(2025, 10, 6))),
    ("正月十五，各地举行灯会。", "正月十五", day(date(2025, 2, 12))),
    ("农历八月十五是中秋节。", "农历八月十五", day(date(2025, 10, 6))),
    (
        "2025年11月28日 13:39，记者发稿。",
        "2025年11月28日 13:39",
        E("point", datetime(2025, 11, 28, 13, 39), datetime(2025, 11, 28, 13, 40), "minute"),
    ),
    (
        "二〇二五年十一月，委员会成立。",
        "二〇二五年十一月",
        E("point", datetime(2025, 11, 1), datetime(2025, 12, 1), "month"),
    ),
    ("２０２５年１１月２８日，新店开业。", "２０２５年１１月２８日", day(date(2025, 11, 28))),
    (
        "过去24小时，当地出现强降雨。",
        "过去24小时",
        E("range", datetime(2025, 11, 27, 13), datetime(2025, 11, 28, 13), "hour"),
    ),
    (
        "2023年至2025年，累计投入超过百亿元。",
        "2023年至2025年",
        E("range", datetime(2023, 1, 1), datetime(2026, 1, 1), "year"),
    ),
    ("每周三上午，专家在医院坐诊。", "每周三上午", E("set", None, None, None, False, "week")),
    ("中国人民银行将于12月15日公布数据。", "12月15日", day(date(2025, 12, 15))),
    ("会议于1月10日召开。", "1月10日", day(date(2025, 1, 10))),
    (
        "去年同期，该项指标为负增长。",
        "去年同期",
        day(date(2024, 11, 28)),  # no period before it: the reference day a year before
    ),
    (
        "明年一季度，新工厂将投产。",
        "明年一季度",
        E("point", datetime(2026, 1, 1), datetime(2026, 4, 1), "quarter"),
    ),
    # 27日 20:00 in New York (EST, UTC-5) is 28日 09:00 in Beijing
    (
        "美国东部时间27日晚8点，发布会在纽约举行。",
        "美国东部时间27日晚8点",
        E("point", datetime(2025, 11, 28, 9), datetime(2025, 11, 28, 10), "hour"),
    ),
    (
        "当地时间28日上午，代表团抵达开罗。",
        "当地时间28日上午",
        E("range", datetime(2025, 11, 28, 8), datetime(2025, 11, 28, 12), "hour", True),
    ),
    (
        "格林尼治时间28日0时，新规生效。",
        "格林尼治时间28日0时",
        E("point", datetime(2025, 11, 28, 8), datetime(2025, 11, 28, 9), "hour"),
    ),
    (
        "展览将于上午9时至下午5时开放。",
        "上午9时至下午5时",
        E("range", datetime(2025, 11, 28, 9), datetime(2025, 11, 28, 18), "hour"),
    ),
    (
        "窗口办理时间为8:00-10:00。",
        "8:00-10:00",
        E("range", datetime(2025, 11, 28, 8), datetime(2025, 11, 28, 10), "minute"),
    ),
    (
        "2024年12月下旬以来，火山持续喷发。",
        "2024年12月下旬以来",
        E("range", datetime(2024, 12, 21), datetime(2025, 11, 29), "day", True),
    ),
]


# --------------------------------------------------------------------------- more classes
# Open intervals, two-digit years, N units before/after, halves/firsts/lasts, weeks of a
# month or year, ranges with a part left out, clock details, calendars, news periods and
# compact forms (issue 17), each in running sentences at every reference time.  The
# expectations follow docs/time.md with plain calendar arithmetic; lunar and solar-term
# dates are written out (春节 + N days, 除夕 - N days, from the HOLIDAYS table).

TERMS = {  # solar terms (China Standard Time), as published
    ("大寒", 2018): date(2018, 1, 20),
    ("小寒", 2021): date(2021, 1, 5),
    ("霜降", 2024): date(2024, 10, 23),
    ("惊蛰", 2024): date(2024, 3, 5),
    ("谷雨", 2025): date(2025, 4, 20),
    ("白露", 2024): date(2024, 9, 7),
    ("小雪", 2025): date(2025, 11, 22),
}
# 腊月 has 30 days in lunar 2022 and 2023, 29 in 2024-2026 (no 年三十 in 2025-2029)
LA_YUE_DAYS = {2022: 30, 2023: 30, 2024: 29, 2025: 29, 2026: 29}

OPEN_FRAMES = [
    "据统计，{}，全市新增就业岗位超过两万个。",
    "有关负责人表示，{}，相关工作将全面完成。",
    "通知明确，{}，各单位须按要求报送材料。",
]
CLOCK_FRAMES = [
    "据目击者介绍，事故发生在{}，现场一片混乱。",
    "警方通报称，{}，嫌疑人在住处被抓获。",
]


def year_of(m_: int, d_: int | None, p: datetime) -> int:
    """The year of a month (and day) without a year: this year's unless it starts more
    than 30 days after p, then last year's (prefer='past')."""
    cands = [(datetime(y, m_, d_ or 1),) for y in (p.year - 1, p.year, p.year + 1)]
    return past_pick(cands, p, 30)[0].year


def floor_week(x: datetime) -> datetime:
    d = d0(x)
    return d - timedelta(days=d.weekday())


def first_week(start: datetime) -> datetime:
    """Monday of week 1 of a period starting at ``start``: the week of its first Thursday
    (ISO 8601 for a year)."""
    thursday = start + timedelta(days=(3 - start.weekday()) % 7)
    return thursday - timedelta(days=3)


def last_week(end: datetime) -> datetime:
    """Monday of the last week of a period ending (exclusive) at ``end``."""
    last = end - timedelta(days=1)
    thursday = last - timedelta(days=(last.weekday() - 3) % 7)
    return thursday - timedelta(days=3)


def business(day_: datetime, n: int) -> datetime:
    while n:
        day_ += timedelta(days=1)
        if day_.weekday() < 5:
            n -= 1
    return day_


def yy_year(yy: int, p: datetime) -> int:
    """A two-digit year: within ten years after and 89 before the reference year."""
    y = p.year // 100 * 100 + yy
    if y > p.year + 10:
        y -= 100
    elif y < p.year - 89:
        y += 100
    return y


def issue17(p: datetime) -> list[tuple[str, str, tuple]]:
    """(sentence, mention, expected) for publication time ``p``."""
    D = d0(p)
    Y = p.year
    one = timedelta(days=1)
    hour = timedelta(hours=1)
    first = datetime(Y, p.month, 1)
    nxt = add_months(first, 1)
    mon = floor_week(p)
    out: list[tuple[str, str, tuple]] = []
    k = [0]

    def add(mention: str, exp: tuple, frame: str | None = None, frames=OPEN_FRAMES) -> None:
        if frame is None:
            frame = frames[k[0] % len(frames)]
            k[0] += 1
        out.append((frame.format(mention), mention, exp))

    def openv(start, end, grain, approx=False):
        return E("open", start, end, grain, approx)

    # -- open intervals: 截至/前/以前/之前/内/为止 until the end of what they name (a clock
    # time: until that instant); 以后/之后/后/起/从…开始/或之后 from its start on
    add("截至2026年6月底", openv(None, datetime(2026, 7, 1), "day", True))
    add("2019年以后", openv(datetime(2019, 1, 1), None, "year"))
    add("2035年前", openv(None, datetime(2036, 1, 1), "year"))
    add("二〇三〇年以前", openv(None, datetime(2031, 1, 1), "year"))
    add("月底前", openv(None, nxt, "day", True))
    add("后年3月之前", openv(None, datetime(Y + 2, 4, 1), "month"))
    add("前年10月起", openv(datetime(Y - 2, 10, 1), None, "month"), "从{}，该市实行新的补贴标准。")
    add("2016年3月1日或之后", openv(datetime(2016, 3, 1), None, "day"), "凡在{}出生的儿童均可申请。")
    add("45日内", openv(None, D + 46 * one, "day"), "当事人应在{}提出申请。")
    add("10个工作日内", openv(None, business(D, 10) + one, "day"), "监管部门将在{}作出答复。")
    add("2026年内", openv(None, datetime(2027, 1, 1), "year"), "该线路预计{}建成通车。")
    add("未来3年内", openv(None, datetime(Y + 4, 1, 1), "year"), "公司计划在{}新增门店200家。")
    add("截至目前", openv(None, D + one, "day"))
    add("截至今天17时", openv(None, D + 17 * hour, "hour"))
    add("截止到2024年底", openv(None, datetime(2025, 1, 1), "month", True))
    add("2020年之后", openv(datetime(2020, 1, 1), None, "year"))
    add("明年以后", openv(datetime(Y + 1, 1, 1), None, "year"))
    add("下个月之前", openv(None, add_months(first, 2), "month"))
    add("本周五前", openv(None, mon + 5 * one, "day"), "组委会要求参赛者{}完成报名。")
    y31 = year_of(3, 1, p)
    add("3月1日以后", openv(datetime(y31, 3, 1), None, "day"), "该批货物{}陆续到港。")
    add("年底前", openv(None, datetime(Y + 1, 1, 1), "month", True))
    add("今年内", openv(None, datetime(Y + 1, 1, 1), "year"), "这座桥梁有望{}合龙。")
    add("本月内", openv(None, nxt, "month"), "相关细则将于{}出台。")
    add("年内", openv(None, datetime(Y + 1, 1, 1), "year"), "计划{}完成全部改造任务。")
    add("三个月内", openv(None, add_months(first, 4), "month"), "企业须在{}完成整改。")
    add("24小时内", openv(None, p.replace(minute=0, second=0) + 25 * hour, "hour"), "医院承诺{}出具报告。")
    add("一周内", openv(None, mon + 14 * one, "week"), "快递公司表示将在{}完成理赔。")
    add("半年内", openv(None, add_months(first, 7), "month"), "该项目力争{}投产。")
    add("上午8点前", openv(None, D + 8 * hour, "hour"), "市民需在{}完成预约。")
    add("下午3点以后", openv(D + 15 * hour, None, "hour"), "景区{}停止售票。")
    y1231 = year_of(12, 31, p)
    add("12月31日前", openv(None, datetime(y1231 + 1, 1, 1), "day"), "申报材料须于{}提交。")
    add("2023年1月1日起", openv(datetime(2023, 1, 1), None, "day"), "该办法自{}施行。")
    add("明天开始", openv(D + one, None, "day"), "从{}，全市中小学恢复线下教学。")
    add("2025年底为止", openv(None, datetime(2026, 1, 1), "month", True), "到{}，该省共建成5G基站十万个。")
    add("截止2024年6月30日", openv(None, datetime(2024, 7, 1), "day"))
    add("2030年以后", openv(datetime(2030, 1, 1), None, "year"))
    add("今年1月以来", E("range", datetime(Y, 1, 1), D + one, "month", True))
    add("不晚于2025年底", openv(None, datetime(2026, 1, 1), "month", True), "项目须{}竣工验收。")
    add("不早于2026年", openv(datetime(2026, 1, 1), None, "year"), "新车型将{}上市。")
    add("迄今为止", openv(None, D + one, "day"))
    add("即日起", openv(D, None, "day"), "自{}，该路段实行单向通行。")
    add("目前为止", openv(None, D + one, "day"), "到{}，已有3000余人报名。")

    # -- two-digit and spoken years: the year within 10 years after and 89 before p's
    add("04年", E("point", datetime(2004, 1, 1), datetime(2005, 1, 1), "year"), "{}雅典奥运会上，刘翔夺得金牌。")
    add("09年以后", openv(datetime(2009, 1, 1), None, "year"), "{}，该厂逐步转型。")
    add("零六年九月", E("point", datetime(2006, 9, 1), datetime(2006, 10, 1), "month"), "{}，他考入北京大学。")
    add("18年底", E("range", datetime(2018, 12, 1), datetime(2019, 1, 1), "month", True), "{}，该公司完成重组。")
    add("25年除夕", day(date(2025, 1, 28)), "{}，一家人围坐在一起吃年夜饭。")
    add("23年", E("point", datetime(2023, 1, 1), datetime(2024, 1, 1), "year"), "该公司在{}，营收首次突破百亿元。")
    y98 = yy_year(98, p)
    add("98年7月", E("point", datetime(y98, 7, 1), datetime(y98, 8, 1), "month"), "{}，长江流域发生特大洪水。")
    y49 = yy_year(49, p)
    add("49年10月", E("point", datetime(y49, 10, 1), datetime(y49, 11, 1), "month"), "{}，他随部队进入广州。")
    add("一九年三月", E("point", datetime(2019, 3, 1), datetime(2019, 4, 1), "month"), "{}，他第一次来到深圳。")
    add("20年初", E("range", datetime(2020, 1, 1), datetime(2020, 2, 1), "month", True), "{}，疫情突如其来。")
    add("22年上半年", E("point", datetime(2022, 1, 1), datetime(2022, 7, 1), "half_year"), "{}，出口增速明显放缓。")
    add("两千零八年", E("point", datetime(2008, 1, 1), datetime(2009, 1, 1), "year"), "{}，北京举办了奥运会。")

    # -- N units before / after: the unit N units from p's, at that unit's grain
    add("5天后", day(D + 5 * one), "{}，第二批物资运抵灾区。")
    add("12天后", day(D + 12 * one), "{}，患者康复出院。")
    add("六年后", E("point", datetime(Y + 6, 1, 1), datetime(Y + 7, 1, 1), "year"), "{}，这座城市将迎来地铁时代。")
    add("四年前", E("point", datetime(Y - 4, 1, 1), datetime(Y - 3, 1, 1), "year"), "{}，他辞去工作回乡创业。")
    m3 = add_months(first, -3)  # three months before (the last day of a shorter month)
    s35 = m3.replace(day=min(D.day, (add_months(m3, 1) - one).day)) - 15 * one
    add("三个半月前", day(s35), "{}，这只大熊猫被送往成都。")
    t = p.replace(second=0, microsecond=0) + timedelta(minutes=150)
    add("两个半小时后", E("point", t, t + timedelta(minutes=1), "minute"), "{}，救援人员找到了被困者。")
    t = p.replace(microsecond=0) - timedelta(seconds=150)
    add("两分半钟前", E("point", t, t + timedelta(seconds=1), "second"), "{}，系统发出了警报。")
    q0 = datetime(Y, (p.month - 1) // 3 * 3 + 1, 1)
    add("两个季度后", E("point", add_months(q0, 6), add_months(q0, 9), "quarter"), "{}，新产能将全面释放。")
    add("三周后", E("point", mon + 21 * one, mon + 28 * one, "week"), "{}，双方将举行第二轮谈判。")
    t = p.replace(second=0, microsecond=0) - timedelta(minutes=10)
    add("十分钟前", E("point", t, t + timedelta(minutes=1), "minute"), "{}，列车驶离车站。")
    add("半年后", E("point", add_months(first, 6), add_months(first, 7), "month"), "{}，这家工厂正式投产。")
    add("一年半前", E("point", add_months(first, -18), add_months(first, -17), "month"), "{}，他加入了这支队伍。")
    bd = business(D, 10)
    add("10个工作日后", day(bd), "{}，审核结果将在网站公布。")
    add("三天以后", day(D + 3 * one), "{}，台风将登陆沿海地区。")
    add("两个月前", E("point", add_months(first, -2), add_months(first, -1), "month"), "{}，该店已停止营业。")
    add("3小时后", E("point", p.replace(minute=0, second=0) + 3 * hour, p.replace(minute=0, second=0) + 4 * hour, "hour"), "{}，大火被扑灭。")

    # -- halves, firsts and lasts
    mid = first + 15 * one
    add("上半月", E("range", first, mid, "day"), "{}，本市降水偏多。")
    add("下半月", E("range", mid, nxt, "day"), "{}，气温将逐步回升。")
    add("上半周", E("range", mon, mon + 3 * one, "day"), "{}，股市持续震荡。")
    add("下半周", E("range", mon + 3 * one, mon + 7 * one, "day"), "{}，冷空气将影响我省。")
    h0 = datetime(Y, 1 if p.month <= 6 else 7, 1)
    add("上个半年", E("point", add_months(h0, -6), h0, "half_year"), "{}，公司营收增长了三成。")
    add("下个半年", E("point", add_months(h0, 6), add_months(h0, 12), "half_year"), "{}，公司将推出三款新车。")
    add("2019年前半年", E("point", datetime(2019, 1, 1), datetime(2019, 7, 1), "half_year"), "{}，该市新增企业上万家。")
    add("今年后半年", E("point", datetime(Y, 7, 1), datetime(Y + 1, 1, 1), "half_year"), "{}，物价总体平稳。")
    add("六三年前五个月", E("range", datetime(1963, 1, 1), datetime(1963, 6, 1), "month"), "{}，全县粮食产量明显回升。")
    add("二零二二年后四个月", E("range", datetime(2022, 9, 1), datetime(2023, 1, 1), "month"), "{}，出口订单大幅减少。")
    add("2022年的最后3个月", E("range", datetime(2022, 10, 1), datetime(2023, 1, 1), "month"), "{}，公司扭亏为盈。")
    add("2022年的第五个月", E("point", datetime(2022, 5, 1), datetime(2022, 6, 1), "month"), "{}，工厂复工复产。")
    add("2006年首月", E("point", datetime(2006, 1, 1), datetime(2006, 2, 1), "month"), "{}，全国新增贷款创下新高。")
    add("今年前两个季度", E("range", datetime(Y, 1, 1), datetime(Y, 7, 1), "quarter"), "{}，该省GDP同比增长5%。")
    add("去年最后一个月", E("point", datetime(Y - 1, 12, 1), datetime(Y, 1, 1), "month"), "{}，销量环比增长两成。")
    add("本月前10天", E("range", first, first + 10 * one, "day"), "{}，全市共接待游客百万人次。")
    add("本月最后一天", day(nxt - one), "{}，报名通道将关闭。")
    add("明年头三个月", E("range", datetime(Y + 1, 1, 1), datetime(Y + 1, 4, 1), "month"), "{}，新线路将陆续开通。")
    add("一季度末", E("range", datetime(Y, 3, 1), datetime(Y, 4, 1), "month", True), "{}，全省贷款余额突破十万亿元。")
    add("本季度末", E("range", add_months(q0, 2), add_months(q0, 3), "month", True), "{}，新厂房将投入使用。")

    # -- weeks of a month or a year: week 1 holds the first Thursday (ISO 8601)
    ym = year_of(5, None, p)
    w = first_week(datetime(ym, 5, 1)) + 7 * one
    add("5月第二周", E("point", w, w + 7 * one, "week"), "{}，各地将举办系列宣传活动。")
    w = first_week(first) + 14 * one
    add("本月第3周", E("point", w, w + 7 * one, "week"), "{}，学校将组织期中考试。")
    w = first_week(datetime(Y - 1, 11, 1))
    add("去年十一月第一周", E("point", w, w + 7 * one, "week"), "{}，该港口吞吐量创下新高。")
    w = first_week(datetime(2019, 1, 1)) + 49 * 7 * one
    add("19年第50周", E("point", w, w + 7 * one, "week"), "{}，该平台销量位居第一。")
    w = first_week(datetime(2022, 1, 1))
    add("2022年的第一周", E("point", w, w + 7 * one, "week"), "{}，全国电影票房突破10亿元。")
    y9 = year_of(9, None, p)
    w = first_week(datetime(y9, 9, 1))
    add("九月的第一周", E("point", w, w + 7 * one, "week"), "{}，新生陆续报到。")
    last_day = datetime(ym, 6, 1) - one
    fri = last_day - timedelta(days=(last_day.weekday() - 4) % 7)
    add("五月的最后一个星期五", day(fri), "{}，该品牌举行了新品发布会。")
    w = first_week(nxt)
    add("下个月第一周", E("point", w, w + 7 * one, "week"), "{}，展会将在上海开幕。")
    w = first_week(datetime(Y, 1, 1)) + 9 * 7 * one
    add("今年第10周", E("point", w, w + 7 * one, "week"), "{}，全国流感病例明显增加。")
    w = last_week(nxt)
    add("本月最后一周", E("point", w, w + 7 * one, "week"), "{}，商场将推出促销活动。")
    y11 = year_of(11, None, p)
    nov1 = datetime(y11, 11, 1)
    thu4 = nov1 + timedelta(days=(3 - nov1.weekday()) % 7) + 21 * one
    add("11月第四个星期四", day(thu4), "{}，美国民众庆祝感恩节。")

    # -- ranges with a part left out; the right end takes the left's year, and the next
    # year when it would fall before the left; a clock end before the left: the next day
    add("2019年11月八号到十四号", E("range", datetime(2019, 11, 8), datetime(2019, 11, 15), "day"), "从{}，全市开展安全大检查。")
    add("2019年3——5月", E("range", datetime(2019, 3, 1), datetime(2019, 6, 1), "month"), "{}，当地降水偏少。")
    y24 = year_of(2, 4, p)
    r = datetime(y24, 3, 11)
    add("2月4至3月11", E("range", datetime(y24, 2, 4), r + one, "day"), "{}，该展览在国家博物馆展出。")
    y9 = year_of(9, None, p)
    add("9月至3月", E("range", datetime(y9, 9, 1), datetime(y9 + 1, 4, 1), "month"), "{}是该地区的旱季。")
    y4 = year_of(4, None, p)
    end10 = datetime(y4, 11, 1) if datetime(y4, 10, 1) > datetime(y4, 4, 1) else datetime(y4 + 1, 11, 1)
    add("四月和十月之间", E("range", datetime(y4, 4, 1), end10, "month"), "这种候鸟通常在{}迁徙。")
    add("2016年和2019年之间", E("range", datetime(2016, 1, 1), datetime(2020, 1, 1), "year"), "{}，该市人口持续增长。")
    add("下午6:00到凌晨2:00", E("range", D + 18 * hour, D + 26 * hour, "minute"), "夜市营业时间为{}。")
    y1228 = year_of(12, 28, p)
    add("12月28日至1月3日", E("range", datetime(y1228, 12, 28), datetime(y1228 + 1, 1, 4), "day"), "{}，景区实行限流。")
    add("晚上10点到凌晨1点", E("range", D + 22 * hour, D + 26 * hour, "hour"), "施工时间为{}。")
    add("2016至2019年间", E("range", datetime(2016, 1, 1), datetime(2020, 1, 1), "year"), "{}，该县脱贫人口超过十万。")
    y7 = year_of(7, None, p)
    add("7月至9月", E("range", datetime(y7, 7, 1), datetime(y7, 10, 1), "month"), "{}，这里将举办系列音乐节。")

    # -- clock details
    add("下午2点到4点十分", E("range", D + 14 * hour, D + 16 * hour + timedelta(minutes=10), "minute"), "会议将于{}举行。")
    add("下午4点多钟", E("point", D + 16 * hour, D + 17 * hour, "hour", True), frames=CLOCK_FRAMES)
    add("明天晚上八九点", E("range", D + 44 * hour, D + 46 * hour, "hour", True), "预计{}，降雨将明显减弱。")
    y53 = year_of(5, 3, p)
    t = datetime(y53, 5, 3, 21, 15)
    add("5月3日21时1刻", E("point", t, t + timedelta(minutes=1), "minute"), frames=CLOCK_FRAMES)
    add("昨天后半夜", E("range", D, D + 5 * hour, "hour"), frames=CLOCK_FRAMES)
    cands = [(D + timedelta(hours=2, minutes=45),), (D + timedelta(hours=14, minutes=45),)]
    t = past_pick(cands, p, 0)[0]
    add("三点差一刻", E("point", t, t + timedelta(minutes=1), "minute"), frames=CLOCK_FRAMES)
    t = D + timedelta(hours=3, minutes=15)
    add("凌晨三点一刻", E("point", t, t + timedelta(minutes=1), "minute"), frames=CLOCK_FRAMES)
    t = D + timedelta(hours=22, minutes=45)
    add("晚上十点三刻", E("point", t, t + timedelta(minutes=1), "minute"), frames=CLOCK_FRAMES)
    add("今天上半夜", E("range", D + 20 * hour, D + 24 * hour, "hour"), "{}，城区有小雨。")
    add("早上六七点", E("range", D + 6 * hour, D + 8 * hour, "hour", True), "{}，早高峰的车流逐渐增多。")
    t = D + timedelta(hours=9, minutes=30)
    add("上午9点半", E("point", t, t + timedelta(minutes=1), "minute"), frames=CLOCK_FRAMES)

    # -- calendars: lunar dates, solar terms, reign years
    cands = []
    for ly, n in LA_YUE_DAYS.items():
        eve = HOLIDAYS["除夕"][ly + 1]
        cands.append((d0(eve) - (n - 16) * one,))
    s16 = past_pick(cands, p, 30)[0]
    add("腊月16", day(s16), "{}，村里开始杀年猪。")
    add("2013年正月初6", day(date(2013, 2, 15)), "{}，他踏上了返程的列车。")
    cands = [(d0(HOLIDAYS["春节"][y]) + 8 * one,) for y in (Y - 1, Y, Y + 1)]
    add("大年初九", day(past_pick(cands, p, 30)[0]), "{}，企业陆续开工。")
    cands = [(d0(HOLIDAYS["春节"][y]) + 6 * one,) for y in (Y - 1, Y, Y + 1)]
    add("正月初七", day(past_pick(cands, p, 30)[0]), "{}，返程客流迎来高峰。")
    add("2018年大寒", day(TERMS[("大寒", 2018)]), "{}，北方迎来入冬以来最强寒潮。")
    add("21年小寒", day(TERMS[("小寒", 2021)]), "{}，多地最低气温跌破零下20摄氏度。")
    add("2024年霜降", day(TERMS[("霜降", 2024)]), "{}，秋收进入尾声。")
    add("2025年谷雨", day(TERMS[("谷雨", 2025)]), "{}，茶农们忙着采摘新茶。")
    add("乾隆十年5月", E("point", datetime(1745, 5, 1), datetime(1745, 6, 1), "month", True), "{}，这座石桥竣工。")
    add("民国五年", E("point", datetime(1916, 1, 1), datetime(1917, 1, 1), "year"), "{}，这所学校正式创办。")
    add("光绪三十四年", E("point", datetime(1908, 1, 1), datetime(1909, 1, 1), "year"), "{}，这条铁路建成通车。")
    add("民国38年10月1日", day(date(1949, 10, 1)), "{}，他在天安门广场参加了开国大典。")
    add("令和元年", E("point", datetime(2019, 1, 1), datetime(2020, 1, 1), "year"), "{}，日本迎来新的年号。")
    add("康熙六十一年", E("point", datetime(1722, 1, 1), datetime(1723, 1, 1), "year"), "{}，这座寺庙得到重修。")
    # a sexagenary year: the one of that name nearest p (乙巳 = 2025 = 4 + 21 + 60k)
    gz = min((2025 + 60 * k for k in (-1, 0, 1)), key=lambda y: (abs(y - Y), y > Y))
    add("乙巳年", E("point", datetime(gz, 1, 1), datetime(gz + 1, 1, 1), "year", True), "{}，村里修通了公路。")
    add("乙巳年春节", day(HOLIDAYS["春节"][2025]), "{}，游子们纷纷返乡。")
    add("1900年", E("point", datetime(1900, 1, 1), datetime(1901, 1, 1), "year"), "{}，八国联军攻入北京。")
    add("1895年4月17日", day(date(1895, 4, 17)), "{}，《马关条约》签订。")

    # -- news periods
    add("十四五期间", E("range", datetime(2021, 1, 1), datetime(2026, 1, 1), "year"), "{}，全省新建高速公路一千公里。")
    add("“十五五”时期", E("range", datetime(2026, 1, 1), datetime(2031, 1, 1), "year"), "{}，该市将重点发展新能源产业。")
    add("十三五末", E("range", datetime(2020, 1, 1), datetime(2021, 1, 1), "year", True), "到{}，全国贫困人口全部脱贫。")
    add("2024财年", E("point", datetime(2024, 1, 1), datetime(2025, 1, 1), "year", True), "该公司{}营收增长12%。")
    add("十九世纪九十年代末期", E("range", datetime(1897, 1, 1), datetime(1900, 1, 1), "year", True), "{}，这种工艺传入中国。")
    add("12世纪初", E("range", datetime(1101, 1, 1), datetime(1121, 1, 1), "year", True), "{}，这座城市已相当繁华。")
    add("本世纪初", E("range", datetime(2001, 1, 1), datetime(2021, 1, 1), "year", True), "{}，互联网开始走进千家万户。")
    add("上年同期", day(D.replace(year=Y - 1, day=min(D.day, 28 if D.month == 2 else 31))), "该指标{}为负增长。")
    add("2023年同期", day(D.replace(year=2023, day=min(D.day, 28 if D.month == 2 else 31))), "该指标高于{}水平。")
    add("今明两天", E("range", D, D + 2 * one, "day"), "{}，全省大部地区有雨。")
    add("明后天", E("range", D + one, D + 3 * one, "day"), "{}，气温将明显下降。")
    cands = [(d0(HOLIDAYS["重阳节"][y]),) for y in (Y - 1, Y, Y + 1)]  # lunar 9/9
    add("九月九", day(past_pick(cands, p, 30)[0]), "每逢{}，人们登高望远。")
    add("19世纪下半叶", E("range", datetime(1851, 1, 1), datetime(1901, 1, 1), "year", True), "{}，工业革命席卷欧洲。")

    # -- compact and odd forms (3/4/2021: month/day/year, as where slashes come from;
    # 11-10-09: year-month-day, as Chinese dates are written)
    add("20250611", day(date(2025, 6, 11)), "订单日期为{}，请核对。")
    t = datetime(2019, 7, 4, 8, 15)
    add("2019-07-0408:15", E("point", t, t + timedelta(minutes=1), "minute"), "日志显示，{}系统出现故障。")
    y715 = year_of(7, 15, p)
    add("7·15", day(date(y715, 7, 15)), "“{}”事故调查报告公布。")
    # month.day with a full stop, opening the phrase of what happened (Hong Kong news)
    y101 = year_of(10, 1, p)
    add("10.1", day(date(y101, 10, 1)), "{}在荃湾被警员枪击的男生被控暴动罪。")
    y914 = year_of(9, 14, p)
    add("9.14", day(date(y914, 9, 14)), "【{}屯门集会】男教师认拍跌警员手机。")
    add("11-10-09", day(date(2011, 10, 9)), "该文件落款日期为{}。")
    t = datetime(2025, 6, 11, 8, 15)
    add("2025-06-11T08:15:00+08:00", E("point", t, t + timedelta(seconds=1), "second"), "日志时间戳为{}。")
    add("3/4/2021", day(date(2021, 3, 4)), "合同签署日期为{}。")
    add("13/4/2021", day(date(2021, 4, 13)), "发票日期为{}。")
    return out


# Running sentences whose mention depends on what precedes it (published P0).
ISSUE17_MANUAL = [
    (
        "今年前三季度，全市GDP增长5.2%，比去年同期提高0.8个百分点。",
        "去年同期",
        E("range", datetime(2024, 1, 1), datetime(2024, 10, 1), "quarter"),
    ),
    (
        "2025年10月，社会消费品零售总额同比增长2.9%，增速低于上年同期。",
        "上年同期",
        E("point", datetime(2024, 10, 1), datetime(2024, 11, 1), "month"),
    ),
    (
        "截至2025年9月底，全省累计建成充电桩12万个。",
        "截至2025年9月底",
        E("open", None, datetime(2025, 10, 1), "day", True),
    ),
    (
        "新修订的条例自2026年1月1日起施行。",
        "2026年1月1日起",
        E("open", datetime(2026, 1, 1), None, "day"),
    ),
    (
        "比赛将于下午3点开始，观众需提前入场。",
        "下午3点",
        E("point", datetime(2025, 11, 28, 15), datetime(2025, 11, 28, 16), "hour"),
    ),
]


def fmt(dt) -> str:
    return "" if dt is None else dt.isoformat() + TZ


def main() -> None:
    rows = []
    n = 0
    for p in REFS:
        for mention, exp in expectations(p):
            frame = FRAMES[n % len(FRAMES)]
            n += 1
            kind, start, end, grain, approx, extra = exp
            rows.append(
                [
                    frame.format(mention),
                    p.isoformat() + TZ,
                    mention,
                    kind,
                    fmt(start),
                    fmt(end),
                    grain or "",
                    "1" if approx else "0",
                    extra,
                ]
            )
    for p in REFS:
        for sentence, mention, exp in issue17(p):
            kind, start, end, grain, approx, extra = exp
            rows.append(
                [
                    sentence,
                    p.isoformat() + TZ,
                    mention,
                    kind,
                    fmt(start),
                    fmt(end),
                    grain or "",
                    "1" if approx else "0",
                    extra,
                ]
            )
    for sentence, mention, exp in MANUAL + ISSUE17_MANUAL:
        kind, start, end, grain, approx, extra = exp
        rows.append(
            [
                sentence,
                P0.isoformat() + TZ,
                mention,
                kind,
                fmt(start),
                fmt(end),
                grain or "",
                "1" if approx else "0",
                extra,
            ]
        )
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(
            [
                "sentence",
                "published",
                "mention",
                "kind",
                "start",
                "end",
                "grain",
                "approximate",
                "extra",
            ]
        )
        w.writerows(rows)
    print(f"{len(rows)} cases -> {OUT}")


if __name__ == "__main__":
    main()
