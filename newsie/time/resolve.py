"""Resolve a ``Spec`` to a ``TimeValue`` against a reference time.

All calendar arithmetic is done on naive wall-clock datetimes in the expression's
zone; the result is made timezone-aware at the end.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

from .._compact import restore
from . import holidays
from .rules import load
from .spec import UNITS, Spec
from .value import TimeValue
from .zones import named_zone, utc_offset

_LEX = load("lexicon")
PODS: dict[str, dict] = _LEX["parts_of_day"]
VAGUE: dict[str, dict] = _LEX["vague"]
EDGES: dict[str, dict] = _LEX["edges"]
XUN: dict[str, list] = _LEX["xun"]
GRAINS = ("second", "minute", "hour", "day", "week", "month", "quarter", "half_year", "year")
GRAIN_RANK = {g: i for i, g in enumerate(GRAINS)}
SET_GRAIN = {
    "year": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "hour": "hour",
    "quarter": "quarter",
}
BACK = {"过去", "最近", "近", "前", "上"}
_FINE = {"day", "hour", "minute", "second"}
DAY = timedelta(days=1)


def make_value(
    kind,
    start,
    end,
    grain,
    approximate=False,
    anchor="absolute",
    duration_seconds=None,
    recurrence=None,
) -> TimeValue:
    """Build a TimeValue without re-validating (all fields are produced here, typed)."""
    return restore(
        TimeValue, (kind, start, end, grain, approximate, anchor, duration_seconds, recurrence)
    )


class NeedReference(Exception):
    """The expression is relative and there is no reference time."""


class Ctx:
    """Resolution context: reference and previous mention as naive local datetimes."""

    __slots__ = (
        "approx", "offsets", "prefer", "prev", "prev_clock", "prev_day", "prev_named_day", "ref",
        "used_prev", "used_ref",
    )

    def __init__(
        self,
        ref: datetime | None,
        prev: datetime | None,
        prefer: str,
        offsets: str = "unit",
        prev_day: datetime | None = None,
    ) -> None:
        self.ref, self.prev, self.prefer, self.offsets = ref, prev, prefer, offsets
        #: the previous mention's start when it names a day or finer (for a bare 5日)
        self.prev_day = prev_day
        #: the previous mention's start when it names a time of day (for 约15分钟后)
        self.prev_clock: datetime | None = None
        #: the previous mention's start when it names a day from the reference (昨凌晨1时),
        #: the day a bare time of day after it is on (早上7时)
        self.prev_named_day: datetime | None = None
        self.used_ref = self.used_prev = self.approx = False

    def reference(self) -> datetime:
        if self.ref is None:
            raise NeedReference
        self.used_ref = True
        return self.ref

    def base(self, previous: bool | None) -> datetime:
        if previous and self.prev is not None:
            self.used_prev = True
            return self.prev
        return self.reference()


def zone_of(spec: Spec, default: tzinfo) -> tuple[tzinfo, bool]:
    """The zone an expression is written in, and whether it is a guess (当地时间)."""
    if spec.zoff:
        return utc_offset(spec.zoff), False
    if not spec.zone:
        return default, False
    return named_zone(spec.zone, default)


def resolve(
    spec: Spec,
    ref: datetime | None,
    prev: TimeValue | None,
    prefer: str,
    tz: tzinfo,
    label: str,
    offsets: str = "unit",
    same_sentence: bool = False,
) -> TimeValue:
    """Resolve one spec; raises NeedReference when a reference is needed but missing
    (``same_sentence``: the previous mention is in the same sentence, so a bare time of
    day runs on from a day it named from the reference, 昨凌晨1时…早上7时)."""
    zone, guessed = zone_of(spec, tz)
    ref_local = _local(ref, zone)
    prev_local = None
    if prev is not None and prev.start is not None:
        # day words (次日, 当天) chain only to a mention that names a day (or finer)
        if not (spec.dprev or spec.special) or prev.grain in _FINE:
            prev_local = _local(prev.start, zone)
    prev_day = (  # a full date written out (2025年7月3日), not one read off the reference
        _local(prev.start, zone)
        if prev is not None
        and prev.start is not None
        and prev.grain in _FINE
        and prev.anchor == "absolute"
        else None
    )
    ctx = Ctx(ref_local, prev_local, prefer, offsets, prev_day)
    if (
        same_sentence
        and prev is not None
        and prev.start is not None
        and prev.grain in _FINE
        and prev.anchor == "published"
    ):
        ctx.prev_named_day = _local(prev.start, zone)
    if prev is not None and prev.start is not None and prev.grain in ("hour", "minute", "second"):
        ctx.prev_clock = _local(prev.start, zone)
    if spec.same:
        res = _same_period(spec, ctx, prev, zone)
    else:
        res = _dispatch(spec, ctx)
    if res is None:
        raise ValueError("not a time")
    if spec.earlier:
        res = _earlier(res, spec.earlier, ctx)
    if spec.open or spec.open_start:
        res = _open(spec, res, ctx)
        if res is None:
            raise ValueError("not a time")
    kind, start, end, grain, extra = res
    if spec.era_lunar and spec.fill & {"month", "day"}:
        ctx.approx = True  # a month of a reign year is a lunar month, read as Gregorian
    if spec.ganzhi is not None and kind == "point" and grain == "year":
        ctx.approx = True  # 乙巳年 is a lunar year (2025-01-29 .. 2026-02-16), read as 2025
    approx = bool(spec.approx) or guessed or ctx.approx or kind == "vague"
    if ctx.used_prev:
        anchor = "previous"
    elif ctx.used_ref:
        anchor = label
    else:
        anchor = "absolute"
    return make_value(
        kind,
        _aware(start, zone),
        _aware(end, zone),
        grain,
        approx,
        anchor,
        extra.get("duration"),
        extra.get("recurrence"),
    )


#: the grain a period is cut at by 早些时候 / 晚些时候
_FINER = {"year": "month", "half_year": "month", "quarter": "month", "month": "day",
          "week": "day", "day": "hour", "hour": "minute"}


def _earlier(res, which: str, ctx: Ctx):
    """本周早些时候 / 今天晚些时候: the part of a period that holds the reference before
    (after) it, at the next finer grain; a period that does not hold it is kept.  Always
    approximate."""
    ctx.approx = True
    kind, start, end, grain, extra = res
    finer = _FINER.get(grain)
    ref = ctx.ref
    if kind not in ("point", "range") or finer is None or ref is None or not start <= ref < end:
        return res
    ctx.used_ref = True
    cut = _floor(ref, finer)
    if which == "early":
        return res if cut <= start else ("range", start, cut, finer, extra)
    cut = _shift(cut, finer, 1)
    return res if cut >= end else ("range", cut, end, finer, extra)


def resolve_range(
    left: Spec,
    right: Spec,
    ref: datetime | None,
    prev: TimeValue | None,
    prefer: str,
    tz: tzinfo,
    label: str,
    offsets: str = "unit",
) -> TimeValue | None:
    """A range between two specs (the right one inherits coarser fields from the left)."""
    left.open = right.open = None
    left.open_start = right.open_start = None
    own_day = bool(right.fill & _DAY_LEVEL)
    inherit(left, right)
    a = resolve(left, ref, prev, prefer, tz, label, offsets)
    if a.start is None or a.kind in ("duration", "set", "open"):
        return None
    if _takes_year(right):  # 11月26日至28日, 9月至3月: the right end takes the left's year
        right.year, right.yy, right.explicit_year, right.inh_year = a.start.year, None, True, True
        right.fill.add("year")
    b = resolve(right, ref, a if right.dprev or right.yprev else prev, prefer, tz, label, offsets)
    if b.start is None or b.end is None or b.kind in ("duration", "set", "open"):
        return None
    if b.start < a.start:
        if right.inh_year:  # 9月至3月, 12月28日至1月3日: into the next year
            right.year, right.yoff, right.yy = b.start.year + 1, None, None
            b = resolve(right, ref, prev, prefer, tz, label, offsets)
        elif not own_day and right.fill & {"clock", "pod"}:  # 下午6点到凌晨2点: the next day
            b = make_value(
                b.kind, b.start + DAY, b.end + DAY, b.grain, b.approximate, b.anchor, None, None
            )
    if b.end <= a.start:
        return None
    grain = a.grain if GRAIN_RANK[a.grain] < GRAIN_RANK[b.grain] else b.grain
    end = b.end
    if b.kind == "point" and GRAIN_RANK[b.grain] <= GRAIN_RANK["minute"] and b.start > a.start:
        end = b.start  # 8:00-10:00 ends at 10:00 (whole hours 9时至17时 keep the last hour)
    anchors = {a.anchor, b.anchor}
    anchor = (
        "absolute" if anchors == {"absolute"} else ("previous" if "previous" in anchors else label)
    )
    return make_value("range", a.start, end, grain, a.approximate or b.approximate, anchor)


_DAY_LEVEL = frozenset({"day", "weekday", "hol", "week"})


def _takes_year(right: Spec) -> bool:
    """Whether the right end of a range has a calendar date but no year of its own."""
    f = right.fill
    return (
        right.special is None
        and "year" not in f
        and bool(f & {"month", "day", "hol", "xun", "edge", "half", "quarter"})
        and right.moff is None
        and right.doff is None
        and right.week is None
        and right.qoff is None
        and right.hoff is None
        and not (f & {"day"} and "month" not in f)
    )


def inherit(left: Spec, right: Spec) -> None:
    """Complete the two ends of a range from each other (11月26日至28日, 2023-2025年)."""
    rf = right.fill
    if left.bare is not None:
        n = left.bare
        if "clock" in rf and "day" not in rf and right.special is None:
            left.hour = n
            left.fill.add("clock")
        elif "day" in rf and right.day is not None:
            left.day = n
            left.fill.add("day")
        elif "month" in rf and right.month is not None:
            left.month = n
            left.fill.add("month")
        elif "quarter" in rf:
            left.quarter = n
            left.fill.add("quarter")
        elif "year" in rf and right.year is not None and not left.bare_cn:
            left.year, left.explicit_year = n, True
            left.fill.add("year")
        left.fill.discard("bare")
        left.bare = None
        for name in ("year", "yy", "yoff", "explicit_year", "month", "moff", "lunar", "zone", "pod"):
            if (
                getattr(left, name) is None
                and getattr(right, name) is not None
                and (name not in ("month", "moff") or "day" in left.fill)
                and (name != "pod" or "clock" in left.fill)
            ):
                setattr(left, name, getattr(right, name))
        if left.year is not None or left.yoff is not None:
            left.fill.add("year")
    lf = left.fill
    day_level = {"day", "weekday", "hol", "week"}
    if (
        not rf & {"year"}
        and lf & {"year"}
        and rf & {"month", "day", "quarter", "half", "edge", "xun"}
    ):
        for name in ("year", "yy", "yoff", "yprev", "explicit_year"):
            setattr(right, name, getattr(left, name))
        right.fill.add("year")
        right.inh_year = True
    if "month" not in rf and "month" in lf and rf & {"day", "xun"} and right.doff is None:
        right.month, right.moff, right.mprev = left.month, left.moff, left.mprev
        right.fill.add("month")
        if "year" in lf and "year" not in right.fill:
            for name in ("year", "yy", "yoff", "yprev", "explicit_year"):
                setattr(right, name, getattr(left, name))
            right.fill.add("year")
            right.inh_year = True
    if not rf & day_level and rf & {"clock", "pod"} and lf & day_level:
        for name in (
            "year",
            "yoff",
            "yprev",
            "explicit_year",
            "month",
            "moff",
            "mprev",
            "day",
            "doff",
            "dprev",
            "week",
            "weekday",
            "weekend",
            "hol",
            "lunar",
            "yy",
        ):
            setattr(right, name, getattr(left, name))
        right.fill |= lf & (day_level | {"year", "month"})
        right.inh_day = True
    if "pod" not in rf and "clock" in rf and "pod" in lf:
        right.pod = left.pod
        right.fill.add("pod")
    if right.zone is None and left.zone is not None:
        right.zone, right.zoff = left.zone, left.zoff
    if left.zone is None and right.zone is not None:
        left.zone, left.zoff = right.zone, right.zoff


_LOCAL: dict = {}


def _local(dt: datetime | None, zone: tzinfo) -> datetime | None:
    """``dt`` as naive wall-clock time in ``zone`` (memoised: the same reference is
    converted for every mention of a document)."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        return dt
    if dt.tzinfo is zone:  # already wall-clock time in that zone
        return dt.replace(tzinfo=None)
    key = (dt, zone)
    out = _LOCAL.get(key)
    if out is None:
        if len(_LOCAL) > 256:
            _LOCAL.clear()
        out = _LOCAL[key] = dt.astimezone(zone).replace(tzinfo=None)
    return out


