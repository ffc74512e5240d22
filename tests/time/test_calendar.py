"""Building blocks: numerals, normalisation, holiday calendars, solar terms, regex safety."""

from __future__ import annotations

from datetime import date

import pytest

from newsie.time import holidays
from newsie.time.grammar import atom_regex, dispatch, prefilter_regex
from newsie.time.normalize import normalize
from newsie.time.numerals import to_int


@pytest.mark.parametrize(
    "text,value",
    [("28", 28), ("二十八", 28), ("廿八", 28), ("十一", 11), ("十", 10), ("两", 2), ("三十一", 31),
     ("卅一", 31), ("一百二十", 120), ("二〇二五", 2025), ("二零一五", 2015), ("零五", 5), ("x", None)],
)
def test_numerals(text: str, value: int | None) -> None:
    assert to_int(text) == value


def test_normalise_keeps_length() -> None:
    text = "２０２５年１１月２８日 週三 後天 下午三點：十五"
    out = normalize(text)
    assert len(out) == len(text)
    assert out == "2025年11月28日 周三 后天 下午三点:十五"


@pytest.mark.parametrize(
    "year,longitude,expected",
    [(2024, 270, date(2024, 12, 21)), (2025, 270, date(2025, 12, 21)), (2026, 270, date(2026, 12, 22)),
     (2024, 15, date(2024, 4, 4)), (2026, 15, date(2026, 4, 5)), (2025, 315, date(2025, 2, 3)),
     (2025, 0, date(2025, 3, 20)), (2025, 90, date(2025, 6, 21))],
)
def test_solar_terms(year: int, longitude: float, expected: date) -> None:
    assert holidays.solar_term(year, longitude) == expected


@pytest.mark.parametrize(
    "name,year,expected",
    [("春节", 2025, date(2025, 1, 29)), ("春节", 2026, date(2026, 2, 17)), ("除夕", 2026, date(2026, 2, 16)),
     ("除夕", 2025, date(2025, 1, 28)), ("中秋节", 2025, date(2025, 10, 6)), ("端午节", 2025, date(2025, 5, 31)),
     ("元宵节", 2025, date(2025, 2, 12)), ("重阳节", 2025, date(2025, 10, 29)), ("腊八", 2026, date(2026, 1, 26)),
     ("母亲节", 2025, date(2025, 5, 11)), ("父亲节", 2025, date(2025, 6, 15)), ("感恩节", 2025, date(2025, 11, 27)),
     ("复活节", 2025, date(2025, 4, 20)), ("开斋节", 2013, date(2013, 8, 8)), ("古尔邦节", 2013, date(2013, 10, 15)),
     ("光明节", 2018, date(2018, 12, 2)), ("清明节", 2025, date(2025, 4, 4)), ("冬至", 2025, date(2025, 12, 21))],
)
def test_holiday_dates(name: str, year: int, expected: date) -> None:
    assert holidays.occurrences(name, year)[0][0] == expected


def test_excluded_holiday_contexts() -> None:
    assert holidays.excluded("国庆", "赴韩国庆州出席", 2)
    assert not holidays.excluded("国庆", "国庆节期间", 0)


def test_grammar_compiles_and_first_chars() -> None:
    assert atom_regex().groups > 20
    chars = prefilter_regex().pattern
    for c in "0123456789今明昨上下本周星每近年月":
        assert c in chars
    assert set(dispatch()) >= set("0123456789")


def test_no_unbounded_nested_quantifiers() -> None:
    # every repetition of a group in the mention grammar is bounded ({0,10}); the only
    # unbounded quantifiers are on single character classes
    import re as _re

    from newsie.time.grammar import continuation

    pattern = continuation().pattern
    assert not _re.search(r"\)[*+]", pattern)
    assert not _re.search(r"\)\{\d+,\}", pattern)


@pytest.mark.parametrize(
    "expr,first,last",
    [("上世纪90年代", 1990, 2000), ("80年代", 1980, 1990), ("20年代", 2020, 2030), ("1990年代", 1990, 2000),
     ("二十世纪八十年代", 1980, 1990), ("21世纪", 2001, 2101), ("本世纪", 2001, 2101)],
)
def test_decades_and_centuries(expr: str, first: int, last: int) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from newsie.time import parse_time

    v = parse_time(expr, datetime(2025, 11, 28, tzinfo=ZoneInfo("Asia/Shanghai")))
    assert (v.kind, v.start.year, v.end.year, v.grain) == ("range", first, last, "year")


def test_bc_year_is_not_a_relative_range() -> None:
    from datetime import datetime

    from newsie.time import find_times

    text = "秦始皇于公元前221年统一六国。"
    assert not [m for m in find_times(text, datetime(2025, 11, 28)) if "221" in text[m.start : m.end]
                and m.value is not None and m.value.kind == "range"]


@pytest.mark.parametrize(
    "expr,kind,start,end",
    [("几天前", "vague", (2025, 11, 19), (2025, 11, 27)), ("数月", "duration", None, None),
     ("十几年来", "vague", (2006, 1, 1), (2025, 11, 29)), ("最近5天", "range", (2025, 11, 23), (2025, 11, 28))],
)
def test_vague_counts(expr: str, kind: str, start, end) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from newsie.time import parse_time

    sh = ZoneInfo("Asia/Shanghai")
    v = parse_time(expr, datetime(2025, 11, 28, 13, 39, tzinfo=sh))
    assert v.kind == kind
    if start:
        assert v.start == datetime(*start, tzinfo=sh) and v.end == datetime(*end, tzinfo=sh)
    assert v.approximate or kind == "range"
