"""Resolve a ``Spec`` to a ``TimeValue`` against a reference time.

All calendar arithmetic is done on naive wall-clock datetimes in the expression's
zone; the result is made timezone-aware at the end.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

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

    __slots__ = ("approx", "prefer", "prev", "ref", "used_prev", "used_ref")

    def __init__(self, ref: datetime | None, prev: datetime | None, prefer: str) -> None:
        self.ref, self.prev, self.prefer = ref, prev, prefer
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
    spec: Spec, ref: datetime | None, prev: TimeValue | None, prefer: str, tz: tzinfo, label: str
) -> TimeValue:
    """Resolve one spec; raises NeedReference when a reference is needed but missing."""
    zone, guessed = zone_of(spec, tz)
    ref_local = _local(ref, zone)
    prev_local = None
    if prev is not None and prev.start is not None:
        # day words (次日, 当天) chain only to a mention that names a day (or finer)
        if not (spec.dprev or spec.special) or prev.grain in _FINE:
            prev_local = _local(prev.start, zone)
    ctx = Ctx(ref_local, prev_local, prefer)
    res = _dispatch(spec, ctx)
    if res is None:
        raise ValueError("not a time")
    kind, start, end, grain, extra = res
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


def resolve_range(
    left: Spec,
    right: Spec,
    ref: datetime | None,
    prev: TimeValue | None,
    prefer: str,
    tz: tzinfo,
    label: str,
) -> TimeValue | None:
    """A range between two specs (the right one inherits coarser fields from the left)."""
    inherit(left, right)
    a = resolve(left, ref, prev, prefer, tz, label)
    b = resolve(right, ref, a if right.dprev or right.yprev else prev, prefer, tz, label)
    if a.start is None or b.end is None or b.end <= a.start or a.kind in ("duration", "set"):
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
        for name in ("year", "yoff", "explicit_year", "month", "moff", "lunar", "zone", "pod"):
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
        for name in ("year", "yoff", "yprev", "explicit_year"):
            setattr(right, name, getattr(left, name))
        right.fill.add("year")
    if "month" not in rf and "month" in lf and rf & {"day", "xun"} and right.doff is None:
        right.month, right.moff, right.mprev = left.month, left.moff, left.mprev
        right.fill.add("month")
        if "year" in lf and "year" not in right.fill:
            for name in ("year", "yoff", "yprev", "explicit_year"):
                setattr(right, name, getattr(left, name))
            right.fill.add("year")
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
        ):
            setattr(right, name, getattr(left, name))
        right.fill |= lf & (day_level | {"year", "month"})
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
    return None if dt is None else dt.replace(tzinfo=zone)


# --------------------------------------------------------------------------- dispatch


def _dispatch(spec: Spec, ctx: Ctx):
    res = _dispatch_inner(spec, ctx)
    if res is not None and spec.since and spec.special and spec.special[0] in (
        "period", "century", "decade"
    ):  # 80年代以来: up to the reference
        ctx.approx = True
        end = max(_floor(ctx.reference(), "day") + DAY, res[2])
        res = ("range", res[1], end, res[3], res[4])
    return res


def _dispatch_inner(spec: Spec, ctx: Ctx):
    sp = spec.special
    if sp is None:
        res = _calendar(spec, ctx)
        if res is None:
            return None
        start, end, grain, kind = res
        if spec.since:
            ref = ctx.reference()
            end = max(_floor(ref, "day") + DAY, start + timedelta(seconds=1))
            kind = "range"
            ctx.approx = True
        return kind, start, end, grain, {}
    tag = sp[0]
    if tag == "now":
        ref = ctx.reference().replace(microsecond=0)
        return "point", ref, ref + timedelta(seconds=1), "second", {}
    if tag == "vague":
        return _vague(sp[1], ctx)
    if tag == "few":
        return _few(sp, ctx)
    if tag == "period":  # absolute decade / century: (first year, length in years)
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
    if tag == "dur":
        _, n, unit, more = sp
        info = UNITS[unit]
        if more:
            ctx.approx = True
        return "duration", None, None, info["grain"], {"duration": n * info["seconds"]}
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
    if scope == "year":
        return "vague", day0, datetime(ref.year + 1, 1, 1), "day", {}
    if scope == "month":
        return "vague", day0, _add_months(_floor(ref, "month"), 1), "day", {}
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


def _calendar(s: Spec, ctx: Ctx):
    """(start, end, grain, kind) for a calendar expression, or None."""
    f = s.fill
    date_part = None
    if s.firstn:
        y = _year(s, ctx) or ctx.reference().year
        start = datetime(y, 1, 1)
        date_part = (start, _add_months(start, s.firstn), "month", "range")
    elif s.doff is not None:
        d = _floor(ctx.base(s.dprev), "day") + s.doff * DAY
        date_part = (d, d + DAY, "day", "point")
    elif s.week is not None:
        monday = _floor(ctx.reference(), "week") + 7 * s.week * DAY
        if s.weekend:
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
        "firstn",
    }:
        return None
    if s.edge:
        ctx.approx = True
    if not f & {"clock", "pod"}:
        return date_part
    if date_part is not None and date_part[2] != "day":
        if date_part[2] == "hour":
            return date_part
        return date_part if "clock" not in f else None
    return _time_of_day(s, ctx, date_part[0] if date_part else None)


def _year(s: Spec, ctx: Ctx) -> int | None:
    if s.year is not None:
        return s.year
    if s.yoff is not None:
        return ctx.base(s.yprev).year + s.yoff
    return None


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
        if s.xun or s.edge_of == "month":  # 月初, 下旬: this month
            return _interval(s, ref.year, ref.month)
        return _interval(s, ref.year, None)  # 三季度, 下半年, 年底: this year
    if m is not None or s.day is None:
        span = range(-7, 8) if s.weekday is not None else range(-1, 2)
        for k in span:
            c = _interval(s, ref.year + k, m)
            if c is not None:
                cands.append(c)
        tol = timedelta(days=30)
    else:  # a day of the month only: 28日
        first = datetime(ref.year, ref.month, 1)
        for k in (-1, 0, 1):
            mm = _add_months(first, k)
            c = _interval(s, y if y is not None else mm.year, mm.month)
            if c is not None:
                cands.append(c)
        tol = timedelta(days=14)
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
            if pm is True and h < 12 or pm == "noon" and h < 11 or pm == "night" and 6 <= h <= 12:
                h += 12
            elif pm is False and h == 12 and s.pod in ("凌晨", "半夜"):
                h = 0
        if h > 24:
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
        if s.second is not None:
            step, grain = timedelta(seconds=1), "second"
        elif s.minute is not None:
            step, grain = timedelta(minutes=1), "minute"
        else:
            step, grain = timedelta(hours=1), "hour"
        off = timedelta(minutes=minute, seconds=second)
        hours = [(hh, None, off, step) for hh in cands_h]
    if day is not None:
        days = [day]
    else:
        ref = ctx.reference()
        day0 = _floor(ref, "day")
        days = [day0] if ctx.prefer == "past" else [day0 - DAY, day0, day0 + DAY]
    cands = []
    for d in days:
        for item in hours:
            if len(item) == 2:
                cands.append((d + item[0] * timedelta(hours=1), d + item[1] * timedelta(hours=1)))
            else:
                t = d + item[0] * timedelta(hours=1) + item[2]
                cands.append((t, t + item[3]))
    cands.sort()
    kind = "range" if s.hour is None else "point"
    if len(cands) == 1:
        c = cands[0]
    else:
        c = _choose(cands, ctx, timedelta(0))
    return (c[0], c[1], grain, kind)


# --------------------------------------------------------------------------- helpers


def _add_months(dt: datetime, n: int) -> datetime:
    idx = dt.year * 12 + dt.month - 1 + n
    return dt.replace(year=idx // 12, month=idx % 12 + 1)


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