def _aware(dt: datetime | None, zone: tzinfo) -> datetime | None:
    if dt is None:
        return None
    if dt.year < 1950:  # before a zone's standard time (Shanghai: 1901) tzdata has local
        off = zone.utcoffset(dt)  # mean time (+08:05:43), which ISO text cannot carry
        if off is not None and off.seconds % 60:
            return dt.replace(tzinfo=_standard(zone))
    return dt.replace(tzinfo=zone)


_STANDARD: dict = {}


def _standard(zone: tzinfo) -> tzinfo:
    """A fixed zone at ``zone``'s standard offset (its offset in 2000 without summer
    time): Asia/Shanghai -> +08:00."""
    out = _STANDARD.get(zone)
    if out is None:
        off = min(zone.utcoffset(datetime(2000, 1, 15)), zone.utcoffset(datetime(2000, 7, 15)))
        out = _STANDARD[zone] = timezone(off)
    return out


# --------------------------------------------------------------------------- dispatch


def _dispatch(spec: Spec, ctx: Ctx):
    res = _dispatch_inner(spec, ctx)
    if res is None:
        return None
    sp = spec.special
    if sp is not None and sp[0] in ("period", "century", "decade"):
        if spec.pedge:  # 90年代末, 12世纪初, 十四五末: a part of the period
            res = _period_edge(res, spec.pedge)
            ctx.approx = True
        if spec.since:  # 80年代以来: up to the reference
            ctx.approx = True
            end = _since_end(ctx)
            if end is None:
                return ("open", res[1], None, res[3], {})
            res = ("range", res[1], max(end, res[2]), res[3], res[4])
    return res


