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
    "截至{}，全市累计完成投资超百亿元。",
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
    add("2026年初", E("range", datetime(2026, 1, 1), datetime(2026, 3, 1), "month", True))
    add("2024年底", E("range", datetime(2024, 11, 1), datetime(2025, 1, 1), "month", True))
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
    # a day of the month only: this month unless > 14 days ahead
    for d_ in (3, 20, 28):
        cands = []
        for k in (-1, 0, 1):
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
    add("年初", E("range", datetime(Y, 1, 1), datetime(Y, 3, 1), "month", True))
    add("年底", E("range", datetime(Y, 11, 1), datetime(Y + 1, 1, 1), "month", True))
    add("去年底", E("range", datetime(Y - 1, 11, 1), datetime(Y, 1, 1), "month", True))
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
    # N units before/after: the N whole units before / after the current one
    add("3天前", E("range", D - 3 * one, D, "day"))
    add("两年前", E("range", datetime(Y - 2, 1, 1), datetime(Y, 1, 1), "year"))
    add("三个月后", E("range", add_months(first, 1), add_months(first, 4), "month"))
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
        E("range", datetime(2026, 1, 1), datetime(2026, 3, 1), "month", True),
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
    ("下周一起，新规正式施行。", "下周一", day(date(2025, 12, 1))),
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
        "去年",
        E("point", datetime(2024, 1, 1), datetime(2025, 1, 1), "year"),
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
    for sentence, mention, exp in MANUAL:
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
