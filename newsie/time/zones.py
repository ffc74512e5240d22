"""Time zones newsie knows by their Chinese names (data in ``rules/zones.toml``)."""

from __future__ import annotations

from datetime import timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

from .rules import load

DEFAULT_TZ = ZoneInfo("Asia/Shanghai")
#: The value in ``zones.toml`` for 当地时间 / 本地时间: the place's own zone, unknown here.
LOCAL = "local"


def zone_names() -> dict[str, str]:
    """Chinese (and a few ASCII) zone names -> IANA zone name or ``LOCAL``."""
    return load("zones")["zones"]


@cache
def named_zone(name: str, default: tzinfo = DEFAULT_TZ) -> tuple[tzinfo, bool]:
    """The zone for a name such as 北京时间 or 美国东部时间, and whether it is a guess.

    当地时间 needs a location the time module does not have: ``default`` is returned
    and the guess flag is set (values in it are marked approximate).
    """
    iana = zone_names().get(name)
    if iana is None or iana == LOCAL:
        return default, True
    return ZoneInfo(iana), False


def utc_offset(text: str) -> tzinfo:
    """A fixed zone from an offset like ``+8``, ``+08:00`` or ``-0530``.

    Raises ValueError for an offset no zone has: minutes over 59 or more than 14 hours
    (``+9:99`` is not read as +10:39), so the time mention is dropped, as 2月30日 is.
    """
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    if minutes > 59 or hours * 60 + minutes > 14 * 60:
        raise ValueError(f"not a UTC offset: {text}")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))