_PERIOD_TABLES = {5: "plan", 10: "decade", 100: "century"}


def _period_edge(res, edge: str):
    kind, start, end, grain, extra = res
    table = EDGES.get(_PERIOD_TABLES.get(end.year - start.year, ""), {})
    if edge not in table:
        return res
    a, b = table[edge]
    return ("range", start.replace(year=start.year + a), start.replace(year=start.year + b), "year", extra)


def _since_end(ctx: Ctx) -> datetime | None:
    """The end of 以来 / 至今: the end of the reference day, None without a reference."""
    if ctx.ref is None:
        return None
    return _floor(ctx.reference(), "day") + DAY


def _dispatch_inner(spec: Spec, ctx: Ctx):
    sp = spec.special
    if sp is None:
        res = _calendar(spec, ctx)
        if res is None:
            return None
        start, end, grain, kind = res
        if spec.since:
            ctx.approx = True
            since_end = _since_end(ctx)
            if since_end is None:  # 2019年以来 with nothing to close it: from 2019 on
                return "open", start, None, grain, {}
            end = max(since_end, start + timedelta(seconds=1))
            kind = "range"
        return kind, start, end, grain, {}
    tag = sp[0]
    if tag == "now":
        ref = ctx.reference().replace(microsecond=0)
        return "point", ref, ref + timedelta(seconds=1), "second", {}
    if tag == "vague":
        return _vague(sp[1], ctx)
    if tag == "few":
        return _few(sp, ctx)
    if tag == "period":  # absolute decade / century / plan: (first year, length in years)
        _, first, length = sp
        return "range", datetime(first, 1, 1), datetime(first + length, 1, 1), "year", {}
    if tag == "century":
        ref = ctx.reference()
        c = (ref.year - 1) // 100 + sp[1]  # 0-based century index: 2025 -> 20 (21st)
        return "range", datetime(c * 100 + 1, 1, 1), datetime(c * 100 + 101, 1, 1), "year", {}
    if tag == "decade":
        _, d, off = sp
        ref = ctx.reference()
        if off is not None:  # 上世纪90年代: the century before the reference's
            base = ((ref.year - 1) // 100 + off) * 100
        else:  # 80年代: the latest such decade that has started
            base = ref.year // 100 * 100
            if base + d > ref.year:
                base -= 100
        return "range", datetime(base + d, 1, 1), datetime(base + d + 10, 1, 1), "year", {}
    if tag == "pair":  # 今明两天: today and tomorrow
        _, first, unit = sp
        start = _shift(_floor(ctx.reference(), unit), unit, first)
        return "range", start, _shift(start, unit, 2), unit, {}
    if tag == "dur":
        _, n, unit, more = sp
        info = UNITS[unit]
        if more:
            ctx.approx = True
        return "duration", None, None, info["grain"], {"duration": n * info["seconds"]}
    if tag == "ago":
        return _ago(spec, ctx)
    if tag == "rel":
        res = _relative(spec, ctx)
        if res is not None and spec.since:
            ctx.approx = True
            ref = ctx.reference()
            res = ("range", res[1], max(_floor(ref, "day") + DAY, res[2]), res[3], {})
        return res
    if tag == "set":
        period = sp[1]
        extra = {"recurrence": period}
        if spec.fill - {"zone"}:
            res = _calendar(spec, ctx)
            if res is not None:
                start, end, grain, _ = res
                return "set", start, end, grain, extra
        return "set", None, None, SET_GRAIN[period], extra
    return None


def _ago(spec: Spec, ctx: Ctx):
    """3天后, 四年前, 三个半月前: the unit N units from the reference (``offsets='unit'``),
    or the N whole units between (``'span'``, Duckling's reading)."""
    _, word, n, unit = spec.special
    if ctx.offsets == "span":
        saved = spec.special
        spec.special = ("rel", "前" if word == "前" else "后", n, unit, True)
        try:
            return _relative(spec, ctx)
        finally:
            spec.special = saved
    info = UNITS[unit]
    grain = info["grain"]
    sign = -1 if word == "前" else 1
    if word != "前" and grain in ("hour", "minute", "second") and ctx.prev_clock is not None:
        # 10时许发生爆炸。约15分钟后…: a story's clock runs on from its last time of day
        ctx.used_prev = True
        ref = ctx.prev_clock
    else:
        ref = ctx.reference()
    whole = int(n)
    if info.get("business"):
        if n != whole:
            return None
        d = _business_days(_floor(ref, "day"), sign * whole)
        return "point", d, d + DAY, "day", {}
    if n == whole:
        start = _shift(_floor(ref, grain), grain, sign * whole)
        return "point", start, _shift(start, grain, 1), grain, {}
    if n - whole != 0.5 or grain not in _HALF:
        return None
    start = _half_shift(ref, grain, sign, whole)  # 三个半月前: 3 months and 15 days before
    fine = _HALF[grain][0]
    return "point", start, _shift(start, fine, 1), fine, {}


def _half_shift(ref: datetime, grain: str, sign: int, whole: int) -> datetime:
    """``ref`` (floored to the finer grain) moved by ``whole`` and a half units."""
    fine, half = _HALF[grain]
    if grain == "year":  # a year and a half: eighteen months
        return _shift(_floor(ref, "month"), "month", sign * (12 * whole + 6))
    return _shift(_floor(ref, fine), grain, sign * whole) + sign * half


#: half a unit: the grain it is told at and its length
_HALF = {
    "year": ("month", None),
    "month": ("day", timedelta(days=15)),
    "week": ("hour", timedelta(days=3, hours=12)),
    "day": ("hour", timedelta(hours=12)),
    "hour": ("minute", timedelta(minutes=30)),
    "minute": ("second", timedelta(seconds=30)),
}


def _business_days(day: datetime, n: int) -> datetime:
    """The ``n``-th working day (Monday-Friday) after ``day`` (before it for n < 0)."""
    step = DAY if n > 0 else -DAY
    left = abs(n)
    while left:
        day += step
        if day.weekday() < 5:
            left -= 1
    return day


def _open(spec: Spec, res, ctx: Ctx):
    """截至 / 以前 / 以后 / 起 / 内: the value with one end left open."""
    kind, start, end, grain, extra = res
    which = spec.open
    if which is None:  # 开始 alone is the start of something, not an interval
        return res
    if kind == "set":
        return res
    sp = spec.special
    if which == "within" and sp is not None and sp[0] == "rel" and sp[1] in BACK:
        return res  # 过去24小时内, 近三年内: the span itself
    if kind == "duration":
        if which != "within":
            return res
        # 45日内, 三个月内, 10个工作日内: until the end of the unit N units on
        _, n, unit, _more = spec.special
        info = UNITS[unit]
        g = info["grain"]
        ref = ctx.reference()
        if info.get("business"):
            if n != int(n):
                return None
            last = _business_days(_floor(ref, "day"), int(n))
            return "open", None, last + DAY, "day", {}
        if n != int(n):
            if n - int(n) != 0.5 or g not in _HALF:
                return None
            fine = _HALF[g][0]
            last = _half_shift(ref, g, 1, int(n))
            return "open", None, _shift(last, fine, 1), fine, {}
        return "open", None, _shift(_floor(ref, g), g, int(n) + 1), g, {}
    if which == "after":
        if start is None:
            return None
        return "open", start, None, grain, {}
    # before / within / until: up to the end of what is named; a clock time is an instant
    if end is None:
        return None
    if kind == "point" and grain in ("hour", "minute", "second"):
        end = start
    return "open", None, end, grain, {}


def _same_period(spec: Spec, ctx: Ctx, prev: TimeValue | None, zone: tzinfo):
    """去年同期: the previous mention's period (else the reference day) N years before."""
    years = spec.yoff if spec.yoff is not None else None
    if prev is not None and prev.start is not None and prev.end is not None:
        if prev.kind in ("point", "range"):
            start, end = _local(prev.start, zone), _local(prev.end, zone)
            if years is None:
                if spec.year is None:
                    return None
                years = spec.year - start.year
            ctx.used_prev = True
            return (
                prev.kind,
                _add_years(start, years),
                _add_years(end, years),
                prev.grain,
                {},
            )
    ref_day = _floor(ctx.reference(), "day")
    if years is None:  # 2023年同期 with no period before it: the reference day in 2023
        years = spec.year - ref_day.year if spec.year is not None else None
        if years is None:
            return None
    day = _add_years(ref_day, years)
    return "point", day, day + DAY, "day", {}


def _add_years(dt: datetime, n: int) -> datetime:
    """``dt`` ``n`` years on (29 February -> 28 February)."""
    try:
        return dt.replace(year=dt.year + n)
    except ValueError:
        return dt.replace(year=dt.year + n, day=28)


# 几天 / 数月 / 十几年: how many units such a count may stand for
FEW = {"几": (2, 9), "数": (2, 9), "好几": (3, 9), "多": (2, 10), "十几": (11, 19), "几十": (20, 99)}


def _few(sp: tuple, ctx: Ctx):
    """几天前, 数月后, 十几年来 (vague windows) and 几天, 十几年 (vague durations)."""
    _, word, unit, direction = sp
    lo, hi = FEW[word]
    grain = UNITS[unit]["grain"]
    if direction is None:
        return "duration", None, None, grain, {}
    ref = ctx.reference()
    floor = _floor(ref, grain)
    if direction == "前":
        return "vague", _shift(floor, grain, -hi), _shift(floor, grain, 1 - lo), grain, {}
    if direction == "后":
        return "vague", _shift(floor, grain, lo), _shift(floor, grain, hi + 1), grain, {}
    return "vague", _shift(floor, grain, -hi), _floor(ref, "day") + DAY, grain, {}


def _vague(word: str, ctx: Ctx):
    info = VAGUE[word]
    ref = ctx.reference()
    day0 = _floor(ref, "day")
    scope = info.get("scope")
    if scope == "until":  # 迄今为止: until the end of the reference day
        return "open", None, day0 + DAY, "day", {}
    if scope == "year":  # 年内: until the end of the year
        return "open", None, datetime(ref.year + 1, 1, 1), "year", {}
    if scope == "month":
        return "open", None, _add_months(_floor(ref, "month"), 1), "month", {}
    a, b = info["days"]
    return "vague", day0 + a * DAY, day0 + b * DAY, info.get("grain", "day"), {}


def _relative(spec: Spec, ctx: Ctx):
    _, word, n, unit, _ge = spec.special
    grain = UNITS[unit]["grain"]
    anaphoric = word == "此后"
    base = ctx.base(True) if anaphoric else ctx.reference()
    forward = word not in BACK
    if word == "前" and unit == "月" and n == int(n) and ctx.ref is not None:
        # 前10个月 in a November report: the first ten months of the year
        if base.month - 2 <= n <= base.month - 1:
            start = datetime(base.year, 1, 1)
            return "range", start, _add_months(start, int(n)), "month", {}
    n, grain = _whole(n, grain)
    if n is None:
        return None
    floor = _floor(base, grain)
    if forward:
        start, end = _shift(floor, grain, 1), _shift(floor, grain, n + 1)
    else:
        start, end = _shift(floor, grain, -n), floor
    return "range", start, end, grain, {}


def _whole(n: float, grain: str) -> tuple[int | None, str]:
    """Make the count whole by moving to a finer unit (半年 -> 6 months)."""
    if n == int(n):
        return int(n), grain
    finer = {
        "year": ("month", 12),
        "month": ("day", 30),
        "week": ("day", 7),
        "day": ("hour", 24),
        "hour": ("minute", 60),
        "minute": ("second", 60),
    }
    if grain in finer:
        g2, k = finer[grain]
        if n * k == int(n * k):
            return int(n * k), g2
    return None, grain


# --------------------------------------------------------------------------- calendar


def _nearest_with_day(d: datetime, day: int) -> datetime:
    """The date nearest ``d`` whose day of the month is ``day`` (in d's month or the one
    before or after it)."""
    candidates = []
    for months in (-1, 0, 1):
        first = _add_months(d.replace(day=1), months)
        try:
            candidates.append(first.replace(day=day))
        except ValueError:  # no 31st in that month
            continue
    return min(candidates, key=lambda c: abs(c - d))


def _calendar(s: Spec, ctx: Ctx):
    """(start, end, grain, kind) for a calendar expression, or None."""
    f = s.fill
    date_part = None
    if s.doff is not None:
        d = _floor(ctx.base(s.dprev), "day") + s.doff * DAY
        if s.pdate is not None and d.day != s.pdate:
            # 今(24)日 in a text dated the 21st: the date it writes wins over the metadata
            d = _nearest_with_day(d, s.pdate)
        date_part = (d, d + DAY, "day", "point")
    elif s.week is not None or s.half_of == "week":
        monday = _floor(ctx.reference(), "week") + 7 * (s.week or 0) * DAY
        if s.half_of == "week":  # 上半周 Monday-Wednesday, 下半周 Thursday-Sunday
            a, b = (0, 3) if s.half == 1 else (3, 7)
            date_part = (monday + a * DAY, monday + b * DAY, "day", "range")
        elif s.weekend:
            date_part = (monday + timedelta(days=4, hours=18), monday + 7 * DAY, "hour", "range")
        elif s.weekday is not None:
            d = monday + s.weekday * DAY
            if s.week == 0 and ctx.prefer == "future" and d < _floor(ctx.ref, "day"):
                d += 7 * DAY  # 这周一 said on a Tuesday, preferring the future: the coming one
            date_part = (d, d + DAY, "day", "point")
        else:
            date_part = (monday, monday + 7 * DAY, "week", "point")
    elif s.qoff is not None:
        ref = ctx.reference()
        start = _add_months(_floor(ref, "quarter"), 3 * s.qoff)
        date_part = (start, _add_months(start, 3), "quarter", "point")
    elif s.hoff is not None:  # 上个半年: the half-year before the reference's
        ref = ctx.reference()
        start = _add_months(_floor(ref, "year"), 6 * ((ref.month - 1) // 6 + s.hoff))
        date_part = (start, _add_months(start, 6), "half_year", "point")
    elif s.hol:
        date_part = _holiday(s, ctx)
    elif f & {"year", "month", "day", "quarter", "half", "edge", "xun", "nth"}:
        date_part = _date(s, ctx)
    elif s.weekday is not None or s.weekend:
        date_part = _bare_weekday(s, ctx)
    if date_part is None and f & {
        "year",
        "month",
        "day",
        "hol",
        "week",
        "weekday",
        "nth",
        "quarter",
        "half",
        "edge",
        "xun",
        "sel",
    }:
        return None
    if s.sel and date_part is not None:
        date_part = _select(s.sel, date_part)
        if date_part is None:
            return None
    if s.edge_of == "quarter" and date_part is not None and date_part[2] == "quarter":
        a = date_part[0]  # 一季度初 / 中 / 末: its first, middle or last month
        k = {"初": 0, "中": 1}.get(s.edge, 2)
        date_part = (_add_months(a, k), _add_months(a, k + 1), "month", "range")
    if s.edge:
        ctx.approx = True
    if not f & {"clock", "pod"}:
        return date_part
    if date_part is not None and date_part[2] != "day":
        if date_part[2] == "hour":
            return date_part
        return date_part if "clock" not in f else None
    return _time_of_day(s, ctx, date_part[0] if date_part else None)


def _select(sel: tuple, period: tuple):
    """第二周, 前三个月, 最后3个月, 首月 of a period (start, end, grain, kind)."""
    mode, n, unit = sel
    start, end, pgrain, _ = period
    if GRAIN_RANK[unit] >= GRAIN_RANK[pgrain]:
        return None
    if unit == "week":  # week 1 holds the period's first Thursday (ISO 8601 for a year)
        first = start + ((3 - start.weekday()) % 7) * DAY - 3 * DAY
        last_day = end - DAY
        last = last_day - ((last_day.weekday() - 3) % 7) * DAY - 3 * DAY
        count = (last - first).days // 7 + 1
        if n > count:
            return None
        if mode == "nth":
            a = first + 7 * (n - 1) * DAY
            return (a, a + 7 * DAY, "week", "point")
        if mode == "first":
            return (first, first + 7 * n * DAY, "week", "point" if n == 1 else "range")
        return (last - 7 * (n - 1) * DAY, last + 7 * DAY, "week", "point" if n == 1 else "range")
    if mode == "nth":
        a = _shift(start, unit, n - 1)
        b = _shift(a, unit, 1)
        return (a, b, unit, "point") if b <= end else None
    if mode == "first":
        b = _shift(start, unit, n)
        return (start, b, unit, "point" if n == 1 else "range") if b <= end else None
    a = _shift(end, unit, -n)
    return (a, end, unit, "point" if n == 1 else "range") if a >= start else None


def _year(s: Spec, ctx: Ctx) -> int | None:
    if s.year is not None:
        return s.year
    if s.yy is not None:
        return two_digit_year(s.yy, ctx.ref)
    if s.ganzhi is not None:  # 乙巳年: the year of that name nearest the reference
        ref = ctx.reference().year
        y = ref - (ref - 4 - s.ganzhi) % 60
        return y + 60 if ref - y > 30 else y
    if s.yoff is not None:
        return ctx.base(s.yprev).year + s.yoff
    return None


def two_digit_year(yy: int, ref: datetime | None) -> int:
    """18 -> 2018: the year within ten years after and 89 before the reference year (without
    a reference, 00-49 are 2000-2049 and 50-99 are 1950-1999)."""
    if ref is None:
        return 2000 + yy if yy < 50 else 1900 + yy
    y = ref.year // 100 * 100 + yy
    if y > ref.year + 10:
        y -= 100
    elif y < ref.year - 89:
        y += 100
    return y


def _choose(cands: list[tuple], ctx: Ctx, tolerance: timedelta, strict_future: bool = False):
    """Pick one candidate interval by the ``prefer`` policy (cands sorted by start)."""
    ref = ctx.reference()
    if not cands:
        return None
    prefer = ctx.prefer
    if prefer == "future":
        if strict_future:
            limit = _floor(ref, "day") + DAY
            for c in cands:
                if c[0] >= limit:
                    return c
        for c in cands:
            if c[1] > ref:
                return c
        return cands[-1]
    if prefer == "nearest":

        def dist(c):
            if c[0] <= ref < c[1]:
                return timedelta(0)
            return min(abs(c[0] - ref), abs(c[1] - ref))

        return min(cands, key=lambda c: (dist(c), c[0] > ref))
    best = None
    for c in cands:
        if c[0] <= ref + tolerance:
            best = c
    return best if best is not None else cands[0]


def _holiday(s: Spec, ctx: Ctx):
    y = _year(s, ctx)
    years = [y] if y is not None else None
    if years is None:
        ry = ctx.reference().year
        years = [ry - 1, ry, ry + 1]
    cands = []
    for yy in years:
        for d, length, approx in holidays.occurrences(s.hol, yy):
            start = datetime(d.year, d.month, d.day)
            cands.append((start, start + length * DAY, approx, length))
    if not cands:
        return None
    cands.sort()
    c = cands[0] if y is not None else _choose(cands, ctx, timedelta(days=30))
    if c[2]:
        ctx.approx = True
    return (c[0], c[1], "day", "range" if c[3] > 1 else "point")


def _bare_weekday(s: Spec, ctx: Ctx):
    ref = ctx.reference()
    day0 = _floor(ref, "day")
    monday = _floor(ref, "week")
    if s.weekend:
        cands = [
            (monday + (7 * k + 4) * DAY + timedelta(hours=18), monday + 7 * (k + 1) * DAY)
            for k in (-1, 0, 1)
        ]
        c = _choose(cands, ctx, timedelta(0))
        return (c[0], c[1], "hour", "range")
    back = (day0.weekday() - s.weekday) % 7
    past = day0 - back * DAY  # on or before the reference day
    future = day0 + ((s.weekday - day0.weekday() - 1) % 7 + 1) * DAY  # strictly after
    if ctx.prefer == "past":
        d = past
    elif ctx.prefer == "future":
        d = future
    else:
        d = past if back <= (future - day0).days else future
    return (d, d + DAY, "day", "point")


def _date(s: Spec, ctx: Ctx):
    """Year / month / day / quarter / half / edges / 旬 (with year inference)."""
    y = _year(s, ctx)
    m = s.month
    if s.moff is not None:
        base = ctx.base(s.mprev)
        first = _add_months(datetime(base.year, base.month, 1), s.moff)
        y, m = first.year, first.month
    if y is not None and (m is not None or s.day is None):
        return _interval(s, y, m)
    ref = ctx.reference()
    cands = []
    if m is None and s.day is None and s.nth is None:
        if s.xun or s.edge_of == "month" or s.half_of == "month":  # 月初, 下旬: this month
            return _interval(s, ref.year, ref.month)
        return _interval(s, ref.year, None)  # 三季度, 下半年, 年底: this year
    if m is not None or s.day is None:
        span = range(-7, 8) if s.weekday is not None else range(-1, 2)
        for k in span:
            c = _interval(s, ref.year + k, m)
            if c is not None:
                cands.append(c)
        tol = timedelta(days=30)
    else:  # a day of the month only: 28日, in the month of the last day written before it
        anchor = ctx.prev_day if y is None and s.weekday is None else None
        first = datetime((anchor or ref).year, (anchor or ref).month, 1)
        # preferring the past, next month's is never the one (10日 on 30 September is the
        # 10th of September, this month's, as docs/time.md says)
        months = (-1, 0) if ctx.prefer == "past" and anchor is None else (-1, 0, 1)
        for k in months:
            mm = _add_months(first, k)
            c = _interval(s, y if y is not None else mm.year, mm.month)
            if c is not None:
                cands.append(c)
        tol = timedelta(days=14)
        if anchor is not None and cands:  # 2025年7月3日…5日: July 5th, whatever the month of publication
            ctx.used_prev = True
            return min(cands, key=lambda c: abs(c[0] - anchor))
    if s.weekday is not None and s.day is not None:
        matching = [c for c in cands if c[0].weekday() == s.weekday]
        if matching:
            return min(matching, key=lambda c: abs(c[0] - ref))
    return _choose(cands, ctx, tol)


def _interval(s: Spec, y: int, m: int | None):
    """The interval of the date fields in year ``y`` (and month ``m``), or None."""
    if not 1 <= y <= 9999:
        return None
    if m is not None:
        if s.day is not None:
            if s.lunar:
                d = holidays.lunar_to_solar(y, m, s.day)
                if d is None:
                    return None
                start = datetime(d.year, d.month, d.day)
            else:
                try:
                    start = datetime(y, m, s.day)
                except ValueError:
                    return None
            return (start, start + DAY, "day", "point")
        if s.lunar:
            d = holidays.lunar_to_solar(y, m, 1)
            nd = holidays.lunar_to_solar(y + (m == 12), m % 12 + 1, 1)
            if d is None or nd is None:
                return None
            return (
                datetime(d.year, d.month, d.day),
                datetime(nd.year, nd.month, nd.day),
                "month",
                "point",
            )
        first = datetime(y, m, 1)
        nxt = _add_months(first, 1)
        if s.nth:
            n, wd = s.nth
            d = holidays.nth_weekday(y, m, wd, n)
            if d is None:
                return None
            start = datetime(d.year, d.month, d.day)
            return (start, start + DAY, "day", "point")
        if s.xun or (s.edge and s.edge_of == "month"):
            a, b = XUN[s.xun] if s.xun else EDGES["month"][s.edge]
            end = min(first + (b - 1) * DAY, nxt)
            return (first + (a - 1) * DAY, end, "day", "range")
        if s.half_of == "month":  # 上半月 days 1-15, 下半月 16 to the end
            mid = first + 15 * DAY
            return (first, mid, "day", "range") if s.half == 1 else (mid, nxt, "day", "range")
        return (first, nxt, "month", "point")
    first = datetime(y, 1, 1)
    if s.quarter:
        q = s.quarter
        if not 1 <= q <= 4:
            return None
        if s.qfirst:
            return (first, _add_months(first, 3 * q), "quarter", "range")
        start = _add_months(first, 3 * (q - 1))
        return (start, _add_months(start, 3), "quarter", "point")
    if s.half_of:
        return None
    if s.half:
        start = _add_months(first, 6 * (s.half - 1))
        return (start, _add_months(start, 6), "half_year", "point")
    if s.edge and s.edge_of == "year":
        a, b = EDGES["year"][s.edge]
        return (_add_months(first, a - 1), _add_months(first, b - 1), "month", "range")
    if s.day is not None:
        return None
    return (first, datetime(y + 1, 1, 1), "year", "point")


def _time_of_day(s: Spec, ctx: Ctx, day: datetime | None):
    """Clock time and/or part of day, on ``day`` or (if None) near the reference."""
    pod = PODS.get(s.pod) if s.pod else None
    if s.hour is None and pod is None:
        return None
    if s.hour is None:
        w0, w1 = pod["window"]
        hours = [(w0, w1)]
        grain = "hour"
    else:
        h = s.hour
        if s.ampm == "p" and h < 12:
            h += 12
        elif s.ampm == "a" and h == 12:
            h = 0
        elif pod is not None:
            pm = pod["pm"]
            if pod["window"][0] >= 24 and h < 12:
                h += 24  # 后半夜2点: after midnight
            elif pm is True and h < 12 or pm == "noon" and h < 11 or pm == "night" and 6 <= h <= 12:
                h += 12
            elif pm is False and h == 12 and s.pod in ("凌晨", "半夜"):
                h = 0
        if h > 24 and not (pod is not None and pod["window"][0] >= 24):
            return None
        cands_h = [h]
        if (
            day is None
            and s.ampm is None
            and pod is None
            and 1 <= h <= 11
            and s.cn_hour is not None
        ):
            cands_h.append(h + 12)  # 三点: 3:00 or 15:00
        minute = s.minute or 0
        second = s.second or 0
        if s.hour2 is not None:  # 八九点: 8:00 to 10:00
            span = timedelta(hours=s.hour2 - s.hour + 1)
            hours = [(hh, None, timedelta(0), span) for hh in cands_h]
            grain = "hour"
        elif s.second is not None:
            step, grain = timedelta(seconds=1), "second"
        elif s.minute is not None:
            step, grain = timedelta(minutes=1), "minute"
        else:
            step, grain = timedelta(hours=1), "hour"
        if s.hour2 is None:
            off = timedelta(minutes=minute, seconds=second)
            hours = [(hh, None, off, step) for hh in cands_h]
    if day is not None:
        days = [day]
    elif ctx.prev_day is not None or ctx.prev_named_day is not None:
        # 2022年3月21日…13时16分, 昨凌晨1时…早上7时: on the day last written out or named
        ctx.used_prev = True
        days = [_floor(ctx.prev_day or ctx.prev_named_day, "day")]
    else:
        ref = ctx.reference()
        day0 = _floor(ref, "day")
        # a time of day without a date is on the reference day; preferring the future,
        # the first one not yet over (Duckling's reading)
        days = [day0 - DAY, day0, day0 + DAY] if ctx.prefer == "future" else [day0]
    cands = []
    for d in days:
        for item in hours:
            if len(item) == 2:
                cands.append((d + item[0] * timedelta(hours=1), d + item[1] * timedelta(hours=1)))
            else:
                t = d + item[0] * timedelta(hours=1) + item[2]
                cands.append((t, t + item[3]))
    cands.sort()
    kind = "range" if s.hour is None or s.hour2 is not None else "point"
    if len(cands) == 1:
        c = cands[0]
    else:
        c = _choose(cands, ctx, timedelta(0))
    return (c[0], c[1], grain, kind)


# --------------------------------------------------------------------------- helpers


def _add_months(dt: datetime, n: int) -> datetime:
    """``dt`` ``n`` months on; a day the month lacks becomes its last day (31 May + 1 month
    = 30 June)."""
    idx = dt.year * 12 + dt.month - 1 + n
    y, m = idx // 12, idx % 12 + 1
    if dt.day > 28:
        last = (datetime(y + m // 12, m % 12 + 1, 1) - DAY).day
        return dt.replace(year=y, month=m, day=min(dt.day, last))
    return dt.replace(year=y, month=m)


def _floor(dt: datetime, grain: str) -> datetime:
    if grain == "second":
        return dt.replace(microsecond=0)
    if grain == "minute":
        return dt.replace(second=0, microsecond=0)
    if grain == "hour":
        return dt.replace(minute=0, second=0, microsecond=0)
    day = dt.replace(hour=0, minute=0, second=0, microsecond=0)
    if grain == "day":
        return day
    if grain == "week":
        return day - day.weekday() * DAY
    if grain == "month":
        return day.replace(day=1)
    if grain == "quarter":
        return day.replace(day=1, month=(dt.month - 1) // 3 * 3 + 1)
    return day.replace(day=1, month=1)


def _shift(dt: datetime, grain: str, n: int) -> datetime:
    if grain == "month":
        return _add_months(dt, n)
    if grain == "year":
        return _add_months(dt, 12 * n)
    if grain == "quarter":
        return _add_months(dt, 3 * n)
    step = {
        "second": timedelta(seconds=1),
        "minute": timedelta(minutes=1),
        "hour": timedelta(hours=1),
        "day": DAY,
        "week": 7 * DAY,
    }[grain]
    return dt + n * step
