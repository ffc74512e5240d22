"""Public entry points: ``parse_time`` (one expression) and ``find_times`` (running text)."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, datetime, tzinfo
from typing import Literal, NamedTuple

from .grammar import WEEKDAY_APPOSITION, dispatch, prefilter_regex, second_chars
from .normalize import normalize
from .resolve import NeedReference, resolve, resolve_range
from .spec import Spec, build, standalone, tokenize
from .value import TimeValue
from .zones import DEFAULT_TZ

Prefer = Literal["past", "future", "nearest"]
Offsets = Literal["unit", "span"]
NO_PUBLICATION = "no publication time"
_DIGITS = re.compile(r"[0-9]+")
_TRIM = " \t\r\n，。、；,.;!?！？“”\"'（）()《》【】[]"
_OPENERS = set("从自在于截由到直不最")
_CLOSERS = set("际")
# what may stand before a mention (parse_time strips it; 截至 makes it 'until', 从 makes
# a following 开始 'from ... on')
_WRAP = re.compile(
    r"^(?:(?P<until>截至|截止到|截止至|截止|直至|直到|不晚于|不迟于|最迟于?|最晚于?)"
    r"|(?P<from>自从|从|自|由)|(?P<after>不早于)|在|于|到)?(.*?)(?:之际)?$",
    re.DOTALL,
)
_UNTIL_BEFORE = ("截止到", "截止至", "不晚于", "不迟于", "最迟于", "最晚于", "截至", "截止", "最迟", "最晚")
_AFTER_BEFORE = ("不早于",)
_FROM_BEFORE = ("自从", "从", "自", "由")
_LONE_YY = re.compile(r"(?:\d\d|[零〇○一二三四五六七八九]{2})年")


class TimeMatch(NamedTuple):
    """A time mention in text: ``text[start:end]``, its value or why there is none."""

    start: int
    end: int
    value: TimeValue | None
    unresolved: str | None


def _aware(dt: datetime | None, tz: tzinfo) -> datetime | None:
    if dt is not None and dt.tzinfo is None:
        return dt.replace(tzinfo=tz)
    return dt


def _a_text(value: object, name: str) -> str:
    """``value`` itself when it is a str; else a TypeError naming the argument (bytes must
    be decoded first: the pipeline does that, with the encoding detected)."""
    if isinstance(value, str):
        return value
    hint = " (decode bytes first, or pass them to the pipeline)" if isinstance(value, (bytes, bytearray)) else ""
    raise TypeError(f"{name} must be a str, not {type(value).__name__}{hint}")


def _reference(
    reference: datetime | date | str | None, tz: tzinfo, name: str = "reference"
) -> datetime | None:
    """A reference given as a datetime, a date (its midnight) or an ISO 8601 string
    (naive ones are read in ``tz``); ``name`` names the argument in errors."""
    if reference is None or isinstance(reference, datetime):
        return _aware(reference, tz)
    if isinstance(reference, date):
        return datetime(reference.year, reference.month, reference.day, tzinfo=tz)
    if isinstance(reference, str):
        text = reference.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            return _aware(datetime.fromisoformat(text), tz)
        except ValueError:
            raise ValueError(f"{name} is not an ISO 8601 date or time: {reference!r}") from None
    raise TypeError(
        f"{name} must be a datetime, a date or an ISO 8601 string, not {type(reference).__name__}"
    )


def parse_time(
    expression: str,
    reference: datetime | date | str | None = None,
    *,
    prefer: Prefer = "past",
    tz: tzinfo = DEFAULT_TZ,
    offsets: Offsets = "unit",
) -> TimeValue | None:
    """Normalise one time expression.

    Returns None when ``expression`` is not a time expression, or when it is relative
    and no ``reference`` is given (the clock is never consulted).  Absolute expressions
    get ``anchor='absolute'``, relative ones ``anchor='reference'``.  ``reference`` is a
    datetime, a date or an ISO 8601 string (naive ones are read in ``tz``); ``offsets``
    says how N units before/after (3天后, 两年前) resolve: ``'unit'`` the unit they land
    on, ``'span'`` the N whole units between the reference and it (Duckling's reading).
    """
    ref = _reference(reference, tz)
    text = normalize(_a_text(expression, "expression")).strip(_TRIM)
    until = start_from = after = False
    inner = text
    if text[:1] in _OPENERS or text[-1:] in _CLOSERS:
        w = _WRAP.match(text)
        inner = w.group(4)
        until, start_from = w.group("until") is not None, w.group("from") is not None
        after = w.group("after") is not None
    if not inner:
        return None
    if ref is not None and _LONE_YY.fullmatch(inner):
        lone = _lone_year(inner, ref, tz)
        if lone is not None:
            return lone
    rx = dispatch().get(inner[:1])
    m = rx.fullmatch(inner) if rx is not None else None
    if m is None:
        return None
    left = build(inner, tokenize(inner, *m.left), strict=False, right=m.right is not None)
    if not left:
        return None
    try:
        if m.right is not None:
            right = build(inner, tokenize(inner, *m.right), strict=False, right=True)
            if right:
                value = resolve_range(
                    left[-1], right[0], ref, None, prefer, tz, "reference", offsets
                )
                if value is not None:
                    return value
            return None
        spec = left[0]
        _wrap(spec, until, start_from)
        if after and spec.open is None:
            spec.open = "after"
        return resolve(spec, ref, None, prefer, tz, "reference", offsets)
    except (NeedReference, ValueError, OverflowError):
        return None


def _wrap(spec: Spec, until: bool, start_from: bool) -> None:
    """截至X: until X; 从X开始: from X on."""
    if until and spec.open is None:
        spec.open = "before"
    if spec.open_start and start_from and spec.open is None:
        spec.open = "after"


def _lone_year(inner: str, ref: datetime, tz: tzinfo) -> TimeValue | None:
    """parse_time('23年'): the year 2023 when it is not after the reference year (a
    two-digit count of years in running text is a duration unless a month, an edge or a
    holiday follows, or 在/于/从/自 stands before it)."""
    from .numerals import to_int
    from .resolve import two_digit_year

    yy = to_int(inner[:2])
    year = two_digit_year(yy, ref.astimezone(tz).replace(tzinfo=None))
    if year > ref.astimezone(tz).year:
        return None
    spec = Spec(0)
    spec.year, spec.explicit_year = year, True
    spec.fill.add("year")
    return resolve(spec, ref, None, "past", tz, "reference")


def find_times(
    text: str,
    published: datetime | date | str | None,
    *,
    prefer: Prefer = "past",
    offsets: Offsets = "unit",
) -> list[TimeMatch]:
    """Every time mention in ``text`` with character offsets into ``text``.

    Relative mentions resolve against ``published`` (a datetime, a date or an ISO 8601
    string; naive ones are Beijing time) (anchor ``'published'``);
    anaphoric ones (次日, 当天, 当晚, 此后两天 ...) against the previous resolved mention
    (anchor ``'previous'``).  Without ``published`` relative mentions come back with
    ``value=None`` and ``unresolved='no publication time'``.  A 截至 / 截止 before a
    mention is part of it (截至6月底: until the end of June).
    """
    norm = _roc_years(normalize(_a_text(text, "text")))
    search = prefilter_regex().search
    table = dispatch()
    second = second_chars()
    ref = _reference(published, DEFAULT_TZ, "published")
    out: list[TimeMatch] = []
    prev: TimeValue | None = None
    prev_end = 0  # where the mention that gave ``prev`` ends
    pos = 0
    schedules = [m.span() for m in _SCHEDULE.finditer(norm)]
    while True:
        p = search(norm, pos)
        if p is None:
            break
        s = p.start()
        # 5月3日（周三），: the weekday names the date before it again, no time of its own
        apposition = _WEEKDAY_APPOSITION.match(norm, s - 1) if s and norm[s - 1] in "（(" else None
        if apposition is not None:
            pos = apposition.end()
            continue
        while schedules and schedules[0][1] <= s:
            schedules.pop(0)
        if schedules and schedules[0][0] <= s:  # 周一至周五上午9时至下午5时: opening hours
            start, end = schedules.pop(0)
            out.append(TimeMatch(start, end, _WEEKLY, None))
            pos = end
            continue
        follow = second[norm[s]]
        if follow is not None and norm[s + 1 : s + 2] not in follow:
            pos = s + 1
            continue
        if "0" <= norm[s] <= "9":
            # a run of digits starts a mention only when a time word, a separator or a
            # unit follows it (2025年, 11/28, 3.5天, 10:30): most runs are amounts
            run_end = _DIGITS.match(norm, s).end()
            after = norm[run_end : run_end + 1]
            if (
                not after or (after not in _AFTER_DIGITS and not after.isspace())
            ) and run_end - s != 8:  # 20250611 stands alone
                pos = run_end
                continue
        m = table[norm[s]].match(norm, s)
        if m is None:
            # every atom starting with a digit requires no digit before it, so no
            # match can start inside the rest of this run of digits
            pos = _DIGITS.match(norm, s).end() if "0" <= norm[s] <= "9" else s + 1
            continue
        pos = m.end
        # the ends of a range keep what alone is no time (十点到十二点, 八号到十号)
        left = build(norm, tokenize(norm, *m.left), strict=True, right=m.right is not None)
        right = None
        if m.right is not None:
            right = build(norm, tokenize(norm, *m.right), strict=True, right=True)
        if right and left:
            rng = _range(left[-1], right[0], ref, prev, prefer, offsets)
            if rng is not None:
                for spec in left[:-1]:
                    prev, prev_end = _emit(out, spec, ref, prev, prev_end, prefer, norm, offsets)
                out.append(rng)
                if rng.value is not None:
                    prev, prev_end = rng.value, rng.end
                for spec in right[1:]:
                    prev, prev_end = _emit(out, spec, ref, prev, prev_end, prefer, norm, offsets)
                continue
        specs = [*left, *(right or ())]
        if m.right is not None:  # no range after all: each spec must stand on its own
            specs = [spec for spec in specs if standalone(spec)]
        for spec in specs:
            prev, prev_end = _emit(out, spec, ref, prev, prev_end, prefer, norm, offsets)
    if any(m.value is _WEEKLY for m in out):  # no part of a schedule read on its own
        spans = [(m.start, m.end) for m in out if m.value is _WEEKLY]
        out = [
            m for m in out
            if m.value is _WEEKLY or not any(a < m.end and m.start < b for a, b in spans)
        ]
    return _outside_urls(out, text)


#: a text dated in the Republic of China calendar (Taiwan): 民国113年, 113年度, 112年起, 114年7月,
#: 今(113)年
_ROC_TEXT = re.compile(r"民国\s?\d{2,3}\s?年|(?<![\d.])1[01]\d\s?年(?:度|起|\s?第|\s?\d{1,2}\s?月)|今\(1[01]\d\)年")
#: its years: 100-149 (2011-2060), or 38-99 after 于/在/自/从/至/到 or before 度/月/底/初/起
#: (94年 = 2005); not counts of years (创校120年来, 屋龄50年以上)
_ROC_YEAR = re.compile(
    r"(?<![\d.])(?<!民国)(?<!民国 )(?:1[0-4]\d|(?<=[于在自从至到])[3-9]\d|[3-9]\d(?=\s?年(?:度|\s?\d{1,2}\s?月|[底初起])))"
    r"(?=\)?\s?年(?!历史|之久|以上|以下|来|多|的历史))"
)
_PRIVATE_DIGITS = str.maketrans({str(d): chr(0xE000 + d) for d in range(10)})


def _roc_years(norm: str) -> str:
    """In a text dated in the Republic of China calendar, its years with their digits
    written as private-use characters (113 -> U+E001 U+E001 U+E003), which the grammar's
    ``roc`` atom reads as 1911 + 113 = 2024; the length is kept."""
    if "年" not in norm or not _ROC_TEXT.search(norm):
        return norm
    return _ROC_YEAR.sub(lambda m: m.group().translate(_PRIVATE_DIGITS), norm)


_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'()（）\[\]{}，。、；！？]+", re.IGNORECASE)


def _outside_urls(found: list[TimeMatch], text: str) -> list[TimeMatch]:
    """Drop the matches inside a web address (https://tv.cctv.com/2025/11/06/...): a
    path is not a time mention of the text."""
    if "://" not in text and "www." not in text:
        return found
    spans = [m.span() for m in _URL.finditer(text)]
    if not spans:
        return found
    starts = [a for a, _ in spans]
    kept = []
    for match in found:
        k = bisect_right(starts, match.start) - 1
        if k >= 0 and match.start < spans[k][1]:
            continue
        kept.append(match)
    return kept


#: A weekday in brackets right after a day of the month (5月3日（周三）, 5号(周一)).
_WEEKDAY_APPOSITION = re.compile(rf"(?<=[日号]){WEEKDAY_APPOSITION}")


#: What can follow the first run of digits of a mention, for every atom that starts with
#: digits (time.grammar): 年 世纪 月 日 号 点 时 H Q, units (秒 分钟 小时 钟头 天 周 星期
#: 礼拜 季度, with 个 半 多 before them), separators (- / . : ：), a.m./p.m. and range
#: connectors; or a space.  ``tests/time/test_extract.py`` checks it against the grammar.
_AFTER_DIGITS = frozenset("年世月日号点时HhQq个半多秒分小钟天周星礼季工财-/.:：AaPp至到~—–－～·•・")


def _range(left: Spec, right: Spec, ref, prev, prefer, offsets) -> TimeMatch | None:
    try:
        value = resolve_range(left, right, ref, prev, prefer, DEFAULT_TZ, "published", offsets)
    except NeedReference:
        return TimeMatch(left.start, right.end, None, NO_PUBLICATION)
    except (ValueError, OverflowError):
        return None
    if value is None:
        return None
    return TimeMatch(left.start, right.end, value, None)


_COORD = {"和", "、", "及", "与", "或", "和/或"}


def _coordinate(out: list[TimeMatch], spec: Spec, text: str) -> None:
    """2003年3月和4月, 11月26日、27日: the second one takes the year (and month) of the first."""
    if not out or out[-1].value is None or out[-1].value.anchor != "absolute":
        return
    last = out[-1]
    if text[last.end : spec.start] not in _COORD or last.value.start is None:
        return
    f = spec.fill
    if spec.special is not None or "year" in f or spec.doff is not None or spec.week is not None:
        return
    first = last.value.start
    if "month" in f and spec.month is not None:
        spec.year, spec.explicit_year = first.year, True
        f.add("year")
    elif f & {"day"} and spec.day is not None and last.value.grain == "day":
        spec.year, spec.month, spec.explicit_year = first.year, first.month, True
        f |= {"year", "month"}


def _prefixed(spec: Spec, text: str) -> tuple[int, int]:
    """The span of a spec with what stands around it: 截至 before it is part of the
    mention (until); 从/自 before it makes a trailing 开始 'from ... on' (without it,
    开始 is the start of something and is left out)."""
    start, end = spec.start, spec.end
    before = text[max(0, start - 3) : start]
    if spec.open is None and before.endswith(_UNTIL_BEFORE + _AFTER_BEFORE):
        spec.open = "after" if before.endswith(_AFTER_BEFORE) else "before"
        for word in _UNTIL_BEFORE + _AFTER_BEFORE:
            if before.endswith(word):
                start -= len(word)
                break
    if spec.open_start:
        if spec.open is None and before.endswith(_FROM_BEFORE):
            spec.open = "after"
        elif text.endswith("开始", 0, end):
            end -= 2
    return start, end


_NUMBER_SIGN = re.compile(r"[（(]\d{1,2}号[)）]")
_DAY_WORD_BEFORE = re.compile(r"(?:今天|今日|昨天|昨日|明天|明日|当天|周.|星期.|礼拜.|[日天晚])$")


def _shirt_number(text: str, start: int, end: int) -> bool:
    """张三（4号）: a number in brackets after a name is a shirt number, not the 4th (a day
    word before the bracket makes it a date again: 今天（4号）)."""
    if not _NUMBER_SIGN.fullmatch(text, start - 1, end + 1):
        return False
    return _DAY_WORD_BEFORE.search(text, max(0, start - 4), start - 1) is None


#: verbs of a stretch of days: after them a bare N日 counts days (行政拘留5日, 停牌3日,
#: 为期10日), it is not the Nth of a month
_DAYS_VERB = re.compile(
    r"(?:拘留|拘役|监禁|关押|羁押|隔离|停业|停牌|停课|停工|停产|停赛|禁赛|休市|休假|"
    r"为期|历时|长达|持续|连续|延长|暂停|禁足)\Z"
)
#: ... and the stretch itself named after the count: 处以5日行政拘留, 10日禁赛
_DAYS_NOUN = re.compile(r"的?(?:行政|刑事)?(?:拘留|行拘|拘役|隔离|禁赛|停赛|停牌|停业)")


def _count_of_days(spec: Spec, text: str, start: int, end: int) -> TimeValue | None:
    """拘留5日, 5日行政拘留: a day of the month alone right next to a stretch of days is a
    count of days (a duration of N days)."""
    if spec.fill != {"day"} or spec.special is not None or not isinstance(spec.day, int):
        return None
    if not (_DAYS_VERB.search(text, max(0, start - 4), start) or _DAYS_NOUN.match(text, end)):
        return None
    return TimeValue(kind="duration", grain="day", duration_seconds=86400.0 * spec.day)


#: words before a time that put it ahead of the reference (押后至周四, 将于3月): an
#: ambiguous date after them is the coming one
_FUTURE_CUE = re.compile(r"(?:(?:押后|延期|推迟|推延|改期|顺延|延)[至到]|(?:将|定|拟|预计)[于在])$")
#: ... and a session adjourned to it, told right after it (11月14日再讯); not 将, which as
#: often marks an object (于7月31日将…响应级别提升至三级)
_FUTURE_AFTER = re.compile(r"\s*再[讯訊审審处處提开開]")


#: A weekly schedule: a span of weekdays with the hours of each (周一至周五上午9时至下午5时,
#: 每周二至周日9:00-17:00): opening hours, no date.  One set-valued mention, where the
#: grammar alone would read a range of this week's days and a time of the reference day.
_CLOCK = r"(?:凌晨|早上|上午|中午|下午|晚上)?\s?\d{1,2}(?:[:：]\d{2}|[时点](?:\d{1,2}分|半)?)"
_SCHEDULE = re.compile(
    r"(?:每)?(?:周|星期|礼拜)[一二三四五六日天]\s?(?:至|到|-|~|—|－|～)\s?(?:周|星期|礼拜)?[一二三四五六日天]"
    rf"\s?(?:的|每天|每日)?\s?{_CLOCK}\s?(?:至|到|-|~|—|－|～)\s?{_CLOCK}"
)
#: What ends a sentence, between a time and the one before it.
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_WEEKLY = TimeValue(kind="set", grain="hour", approximate=False, anchor="absolute", recurrence="week")


def _emit(
    out: list[TimeMatch], spec: Spec, ref, prev, prev_end: int, prefer, text: str,
    offsets: str = "unit",
) -> tuple[TimeValue | None, int]:
    """Resolve one spec, append the match, and return the new 'previous' value and where
    the mention that gave it ends (``prev_end``: the current one's end)."""
    _coordinate(out, spec, text)
    start, end = _prefixed(spec, text)
    if _shirt_number(text, start, end):
        return prev, prev_end
    days = _count_of_days(spec, text, start, end)
    if days is not None:
        out.append(TimeMatch(start, end, days, None))
        return prev, prev_end
    if prefer == "past" and (
        _FUTURE_CUE.search(text, max(0, start - 4), start) or _FUTURE_AFTER.match(text, end)
    ):
        prefer = "future"
    try:
        # in the sentence of the mention the previous value came from (a duration between
        # them, 休庭半小时, gives no previous value)
        same_sentence = prev is not None and not _SENTENCE_END.search(text, prev_end, start)
        value = resolve(spec, ref, prev, prefer, DEFAULT_TZ, "published", offsets, same_sentence)
    except NeedReference:
        out.append(TimeMatch(start, end, None, NO_PUBLICATION))
        return prev, prev_end
    except (ValueError, OverflowError):
        return prev, prev_end
    out.append(TimeMatch(start, end, value, None))
    # 2018年2月起…同年12月: a time from a start on is a previous time like a point
    if value.start is not None and value.kind in ("point", "range", "open"):
        return value, end
    return prev, prev_end
