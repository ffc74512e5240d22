"""Holiday dates per Gregorian year, from the rules in ``rules/holidays.toml``."""

from __future__ import annotations

import math
from datetime import date, timedelta
from functools import cache

from .rules import load


@cache
def by_name() -> dict[str, dict]:
    """Map every holiday name (alias) to its rule table."""
    out: dict[str, dict] = {}
    for key, entry in load("holidays").items():
        for name in entry["names"]:
            out[name] = {"key": key, **entry["rule"]}
    return out


@cache
def exclusions() -> dict[str, list[tuple[int, str]]]:
    """name -> (offset of the name inside the word, word) for words that are not holidays."""
    out: dict[str, list[tuple[int, str]]] = {}
    for entry in load("holidays").values():
        for word in entry.get("exclude", []):
            for name in entry["names"]:
                k = word.find(name)
                if k >= 0:
                    out.setdefault(name, []).append((k, word))
    return out


def excluded(name: str, text: str, start: int) -> bool:
    """True if the holiday name at ``text[start:]`` is part of an excluded word."""
    for k, word in exclusions().get(name, ()):
        a = start - k
        if a >= 0 and text.startswith(word, a):
            return True
    return False


@cache
def occurrences(name: str, year: int) -> tuple[tuple[date, int, bool], ...]:
    """Dates (start, length in days, approximate) of the holiday ``name`` in ``year``."""
    rule = by_name().get(name)
    if rule is None:
        return ()
    length = rule.get("length", 1)
    approx = bool(rule.get("approximate", False))
    starts = [d for d in _starts(rule, year) if d is not None]
    return tuple((d, length, approx) for d in starts)


def _starts(rule: dict, year: int) -> list[date | None]:
    kind = rule["kind"]
    if kind == "fixed":
        return [date(year, rule["month"], rule["day"])]
    if kind == "lunar":  # the occurrences falling in Gregorian ``year``
        days = (_lunar(y, rule["month"], rule["day"]) for y in (year - 1, year))
        return [d for d in days if d is not None and d.year == year]
    if kind == "nth":
        d = _nth_weekday(year, rule["month"], rule["weekday"], rule["n"])
        return [d + timedelta(days=rule.get("offset", 0))]
    if kind == "easter":
        from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

        method = EASTER_ORTHODOX if rule.get("orthodox") else EASTER_WESTERN
        return [easter(year, method) + timedelta(days=rule["offset"])]
    if kind == "islamic":
        return _islamic(year, rule["month"], rule["day"])
    if kind == "hebrew":
        return _hebrew(year, rule["month"], rule["day"], rule.get("offset", 0))
    if kind == "term":
        return [solar_term(year, rule["longitude"])]
    raise ValueError(f"unknown holiday rule {kind!r}")


def _lunar(year: int, month: int, day: int) -> date | None:
    from lunardate import LunarDate

    try:
        if day == 0:  # last day of the lunar month: the day before the next month's 1st
            nxt = (year + 1, 1) if month == 12 else (year, month + 1)
            return LunarDate(nxt[0], nxt[1], 1).to_solar_date() - timedelta(days=1)
        return LunarDate(year, month, day).to_solar_date()
    except ValueError:
        return None


def lunar_to_solar(year: int, month: int, day: int) -> date | None:
    """A Chinese lunar date (non-leap month) to the Gregorian date."""
    return _lunar(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The ``n``-th (1-based, -1 = last) ``weekday`` of a month, or None."""
    d = _nth_weekday(year, month, weekday, n)
    return d if d.month == month else None


def _islamic(year: int, month: int, day: int) -> list[date | None]:
    from convertdate import islamic

    hy = islamic.from_gregorian(year, 1, 1)[0]
    out = []
    for y in (hy, hy + 1):
        g = date(*islamic.to_gregorian(y, month, day))
        if g.year == year:
            out.append(g)
    return out


def _hebrew(year: int, month: int, day: int, offset: int) -> list[date | None]:
    import warnings

    from convertdate import hebrew

    out = []
    for hy in (year + 3760, year + 3761):
        try:
            with warnings.catch_warnings():  # convertdate calls its own deprecated helper
                warnings.simplefilter("ignore", DeprecationWarning)
                g = date(*hebrew.to_gregorian(hy, month, day)) + timedelta(days=offset)
        except ValueError:
            continue
        if g.year == year:
            out.append(g)
    return out


def _sun_longitude(jd: float) -> float:
    """Apparent ecliptic longitude of the sun in degrees (low-precision, ~0.01 deg)."""
    t = (jd - 2451545.0) / 36525.0
    l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    m = math.radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t)
    c = (
        (1.914602 - 0.004817 * t - 0.000014 * t * t) * math.sin(m)
        + (0.019993 - 0.000101 * t) * math.sin(2 * m)
        + 0.000289 * math.sin(3 * m)
    )
    omega = math.radians(125.04 - 1934.136 * t)
    return (l0 + c - 0.00569 - 0.00478 * math.sin(omega)) % 360.0


@cache
def solar_term(year: int, longitude: float) -> date:
    """The day (China Standard Time) on which the sun reaches ``longitude``."""
    # approximate day of year: March equinox ~ day 80, one degree ~ 1.0146 days
    guess_doy = 80 + ((longitude % 360) * 365.2422 / 360.0)
    jd0 = 1721424.5 + date(year, 1, 1).toordinal()  # JD of Jan 1 00:00 UT
    jd = jd0 + guess_doy
    if jd - jd0 > 365:
        jd -= 365.2422
    for _ in range(50):
        diff = (longitude - _sun_longitude(jd) + 180.0) % 360.0 - 180.0
        jd += diff * 365.2422 / 360.0
        if abs(diff) < 1e-6:
            break
    # to China Standard Time (UTC+8) civil date
    return date.fromordinal(int(math.floor(jd - 1721424.5 + 8 / 24.0)))
