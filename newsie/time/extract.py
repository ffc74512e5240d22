"""Public entry points: ``parse_time`` (one expression) and ``find_times`` (running text)."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import datetime, tzinfo
from typing import Literal, NamedTuple

from .grammar import dispatch, prefilter_regex, second_chars
from .normalize import normalize
from .resolve import NeedReference, resolve, resolve_range
from .spec import Spec, build, tokenize
from .value import TimeValue
from .zones import DEFAULT_TZ

Prefer = Literal["past", "future", "nearest"]
NO_PUBLICATION = "no publication time"
_DIGITS = re.compile(r"[0-9]+")
_TRIM = " \t\r\n，。、；,.;!?！？“”\"'（）()《》【】[]"
_OPENERS = set("从自在于截")
_CLOSERS = set("起始间际")
_WRAP = re.compile(r"^(?:从|自|在|于|截至|截止)?(.*?)(?:起|开始|期间|之际)?$", re.DOTALL)


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


def parse_time(
    expression: str,
    reference: datetime | None = None,
    *,
    prefer: Prefer = "past",
    tz: tzinfo = DEFAULT_TZ,
) -> TimeValue | None:
    """Normalise one time expression.

    Returns None when ``expression`` is not a time expression, or when it is relative
    and no ``reference`` is given (the clock is never consulted).  Absolute expressions
    get ``anchor='absolute'``, relative ones ``anchor='reference'``.
    """
    text = normalize(expression).strip(_TRIM)
    inner = _WRAP.match(text).group(1) if text[:1] in _OPENERS or text[-1:] in _CLOSERS else text
    if not inner:
        return None
    rx = dispatch().get(inner[:1])
    m = rx.fullmatch(inner) if rx is not None else None
    if m is None:
        return None
    ref = _aware(reference, tz)
    left = build(inner, tokenize(inner, *m.left), strict=False)
    if not left:
        return None
    try:
        if m.right is not None:
            right = build(inner, tokenize(inner, *m.right), strict=False)
            if right:
                value = resolve_range(left[-1], right[0], ref, None, prefer, tz, "reference")
                if value is not None:
                    return value
            return None
        return resolve(left[0], ref, None, prefer, tz, "reference")
    except (NeedReference, ValueError, OverflowError):
        return None


def find_times(
    text: str, published: datetime | None, *, prefer: Prefer = "past"
) -> list[TimeMatch]:
    """Every time mention in ``text`` with character offsets into ``text``.

    Relative mentions resolve against ``published`` (anchor ``'published'``);
    anaphoric ones (次日, 当天, 当晚, 此后两天 ...) against the previous resolved mention
    (anchor ``'previous'``).  Without ``published`` relative mentions come back with
    ``value=None`` and ``unresolved='no publication time'``.
    """
    norm = normalize(text)
    search = prefilter_regex().search
    table = dispatch()
    second = second_chars()
    ref = _aware(published, DEFAULT_TZ)
    out: list[TimeMatch] = []
    prev: TimeValue | None = None
    pos = 0
    while True:
        p = search(norm, pos)
        if p is None:
            break
        s = p.start()
        follow = second[norm[s]]
        if follow is not None and norm[s + 1 : s + 2] not in follow:
            pos = s + 1
            continue
        if "0" <= norm[s] <= "9":
            # a run of digits starts a mention only when a time word, a separator or a
            # unit follows it (2025年, 11/28, 3.5天, 10:30): most runs are amounts
            run_end = _DIGITS.match(norm, s).end()
            after = norm[run_end : run_end + 1]
            if not after or (after not in _AFTER_DIGITS and not after.isspace()):
                pos = run_end
                continue
        m = table[norm[s]].match(norm, s)
        if m is None:
            # every atom starting with a digit requires no digit before it, so no
            # match can start inside the rest of this run of digits
            pos = _DIGITS.match(norm, s).end() if "0" <= norm[s] <= "9" else s + 1
            continue
        pos = m.end
        left = build(norm, tokenize(norm, *m.left), strict=True)
        right = None
        if m.right is not None:
            right = build(norm, tokenize(norm, *m.right), strict=True)
        if right and left:
            rng = _range(left[-1], right[0], ref, prev, prefer)
            if rng is not None:
                for spec in left[:-1]:
                    prev = _emit(out, spec, ref, prev, prefer, norm)
                out.append(rng)
                if rng.value is not None:
                    prev = rng.value
                for spec in right[1:]:
                    prev = _emit(out, spec, ref, prev, prefer, norm)
                continue
        for spec in left + (right or []):
            prev = _emit(out, spec, ref, prev, prefer, norm)
    return _outside_urls(out, text)


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


#: What can follow the first run of digits of a mention, for every atom that starts with
#: digits (time.grammar): 年 世纪 月 日 号 点 时 H Q, units (秒 分钟 小时 钟头 天 周 星期
#: 礼拜 季度, with 个 半 多 before them), separators (- / . : ：), a.m./p.m. and range
#: connectors; or a space.  ``tests/time/test_extract.py`` checks it against the grammar.
_AFTER_DIGITS = frozenset("年世月日号点时HhQq个半多秒分小钟天周星礼季-/.:：AaPp至到~—–－～")


def _range(left: Spec, right: Spec, ref, prev, prefer) -> TimeMatch | None:
    try:
        value = resolve_range(left, right, ref, prev, prefer, DEFAULT_TZ, "published")
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


def _emit(out: list[TimeMatch], spec: Spec, ref, prev, prefer, text: str) -> TimeValue | None:
    """Resolve one spec, append the match, and return the new 'previous' value."""
    _coordinate(out, spec, text)
    try:
        value = resolve(spec, ref, prev, prefer, DEFAULT_TZ, "published")
    except NeedReference:
        out.append(TimeMatch(spec.start, spec.end, None, NO_PUBLICATION))
        return prev
    except (ValueError, OverflowError):
        return prev
    out.append(TimeMatch(spec.start, spec.end, value, None))
    if value.start is not None and value.kind in ("point", "range"):
        return value
    return prev
